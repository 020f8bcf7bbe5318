"""Which elements a page's own style sheets hide: the simple selectors only.

Saved pages hide text with a class (`.hide{display:none}`) as often as with a style
attribute. Rules with a simple selector (a tag, .class, #id or tag.class) that set
display:none or visibility:hidden are honoured; others (descendant, pseudo-class,
media queries) are not, so such text is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

_HIDING = re.compile(r"display:none|visibility:hidden")
_SIMPLE = re.compile(r"^([a-z][a-z0-9]*)?(?:([.#])([\w-]+))?$")


@dataclass
class HiddenRules:
    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)

    def hides(self, element: etree._Element) -> bool:
        """Whether the element is hidden, by its attributes or by the style sheets."""
        if element.get("hidden") is not None or element.get("type") == "hidden":
            return True
        style = element.get("style")
        if style and _HIDING.search(_squeezed(style)):
            return True
        classes = (element.get("class") or "").split()
        return (
            element.tag in self.tags
            or element.get("id") in self.ids
            or any(name in self.classes for name in classes)
        )


def hidden_rules(root: etree._Element) -> HiddenRules:
    """Return the simple rules of the page's <style> elements that hide elements."""
    rules = HiddenRules()
    for sheet in root.iter("style"):
        for block in (sheet.text or "").split("}"):
            selectors, _, body = block.partition("{")
            if not _HIDING.search(_squeezed(body)):
                continue
            for selector in selectors.split(","):
                _add(rules, selector.strip().lower())
    return rules


def _add(rules: HiddenRules, selector: str) -> None:
    simple = _SIMPLE.match(selector) if len(selector) < 100 else None
    if simple is None:
        return
    tag, mark, name = simple.groups()
    if mark == "." and name:
        rules.classes.add(name)
    elif mark == "#" and name:
        rules.ids.add(name)
    elif tag and not mark:
        rules.tags.add(tag)


def _squeezed(style: str) -> str:
    return "".join(style.split()).lower()
