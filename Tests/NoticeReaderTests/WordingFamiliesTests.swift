import Domain
import NoticeReader
import Testing

/// One small text per family of wording that notices use, and the damage PDF extraction does to them.
/// These are the reader's generalisation tests: none of these texts is one of the five notices.
@Suite("Wording families")
struct WordingFamiliesTests {
    private func targets(_ text: String) -> [TargetShape] { NoticeReader.read(text: text).notice.targets.map(\.shape) }

    // MARK: Numbers

    @Test func perCentSpelledOutAndDefinitionNumbersIgnored() {
        let t = targets("- increase the percentage of initial assessments completed within 10 working days of referral (NI 59) to 75 per cent by March 2012.")
        #expect(t == [TargetShape(id: .initialAssessmentTimeliness, unit: .percent, direction: .increase, baseline: nil, milestones: [m(75, "2012-03")])])
    }

    @Test func decimalsInBaselineAndMilestone() {
        let t = targets("- improve the percentage of core assessments completed within 35 working days from the 2010-11 baseline of 69.45% to 80.5% by 31 March 2012.")
        #expect(t == [TargetShape(id: .coreAssessmentTimeliness, unit: .percent, direction: .increase, baseline: b(69.45, "2010-11"), milestones: [m(80.5, "2012-03-31")])])
    }

    @Test func numberWrittenAsWords() {
        let t = targets("- reduce the vacancy rate for qualified social workers to no more than ten per cent by April 2013.")
        #expect(t == [TargetShape(id: .swVacancyRate, unit: .percent, direction: .decrease, baseline: nil, milestones: [m(10, "2013-04")])])
    }

    @Test func noUnallocatedCasesIsZero() {
        let t = targets("- ensure there are no unallocated cases at any time.")
        #expect(t.first?.id == .unallocatedCases)
        #expect(t.first?.unit == .count)
        #expect(t.first?.milestones.first?.value == 0)
    }

    @Test func inAllCasesIsOneHundredPerCent() {
        let t = targets("- ensure that in all cases referrers are informed of the outcome of their referral.")
        #expect(t == [TargetShape(id: .referrerInformedOfOutcome, unit: .percent, direction: .increase, baseline: nil, milestones: [m(100, nil)])])
    }

    @Test func bareCountForACountIndicator() {
        let t = targets("- reduce the average caseload of social workers to 18 by September 2013.")
        #expect(t == [TargetShape(id: .swAverageCaseload, unit: .childrenPerWorker, direction: .decrease, baseline: nil, milestones: [m(18, "2013-09")])])
    }

    @Test func casesPerWorkerUnit() {
        let t = targets("- reduce average caseloads to 18 children per social worker by March 2014.")
        #expect(t == [TargetShape(id: .swAverageCaseload, unit: .childrenPerWorker, direction: .decrease, baseline: nil, milestones: [m(18, "2014-03")])])
    }

    @Test func daysPerFTEIsSickness() {
        let t = targets("- reduce sickness absence among social workers to 8 days per FTE by March 2012.")
        #expect(t == [TargetShape(id: .swSicknessDaysPerFTE, unit: .daysPerFTE, direction: .decrease, baseline: nil, milestones: [m(8, "2012-03")])])
    }

    // MARK: Baselines

    @Test func baselineWithMonthInBrackets() {
        let t = targets("- the percentage of re-referrals within 12 months reduces from a baseline of 31% (Mar 2012) to 22% by March 2013;")
        #expect(t == [TargetShape(id: .reReferral12m, unit: .percent, direction: .decrease, baseline: b(31, "2012-03"), milestones: [m(22, "2013-03")])])
    }

    @Test func outturnBaseline() {
        let draft = NoticeReader.read(text: "- reduce re-referrals within 12 months from the 2011-12 outturn of 28% to 22% by March 2013.")
        #expect(draft.notice.targets.map(\.shape) == [TargetShape(id: .reReferral12m, unit: .percent, direction: .decrease, baseline: b(28, "2011-12"), milestones: [m(22, "2013-03")])])
        #expect(draft.notice.targets.first?.baseline?.qualifiers == ["outturn"])
    }

    @Test func plainFromTo() {
        let t = targets("- increase ICPCs held within 15 working days of the strategy discussion from 48% to 85% by December 2012.")
        #expect(t == [TargetShape(id: .icpcWithin15wd, unit: .percent, direction: .increase, baseline: b(48, nil), milestones: [m(85, "2012-12")])])
    }

    @Test func milestonesInSubListWithByAndFor() {
        let text = """
        - increase the percentage of initial assessments carried out within timescale from the provisional 2010-11 baseline of 58% to:
          - 65% for September 2011 (in-month figure)
          - 75% by 31 March 2012 (cumulative figure for the 2011-12 year)
        """
        #expect(targets(text) == [TargetShape(id: .initialAssessmentTimeliness, unit: .percent, direction: .increase, baseline: b(58, "2010-11"),
                                              milestones: [m(65, "2011-09", .inMonth), m(75, "2012-03-31", .cumulativeYearToDate)])])
    }

    @Test func dateGivenOnceInAListHeader() {
        let text = """
        By 31 March 2013:
        - reduce the turnover rate of social workers to 12%
        - reduce the proportion of agency social workers to 15%
        - increase the percentage of child protection reviews held within timescale to 100%
        """
        #expect(targets(text) == [
            TargetShape(id: .swTurnoverRate, unit: .percent, direction: .decrease, baseline: nil, milestones: [m(12, "2013-03-31")]),
            TargetShape(id: .swAgencyRate, unit: .percent, direction: .decrease, baseline: nil, milestones: [m(15, "2013-03-31")]),
            TargetShape(id: .cpReviewsOnTime, unit: .percent, direction: .increase, baseline: nil, milestones: [m(100, "2013-03-31")]),
        ])
    }

    // MARK: Bases

    @Test(arguments: [
        ("(in-month figure)", Basis.inMonth), ("in month", .inMonth), ("(cumulative)", .cumulativeYearToDate),
        ("year to date", .cumulativeYearToDate), ("(rolling 12 months)", .rolling12Months), ("(snapshot)", .snapshot),
        ("for the first three quarters of the 2012-13 reporting year", .cumulativeYearToDate),
    ])
    func basisWords(words: String, basis: Basis) {
        let t = targets("- reduce re-referrals to 20% by December 2012 \(words).")
        #expect(t.first?.milestones.first?.basis == basis)
        #expect(t.first?.milestones.first?.due == "2012-12")
    }

    @Test func asAtIsASnapshot() {
        let t = targets("- increase the percentage of care leavers with an up-to-date pathway plan to 90% as at 31 March 2013.")
        #expect(t == [TargetShape(id: .careLeaversPathwayPlan, unit: .percent, direction: .increase, baseline: nil, milestones: [m(90, "2013-03-31", .snapshot)])])
    }

    // MARK: Dates

    @Test(arguments: [
        ("by the end of January 2012", "2012-01-31"), ("by 30 June 2011", "2011-06-30"), ("by June 2011", "2011-06"),
        ("by the end of the financial year 2012-13", "2013-03"), ("by Q2 2012-13", "2012-09"), ("by quarter 3 of 2012/13", "2012-12"),
        ("in financial year 2012-13", "2013-03"), ("within two months of the date of this Improvement Notice", "notice+2m"),
        ("within six months of the issue of the Notice", "notice+6m"), ("by 1st April 2012", "2012-04-01"), ("by 14/03/2012", "2012-03-14"),
        ("for the first quarter of 2011-12", "2011-06"),
    ])
    func dueDates(words: String, due: String) {
        let t = targets("- increase the percentage of single assessments completed within 45 working days to 85% \(words).")
        #expect(t.first?.id == .singleAssessmentTimeliness)
        #expect(t.first?.milestones.first?.due == due, "\(words)")
    }

    @Test func impossibleDateReadAsMonthEndWithWarning() {
        let draft = NoticeReader.read(text: "- reduce re-referrals to 25% by 31 September 2012.")
        #expect(draft.notice.targets.first?.milestones.first?.due?.contractValue == "2012-09-30")
        #expect(draft.warnings.contains("'31 September 2012' is not a date; read as 2012-09-30"))
    }

    @Test func monthWithoutYearResolvedFromTheNoticeDate() {
        let text = """
        - reduce re-referrals to 25% by June.

        Signed: Date: 14/03/2012
        """
        let draft = NoticeReader.read(text: text)
        #expect(draft.notice.noticeDate == CalendarDate(year: 2012, month: 3, day: 14))
        #expect(draft.notice.targets.first?.milestones.first?.due?.contractValue == "2012-06")
        #expect(draft.warnings.contains { $0.hasPrefix("'June' has no year; read as June 2012") })
    }

    @Test(arguments: [("Date: 29. vi. 10", "2010-06-29"), ("Date: 14/03/2012", "2012-03-14"), ("Dated: 3rd April 2012", "2012-04-03"), ("Date: 29.06.2010", "2010-06-29")])
    func signatureDates(line: String, date: String) {
        #expect(NoticeReader.read(text: "Signed: A Minister\n\(line)\n").notice.noticeDate?.iso == date)
    }

    @Test func reviewDatesInAList() {
        let draft = NoticeReader.read(text: "Ministers must receive information on progress from the Chair in October 2012, April 2013 and October 2013. A final review will be held in January 2014.")
        #expect(draft.reviewShapes == ["report_to_ministers 2012-10", "report_to_ministers 2013-04", "report_to_ministers 2013-10", "final_review 2014-01"])
    }

    @Test func reviewAfterSixMonthsAndDeadlineRelativeToTheNotice() {
        let draft = NoticeReader.read(text: "A review of progress will take place after six months. The Improvement Plan must be agreed by the Board within one month of the date of this Notice.")
        #expect(draft.reviewShapes == ["progress_review notice+6m"])
        #expect(draft.deadlineDues == ["notice+1m"])
        #expect(draft.notice.deadlines.first?.what == "Improvement Plan agreed")
    }

    /// Today's notices give the interval and no first date: "DfE will review progress at least every six months".
    @Test func reviewsAtAnIntervalWithNoFirstDate() {
        let draft = NoticeReader.read(text: "This Improvement Notice will remain in force for 18 months.\n\nThe Department will review progress at least every six months; any review may lead to further action.")
        #expect(draft.notice.durationMonths == 18)
        #expect(draft.reviewShapes == ["progress_review notice+6m", "progress_review notice+12m", "progress_review notice+18m"])
        #expect(!draft.warnings.contains { $0.contains("has no date in the notice") })
        // With no length given, the first review and a warning to enter the rest.
        let open = NoticeReader.read(text: "The Department will review progress twice a year.")
        #expect(open.reviewShapes == ["progress_review notice+6m"])
        #expect(open.warnings.contains { $0.contains("is every 6 months from the notice, but the notice's length is not given") })
    }

    @Test func deadlineTiedToANamedBoardMeeting() {
        let draft = NoticeReader.read(text: "Date: 10/10/2013\n\n- A workforce strategy has been agreed in time for the March Improvement Board.")
        #expect(draft.notice.deadlines.first?.due == .meeting(name: "March Improvement Board", month: YearMonth(year: 2014, month: 3)))
    }

    // MARK: Targets without a date, aims without a number

    @Test func targetWithoutADate() {
        let draft = NoticeReader.read(text: "- improving the percentage of initial assessments carried out within timescale from the 2009-10 baseline of 50% to 75%")
        #expect(draft.notice.targets.map(\.shape) == [TargetShape(id: .initialAssessmentTimeliness, unit: .percent, direction: .increase, baseline: b(50, "2009-10"), milestones: [m(75, nil)])])
        #expect(draft.warnings.contains { $0.contains("has no date; it will be judged at the notice's final review") })
    }

    @Test func datedAimWithoutANumber() {
        let text = """
        - Reduce the percentage of re-referrals to children's social care to:
          - 28% by 31 December 2010
          - and sustain at 2009-10 levels by 31 March 2012
        """
        let t = NoticeReader.read(text: text).notice.targets
        #expect(t.map(\.shape) == [TargetShape(id: .reReferral12m, unit: .percent, direction: .decrease, baseline: nil, milestones: [m(28, "2010-12-31"), m(nil, "2012-03-31")])])
        #expect(t.first?.milestones.last?.referencePeriod == "2009-10")
    }

    @Test func comparatorLevelHasNoValue() {
        let t = targets("- bring the percentage of looked after children reviews held on time to at or above the England average by March 2013.")
        #expect(t == [TargetShape(id: .lacReviewsOnTime, unit: .percent, direction: .increase, baseline: nil, milestones: [m(nil, "2013-03")])])
    }

    // MARK: Meaning, not phrases

    @Test(arguments: [
        ("the percentage of children becoming the subject of a child protection plan for a second or subsequent time", IndicatorID.cppRepeatEver),
        ("the proportion of child protection plans lasting two years or more", .cppLasting2yPlus),
        ("the percentage of child protection conferences held within 15 working days of the strategy discussion", .icpcWithin15wd),
        ("the percentage of looked after children whose reviews were held within statutory timescales", .lacReviewsOnTime),
        ("the percentage of looked after children with an up to date health assessment", .lacHealthAssessmentTimeliness),
        ("the percentage of children on a child protection plan visited within 10 working days", .cpVisitsInTimescale),
        ("the percentage of looked after children with three or more placements in the year", .placementStabilityShortTerm),
        ("the percentage of case file audits rated good or better", .caseAuditGoodOrBetter),
        ("the percentage of case audits graded adequate or better", .caseAuditAdequateOrBetter),
        ("the percentage of referrals that are re-referrals within 12 months", .reReferral12m),
        ("the percentage of cases held by a qualified social worker", .casesAllocatedToQualifiedSW),
        ("the agency rate among children's social workers", .swAgencyRate),
        ("the percentage of referrals going on to initial assessment", .referralsToInitialAssessment),
        ("the percentage of initial assessments that end in no further action", .iaOutcomeNFARate),
        ("the percentage of child protection reviews held within timescale", .cpReviewsOnTime),
        ("the turnover of permanent social workers", .swTurnoverRate),
        ("the rate of sickness absence among social workers", .swAbsenceRate),
        ("the number of hours of training", .other),
    ])
    func indicatorByMeaning(words: String, id: IndicatorID) {
        #expect(targets("- change \(words) to 60% by March 2014.").first?.id == id, "\(words)")
    }

    // MARK: Board wording

    @Test func boardMonthlyWithPeerSupportAndObserver() {
        let b = NoticeReader.read(text: "The plan should be monitored by an Improvement Board, which we expect will meet once a month. The Improvement Board should include within its membership independent peer support from another local authority. An official from the Department for Education will attend as an observer.").notice.board
        #expect(b.cadenceWeeks == 4)
        #expect(b.peerSupport)
        #expect(!b.independentChair)
        #expect(b.dfeRole == .observer)
    }

    @Test func boardFourWeeksWithAgreedSixWeekAlternative() {
        let b = NoticeReader.read(text: "The Council must put in place an Improvement Board with an independent chair. The Board should meet every 4 weeks initially. If the Board wishes to meet at 6 week intervals this must be agreed with the Department for Education. An official from the Department will attend as a participant observer.").notice.board
        #expect(b.cadenceWeeks == 4)
        #expect(b.alternativeCadenceWeeks == 6)
        #expect(b.alternativeNeedsDfEAgreement)
        #expect(b.independentChair)
        #expect(b.dfeRole == .participantObserver)
    }

    // MARK: Damaged text

    @Test func hardWrappedTargetAndHyphenatedBreak() {
        let text = """
        - increase the percentage of initial assessments carried out within timescale
        from the 2009-10 baseline of 62% to 70% by June 2011 (in-month
        figure) and to 80% by December 2011 (cumulative figure for the first three quar-
        ters of the 2011-12 reporting year)
        """
        #expect(targets(text) == [TargetShape(id: .initialAssessmentTimeliness, unit: .percent, direction: .increase, baseline: b(62, "2009-10"),
                                              milestones: [m(70, "2011-06", .inMonth), m(80, "2011-12", .cumulativeYearToDate)])])
    }

    @Test func pageFurnitureInMidSentence() {
        let page = "Improvement Notice - Anytown Borough Council"
        let text = """
        \(page)

        - reduce the percentage of re-referrals to children's social care from the 2011-12 baseline of 30% to

        Page 2 of 4

        \(page)

        24% by March 2013 (rolling 12 months).

        Page 3 of 4

        \(page)

        - reduce the vacancy rate of social workers to 12% by March 2013.

        \(page)
        """
        #expect(targets(text) == [
            TargetShape(id: .reReferral12m, unit: .percent, direction: .decrease, baseline: b(30, "2011-12"), milestones: [m(24, "2013-03", .rolling12Months)]),
            TargetShape(id: .swVacancyRate, unit: .percent, direction: .decrease, baseline: nil, milestones: [m(12, "2013-03")]),
        ])
    }

    @Test func footnoteMarkersAndFootnoteLines() {
        let text = "- reduce re-referrals\u{00B3} to 20% by March 2013.\n\n\u{00B3}http://www.example.gov.uk/re-referrals\n"
        #expect(targets(text) == [TargetShape(id: .reReferral12m, unit: .percent, direction: .decrease, baseline: nil, milestones: [m(20, "2013-03")])])
    }

    @Test(arguments: ["\u{2022} ", "\u{F0B7} ", "o ", "- ", "* "])
    func bulletStyles(bullet: String) {
        let text = "The Council must:\n\(bullet)reduce re-referrals to 20% by March 2013\n\(bullet)reduce the vacancy rate to 10% by March 2013\n"
        #expect(targets(text).map(\.id) == [.reReferral12m, .swVacancyRate])
    }

    @Test func nonBreakingSpacesAndCurlyQuotes() {
        let text = "- 75%\u{00A0}of cases judged \u{2018}adequate\u{2019} or better through case\u{00A0}audit by 31\u{00A0}March\u{00A0}2014"
        #expect(targets(text) == [TargetShape(id: .caseAuditAdequateOrBetter, unit: .percent, direction: .increase, baseline: nil, milestones: [m(75, "2014-03-31")])])
    }

    @Test func windows1252Bytes() throws {
        // "Children\x92s" and an en dash, as a Word export writes them.
        var bytes = Array("To: Name ANYTOWN COUNCIL\nThe Council\u{0}".utf8)
        bytes.removeLast()
        bytes += [0x92, 0x73, 0x20, 0x96, 0x20] + Array(" reduce re-referrals to 20% by March 2013.".utf8)
        let draft = try NoticeReader.read(bytes: bytes)
        #expect(draft.encoding == "Windows-1252")
        #expect(draft.text.contains("Council\u{2019}s \u{2013}"))
        #expect(draft.notice.targets.map(\.shape) == [TargetShape(id: .reReferral12m, unit: .percent, direction: .decrease, baseline: nil, milestones: [m(20, "2013-03")])])
    }

    @Test func tableFlattenedWithBars() {
        let text = """
        Indicator | Baseline 2009-10 | June 2011 (in-month) | December 2011 (cumulative)
        Initial assessments within timescale | 62% | 70% | 80%
        Core assessments within timescale | 21% | 60% | 78%
        """
        #expect(targets(text) == [
            TargetShape(id: .initialAssessmentTimeliness, unit: .percent, direction: .increase, baseline: b(62, "2009-10"),
                        milestones: [m(70, "2011-06", .inMonth), m(80, "2011-12", .cumulativeYearToDate)]),
            TargetShape(id: .coreAssessmentTimeliness, unit: .percent, direction: .increase, baseline: b(21, "2009-10"),
                        milestones: [m(60, "2011-06", .inMonth), m(78, "2011-12", .cumulativeYearToDate)]),
        ])
    }

    @Test func tableFlattenedWithSpaces() {
        let text = """
        Indicator                                 Baseline 2011-12     Target Sept 2012     Target March 2013
        Re-referrals within 12 months             31%                  27%                  23%
        Child protection reviews on time          82%                  90%                  100%
        """
        #expect(targets(text) == [
            TargetShape(id: .reReferral12m, unit: .percent, direction: .decrease, baseline: b(31, "2011-12"), milestones: [m(27, "2012-09"), m(23, "2013-03")]),
            TargetShape(id: .cpReviewsOnTime, unit: .percent, direction: .increase, baseline: b(82, "2011-12"), milestones: [m(90, "2012-09"), m(100, "2013-03")]),
        ])
    }
}

/// Wording seen in later notices (2013 onwards) and in targets set out as data rows.
@Suite("Later wording")
struct LaterWordingTests {
    private func targets(_ text: String) -> [TargetShape] { NoticeReader.read(text: text).notice.targets.map(\.shape) }

    @Test func percentSignAsANounWithBracketedPeriods() {
        let t = targets("- % of initial assessments completed within 10 working days: from 65% (2012-13) to 80% (March 2014)")
        #expect(t == [TargetShape(id: .initialAssessmentTimeliness, unit: .percent, direction: .increase, baseline: b(65, "2012-13"), milestones: [m(80, "2014-03")])])
    }

    @Test func oneDateSharedByTwoLevels() {
        let t = targets("- increase the percentage of initial assessments completed within 10 working days to 75% and of core assessments completed within 35 working days to 80% by March 2012.")
        #expect(t == [
            TargetShape(id: .initialAssessmentTimeliness, unit: .percent, direction: .increase, baseline: nil, milestones: [m(75, "2012-03")]),
            TargetShape(id: .coreAssessmentTimeliness, unit: .percent, direction: .increase, baseline: nil, milestones: [m(80, "2012-03")]),
        ])
    }

    @Test(arguments: [("by end March 2014", "2014-03-31"), ("by the end of 2013-14", "2014-03"), ("by March 31st 2014", "2014-03-31"), ("by 31st March, 2014", "2014-03-31")])
    func moreDateForms(words: String, due: String) {
        #expect(targets("- reduce re-referrals to 18% \(words).").first?.milestones.first?.due == due, "\(words)")
    }

    @Test func atLeastAndOrBelow() {
        #expect(targets("- the percentage of child protection plans lasting two years or more to be 5% or below by March 2014").first?.direction == .decrease)
        #expect(targets("- the percentage of looked after children reviews held on time to be at least 95% by March 2014").first?.direction == .increase)
    }
}
