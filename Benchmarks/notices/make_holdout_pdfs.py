#!/usr/bin/env python3
"""Writes the three PDF notices of the holdout corpus, with their targets set out in real tables (ruled grids, measure
names that wrap inside their cells, a header row repeated when a table runs onto the next page), the way GOV.UK
publishes notices made in a word processor.

    python3 Benchmarks/notices/make_holdout_pdfs.py [OUT_DIR]

OUT_DIR defaults to Tests/NoticeReaderTests/Fixtures/holdout/. It writes:

    torbay-2012.pdf    2012 register: milestone table with abbreviated dated-month columns, no basis stated
    bradford-2017.pdf  2017 register: quarter columns ("Q3 2017-18"), bases set by a marker note under the table
    barnet-2024.pdf    2024 register: a table with a Basis column that breaks across a page (header repeated), and a
                       second table whose note sets the basis of each column

Each notice's ground truth, `<name>.expected.json`, is written by hand beside it (never by this script). The notices
are fictional events at real councils. Output is deterministic: the same bytes on every run (reportlab's invariant
mode, fixed metadata). Needs reportlab; the product and its tests never run this script, they read its output.
"""
import os
import sys

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402
from xml.sax.saxutils import escape  # noqa: E402

FONT_DIR = "/usr/share/fonts/truetype/dejavu"


def register_fonts():
    """DejaVu Sans, embedded, if present (it has the curly quotes, dashes and ½); else the standard Helvetica."""
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
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=9 * mm, firstLineIndent=-6 * mm)
BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=7 * mm, firstLineIndent=-4 * mm)
NUMBERED = ParagraphStyle("numbered", parent=BODY, leftIndent=8 * mm, firstLineIndent=-8 * mm)
CONTINUED = ParagraphStyle("continued", parent=BODY, leftIndent=8 * mm)

GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.85, 0.85)),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]


def p(text, style=BODY):
    """A paragraph of plain text (escaped; no markup)."""
    return Paragraph(escape(text), style)


def bullets(items, mark="•"):
    return [Paragraph(f"{mark}&nbsp;&nbsp;{escape(t)}", BULLET) for t in items]


def numbered(n, text):
    return Paragraph(f"{n}.&nbsp;&nbsp;&nbsp;{escape(text)}", NUMBERED)


def grid(header, rows, widths, first_col_left=True, repeat=1):
    """A ruled table whose cells are paragraphs (so long measure names wrap); the header row repeats on each page."""
    head = [Paragraph(escape(h), HEAD if (i == 0 and first_col_left) else HEAD_C) for i, h in enumerate(header)]
    body = [[Paragraph(escape(c), CELL if (i == 0 and first_col_left) else CELL_C) for i, c in enumerate(r)]
            for r in rows]
    t = Table([head] + body, colWidths=widths, repeatRows=repeat)
    t.setStyle(TableStyle(GRID))
    return t


def page_furniture(header_text, footer_text):
    """onPage callback: a running header and a footer with the page number, as real notices have."""
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 8)
        if header_text:
            canvas.drawString(20 * mm, A4[1] - 12 * mm, header_text)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, footer_text.format(page=doc.page))
        canvas.restoreState()
    return draw


def build(path, title, story, header_text, footer_text):
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm, title=title, author="Department for Education",
                            subject="Improvement Notice", creator="make_holdout_pdfs.py", invariant=1)
    furniture = page_furniture(header_text, footer_text)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)


# ---------------------------------------------------------------------------------------------------------------------
# Torbay, 2012: the 2010-12 register. One milestone table whose columns are abbreviated months; no basis is stated
# anywhere; a baseline cell reads "Not available"; the notice is undated.

def torbay(out_dir):
    s = []
    s.append(p("Improvement Notice", H1))
    s.append(p("To: Name TORBAY COUNCIL (“the Council”)"))
    s.append(p("Address Town Hall, Castle Circus, Torquay, TQ1 3DR"))
    s.append(p("This Improvement Notice is being issued due to poor performance in:"))
    s.append(p("Children’s Services"))
    s.append(p("on the basis of evidence contained in:"))
    s.append(p("the report of the inspection of safeguarding and looked after children’s services carried out by "
               "Ofsted and CQC (published 28 September 2012) (“the inspection report”) which judged the overall "
               "effectiveness of the Council’s safeguarding services and of its services for looked after children "
               "to be ‘inadequate’."))
    s.append(p("The following measures are needed for you to comply with this Improvement Notice:"))
    s.append(p("The Council must take action to:"))
    s.append(p("(i)  improve areas of weakness identified in the inspection report and ensure safeguarding and looked "
               "after children’s services meet all legislative requirements; and", ITEM))
    s.append(p("(ii)  put in place arrangements to sustain and build on the improvement secured.", ITEM))
    s.append(p("In respect of the above the Council, working with its partner agencies (“the partners”), must "
               "demonstrate evidence of improvement in outcomes by the following:"))
    s.append(p("Quality and effectiveness of safeguarding practice", H2))
    s += bullets([
        "Ensure that thresholds for access to children’s social care are agreed with the Torbay Safeguarding "
        "Children Board, communicated to all partner agencies, and applied consistently.",
        "Reduce the number of children’s cases awaiting allocation to a qualified social worker from 87 at "
        "30 September 2012 to zero by 31 January 2013.",
        "Ensure that assessments and child protection plans meet the standards set out in Working Together to "
        "Safeguard Children, and that the views of children and young people are recorded and inform their plans.",
        "Ensure that management oversight and decision-making on individual cases is recorded on each case file, "
        "and that the quality assurance framework includes regular auditing of case files with independent "
        "challenge.",
        "Meet the performance milestones set out in Table 1 below.",
    ])
    s.append(Spacer(1, 4))
    s.append(p("Table 1: Performance milestones", H2))
    header = ["Indicator", "Baseline 2011-12", "Mar 2013", "Sep 2013", "Mar 2014"]
    rows = [
        ["Percentage of initial assessments completed within 10 working days of referral",
         "58%", "70%", "78%", "85%"],
        ["Percentage of core assessments completed within 35 working days of their commencement",
         "44%", "60%", "70%", "80%"],
        ["Percentage of child protection plans ending in the period which had lasted two years or more",
         "11%", "8%", "6%", "5%"],
        ["Percentage of looked after children with three or more placements during the year",
         "14%", "12%", "11%", "10%"],
        ["Percentage of reviews of looked after children held within statutory timescales",
         "79%", "90%", "95%", "95%"],
        ["Percentage of case files audited which are judged adequate or better",
         "Not available", "60%", "70%", "80%"],
    ]
    s.append(grid(header, rows, [70 * mm, 27 * mm, 24 * mm, 24 * mm, 24 * mm]))
    s.append(Spacer(1, 6))
    s.append(p("Progress against these milestones will be reported to each meeting of the Safeguarding Improvement "
               "Board.", SMALL))
    s.append(p("Capacity and capability", H2))
    s += bullets([
        "Review caseloads, roles and deployment of all social workers, and secure sufficient provision for "
        "induction, training and continuous professional development.",
        "Ensure that elected members understand and deliver their corporate parenting role and are supported to "
        "scrutinise safeguarding services.",
    ])
    s.append(p("Improvement support measures", H2))
    s.append(p("The Council must put in place a Safeguarding Improvement Board with an independent chair. The Board "
               "should meet once every 4 weeks and include in its membership partner agencies. An official from the "
               "Department for Education will attend as a participant observer."))
    s.append(p("An improvement plan should be developed with partner agencies to address the recommendations "
               "identified in the inspection report and those specifically highlighted in this Improvement Notice. "
               "The plan should be agreed with all partner agencies and the Safeguarding Improvement Board within one "
               "month of the issue of this Notice."))
    s.append(p("Improvement against the above measures will be assessed as follows:"))
    s.append(p("An initial review of progress against the Improvement Notice will be held with the Department for "
               "Education in April 2013; a further review will be held in October 2013, with a final review in "
               "April 2014."))
    s.append(p("Failure to comply with this Improvement Notice by the assessment dates:"))
    s.append(p("Should the Council be unwilling or unable to comply with this Improvement Notice, or should ministers "
               "not be satisfied with the Council’s progress at any stage, ministers may choose to invoke their "
               "statutory powers of intervention (s497A Education Act 1996) to direct the Council to enter into an "
               "appropriate arrangement to secure the improvements required in children’s services."))
    s.append(Spacer(1, 10))
    s.append(p("Signed: ____________________"))
    s.append(p("Date: ____________________"))
    build(os.path.join(out_dir, "torbay-2012.pdf"), "Improvement Notice: Torbay Council", s,
          None, "{page}")


# ---------------------------------------------------------------------------------------------------------------------
# Bradford, 2017: the 2016-19 register. Quarter columns; milestones year to date except rows marked *, which are
# snapshots; dashes for quarters without a milestone; an `other` measure (care leavers in EET).

def bradford(out_dir):
    s = []
    s.append(p("Improvement Notice: City of Bradford Metropolitan District Council", H1))
    s.append(p("Issued: 25 September 2017"))
    s.append(p("To: City of Bradford Metropolitan District Council (“the Council”)"))
    s.append(p("Address: City Hall, Centenary Square, Bradford, BD1 1HY"))
    s.append(p("Background", H2))
    s.append(numbered(1, "This Improvement Notice (“the Notice”) is issued following Ofsted’s inspection of services "
                         "for children in need of help and protection, children looked after and care leavers, "
                         "published on 10 August 2017, which judged the overall effectiveness of the Council’s "
                         "children’s services to require improvement to be good, and judged the experiences and "
                         "progress of children who need help and protection to be inadequate."))
    s.append(numbered(2, "This Notice will last for eighteen months from the date of issue."))
    s.append(p("Measures", H2))
    s.append(numbered(3, "The Council, working with its partners, must:"))
    s.append(p("(a)  ensure that the multi-agency safeguarding hub makes timely, consistent decisions on contacts, "
               "and that partner agencies understand and apply the agreed thresholds;", ITEM))
    s.append(p("(b)  improve the quality of assessments and plans, so that they are informed by the child’s history "
               "and make the child’s wishes and feelings evident;", ITEM))
    s.append(p("(c)  ensure that supervision and management oversight are regular, challenging and recorded;", ITEM))
    s.append(p("(d)  stabilise the workforce, reducing reliance on agency staff and bringing caseloads to a level "
               "that allows good practice; and", ITEM))
    s.append(p("(e)  improve the support offered to care leavers, including help into education, employment and "
               "training.", ITEM))
    s.append(p("Milestones", H2))
    s.append(numbered(4, "The Council must meet the quarterly milestones in the table below. Each milestone is the "
                         "cumulative year-to-date figure at the end of the quarter shown, except for measures marked "
                         "*, which are the position on the last day of the quarter."))
    header = ["Measure", "Baseline 2016-17", "Q3 2017-18", "Q4 2017-18", "Q2 2018-19", "Q4 2018-19"]
    rows = [
        ["Percentage of single assessments completed within 45 working days of referral",
         "71%", "78%", "80%", "85%", "88%"],
        ["Percentage of initial child protection conferences held within 15 working days of the strategy discussion",
         "62%", "–", "75%", "80%", "85%"],
        ["Percentage of referrals that are re-referrals within 12 months of a previous referral",
         "27%", "25%", "24%", "22%", "20%"],
        ["Average caseload of social workers in the children’s social work teams (children per worker)*",
         "23", "21", "20", "18", "17"],
        ["Social workers employed through agencies, as a percentage of all social workers*",
         "31%", "28%", "25%", "20%", "15%"],
        ["Percentage of care leavers aged 19 to 21 in education, employment or training*",
         "44%", "–", "50%", "–", "60%"],
    ]
    s.append(grid(header, rows, [64 * mm, 22 * mm, 21 * mm, 21 * mm, 21 * mm, 21 * mm]))
    s.append(Spacer(1, 4))
    s.append(p("* Position on the last day of the quarter. A dash means that no milestone is set for that quarter.",
               SMALL))
    s.append(p("Governance", H2))
    s.append(numbered(5, "The Council must continue to hold an Improvement Board, with an independent chair appointed "
                         "by the Department for Education, meeting every eight weeks. The Board should include the "
                         "Council’s statutory partners in its membership."))
    s.append(numbered(6, "The Department’s improvement adviser will keep in regular contact with the Director of "
                         "Children’s Services and will offer advice on the support available to the Council."))
    s.append(numbered(7, "The Council must submit a revised improvement plan, reflecting the measures and milestones "
                         "in this Notice, to the Department by 31 October 2017."))
    s.append(p("Review", H2))
    s.append(numbered(8, "The Department will review progress at six-monthly intervals, in March 2018, September 2018 "
                         "and March 2019, and will advise Ministers whether the Notice should be lifted or further "
                         "action taken."))
    s.append(numbered(9, "Should the Council be unwilling or unable to comply with this Notice, or should Ministers not "
                         "be satisfied with the Council’s progress, the Secretary of State may use his statutory "
                         "powers of intervention (s497A Education Act 1996)."))
    s.append(Spacer(1, 10))
    s.append(p("Signed"))
    s.append(p("Minister of State for Children and Families"))
    build(os.path.join(out_dir, "bradford-2017.pdf"), "Improvement Notice: City of Bradford MDC", s,
          "Improvement Notice: City of Bradford Metropolitan District Council", "Page {page}")


# ---------------------------------------------------------------------------------------------------------------------
# Barnet, 2024: the 2023-25 register. Table 1 has a Basis column ("—" when none is stated) and runs onto the next
# page with its header repeated; Table 2's note under the table sets the basis of each column.

def barnet(out_dir):
    s = []
    s.append(p("Department for Education", H2))
    s.append(p("Improvement Notice", H1))
    s.append(p("To: London Borough of Barnet (‘the Council’)"))
    s.append(p("Address: 2 Bristol Avenue, Colindale, London, NW9 4EW"))
    s.append(p("Date: 3 June 2024"))
    s.append(p("Purpose of this Notice", H2))
    s.append(numbered(1, "This Improvement Notice (‘the Notice’) is issued following Ofsted’s inspection of local "
                         "authority children’s services (ILACS) in Barnet, published on 19 April 2024, which judged "
                         "the overall effectiveness of the Council’s children’s services to require improvement to be "
                         "good, and the experiences and progress of children who need help and protection to be "
                         "inadequate."))
    s.append(numbered(2, "The Notice sets out the improvements the Department for Education (‘the Department’) "
                         "expects the Council to make, and how progress will be monitored. It will remain in force for "
                         "12 months from the date above, unless it is lifted earlier or replaced."))
    s.append(p("Governance and support", H2))
    s.append(numbered(3, "The Council must maintain an Improvement Board, chaired by an independent chair agreed with "
                         "the Department, which will meet every six weeks. The Board’s membership must include the "
                         "three statutory safeguarding partners. A DfE Children’s Services Adviser will attend the "
                         "Board as an observer."))
    s.append(numbered(4, "The Council must submit an Improvement Plan, agreed by the Board, to the Department within one "
                         "month of the date of this Notice."))
    s.append(numbered(5, "The Council and its safeguarding partners must publish a revised multi-agency threshold "
                         "document by 30 September 2024."))
    s.append(p("Measures", H2))
    s.append(numbered(6, "The Council, working with its safeguarding partners, must:"))
    s.append(p("(a)  ensure that decisions at the front door are timely, proportionate and consistent with the "
               "agreed thresholds;", ITEM))
    s.append(p("(b)  ensure that children at risk of significant harm are protected by timely strategy discussions, "
               "section 47 enquiries and child protection conferences, with all relevant agencies contributing;", ITEM))
    s.append(p("(c)  improve the quality of assessments and plans so that they are specific, are reviewed, and "
               "reflect the child’s lived experience;", ITEM))
    s.append(p("(d)  ensure that managers at every level have oversight of practice and that supervision is regular "
               "and recorded;", ITEM))
    s.append(p("(e)  build a stable, permanent workforce with manageable caseloads; and", ITEM))
    s.append(p("(f)  ensure that care leavers are in touch with the Council and have pathway plans that reflect their "
               "needs;", ITEM))
    s.append(p("(g)  develop, with its partners, an early help offer that is understood by schools, health services "
               "and the police, and that reaches families before their needs escalate; and", ITEM))
    s.append(p("(h)  ensure that elected members understand their responsibilities as corporate parents and "
               "scrutinise the Council’s services for children effectively.", ITEM))
    s.append(p("Expectations of partners", H2))
    s.append(numbered(7, "The Department expects the Metropolitan Police and the North Central London Integrated Care "
                         "Board, as statutory safeguarding partners, to contribute fully to the improvement of the "
                         "services covered by this Notice, to attend strategy discussions and conferences, and to "
                         "share information promptly. The Department will write separately to each partner to set "
                         "out this expectation."))
    s.append(numbered(8, "The Council should draw on sector-led improvement support, including a Sector-Led "
                         "Improvement Partner agreed with the Department, and should set out in its Improvement Plan "
                         "how this support will be used and how its impact will be judged."))
    s.append(p("The Department recognises the progress the Council has made in stabilising its senior leadership "
               "team and in reducing the number of children waiting for an assessment since the inspection. The "
               "measures in this Notice are intended to secure that progress and to extend it to the help and "
               "protection of children, where the inspection found that too many children experienced delay. The "
               "Council should share with the Department the performance report it provides to the Board, in the "
               "same form, so that the Department and the Board see the same figures.", CONTINUED))
    s.append(p("Performance targets", H2))
    s.append(numbered(9, "The Council must meet the targets in Table 1. The Basis column states how each measure is to "
                         "be calculated; where it shows a dash, the Council should report the measure as it does "
                         "now."))
    s.append(p("Table 1: targets", SMALL))
    header = ["Measure", "Basis", "Baseline", "Target by 31 December 2024", "Target by 30 June 2025"]
    rows = [
        ["Contacts to the front door with a decision on next steps within one working day",
         "In month", "71% (April 2024)", "85%", "90%"],
        ["Single assessments completed within 45 working days of referral",
         "Rolling 12 months", "68% (March 2024)", "80%", "85%"],
        ["Re-referrals within 12 months of a previous referral",
         "Rolling 12 months", "24% (March 2024)", "21%", "19%"],
        ["Children subject to a child protection plan who have been visited within the last 10 working days",
         "Snapshot (last day of month)", "82% (31 March 2024)", "92%", "95%"],
        ["Children subject to a child protection plan whose review conferences have been held within timescale",
         "Snapshot (last day of month)", "88% (31 March 2024)", "95%", "98%"],
        ["Care leavers aged 18 to 21 with a pathway plan reviewed within the last six months",
         "Snapshot (last day of month)", "73% (31 March 2024)", "85%", "95%"],
        ["Children under 16 looked after for 2½ years or more who have lived in the same placement for at least "
         "2 years", "Snapshot (last day of month)", "61% (31 March 2024)", "64%", "67%"],
        ["Case file audits graded good or better",
         "—", "22% (2023-24)", "35%", "50%"],
        ["Social worker vacancy rate (vacant posts as a percentage of established posts)",
         "Snapshot (last day of month)", "27% (31 March 2024)", "20%", "15%"],
        ["Average caseload of case-holding social workers (children per worker)",
         "Snapshot (last day of month)", "21 (31 March 2024)", "18", "16"],
    ]
    s.append(grid(header, rows, [62 * mm, 28 * mm, 28 * mm, 26 * mm, 26 * mm]))
    s.append(Spacer(1, 8))
    s.append(numbered(10, "The Council must also meet the milestones in Table 2."))
    s.append(p("Table 2: milestones", SMALL))
    header2 = ["Measure", "Baseline 2023-24", "September 2024", "December 2024", "March 2025"]
    rows2 = [
        ["Initial child protection conferences held within 15 working days of the strategy discussion",
         "59%", "70%", "75%", "80%"],
        ["Children becoming subject to a child protection plan for a second or subsequent time",
         "26%", "23%", "22%", "20%"],
        ["Children looked after whose statutory reviews were held within timescale",
         "84%", "90%", "93%", "95%"],
        ["Initial health assessments completed within 20 working days of the child becoming looked after",
         "41%", "—", "60%", "70%"],
    ]
    s.append(grid(header2, rows2, [70 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm]))
    s.append(Spacer(1, 4))
    s.append(p("Note to Table 2: the September 2024 and December 2024 milestones are in-month figures; the March 2025 "
               "milestones are year-to-date figures for 2024-25. A dash means that no milestone is set.", SMALL))
    s.append(p("Monitoring and review", H2))
    s.append(numbered(11, "The Council must report progress against Tables 1 and 2 to each meeting of the Improvement "
                         "Board, with an analysis of any measure that is not on track."))
    s.append(numbered(12, "The Department will hold formal review meetings with the Council in December 2024 and "
                          "June 2025. The independent chair will provide an assessment of progress to the Department "
                          "before each review meeting."))
    s.append(numbered(13, "If the Council does not make sufficient progress, the Secretary of State may use her "
                          "statutory powers of intervention (section 497A of the Education Act 1996)."))
    s.append(Spacer(1, 10))
    s.append(p("Signed on behalf of the Secretary of State for Education"))
    build(os.path.join(out_dir, "barnet-2024.pdf"), "Improvement Notice: London Borough of Barnet", s,
          "OFFICIAL", "Improvement Notice: London Borough of Barnet – page {page}")


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "Tests", "NoticeReaderTests", "Fixtures", "holdout")
    out_dir = os.path.normpath(argv[1] if len(argv) > 1 else default)
    os.makedirs(out_dir, exist_ok=True)
    torbay(out_dir)
    bradford(out_dir)
    barnet(out_dir)
    for name in ("torbay-2012.pdf", "bradford-2017.pdf", "barnet-2024.pdf"):
        print(os.path.join(out_dir, name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
