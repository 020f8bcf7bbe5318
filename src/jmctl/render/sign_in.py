"""The 签到表: who is expected at a session, one row each, with room to sign.

Rows in the order of `session_people.seats`: the chair, the roster persons in roster
order, then the invited (列席). A substitute's row is the person who comes, marked (代…);
a person on leave keeps the row with 请假 where the signature would go, as an office's
roll (花名册) marks leave. The page turns landscape when the columns, measured by the
width of their longest text, do not fit across a portrait page.
"""

from __future__ import annotations

from jmctl.render import layout, styles
from jmctl.render.compose import BLANK, Composer, pad_name
from jmctl.render.outline import Outline, Paragraph, Table, para
from jmctl.render.session_people import ABSENT, INVITED, SUBSTITUTE, Seat, seats
from jmctl.render.session_view import session_view, settings
from jmctl.render.signature import text_width
from jmctl.render.titles import LANDSCAPE_TITLE_LINE_CHARS, TITLE_LINE_CHARS, break_title
from jmctl.sessions import Session

SIGNATURE_EM = 7.0  # em of table text: room for a signed name, written larger than print
ROW_HEIGHT = round(12 * layout.TWIPS_PER_MM)  # 12 mm: a hand-written signature fits
TABLE_EM = layout.TABLE_SIZE * 10  # twips of one character of table text (4号)
SIGNATURE_COLUMN = 4  # the last column: 签字


def sign_in(composer: Composer, session: Session) -> Outline:
    """Return the 签到表 of `session`: portrait, or landscape when its columns are wide."""
    view = session_view(composer.model, session)
    say, meeting = composer.say, composer.view
    header = tuple(say("sign_in_header", meeting, view).split("|"))
    listed = seats(composer.model, session)
    rows = tuple(_row(composer, number, seat) for number, seat in enumerate(listed, 1))
    if not rows:  # nobody named: numbered rows to write in
        count = int(settings()["sign_in"]["blank_rows"])
        rows = tuple((str(number), *("" for _ in header[1:])) for number in range(1, count + 1))
    needed = column_widths(header, rows)
    landscape = sum(needed) > layout.TEXT_WIDTH
    usable = layout.LANDSCAPE_TEXT_WIDTH if landscape else layout.TEXT_WIDTH
    if sum(needed) < usable:  # what the text leaves over is room to sign
        needed[SIGNATURE_COLUMN] += usable - sum(needed)
    title = say("sign_in_title", meeting, view)
    outline = Outline(title, date=session.date, landscape=landscape)
    outline.add(
        _title(composer, title, landscape),
        BLANK,
        para(styles.BODY, say("sign_in_when", meeting, view), left=0.0, hanging=0.0),
        Table(header, rows, tuple(float(width) for width in needed), row_height=ROW_HEIGHT),
    )
    return outline


def _title(composer: Composer, title: str, landscape: bool) -> Paragraph:
    width = LANDSCAPE_TITLE_LINE_CHARS if landscape else TITLE_LINE_CHARS
    names = [composer.model.meeting.name, composer.model.jurisdiction.name]
    return para(styles.TITLE, "\n".join(break_title(title, names, width)))


def _row(composer: Composer, number: int, seat: Seat) -> tuple[str, ...]:
    say, meeting = composer.say, composer.view
    name = pad_name(seat.name) if seat.name else ""
    unit, signed = seat.unit, ""
    if seat.standing == SUBSTITUTE:
        name += say("sign_in_substitute", meeting, seat)
    elif seat.standing == ABSENT:
        signed = say("sign_in_absent", meeting, seat)
    elif seat.standing == INVITED:
        unit += say("sign_in_invited", meeting, seat)
    return (str(number), unit, name, seat.post, signed)


def column_widths(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> list[int]:
    """Return each column's width (twips) for its longest text on one line, cell margins
    included; the signature column gets room to sign whatever it holds."""
    margins = layout.CELL_MARGINS["left"] + layout.CELL_MARGINS["right"]
    widths = []
    for index, title in enumerate(header):
        longest = max(text_width(text) for text in (title, *(row[index] for row in rows)))
        if index == SIGNATURE_COLUMN:
            longest = max(longest, SIGNATURE_EM)
        widths.append(round(longest * TABLE_EM) + margins)
    return widths
