"""Notice fields and persons as real documents word them (each taken from a document of
tests/cases/import/dev, shortened): notice fields in a page's index table or a news
sentence, the kinds of a revising notice, national units in a province's list, persons and
convenors in prose."""

from __future__ import annotations

from pathlib import Path

from jmctl.importing.api import import_file


def _imported(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    result = import_file(path)
    assert result.imported is not None
    return result.imported.data


INDEX_TABLE = """| 索 引 號 | k12498411/2014-00065 | ||
| 發(fā)布機構 | 連云港市人民政府 | 發(fā)文日期 | 2014-05-07 |
| 文 號 | 連政辦發(fā)〔2014〕67號 | 主 題 詞 | |
市政府辦公室關於印發(fā)連云港市知識產(chǎn)權聯(lián)席會議工作制度的通知
各縣、區(qū)人民政府,市各有關單位:
"""


def test_a_number_in_a_page_index_table_of_bars_is_the_notice_number(tmp_path: Path) -> None:
    notice = _imported(tmp_path, INDEX_TABLE)["notice"]
    assert notice["doc_number"] == "连政办发〔2014〕67号"


def test_an_index_row_is_kept_as_furniture_not_as_content(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(INDEX_TABLE, encoding="utf-8")
    result = import_file(path)
    assert result.imported is not None
    unplaced = " ".join(str(item) for item in result.imported.data.get("unplaced", []))
    assert "k12498411" in unplaced


def test_a_published_number_field_in_a_disclosure_line(tmp_path: Path) -> None:
    text = (
        "索引号: hbqzfqzfb/2022-0043 公开责任部门: 区政府办\n"
        "公开日期: 2022-06-23 17:12 发布文号: 汉政办发〔2022〕54号\n"
        "安康市汉滨区人民政府办公室关于建立汉滨区物业服务管理工作联席会议制度的通知\n"
    )
    assert _imported(tmp_path, text)["notice"]["doc_number"] == "汉政办发〔2022〕54号"


def _kind(tmp_path: Path, title: str) -> str:
    return str(_imported(tmp_path, f"{title}\n各区人民政府：\n")["notice"]["kind"])


def test_a_notice_that_re_forms_or_revises_a_body_is_an_adjustment(tmp_path: Path) -> None:
    revised = "市人民政府办公室关于完善农民工工资清欠部门联席会议制度的通知"
    reformed = "广东省人民政府办公厅关于调整成立省农作物重大病虫疫情防控指挥部的通知"
    assert _kind(tmp_path, revised) == "adjust"
    assert _kind(tmp_path, reformed) == "adjust"
    assert _kind(tmp_path, "市人民政府关于建立农民工工资清欠部门联席会议制度的通知") == "establish"


def test_a_national_unit_takes_no_shared_province_prefix(tmp_path: Path) -> None:
    text = (
        "广东省人民政府办公厅关于调整成立省农作物重大病虫疫情防控指挥部的通知\n"
        "各地级以上市人民政府，省政府各部门、各直属机构：\n"
        "成员单位包括省发展改革委、教育厅、应急管理厅,民航中南地区管理局、海关总署广东分署、"
        "省邮政管理局、省气象局。\n"
    )
    members = [str(m) for m in _imported(tmp_path, text)["members"]]
    assert "民航中南地区管理局" in members and "省教育厅" in members
    assert "省民航中南地区管理局" not in members


NEWS = """淮南市政府发文部署第七次全国人口普查工作
近日，淮南市政府印发《淮南市人民政府关于认真做好第七次全国人口普查工作的通知》〔淮府(2020)20号〕，对全市人口普查工作全面部署安排。
"""


def test_a_news_item_gives_the_number_of_the_notice_it_reports(tmp_path: Path) -> None:
    notice = _imported(tmp_path, NEWS)["notice"]
    assert notice["doc_number"] == "淮府〔2020〕20号"


def test_a_document_cited_as_a_basis_is_not_the_notice(tmp_path: Path) -> None:
    cited = NEWS.replace("印发《", "根据《")
    assert "doc_number" not in _imported(tmp_path, cited).get("notice", {})


CONVENORS = (
    "由旅游局、外交部、中宣部、发改委、教育部等28部门组成的联席会议，牵头单位是旅游局。"
    "联席会议召集人由国务院分管旅游工作的领导同志将担任，协助分管旅游工作的国务院副秘书长、"
    "旅游局主要负责同志和中宣部、发改委、财政部有关负责同志担任副召集人。\n"
)


def test_units_before_a_shared_post_after_and_each_take_it(tmp_path: Path) -> None:
    data = _imported(
        tmp_path, "国务院关于同意建立国务院旅游工作部际联席会议制度的批复\n" + CONVENORS
    )
    deputies = [
        f"{p.get('unit', '')}{p.get('post', '')}" for p in data["roster"]["deputy_convenors"]
    ]
    assert deputies[1:] == [
        "旅游局主要负责同志",
        *(f"{u}有关负责同志" for u in ("中宣部", "发改委", "财政部")),
    ]
    (convenor,) = data["roster"]["convenors"]
    assert convenor["post"] == "分管旅游工作的领导同志"  # 将 (will) is no part of it
    assert data["members"][-1] == "教育部"  # 等28部门 is a count, not a unit


PREFECTURE = (
    "凉山州人民政府关于建立凉山州消防工作联席会议制度的通知\n"
    "联席会议由州委常委、州政府副州长、州委政法委书记罗凉清担任召集人,成员由州政府办公室、"
    "州发改委、州公安消防支队、州委政法委综治办、凉山日报社、州电信公司、各县市电信分公司的"
    "负责人或分管领导组成。\n"
    "联席会议下设办公室在州消防支队,办公室主任由州消防支队支队长沙尔哈兼任。\n"
)


def test_posts_before_a_name_are_that_one_person(tmp_path: Path) -> None:
    (convenor,) = _imported(tmp_path, PREFECTURE)["roster"]["convenors"]
    assert convenor["name"] == "罗凉清"


def test_the_office_host_printed_short_is_the_member(tmp_path: Path) -> None:
    data = _imported(tmp_path, PREFECTURE)
    assert data["office"]["host"] == "州公安消防支队"
    assert data["members"][-3:] == ["凉山日报社", "州电信公司", "各县市电信分公司"]


PROVINCE_NEWS = (
    "省政府办公厅日前下发《省人民政府办公厅关于成立湖北省第四次全国经济普查领导小组的通知》。\n"
    "《通知》明确,领导小组由省委常委、常务副省长黄楚平任组长,省政府副秘书长王太晖及省统计局、"
    "省委宣传部、省财政厅相关负责人任副组长,领导小组成员单位由省委政法委、省编办、省发改委"
    "等34个部门组成。\n"
    "领导小组下设办公室,设在省统计局,承担领导小组日常工作。办公室主任由省统计局局长李克勤兼任。\n"
)


def test_a_named_deputy_and_units_sharing_a_post_after_him(tmp_path: Path) -> None:
    data = _imported(tmp_path, PROVINCE_NEWS)
    deputies = data["roster"]["deputy_chief_convenors"]
    assert deputies[0]["name"] == "王太晖"
    assert [f"{d['unit']}{d['post']}" for d in deputies[1:]] == [
        f"{unit}相关负责人" for unit in ("省统计局", "省委宣传部", "省财政厅")
    ]
    assert data["office"] == {
        "host": "省统计局",
        "director": "李克勤",
        "director_post": "省统计局局长",
    }


COMMITTEE_NEWS = (
    "6月27日，中国政府网发布《国务院办公厅关于调整国务院食品安全委员会组成人员的通知》。\n"
    "《通知》披露，国务院副总理韩正担任国务院食品安全委员会主任，国务院副总理胡春华、国务委员王勇"
    "担任委员会副主任，国务院副秘书长孟扬等担任委员会委员。\n"
    "国务院食品安全委员会成立于2010年2月，首任委员会主任由时任国务院副总理李克强担任。\n"
)


def test_a_committee_s_seats_in_prose_with_the_committee_named(tmp_path: Path) -> None:
    roster = _imported(tmp_path, COMMITTEE_NEWS)["roster"]
    names = {role: [p.get("name") for p in people] for role, people in roster.items()}
    assert names == {
        "chief_convenors": ["韩正"],
        "deputy_chief_convenors": ["胡春华", "王勇"],
        "members": ["孟扬"],
    }  # the first 主任 (李克强) is history, not this roster


def test_an_office_director_is_no_committee_seat(tmp_path: Path) -> None:
    text = (
        "国务院食品安全委员会办公室设在市场监管总局，办公室主任由市场监管总局副局长毕井泉兼任。\n"
    )
    data = _imported(tmp_path, "国务院关于调整国务院食品安全委员会组成人员的通知\n" + text)
    assert "roster" not in data and data["office"]["director"] == "毕井泉"


ROSTER_SENTENCE = (
    "国务院办公厅关于调整国务院第二次全国污染源普查领导小组组成人员的通知\n"
    "调整后，领导小组组长由国务院副总理韩正担任，副组长分别为国务院副秘书长丁学东、生态环境部部长"
    "李干杰。领导小组成员包括：中央宣传部部务会议成员、新闻办副主任郭卫民、发展改革委副主任张勇、"
    "自然资源部党组成员王春峰。\n"
)


def test_a_roster_in_one_sentence_post_before_name(tmp_path: Path) -> None:
    data = _imported(tmp_path, ROSTER_SENTENCE)
    members = data["roster"]["members"]
    assert [person["name"] for person in members] == ["郭卫民", "张勇", "王春峰"]
    assert members[0]["unit"] == "中央宣传部"  # two posts of one person, joined by 、
    assert data["members"] == ["中央宣传部", "发展改革委", "自然资源部"]


def test_member_units_after_members_are_no_persons(tmp_path: Path) -> None:
    text = "领导小组成员包括：市发改委、市财政局、市民政局。\n"
    data = _imported(tmp_path, "市人民政府关于成立市普查领导小组的通知\n" + text)
    assert "members" not in data.get("roster", {})


ENCYCLOPEDIA = (
    "深圳市妇女儿童工作委员会\n"
    "深圳市妇女儿童工作委员会成立于1994年，现任妇儿工委主任是闫小培副市长，委员由市卫生局、"
    "教育局、统计局等40个单位的副局级领导担任。\n"
    "市妇儿工委主任由主管教育的副市长兼任、副主任由市政府一名副秘书长、市委组织部一名副部长、"
    "市妇联主席兼任，委员由各职能部门的主管领导兼任。\n"
    "妇儿工委办主任由市妇联一名副主席兼任。\n"
)


def test_seats_of_a_committee_described_by_its_short_name(tmp_path: Path) -> None:
    data = _imported(tmp_path, ENCYCLOPEDIA)
    assert data["meeting"]["name"] == "深圳市妇女儿童工作委员会"
    roster = data["roster"]
    (chief,) = roster["chief_convenors"]  # the rule sentence's 主任 is the one named
    assert (chief["name"], chief.get("title") or chief.get("post")) == ("闫小培", "副市长")
    deputies = [(p["unit"], p["post"]) for p in roster["deputy_chief_convenors"]]
    assert deputies == [
        ("市政府", "一名副秘书长"),
        ("市委组织部", "一名副部长"),
        ("市妇联", "主席"),
    ]
    assert data["members"] == ["市卫生局", "市教育局", "市统计局"]
