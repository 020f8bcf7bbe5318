"""Wordings the fifth round fixed (each taken from a document of tests/cases/import/dev,
shortened): an office that only the roster speaks of, a head named in prose, a township
site republishing its county's notice."""

from __future__ import annotations

from pathlib import Path

from jmctl.importing.api import import_file
from jmctl.importing.jurisdiction import jurisdiction_of, names_below
from jmctl.importing.notice import kind_of_notice

ROSTER_ANNEX = """附件
四川省第六次全国人口普查领导小组组成人员名单
组 长:
王 宁 副省长
副组长:
彭 琳 省政府副秘书长
郝康理 省统计局局长(兼领导小组办公室主任)
文家碧 省人口计生委副主任
"""


def _imported(tmp_path: Path, text: str) -> tuple[dict, set[str]]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    result = import_file(path)
    assert result.imported is not None
    return result.imported.data, {f.code for f in result.findings}


def test_a_roster_post_heading_the_office_names_its_director(tmp_path: Path) -> None:
    data, codes = _imported(tmp_path, ROSTER_ANNEX)
    assert data["office"] == {"host": "省统计局", "director": "郝康理"}
    assert "JM646" in codes  # the host is the director's unit: said, to be checked


def test_a_stated_office_is_not_overridden_by_the_roster(tmp_path: Path) -> None:
    stated = ROSTER_ANNEX + "领导小组办公室设在省人口计生委，办公室主任由文家碧同志兼任。\n"
    data, codes = _imported(tmp_path, stated)
    assert data["office"] == {"host": "省人口计生委", "director": "文家碧"}
    assert "JM646" not in codes


def test_a_deputy_of_the_office_is_not_its_director(tmp_path: Path) -> None:
    deputy = ROSTER_ANNEX.replace("兼领导小组办公室主任", "兼领导小组办公室副主任")
    data, codes = _imported(tmp_path, deputy)
    assert "office" not in data and "JM646" not in codes


SPEECH = """全国安全生产委员会关于印发邹家华同志讲话和《全国安全生产委员会组成和职责》的通知
现将国务委员、全国安全生产委员会主任邹家华同志在全国安全生产委员会第十二次全体委员会议上的讲话转发给你们，望认真贯彻执行。
"""


def test_the_body_named_in_its_own_title_and_its_head_in_prose(tmp_path: Path) -> None:
    data, _ = _imported(tmp_path, SPEECH)
    assert data["meeting"]["name"] == "全国安全生产委员会"
    (chief,) = data["roster"]["chief_convenors"]
    assert (chief["name"], chief["title"]) == ("邹家华", "国务委员")


def test_only_the_bodys_own_head_is_read_from_prose(tmp_path: Path) -> None:
    other = SPEECH.replace("全国安全生产委员会主任邹家华", "全国人大常务委员会主任邹家华")
    data, _ = _imported(tmp_path, other)
    assert "roster" not in data
    office = SPEECH.replace("全国安全生产委员会主任邹家华", "全国安全生产委员会办公室主任邹家华")
    data, _ = _imported(tmp_path, office)
    assert "roster" not in data


def test_a_township_site_republishing_its_countys_notice_gives_the_county() -> None:
    page = ["绩溪县上庄镇人民政府"]  # the site's header, read as the issuer
    county = jurisdiction_of(page, (), "关于印发绩溪县防汛抗旱应急预案的通知")
    assert (county["name"], county["level"]) == ("绩溪县", "county")
    forwarded = jurisdiction_of(page, (), "关于转发绩溪县防汛抗旱应急预案的通知")
    assert forwarded["level"] == "township"  # a township forwarding its county's plan
    own = jurisdiction_of(page, (), "关于印发上庄镇防汛抗旱应急预案的通知")
    assert own["level"] == "township"
    assert names_below("绩溪县上庄镇人民政府", county)  # the site's header: not the issuer
    assert not names_below("绩溪县人民政府办公室", county)


CUT_ROSTER = """二、组成人员
总召集人：林日团 市委教育工委书记
成  员：何文明 市委编办副主任
罗  布 市民政局副局长
孙吉亚 市残"""


def test_a_copy_ending_inside_the_last_post_keeps_the_unit_as_printed(tmp_path: Path) -> None:
    data, codes = _imported(tmp_path, CUT_ROSTER)
    assert data["members"] == ["市委编办", "市民政局", "市残"]
    assert data["roster"]["members"][-1] == {"name": "孙吉亚", "unit": "市残", "title": "市残"}
    assert "JM647" in codes


def test_a_complete_last_post_is_not_cut(tmp_path: Path) -> None:
    data, codes = _imported(tmp_path, CUT_ROSTER.replace("市残", "市残联理事长"))
    assert data["roster"]["members"][-1]["unit"] == "市残联"
    assert "JM647" not in codes
    data, codes = _imported(tmp_path, CUT_ROSTER + "\n联席会议办公室设在市教育局。")
    assert "JM647" not in codes  # the copy goes on: not cut there


def test_the_office_headed_in_a_post_is_the_bodys_own(tmp_path: Path) -> None:
    for post in ("省统计局局长兼领导小组办公室主任", "省统计局局长、领导小组办公室主任"):
        data, _ = _imported(
            tmp_path, ROSTER_ANNEX.replace("省统计局局长(兼领导小组办公室主任)", post)
        )
        assert data["office"] == {"host": "省统计局", "director": "郝康理"}, post
    government = ROSTER_ANNEX.replace("兼领导小组办公室主任", "兼省政府办公室主任")
    data, _ = _imported(tmp_path, government)
    assert "office" not in data  # the government's office, not the body's


def test_the_kind_of_notice_by_its_title_or_its_opening() -> None:
    assert kind_of_notice({"title": "关于调整成立省农作物重大病虫疫情防控指挥部的通知"}) == "adjust"
    assert kind_of_notice(
        {"title": "市人民政府办公室关于完善农民工工资清欠部门联席会议制度的通知"}
    ) == ("adjust")
    assert kind_of_notice(
        {"title": "国务院办公厅关于同意调整完善危险化学品安全生产监管部际联席会议制度的函"}
    ) == ("approve")
    news = "国务院决定对国务院第二次全国污染源普查领导小组组成人员进行相应调整。"
    assert kind_of_notice({}, news) == "adjust"
    rules = "领导小组成员因工作变动需要调整的，由所在单位提出。"  # every set of rules says so
    assert kind_of_notice({}, rules) == "establish"
