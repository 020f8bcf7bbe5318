"""Document numbers in the form 代字〔YYYY〕N号, and dates that follow each other."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jmctl.catalogue import Text
from jmctl.findings import Finding
from jmctl.genre import NUMBER_FORM
from jmctl.loading import TreePath
from jmctl.rules.context import Context

_FORM = Text(
    "应为 代字〔YYYY〕N号，如 独府办发〔2017〕20号",
    "expected the form 代字〔YYYY〕N号, e.g. 独府办发〔2017〕20号",
)


def check(context: Context) -> Iterator[Finding]:
    notice = context.model.notice
    if notice is not None and notice.doc_number:
        path = ("notice", "doc_number")
        yield from _number_form(context, path, notice.doc_number, strict=True)
        match = NUMBER_FORM.match(notice.doc_number)
        year = notice.date.year if notice.date else None
        if match and len(match["year"]) == 4 and year and int(match["year"]) != year:
            yield context.at("JM303", path, number_year=match["year"], date_year=year)
    for basis in context.model.meeting.basis:
        if basis.number:
            yield from _number_form(context, (*basis.path, "number"), basis.number, strict=False)
    if notice is not None and notice.print_date and notice.date and notice.print_date < notice.date:
        yield context.at(
            "JM304",
            ("notice", "print_date"),
            print_date=notice.print_date.isoformat(),
            date=notice.date.isoformat(),
        )


def _number_form(
    context: Context, path: TreePath, value: str, *, strict: bool
) -> Iterator[Finding]:
    """Check a document number; `strict` also requires the bracketed-year form itself.

    Cited numbers take other forms too (国务院令第649号), so for them only a
    bracketed year is held to the standard.
    """
    match = NUMBER_FORM.match(value)
    if match is None:
        if strict:
            yield context.at("JM302", path, value=value, detail=_FORM.zh, detail_en=_FORM.en)
        return
    for zh, en in number_problems(match):
        yield context.at("JM302", path, value=value, detail=zh, detail_en=en)


def number_problems(match: re.Match[str]) -> Iterator[tuple[str, str]]:
    brackets = match["open"] + match["close"]
    if brackets != "〔〕":
        yield (
            f"年份应使用六角括号〔〕，不能用 {brackets}",
            f"the year takes hexagonal brackets 〔〕, not {brackets}",
        )
    if len(match["year"]) != 4:
        yield "年份应写全 4 位", "the year must have 4 digits"
    if match["ordinal"]:
        yield "序号前不加“第”", "no 第 before the serial number"
    if match["serial"].startswith("0"):
        yield "序号不编虚位（不以 0 开头）", "no leading zero in the serial number"
