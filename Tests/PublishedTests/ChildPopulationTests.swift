import Domain
import Published
import Testing

/// The population behind every rate per 10,000 (docs/indicators-2026.md §8.2), checked against DfE's own divisions.
@Suite("Children aged 0 to 17, by council")
struct ChildPopulationTests {
    static let ons = "ons_mid-year_population_estimates_2012_to_2024.csv"
    static let looked = "cla_number_and_rate_per_10k_children.csv"

    static func library() throws -> PublishedLibrary {
        PublishedLibrary(tables: [try PublishedFiles.table(ons), try PublishedFiles.table(looked), try PublishedFiles.table("la_care_leavers_activity.csv"),
                                  try PublishedFiles.table("la_care_leavers_accommodation_suitability.csv")])
    }

    /// DfE's rates of children looked after at 31 March 2025 divide by ONS's mid-2024 estimate: for every council
    /// with both, the estimate the product takes for 31 March 2025 is DfE's population, and 10,000 × children ÷
    /// population rounds to DfE's published rate.
    @Test func theEstimateForThirtyFirstMarchIsTheOneDfEDividesBy() throws {
        let library = try Self.library()
        let populations = library.childPopulations()
        let table = try PublishedFiles.table(Self.looked)
        let type = try #require(table.breakdownColumns.firstIndex(of: "population_type"))
        let population = try #require(table.measures.firstIndex(of: "population_estimate"))
        let children = try #require(table.measures.firstIndex(of: "children_count"))
        let rate = try #require(table.measures.firstIndex(of: "rate_per_10000"))
        let march31 = CalendarDate(year: 2025, month: 3, day: 31)!
        var checked = 0
        for row in table.rows where row.period.year == 2025 && row.level == .localAuthority && row.breakdown[type] == "Children looked after on 31 March each year" {
            guard let ours = populations[row.place.laCode]?.estimate(at: march31), let theirs = row.cells[population].value,
                  let count = row.cells[children].value, let published = row.cells[rate].value else { continue }
            #expect(ours.year == 2024, "\(row.place.laName)")
            #expect(ours.count == theirs, "\(row.place.laName)")
            #expect((10_000 * count / ours.count).rounded() == published, "\(row.place.laName)")
            checked += 1
        }
        // Every council of 2025 but the Isles of Scilly, whose figures DfE suppresses, is checked.
        #expect(checked >= 150)
        // Worcestershire: 1,036 children of 120,119, 86 per 10,000.
        #expect(populations["885"]?.estimate(at: march31)?.count == 120_119)
    }

    @Test func aDateTakesItsFinancialYearsEstimateOrTheNearestEarlier() throws {
        let worcestershire = try #require(try Self.library().childPopulation(laCode: "885"))
        // 1 April 2024 to 31 March 2025 take mid-2024; the estimates stop at 2024, so 2026 takes it too; 2011 has none.
        #expect(worcestershire.estimate(at: CalendarDate(year: 2024, month: 4, day: 1)!)?.year == 2024)
        #expect(worcestershire.estimate(at: CalendarDate(year: 2024, month: 3, day: 31)!)?.year == 2023)
        #expect(worcestershire.estimate(at: CalendarDate(year: 2026, month: 11, day: 30)!)?.year == 2024)
        #expect(worcestershire.estimate(at: CalendarDate(year: 2011, month: 10, day: 31)!) == nil)
        // A council formed in a reorganisation has estimates only from its first year: Cumberland (942) from 2023.
        let cumberland = try #require(try Self.library().childPopulation(laCode: "942"))
        #expect(cumberland.byYear.keys.min() == 2023)
        #expect(cumberland.estimate(at: CalendarDate(year: 2023, month: 3, day: 31)!) == nil)
    }

    @Test func careLeaversAndLookedAfterRatesHaveTheirPublishedCounterparts() throws {
        let library = try Self.library()
        let expected: [(IndicatorID, String)] = [
            (.careLeavers1718EET, "64"), (.careLeavers1921EET, "54"), (.careLeavers1718SuitableAccommodation, "91"),
            (.careLeavers1921SuitableAccommodation, "89"), (.claRatePer10k, "67"),
        ]
        for (id, england2025) in expected {
            let measure = try #require(PublishedMeasure.forIndicator(id))
            let series = try #require(library.series(measure))
            #expect(series.england[2025]?.cell.text == england2025, "\(id)")
        }
        #expect(library.series(try #require(PublishedMeasure.forIndicator(.claRatePer10k)))?.councils["885"]?[2025]?.cell.text == "86")
    }
}
