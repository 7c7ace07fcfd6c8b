import Foundation
import Published

/// The published statistics shipped in Resources/published (copied unchanged from DfE's dashboard repository).
enum PublishedFiles {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Resources/published").standardizedFileURL

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func table(_ name: String) throws -> PublishedTable {
        try PublishedTableReader.read(bytes(name), file: name)
    }

    static let reReferrals = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
    static let model2025 = "sn_model_2025_wide.csv"
    static let model2021 = "New_Statistical_Neighbour_Groupings_April_2021.csv"
}
