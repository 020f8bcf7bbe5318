"""File names made from data (document numbers, meeting names): safe on every system.

The rule, in order:
1. line breaks, tabs and other spaces become a space; characters that are invisible
   or change how text reads are dropped: other controls, format characters (the bidi
   overrides U+202A–U+202E and U+2066–U+2069, zero-width characters), private-use,
   unassigned and surrogate code points;
2. any run of spaces is one space;
3. the characters Windows forbids, `/ \\ : * ? " < > |`, become their full-width forms
   (／＼：＊？＂＜＞｜), as Chinese offices write them anyway;
4. leading and trailing spaces and dots go (a leading dot hides a file, a trailing
   one is dropped by Windows); a reserved device name (CON, NUL, COM1 …) gets a `_`;
5. the name is cut, at a character boundary, to 200 bytes of UTF-8 with its suffix
   (file systems allow 255, and the temporary file beside it needs room too); what
   tells a document from its siblings (-成员名单（2017年）) is kept, the rest is cut;
6. a name left empty becomes 未命名.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_NAME_BYTES = 200
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"})
_FULL_WIDTH = str.maketrans('/\\:*?"<>|', "／＼：＊？＂＜＞｜")
_SPACES = re.compile(r"\s+")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
UNNAMED = "未命名"


def safe_file_name(stem: str, suffix: str = "", tail: str = "") -> str:
    """Return `stem` + `tail` + `suffix` (".docx") made into a safe file name by the
    module's rule. `tail` is what tells a file from its siblings (-成员名单（2017年）): it
    is kept whole, and only `stem` is cut to fit."""
    end = _cleaned(tail)
    cleaned = _cleaned(stem).strip(" .")
    if _RESERVED.match(cleaned):
        cleaned = f"_{cleaned}"
    room = MAX_NAME_BYTES - len(suffix.encode("utf-8")) - len(end.encode("utf-8"))
    cleaned = truncate_bytes(cleaned, max(room, 0)).rstrip(" .")
    return ((cleaned + end).rstrip(" .") or UNNAMED) + suffix


def _cleaned(text: str) -> str:
    """Apply steps 1 to 3 of the rule: spaces, invisible characters, Windows' forbidden."""
    spaced = _SPACES.sub(" ", text)  # a line break or tab between words stays a space
    kept = "".join(char for char in spaced if unicodedata.category(char) not in _DROPPED_CATEGORIES)
    return kept.translate(_FULL_WIDTH)


def truncate_bytes(text: str, limit: int) -> str:
    """Return the longest prefix of `text` whose UTF-8 form has at most `limit` bytes."""
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", "ignore")


def distinct_targets(wanted: dict[Path, Path]) -> dict[Path, Path]:
    """Return where each source's output goes when two sources want the same target
    (x/a.yaml and y/a.yaml into one folder, a.txt and a.docx beside each other).

    Sources that share a target each get their own suffix added to the stem (a-txt.yaml,
    a-docx.yaml), then a number if that is not enough; the others keep theirs. Only the
    sources whose target changed are in the result.
    """
    groups: dict[Path, list[Path]] = {}
    for source, target in wanted.items():
        groups.setdefault(_key(target), []).append(source)
    taken = set(groups)
    moved: dict[Path, Path] = {}
    for sources in groups.values():
        if len(sources) < 2:
            continue
        for source in sorted(sources, key=str):
            target = wanted[source]
            tag = source.suffix.lstrip(".") or "file"
            candidate, number = _tagged(target, tag), 2
            while _key(candidate) in taken:
                candidate, number = _tagged(target, f"{tag}-{number}"), number + 1
            taken.add(_key(candidate))
            moved[source] = candidate
    return moved


def _tagged(target: Path, tag: str) -> Path:
    suffix = target.suffix if target.suffix in (".yaml", ".docx", ".pdf") else ""
    stem = target.name[: len(target.name) - len(suffix)] if suffix else target.name
    return target.with_name(safe_file_name(f"{stem}-{tag}", suffix))


def _key(path: Path) -> Path:
    """Paths that name one file on a case-insensitive disk (Windows shares, macOS) too."""
    return Path(str(path.resolve()).casefold())
