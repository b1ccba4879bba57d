import Foundation
import SRORoster
import SROScenario
import SROSearch

/// A shard file that cannot be merged: the file, the line, what is wrong.
public struct ShardError: Error, Sendable, CustomStringConvertible {
  public let description: String
}

/// Shards of a staffing study as JSON lines: the study's header on the
/// first line, then one sampled week per line. Merging checks that the
/// shards belong to one study and hold each of its weeks exactly once.
public enum StudyShards {
  /// The slice of `0 ..< samples` that shard `index` of `count` solves:
  /// contiguous, disjoint, together every sample.
  public static func slice(samples: Int, shard index: Int, of count: Int) -> Range<Int> {
    (samples * index / count)..<(samples * (index + 1) / count)
  }

  /// The shard text: header, then the weeks, one JSON object per line.
  public static func lines(header: StudyHeader, weeks: [SampledWeek]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    func line(_ value: some Encodable) -> String {
      // Plain structs of numbers, strings and lists always encode.
      (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? ""
    }
    return line(header) + weeks.map(line).joined()
  }

  /// The study's header and every week, from shard texts (`name` names
  /// each in messages).
  public static func merge(_ shards: [(name: String, text: String)]) throws(ShardError) -> (
    StudyHeader, [SampledWeek]
  ) {
    guard let first = shards.first else { throw ShardError(description: "no shard files given") }
    let decoder = JSONDecoder()
    var header: StudyHeader?
    var seen: [Int: String] = [:]
    var weeks: [SampledWeek] = []
    for shard in shards {
      let lines = shard.text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated().filter { !$0.element.isEmpty }
      guard let top = lines.first, top.offset == 0 else {
        throw ShardError(description: "\(shard.name):1: not a staffing shard (no study header)")
      }
      let own: StudyHeader
      do {
        own = try decoder.decode(StudyHeader.self, from: Data(top.element.utf8))
      } catch {
        throw ShardError(description: "\(shard.name):1: not a staffing study header: \(reason(error))")
      }
      if let header, header != own {
        throw ShardError(
          description: "\(shard.name):1: not the same study as \(first.name) (\(differences(header, own)))")
      }
      header = own
      for (offset, text) in lines.dropFirst() {
        let place = "\(shard.name):\(offset + 1)"
        let week: SampledWeek
        do {
          week = try decoder.decode(SampledWeek.self, from: Data(text.utf8))
        } catch {
          throw ShardError(description: "\(place): not a sampled week: \(reason(error))")
        }
        try check(week, at: place, header: own, seen: &seen)
        weeks.append(week)
      }
    }
    guard let header else { throw ShardError(description: "no shard files given") }
    let missing = (0..<header.samples).filter { seen[$0] == nil }
    if !missing.isEmpty {
      throw ShardError(
        description: "\(missing.count) of \(header.samples) sampled weeks missing (first: \(missing[0])); "
          + "merge every shard of the study")
    }
    return (header, weeks)
  }

  private static func check(
    _ week: SampledWeek, at place: String, header: StudyHeader, seen: inout [Int: String]
  ) throws(ShardError) {
    guard (0..<header.samples).contains(week.sample) else {
      throw ShardError(description: "\(place): sample \(week.sample) is outside 0..<\(header.samples)")
    }
    guard week.levels.count == header.levels.count else {
      throw ShardError(
        description: "\(place): sample \(week.sample) has \(week.levels.count) levels, "
          + "the study \(header.levels.count)")
    }
    if let earlier = seen[week.sample] {
      throw ShardError(description: "\(place): sample \(week.sample) is also in \(earlier)")
    }
    seen[week.sample] = place
  }

  /// The header fields that differ, by name.
  private static func differences(_ a: StudyHeader, _ b: StudyHeader) -> String {
    let left = Mirror(reflecting: a).children
    let right = Mirror(reflecting: b).children
    let names = zip(left, right).compactMap { x, y in
      "\(x.value)" == "\(y.value)" ? nil : x.label
    }
    return names.joined(separator: ", ") + " differ"
  }

  /// A decoding error in a few words.
  private static func reason(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "bad \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
    case DecodingError.dataCorrupted: return "not JSON"
    default: return "\(error)"
    }
  }
}
