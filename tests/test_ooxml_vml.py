"""The WordArt a name card is drawn with (render/ooxml_vml.py) is well-formed VML."""

from __future__ import annotations

from docx.oxml import parse_xml

from jmctl.render.ooxml_vml import COORD_SIZE, PLAIN_TEXT_ID, PageBox, wordart_run

V = "{urn:schemas-microsoft-com:vml}"


def test_a_wordart_run_refers_to_its_shape_type_and_fills_its_box() -> None:
    box = PageBox(left=100.0, top=50.5, width=300.25, height=80.0)
    run = parse_xml(wordart_run(7, box, "张&<三", "方正小标宋简体", 100, turned=False))
    (shapetype,) = run.iter(f"{V}shapetype")
    (shape,) = run.iter(f"{V}shape")
    assert shapetype.get("id") == PLAIN_TEXT_ID and shape.get("type") == f"#{PLAIN_TEXT_ID}"
    assert shapetype.get("coordsize") == f"{COORD_SIZE},{COORD_SIZE}"
    style = dict(part.split(":", 1) for part in shape.get("style").split(";"))
    assert (style["margin-left"], style["margin-top"]) == ("100.00pt", "50.50pt")
    assert (style["width"], style["height"]) == ("300.25pt", "80.00pt")
    assert "rotation" not in style
    (path,) = shape.iter(f"{V}textpath")
    assert path.get("string") == "张&<三"  # escaped in the XML, itself when read
    assert 'font-family:"方正小标宋简体"' in path.get("style")


def test_a_turned_run_is_upside_down() -> None:
    run = parse_xml(wordart_run(1, PageBox(0, 0, 10, 10), "李四", "宋体", 50, turned=True))
    (shape,) = run.iter(f"{V}shape")
    assert "rotation:180;" in shape.get("style")
