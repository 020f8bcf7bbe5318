"""The body's name and kind, and the documents its preamble cites (依据).

The name is read, in this order, from the title (关于成立…专班的通知, 全国安全生产委员会关于印发…),
then from the first text that establishes it (决定成立…, 成立由…任组长的…), adjusts its members
(决定对…指挥部组成人员进行调整) or mentions it in full (吐鲁番市…, 中共…委员会在…, 《…联席会议
2007年工作要点》). Every pattern is anchored on a literal word and bounded (a name is at most 40
characters), so a long paragraph costs linear time.
"""

from __future__ import annotations

import re
from typing import Any

from jmctl import gazetteer
from jmctl.genre import BASIS_NUMBER
from jmctl.importing.words import body_kind, body_names, import_words, longest_first

_BODIES = "|".join(sorted(body_names(), key=len, reverse=True))
_VERBS = "|".join(longest_first("body_name_verbs"))
# 创建“上海市园林街镇”工作领导小组: a quoted part is part of the name.
_QUOTED = r"“[^“”，。]{1,20}”"


def _name(chars: str) -> str:
    return rf"((?:{chars}|{_QUOTED}){{2,40}}?(?:{_BODIES}))"


_TITLE_NAME = _name(r"[^，。“”《》]")
_TEXT_NAME = _name(r"[^，。、“”《》]")
_IN_TITLE = re.compile(rf"关于(?:同意)?(?:{_VERBS})*{_TITLE_NAME}")
# 全国安全生产委员会关于印发…的通知: a body issuing a notice under its own name.
_ISSUING = re.compile(rf"^{_TITLE_NAME}关于")
# 决定成立…, 成立了…, 成立由县长刘朝晖同志任组长的…, 成立以“一部九办”为主体的…
_FOUNDING = re.compile(rf"(?:{_VERBS})了?([由以][^。；]{{1,60}}?的)?{_TEXT_NAME}")
# 决定对奈曼旗森林草原防灭火指挥部组成人员进行调整, 对…领导小组（以下简称领导小组）组成人员…
_ADJUSTED = re.compile(rf"对{_TEXT_NAME}(?:[（(]以下简称[^）)]{{1,12}}[）)])?(?:组成人员|成员)")
# 深圳市妇女儿童工作委员会成立于1994年: a page describing the body opens with its name.
_FOUNDED = re.compile(rf"^{_TITLE_NAME}成立于")
# …人民政府关于建立…, 相应的普查领导小组: a title or a phrase, not a name.
_NO_NAME = re.compile(rf"的|关于|{_VERBS}")
_CITED = re.compile(r"《([^《》]{1,80})》\s*[（(]([^（）()]{1,40})[）)]")


# A name at the start of a clause (12月9日，祁阳市…领导小组办公室…, 第一条开江县…指挥部是…);
# `_full` then checks that a place or a central organ heads it.
_MENTION = re.compile(
    rf"(?:^第[一二三四五六七八九十百]{{1,4}}条|^|[，。；：:、\s》《“”])([^，。、；：:“”《》\s]{{2,40}}?(?:{_BODIES}))"
)


def _full(name: str) -> bool:
    """A full name is headed by a place the gazetteer knows (吐鲁番市, 中共北川羌族自治县) or
    a central organ (中央, 国务院), and is no title (…人民政府关于建立…) nor a phrase (…的…)."""
    if _NO_NAME.search(name):
        return False
    name = name.removeprefix("中共")
    if name.startswith(tuple(import_words()["body_name_heads"])):
        return True
    return any(start == 0 for start, _, _ in gazetteer.find(name[:12]))


def meeting_name(notice: dict[str, Any], texts: list[str]) -> str | None:
    """Return the body's name from the title, or from the first text that names it."""
    title = notice.get("title", "")
    match = _IN_TITLE.search(title) or _ISSUING.search(title)
    if match:
        return match.group(1)
    for text in texts:
        found = _named_in(text)
        if found:
            return found
    return None


def _named_in(text: str) -> str | None:
    """The body's name a text establishes, adjusts or mentions in full, if any."""
    founded = _FOUNDED.match(text)
    if founded:
        return founded.group(1)
    founding = ((m.group(2), bool(m.group(1))) for m in _FOUNDING.finditer(text))
    adjusted = ((m.group(1), False) for m in _ADJUSTED.finditer(text))
    for printed, after_clause in (*founding, *adjusted):
        name = _founded_name(printed, after_clause)
        if name:
            return name
    for match in _MENTION.finditer(text):
        if _full(match.group(1)):
            return match.group(1)
    return None


def _founded_name(name: str, after_clause: bool) -> str | None:
    """The name a founding sentence gives. After a clause (成立了以副市长…为组长的淮南市…,
    成立由县长…任组长的永兴县…) only a full name is taken: …为副指挥长的巩卫领导小组 is a
    short name the text gives its body in passing."""
    if not _proper(name):
        return None
    tail = name.rsplit("的", 1)[-1]
    if (after_clause or tail != name) and not _full(tail):
        return None
    return _proper(tail)


def _proper(name: str) -> str | None:
    """A name, not a generic mention (相应的普查领导小组, 全县民族工作领导小组)."""
    if name.startswith(tuple(import_words()["body_name_not_starts"])) or name in body_names():
        return None
    return name


def standalone_name(name: str | None) -> str | None:
    """A standalone title's body name, without an annex label (附件1：…联席会议制度) or a
    trailing 工作 (…联席会议工作制度); None when it names no body of its own (联席会议制度)."""
    if not name:
        return None
    name = re.sub(r"^附件\s*\d{0,2}\s*[：:]?\s*", "", name)
    for end in body_names():
        if name.endswith(end + "工作"):
            name = name[: -len("工作")]
    return _proper(name)


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
