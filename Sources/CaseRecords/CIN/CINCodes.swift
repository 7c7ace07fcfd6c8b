/// The code lists of the CIN census (DfE's CIN census guide and schema), for telling a council which values are not
/// codes the census knows.
enum CINCodes {
    static let referralSource: Set<String> = [
        "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10",
    ]
    static let primaryNeed: Set<String> = ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]
    static let reasonForClosure: Set<String> = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"]
    static let categoryOfAbuse: Set<String> = ["NEG", "PHY", "SAB", "EMO", "MUL"]
    static let gender: Set<String> = ["0", "1", "2", "9"]
    static let disability: Set<String> = [
        "NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA",
    ]
    static let ethnicity: Set<String> = [
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
        "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    ]

    /// Blocks later censuses added, with the first collection year that has them: a file of that year or later may
    /// carry them (the importer does not read them yet, and says so); an earlier file should not.
    static let laterBlocks: [String: Int] = [
        "PreProceedingsandFGDM": 2026,
        "ChildAttendance": 2025,
    ]

    /// Booleans as returns write them: "true", "false", "TRUE", "FALSE", "1", "0" (and "True"/"False").
    static func boolean(_ text: String) -> Int8? {
        switch text.lowercased() {
        case "true", "1", "y", "yes": return 1
        case "false", "0", "n", "no": return 0
        default: return nil
        }
    }
}
