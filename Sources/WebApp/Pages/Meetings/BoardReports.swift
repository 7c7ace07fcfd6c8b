import Domain
import Foundation
import Reports
import Storage

/// The board pack outside the web application, for `improve report`: the same pack, from the same database.
public enum BoardReports {
    public enum Format: String, Sendable, CaseIterable { case html, pdf }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The pack for a council (by LA code) and meeting (its number; the next meeting when nil).
    public static func pack(laCode: String, meeting: Int?, format: Format, settings: Settings) async throws -> (meeting: Int, bytes: Data) {
        let database = try StandaloneDatabase(settings.storage)
        do {
            try await database.migrate()
            let store = database.store
            guard let council = try await store.council(laCode: laCode) else {
                throw Failure(description: "no council with LA code \(laCode) in \(settings.storage.description)")
            }
            let data = try await BoardData.load(council, store: store, pictures: { let published = PublishedCache(); return PictureCache(records: CaseDataCache(published: published), published: published) }(), today: settings.today(for: council))
            guard let number = meeting ?? data.nextMeeting else { throw Failure(description: "\(council.name) has no meeting scheduled after \(data.asOf.iso)") }
            guard let pack = data.pack(meeting: number) else {
                throw Failure(description: "\(council.name) has no meeting \(number) (meetings 1 to \(data.meetings.count) are scheduled)")
            }
            let html = pack.html(styles: .inline(Stylesheet.site))
            let bytes: Data
            switch format {
            case .html: bytes = Data(html.utf8)
            case .pdf:
                do { bytes = try PDFPrinter.pdf(html: html) } catch let error as PDFPrinter.Unavailable { throw Failure(description: error.description) }
            }
            await database.shutdown()
            return (number, bytes)
        } catch {
            await database.shutdown()
            throw error
        }
    }
}
