"""Read a rendered DOCX back: its body as (style, text) lines, in document order."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


def body_lines(data: bytes) -> list[str]:
    """Return one line per body paragraph ("style<TAB>text") and per table cell ("| ...")."""
    document = Document(BytesIO(data))
    lines = []
    for element in document.element.body:
        if element.tag == qn("w:p"):
            paragraph = Paragraph(element, document)
            lines.append(f"{paragraph.style.name}\t{paragraph.text}".replace("\n", "⏎"))
        elif element.tag == qn("w:tbl"):
            for row in Table(element, document).rows:
                cells = [cell.text.replace("\n", "⏎") for cell in row.cells]
                lines.append("| " + " | ".join(cells))
    return lines
