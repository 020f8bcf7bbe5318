"""Print findings: one line each for people, or one JSON object for programs."""

from __future__ import annotations

import json
from collections.abc import Iterable

from jmctl.findings import Counts, Finding, Severity

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def finding_line(finding: Finding, lang: str, colour: bool = False) -> str:
    """Return `path:line:col: severity CODE message` (`path:sheet!C7:` in a workbook)."""
    where = f"{finding.path}:{finding.mark.where()}:"
    severity = finding.severity.value
    if colour:
        where = f"{_BOLD}{where}{_RESET}"
        severity = f"{_COLOURS[finding.severity]}{severity}{_RESET}"
    return f"{where} {severity} {finding.code} {finding.message(lang)}"


def summary_line(counts: Counts, lang: str) -> str:
    if lang == "en":
        return (
            f"{counts.files} file(s) checked ({counts.files_ok} ok, {counts.files_warned} with "
            f"warnings, {counts.files_failed} failed): {counts.errors} error(s), "
            f"{counts.warnings} warning(s)"
        )
    return (
        f"检查了 {counts.files} 个文件（通过 {counts.files_ok}，有警告 {counts.files_warned}，"
        f"未通过 {counts.files_failed}）：{counts.errors} 个错误，{counts.warnings} 个警告"
    )


def json_report(findings: Iterable[Finding], counts: Counts, lang: str) -> str:
    ordered = sorted(findings, key=Finding.sort_key)
    payload = {
        "findings": [finding.to_json(lang) for finding in ordered],
        "counts": counts.to_json(),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def in_language(text: str, lang: str) -> str:
    """Return one language of a two-language message written `中文 (English)`.

    Several library messages carry both languages in one string; the command line
    shows only the one asked for. A message of another shape is returned as it is.
    """
    if not text.endswith(")"):
        return text
    opening = text.rfind(" (")
    english = text[opening + 2 : -1] if opening > 0 else ""
    if not english or _has_chinese(english):
        return text
    chinese = text[:opening]
    if lang != "en":
        return chinese
    # Keep a leading file name (`通知.docx：…`) ahead of the English words.
    head, colon, _ = chinese.partition("：")
    return f"{head}: {english}" if colon and ("." in head or "/" in head) else english


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)
