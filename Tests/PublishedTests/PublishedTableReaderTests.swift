import Published
import Testing

@Suite struct PublishedTableReaderTests {
    @Test func readsTheReferralsTableByItsHeader() throws {
        let table = try PublishedFiles.table(PublishedFiles.reReferrals)
        #expect(table.breakdownColumns == ["category"])
        #expect(table.measures == ["referral_count", "rereferral_count", "rereferral_percent", "no_further_action_count",
                                   "no_further_action_percent", "not_in_need_count", "not_in_need_percent", "referral_child_count",
                                   "rereferral_child_count", "rereferral_child_percent"])
        #expect(table.rows.count == 2132)
        #expect(table.years == Array(2013...2025))
        let first = try #require(table.rows.first)
        #expect(first.line == 2)
        #expect(first.level == .national)
        #expect(first.cells[2] == .number(22.6, text: "22.6"))
    }

    /// North Tyneside's count of referrals ending in no further action in 2024-25 is withheld: a symbol, never 0.
    @Test func keepsPublisherSymbolsAsWhatTheyAre() throws {
        let table = try PublishedFiles.table(PublishedFiles.reReferrals)
        let row = try #require(table.rows.first { $0.period.year == 2025 && $0.place.laCode == "392" })
        let nfa = try #require(table.measures.firstIndex(of: "no_further_action_count"))
        #expect(row.cells[nfa] == .code(.suppressed))
        #expect(row.cells[nfa].value == nil)
        #expect(row.cells[nfa].text == "c")
        // Every symbol the publisher uses is read as a symbol.
        for code in PublisherCode.allCases { #expect(PublishedCell(code.rawValue) == .code(code)) }
        #expect(PublishedCell("0") == .number(0, text: "0"))
        #expect(PublishedCell("1,234") == nil)
        #expect(PublishedCell("12%") == nil)
        #expect(PublishedCell("-") == nil)
        #expect(PublishedCell("1e3") == nil)
    }

    /// cla_number_and_rate_per_10k_children.csv starts with a byte-order mark and puts la_name before new_la_code.
    @Test func readsAFileWithAByteOrderMarkAndColumnsInAnotherOrder() throws {
        let table = try PublishedFiles.table("cla_number_and_rate_per_10k_children.csv")
        #expect(table.breakdownColumns == ["population_type"])
        #expect(table.measures == ["population_estimate", "children_count", "rate_per_10000"])
        let worcestershire = try #require(table.rows.first { $0.place.laCode == "885" })
        #expect(worcestershire.place.laName == "Worcestershire")
        #expect(worcestershire.place.newCode == "E10000034")
        #expect(worcestershire.place.regionName == "West Midlands")
    }

    /// Every DfE table shipped loads, including ones the product maps nothing from (ONS population, new placements).
    @Test(arguments: ["b1_children_in_need_2013_to_2025.csv", "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
                      "c3_factors_identified_at_end_of_assessment_2018_to_2025.csv", "cla_number_and_rate_per_10k_children.csv",
                      "csww_indicators_2017_to_2025.csv", "d3_cpps_subsequent_plan_2013_to_2025.csv",
                      "d5_cpps_at31march_by_duration_2013_to_2025.csv", "la_care_leavers_accommodation_suitability.csv",
                      "la_care_leavers_activity.csv", "la_cla_during_year_new_placements.csv", "la_cla_placement_stability.csv",
                      "ons_mid-year_population_estimates_2012_to_2024.csv"])
    func everyShippedTableLoads(_ name: String) throws {
        let table = try PublishedFiles.table(name)
        #expect(!table.rows.isEmpty)
        #expect(!table.measures.isEmpty)
        #expect(table.rows.contains { $0.level == .national })
        #expect(table.rows.contains { $0.level == .localAuthority })
    }

    @Test func readsBothWaysOfWritingAYear() {
        #expect(PublishedPeriod(text: "2025", identifier: "Reporting year")?.year == 2025)
        #expect(PublishedPeriod(text: "202425", identifier: "Financial year")?.year == 2025)
        #expect(PublishedPeriod(text: "202425", identifier: "Financial year")?.label == "2024-25")
        #expect(PublishedPeriod(text: "200910", identifier: "Financial year")?.label == "2009-10")
        #expect(PublishedPeriod(text: "202426", identifier: "Financial year") == nil)
        #expect(PublishedPeriod(text: "25", identifier: "Reporting year") == nil)
        #expect(PublishedPeriod(text: "2025/26", identifier: "Reporting year") == nil)
    }

    // MARK: refused, and why

    @Test func aFileOfAnotherLayoutIsRefusedNamingWhatIsMissing() throws {
        let bytes = try PublishedFiles.bytes(PublishedFiles.model2025)
        let error = try #require(throws: PublishedFileError.self) { try PublishedTableReader.read(bytes, file: "sn_model_2025_wide.csv") }
        #expect(error.description.hasPrefix("sn_model_2025_wide.csv: not in DfE's explore-education-statistics layout: it has no time_period, time_identifier, geographic_level columns"))
        #expect(error.description.contains("(its columns are old_la_code, la_name, region_ind"))
    }

    @Test func aFigureThatIsNotAFigureIsNamedByLineAndColumn() throws {
        var text = String(decoding: try PublishedFiles.bytes(PublishedFiles.reReferrals), as: UTF8.self)
        // Line 3 is the first regional row; write its re-referral percentage the way a spreadsheet might.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cells = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[13] = "19.5%"
        lines[2] = cells.joined(separator: ",")
        text = lines.joined(separator: "\n")
        let error = try #require(throws: PublishedFileError.self) { try PublishedTableReader.read(Array(text.utf8), file: "c1.csv") }
        #expect(error == PublishedFileError(file: "c1.csv", line: 3, column: "rereferral_percent",
                                            reason: "'19.5%' is neither a figure nor one of the publisher's symbols (c, x, z, k, low, u, :, ..)"))
    }

    @Test func bytesThatAreNotUTF8TextAreRefusedNotGuessed() throws {
        let header = "time_period,time_identifier,geographic_level,country_code,la_name,children\n"
        let latin1 = Array(header.utf8) + Array("2025,Reporting year,Local authority,E92000001,".utf8) + [0x53, 0x74, 0x20, 0xE9] + Array(",5\n".utf8)
        let error = try #require(throws: PublishedFileError.self) { try PublishedTableReader.read(latin1, file: "t.csv") }
        #expect(error.line == 2)
        #expect(error.reason.hasPrefix("is not UTF-8 text"))

        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 20)
        #expect(throws: PublishedFileError.self) { try PublishedTableReader.read(zip, file: "t.csv") }
        let pdf = Array("%PDF-1.7\n".utf8)
        let refused = try #require(throws: PublishedFileError.self) { try PublishedTableReader.read(pdf, file: "t.csv") }
        #expect(refused.description == "t.csv: is a PDF, not a CSV table")
    }

    @Test func aRowWithTooFewCellsOrAnUnclosedQuoteIsNamed() throws {
        let header = "time_period,time_identifier,geographic_level,country_code,old_la_code,la_name,children\n"
        let short = header + "2025,Reporting year,National,E92000001,,,10\n2025,Reporting year,Local authority,E92000001,885\n"
        let error = try #require(throws: PublishedFileError.self) { try PublishedTableReader.read(Array(short.utf8), file: "t.csv") }
        #expect(error.description == "t.csv, line 3: has 5 cells where the header has 7 columns")

        let unclosed = header + "2025,Reporting year,National,E92000001,,\"England,10\n"
        let quote = try #require(throws: PublishedFileError.self) { try PublishedTableReader.read(Array(unclosed.utf8), file: "t.csv") }
        #expect(quote.description == "t.csv, line 2: a quoted cell is never closed")

        let noCode = header + "2025,Reporting year,Local authority,E92000001,,Worcestershire,10\n"
        let missing = try #require(throws: PublishedFileError.self) { try PublishedTableReader.read(Array(noCode.utf8), file: "t.csv") }
        #expect(missing.description == "t.csv, line 2, column old_la_code: a local authority's row has no code")
    }

    /// A table never seen before (its own breakdown and measure names) loads by the same rules.
    @Test func aTableNobodyHereHasSeenLoads() throws {
        let text = """
        \u{FEFF}la_name,old_la_code,geographic_level,time_period,time_identifier,country_code,new_la_code,age_band,widgets,widget_rate
        ,,National,202324,Financial year,E92000001,,Under 5,1200,4.5
        Worcestershire,885,Local authority,202324,Financial year,E92000001,E10000034,Under 5,c,x
        Worcestershire,885,Local authority,202425,Financial year,E92000001,E10000034,Under 5,14,low

        """
        let table = try PublishedTableReader.read(Array(text.utf8), file: "widgets.csv")
        #expect(table.breakdownColumns == ["age_band"])
        #expect(table.measures == ["widgets", "widget_rate"])
        #expect(table.rows.map(\.period.label) == ["2023-24", "2023-24", "2024-25"])
        #expect(table.rows[1].cells == [.code(.suppressed), .code(.notAvailable)])
        #expect(table.rows[2].cells == [.number(14, text: "14"), .code(.low)])
    }
}
