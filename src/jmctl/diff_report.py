"""Say a diff for people (grouped, coloured, in Chinese or English), programs (JSON) and
reports (Markdown). Each change's sentence comes from `change_words.describe`."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from jmctl.change import Change
from jmctl.change_kinds import change_kinds, groups
from jmctl.change_list import HEADER, change_rows
from jmctl.change_words import describe, words_in
from jmctl.diff import KINDS

_BOLD, _RESET = "\033[1m", "\033[0m"


def summary(changes: Sequence[Change], language: str = "zh") -> str:
    """Return "共 5 处变动：人员替换 2，单位更名 1 …" (or that nothing changed)."""
    words = words_in(language)
    if not changes:
        return words["same"]
    counts = Counter(change.kind for change in changes)
    parts = words["parts_joiner"].join(
        words["count"].format(label=_label(kind, language), count=counts[kind])
        for kind in KINDS
        if counts[kind]
    )
    return words["summary"].format(count=len(changes), parts=parts)


def _label(kind: str, language: str) -> str:
    return str(getattr(change_kinds()[kind], language))


def text_report(changes: Sequence[Change], colour: bool = False, language: str = "zh") -> str:
    """Return the summary, then each group that has changes under its title, a line each."""
    lines = [summary(changes, language)]
    for group in groups():
        said = [change for change in changes if change.kind in group.kinds]
        if said:
            title = str(getattr(group, language))
            lines += ["", f"{_BOLD}{title}{_RESET}" if colour else title]
            lines += [f"  {describe(c, language, colour)}{_where(c, language)}" for c in said]
    return "\n".join(lines) + "\n"


def _where(change: Change, language: str) -> str:
    words = words_in(language)
    sides = []
    if change.old_line:
        sides.append(words["old_line"].format(line=change.old_line))
    if change.new_line:
        sides.append(words["new_line"].format(line=change.new_line))
    return words["lines"].format(lines=words["lines_joiner"].join(sides)) if sides else ""


def json_report(changes: Sequence[Change], old: str, new: str) -> str:
    counts = Counter(change.kind for change in changes)
    payload = {
        "old": old,
        "new": new,
        "changes": [change.to_json() for change in changes],
        "counts": {kind: counts[kind] for kind in KINDS if counts[kind]},
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def markdown_report(changes: Sequence[Change], language: str = "zh") -> str:
    """Return the changes as a Markdown table: in Chinese the printed change list (类别,
    原, 现, 说明); in English each change's kind, sentence and lines."""
    lines = [f"**{summary(changes, language)}**", ""]
    if changes and language == "zh":
        lines += ["| " + " | ".join(HEADER) + " |", "|---|---|---|---|"]
        for row in change_rows(changes):
            cells = [cell.replace("|", "\\|").replace("\n", "<br>") for cell in row]
            lines.append("| " + " | ".join(cells) + " |")
    elif changes:
        lines += ["| kind | change | old line | new line |", "|---|---|---|---|"]
        for change in changes:
            text = describe(change, language).replace("|", "\\|")
            lines.append(
                f"| {_label(change.kind, language)} | {text} | {change.old_line or ''} | "
                f"{change.new_line or ''} |"
            )
    return "\n".join(lines) + "\n"
