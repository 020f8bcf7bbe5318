"""The 纪要's 版头 read back: the 期数 line (第2期) and the office-and-date line under it
(联席会议办公室　2023年9月12日), into the session's `minutes` block.

Only what differs from what the data prints without the block is written: a 纪要 whose
期数 is the session's number and whose date is the session's gives no `minutes`, so a
rendered 纪要 imports back to the session it came from, no more.
"""

from __future__ import annotations

import re
from typing import Any

from jmctl.genre import count_value
from jmctl.importing import header as hd
from jmctl.importing.minutes_lines import iso

ISSUE = re.compile(r"^[（(]?(?:\d{4}年)?第\s*([0-9〇一二三四五六七八九十]{1,6})\s*期[）)]?$")
_OFFICE_DATE = re.compile(r"^(\S{2,30})\s+(\d{4})年(\d{1,2})月(\d{1,2})日$")


def masthead_line(text: str) -> dict[str, Any] | None:
    """Return {"issue": 2} for a 期数 line, {"date": "2023-09-12"} for the office and date
    under it, None for any other line (`text` without padding)."""
    issue = ISSUE.match(text)
    if issue is not None:
        value = count_value(issue.group(1))
        return {"issue": value} if value else None
    office_date = _OFFICE_DATE.match(text)
    if office_date is not None and hd.is_organ(office_date.group(1)):
        return {"date": iso(*office_date.groups()[1:])}
    return None


def minutes_block(read: dict[str, Any], session: dict[str, Any]) -> dict[str, Any]:
    """Return the `minutes` block of what the 版头 said, less what the session implies."""
    implied = {"issue": session.get("number"), "date": session.get("date")}
    return {key: value for key, value in read.items() if value != implied[key]}
