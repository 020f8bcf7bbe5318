"""How the documents of an edition are laid out, named by data/render_kinds.yaml.

Every `layout:` of the registry is a function (composer, options, session) -> Outline;
these adapt the composer's own methods to that one shape. A new document kind names its
own function in its own module instead, and touches nothing here.
"""

from __future__ import annotations

from jmctl.model import JointMeeting
from jmctl.render.compose import Composer
from jmctl.render.compose_minutes import minutes as compose_minutes
from jmctl.render.decisions_table import decisions as compose_decisions
from jmctl.render.name_cards import name_cards as compose_name_cards
from jmctl.render.options import RenderOptions
from jmctl.render.outline import Outline
from jmctl.render.session_notice import session_notice as compose_session_notice
from jmctl.render.sign_in import sign_in as compose_sign_in
from jmctl.sessions import Session


def notice_printable(model: JointMeeting) -> bool:
    """Whether the notice can print: one imported without its issuer or date cannot."""
    return model.notice is not None and bool(model.notice.issuer and model.notice.date)


def notice(composer: Composer, options: RenderOptions, session: Session | None) -> Outline:
    return composer.notice()


def roster(composer: Composer, options: RenderOptions, session: Session | None) -> Outline:
    return composer.roster(as_table=options.roster_table)


def duties(composer: Composer, options: RenderOptions, session: Session | None) -> Outline:
    return composer.duties()


def tasks(composer: Composer, options: RenderOptions, session: Session | None) -> Outline:
    return composer.tasks()


def decisions(composer: Composer, options: RenderOptions, session: Session | None) -> Outline:
    return compose_decisions(composer)


# The documents of one meeting: the registry's `scope: session` gives them their session.


def session_notice(composer: Composer, options: RenderOptions, session: Session | None) -> Outline:
    return compose_session_notice(composer, _held(session))


def sign_in(composer: Composer, options: RenderOptions, session: Session | None) -> Outline:
    return compose_sign_in(composer, _held(session))


def name_cards(composer: Composer, options: RenderOptions, session: Session | None) -> Outline:
    return compose_name_cards(composer, _held(session))


def minutes(composer: Composer, options: RenderOptions, session: Session | None) -> Outline:
    return compose_minutes(composer, _held(session))


def _held(session: Session | None) -> Session:
    if session is None:  # the registry gives a session-scoped kind its session: a bug
        raise ValueError("a session document was laid out without its session")
    return session
