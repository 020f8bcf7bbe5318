"""Write output files so that nothing the user had is ever lost or half-written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """An output that must not or cannot be written."""


def word_lock_files(path: Path) -> list[Path]:
    """Return the owner files Word keeps beside a document it has open (~$name.docx)."""
    names = {f"~${path.name}", f"~${path.name[2:]}"}
    return [path.with_name(name) for name in sorted(names)]


def atomic_write(path: Path, data: bytes, inputs: Iterable[Path] = ()) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename.

    A reader (or a crash) sees the old file or the new one, never part of one.
    Refuses to overwrite one of `inputs`, and a document that Word has open.
    """
    target = path.resolve()
    if any(target == source.resolve() for source in inputs):
        raise OutputError(f"{path}：这是输入文件，不能覆盖 (refusing to overwrite an input file)")
    locks = [lock for lock in word_lock_files(path) if lock.exists()]
    if locks:
        raise OutputError(
            f"{path}：文件正在 Word 中打开（有 {locks[0].name}），请先关闭 "
            "(the document is open in Word; close it first)"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as error:
        raise OutputError(f"{path}：无法写入 (cannot write): {error.strerror}") from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(0o644)
        Path(temporary).replace(path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{path}：无法写入 (cannot write): {error.strerror}") from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
