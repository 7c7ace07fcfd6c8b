import Foundation
import Testing

/// Compares text with a file in a snapshots folder. A missing file is written when RECORD_SNAPSHOTS=1 (and the test
/// says so, so a recording never passes silently); otherwise a missing or different file fails, showing the first
/// line that differs.
public enum TextSnapshot {
    public static func check(_ actual: String, named name: String, in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
                do {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try Data(actual.utf8).write(to: url)
                    Issue.record("Recorded snapshot \(name): look at it, then run the tests again", sourceLocation: sourceLocation)
                } catch {
                    Issue.record("Could not record snapshot \(name): \(error)", sourceLocation: sourceLocation)
                }
            } else {
                Issue.record("No snapshot \(name) in \(folder.path): run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            }
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        let line = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        let show = { (lines: [String]) in line < lines.count ? lines[line] : "(end of text)" }
        Issue.record("Snapshot \(name) differs at line \(line + 1):\n  expected: \(show(e))\n  actual:   \(show(a))", sourceLocation: sourceLocation)
    }
}
