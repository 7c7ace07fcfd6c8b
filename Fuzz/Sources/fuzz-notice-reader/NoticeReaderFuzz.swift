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

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#endif

@main struct Main {
    static func main() {
        #if FUZZING
        runFuzzer(fuzz)
        #else
        reproduce("fuzz-notice-reader", run)
        #endif
    }
}
