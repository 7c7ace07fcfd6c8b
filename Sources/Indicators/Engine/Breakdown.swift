import CaseRecords
import Domain

/// What a figure is made of: its records grouped by something the data records about them, so a board can see what
/// drives a bad month (a referral source, an age band, a category of abuse).
public enum BreakdownAttribute: String, Sendable, CaseIterable {
    case referralSource = "referral source"
    case ageBand = "age band"
    case categoryOfAbuse = "category of abuse"
    /// A looked-after child's placement type (903 PLACE), shown as the code: 2025-26 added Z11 to Z14, whose
    /// meanings the product does not guess.
    case placementType = "placement type"
    /// Why a looked-after child's social worker changed (903 SW_REASON).
    case reasonForChange = "reason for the change"
}

public struct BreakdownGroup: Sendable, Equatable {
    public var value: String
    public var numerator: Int
    public var denominator: Int
    public var rate: Double { denominator == 0 ? 0 : 100 * Double(numerator) / Double(denominator) }
}

extension CaseData {
    /// The attribute's value for a record, where the record's table carries it.
    public func attribute(_ attribute: BreakdownAttribute, of ref: RecordRef) -> String? {
        switch (attribute, ref.table) {
        case (.placementType, .lacEpisode): return lac.map { $0.episodePlacement[Int(ref.index)] }.flatMap { $0.isEmpty ? nil : $0 }
        case (.reasonForChange, .socialWorkerEpisode): return lac.map { $0.swReason[Int(ref.index)] }.flatMap { $0.isEmpty ? nil : $0 }
        case (.placementType, _), (.reasonForChange, _): return nil
        default: break
        }
        guard let t = cin else { return nil }
        let i = Int(ref.index)
        let episode: Int? = {
            switch ref.table {
            case .referral: return i
            case .assessment: return Int(t.assessmentEpisode[i])
            case .section47: return Int(t.s47Episode[i])
            case .plan: return Int(t.planEpisode[i])
            case .review: return Int(t.planEpisode[Int(t.reviewPlan[i])])
            case .preProceedings: return Int(t.ppEpisode[i])
            case .child, .initialAssessment, .coreAssessment, .bundleReferral, .audit, .feedback, .lacEpisode, .careLeaver, .annexS47,
                 .socialWorkerEpisode, .dolOrder, .oc3: return nil
            }
        }()
        switch attribute {
        case .placementType, .reasonForChange:
            return nil
        case .referralSource:
            return episode.map { t.referralSource[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        case .categoryOfAbuse:
            switch ref.table {
            case .plan: return t.planLatestCategory[i]
            case .review: return t.planLatestCategory[Int(t.reviewPlan[i])]
            default: return nil
            }
        case .ageBand:
            guard let e = episode else { return nil }
            let child = Int(t.episodeChild[e])
            guard t.birthDate[child] != noDate else { return nil }
            let years = Int(t.referralDate[e] - t.birthDate[child]) / 365
            switch years {
            case ..<1: return "under 1"
            case 1...4: return "1 to 4"
            case 5...9: return "5 to 9"
            case 10...15: return "10 to 15"
            default: return "16 and over"
            }
        }
    }

    /// A result's records grouped by an attribute; needs the result's records (`keepRecords`).
    public func breakdown(_ result: IndicatorResult, by attribute: BreakdownAttribute) -> [BreakdownGroup] {
        var groups: [String: (Int, Int)] = [:]
        let inNumerator = Set(result.numeratorRecords)
        // A count has no denominator: its own records are grouped.
        for ref in result.denominatorRecords.isEmpty ? result.numeratorRecords : result.denominatorRecords {
            guard let value = self.attribute(attribute, of: ref) else { continue }
            var g = groups[value] ?? (0, 0)
            g.1 += 1
            if inNumerator.contains(ref) { g.0 += 1 }
            groups[value] = g
        }
        return groups.map { BreakdownGroup(value: $0.key, numerator: $0.value.0, denominator: $0.value.1) }
            .sorted { ($0.denominator, $0.value) > ($1.denominator, $1.value) }
    }
}
