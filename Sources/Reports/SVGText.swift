import Foundation

/// Text and numbers as they are written into SVG: escaped for XML, and with at most one decimal whatever the locale.
enum SVGText {
    /// Escapes the five XML specials, and drops the control characters XML 1.0 cannot carry at all.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// "72", "78.5", "-3": rounded half away from zero to one decimal, no trailing ".0", never "-0", always a point.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -1e12), 1e12)
        let tenths = Int((clamped * 10).rounded())
        let magnitude = abs(tenths)
        let digits = magnitude % 10 == 0 ? "\(magnitude / 10)" : "\(magnitude / 10).\(magnitude % 10)"
        return tenths < 0 ? "-" + digits : digits
    }

    /// A short stable hash (FNV-1a, 32 bits) for element ids: the same text gives the same id on every run.
    static func hash(_ text: String) -> String {
        var h: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            h ^= UInt32(byte)
            h = h &* 0x0100_0193
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
