import ArgumentParser
import SROCore

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate a scenario and print the size of its model.")

  @OptionGroup var input: ScenarioOptions

  func run() throws {
    let scenario = try input.load()
    let model = try coverageModel(scenario)
    let families = model.model.constraintFamilies.map {
      "\($0) \(model.model.constraints(inFamily: $0).count)"
    }
    try Console.out(
      """
      \(input.scenario): valid
      \(scenario.name.isEmpty ? "(unnamed)" : scenario.name) (week starting \(scenario.week))
      schools \(scenario.schools.count), officers \(scenario.officers.count), \
      absences \(scenario.absences.count), closures \(scenario.closures.count), events \(scenario.events.count)
      blocks \(model.blocks.count), variables \(model.model.variables.count) \
      (\(model.assignments.count) assignments), rows \(model.model.constraints.count) \
      (\(families.joined(separator: ", ")))

      """)
  }
}
