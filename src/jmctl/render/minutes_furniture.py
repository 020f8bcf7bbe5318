"""The 版头 of a 纪要 (GB/T 9704-2012 10.3): the 纪要标志 in red at the masthead
position, the 期数 line, the issuing office and the date over a red rule. No 文号.

A 纪要 has neither 署名 nor seal; its 版记 (分送, 印发) is the ordinary one
(`furniture.add_colophon`).
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Twips

from jmctl.render import layout, ooxml, styles
from jmctl.render.outline import Masthead

# The office and the date stand one character in from the text block's edges, as the
# 印发 line of the 版记 does.
EDGE_INDENT = 1  # characters of the body size
IDEOGRAPHIC_SPACE = "\u3000"
TWIPS_PER_POINT = 20
ONE_LINE_MARGIN = 0.98  # of the text width: LibreOffice wraps a line filled to the twip
RULE_SIZE = 12  # eighths of a point: the 1.5 pt red rule of the ordinary 版头


@dataclass(frozen=True)
class MinutesMasthead(Masthead):
    """The 纪要's 版头: `mark` is the 纪要标志 (XX联席会议纪要); `issue` the 期数 line
    (第1期), `issued_by` and `issued_on` the office and the date printed under it."""

    issue: str
    issued_by: str
    issued_on: str


def mark_size(text: str) -> int:
    """Return the 纪要标志's size in half-points: as large as the 发文机关标志 may be
    (36 pt), but on one line. A CJK character is as wide as its size, so the text width in
    points over the characters, a little less for the line's own rounding."""
    points_per_character = layout.TEXT_WIDTH / TWIPS_PER_POINT / max(len(text), 1)
    return min(layout.MARK_MAX_SIZE, int(points_per_character * 2 * ONE_LINE_MARGIN))


def add_minutes_masthead(document: DocxDocument, masthead: MinutesMasthead) -> None:
    """The 纪要标志 with its top 35 mm below the text block's (as a 发文机关标志), a blank
    line, the 期数 centred, then the office left and the date right over the red rule."""
    size = mark_size(masthead.mark)
    mark = document.add_paragraph(style=styles.MARK)
    run = mark.add_run(masthead.mark)
    run.font.size = Twips(size * 10)
    mark.paragraph_format.space_before = Twips(layout.mark_space_before(size))
    document.add_paragraph(style=styles.BODY)
    issue = document.add_paragraph(style=styles.DOC_NUMBER)
    issue.add_run(masthead.issue)
    _office_and_date(document, masthead)


def _office_and_date(document: DocxDocument, masthead: MinutesMasthead) -> None:
    line = document.add_paragraph(style=styles.DOC_NUMBER)
    line.alignment = WD_ALIGN_PARAGRAPH.LEFT
    # Indented by a full-width space and a right tab, not by paragraph indents: a
    # paragraph's border runs between its indents, and the rule spans the text width.
    stop = layout.TEXT_WIDTH - EDGE_INDENT * layout.EM
    line.paragraph_format.tab_stops.add_tab_stop(Twips(stop), alignment=WD_TAB_ALIGNMENT.RIGHT)
    line.add_run(f"{IDEOGRAPHIC_SPACE * EDGE_INDENT}{masthead.issued_by}\t{masthead.issued_on}")
    ppr = line._p.get_or_add_pPr()
    ooxml.border(ppr, "bottom", RULE_SIZE, layout.RED, space=layout.RULE_BELOW_NUMBER)
