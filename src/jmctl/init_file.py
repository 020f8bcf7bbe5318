"""The starting data file `jmctl init` writes: every key commented in Chinese.

The file's shape is `data/init-skeleton.yaml`; the comment over each key is its
title and description in the schema, so the comments never drift from the contract.
What the user answered is filled in; what is left shows as 【请填写…】, which
`validate` reports as warnings (JM110) until it is replaced.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from jmctl.loading import TreePath
from jmctl.resources import data_file
from jmctl.schema import field_description
from jmctl.schema_hints import _enum_words, english_value

_PREFIX_ENDINGS = "省市县区镇乡旗州盟"
_HEADER = """\
# {meeting}：联席会议数据文件（由 jmctl init 生成）。
#
# 每个键上方的注释是它的中文名称和说明。“【请填写……】”处请改为实际内容，
# 用不到的可选项可以删去；以“# ”开头的键是可选的，需要时去掉“# ”。
# 写完后运行：jmctl validate {file}
# 键名必须用英文，冒号用半角“: ”，缩进用半角空格，列表项以“- ”开头。
"""


@dataclass(frozen=True)
class Answers:
    """What `jmctl init` asks: the jurisdiction, its level, the meeting and the issuer."""

    jurisdiction: str
    level: str
    meeting: str
    issuer: str = ""
    date: str = ""

    def values(self) -> dict[str, str]:
        level = english_value("jurisdiction.level", self.level) or self.level
        date = self.date or datetime.date.today().isoformat()
        return {
            "jurisdiction": self.jurisdiction,
            "government": f"{self.jurisdiction}人民政府",
            "level": level,
            "prefix": prefix_of(self.jurisdiction, level),
            "meeting": self.meeting,
            "issuer": self.issuer or f"{self.jurisdiction}人民政府办公室",
            "date": date,
            "year": date[:4],
        }


def levels() -> list[str]:
    """Return the level values with their Chinese words ("county（县级）")."""
    return list(_enum_words()["jurisdiction.level"])


def prefix_of(name: str, level: str) -> str:
    """Return the short prefix of the jurisdiction's units: its last character when that
    names a kind of division (青山县 → 县), else the level's one-character word."""
    if name and name[-1] in _PREFIX_ENDINGS:
        return name[-1]
    words = _enum_words()["jurisdiction.level"].get(level, [])
    return next((word for word in words if len(word) == 1), "")


def starter_text(answers: Answers, file_name: str = "数据文件.yaml") -> str:
    """Return the text of the starting data file for `answers`."""
    skeleton = yaml.safe_load(data_file("init-skeleton.yaml").read_text(encoding="utf-8"))
    values = answers.values()
    lines = [_HEADER.format(meeting=answers.meeting, file=file_name)]
    lines += _mapping(_fill(skeleton, values), (), "", commented=False)
    return "\n".join(lines) + "\n"


def _fill(node: Any, values: Mapping[str, str]) -> Any:
    if isinstance(node, str):
        return node.format(**values) if "{" in node else node
    if isinstance(node, list):
        return [_fill(item, values) for item in node]
    if isinstance(node, dict):
        return {key: _fill(value, values) for key, value in node.items()}
    return node


def _mapping(node: dict[str, Any], path: TreePath, indent: str, commented: bool) -> list[str]:
    lines: list[str] = []
    top = not path
    for raw_key, value in node.items():
        key = raw_key.lstrip("#")
        off = commented or raw_key.startswith("#")
        mark = "# " if off else ""
        title, description = field_description((*path, key))
        if top:
            lines.append("")
        lines.append(f"{indent}# {title}：{description}" if title else f"{indent}#")
        lines += _entry(key, value, (*path, key), indent, mark, off)
    return lines


def _entry(
    key: str, value: Any, path: TreePath, indent: str, mark: str, commented: bool
) -> list[str]:
    if not isinstance(value, (dict, list)):
        return [f"{indent}{mark}{key}: {_scalar(value)}"]
    lines = [f"{indent}{mark}{key}:"]
    if isinstance(value, dict):
        return lines + _mapping(value, path, indent + "  ", commented)
    for index, item in enumerate(value):
        if isinstance(item, dict):
            lines += _list_mapping(item, (*path, index), indent + "  ", mark)
        else:
            lines.append(f"{indent}  {mark}- {_scalar(item)}")
    return lines


def _list_mapping(item: dict[str, Any], path: TreePath, indent: str, mark: str) -> list[str]:
    """A list item that is a mapping: `- key: value` then the other keys under it."""
    lines = []
    for position, (key, value) in enumerate(item.items()):
        lead = "- " if position == 0 else "  "
        entry = _entry(key, value, (*path, key), "", "", bool(mark))
        lines.append(f"{indent}{mark}{lead}{entry[0]}")
        lines += [f"{indent}{mark}  {line}" for line in entry[1:]]
    return lines


def _scalar(value: Any) -> str:
    """Return a scalar as YAML writes it on one line (quoted only where needed)."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000)
    return text.removesuffix("\n").removesuffix("\n...").strip()
