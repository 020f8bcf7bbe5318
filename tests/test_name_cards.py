"""The 桌签: one folded card per person who comes, the name upright below the fold and
turned 180° above it, measured by ink on LibreOffice's PDF."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pdfplumber
import pytest
from docx import Document

import raster
import session_docs
from jmctl.render.compose import Composer
from jmctl.render.name_card_docx import INK_HEIGHT_EM, NAME_WIDTH_MM, PT_PER_MM
from jmctl.render.name_cards import NAME_MAX_SIZE, name_cards, name_size
from jmctl.render.outline import NameCard
from jmctl.render.phrases import Phrases
from jmctl.validation import validate_file

MM = 72 / 25.4
DPI = 100
MM_PER_PIXEL = 25.4 / DPI


def _cards() -> list[NameCard]:
    outline = name_cards(session_docs.composer(), session_docs.session())
    assert outline.landscape and not outline.page_numbers
    return [block for block in outline.blocks if isinstance(block, NameCard)]


def test_one_card_per_person_who_comes_the_chair_first_names_padded() -> None:
    cards = _cards()
    # 刘洋 is on leave: no card; 孙丽 comes for 陈刚; the invited 周平 has one too
    assert [card.name for card in cards] == [
        "张　伟",
        "李　娜",
        "王　强",
        "孙　丽",
        "赵　敏",
        "周　平",
    ]
    assert [card.number for card in cards] == [1, 2, 3, 4, 5, 6]
    assert {card.size for card in cards} == {NAME_MAX_SIZE}


def test_a_long_name_is_set_smaller_to_fit_across_the_card() -> None:
    unit = "国家税务总局青州市税务局"  # a unit invited without a named person
    size = name_size(unit)
    assert size < NAME_MAX_SIZE
    assert len(unit) * size / 2 / PT_PER_MM <= NAME_WIDTH_MM
    assert name_size("欧阳晓晨") == NAME_MAX_SIZE  # four characters still fit at full size


def test_the_docx_has_two_shapes_per_page_one_turned_and_no_page_number() -> None:
    data = session_docs.docx("name-cards")
    xml = session_docs.document_xml(data)
    assert xml.count(b"<v:shape ") == 12
    assert xml.count(b"rotation:180;") == 6
    assert xml.count(b'<w:pageBreakBefore w:val="1"/>') + xml.count(b"<w:pageBreakBefore/>") == 5
    assert b'string="\xe5\xbc\xa0\xe3\x80\x80\xe4\xbc\x9f"' in xml  # 张　伟
    document = Document(BytesIO(data))
    section = document.sections[0]
    assert section.page_width > section.page_height
    assert not any(p.text.strip() for p in section.footer.paragraphs)


def _ink(page: raster.Page) -> list[list[bool]]:
    mask = []
    for row in page.rows:
        mask.append([min(row[3 * x : 3 * x + 3]) < raster.INK for x in range(page.width)])
    return mask


def _box(mask: list[list[bool]], top_mm: float, bottom_mm: float) -> tuple[float, ...]:
    rows = range(round(top_mm / MM_PER_PIXEL), min(round(bottom_mm / MM_PER_PIXEL), len(mask)))
    ys = [y for y in rows if any(mask[y])]
    xs = [x for y in ys for x, ink in enumerate(mask[y]) if ink]
    top, bottom = min(ys) * MM_PER_PIXEL, (max(ys) + 1) * MM_PER_PIXEL
    return top, bottom, min(xs) * MM_PER_PIXEL, (max(xs) + 1) * MM_PER_PIXEL


@pytest.mark.usefixtures("libreoffice")
def test_each_printed_card_reads_the_same_from_both_sides_of_the_fold() -> None:
    pdf_path = session_docs.pdfs()["name-cards"]
    with pdfplumber.open(pdf_path) as pdf:
        assert len(pdf.pages) == 6  # one card per page
        for page in pdf.pages:
            assert abs(page.width / MM - 297) < 0.5 and abs(page.height / MM - 210) < 0.5
    for number in (1, 4):
        mask = _ink(raster.rasterise(Path(pdf_path), number, DPI))
        lower, upper = _box(mask, 105, 210), _box(mask, 0, 105)
        em_mm = NAME_MAX_SIZE / 2 / PT_PER_MM
        for box, centre in ((lower, 157.5), (upper, 52.5)):
            top, bottom, left, right = box
            assert (top + bottom) / 2 == pytest.approx(centre, abs=1.0)  # mid-half
            assert (left + right) / 2 == pytest.approx(148.5, abs=1.0)  # centred across
            assert bottom - top == pytest.approx(INK_HEIGHT_EM * em_mm, abs=1.5)  # 49 mm
            assert right - left > 2.5 * em_mm  # three characters wide (张　伟)
        # the upper half is the lower one turned 180°: the page matches itself turned
        height, width = len(mask), len(mask[0])
        inked = [(y, x) for y in range(height // 2, height) for x in range(width) if mask[y][x]]
        same = sum(mask[height - 1 - y][width - 1 - x] for y, x in inked)
        assert same / len(inked) > 0.9


def test_a_unit_invited_without_a_name_gets_a_card_of_the_unit() -> None:
    model = validate_file(session_docs.QINGZHOU).model
    assert model is not None
    outline = name_cards(Composer(model, Phrases()), model.sessions[0])
    cards = [block for block in outline.blocks if isinstance(block, NameCard)]
    # the chair, 23 of the 24 members (one on leave), the invited 市信访局
    assert len(cards) == 25 and cards[0].name == "方向东" and cards[-1].name == "市信访局"
    assert "欧阳晓晨" in [card.name for card in cards]  # a substitute, in their own name
