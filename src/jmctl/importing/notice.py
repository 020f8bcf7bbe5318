"""The notice's keys of the data file, leaving out what the templates would write the
same way (the stock title and body)."""

from __future__ import annotations

from typing import Any

from jmctl.importing.words import longest_first
from jmctl.model import NOTICE_FIELDS


def kind_of_notice(notice: dict[str, Any]) -> str:
    title = notice.get("title", "")
    if "调整" in title and "成员" in title:
        return "adjust"
    if title.endswith(("函", "批复")) or "同意" in title:
        return "approve"
    if not title and "函〔" in notice.get("doc_number", ""):
        return "approve"  # no title printed: a 函's number says what it is
    if not title and any("收悉" in text for text in notice.get("body", [])):
        return "approve"  # a reply: 你局《…的请示》收悉
    if title.partition("关于")[2].startswith(longest_first("revising_verbs")):
        return "adjust"  # 关于调整成立…指挥部, 关于完善…联席会议制度: a body that exists
    return "establish"


def notice_of(
    notice: dict[str, Any], meeting_name: str, jurisdiction: dict[str, Any]
) -> dict[str, Any]:
    """Return the notice keys; {} when the document gives none of them."""
    if not any(key in notice for key in ("date", "issuer", "doc_number", "title")):
        return {}
    kind = kind_of_notice(notice)
    generated = {
        "establish": f"关于建立{meeting_name}制度的通知",
        "adjust": f"关于调整{meeting_name}成员的通知",
        "approve": f"关于同意建立{meeting_name}制度的函",
    }[kind]
    result: dict[str, Any] = {"kind": kind}
    title = notice.get("title", "")
    if title and title != generated:
        result["title"] = title
    government = jurisdiction["government"]
    stock = f"经{government}同意，现将《{meeting_name}制度》等印发给你们，请认真贯彻执行。"
    if notice.get("body") == [stock]:
        notice = {key: value for key, value in notice.items() if key != "body"}
    result.update({key: notice[key] for key in NOTICE_FIELDS[2:] if notice.get(key) is not None})
    return result
