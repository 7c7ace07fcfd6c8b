import CaseRecords
import Foundation

/// Small CIN census files written in tests, so every figure can be counted by hand.
public enum CINXML {
    public static func file(reference: String, la: String = "999", children: [String]) -> String {
        """
        <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>\(reference.prefix(4))</Year><ReferenceDate>\(reference)</ReferenceDate></CollectionDetails>
        <Source><SourceLevel>L</SourceLevel><LEA>\(la)</LEA></Source></Header>
        <Children>
        \(children.joined(separator: "\n"))
        </Children></Message>
        """
    }

    public static func child(_ id: String, episodes: [String]) -> String {
        "<Child><ChildIdentifiers><LAchildID>\(id)</LAchildID><GenderCurrent>1</GenderCurrent></ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>\n"
            + episodes.joined(separator: "\n") + "\n</Child>"
    }

    public static func episode(referral: String, closure: String? = nil, nfa: Bool = false, assessments: [(String, String?)] = [],
                        s47: [(String, String?)] = [], plans: [(start: String, end: String?, previous: Int, reviews: [String])] = []) -> String {
        var x = "<CINdetails><CINreferralDate>\(referral)</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>"
        if let closure { x += "<CINclosureDate>\(closure)</CINclosureDate><ReasonForClosure>RC1</ReasonForClosure>" }
        for (start, auth) in assessments {
            x += "<Assessments><AssessmentActualStartDate>\(start)</AssessmentActualStartDate>"
            if let auth { x += "<AssessmentAuthorisationDate>\(auth)</AssessmentAuthorisationDate>" }
            x += "</Assessments>"
        }
        for (start, icpc) in s47 {
            x += "<Section47><S47ActualStartDate>\(start)</S47ActualStartDate>"
            if let icpc { x += "<DateOfInitialCPC>\(icpc)</DateOfInitialCPC>" }
            x += "<ICPCnotRequired>false</ICPCnotRequired></Section47>"
        }
        x += "<ReferralNFA>\(nfa)</ReferralNFA>"
        for plan in plans {
            x += "<ChildProtectionPlans><CPPstartDate>\(plan.start)</CPPstartDate>"
            if let end = plan.end { x += "<CPPendDate>\(end)</CPPendDate>" }
            x += "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>\(plan.previous)</NumberOfPreviousCPP>"
            if !plan.reviews.isEmpty { x += "<Reviews>" + plan.reviews.map { "<CPPreviewDate>\($0)</CPPreviewDate>" }.joined() + "</Reviews>" }
            x += "</ChildProtectionPlans>"
        }
        return x + "</CINdetails>"
    }
}

extension CINXML {
    /// Reads one or more written files (in order of their reference dates) into tables, as the loader would.
    public static func tables(_ files: String...) throws -> CINTables {
        let results = try files.enumerated().map { n, xml in try CINCensusImporter().read(bytes: Array(xml.utf8), file: "test-\(n).xml") }
        return CINMerge.merge(results).tables
    }
}
