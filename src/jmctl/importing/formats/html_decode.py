"""The text of a saved web page: the charset its <meta> states, else as plain text.

Pages of Chinese government sites are often GBK or GB2312 and say so in a <meta>
tag; GB2312 and GBK are read as GB18030, which contains both.
"""

from __future__ import annotations

import codecs
import re

from jmctl.findings import Finding
from jmctl.importing.formats.text import decode_document

_META = re.compile(rb"""charset\s{0,8}=\s{0,8}["']?([A-Za-z0-9_.:-]{1,40})""", re.I)
_HEAD = 4096  # a browser looks for <meta charset> in the first 1024 bytes; we look further
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "cp950"}


def decode_page(raw: bytes, path: str) -> tuple[str | None, list[Finding]]:
    """Return the text of a page's bytes and findings about its encoding."""
    if raw.startswith(codecs.BOM_UTF8):
        return decode_document(raw, path)
    stated = _META.search(raw[:_HEAD])
    if stated:
        name = stated.group(1).decode("ascii").lower()
        try:
            return raw.decode(_WIDER.get(name, name)), []
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown charset: read the bytes as they are
    return decode_document(raw, path)
