import ArgumentParser

@main
struct SRO: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sro",
    abstract: "Coverage scheduling for School Resource Officer programs.")
}
