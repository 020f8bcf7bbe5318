"""Say one change in words, in Chinese or English: one describer for both languages.

A kind's sentences are in the change-kinds registry (data/change_kinds.yaml) and the
words around them in data/diff_words.yaml. The code here picks which of a kind's
sentences fits and fills in the fields from the change and its typed detail; nothing
here is in one language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from jmctl.change import Change
from jmctl.change_details import (
    DecisionChange,
    DecisionEdit,
    FieldChange,
    ListChange,
    OrderChange,
    RoleChange,
    SessionChange,
    SessionEdit,
    StatusChange,
    TaskChange,
)
from jmctl.change_kinds import ONE_SENTENCE, change_kinds
from jmctl.domain import choice_labels, role_labels
from jmctl.loading import TreePath
from jmctl.named_code import named_code
from jmctl.resources import data_file
from jmctl.schema import field_title
from jmctl.sessions import statuses

LANGUAGES = ("zh", "en")
SHORT_TEXT = 20  # characters: shorter values read better as "old → new" than as a diff
_RED, _GREEN, _RESET = "\033[31m", "\033[32m", "\033[0m"


@dataclass(frozen=True)
class Words:
    """One language's words around the sentences, and how it names roles and fields."""

    language: str
    table: Mapping[str, str]

    def __getitem__(self, key: str) -> str:
        return self.table[key]

    def role(self, role: str | None) -> str:
        labels = role_labels()
        return str(getattr(labels[role], self.language)) if role in labels else role or ""

    def field(self, path: TreePath) -> str:
        """A field's name: its title (成文日期) or its key (doc_number)."""
        return field_title(path) if self["field_names"] == "titles" else str(path[-1])

    def fields(self, paths: Sequence[TreePath]) -> str:
        return self["names_joiner"].join(self.field(path) for path in paths)

    def shown(self, value: Any, key: str) -> str:
        """A value as people read it: a list on one line, a set's value by its name."""
        if value is None or value == "" or value == []:
            return self["none"]
        if isinstance(value, list):
            return self["values_joiner"].join(self.shown(item, key) for item in value)
        if isinstance(value, bool):
            return self["yes" if value else "no"]
        text = str(value).replace("\n", self["values_joiner"])
        return choice_labels(key).get(text, text) if self["values"] == "labels" else text

    def status(self, name: str) -> str:
        """A decision's status, named in Chinese in the detail, in this language."""
        term = next((term for term in statuses().values() if term.zh == name), None)
        return name if term is None else str(getattr(term, self.language))

    def items(self, change: ListChange, colour: bool) -> str:
        parts = [
            self["reworded"].format(item=render_char_diff(item.diff, colour))
            for item in change.reworded
        ]
        parts += [self["added"].format(item=item) for item in change.added]
        parts += [self["removed"].format(item=item) for item in change.removed]
        return self["items_joiner"].join(parts)


@cache
def words_in(language: str) -> Words:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    tables = yaml.load(data_file("diff_words.yaml").read_text("utf-8"), Loader=loader)
    return Words(language, tables[language])


def describe(change: Change, language: str = "zh", colour: bool = False) -> str:
    """Return one change in the words of a roster adjustment, in `language`."""
    kind = change_kinds()[change.kind]
    words = words_in(language)
    say = named_code(kind.says) if kind.says else _one_sentence
    name, fields = say(change, words, colour)
    return kind.text[name][language].format_map({**_common(change, words), **fields})


def render_char_diff(pieces: Sequence[Sequence[str]], colour: bool) -> str:
    """Return a character diff inline: [-删去-]{+加上+}, or red and green on a terminal."""
    out = []
    for op, text in pieces:
        if op == "=":
            out.append(text)
        elif colour:
            out.append(f"{_RED if op == '-' else _GREEN}{text}{_RESET}")
        else:
            out.append(f"[-{text}-]" if op == "-" else f"{{+{text}+}}")
    return "".join(out)


# What the sentences can use of every change.
def _common(change: Change, words: Words) -> dict[str, Any]:
    fields = {name: value for name, value in vars(change).items() if name != "detail"}
    fields["role"] = words.role(change.role)
    fields["name_post"] = _joined(change.name, change.post)
    fields["post_name"] = _joined(change.post, change.name)
    fields["old_post_name"] = _joined(change.old_post, change.old_name)
    return fields


def _joined(*parts: str | None) -> str:
    return " ".join(part for part in parts if part)


Said = tuple[str, dict[str, Any]]  # the sentence's name, and fields of the describer's own


def _one_sentence(change: Change, words: Words, colour: bool) -> Said:
    return ONE_SENTENCE, {}


def say_person_replaced(change: Change, words: Words, colour: bool) -> Said:
    return ("same_post" if change.post == change.old_post else "new_post"), {}


def say_role_changed(change: Change, words: Words, colour: bool) -> Said:
    return ONE_SENTENCE, {"old_role": words.role(change.detail_as(RoleChange).old_role)}


def say_order_changed(change: Change, words: Words, colour: bool) -> Said:
    detail = change.detail_as(OrderChange)
    who = words["member_units"] if change.role == "members" else words.role(change.role)
    positions = {"old_position": detail.old_position, "new_position": detail.new_position}
    return ONE_SENTENCE, {"who": who, **positions}


def say_office_changed(change: Change, words: Words, colour: bool) -> Said:
    detail = change.detail_as(FieldChange)
    none = words["none"]
    if detail.field == "host":  # an office may gain or lose its host: 无 stands for none
        return "host", {"old_unit": change.old_unit or none, "unit": change.unit or none}
    if detail.items is not None:
        return "functions", {"items": words.items(detail.items, colour)}
    return "director", {"old_name": change.old_name or none, "name": change.name or none}


def say_duties_changed(change: Change, words: Words, colour: bool) -> Said:
    return ONE_SENTENCE, {"items": words.items(change.detail_as(ListChange), colour)}


def say_tasks_changed(change: Change, words: Words, colour: bool) -> Said:
    detail = change.detail_as(TaskChange)
    fields = words.fields([("tasks", 0, field.name) for field in detail.fields])
    return detail.how, {"task": detail.task, "fields": fields}


def say_field(change: Change, words: Words, colour: bool) -> Said:
    detail = change.detail_as(FieldChange)
    key = f"{change.section}.{detail.field}"
    names = {"title": field_title((change.section, detail.field)), "key": key}
    values = detail.values
    if values is not None and detail.diff is not None and len(values.old) >= SHORT_TEXT:
        return "diff", {**names, "diff": render_char_diff(detail.diff, colour)}
    if values is not None:
        shown = {"old": words.shown(values.old, key), "new": words.shown(values.new, key)}
        return "values", {**names, **shown}
    items = words.items(detail.items or ListChange(), colour)
    return "items", {**names, "items": items}


def say_session(change: Change, words: Words, colour: bool) -> Said:
    detail = change.detail_as(SessionChange)
    return ONE_SENTENCE, {"date": detail.date, "decisions": detail.decisions}


def say_status_changed(change: Change, words: Words, colour: bool) -> Said:
    detail = change.detail_as(StatusChange)
    old, new = words.status(detail.status.old), words.status(detail.status.new)
    fields = {"text": detail.text, "old": old, "new": new, "progress": detail.progress}
    return ("progress" if detail.progress else "no_progress"), fields


def say_decision(change: Change, words: Words, colour: bool) -> Said:
    return ONE_SENTENCE, {"text": change.detail_as(DecisionChange).text}


def say_session_changed(change: Change, words: Words, colour: bool) -> Said:
    detail = change.detail_as(SessionEdit)
    paths = [("sessions", 0, field.name) for field in detail.fields]
    return ONE_SENTENCE, {"fields": words.fields(paths)}


def say_decision_changed(change: Change, words: Words, colour: bool) -> Said:
    detail = change.detail_as(DecisionEdit)
    paths = [("sessions", 0, "decisions", 0, field.name) for field in detail.fields]
    return ONE_SENTENCE, {"text": detail.text, "fields": words.fields(paths)}
