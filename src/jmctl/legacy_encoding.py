"""Tell GB18030 (mainland) from Big5 (Taiwan, Hong Kong) when a file is not UTF-8.

Both are two-byte encodings over the same byte ranges, so Big5 text decodes as
GB18030 without an error, into nonsense: kana, Greek, box drawing and rare
characters. Real text in either encoding is made almost only of each standard's
common characters (GB2312 level 1, Big5 常用字), so the reading with the larger
share of common characters is the right one.
"""

from __future__ import annotations

from typing import NamedTuple

GB18030, BIG5 = "gb18030", "big5"
_SAMPLE = 4000  # characters: enough to decide, and keeps the guess cheap for a 2 MiB file


class Reading(NamedTuple):
    text: str
    encoding: str


def read_chinese(raw: bytes) -> Reading | None:
    """Return the likelier reading of `raw` as GB18030 or Big5, or None when neither
    gives Chinese text."""
    readings = [Reading(text, name) for name in (GB18030, BIG5) if (text := _decode(raw, name))]
    scored = [(score, reading) for reading in readings if (score := _common_share(reading.text))]
    if not scored:
        return None
    # GB18030 first on a tie: it is what mainland offices use.
    return max(scored, key=lambda pair: pair[0])[1]


def _decode(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _common_share(text: str) -> float:
    """Return the share of common Chinese characters among the non-ASCII characters of
    `text` (0 when it has no Chinese character at all)."""
    wide = [char for char in text if char > "\x7f"][:_SAMPLE]
    if not any("\u4e00" <= char <= "\u9fff" for char in wide):
        return 0.0
    return sum(map(_common, wide)) / len(wide)


def _common(char: str) -> bool:
    """Whether `char` is a common character or full-width punctuation in either standard."""
    if "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef" or char in "“”‘’—…·":
        return True
    return _in_range(char, "gb2312", 0xB0, 0xD7) or _in_range(char, BIG5, 0xA4, 0xC6)


def _in_range(char: str, encoding: str, first: int, last: int) -> bool:
    """Whether `char` encodes in `encoding` with a lead byte in first..last (its level 1)."""
    try:
        lead = char.encode(encoding)[0]
    except UnicodeEncodeError:
        return False
    return first <= lead <= last
