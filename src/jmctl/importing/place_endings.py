"""Lists of places that share one ending: "广西、云南、贵州、广东、福建省、自治区人民政府" names
five provincial governments, "云南、贵州、广西五省、自治区副省长" five vice-governors.

The ending (人民政府, 副省长) is printed once, after the kinds the places are of (省、自治区,
with the count before it, 五省、自治区); every place before it is a province's short name.
The text is rewritten with the ending given to each place, so the readers of members and
convenors see an ordinary list. Each list is looked at within a bounded window and a
paragraph spreads a bounded number of lists, so the cost stays linear.
"""

from __future__ import annotations

import re

from jmctl import gazetteer
from jmctl.importing.words import import_words

_COUNT = re.compile(r"[一二三四五六七八九十]{1,2}$")
_ENDING_STOPS = re.compile(r"和|及|、|，|。|；|担任|兼任|组成")
MAX_ENDING = 12  # characters: 人民政府, 副省长（副主席）
LOOK_BACK = 200  # characters before the kinds: all 34 provinces' short names fit
MAX_SPREADS = 20  # lists a paragraph spreads, so a hostile one stays linear


def spread_place_endings(text: str) -> str:
    """Return `text` with each shared place ending given to every place of its list."""
    for kinds in import_words()["shared_place_kinds"]:
        at, spreads = text.find(kinds), 0
        while at >= 0 and spreads < MAX_SPREADS:
            text, after = _spread_at(text, at, kinds)
            at, spreads = text.find(kinds, after), spreads + 1
    return text


def _spread_at(text: str, at: int, kinds: str) -> tuple[str, int]:
    """Spread the ending after the `kinds` at `at`; return the text and where to go on."""
    after = at + len(kinds)
    stop = _ENDING_STOPS.search(text, after, after + MAX_ENDING + 1)
    if stop is None or stop.start() == after:
        return text, after
    ending = text[after : stop.start()]
    window = max(0, at - LOOK_BACK)
    head = _COUNT.sub("", text[window:at])  # 福建五省: the count is not the place's
    places, start = _places_before(head)
    start += window
    if len(places) < 2:
        return text, after
    spread = "、".join(place + ending for place in places)
    return text[:start] + spread + text[stop.start() :], start + len(spread)


def _places_before(head: str) -> tuple[list[str], int]:
    """The provinces' short names the head ends with (广西、云南、…、福建), and where they start."""
    places: list[str] = []
    end = start = len(head)
    for item in reversed(head.split("、")):
        place = next((item[-size:] for size in (3, 2) if _province(item[-size:])), None)
        if place is None:
            break
        places.insert(0, place)
        start = end - len(place)
        end -= len(item) + 1  # the item and the 、 before it
        if place != item:
            break  # 珠江流域的广西: the list starts here
    return places, start


def _province(name: str) -> bool:
    return len(name) >= 2 and any(d.level == "province" for d in gazetteer.lookup(name))
