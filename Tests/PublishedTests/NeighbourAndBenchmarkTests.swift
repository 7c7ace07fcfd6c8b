import Domain
@testable import Published
import Testing

@Suite struct NeighbourModelTests {
    @Test func readsThe2025Model() throws {
        let model = try NeighbourModelReader.read(PublishedFiles.bytes(PublishedFiles.model2025), file: PublishedFiles.model2025)
        #expect(model.name == "2025")
        #expect(model.councils.count == 153)
        #expect(model.neighbours(of: "885").map(\.laCode) == ["933", "916", "838", "937", "893", "938", "878", "830", "881", "815"])
        #expect(model.neighbours(of: "885").allSatisfy { $0.closeness == "Very close" })
        // The model names the reorganised councils, not their predecessors.
        #expect(model.councils["940"]?.name == "North Northamptonshire")
        #expect(model.councils["928"] == nil)
        #expect(model.councils["942"]?.name == "Cumberland")
        #expect(model.councils["909"] == nil)
    }

    /// The 2021 groupings call every closeness column SNP and end each line with a comma.
    @Test func readsThe2021Groupings() throws {
        let model = try NeighbourModelReader.read(PublishedFiles.bytes(PublishedFiles.model2021), file: PublishedFiles.model2021)
        #expect(model.name == "2021")
        let city = try #require(model.councils["201"])
        #expect(city.name == "City of London")
        #expect(city.neighbours.first == .init(laCode: "207", closeness: "Not Close"))
        #expect(city.neighbours.count == 10)
        #expect(NeighbourModelReader.isNeighbourHeader(["LA num", "LA Name", "SN1", "SNP"]))
        #expect(!NeighbourModelReader.isNeighbourHeader(["time_period", "geographic_level"]))
    }

    @Test func aModelWithoutAYearInItsNameOrWithABadCodeIsRefused() throws {
        let text = "old_la_code,la_name,SN_1,SN_1P\n885,Worcestershire,933,Close\n"
        #expect(throws: PublishedFileError.self) { try NeighbourModelReader.read(Array(text.utf8), file: "neighbours.csv") }
        let bad = "old_la_code,la_name,SN_1,SN_1P\n885,Worcestershire,93,Close\n"
        let error = try #require(throws: PublishedFileError.self) { try NeighbourModelReader.read(Array(bad.utf8), file: "sn_2030.csv") }
        #expect(error.description == "sn_2030.csv, line 2, column SN_1: '93' is not a three-digit council number")
    }
}

@Suite struct BenchmarkTests {
    static func library() throws -> PublishedLibrary {
        let table = try PublishedFiles.table(PublishedFiles.reReferrals)
        let model = try NeighbourModelReader.read(PublishedFiles.bytes(PublishedFiles.model2025), file: PublishedFiles.model2025)
        let old = try NeighbourModelReader.read(PublishedFiles.bytes(PublishedFiles.model2021), file: PublishedFiles.model2021)
        return PublishedLibrary(tables: [table], neighbourModels: ["2025": model, "2021": old])
    }

    /// Worcestershire's, the West Midlands' and England's re-referral percentages 2013 to 2025, as the file writes
    /// them (read from the file by hand).
    @Test func worcestershireReReferralsAsPublished() throws {
        let years = try Benchmarks.compare(council: "885", measure: #require(PublishedMeasure.forIndicator(.reReferral12m)), library: Self.library())
        #expect(years.map(\.period.text) == (2013...2025).map(String.init))
        #expect(years.map { $0.council?.cell.text } == ["15", "13.9", "13.6", "18.2", "20.5", "24.2", "16.4", "24.2", "22.1", "21.2", "19.5", "20.9", "17.8"])
        #expect(years.map { $0.region?.cell.text } == ["22.4", "19.3", "23", "20.9", "23.4", "24.8", "23.6", "23", "20.4", "19.1", "19.4", "20.7", "19.5"])
        #expect(years.map { $0.england?.cell.text } == ["24.7", "23.5", "24.2", "22.5", "21.9", "21.9", "22.6", "22.6", "22.7", "21.5", "22.4", "22.4", "22.6"])
    }

    /// Neighbours' mean, least, greatest and rank, counted by hand from the file: in 2019 and 2013 Dorset (838, a
    /// council only since 2019-20) has no row, so nine neighbours and Worcestershire are ranked.
    @Test func neighboursMeanRangeAndRank() throws {
        let years = try Benchmarks.compare(council: "885", measure: #require(PublishedMeasure.forIndicator(.reReferral12m)), library: Self.library())
        let y2025 = try #require(years.last)
        #expect(y2025.neighboursMean == "19.7")
        #expect(y2025.neighboursMin?.cell.text == "12.9")
        #expect(y2025.neighboursMin?.place.laName == "Shropshire")
        #expect(y2025.neighboursMax?.cell.text == "28.9")
        #expect(y2025.rank == 5)
        #expect(y2025.ranked == 11)
        let y2019 = try #require(years.first { $0.year == 2019 })
        #expect(y2019.neighboursMean == "22.3")
        #expect(y2019.neighbourFigures["838"] == nil)
        #expect(y2019.rank == 2)
        #expect(y2019.ranked == 10)
        let y2013 = try #require(years.first { $0.year == 2013 })
        #expect((y2013.neighboursMean, y2013.rank, y2013.ranked) == ("24.3", 2, 10))
    }

    /// North Northamptonshire (940) exists from 2021-22; its predecessor Northamptonshire (928) until 2020-21.
    @Test func aReorganisedCouncilHasItsOwnYearsOnly() throws {
        let measure = try #require(PublishedMeasure.forIndicator(.reReferral12m))
        let north = try Benchmarks.compare(council: "940", measure: measure, library: Self.library())
        #expect(north.map(\.year) == [2022, 2023, 2024, 2025])
        let county = try Benchmarks.compare(council: "928", measure: measure, library: Self.library(), model: "2021")
        #expect(county.map(\.year) == Array(2013...2021))
        #expect(throws: BenchmarkError.self) { try Benchmarks.compare(council: "999", measure: measure, library: Self.library()) }
    }

    @Test func aMeasureNoLoadedTableHoldsIsSaid() throws {
        let measure = try #require(PublishedMeasure.forIndicator(.swAgencyRate))
        let error = try #require(throws: BenchmarkError.self) { try Benchmarks.compare(council: "885", measure: measure, library: Self.library()) }
        #expect(error.description.hasPrefix("no loaded table holds 'agency_rate_fte'"))
    }

    @Test func meansAreExactToOneDecimalPlace() {
        #expect(Benchmarks.exactMean(["18.9", "19"]) == "19.0")     // 18.95 rounds up, not down by a binary fraction
        #expect(Benchmarks.exactMean(["0.1", "0.2"]) == "0.2")      // 0.15
        #expect(Benchmarks.exactMean(["-0.1", "-0.2"]) == "-0.2")
        #expect(Benchmarks.exactMean(["16", "17", "17"]) == "16.7")
        #expect(Benchmarks.exactMean([]) == nil)
    }

    /// A year's figure for a date: the year to 31 March that holds it; the census year to 30 September.
    @Test func theYearThatCoversADate() throws {
        let reReferrals = try #require(PublishedMeasure.forIndicator(.reReferral12m))
        let agency = try #require(PublishedMeasure.forIndicator(.swAgencyRate))
        let dates = [("2025-03-31", 2025, 2025), ("2025-04-01", 2026, 2025), ("2025-09-30", 2026, 2025), ("2025-10-01", 2026, 2026), ("2024-02-29", 2024, 2024)]
        for (text, year, census) in dates {
            let date = try #require(CalendarDate(iso: text))
            #expect(reReferrals.year(covering: date) == year)
            #expect(agency.year(covering: date) == census)
        }
        #expect(reReferrals.yearLabel(2025) == "2024-25")
        #expect(agency.yearLabel(2025) == "30 September 2025")
    }
}

@Suite struct OldGroupingsTests {
    /// Below its current councils the 2021 file has a heading line "Old SNs:" and the councils reorganised away
    /// (Dorset, Poole and Bournemouth before 2019, Northamptonshire): the heading is passed over, the councils kept.
    @Test func theOldCouncilsBelowTheHeadingAreKept() throws {
        let model = try NeighbourModelReader.read(PublishedFiles.bytes(PublishedFiles.model2021), file: PublishedFiles.model2021)
        #expect(model.councils["928"]?.name == "Northamptonshire")
        #expect(model.councils["835"]?.neighbours.first == .init(laCode: "893", closeness: "Extremely Close"))
        #expect(model.councils["941"]?.neighbours.map(\.laCode).prefix(3) == ["940", "886", "866"])
    }
}

@Suite struct ComparatorSourceTests {
    /// A council's comparator levels are the published figures: England, its region, its neighbours' mean.
    @Test func worcestershiresLevelsForReReferrals() throws {
        let library = try BenchmarkTests.library()
        let levels = ComparatorLevels.published(for: "885", library: library, series: { library.series($0) })
        #expect(levels.publishes(.reReferral12m))
        #expect(!levels.publishes(.swAgencyRate))   // no workforce table in this library
        let due = try #require(CalendarDate(iso: "2020-10-07"))
        #expect(levels.level(.reReferral12m, .england, covering: due)?.value == 22.7)
        #expect(levels.level(.reReferral12m, .region, covering: due)?.value == 20.4)
        #expect(levels.level(.reReferral12m, .neighbours, covering: due)?.text == "21.3")
        #expect(levels.level(.reReferral12m, .england, covering: due)?.yearLabel == "2020-21")
        // The year to 31 March 2026 is not out.
        #expect(levels.level(.reReferral12m, .england, covering: try #require(CalendarDate(iso: "2025-06-30"))) == nil)
    }
}
