#!/usr/bin/env python3
"""Writes notices as PDFs the way GOV.UK publishes them: A4 pages of text with a text layer, set in a proportional
font, paragraphs wrapped to the page, page numbers in the footer. Used to make the PDF fixtures of the notice reader's
tests (Tests/NoticeReaderTests/Fixtures/pdf/) from the text fixtures, and a scanned-like PDF with no text layer.

    python3 Benchmarks/notices/make_pdfs.py OUT_DIR NOTICE.txt [NOTICE.txt ...]

Needs reportlab (pip install reportlab); the product and its tests never run this script, they read its output.
"""
import os
import sys

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from xml.sax.saxutils import escape


# DejaVu Sans embedded (its glyphs cover every character the notices use, superscript footnote markers and curly
# quotes included), so that the text layer holds the notice as written.
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if not os.path.exists(FONT):
        raise SystemExit(f"{FONT} is missing (Debian package fonts-dejavu-core)")
    pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    return "DejaVuSans"


def footer(canvas, doc):
    canvas.saveState()
    canvas.setFont("DejaVuSans", 9)
    canvas.drawCentredString(A4[0] / 2, 12 * mm, f"Page {doc.page}")
    canvas.restoreState()


def write(text: str, out: str) -> None:
    styles = getSampleStyleSheet()
    body = ParagraphStyle("notice", parent=styles["BodyText"], fontName=register_font())
    story = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        raw = [line.rstrip() for line in block.split("\n") if line.strip()]
        if not raw:
            continue
        listed = len(raw) > 1 and all(l.lstrip()[:1] in "-•(" or l.lstrip()[:2].rstrip(".").isdigit() for l in raw[1:])
        if listed:
            # A list: each item a paragraph of its own, indented as deep as the text indents it (nested items deeper).
            for line in raw:
                depth = len(line) - len(line.lstrip())
                style = ParagraphStyle("item", parent=body, leftIndent=(6 + 6 * depth) * mm if depth else 0)
                story.append(Paragraph(escape(line.strip()), style))
        else:
            lines = [escape(line.strip()) for line in raw]
            # A block of short lines (an address) keeps its line breaks; prose is wrapped to the page.
            story.append(Paragraph("<br/>".join(lines) if max(len(l) for l in lines) < 60 else " ".join(lines), body))
        story.append(Spacer(1, 3 * mm))
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=20 * mm, bottomMargin=20 * mm,
                            title="Improvement Notice", author="Department for Education")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def scanned(out: str) -> None:
    """A page with a drawing and no text layer, as a scanned notice is."""
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(out, pagesize=A4)
    for i in range(40):
        c.line(25 * mm, (250 - i * 5) * mm, 185 * mm, (250 - i * 5) * mm)
    c.showPage()
    c.save()


def main() -> None:
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for path in sys.argv[2:]:
        name = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            write(f.read(), os.path.join(out_dir, name + ".pdf"))
    scanned(os.path.join(out_dir, "scanned-no-text.pdf"))


if __name__ == "__main__":
    main()
