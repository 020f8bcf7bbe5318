"""The one family of errors that are the user's input or the machine's, never a bug.

Whatever jmctl raises on purpose derives from `JmctlError`; anything else that
escapes a file's work is a defect of jmctl's, and `safety.per_file` reports it as
that file's JM000. The test is the type, in one place, never the message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jmctl.catalogue import Text

if TYPE_CHECKING:
    from jmctl.findings import Finding


class JmctlError(Exception):
    """An error of the input or the machine: a message in both languages and, where
    one is known, the located finding that says it.

    The message may be given as a `Text`, or as one string written `中文 (English)`
    (the form most library messages have); `text` always holds both languages.
    """

    def __init__(self, message: str | Text = "", finding: Finding | None = None) -> None:
        if isinstance(message, Text):
            text = message
        elif finding is not None and not message:
            text = Text(finding.message("zh"), finding.message("en"))
        else:
            text = both_languages(message)
        super().__init__(_one_string(text))
        self.text = text
        self.finding = finding

    def __reduce__(self) -> tuple[object, ...]:
        # Subclasses take other arguments than the message: rebuilt from the state,
        # as the same class, so that an error crosses to and from worker processes.
        return (_rebuilt, (type(self), dict(vars(self))))

    def message(self, lang: str) -> str:
        """Return the message in `lang` ("zh" or "en")."""
        return self.text.pick(lang)


def _rebuilt(kind: type[JmctlError], state: dict[str, object]) -> JmctlError:
    error = kind.__new__(kind)
    text = state.get("text")
    Exception.__init__(error, _one_string(text) if isinstance(text, Text) else "")
    vars(error).update(state)
    return error


def _one_string(text: Text) -> str:
    """Both languages in one string, as the library's messages were written: `str(error)`."""
    return text.zh if text.zh == text.en else f"{text.zh} ({text.en})"


def both_languages(text: str) -> Text:
    """Split a message written `中文 (English)` into its two languages.

    A message of another shape is the same in both. A leading file name
    (`通知.docx：…`) stays ahead of the English words.
    """
    if not text.endswith(")"):
        return Text(text, text)
    opening = text.rfind(" (")
    english = text[opening + 2 : -1] if opening > 0 else ""
    if not english or _has_chinese(english):
        return Text(text, text)
    chinese = text[:opening]
    head, colon, _ = chinese.partition("：")
    if colon and ("." in head or "/" in head):
        english = f"{head}: {english}"
    return Text(chinese, english)


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)
