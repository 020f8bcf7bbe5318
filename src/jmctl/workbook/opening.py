"""Open a workbook safely: a zip bomb or a Word file is refused before openpyxl unpacks it."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from jmctl.catalogue import Text
from jmctl.errors import JmctlError
from jmctl.findings import FILE_START, Finding

# A workbook of one data file is 10–60 KB; these bounds refuse a zip bomb before unpacking.
MAX_UNPACKED = 32 * 1024 * 1024
MAX_PARTS = 1_000
MAX_ROWS = 20_000


class Refused(JmctlError):
    """A workbook that cannot become data; carries the finding that says why."""

    finding: Finding  # always: it is what this error says

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding=finding)


def open_workbook(raw: bytes, path: str) -> Any:
    """Return the openpyxl workbook of `raw`, or raise Refused with a located finding."""

    def refuse(zh: str, en: str) -> Refused:
        return Refused(Finding(path, FILE_START, "JM701", {"detail": Text(zh, en)}))

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
            names = {part.filename for part in parts}
    except zipfile.BadZipFile:
        raise refuse(
            "不是 xlsx 工作簿（不是 zip 文件）", "not an xlsx workbook (not a zip)"
        ) from None
    if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > MAX_UNPACKED:
        mib = MAX_UNPACKED // 1024 // 1024
        raise refuse(f"解压后超过 {mib} MiB", f"more than {mib} MiB once unpacked")
    if "xl/workbook.xml" not in names:
        raise refuse("不是 xlsx 工作簿（可能是 Word 文件）", "not an xlsx workbook (a DOCX?)")
    # Imported here: openpyxl costs start-up time that YAML files need not pay.
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(raw), data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged part
        detail = f"{type(error).__name__}: {error}"
        raise refuse(f"无法读取：{detail}", f"cannot be read: {detail}") from None
