"""Chinese text: full-width punctuation, and one script (simplified or traditional)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from jmctl.findings import Finding
from jmctl.genre import FULL_WIDTH as _FULL_WIDTH
from jmctl.loading import TreePath
from jmctl.rules.context import Context

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]")
_CONTEXT = 6


# C0 controls but tab and line breaks, DEL, and the C1 controls: none survives into a DOCX.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def check(context: Context) -> Iterator[Finding]:
    strings = context.strings
    for path, text in strings:
        control = _CONTROL.search(text)
        if control:
            yield context.at_char(
                "JM403", path, control.start(), char=f"U+{ord(control.group()):04X}"
            )
        finding = _half_width(context, path, text)
        if finding is not None:
            yield finding
    yield from _mixed_script(context, strings)


def _half_width(context: Context, path: TreePath, text: str) -> Finding | None:
    """Return one finding for all half-width punctuation beside Chinese in `text`."""
    hits = [
        match.start("mark")
        for match in _MARK_IN_CONTEXT.finditer(text)
        if _chinese(match["before"]) or _chinese(match["after"])
    ]
    if not hits:
        return None
    first = hits[0]
    chars = "".join(dict.fromkeys(text[i] for i in hits))
    full = "".join(_FULL_WIDTH[char] for char in chars)
    excerpt = text[max(0, first - _CONTEXT) : first + _CONTEXT + 1]
    return context.at_char(
        "JM401", path, first, char=chars, full=full, count=len(hits), context=f"…{excerpt}…"
    )


# A mark with the nearest characters that are not spaces on either side of it, found by
# the regex engine in one pass: a mark's neighbour that is itself a mark is not Chinese,
# so each match may start where the last one ended. (Slicing the text around every mark
# copied it once per mark: a 1.8 MB file took minutes.)
_MARK_IN_CONTEXT = re.compile(r"(?:(?P<before>\S)\s*)?(?P<mark>[,;:?!()])(?=\s*(?P<after>\S?))")


def full_width_fixes(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Return `text` with the half-width punctuation beside Chinese made full-width (the
    spaces around it dropped: full-width marks carry their own), and the replacements
    as (old, new) pieces that each include a neighbouring character, so that they can
    be found in the file's own text too. One pass over the text (see above)."""
    out: list[str] = []
    pairs: list[tuple[str, str]] = []
    done = 0
    for match in _MARK_IN_CONTEXT.finditer(text):
        at = match.start("mark")
        if at < done or not (_chinese(match["before"]) or _chinese(match["after"])):
            continue
        start = match.end("before") if match["before"] is not None else _space_start(text, at, done)
        end = match.start("after")
        full = _FULL_WIDTH[text[at]]
        pairs.append(_piece(text, at, full, start, end))
        out += [text[done:start], full]
        done = end
    if not pairs:
        return text, []
    out.append(text[done:])
    return "".join(out), pairs


def _space_start(text: str, at: int, floor: int) -> int:
    """Return where the spaces just before `at` begin (not before `floor`)."""
    while at > floor and text[at - 1].isspace():
        at -= 1
    return at


def _piece(text: str, at: int, full: str, start: int, end: int) -> tuple[str, str]:
    """Return the mark at `at` with the Chinese character it touches, old and new;
    `start`..`end` is the mark with the spaces around it."""
    if at > 0 and _CJK.match(text[at - 1]):
        return text[at - 1 : at + 1], text[at - 1] + full
    if at + 1 < len(text) and _CJK.match(text[at + 1]):
        return text[at : at + 2], full + text[at + 1]
    left, right = max(start - 1, 0), end + 1
    return text[left:right], text[left:at] + full + text[at + 1 : right]


def _chinese(char: str | None) -> bool:
    return bool(char and _CJK.match(char))


def _mixed_script(context: Context, strings: list[tuple[TreePath, str]]) -> Iterator[Finding]:
    """Flag characters of the minority script: traditional in a simplified file, or the reverse."""
    to_simplified, to_traditional = _converters()
    traditional = {path: _changed(text, to_simplified.convert(text)) for path, text in strings}
    if not any(traditional.values()):
        return  # the common case: all simplified, no need to look the other way
    simplified = {path: _changed(text, to_traditional.convert(text)) for path, text in strings}
    if sum(map(len, traditional.values())) > sum(map(len, simplified.values())):
        odd, names = simplified, ("繁体", "简体", "traditional", "simplified")
    else:
        odd, names = traditional, ("简体", "繁体", "simplified", "traditional")
    for path, text in strings:
        indexes = odd[path]
        if indexes:
            chars = "".join(dict.fromkeys(text[i] for i in indexes))
            yield context.at_char(
                "JM402",
                path,
                indexes[0],
                chars=chars,
                script_zh=names[0],
                other_zh=names[1],
                script_en=names[2],
                other_en=names[3],
            )


def _changed(text: str, converted: str) -> list[int]:
    """Return the indexes of the characters of `text` that the conversion changed."""
    if converted == text:
        return []
    if len(text) == len(converted):
        return [i for i, (a, b) in enumerate(zip(text, converted, strict=True)) if a != b]
    kept = set(converted)
    return [i for i, char in enumerate(text) if char not in kept]


@cache
def _converters() -> tuple[Any, Any]:
    # OpenCC loads its dictionaries once per process; the phrase tables keep words
    # such as 著名 from being taken for traditional.
    import opencc

    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
