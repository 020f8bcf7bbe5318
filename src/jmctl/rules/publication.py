"""What the public web page (render web) would publish: a warning where the data asks it
to publish what should stay off the web, or something it cannot print.

The words and the phone pattern are domain knowledge, in data/publish.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from jmctl.domain import read_data
from jmctl.findings import Finding
from jmctl.rules.context import Context


@dataclass(frozen=True)
class _Words:
    withheld: tuple[str, ...]
    mobile: re.Pattern[str]


@cache
def _words() -> _Words:
    raw = read_data("publish.yaml")
    assert isinstance(raw, dict)
    # Digits either side: no longer number holds it. A fixed-width pattern: linear.
    mobile = re.compile(rf"(?<![0-9]){raw['mobile']}(?![0-9])")
    return _Words(tuple(raw["withheld"]), mobile)


def check(context: Context) -> Iterator[Finding]:
    model = context.model
    publish = model.publish  # without `publish` in the data: nothing published, no finding
    if publish.roster:
        yield from _withheld(context)
        if not model.has_named_roster():
            yield context.at("JM331", ("publish", "roster"))
    if publish.contact is not None:
        if model.office is None:
            yield context.at("JM332", ("publish", "contact"))
        found = _words().mobile.search(publish.contact)
        if found is not None:
            yield context.at_char("JM333", ("publish", "contact"), found.start(), number=found[0])


def _withheld(context: Context) -> Iterator[Finding]:
    notice = context.model.notice
    disclosure = notice.disclosure if notice is not None else None
    if disclosure and any(word in disclosure for word in _words().withheld):
        yield context.at("JM330", ("publish", "roster"), disclosure=disclosure)
