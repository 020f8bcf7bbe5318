"""Source lines → blocks: the text an importer reads, normalised once.

Blank lines go; traditional characters become simplified when the document is mostly
simplified (or when asked); half-width punctuation beside Chinese becomes full-width;
ideographic spaces become plain. Each change is noted with its line. Symbols a web
mirror injected inside words (管▃委会, 政ω府) are kept and reported.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from jmctl.findings import Finding, Mark
from jmctl.genre import CITED_NUMBER, CLOSING, OPENING, full_width
from jmctl.importing.sources import Line
from jmctl.importing.text import ScriptChange, to_simplified, traditional_share


@dataclass(frozen=True)
class Block:
    """A paragraph (or a line of a text file) or a table row, with where it was."""

    number: int
    text: str
    cells: tuple[str, ...] = ()
    table: int = 0
    index: int = 0  # its place among the blocks: a line split in two gives two blocks

    @property
    def is_row(self) -> bool:
        return bool(self.cells)


@dataclass(frozen=True)
class Injected:
    """A symbol found inside a word: line, column (1-based) and the symbol."""

    line: int
    column: int
    symbol: str


def blocks_of(lines: list[Line], to_simple: bool | None) -> tuple[list[Block], list[ScriptChange]]:
    """Return the non-blank lines as blocks, normalised, and the changes made to them.

    `to_simple` forces (True) or forbids (False) conversion to simplified characters;
    None converts a document that has traditional characters in it: a traditional
    mirror, or a half-converted one."""
    texts = [(line, text) for line in lines for text in _paragraphs_of(line)]
    blocks = [
        Block(line.number, text, line.cells, line.table, index)
        for index, (line, text) in enumerate(texts)
    ]
    changes: list[ScriptChange] = []
    share = traditional_share([block.text for block in blocks])
    if to_simple or (to_simple is None and share > 0):
        blocks = _rewrite(blocks, to_simplified, changes, "script")
    blocks = _rewrite(blocks, _without_pinyin, changes, "pinyin")
    blocks = _rewrite(blocks, full_width, changes, "punctuation")
    return _rewrite(blocks, year_brackets, changes, "number"), changes


_YEAR_IN_BRACKETS = re.compile(rf"[{re.escape(OPENING)}](\s*\d{{2,4}}\s*)[{re.escape(CLOSING)}]")


def year_brackets(text: str) -> str:
    """川政办[2011]75号 → 川政办〔2011〕75号: a web copy's brackets around a 文号's year
    become the 六角括号 the number is printed with (`jmctl check` still reports the copy's)."""
    return CITED_NUMBER.sub(lambda found: _YEAR_IN_BRACKETS.sub(r"〔\1〕", found.group(), 1), text)


def _rewrite(
    blocks: list[Block], change: Callable[[str], str], changes: list[ScriptChange], what: str
) -> list[Block]:
    rewritten = []
    for block in blocks:
        text = change(block.text)
        if text != block.text:
            changes.append(ScriptChange(block.number, block.text, text, what))
        cells = tuple(change(cell) for cell in block.cells)
        unchanged = text == block.text and cells == block.cells
        rewritten.append(block if unchanged else replace(block, text=text, cells=cells))
    return rewritten


# A mirror's reading aids: pinyin in brackets after a character (领（lǐng）导).
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[）)]")


def _without_pinyin(text: str) -> str:
    return _PINYIN.sub("", text)


def pinyin_finding(path: str, change: ScriptChange) -> Finding:
    """JM663 for a line the import took a mirror's pinyin out of: where the first one
    was, with the character before it, and how many the line had."""
    found = list(_PINYIN.finditer(change.before))
    first = found[0] if found else None
    column = first.start() + 1 if first else 1
    context = change.before[max(0, column - 2) : first.end()] if first else ""
    args = {"count": len(found), "context": context}
    return Finding(path, Mark(max(change.line, 1), column), "JM663", args)


_BULLET = re.compile(r"^[•·▪◆●■]\s*")
# Where a web copy that ran a whole document into one line had its paragraph breaks: after
# a sentence, before a heading, around the date of the signature, after a title.
_BREAK = re.compile(
    r"(?<=[。：；！？])\s+|\s+(?=[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)"
    r"|\s+(?=\d{4}年\d{1,2}月\d{1,2}日\s)|(?<=\d日)\s+|(?<=制度|通知|名单|分工)\s+"
)


def _paragraphs_of(line: Line) -> list[str]:
    """The text of a line, bullets cut; a line that holds a whole document (a web copy
    that lost its line breaks) split where its paragraphs ended."""
    text = _BULLET.sub("", line.text.replace("\u3000", " ").strip())
    if not text:
        return []
    if line.cells or len(text) < 300 or text.count(" ") < 3:
        return [text]
    return [part for part in _BREAK.split(text) if part.strip()]


_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_ORDINARY = set("、，。：；（）《》〈〉「」『』“”‘’！？…—·-－/|[]〔〕［］ ")
_PAIRS = {"【": "】", "〖": "〗", "「": "」", "『": "』"}


def injected_symbols(blocks: list[Block]) -> list[Injected]:
    """Return the symbols that sit between two Chinese characters where no document
    puts one: box drawing, Greek letters, mathematical signs, unpaired brackets."""
    found = []
    for block in blocks:
        text = block.text
        closes = {close: text.rfind(close) for close in _PAIRS.values()}
        opens = {open_: text.find(open_) for open_ in _PAIRS}
        for index in range(1, len(text) - 1):
            char = text[index]
            if char in _ORDINARY or _WORD.match(char) or char.isdigit() or char.isascii():
                continue
            if not (_WORD.match(text[index - 1]) and _WORD.match(text[index + 1])):
                continue
            if char in _PAIRS and closes[_PAIRS[char]] > index:
                continue  # 【打印】: a pair, not an injection
            if char in closes and any(0 <= o < index for o in opens.values()):
                continue
            if unicodedata.category(char)[0] in "SLP":
                found.append(Injected(block.number, index + 1, char))
    return found


def texts_by_line(lines: list[Line] | list[Block]) -> dict[int, str]:
    """Return the text of each line number (the first line of that number): looked up
    once per symbol found, so a dictionary, not a scan of the lines for each."""
    texts: dict[int, str] = {}
    for line in lines:
        texts.setdefault(line.number, line.text)
    return texts


def injected_finding(path: str, found: Injected, texts: dict[int, str]) -> Finding:
    """JM609 at the symbol, with a few characters either side (`texts`: `texts_by_line`)."""
    text = texts.get(found.line, "")
    start = max(0, found.column - 4)
    context = text[start : found.column + 3]
    return Finding(
        path,
        Mark(max(found.line, 1), found.column),
        "JM609",
        {"char": found.symbol, "context": context},
    )
