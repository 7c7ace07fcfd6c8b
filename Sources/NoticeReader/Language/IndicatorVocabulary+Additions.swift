import Domain

extension IndicatorVocabulary {
    static let familyGroup = ["family group decision", "family group decision-making", "family group conference", "family group conferences",
                              "family group meeting", "family group meetings", "fgdm", "fgc", "fgcs"]
    static let perTenThousand = ["per 10,000", "per 10000", "per ten thousand", "rate per"]
    static let leavers = ["care leaver", "care leavers", "former relevant", "young people leaving care"]
    static let youngerLeavers = ["aged 17", "17 to 18", "17-18", "17 and 18", "17 or 18", "aged 17-18"]
    static let olderLeavers = ["aged 19", "19 to 21", "19-21", "19, 20 and 21", "19, 20 or 21", "aged 19-21"]

    static let careLeaverMeasures: Set<IndicatorID> = [.careLeavers1718EET, .careLeavers1921EET, .careLeavers1718SuitableAccommodation,
                                                        .careLeavers1921SuitableAccommodation]

    /// The measures of the 2024-25 to 2026-27 returns and the National Framework (docs/indicators-2026.md §8). Each
    /// asks for words specific to it, so a notice of 2012 that mentions pre-proceedings in passing is not read as a
    /// target on them.
    static let additions: [Concept] = [
        Concept(id: .ppFGDMFacilitated, ideas: [familyGroup, ["held", "facilitated", "took place", "taken place", "convened"]]),
        Concept(id: .ppFGDMOffered, ideas: [familyGroup, ["offer", "offered", "offering"]]),
        Concept(id: .ppWorkingDaysToLetter, ideas: [["letter before proceedings", "letters before proceedings", "letter before proceeding"], timely]),
        Concept(id: .ppWorkingDaysToFirstMeeting, ideas: [["pre-proceedings meeting", "pre-proceedings meetings", "pre proceedings meeting", "pre proceedings meetings"],
                                                          ["first", "initial"]]),
        Concept(id: .ppWorkingDaysToStepDecision, ideas: [["pre-proceedings", "pre proceedings"], ["decision", "concluded", "duration", "length", "16 weeks", "sixteen weeks"]]),
        Concept(id: .ppApplicationsToCourt, ideas: [["applications to court", "care applications", "applications for care orders", "care proceedings issued"]]),
        Concept(id: .cinRatePer10k, ideas: [["children in need"], perTenThousand], unless: ["protection", "looked after"]),
        Concept(id: .cppRatePer10k, ideas: [cpWords, perTenThousand]),
        Concept(id: .claRatePer10k, ideas: [lacWords, perTenThousand]),
        Concept(id: .icpcPer100S47, ideas: [["section 47", "s47", "s.47"], ["conversion", "per 100"]]),
        Concept(id: .factorDomesticAbusePer10k, ideas: [["domestic abuse", "domestic violence"], perTenThousand]),
        Concept(id: .factorNeglectPer10k, ideas: [["neglect"], perTenThousand], unless: ["protection plan", "protection plans"]),
        Concept(id: .factorCSEPer10k, ideas: [["child sexual exploitation", "cse"], perTenThousand]),
        Concept(id: .factorCCEPer10k, ideas: [["child criminal exploitation", "cce"], perTenThousand]),
        Concept(id: .factorMissingPer10k, ideas: [["going missing", "go missing", "missing from home"], perTenThousand]),
        Concept(id: .factorTraffickingPer10k, ideas: [["trafficking", "trafficked"], perTenThousand]),
        Concept(id: .factorGangsPer10k, ideas: [["gang", "gangs"], perTenThousand]),
        Concept(id: .claThreePlusSocialWorkers, ideas: [["three or more social workers", "3 or more social workers", "3+ social workers"]]),
        Concept(id: .claSocialWorkerChanges, ideas: [["change of social worker", "changes of social worker", "changes in social worker", "social worker changes",
                                                      "change in social worker"]]),
        Concept(id: .claDeprivationOfLiberty, ideas: [["deprivation of liberty", "deprived of their liberty"]]),
        Concept(id: .careLeavers1718EET, ideas: [leavers, ["education, employment or training", "education employment or training", "in eet", "neet"], youngerLeavers]),
        Concept(id: .careLeavers1921EET, ideas: [leavers, ["education, employment or training", "education employment or training", "in eet", "neet"], olderLeavers]),
        Concept(id: .careLeavers1718SuitableAccommodation, ideas: [leavers, ["suitable accommodation"], youngerLeavers]),
        Concept(id: .careLeavers1921SuitableAccommodation, ideas: [leavers, ["suitable accommodation"], olderLeavers]),
    ]
}
