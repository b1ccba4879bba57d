import ArgumentParser
import Foundation

@main
struct SRO: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sro",
    abstract: "Coverage scheduling for School Resource Officer programs.",
    discussion: """
      Exit codes: 0 success (a roster with uncovered blocks is a success), \
      64 bad command line, 65 bad scenario or roster input, 70 solver failure, \
      74 an output file, standard output or standard error could not be written, \
      or a roster file read, \
      1 roster failed validation, 130/143 a solve or compare stopped by SIGINT/SIGTERM \
      (the best roster or comparison so far written). A scenario file that cannot be read is bad input (65).
      """,
    subcommands: [
      CheckCommand.self, SolveCommand.self, ExplainCommand.self, CompareCommand.self, ExportCommand.self,
      ValidateCommand.self, GenerateCommand.self, BenchCommand.self, StaffingCommand.self,
    ])

  /// Parses the command line and runs the command; a stdout or stderr that
  /// cannot be written ends in exit 74 (a reader that went away included:
  /// SIGPIPE is ignored so that the write fails instead of killing sro).
  static func main() {
    signal(SIGPIPE, SIG_IGN)
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      Console.finish(error)
    }
    Console.finish(nil)
  }
}
