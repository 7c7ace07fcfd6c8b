import Domain

extension PublishedLibrary {
    /// Each council's children aged 0 to 17 by ONS mid-year estimate, from any loaded table with a
    /// `population_estimate` measure broken down by `age_group` "Children aged 0 to 17 years" (the ONS file shipped
    /// in `Resources/published`). The table's `time_period` is the estimate's mid-year. Suppressed or missing cells
    /// give no estimate for that year; they are never read as 0.
    public func childPopulations() -> [String: ChildPopulation] {
        var byCouncil: [String: [Int: Double]] = [:]
        for table in tables {
            guard let measure = table.measures.firstIndex(of: "population_estimate"),
                  let age = table.breakdownColumns.firstIndex(of: "age_group") else { continue }
            for row in table.rows where row.level == .localAuthority && !row.place.laCode.isEmpty
                && row.breakdown[age] == "Children aged 0 to 17 years" {
                guard let value = row.cells[measure].value, value > 0 else { continue }
                byCouncil[row.place.laCode, default: [:]][row.period.year] = value
            }
        }
        return Dictionary(uniqueKeysWithValues: byCouncil.map { ($0.key, ChildPopulation(laCode: $0.key, byYear: $0.value)) })
    }

    /// One council's, or nil when no loaded table has it.
    public func childPopulation(laCode: String) -> ChildPopulation? {
        childPopulations()[laCode]
    }
}
