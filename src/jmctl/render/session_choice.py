"""Which meeting a session document (会议通知, 签到表, 纪要 …) is about.

`render --session` names it as the data prints it: its number (2), its title
(第2次全体会议) or its date (2023-06-20); without it, the latest session. A number
shared by two kinds of session (第1次全体会议, 第1次联络员会议) is ambiguous and said so.
"""

from __future__ import annotations

from jmctl.errors import JmctlError
from jmctl.model import JointMeeting
from jmctl.sessions import Session

# The longest way to name a session: "2023-06-20 第12次联络员会议" with room to spare.
MAX_WANTED = 100


class SessionChoiceError(JmctlError):
    """No session, or not exactly one, answers to what `--session` gave."""


def choose_session(model: JointMeeting, wanted: str | None) -> Session:
    """Return the session `wanted` names, or the latest one when it is None."""
    if not model.sessions:
        raise SessionChoiceError("数据中没有 sessions（会议） (the data holds no session)")
    if wanted is None:
        return max(model.sessions, key=lambda session: (session.date, session.path))
    key = wanted.strip()
    if len(key) > MAX_WANTED:  # echoed in the message below: never a megabyte of it
        raise SessionChoiceError(
            f"--session 最多 {MAX_WANTED} 个字，这里有 {len(key):,} 个 "
            f"(--session takes at most {MAX_WANTED} characters, not {len(key):,})"
        )
    found = [session for session in model.sessions if _answers(session, key)]
    if len(found) == 1:
        return found[0]
    titles = "、".join(session_label(session) for session in model.sessions)
    if not found:
        raise SessionChoiceError(
            f"没有“{key}”这次会议；数据中有：{titles} (no session '{key}'; the data has: {titles})"
        )
    many = "、".join(session_label(session) for session in found)
    raise SessionChoiceError(
        f"“{key}”可指 {many}，请写会议名称或日期 "
        f"('{key}' could be any of {many}: give the title or the date)"
    )


def _answers(session: Session, key: str) -> bool:
    return key in {
        str(session.number),
        session.title,
        session.date.isoformat(),
        session_label(session),
    }


def session_label(session: Session) -> str:
    """Return how a session is told apart, in a message or as `--session`:
    2023-06-20 第1次联络员会议."""
    return f"{session.date.isoformat()} {session.title}"
