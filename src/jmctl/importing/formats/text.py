"""Plain text: numbered lines, decoded as UTF-8, UTF-16 with its BOM, GB18030 or
(recognised) Big5.

`loading.decode_text` reads UTF-8 and falls back to GB18030; Big5 bytes read that
way become mojibake without error, since nearly every byte pair is valid GB18030.
Big5 is told apart by its second bytes: about two in five of a Big5 text's byte
pairs end in 0x40–0x7E, which GB2312 text never uses.
"""

from __future__ import annotations

import codecs
import re

from jmctl.findings import FILE_START, Finding
from jmctl.importing.formats.lines import Line, Source
from jmctl.loading import decode_text

# Control characters carry nothing a notice needs, and a DOCX cannot hold them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SAMPLE = 256 * 1024  # bytes looked at to tell Big5 from GB18030
_BIG5_SHARE = 0.15  # of byte pairs whose second byte is 0x40–0x7E


def read_text(raw: bytes, path: str) -> Source:
    """Return the lines of a text file's bytes; undecodable bytes give a finding."""
    text, findings = decode_document(raw, path)
    lines = (
        []
        if text is None
        else [
            Line(number, _CONTROL.sub("", line), where=f"第{number}行")
            for number, line in enumerate(text.splitlines(), 1)
        ]
    )
    return Source(path, lines, findings, "txt")


def decode_document(raw: bytes, path: str) -> tuple[str | None, list[Finding]]:
    """Return the text of `raw` and findings: Big5 when it looks like Big5, else as
    the data file loader decodes (UTF-8, then GB18030 with a warning)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:  # Notepad's "Unicode": a document, unlike a data file, may come so
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            pass
    big5 = _as_big5(raw)
    if big5 is not None:
        return big5, [Finding(path, FILE_START, "JM624")]
    return decode_text(raw, path)


def _as_big5(raw: bytes) -> str | None:
    """Return `raw` decoded as Big5 when it is not UTF-8 and its byte pairs look Big5."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None
    if not _big5_pairs(raw[:_SAMPLE]):
        return None
    for codec in ("cp950", "big5hkscs"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def _big5_pairs(sample: bytes) -> bool:
    pairs = low = index = 0
    end = len(sample) - 1
    while index < end:
        if sample[index] < 0x81:
            index += 1
            continue
        pairs += 1
        low += 0x40 <= sample[index + 1] <= 0x7E
        index += 2
    return pairs >= 4 and low >= _BIG5_SHARE * pairs
