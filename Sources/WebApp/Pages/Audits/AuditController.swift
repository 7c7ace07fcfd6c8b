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
        let page = SiteURL.council(try council.pathID(), .audits)
        var errors: [FormProblem.FieldError] = []
        let weeks = Int((form.frequencyWeeks ?? "").trimmingCharacters(in: .whitespaces)).flatMap { (1...52).contains($0) ? $0 : nil }
        if weeks == nil { errors.append(.init(field: "frequencyWeeks", message: "Enter how often the rounds come, as a number of weeks from 1 to 52")) }
        let cases = Int((form.casesPerRound ?? "").trimmingCharacters(in: .whitespaces)).flatMap { (1...1000).contains($0) ? $0 : nil }
        if cases == nil { errors.append(.init(field: "casesPerRound", message: "Enter how many cases each round audits, from 1 to 1,000")) }
        let start = DateEntry.parse(form.startsOn ?? "")
        if start == nil { errors.append(.init(field: "startsOn", message: DateEntry.hint("The first round", example: "31 1 2011"))) }
        let meetingText = (form.meeting ?? "").trimmingCharacters(in: .whitespaces)
        if !meetingText.isEmpty, Int(meetingText).map({ $0 > 0 }) != true {
            errors.append(.init(field: "meeting", message: "Enter the meeting's number, like 3, or leave it empty"))
        }
        guard errors.isEmpty, let weeks, let cases, let start else { throw FormProblem(page: page, form: "programme", errors: errors) }
        try await req.store.scope(council.requireID()).setAuditProgramme(frequencyWeeks: weeks, casesPerRound: cases, startsOn: start,
                                                                         agreedAtMeeting: Int(meetingText), by: user.actor)
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
        let page = SiteURL.council(try council.pathID(), .audits)
        var errors: [FormProblem.FieldError] = []
        if reference.isEmpty { errors.append(.init(field: "caseReference", message: "Enter the case reference")) }
        let date = DateEntry.parse(form.auditedOn ?? "")
        if date == nil { errors.append(.init(field: "auditedOn", message: DateEntry.hint("The audit's date", example: "30 6 2011"))) }
        let grade = AuditGrade(rawValue: form.grade ?? "")
        if let date, grade.map({ AuditGrade.scale(on: date).contains($0) }) != true {
            errors.append(.init(field: "grade", message: "Choose a grade on the scale in force on \(Format.date(date))"))
        }
        guard errors.isEmpty, let date, let grade else { throw FormProblem(page: page, form: "audit", errors: errors) }
        let moderated = form.moderatedGrade.flatMap { AuditGrade(rawValue: $0) }
        let audit = CaseAuditRecord(caseReference: reference, auditedOn: date, auditor: (form.auditor ?? user.displayName).trimmingCharacters(in: .whitespaces),
                                    grade: grade, oversightGrade: form.oversightGrade.flatMap { AuditGrade(rawValue: $0) },
                                    childViewsRecorded: form.childViews == "yes" ? true : form.childViews == "no" ? false : nil,
                                    themes: (form.themes ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                                    moderatedGrade: moderated, moderatedOn: moderated == nil ? nil : DateEntry.parse(form.moderatedOn ?? "") ?? date,
                                    moderator: moderated == nil ? nil : form.moderator)
        let scope = req.store.scope(try council.requireID())
        try await scope.recordAudit(audit, by: user.actor)
        // An action the finding calls for goes into the plan, due in four weeks unless the board says otherwise.
        if let text = form.action?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            _ = try await scope.createAction(PlanAction(title: text, lead: "", owner: .council, recommendation: "Case-file audit finding (\(date.inWords))",
                                                        indicator: .caseAuditAdequateOrBetter, due: date.adding(days: 28)), by: user.actor)
        }
        return req.redirect(to: SiteURL.council(try council.pathID(), .audits).with(fragment: "audits"))
    }
}
