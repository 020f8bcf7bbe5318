"""The lines people read: a finding, the summary of a check, one language of a message."""

from __future__ import annotations

from jmctl.errors import both_languages
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


def in_language(text: str, lang: str) -> str:
    """Return one language of a two-language message written `中文 (English)`.

    Several library messages carry both languages in one string; the command line
    shows only the one asked for. A message of another shape is returned as it is.
    """
    return both_languages(text).pick(lang)
