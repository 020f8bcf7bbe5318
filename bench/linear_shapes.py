"""The inputs of `bench/linear.py`: valid data files that grow in one direction each.

- *many*: `size`·20 units, each a member with a named person, duties and a cited document.
- *long*: 40 units, their text `size`·2 times a hostile line (half-width marks beside
  spaces and Chinese, a digit run before 个, a 由…组成 sentence, brackets, traditional
  characters).
- *misspelt*: *many* with every member written one character wrong (JM201 with a
  did-you-mean each: the search for the closest declared name).
- *shared*: *many* with one short name shared by every unit (JM203 for each, and the
  index of names holding them all under one key), the members all written so (JM202,
  which names the units it could mean, and JM204).
- *counts*: 40 units and a notice body of 400 由 before a run of `size`·1,000 digits and
  个部门组, a near miss of a stated count (由…个部门组成, JM211): each 由 starts a search
  that reads on into the digits.
- *sessions*: *many* with `size`·4 sessions of 10 attendees, agenda and decisions, every
  third attendee misspelt (JM232 with a did-you-mean).
"""

from __future__ import annotations

from typing import Any

import yaml

HOSTILE_LINE = (
    "由县民政局 , 县财政局( 等 )12345678个部门和单位组成；〔2017〕衛計局" + " " * 9 + ",中"
)
SHAPES = ("many", "long", "misspelt", "shared", "counts", "sessions")


def data_file(shape: str, size: int) -> str:
    """Return the YAML text of the `shape` input at `size` times its base."""
    long = size * 2 if shape == "long" else 1
    many = 40 if shape in ("long", "counts") else 20 * size
    data = _data(many, long)
    if shape == "misspelt":
        data["members"] = [name.replace("局", "扃") for name in data["members"]]
    elif shape == "shared":
        for unit in data["units"][1:]:
            unit["short"].append("成员局")
        data["members"] = ["成员局"] * many
    elif shape == "counts":
        data["notice"]["body"] = ["由" * 400 + "1" * (1000 * size) + "个部门组"]
    elif shape == "sessions":
        data["sessions"] = [_session(i, many) for i in range(4 * size)]
    return yaml.safe_dump(data, allow_unicode=True, width=10**9)


def _data(many: int, long: int) -> dict[str, Any]:
    units = [{"name": f"县第{i}局", "short": [f"第{i}局"]} for i in range(many)]
    return {
        "jmctl": 1,
        "jurisdiction": {"name": "白河县", "level": "county", "government": "白河县人民政府"},
        "meeting": {
            "name": "白河县社会救助工作联席会议",
            "functions": [HOSTILE_LINE * long for _ in range(max(1, many // 10))],
            "basis": [
                {"title": "关于社会救助的通知", "number": f"国办发〔2014〕{i + 1}号"}
                for i in range(many)
            ],
        },
        "units": [{"name": "白河县人民政府", "short": ["县政府"]}, *units],
        "members": [unit["name"] for unit in units],
        "roster": {
            "chief_convenors": [{"name": "张伟", "unit": "县政府", "post": "副县长"}],
            "members": [
                {"name": _person(i), "unit": unit["name"], "post": "副局长"}
                for i, unit in enumerate(units)
            ],
        },
        "duties": [{"unit": unit["name"], "items": [HOSTILE_LINE * long]} for unit in units],
        "notice": {
            "kind": "establish",
            "issuer": "白河县人民政府办公室",
            "doc_number": "白府办发〔2019〕5号",
            "date": "2019-04-08",
            "body": [HOSTILE_LINE * long],
        },
    }


def _person(index: int) -> str:
    """A distinct two- or three-character name for every index (王一, 王二…, 王一二…)."""
    digits = "零一二三四五六七八九"
    return "王" + "".join(digits[int(d)] for d in str(index))


def _session(index: int, many: int) -> dict[str, Any]:
    attendees = []
    for seat in range(10):
        name = _person((index * 10 + seat) % many)
        attendees.append({"person": name + ("某" if seat % 3 == 0 else "")})
    unit = f"县第{index % many}局"
    return {
        "kind": "全体会议",
        "number": index + 1,
        "date": f"{2000 + index // 300}-{index // 25 % 12 + 1:02d}-{index % 25 + 1:02d}",
        "chair": "张伟",
        "attendees": attendees,
        "agenda": [{"text": "听取社会救助工作情况汇报", "unit": unit}],
        "decisions": [{"text": "按季度拨付救助资金。", "lead": unit, "status": "推进中"}],
    }
