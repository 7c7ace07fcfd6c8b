import Domain
import Foundation
import NoticeReader
import Testing

/// Matching with humility: each target's indicator comes with a confidence and the words that decided it; a measure
/// the standard indicators do not cover is `other`, never the nearest standard id, and is put first for a person.
@Suite("Indicator matching")
struct IndicatorMatchingTests {
    private func target(_ text: String) throws -> Target {
        try #require(NoticeReader.read(text: text).notice.targets.first)
    }

    @Test("a measure of education, health and care plans within 20 weeks is another measure, not assessment timeliness")
    func ehcPlansAreOther() throws {
        let t = try target("- increase the percentage of EHC plans issued within 20 weeks from 35% to 60% by March 2024.")
        #expect(t.indicatorID == .other)
        let match = try #require(t.match)
        #expect(match.confidence < IndicatorMatch.threshold)
        #expect(match.doubt?.contains("education, health and care plans") == true)
    }

    @Test("care leavers in suitable accommodation is another measure, though it names care leavers")
    func careLeaversAccommodationIsOther() throws {
        let t = try target("- increase the percentage of care leavers in suitable accommodation from 78% to 90% by March 2023.")
        #expect(t.indicatorID == .other)
        #expect(t.match?.needsChecking == true)
    }

    @Test("the measures of the 2024-25 to 2026-27 returns and the National Framework are targets like the rest")
    func nationalFrameworkMeasures() throws {
        let cases: [(String, IndicatorID)] = [
            ("- increase the percentage of care leavers aged 19 to 21 in suitable accommodation from 78% to 90% by March 2027.", .careLeavers1921SuitableAccommodation),
            ("- increase the percentage of care leavers aged 17 to 18 in education, employment or training from 55% to 65% by March 2027.", .careLeavers1718EET),
            ("- increase the percentage of letters before proceedings offering a family group decision-making meeting from 40% to 100% by March 2027.", .ppFGDMOffered),
            ("- reduce the number of children looked after per 10,000 children from 98 to 85 by March 2027.", .claRatePer10k),
            ("- reduce the percentage of children in care with three or more social workers in the year from 20% to 10% by March 2027.", .claThreePlusSocialWorkers),
            ("- reduce changes of social worker for children in care from 40 to 20 a quarter by March 2027.", .claSocialWorkerChanges),
        ]
        for (text, id) in cases {
            let t = try target(text)
            #expect(t.indicatorID == id, "\(text)")
        }
    }

    @Test("children with three or more placements in the year is placement stability, with the words that decided it")
    func threeOrMorePlacements() throws {
        let t = try target("- reduce the percentage of looked after children with three or more placements in the year from 14% to 10% by March 2018.")
        #expect(t.indicatorID == .placementStabilityShortTerm)
        let match = try #require(t.match)
        #expect(match.confidence >= IndicatorMatch.checkBelow)
        #expect(match.words == ["placements", "three or more"])
        #expect(match.doubt == nil)
    }

    @Test("re-referrals within 12 months: certain, decided by the word re-referrals")
    func reReferrals() throws {
        let t = try target("- reduce re-referrals within 12 months from 27% to 22% by March 2018.")
        #expect(t.indicatorID == .reReferral12m)
        #expect(t.match == IndicatorMatch(confidence: 0.95, words: ["re-referrals"], doubt: nil))
    }

    @Test("the JSON gives each target's match; the notice page's list of fields to check starts with the doubtful indicator")
    func contractAndChecks() throws {
        let draft = NoticeReader.read(text: """
            - increase the percentage of EHC plans issued within 20 weeks from 35% to 60% by March 2024.
            - reduce re-referrals within 12 months from 27% to 22% by March 2024.
            """)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(draft.contractJSON.rendered().utf8)) as? [String: Any])
        let targets = try #require(json["targets"] as? [[String: Any]])
        #expect(targets.count == 2)
        let first = try #require(targets.first?["match"] as? [String: Any])
        #expect(first["confidence"] as? Double == 0)
        let second = try #require(targets.last?["match"] as? [String: Any])
        #expect(second["confidence"] as? Double == 0.95)
        #expect(second["words"] as? [String] == ["re-referrals"])
        let checks = NoticeFields.toCheck(draft.notice)
        #expect(checks.map(\.path) == ["noticeDate", "targets[0].indicator", "board.cadenceWeeks"])
        #expect(draft.warnings.contains { $0.hasPrefix("'EHC plans issued within 20 weeks") || $0.contains("education, health and care plans") })
    }

    @Test("no target of the five seed notices loses its standard indicator to doubt", arguments: Fixtures.noticeNames)
    func seedNoticesKeepTheirIndicators(name: String) throws {
        let draft = try Fixtures.draft(name)
        for target in draft.notice.targets {
            let match = try #require(target.match)
            #expect(target.indicatorID == .other ? match.confidence == 0 : match.confidence >= IndicatorMatch.threshold, "\(target.indicator)")
        }
    }

    @Test("a person's choice of indicator replaces the reader's, and its doubt with it")
    func correctingTheIndicator() throws {
        let draft = NoticeReader.read(text: "- increase the percentage of EHC plans issued within 20 weeks from 35% to 60% by March 2024.")
        let byID = try NoticeFields.apply("re_referral_12m", to: "targets[0].indicator", in: draft.notice)
        #expect(byID.targets[0].indicatorID == .reReferral12m)
        let byTitle = try NoticeFields.apply(IndicatorID.reReferral12m.info.title, to: "targets[0].indicator", in: draft.notice)
        #expect(byTitle.targets[0].indicatorID == .reReferral12m)
        #expect(byTitle.targets[0].match == nil)
        #expect(throws: NoticeFields.Invalid.self) { try NoticeFields.apply("EHC plans", to: "targets[0].indicator", in: draft.notice) }
    }
}
