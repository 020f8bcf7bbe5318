"""Runs of text in a paragraph: line breaks, letter spacing, East Asian hints."""

from __future__ import annotations

from docx.enum.text import WD_BREAK
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from jmctl.render import layout, ooxml

SHARED_PUNCTUATION = frozenset("“”‘’—…·")  # in both the Latin and the East Asian fonts


def add_run(paragraph: Paragraph, text: str, spread: float = 0.0, font: str | None = None) -> Run:
    """Add `text` to `paragraph` as one run: newlines as line breaks, `spread` (em) as
    extra character spacing, `font` (a Word font name) instead of the style's."""
    lines = text.split("\n")
    run = paragraph.add_run(lines[0])
    for line in lines[1:]:
        run.add_break(WD_BREAK.LINE)
        run.add_text(line)
    if spread:
        rpr = run._r.get_or_add_rPr()
        ooxml.set_value(rpr, "w:spacing", layout.CHAR_SPACING + round(spread * layout.EM))
    if font is not None:
        ooxml.set_fonts(run._r.get_or_add_rPr(), font, layout.FONTS.latin)
    if any(char in SHARED_PUNCTUATION for char in text):
        # Word sets these in the Latin font unless the run says they are East Asian.
        ooxml.east_asian_hint(run._r.get_or_add_rPr())
    return run
