import ArgumentParser

@main
struct SRO: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sro",
    abstract: "Coverage scheduling for School Resource Officer programs.",
    discussion: """
      Exit codes: 0 success (a roster with uncovered blocks is a success), \
      64 bad command line, 65 bad scenario or roster input, 70 solver failure, \
      74 file could not be read or written, 1 roster failed validation.
      """,
    subcommands: [
      CheckCommand.self, SolveCommand.self, ExportCommand.self, ValidateCommand.self,
    ])
}
