"""Unit names as documents list them: split a list, share its prefixes, tell unit from post.

"市民政局、司法局、公安局" names 市司法局 and 市公安局; "市委宣传部、统战部" names
市委统战部; a prefix dropped mid-list is the previous item's; 和/及/以及 may join the
last item; brackets hold aliases (区委宣传部（网信办）) and are never split.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jmctl.importing.words import abbreviations, import_words, longest_first

_PREFIX_CHARS = "省市县区州盟旗镇乡"
_OWN_STARTS: tuple[str, ...]  # grown below, a few words a line
_OWN_STARTS = ("各", "团", "共青团", "中国", "中共", "中央", "全国", "国家", "国务院", "人民银行")
_OWN_STARTS += ("人行", "驻", "武警", "军分区", "人武部", "海关", "国网", "中石", "邮政", "民航")
_COUNT_TAIL = re.compile(
    r"(?:等|共)?(?:共计|共有)?\s*(?:\d+|[一二两三四五六七八九十百]+)\s*(?:[个家]|(?=部门|单位))"
    r"[^、，]{0,12}$"
)


def split_list(text: str) -> list[str]:
    """Return the items of a list joined by 、 ， ； (never inside brackets)."""
    items, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        elif char in "、，,；;" and depth == 0:
            items.append(text[start:index])
            start = index + 1
    items.append(text[start:])
    return [item.strip(" 。") for item in items if item.strip(" 。")]


# 等29个部门和单位: the list ends there, whatever the sentence goes on to say.
_CLAUSE_END = re.compile(r"[，,；;。]")
_COUNT_END = re.compile(
    r"等(?:共计|共有|共)?\s*(?:\d{1,3}|[一二两三四五六七八九十百]{1,4})\s*(?:[个家]|(?=部门|单位))"
)


def unit_list(text: str) -> list[str]:
    """Return the units a printed list names, with what follows it cut and prefixes shared."""
    end = _COUNT_END.search(text)
    if end is not None:  # …等29个部门和单位，市民政局为牵头单位: the rest is no list
        after = _CLAUSE_END.search(text, end.end())
        text = text[: after.start()] if after else text[: end.start()]  # 等36个县委、县政府部门…
    text = _COUNT_TAIL.sub("", text.strip().rstrip("。；"))
    items = [
        piece
        for item in split_list(text)
        for piece in _split_last(_cut_post(_cut_tail(_cut_head(item))))
    ]
    return share_prefixes([item for item in items if looks_like_unit(item)])


def _cut_head(item: str) -> str:
    """Cut what leads into the last item: "，以及辖区内各居委" names 各居委."""
    for _ in range(2):
        head = next((word for word in longest_first("list_heads") if item.startswith(word)), "")
        if not head or len(item) <= len(head) + 1:
            break
        item = item[len(head) :]
    return item


def _cut_tail(item: str, rounds: int = 3) -> str:
    """Cut what follows the last unit: 负责同志, 等; again for 武警中队等分管领导,
    环保局等共计28家部门单位主要负责同志, 电信分公司的负责人或分管领导."""
    for _ in range(rounds):
        cut = _COUNT_TAIL.sub("", item).rstrip("或和及与").removesuffix("的")
        for tail in longest_first("list_tails"):
            if cut.endswith(tail) and len(cut) > len(tail) + 1:
                cut = cut[: -len(tail)].rstrip("或和及与").removesuffix("的")
                break
        if cut == item or len(cut) < 2:
            return item
        item = cut
    return item


def _cut_post(item: str) -> str:
    """Cut a post printed after a listed unit (县委宣传部、县民政局副局长、县农业局): the
    list names the unit; the post is one of its officers, never part of its name."""
    post = next((end for end in longest_first("post_ends") if item.endswith(end)), "")
    head = item[: -len(post)] if post else item
    return head if len(head) >= 3 and head.endswith(longest_first("unit_ends")) else item


def _split_last(item: str) -> list[str]:
    """Split "民政局和财政局" (joined by 和, 及, 以及) when both sides end like units;
    "工业和信息化局" stays whole."""
    ends = longest_first("unit_ends")
    for joint in ("以及", "及", "和"):
        head, found, tail = item.rpartition(joint)
        head = _cut_tail(head) if found else head  # A等单位分管领导以及各区政府
        own = tail.startswith("其")  # 各居委及其物业公司: its companies, one entry with it
        if (
            found
            and not own
            and _without_alias(head).endswith(ends)  # 各区（新区）以及市水务集团
            and looks_like_unit(tail)
            and _outside(head, tail)
        ):
            return [*_split_last(head), tail.removeprefix("与")]
    return [item]


def _without_alias(item: str) -> str:
    """各区 of 各区（新区）: a bracket closing the item holds an alias, not its ending."""
    if item.endswith(("）", ")")):
        return re.split(r"[（(]", item)[0] if "（" in item or "(" in item else item
    return item


def _outside(head: str, tail: str) -> bool:
    """Whether the joint stands between brackets, not in them: 司法所和各村（社区） joins two
    units, 宣传部（网信办和文明办） does not."""
    return head.count("（") == head.count("）") and tail.count("（") == tail.count("）")


def looks_like_unit(item: str) -> bool:
    """Return whether `item` reads as a unit name (2–40 characters, not a sentence)."""
    return 2 <= len(item) <= 40 and not item.endswith(("。", "：")) and "担任" not in item


_NOT_PREFIX = ("市场", "市政", "区域", "县域", "乡村", "镇村", "州府")


def prefix_of(item: str) -> str | None:
    """Return the prefix a unit name starts with (市委, 市, 县), or None when it has its
    own form (团市委, 各镇人民政府, 国家统计局) or none (市场监管局 in a shared list)."""
    if item[:1] in _PREFIX_CHARS and item[1:3] == "政府":  # 市政府法制办, not 市政公用局
        return item[:1]
    if item.startswith(_OWN_STARTS) or item.startswith(_NOT_PREFIX):
        return None
    if item[:1] in _PREFIX_CHARS:
        return item[:2] if item[1:2] == "委" else item[:1]
    return None


def share_prefixes(items: list[str]) -> list[str]:
    """Give each item without a prefix the prefix of the item before it."""
    shared: list[str] = []
    previous: str | None = None
    for item in items:
        own = prefix_of(item)
        foreign = item[:1].isascii()  # a mirror's junk or a Latin name: no prefix of ours
        if own is not None or item.startswith(_OWN_STARTS) or foreign or _named_place(item):
            previous = own if own is not None else previous
            shared.append(item)
        elif previous is not None and "的" not in item and not item.endswith(_unprefixed()):
            shared.append(_reaching(previous, item) + item)
        else:
            shared.append(item)
    return shared


def _reaching(prefix: str, item: str) -> str:
    """The part of a shared prefix that reaches `item`: 县委督查室、组织部、发改局 names 县委组织部
    but 县发改局, for a party committee has departments and offices, the government bureaus
    (a 县委发改局 does not exist); the party's own bureaus (老干部局) are listed in words."""
    if not prefix.endswith("委") or not item.endswith(("局", "厅")):
        return prefix
    return prefix if item.endswith(tuple(import_words()["party_bureaus"])) else prefix[0]


def _unprefixed() -> tuple[str, ...]:
    """嘉通集团, 电信嘉兴市分公司, 城站广场管委会: no shared prefix reaches them, and no
    description (所属的……) either."""
    return tuple(import_words()["unprefixed_ends"])


def _named_place(item: str) -> bool:
    """Return whether `item` starts with a place's own name (天津银保监局, 福建证监局) or
    a word that stands for one (首都综治办)."""
    from jmctl import gazetteer

    if prefix_of(item) is not None:
        return False
    if item.startswith(tuple(import_words()["own_place_starts"])):
        return True
    return any(start == 0 for start, _, _ in gazetteer.find(item[:12])) or _county_named(item)


def _county_named(item: str) -> bool:
    """Return whether `item` starts with a division's short name, a unit named after it
    (兴业生态环境局, 汉滨公安分局, 凉山日报社): only 2–3 characters are looked up, never a
    unit's own first word (公安分局 is no branch of 公安县)."""
    from jmctl import gazetteer

    item = re.sub(r"[（(][^（）()]*[）)]$", "", item)  # 汉滨自然资源局分局（区搬迁办）
    for size in (2, 3):
        head, rest = item[:size], item[size:]
        if len(rest) < 2 or head.startswith(tuple(import_words()["unit_starts"])):
            continue
        if gazetteer.lookup(head):
            return True
    return False


@lru_cache(maxsize=1 << 14)
def canonical(name: str) -> str:
    """Return the key two spellings of one unit share: abbreviations expanded, brackets cut."""
    key = re.sub(r"[（(][^（）()]*[）)]", "", re.sub(r"\s", "", name))
    for short, full in abbreviations().items():
        if key.endswith(short) and not key.endswith(full):
            return key[: -len(short)] + full
    return key


def split_post(text: str, known: set[str] | frozenset[str]) -> tuple[str, str]:
    """Return (unit, post) of a printed post: the longest known unit it starts with, else
    the shortest prefix that ends like a unit name and leaves something that starts like
    a post; (text, "") when there is no such split. Looks at 40 prefixes at most, so a
    roster of any length costs time in proportion to it."""
    starts = longest_first("post_starts")
    for end in range(min(len(text) - 1, 40), 1, -1):
        if text[:end] in known and text[end:].startswith(starts):
            return text[:end], text[end:]
    ends = longest_first("unit_ends")
    for end in range(2, min(len(text), 40)):
        head, rest = text[:end], text[end:]
        # 市财政局【党组成员, 外交部.党.委.书.记: a mirror's symbols, before or inside the post
        bare = _BETWEEN.sub("", _SYMBOLS.sub("", rest[:24]))
        if head.endswith(ends) and bare.startswith(starts) and _balanced(head):
            return head, rest
        alias = _ALIAS_FIRST.match(rest) if head.endswith(ends) else None
        if alias and rest[alias.end() :].startswith(starts):  # 中心（绿化市容中心）常务副主任
            return head + alias.group(), rest[alias.end() :]
    return _shared_character(text) or (text, "")


def _shared_character(text: str) -> tuple[str, str] | None:
    """县交通运输局长: the unit's 局 and the post's 局长 printed once (县交通运输局, 局长);
    not 市委组织部一名副部长, whose 副部长 is a post of its own."""
    head = text[:-1]
    if (
        len(head) >= 4
        and text.endswith("长")
        and head[-1] in "局厅部处所"
        and "副" not in head[-2:]
    ):
        return head, text[-2:]
    return None


_ALIAS_FIRST = re.compile(r"[（(][^（）()]{1,20}[）)]")
_SYMBOLS = re.compile(r"^[^\u4e00-\u9fff（(、，。；：]{1,3}")
_HAN = "\u4e00-\u9fff"
_BETWEEN = re.compile(rf"(?<=[{_HAN}])[^{_HAN}\s（）()、，。；：]{{1,3}}(?=[{_HAN}])")


def _balanced(text: str) -> bool:
    return text.count("（") == text.count("）") and text.count("(") == text.count(")")


_WRAP_JOINT = re.compile(r"(?<=[部委局办署])(?=[\u4e00-\u9fff]{2})")


def spaced_units(text: str) -> list[str] | None:
    """Return the units of a line that lists them separated by spaces (发展改革委 教育部
    科技部), splitting tokens a wrap fused (财政部国土资源部); None for any other line."""
    tokens = [token for token in re.split(r"[ \t]+", text.strip(" （）()")) if token]
    if len(tokens) < 3:
        return None
    ends = longest_first("unit_ends")
    if not all(token.endswith(ends) or token.startswith("共青团") for token in tokens):
        return None
    units: list[str] = []
    for token in tokens:
        pieces = [piece for piece in _WRAP_JOINT.split(token) if piece]
        fused = len(pieces) > 1 and all(piece.endswith(ends) for piece in pieces)
        units += pieces if fused else [token]
    return units
