"""Offices, heads and member lists as real documents word them (each taken from a document
of tests/cases/import/dev, shortened): an office that only the roster speaks of, a head
named in prose, a township site republishing its county's notice, lists and prefixes."""

from __future__ import annotations

from pathlib import Path

from jmctl.importing.api import import_file
from jmctl.importing.committee_seats import committee_seats
from jmctl.importing.convenor_posts import convenor_posts
from jmctl.importing.facts import convenors_in, members_in, office_in
from jmctl.importing.jurisdiction import jurisdiction_of, names_below
from jmctl.importing.notice import kind_of_notice, reported_number
from jmctl.importing.office_roster import spelled_as_named
from jmctl.importing.prose_roster import members_named_in
from jmctl.importing.result import OfficeFound
from jmctl.importing.units import split_post, unit_list

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


INDEX_TABLE = """| 索 引 号 | k12498411/2014-00065 | ||
| 发布机构 | 连云港市人民政府 | 发文日期 | 2014-05-07 |
| 标 题 | 市政府办公室关于印发连云港市知识产权联席会议工作制度的通知 | ||
| 文 号 | 连政办发〔2014〕67号 | 主 题 词 | |
| 内容概述 | 为加强对全市知识产权工作的宏观管理，特建立连云港市知识产权联席会议工作制度。 | ||
| 时 效 | 有效 | 文件下载 | |
市政府办公室关于印发连云港市知识产权联席会议工作制度的通知
各县、区人民政府，市各有关单位：
《连云港市知识产权联席会议工作制度》已经市政府同意，现印发给你们，请认真贯彻落实。
"""


def test_a_page_index_table_flattened_into_cells_is_furniture(tmp_path: Path) -> None:
    data, _ = _imported(tmp_path, INDEX_TABLE)
    notice = data["notice"]
    assert (notice["doc_number"], notice["date"]) == ("连政办发〔2014〕67号", "2014-05-07")
    assert notice["title"] == "市政府办公室关于印发连云港市知识产权联席会议工作制度的通知"
    assert notice["recipients"] == ["各县、区人民政府", "市各有关单位"]
    assert [entry["line"] for entry in data["unplaced"]] == [1, 2, 3, 4, 5, 6]  # kept


def test_branches_named_after_the_district_take_no_shared_prefix() -> None:
    listed = (
        "区委政法委、汉滨公安分局、区发改局、汉滨自然资源局分局(区搬迁办)、汉滨城管执法分局、民政局"
    )
    assert unit_list(listed) == [
        "区委政法委",
        "汉滨公安分局",
        "区发改局",
        "汉滨自然资源局分局(区搬迁办)",
        "汉滨城管执法分局",
        "区民政局",
    ]
    assert unit_list("区公安局、公安分局、交警大队") == ["区公安局", "区公安分局", "区交警大队"]


def test_a_page_field_line_with_the_documents_number(tmp_path: Path) -> None:
    page = (
        "公开日期： 2022-06-23 17:12 发布文号： 汉政办发〔2022〕54号\n"
        + INDEX_TABLE.splitlines()[6]
    )
    data, _ = _imported(tmp_path, page + "\n")
    assert data["notice"]["doc_number"] == "汉政办发〔2022〕54号"


def test_a_news_item_gives_the_number_of_the_notice_it_reports() -> None:
    news = (
        "6月15日，绥江县人民政府办公室印发了《关于成立绥江县全面推行河长制领导小组的通知》"
        "（绥办通〔2017〕43号），通知成立…"
    )
    assert reported_number([news]) == "绥办通〔2017〕43号"
    outer = (
        "近日，淮南市政府印发《淮南市人民政府关于认真做好第七次全国人口普查工作的通知》"
        "〔淮府〔2020〕20号〕，对全市…"
    )
    assert reported_number([outer]) == "淮府〔2020〕20号"
    basis = "根据《国务院关于加强河湖管理的通知》（国发〔2016〕7号），县政府决定成立…"
    assert reported_number([basis]) is None  # a cited basis, not the document's own


def test_one_person_named_after_all_their_posts_is_one_convenor() -> None:
    found = convenors_in("联席会议由州委常委、州政府副州长、州委政法委书记罗凉清担任召集人", 1)
    assert [(p.name, p.post) for p in found] == [
        ("罗凉清", "州委常委、州政府副州长、州委政法委书记")
    ]


def test_the_office_host_shortened_is_the_unit_named_elsewhere() -> None:
    named = ["州公安局", "州公安消防支队", "州民政局"]
    assert spelled_as_named("州消防支队", named) == "州公安消防支队"
    assert spelled_as_named("州民政局", named) == "州民政局"
    assert spelled_as_named("州财政局", named) == "州财政局"  # no unit it shortens


def test_a_party_committees_prefix_does_not_reach_a_government_bureau() -> None:
    listed = "县委督查室、组织部、宣传部、发改局、老干部局、环保局等共计28家部门单位主要负责同志"
    assert unit_list(listed) == [
        "县委督查室",
        "县委组织部",
        "县委宣传部",
        "县发改局",
        "县委老干部局",
        "县环保局",
    ]
    tail = "州电信公司、各县市电信分公司的负责人或分管领导"
    assert unit_list(tail) == ["州电信公司", "各县市电信分公司"]


def test_members_listed_before_为组成人员_after_the_convenors() -> None:
    text = (
        "联席会议由市政府分管副市长任总召集人，市政府分管副秘书长、市公安局分管副局长为召集人，"
        "市发改委、经发局、公安消防支队等单位分管领导以及各区政府分管副区长为组成人员。"
    )
    found = members_in(text, 1)
    assert found is not None
    assert found.units == ["市发改委", "市经发局", "市公安消防支队", "各区政府"]


def test_an_office_attached_to_a_unit() -> None:
    office = OfficeFound()
    assert office_in(
        "联席会议下设办公室，挂靠市公安消防支队，作为联席会议的日常办事机构", 1, office
    )
    assert office.host == "市公安消防支队"


def test_units_with_their_own_names_take_no_shared_prefix() -> None:
    listed = "州委政法委综治办、凉山日报社、州电信公司"
    assert unit_list(listed) == ["州委政法委综治办", "凉山日报社", "州电信公司"]
    regional = "省发展改革委、教育厅、民航中南地区管理局"
    assert unit_list(regional)[-1] == "民航中南地区管理局"
    junk = "市公安局、bet36体育在线车务段、南昌铁路公安处"
    assert unit_list(junk)[1] == "bet36体育在线车务段"  # a mirror's junk: kept, no 市 added


def test_members_following_the_convenors_with_no_verb_of_their_own() -> None:
    text = (
        "联席会议由市人民政府分管副市长担任召集人，市人民政府协管副秘书长和市住房和城乡建设局"
        "主要负责人担任副召集人，市住房和城乡建设局、市人民政府督查室、市发改委、市公安局、市卫健"
    )
    found = members_in(text, 1, last=True)  # the copy ends inside 市卫健: not a unit
    assert found is not None
    assert found.units == ["市住房和城乡建设局", "市人民政府督查室", "市发改委", "市公安局"]


def test_a_list_ends_at_its_count() -> None:
    text = (
        "成员单位有市发改委、团市委、市妇联等29个部门和单位，市民政局为牵头单位，"
        "领导小组成员为各成员单位的分管领导。"
    )
    found = members_in(text, 1)
    assert found is not None and found.units == ["市发改委", "团市委", "市妇联"]


def test_a_subdistricts_own_body_and_its_last_collective_member(tmp_path: Path) -> None:
    text = (
        "关于建立古美路街道市容环境综合建设和管理工作联席会议的通知\n"
        "来源：上海市闵行区人民政府古美路街道办事处 发布时间：2009年2月5日\n"
        "联席会议由街道办事处主任任组长，办事处副主任任副组长，由宣传统战科、党政办公室、"
        "区交警三中队等部门负责人，以及辖区内各居委及其物业公司负责人组成。"
        "联席会议下设办公室，办公室设在市政卫生科，具体负责联席会议的日常协调和管理工作。\n"
    )
    data, _ = _imported(tmp_path, text)
    assert data["jurisdiction"]["name"] == "上海市闵行区古美路街道"
    assert data["jurisdiction"]["level"] == "township"
    assert data["members"][-1] == "各居委及其物业公司"
    assert data["office"]["host"] == "市政卫生科"
    assert unit_list("县民政局，和平区民政局")[-1] == "和平区民政局"


def test_convenor_posts_joined_by_及_or_和_and_sharing_a_tail() -> None:
    found = convenors_in(
        "领导小组由省委常委、常务副省长黄楚平任组长，省政府副秘书长王太晖及省统计局、省委宣传部、"
        "省财政厅相关负责人任副组长",
        1,
    )
    assert [(p.name, p.post) for p in found] == [
        ("黄楚平", "省委常委、常务副省长"),
        ("王太晖", "省政府副秘书长"),
        (None, "省统计局相关负责人"),
        (None, "省委宣传部相关负责人"),
        (None, "省财政厅相关负责人"),
    ]
    will = convenors_in("联席会议召集人由国务院分管旅游工作的领导同志将担任", 1)
    assert [p.post for p in will] == ["国务院分管旅游工作的领导同志"]
    assert convenor_posts("住房和城乡建设厅厅长") == ["住房和城乡建设厅厅长"]


def test_an_office_set_after_a_comma_and_a_count_without_个() -> None:
    office = OfficeFound()
    office_in("领导小组下设办公室，设在省统计局，承担领导小组日常工作。", 1, office)
    assert office.host == "省统计局"
    assert unit_list("旅游局、外交部、教育部等28部门") == ["旅游局", "外交部", "教育部"]


def test_a_roster_written_as_a_sentence_post_before_name() -> None:
    text = (
        "领导小组成员包括：中央宣传部部务会议成员、新闻办副主任郭卫民、发展改革委副主任张勇、"
        "生态环境部副部长赵英民。"
    )
    found = members_named_in(text, 1)
    assert [(p.name, p.post) for p in found] == [
        ("郭卫民", "中央宣传部部务会议成员、新闻办副主任"),
        ("张勇", "发展改革委副主任"),
        ("赵英民", "生态环境部副部长"),
    ]
    assert members_named_in("成员单位包括：县民政局、县财政局、县公安局。", 1) == []
    chief = convenors_in("调整后，领导小组组长由国务院副总理韩正担任", 1)
    assert [(p.name, p.post) for p in chief] == [("韩正", "国务院副总理")]


def test_seats_a_news_sentence_gives_by_the_bodys_own_labels(tmp_path: Path) -> None:
    text = (
        "《国务院办公厅关于调整国务院食品安全委员会组成人员的通知》\n"
        "《通知》披露，国务院副总理韩正担任国务院食品安全委员会主任，国务院副总理胡春华、"
        "国务委员王勇担任委员会副主任，国务院副秘书长孟扬等担任委员会委员。\n"
        "首任委员会主任由时任国务院副总理李克强担任。时任国务院副总理张高丽任委员会主任。\n"
    )
    data, _ = _imported(tmp_path, text)
    roster = data["roster"]
    assert [e["name"] for e in roster["chief_convenors"]] == ["韩正"]
    assert [e["name"] for e in roster["deputy_chief_convenors"]] == ["胡春华", "王勇"]
    assert [e["name"] for e in roster["members"]] == ["孟扬"]


def test_a_unit_with_its_alias_before_the_post_and_an_办事处() -> None:
    assert split_post("城市运行综合管理中心(绿化市容中心)常务副主任", set()) == (
        "城市运行综合管理中心(绿化市容中心)",
        "常务副主任",
    )
    assert split_post("房屋管理办事处主任", set()) == ("房屋管理办事处", "主任")
    assert split_post("文化部文物局顾问", set()) == ("文化部文物局", "顾问")


def test_a_committees_seats_in_prose_by_its_own_labels() -> None:
    text = (
        "现任妇儿工委主任是闫小培副市长，委员由市卫生局、教育局、统计局等40个单位的副局级领导担任。"
        "市妇儿工委主任由主管教育的副市长兼任、副主任由市政府一名副秘书长、市妇联主席兼任。"
        "妇儿工委下设办公室，主任由市妇联副主席兼任。首任委员会主任由时任副市长李明担任。"
    )
    seats = committee_seats("committee", [(1, text)])
    assert [(p.role, p.name, p.post) for p in seats] == [
        ("chief_convenors", "闫小培", "副市长"),  # the holder named: the by-post seat is hers
        ("deputy_chief_convenors", None, "市政府一名副秘书长"),
        ("deputy_chief_convenors", None, "市妇联主席"),
    ]
    assert committee_seats("joint_meeting", [(1, text)]) == []  # 主任 is the office's there
    found = members_in(text, 1)
    assert found is not None and found.units == ["市卫生局", "市教育局", "市统计局"]


def test_a_deputy_chief_committee_member_is_no_member_unit_list() -> None:
    text = "副主任委员由市民政局、市财政局、市公安局主要负责同志担任。"
    assert members_in(text, 1) is None  # 副主任委员 is a seat, not the members
    found = members_in("成员由县发改局、县财政局、县民政局主要负责同志担任。", 1)
    assert found is not None and found.units == ["县发改局", "县财政局", "县民政局"]
