import Foundation

/// Loads scenario files (spec §1) into a validated ``Scenario``.
public enum ScenarioLoader {
  /// Loads `path` (after its `extends` chain) and then each overlay in
  /// order (each after its own `extends` chain), and validates the result.
  ///
  /// - Throws: ``ScenarioError`` with one ``Diagnostic`` per problem found,
  ///   in every file involved.
  /// Quick edits, if any, are merged last, like one more overlay.
  public static func load(
    _ path: String, overlays: [String] = [], edits: QuickEdits = QuickEdits()
  ) throws(ScenarioError) -> Scenario {
    var layering = Layering()
    layering.apply(file: path)
    for overlay in overlays { layering.apply(file: overlay) }
    let (layer, problems) = edits.layer()
    if let layer { layering.apply(layer: layer) }
    let scenario: Scenario
    do throws(ScenarioError) {
      scenario = try decode(layering)
    } catch {
      throw ScenarioError(error.diagnostics + problems)
    }
    guard problems.isEmpty else { throw ScenarioError(problems) }
    return scenario
  }

  /// Loads a scenario given as text (YAML or JSON); `file` names it in messages.
  public static func load(text: String, file: String) throws(ScenarioError) -> Scenario {
    var layering = Layering()
    layering.apply(layer: try SourceNode.parse(text, file: file))
    return try decode(layering)
  }

  /// Loads a scenario given as the bytes of a file named `file`, checked
  /// as a file on disk is (UTF-8, no control characters, the size limit).
  public static func load(data: Data, file: String) throws(ScenarioError) -> Scenario {
    guard data.count <= InputFile.maximumBytes else {
      throw ScenarioError([
        Diagnostic(Origin(file: file, path: ""), "larger than \(InputFile.maximumBytes) bytes")
      ])
    }
    switch InputFile.decode(data) {
    case .success(let text): return try load(text: text, file: file)
    case .failure(let failure): throw ScenarioError([failure.diagnostic(file: file)])
    }
  }

  static func decode(_ layering: Layering) throws(ScenarioError) -> Scenario {
    guard layering.diagnostics.isEmpty else { throw ScenarioError(inFileOrder: layering.diagnostics) }
    var decoder = ScenarioDecoder()
    switch decoder.decode(layering.document) {
    case .success(let scenario): return scenario
    case .failure(let error): throw ScenarioError(inFileOrder: error.diagnostics)
    }
  }
}
