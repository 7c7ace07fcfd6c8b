import Domain
import Foundation
import Monitoring
import Reports
import Storage

/// A PDF of an HTML document, printed by headless Chromium when it is installed.
enum PDFPrinter {
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    static func chromium() -> String? {
        let candidates = [ProcessInfo.processInfo.environment["CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func pdf(html: String) throws -> Data {
        guard let browser = chromium() else {
            throw Unavailable(description: "PDF needs Chromium (the Debian package chromium); the HTML pack prints the same")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("board-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("pack.html"), out = folder.appendingPathComponent("pack.pdf")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(out.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = folder.path
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        guard let data = FileManager.default.contents(atPath: out.path), data.starts(with: Array("%PDF".utf8)) else {
            throw Unavailable(description: "Chromium did not write the PDF (exit status \(process.terminationStatus))")
        }
        return data
    }
}
