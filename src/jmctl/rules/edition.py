"""An adjustment notice reads like one: it does not set the meeting up a second time."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from jmctl.domain import read_data
from jmctl.findings import Finding
from jmctl.rules.context import Context


@cache
def edition_words() -> dict[str, object]:
    """Return the words of `data/editions.yaml` (establishing phrases, the 由…组成 frame)."""
    raw = read_data("editions.yaml")
    assert isinstance(raw, dict)
    return raw


def check(context: Context) -> Iterator[Finding]:
    notice = context.model.notice
    if notice is None or notice.kind != "adjust":
        return
    words = edition_words()["establishing"]
    assert isinstance(words, list)
    for path, text in context.strings:
        if path[:2] != ("meeting", "preamble"):
            continue
        for word in words:
            index = text.find(word)
            if index >= 0:
                yield context.at_char("JM213", path, index, words=word)
                break
