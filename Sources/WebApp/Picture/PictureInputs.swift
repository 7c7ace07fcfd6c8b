import Domain
import Foundation
import Storage
import Indicators

/// The parts of a council's picture that are costly to read and change seldom, kept between computations with the
/// counts that tell whether they are still current. Indicator values are replaced only by an import; audits and
/// hand-entered figures are only ever added (or, for audits, replaced by an import); so a count of imports, audits and
/// figures changes whenever they do. A picture computed after a plan action or a meeting's record then reads neither
/// the thousands of indicator values nor every audit again.
struct PictureInputs: Sendable {
    private var imports = -1
    private(set) var values: [IndicatorResult] = []
    private var auditKey = ""
    private(set) var audits: [(id: UUID, source: String, audit: CaseAuditRecord)] = []
    private var auditResultsKey = ""
    private var auditResults: [IndicatorResult] = []
    private var handCount = -1
    private(set) var handFigures: [CouncilScope.HandFigureRow] = []

    /// Reads again whatever has changed since the last call.
    mutating func refresh(from scope: CouncilScope) async throws {
        // Counted before the rows are read: rows added in between make the next count differ and are read again then.
        let imports = try await scope.importCount()
        if imports != self.imports {
            values = try await scope.indicatorResults()
            self.imports = imports
        }
        let auditKey = "\(imports)/\(try await scope.auditCount())"
        if auditKey != self.auditKey {
            audits = try await scope.audits()
            self.auditKey = auditKey
        }
        let handCount = try await scope.handFigureCount()
        if handCount != self.handCount {
            handFigures = try await scope.handFigureRows()
            self.handCount = handCount
        }
    }

    /// The audit indicators, every month to `asOf`, from the audits as they now stand.
    mutating func auditFigures(through asOf: CalendarDate) -> [IndicatorResult] {
        let key = "\(auditKey)@\(asOf.iso)"
        if key != auditResultsKey {
            auditResults = AuditFigures.results(audits.map(\.audit), through: asOf)
            auditResultsKey = key
        }
        return auditResults
    }
}
