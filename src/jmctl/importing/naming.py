"""The body's name and kind, and the documents its preamble cites (依据)."""

from __future__ import annotations

import re
from typing import Any

from jmctl.genre import BASIS_NUMBER
from jmctl.importing.words import body_kind, body_names

_BODIES = "|".join(sorted(body_names(), key=len, reverse=True))
_IN_TITLE = re.compile(
    rf"关于(?:同意)?(?:成立|建立|设立|调整完善|调整|印发|完善|组建|撤销)*(?:建立)?"
    rf"([^，。“”《》]{{2,40}}?(?:{_BODIES}))"
)
# 全国安全生产委员会关于印发…的通知: a body issuing a notice under its own name.
_ISSUING = re.compile(rf"^([^，。“”《》]{{2,40}}?(?:{_BODIES}))关于")
_IN_TEXT = re.compile(
    rf"(?:成立|建立|设立|调整完善|调整|组建)([^，。、“”《》]{{2,40}}?(?:{_BODIES}))"
)
# 深圳市妇女儿童工作委员会成立于1994年: a page describing the body opens with its name.
_FOUNDED = re.compile(rf"^([^，。“”《》]{{2,40}}?(?:{_BODIES}))成立于")
_CITED = re.compile(r"《([^《》]{1,80})》\s*[（(]([^（）()]{1,40})[）)]")


def meeting_name(notice: dict[str, Any], texts: list[str]) -> str | None:
    """Return the body's name from the title, or from the first text that founds it."""
    match = _IN_TITLE.search(notice.get("title", "")) or _ISSUING.search(notice.get("title", ""))
    if match:
        return match.group(1)
    for text in texts:
        match = _IN_TEXT.search(text) or _FOUNDED.match(text)
        if match:
            return match.group(1)
    return None


def kind_of(name: str) -> str | None:
    """The kind of body a name ends with, or None when it ends with none (a standalone
    title's stub that names a task rather than a body, whose body the text must tell)."""
    return body_kind(name) if name.endswith(tuple(body_names())) else None


def basis(preamble: list[str]) -> list[dict[str, str]]:
    """Return the documents the preamble cites (根据《…》（中办发〔2020〕18号）), in order."""
    found = []
    for text in preamble:
        for title, number in _CITED.findall(text):
            if BASIS_NUMBER.fullmatch(number.strip()):
                found.append({"title": title, "number": number.strip()})
    return found
