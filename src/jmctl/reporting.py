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
