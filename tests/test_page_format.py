"""The page format is one value from the notice to the writer: a 批复 (approve) prints as
a letter, everything else in the standard format; templates still read `m.letter`."""

from __future__ import annotations

from jmctl.render.api import RenderOptions, outline
from jmctl.render.page_format import PageFormat
from jmctl.validation import validate_file

from conftest import EXAMPLES


def _notice_outline(example: str) -> tuple[PageFormat, str]:
    report = validate_file(EXAMPLES / f"{example}.yaml")
    assert report.model is not None
    page = outline(report.model, "notice", RenderOptions())
    assert page.masthead is not None
    return page.masthead.page_format, page.masthead.mark


def test_an_approval_prints_as_a_letter_without_文件() -> None:
    page_format, mark = _notice_outline("fujian-2020")
    assert page_format is PageFormat.LETTER
    assert not mark.endswith("文件")  # the template's `m.letter` sees the format


def test_a_notice_prints_in_the_standard_format_with_文件() -> None:
    page_format, mark = _notice_outline("dushan-2017")
    assert page_format is PageFormat.STANDARD
    assert mark.endswith("文件")
