import ArgumentParser
import LinearModel
import SROCore

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a scenario's model as a CPLEX LP or free MPS file.")

  @OptionGroup var input: ScenarioOptions

  @Option(help: "Write the model as CPLEX LP to this file.")
  var lp: String?

  @Option(help: "Write the model as free MPS to this file.")
  var mps: String?

  @Flag(
    help:
      "Write the straightforward model (pairwise travel and rest rows, every day and week row), as benchmarks compare against."
  )
  var plain = false

  func validate() throws {
    guard lp != nil || mps != nil else { throw ValidationError("give --lp FILE and/or --mps FILE") }
  }

  func run() throws {
    let model = try coverageModel(try input.load(), formulation: plain ? .plain : .tight).model
    if let lp { try emit(model, in: .cplexLP, to: lp) }
    if let mps { try emit(model, in: .freeMPS, to: mps) }
  }
}
