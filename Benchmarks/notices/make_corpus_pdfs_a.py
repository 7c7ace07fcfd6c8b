#!/usr/bin/env python3
"""Writes six corpus notices as PDFs whose targets are set out in real tables (ruled grids, cells that wrap, a header
row repeated when a table runs onto the next page), the way GOV.UK publishes notices made in a word processor.

    python3 Benchmarks/notices/make_corpus_pdfs_a.py [OUT_DIR]

OUT_DIR defaults to Tests/NoticeReaderTests/Fixtures/corpus/. Each PDF is `<council-slug>-<year>.pdf`; its ground truth,
`<council-slug>-<year>.expected.json`, is written by hand beside it (never by this script). The notices are fictional
events at real councils. Output is deterministic: the same bytes on every run (reportlab's invariant mode, fixed
metadata). Needs reportlab; the product and its tests never run this script, they read its output.
"""
import os
import sys

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import (KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table,  # noqa: E402
                                TableStyle)
from xml.sax.saxutils import escape  # noqa: E402

FONT_DIR = "/usr/share/fonts/truetype/dejavu"


def register_fonts():
    """DejaVu Sans, embedded, if present; else reportlab's standard Helvetica."""
    regular = os.path.join(FONT_DIR, "DejaVuSans.ttf")
    bold = os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf")
    if os.path.exists(regular) and os.path.exists(bold):
        pdfmetrics.registerFont(TTFont("DejaVuSans", regular))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", bold))
        pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold",
                                      italic="DejaVuSans", boldItalic="DejaVuSans-Bold")
        return "DejaVuSans", "DejaVuSans-Bold"
    return "Helvetica", "Helvetica-Bold"


FONT, BOLD = register_fonts()

BODY = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14, spaceAfter=6)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=9, leading=11.5)
CELL = ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=11)
CELL_C = ParagraphStyle("cellc", parent=CELL, alignment=TA_CENTER)
HEAD = ParagraphStyle("head", fontName=BOLD, fontSize=9, leading=11)
HEAD_C = ParagraphStyle("headc", parent=HEAD, alignment=TA_CENTER)
H1 = ParagraphStyle("h1", fontName=BOLD, fontSize=15, leading=19, spaceAfter=8, spaceBefore=4)
H2 = ParagraphStyle("h2", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=5)
LETTERHEAD = ParagraphStyle("lh", fontName=BOLD, fontSize=12, leading=15)
LETTERHEAD_R = ParagraphStyle("lhr", fontName=FONT, fontSize=9, leading=11.5, alignment=TA_RIGHT)
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=9 * mm, firstLineIndent=-6 * mm)
BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=7 * mm, firstLineIndent=-4 * mm)
NUMBERED = ParagraphStyle("numbered", parent=BODY, leftIndent=10 * mm, firstLineIndent=-10 * mm)
BLOCK = ParagraphStyle("block", parent=BODY, spaceAfter=0)

WIDTH = A4[0] - 50 * mm  # text width between 25 mm margins


def p(text, style=BODY):
    """A paragraph of plain text (escaped); **x** marks bold."""
    parts = escape(text).split("**")
    marked = "".join(f"<b>{s}</b>" if i % 2 else s for i, s in enumerate(parts))
    return Paragraph(marked, style)


def lines(*rows, style=BLOCK):
    """Short lines kept as they are (an address block)."""
    return Paragraph("<br/>".join(escape(r) for r in rows), style)


def bullet(text, mark="•"):
    return p(f"{mark}  {text}", BULLET)


def item(label, text):
    return p(f"{label}  {text}", ITEM)


def numbered(n, text):
    return Paragraph(f"{escape(n)}&nbsp;&nbsp;&nbsp;&nbsp;{escape(text)}", NUMBERED)


def grid(header, rows, widths, header_rows=1, spans=(), repeat=False, numeric_from=1, shade=True):
    """A ruled table; every cell is a Paragraph so text wraps inside its cell. `header` is a list of header rows."""
    data = []
    for r in header:
        data.append([Paragraph(escape(c), HEAD if i < numeric_from else HEAD_C) if c else "" for i, c in enumerate(r)])
    for r in rows:
        data.append([Paragraph(escape(c), CELL if i < numeric_from else CELL_C) for i, c in enumerate(r)])
    t = Table(data, colWidths=widths, repeatRows=header_rows if repeat else 0, hAlign="LEFT")
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if shade:
        style.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#D9D9D9")))
    for s in spans:
        style.append(("SPAN",) + s)
    t.setStyle(TableStyle(style))
    return t


def gap(h=3):
    return Spacer(1, h * mm)


def build(out, story, title, running_head=None):
    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 8.5)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"{doc.page}")
        if running_head and doc.page > 1:
            canvas.drawString(25 * mm, A4[1] - 12 * mm, running_head)
        canvas.restoreState()

    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=20 * mm,
                            bottomMargin=22 * mm, title=title, author="Department for Education",
                            subject="Improvement Notice", creator="Department for Education", invariant=1)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)


def dfe_letterhead():
    t = Table([[Paragraph("Department<br/>for Education", LETTERHEAD),
                lines("Sanctuary Buildings", "Great Smith Street", "Westminster", "London SW1P 3BT",
                      "www.gov.uk/dfe", style=LETTERHEAD_R)]], colWidths=[WIDTH / 2, WIDTH / 2])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return t


FAILURE_497A = ("Should the Council be unwilling or unable to comply with this Improvement Notice, or should Ministers "
                "not be satisfied with the Council's progress at any stage, Ministers may choose to invoke their "
                "statutory powers of intervention (s497A Education Act 1996) to direct the Council to enter into an "
                "appropriate arrangement to secure the improvements required in children's services.")


# --------------------------------------------------------------------------------------------------------------------
# 1. Peterborough 2012: targets at dated column headers (two header rows, a spanning one); numbers inside indicator
#    names; a re-referral target "in line with statistical neighbours".
# --------------------------------------------------------------------------------------------------------------------
def peterborough_2012():
    s = [dfe_letterhead(), gap(8), p("IMPROVEMENT NOTICE", H1),
         lines("To:  Peterborough City Council (\"the Council\")",
               "Address:  Town Hall, Bridge Street, Peterborough, PE1 1HF",
               "Date of issue:  15 November 2012"), gap(5),
         p("This Improvement Notice (\"the Notice\") is being issued due to poor performance in the Council's children's "
           "services, on the basis of evidence contained in the report of the inspection of safeguarding and looked "
           "after children's services carried out by Ofsted between 3 and 14 September 2012 and published on "
           "19 October 2012 (\"the inspection report\"). The inspection report judged the overall effectiveness of the "
           "Council's safeguarding services, and its capacity to improve, to be 'inadequate'. Services for looked "
           "after children were judged 'adequate'."),
         p("Inspectors found that a large number of referrals had waited several weeks for an initial assessment, that "
           "initial child protection conferences were frequently delayed for want of reports from partner agencies, "
           "and that front-line managers did not have reliable information about the work held by their teams."),
         p("Duration", H2),
         p("The Notice will remain in force for twelve months from the date of issue."),
         p("Measures required", H2),
         p("The following measures are needed for you to comply with the Notice. The Council, working with its partner "
           "agencies (\"the partners\"), must take action to:"),
         item("(i)", "address the areas of weakness identified in the inspection report and ensure that its "
                     "safeguarding services meet all legislative requirements and the statutory guidance in Working "
                     "Together to Safeguard Children;"),
         item("(ii)", "improve performance against the key indicators set out in the table below, and provide "
                      "evidence through its audit programme of improvements in the quality of practice; and"),
         item("(iii)", "put in place arrangements to sustain the improvement beyond the period of the Notice."),
         p("In particular the Council must:"),
         bullet("submit to the Department, by 14 December 2012, an Improvement Plan agreed with the Improvement Board "
                "which addresses every recommendation in the inspection report;"),
         bullet("complete an audit of all open child protection cases by 31 January 2013 and report its findings, and "
                "the action taken on them, to the Improvement Board;"),
         bullet("ensure that thresholds for access to children's social care are understood and applied consistently "
                "by all partner agencies; and"),
         bullet("ensure that at least 70% of the case files it audits are judged 'adequate' or better by "
                "31 March 2013."),
         p("Performance targets", H2),
         p("The Council must meet the following targets. The starting position is the Council's own figure, as "
           "reported to the Department, at 30 September 2012."),
         grid([["Indicator", "Position at 30 September 2012", "Targets to be met by", "", ""],
               ["", "", "31 December 2012", "31 March 2013", "30 September 2013"]],
              [["Initial assessments completed within 10 working days of referral", "48%", "65%", "75%", "85%"],
               ["Core assessments completed within 35 working days of their commencement", "41%", "55%", "70%",
                "80%"],
               ["Initial child protection conferences held within 15 working days of the strategy discussion", "52%",
                "70%", "80%", "90%"],
               ["Child protection plans reviewed within required timescales", "88%", "95%", "100%", "100%"],
               ["Children becoming the subject of a child protection plan for a second or subsequent time", "19.5%",
                "17%", "15%", "13%"],
               ["Re-referrals to children's social care within 12 months of a previous referral", "31%", "28%",
                "25%", "In line with statistical neighbours"]],
              [52 * mm, 24 * mm, 28 * mm, 28 * mm, 28 * mm], header_rows=2,
              spans=[((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (4, 0))]),
         gap(2),
         p("Statistical neighbours are the ten local authorities most similar to Peterborough in the Department's "
           "statistical neighbour model.", SMALL),
         p("Improvement Board", H2),
         p("The Council must establish an Improvement Board, with an independent chair agreed with the Department, "
           "which will meet every six weeks for the duration of the Notice. Its members will include Cambridgeshire "
           "Constabulary, NHS Peterborough, the Peterborough Safeguarding Children Board and the Lead Member for "
           "Children's Services. An official of the Department for Education will attend meetings as an observer. "
           "The Council must report its performance against the targets above to every meeting of the Board, with an "
           "analysis of any target that is not being met and the action it is taking."),
         p("Assessment of progress", H2),
         p("Improvement against the above measures will be assessed as follows. The Department will review the "
           "Council's progress in May 2013 and again in November 2013, when Ministers will consider whether the "
           "Notice should be lifted. The independent chair will give the Minister a written assessment of progress "
           "before each review."),
         p("Failure to comply with this Improvement Notice", H2),
         p(FAILURE_497A),
         gap(6),
         lines("Edward Timpson MP", "Parliamentary Under-Secretary of State for Children and Families",
               "15 November 2012")]
    return s, "Improvement Notice: Peterborough City Council", None


# --------------------------------------------------------------------------------------------------------------------
# 2. Buckinghamshire 2014: financial-year quarter column headers with dashes; a non-canonical measure (return
#    interviews); no stated duration; reviews at six and twelve months; no DfE observer.
# --------------------------------------------------------------------------------------------------------------------
def buckinghamshire_2014():
    s = [dfe_letterhead(), gap(8), p("Improvement Notice issued to Buckinghamshire County Council", H1),
         grid([["Council", "Buckinghamshire County Council (\"the Council\")"]],
              [["Address", "County Hall, Walton Street, Aylesbury, Buckinghamshire, HP20 1UA"],
               ["Service", "Children's social care"],
               ["Date", "2 September 2014"]],
              [35 * mm, WIDTH - 35 * mm], numeric_from=9, shade=False),
         gap(4),
         p("Why the Notice is being issued", H2),
         numbered("1.", "Ofsted inspected the Council's services for children in need of help and protection, children "
                        "looked after and care leavers between 13 May and 5 June 2014, and published its report on "
                        "23 July 2014 (\"the inspection report\"). The inspection report judged the overall "
                        "effectiveness of children's services to be 'inadequate'."),
         numbered("2.", "Inspectors found that children who went missing from care were not routinely offered an "
                        "interview on their return, that reviews for some children looked after were repeatedly "
                        "postponed, and that almost two in five of the Council's social workers were employed through "
                        "agencies. Care leavers told inspectors that they did not know what their pathway plan said."),
         numbered("3.", "The Secretary of State has therefore decided to issue this Improvement Notice (\"the "
                        "Notice\"). The Notice will remain in force until the Secretary of State notifies the Council "
                        "that it has been lifted, or that it has been replaced by a direction."),
         p("What the Council must do", H2),
         numbered("4.", "The Council, working with its partners, must address each of the recommendations in the "
                        "inspection report and must achieve the performance targets in the Schedule to this Notice."),
         numbered("5.", "The Council must submit a revised Improvement Plan, agreed by the Improvement Board, to the "
                        "Department by 31 October 2014."),
         numbered("6.", "The Council must complete a review of its arrangements for children who go missing from home "
                        "and from care, with Thames Valley Police, by the end of December 2014, and report the "
                        "findings to the Improvement Board."),
         numbered("7.", "The Council's Cabinet must approve a social work workforce strategy, setting out how the "
                        "Council will recruit and keep permanent social workers, by January 2015."),
         numbered("8.", "The Council must ensure that every child subject to a child protection plan is allocated to a "
                        "qualified social worker."),
         p("Improvement Board", H2),
         numbered("9.", "The Council must put in place an Improvement Board, chaired by an independent chair appointed "
                        "by the Council with the agreement of the Secretary of State. The Board will meet every four "
                        "weeks. Its membership will include Thames Valley Police, the Buckinghamshire Clinical "
                        "Commissioning Groups, the Buckinghamshire Safeguarding Children Board and the Cabinet Member "
                        "for Children's Services. The chair will send the minutes of each meeting to the Department."),
         p("Review", H2),
         numbered("10.", "Departmental officials will formally review the Council's progress six months and twelve "
                         "months after the date of this Notice, and will advise Ministers on the action to take."),
         p("Failure to comply", H2),
         numbered("11.", FAILURE_497A),
         gap(4),
         lines("Edward Timpson MP", "Parliamentary Under-Secretary of State for Children and Families"),
         gap(8),
         p("Schedule: performance targets", H2),
         p("Targets are to be achieved by the end of each quarter of the financial year shown (Q1 is April to June). "
           "The 2013-14 outturn is the Council's figure for the year ending 31 March 2014."),
         grid([["Measure", "2013-14 outturn", "Q3 2014-15", "Q4 2014-15", "Q1 2015-16", "Q2 2015-16"]],
              [["Single assessments completed within 45 working days of referral", "58%", "65%", "72%", "78%", "85%"],
               ["Referrals that were re-referrals within 12 months", "29%", "27%", "25%", "23%", "22%"],
               ["Children missing from care offered a return interview within 72 hours of their return", "34%",
                "50%", "65%", "75%", "85%"],
               ["Reviews of looked after children held within timescale", "84%", "90%", "93%", "95%", "95%"],
               ["Care leavers with an up-to-date pathway plan", "71%", "80%", "90%", "95%", "100%"],
               ["Agency social workers as a percentage of qualified social work posts", "38%", "–", "33%", "–",
                "25%"]],
              [55 * mm, 21 * mm, 21 * mm, 21 * mm, 21 * mm, 21 * mm]),
         gap(2),
         p("A dash (–) means that no target is set for that quarter.", SMALL)]
    return s, "Improvement Notice: Buckinghamshire County Council", None


# --------------------------------------------------------------------------------------------------------------------
# 3. Warrington 2015: a milestone table whose indicator names wrap onto further lines inside a narrow first column;
#    a caseload in children per worker.
# --------------------------------------------------------------------------------------------------------------------
def warrington_2015():
    s = [dfe_letterhead(), gap(8), p("Improvement Notice", H1),
         lines("To:        Warrington Borough Council (\"the Council\")",
               "Address:   Town Hall, Sankey Street, Warrington, WA1 1UH",
               "Issued:    11 June 2015"), gap(5),
         p("1. Background", H2),
         p("This Improvement Notice (\"the Notice\") is issued because of poor performance in the Council's children's "
           "services. The evidence is the report of Ofsted's inspection of services for children in need of help and "
           "protection, children looked after and care leavers, carried out between 2 and 25 February 2015 and "
           "published on 31 March 2015 (\"the inspection report\"). The inspection report judged the overall "
           "effectiveness of children's services to be 'inadequate'. Adoption performance was judged to 'require "
           "improvement'."),
         p("Inspectors found that many assessments took far too long to complete, that visits to children subject to a "
           "child protection plan were not always made at the frequency the plan required, and that social workers in "
           "the assessment teams were carrying caseloads that did not allow them to do good work."),
         p("2. Duration", H2),
         p("The Notice will last for twelve months from the date of issue."),
         p("3. Measures needed to comply with the Notice", H2),
         p("The Council, working with its partners, must:"),
         item("a)", "act on each of the recommendations in the inspection report;"),
         item("b)", "submit to the Department, within one month of the date of this Notice, an Improvement Plan agreed "
                    "by the Improvement Board;"),
         item("c)", "complete a review of its front door arrangements, including the Multi-Agency Safeguarding Hub, by "
                    "30 September 2015, and report the findings to the Improvement Board;"),
         item("d)", "by the end of September 2015, ensure that every looked after child is allocated to a qualified "
                    "social worker;"),
         item("e)", "achieve the milestones in the table below; and"),
         item("f)", "put in place arrangements to sustain the improvement once the Notice has been lifted."),
         p("4. Performance milestones", H2),
         p("The Council must achieve the following milestones. Each figure is the level to be reached by the end of "
           "the month shown."),
         grid([["Indicator", "Baseline (March 2015)", "June 2015", "December 2015", "March 2016"]],
              [["Percentage of single assessments completed within 45 working days", "56%", "65%", "75%", "85%"],
               ["Percentage of initial child protection conferences held within 15 working days of the strategy "
                "discussion", "63%", "70%", "80%", "85%"],
               ["Percentage of children subject to a child protection plan who have been visited at least every "
                "10 working days", "71%", "80%", "90%", "95%"],
               ["Average caseload of social workers in the children in need and child protection teams (number of "
                "children)", "26", "24", "20", "18"],
               ["Percentage of audited case files graded good or outstanding", "12%", "15%", "25%", "35%"]],
              [58 * mm, 28 * mm, 24 * mm, 26 * mm, 24 * mm]),
         gap(3),
         p("5. Improvement Board", H2),
         p("The Council must establish an Improvement Board with an independent chair appointed by the Department. The "
           "Board will meet monthly and its members will include Cheshire Constabulary, NHS Warrington Clinical "
           "Commissioning Group, the Warrington Safeguarding Children Board and the Lead Member for Children's "
           "Services. A Department for Education adviser will attend each meeting as an observer."),
         p("6. Review", H2),
         p("The Department will carry out a formal review of progress in December 2015 and a final review in June "
           "2016, when Ministers will decide whether the Notice should be lifted. The independent chair will report "
           "to the Minister on the Council's progress before each review."),
         p("7. Failure to comply", H2),
         p(FAILURE_497A),
         gap(6),
         lines("Signed on behalf of the Secretary of State for Education", "", "Edward Timpson MP",
               "Minister of State for Children and Families")]
    return s, "Improvement Notice: Warrington Borough Council", None


# --------------------------------------------------------------------------------------------------------------------
# 4. Lancashire 2018: a long table that breaks across a page, its header row repeated on the next page;
#    sickness in days per FTE; a non-canonical MASH measure; running page head.
# --------------------------------------------------------------------------------------------------------------------
def lancashire_2018():
    para = [
        ("1.", "This Improvement Notice (\"the Notice\") is issued to Lancashire County Council (\"the Council\") on "
               "behalf of the Secretary of State for Education, because of poor performance in the Council's "
               "children's social care services."),
        ("2.", "Ofsted inspected the Council's children's services under the framework for the inspection of local "
               "authority children's services (ILACS) between 4 and 15 June 2018, and published its report on "
               "27 July 2018 (\"the inspection report\"). The inspection report judged the overall effectiveness of "
               "children's services to be 'inadequate'. The experiences and progress of children who need help and "
               "protection were judged 'inadequate', and the impact of leaders on social work practice with children "
               "and families was judged 'inadequate'. The experiences and progress of children in care and care "
               "leavers were judged to 'require improvement to be good'."),
        ("3.", "Inspectors found that decisions on contacts to the Multi-Agency Safeguarding Hub were delayed, in some "
               "cases for several days, leaving children at risk without a timely response. Too many children were "
               "subject to a second or subsequent child protection plan, and plans were often closed before the "
               "changes they sought had been made. Visits to children subject to a plan were not always made, and "
               "when they were made children were not always seen alone. The Council's workforce was unstable: one "
               "in five social work posts was vacant and sickness absence was high."),
        ("4.", "The Notice will remain in force for 18 months from the date of issue, unless it is withdrawn earlier "
               "or replaced by a direction under section 497A of the Education Act 1996."),
    ]
    require = [
        ("5.", "The Council, working with its partners, must take action to address every recommendation in the "
               "inspection report, and must demonstrate improvement in the quality of social work practice through "
               "its own audit programme and through external moderation of that programme."),
        ("6.", "The Council must establish the Improvement Board described in paragraph 13 within one month of the "
               "date of this Notice."),
        ("7.", "The Council must submit an Improvement Plan, agreed by the Improvement Board, to the Department by "
               "31 October 2018. The plan must set out the actions the Council and its partners will take, who is "
               "responsible for each action and when it will be completed."),
        ("8.", "The Council must commission an independent review of the Multi-Agency Safeguarding Hub, including the "
               "application of thresholds by partner agencies, and must complete it by 31 January 2019. The findings "
               "and the Council's response must be reported to the Improvement Board."),
        ("9.", "The Council must ensure that elected members understand and fulfil their role as corporate parents, "
               "and that the Children's Services Scrutiny Committee receives regular reports on the performance of "
               "children's social care."),
        ("10.", "The Council must put in place a workforce strategy that reduces its reliance on agency social "
                "workers, reduces sickness absence and gives social workers manageable caseloads and regular, "
                "reflective supervision."),
        ("11.", "The Council must meet the performance targets set out in the table below. Performance against each "
                "target must be reported to every meeting of the Improvement Board, with an analysis of any target that is "
                "not being met and the action being taken to recover performance."),
        ("12.", "The Council must put in place arrangements to sustain the improvement after the Notice has been "
                "lifted."),
    ]
    board = [
        ("13.", "The Council must establish an Improvement Board with an independent chair appointed by the Secretary "
                "of State. The Board will meet every eight weeks. Its members will include Lancashire Constabulary, "
                "the Clinical Commissioning Groups in Lancashire, the Lancashire Safeguarding Children Board, "
                "representatives of schools and the Cabinet Member for Children, Young People and Schools. DfE "
                "officials will attend meetings of the Board as observers."),
        ("14.", "The independent chair will provide the Minister with an assessment of the Council's progress after "
                "each meeting of the Board."),
    ]
    review = [
        ("15.", "The Department will formally review the Council's progress in March 2019 and September 2019, and "
                "will carry out a final review in March 2020 in order to advise the Minister whether the Notice can "
                "be lifted."),
        ("16.", FAILURE_497A),
    ]
    rows = [
        ["1", "Contacts to the Multi-Agency Safeguarding Hub where a decision is made within one working day", "64%",
         "85%", "90%", "95%"],
        ["2", "Referrals that are re-referrals within 12 months of a previous referral", "27%", "24%", "22%", "20%"],
        ["3", "Single assessments authorised within 45 working days of referral", "68%", "78%", "85%", "88%"],
        ["4", "Initial child protection conferences held within 15 working days of the strategy discussion", "74%",
         "85%", "90%", "90%"],
        ["5", "Child protection plans ending that had lasted two years or more", "6.1%", "5.0%", "4.5%", "4.0%"],
        ["6", "Children becoming the subject of a child protection plan for a second or subsequent time", "23%",
         "21%", "19%", "18%"],
        ["7", "Children subject to a child protection plan whose review conferences were held within required "
              "timescales", "91%", "95%", "97%", "98%"],
        ["8", "Children subject to a child protection plan seen by their social worker within the last 10 working "
              "days", "78%", "90%", "95%", "95%"],
        ["9", "Children looked after whose reviews were held within statutory timescales", "86%", "92%", "95%",
         "97%"],
        ["10", "Children looked after for 12 months or more with an up-to-date health assessment", "79%", "85%",
         "90%", "95%"],
        ["11", "Children looked after with three or more placements during the year", "12.4%", "11.0%", "10.0%",
         "9.0%"],
        ["12", "Children under 16 looked after for at least 2.5 years who have lived in the same placement for at "
               "least 2 years", "63%", "66%", "68%", "70%"],
        ["13", "Care leavers whose pathway plan has been reviewed within the last six months", "74%", "85%", "95%",
         "100%"],
        ["14", "Social worker vacancy rate (FTE)", "21%", "18%", "15%", "12%"],
        ["15", "Social worker turnover rate", "19%", "17%", "15%", "14%"],
        ["16", "Average working days lost to sickness per FTE social worker (days)", "11.2", "10.5", "9.5", "9.0"],
        ["17", "Audited case files graded good or better", "18%", "25%", "35%", "45%"],
    ]
    s = [dfe_letterhead(), gap(8), p("Improvement Notice: Lancashire County Council", H1),
         lines("Issued to:  Lancashire County Council",
               "Address:  County Hall, Fishergate, Preston, PR1 8XJ",
               "Date of issue:  12 September 2018"), gap(5),
         p("Background", H2)]
    s += [numbered(n, t) for n, t in para]
    s += [p("Requirements", H2)] + [numbered(n, t) for n, t in require]
    s += [p("Performance indicators and targets", H2),
          p("The baseline is the Council's figure at 31 March 2018. Targets are to be achieved by the end of the month "
            "shown in each column."),
          grid([["No.", "Indicator", "Baseline (31 March 2018)", "March 2019", "September 2019", "March 2020"]],
               rows, [11 * mm, 58 * mm, 24 * mm, 21 * mm, 25 * mm, 21 * mm], repeat=True, numeric_from=2),
          gap(2)]
    s += [p("Governance", H2)] + [numbered(n, t) for n, t in board]
    s += [p("Review and failure to comply", H2)] + [numbered(n, t) for n, t in review]
    s += [gap(4), KeepTogether([lines("Signed on behalf of the Secretary of State for Education", "",
                                      "Nadhim Zahawi MP",
                                      "Parliamentary Under-Secretary of State for Children and Families")])]
    return s, "Improvement Notice: Lancashire County Council", "Improvement Notice: Lancashire County Council"


# --------------------------------------------------------------------------------------------------------------------
# 5. Herefordshire 2021: a Basis column that sets each row's basis; a count of children awaiting allocation falling
#    to 0; a non-canonical permanence measure; chair not independent.
# --------------------------------------------------------------------------------------------------------------------
def herefordshire_2021():
    s = [p("Department for Education", LETTERHEAD), gap(6),
         p("Improvement notice: Herefordshire Council", H1),
         p("Issued on 8 December 2021"),
         lines("To: Herefordshire Council (\"the council\")", "Plough Lane, Hereford, HR4 0LE"), gap(4),
         p("Background", H2),
         p("Ofsted carried out an inspection of Herefordshire Council's children's services under the inspection of "
           "local authority children's services (ILACS) framework between 6 and 17 September 2021. The report, "
           "published on 29 October 2021, judged the overall effectiveness of children's services to be "
           "'inadequate'."),
         p("Inspectors found that too many children waited to be allocated to a social worker after their referral "
           "had been accepted, that plans for children in care to live permanently with a family were made late, and "
           "that the council depended heavily on agency social workers. Senior leaders did not have an accurate "
           "understanding of the quality of practice."),
         p("This improvement notice (\"the notice\") is issued to the council on behalf of the Secretary of State for "
           "Education because of that poor performance."),
         p("Duration", H2),
         p("The notice will remain in force for 12 months from the date on which it is issued."),
         p("What the council must do", H2),
         p("The council, working with its safeguarding partners, must:"),
         bullet("address each of the recommendations in the inspection report;"),
         bullet("submit an improvement plan, agreed by the improvement board, to the department by 31 January 2022;"),
         bullet("have a permanent Director of Children's Services in post by 31 March 2022;"),
         bullet("complete an audit of the files of all children subject to a child protection plan by the end of "
                "February 2022, and act on its findings;"),
         bullet("meet the performance targets in the table below; and"),
         bullet("ensure that at least 50% of the case files it audits are graded good or better by September 2022."),
         KeepTogether([
         p("Performance targets", H2),
         p("The council must meet the following targets. The Basis column shows how each figure is to be measured."),
         grid([["Measure", "Basis", "Baseline (30 September 2021)", "Target by 31 March 2022",
                "Target by 30 September 2022"]],
              [["Assessments completed within 45 working days of referral", "In month", "61%", "75%", "85%"],
               ["Re-referrals within 12 months of a previous referral", "Rolling 12 months", "28%", "25%", "22%"],
               ["Initial child protection conferences held within 15 working days of the strategy discussion",
                "Year to date", "55%", "75%", "85%"],
               ["Children in care with a permanence plan agreed at their second review", "Year to date", "48%", "65%",
                "80%"],
               ["Children awaiting allocation to a social worker (number)", "Snapshot", "37", "10", "0"],
               ["Agency social workers as a percentage of all social workers", "Snapshot", "41%", "35%", "25%"]],
              [55 * mm, 24 * mm, 25 * mm, 28 * mm, 28 * mm], numeric_from=2),
         gap(2),
         p("Year-to-date figures run from 1 April of the financial year. Snapshot figures are taken on the last day of "
           "the month.", SMALL)]),
         p("Improvement board", H2),
         p("The council must maintain an improvement board, which will meet every two months. The board will be "
           "chaired by the council's Chief Executive, and its members will include West Mercia Police, NHS "
           "Herefordshire and Worcestershire Clinical Commissioning Group, the Cabinet Member for Children and "
           "Families and a representative of Herefordshire schools. The department's Children's Services Adviser will "
           "attend each meeting as an observer and will advise the Minister on the council's progress."),
         p("Review", H2),
         p("The department will formally review the council's progress in June 2022 and in December 2022. At the "
           "second review the Minister will decide whether the notice can be lifted or whether further intervention "
           "is needed."),
         p("Failure to comply", H2),
         p("If the council is unwilling or unable to comply with this notice, or if the Secretary of State is not "
           "satisfied with its progress at any stage, the Secretary of State may use the powers of intervention in "
           "section 497A of the Education Act 1996 to direct the council to enter into an appropriate arrangement to "
           "secure the improvements required in children's services."),
         gap(6),
         lines("Will Quince MP", "Parliamentary Under-Secretary of State for Children and Families")]
    return s, "Improvement notice: Herefordshire Council", None


# --------------------------------------------------------------------------------------------------------------------
# 6. North East Lincolnshire 2024: a note under the table sets the basis by column (September in month, March year to date,
#    vacancy and agency rates snapshots); a second table of actions with dates; quarterly board; six-monthly reviews.
# --------------------------------------------------------------------------------------------------------------------
def north_east_lincolnshire_2024():
    s = [p("Department for Education", LETTERHEAD), gap(6),
         p("Improvement notice to North East Lincolnshire Council", H1),
         lines("Issued: 7 May 2024",
               "To: North East Lincolnshire Council (\"the council\"), Municipal Offices, Town Hall Square, "
               "Grimsby, DN31 1HU"), gap(4),
         p("1. Why this notice is being issued", H2),
         p("1.1 Ofsted inspected North East Lincolnshire Council's children's services between 22 January and "
           "2 February 2024 under the inspection of local authority children's services (ILACS) framework, and "
           "published its report on 15 March 2024. The report judged the overall effectiveness of children's services "
           "to be 'inadequate'. The experiences and progress of children who need help and protection, and the impact "
           "of leaders on social work practice, were judged 'inadequate'."),
         p("1.2 Inspectors found that children referred to the Children's Front Door did not always "
           "receive a timely response, that initial child protection conferences were often held late, and that high "
           "vacancy and agency rates meant many children had experienced several changes of social worker."),
         p("1.3 The Secretary of State has therefore decided to issue this improvement notice (\"the notice\")."),
         p("2. How long the notice lasts", H2),
         p("2.1 The notice takes effect on the date of issue and will remain in force for 18 months, unless it is "
           "lifted earlier or replaced by a direction."),
         p("3. What the council must do", H2),
         p("3.1 The council, working with the North East Lincolnshire safeguarding children partnership, must address every "
           "recommendation in the inspection report and complete the actions in table 2 by the dates shown."),
         p("3.2 The council must meet the performance targets in table 1, and must report its performance against "
           "them to each meeting of the improvement board."),
         p("3.3 The council must demonstrate, through audit and the views of children and families, that the quality "
           "of practice is improving, and must put in place arrangements to sustain the improvement after the notice "
           "is lifted."),
         KeepTogether([
             p("Table 1: performance targets", H2),
             grid([["Measure", "Position at 31 March 2024", "September 2024", "March 2025"]],
                  [["Assessments completed within 45 working days of referral", "71%", "80%", "85%"],
                   ["Initial child protection conferences held within 15 working days of the strategy discussion",
                    "66%", "80%", "85%"],
                   ["Children in care whose reviews were held within timescale", "88%", "93%", "96%"],
                   ["Social worker vacancy rate", "24%", "20%", "15%"],
                   ["Agency social worker rate", "31%", "25%", "18%"]],
                  [70 * mm, 32 * mm, 29 * mm, 29 * mm]),
             gap(2),
             p("Note: Figures for September 2024 are for the month; March 2025 figures are for the year to date "
               "(1 April 2024 to 31 March 2025). Vacancy and agency rates are snapshots at each date.", SMALL)]),
         KeepTogether([
             p("Table 2: actions required", H2),
             grid([["Action", "Complete by"]],
                  [["Submit a revised improvement plan, agreed by the improvement board, to the department",
                    "28 June 2024"],
                   ["Establish a multi-agency audit programme covering the Children's Front Door",
                    "31 July 2024"],
                   ["Complete an independent review of the Children's Front Door", "30 September 2024"],
                   ["Publish a revised threshold document agreed by the safeguarding partners", "31 December 2024"]],
                  [120 * mm, 40 * mm])]),
         gap(2),
         p("4. Improvement board", H2),
         p("4.1 The council must continue to hold an improvement board with an independent chair appointed by the "
           "department. The board will meet quarterly. Its members will include Humberside Police, NHS Humber "
           "and North Yorkshire Integrated Care Board and the Portfolio Holder for Children, Education and "
           "Skills. Department for Education officials will attend the board as observers."),
         p("5. Review", H2),
         p("5.1 The Minister will review the council's progress at least every six months for the duration of the "
           "notice, informed by a report from the independent chair."),
         p("6. Failure to comply", H2),
         p("6.1 If the council does not comply with this notice, or if the Secretary of State is not satisfied with "
           "its progress, the Secretary of State may use the powers in section 497A of the Education Act 1996 to "
           "direct the council to enter into an appropriate arrangement to secure the necessary improvements."),
         gap(6),
         lines("David Johnston MP", "Parliamentary Under-Secretary of State for Children, Families and Wellbeing")]
    return s, "Improvement notice: North East Lincolnshire Council", None


NOTICES = {
    "peterborough-2012": peterborough_2012,
    "buckinghamshire-2014": buckinghamshire_2014,
    "warrington-2015": warrington_2015,
    "lancashire-2018": lancashire_2018,
    "herefordshire-2021": herefordshire_2021,
    "north-east-lincolnshire-2024": north_east_lincolnshire_2024,
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "Tests", "NoticeReaderTests",
                                                                 "Fixtures", "corpus")
    os.makedirs(out_dir, exist_ok=True)
    for name, make in NOTICES.items():
        story, title, running_head = make()
        out = os.path.join(out_dir, name + ".pdf")
        build(out, story, title, running_head)
        print(os.path.normpath(out))


if __name__ == "__main__":
    main()
