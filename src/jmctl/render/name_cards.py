"""The 桌签 of a session: one folded A4 card per person who comes (and per invited unit
or person), the chair's first, in the order of `session_people.seats`.

The name is set in the title font (小标宋, FONTS.title), padded as the roster prints it
(张　伟), as large as NAME_MAX_SIZE, smaller when a long name would not fit across the card.
A person on leave gets no card; a substitute gets one in their own name.
"""

from __future__ import annotations

from jmctl.render.compose import Composer, pad_name
from jmctl.render.name_card_docx import NAME_WIDTH_MM
from jmctl.render.outline import NameCard, Outline
from jmctl.render.session_choice import SessionChoiceError
from jmctl.render.session_people import Seat, seats
from jmctl.render.session_view import session_view
from jmctl.sessions import Session

NAME_MAX_SIZE = 300  # half-points: 150 pt, a name 53 mm high on a 105 mm half
PT_PER_MM = 72 / 25.4
# Characters a card may show: 40 across the card's 267 mm are set at 19 pt, read across a
# table; a unit's full name is rarely over 20.
MAX_CARD_CHARS = 40


def name_cards(composer: Composer, session: Session) -> Outline:
    """Return one card per seat taken at `session`."""
    view = session_view(composer.model, session)
    title = composer.say("name_cards_title", composer.view, view)
    outline = Outline(title, date=session.date, landscape=True, page_numbers=False)
    shown = [
        text for seat in seats(composer.model, session) if seat.comes and (text := card_text(seat))
    ]
    if not shown:
        raise NobodyComes(
            f"{session.title}没有列出出席人员或主持人，无法制作桌签 "
            f"(the session names nobody who comes: no name cards)"
        )
    too_long = next((text for text in shown if len(text) > MAX_CARD_CHARS), None)
    if too_long is not None:  # it would print a few points high, or at 0 pt: unreadable
        raise CardTooLong(
            f"桌签“{too_long[:12]}…”有 {len(too_long):,} 个字，最多 {MAX_CARD_CHARS} 个字"
            f"（否则字小得无法辨认），请写简称 (a name card's text '{too_long[:12]}…' has "
            f"{len(too_long):,} characters, at most {MAX_CARD_CHARS}, or it prints too small "
            f"to read: write the short name)"
        )
    outline.add(*(NameCard(text, name_size(text), number) for number, text in enumerate(shown, 1)))
    return outline


class NobodyComes(SessionChoiceError):
    """The session chosen names nobody to make a card for."""


class CardTooLong(SessionChoiceError):
    """A card's text so long that its letters would be too small to read across a table."""


def card_text(seat: Seat) -> str:
    """Return what a card shows: the padded name, or the unit when none is named."""
    return pad_name(seat.name) if seat.name else seat.unit or seat.post


def name_size(text: str) -> int:
    """Return the size (half-points) that fits `text` across the card on one line."""
    fit = NAME_WIDTH_MM * PT_PER_MM * 2 / max(len(text), 1)
    return min(NAME_MAX_SIZE, int(fit))
