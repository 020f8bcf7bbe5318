"""Apply edits to YAML text where each value stands, keeping comments and layout.

The file is not re-emitted: each changed scalar's own source span is replaced,
written in its own style when the new value allows it (quoted when it must be).
A value written as a block of lines is edited inside its text by the edit's
pieces. The result is read back and must give exactly the intended data, or
nothing is changed.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import yaml

from jmctl.errors import JmctlError
from jmctl.fixing.plan import Edit
from jmctl.loading import TreePath, load_text

# Characters that end or change a plain scalar somewhere in it, and at its start.
_PLAIN_STOPS = (": ", " #", "\t")
_PLAIN_STARTS = set("-?:,[]{}#&*!|>'\"%@` ")
_FLOW_CHARS = set(",[]{}")
_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Span:
    start: int  # character offsets into the text
    end: int
    style: str | None
    multiline: bool
    in_flow: bool


class InPlaceError(JmctlError):
    """The edits could not be made in the file's own text."""


def scalar_spans(text: str) -> dict[TreePath, Span]:
    """Return where every scalar value stands in `text`, by its data path."""
    spans: dict[TreePath, Span] = {}
    stack: list[list[Any]] = []  # [is_mapping, path, pending key or next index, flow]
    # libyaml, as the loader reads the file; its marks count characters, as the text does.
    for event in yaml.parse(text, Loader=_PARSER):
        if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent | yaml.CollectionStartEvent):
            frame = stack[-1] if stack else None
            if frame is not None and frame[0] and frame[2] is None:
                frame[2] = getattr(event, "value", None) or "\0alias"  # a key
                continue
            path = _child(frame)
            if isinstance(event, yaml.ScalarEvent):
                start, end = event.start_mark, event.end_mark
                assert (
                    start is not None and end is not None
                )  # the parser marks every event; the stubs allow None
                flow = bool(frame and frame[3])
                multiline = start.line != end.line
                begin = _past_properties(text, start.index, end.index)
                spans[path] = Span(begin, end.index, event.style, multiline, flow)
            if isinstance(event, yaml.CollectionStartEvent):
                flow = bool(event.flow_style) or bool(frame and frame[3])
                stack.append([isinstance(event, yaml.MappingStartEvent), path, None, flow])
                if not stack[-1][0]:
                    stack[-1][2] = 0
                continue
            _advance(frame)
        elif isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            _advance(stack[-1] if stack else None)
    return spans


def _past_properties(text: str, start: int, end: int) -> int:
    """Return where a scalar's own text starts: after its anchor (&office) and tag."""
    position = start
    while position < end and text[position] in "&!":
        while position < end and not text[position].isspace():
            position += 1
        while position < end and text[position] in " \t":
            position += 1
    return position


def _child(frame: list[Any] | None) -> TreePath:
    if frame is None:
        return ()
    return (*frame[1], frame[2])


def _advance(frame: list[Any] | None) -> None:
    if frame is None:
        return
    frame[2] = None if frame[0] else frame[2] + 1


def apply(text: str, data: Any, edits: Sequence[Edit]) -> tuple[str, list[Edit]]:
    """Return `text` with `edits` made in place, and the edits made (a value written as
    a block of lines gets what its pieces give, or nothing when a piece is broken by a
    line end). Raise InPlaceError when the result would not read as intended."""
    try:
        spans = scalar_spans(text)
    except yaml.YAMLError as error:
        # The loader read the file, so this is a bug's corner: change nothing.
        raise InPlaceError(
            f"无法在原处修改：{getattr(error, 'problem', error)} (cannot edit in place)"
        ) from None
    changes: list[tuple[int, int, str]] = []
    done: list[Edit] = []
    expected = copy.deepcopy(data)
    for edit in edits:
        span = spans.get(edit.path)
        if span is None:  # an alias or a merged value: its anchor's own edit changes it
            _set(expected, edit.path, edit.new)
            done.append(edit)
            continue
        source = text[span.start : span.end]
        written = _written(edit, span, source)
        if written is None:
            continue
        replacement, value = written
        changes.append((span.start, span.end, replacement))
        _set(expected, edit.path, value)
        done.append(replace(edit, new=value))
    result = text
    for start, end, replacement in sorted(changes, reverse=True):
        result = result[:start] + replacement + result[end:]
    reread = load_text(result).document
    if reread is None or reread.data != expected:
        raise InPlaceError("修改后的文件与预期不符 (the edited file does not read as intended)")
    return result, done


def _written(edit: Edit, span: Span, source: str) -> tuple[str, str] | None:
    """Return the new source text of a scalar and the value it will read as."""
    if span.style in ("|", ">") or span.multiline:
        return _in_text(edit, source)
    if span.style == "'":
        return "'" + edit.new.replace("'", "''") + "'", edit.new
    if span.style == '"' or not _plain_ok(edit.new, span.in_flow):
        return json.dumps(edit.new, ensure_ascii=False), edit.new
    return edit.new, edit.new


def _in_text(edit: Edit, source: str) -> tuple[str, str] | None:
    """Edit a block of lines by its pieces, when each piece is found as often in the
    text as in the value (so no piece is broken by a line end or an escape)."""
    value = edit.old
    for old, new in dict.fromkeys(edit.pairs):
        if old and source.count(old) == value.count(old):
            source, value = source.replace(old, new), value.replace(old, new)
    return (source, value) if value != edit.old else None


def _plain_ok(value: str, in_flow: bool) -> bool:
    if not value or value[0] in _PLAIN_STARTS or value != value.strip() or "\n" in value:
        return False
    if any(stop in value for stop in _PLAIN_STOPS) or value.endswith(":"):
        return False
    if in_flow and _FLOW_CHARS & set(value):
        return False
    try:
        return yaml.safe_load(value) == value
    except yaml.YAMLError:
        return False


def _set(data: Any, path: TreePath, value: Any) -> None:
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
