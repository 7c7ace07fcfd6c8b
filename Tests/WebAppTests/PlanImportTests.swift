import Foundation
import Domain
import PlanSheet
import Storage
import Testing
import Vapor
@testable import WebApp

/// A whole Improvement Plan from a spreadsheet through the plan page: the documented sample imports whole; a sheet
/// with faults imports nothing and names each by row and column; the plan goes out as XLSX in the same columns.
@Suite("The plan from and to a spreadsheet", .serialized)
struct PlanImportTests {
    static func send(_ client: WebClient, council: UUID, name: String, bytes: [UInt8]) async throws -> WebClient.Reply {
        let page = try await client.get("/councils/\(council.uuidString)/plan")
        let token = try #require(WebClient.csrf(in: page.body))
        let boundary = "----improve-plan-boundary"
        let body = WorkflowTests.multipart([("_csrf", nil, Array(token.utf8)), ("file", name, bytes)], boundary: boundary)
        return try await client.request(.POST, "/councils/\(council.uuidString)/plan/import", body: body,
                                        contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    @Test("the sample plan imports whole; a faulty sheet imports nothing and says where; the plan comes back out as XLSX", arguments: Backend.allCases)
    func importAndExport(_ backend: Backend) async throws {
        let world = try await WebFixture.shared.world(backend)
        let officer = WebClient(world.app)
        try await officer.signIn(WebFixture.nottsOfficer, WebFixture.nottsPassword)
        let scope = Store(world.app.db).scope(world.notts)
        let before = try await scope.actions().count
        let sample = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/samples/improvement-plan.csv"))

        // A faulty copy: a day that does not exist and an owner no one is.
        var lines = String(decoding: sample, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[2] = lines[2].replacingOccurrences(of: "31/10/2025", with: "31/06/2025")
        lines[3] = lines[3].replacingOccurrences(of: ",Police,", with: ",Polce,")
        let faulty = try await Self.send(officer, council: world.notts, name: "plan.csv", bytes: Array(lines.joined(separator: "\n").utf8))
        #expect(faulty.status == .unprocessableEntity)
        #expect(faulty.body.contains("Nothing was imported from plan.csv"))
        #expect(faulty.body.contains("plan.csv, row 3, column Due:"))
        #expect(faulty.body.contains("plan.csv, row 4, column Owner:"))
        #expect(try await scope.actions().count == before, "nothing was stored")

        let imported = try await Self.send(officer, council: world.notts, name: "improvement-plan.csv", bytes: Array(sample))
        #expect(imported.status == .seeOther)
        #expect(imported.location?.hasSuffix("/plan?imported=12") == true)
        let actions = try await scope.actions().map(\.action)
        #expect(actions.count == before + 12)
        let first = try #require(actions.first { $0.reference == "1.1" })
        #expect(first.owner == .council && first.status == .complete && first.measure == 0 && first.due == CalendarDate(iso: "2025-09-30"))
        #expect(first.indicator?.rawValue == "cpp_lasting_2y_plus" && first.completedOn == CalendarDate(iso: "2025-09-26"))
        let page = try await officer.get(imported.location!).body
        #expect(page.contains("12 actions were imported from the spreadsheet."))

        // Out as XLSX, read back by the same columns: every action, by its reference.
        // (Other tests add actions to this council at the same time: the export has at least what was there before it
        // and at most what was there after.)
        let xlsx = try await officer.get("/councils/\(world.notts.uuidString)/plan.xlsx")
        let afterExport = try await scope.actions().count
        #expect(xlsx.status == .ok && xlsx.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        let back = try PlanSheet.read(bytes: xlsx.bodyBytes, fileName: "plan.xlsx")
        #expect(back.count >= actions.count && back.count <= afterExport)
        #expect(actions.filter { $0.reference != nil }.allSatisfy { a in back.contains { $0.reference == a.reference && $0.action.title == a.title } })
        #expect(back.first { $0.reference == "1.3" }?.action.owner == .police)
        let trail = try await Store(world.app.db).auditEntries(council: world.notts).map(\.action)
        #expect(trail.filter { $0 == "plan.action_imported" }.count >= 12)
    }
}
