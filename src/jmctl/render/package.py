"""Make a DOCX package byte-identical for identical content."""

from __future__ import annotations

import zipfile
from io import BytesIO

_EPOCH = (1980, 1, 1, 0, 0, 0)


def deterministic_docx(data: bytes) -> bytes:
    """Return `data` re-zipped with fixed timestamps and attributes, members in order."""
    source = zipfile.ZipFile(BytesIO(data))
    target_buffer = BytesIO()
    with zipfile.ZipFile(target_buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            target.writestr(fixed, source.read(info.filename))
    return target_buffer.getvalue()
