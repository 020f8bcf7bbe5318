"""The package parts around the styles that Word and WPS read: fonts and compatibility.

python-docx's stock template declares MS Mincho and Calibri, a Japanese theme language
and compatibility mode 14 (Word opens it in 兼容模式); the reference DOCX declares the
fonts a document uses instead, with their alternates, in Chinese and mode 15.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import yaml
from docx.document import Document as DocxDocument
from lxml import etree

from jmctl.render import ooxml
from jmctl.resources import data_file

FONT_TABLE = "/word/fontTable.xml"
COMPATIBILITY_MODE = "15"  # Word 2013 and later: no 兼容模式
_WORD_URI = "http://schemas.microsoft.com/office/word"


@cache
def _declarations() -> dict[str, dict[str, str]]:
    return yaml.safe_load(data_file("word-fonts.yaml").read_text("utf-8"))


def font_table_xml(names: Iterable[str]) -> bytes:
    """Return word/fontTable.xml declaring `names`, each with its alternate and charset."""
    declared = _declarations()
    fonts = [_declaration(name, declared.get(name, {})) for name in dict.fromkeys(names)]
    root = ooxml.font_table(fonts)
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + _serialise(root)


def _declaration(name: str, entry: dict[str, str]) -> dict[str, str]:
    """Return a font's declaration in OOXML's names (word-fonts.yaml names them shorter)."""
    tags = {"alt": "altName", "panose": "panose1"}
    return {"name": name, **{tags.get(key, key): value for key, value in entry.items()}}


def _serialise(element: ooxml.Element) -> bytes:
    return etree.tostring(element, encoding="UTF-8")


def replace_font_table(document: DocxDocument, names: Iterable[str]) -> None:
    for part in document.part.package.iter_parts():
        if str(part.partname) == FONT_TABLE:
            part._blob = font_table_xml(names)


def chinese_settings(document: DocxDocument) -> None:
    """Compatibility mode 15 and Chinese as the theme's East Asian language."""
    settings = document.settings.element
    ooxml.theme_languages(settings, "en-US", "zh-CN")
    ooxml.compatibility_mode(settings, COMPATIBILITY_MODE, _WORD_URI)
