#!/usr/bin/env python3
"""Writes the three PDF notices of the second holdout corpus (holdout2). Their targets sit in real ruled tables (text,
not images): measure names that wrap inside their cells, a header row that repeats when a table runs onto the next
page, and notes under tables that set the basis of the figures.

    python3 Benchmarks/notices/make_holdout2_pdfs.py [OUT_DIR]

OUT_DIR defaults to Tests/NoticeReaderTests/Fixtures/holdout2/. It writes:

    bury-2012.pdf     2009-13 register: an NI table (NI 59, NI 60 ...) whose columns are a 2010-11 baseline,
                      "30 Sept 2012" and "31 March 2013"; long measure names wrap over two or three lines and the
                      table breaks across a page with its header repeated; the basis is stated only inside two
                      measure cells ("rolling 12 months", "as at the date shown")
    croydon-2017.pdf  2014-19 register: prose milestones in bullets plus a workforce table mixing percentages, a
                      caseload, counts and sickness days, with a note making some rows snapshots and others
                      12-month measures
    slough-2024.pdf   2020-25 register: a previous statutory direction revoked, a DfE-appointed improvement
                      adviser; Table 1 with a Basis column (per-row bases); Table 2 whose note makes December
                      in-month and March year to date, with vacancy rate and caseload snapshots

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
    """DejaVu Sans, embedded, when present (curly quotes and dashes); otherwise the standard Helvetica."""
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


def grid(header, rows, widths, left_cols=1):
    """A ruled table of paragraph cells (so long names wrap); the first `left_cols` columns are left-aligned, the
    rest centred; the header row repeats on every page the table reaches."""
    def cell(i, text, head):
        if head:
            return Paragraph(escape(text), HEAD if i < left_cols else HEAD_C)
        return Paragraph(escape(text), CELL if i < left_cols else CELL_C)
    data = [[cell(i, h, True) for i, h in enumerate(header)]]
    data += [[cell(i, c, False) for i, c in enumerate(r)] for r in rows]
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle(GRID))
    return t


def page_furniture(header_text, footer_text):
    """onPage callback: a running header (optional) and a footer with the page number."""
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 8)
        if header_text:
            canvas.drawRightString(A4[0] - 20 * mm, A4[1] - 12 * mm, header_text)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, footer_text.format(page=doc.page))
        canvas.restoreState()
    return draw


def build(path, title, story, header_text, footer_text):
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm, title=title, author="Department for Education",
                            subject="Improvement Notice", creator="make_holdout2_pdfs.py", invariant=1)
    furniture = page_furniture(header_text, footer_text)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)


# ---------------------------------------------------------------------------------------------------------------------
# Bury, 2012: the 2009-13 register. An NI table with dated columns; long measure names wrap; the table breaks across
# the page with its header repeated; no basis is stated except inside two measure cells.

def bury(out_dir):
    s = []
    s.append(p("Improvement Notice", H1))
    s.append(p("To: Bury Metropolitan Borough Council (“the Council”)"))
    s.append(p("Address: Town Hall, Knowsley Street, Bury, BL9 0SW"))
    s.append(p("This Improvement Notice is being issued due to poor performance in:"))
    s.append(p("Children’s Services – safeguarding"))
    s.append(p("on the basis of evidence contained in:"))
    s.append(p("the report of the inspection of safeguarding and looked after children services in Bury, carried out "
               "by Ofsted and the Care Quality Commission between 31 October and 11 November 2011 and published on "
               "16 December 2011 (“the inspection report”), which judged the overall effectiveness of safeguarding "
               "services, and the Council’s capacity to improve them, to be ‘inadequate’."))
    s.append(p("The Notice will last for twelve months from the date on which it is signed, with a formal review of "
               "progress after six months."))
    s.append(p("The following measures are needed for you to comply with this Improvement Notice:"))
    s.append(p("The Council, working with the members of Bury Safeguarding Children Board (“the partners”), must:"))
    s.append(p("(i)  address the areas for development set out in the inspection report, so that arrangements for "
               "protecting children meet the requirements of Working Together to Safeguard Children (2010);", ITEM))
    s.append(p("(ii)  bring performance against the indicators in the table below up to at least the levels shown, by "
               "the dates shown; and", ITEM))
    s.append(p("(iii)  show, through a programme of case-file audit reported to the Improvement Board, that the "
               "quality of social work practice is improving.", ITEM))
    s.append(p("In particular the Council and the partners must demonstrate:"))
    s += bullets([
        "that referral thresholds are set out in a single document agreed by Bury Safeguarding Children Board, are "
        "known to staff in every partner agency, and are applied in the same way by all of them;",
        "that child protection plans say clearly what must change, and by when;",
        "that front-line managers supervise their staff regularly, that supervision is recorded, and that managers’ "
        "decisions and reasons appear on case files.",
    ])
    s.append(p("Performance targets", H2))
    s.append(p("The Council must, as a minimum, reach the levels of performance shown in the table below by the dates "
               "at the head of each column. A dash means that no level is set for that date."))
    header = ["NI", "Indicator", "Baseline 2010-11", "30 Sept 2012", "31 March 2013"]
    rows = [
        ["NI 59", "Percentage of initial assessments for children’s social care carried out within 10 working days "
         "of referral", "54%", "70%", "80%"],
        ["NI 60", "Percentage of core assessments for children’s social care that were carried out within 35 working "
         "days of their commencement", "48%", "65%", "75%"],
        ["NI 68", "Percentage of referrals to children’s social care going on to initial assessment",
         "58%", "65%", "70%"],
        ["Local", "Percentage of referrals that were re-referrals within 12 months of a previous referral (rolling 12 "
         "months)", "29%", "25%", "22%"],
        ["NI 65", "Percentage of children becoming the subject of a child protection plan for a second or subsequent "
         "time", "17%", "15%", "13%"],
        ["NI 64", "Child protection plans lasting 2 years or more (percentage of plans ending in the period)",
         "9.2%", "7%", "6%"],
        ["NI 67", "Percentage of child protection cases which were reviewed within required timescales",
         "91%", "100%", "100%"],
        ["NI 66", "Looked after children cases which were reviewed within required timescales",
         "83%", "90%", "95%"],
        ["NI 62", "Stability of placements of looked after children: percentage with three or more placements during "
         "the year", "14.1%", "–", "11%"],
        ["NI 63", "Stability of placements of looked after children: length of placement (under 16s looked after for "
         "2.5 years or more, in the same placement for at least 2 years), as at the date shown",
         "58%", "–", "65%"],
        ["Local", "Percentage of children becoming looked after whose initial health assessment was completed within "
         "28 days", "Not available", "60%", "80%"],
        ["Local", "Percentage of case files audited that were judged adequate or better", "45%", "65%", "75%"],
        ["Local", "Percentage of children subject to a child protection plan who attended, or contributed their views "
         "to, their review conference", "38%", "50%", "65%"],
    ]
    s.append(grid(header, rows, [14 * mm, 82 * mm, 24 * mm, 25 * mm, 25 * mm], left_cols=2))
    s.append(Spacer(1, 6))
    s.append(p("Improvement Board and Improvement Plan", H2))
    s.append(p("We expect the Council to establish an Improvement Board, with an independent chair appointed by the "
               "Council in agreement with the Department for Education, which will meet every four weeks while this "
               "Notice is in force. The partners should be represented on the Board at a senior level. An official "
               "of the Department for Education will attend each meeting as an observer."))
    s.append(p("The Council must send the Department an Improvement Plan, agreed by the Board, by 30 March 2012, and "
               "must agree a revised thresholds document with Bury Safeguarding Children Board by 31 May 2012."))
    s.append(p("Improvement against the above measures will be assessed as follows:"))
    s.append(p("The Department will review progress after six months, in August 2012, and at the end of the Notice, "
               "in February 2013, taking account of a self-assessment by the Council and a report by the Board’s "
               "chair."))
    s.append(p("Failure to comply with this Improvement Notice by the assessment dates may lead to:"))
    s.append(p("the Secretary of State for Education using his statutory powers of intervention (section 497A of the "
               "Education Act 1996) to direct the Council to enter into arrangements to secure the improvements "
               "required in children’s services."))
    s.append(Spacer(1, 10))
    s.append(p("Signed"))
    s.append(p("Parliamentary Under Secretary of State for Children and Families"))
    s.append(p("Dated: 20th February 2012"))
    build(os.path.join(out_dir, "bury-2012.pdf"), "Improvement Notice: Bury Metropolitan Borough Council", s,
          None, "Page {page}")


# ---------------------------------------------------------------------------------------------------------------------
# Croydon, 2017: the 2014-19 register. Prose milestones in bullets; a workforce table that mixes percentages, a
# caseload, counts and sickness days; a note under it makes some rows snapshots and others 12-month measures.

def croydon(out_dir):
    s = []
    s.append(p("Improvement Notice", H1))
    s.append(p("To: London Borough of Croydon (“the Council”)"))
    s.append(p("Address: Bernard Weatherill House, 8 Mint Walk, Croydon, CR0 1EA"))
    s.append(p("Date: 18 December 2017"))
    s.append(p("Background", H2))
    s.append(numbered(1, "This Improvement Notice (“the Notice”) is issued to the Council following Ofsted’s "
                         "inspection of services for children in need of help and protection, children looked after "
                         "and care leavers in Croydon, published on 4 September 2017, which judged the overall "
                         "effectiveness of the Council’s children’s services to be inadequate."))
    s.append(numbered(2, "The Notice will last for fifteen months from the date above. It sets out what the Council "
                         "must do, the targets it must meet, and how the Department for Education (“the Department”) "
                         "will judge its progress."))
    s.append(p("Measures", H2))
    s.append(numbered(3, "The Council, working with its partners on the Croydon Safeguarding Children Board, must:"))
    s.append(p("(a)  make sure that children who need help or protection are identified promptly at the front door "
               "and receive a timely and proportionate response;", ITEM))
    s.append(p("(b)  improve the quality and consistency of assessments and plans, including plans for children "
               "looked after and pathway plans for care leavers;", ITEM))
    s.append(p("(c)  give social workers caseloads that allow them to get to know each child and to work "
               "purposefully with the family; and", ITEM))
    s.append(p("(d)  recruit and keep a permanent, skilled workforce, reducing the Council’s reliance on agency "
               "social workers.", ITEM))
    s.append(p("Targets", H2))
    s.append(numbered(4, "The Council must achieve the following:"))
    s += bullets([
        "the percentage of children who become the subject of a child protection plan for a second or subsequent "
        "time to fall from 24% in 2016-17 to 20% by 30 September 2018, and to below 18% by 31 March 2019;",
        "at least 90% of reviews of children looked after to be held within timescale by the end of March 2019, "
        "measured year to date (78% in 2016-17);",
        "at least 95% of care leavers aged 19 to 21 to have a pathway plan reviewed within the last six months, as "
        "at 30 September 2018, and that level to be maintained thereafter (61% at 30 November 2017); and",
        "an improvement in the stability of placements for children who have been looked after for two and a half "
        "years or more.",
    ])
    s.append(numbered(5, "The Council must also meet the workforce targets in the table below."))
    header = ["Workforce measure", "Position at 30 September 2017", "30 September 2018", "31 March 2019"]
    rows = [
        ["Social worker vacancy rate (vacant posts as a percentage of established posts)", "33%", "25%", "18%"],
        ["Agency social workers as a percentage of all social workers", "41%", "30%", "20%"],
        ["Social worker turnover rate", "27%", "20%", "16%"],
        ["Average caseload of case-holding social workers (children per worker)", "26", "20", "17"],
        ["Permanent social workers in post (full-time equivalent)", "142", "170", "190"],
        ["Children’s cases awaiting allocation to a social worker", "112", "0", "0"],
        ["Average working days lost to sickness per social worker (FTE)", "11.4", "9", "8"],
    ]
    s.append(grid(header, rows, [78 * mm, 34 * mm, 29 * mm, 29 * mm]))
    s.append(Spacer(1, 4))
    s.append(p("The vacancy rate, agency rate, average caseload, number of permanent social workers and number of cases "
               "awaiting allocation are the position on the date shown. Turnover and sickness absence are measured "
               "over the 12 months ending on the date shown.", SMALL))
    s.append(p("Governance", H2))
    s.append(numbered(6, "The Council must maintain its Improvement Board under the independent chair appointed by "
                         "the Department in October 2017. The Board will meet every six weeks and will receive a "
                         "performance report covering every target in this Notice. The Department will not attend "
                         "the Board, but the chair will brief the Department’s officials after each meeting."))
    s.append(numbered(7, "The Council must send the Department a revised Improvement Plan, agreed by the Board, within "
                         "one month of the date of this Notice, and must adopt a workforce strategy, approved by its "
                         "Cabinet, by 31 March 2018."))
    s.append(p("Review", H2))
    s.append(numbered(8, "The Department will review progress in June 2018 and December 2018, and again in March 2019 "
                         "when the Notice comes to an end, and will advise Ministers on whether further action is "
                         "needed."))
    s.append(numbered(9, "If the Council fails to comply with this Notice, the Secretary of State may exercise her "
                         "powers of intervention under section 497A of the Education Act 1996."))
    s.append(Spacer(1, 10))
    s.append(p("Signed on behalf of the Secretary of State for Education"))
    build(os.path.join(out_dir, "croydon-2017.pdf"), "Improvement Notice: London Borough of Croydon", s,
          "Improvement Notice – London Borough of Croydon", "{page}")


# ---------------------------------------------------------------------------------------------------------------------
# Slough, 2024: the 2020-25 register. A previous statutory direction is revoked; a DfE-appointed improvement adviser;
# Table 1 has a Basis column; Table 2's note sets the basis by column, with two rows that are snapshots.

def slough(out_dir):
    s = []
    s.append(p("Department for Education", H2))
    s.append(p("Improvement Notice", H1))
    s.append(p("To: Slough Borough Council (‘the Council’)"))
    s.append(p("Address: Observatory House, 25 Windsor Road, Slough, SL1 2EL"))
    s.append(p("Date: 11 March 2024"))
    s.append(p("Introduction", H2))
    s.append(numbered(1, "Since 1 October 2021 the Council’s children’s social care functions have been carried out "
                         "under a statutory direction issued by the Secretary of State under section 497A(4B) of the "
                         "Education Act 1996. Ofsted’s inspection of local authority children’s services (ILACS) in "
                         "Slough, published on 12 January 2024, judged the overall effectiveness of those services to "
                         "require improvement to be good, an improvement on the previous judgement of inadequate."))
    s.append(numbered(2, "In the light of that progress the Secretary of State has revoked the direction of 1 October "
                         "2021 with effect from the date of this Notice, and issues this Improvement Notice (‘the "
                         "Notice’) so that the improvement is secured and continues. The Notice will remain in force "
                         "for 12 months from its date."))
    s.append(numbered(3, "The DfE-appointed improvement adviser, who has worked with the Council under the direction, "
                         "will continue to do so. The adviser will give the Council advice and challenge and will "
                         "report to the Department for Education (‘the Department’) on the Council’s progress."))
    s.append(p("Measures", H2))
    s.append(numbered(4, "The Council, working with its safeguarding partners, must:"))
    s.append(p("(a)  keep decisions at the front door timely and consistent with the agreed thresholds;", ITEM))
    s.append(p("(b)  make sure that strategy discussions, section 47 enquiries and child protection conferences are "
               "timely and that the police and health services take part in them;", ITEM))
    s.append(p("(c)  raise the quality of assessments, plans and case-file recording, so that more of them are good;",
               ITEM))
    s.append(p("(d)  make sure that plans for children in care and for care leavers are reviewed on time and "
               "reflect what each young person needs; and", ITEM))
    s.append(p("(e)  appoint a permanent Director of Children’s Services by 30 September 2024, and reduce the "
               "Council’s dependence on interim and agency staff.", ITEM))
    s.append(p("Targets", H2))
    s.append(numbered(5, "The Council must meet the targets in Table 1. The Basis column sets out how each measure is "
                         "to be calculated."))
    s.append(p("Table 1", SMALL))
    header = ["Measure", "Basis", "Position January 2024", "Target September 2024", "Target March 2025"]
    rows = [
        ["Single assessments completed within 45 working days of referral", "Year to date", "72%", "80%", "85%"],
        ["Re-referrals within 12 months of a previous referral", "Rolling 12 months", "27%", "24%", "22%"],
        ["Initial child protection conferences held within 15 working days of the strategy discussion",
         "In month", "55%", "75%", "85%"],
        ["Children becoming subject to a child protection plan within two years of a previous plan ending",
         "Rolling 12 months", "12%", "9%", "8%"],
        ["Child protection review conferences held within timescale", "Year to date", "89%", "95%", "98%"],
        ["Care leavers aged 19 to 21 with a pathway plan reviewed within the last six months",
         "Snapshot", "68%", "85%", "95%"],
        ["Strategy discussions attended by both the police and a health professional", "In month", "61%", "80%",
         "90%"],
    ]
    s.append(grid(header, rows, [64 * mm, 27 * mm, 26 * mm, 26 * mm, 27 * mm]))
    s.append(Spacer(1, 8))
    s.append(numbered(6, "The Council must also meet the milestones in Table 2."))
    s.append(p("Table 2", SMALL))
    header2 = ["Measure", "Baseline 2022-23", "December 2024", "March 2025"]
    rows2 = [
        ["Children in care whose statutory reviews were held within timescale", "88%", "95%", "95%"],
        ["Initial health assessments completed within 20 working days of the child coming into care",
         "39%", "65%", "75%"],
        ["Case file audits graded good or better", "18%", "30%", "40%"],
        ["Social worker vacancy rate", "31%", "25%", "20%"],
        ["Average caseload of case-holding social workers (children per worker)", "22", "19", "17"],
    ]
    s.append(grid(header2, rows2, [85 * mm, 28 * mm, 28 * mm, 29 * mm]))
    s.append(Spacer(1, 4))
    s.append(p("Table 2: December 2024 figures cover that month only and March 2025 figures cover the financial year "
               "to date, except the vacancy rate and the average caseload, which are taken as at the last day of the "
               "month shown.", SMALL))
    s.append(p("Governance", H2))
    s.append(numbered(7, "The Council must maintain an Improvement Board with an independent chair agreed with the "
                         "Department. The Board will meet every eight weeks and its membership will include the "
                         "Council’s statutory safeguarding partners. The DfE-appointed improvement adviser will "
                         "attend each meeting as the Department’s observer."))
    s.append(numbered(8, "The Council must send the Department an Improvement Plan, agreed by the Board, within one "
                         "month of the date of this Notice."))
    s.append(p("Review", H2))
    s.append(numbered(9, "The Department will review the Council’s progress six months and twelve months after the date "
                         "of this Notice, drawing on the improvement adviser’s reports, and will advise Ministers "
                         "whether the Notice can be lifted."))
    s.append(numbered(10, "If the Council does not make the progress required, the Secretary of State may use her "
                          "powers under section 497A of the Education Act 1996, including issuing a new direction."))
    s.append(Spacer(1, 10))
    s.append(p("Signed on behalf of the Secretary of State for Education"))
    build(os.path.join(out_dir, "slough-2024.pdf"), "Improvement Notice: Slough Borough Council", s,
          "Slough Borough Council: Improvement Notice, March 2024", "Page {page}")


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "Tests", "NoticeReaderTests", "Fixtures", "holdout2")
    out_dir = os.path.normpath(argv[1] if len(argv) > 1 else default)
    os.makedirs(out_dir, exist_ok=True)
    bury(out_dir)
    croydon(out_dir)
    slough(out_dir)
    for name in ("bury-2012.pdf", "croydon-2017.pdf", "slough-2024.pdf"):
        print(os.path.join(out_dir, name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
