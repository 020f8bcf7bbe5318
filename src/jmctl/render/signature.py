"""Where the 署名 and date stand, and the sentence that leads into the sections."""

from __future__ import annotations

import itertools


def with_lead_in(text: str, lead_in: str) -> str:
    """Return the preamble's last paragraph ending with the lead-in to the sections; a
    paragraph that already leads in (…通知如下：) is left as it is, so nothing is said twice."""
    stripped = text.rstrip()
    if stripped.endswith(("：", ":")) or (lead_in and stripped.endswith(lead_in)):
        return stripped
    return text + lead_in


def signature_indents(issuer: str, date_text: str) -> tuple[float, float]:
    """Return the right indents (em) of the 署名 and the date (GB/T 9704-2012 7.3.5.2).

    The 署名 stands two characters from the right edge and the date starts two
    characters right of where the 署名 starts. When the date is longer than the 署名
    (a short issuer such as XX镇人民政府), the date stands two characters from the
    right edge instead and the 署名 is centred on it.
    """
    signature, date_width = text_width(issuer), text_width(date_text)
    if signature >= date_width:
        signature_right, date_right = 2.0, signature - date_width
    else:  # a short 署名 is centred on the date, which stands two characters from the right
        signature_right, date_right = 2.0 + (date_width - signature) / 2, 2.0
    # A 署名 longer than a line wraps: no indent beyond the line (nor beyond what Word holds).
    return min(signature_right, LINE_EM), max(0.0, min(date_right, LINE_EM - date_width))


LINE_EM = 28.0  # a body line holds 28 characters


# Space Word and LibreOffice add where Chinese meets Latin text (autospace; LibreOffice
# ignores DOCX's switch for it). Measured: 3.2 pt at 3号, 0.2 of a character.
AUTOSPACE_EM = 0.2


CAPITAL_EM = 0.72  # a Times capital (the XX of XX镇人民政府): wider than a digit


def text_width(text: str) -> float:
    """Return the width of `text` in em: half an em for digits and small letters, a bit
    more for capitals, one for the rest, and the autospace at each change between the
    two (2017年2月23日 has five)."""
    wide = [ord(char) >= 128 for char in text]
    changes = sum(a != b for a, b in itertools.pairwise(wide))
    narrow = sum(CAPITAL_EM if c.isascii() and c.isupper() else 0.5 for c in text if c.isascii())
    return wide.count(True) + narrow + changes * AUTOSPACE_EM
