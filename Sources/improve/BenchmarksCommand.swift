import ArgumentParser
import Domain
import Foundation
import Published
import Storage

/// `improve benchmarks`: a council's published figure beside England's, its region's and its statistical neighbours',
/// year by year, from the published statistics loaded with `improve published import`.
struct BenchmarksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmarks",
        abstract: "Compare a council's published figures with England, its region and its statistical neighbours."
    )

    @Option(help: "The council's three-digit LA code.")
    var council: String

    @Option(help: "The indicator id (improve benchmarks --list-indicators shows those DfE publishes).")
    var indicator: String?

    @Option(help: "csv or json.")
    var format: String = "csv"

    @Option(help: "The statistical neighbour model: 2025 (DfE's current model) or 2021 (the earlier groupings).")
    var neighbours: String = PublishedLibrary.defaultModel

    @Flag(help: "List the indicators with a published counterpart, and what differs.")
    var listIndicators = false

    func run() async throws {
        if listIndicators {
            for measure in PublishedMeasure.all {
                print("\(measure.indicator.rawValue): \(measure.published) \(measure.differs)")
            }
            return
        }
        guard let indicator else { throw CommandFailure("--indicator is required (see --list-indicators)") }
        guard ["csv", "json"].contains(format) else { throw CommandFailure("--format must be csv or json") }
        guard let id = IndicatorID(rawValue: indicator) else { throw CommandFailure("'\(indicator)' is not an indicator id") }
        guard let measure = PublishedMeasure.forIndicator(id) else {
            throw CommandFailure("DfE publishes no figure that means what \(indicator) means (see --list-indicators)")
        }
        let database = try StandaloneDatabase.forCommand()
        let library: PublishedLibrary
        do {
            try await database.migrate()
            library = try await PublishedStatistics.library(on: database.database)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
        let years: [BenchmarkYear]
        do {
            years = try Benchmarks.compare(council: council, measure: measure, library: library, model: neighbours)
        } catch {
            throw CommandFailure(error.description)
        }
        switch format {
        case "json": print(BenchmarkOutput.json(years, council: council, measure: measure, library: library, model: neighbours))
        default: print(BenchmarkOutput.csv(years), terminator: "")
        }
    }
}
