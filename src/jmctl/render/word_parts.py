"""The package parts around the styles that Word and WPS read: fonts and compatibility.

python-docx's stock template declares MS Mincho and Calibri, a Japanese theme language
and compatibility mode 14 (Word opens it in 兼容模式); the reference DOCX declares the
fonts a document uses instead, with their alternates, in Chinese and mode 15.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

import yaml
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
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
    root = parse_xml(f"<w:fonts {nsdecls('w')}/>")
    declared = _declarations()
    for name in dict.fromkeys(names):
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        entry = declared.get(name, {})
        if entry.get("alt"):
            ooxml.set_value(font, "w:altName", entry["alt"])
        for tag, key in (("panose1", "panose"), ("charset", "charset"), ("family", "family")):
            if entry.get(key):
                ooxml.set_value(font, f"w:{tag}", entry[key])
        if entry.get("pitch"):
            ooxml.set_value(font, "w:pitch", entry["pitch"])
        root.append(font)
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + _serialise(root)


def _serialise(element: Any) -> bytes:
    return etree.tostring(element, encoding="UTF-8")


def replace_font_table(document: DocxDocument, names: Iterable[str]) -> None:
    for part in document.part.package.iter_parts():
        if str(part.partname) == FONT_TABLE:
            part._blob = font_table_xml(names)


def chinese_settings(document: DocxDocument) -> None:
    """Compatibility mode 15 and Chinese as the theme's East Asian language."""
    settings = document.settings.element
    language = ooxml.child(settings, "w:themeFontLang")
    language.set(qn("w:val"), "en-US")
    language.set(qn("w:eastAsia"), "zh-CN")
    compat = ooxml.child(settings, "w:compat")
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), COMPATIBILITY_MODE)
            return
    setting = OxmlElement("w:compatSetting")
    for name, value in (("name", "compatibilityMode"), ("uri", _WORD_URI)):
        setting.set(qn(f"w:{name}"), value)
    setting.set(qn("w:val"), COMPATIBILITY_MODE)
    compat.append(setting)
