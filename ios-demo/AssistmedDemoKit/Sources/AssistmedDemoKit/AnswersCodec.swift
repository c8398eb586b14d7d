import Assistmed
import Foundation

/// The saved form of a simulation: the answers as one flat JSON object of strings,
/// `{"$format":"1","signature_date":"2025-01-15","patientele_mt":"1200"}` — the same format and
/// the same reader as the Android app (`AnswersCodec.kt`), answers kept in order.
///
/// It stores the questionnaire's own vocabulary (question id → answer text), not a `Situation`:
/// an unfinished questionnaire can be saved too. `decode` returns nil on anything it does not
/// recognise: the app then starts a new simulation.
public enum AnswersCodec {
    public static let formatKey = "$format"
    public static let format = "1"

    public static func encode(_ answers: [Answer]) -> String {
        var out = "{" + quote(formatKey) + ":" + quote(format)
        for a in answers {
            out += "," + quote(a.id) + ":" + quote(a.value)
        }
        return out + "}"
    }

    public static func decode(_ json: String) -> [Answer]? {
        var parser = Parser(Array(json.unicodeScalars))
        guard let pairs = parser.objectOfStrings(),
              pairs.first(where: { $0.0 == formatKey })?.1 == format
        else { return nil }
        var seen = Set<String>()
        return pairs
            .filter { $0.0 != formatKey && seen.insert($0.0).inserted }
            .map { Answer(id: $0.0, value: $0.1) }
    }

    private static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// Reads exactly one JSON object whose values are all strings.
    private struct Parser {
        let s: [Unicode.Scalar]
        var i = 0

        init(_ s: [Unicode.Scalar]) {
            self.s = s
        }

        mutating func objectOfStrings() -> [(String, String)]? {
            var out: [(String, String)] = []
            skipSpace()
            guard eat("{") else { return nil }
            skipSpace()
            if eat("}") { return atEnd() ? out : nil }
            while true {
                skipSpace()
                guard let k = string() else { return nil }
                skipSpace()
                guard eat(":") else { return nil }
                skipSpace()
                guard let v = string() else { return nil }
                out.append((k, v))
                skipSpace()
                if eat(",") { continue }
                if eat("}") { return atEnd() ? out : nil }
                return nil
            }
        }

        private mutating func atEnd() -> Bool {
            skipSpace()
            return i == s.count
        }

        private mutating func skipSpace() {
            while i < s.count, [" ", "\t", "\r", "\n"].contains(s[i]) { i += 1 }
        }

        private mutating func eat(_ c: Unicode.Scalar) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }

        private mutating func string() -> String? {
            guard eat("\"") else { return nil }
            var out = String.UnicodeScalarView()
            while i < s.count {
                let c = s[i]
                i += 1
                switch c {
                case "\"":
                    return String(out)
                case "\\":
                    guard i < s.count else { return nil }
                    let e = s[i]
                    i += 1
                    switch e {
                    case "\"", "\\", "/": out.append(e)
                    case "b": out.append("\u{08}")
                    case "f": out.append("\u{0C}")
                    case "n": out.append("\n")
                    case "r": out.append("\r")
                    case "t": out.append("\t")
                    case "u":
                        guard i + 4 <= s.count,
                              let code = UInt32(String(String.UnicodeScalarView(s[i ..< i + 4])), radix: 16),
                              let scalar = Unicode.Scalar(code)
                        else { return nil }
                        out.append(scalar)
                        i += 4
                    default:
                        return nil
                    }
                default:
                    if c.value < 0x20 { return nil }
                    out.append(c)
                }
            }
            return nil
        }
    }
}
