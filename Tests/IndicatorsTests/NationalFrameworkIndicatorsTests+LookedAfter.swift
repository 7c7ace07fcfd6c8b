import CaseRecords
import Domain
import Indicators
import Testing

/// §8.4 to §8.6 of the hand counts: assessment factors, social workers and Deprivation of Liberty, care leavers.
extension NationalFrameworkIndicatorsTests {
    // MARK: - §8.4 Assessment factors per 10,000 children

    @Test func factorsCountAuthorisedAssessmentsOnceByAuthorisationDate() throws {
        let c = try cin(year: 2027,
            // F1: authorised 10 June with 3A and 3B → domestic abuse once.
            child("F1", referral("2026-06-01", assessments: [assessment(start: "2026-06-01", authorised: "2026-06-10", factors: ["3A", "3B"])])),
            // F2: authorised 20 June with 3C and 16A → domestic abuse and neglect.
            child("F2", referral("2026-06-01", assessments: [assessment(start: "2026-06-02", authorised: "2026-06-20", factors: ["3C", "16A"])])),
            // F3: started in June, not authorised → counts nowhere.
            child("F3", referral("2026-06-01", assessments: [assessment(start: "2026-06-01", authorised: nil, factors: ["3A"])])),
            // F4: started in June, authorised 1 July → July's.
            child("F4", referral("2026-06-01", assessments: [assessment(start: "2026-06-05", authorised: "2026-07-01", factors: ["3B"])])),
            // F5: started in May, authorised 5 June → June's neglect.
            child("F5", referral("2026-05-10", assessments: [assessment(start: "2026-05-15", authorised: "2026-06-05", factors: ["16A"])])),
            // F6: authorised 30 June, the month's last day, with 3A.
            child("F6", referral("2026-06-01", assessments: [assessment(start: "2026-06-03", authorised: "2026-06-30", factors: ["3A"])])))
        // Population at the period's end (30 June or 31 July 2026, both 2026-27): mid-2026 absent → mid-2025, 50,000.
        let d = CaseData(cin: c, population: ChildPopulation(laCode: "885", byYear: [2024: 100_000, 2025: 50_000]))
        // June domestic abuse: F1, F2, F6 = 3 → 10,000 × 3 / 50,000 = 0.6.
        check(figure("factor_domestic_abuse_per_10k", d, .inMonth, "2026-06"), 3, 50_000, 0.6)
        // June neglect: F2, F5 = 2 → 0.4.
        check(figure("factor_neglect_per_10k", d, .inMonth, "2026-06"), 2, 50_000, 0.4)
        // July domestic abuse: F4 = 1 → 0.2; July neglect none → 0.
        check(figure("factor_domestic_abuse_per_10k", d, .inMonth, "2026-07"), 1, 50_000, 0.2)
        check(figure("factor_neglect_per_10k", d, .inMonth, "2026-07"), 0, 50_000, 0)
        // Year to date at July: domestic abuse F1, F2, F6, F4 = 4 → 0.8.
        check(figure("factor_domestic_abuse_per_10k", d, .cumulativeYearToDate, "2026-07"), 4, 50_000, 0.8)
    }

    // MARK: - §8.5 Social workers and Deprivation of Liberty

    @Test func threeOrMoreSocialWorkersInTheTwelveMonthsToD() throws {
        // D = 31 May 2026; addMonths(D, −12) = 31 May 2025. A worker counts when SW_DECOM ≤ D and SW_DEC is absent or
        // after 31 May 2025.
        let t = try lac("""
        CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
        A,M,01/01/2012,WBRI,,,
        B,F,01/01/2012,WBRI,,,
        C,M,01/01/2012,WBRI,,,
        D,F,01/01/2012,WBRI,,,
        E,M,01/01/2012,WBRI,,,
        F,F,01/01/2012,WBRI,,,
        """, """
        CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
        A,01/01/2025,S,C2,N1,U1,PR1,,,,AB1,AB2,
        B,01/01/2025,S,C2,N1,U1,PR1,,,,AB1,AB2,
        C,01/01/2025,S,C2,N1,U1,PR1,,,,AB1,AB2,
        D,01/01/2025,S,C2,N1,U1,PR1,,,,AB1,AB2,
        E,01/01/2025,S,C2,N1,U1,PR1,01/05/2026,E4A,,AB1,AB2,
        F,01/01/2025,S,C2,N1,U1,PR1,,,,AB1,AB2,
        """, """
        CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON
        A,01/01/2012,SW01,01/01/2025,31/05/2025,LEFTRL
        A,01/01/2012,SW02,31/05/2025,01/01/2026,MANAGE
        A,01/01/2012,SW03,01/01/2026,,
        B,01/01/2012,SW01,01/01/2025,01/06/2025,LEFTRL
        B,01/01/2012,SW02,01/06/2025,01/01/2026,MANAGE
        B,01/01/2012,SW03,01/01/2026,,
        C,01/01/2012,SW04,01/01/2025,01/09/2025,ABSENC
        C,01/01/2012,SW05,01/09/2025,01/02/2026,ABSENC
        C,01/01/2012,SW04,01/02/2026,,
        D,01/01/2012,SW06,01/01/2025,01/03/2026,LEFTRL
        D,01/01/2012,SW07,01/03/2026,01/06/2026,MANAGE
        D,01/01/2012,SW08,01/06/2026,,
        E,01/01/2012,SW09,01/01/2025,01/09/2025,LEFTRL
        E,01/01/2012,SW10,01/09/2025,01/02/2026,LEFTRL
        E,01/01/2012,SW11,01/02/2026,01/05/2026,OTHERS
        F,01/01/2012,SW12,01/01/2025,01/07/2025,LEFTRL
        F,01/01/2012,SW13,01/07/2025,31/05/2026,MANAGE
        F,01/01/2012,SW14,31/05/2026,,
        """)
        // A: SW01 ended on 31 May 2025 itself, so had ended by then → SW02, SW03 = 2. No.
        // B: SW01 ended 1 June 2025, after → SW01, SW02, SW03 = 3. Yes.
        // C: SW04 twice and SW05 → two different workers. No.
        // D: SW08 starts 1 June 2026, after D → SW06, SW07 = 2. No.
        // E: left care on 1 May 2026 → not looked after at D, not in the cohort.
        // F: SW12 (ended July 2025), SW13, SW14 (began on D itself) = 3. Yes.
        // Looked after at D: A, B, C, D, F = 5; with three or more: B, F = 2 → 40%.
        check(figure("cla_three_plus_social_workers", CaseData(lac: t), .snapshot, "2026-05"), 2, 5, 40)
    }

    @Test func socialWorkerChangesCountEpisodesEndingWithAReason() throws {
        let t = try lac("""
        CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
        A,M,01/01/2012,WBRI,,,
        B,F,01/01/2012,WBRI,,,
        C,M,01/01/2012,WBRI,,,
        """, """
        CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
        A,01/04/2025,S,C2,N1,U1,PR1,,,,AB1,AB2,
        B,01/04/2025,S,C2,N1,U1,PR1,,,,AB1,AB2,
        C,01/04/2025,S,C2,N1,U1,PR1,,,,AB1,AB2,
        """, """
        CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON
        A,01/01/2012,SW01,01/04/2025,30/04/2026,LEFTRL
        A,01/01/2012,SW02,30/04/2026,01/05/2026,MANAGE
        A,01/01/2012,SW03,01/05/2026,,
        B,01/01/2012,SW04,01/04/2025,31/05/2026,ORGRST
        B,01/01/2012,SW05,31/05/2026,,
        C,01/01/2012,SW06,01/04/2025,15/05/2026,
        C,01/01/2012,SW07,15/05/2026,01/06/2026,CHCHAN
        C,01/01/2012,SW08,01/06/2026,,
        """)
        let d = CaseData(lac: t)
        // May: SW02 (1 May, MANAGE) and SW04 (31 May, ORGRST) = 2. SW06 ended 15 May with no reason: not counted.
        // SW01 ended 30 April; SW07 ended 1 June.
        checkCount(figure("cla_social_worker_changes", d, .inMonth, "2026-05"), 2)
        checkCount(figure("cla_social_worker_changes", d, .inMonth, "2026-06"), 1)
        // Year to date at May (1 April–31 May 2026): SW01, SW02, SW04 = 3.
        checkCount(figure("cla_social_worker_changes", d, .cumulativeYearToDate, "2026-05"), 3)
    }

    @Test func deprivationOfLibertyOrdersOpenAtD() throws {
        let t = try lac("""
        CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
        G1,M,01/01/2010,WBRI,,,
        G2,F,01/01/2010,WBRI,,,
        G3,M,01/01/2010,WBRI,,,
        G4,F,01/01/2010,WBRI,,,
        G5,M,01/01/2010,WBRI,,,
        """, """
        CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
        G1,01/01/2026,S,C2,N1,K2,PR4,,,,AB1,AB2,
        G2,01/01/2026,S,C2,N1,K2,PR4,,,,AB1,AB2,
        G3,01/01/2026,S,C2,N1,K2,PR4,,,,AB1,AB2,
        G4,01/01/2026,S,C2,N1,K2,PR4,,,,AB1,AB2,
        G5,01/01/2026,S,C2,N1,K2,PR4,,,,AB1,AB2,
        """, """
        CHILD,DOB,DOLO_START,DOLO_END
        G1,01/01/2010,01/01/2026,
        G2,01/01/2010,31/05/2026,
        G3,01/01/2010,01/02/2026,31/05/2026
        G4,01/01/2010,01/02/2026,01/06/2026
        G5,01/01/2010,01/06/2026,
        """)
        // At 31 May 2026: G1 (no end), G2 (began that day), G4 (ends 1 June) = 3. G3's ended on 31 May, so not open;
        // G5's begins 1 June.
        checkCount(figure("cla_deprivation_of_liberty", CaseData(lac: t), .snapshot, "2026-05"), 3)
    }

    // MARK: - §8.6 Care leavers

    /// OC3 rows in a 903 whose latest date (an episode of 15 January 2027) makes it the return for 2026-27,
    /// 1 April 2026 to 31 March 2027. Each row's band is fixed by which birthday falls in that year.
    func careLeavers() throws -> SSDA903Tables {
        try lac("""
        CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
        K1,M,15/06/2008,WBRI,,,
        K2,F,31/03/2010,WBRI,,,
        K3,M,01/04/2010,WBRI,,,
        K4,F,31/03/2008,WBRI,,,
        K5,F,29/02/2008,WBRI,,,
        K6,M,01/04/2005,WBRI,,,
        K7,F,31/03/2005,WBRI,,,
        K8,M,10/10/2006,WBRI,,,
        K9,F,20/05/2006,WBRI,,,
        K10,M,01/04/2009,WBRI,,,
        Z,M,01/01/2015,WBRI,,,
        """, """
        CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
        Z,15/01/2027,S,C2,N1,U1,PR1,,,,AB1,AB2,
        """, """
        CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
        K1,15/06/2008,YES,F2,B1
        K2,31/03/2010,YES,G4,B2
        K3,01/04/2010,YES,F1,B1
        K4,31/03/2008,YES,P1,C2
        K5,29/02/2008,YES,F2,D1
        K6,01/04/2005,NO,0,0
        K7,31/03/2005,YES,F1,B1
        K8,10/10/2006,DIED,0,0
        K9,20/05/2006,YES,F4,Z1
        K10,01/04/2009,YES,P2,E2
        """)
        // Birthdays in 1 April 2026–31 March 2027:
        //   K1  18th on 15 Jun 2026            → 17–18; F2 EET; B1 suitable
        //   K2  17th on 31 Mar 2027 (last day) → 17–18; G4 not EET; B2 not suitable
        //   K3  16th on 1 Apr 2026 (17th is 1 Apr 2027, next year) → neither band
        //   K4  19th on 31 Mar 2027 (18th was 31 Mar 2026, last year) → 19–21; P1 EET; C2 not suitable
        //   K5  born 29 Feb 2008: 18th on 28 Feb 2026 (last year), 19th on 28 Feb 2027 (§1.2) → 19–21; F2; D1
        //   K6  21st on 1 Apr 2026 (first day) → 19–21; not in touch, "0": stays in the denominator, neither met
        //   K7  22nd on 31 Mar 2027 (21st was 31 Mar 2026) → neither band
        //   K8  20th on 10 Oct 2026 but DIED → out of the denominator
        //   K9  20th on 20 May 2026 → 19–21; F4 EET; Z1 suitable
        //   K10 17th on 1 Apr 2026 → 17–18; P2 EET; E2 not suitable
    }

    @Test func careLeaversBandedByTheBirthdayInTheCollectionYear() throws {
        let t = try careLeavers()
        let d = CaseData(lac: t)
        // The whole year (year to date at March 2027):
        //   17–18: K1, K2, K10. EET K1, K10 = 2/3. Suitable K1 = 1/3.
        //   19–21: K4, K5, K6, K9 (K8 died, K7 is 22). EET K4, K5, K9 = 3/4. Suitable K5, K9 = 2/4.
        check(figure("care_leavers_17_18_eet", d, .cumulativeYearToDate, "2027-03"), 2, 3, 200.0 / 3)
        check(figure("care_leavers_17_18_suitable_accommodation", d, .cumulativeYearToDate, "2027-03"), 1, 3, 100.0 / 3)
        check(figure("care_leavers_19_21_eet", d, .cumulativeYearToDate, "2027-03"), 3, 4, 75)
        check(figure("care_leavers_19_21_suitable_accommodation", d, .cumulativeYearToDate, "2027-03"), 2, 4, 50)

        // The leap-day birth: K5's 19th birthday is Sunday 28 February 2027, so it is February's, not March's.
        check(figure("care_leavers_19_21_eet", d, .inMonth, "2027-02"), 1, 1, 100)
        check(figure("care_leavers_19_21_suitable_accommodation", d, .inMonth, "2027-02"), 1, 1, 100)
        // March 2027: K4 alone (19th on 31 March) → EET, not suitable.
        check(figure("care_leavers_19_21_eet", d, .inMonth, "2027-03"), 1, 1, 100)
        check(figure("care_leavers_19_21_suitable_accommodation", d, .inMonth, "2027-03"), 0, 1, 0)
        // 17–18 in February: nobody → n/a.
        check(figure("care_leavers_17_18_eet", d, .inMonth, "2027-02"), 0, 0, nil)
    }

    @Test func careLeaversSoFarThisYear() throws {
        let t = try careLeavers()
        let d = CaseData(lac: t)
        // 1 April–30 November 2026 (months before December 2026):
        //   17–18: K10 (1 Apr), K1 (15 Jun). EET both = 2/2. Suitable K1 = 1/2.
        //   19–21: K6 (1 Apr), K9 (20 May); K8 (10 Oct) died and is out. EET K9 = 1/2. Suitable K9 = 1/2.
        check(figure("care_leavers_17_18_eet", d, .cumulativeYearToDate, "2026-11"), 2, 2, 100)
        check(figure("care_leavers_17_18_suitable_accommodation", d, .cumulativeYearToDate, "2026-11"), 1, 2, 50)
        check(figure("care_leavers_19_21_eet", d, .cumulativeYearToDate, "2026-11"), 1, 2, 50)
        check(figure("care_leavers_19_21_suitable_accommodation", d, .cumulativeYearToDate, "2026-11"), 1, 2, 50)
        // April 2026 alone: K10 (17–18) and K6 (19–21, no information → counted, not met).
        check(figure("care_leavers_17_18_eet", d, .inMonth, "2026-04"), 1, 1, 100)
        check(figure("care_leavers_19_21_eet", d, .inMonth, "2026-04"), 0, 1, 0)
    }
}
