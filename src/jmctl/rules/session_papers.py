"""The dates and numbers an office sets for a session's papers (`notice`, `minutes`):
a notice goes out and its replies come back before the session, a 纪要 is dated on or
after it, and each 纪要 has its own 期数.

The 期数 runs across every kind of session (a 全体会议 and a 联络员会议 are both 纪要 of
the one meeting), so a repeat anywhere in the file is an error, found with one pass and a
dictionary.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from jmctl.findings import Finding
from jmctl.genre import NUMBER_FORM
from jmctl.loading import TreePath
from jmctl.rules.context import Context
from jmctl.rules.dates import number_problems
from jmctl.sessions import Session


def check(context: Context) -> Iterator[Finding]:
    for session in context.model.sessions:
        yield from _notice(context, session)
        yield from _minutes(context, session)
    yield from _issues(context, context.model.sessions)


def _issues(context: Context, sessions: list[Session]) -> Iterator[Finding]:
    """A 期数 printed twice, where a `minutes.issue` takes part: a written one against
    another, or against the session number a 纪要 without one prints. Files that write
    no `minutes` (every 纪要 numbered by its session) are not held to it."""
    printed: dict[int, tuple[TreePath, bool]] = {}  # 期数 → where it is set, and if written
    for session in sessions:
        written = session.minutes.issue is not None
        issue = session.minutes.issue if session.minutes.issue is not None else session.number
        path = (*session.path, "minutes", "issue") if written else (*session.path, "number")
        earlier = printed.get(issue)
        if earlier is not None and (written or earlier[1]):
            yield context.at("JM320", path, issue=issue, line=context.line(earlier[0]))
        elif earlier is None:
            printed[issue] = (path, written)


def _notice(context: Context, session: Session) -> Iterator[Finding]:
    notice, path = session.notice, (*session.path, "notice")
    if notice.date is not None and notice.date > session.date:
        yield _dated(context, "JM322", (*path, "date"), notice.date, session.date)
    if notice.reply_by is not None:
        reply_path = (*path, "reply_by")
        if notice.reply_by > session.date:
            yield _dated(context, "JM323", reply_path, notice.reply_by, session.date)
        elif notice.date is not None and notice.reply_by < notice.date:
            yield _dated(context, "JM324", reply_path, notice.reply_by, notice.date)
    if notice.doc_number:
        yield from _doc_number(context, (*path, "doc_number"), notice.doc_number)


def _doc_number(context: Context, path: TreePath, value: str) -> Iterator[Finding]:
    """The notice's 文号, held to the form of the data's own notice (JM302)."""
    match = NUMBER_FORM.match(value)
    if match is None:
        detail = ("应为 代字〔YYYY〕N号", "expected the form 代字〔YYYY〕N号")
        yield context.at("JM302", path, value=value, detail=detail[0], detail_en=detail[1])
        return
    for zh, en in number_problems(match):
        yield context.at("JM302", path, value=value, detail=zh, detail_en=en)


def _minutes(context: Context, session: Session) -> Iterator[Finding]:
    minutes, path = session.minutes, (*session.path, "minutes")
    if minutes.date is not None and minutes.date < session.date:
        yield _dated(context, "JM321", (*path, "date"), minutes.date, session.date)
    dated = minutes.date or session.date
    if minutes.print_date is not None and minutes.print_date < dated:
        yield _dated(context, "JM335", (*path, "print_date"), minutes.print_date, dated)


def _dated(context: Context, code: str, path: TreePath, value: date, other: date) -> Finding:
    return context.at(code, path, value=value.isoformat(), date=other.isoformat())
