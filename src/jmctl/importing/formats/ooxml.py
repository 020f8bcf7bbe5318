"""WordprocessingML names, a safe XML parser, and which styles hide their text."""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

# No entities, no DTD, no network, no trees beyond libxml2's default depth and size.
_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)
# Properties that hide a run from a reader of the printed or displayed page.
HIDING = ("vanish", "specVanish", "webHidden")
_OFF = {"0", "false", "off"}


def w(tag: str) -> str:
    """Return the Clark name of a WordprocessingML element or attribute."""
    return f"{{{W}}}{tag}"


def parse(data: bytes) -> etree._Element:
    """Return the root of an XML part; raises etree.XMLSyntaxError when it is not XML."""
    return etree.fromstring(data, _PARSER)


def toggle(properties: etree._Element | None) -> bool | None:
    """Return whether run properties hide the text (None: they do not say)."""
    if properties is None:
        return None
    for name in HIDING:
        found = properties.find(w(name))
        if found is not None:
            return found.get(w("val"), "true").lower() not in _OFF
    return None


def hidden_styles(styles: etree._Element | None) -> tuple[Mapping[str, bool | None], bool]:
    """Return, per style id, whether the style hides its text (through `basedOn`; None
    when no style in the chain says), and whether the document's defaults hide text."""
    if styles is None:
        return {}, False
    own: dict[str, bool | None] = {}
    parent: dict[str, str] = {}
    for style in styles.iterfind(w("style")):
        style_id = style.get(w("styleId"), "")
        own[style_id] = toggle(style.find(w("rPr")))
        based = style.find(w("basedOn"))
        if based is not None:
            parent[style_id] = based.get(w("val"), "")
    resolved = {style_id: _inherited(style_id, own, parent) for style_id in own}
    defaults = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    return resolved, bool(toggle(defaults))


def _inherited(
    style_id: str, own: Mapping[str, bool | None], parent: Mapping[str, str]
) -> bool | None:
    seen: set[str] = set()
    while style_id and style_id not in seen:  # a basedOn cycle ends here
        seen.add(style_id)
        value = own.get(style_id)
        if value is not None:
            return value
        style_id = parent.get(style_id, "")
    return None
