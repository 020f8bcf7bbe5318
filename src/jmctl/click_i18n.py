"""click's own words (usage errors, help headings) in the user's language, by gettext.

click marks every message it prints with gettext, which looks a message up by its
msgid in the catalogue of the current text domain, in the language named by the
LANGUAGE variable. jmctl ships a catalogue compiled from `data/help/click.yaml`
and, for the length of one command, makes it the current domain in the chosen
language; English is click's own text (no catalogue needed).
"""

from __future__ import annotations

import contextlib
import gettext
import os
import struct
from collections.abc import Iterator
from pathlib import Path

from jmctl.resources import data_file

DOMAIN = "jmctl-click"
LOCALE_DIR = data_file("locale")
TABLE = data_file("help/click.yaml")
_HEADER = "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=1; plural=0;\n"


def catalogue_path(lang: str = "zh") -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Within this block click speaks `lang`; the previous domain and LANGUAGE come back."""
    previous_domain = gettext.textdomain()
    previous_language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang
    try:
        yield
    finally:
        gettext.textdomain(previous_domain)
        if previous_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = previous_language


def compile_catalogue(table: Path = TABLE) -> bytes:
    """Return the GNU .mo bytes of the msgid table (the format gettext reads)."""
    import yaml  # only when compiling: every start reads the compiled catalogue

    entries = yaml.safe_load(table.read_text(encoding="utf-8"))
    pairs = {"": _HEADER}
    for entry in entries:
        msgid = entry["id"] if "plural" not in entry else f"{entry['id']}\0{entry['plural']}"
        pairs[msgid] = entry["zh"]
    return _mo_bytes(pairs)


def _mo_bytes(pairs: dict[str, str]) -> bytes:
    """Lay out a .mo file: header, two tables of (length, offset), then the strings."""
    keys = sorted(pairs)
    ids = [key.encode("utf-8") for key in keys]
    strs = [pairs[key].encode("utf-8") for key in keys]
    count = len(keys)
    ids_table, strs_table = 28, 28 + 8 * count
    offset = 28 + 16 * count
    id_entries, blob = [], b""
    for text in ids:
        id_entries.append((len(text), offset + len(blob)))
        blob += text + b"\0"
    str_entries = []
    for text in strs:
        str_entries.append((len(text), offset + len(blob)))
        blob += text + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, ids_table, strs_table, 0, 0)
    tables = b"".join(struct.pack("<2I", *entry) for entry in id_entries + str_entries)
    return header + tables + blob


def write_catalogue() -> Path:
    """Compile the table into the shipped catalogue (scripts/build-help)."""
    target = catalogue_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(compile_catalogue())
    return target
