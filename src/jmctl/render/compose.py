"""Compose outlines: which paragraphs each document has, in which order and style.

Wording comes from the phrase templates, numbering is generated here (always in
sequence), and layout is left to the styles of the reference DOCX.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from jmctl.domain import role_labels
from jmctl.model import ROLES, JointMeeting, Person
from jmctl.render import styles
from jmctl.render.numbering import chinese_date, marker
from jmctl.render.outline import (
    Block,
    Colophon,
    Masthead,
    Outline,
    Paragraph,
    Run,
    SectionBreak,
    Table,
    para,
)
from jmctl.render.page_format import PageFormat, page_format_of
from jmctl.render.phrases import Phrases
from jmctl.render.signature import signature_indents, with_lead_in
from jmctl.render.titles import LANDSCAPE_TITLE_LINE_CHARS, TITLE_LINE_CHARS, break_title
from jmctl.render.view import MeetingView

BLANK = para(styles.BODY, "")


@dataclass(frozen=True)
class AdjustmentItem:
    """One roster change as the adjustment wording templates see it."""

    kind: str
    role_label: str = ""
    name: str | None = None
    old_name: str | None = None
    post: str | None = None
    old_post: str | None = None
    unit: str | None = None
    old_unit: str | None = None


BODY_INDENT = 2.0  # em: the first line of every body paragraph


class Composer:
    """Builds the outline of each document the data supports."""

    def __init__(self, model: JointMeeting, phrases: Phrases) -> None:
        self.model = model
        self.say = phrases
        notice = model.notice
        self.inline = notice is None or notice.layout == "inline"
        self.page_format = page_format_of(notice)
        self.view = MeetingView(model, self.inline, self.page_format)

    # Whole documents ---------------------------------------------------------------------

    def notice(self) -> Outline:
        """Return the issuing document: the inline notice, or the letter with its annexes."""
        notice = self.model.notice
        if notice is None:
            raise ValueError("the data has no notice")
        outline = self._opening(notice.title or self.say("title", self.view))
        if self.inline:
            outline.add(*self._inline_body())
        else:
            outline.add(*self._letter_body())
        outline.keep_last_with_next()
        outline.add(*self._signature())
        if not self.inline:
            outline.add(*self._annexes())
            if self.model.tasks and outline.colophon is not None:
                # the 版记 on a portrait last page, floating from a paragraph of its own
                outline.add(SectionBreak(landscape=False), BLANK)
        return outline

    def roster(self, *, as_table: bool = False) -> Outline:
        title = self.say("roster_title", self.view)
        outline = Outline(title, date=self._date())
        outline.add(*self._title(title), BLANK)
        if as_table:
            outline.add(self._roster_table())
        else:
            outline.add(*self._roster_lines())
        return outline

    def duties(self) -> Outline:
        title = self.say("duties_title", self.view)
        outline = Outline(title, date=self._date())
        outline.add(*self._title(title), BLANK, *self._duties(level=1))
        return outline

    def tasks(self) -> Outline:
        title = self.say("tasks_title", self.view)
        outline = Outline(title, date=self._date(), landscape=True)
        outline.add(
            *self._title(title, width=LANDSCAPE_TITLE_LINE_CHARS), BLANK, self._tasks_table()
        )
        return outline

    def adjustment(self, changes: Sequence[AdjustmentItem]) -> Outline:
        """Return a draft adjustment notice: the roster changes in the usual phrasing,
        and the new roster as its annex (jmctl diff --draft)."""
        if self.model.notice is None:
            raise ValueError("the new edition has no notice")
        outline = self._opening(self.say("adjust_title", self.view))
        outline.add(para(styles.BODY, self.say("adjust_lead", self.view)))
        sentences = [self.say(f"adjust_{item.kind}", self.view, item) for item in changes]
        outline.add(
            *_items(sentences, level=3)
            if len(sentences) > 1
            else [para(styles.BODY, text) for text in sentences]
        )
        outline.add(para(styles.BODY, self.say("adjust_closing", self.view)), BLANK)
        label = self.say("attachments_label", self.view)
        roster_title = self.say("roster_title", self.view)
        outline.add(
            para(
                styles.ATTACHMENTS,
                f"{label}{roster_title}",
                left=BODY_INDENT + len(label),
                hanging=float(len(label)),
            )
        )
        outline.keep_last_with_next()
        outline.add(*self._signature())
        outline.add(
            para(
                styles.ANNEX_LABEL, self.say("annex_label", self.view, ""), page_break_before=True
            ),
            BLANK,
            *self._title(roster_title, styles.ANNEX_TITLE),
            BLANK,
            *self._roster_lines(),
        )
        return outline

    # Notice parts ------------------------------------------------------------------------

    def _opening(self, title: str) -> Outline:
        """Return a notice's outline up to its 主送: 版头, title, recipients; 版记 set."""
        notice = self.model.notice
        assert notice is not None
        outline = Outline(title, date=notice.date, colophon=self._colophon())
        outline.masthead = Masthead(
            self.say("issuer_mark", self.view), notice.doc_number, self.page_format
        )
        outline.add(BLANK, BLANK, *self._title(title), BLANK)
        if notice.recipients:
            outline.add(para(styles.RECIPIENTS, "，".join(notice.recipients) + "："))
        return outline

    def _title(
        self, title: str, style: str = styles.TITLE, width: int = TITLE_LINE_CHARS
    ) -> list[Paragraph]:
        lines = break_title(title, self._names(), width)
        return [para(style, "\n".join(lines))]

    def _names(self) -> list[str]:
        """Return the names a title must not cut: the jurisdiction's, the meeting's, the units'."""
        model = self.model
        names = [model.jurisdiction.name, model.meeting.short_name or ""]
        for unit in model.units:
            names += unit.names
        return names

    def _inline_body(self) -> Iterator[Paragraph]:
        preamble = list(self.model.meeting.preamble) or [""]
        *first, last = preamble
        for text in first:
            yield para(styles.BODY, text)
        yield para(styles.BODY, with_lead_in(last, self.say("inline_lead_in", self.view)))
        yield from self._sections(self._inline_parts())

    def _letter_body(self) -> Iterator[Paragraph]:
        notice = self.model.notice
        assert notice is not None
        for text in notice.body or (self.say("annexes_body", self.view),):
            yield para(styles.BODY, text)
        yield BLANK
        titles = [title for title, _ in self._annex_parts()]
        label = self.say("attachments_label", self.view)
        width = float(len(label))
        for i, title in enumerate(titles, 1):
            prefix = label if i == 1 else ""
            yield para(
                styles.ATTACHMENTS,
                f"{prefix}{i}.{title}",  # GB/T 9704-2012 7.3.3: 附件：1.XXXXX
                left=BODY_INDENT + width,
                hanging=width if i == 1 else 0.0,
            )

    def _signature(self) -> list[Paragraph]:
        notice = self.model.notice
        # available_kinds offers the notice only when it has both its issuer and its date
        assert notice is not None and notice.issuer is not None and notice.date is not None
        date_text = chinese_date(notice.date)
        signature_right, date_right = signature_indents(notice.issuer, date_text)
        # Kept with the text above, so that the 署名 and date never stand alone on a page
        # (GB/T 9704-2012 7.3.5.1).
        paragraphs = [
            para(styles.BODY, "", keep_next=True),
            para(styles.SIGNATURE, notice.issuer, right=signature_right, keep_next=True),
            para(styles.DATE, date_text, right=date_right),
        ]
        if notice.disclosure:
            paragraphs.append(para(styles.NOTE, f"（{notice.disclosure}）"))
        return paragraphs

    def _colophon(self) -> Colophon | None:
        notice = self.model.notice
        if notice is None or not (notice.cc or notice.printed_by):
            return None
        if self.page_format is PageFormat.LETTER:  # 信函格式: 抄送 only, no 印发 line, no rules
            cc = self.say("cc_line", self.view) if notice.cc else None
            return Colophon(cc, None, None, None, rules=False) if cc else None
        return Colophon(
            cc=self.say("cc_line", self.view) if notice.cc else None,
            printed_by=notice.printed_by,
            print_date=self.say("print_date", self.view) if notice.printed_by else None,
            copies=self.say("copies_line", self.view) if notice.copies else None,
        )

    def _date(self) -> date | None:
        return self.model.notice.date if self.model.notice else None

    # The 制度: sections with generated numbers ------------------------------------------

    def _inline_parts(self) -> list[tuple[str, list[Paragraph]]]:
        say, view, meeting = self.say, self.view, self.model.meeting
        parts = [
            (section.heading, [para(styles.BODY, p) for p in section.paragraphs])
            for section in meeting.sections
        ]
        parts.append(
            (say("heading_organisation", view), [*self._roster_lines(), *self._organisation()])
        )
        parts.append((say("heading_functions", view), self._functions()))
        if self.model.duties:
            parts.append((say("heading_duties", view), self._duties(level=2)))
        parts += self._rules_parts()
        return parts

    def _rules_document(self) -> list[Block]:
        """Return the 制度 as an annex: preamble, functions, organisation, rules."""
        meeting, say, view = self.model.meeting, self.say, self.view
        parts = [
            (section.heading, [para(styles.BODY, p) for p in section.paragraphs])
            for section in meeting.sections
        ]
        parts.append((say("heading_functions", view), self._functions()))
        parts.append((say("heading_organisation", view), self._organisation()))
        parts += self._rules_parts()
        preamble = [para(styles.BODY, text) for text in meeting.preamble]
        return [*preamble, *self._sections(parts)]

    def _rules_parts(self) -> list[tuple[str, list[Paragraph]]]:
        meeting, say, view = self.model.meeting, self.say, self.view
        parts = []
        if meeting.rules:
            parts.append((say("heading_rules", view), _items(meeting.rules, level=2)))
        if meeting.requirements:
            parts.append((say("heading_requirements", view), _items(meeting.requirements, 2)))
        return parts

    def _sections(self, parts: Sequence[tuple[str, list[Paragraph]]]) -> Iterator[Paragraph]:
        """Number the sections that have something to say; an empty one is left out, so
        the numbers stay in sequence."""
        filled = [(heading, body) for heading, body in parts if body]
        for number, (heading, body) in enumerate(filled, 1):
            yield para(styles.HEADING_1, f"{marker(1, number)}{heading}")
            yield from body

    def _functions(self) -> list[Paragraph]:
        meeting, office = self.model.meeting, self.model.office
        if office is None or not office.functions:
            return _items(meeting.functions, level=2)
        say, view = self.say, self.view
        return [
            para(styles.HEADING_2, f"{marker(2, 1)}{say('heading_meeting_functions', view)}"),
            *_items(meeting.functions, level=3),
            para(styles.HEADING_2, f"{marker(2, 2)}{say('heading_office_functions', view)}"),
            *_items(office.functions, level=3),
        ]

    def _organisation(self) -> list[Paragraph]:
        """Return the organisation text: the document's own, or sentences made from the data.

        A document's own paragraphs usually already say where the office sits and
        who the liaisons are; the generated sentences are added only when they do not.
        """
        model, say, view = self.model, self.say, self.view
        own = list(model.meeting.organisation)
        texts = own or (
            []
            if self.inline and model.roster
            else [say("members_sentence", view)]
            + ([say("convenors_sentence", view)] if model.roster else [])
        )
        joined = "".join(own)
        if model.office and "办公室" not in joined:
            texts.append(say("office_sentence", view))
        if model.liaisons and "联络员" not in joined:
            texts.append(say("liaisons_sentence", view))
        return [para(styles.BODY, text) for text in texts]

    def _duties(self, level: int) -> list[Paragraph]:
        paragraphs = []
        for number, duty in enumerate(self.model.duties, 1):
            heading_style = styles.HEADING_1 if level == 1 else styles.HEADING_2
            heading = (
                duty.unit.text
                if level == 1
                else self.say("heading_duty_unit", self.view, duty.unit.text)
            )
            paragraphs.append(para(heading_style, f"{marker(level, number)}{heading}"))
            paragraphs += _items(duty.items, level + 1)
        return paragraphs

    # Annexes -----------------------------------------------------------------------------

    def _annex_parts(self) -> list[tuple[str, list[Block]]]:
        say, view = self.say, self.view
        parts: list[tuple[str, list[Block]]] = [(say("rules_title", view), self._rules_document())]
        if self.model.has_named_roster():
            parts.append((say("roster_title", view), list(self._roster_lines())))
        if self.model.duties:
            parts.append((say("duties_title", view), list(self._duties(level=1))))
        if self.model.tasks:  # last: a landscape section of its own
            parts.append((say("tasks_title", view), [self._tasks_table()]))
        return parts

    def _annexes(self) -> Iterator[Block]:
        for number, (title, body) in enumerate(self._annex_parts(), 1):
            label = self.say("annex_label", self.view, number)
            landscape = any(isinstance(block, Table) for block in body)
            if landscape:  # the task table: landscape pages, page numbers running on
                yield SectionBreak(landscape=True)
            yield para(styles.ANNEX_LABEL, label, page_break_before=not landscape)
            yield BLANK
            width = LANDSCAPE_TITLE_LINE_CHARS if landscape else TITLE_LINE_CHARS
            yield from self._title(title, styles.ANNEX_TITLE, width)
            yield BLANK
            yield from body

    # Roster ------------------------------------------------------------------------------

    def _roster_lines(self) -> list[Paragraph]:
        roster = self.model.roster
        if not roster:
            return []
        labels = role_labels(self.model.meeting.body)
        used = [role for role in ROLES if roster.get(role)]
        width = max(
            len(person.label or labels[person.role].zh) for role in used for person in roster[role]
        )
        lines = []
        for role in used:
            shown = None
            for person in roster[role]:
                label = person.label or labels[role].zh
                shown_label = label if label != shown else None
                lines.append(roster_line(shown_label, width, person, name_width(roster)))
                shown = label
        return lines

    def _roster_table(self) -> Table:
        labels = role_labels(self.model.meeting.body)
        rows = tuple(
            (person.label or labels[person.role].zh, person.name or "", person.printed_post)
            for person in self.model.people()
        )
        return Table(("职务", "姓名", "单位及职务"), rows, (2, 2, 8))

    def _tasks_table(self) -> Table:
        header = tuple(self.say("tasks_header", self.view).split("|"))
        rows = []
        for number, task in enumerate(self.model.tasks, 1):
            lead, *others = (ref.text for ref in task.units)
            units = "、".join([self.say("lead_unit", self.view, lead), *others])
            rows.append((str(number), task.task, task.measures or "", units, task.deadline or ""))
        # 负责单位 wide enough for a unit and its （牵头） on one line
        return Table(header, tuple(rows), (1.3, 4, 7, 5, 3))


def _items(items: Sequence[str], level: int) -> list[Paragraph]:
    """Return list items: one item is a plain paragraph, several are numbered at `level`."""
    if len(items) == 1:
        return [para(styles.BODY, items[0])]
    return [para(styles.BODY, f"{marker(level, n)}{text}") for n, text in enumerate(items, 1)]


NAME_WIDTH = 3  # em: names are padded to three characters


def pad_name(name: str) -> str:
    """Return a two-character name padded to three with a full-width space (华　磊)."""
    return f"{name[0]}\u3000{name[1]}" if len(name) == 2 else name


def spread_label(label: str, width: int) -> tuple[Run, ...]:
    """Return the label spread to `width` characters by letter spacing (召 集 人)."""
    if len(label) >= width or len(label) < 2:
        return (Run(label),)
    spread = (width - len(label)) / (len(label) - 1)
    return (Run(label[:-1], spread=spread), Run(label[-1]))


def name_width(roster: dict[str, list[Person]]) -> int:
    """Return the width of the roster's name column: three, or the longest name's."""
    names = [len(p.name) for people in roster.values() for p in people if p.name]
    return max([NAME_WIDTH, *names])


def roster_line(
    label: str | None, width: int, person: Person, names: int = NAME_WIDTH
) -> Paragraph:
    """Return one roster line: label (first of its role), padded name, post; wrapped
    lines of the post aligned under its first line. `names` is the name column's width:
    a four-character name widens the column for everyone instead of pushing its post out."""
    name_column = BODY_INDENT + width + 1
    post_column = name_column + names + 1
    if person.name:
        name = pad_name(person.name)
        padding = "\u3000" * (names - len(name))
        entry = f"{name}{padding}\u3000{person.printed_post}"
    else:
        entry = person.printed_post  # a collective entry: 八镇分管领导
    if label is None:
        return Paragraph(
            styles.ROSTER, (Run(entry),), left=post_column, hanging=post_column - name_column
        )
    runs = (*spread_label(label, width), Run("："), Run(entry))
    return Paragraph(styles.ROSTER, runs, left=post_column, hanging=post_column - BODY_INDENT)
