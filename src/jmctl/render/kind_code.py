"""The code each document kind of data/render_kinds.yaml names, found when it is used.

A kind names its code as `module:function` (`jmctl.render.layouts:notice`), imported on
first use (jmctl.named_code), so that the command line's help reads the registry
without the renderer.
Its `available:` is either such a function of the model, or the name of a part of the
model (`sessions`, `duties`) or of one of its methods (`has_named_roster`): the kind is
available when that part is not empty or that method says so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

from jmctl.model import JointMeeting
from jmctl.named_code import named_code
from jmctl.render.compose import Composer
from jmctl.render.options import RenderOptions
from jmctl.render.outline import Outline
from jmctl.render.phrases import Phrases
from jmctl.sessions import Session

# What a `layout:` is: a DOCX document's outline from the composer.
LayoutFunction = Callable[[Composer, RenderOptions, Session | None], Outline]
# What a `layout:` is for a kind that `writes: html`: the page's bytes for its target.
PageFunction = Callable[[JointMeeting, Phrases, Path], bytes]


def has_data(model: JointMeeting, spec: str) -> bool:
    """Whether `model` has what `available: spec` asks for."""
    if ":" in spec:
        return bool(named_code(spec)(model))
    value = getattr(model, spec)  # a misspelt part fails every test that renders
    return bool(value() if callable(value) else value)


def layout_function(spec: str) -> LayoutFunction:
    return cast(LayoutFunction, named_code(spec))


def page_function(spec: str) -> PageFunction:
    return cast(PageFunction, named_code(spec))
