#!/usr/bin/env python3
"""Writes five Improvement Notices of the reader's unseen corpus as PDFs whose targets sit in real tables (ruled cells,
a landscape annex, one small table per measure), the way DfE publishes many of them. The notices are fictional: the
councils are real, the events and figures are not.

    python3 Benchmarks/notices/make_corpus_pdfs_b.py [OUT_DIR]

OUT_DIR defaults to Tests/NoticeReaderTests/Fixtures/corpus/. Each notice is written as <council-slug>-<year>.pdf;
its ground truth, <council-slug>-<year>.expected.json, is written by hand beside it, from reading the notice, and is
not produced here. The output is deterministic (reportlab's invariant mode): the same bytes on every run.

Needs reportlab (pip install reportlab) and the DejaVu fonts (Debian package fonts-dejavu-core); the product and its
tests never run this script, they read its output. A sibling script, make_corpus_pdfs_a.py, writes other councils.
"""
import os
import sys
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (BaseDocTemplate, Frame, KeepTogether, NextPageTemplate, PageBreak, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle)

rl_config.invariant = 1

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONTS = {"Serif": "DejaVuSerif", "Serif-Bold": "DejaVuSerif-Bold", "Sans": "DejaVuSans", "Sans-Bold": "DejaVuSans-Bold"}


def register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    for name, file in FONTS.items():
        path = os.path.join(FONT_DIR, file + ".ttf")
        if not os.path.exists(path):
            raise SystemExit(f"{path} is missing (Debian package fonts-dejavu-core)")
        pdfmetrics.registerFont(TTFont(name, path))
    for family in ("Serif", "Sans"):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, family + "-Bold")
        addMapping(family, 0, 1, family)
        addMapping(family, 1, 1, family + "-Bold")


class Styles:
    """Paragraph styles in one family (Serif or Sans) at one size."""

    def __init__(self, family: str, size: float = 10.5):
        bold = family + "-Bold"
        lead = size * 1.3
        self.family = family
        self.body = ParagraphStyle("body", fontName=family, fontSize=size, leading=lead, spaceAfter=size * 0.6)
        self.bold = ParagraphStyle("bold", parent=self.body, fontName=bold)
        self.title = ParagraphStyle("title", parent=self.body, fontName=bold, fontSize=size + 5, leading=lead + 6,
                                    alignment=TA_CENTER, spaceAfter=size)
        self.heading = ParagraphStyle("heading", parent=self.body, fontName=bold, fontSize=size + 1, leading=lead + 1,
                                      spaceBefore=size * 0.6, spaceAfter=size * 0.4, keepWithNext=1)
        self.item = ParagraphStyle("item", parent=self.body, leftIndent=8 * mm, bulletIndent=2 * mm)
        self.right = ParagraphStyle("right", parent=self.body, alignment=TA_RIGHT, spaceAfter=0)
        self.lines = ParagraphStyle("lines", parent=self.body, spaceAfter=0)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=size - 1.5, leading=(size - 1.5) * 1.25,
                                   spaceAfter=0)
        self.cellbold = ParagraphStyle("cellbold", parent=self.cell, fontName=bold)
        self.cellcentre = ParagraphStyle("cellcentre", parent=self.cell, alignment=TA_CENTER)
        self.note = ParagraphStyle("note", parent=self.body, fontSize=size - 1.5, leading=(size - 1.5) * 1.25)


def para(text: str, style) -> Paragraph:
    """A paragraph of plain text (no markup): ampersands and angle brackets are escaped."""
    return Paragraph(escape(text), style)


def lines(text_lines, style) -> Paragraph:
    """Short lines kept as they are (an address block)."""
    return Paragraph("<br/>".join(escape(l) for l in text_lines), style)


def signature(s: "Styles", text_lines) -> KeepTogether:
    """The signature block, kept on one page."""
    return KeepTogether([Spacer(1, 8 * mm), lines(text_lines, s.lines)])


def items(texts, style, bullet="•"):
    return [Paragraph(escape(t), style, bulletText=bullet) for t in texts]


def grid(rows, widths, s: Styles, header_rows=1, spans=(), centre_from=None, shade=True, bold_rows=()) -> Table:
    """A ruled table; every cell a paragraph so that long text wraps inside its column."""
    body = []
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            if r < header_rows or r in bold_rows:
                style = s.cellbold
            elif centre_from is not None and c >= centre_from:
                style = s.cellcentre
            else:
                style = s.cell
            cells.append(Paragraph(escape(text), style) if text else "")
        body.append(cells)
    table = Table(body, colWidths=widths, repeatRows=header_rows)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if shade and header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#D9D9D9")))
    commands.extend(spans)
    table.setStyle(TableStyle(commands))
    return table


def page_numbers(family: str, label: str = ""):
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(family, 8.5)
        width = canvas._pagesize[0]
        canvas.drawCentredString(width / 2, 11 * mm, f"{label}Page {doc.page}")
        canvas.restoreState()
    return draw


def build(out: str, story, family: str, title: str, landscape_template: bool = False, label: str = "",
          margins=(25 * mm, 25 * mm, 20 * mm, 20 * mm)) -> None:
    left, right, top, bottom = margins
    doc = BaseDocTemplate(out, pagesize=A4, leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom,
                          title=title, author="Department for Education", subject="Improvement Notice",
                          creator="Department for Education", invariant=1)
    w, h = A4
    templates = [PageTemplate(id="portrait", pagesize=A4,
                              frames=[Frame(left, bottom, w - left - right, h - top - bottom, id="p")],
                              onPage=page_numbers(family, label))]
    if landscape_template:
        lw, lh = landscape(A4)
        templates.append(PageTemplate(id="landscape", pagesize=landscape(A4),
                                      frames=[Frame(18 * mm, 18 * mm, lw - 36 * mm, lh - 36 * mm, id="l")],
                                      onPage=page_numbers(family, label)))
    doc.addPageTemplates(templates)
    doc.build(story)


FAILURE_497A = ("The Secretary of State for Education using statutory powers of intervention (s497A Education Act 1996) "
                "directing the Council to enter into an appropriate arrangement to secure the necessary and rapid "
                "improvements required in children's services.")


# ---------------------------------------------------------------------------------------------------------------
# 1. Norfolk County Council, October 2012: one table row per milestone, "Measure | Target | By when | Basis", the
#    measure cell left blank on continuation rows.
# ---------------------------------------------------------------------------------------------------------------

def norfolk_2012(out: str) -> None:
    s = Styles("Serif", 10.5)
    st = []
    st.append(para("Department for Education", s.right))
    st.append(Spacer(1, 10 * mm))
    st.append(para("Improvement Notice", s.title))
    st.append(lines(["To: Norfolk County Council (\u201cthe Council\u201d)",
                     "Address: County Hall, Martineau Lane, Norwich, NR1 2DH"], s.lines))
    st.append(Spacer(1, 5 * mm))
    st.append(para("This Improvement Notice (\u201cthe Notice\u201d) is being issued due to poor performance in:", s.body))
    st.append(para("Children\u2019s social care services", s.bold))
    st.append(para("on the basis of evidence contained in:", s.body))
    st.append(para(
        "the report of the inspection of safeguarding and looked after children services in Norfolk carried out by "
        "Ofsted and the Care Quality Commission between 9 July 2012 and 20 July 2012, and published on 24 August 2012 "
        "(\u201cthe inspection report\u201d), which judged the overall effectiveness of the Council\u2019s safeguarding "
        "services, and its capacity to improve, to be \u2018inadequate\u2019. Inspectors found that 312 referrals were "
        "waiting for an initial assessment to be completed, that the Council could not show that children subject to "
        "a child protection plan were being visited regularly, and that around one in five qualified social work posts "
        "in the county\u2019s children\u2019s teams was either vacant or covered by an agency worker.", s.body))
    st.append(para("The Notice will last for a period of:", s.body))
    st.append(para("Twelve months from the date of this Notice.", s.bold))

    st.append(para("The following measures are needed for you to comply with the Notice:", s.heading))
    st.append(para("The Council, working with its partner agencies (\u201cthe Council\u2019s partners\u201d), must take "
                   "action to:", s.body))
    st.extend(items([
        "(i) address the areas of weakness identified in the inspection report and act on each of its "
        "recommendations;",
        "(ii) meet the performance targets set out in Table 1 of this Notice, and show through its programme of case "
        "file audits that the quality of social work practice is improving; and",
        "(iii) put in place arrangements to sustain and build on the improvement secured beyond the period of the "
        "Notice."], s.item, bullet=""))
    st.append(para("In respect of the above, the Council and its partners must demonstrate that:", s.body))
    st.extend(items([
        "every child protection case is allocated to a qualified social worker, from the date of this Notice;",
        "the thresholds for access to children\u2019s social care have been agreed with partner agencies, and "
        "published, by 30 November 2012;",
        "the Norfolk Safeguarding Children Board sets out how it will scrutinise and challenge the work of its "
        "member agencies in protecting children; and",
        "elected members understand and carry out their responsibilities as corporate parents."], s.item))

    st.append(para("Performance targets", s.heading))
    st.append(para(
        "Table 1 sets out the targets the Council must meet. Where a measure has more than one target, each row below "
        "the first gives a later target for the same measure. In the Basis column, \u201cin month\u201d means the "
        "figure for that calendar month alone; \u201cyear to date\u201d means the figure for the 2012-13 reporting year, "
        "from 1 April 2012 to the date shown; \u201cas at month end\u201d means the position on the last day of the "
        "month; and \u201crolling 12 months\u201d means the figure for the twelve months ending on the date shown.",
        s.body))
    st.append(para("Table 1: Performance targets", s.bold))
    rows = [
        ["Measure", "Target", "By when", "Basis"],
        ["Initial assessments completed within 10 working days of referral", "70%", "31 December 2012", "In month"],
        ["", "75%", "31 March 2013", "Year to date"],
        ["", "85%", "30 September 2013", "In month"],
        ["Core assessments completed within 35 working days of their commencement", "65%", "31 March 2013",
         "Year to date"],
        ["", "78%", "30 September 2013", "In month"],
        ["Initial child protection conferences held within 15 working days of the strategy discussion", "80%",
         "31 December 2012", "In month"],
        ["", "90%", "30 September 2013", "In month"],
        ["Children subject to a child protection plan visited by their social worker at least every 10 working days",
         "90%", "31 January 2013", "As at month end"],
        ["", "100%", "30 June 2013", "As at month end"],
        ["Looked after children\u2019s reviews held within statutory timescales", "95%", "31 March 2013",
         "Year to date"],
        ["", "98%", "30 September 2013", "Rolling 12 months"],
        ["Audited case files graded good or outstanding", "25%", "31 March 2013", "Audit sample"],
        ["", "40%", "30 September 2013", "Audit sample"],
        ["Average working days lost to sickness per FTE social worker", "11 days", "31 March 2013",
         "Rolling 12 months"],
        ["", "9 days", "30 September 2013", "Rolling 12 months"],
    ]
    # The measure's cell spans its continuation rows, as a word processor's merged cell does.
    spans = []
    start = None
    for r in range(1, len(rows) + 1):
        if r == len(rows) or rows[r][0]:
            if start is not None and r - 1 > start:
                spans.append(("SPAN", (0, start), (0, r - 1)))
            start = r
    st.append(grid(rows, [72 * mm, 20 * mm, 38 * mm, 30 * mm], s, spans=spans))
    st.append(Spacer(1, 5 * mm))

    st.append(para("Improvement Board and Improvement Plan", s.heading))
    st.append(para(
        "The Council must establish an Improvement Board by 9 November 2012, with an independent chair appointed "
        "with the agreement of the Department for Education. The Board will meet monthly for the period of the Notice "
        "and will include in its membership Norfolk Constabulary, NHS Norfolk and Waveney, the Norfolk Safeguarding "
        "Children Board and the Lead Member for Children\u2019s Services. An official from the Department will attend "
        "as an observer.", s.body))
    st.append(para(
        "The Council must submit an Improvement Plan, agreed by the Improvement Board, to the Department within one "
        "month of the date of this Notice. The plan must address the recommendations of the inspection report and "
        "the requirements of this Notice, and must say who is responsible for each action and by when it will be "
        "completed. The Council must report its performance against the targets in Table 1 to every meeting of the "
        "Board, with an analysis of any target that is not being met and of what is being done about it.", s.body))
    st.append(para(
        "The Council should work with the sector to identify and draw down the improvement support it needs, "
        "including support for the Lead Member and senior managers.", s.body))

    st.append(para("Improvement against the above measures will be assessed as follows:", s.heading))
    st.append(para(
        "The Department for Education will review the Council\u2019s progress in April 2013. A final review will be "
        "held in October 2013, at the end of the Notice period, when Ministers will consider whether the Notice can be "
        "lifted. Each review will take account of the Council\u2019s performance against Table 1, the findings of its "
        "case file audits and the views of the independent chair.", s.body))

    st.append(para("Failure to comply with this Improvement Notice by the assessment date may lead to:", s.heading))
    st.append(para(FAILURE_497A, s.body))
    st.append(signature(s, ["Signed:", "", "Edward Timpson MP",
                            "Parliamentary Under-Secretary of State for Children and Families", "", "Date: 11/10/2012"]))
    build(out, st, s.family, "Improvement Notice: Norfolk County Council")


# ---------------------------------------------------------------------------------------------------------------
# 2. Stoke-on-Trent City Council, May 2018: numbered sections, and a landscape annex whose table has six quarterly
#    month columns, some cells a dash (no milestone that month).
# ---------------------------------------------------------------------------------------------------------------

def stoke_2018(out: str) -> None:
    s = Styles("Sans", 10)
    st = []
    st.append(lines(["Department", "for Education"], ParagraphStyle("logo", parent=s.bold, fontSize=13, leading=16)))
    st.append(Spacer(1, 8 * mm))
    st.append(para("IMPROVEMENT NOTICE", s.title))
    st.append(grid([
        ["Council", "Stoke-on-Trent City Council (\u201cthe Council\u201d)"],
        ["Address", "Civic Centre, Glebe Street, Stoke-on-Trent, ST4 1HH"],
        ["Service", "Children\u2019s social care"],
        ["Date of issue", "24 May 2018"],
    ], [40 * mm, 120 * mm], s, header_rows=0))
    st.append(Spacer(1, 5 * mm))

    st.append(para("1. Background", s.heading))
    st.append(para(
        "1.1 Ofsted inspected the Council\u2019s children\u2019s services under the framework for the inspection of "
        "local authority children\u2019s services (ILACS) between 26 February and 9 March 2018, and published its report "
        "on 20 April 2018 (\u201cthe inspection report\u201d). The inspection report judged the overall effectiveness "
        "of children\u2019s services to be \u2018inadequate\u2019, as were the experiences and progress of children who "
        "need help and protection and the impact of leaders on social work practice with children and families.",
        s.body))
    st.append(para(
        "1.2 Inspectors found drift and delay in work with children in need and children subject to child protection "
        "plans. More than 400 children\u2019s cases were waiting to be allocated to a social worker at the start of the "
        "inspection, and many social workers held caseloads that were too high for them to see children as often as "
        "their plans required.", s.body))
    st.append(para(
        "1.3 The Secretary of State for Education has therefore decided to issue this Improvement Notice (\u201cthe "
        "Notice\u201d) to the Council.", s.body))

    st.append(para("2. Duration", s.heading))
    st.append(para(
        "2.1 This Notice will remain in force for eighteen months from the date of issue, unless it is lifted earlier "
        "or superseded by a direction under section 497A of the Education Act 1996.", s.body))

    st.append(para("3. What the Council must do", s.heading))
    st.append(para("3.1 The Council, working with its partners, must:", s.body))
    st.extend(items([
        "(a) address every recommendation in the inspection report;",
        "(b) meet the milestones in the performance trajectory at Annex A; and",
        "(c) put in place arrangements that will sustain the improvement once this Notice has been lifted."],
        s.item, bullet=""))
    st.append(para(
        "3.2 The Council must submit to the Department, by 29 June 2018, an Improvement Plan agreed by the Improvement "
        "Board. The plan must set out how the Council will reach each milestone in Annex A.", s.body))
    st.append(para(
        "3.3 The Council must commission an independent audit of all child in need cases that have been open for more "
        "than 12 months, and complete it by 30 September 2018. The findings must be reported to the Improvement Board.",
        s.body))
    st.append(para(
        "3.4 Within three months of the date of this Notice, the Council must agree with the Improvement Board a "
        "quality assurance framework, including a programme of case file audits moderated by managers from outside "
        "the service.", s.body))

    st.append(para("4. Performance trajectory", s.heading))
    st.append(para(
        "4.1 Annex A sets out the Council\u2019s position in March 2018 and the milestones it must meet at the end of "
        "each quarter from June 2018 to September 2019. A dash (\u2013) means that no milestone is set for that "
        "month; the Council should still report the measure to the Improvement Board.", s.body))
    st.append(para(
        "4.2 The Council must report its performance against Annex A to each meeting of the Improvement Board and to "
        "the Department each quarter.", s.body))

    st.append(para("5. Improvement Board and support", s.heading))
    st.append(para(
        "5.1 The Council must establish an Improvement Board, chaired by an independent chair appointed by the "
        "Secretary of State. The Board will meet every six weeks for the duration of the Notice. Its members will "
        "include the Council\u2019s Chief Executive, the Lead Member for Children\u2019s Services, Staffordshire Police, "
        "NHS Stoke-on-Trent Clinical Commissioning Group and the Stoke-on-Trent Safeguarding Children Board. A "
        "Department for Education adviser will attend each meeting as an observer.", s.body))
    st.append(para(
        "5.2 The Council will receive improvement support from a Partner in Practice local authority, agreed with the "
        "Department, and must make full use of it.", s.body))

    st.append(para("6. Review", s.heading))
    st.append(para(
        "6.1 The Department will review the Council\u2019s progress every six months for the duration of the Notice, "
        "drawing on the Annex A measures, the Council\u2019s own audits and the independent chair\u2019s assessment. At "
        "the final review Ministers will decide whether the Notice can be lifted or whether further action is "
        "needed.", s.body))

    st.append(para("7. Failure to comply", s.heading))
    st.append(para(
        "7.1 If the Council is unwilling or unable to comply with this Notice, or if Ministers are not satisfied with "
        "its progress at any stage, the Secretary of State may use his statutory powers of intervention under section "
        "497A of the Education Act 1996 to direct the Council to enter into an appropriate arrangement to secure the "
        "improvements required in children\u2019s services.", s.body))
    st.append(signature(s, ["Nadhim Zahawi MP", "Parliamentary Under Secretary of State for Children and Families",
                            "24 May 2018"]))

    st.append(NextPageTemplate("landscape"))
    st.append(PageBreak())
    st.append(para("Annex A: Performance trajectory", s.heading))
    dash = "\u2013"
    rows = [
        ["Measure", "Position Mar 2018", "Jun 2018", "Sep 2018", "Dec 2018", "Mar 2019", "Jun 2019", "Sep 2019"],
        ["Assessments completed within 45 working days of referral", "61%", "65%", "70%", "75%", "80%", "85%", "85%"],
        ["Re-referrals within 12 months of a previous referral", "27%", dash, "25%", dash, "23%", dash, "20%"],
        ["Initial child protection conferences held within 15 working days of the strategy discussion", "58%", "65%",
         "70%", "75%", "80%", "85%", "90%"],
        ["Children on a child protection plan seen by their social worker at least every 10 working days", "72%",
         "80%", "85%", "90%", "95%", "95%", "95%"],
        ["Children in care with an up-to-date health assessment", "68%", dash, "75%", dash, "85%", dash, "90%"],
        ["Care leavers with an up-to-date pathway plan", "54%", "65%", "75%", "85%", "90%", "95%", "95%"],
        ["Qualified social worker vacancy rate", "24%", dash, "20%", dash, "15%", dash, "12%"],
        ["Agency social workers as a proportion of the social work workforce", "31%", "28%", "25%", "22%", "20%",
         "18%", "15%"],
        ["Average caseload per case-holding social worker (children)", "24", "22", "20", "18", "18", "17", "16"],
    ]
    st.append(grid(rows, [90 * mm] + [23 * mm] * 7, s, centre_from=1))
    st.append(Spacer(1, 4 * mm))
    st.append(para("Notes", s.bold))
    st.extend(items([
        "Assessments, conferences and visits: the in-month figure for the month shown.",
        "Re-referrals: the rolling 12 months to the end of the month shown.",
        "Health assessments, pathway plans, vacancy and agency rates and caseloads: the position at the end of the "
        "month shown."], ParagraphStyle("noteitem", parent=s.note, leftIndent=6 * mm, bulletIndent=1 * mm)))
    build(out, st, s.family, "Improvement Notice: Stoke-on-Trent City Council", landscape_template=True)


# ---------------------------------------------------------------------------------------------------------------
# 3. Wakefield Council, June 2016: a key-facts table, then a table whose target cells are words ("reduce to", "no more
#    than", "at least", "maintain") and whose baselines sit in a "Position at 31 March 2016" column.
# ---------------------------------------------------------------------------------------------------------------

def wakefield_2016(out: str) -> None:
    s = Styles("Serif", 10.5)
    st = []
    st.append(para("DEPARTMENT FOR EDUCATION", ParagraphStyle("dept", parent=s.bold, alignment=TA_CENTER)))
    st.append(para("IMPROVEMENT NOTICE", s.title))
    st.append(grid([
        ["Council", "Wakefield Council (\u201cthe Council\u201d)"],
        ["Address", "Wakefield One, Burton Street, Wakefield, WF1 2EB"],
        ["Service area", "Children\u2019s services"],
        ["Date of this Notice", "13 June 2016"],
        ["Duration", "Twelve months from the date of this Notice"],
    ], [45 * mm, 115 * mm], s, header_rows=0))
    st.append(Spacer(1, 5 * mm))

    st.append(para("Why this Notice is being issued", s.heading))
    st.append(para(
        "Ofsted inspected services for children in need of help and protection, children looked after and care "
        "leavers in Wakefield between 8 February and 3 March 2016, and reviewed the effectiveness of the Wakefield "
        "Local Safeguarding Children Board. Its report, published on 14 April 2016 (\u201cthe inspection report\u201d), "
        "judged the overall effectiveness of children\u2019s services to be \u2018inadequate\u2019. The Local "
        "Safeguarding Children Board was judged to \u2018require improvement\u2019.", s.body))
    st.append(para(
        "Inspectors found that decisions at the Council\u2019s front door were inconsistent, that too many children were "
        "referred again within a short time of their case being closed, and that the quality of assessments and plans "
        "varied widely between teams. Senior leaders did not have an accurate understanding of the quality of "
        "practice.", s.body))

    st.append(para("What the Council must do", s.heading))
    st.append(para("The Council, working with its partners, must:", s.body))
    st.extend(items([
        "take action to address each recommendation in the inspection report;",
        "meet the targets in Table 1, and show through its audits that the quality of practice is improving; and",
        "put in place arrangements that will sustain the improvement after this Notice has been lifted."], s.item))
    st.append(para(
        "The Council must submit a revised Improvement Plan, agreed by the Improvement Board, to the Department by "
        "29 July 2016. It must also commission a peer review of its Multi-Agency Screening Team and its application of "
        "thresholds, to report to the Improvement Board by the end of November 2016.", s.body))

    st.append(para("Targets", s.heading))
    st.append(para(
        "The Council must meet the targets in Table 1. The column headed \u201cPosition at 31 March 2016\u201d gives the "
        "Council\u2019s own figure at that date, as reported to the Department.", s.body))
    caption = para("Table 1: Targets", s.bold)
    rows = [
        ["", "Measure", "Position at 31 March 2016", "Target"],
        ["Help and protection", "", "", ""],
        ["1", "Re-referrals to children\u2019s social care within 12 months of a previous referral", "28.4%",
         "Reduce to 22% by 31 March 2017"],
        ["2", "Assessments completed within 45 working days of referral", "67%",
         "At least 80% by 30 September 2016, and at least 90% by 31 March 2017"],
        ["3", "Children becoming the subject of a child protection plan for a second or subsequent time", "21%",
         "No more than 16% by 31 March 2017"],
        ["4", "Child protection plans reviewed within required timescales", "97%",
         "Maintain at or above 95% in every month from the date of this Notice"],
        ["Children in care", "", "", ""],
        ["5", "Reviews of children in care held within statutory timescales", "88%",
         "At least 95% by 31 December 2016"],
        ["6", "Children in care for 12 months or more with an up-to-date health assessment", "79%",
         "At least 90% by 31 March 2017"],
        ["Workforce and quality", "", "", ""],
        ["7", "Vacancy rate, qualified social worker posts", "26%",
         "Reduce to 15% by 30 September 2016, and to no more than 10% by 31 March 2017"],
        ["8", "Average working days lost to sickness per FTE social worker over the previous 12 months", "12.6 days",
         "No more than 9 days by 31 March 2017"],
        ["9", "Average caseload per social worker", "23", "Reduce to no more than 18 by 31 December 2016"],
        ["10", "Audited cases graded good or better", "Not measured", "At least 40% by 31 March 2017"],
    ]
    # Section rows carry a title across the whole table, in bold on a light ground.
    sections = [r for r, row in enumerate(rows) if r and not row[1]]
    spans = []
    for r in sections:
        spans.append(("SPAN", (0, r), (-1, r)))
        spans.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#EFEFEF")))
    st.append(KeepTogether([caption, grid(rows, [10 * mm, 72 * mm, 28 * mm, 50 * mm], s, spans=spans,
                                          bold_rows=sections)]))
    st.append(Spacer(1, 5 * mm))

    st.append(para("Improvement Board", s.heading))
    st.append(para(
        "The Improvement Board that the Council established in April 2016, under an independent chair, will continue "
        "for the period of this Notice and will meet every two months. Its membership will include the Leader of the "
        "Council, the Lead Member for Children\u2019s Services, West Yorkshire Police, NHS Wakefield Clinical "
        "Commissioning Group, the Wakefield Local Safeguarding Children Board and representatives of schools. The "
        "Council must provide the Board with a report of its performance against Table 1 for each meeting, and must "
        "send the Board\u2019s papers to the Department.", s.body))

    st.append(para("Review", s.heading))
    st.append(para(
        "The Department for Education will review the Council\u2019s progress in December 2016 and in June 2017. At the "
        "June 2017 review the Minister will consider whether the Notice can be lifted, taking account of the "
        "Council\u2019s performance against Table 1 and the independent chair\u2019s assessment of progress. Either "
        "review may lead to further action being required.", s.body))

    st.append(para("Failure to comply", s.heading))
    st.append(para(
        "If the Council is unwilling or unable to comply with this Notice, or if Ministers are not satisfied with its "
        "progress, the Secretary of State may use her statutory powers of intervention under section 497A of the "
        "Education Act 1996 to direct the Council to enter into an appropriate arrangement to secure the improvements "
        "required in children\u2019s services.", s.body))
    st.append(signature(s, ["Edward Timpson MP", "Minister of State for Children and Families"]))
    build(out, st, s.family, "Improvement Notice: Wakefield Council")


# ---------------------------------------------------------------------------------------------------------------
# 4. Rochdale Borough Council, September 2014: the Notice's own targets (Table 1), then the targets already agreed by
#    the Improvement Board (Table 2), which also bind the Council, and a paragraph asking for further targets.
# ---------------------------------------------------------------------------------------------------------------

def rochdale_2014(out: str) -> None:
    s = Styles("Sans", 10)
    st = []
    st.append(para("Department for Education", ParagraphStyle("dfe", parent=s.bold, fontSize=12, leading=15)))
    st.append(para("Sanctuary Buildings, Great Smith Street, Westminster, London, SW1P 3BT", s.note))
    st.append(Spacer(1, 8 * mm))
    st.append(para("Improvement Notice issued to Rochdale Borough Council", s.title))
    st.append(lines(["To: Rochdale Borough Council (\u201cthe Council\u201d)",
                     "Address: Number One Riverside, Smith Street, Rochdale, OL16 1XU"], s.lines))
    st.append(Spacer(1, 5 * mm))

    st.append(para("Background", s.heading))
    st.append(para(
        "This Improvement Notice (\u201cthe Notice\u201d) is being issued due to poor performance in the Council\u2019s "
        "children\u2019s services, on the basis of the report of the Ofsted inspection of services for children in need "
        "of help and protection, children looked after and care leavers, carried out between 9 June 2014 and 1 July "
        "2014 and published on 12 August 2014 (\u201cthe inspection report\u201d). The inspection report judged the "
        "overall effectiveness of children\u2019s services to be \u2018inadequate\u2019.", s.body))
    st.append(para(
        "Inspectors found that 41 children subject to child protection plans had not been visited by a social worker "
        "in the previous four weeks, that assessments were often late and did not analyse risk, and that the Council "
        "relied heavily on agency social workers, many of whom stayed only a few months.", s.body))
    st.append(para("The Notice will last for twelve months from the date on which it is signed.", s.body))

    st.append(para("Measures", s.heading))
    st.append(para("The Council, working with its partners, must:", s.body))
    st.extend(items([
        "(i) address the areas of weakness identified in the inspection report and act on each of its "
        "recommendations;",
        "(ii) meet the targets in Table 1 and Table 2 of this Notice; and",
        "(iii) put in place arrangements to sustain and build on the improvement secured beyond the period of the "
        "Notice."], s.item, bullet=""))
    st.append(para(
        "The Council must submit its Improvement Plan, agreed by the Improvement Board, to the Department by "
        "14 November 2014.", s.body))

    st.append(para("Targets set by this Notice", s.heading))
    st.append(para(
        "The March 2015 targets in Table 1 are for the 2014-15 reporting year to date; the September 2015 targets are "
        "for that month alone. Vacancy and agency rates in both columns are the position on the last day of the "
        "month.", s.body))
    st.append(para("Table 1: Targets set by this Notice", s.bold))
    st.append(grid([
        ["Indicator", "2013-14 outturn", "Target March 2015", "Target September 2015"],
        ["Single assessments completed within 45 working days of referral", "58%", "75%", "85%"],
        ["Initial child protection conferences held within 15 working days of the strategy discussion", "64%", "80%",
         "90%"],
        ["Child protection plans lasting two years or more", "7.9%", "5%", "4%"],
        ["Qualified social worker vacancy rate", "23%", "18%", "12%"],
        ["Agency social workers as a percentage of qualified social workers", "29%", "22%", "15%"],
    ], [76 * mm, 26 * mm, 28 * mm, 30 * mm], s, centre_from=1))
    st.append(Spacer(1, 5 * mm))

    st.append(para("Targets agreed by the Improvement Board", s.heading))
    st.append(para(
        "The Rochdale Children\u2019s Services Improvement Board, which the Council established in July 2014 following "
        "the inspection, agreed the targets in Table 2 at its meeting on 4 September 2014. They form part of this "
        "Notice, and the Council must meet them as it must meet those in Table 1.", s.body))
    st.append(para("Table 2: Targets agreed by the Improvement Board", s.bold))
    st.append(grid([
        ["Measure", "Position in June 2014", "Target", "To be met by"],
        ["Children subject to a child protection plan visited at least every four weeks", "71%", "95%",
         "December 2014"],
        ["Reviews for looked after children held within statutory timescales", "84%", "95%", "March 2015"],
        ["Care leavers whose pathway plan has been reviewed in the last six months", "63%", "90%", "March 2015"],
        ["Children missing from home or care offered a return interview within 72 hours", "48%", "80%",
         "March 2015"],
        ["Case files audited as good or better", "12%", "35%", "March 2015"],
    ], [76 * mm, 28 * mm, 22 * mm, 34 * mm], s, centre_from=1))
    st.append(Spacer(1, 5 * mm))
    st.append(para(
        "The Council must agree with the Improvement Board, by 31 October 2014, further targets for early help, for "
        "the timeliness of adoption and for the quality of supervision, and must send them to the Department once "
        "they are agreed. The Board will then monitor them alongside the targets in Tables 1 and 2.", s.body))

    st.append(para("Improvement Board", s.heading))
    st.append(para(
        "The Improvement Board will be chaired by an independent chair appointed by the Department, and will meet "
        "every four weeks for the period of the Notice. Its members will include Greater Manchester Police, NHS "
        "Heywood, Middleton and Rochdale Clinical Commissioning Group, the Rochdale Borough Safeguarding Children "
        "Board, headteachers and the Lead Member for Children\u2019s Services. An official from the Department for "
        "Education will attend as an observer. The Council must report its performance against Tables 1 and 2 to "
        "each meeting.", s.body))

    st.append(para("Improvement against the above measures will be assessed as follows:", s.heading))
    st.append(para(
        "The Department will formally review the Council\u2019s progress six months and twelve months after the date of "
        "this Notice. The independent chair will also send the Minister a written assessment of progress in January "
        "2015. Any review may lead to further action being required.", s.body))

    st.append(para("Failure to comply with this Improvement Notice may lead to:", s.heading))
    st.append(para(FAILURE_497A, s.body))
    st.append(signature(s, ["Signed:", "", "Edward Timpson MP", "Minister of State for Children and Families", "",
                            "Date: 22 September 2014"]))
    build(out, st, s.family, "Improvement Notice: Rochdale Borough Council")


# ---------------------------------------------------------------------------------------------------------------
# 5. Swindon Borough Council, April 2024: one small two-column table per measure ("By | Target", a row per
#    milestone), children's social care measures mixed with SEND and care-leaver measures that have no canonical id.
# ---------------------------------------------------------------------------------------------------------------

def swindon_2024(out: str) -> None:
    s = Styles("Sans", 10)
    st = []
    st.append(lines(["Department", "for Education"], ParagraphStyle("logo", parent=s.bold, fontSize=13, leading=16)))
    st.append(Spacer(1, 8 * mm))
    st.append(para("Improvement Notice: Swindon Borough Council", s.title))
    st.append(para("Issued 18 April 2024", ParagraphStyle("issued", parent=s.body, alignment=TA_CENTER)))
    st.append(lines(["To: Swindon Borough Council (\u201cthe Council\u201d)",
                     "Address: Civic Offices, Euclid Street, Swindon, SN1 2JH"], s.lines))
    st.append(Spacer(1, 5 * mm))

    st.append(para("Background", s.heading))
    st.append(para(
        "1. Ofsted inspected local authority children\u2019s services (ILACS) in Swindon between 15 and 26 January "
        "2024 and published its report on 7 March 2024 (\u201cthe inspection report\u201d). The inspection report judged "
        "the overall effectiveness of children\u2019s services to be \u2018inadequate\u2019. The experiences and "
        "progress of care leavers, and the impact of leaders on social work practice with children and families, "
        "were also judged inadequate.", s.body))
    st.append(para(
        "2. In November 2023 a joint Ofsted and Care Quality Commission inspection found widespread and systemic "
        "failings in the local area partnership\u2019s arrangements for children and young people with special "
        "educational needs and disabilities. Because these failings affect many of the same children, this Notice "
        "includes measures from the Council\u2019s SEND improvement plan alongside its children\u2019s social care "
        "measures.", s.body))

    st.append(para("Duration", s.heading))
    st.append(para(
        "3. This Notice will remain in force for twelve months from the date of issue, unless it is lifted earlier or "
        "superseded by a direction under section 497A of the Education Act 1996.", s.body))

    st.append(para("What the Council must do", s.heading))
    st.append(para("4. The Council, working with its partners in the Swindon Safeguarding Partnership, must:", s.body))
    st.extend(items([
        "act on every recommendation in the inspection report and in the report of the SEND inspection;",
        "meet the milestones for the performance measures in paragraph 6; and",
        "put in place arrangements that will sustain the improvement after this Notice has been lifted."], s.item))
    st.append(para(
        "5. The Council must submit a revised improvement plan, agreed by the Improvement Board, to the Department by "
        "31 May 2024. It must also complete an independent review of its arrangements for identifying and tracking "
        "children missing education by the end of September 2024, and report the findings to the Board.", s.body))

    st.append(para("Performance measures", s.heading))
    st.append(para(
        "6. The Council must meet the milestones below. Each measure gives the Council\u2019s own baseline figure and "
        "the way the measure is counted, followed by its milestones.", s.body))

    measures = [
        ("(a) Children on a child protection plan for a second or subsequent time (within two years)",
         "Baseline: 14% (2022-23). Measured over the previous 12 months.",
         [("30 September 2024", "No more than 12%"), ("31 March 2025", "No more than 10%")]),
        ("(b) Initial child protection conferences held within 15 working days of the strategy discussion",
         "Baseline: 61% (December 2023). Measured in month.",
         [("June 2024", "75%"), ("December 2024", "85%"), ("March 2025", "90%")]),
        ("(c) Children missing education",
         "Baseline: 146 children (as at 31 January 2024). Measured as at the end of the month.",
         [("31 July 2024", "No more than 120 children"), ("31 January 2025", "No more than 90 children")]),
        ("(d) Education, health and care plans issued within 20 weeks",
         "Baseline: 38% (February 2024). Measured year to date.",
         [("September 2024", "50%"), ("March 2025", "65%")]),
        ("(e) Children in care whose reviews are held within timescale",
         "Baseline: 86% (February 2024). Measured in month.",
         [("July 2024", "95%"), ("January 2025", "98%")]),
        ("(f) Initial health assessments for children entering care completed within 20 working days",
         "Baseline: 34% (2022-23). Measured over the previous 12 months.",
         [("October 2024", "60%"), ("April 2025", "80%")]),
        ("(g) Care leavers with an up-to-date pathway plan",
         "Baseline: 71% (as at 29 February 2024). Measured as at the end of the month.",
         [("July 2024", "85%"), ("January 2025", "95%")]),
        ("(h) Care leavers aged 19 to 21 in suitable accommodation",
         "Baseline: 82% (as at 29 February 2024). Measured as at the end of the month.",
         [("October 2024", "90%"), ("April 2025", "At least 95%")]),
    ]
    for title, baseline, milestones in measures:
        block = [para(title, s.bold), para(baseline, s.body),
                 grid([["By", "Target"]] + [list(m) for m in milestones], [45 * mm, 55 * mm], s),
                 Spacer(1, 4 * mm)]
        st.append(KeepTogether(block))

    st.append(para("Improvement Board", s.heading))
    st.append(para(
        "7. The Council must continue its Improvement Board, with an independent chair agreed with the Department. "
        "The Board will meet quarterly for the period of the Notice, and its members will include Wiltshire Police, "
        "NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board, the Swindon Safeguarding "
        "Partnership, schools and the Lead Member for Children\u2019s Services. Officials from the Department will "
        "attend as observers. The Council must report its performance against the measures in paragraph 6 to each "
        "meeting.", s.body))

    st.append(para("Review", s.heading))
    st.append(para(
        "8. The Department will hold a formal review of progress six months after the date of this Notice, and again "
        "at twelve months, when Ministers will consider whether the Notice can be lifted. The Department\u2019s "
        "Children\u2019s Services Adviser will also report to the Minister on the Council\u2019s progress by the end of "
        "July 2024.", s.body))

    st.append(para("Failure to comply", s.heading))
    st.append(para(
        "9. If the Council is unwilling or unable to comply with this Notice, or if Ministers are not satisfied with "
        "its progress, the Secretary of State may use her statutory powers of intervention under section 497A of the "
        "Education Act 1996 to direct the Council to enter into an appropriate arrangement to secure the improvements "
        "required in children\u2019s services.", s.body))
    st.append(signature(s, ["David Johnston MP",
                            "Parliamentary Under-Secretary of State for Children, Families and Wellbeing",
                            "18 April 2024"]))
    build(out, st, s.family, "Improvement Notice: Swindon Borough Council")


NOTICES = {
    "norfolk-2012": norfolk_2012,
    "stoke-on-trent-2018": stoke_2018,
    "wakefield-2016": wakefield_2016,
    "rochdale-2014": rochdale_2014,
    "swindon-2024": swindon_2024,
}


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "Tests", "NoticeReaderTests", "Fixtures", "corpus")
    out_dir = os.path.normpath(sys.argv[1] if len(sys.argv) > 1 else default)
    os.makedirs(out_dir, exist_ok=True)
    register_fonts()
    for name, make in NOTICES.items():
        path = os.path.join(out_dir, name + ".pdf")
        make(path)
        print(path)


if __name__ == "__main__":
    main()
