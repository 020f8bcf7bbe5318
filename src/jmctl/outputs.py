"""Write output files so that nothing the user had is ever lost or half-written."""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from jmctl.errors import JmctlError
from jmctl.names import truncate_bytes

# A temporary file is `.<name>.<random>.jmctl.tmp` beside its target: hidden, and
# recognisable as ours, so that one a killed run left behind can be removed later.
_TEMP_SUFFIX = ".jmctl.tmp"
_TEMP_NAME_BYTES = 120  # of the target's name in the temporary one: 255 bytes is the limit
_OURS = re.compile(r"^\..*\.[a-z0-9_]{8}" + re.escape(_TEMP_SUFFIX) + "$", re.S)
STALE_AFTER = 3600  # seconds: no write of ours holds its temporary file that long
_swept: set[Path] = set()


class OutputError(JmctlError):
    """An output that must not or cannot be written."""


def word_lock_files(path: Path) -> list[Path]:
    """Return the owner files Word keeps beside a document it has open (~$name.docx)."""
    names = {f"~${path.name}", f"~${path.name[2:]}"}
    return [path.with_name(name) for name in sorted(names)]


def is_input(path: Path, inputs: Iterable[Path]) -> bool:
    """Whether writing `path` would overwrite one of `inputs` (by any name: symbolic
    or hard links included)."""
    target = path.resolve()
    for source in inputs:
        if target == source.resolve():
            return True
        try:
            if path.exists() and source.exists() and path.samefile(source):
                return True
        except OSError:
            continue
    return False


def atomic_write(path: Path, data: bytes, inputs: Iterable[Path] = ()) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename.

    A reader (or a crash) sees the old file or the new one, never part of one.
    Refuses to overwrite one of `inputs`, and a document that Word has open.
    """
    if is_input(path, inputs):
        raise OutputError(f"{path}：这是输入文件，不能覆盖 (refusing to overwrite an input file)")
    locks = [lock for lock in word_lock_files(path) if lock.exists()]
    if locks:
        raise OutputError(
            f"{path}：文件正在 Word 中打开（有 {locks[0].name}），请先关闭 "
            "(the document is open in Word; close it first)"
        )
    _check_folders(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sweep_stale_temporaries(path.parent)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{truncate_bytes(path.name, _TEMP_NAME_BYTES)}.",
            suffix=_TEMP_SUFFIX,
            dir=path.parent,
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


def _check_folders(path: Path) -> None:
    """Refuse, in plain words, an output whose folder is a file or whose name is a folder
    (the system would only say "File exists" or "Is a directory")."""
    if path.is_dir():
        raise OutputError(f"{path}：这是一个文件夹，不能作为输出文件 (is a folder, not a file)")
    for folder in path.parents:
        if folder.exists():
            if not folder.is_dir():
                raise OutputError(
                    f"{path}：{folder} 是一个文件，不是文件夹，无法在其中写入 "
                    f"({folder} is a file, not a folder)"
                )
            return


def sweep_stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files a killed jmctl left in `folder` (once per process and
    folder): only regular files named as ours, owned by this user, untouched for an hour."""
    if folder in _swept and now is None:
        return []
    _swept.add(folder)
    removed = []
    moment = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        if not _OURS.match(entry.name):
            continue
        try:
            status = entry.stat(follow_symlinks=False)
            if not entry.is_file(follow_symlinks=False) or status.st_uid != os.geteuid():
                continue
            if moment - status.st_mtime > STALE_AFTER:
                stale = Path(entry.path)
                stale.unlink()
                removed.append(stale)
        except OSError:
            continue  # another run removed or renamed it: nothing to do
    return removed
