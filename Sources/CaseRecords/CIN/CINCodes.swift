/// The code lists of the CIN census (DfE's CIN census guide and schema), for telling a council which values are not
/// codes the census knows.
enum CINCodes {
    static let referralSource: Set<String> = [
        "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10",
    ]
    static let primaryNeed: Set<String> = ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]
    static let reasonForClosure: Set<String> = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"]
    static let categoryOfAbuse: Set<String> = ["NEG", "PHY", "SAB", "EMO", "MUL"]
    static let disability: Set<String> = [
        "NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA",
    ]
    static let ethnicity: Set<String> = [
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
        "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    ]

    /// The child's sex: `Sex` from 2024-25 (`M`, `F`, `U`), `GenderCurrent` before it (`1` male, `2` female, `0` not
    /// known, `9` not specified), read into the newer coding; nil for anything else. `new` is whether the value was
    /// coded the 2024-25 way.
    static func sex(_ text: String) -> (code: String, new: Bool)? {
        switch text.uppercased() {
        case "M": return ("M", true)
        case "F": return ("F", true)
        case "U": return ("U", true)
        case "1": return ("M", false)
        case "2": return ("F", false)
        case "0", "9": return ("U", false)
        default: return nil
        }
    }

    /// LAchildID from 2024-25: at most 20 characters, letters and digits only.
    static func isChildIDForm(_ id: String) -> Bool {
        id.utf8.count <= 20 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }

    /// PPOutcome's codes (their meanings are DfE's; the product shows the code).
    static let preProceedingsOutcome: Set<String> = ["A", "B", "C"]

    /// Booleans as returns write them: "true", "false", "TRUE", "FALSE", "1", "0" (and "True"/"False").
    static func boolean(_ text: String) -> Int8? {
        switch text.lowercased() {
        case "true", "1", "y", "yes": return 1
        case "false", "0", "n", "no": return 0
        default: return nil
        }
    }
}
