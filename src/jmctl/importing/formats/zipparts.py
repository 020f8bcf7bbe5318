"""Open a ZIP package (DOCX) as a hostile file: bounded before any part is inflated.

The central directory states how many parts there are and how large each one is
once inflated; both are checked before reading, and no part is read past the size
it states (a part whose stream inflates further is refused, not trusted).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO

from jmctl.errors import JmctlError
from jmctl.findings import Finding
from jmctl.importing.formats.limits import (
    MAX_PACKAGE_BYTES,
    MAX_PART_BYTES,
    MAX_PARTS,
    mib,
    too_large,
    unreadable,
)

_END = b"PK\x05\x06"
_END64_LOCATOR = b"PK\x06\x07"
_CHUNK = 1024 * 1024
# What zipfile raises for a damaged package (ValueError: offsets pointing outside it).
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    ValueError,
    EOFError,
    NotImplementedError,
    OSError,
    struct.error,
)


class PartError(JmctlError):
    """A part that cannot be read; `finding` says why, for the user."""

    finding: Finding  # always: it is what this error says

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding=finding)


@dataclass
class ZipParts:
    """The parts of a package whose central directory is within the bounds."""

    path: str
    kind: str
    archive: zipfile.ZipFile

    def has(self, name: str) -> bool:
        return name in self.archive.NameToInfo

    def read(self, name: str) -> bytes:
        """Return part `name` inflated, never more than the size it states."""
        info = self.archive.getinfo(name)
        if info.flag_bits & 0x1:
            raise PartError(self._bad(name, "已加密", "is encrypted"))
        chunks, size = [], 0
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > info.file_size:
                        raise PartError(self._bad(name, "超出声明的大小", "inflates past its size"))
                    chunks.append(chunk)
        except _DAMAGED as error:
            damaged = self._bad(name, f"已损坏（{error}）", f"is damaged ({error})")
            raise PartError(damaged) from None
        return b"".join(chunks)

    def _bad(self, name: str, zh: str, en: str) -> Finding:
        return unreadable(self.path, self.kind, f"部件 {name} {zh}", f"part {name} {en}")


def open_parts(raw: bytes, path: str, kind: str = "docx") -> ZipParts | Finding:
    """Return the package in `raw`, or the finding that says why it is not read."""
    if not raw:
        return unreadable(path, kind, "文件是空的（0 字节）", "the file is empty (0 bytes)")
    stated = _stated_parts(raw)
    if stated is None:
        return _truncated(path, kind)
    if stated > MAX_PARTS:
        return _parts_over(path, kind, stated)
    try:
        archive = zipfile.ZipFile(BytesIO(raw))
    except _DAMAGED:
        return _truncated(path, kind)
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        return _parts_over(path, kind, len(infos))
    total = 0
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            return too_large(
                path,
                kind,
                f"部件 {info.filename} 解压后 {mib(info.file_size)}，大于 {mib(MAX_PART_BYTES)}",
                f"part {info.filename} inflates to {mib(info.file_size)},"
                f" more than {mib(MAX_PART_BYTES)}",
            )
        total += info.file_size
    if total > MAX_PACKAGE_BYTES:
        return too_large(
            path,
            kind,
            f"解压后共 {mib(total)}，大于 {mib(MAX_PACKAGE_BYTES)}",
            f"inflates to {mib(total)} in all, more than {mib(MAX_PACKAGE_BYTES)}",
        )
    return ZipParts(path, kind, archive)


def _stated_parts(raw: bytes) -> int | None:
    """Return the number of parts the end of the central directory states, read before
    Python's zipfile builds an object for every one of them (None: no directory)."""
    at = raw.rfind(_END, max(0, len(raw) - 65_557))
    if at < 0 or len(raw) < at + 22:
        return None
    (count,) = struct.unpack_from("<H", raw, at + 10)
    locator = at - 20
    if count == 0xFFFF and locator >= 0 and raw[locator : locator + 4] == _END64_LOCATOR:
        (offset,) = struct.unpack_from("<Q", raw, locator + 8)
        if offset + 40 <= len(raw):
            (count,) = struct.unpack_from("<Q", raw, offset + 32)
    return count


def _truncated(path: str, kind: str) -> Finding:
    return unreadable(
        path,
        kind,
        "不是完整的 Word 文件（ZIP 包已截断或损坏）",
        "not a complete Word file (the ZIP package is truncated or damaged)",
    )


def _parts_over(path: str, kind: str, count: int) -> Finding:
    return too_large(
        path,
        kind,
        f"有 {count} 个部件，多于 {MAX_PARTS} 个",
        f"{count} parts, more than {MAX_PARTS}",
    )
