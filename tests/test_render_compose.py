"""What the composer puts on the page: lead-ins, signature blocks, kept-together parts."""

from __future__ import annotations

from pathlib import Path

from jmctl.render import styles
from jmctl.render.api import RenderOptions, outline
from jmctl.render.signature import with_lead_in
from jmctl.validation import validate_file

from conftest import EXAMPLES

LEAD_IN = "现将有关事宜通知如下："


def test_a_preamble_that_already_leads_in_gets_no_second_lead_in(tmp_path: Path) -> None:
    assert with_lead_in("为加强工作，决定建立制度。", LEAD_IN).endswith("制度。" + LEAD_IN)
    assert with_lead_in("为加强工作，" + LEAD_IN, LEAD_IN).count("如下") == 1
    assert with_lead_in("经研究，有关事项通知如下：", LEAD_IN).count("如下") == 1
    text = (EXAMPLES / "qingshan-2022.yaml").read_text("utf-8")
    text = text.replace("制度。\n", "制度。" + LEAD_IN + "\n", 1)
    data = tmp_path / "lead.yaml"
    data.write_text(text, "utf-8")
    model = validate_file(data).model
    assert model is not None
    body = "".join(p.text for p in outline(model, "notice", RenderOptions()).paragraphs())
    assert body.count(LEAD_IN) == 1


def test_signature_and_date_are_kept_with_the_text_above() -> None:
    model = validate_file(EXAMPLES / "dushan-2017.yaml").model
    paragraphs = outline(model, "notice", RenderOptions()).paragraphs()
    at = next(i for i, p in enumerate(paragraphs) if p.style == styles.SIGNATURE)
    assert paragraphs[at + 1].style == styles.DATE
    assert all(p.keep_next for p in paragraphs[at - 2 : at + 1])
    assert paragraphs[at - 2].text  # the last text paragraph is part of the chain
