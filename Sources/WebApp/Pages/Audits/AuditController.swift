import Domain
import Plot
import Storage
import Vapor

/// The case-audit programme: its frequency and size as the board agreed, the audits recorded, the results by month,
/// and actions raised from what the audits found.
enum AuditController {
    @Sendable static func show(req: Request) async throws -> HTML {
        let (user, data) = try await MeetingController.load(req)
        let programme = try await req.store.scope(data.council.key).auditProgramme().map(AuditView.Programme.init)
        return AuditView.page(data, programme: programme, user: user, pseudonymise: { req.services.pseudonymiser.pseudonym(council: data.council.laCode, child: $0) })
    }

    struct ProgrammeForm: Content { var frequencyWeeks: String?; var casesPerRound: String?; var startsOn: String?; var meeting: String? }

    @Sendable static func setProgramme(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let form = try req.content.decode(ProgrammeForm.self)
        guard let weeks = Int(form.frequencyWeeks ?? ""), (1...52).contains(weeks), let cases = Int(form.casesPerRound ?? ""), (1...1000).contains(cases),
              let start = CalendarDate(iso: form.startsOn ?? "") else {
            throw Abort(.unprocessableEntity, reason: "Enter how often (weeks), how many cases, and the first date as 2011-01-31.")
        }
        try await req.store.scope(council.requireID()).setAuditProgramme(frequencyWeeks: weeks, casesPerRound: cases, startsOn: start,
                                                                         agreedAtMeeting: Int(form.meeting ?? ""), by: user.actor)
        return req.redirect(to: .council(try council.pathID(), .audits))
    }

    struct AuditForm: Content {
        var caseReference: String?
        var auditedOn: String?
        var auditor: String?
        var grade: String?
        var oversightGrade: String?
        var childViews: String?
        var themes: String?
        var moderatedGrade: String?
        var moderatedOn: String?
        var moderator: String?
        var action: String?
    }

    @Sendable static func record(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let council = try await req.pathCouncil()
        let form = try req.content.decode(AuditForm.self)
        let reference = (form.caseReference ?? "").trimmingCharacters(in: .whitespaces)
        guard !reference.isEmpty else { throw Abort(.unprocessableEntity, reason: "Enter the case reference.") }
        guard let date = CalendarDate(iso: form.auditedOn ?? "") else { throw Abort(.unprocessableEntity, reason: "Enter the audit's date as 2011-06-30.") }
        guard let grade = AuditGrade(rawValue: form.grade ?? ""), AuditGrade.scale(on: date).contains(grade) else {
            throw Abort(.unprocessableEntity, reason: "Choose a grade on the scale in force on the audit's date.")
        }
        let moderated = form.moderatedGrade.flatMap { AuditGrade(rawValue: $0) }
        let audit = CaseAuditRecord(caseReference: reference, auditedOn: date, auditor: (form.auditor ?? user.displayName).trimmingCharacters(in: .whitespaces),
                                    grade: grade, oversightGrade: form.oversightGrade.flatMap { AuditGrade(rawValue: $0) },
                                    childViewsRecorded: form.childViews == "yes" ? true : form.childViews == "no" ? false : nil,
                                    themes: (form.themes ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                                    moderatedGrade: moderated, moderatedOn: moderated == nil ? nil : CalendarDate(iso: form.moderatedOn ?? "") ?? date,
                                    moderator: moderated == nil ? nil : form.moderator)
        let scope = req.store.scope(try council.requireID())
        try await scope.recordAudit(audit, by: user.actor)
        // An action the finding calls for goes into the plan, due in four weeks unless the board says otherwise.
        if let text = form.action?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            _ = try await scope.createAction(PlanAction(title: text, lead: "", owner: .council, recommendation: "Case-file audit finding (\(date.iso))",
                                                        indicator: .caseAuditAdequateOrBetter, due: date.adding(days: 28)), by: user.actor)
        }
        return req.redirect(to: SiteURL.council(try council.pathID(), .audits).with(fragment: "audits"))
    }
}
