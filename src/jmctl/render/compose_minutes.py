"""The outline of a 会议纪要 (GB/T 9704-2012 10.3): 纪要标志 and 期数 over a red rule,
the 会议概况 paragraph, the 议定事项 numbered 一、二、…, then the 出席, 请假 and 列席
lists, and the 版记 (分送, 印发). No 文号, no 署名, no seal.

The order and wording follow the 纪要 county and city offices print: time, place and
chair, what the meeting heard, "现将会议议定事项纪要如下：", each decision with its lead
unit (牵头) and the others (配合), then the names.
"""

from __future__ import annotations

from jmctl.render import styles
from jmctl.render.compose import BLANK, BODY_INDENT, Composer
from jmctl.render.layout import FONTS  # the labels 出席, 请假, 列席 are in its 黑体
from jmctl.render.minutes_furniture import MinutesMasthead
from jmctl.render.minutes_view import PersonLine, SessionView
from jmctl.render.numbering import marker
from jmctl.render.outline import Colophon, Outline, Paragraph, Run, para
from jmctl.render.page_format import PageFormat
from jmctl.sessions import Session

NAME_SEPARATOR = "、"


def minutes(composer: Composer, session: Session) -> Outline:
    """Return the 纪要 of `session`."""
    say, view = composer.say, composer.view
    seen = SessionView(composer.model, session)
    mark = say("minutes_mark", view, seen)
    outline = Outline(mark, date=session.date, colophon=_colophon(composer, seen))
    outline.masthead = MinutesMasthead(
        mark,
        None,
        PageFormat.MINUTES,
        issue=say("minutes_issue", view, seen),
        issued_by=say("minutes_office", view, seen),
        issued_on=seen.issued_on,
    )
    outline.add(BLANK, para(styles.BODY, say("minutes_overview", view, seen)))
    if seen.decisions:
        outline.add(para(styles.BODY, say("minutes_decisions_lead", view, seen)))
        for number, decision in enumerate(seen.decisions, 1):
            text = say("minutes_decision", view, decision)
            outline.add(para(styles.BODY, f"{marker(1, number)}{text}"))
    lists = [
        (say("minutes_present_label", view), seen.present),
        (say("minutes_absent_label", view), seen.absent),
        (say("minutes_invited_label", view), seen.invited),
    ]
    names = [_names_line(composer, label, people) for label, people in lists if people]
    if names:
        outline.add(BLANK, *names)  # one blank line below the body (10.3)
    return outline


def _names_line(composer: Composer, label: str, people: list[PersonLine]) -> Paragraph:
    """出席：… with the label in 黑体, two characters in, wrapped lines aligned after the
    colon (a hanging indent the label's width)."""
    text = NAME_SEPARATOR.join(composer.say("minutes_person", composer.view, p) for p in people)
    width = float(len(label))
    return Paragraph(
        styles.BODY,
        (Run(label, font=FONTS.heading), Run(text)),
        left=BODY_INDENT + width,
        hanging=width,
    )


def _colophon(composer: Composer, seen: SessionView) -> Colophon:
    say, view = composer.say, composer.view
    return Colophon(
        cc=say("minutes_distribution", view, seen),
        printed_by=seen.printed_by or say("minutes_office", view, seen),
        print_date=say("minutes_print_date", view, seen),
        copies=None,
    )
