"""Recognise a document given where a data file is expected, and say what to do instead.

Office staff give `validate` or `render` the Word file they have; decoding it as
YAML would only say "save as UTF-8". This names what the file is and points to
`jmctl import` (or to saving it as .docx first, for formats import may not read).
"""

from __future__ import annotations

import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from jmctl.catalogue import Text
from jmctl.findings import FILE_START, Finding
from jmctl.resources import data_file

_SAVE_AS_DOCX = Text(
    "；如果 jmctl import 读不了，请先在 Word 或 WPS 中另存为 .docx",
    "; if jmctl import cannot read it, save it as .docx in Word or WPS first",
)


@cache
def _kinds() -> dict[str, Any]:
    return yaml.safe_load(data_file("document_kinds.yaml").read_text(encoding="utf-8"))


def not_a_data_file(path: Path) -> Finding | None:
    """Return a JM040 finding when `path` is a document rather than a data file."""
    if _workbook(path):
        return None  # a workbook (名单.xlsx) is the data in sheets: the loader reads it
    kinds = _kinds()
    kind = kinds["suffixes"].get(path.suffix.lower())
    if kind is None:
        kind = _by_signature(path, kinds["signatures"])
    if kind is None:
        return None
    hint = _SAVE_AS_DOCX if kind.get("save_as_docx") else ""
    args = {"kind": Text(kind["zh"], kind["en"]), "hint": hint}
    return Finding(str(path), FILE_START, "JM040", args)


def _workbook(path: Path) -> bool:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return True
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _by_signature(path: Path, signatures: list[dict[str, Any]]) -> dict[str, Any] | None:
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError:
        return None  # the loader reports what cannot be read
    for signature in signatures:
        if head.startswith(signature["start"].encode("latin-1")):
            return signature
    return None
