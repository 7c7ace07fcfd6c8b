import Foundation
import Domain

/// Reads who the notice is for and what it rests on: the council and its address, the service, the inspection, the
/// notice's date and length, who signed it, and the consequence of failing to comply.
struct HeaderReader {
    let doc: Document

    // MARK: Council

    func council(warnings: inout [String]) -> Council {
        var name: String?
        var nameRange: Range<Int>?
        var address: String?
        for block in doc.blocks.prefix(12) {
            let r = block.range
            // "To:", "Issued to:", "Local authority:", "Council:": a label that opens the block names the council.
            let label = ["to:", "issued to:", "local authority:", "council:", "authority:", "name of council:", "name of authority:"]
                .lazy.compactMap { self.doc.find($0, in: r, wholeWord: false) }.first { $0.lowerBound - r.lowerBound < 4 }
            if name == nil, let to = label {
                var start = to.upperBound
                if let label = doc.find("name", in: start..<r.upperBound), label.lowerBound - start <= 2 { start = label.upperBound }
                if doc.bytes[safe: start] == 0x3A { start += 1 }  // "Name:"
                var end = r.upperBound
                for stop in ["(", " address", ",", "\""] {
                    if let hit = doc.find(stop, in: start..<end, wholeWord: false) { end = min(end, hit.lowerBound) }
                }
                let range = doc.trimmed(start..<end)
                if !range.isEmpty {
                    name = doc.string(range)
                    nameRange = range
                }
                if let a = doc.find("address", in: r) { address = doc.string(doc.trimmed(a.upperBound..<r.upperBound)) }
            } else if address == nil, let a = doc.find("address", in: r), a.lowerBound == r.lowerBound {
                var start = a.upperBound
                if doc.bytes[safe: start] == 0x3A { start += 1 }
                address = doc.string(doc.trimmed(start..<r.upperBound, trimming: [0x20, 0x3A, 0x2C, 0x2E]))
            }
        }
        if name == nil {
            // No "To:" line: the first "X County Council" / "London Borough of X" in the opening blocks.
            for block in doc.blocks.prefix(8) {
                if let found = councilPhrase(in: block.range) {
                    name = doc.string(found)
                    nameRange = found
                    break
                }
            }
        }
        guard let raw = name, let range = nameRange else {
            warnings.append("the council's name was not found; enter it")
            return Council(name: "")
        }
        let tidy = Self.titleCase(raw)
        let code = LocalAuthorities.code(forCouncilNamed: tidy)
        if code == nil { warnings.append("'\(tidy)' is not a council this product knows; enter its LA code") }
        return Council(name: tidy, address: address.map(Self.tidyAddress), laCode: code, source: doc.span(range))
    }

    private func councilPhrase(in r: Range<Int>) -> Range<Int>? {
        for suffix in ["county council", "city council", "borough council", "district council", "metropolitan borough council", "council of the isles of scilly"] {
            if let hit = doc.find(suffix, in: r) {
                // "Council   Buckinghamshire County Council": a label before the name is not part of it; and a
                // bare "County Council" (its name wrapped onto the line above) names nothing.
                let start = capitalisedWords(before: hit.lowerBound, in: r, stoppingAt: ["council", "to", "authority"])
                if start < hit.lowerBound { return start..<hit.upperBound }
            }
        }
        // "Wirral Council", "Medway Council": a capitalised name before "Council", not "the Council".
        for hit in doc.findAll("council", in: r) where isUpper(doc.bytes[hit.lowerBound]) {
            let start = capitalisedWords(before: hit.lowerBound, in: r, stoppingAt: ["the", "this", "a", "to", "by", "of", "education", "notice", "improvement", "council"])
            if start < hit.lowerBound { return start..<hit.upperBound }
        }
        if let hit = doc.find("london borough of", in: r) ?? doc.find("royal borough of", in: r) {
            var end = hit.upperBound + 1
            while end < r.upperBound, isWordByte(doc.bytes[end]) || doc.bytes[end] == 0x20 || doc.bytes[end] == 0x2D { end += 1 }
            return doc.trimmed(hit.lowerBound..<end)
        }
        return nil
    }

    /// Where the run of capitalised words ending just before `end` begins ("Kingston upon Hull" is cut at "upon").
    private func capitalisedWords(before end: Int, in r: Range<Int>, stoppingAt stops: Set<String> = []) -> Int {
        var start = end
        while start > r.lowerBound {
            var j = start - 1
            while j > r.lowerBound, doc.bytes[j] == 0x20 { j -= 1 }
            var k = j
            while k > r.lowerBound, isWordByte(doc.bytes[k - 1]) || doc.bytes[k - 1] == 0x2D { k -= 1 }
            guard k <= j, isUpper(doc.bytes[k]), !stops.contains(doc.lowercased(k..<(j + 1))) else { break }
            start = k
        }
        return start
    }

    /// "CUMBRIA COUNTY COUNCIL" → "Cumbria County Council"; mixed case is left as written.
    static func titleCase(_ raw: String) -> String {
        let collapsed = raw.split(separator: " ").joined(separator: " ")
        guard collapsed.contains(where: \.isLetter), collapsed == collapsed.uppercased() else { return collapsed }
        let small: Set<String> = ["of", "and", "upon", "on", "the", "with", "in", "under"]
        return collapsed.split(separator: " ").enumerated().map { index, word in
            word.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { part, piece -> String in
                let lower = piece.lowercased()
                if (index > 0 || part > 0) && small.contains(lower) { return lower }
                return lower.prefix(1).uppercased() + lower.dropFirst()
            }.joined(separator: "-")
        }.joined(separator: " ")
    }

    static func tidyAddress(_ raw: String) -> String {
        raw.split(separator: " ").joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,."))
    }

    // MARK: Service

    func service() -> (String, SourceSpan)? {
        for (index, block) in doc.blocks.enumerated() {
            guard let hit = doc.find("poor performance in", in: block.range) else { continue }
            var rest = doc.trimmed(hit.upperBound..<block.range.upperBound)
            if let basis = doc.find("on the basis", in: rest) { rest = doc.trimmed(rest.lowerBound..<basis.lowerBound) }
            if rest.isEmpty, index + 1 < doc.blocks.count {
                rest = doc.trimmed(doc.blocks[index + 1].range, trimming: [0x20, 0x3A, 0x2E, 0x2C])
                // A page-break join may have run the service into "on the basis of evidence contained in:".
                if let basis = doc.find("on the basis", in: rest) { rest = doc.trimmed(rest.lowerBound..<basis.lowerBound) }
            }
            guard !rest.isEmpty else { return nil }
            return (doc.string(rest), doc.span(rest))
        }
        return nil
    }

    // MARK: Inspection

    func inspection(warnings: inout [String]) -> Inspection {
        guard let block = doc.blocks.first(where: { b in
            doc.contains("inspection", in: b.range) && (doc.contains("judged", in: b.range) || doc.contains("carried out by", in: b.range))
        }) else {
            warnings.append("the inspection the notice rests on was not found")
            return Inspection()
        }
        let r = block.range
        var result = Inspection(source: doc.span(r))
        let bodies: [(String, String)] = [
            ("ofsted", "Ofsted"), ("care quality commission", "CQC"), ("cqc", "CQC"), ("hmicfrs", "HMICFRS"), ("hmic", "HMIC"),
            ("hmi probation", "HMI Probation"), ("inspectorate of probation", "HMI Probation"), ("hmip", "HMI Probation"),
            ("inspectorate of constabulary", "HMIC"), ("estyn", "Estyn"),
        ]
        var found: [(Int, String)] = []
        for (needle, name) in bodies {
            if let hit = doc.find(needle, in: r), !found.contains(where: { $0.1 == name }) { found.append((hit.lowerBound, name)) }
        }
        result.inspectorates = found.sorted { $0.0 < $1.0 }.map(\.1)

        if let of = doc.find("inspection of", in: r) {
            var end = r.upperBound
            for stop in [" carried out", " conducted", " undertaken", " by ofsted", " dated", " published", " (", " which"] {
                if let hit = doc.find(stop, in: of.upperBound..<end, wholeWord: false) { end = min(end, hit.lowerBound) }
            }
            let kind = doc.trimmed(of.upperBound..<end)
            if !kind.isEmpty { result.kind = doc.string(kind) }
        }

        let tokens = Tokenizer.tokens(doc, r)
        let dates = Dates.all(tokens, in: doc)
        for (n, date) in dates.enumerated() {
            let before = date.tokens.lowerBound
            let lead = (max(0, before - 3)..<before).map { tokens[$0].text }
            guard let value = DateResolver.partialDate(date.value) else { continue }
            warnings.append(contentsOf: date.warnings)
            if lead.last == "between" || (lead.last == "from" && n + 1 < dates.count) {
                result.startDate = value
                if n + 1 < dates.count, let end = DateResolver.partialDate(dates[n + 1].value) { result.endDate = end }
            } else if lead.contains("published") || lead.contains("dated") || lead.contains("publication") {
                result.published = value
            } else if lead.last == "on" || lead.last == "in", lead.contains("out") || lead.contains("carried"), result.startDate == nil {
                result.startDate = value
            }
        }

        let judgements: [(String, Inspection.Judgement)] = [
            ("inadequate", .inadequate), ("requires improvement", .requiresImprovement), ("requires improvement to be good", .requiresImprovement),
            ("adequate", .adequate), ("good", .good), ("outstanding", .outstanding),
        ]
        let after = doc.find("judged", in: r).map { $0.upperBound..<r.upperBound } ?? r
        var best: (Int, Inspection.Judgement)?
        for (needle, value) in judgements {
            if let hit = doc.find(needle, in: after), best == nil || hit.lowerBound > best!.0 { best = (hit.lowerBound, value) }
        }
        result.judgement = best?.1
        if result.judgement == nil { warnings.append("the inspection judgement was not found") }

        if let judged = doc.find("judged the", in: r) {
            var end = r.upperBound
            if let of = doc.find(" of ", in: judged.upperBound..<end, wholeWord: false) { end = of.lowerBound }
            let what = doc.lowercased(doc.trimmed(judged.upperBound..<end))
            result.subJudgements = what.components(separatedBy: " and ").flatMap { $0.components(separatedBy: ", ") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let all = doc.find("all", in: r), let sub = doc.find("sub-judgements", in: all.upperBound..<r.upperBound), sub.lowerBound - all.upperBound < 12 {
            result.subJudgements.append(doc.lowercased(all.lowerBound..<sub.upperBound))
        }
        return result
    }

    // MARK: Date, duration, signatory

    /// The date beside "Date:" or "Dated", in any of the forms notices are signed with ("29. vi. 10", "14/03/2012").
    func noticeDate(warnings: inout [String]) -> (CalendarDate, SourceSpan)? {
        for block in doc.blocks.reversed() {
            // "Date: 29. vi. 10", "Dated 14/03/2012": a label, not "the report … dated 29th May 2012".
            let label = doc.find("date:", in: block.range, wholeWord: false)
                ?? doc.find("dated:", in: block.range, wholeWord: false)
                ?? doc.find("issued:", in: block.range, wholeWord: false)
                ?? doc.find("date of issue", in: block.range)
                ?? doc.find("date of notice", in: block.range)
                ?? [doc.find("date", in: block.range), doc.find("dated", in: block.range)].compactMap { $0 }.first { $0.lowerBound == block.range.lowerBound }
            guard let label else { continue }
            let rest = label.upperBound..<block.range.upperBound
            let tokens = Tokenizer.tokens(doc, rest)
            // "Date: 29. vi. 10", "Date of Notice: 7th October 2019", "Dated this 21st day of June 2012".
            guard let match = Dates.all(tokens, in: doc).first, match.tokens.lowerBound <= 3,
                  case .day(let day) = match.value else { continue }
            warnings.append(contentsOf: match.warnings)
            let span = tokens[match.tokens.lowerBound].range.lowerBound..<tokens[match.tokens.upperBound - 1].range.upperBound
            return (day, doc.span(span))
        }
        // A letter dates itself on a line of its own above "Dear …".
        for block in doc.blocks.prefix(20) where block.kind == .paragraph {
            let tokens = Tokenizer.tokens(doc, block.range)
            guard tokens.count <= 5, let match = Dates.all(tokens, in: doc).first, match.tokens == 0..<tokens.count,
                  case .day(let day) = match.value else { continue }
            return (day, doc.span(block.range))
        }
        return nil
    }

    /// "The Notice will last a period of: Twelve months", "for a period of 12 months", "remain in force for a year".
    func durationMonths() -> (Int, SourceSpan)? {
        for (index, block) in doc.blocks.enumerated() {
            let r = block.range
            guard doc.containsAny(["period of", "in force for", "duration of", "will last", "last for"], in: r),
                  doc.contains("notice", in: r) else { continue }
            var ranges = [r]
            if index + 1 < doc.blocks.count, doc.bytes[r.upperBound - 1] == 0x3A { ranges.append(doc.blocks[index + 1].range) }
            for range in ranges {
                let tokens = Tokenizer.tokens(doc, range)
                for i in tokens.indices {
                    guard let (n, used) = NumberWords.count(tokens, at: i), i + used < tokens.count, tokens[i + used].kind == .word else { continue }
                    let unit = tokens[i + used].text
                    let months: Int? = unit.hasPrefix("month") ? n : (unit.hasPrefix("year") ? n * 12 : nil)
                    guard let m = months, m > 0 else { continue }
                    if range == r, let periodHit = doc.find("period", in: r) ?? doc.find("force", in: r) ?? doc.find("last", in: r),
                       tokens[i].range.lowerBound < periodHit.lowerBound { continue }
                    return (m, doc.span(tokens[i].range.lowerBound..<tokens[i + used].range.upperBound))
                }
            }
        }
        return nil
    }

    /// "Edward Timpson MP" from the signature block.
    func signatory() -> (String, SourceSpan)? {
        for block in doc.blocks.suffix(4).reversed() {
            let tokens = Tokenizer.tokens(doc, block.range)
            guard let mp = tokens.firstIndex(where: { $0.kind == .word && doc.string($0.range) == "MP" }) else { continue }
            var start = mp
            while start > 0, tokens[start - 1].kind == .word, tokens[start - 1].capitalised, mp - start < 4,
                  !["signed", "date", "name"].contains(tokens[start - 1].text) { start -= 1 }
            guard start < mp else { continue }
            let range = tokens[start].range.lowerBound..<tokens[mp].range.upperBound
            return (doc.string(range), doc.span(range))
        }
        return nil
    }

    // MARK: Consequence

    func consequence() -> Consequence? {
        for block in doc.blocks {
            let r = block.range
            let statutory = doc.find("497a", in: r, wholeWord: false) ?? doc.find("statutory powers", in: r) ?? doc.find("powers of intervention", in: r)
                ?? doc.find("statutory direction", in: r)
            guard statutory != nil else { continue }
            var power: String?
            if let s = doc.find("497a", in: r, wholeWord: false) {
                power = "s497A Education Act 1996"
                if !doc.contains("1996", in: s.upperBound..<min(r.upperBound, s.upperBound + 30)) && !doc.contains("education act", in: r) {
                    power = "s497A"
                }
            }
            return Consequence(power: power, text: doc.string(r), source: doc.span(r))
        }
        return nil
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
