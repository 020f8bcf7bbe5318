"""Documents that are mostly member units' duties (指挥部, 领导小组, 委员会 成员单位职责):
runs with no sub-heading, units run together in a paragraph, titles that name the members,
the members, body and level a duties document implies. Real documents are the corpus's
(`tests/cases/import/dev/n53`–`n62`); these pin each rule on its smallest form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jmctl.importing.api import import_file
from jmctl.importing.blocks import Block
from jmctl.importing.duty_spans import run_apart, take_duties
from jmctl.importing.front import standalone_title


def _blocks(*texts: str) -> list[Block]:
    return [Block(number, text, index=number) for number, text in enumerate(texts, 1)]


def _imported(folder: Path, *lines: str) -> dict[str, Any]:
    path = folder / "copy.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    imported = import_file(path).imported
    assert imported is not None
    return imported.data


def test_three_units_duties_in_a_row_need_no_sub_heading() -> None:
    """A copy that begins inside the list (n55): the run ends at a heading above its
    markers' level, and the office's own （1） items below it are no units."""
    rest, duties = take_duties(
        _blocks(
            "（8）市气象局：负责天气预报。",
            "（9）市旅游局：负责游客疏散。",
            "（10）市交通局：负责运输。",
            "（二）日常办事机构",
            "（1）负责本预案的制订。",
        )
    )
    assert [d.unit for d in duties] == ["市气象局", "市旅游局", "市交通局"]
    assert [b.text for b in rest] == ["（二）日常办事机构", "（1）负责本预案的制订。"]


def test_two_units_duties_are_not_a_run_on_their_own() -> None:
    rest, duties = take_duties(
        _blocks("（1）市气象局：负责天气预报。", "（2）市旅游局：负责疏散。")
    )
    assert duties == []
    assert len(rest) == 2


def test_units_run_together_in_one_paragraph_are_split_apart() -> None:
    """(n61) "……清单. （2）县气象局：……. （3）县应急管理局：……": each unit on its own line;
    a marker that opens no unit's duties stays inside its paragraph."""
    text = "牵头制定清单。 （2）县气象局：负责预报。 （3）县应急管理局：配合应急。 （4）做好值守。"
    pieces = [b.text for b in run_apart(_blocks(text))]
    assert pieces == [
        "牵头制定清单。",
        "（2）县气象局：负责预报。",
        "（3）县应急管理局：配合应急。 （4）做好值守。",
    ]


def test_a_title_naming_the_members_before_its_duties_word_is_a_duties_document() -> None:
    assert standalone_title("汕头市文明委成员及相关单位文明创建工作职责") == (
        "duties",
        "汕头市文明委",
    )
    assert standalone_title("县防汛抗旱指挥部各成员单位职责") == ("duties", "县防汛抗旱指挥部")
    assert standalone_title("县应急管理局工作职责") is None  # one unit's own functions
    assert standalone_title("成员单位职责") is None  # a section, no body before it


def test_a_list_of_another_bodys_members_gives_way_to_the_units_given_duties(
    tmp_path: Path,
) -> None:
    """(n59) the county 指挥部's "政府相关部门、人民武装部为成员" is not the city's list."""
    data = _imported(
        tmp_path,
        "各县（区）人民政府应设立防汛抗旱指挥部，政府相关部门、人民武装部为成员。",
        "2.2.2市防汛抗旱指挥部成员单位职责",
        "市发展和改革委员会：负责重点工程协调。",
        "市经济和信息化委员会：负责组织工业企业。",
    )
    assert data["members"] == ["市发展和改革委员会", "市经济和信息化委员会"]
    assert data["meeting"]["body"] == "headquarters"


def test_the_level_of_a_document_naming_no_division_comes_from_its_units(tmp_path: Path) -> None:
    data = _imported(
        tmp_path,
        "（10）省民政厅：核实灾害损失。",
        "（11）省交通运输厅：组织运力。",
        "（12）省农业厅：收集信息。",
    )
    assert data["jurisdiction"]["level"] == "province"
    assert data["members"] == ["省民政厅", "省交通运输厅", "省农业厅"]


def test_a_citys_branch_bureau_named_with_a_county_names_the_county(tmp_path: Path) -> None:
    data = _imported(
        tmp_path,
        "应急指挥部办公室设在柳州市鹿寨生态环境局。",
        "（1）柳州市鹿寨生态环境局：承担办公室职责。",
        "（2）县气象局：负责预报。",
        "（3）县委宣传部：负责宣传。",
    )
    assert data["jurisdiction"]["name"] == "鹿寨县"


def test_a_duties_title_over_three_lines_after_a_notice(tmp_path: Path) -> None:
    """(n56) a 印发 notice, then its document's title on three lines (two bodies, then
    成员单位工作职责) and units as "县委宣传部。负责……" with no marker; the 文号 in a web page's
    bracketed field."""
    data = _imported(
        tmp_path,
        "[ 索引号 ] 11500229MB1674517R/2021-00166 [ 发文字号 ] 城减灾委办发〔2019〕20号",
        "城口县减灾委员会办公室关于印发成员单位工作职责的通知",
        "各乡镇人民政府：",
        "现将《成员单位工作职责》印发给你们，请遵照执行。",
        "城口县减灾委员会",
        "城口县自然灾害应急总指挥部",
        "成员单位工作职责",
        "县委宣传部。负责新闻报道。",
        "县发展改革委。负责灾后重建项目。",
    )
    assert data["notice"]["doc_number"] == "城减灾委办发〔2019〕20号"
    assert data["meeting"]["body"] == "headquarters"
    assert [duty["unit"] for duty in data["duties"]] == ["县委宣传部", "县发展改革委"]
    assert data["members"] == ["县委宣传部", "县发展改革委"]
