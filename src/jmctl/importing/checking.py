"""Proofread an existing document: its own defects, located at its own lines.

Two passes. The text pass reads the lines as printed (numbering, 文号 and date
forms, 主送 and 抄送 punctuation, half-width marks, the other script, padded
names), without a web page's furniture (`check_numbering` holds the numbering). The
structural pass (`check_structure`) imports the document and runs the domain rules on
the result, each finding moved back to the line its value came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from jmctl.findings import Finding, Mark
from jmctl.genre import CITED_NUMBER, full_width
from jmctl.genre import without_padding as clean
from jmctl.importing.blocks import Block, injected_finding, injected_symbols, texts_by_line
from jmctl.importing.check_numbering import numbering
from jmctl.importing.check_structure import structural_pass
from jmctl.importing.header import is_furniture
from jmctl.importing.parse import import_source
from jmctl.importing.sources import DOCUMENT_SUFFIXES, Line, documents_under, read_source
from jmctl.importing.words import role_labels
from jmctl.loading import Document
from jmctl.results import FileResult
from jmctl.rules import dates as date_rules
from jmctl.rules import text as text_rules
from jmctl.rules.context import Context
from jmctl.safety import each_file, per_file

_CITED_NUMBER = CITED_NUMBER
_ANY_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
# A page's date and time on a line of its own: - 2019年08月27日, 2021-09-22 17：15.
_PAGE_STAMP = re.compile(
    r"[-•·*\s]*\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?(?:\s+\d{1,2}：\d{2}(?:：\d{2})?)?"
)
CHECKED_SUFFIXES = (*DOCUMENT_SUFFIXES, ".yaml", ".yml")


class CheckResult(FileResult):
    """The defects found in one document."""


def check_files(
    paths: Sequence[Path], jobs: int | None = None
) -> tuple[int, Iterator[CheckResult]]:
    """Return how many documents are under `paths`, and their results, in order."""
    files = documents_under(paths, CHECKED_SUFFIXES)
    return len(files), each_file(check_file, files, CheckResult, jobs)


@per_file(CheckResult)
def check_file(path: Path) -> CheckResult:
    """Return the defects of the document (or data file) at `path`; never raises for it."""
    if path.suffix.lower() in (".yaml", ".yml"):
        from jmctl.validation import validate_file

        return CheckResult(path, validate_file(path).findings)
    source = read_source(path)
    findings = list(source.findings)
    if source.lines:
        lines = [line for line in source.lines if line.text.strip()]
        findings += _text_pass(source.path, _document_lines(lines))
        findings += _injected(source.path, lines)
        imported = import_source(source, to_simple=False)
        findings += structural_pass(source, imported)
    findings.sort(key=Finding.sort_key)
    return CheckResult(path, _unique(findings))


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, unique = set(), []
    for finding in findings:
        key = (finding.mark, finding.code, str(finding.args))
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique


# The text pass -----------------------------------------------------------------------


def _document_lines(lines: list[Line]) -> list[Line]:
    """The lines of the document itself, without a web page's furniture (发文日期2005年09月16日,
    当前位置, 发布人:…): a page's dates and labels are no part of the notice to proofread."""
    kept, after_label = [], False
    for line in lines:
        text = full_width(line.text.strip())
        furniture = is_furniture(text)
        # "- 发布时间:" with its date on the next line: that date is the page's too
        stamp = after_label and _PAGE_STAMP.fullmatch(text) is not None
        after_label = furniture and text.endswith("：")
        if not (furniture or stamp):
            kept.append(line)
    return kept


def _text_pass(path: str, lines: list[Line]) -> Iterator[Finding]:
    yield from numbering(path, lines)
    yield from _forms(path, lines)
    yield from _script_and_punctuation(path, lines)
    yield from _padded_names(path, lines)


def _forms(path: str, lines: list[Line]) -> Iterator[Finding]:
    """Document numbers, dates, and the punctuation that ends 主送 and 抄送."""
    in_cc = False
    for index, line in enumerate(lines):
        text = clean(line.text)
        for match in _CITED_NUMBER.finditer(text):
            yield from _number(path, line, match.group())
        for match in _ANY_DATE.finditer(text):
            yield from _date(path, line, match)
        if text.startswith("抄送"):
            in_cc = True
        if in_cc and (index + 1 == len(lines) or _ends_cc(lines[index + 1].text)):
            in_cc = False
            if not text.endswith("。"):
                yield Finding(path, Mark(line.number, len(line.text.rstrip())), "JM605")
        if _looks_like_recipients(lines, index) and not text.endswith("："):
            yield Finding(path, Mark(line.number, len(line.text.rstrip())), "JM604")


def _ends_cc(following: str) -> bool:
    text = clean(following)
    return "印发" in text or text.startswith("共印")


def _looks_like_recipients(lines: list[Line], index: int) -> bool:
    """The line after the title, naming organs, before the body starts."""
    if index == 0:
        return False
    previous = clean(lines[index - 1].text)
    text = clean(lines[index].text)
    return (
        previous.startswith("关于")
        and previous.endswith(("通知", "函", "批复"))
        and len(text) < 80
        and not text.endswith("。")
        and ("，" in text or "、" in text or text.endswith(("：", ":")))
    )


def _number(path: str, line: Line, value: str) -> Iterator[Finding]:
    match = date_rules.NUMBER_FORM.match(value)
    if match is None:
        return
    column = line.text.find(value[:2]) + 1
    for zh, en in date_rules.number_problems(match):
        yield Finding(
            path,
            Mark(line.number, max(column, 1)),
            "JM302",
            {"value": value, "detail": zh, "detail_en": en},
        )


def _date(path: str, line: Line, match: re.Match[str]) -> Iterator[Finding]:
    year, month, day = match.groups()
    mark = Mark(line.number, line.text.find(match.group()) + 1)
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        yield Finding(
            path,
            mark,
            "JM301",
            {"value": match.group(), "detail": "：这一天不存在", "detail_en": ": no such day"},
        )
        return
    if month.startswith("0") or day.startswith("0"):
        yield Finding(
            path,
            mark,
            "JM603",
            {
                "value": match.group(),
                "detail": "月、日不编虚位（不以 0 开头）",
                "detail_en": "no leading zero in month or day",
            },
        )


def _script_and_punctuation(path: str, lines: list[Line]) -> Iterator[Finding]:
    """The text rules (JM401, JM402), run over the lines with exact character positions."""
    document = Document(path, {"lines": [line.text for line in lines]})
    for index, line in enumerate(lines):
        document.marks[("lines", index)] = Mark(line.number, 1)  # each line's text starts there
    context = Context(document, None, ())  # type: ignore[arg-type]  # text rules need no model
    yield from text_rules.check(context)


_PADDED = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])([ \u3000]+)([\u4e00-\u9fff])"
    r"(?=[ \u3000]{1,}\S)"
)


# A roster entry that names a person of two characters unpadded: 黎兵  市建设局局长.
_UNPADDED_ENTRY = re.compile(r"^[ \u3000]*([\u4e00-\u9fff]{2})(?=[ \u3000]|$)")
_LABEL_LENGTH = 8  # characters: 第一副召集人, 成　　员


def _padded_names(path: str, lines: list[Line]) -> Iterator[Finding]:
    """A name padded one way in one roster entry and another way (or not at all) in
    another. Prose names a person unpadded (黎兵兼任办公室副主任) while the roster pads
    the same name to the width of three (黎　兵): that is the rule, not a defect."""
    spellings: dict[str, tuple[str, int]] = {}
    labels = tuple(role_labels())  # 召 集 人 and 成　员 are spread labels, not names
    for line in lines:
        for match in _PADDED.finditer(line.text):
            name = match.group(1) + match.group(3)
            if any(name in label for label in labels):
                continue
            spelled = match.group()
            if name in spellings and spellings[name][0] != spelled:
                other, other_line = spellings[name]
                yield Finding(
                    path,
                    Mark(line.number, match.start() + 1),
                    "JM607",
                    {"name": spelled, "other": other, "other_line": other_line},
                )
            spellings.setdefault(name, (spelled, line.number))
    for line in lines:
        entry = _UNPADDED_ENTRY.match(_without_label(line.text))
        if entry is None or entry.group(1) not in spellings:
            continue
        name = entry.group(1)
        spelled, first = spellings[name]
        if line.number != first:
            yield Finding(
                path,
                Mark(line.number, line.text.find(name) + 1),
                "JM607",
                {"name": name, "other": spelled, "other_line": first},
            )


def _without_label(text: str) -> str:
    """The text after a roster line's label (成  员：, 召集人:), or all of it."""
    for colon in "：:":
        label, found, rest = text.partition(colon)
        if found and len(label.strip()) <= _LABEL_LENGTH:
            return rest
    return text


def _injected(path: str, lines: list[Line]) -> Iterator[Finding]:
    """Symbols a web mirror injected inside words (管▃委会)."""
    blocks = [Block(line.number, line.text) for line in lines]
    texts = texts_by_line(lines)
    for found in injected_symbols(blocks):
        yield injected_finding(path, found, texts)
