"""The outline of a document: styled paragraphs and tables, before any DOCX exists.

Everything here is plain data, so that the wording and order of a document can be
tested without Word, and the DOCX writer only has to lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypedDict, Unpack

from jmctl.render.page_format import PageFormat


@dataclass(frozen=True)
class Run:
    """Text in one formatting; `spread` adds character spacing (in em) to spread a label;
    `font` names a Word font for this run alone (the 黑体 of a 纪要's 出席：)."""

    text: str
    spread: float = 0.0
    font: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """One paragraph in a style of the reference DOCX; indents are in characters (em)."""

    style: str
    runs: tuple[Run, ...]
    left: float | None = None
    hanging: float | None = None
    right: float | None = None
    page_break_before: bool = False
    keep_next: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


class Layout(TypedDict, total=False):
    """A paragraph's layout fields, as `para` takes them."""

    left: float | None
    hanging: float | None
    right: float | None
    page_break_before: bool
    keep_next: bool


def para(style: str, text: str, **layout: Unpack[Layout]) -> Paragraph:
    """Return a one-run paragraph."""
    return Paragraph(style, (Run(text),), **layout)


@dataclass(frozen=True)
class Table:
    """A table: a header row repeated on every page, then rows; widths are relative."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    row_height: int = 0  # twips each row has at least (room to sign in); 0: as its text needs


@dataclass(frozen=True)
class Masthead:
    """The 版头: the red issuing-organ mark, the document number and the red rule."""

    mark: str
    doc_number: str | None
    page_format: PageFormat


@dataclass(frozen=True)
class Colophon:
    """The 版记 at the bottom of the last page."""

    cc: str | None
    printed_by: str | None
    print_date: str | None
    copies: str | None
    rules: bool = True  # the letter format's 版记 has neither rules nor the 印发 line


@dataclass(frozen=True)
class SectionBreak:
    """A new section on a new page, e.g. a landscape task table inside a portrait notice;
    page numbers continue."""

    landscape: bool


@dataclass(frozen=True)
class NameCard:
    """A 桌签 on a page of its own, folded along the page's long middle: the name upright
    on the lower half and turned 180° on the upper, so that both sides read once folded."""

    name: str
    size: int  # half-points
    number: int  # its place among the cards, from 1: the first starts no new page


Block = Paragraph | Table | SectionBreak | NameCard


@dataclass
class Outline:
    """A whole document: its blocks in order and what the page layout needs to know."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    masthead: Masthead | None = None
    colophon: Colophon | None = None
    landscape: bool = False
    date: date | None = None
    page_numbers: bool = True  # name cards have none

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def keep_last_with_next(self) -> None:
        """Keep the last paragraph on the page of whatever follows it."""
        if self.blocks and isinstance(self.blocks[-1], Paragraph):
            self.blocks[-1] = replace(self.blocks[-1], keep_next=True)

    def paragraphs(self) -> list[Paragraph]:
        return [block for block in self.blocks if isinstance(block, Paragraph)]
