import Domain

/// The `improve notice parse --format json` contract (spec/CLI.md): the documented fields first, in the documented
/// order, then the fields this product adds. Fields are only ever added, never renamed or removed.
extension NoticeDraft {
    public var contractJSON: JSONValue {
        let n = notice
        let measures: [JSONValue] = n.measures.map { m in
            .object([("section", .string(m.section)), ("text", .string(m.text)), ("source", span(m.source))])
        }
        let deadlines: [JSONValue] = n.deadlines.map { d in
            let fields: [(String, JSONValue)] = [("what", .string(d.what)), ("due", due(d.due)), ("source", span(d.source))]
            return .object(fields + meeting(d.due))
        }
        let reviews: [JSONValue] = n.reviews.map { r in
            let fields: [(String, JSONValue)] = [("what", .string(r.what)), ("due", due(r.due)), ("source", span(r.source)), ("kind", .string(r.kind.rawValue))]
            return .object(fields + meeting(r.due))
        }
        let consequence: JSONValue = n.consequence.map { c in
            .object([("power", c.power.map(JSONValue.string) ?? .null), ("text", .string(c.text)), ("source", span(c.source))])
        } ?? .null
        let lifecycle: [JSONValue] = n.lifecycle.map { e in
            .object([("state", .string(e.state.rawValue)), ("date", e.date.map { .string($0.iso) } ?? .null),
                     ("reason", e.reason.map(JSONValue.string) ?? .null)])
        }
        var fields: [(String, JSONValue)] = []
        fields.append(("council", .string(n.council.name)))
        fields.append(("address", n.council.address.map(JSONValue.string) ?? .null))
        fields.append(("service", n.service.map(JSONValue.string) ?? .null))
        fields.append(("inspection", inspectionJSON(n.inspection)))
        fields.append(("notice_date", n.noticeDate.map { .string($0.iso) } ?? .null))
        fields.append(("duration_months", n.durationMonths.map { .number(Double($0)) } ?? .null))
        fields.append(("measures", .array(measures)))
        fields.append(("targets", .array(n.targets.map(targetJSON))))
        fields.append(("deadlines", .array(deadlines)))
        fields.append(("reviews", .array(reviews)))
        fields.append(("board", boardJSON(n.board)))
        fields.append(("warnings", .array(warnings.map(JSONValue.string))))
        fields.append(("la_code", n.council.laCode.map(JSONValue.string) ?? .null))
        fields.append(("consequence", consequence))
        fields.append(("signatory", n.signatory.map(JSONValue.string) ?? .null))
        fields.append(("lifecycle", .array(lifecycle)))
        fields.append(("encoding", .string(encoding)))
        fields.append(("sources", .object([
            ("council", span(n.council.source)), ("service", span(n.sources.service)), ("notice_date", span(n.sources.noticeDate)),
            ("duration_months", span(n.sources.duration)), ("signatory", span(n.sources.signatory)),
            ("inspection", span(n.inspection.source)), ("board", span(n.board.source)),
        ])))
        return .object(fields)
    }

    private func inspectionJSON(_ i: Inspection) -> JSONValue {
        .object([
            ("inspectorates", .array(i.inspectorates.map(JSONValue.string))),
            ("published", i.published.map { .string($0.iso) } ?? .null),
            ("judgement", i.judgement.map { .string($0.rawValue) } ?? .null),
            ("kind", i.kind.map(JSONValue.string) ?? .null),
            ("start_date", i.startDate.map { .string($0.iso) } ?? .null),
            ("end_date", i.endDate.map { .string($0.iso) } ?? .null),
            ("sub_judgements", .array(i.subJudgements.map(JSONValue.string))),
            ("source", span(i.source)),
        ])
    }

    private func targetJSON(_ t: Target) -> JSONValue {
        .object([
            ("indicator", .string(t.indicator)),
            ("indicator_id", .string(t.indicatorID.rawValue)),
            ("unit", .string(t.unit.rawValue)),
            ("direction", .string(t.direction.rawValue)),
            ("baseline", t.baseline.map { b in
                .object([("value", b.value.map(JSONValue.number) ?? .null), ("period", b.period.map(JSONValue.string) ?? .null),
                         ("qualifiers", .array(b.qualifiers.map(JSONValue.string))), ("source", span(b.source))])
            } ?? .null),
            ("milestones", .array(t.milestones.map(milestoneJSON))),
            ("source", span(t.source)),
            // How sure the reader is of indicator_id, the words that decided it, and why a person should check it.
            ("match", t.match.map { m in
                .object([("confidence", .number(m.confidence)), ("words", .array(m.words.map(JSONValue.string))),
                         ("doubt", m.doubt.map(JSONValue.string) ?? .null)])
            } ?? .null),
        ])
    }

    private func milestoneJSON(_ m: Milestone) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        fields.append(("value", m.value.map(JSONValue.number) ?? .null))
        fields.append(("due", due(m.due)))
        fields.append(("basis", .string(m.basis.rawValue)))
        fields.append(("source", span(m.source)))
        fields.append(("judged", .string(m.judged.rawValue)))
        fields.append(("reference_period", m.referencePeriod.map(JSONValue.string) ?? .null))
        fields.append(("words", .string(m.words)))
        return .object(fields + meeting(m.due))
    }

    private func boardJSON(_ b: BoardArrangement) -> JSONValue {
        .object([
            ("cadence_weeks", b.cadenceWeeks.map { .number(Double($0)) } ?? .null),
            ("independent_chair", .bool(b.independentChair)),
            ("dfe_observer", .bool(b.dfeObserver)),
            ("name", b.name.map(JSONValue.string) ?? .null),
            ("cadence_words", b.cadenceWords.map(JSONValue.string) ?? .null),
            ("alternative_cadence_weeks", b.alternativeCadenceWeeks.map { .number(Double($0)) } ?? .null),
            ("alternative_needs_dfe_agreement", .bool(b.alternativeNeedsDfEAgreement)),
            ("peer_support", .bool(b.peerSupport)),
            ("dfe_role", b.dfeRole.map { .string($0.rawValue) } ?? .null),
            ("partners", .array(b.partners.map(JSONValue.string))),
            ("source", span(b.source)),
        ])
    }

    private func span(_ s: SourceSpan?) -> JSONValue {
        guard let s else { return .null }
        return .object([("start", .number(Double(s.start))), ("end", .number(Double(s.end)))])
    }

    private func due(_ d: Due?) -> JSONValue {
        d?.contractValue.map(JSONValue.string) ?? .null
    }

    /// A due date tied to a board meeting also names the meeting.
    private func meeting(_ d: Due?) -> [(String, JSONValue)] {
        if case .meeting(let name, _)? = d { return [("meeting", .string(name))] }
        return []
    }
}
