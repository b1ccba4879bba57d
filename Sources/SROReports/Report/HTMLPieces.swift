import Foundation
import Plot
import SRORoster
import SROScenario

/// Content of the report's body.
typealias BodyNode = Node<HTML.BodyContext>

/// `text` as a text node. Plot escapes `<` and `>` but keeps sequences
/// that look like entities (`&amp;`, `&T;`) as they are; escaping every `&`
/// first makes a name such as `AT&T;` print as written.
func plain<Context>(_ text: String) -> Node<Context> {
  .text(text.replacingOccurrences(of: "&", with: "&amp;"))
}

/// An attribute with its value escaped (Plot writes attribute values as
/// given).
func attribute<Context>(_ name: String, _ value: String) -> Node<Context> {
  var escaped = ""
  for character in value {
    switch character {
    case "&": escaped += "&amp;"
    case "\"": escaped += "&quot;"
    case "<": escaped += "&lt;"
    case ">": escaped += "&gt;"
    default: escaped.append(character)
    }
  }
  return .attribute(named: name, value: escaped)
}

/// `<span class="…">text</span>`.
func span(_ cssClass: String, _ text: String) -> BodyNode {
  .span(.class(cssClass), plain(text))
}

extension CoverageMap.Fill {
  /// The class that colours it (see ``ReportStyle``).
  var cssClass: String {
    switch self {
    case .home: "home"
    case .away: "away"
    case .crossAgency: "cross"
    case .missing(let priority): priority >= 3 ? "miss3" : priority >= 2 ? "miss2" : "miss1"
    }
  }
}

/// Inline SVG: a school's day drawn along `axis`, one lane per officer the
/// blocks need, each place coloured by how it is filled.
func strip(_ day: CoverageMap.Day, axis: ClosedRange<Int>, label: String) -> BodyNode {
  let lanes = max(1, day.segments.map(\.fills.count).max() ?? 1)
  let width = axis.upperBound - axis.lowerBound
  var shapes: [BodyNode] = [rect(x: 0, y: 0, width: width, height: lanes * 10, "idle")]
  for segment in day.segments {
    for (lane, fill) in segment.fills.enumerated() {
      // Lanes of one block are 1 unit apart, so two officers read as two.
      let height = 10 * lanes / segment.fills.count
      shapes.append(
        rect(
          x: segment.start - axis.lowerBound, y: lane * height, width: segment.end - segment.start,
          height: segment.fills.count > 1 ? height - 1 : height, fill.cssClass))
    }
  }
  for hour in stride(from: axis.lowerBound + 60, to: axis.upperBound, by: 60) {
    shapes.append(rect(x: hour - axis.lowerBound - 1, y: 0, width: 2, height: lanes * 10, "tick"))
  }
  return .element(
    named: "svg",
    nodes: [
      attribute("class", "strip"), attribute("viewBox", "0 0 \(width) \(lanes * 10)"),
      attribute("preserveAspectRatio", "none"), attribute("role", "img"), attribute("aria-label", label),
    ] + shapes)
}

/// An SVG rectangle of class `cssClass`.
func rect(x: Int, y: Int, width: Int, height: Int, _ cssClass: String) -> BodyNode {
  .element(
    named: "rect",
    nodes: [
      attribute("class", cssClass), attribute("x", String(x)), attribute("y", String(y)),
      attribute("width", String(width)), attribute("height", String(height)),
    ])
}

/// The colour key.
func legend() -> BodyNode {
  let keys: [(String, String)] = [
    ("home", "the school's own officer"), ("away", "another officer of the agency"),
    ("cross", "an officer of another agency"), ("miss3", "missing, priority 3 or more"),
    ("miss2", "missing, priority 2"), ("miss1", "missing, priority 1"), ("idle", "nothing needed"),
  ]
  return .div(
    .class("legend"),
    .forEach(keys) { key, text in
      .span(
        .class("key"),
        .element(
          named: "svg",
          nodes: [
            attribute("viewBox", "0 0 10 10"), attribute("class", "swatch"),
            rect(x: 0, y: 0, width: 10, height: 10, key),
          ]),
        plain(text))
    })
}
