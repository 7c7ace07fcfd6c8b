import CaseRecords
import Domain
import Indicators
import TestSupport
import Testing

/// The indicators that come from the council's own records (the CSV bundle), counted by hand.
@Suite("Bundle indicators")
struct BundleIndicatorsTests {
    func bundle(_ files: String...) throws -> BundleTables {
        var tables = BundleTables()
        for (n, csv) in files.enumerated() { tables.append(try BundleImporter().read(bytes: Array(csv.utf8), file: "t\(n).csv").tables) }
        return tables
    }

    func figure(_ id: String, _ data: CaseData, _ basis: Basis, _ month: String) -> (Double, Double, Double?) {
        let r = IndicatorEngine().evaluate(data, .init(months: [YearMonth(iso: month)!], bases: [basis])).first { $0.indicator.rawValue == id }!
        return (r.numerator, r.denominator, r.value)
    }

    @Test func initialAssessmentsMoveFromSevenToTenWorkingDaysInApril2010() throws {
        let b = try bundle("""
        child_id,referral_date,start_date,completion_date,outcome
        A,2010-03-19,2010-03-19,2010-03-31,CORE
        B,2010-03-22,2010-03-22,2010-03-31,NFA
        C,2010-03-24,2010-03-24,2010-04-08,CORE
        D,2010-03-23,2010-03-23,2010-04-08,SERVICES
        E,2010-04-01,2010-04-01,,CORE
        F,2010-04-09,2010-04-09,2010-04-08,NFA
        """)
        let d = CaseData(bundle: b)
        // March: A took 8 working days against the old limit of 7; B took 7.
        #expect(figure("initial_assessment_timeliness", d, .inMonth, "2010-03") == (1, 2, 50))
        // April: C took 9 and D 10, both within the new limit of 10; E is open; F ends before its referral.
        #expect(figure("initial_assessment_timeliness", d, .inMonth, "2010-04") == (2, 2, 100))
        #expect(figure("ia_outcome_nfa_rate", d, .inMonth, "2010-03") == (1, 2, 50))
    }

    @Test func coreAssessmentsRunFromTheirOwnStart() throws {
        let b = try bundle("""
        child_id,start_date,completion_date
        A,2011-05-11,2011-06-29
        B,2011-05-12,2011-07-15
        """)
        let d = CaseData(bundle: b)
        #expect(figure("core_assessment_timeliness", d, .inMonth, "2011-06") == (1, 1, 100))  // 34 working days
        #expect(figure("core_assessment_timeliness", d, .inMonth, "2011-07") == (0, 1, 0))    // 45
    }

    @Test func referralsGoingOnToInitialAssessment() throws {
        let b = try bundle("""
        child_id,referral_id,referral_date
        A,R1,2011-04-04
        B,R2,2011-04-21
        C,R3,2011-04-28
        """, """
        child_id,referral_date,start_date,completion_date,outcome
        A,2011-04-04,2011-04-05,2011-04-12,NFA
        C,2011-04-28,2011-05-03,,CORE
        """)
        #expect(figure("referrals_to_initial_assessment", CaseData(bundle: b), .inMonth, "2011-04") == (2, 3, 200.0 / 3))
    }

    @Test func auditGradesOnBothScalesWithModeration() throws {
        let b = try bundle("""
        case_id,audit_date,auditor,grade,scale_version,management_oversight_grade,child_voice_recorded,moderated_grade,moderation_date
        A,2014-02-03,X,good,2013,good,Y,,
        B,2014-02-05,X,requires improvement,2013,inadequate,N,,
        C,2014-02-10,X,good,2013,,Y,inadequate,2014-03-04
        D,2013-10-10,X,adequate,2010,adequate,Y,,
        E,2014-02-12,X,inadequate,2013,requires improvement,N,,
        """)
        let d = CaseData(bundle: b)
        #expect(figure("case_audit_adequate_or_better", d, .inMonth, "2014-02") == (2, 3, 200.0 / 3))  // C counts in March
        #expect(figure("case_audit_good_or_better", d, .inMonth, "2014-02") == (1, 3, 100.0 / 3))
        #expect(figure("case_audit_adequate_or_better", d, .inMonth, "2014-03") == (0, 1, 0))
        #expect(figure("case_audit_adequate_or_better", d, .inMonth, "2013-10") == (1, 1, 100))  // "adequate" on the old scale
        // Supervision records: only audits that graded them (C did not).
        #expect(figure("supervision_records_adequate_or_better", d, .inMonth, "2014-02") == (2, 3, 200.0 / 3))
    }

    @Test func gradesOutsideTheirScaleAreFlagged() throws {
        let result = try BundleImporter().read(bytes: Array("""
        case_id,audit_date,auditor,grade,scale_version,management_oversight_grade,child_voice_recorded
        A,2014-02-03,X,adequate,2013,,
        B,2014-02-03,X,excellent,2013,,
        """.utf8), file: "audits.csv")
        #expect(result.table == .caseAudits)
        #expect(result.tables.auditCase == ["A"])
        #expect(result.report.faults.map { "\($0.line) \($0.severity.rawValue) \($0.field)" } == ["2 warning grade", "3 error grade"])
    }

    @Test func referrersToldTheOutcomeLeavingOutAnonymousAndSelfReferrals() throws {
        let b = try bundle("""
        referral_id,decision_date,referrer_informed_date,referrer_type
        R1,2011-05-03,2011-05-04,agency
        R2,2011-05-10,,agency
        R3,2011-05-11,2011-05-09,agency
        R4,2011-05-12,,anonymous
        R5,2011-05-13,,self
        """)
        #expect(figure("referrer_informed_of_outcome", CaseData(bundle: b), .inMonth, "2011-05") == (1, 3, 100.0 / 3))
    }

    @Test func workforceFormulasReproduceDfEs2023EnglandFigures() throws {
        // The national totals of INDICATORS.md §3.15, as one council's September 2023, with the year's leavers and
        // days lost in that month and none in the eleven before.
        var rows = "month,in_post_fte,vacancies_fte,agency_fte,leavers_fte,working_days_lost,cases,case_holding_fte\n"
        var m = YearMonth(year: 2022, month: 10)!
        for _ in 0..<11 {
            rows += "\(m.iso),33119.1,7722.7,7173.5,0,0,337055,21111.4\n"
            m = m.adding(months: 1)
        }
        rows += "2023-09,33119.1,7722.7,7173.5,5254.6,270751,337055,21111.4\n"
        let d = CaseData(bundle: try bundle(rows))
        func value(_ id: String, _ basis: Basis) -> Double { figure(id, d, basis, "2023-09").2! }
        #expect((value("sw_vacancy_rate", .snapshot) * 10).rounded() / 10 == 18.9)
        #expect((value("sw_agency_rate", .snapshot) * 10).rounded() / 10 == 17.8)
        #expect(value("sw_average_caseload", .snapshot).rounded() == 16)
        #expect((value("sw_turnover_rate", .rolling12Months) * 10).rounded() / 10 == 15.9)
        #expect((value("sw_sickness_days_per_fte", .rolling12Months) * 10).rounded() / 10 == 8.2)
        #expect((value("sw_absence_rate", .rolling12Months) * 10).rounded() / 10 == 3.2)
        // Eleven months are not a year: no turnover figure for August.
        #expect(figure("sw_turnover_rate", d, .rolling12Months, "2023-08").2 == nil)
    }

    @Test func visitsAllocationAndQualifiedWorkersMeetTheCensusCases() throws {
        let cin = try CINXML.tables(CINXML.file(reference: "2012-03-31", children: [
            CINXML.child("A", episodes: [CINXML.episode(referral: "2011-05-02", plans: [("2011-06-01", nil, 0, [])])]),
            CINXML.child("B", episodes: [CINXML.episode(referral: "2011-05-02", plans: [("2011-06-01", nil, 0, [])])]),
            CINXML.child("C", episodes: [CINXML.episode(referral: "2011-07-20", plans: [("2011-07-25", nil, 0, [])])]),  // plan too new to judge
            CINXML.child("D", episodes: [CINXML.episode(referral: "2011-05-02", closure: "2011-06-30")]),                 // closed by the end of July
        ]))
        let b = try bundle("""
        child_id,visit_date,seen,seen_alone
        A,2011-07-18,Y,N
        B,2011-07-04,Y,Y
        B,2011-07-25,N,N
        """, """
        child_id,worker_id,from_date,to_date,worker_qualified
        A,W1,2011-05-02,,Y
        B,,2011-05-02,,
        C,W2,2011-07-20,,N
        """)
        let d = CaseData(cin: cin, bundle: b)
        // 31 July 2011: A was seen 9 working days before; B was last seen (seen) 19 working days before.
        #expect(figure("cp_visits_in_timescale", d, .snapshot, "2011-07") == (1, 2, 50))
        // Open at 31 July: A, B, C. B sits with a team: unallocated. Only A's worker is qualified.
        #expect(figure("unallocated_cases", d, .snapshot, "2011-07").2 == 1)
        #expect(figure("cases_allocated_to_qualified_sw", d, .snapshot, "2011-07") == (1, 3, 100.0 / 3))
    }

    @Test func workforceRatesFromTheCensusAtItsReferenceMonth() throws {
        // In post 1.5 FTE (W1 holding 15 cases, W2 none), W3 left in the year at 0.8, an agency worker, 2 vacancies.
        let census = try CSWWImporter().read(bytes: Array("""
        <Message><Header><CollectionDetails><Collection>CSWW</Collection><Year>2023</Year>
        <ReferenceDate>2023-09-30</ReferenceDate></CollectionDetails></Header>
        <LALevelVacancies><NumberOfVacancies>2</NumberOfVacancies></LALevelVacancies>
        <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>W1</SWENo><FTE30>1.0</FTE30><Cases30>15</Cases30><WorkingDaysLost>10</WorkingDaysLost></CSWWWorker>
        <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>W2</SWENo><FTE30>0.5</FTE30><WorkingDaysLost>4</WorkingDaysLost></CSWWWorker>
        <CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>W3</SWENo><FTE>0.8</FTE><RoleEndDate>2023-06-30</RoleEndDate><WorkingDaysLost>6</WorkingDaysLost></CSWWWorker>
        <CSWWWorker><AgencyWorker>1</AgencyWorker><SWENo>W5</SWENo><FTE30>1.0</FTE30></CSWWWorker>
        </Message>
        """.utf8), file: "csww.xml").census
        let d = CaseData(workforceCensus: [census])
        #expect(figure("sw_vacancy_rate", d, .snapshot, "2023-09") == (2, 3.5, 200 / 3.5))
        #expect(figure("sw_agency_rate", d, .snapshot, "2023-09") == (1, 2.5, 40))
        #expect(figure("sw_average_caseload", d, .snapshot, "2023-09") == (15, 1, 15))
        #expect(figure("sw_turnover_rate", d, .rolling12Months, "2023-09") == (0.8, 1.5, 80 / 1.5))
        #expect(figure("sw_sickness_days_per_fte", d, .rolling12Months, "2023-09") == (20, 1.5, 20 / 1.5))
        #expect(figure("sw_absence_rate", d, .rolling12Months, "2023-09") == (20, 1.5 * 253, 2000 / (1.5 * 253)))
        // A census describes its reference month only.
        #expect(figure("sw_vacancy_rate", d, .snapshot, "2023-10").2 == nil)
    }
}
