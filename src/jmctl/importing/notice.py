"""The notice's keys of the data file, leaving out what the templates would write the
same way (the stock title and body)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from jmctl.genre import CITED_NUMBER, CLOSING, OPENING
from jmctl.importing.words import import_words
from jmctl.model import NOTICE_FIELDS

# A news item on the notice: 县政府办公室印发了《…关于成立…的通知》（绥办通〔2017〕43号）, or
# 两办…下发通知（遂办字[2016]42号）. Only after 印发 or 下发, so the documents a preamble cites
# (根据《…》（国发〔2016〕7号）) are not taken.
_REPORTED_NUMBER = re.compile(
    rf"(?:印发了?《[^《》]{{4,100}}(?:通知|决定|意见|批复|函)》|下发了?通知)\s*[{re.escape(OPENING)}]\s*"
    rf"({CITED_NUMBER.pattern})\s*[{re.escape(CLOSING)}]"
)


def reported_number(texts: Sequence[str]) -> str | None:
    """The 文号 a copy without the notice's own header gives it where it reports it."""
    for text in texts:
        match = _REPORTED_NUMBER.search(text)
        if match:
            return re.sub(r"\s+", "", match.group(1))
    return None


# What a copy without the notice's title says it reports: 国务院决定对…组成人员进行相应调整,
# 《国务院办公厅关于调整…组成人员的通知》. Bounded windows, read in the first paragraph only:
# every set of rules says later that 成员因工作变动需要调整的…
_ADJUSTED = re.compile(
    r"调整[^。，,]{0,40}?(?:组成人员|成员)|(?:组成人员|成员)[^。，,]{0,8}调整(?!的)"
)

# …市政府日前决定成立…领导小组: a news item reporting the decision that set the body up.
_ESTABLISHED = re.compile(r"(?:政府|办公厅|办公室)[^。，,]{0,6}决定(?:成立|建立)")


def kind_of_notice(notice: dict[str, Any], opening: str = "") -> str:
    """establish, adjust or approve, by the title; without one, by what the 文号, the
    body or the document's `opening` paragraph says."""
    title = notice.get("title", "")
    if title.endswith(("函", "批复")) or "同意" in title:
        return "approve"  # 关于同意调整完善…的函 approves an adjustment
    if any(word in title for word in import_words()["adjust_title_words"]):
        return "adjust"  # 关于调整成立…指挥部, 关于完善…联席会议制度
    if not title and "函〔" in notice.get("doc_number", ""):
        return "approve"  # no title printed: a 函's number says what it is
    if not title and any("收悉" in text for text in notice.get("body", [])):
        return "approve"  # a reply: 你局《…的请示》收悉
    if not title and _ADJUSTED.search(opening[:400]):
        return "adjust"
    return "establish"


def _notice_opening(opening: str, lead_in: bool) -> bool:
    """Whether a copy without the notice's header opens as the notice itself does: 建立…制度。
    现将有关事项通知如下 (`lead_in`)."""
    return lead_in and ("建立" in opening or "成立" in opening)


def notice_of(
    notice: dict[str, Any],
    meeting_name: str,
    jurisdiction: dict[str, Any],
    texts: Sequence[str] = (),
    others: Sequence[str] = (),
    lead_in: bool = False,
) -> dict[str, Any]:
    """Return the notice keys; {} when the document gives none of them, neither a header
    (a copy beginning at the 主送 has one) nor a report of an adjustment. `texts` are the
    preamble and body, the first its opening; `others` the rest, where news reports it;
    `lead_in` whether the text says 现将有关事项通知如下."""
    if "title" not in notice and "doc_number" not in notice:
        number = reported_number([*texts, *others])
        notice = notice | ({"doc_number": number} if number else {})
    kind = kind_of_notice(notice, texts[0] if texts else "")
    keys = ("date", "issuer", "doc_number", "title", "recipients")
    opening = texts[0][:400] if texts else ""
    reported = kind == "adjust" or _ESTABLISHED.search(opening) or _notice_opening(opening, lead_in)
    if not any(key in notice for key in keys) and not reported:
        return {}
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
