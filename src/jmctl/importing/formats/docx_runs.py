"""The text a reader sees in one Word paragraph: runs that show, fields' results.

Hidden runs (w:vanish, w:specVanish, w:webHidden, directly or through a style),
deleted revisions (w:del, w:moveFrom), field instructions (w:instrText and what
stands between a field's begin and separate marks) and a content control's own
properties are not read; tracked insertions are read, as if accepted. Of the two
renderings markup compatibility offers (mc:Choice, mc:Fallback) only the first is
read, so that a text box is not read twice. Text boxes are returned to the caller,
which reads them as paragraphs of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree

from jmctl.importing.formats.ooxml import MC, M, toggle, w

_SKIPPED = frozenset(
    {
        w("pPr"),
        w("rPr"),
        w("sdtPr"),
        w("sdtEndPr"),
        w("fldData"),
        f"{{{MC}}}Fallback",
    }
)
_DELETED = frozenset({w("del"), w("moveFrom")})
_DELETED_TEXT = frozenset({w("delText")})
_INSERTED = frozenset({w("ins"), w("moveTo")})
_BREAKS = {w("br"): "\n", w("cr"): "\n", w("tab"): "\t", w("ptab"): "\t"}
_BREAKS |= {w("noBreakHyphen"): "-", w("softHyphen"): ""}
_PICTURES = frozenset({w("drawing"), w("pict"), w("object"), f"{{{MC}}}AlternateContent"})
# Tag names computed once: these are compared for every element of the document.
_R, _T, _RPR, _SDT, _CONTENT = w("r"), w("t"), w("rPr"), w("sdt"), w("sdtContent")
_FIELD, _FIELD_TYPE, _BOX, _MATH_T = w("fldChar"), w("fldCharType"), w("txbxContent"), f"{{{M}}}t"
_INSTRUCTIONS = frozenset({w("instrText"), w("delInstrText"), _RPR})
_STYLE_PATH, _VAL, _RSTYLE = f"{w('pPr')}/{w('pStyle')}", w("val"), w("rStyle")


@dataclass
class Seen:
    """What the reader met that a reader of the page does not see, or sees changed."""

    hidden: bool = False
    deleted: bool = False
    inserted: bool = False


@dataclass(frozen=True)
class Visibility:
    """Which styles hide their text, and whether the document's defaults do."""

    styles: Mapping[str, bool | None] = field(default_factory=dict)
    default: bool = False

    def hides(self, run_properties: etree._Element | None, paragraph_style: str) -> bool:
        """Direct formatting first, then the character style, the paragraph style, the
        document defaults: the order in which Word decides."""
        direct = toggle(run_properties)
        if direct is not None:
            return direct
        if run_properties is not None:
            character = run_properties.find(_RSTYLE)
            if character is not None:
                by_style = self.styles.get(character.get(_VAL, ""))
                if by_style is not None:
                    return by_style
        by_paragraph = self.styles.get(paragraph_style)
        return self.default if by_paragraph is None else by_paragraph


class InlineReader:
    """Reads paragraphs one after another; a field may span several paragraphs, so the
    state of open fields is kept from one paragraph to the next."""

    def __init__(self, visibility: Visibility, seen: Seen) -> None:
        self._visibility = visibility
        self._seen = seen
        self._fields: list[bool] = []  # per open field: still in its instruction part?
        self._instructing = 0  # how many open fields are in their instruction part
        self._parts: list[str] = []
        self._boxes: list[etree._Element] = []

    def paragraph(self, paragraph: etree._Element) -> tuple[str, list[etree._Element]]:
        """Return the visible text of `paragraph` (line breaks as \\n) and its text boxes."""
        self._parts, self._boxes = [], []
        style = paragraph.find(_STYLE_PATH)
        self._walk(paragraph, "" if style is None else style.get(_VAL, ""))
        return "".join(self._parts), self._boxes

    def _walk(self, element: etree._Element, style: str) -> None:
        for child in element:
            tag = child.tag
            if tag == _R:
                self._run(child, style)
            elif tag in _SKIPPED:
                continue
            elif tag in _DELETED:
                self._seen.deleted = True
            elif tag == _SDT:
                content = child.find(_CONTENT)  # what the control shows
                if content is not None:
                    self._walk(content, style)
            elif tag == _BOX:
                self._boxes.append(child)
            elif tag == _MATH_T:
                self._text(child.text, hidden=False)
            else:
                self._seen.inserted |= tag in _INSERTED
                self._walk(child, style)

    def _run(self, run: etree._Element, style: str) -> None:
        hidden = self._visibility.hides(run.find(_RPR), style)
        for child in run:
            tag = child.tag
            if tag == _FIELD:
                self._field(child.get(_FIELD_TYPE, ""))
            elif self._instructing or tag in _INSTRUCTIONS:
                continue
            elif tag == _T:
                self._text(child.text, hidden)
            elif tag in _BREAKS:
                if not hidden:
                    self._parts.append(_BREAKS[tag])
            elif tag in _DELETED_TEXT:
                self._seen.deleted = True
            elif tag in _PICTURES:
                if hidden:
                    self._seen.hidden = True
                else:
                    self._walk(child, style)

    def _text(self, text: str | None, hidden: bool) -> None:
        if not text:
            return
        if hidden:
            self._seen.hidden |= bool(text.strip())
        else:
            self._parts.append(text)

    def _field(self, kind: str) -> None:
        if kind == "begin":
            self._fields.append(True)
            self._instructing += 1
        elif kind == "separate" and self._fields and self._fields[-1]:
            self._fields[-1] = False
            self._instructing -= 1
        elif kind == "end" and self._fields and self._fields.pop():
            self._instructing -= 1
