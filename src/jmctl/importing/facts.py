"""Facts stated in prose: who the members are, who convenes (by post), the office and
its staff, the liaisons. Each reader takes one paragraph and returns what it states.

Every pattern here is anchored on a literal word (组成, 成员, 担任, 办公室) and uses only
bounded or non-overlapping repetition, so a long paragraph costs linear time.
"""

from __future__ import annotations

import re

from jmctl.genre import count_value
from jmctl.importing.anchored import finditer_near, search_near
from jmctl.importing.convenor_posts import convenor_posts, seat_posts
from jmctl.importing.duties import unit_like
from jmctl.importing.people import (
    could_be_name,
    post_then_name,
    starts_like_post,
    without_comrade,
)
from jmctl.importing.place_endings import spread_place_endings
from jmctl.importing.result import MembersFound, OfficeFound, PersonFound, StaffFound
from jmctl.importing.units import split_list, unit_list
from jmctl.importing.words import import_words, role_labels

_CLAUSES = re.compile(r"[^。；;]+")
_COUNT = r"(?:等|共)?\s*(\d{1,3}|[一二两三四五六七八九十百]{1,4})\s*个"
_COMPOSED = re.compile(_COUNT + r"[^，。、]{0,12}?组成(?!员|人员)|组成(?!员|人员)")
_MEMBER_WORDS = re.compile(
    r"(?:成员单位(?:有|为|包括|是)|参加单位(?:有|为|包括)|成员包括|成员单位：|成员为(?=[：:]))[：:]?"
)
_AS_MEMBERS = re.compile(
    r"(?:有关|主要|分管)?(?:负责同志|负责人|领导同志|领导)?(?:为|作为|是)"
    r"(?:联席会议|领导小组|委员会|指挥部)?(?:组成人员|成员(?:单位)?)"
)


_CUT_LIST = re.compile(r"(?:联席会议|领导小组|委员会|指挥部)由([^，。；由]{6,})$")


def members_in(text: str, line: int, last: bool = False) -> MembersFound | None:
    """Return the member units a sentence lists, in any of the wordings offices use;
    `last` reads a list the copy cuts short (联席会议由A、B、C…) at its end."""
    cut_short = last and not text.rstrip().endswith(("。", "；", ";"))
    clauses = _sentences(spread_place_endings(text))  # 广西、福建省、自治区人民政府
    for index, clause in enumerate(clauses):
        found = (
            _composed(clause)
            or _introduced(clause)
            or _listed_before(clause)
            or _served_by(clause)
            or _after_convenors(clause)
        )
        if found is not None and len(found[0]) >= 2 and _mostly_units(found[0]):
            units = found[0]
            if cut_short and index == len(clauses) - 1:
                _drop_cut_name(units)  # 成员包括市商务局、市文化广电旅游 (copy ends)
            return MembersFound(units, line, found[1])
    cut = _CUT_LIST.search(text) if cut_short else None
    if cut is not None and cut.group(1).count("、") >= 2:
        units = unit_list(cut.group(1))
        _drop_cut_name(units)  # the copy cuts the last name short: 建设部、铁道
        return MembersFound(units, line)
    return None


def _unit_or_section(text: str) -> bool:
    """A unit, or one of the rarer endings (a 街道's 市政卫生科, a 公路管理处)."""
    return unit_like(text) or text.strip().endswith(tuple(import_words()["unit_ends_rare"]))


def _drop_cut_name(units: list[str]) -> None:
    """Drop the last name of a list the copy cuts short when it does not end like a unit,
    not even like a rarer one (市公路管理处, 中央粮库)."""
    if units and not _unit_or_section(units[-1]):
        units.pop()


def _mostly_units(items: list[str]) -> bool:
    """Most items end like unit names (局, 委, 办 …): a list of units, not of clauses."""
    return sum(unit_like(item) for item in items) * 5 >= len(items) * 3


def _sentences(text: str) -> list[str]:
    return [match.group() for match in _CLAUSES.finditer(text)]


def _composed(clause: str) -> tuple[list[str], int | None] | None:
    """联席会议由A、B、C等N个部门和单位组成: the 由 nearest before 组成 is the sentence's own."""
    match = _COMPOSED.search(clause)
    if match is None:
        return None
    start = clause.rfind("由", 0, match.start())
    if start < 0:
        return None
    claimed = count_value(match.group(1)) if match.group(1) else None
    listed = clause[start + 1 : match.start()]
    return unit_list(listed), claimed


def _introduced(clause: str) -> tuple[list[str], int | None] | None:
    """成员单位有…, 参加单位为…, 成员包括…"""
    match = _MEMBER_WORDS.search(clause)
    if match is None:
        return None
    rest = clause[match.end() :]
    count = re.search(_COUNT, rest[:8])
    claimed = count_value(count.group(1)) if count else None
    if count:
        rest = rest[count.end() :].lstrip("：:")
    return unit_list(rest), claimed


def _listed_before(clause: str) -> tuple[list[str], int | None] | None:
    """A、B、C有关负责同志为联席会议成员; A、B为成员单位."""
    match = _AS_MEMBERS.search(clause)
    if match is None or match.start() == 0:
        return None
    listed = clause[: match.start()]
    if "、" not in listed or "各成员单位" in listed:
        return None
    listed = listed.rsplit("由", 1)[-1].split("，")[-1]  # 由…任总召集人，…为召集人，A、B为…
    return unit_list(listed), None


# 成员由A、B、C主要负责同志担任; 委员由A、B等40个单位的副局级领导担任 (not 副主任委员由…).
_SERVED_BY = re.compile(r"(?:成员|(?<!主任)委员)(?:单位)?由([^。；;]{4,400}?)(?:担任|兼任)")


def _served_by(clause: str) -> tuple[list[str], int | None] | None:
    match = _SERVED_BY.search(clause)
    return (unit_list(match.group(1)), None) if match else None


# …担任副召集人，A、B、C…: the members follow the convenors with no verb of their own.
_CONVENED = re.compile(r"(?:担任|为)(?:副?总?召集人|副?组长|副?指挥长)[，,]")
_VERBS = ("为", "由", "组成", "负责", "担任", "是")


def _after_convenors(clause: str) -> tuple[list[str], int | None] | None:
    ends = [match.end() for match in _CONVENED.finditer(clause)]
    if not ends:
        return None
    rest = clause[ends[-1] :]  # after the last convenor clause
    if rest.count("、") < 2 or any(verb in rest for verb in _VERBS):
        return None
    return unit_list(rest), None


# Convenors by post ------------------------------------------------------------------

# Labels prose gives a convenor by post; 主任 and 委员 words are left out, for in prose
# they are the office's (办公室主任由…兼任), not a committee's.
_ROLE_WORDS = "|".join(
    map(
        re.escape,
        sorted(
            (t for t in role_labels() if t != "成员" and "主任" not in t and "委员" not in t),
            key=len,
            reverse=True,
        ),
    )
)
_SERVES_AS = (
    rf"(?:分别|将|均)?(?:担任|作为|为|任|兼任)(?:联席会议|领导小组|委员会|指挥部)?({_ROLE_WORDS})"
)
_X_SERVES = re.compile(rf"(?:由)?([^，,]{{2,60}}?){_SERVES_AS}")
_X_SERVES_WORD = re.compile(_SERVES_AS)  # where a match of _X_SERVES ends, 63 characters on
# 副组长分别由A、B担任 / 由A、B分别担任副组长: 分别 ("respectively") only says there are several.
# 副指挥长7名：由A、B担任 / 指挥长1名、由A担任: the number of seats may come first.
_SEATS = r"(?:\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*名[、：:]?)?"
_ROLE_BY = re.compile(
    rf"({_ROLE_WORDS}){_SEATS}(?:分别)?(?:由|为|是|：|:)([^，,]{{2,60}}?)(?:分别|将|均)?(?:担任|兼任|$)"
)


def convenors_in(text: str, line: int) -> list[PersonFound]:
    """Return the convenors a paragraph names by post (分管副市长为总召集人)."""
    found: list[PersonFound] = []
    for clause in _sentences(spread_place_endings(text)):  # 广西、福建五省、自治区副省长
        listing: PersonFound | None = None  # the seat whose list a comma goes on with
        for part in clause.replace("，以及", "以及").split("，"):  # 以及 continues a list
            own = _convenors(part.strip(), line)
            entries = own or (_listed_on(part.strip(), listing) if listing else [])
            still_open = _OPEN_LIST.search(part) is not None if own else listing is not None
            listing = entries[-1] if entries and still_open else None
            found += entries
    return found


# 副组长为A，B，C: the label, its verb and a list that no 担任 closes; each comma goes on with it.
_OPEN_LIST = re.compile(rf"(?:{_ROLE_WORDS}){_SEATS}(?:为|是|：|:)(?![^，,]{{0,60}}?(?:担任|兼任))")


def _listed_on(part: str, seat: PersonFound) -> list[PersonFound]:
    """ "市委常委、市政府党组成员杨洪" after "副组长为…刘庆生，": one more of the same seat."""
    name, post = post_then_name(part)
    if name is None or not starts_like_post(post):
        return []
    return [PersonFound(seat.role, name, post, seat.line, seat.label)]


def _convenors(part: str, line: int) -> list[PersonFound]:
    serves = search_near(_X_SERVES, _X_SERVES_WORD, part, 63)
    for match, post_group, role_group in ((serves, 1, 2), (_ROLE_BY.search(part), 2, 1)):
        if match is None:
            continue
        label = role_labels()[match.group(role_group)]
        posts = seat_posts(match.group(post_group))
        if posts is None or "成员单位" in posts or "办公室" in posts[:4]:
            return []
        entries = []
        for post in convenor_posts(without_comrade(posts)):
            post = without_comrade(post)  # 由郑瑞峰同志任组长, 汪爱梅、江永龙等同志任副组长
            name, printed = post_then_name(post)
            if name is None and could_be_name(post):
                name, printed = post, ""
            entries.append(
                PersonFound(label.role, name, printed, line, None if label.standard else label.text)
            )
        return entries
    return []


# The office ---------------------------------------------------------------------------

# The office by name (办公室设在) or by its short name (安委办设在, 防汛办设于), or attached to
# a unit (下设办公室，挂靠市公安消防支队).
_HOST = re.compile(
    r"(?:办公室[（(]?(?:设在|设于|设|在)|办公室[，,](?:设在|设于)|办公室[，,]?挂靠(?:在|于)?"
    r"|(?<!政府)办(?:设在|设于))"
    r"([^，,。；（()）]{2,30})"
)
_DIRECTOR_BY = re.compile(
    rf"(?<![副])办公室(?:设)?主任{_SEATS}[，,]?(?:由|为)([^，,。；]{{2,60}}?)(?:兼任|担任|$)"
)
# …兼任主任 (the office's, where 兼任 says so), …任办公室主任 (only with the office's name:
# a bare 任主任 is the committee's own 主任).
_DIRECTOR_OF_WORD = re.compile(
    r"(?:兼任(?:办公室|领导小组办公室|联席会议办公室)?"
    r"|(?:担任|任)(?:办公室|领导小组办公室|联席会议办公室))主任"
)
_DIRECTOR_OF = re.compile(rf"([^，,。；由]{{2,40}}?){_DIRECTOR_OF_WORD.pattern}")
_STAFF = re.compile(r"(常务副主任|专职副主任|副主任)(?:由|为)([^。；]{2,400}?)(?:兼任|担任)")


def office_in(text: str, line: int, office: OfficeFound) -> bool:
    """Add what a paragraph says of the office to `office`; return whether it said any."""
    said = False
    host = _HOST.search(text)
    if host and office.host is None and _unit_or_section(host.group(1)):
        office.host = host.group(1).strip()
        office.lines["host"] = line
        said = True
    director = _DIRECTOR_BY.search(text) or search_near(_DIRECTOR_OF, _DIRECTOR_OF_WORD, text, 40)
    if director:
        said = _director(director.group(1).strip(), line, office) or said
    said = _staff_serving(text, line, office) or said
    for staff in _STAFF.finditer(text):
        listed = staff.group(2)
        items = listed.split("，") if "，" in listed else split_list(listed)
        for item in items:
            name, post = post_then_name(item)
            office.staff.append(StaffFound(staff.group(1), name, post, line))
        said = True
    return said


# 县政府办副主任曹飞鹏和县环保局局长何雄军任副主任, after the office is named: its staff.
# Not 专职副主任: a committee's full-time deputy (张建堂任专职副主任 of a 爱卫会).
_STAFF_SERVES = re.compile(r"(?<!兼)(?:担任|任)(?:常务副主任|副主任)(?=[，,。；;]|$)")
_STAFF_SERVING = re.compile(
    r"([^，,。；由]{2,60}?)(?<!兼)(?:担任|任)(常务副主任|副主任)(?=[，,。；;]|$)"
)


def _staff_serving(text: str, line: int, office: OfficeFound) -> bool:
    """The office's deputies named before their verb, in a sentence after the office's
    name (before it, 副主任 is the committee's own: 刘源法、徐明高任副主任)."""
    named = text.find("办公室")
    found = False
    start = named + 1 if named >= 0 else len(text)
    for staff in finditer_near(_STAFF_SERVING, _STAFF_SERVES, text, 60, start):
        people = [post_then_name(post) for post in convenor_posts(staff.group(1))]
        if people and all(name for name, _ in people):
            office.staff += [StaffFound(staff.group(2), n, p, line) for n, p in people]
            found = True
    return found


def _director(text: str, line: int, office: OfficeFound) -> bool:
    text = re.sub(r"^(?:由|联席会议|领导小组)", "", text)
    comrade = text.endswith("同志") and not text.endswith("负责同志")
    if comrade:
        text = text[:-2]  # 赵克冰同志: the name; 分管负责同志: the post
    if could_be_name(text) or (comrade and 2 <= len(text) <= 3):
        office.director = text
    else:
        name, post = post_then_name(text)
        if name is not None:
            office.director, office.director_post = name, post
        else:
            office.director_post = text
    office.lines["director"] = line
    return True


_LIAISONS = re.compile(r"联络员[，,]?(由[^。；]{2,80}?担任)")


def liaisons_in(text: str) -> str | None:
    match = _LIAISONS.search(text)
    return match.group(1) if match else None
