import Domain

/// Reads an Improvement Notice's text into a `NoticeDraft`: the notice as data, each field traced to its words,
/// with warnings for what a person must confirm.
///
/// The reader works from the language of notices, not from any one notice's layout: it rebuilds paragraphs and lists
/// from extracted text, then reads the header, the board, the calendar and the targets each on their own.
public enum NoticeReader {
    /// Reads bytes as they come from a file: UTF-8, Windows-1252 or UTF-16.
    /// Reads a notice from its file: a PDF through its text layer (`PDFText`), anything else as text. Bytes that are
    /// neither are refused, never read as text.
    public static func read(bytes: [UInt8]) throws(NoticeInput.Problem) -> NoticeDraft {
        if PDFText.isPDF(bytes) {
            let text = try PDFText.text(of: bytes)
            var draft = read(text: text)
            draft.encoding = "PDF"
            return draft
        }
        let decoded = try NoticeInput.decode(bytes)
        var draft = read(text: decoded.text)
        draft.encoding = decoded.encoding
        if decoded.encoding == "Windows-1252" { draft.warnings.insert("the file is not UTF-8; read as Windows-1252", at: 0) }
        return draft
    }

    public static func read(text: String) -> NoticeDraft {
        let doc = Layout.document(from: text)
        var warnings: [String] = []
        let header = HeaderReader(doc: doc)

        let council = header.council(warnings: &warnings)
        let inspection = header.inspection(warnings: &warnings)
        let noticeDate = header.noticeDate(warnings: &warnings)
        let duration = header.durationMonths()

        // Yearless months ("the January Improvement Board") count forward from the notice date, or failing that
        // from the latest date the inspection gives.
        var resolver = DateResolver(durationMonths: duration?.0)
        if let date = noticeDate?.0 {
            resolver.reference = date
            resolver.referenceWhat = "the notice date"
        } else if let published = inspection.published ?? inspection.endDate {
            resolver.reference = published.latestDay
            resolver.referenceWhat = "the inspection report"
        }

        var targetReader = TargetReader(doc: doc, resolver: resolver)
        let scalars = Array(text.unicodeScalars)
        let targets = targetReader.targets().map { target in
            let span = target.source.map { max(0, min($0.start, scalars.count))..<max(0, min($0.end, scalars.count)) } ?? 0..<0
            var statement = String.UnicodeScalarView()
            statement.append(contentsOf: scalars[span])
            return IndicatorMatching.judged(target, statement: String(statement))
        }.map { GeneralDeadline.apply(GeneralDeadline.months(in: text), to: $0) }
        var scheduleReader = ScheduleReader(doc: doc, resolver: resolver)
        let reviews = scheduleReader.reviews(durationMonths: duration?.0)
        let deadlines = scheduleReader.deadlines(excluding: targetReader.usedRanges)
        let board = BoardReader(doc: doc).board(warnings: &warnings)

        warnings += targetReader.warnings + scheduleReader.warnings
        if noticeDate == nil {
            warnings.append("the notice carries no date; dates relative to it (notice+Nm) resolve once it is entered")
        }
        if targets.isEmpty { warnings.append("no numeric targets were found; the dataset is to be agreed with the board") }
        for target in targets {
            let name = "'\(target.indicator)'"
            if let doubt = target.match?.doubt, target.indicatorID == .other || target.match?.needsChecking == true {
                warnings.append("\(name): \(doubt)")
            }
            for milestone in target.milestones {
                if milestone.value == nil {
                    warnings.append("\(name): '\(milestone.words)' sets no figure; agree the level to judge it by")
                } else if milestone.due == nil {
                    warnings.append("\(name): '\(milestone.words)' has no date; it will be judged at the notice's final review")
                }
            }
        }

        let service = header.service()
        let signatory = header.signatory()
        var notice = Notice(
            council: council,
            service: service?.0,
            inspection: inspection,
            noticeDate: noticeDate?.0,
            durationMonths: duration?.0,
            measures: MeasureReader(doc: doc).measures(),
            targets: targets,
            deadlines: deadlines,
            reviews: reviews,
            board: board,
            consequence: header.consequence(),
            signatory: signatory?.0,
            sources: FieldSources(service: service?.1, noticeDate: noticeDate?.1, duration: duration?.1, signatory: signatory?.1)
        )
        notice.lifecycle = [LifecycleEvent(state: .issued, date: noticeDate.map { .day($0.0) }, reason: "read from the notice text")]
        var seen = Set<String>()
        warnings = warnings.filter { seen.insert($0).inserted }
        return NoticeDraft(notice: notice, warnings: warnings, encoding: "UTF-8", text: text)
    }
}
