import Domain
import Spreadsheet

/// Reads CIN census XML files into `CINTables`, one file at a time, all or nothing per file.
///
/// The reader streams the file once. A file that is not well-formed XML, or not a CIN census, is rejected whole.
/// Inside a readable file every fault is reported with its line, child and field: a record that cannot be used (no
/// child id, no referral date) is left out and reported as an error; a doubtful value (an unknown code, dates in the
/// wrong order, a date in the future) is kept and reported as a warning. Elements the importer does not know (the
/// census adds blocks most years) are skipped with one warning per element name.
public struct CINCensusImporter {
    public init() {}

    public struct FileResult: Sendable {
        public var tables: CINTables
        public var report: FileReport
    }

    public func read(bytes: [UInt8], file: String) throws(ImportRejection) -> FileResult {
        var reader = Reader(scanner: XMLScanner(bytes: bytes), file: file)
        do {
            try reader.run()
        } catch let error as XMLScanner.SyntaxError {
            throw ImportRejection(file: file, line: error.line, reason: "not well-formed XML: \(error.message)")
        } catch let error as ImportRejection {
            throw error
        } catch {
            throw ImportRejection(file: file, line: 0, reason: "\(error)")
        }
        var t = reader.tables
        if let year = reader.layout.year, let first = CINLayout.firstYear["PreProceedingsandFGDM"], year >= first { t.collectsPreProceedings = true }
        var counts: [String: Int] = [
            "children": t.childCount, "referrals": t.episodeCount, "assessments": t.assessmentCount, "cin_plans": t.cinPlanCount,
            "section_47": t.s47Count, "cp_plans": t.planCount, "cp_reviews": t.reviewCount,
        ]
        if t.preProceedingsCount > 0 { counts["pre_proceedings"] = t.preProceedingsCount }
        counts["records_left_out"] = reader.leftOut
        var report = FileReport(file: file, accepted: true, collectionYear: reader.layout.year, referenceDate: reader.referenceDate,
                                laCode: reader.laCode, counts: counts, faults: reader.faults)
        report.readAs = reader.layout.description
        return FileResult(tables: t, report: report)
    }
}

/// Element names the importer knows, looked up by a hash of their bytes so no string is made per element.
enum CINTag: CaseIterable {
    case message, header, collectionDetails, collection, year, referenceDate, source, sourceLevel, lea, softwareCode,
         release, serialNo, dateTime, children, child, childIdentifiers, laChildID, upn, formerUPN, upnUnknown,
         personBirthDate, expectedPersonBirthDate, genderCurrent, personDeathDate, childCharacteristics, ethnicity,
         disabilities, disability, cinDetails, cinReferralDate, referralSource, primaryNeedCode, cinClosureDate,
         reasonForClosure, dateOfInitialCPC, assessments, assessmentActualStartDate, assessmentInternalReviewDate,
         assessmentAuthorisationDate, factorsIdentifiedAtAssessment, assessmentFactors, cinPlanDates, cinPlanStartDate,
         cinPlanEndDate, section47, s47ActualStartDate, initialCPCtarget, icpcNotRequired, referralNFA,
         childProtectionPlans, cppStartDate, cppEndDate, initialCategoryOfAbuse, latestCategoryOfAbuse,
         numberOfPreviousCPP, reviews, cppReviewDate, sex, preProceedings, ppStartDate, lbpSentDate, fgdmMeetingOffer,
         fgdmMeetingFac, initialPPMeetingDate, reviewMeetingsCount, stepDecisionDate, ppOutcome, courtAppDate,
         letterInitCPDate

    var name: String {
        switch self {
        case .message: return "Message"
        case .header: return "Header"
        case .collectionDetails: return "CollectionDetails"
        case .collection: return "Collection"
        case .year: return "Year"
        case .referenceDate: return "ReferenceDate"
        case .source: return "Source"
        case .sourceLevel: return "SourceLevel"
        case .lea: return "LEA"
        case .softwareCode: return "SoftwareCode"
        case .release: return "Release"
        case .serialNo: return "SerialNo"
        case .dateTime: return "DateTime"
        case .children: return "Children"
        case .child: return "Child"
        case .childIdentifiers: return "ChildIdentifiers"
        case .laChildID: return "LAchildID"
        case .upn: return "UPN"
        case .formerUPN: return "FormerUPN"
        case .upnUnknown: return "UPNunknown"
        case .personBirthDate: return "PersonBirthDate"
        case .expectedPersonBirthDate: return "ExpectedPersonBirthDate"
        case .genderCurrent: return "GenderCurrent"
        case .personDeathDate: return "PersonDeathDate"
        case .childCharacteristics: return "ChildCharacteristics"
        case .ethnicity: return "Ethnicity"
        case .disabilities: return "Disabilities"
        case .disability: return "Disability"
        case .cinDetails: return "CINdetails"
        case .cinReferralDate: return "CINreferralDate"
        case .referralSource: return "ReferralSource"
        case .primaryNeedCode: return "PrimaryNeedCode"
        case .cinClosureDate: return "CINclosureDate"
        case .reasonForClosure: return "ReasonForClosure"
        case .dateOfInitialCPC: return "DateOfInitialCPC"
        case .assessments: return "Assessments"
        case .assessmentActualStartDate: return "AssessmentActualStartDate"
        case .assessmentInternalReviewDate: return "AssessmentInternalReviewDate"
        case .assessmentAuthorisationDate: return "AssessmentAuthorisationDate"
        case .factorsIdentifiedAtAssessment: return "FactorsIdentifiedAtAssessment"
        case .assessmentFactors: return "AssessmentFactors"
        case .cinPlanDates: return "CINPlanDates"
        case .cinPlanStartDate: return "CINPlanStartDate"
        case .cinPlanEndDate: return "CINPlanEndDate"
        case .section47: return "Section47"
        case .s47ActualStartDate: return "S47ActualStartDate"
        case .initialCPCtarget: return "InitialCPCtarget"
        case .icpcNotRequired: return "ICPCnotRequired"
        case .referralNFA: return "ReferralNFA"
        case .childProtectionPlans: return "ChildProtectionPlans"
        case .cppStartDate: return "CPPstartDate"
        case .cppEndDate: return "CPPendDate"
        case .initialCategoryOfAbuse: return "InitialCategoryOfAbuse"
        case .latestCategoryOfAbuse: return "LatestCategoryOfAbuse"
        case .numberOfPreviousCPP: return "NumberOfPreviousCPP"
        case .reviews: return "Reviews"
        case .cppReviewDate: return "CPPreviewDate"
        case .sex: return "Sex"
        case .preProceedings: return "PreProceedingsandFGDM"
        case .ppStartDate: return "PPStartDate"
        case .lbpSentDate: return "LBPSentDate"
        case .fgdmMeetingOffer: return "FGDMMeetingOffer"
        case .fgdmMeetingFac: return "FGDMMeetingFac"
        case .initialPPMeetingDate: return "InitialPPMeetingDate"
        case .reviewMeetingsCount: return "ReviewMeetingsCount"
        case .stepDecisionDate: return "StepDecisionDate"
        case .ppOutcome: return "PPOutcome"
        case .courtAppDate: return "CourtAppDate"
        case .letterInitCPDate: return "LetterInitCPDate"
        }
    }

    static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// The tags in an open-addressed table keyed by hash: one multiply per byte and a compare, no String.
    private static let slots: [(hash: UInt64, tag: CINTag?)] = {
        var slots = [(hash: UInt64, tag: CINTag?)](repeating: (0, nil), count: 256)
        for tag in allCases {
            let h = hash(tag.name.utf8)
            precondition(!slots.contains { $0.tag != nil && $0.hash == h }, "CIN tag names must hash apart")
            var i = Int(h & 255)
            while slots[i].tag != nil { i = (i + 1) & 255 }
            slots[i] = (h, tag)
        }
        return slots
    }()

    static func lookup(_ h: UInt64) -> CINTag? {
        var i = Int(h & 255)
        while let tag = slots[i].tag {
            if slots[i].hash == h { return tag }
            i = (i + 1) & 255
        }
        return nil
    }
}
