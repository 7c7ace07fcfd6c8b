import Domain
import Foundation

/// How domain values kept as JSON text (a notice, its targets, the board's records) are written and read back: keys
/// sorted, so the same value is always the same text and the audit trail's before and after compare.
public enum StoredJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, _ json: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(json.utf8))
    }

    public static func decodeNotice(_ json: String) -> Notice? { decode(Notice.self, json) }
    public static func decodeTarget(_ json: String) -> Target? { decode(Target.self, json) }
}
