import FuzzSupport
import NoticeReader

/// Any bytes into `NoticeReader.read(bytes:)`: decoding (UTF-8, Windows-1252, UTF-16, binary and size checks), layout,
/// the header, targets, schedule, board and measures readers; then the draft's JSON contract and text summary, which
/// must describe whatever the reader made of the text.
func run(_ bytes: [UInt8]) -> String {
    do {
        let draft = try NoticeReader.read(bytes: bytes)
        _ = draft.contractJSON
        _ = draft.textSummary
        return "read: \(draft.notice.targets.count) targets, \(draft.warnings.count) warnings"
    } catch {
        expect(!error.description.isEmpty, "a refused notice gives no reason")
        return "refused: \(error)"
    }
}

@main struct Main {
    static func main() { fuzzMain("fuzz-notice-reader", run) }
}
