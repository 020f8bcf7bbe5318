"""Wrap help text that mixes Chinese and Latin by the columns a terminal shows.

A Chinese character takes two columns and a line may break between any two of
them, but never before closing punctuation (，。、）…); Latin words break at
spaces as usual. click's own wrapper counts characters and breaks only at
spaces, which makes Chinese help lines twice too wide.
"""

from __future__ import annotations

import unicodedata

_NO_LINE_START = set("，。、；：？！）》」』”’%")
_NO_LINE_END = set("（《「『“‘")


def columns(text: str) -> int:
    """Return how many terminal columns `text` takes."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Return one paragraph broken into lines of at most `width` columns, indents included."""
    lines: list[str] = []
    line, used, empty = first, columns(first), True
    for token in _tokens(text):
        size = columns(token)
        if token == " ":
            if not empty and used < width:
                line, used = line + " ", used + 1
            continue
        if used + size > width and not empty:
            lines.append(line.rstrip())
            line, used = rest, columns(rest)
        line, used, empty = line + token, used + size, False
    if line.strip():
        lines.append(line.rstrip())
    return lines


def wrap_paragraphs(text: str, width: int, indent: str = "") -> str:
    """Wrap every paragraph of `text`; a paragraph starting with a `\\b` line is kept as is."""
    out: list[str] = []
    for paragraph in text.split("\n\n"):
        rows = paragraph.splitlines()
        if rows and rows[0].strip() == "\b":
            out.append("\n".join(f"{indent}{row}" for row in rows[1:]))
        else:
            out.append("\n".join(wrap(_join(rows), width, indent, indent)))
    return "\n\n".join(out)


def _join(rows: list[str]) -> str:
    """Join a paragraph's source lines: no space between two Chinese characters."""
    text = ""
    for row in (row.strip() for row in rows):
        if not row:
            continue
        if text and not _close(text[-1], row[0]):
            text += " "
        text += row
    return text


def _close(before: str, after: str) -> bool:
    """Whether two characters meeting at a line break are written without a space:
    two Chinese characters, or Chinese punctuation on either side."""
    punctuation = _NO_LINE_START | _NO_LINE_END
    return (is_wide(before) and is_wide(after)) or before in punctuation or after in punctuation


def _tokens(text: str) -> list[str]:
    """Split into Latin words, single wide characters and single spaces; closing
    punctuation stays with what precedes it."""
    tokens: list[str] = []
    word = ""
    for char in text:
        if char == " " or is_wide(char):
            if word:
                _add(tokens, word)
                word = ""
            if char in _NO_LINE_START and tokens:
                tokens[-1] += char
            else:
                _add(tokens, char)
        else:
            word += char
    if word:
        _add(tokens, word)
    return tokens


def _add(tokens: list[str], token: str) -> None:
    """Append `token`, or join it to an opening bracket that must not end a line."""
    if tokens and tokens[-1][-1] in _NO_LINE_END and token != " ":
        tokens[-1] += token
    else:
        tokens.append(token)
