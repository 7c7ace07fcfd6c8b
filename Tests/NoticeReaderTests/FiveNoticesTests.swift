import Domain
import NoticeReader
import Testing

/// Every figure of the five real notices, read by a person from the notice and written here by hand.
@Suite("The five notices")
struct FiveNoticesTests {
    @Test func worcestershire2010() throws {
        let draft = try Fixtures.draft("worcestershire-2010")
        let n = draft.notice
        #expect(n.council == Council(name: "Worcestershire County Council", address: "County Hall, Spetchley Road, Worcester, WR5 2NP", laCode: "885", source: n.council.source))
        #expect(n.service == "Children's social care services")
        #expect(n.inspection.inspectorates == ["Ofsted"])
        #expect(n.inspection.published == .month(YearMonth(year: 2010, month: 11)!))
        #expect(n.inspection.judgement == .inadequate)
        #expect(n.noticeDate == nil)
        #expect(n.durationMonths == nil)
        #expect(n.targets.map(\.shape) == [
            TargetShape(id: .referrerInformedOfOutcome, unit: .percent, direction: .increase, baseline: nil, milestones: [m(100, nil)]),
            TargetShape(id: .initialAssessmentTimeliness, unit: .percent, direction: .increase, baseline: b(62, "2009-10"),
                        milestones: [m(70, "2011-06", .inMonth), m(80, "2011-12", .cumulativeYearToDate)]),
            TargetShape(id: .coreAssessmentTimeliness, unit: .percent, direction: .increase, baseline: b(21, "2009-10"),
                        milestones: [m(60, "2011-06", .inMonth), m(78, "2011-12", .cumulativeYearToDate)]),
            TargetShape(id: .casesAllocatedToQualifiedSW, unit: .percent, direction: .increase, baseline: nil, milestones: [m(100, nil)]),
            TargetShape(id: .swVacancyRate, unit: .percent, direction: .decrease, baseline: nil, milestones: [m(10, nil)]),
        ])
        #expect(n.targets[1].indicator == "initial assessments for children's social care carried out within timescale")
        #expect(n.deadlines.isEmpty)
        #expect(draft.reviewShapes == ["progress_review 2011-06", "final_review 2012-01-31"])
        #expect(n.board.cadenceWeeks == 4)
        #expect(n.board.independentChair == false)
        #expect(n.board.peerSupport == true)
        #expect(n.board.dfeObserver == false)
        #expect(n.board.partners == ["key partners and agencies"])
        #expect(n.consequence?.power == "s497A Education Act 1996")
        #expect(n.measures.count == 12)
        #expect(n.measures.first?.section == "The Council must take action to:")
    }

    @Test func gloucestershire2011() throws {
        let draft = try Fixtures.draft("gloucestershire-2011")
        let n = draft.notice
        #expect(n.council.name == "Gloucestershire County Council")
        #expect(n.council.address == "Shire Hall, Westgate Street, Gloucester, GL1 2TG")
        #expect(n.council.laCode == "916")
        #expect(n.service == "Children's social care services")
        #expect(n.inspection.inspectorates == ["Ofsted", "CQC"])
        #expect(n.inspection.published == .month(YearMonth(year: 2011, month: 1)!))
        #expect(n.inspection.judgement == .inadequate)
        #expect(n.targets.map(\.shape) == [
            TargetShape(id: .iaOutcomeNFARate, unit: .percent, direction: .decrease, baseline: b(66, "2010-09"), milestones: [m(30, "2012-09")]),
            TargetShape(id: .referrerInformedOfOutcome, unit: .percent, direction: .increase, baseline: nil, milestones: [m(100, nil)]),
            TargetShape(id: .cppLasting2yPlus, unit: .percent, direction: .decrease, baseline: nil, milestones: [m(nil, nil)]),
            TargetShape(id: .cppRepeatEver, unit: .percent, direction: .decrease, baseline: nil, milestones: [m(13, nil)]),
            TargetShape(id: .initialAssessmentTimeliness, unit: .percent, direction: .increase, baseline: b(50.4, "2009-10"), milestones: [m(75, nil)]),
            TargetShape(id: .coreAssessmentTimeliness, unit: .percent, direction: .increase, baseline: b(69.45, "2009-10"), milestones: [m(78, nil)]),
        ])
        #expect(n.targets[4].baseline?.qualifiers == ["in 10 days"])
        #expect(draft.deadlineDues == ["2011-05-06", "2012-04"])
        #expect(n.deadlines.first?.what == "Improvement Plan published")
        #expect(draft.reviewShapes == ["progress_review notice+6m", "progress_review 2012-04-30"])
        #expect(n.board.cadenceWeeks == 4)
        #expect(n.board.independentChair == false)
        #expect(n.board.peerSupport == true)
        #expect(n.board.dfeRole == .observer)
        #expect(n.consequence?.power == "s497A Education Act 1996")
        #expect(Set(n.measures.map(\.section)) == ["The Council must take action to:", "Social Care Practice", "Partnership and Governance"])
    }

    @Test func nottinghamshire2010() throws {
        let draft = try Fixtures.draft("nottinghamshire-2010")
        let n = draft.notice
        #expect(n.council.name == "Nottinghamshire County Council")
        #expect(n.council.address == "County Hall, West Bridgford, Nottingham NG2 7QP")
        #expect(n.council.laCode == "891")
        #expect(n.inspection.inspectorates == ["Ofsted", "CQC"])
        #expect(n.inspection.published == .month(YearMonth(year: 2010, month: 5)!))
        #expect(n.inspection.subJudgements == ["overall effectiveness", "capacity for improvement"])
        #expect(n.noticeDate == CalendarDate(year: 2010, month: 6, day: 29))
        #expect(n.targets.map(\.shape) == [
            TargetShape(id: .initialAssessmentTimeliness, unit: .percent, direction: .increase, baseline: b(54, "2009-10"),
                        milestones: [m(60, "2010-09", .inMonth), m(70, "2011-03", .inMonth), m(75, "2011-06-30", .cumulativeYearToDate)]),
            TargetShape(id: .coreAssessmentTimeliness, unit: .percent, direction: .increase, baseline: b(46, "2009-10"),
                        milestones: [m(55, "2010-09", .inMonth), m(70, "2011-03", .inMonth), m(75, "2011-06-30", .cumulativeYearToDate)]),
            TargetShape(id: .reReferral12m, unit: .percent, direction: .decrease, baseline: nil,
                        milestones: [m(30, "2010-09-30"), m(26, "2011-03-31"), m(nil, "2011-06-30")]),
            TargetShape(id: .cpReviewsOnTime, unit: .percent, direction: .increase, baseline: nil, milestones: [m(nil, nil)]),
            TargetShape(id: .swVacancyRate, unit: .percent, direction: .decrease, baseline: nil, milestones: [m(7, "2011-06-30")]),
            TargetShape(id: .swTurnoverRate, unit: .percent, direction: .decrease, baseline: nil, milestones: [m(10, "2011-06-30")]),
            TargetShape(id: .swSicknessDaysPerFTE, unit: .daysPerFTE, direction: .decrease, baseline: nil, milestones: [m(10, "2011-06-30")]),
        ])
        #expect(n.targets[0].baseline?.qualifiers == ["provisional"])
        #expect(n.targets[2].milestones[2].referencePeriod == "2008-09")
        #expect(draft.warnings.contains("'31 September 2010' is not a date; read as 2010-09-30"))
        #expect(n.deadlines.isEmpty)
        #expect(draft.reviewShapes == ["progress_review 2010-09", "final_review 2011-06"])
        #expect(n.board.cadenceWeeks == nil)
        #expect(n.board.dfeRole == .representative)
        #expect(n.board.independentChair == false)
        #expect(n.measures.count == 16)
    }

    @Test func somerset2013() throws {
        let draft = try Fixtures.draft("somerset-2013")
        let n = draft.notice
        #expect(n.council.name == "Somerset County Council")
        #expect(n.council.address == "County Hall, Taunton, Somerset, TA1 4DY")
        #expect(n.council.laCode == "933")
        #expect(n.service == "Children's Services")
        #expect(n.inspection.inspectorates == ["Ofsted"])
        #expect(n.inspection.startDate == .day(CalendarDate(year: 2013, month: 6, day: 24)!))
        #expect(n.inspection.endDate == .day(CalendarDate(year: 2013, month: 7, day: 3)!))
        #expect(n.inspection.published == .day(CalendarDate(year: 2013, month: 8, day: 5)!))
        #expect(n.inspection.subJudgements == ["overall effectiveness", "all three sub-judgements"])
        #expect(n.noticeDate == nil)
        #expect(n.durationMonths == 12)
        #expect(n.signatory == "Edward Timpson MP")
        #expect(n.targets.map(\.shape) == [
            TargetShape(id: .casesAllocatedToQualifiedSW, unit: .percent, direction: .increase, baseline: nil, milestones: [m(100, "notice+0m", .unspecified, .everyMonth)]),
            TargetShape(id: .unallocatedCases, unit: .count, direction: .decrease, baseline: nil, milestones: [m(0, "notice+12m", .snapshot, .everyMonth)]),
            TargetShape(id: .other, unit: .percent, direction: .increase, baseline: nil, milestones: [m(100, "notice+6m")]),
            TargetShape(id: .caseAuditAdequateOrBetter, unit: .percent, direction: .increase, baseline: nil, milestones: [m(75, nil)]),
            TargetShape(id: .supervisionRecordsAdequateOrBetter, unit: .percent, direction: .increase, baseline: nil, milestones: [m(80, nil)]),
        ])
        #expect(draft.deadlineDues == ["notice+12m", "notice+2m", "2014-01", "2014-01", "2013-12"])
        let meetings = n.deadlines.compactMap { d -> String? in if case .meeting(let name, _)? = d.due { return name } else { return nil } }
        #expect(meetings == ["January Improvement Board", "January Improvement Board", "December Board"])
        #expect(draft.reviewShapes == ["formal_assessment notice+6m", "report_to_ministers notice+12m", "chair_assessment notice+2m", "chair_assessment notice+8m"])
        #expect(n.board.cadenceWeeks == 4)
        #expect(n.board.independentChair == true)
        #expect(n.board.dfeRole == .participantObserver)
        #expect(n.board.partners == ["the Council's partners"])
        #expect(draft.warnings.contains { $0.hasPrefix("'January Improvement Board' has no year; read as January 2014") })
    }

    @Test func cumbria2012() throws {
        let draft = try Fixtures.draft("cumbria-2012")
        let n = draft.notice
        #expect(n.council.name == "Cumbria County Council")
        #expect(n.council.address == "5 Portland Square, Carlisle, CA1 1PU")
        #expect(n.council.laCode == "909")
        #expect(n.service == "Children's Services")
        #expect(n.inspection.inspectorates == ["Ofsted"])
        #expect(n.inspection.published == .day(CalendarDate(year: 2012, month: 5, day: 29)!))
        #expect(n.inspection.judgement == .inadequate)
        #expect(n.noticeDate == nil)
        #expect(n.targets.map(\.shape) == [
            TargetShape(id: .reReferral12m, unit: .percent, direction: .decrease, baseline: nil, milestones: [m(nil, nil)]),
        ])
        #expect(n.targets[0].indicator == "re-referral rates")
        #expect(draft.deadlineDues == ["2012-08-31", "notice+1m", "2014-01"])
        #expect(draft.reviewShapes == [
            "report_to_ministers 2012-10", "report_to_ministers 2013-04", "report_to_ministers 2013-10",
            "progress_review 2013-01", "progress_review 2013-07", "final_review 2014-01",
        ])
        #expect(n.board.name == "Safeguarding Improvement Board")
        #expect(n.board.cadenceWeeks == 4)
        #expect(n.board.alternativeCadenceWeeks == 6)
        #expect(n.board.alternativeNeedsDfEAgreement)
        #expect(n.board.independentChair)
        #expect(n.board.dfeRole == .participantObserver)
        #expect(n.board.partners == ["partner agencies"])
        #expect(n.measures.map(\.section).contains("Capacity and Capability"))
        // The paragraph that lost its bullet at a page break is still a measure, without its footnote marker.
        #expect(n.measures.contains { $0.text.hasPrefix("Ensure thresholds and criteria for assessment of the child and what to do when children") })
    }

    @Test func singleFieldsAreTracedToTheirWords() throws {
        let nottinghamshire = try Fixtures.draft("nottinghamshire-2010")
        #expect(nottinghamshire.words(at: try #require(nottinghamshire.notice.sources.noticeDate)) == "29. vi. 10")
        #expect(nottinghamshire.words(at: try #require(nottinghamshire.notice.council.source)) == "NOTTINGHAMSHIRE COUNTY COUNCIL")
        let somerset = try Fixtures.draft("somerset-2013")
        #expect(somerset.words(at: try #require(somerset.notice.sources.duration)) == "Twelve months")
        #expect(somerset.words(at: try #require(somerset.notice.sources.signatory)) == "Edward Timpson MP")
        #expect(somerset.words(at: try #require(somerset.notice.sources.service)) == "Children's Services")
        let worcestershire = try Fixtures.draft("worcestershire-2010")
        // Curly quotes and all: spans point into the text as read, not the folded text.
        #expect(worcestershire.words(at: try #require(worcestershire.notice.sources.service)) == "Children\u{2019}s social care services")
    }

    @Test(arguments: Fixtures.noticeNames)
    func everyMilestoneSpanHoldsItsFigure(name: String) throws {
        let draft = try Fixtures.draft(name)
        for target in draft.notice.targets {
            for milestone in target.milestones {
                let span = try #require(milestone.source)
                let words = draft.words(at: span)
                if let value = milestone.value {
                    let figure = value == value.rounded() ? String(Int(value)) : String(value)
                    let universal = (value == 100 && words.lowercased().contains("all")) || (value == 0 && words.lowercased().contains("no "))
                    #expect(words.contains(figure) || universal, "\(name): '\(words)' should show \(figure)")
                } else {
                    #expect(!words.isEmpty)
                }
            }
            if let baseline = target.baseline, let value = baseline.value, let span = baseline.source {
                let figure = value == value.rounded() ? String(Int(value)) : String(value)
                #expect(draft.words(at: span).contains(figure))
            }
        }
    }

    @Test(arguments: Fixtures.noticeNames)
    func everySpanLiesWithinTheText(name: String) throws {
        let draft = try Fixtures.draft(name)
        let length = draft.text.unicodeScalars.count
        var spans = draft.notice.measures.compactMap(\.source) + draft.notice.deadlines.compactMap(\.source) + draft.notice.reviews.compactMap(\.source)
        spans += draft.notice.targets.flatMap { [$0.source, $0.baseline?.source] + $0.milestones.map(\.source) }.compactMap { $0 }
        for span in spans {
            #expect(span.start >= 0 && span.start <= span.end && span.end <= length)
        }
    }
}
