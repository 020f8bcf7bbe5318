"""The 会议通知: the notice calling the members to a session, in the standard format.

Sent by the meeting's office (or the issuer of the data's notice) to the member units:
time, place, who attends, the agenda with its reporting units, the requirements with the
回执 request, and the 参会回执 form as its annex. Wording: the session_* macros.
"""

from __future__ import annotations

from jmctl.model import JointMeeting
from jmctl.render import styles
from jmctl.render.compose import BLANK, BODY_INDENT, Composer
from jmctl.render.numbering import chinese_date, marker
from jmctl.render.outline import Masthead, Outline, Paragraph, Table, para
from jmctl.render.page_format import PageFormat
from jmctl.render.session_view import SessionView, notice_date, session_view, settings
from jmctl.render.signature import signature_indents
from jmctl.render.titles import TITLE_LINE_CHARS, break_title
from jmctl.sessions import Session

# The 回执 form's columns: 单位 and 职务 hold a unit's name, the others a name or number.
REPLY_WIDTHS = (4.0, 2.0, 3.0, 3.0, 2.0)


def session_notice(composer: Composer, session: Session) -> Outline:
    """Return the 会议通知 of `session`."""
    model, say = composer.model, composer.say
    view = session_view(model, session)
    title = say("session_title", composer.view, view)
    signed = notice_date(session)
    outline = Outline(title, date=signed)
    mark = say("session_issuer_mark", composer.view, view)
    outline.masthead = Masthead(mark, view.doc_number or None, PageFormat.STANDARD)
    outline.add(BLANK, BLANK, _title(model, title), BLANK)
    outline.add(para(styles.RECIPIENTS, say("session_recipients", composer.view, view) + "："))
    outline.add(para(styles.BODY, say("session_lead", composer.view, view)))
    outline.add(*_sections(composer, session, view))
    outline.add(BLANK, *_attachment(composer, view))
    outline.keep_last_with_next()
    outline.add(*_signature(view.issuer, chinese_date(signed)))
    outline.add(*_reply_form(composer, view))
    return outline


def _title(model: JointMeeting, title: str) -> Paragraph:
    names = [model.jurisdiction.name, model.meeting.name, model.meeting.short_name or ""]
    return para(styles.TITLE, "\n".join(break_title(title, names, TITLE_LINE_CHARS)))


def _sections(composer: Composer, session: Session, view: SessionView) -> list[Paragraph]:
    say, meeting = composer.say, composer.view
    headings = say("session_headings", meeting, view).split("|")
    last = len(view.agenda)
    agenda = [
        para(
            styles.BODY,
            marker(2, number) + say("session_agenda_item", meeting, item, number == last),
        )
        for number, item in enumerate(view.agenda, 1)
    ]
    chair = say("session_chair", meeting, view)
    bodies = [
        [para(styles.BODY, say("session_when", meeting, view))],
        [para(styles.BODY, say("session_where", meeting, view))],
        [para(styles.BODY, say("session_people", meeting, view))],
        agenda + ([para(styles.BODY, chair)] if chair and agenda else []),
        [
            para(styles.BODY, marker(2, 1) + say("session_attend_rule", meeting, view)),
            para(styles.BODY, marker(2, 2) + say("session_reply_rule", meeting, view)),
        ],
    ]
    paragraphs: list[Paragraph] = []
    filled = [(heading, body) for heading, body in zip(headings, bodies, strict=False) if body]
    for number, (heading, body) in enumerate(filled, 1):
        paragraphs.append(para(styles.HEADING_1, f"{marker(1, number)}{heading}"))
        paragraphs += body
    return paragraphs


def _attachment(composer: Composer, view: SessionView) -> list[Paragraph]:
    label = composer.say("attachments_label", composer.view)
    title = composer.say("session_reply_title", composer.view, view)
    width = float(len(label))
    return [para(styles.ATTACHMENTS, f"{label}{title}", left=BODY_INDENT + width, hanging=width)]


def _signature(issuer: str, date_text: str) -> list[Paragraph]:
    signature_right, date_right = signature_indents(issuer, date_text)
    return [
        para(styles.BODY, "", keep_next=True),
        para(styles.SIGNATURE, issuer, right=signature_right, keep_next=True),
        para(styles.DATE, date_text, right=date_right),
    ]


def _reply_form(composer: Composer, view: SessionView) -> list[Paragraph | Table]:
    """The annex: 附件 on a new page, the form's title, a table of blank rows to fill in."""
    label = composer.say("annex_label", composer.view, "")
    title = composer.say("session_reply_title", composer.view, view)
    header = tuple(composer.say("session_reply_header", composer.view, view).split("|"))
    rows = int(settings()["notice"]["reply_rows"])
    blank_rows = tuple(tuple("" for _ in header) for _ in range(rows))
    widths = REPLY_WIDTHS if len(header) == len(REPLY_WIDTHS) else tuple(1.0 for _ in header)
    return [
        para(styles.ANNEX_LABEL, label, page_break_before=True),
        BLANK,
        para(styles.ANNEX_TITLE, title),
        BLANK,
        Table(header, blank_rows, widths),
    ]
