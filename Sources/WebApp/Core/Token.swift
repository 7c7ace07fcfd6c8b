import Crypto
import Foundation

/// Random tokens (sessions, CSRF, API) and the keyed pseudonyms pages show instead of child identifiers.
enum Token {
    /// 32 random bytes, base64url without padding.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares without leaking, through timing, how much of the token matched.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

/// Pages and the API never show a child's identifier: a keyed hash of it, the same for the same child of the same
/// council under the same key, which cannot be turned back into the identifier without the key.
struct Pseudonymiser: Sendable {
    let key: SymmetricKey

    init(secret: String) {
        key = SymmetricKey(data: SHA256.hash(data: Data(("pseudonym:" + secret).utf8)))
    }

    func pseudonym(council: String, child: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(council)|\(child)".utf8), using: key)
        return "C-" + mac.prefix(5).map { String(format: "%02X", $0) }.joined()
    }

    /// A record description "child/kind/date/…" with its child part replaced.
    func describe(_ record: String, council: String) -> String {
        guard let slash = record.firstIndex(of: "/") else { return record }
        let head = String(record[..<slash])
        if head.hasPrefix("referral ") { return record }
        return pseudonym(council: council, child: head) + record[slash...]
    }
}
