import Domain
import Spreadsheet

/// A CIN census file as the tables the community CIN validator (data-to-insight/csc-validator-be-cin,
/// `cin_validator/ingress.py`, class `XMLtoCSV`) makes of it: same tables, same column names and order, raw text
/// values, an empty cell where an element is absent. `CINdetailsID` numbers a child's episodes from 1; `AssessmentID`
/// and `CPPID` number an episode's assessments and plans from 1; `AssessmentFactors` is written as the validator's
/// Python list (`['2A', '2B']`); a `Reviews` row is one `<Reviews>` element and its first `CPPreviewDate`.
/// The validator's pandas index column is not written. From 2026-27 a twelfth table, `PreProceedings`, holds each
/// `<PreProceedingsandFGDM>` block with its child and episode: the validator (as of May 2026) means the same table but
/// builds its frame from the field names as data rather than as columns, so its own output has no such columns yet;
/// ours gives the ten fields the block has.
public enum CINValidatorTables {
    public static let columns: [(table: String, columns: [String])] = [
        ("Header", ["Collection", "Year", "ReferenceDate", "SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"]),
        ("ChildIdentifiers", ["LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate", "GenderCurrent", "Sex", "PersonDeathDate"]),
        ("ChildCharacteristics", ["LAchildID", "Ethnicity"]),
        ("Disabilities", ["LAchildID", "Disability"]),
        ("CINdetails", ["LAchildID", "CINdetailsID", "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure", "DateOfInitialCPC", "ReferralNFA"]),
        ("Assessments", ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate", "AssessmentFactors"]),
        ("AssessmentFactorsList", ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactor"]),
        ("CINplanDates", ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"]),
        ("Section47", ["LAchildID", "CINdetailsID", "S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"]),
        ("ChildProtectionPlans", ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP"]),
        ("Reviews", ["LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"]),
        ("PreProceedings", ["LAchildID", "CINdetailsID", "PPStartDate", "LBPSentDate", "FGDMMeetingOffer", "FGDMMeetingFac", "InitialPPMeetingDate",
                            "ReviewMeetingsCount", "StepDecisionDate", "PPOutcome", "CourtAppDate", "LetterInitCPDate"]),
    ]

    /// Rows of each table, by table name; each row a value per column.
    public static func tables(bytes: [UInt8], file: String) throws(ImportRejection) -> [String: [[String]]] {
        var scanner = XMLScanner(bytes: bytes)
        var out: [String: [[String]]] = [:]
        for (table, _) in columns { out[table] = [] }
        var path: [String] = []
        var text = ""
        // The element currently being collected, as name → raw text.
        var header: [String: String] = [:]
        var child: [String: String] = [:]
        var childID = ""
        var disabilities: [String] = []
        var details: [String: String] = [:]
        var detailsID = 0, assessmentID = 0, planID = 0
        var assessment: [String: String] = [:]
        var factors: [String]?
        var cinPlan: [String: String] = [:]
        var s47: [String: String] = [:]
        var plan: [String: String] = [:]
        var review: String?
        var preProceedings: [String: String] = [:]
        var pendingRows: [(String, [String])] = []  // rows of a CINdetails, written once its id fields are known

        func row(_ table: String, _ values: [String: String]) -> [String] {
            columns.first { $0.table == table }!.columns.map { values[$0] ?? "" }
        }

        do {
            while let event = try scanner.next() {
                switch event {
                case .start(let name, _, let selfClosing):
                    let n = scanner.name(name)
                    if selfClosing {
                        if n == "FactorsIdentifiedAtAssessment" { factors = factors ?? [] }
                        continue
                    }
                    path.append(n)
                    text = ""
                    switch n {
                    case "Child": child = [:]; childID = ""; disabilities = []; detailsID = 0
                    case "CINdetails": details = [:]; detailsID += 1; assessmentID = 0; planID = 0; pendingRows = []
                    case "Assessments": assessment = [:]; factors = nil; assessmentID += 1
                    case "FactorsIdentifiedAtAssessment": factors = factors ?? []
                    case "CINPlanDates": cinPlan = [:]
                    case "Section47": s47 = [:]
                    case "ChildProtectionPlans": plan = [:]; planID += 1
                    case "Reviews": review = nil
                    case "PreProceedingsandFGDM": preProceedings = [:]
                    default: break
                    }
                case .text(let range, _):
                    text = scanner.text(range)
                case .end(let name, _):
                    let n = scanner.name(name)
                    guard !path.isEmpty else { continue }
                    path.removeLast()
                    let parent = path.last ?? ""
                    switch (parent, n) {
                    case ("CollectionDetails", _), ("Source", _): header[n] = text
                    case ("ChildIdentifiers", _):
                        child[n] = text
                        if n == "LAchildID" { childID = text }
                    case ("ChildCharacteristics", "Ethnicity"): child["Ethnicity"] = text
                    case ("Disabilities", "Disability"): disabilities.append(text)
                    case ("CINdetails", "Assessments"):
                        var values = assessment
                        values["LAchildID"] = childID
                        values["CINdetailsID"] = String(detailsID)
                        values["AssessmentID"] = String(assessmentID)
                        values["AssessmentFactors"] = factors.map { "[" + $0.map { "'\($0)'" }.joined(separator: ", ") + "]" } ?? ""
                        pendingRows.append(("Assessments", row("Assessments", values)))
                        for factor in factors ?? [] {
                            pendingRows.append(("AssessmentFactorsList", [childID, String(detailsID), String(assessmentID), factor]))
                        }
                    case ("CINdetails", "CINPlanDates"):
                        var values = cinPlan
                        values["LAchildID"] = childID
                        values["CINdetailsID"] = String(detailsID)
                        pendingRows.append(("CINplanDates", row("CINplanDates", values)))
                    case ("CINdetails", "Section47"):
                        var values = s47
                        values["LAchildID"] = childID
                        values["CINdetailsID"] = String(detailsID)
                        pendingRows.append(("Section47", row("Section47", values)))
                    case ("CINdetails", "ChildProtectionPlans"):
                        var values = plan
                        values["LAchildID"] = childID
                        values["CINdetailsID"] = String(detailsID)
                        values["CPPID"] = String(planID)
                        pendingRows.append(("ChildProtectionPlans", row("ChildProtectionPlans", values)))
                    case ("ChildProtectionPlans", "Reviews"):
                        if let review {
                            pendingRows.append(("Reviews", [childID, String(detailsID), String(planID), review]))
                        }
                    case ("Reviews", "CPPreviewDate"): review = review ?? text
                    case ("CINdetails", "PreProceedingsandFGDM"):
                        var values = preProceedings
                        values["LAchildID"] = childID
                        values["CINdetailsID"] = String(detailsID)
                        pendingRows.append(("PreProceedings", row("PreProceedings", values)))
                    case ("PreProceedingsandFGDM", _): preProceedings[n] = text
                    case ("CINdetails", _): details[n] = text
                    case ("Assessments", _): assessment[n] = text
                    case ("FactorsIdentifiedAtAssessment", "AssessmentFactors"): factors = (factors ?? []) + [text]
                    case ("CINPlanDates", _): cinPlan[n] = text
                    case ("Section47", _): s47[n] = text
                    case ("ChildProtectionPlans", _): plan[n] = text
                    case ("Child", "CINdetails"):
                        var values = details
                        values["LAchildID"] = childID
                        values["CINdetailsID"] = String(detailsID)
                        out["CINdetails"]!.append(row("CINdetails", values))
                        for (table, values) in pendingRows { out[table]!.append(values) }
                        pendingRows = []
                    case ("Children", "Child"):
                        out["ChildIdentifiers"]!.append(row("ChildIdentifiers", child))
                        out["ChildCharacteristics"]!.append([childID, child["Ethnicity"] ?? ""])
                        for d in disabilities { out["Disabilities"]!.append([childID, d]) }
                    case ("Message", "Header"):
                        out["Header"]!.append(row("Header", header))
                    default: break
                    }
                    text = ""
                }
            }
        } catch {
            throw ImportRejection(file: file, line: error.line, reason: "not well-formed XML: \(error.message)")
        }
        return out
    }

    /// The tables a file of its year has: the pre-proceedings table from 2026-27 (or whenever a file has such blocks).
    public static func written(_ tables: [String: [[String]]]) -> [String] {
        let header = tables["Header"]?.first
        let year = CINLayout.year(referenceDate: header?[2], yearElement: header?[1]) ?? 0
        return columns.map(\.table).filter { $0 != "PreProceedings" || year >= 2027 || !(tables[$0]?.isEmpty ?? true) }
    }

    /// A table as CSV text, quoting where a value needs it.
    public static func csv(_ table: String, rows: [[String]]) -> String {
        let header = columns.first { $0.table == table }!.columns
        var out = header.joined(separator: ",") + "\n"
        for row in rows {
            out += row.map(quote).joined(separator: ",") + "\n"
        }
        return out
    }

    static func quote(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }
}
