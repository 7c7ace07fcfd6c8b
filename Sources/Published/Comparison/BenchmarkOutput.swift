import Foundation

/// The comparison as the command line and the API give it. Figures are the publisher's text, exactly as the file
/// has them ("15", never "15.0"); a publisher's symbol stays a symbol ("c"), and the JSON says what it means.
public enum BenchmarkOutput {
    public static let csvHeader = "year,council,england,region,neighbours_mean,neighbours_min,neighbours_max,rank,neighbours_ranked"

    public static func csv(_ years: [BenchmarkYear]) -> String {
        var out = csvHeader + "\n"
        for y in years {
            let cells = [y.period.text, y.council?.cell.text ?? "", y.england?.cell.text ?? "", y.region?.cell.text ?? "",
                         y.neighboursMean ?? "", y.neighboursMin?.cell.text ?? "", y.neighboursMax?.cell.text ?? "",
                         y.rank.map(String.init) ?? "", String(y.ranked)]
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    struct Figure: Encodable {
        var figure: String
        var value: Double?
        var symbol: String?
        var meaning: String?
        var council: String?
        var line: Int
        var file: String

        init(_ f: PublishedLibrary.Figure, council: Bool = false) {
            figure = f.cell.text
            value = f.cell.value
            symbol = f.cell.code?.rawValue
            meaning = f.cell.code?.meaning ?? (f.cell == .blank ? "left blank by the publisher" : nil)
            self.council = council ? f.place.laCode : nil
            line = f.line
            file = f.table
        }
    }

    struct Year: Encodable {
        var year: String
        var label: String
        var council: Figure?
        var england: Figure?
        var region: Figure?
        var neighbours_mean: String?
        var neighbours_min: Figure?
        var neighbours_max: Figure?
        var rank: Int?
        var neighbours_ranked: Int
        var neighbours_with_a_figure: Int
    }

    struct Document: Encodable {
        struct Council: Encodable { var code: String; var name: String; var region: String }
        struct Neighbour: Encodable { var code: String; var name: String; var closeness: String }
        struct Measure: Encodable { var indicator: String; var column: String; var published: String; var differs: String; var rank_1_is: String }
        var council: Council
        var measure: Measure
        var neighbour_model: String
        var neighbours: [Neighbour]
        var years: [Year]
    }

    public static func json(_ years: [BenchmarkYear], council: String, measure: PublishedMeasure, library: PublishedLibrary, model: String) -> String {
        let place = library.place(ofCouncil: council)
        let neighbourModel = library.neighbourModels[model]
        let document = Document(
            council: .init(code: council, name: place?.laName ?? "", region: place?.regionName ?? ""),
            measure: .init(indicator: measure.indicator.rawValue, column: measure.column, published: measure.published, differs: measure.differs,
                           rank_1_is: measure.indicator.betterWhen == .decrease ? "the lowest" : "the highest"),
            neighbour_model: model,
            neighbours: (neighbourModel?.neighbours(of: council) ?? []).map {
                .init(code: $0.laCode, name: neighbourModel?.councils[$0.laCode]?.name ?? library.place(ofCouncil: $0.laCode)?.laName ?? "",
                      closeness: $0.closeness)
            },
            years: years.map { y in
                Year(year: y.period.text, label: measure.yearLabel(y.year), council: y.council.map { Figure($0) },
                     england: y.england.map { Figure($0) }, region: y.region.map { Figure($0) }, neighbours_mean: y.neighboursMean,
                     neighbours_min: y.neighboursMin.map { Figure($0, council: true) }, neighbours_max: y.neighboursMax.map { Figure($0, council: true) },
                     rank: y.rank, neighbours_ranked: y.ranked, neighbours_with_a_figure: y.neighbourFigures.values.filter { $0.cell.value != nil }.count)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self)
    }
}
