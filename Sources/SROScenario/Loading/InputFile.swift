import Foundation

/// Reads an input file (a scenario, an overlay, a published roster) as
/// UTF-8 text, refusing what is not one with the reason: no such file, a
/// folder, a device or pipe, too large, not UTF-8 (with the line of the
/// first bad byte), a control character.
public enum InputFile {
  /// The largest input file read, in bytes: 4 MiB, eight times the
  /// largest district `sro generate` writes (2,000 schools, 0.52 MiB).
  /// Loading is linear, but YAML parsing has a large constant (about 20 s
  /// a MiB in a debug build), so a bound keeps `sro check` prompt.
  public static let maximumBytes = 4 << 20

  /// The text of `path`, or why it cannot be read.
  public static func text(of path: String) -> Result<String, InputFileError> {
    var info = stat()
    guard stat(path, &info) == 0 else {
      return .failure(
        InputFileError(errno == ENOENT ? "no such file" : "cannot read the file: \(lastError())"))
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(InputFileError("is a folder, not a file"))
    default: return .failure(InputFileError("is not a regular file (a device, pipe or socket)"))
    }
    guard Int(info.st_size) <= maximumBytes else {
      return .failure(
        InputFileError(
          "is \(megabytes(Int(info.st_size))); an input file may be at most \(megabytes(maximumBytes))"))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return .failure(InputFileError("cannot read the file: \(lastError())"))
    }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
    } catch {
      return .failure(InputFileError("cannot read the file: \(error.localizedDescription)"))
    }
    guard data.count <= maximumBytes else {
      return .failure(
        InputFileError("is larger than \(megabytes(maximumBytes)), the most an input file may be"))
    }
    return decode(data)
  }

  /// `data` as UTF-8 text without a byte-order mark, or why it is not.
  static func decode(_ data: Data) -> Result<String, InputFileError> {
    let bytes = [UInt8](data)
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return .failure(InputFileError("is UTF-16 (or UTF-32) text; save it as UTF-8"))
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    if let bad = firstInvalidUTF8(body) {
      return .failure(
        InputFileError(
          "is not UTF-8 text: byte 0x\(String(body[bad], radix: 16, uppercase: true)) cannot start or continue a character",
          line: line(of: bad, in: body)))
    }
    if let control = body.firstIndex(where: {
      $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x7F
    }) {
      let code = String(body[control], radix: 16, uppercase: true)
      return .failure(
        InputFileError(
          "holds the control character U+\(String(repeating: "0", count: 4 - code.count))\(code); is this a text file?",
          line: line(of: control, in: body)))
    }
    return .success(String(decoding: body, as: UTF8.self))
  }

  /// The offset of the first byte that breaks UTF-8 (overlong forms and
  /// surrogates included), or `nil`.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      let (length, low, high): (Int, UInt8, UInt8)
      switch lead {
      case 0x00...0x7F:
        index += 1
        continue
      case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
      case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
      case 0xED: (length, low, high) = (3, 0x80, 0x9F)
      case 0xE1...0xEF: (length, low, high) = (3, 0x80, 0xBF)
      case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
      case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
      case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
      default: return index
      }
      guard index + length <= bytes.count else { return index }
      guard (low...high).contains(bytes[index + 1]) else { return index + 1 }
      for next in index + 2..<index + length where !(0x80...0xBF).contains(bytes[next]) { return next }
      index += length
    }
    return nil
  }

  private static func line(of offset: Int, in bytes: [UInt8]) -> Int {
    bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
  }

  private static func megabytes(_ bytes: Int) -> String {
    let value = Double(bytes) / Double(1 << 20)
    return value == value.rounded() ? "\(Int(value)) MiB" : String(format: "%.1f MiB", value)
  }

  private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// Why an input file cannot be read as text; `line` where one byte is to blame.
public struct InputFileError: Error, Sendable {
  public var reason: String
  public var line: Int?

  init(_ reason: String, line: Int? = nil) {
    self.reason = reason
    self.line = line
  }

  /// The problem as a diagnostic against `file`.
  public func diagnostic(file: String) -> Diagnostic {
    Diagnostic(Origin(file: file, line: line, path: ""), reason)
  }
}
