import Domain
import Indicators
import Plot
import Storage
import Vapor

/// The board's own targets: the list (in force, waiting for the board, and the history), an officer's proposal of a
/// new target, a change or a retirement, and the board's decision on each at a meeting.
enum BoardTargetController {
    @Sendable static func list(req: Request) async throws -> HTML {
        let (user, data) = try await MeetingController.load(req)
        let revising = req.query[String.self, at: "revise"].flatMap(UUID.init(uuidString:))
        return BoardTargetView.page(data, revising: revising, user: user)
    }

    struct ProposalForm: Content {
        var change: String?
        var replaces: String?
        var indicator: String?
        var name: String?
        /// For a measure counted by hand: what its figure is, and which way is better.
        var unit: String?
        var direction: String?
        var baseline: String?
        var baselinePeriod: String?
        var level1: String?, due1: String?, basis1: String?
        var level2: String?, due2: String?, basis2: String?
        var level3: String?, due3: String?, basis3: String?
        var reason: String?
    }

    @Sendable static func propose(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let page = SiteURL.council(try council.pathID(), .boardTargets)
        let form = try req.content.decode(ProposalForm.self)
        let scope = req.store.scope(try council.requireID())
        let change = BoardTarget.Change(rawValue: form.change ?? "new") ?? .new
        let replaces = form.replaces.flatMap(UUID.init(uuidString:))
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let target: Target
        if change == .retire {
            // Retiring keeps the target as it is; only the reason is asked for.
            guard let replaces, let old = try await scope.boardTargets().first(where: { $0.id == replaces && $0.target.isInForce }) else { throw Abort(.notFound) }
            guard !reason.isEmpty else { throw FormProblem(page: page, form: "retire-\(replaces)", field: "retire-reason-\(replaces)", "Say why the target should be retired") }
            target = old.target.target
        } else {
            target = try BoardTargetForm.target(form, page: page, formName: "proposal")
            guard !reason.isEmpty else { throw FormProblem(page: page, form: "proposal", field: "reason", "Say why the board should set this target") }
        }
        do {
            _ = try await scope.proposeBoardTarget(BoardTarget(target: target, change: change, replaces: change == .new ? nil : replaces,
                                                               proposedBy: user.email, reason: reason), by: user.actor)
        } catch let refusal as BoardTarget.Refusal {
            throw FormProblem(page: page, form: "proposal", field: "indicator", refusal.description.capitalizingFirst)
        }
        return req.redirect(to: page.with(fragment: "waiting"))
    }

    struct DecisionForm: Content { var decision: String? }

    @Sendable static func decide(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let meeting = try MeetingController.number(req)
        let id = try req.uuidParameter(BoardTargetKind.self)
        let decision = try req.content.decode(DecisionForm.self).decision
        guard decision == "agreed" || decision == "refused" else { throw Abort(.unprocessableEntity, reason: "Agree or refuse the target.") }
        do {
            try await req.store.scope(council.requireID()).decideBoardTarget(id, agreed: decision == "agreed", atMeeting: meeting, by: user.actor)
        } catch StorageError.notFound {
            throw Abort(.notFound)
        } catch let refusal as BoardTarget.Refusal {
            throw Abort(.unprocessableEntity, reason: refusal.description.capitalizingFirst + ".")
        }
        return req.redirect(to: SiteURL.council(try council.pathID(), .meeting(MeetingNumber(meeting))).with(fragment: "board-targets"))
    }
}

/// A target as an officer types it: an indicator, the board's name for it, a baseline and up to three milestones.
enum BoardTargetForm {
    /// What a measure counted by hand may be: a percentage, a count, an average number of days.
    static let handUnits: [TargetUnit] = [.percent, .count, .workingDays]

    static func target(_ form: BoardTargetController.ProposalForm, page: SiteURL, formName: String) throws -> Target {
        var errors: [FormProblem.FieldError] = []
        let indicator = form.indicator.flatMap(IndicatorID.init(rawValue:)).flatMap { IndicatorID.computed.contains($0) || $0 == .other ? $0 : nil }
        if indicator == nil { errors.append(.init(field: "indicator", message: "Choose the figure the target is set on")) }
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        // A measure counted by hand is known only by the board's name for it, and says itself what its figure is.
        let byHand = indicator == .other
        if byHand, name.isEmpty { errors.append(.init(field: "name", message: "Name the measure the council counts by hand")) }
        let handUnit = form.unit.flatMap(TargetUnit.init(rawValue:)).flatMap { BoardTargetForm.handUnits.contains($0) ? $0 : nil }
        if byHand, handUnit == nil { errors.append(.init(field: "unit", message: "Choose what the measure's figure is")) }
        let handDirection = form.direction.flatMap(TargetDirection.init(rawValue:)).flatMap { $0 == .maintain ? nil : $0 }
        if byHand, handDirection == nil { errors.append(.init(field: "direction", message: "Choose whether a higher or a lower figure is better")) }
        func number(_ text: String?) -> Double?? {
            let t = (text ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
            if t.isEmpty { return .some(nil) }
            return Double(t).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }.map { .some($0) } ?? nil
        }
        let baseline = number(form.baseline)
        if baseline == nil { errors.append(.init(field: "baseline", message: "Enter the baseline as a number, like 72.5, or leave it empty")) }
        let periodText = (form.baselinePeriod ?? "").trimmingCharacters(in: .whitespaces)
        let period = periodText.isEmpty ? nil : DateEntry.month(periodText)
        if !periodText.isEmpty, period == nil { errors.append(.init(field: "baselinePeriod", message: "Enter the baseline's month, like March 2011, or leave it empty")) }
        var milestones: [Milestone] = []
        for (n, level, due, basis) in [(1, form.level1, form.due1, form.basis1), (2, form.level2, form.due2, form.basis2), (3, form.level3, form.due3, form.basis3)] {
            let levelText = (level ?? "").trimmingCharacters(in: .whitespaces), dueText = (due ?? "").trimmingCharacters(in: .whitespaces)
            if levelText.isEmpty && dueText.isEmpty { continue }
            let value = number(level) ?? nil
            if value == nil { errors.append(.init(field: "level\(n)", message: "Enter milestone \(n)'s level as a number, like 80")) }
            let date = DateEntry.parse(dueText)
            if date == nil { errors.append(.init(field: "due\(n)", message: DateEntry.hint("Milestone \(n)'s date", example: "31 3 2012"))) }
            let chosen = basis.flatMap(Basis.init(rawValue:)) ?? indicator?.info.bases.first ?? .inMonth
            if let value, let date {
                milestones.append(Milestone(value: value, due: .day(date), basis: chosen, words: "\(ShownFigure.text(value)) by \(date.inWords)"))
            }
        }
        if milestones.isEmpty, !errors.contains(where: { $0.field.hasPrefix("level") || $0.field.hasPrefix("due") }) {
            errors.append(.init(field: "level1", message: "Enter at least one milestone: a level and the date to reach it by"))
        }
        if byHand, handUnit == .percent, milestones.contains(where: { ($0.value ?? 0) > 100 }) || (baseline ?? nil).map({ $0 > 100 }) == true {
            errors.append(.init(field: "level1", message: "Enter percentages of 100 or less"))
        }
        guard errors.isEmpty, let indicator else { throw FormProblem(page: page, form: formName, errors: errors) }
        return Target(indicator: name.isEmpty ? indicator.info.title : name, indicatorID: indicator, unit: byHand ? handUnit! : indicator.info.unit,
                      direction: byHand ? handDirection! : indicator.betterWhen ?? .increase,
                      baseline: (baseline ?? nil).map { Baseline(value: $0, period: period?.iso) }, milestones: milestones.sorted { ($0.due?.resolved(noticeDate: nil) ?? .distantFuture) < ($1.due?.resolved(noticeDate: nil) ?? .distantFuture) })
    }
}
