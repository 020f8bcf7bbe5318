"""One person as a roster prints them: name and post in every order and spacing.

马 凯  国务院副总理 (padded), 肖亚庆  国务院副秘书长, 陈芸副省长 (fused), 孙会方（县委
常委、副县长） (post in brackets), 李卫宁 (a name alone), 市政府分管副市长 (a post
alone), 民政部部长李纪恒 (post, then name).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from jmctl.importing.words import any_of, import_words, longest_first

_CJK = r"[\u4e00-\u9fff]"
_PADDED = re.compile(rf"^({_CJK})[ \t]+({_CJK})(?:[ \t]+|(?=[（(])|(?={_CJK}))(\S.*)?$")
# A Han name, or a transliterated one with its parts joined by · (尼加提·尼亚孜).
_NAME = rf"(?:{_CJK}{{1,10}}(?:·{_CJK}{{1,10}}){{1,3}}|{_CJK}{{2,4}})"
_SPACED = re.compile(rf"^({_NAME})[ \t]+(\S.*)$")
_BRACKETED = re.compile(rf"^({_NAME})[ \t]*[（(](.+)[）)]$")
_NAME_ONLY = re.compile(rf"^{_NAME}$")
_TRANSLITERATED = re.compile(rf"{_CJK}{{1,10}}(?:·{_CJK}{{1,10}}){{1,3}}")
_PADDED_ONLY = re.compile(rf"^({_CJK})[ \t]+({_CJK})$")


@cache
def _surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    words = import_words()
    return frozenset(words["surnames"]), tuple(words["compound_surnames"])


_HAN = re.compile(rf"{_CJK}+")


@lru_cache(maxsize=1 << 14)
def could_be_name(text: str) -> bool:
    """Return whether `text` (2–4 characters) starts with a common surname."""
    singles, compounds = _surnames()
    if "·" in text:
        return bool(_TRANSLITERATED.fullmatch(text))
    if not 2 <= len(text) <= 4 or not _HAN.fullmatch(text):
        return False
    return text.startswith(compounds) or (text[0] in singles and len(text) <= 3)


def starts_like_post(text: str) -> bool:
    """Return whether `text` starts the way a post or a unit does (省, 市委, 国务院, 副)."""
    return text.startswith(_post_or_unit_starts()) or _starts_with_place(text[:12])


@lru_cache(maxsize=1 << 14)
def _starts_with_place(text: str) -> bool:
    """珠海市副市长, 广东恒健投资控股有限公司: a division's name (or its short form) first."""
    from jmctl import gazetteer

    return any(start == 0 for start, _, _ in gazetteer.find(text))


@cache
def _post_or_unit_starts() -> tuple[str, ...]:
    words = import_words()
    return (*words["post_starts"], *words["unit_starts"], *_UNIT_STARTS)


_UNIT_STARTS: tuple[str, ...]  # grown below, a few words a line
_UNIT_STARTS = ("省", "市", "县", "区", "州", "镇", "乡", "国务院", "中央", "全国", "国家", "团")
_UNIT_STARTS += ("人民政府", "政府", "委", "人大", "政协", "纪委", "直属", "妇联", "科协")
_UNIT_STARTS += ("共青团", "中共", "人民银行", "人行", "各", "驻", "武警", "中国")


def person(entry: str) -> tuple[str | None, str]:
    """Return (name or None, post as printed) of one roster entry."""
    entry = _without_stray_bracket(entry.strip().rstrip("；;，,。"))
    if is_prefixed_unit(entry):
        return None, entry  # 区人民政府分管区领导: 区 is a prefix here, not a surname
    padded = _PADDED.match(entry)
    if padded and could_be_name(padded.group(1) + padded.group(2)):
        return padded.group(1) + padded.group(2), (padded.group(3) or "").strip("（）() ")
    bracketed = _BRACKETED.match(entry)
    if bracketed and (
        could_be_name(bracketed.group(1))
        or (len(bracketed.group(1)) <= 3 and starts_like_post(bracketed.group(2)))
    ):  # 竞中梅（市科技局局长）: a post in brackets follows a name
        return bracketed.group(1), bracketed.group(2)
    spaced = _SPACED.match(entry)
    if spaced and (
        could_be_name(spaced.group(1))
        or (len(spaced.group(1)) <= 3 and starts_like_post(spaced.group(2)))
    ):
        return spaced.group(1), re.sub(r"^[ \t]+", "", spaced.group(2))
    if _NAME_ONLY.match(entry) and could_be_name(entry):
        return entry, ""
    fused = _fused(entry)
    if fused is not None:
        return fused
    return None, entry


def _without_stray_bracket(entry: str) -> str:
    """滕合方县政府办公室副主任）: a mirror lost the opening bracket; the closing one goes."""
    if entry.endswith(("）", ")")) and not any(mark in entry for mark in "（("):
        return entry[:-1]
    return entry


def is_prefixed_unit(text: str) -> bool:
    """Return whether `text` starts with a prefix and a unit (区人民政府, 市委宣传部)."""
    return text[:1] in "省市县区州镇乡" and starts_like_post(text[1:]) and not _PADDED.match(text)


def _fused(entry: str) -> tuple[str, str] | None:
    """陈芸副省长, 吴立官团省委副书记: the shortest name after which a post starts."""
    starts = _post_or_unit_starts()
    for strong in (True, False):  # a known post or unit start first, a place name then
        for size in (2, 3, 4):
            name, rest = entry[:size], entry[size:]
            fits = rest.startswith(starts) if strong else starts_like_post(rest)
            if could_be_name(name) and len(rest) >= 2 and fits:
                return name, rest
    return None


def names_only(entry: str) -> list[str] | None:
    """Return the names of "裘东耀、赵树梅" (names without posts), or None."""
    parts = [part.strip() for part in re.split(r"[、，,]", entry) if part.strip()]
    names = [re.sub(r"[ \t]+", "", part) for part in parts]
    if parts and all(
        (_NAME_ONLY.match(n) and could_be_name(n)) or _PADDED_ONLY.match(p)
        for n, p in zip(names, parts, strict=True)
    ):
        return names
    return None


def without_comrade(text: str) -> str:
    """郑瑞峰同志 → 郑瑞峰, 汪爱梅、江永龙等同志 → …江永龙: prose names a person with 同志 and
    closes a list with 等; 分管负责同志, 领导同志 are posts and keep their words."""
    text = text.strip()
    if not text.endswith("同志"):
        return text.removesuffix("等")
    bare = text[:-2].removesuffix("等")
    last = bare.rsplit("、", 1)[-1]  # the list's last item names the person before 同志
    return bare if could_be_name(last) or post_then_name(last)[0] is not None else text


def post_then_name(text: str) -> tuple[str | None, str]:
    """Return (name, post) of "民政部部长李纪恒": the name after the post's last word."""
    text = text.strip()
    ends = longest_first("post_ends")
    best: tuple[str | None, str] = (None, text)
    for end in ends:
        index = text.rfind(end)
        if index < 0:
            continue
        name = text[index + len(end) :].removesuffix("同志")
        if could_be_name(name) and (best[0] is None or index + len(end) > len(best[1])):
            best = (name, text[: index + len(end)])
    return best


def people_run(text: str) -> list[tuple[str, str]] | None:
    """Split a roster run together with no separators (姜大明国土资源部部长丁向阳国务院
    副秘书长…) at each post's last word followed by a name; None when it is not one."""
    if len(text) < 12 or re.search(r"\s", text) or is_prefixed_unit(text):
        return None
    pattern = any_of("post_ends")
    people: list[tuple[str, str]] = []
    start = 0
    while start < len(text):
        size = _name_size(text, start)
        if size == 0:
            return None
        cut = len(text)
        for match in pattern.finditer(text, start + size + 1):
            if _name_size(text, match.end()):
                cut = match.end()
                break
        people.append((text[start : start + size], text[start + size : cut]))
        start = cut
    return people if len(people) >= 2 else None


def _name_size(text: str, at: int) -> int:
    """The length of the name starting at `at`: 3 unless only 2 leaves a post after it."""
    if not could_be_name(text[at : at + 2]):
        return 0
    if starts_like_post(text[at + 2 :]) and not starts_like_post(text[at + 3 :]):
        return 2
    return 3 if len(text) - at > 3 else 2


def _unit_before_post(text: str) -> str:
    """区政府办公室 of 区政府办公室主要负责人: the part before 分管 or 主要."""
    match = re.search(r"分管|主要", text)
    return text[: match.start()] if match and match.start() >= 2 else ""


def split_posts(text: str) -> list[str]:
    """Split posts standing for several people (市政府副秘书长、市民政局局长; 办公室主任和
    财政局局长); a post after the last of several units is each unit's (市教委、市公安局
    分管负责人 → 市教委分管负责人, 市公安局分管负责人). One post otherwise."""
    pieces = [
        p.strip() for p in re.split(r"、|和(?=[省市县区州镇乡分主])|以及|及(?=[省市县区])", text)
    ]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2 or person(text)[0] is not None:
        return [text]
    ends = (*import_words()["post_ends"], "领导", "负责人", "负责同志")
    if all(piece.endswith(ends) for piece in pieces):
        head = _unit_before_post(pieces[0])  # 区政府办公室主要负责人和分管负责人
        return [pieces[0]] + [
            head + piece if head and piece.startswith(("分管", "主要")) else piece
            for piece in pieces[1:]
        ]
    *units, last = pieces
    unit_ends = longest_first("unit_ends")
    if last.endswith(ends) and all(unit.endswith(unit_ends) for unit in units):
        for end in range(len(last) - 1, 1, -1):  # the post after the last unit's name
            if last[:end].endswith(unit_ends) and starts_like_post(last[end:]):
                return [unit + last[end:] for unit in units] + [last]
    return [text]
