"""The 议定事项督办表: every decision of every session still to be carried out, on
landscape pages, for the office's follow-up (督办).

A decision is open while its status is not `finished` (data/sessions.yaml). An open
decision past its deadline is marked where its deadline is printed: the same overdue
test as the warning JM314 (rules/session_dates.py), against today's date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from jmctl.model import JointMeeting
from jmctl.render import styles
from jmctl.render.compose import BLANK, Composer
from jmctl.render.numbering import chinese_date
from jmctl.render.outline import Outline, Table, para
from jmctl.render.titles import LANDSCAPE_TITLE_LINE_CHARS, break_title
from jmctl.sessions import Decision, Session

# 序号, 议定事项, 会议, 牵头单位, 配合单位, 完成时限, 进展情况, 状态
WIDTHS = (1.6, 5.4, 4.0, 2.8, 3.0, 5.2, 4.6, 2.4)  # 完成时限: a date on one line


@dataclass(frozen=True)
class SessionName:
    """How a row names its session (`s` in the decisions_session macro)."""

    title: str  # 第1次全体会议
    date: str  # 2023年3月16日


def open_decisions(model: JointMeeting) -> list[tuple[Session, Decision]]:
    """Return each decision not yet finished, with its session, in the data's order."""
    return [
        (session, decision)
        for session in model.sessions
        for decision in session.decisions
        if not decision.status.finished
    ]


def overdue(decision: Decision, today: date) -> bool:
    """Whether an open decision's deadline has passed (JM314's test)."""
    return decision.deadline is not None and decision.deadline < today


def decisions(composer: Composer, today: Callable[[], date] = date.today) -> Outline:
    """Return the 督办表 of the open decisions, overdue ones marked as of `today()`."""
    model, say, view = composer.model, composer.say, composer.view
    title = say("decisions_title", view)
    held = [session.date for session in model.sessions]
    outline = Outline(title, date=max(held) if held else None, landscape=True)
    header = tuple(say("decisions_header", view).split("|"))
    day = today()
    rows = tuple(
        _row(composer, number, session, decision, day)
        for number, (session, decision) in enumerate(open_decisions(model), 1)
    )
    widths = WIDTHS if len(header) == len(WIDTHS) else tuple(1.0 for _ in header)
    names = [model.meeting.name, model.jurisdiction.name]
    lines = break_title(title, names, LANDSCAPE_TITLE_LINE_CHARS)
    outline.add(para(styles.TITLE, "\n".join(lines)), BLANK, Table(header, rows, widths))
    return outline


def _row(
    composer: Composer, number: int, session: Session, decision: Decision, today: date
) -> tuple[str, ...]:
    say, view = composer.say, composer.view
    deadline = chinese_date(decision.deadline) if decision.deadline else ""
    if overdue(decision, today):
        deadline += "\n" + say("decisions_overdue", view, decision)  # under the date
    held = SessionName(session.title, chinese_date(session.date))
    return (
        str(number),
        decision.text,
        say("decisions_session", view, held),
        decision.lead.text,
        "、".join(unit.text for unit in decision.others),
        deadline,
        decision.progress or "",
        decision.status.zh,
    )
