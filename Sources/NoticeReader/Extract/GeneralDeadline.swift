import Domain

/// "All targets must be met within twelve months of the start of this Notice": a date for every milestone that has
/// none of its own, counted from the notice.
enum GeneralDeadline {
    /// The months the notice gives every target, if it says so.
    static func months(in text: String) -> Int? {
        let lower = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for opening in ["all targets must be met within ", "all targets must be achieved within ", "all targets are to be met within ",
                        "all of these targets must be met within ", "all the targets must be met within ", "each target must be met within "] {
            guard let r = lower.range(of: opening) else { continue }
            let words = lower[r.upperBound...].split(separator: " ").prefix(4).map(String.init)
            guard words.count >= 3, words[1].hasPrefix("month"), words[2] == "of" || words[2] == "from" else { continue }
            if let n = Int(words[0]) ?? NumberWords.value(of: words[0]), n > 0, n < 60 { return n }
        }
        return nil
    }

    static func apply(_ months: Int?, to target: Target) -> Target {
        guard let months else { return target }
        var t = target
        for k in t.milestones.indices where t.milestones[k].due == nil && t.milestones[k].value != nil {
            t.milestones[k].due = .afterNotice(months: months)
        }
        return t
    }
}
