"""Recognise the parts of an existing notice and build a data file from them.

Works line by line over the document (text lines or DOCX paragraphs): header
(文号, 标志, title, 主送), body, numbered sections or annexes, signature and date,
版记. Every value remembers the line it came from; text that fits nowhere is kept
under `unplaced` with its line, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml

from jmctl.importing.sources import Line, Source
from jmctl.importing.text import (
    HEADING_1,
    HEADING_2,
    ScriptChange,
    clean,
    full_width,
    strip_marker,
    to_simplified,
    traditional_share,
)
from jmctl.loading import TreePath
from jmctl.resources import data_file

_BRACKETS = "〔\\[［【﹝(（"
_CLOSING = "〕\\]］】﹞)）"
DOC_NUMBER = re.compile(rf"^\S{{1,20}}?[{_BRACKETS}]\s*\d{{4}}\s*[{_CLOSING}]第?\s*\d+\s*[号號]$")
DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
PRINTED = re.compile(r"^(\S.*?)\s+(\d{4}年\d{1,2}月\d{1,2}日)\s*印发$")
COPIES = re.compile(r"^共印\s*(\d+)\s*份(?:[，,]\s*其中电子公文\s*(\d+)\s*份)?")
NOTE = re.compile(r"^[（(](此件.+)[）)]$")
STANDALONE_TITLES = ("重点任务分工方案", "成员单位职责分工", "成员名单")
TASK_HEADER = re.compile(r"^序号\s*\|\s*工作任务")
ANNEX = re.compile(r"^附\s*件\s*(\d+)$")
ATTACHMENTS = re.compile(r"^附\s*件\s*[：:]\s*(.*)$")
TITLE_END = ("通知", "函", "批复", "意见", "决定", "方案")
LEAD_IN = re.compile(r"现将有关事[宜项]通知如下[：:]$")
ORGANS = ("人民政府办公室", "人民政府办公厅", "人民政府", "办公厅", "办公室")
_NAME = r"[\u4e00-\u9fff]"
PADDED_NAME = re.compile(rf"^({_NAME})[ \t\u3000]+({_NAME})[ \t\u3000]+(\S.*)$")
PLAIN_NAME = re.compile(rf"^({_NAME}{{2,4}})[ \t\u3000]+(\S.*)$")
JURISDICTION = re.compile(r"^(.+?(?:自治区|省|自治州|市|州|盟|县|区|旗|镇|乡))")
LEVELS = {
    "省": "province",
    "区": "county",
    "市": "city",
    "州": "city",
    "盟": "city",
    "县": "county",
    "旗": "county",
    "镇": "township",
    "乡": "township",
}
GENERATED_OFFICE = re.compile(
    r"^联席会议办公室设在(.+?)(?:，(.+?)同志兼任办公室主任|，办公室主任由(.+?)兼任)?，负责联席会议日常工作。$"
)


@cache
def import_words() -> dict[str, Any]:
    return dict(yaml.safe_load(data_file("import_words.yaml").read_text("utf-8")))


@cache
def _abbreviations() -> dict[str, str]:
    return dict(yaml.safe_load(data_file("abbreviations.yaml").read_text("utf-8")))


@dataclass
class Imported:
    """A data file built from a document, with the line each value came from."""

    data: dict[str, Any]
    origins: dict[TreePath, int] = field(default_factory=dict)
    unplaced: list[tuple[int, str]] = field(default_factory=list)
    script_changes: list[ScriptChange] = field(default_factory=list)


@dataclass
class _Person:
    role: str
    name: str | None
    post: str
    line: int


def import_source(source: Source, to_simple: bool | None = None) -> Imported:
    """Return the data recognised in `source`; `to_simple` forces (True) or forbids
    (False) conversion to simplified characters; None converts a mostly simplified
    document that has traditional characters in it."""
    lines = [Line(line.number, line.text.strip()) for line in source.lines if line.text.strip()]
    changes: list[ScriptChange] = []
    share = traditional_share([line.text for line in lines])
    if to_simple or (to_simple is None and 0 < share < 0.5):
        lines = _rewrite(lines, to_simplified, changes)
    parser = _Parser(_rewrite(lines, full_width, changes))
    parser.parse()
    imported = parser.result()
    imported.script_changes = changes
    return imported


def _rewrite(
    lines: list[Line], change: Callable[[str], str], changes: list[ScriptChange]
) -> list[Line]:
    """Return `lines` passed through `change`, noting each line it altered in `changes`."""
    rewritten = []
    for line in lines:
        text = change(line.text)
        if text != line.text:
            changes.append(ScriptChange(line.number, line.text, text))
        rewritten.append(Line(line.number, text))
    return rewritten


class _Parser:
    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.at = 0
        self.notice: dict[str, Any] = {}
        self.meeting: dict[str, Any] = {}
        self.people: list[_Person] = []
        self.duties: list[tuple[str, list[str], int]] = []
        self.tasks: list[dict[str, Any]] = []
        self.office: dict[str, Any] = {}
        self.previous_entry_line: int | None = None  # the last roster line, for wrapped posts
        self.members_listed: list[str] = []
        self.liaisons: str | None = None
        self.origins: dict[TreePath, int] = {}
        self.unplaced: list[tuple[int, str]] = []
        self.words = import_words()

    # Walking the lines ---------------------------------------------------------------

    def peek(self) -> Line | None:
        return self.lines[self.at] if self.at < len(self.lines) else None

    def take(self) -> Line:
        line = self.lines[self.at]
        self.at += 1
        return line

    def keep(self, line: Line) -> None:
        self.unplaced.append((line.number, line.text))

    def note(self, path: TreePath, line: Line | int) -> None:
        self.origins[path] = line if isinstance(line, int) else line.number

    # The document --------------------------------------------------------------------

    def parse(self) -> None:
        junk = tuple(self.words["web_junk"])
        for line in [line for line in self.lines if line.text.startswith(junk)]:
            self.keep(line)
        self.lines = [line for line in self.lines if not line.text.startswith(junk)]
        self._header()
        body = self._until(
            lambda t: bool(
                HEADING_1.match(t)
                or ATTACHMENTS.match(t)
                or TASK_HEADER.match(clean(t))
                or self._signature_ahead()
            )
        )
        if self.peek() is not None and ATTACHMENTS.match(self.peek().text):
            self.notice["layout"] = "annexes"
            self._body_paragraphs(body, letter=True)
            self._attachment_list()
        else:
            self.notice["layout"] = "inline"
            self._body_paragraphs(body, letter=False)
            self._sections(stop=self._signature_ahead)
        self._signature()
        self._annexes()
        self._colophon()
        while self.peek() is not None:
            if not self._table_here():
                self.keep(self.take())

    def _table_here(self) -> bool:
        """Take a task table (序号 | 工作任务 | …) that starts here; return whether one did."""
        line = self.peek()
        if line is None or not TASK_HEADER.match(clean(line.text)):
            return False
        rows = [self.take()]
        while self.peek() is not None and " | " in self.peek().text:
            rows.append(self.take())
        self._tasks(rows)
        return True

    def _until(self, stop: Any) -> list[Line]:
        taken = []
        while self.peek() is not None and not stop(self.peek().text):
            taken.append(self.take())
        return taken

    def _signature_ahead(self) -> bool:
        """Return whether the 署名 and date (or the date alone) start here."""
        for offset in (0, 1):
            index = self.at + offset
            if index < len(self.lines) and DATE.match(self.lines[index].text):
                return offset == 0 or _is_organ(self.lines[self.at].text)
        return False

    # Header --------------------------------------------------------------------------

    def _header(self) -> None:
        """Read the 版头 and title (标志, 文号, a title perhaps on two lines), then 主送."""
        used, header_end, index = set(), 0, 0
        limit = min(len(self.lines), 14)
        while index < limit:
            line, text = self.lines[index], clean(self.lines[index].text)
            following = clean(self.lines[index + 1].text) if index + 1 < len(self.lines) else ""
            if (len(text) > 40 or text.endswith(("。", "：", ":"))) and not _is_title(text):
                break  # the body (or the 主送) has begun
            taken = 1
            if DOC_NUMBER.match(text):
                self.notice["doc_number"] = text
                self.note(("notice", "doc_number"), line)
            elif text.endswith("文件") and len(text) <= 30:
                self.notice["issuer"] = text[:-2]
                self.note(("notice", "issuer"), line)
            elif index == 0 and text.endswith(STANDALONE_TITLES):
                suffix = next(end for end in STANDALONE_TITLES if text.endswith(end))
                self.meeting["name"] = text[: -len(suffix)]
                self.note(("meeting", "name"), line)
            elif _is_title(text):
                self.notice["title"] = text
                self.note(("notice", "title"), line)
            elif text.startswith("关于") and _is_title(text + following):
                self.notice["title"] = text + following
                self.note(("notice", "title"), line)
                taken = 2
            elif _is_organ(text) and "issuer" not in self.notice and index < 6:
                self.notice["issuer"] = text
                self.note(("notice", "issuer"), line)
            else:
                index += 1
                continue
            used.update(range(index, index + taken))
            index += taken
            header_end = index
        for index in range(header_end):
            if index not in used:
                self.keep(self.lines[index])
        self.at = header_end
        line = self.peek()
        if (
            line is not None
            and line.text.rstrip().endswith(("：", ":"))
            and not HEADING_1.match(line.text)
        ):
            self.take()
            text = clean(line.text).rstrip("：:")
            self.notice["recipients"] = [part for part in re.split("[，,]", text) if part]
            self.note(("notice", "recipients"), line)

    # Body ----------------------------------------------------------------------------

    def _body_paragraphs(self, lines: list[Line], letter: bool) -> None:
        paragraphs = _paragraphs(lines)
        if not paragraphs:
            return
        if letter:
            self.notice["body"] = [text for _, text in paragraphs]
            self.note(("notice", "body"), paragraphs[0][0])
            return
        *first, (_, last) = paragraphs
        last = LEAD_IN.sub("", last)
        texts = [text for _, text in first] + ([last] if last else [])
        if texts:
            self.meeting["preamble"] = texts[0] if len(texts) == 1 else texts
            self.note(("meeting", "preamble"), paragraphs[0][0])

    def _attachment_list(self) -> None:
        """Pass over the 附件说明 (附件：1. … 2. …): the annexes themselves carry the content."""
        self.take()
        while self.peek() is not None and re.match(r"^\d+[.．、]", self.peek().text):
            self.take()

    # Sections of the 制度 ----------------------------------------------------------------

    def _sections(self, stop: Any) -> None:
        while self.peek() is not None and not stop():
            line = self.peek()
            match = HEADING_1.match(clean(line.text))
            if not match:
                if ANNEX.match(clean(line.text)):
                    return
                if not self._table_here():
                    self.keep(self.take())
                continue
            self.take()
            heading = match.group(2)
            content = []
            while (
                self.peek() is not None
                and not stop()
                and not HEADING_1.match(clean(self.peek().text))
                and not ANNEX.match(clean(self.peek().text))
            ):
                content.append(self.take())
            self._section(heading, line, content)

    def _section(self, heading: str, line: Line, content: list[Line]) -> None:
        # The most specific first: 成员单位职责 is about duties, not about the members.
        part = next(
            (
                key
                for key in ("duties", "functions", "rules", "requirements", "organisation")
                if any(w in heading for w in self.words[key])
            ),
            None,
        )
        if part == "organisation":
            self._organisation(content)
        elif part == "functions":
            self._functions(content)
        elif part == "duties":
            self._duty_blocks(content, HEADING_2)
        elif part in ("rules", "requirements"):
            self.meeting[part] = [text for _, text in _items(content)]
            self.note(("meeting", part), content[0] if content else line)
        else:
            sections = self.meeting.setdefault("sections", [])
            sections.append(
                {"heading": heading, "paragraphs": [t for _, t in _paragraphs(content)]}
            )

    def _organisation(self, content: list[Line]) -> None:
        own = []
        role = None
        self.previous_entry_line = None
        for line in content:
            text = line.text.strip()
            label, colon, rest = text.replace(":", "：").partition("：")
            label_key = re.sub(r"[\s\u3000]", "", label) if colon else ""
            bare = None if colon else _bare_label(text, self.words["roles"])
            if bare is not None:  # 总召集人 曾纪泽 …: a label without its colon
                label_key, rest = bare
            if label_key in self.words["roles"]:
                role = self.words["roles"][label_key]
                self._person(role, rest.strip(), line)
                self.previous_entry_line = line.number
            elif role is not None and not text.endswith("。") and len(clean(text)) <= 40:
                self._person(role, text, line)
                self.previous_entry_line = line.number
            else:
                role = None
                own.append((line.number, clean(text)))
                self._organisation_facts(clean(text), line)
        kept = [(n, t) for n, t in own if not GENERATED_OFFICE.match(t)]
        if kept:
            self.meeting["organisation"] = [t for _, t in kept]
            self.note(("meeting", "organisation"), kept[0][0])

    def _person(self, role: str, entry: str, line: Line) -> None:
        if not entry:
            return
        previous = self.people[-1] if self.people else None
        if (
            previous is not None
            and previous.role == role
            and previous.line == self.previous_entry_line
            and re.fullmatch(r"\S+", entry)
            and not _post_complete(previous.post)
        ):
            previous.post += entry  # a post wrapped onto the next line
            return
        padded = PADDED_NAME.match(entry)
        plain_match = PLAIN_NAME.match(entry)
        if padded:
            name, post = padded.group(1) + padded.group(2), padded.group(3)
        elif plain_match:
            name, post = plain_match.group(1), plain_match.group(2)
        else:
            name, post = None, entry
        self.people.append(_Person(role, name, clean(post), line.number))

    def _organisation_facts(self, text: str, line: Line) -> None:
        host = re.search(r"办公室(?:设在|在)([^，,。]+)", text)
        if host and "host" not in self.office:
            self.office["host"] = host.group(1)
            self.note(("office", "host"), line)
        director = re.search(r"([\u4e00-\u9fff]{2,3})同志兼任办公室主任", text)
        if director:
            self.office["director"] = director.group(1)
            self.note(("office", "director"), line)
        post = re.search(r"办公室主任由(.+?)兼任", text)
        if post:
            self.office["director_post"] = post.group(1)
            self.note(("office", "director_post"), line)
        liaisons = re.search(r"联络员[，,]?(由.+?担任)", text)
        if liaisons and self.liaisons is None:
            self.liaisons = liaisons.group(1)
        members = re.search(
            r"由(.+?)等?(\d+|[一二三四五六七八九十]+)个(?:部门和单位|成员单位|部门|单位)组成", text
        )
        if members:
            self.members_listed = [m for m in re.split("[、，,和]", members.group(1)) if m]
            self.note(("members",), line)

    def _functions(self, content: list[Line]) -> None:
        blocks = _blocks(content, HEADING_2)
        if not blocks or (blocks[0][0] is None and len(blocks) == 1):
            self.meeting["functions"] = [t for _, t in _items(content)]
            self.note(("meeting", "functions"), content[0] if content else 0)
            return
        for heading, heading_line, lines in blocks:
            items = [t for _, t in _items(lines)]
            if heading is not None and "办公室" in heading:
                self.office["functions"] = items
                self.note(("office", "functions"), heading_line)
            else:
                self.meeting["functions"] = items
                self.note(("meeting", "functions"), heading_line)

    def _duty_blocks(self, content: list[Line], pattern: re.Pattern[str]) -> None:
        for heading, heading_line, lines in _blocks(content, pattern):
            if heading is None:
                for line in lines:
                    self.keep(line)
                continue
            items = [t for _, t in _items(lines)]
            unit, colon, first = heading.replace(":", "：").partition("：")
            if colon and first and len(unit) <= 30:  # （一）县民政局：负责…… on one line
                heading, items = unit, [first, *items]
            self.duties.append((heading.rstrip("。."), items, heading_line))

    # Signature, annexes, colophon -----------------------------------------------------

    def _signature(self) -> None:
        line = self.peek()
        if line is None:
            return
        if not DATE.match(line.text):
            self.take()
            self.notice.setdefault("issuer", clean(line.text))
            self.note(("notice", "issuer"), line)
        date_line = self.take() if self.peek() is not None else None
        if date_line is not None and DATE.match(date_line.text):
            year, month, day = DATE.match(date_line.text).groups()
            self.notice["date"] = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
            self.note(("notice", "date"), date_line)
        note = self.peek()
        if note is not None and NOTE.match(clean(note.text)):
            self.take()
            self.notice["disclosure"] = NOTE.match(clean(note.text)).group(1)
            self.note(("notice", "disclosure"), note)

    def _annexes(self) -> None:
        while self.peek() is not None and ANNEX.match(clean(self.peek().text)):
            label = self.take()
            title_line = self.take() if self.peek() is not None else label
            title = clean(title_line.text)
            start = self.at
            while (
                self.peek() is not None
                and not ANNEX.match(clean(self.peek().text))
                and not (clean(self.peek().text).startswith("抄送"))
            ):
                self.take()
            content = self.lines[start : self.at]
            self._annex(title, title_line, content)

    def _annex(self, title: str, line: Line, content: list[Line]) -> None:
        if title.endswith("制度"):
            self.meeting.setdefault("name", title[:-2])
            self.note(("meeting", "name"), line)
            preamble = []
            while content and not HEADING_1.match(clean(content[0].text)):
                preamble.append(content.pop(0))
            if preamble:
                texts = [t for _, t in _paragraphs(preamble)]
                self.meeting["preamble"] = texts[0] if len(texts) == 1 else texts
                self.note(("meeting", "preamble"), preamble[0])
            saved, self.lines, self.at = (self.lines, self.at), content, 0
            self._sections(stop=lambda: False)
            self.lines, self.at = saved
        elif "名单" in title:
            self._organisation(content)
        elif "分工" in title and content and " | " in content[0].text:
            self._tasks(content)
        elif "分工" in title:
            self._duty_blocks(content, HEADING_1)
        else:
            for item in content:
                self.keep(item)

    def _tasks(self, rows: list[Line]) -> None:
        for row in rows[1:]:
            cells = [clean(cell) for cell in row.text.split(" | ")]
            if len(cells) != 5:
                self.keep(row)
                continue
            units = [re.sub(r"（牵头）$", "", unit) for unit in cells[3].split("、") if unit]
            task = {"task": cells[1], "measures": cells[2], "units": units, "deadline": cells[4]}
            self.tasks.append({key: value for key, value in task.items() if value})
            self.note(("tasks", len(self.tasks) - 1), row)

    def _colophon(self) -> None:
        if self.peek() is None or not clean(self.peek().text).startswith("抄送"):
            return
        first = self.take()
        text = clean(first.text)
        while (
            self.peek() is not None
            and not PRINTED.match(self.peek().text.strip())
            and not (COPIES.match(clean(self.peek().text)))
        ):
            text += clean(self.take().text)
        names = re.sub(r"^抄送[：:]", "", text).rstrip("。.")
        self.notice["cc"] = [name for name in re.split("[，,]", names) if name]
        self.note(("notice", "cc"), first)
        line = self.peek()
        if line is not None and PRINTED.match(line.text.strip()):
            self.take()
            printed_by, day = PRINTED.match(line.text.strip()).groups()
            self.notice["printed_by"] = clean(printed_by)
            year, month, date = DATE.match(day).groups()
            self.notice["print_date"] = f"{int(year):04d}-{int(month):02d}-{int(date):02d}"
            self.note(("notice", "printed_by"), line)
            self.note(("notice", "print_date"), line)
        line = self.peek()
        if line is not None and COPIES.match(clean(line.text)):
            self.take()
            copies, electronic = COPIES.match(clean(line.text)).groups()
            self.notice["copies"] = int(copies)
            if electronic:
                self.notice["electronic_copies"] = int(electronic)
            self.note(("notice", "copies"), line)

    # Result --------------------------------------------------------------------------

    def result(self) -> Imported:
        from jmctl.importing.assemble import assemble

        return assemble(self)


def _bare_label(text: str, roles: dict[str, str]) -> tuple[str, str] | None:
    """Return (label, entry) when `text` starts with a role label, no colon, then a person."""
    for label in sorted(roles, key=len, reverse=True):
        spread = r"[\s\u3000]*".join(label)
        match = re.match(rf"^{spread}[\s\u3000]+(\S.*)$", text)
        if match is None:
            continue
        entry = match.group(1)
        if PADDED_NAME.match(entry) or PLAIN_NAME.match(entry):
            return label, entry
    return None


def _is_title(text: str) -> bool:
    return "关于" in text and text.endswith(TITLE_END) and len(text) <= 80


def _is_organ(text: str) -> bool:
    return text.endswith(ORGANS) and len(text) <= 20 and not text.startswith("关于")


def _post_complete(post: str) -> bool:
    return post.endswith(("长", "任", "员", "记", "席", "师", "导", "人", "部", "委", "理", "干部"))


def _paragraphs(lines: list[Line]) -> list[tuple[int, str]]:
    """Join lines broken mid-sentence; return (first line, text) per paragraph."""
    paragraphs: list[tuple[int, str]] = []
    for line in lines:
        text = clean(line.text)
        if paragraphs and not paragraphs[-1][1].endswith(("。", "：", "；", "！", "？")):
            number, previous = paragraphs[-1]
            paragraphs[-1] = (number, previous + text)
        else:
            paragraphs.append((line.number, text))
    return paragraphs


def _items(lines: list[Line]) -> list[tuple[int, str]]:
    """Return numbered items (markers stripped), or the paragraphs when none is numbered."""
    items: list[tuple[int, str]] = []
    for line in lines:
        text = clean(line.text)
        marker, rest = strip_marker(text)
        starts = marker is not None or not items or items[-1][1].endswith(("。", "；", "！", "？"))
        if starts:
            items.append((line.number, rest if marker is not None else text))
        else:
            number, previous = items[-1]
            items[-1] = (number, previous + text)
    return items


def _blocks(
    lines: list[Line], pattern: re.Pattern[str]
) -> list[tuple[str | None, int, list[Line]]]:
    """Split lines at headings matching `pattern`: (heading text, its line, lines under it)."""
    blocks: list[tuple[str | None, int, list[Line]]] = []
    for line in lines:
        match = pattern.match(clean(line.text))
        if match and match.group(2):
            blocks.append((match.group(2), line.number, []))
        elif blocks:
            blocks[-1][2].append(line)
        else:
            blocks.append((None, line.number, [line]))
    return blocks


def split_post(text: str, known: list[str]) -> tuple[str, str]:
    """Return (unit, post) of a printed post: a known unit it starts with, else the
    shortest prefix that ends like a unit name and leaves something that starts like a
    post."""
    words = import_words()
    starts = tuple(words["post_starts"])
    for unit in sorted(known, key=len, reverse=True):
        if text.startswith(unit) and text[len(unit) :].startswith(starts):
            return unit, text[len(unit) :]
    for end in range(2, len(text)):
        head, rest = text[:end], text[end:]
        if head.endswith(tuple(words["unit_ends"])) and rest.startswith(starts):
            return head, rest
    return text, ""


def canonical(name: str) -> str:
    """Return the key two spellings of one unit share: abbreviations expanded, brackets cut."""
    key = re.sub(r"[（(].*?[）)]$", "", re.sub(r"[\s\u3000]", "", name))
    for short, full in _abbreviations().items():
        if key.endswith(short) and not key.endswith(full):
            return key[: -len(short)] + full
    return key
