"""`jmctl check` on real documents reports the documents' defects, not jmctl's misreadings.

Each test takes its lines from a real document (a case of `tests/cases/import/dev/`, a
page, or a document jmctl renders; named in the test) and holds one pattern jmctl once
reported as a defect of the document.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jmctl.domain import Rename, builtin_renames, load_renames
from jmctl.importing.checking import check_file
from jmctl.render.api import RenderOptions, render_file

DEV = Path(__file__).parent / "cases" / "import" / "dev"
EXAMPLES = Path(__file__).parent.parent / "examples"


def _codes(path: Path) -> list[tuple[str, int]]:
    return [(f.code, f.mark.line) for f in check_file(path).findings]


def _culture_and_tourism() -> Rename:
    return next(rename for rename in builtin_renames() if "旅游局" in rename.old)


# JM501: the 2018 reform's names --------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "市文化广电旅游局",  # n25-meizhou-binzang-lianxi.txt, line 30 (2021)
        "县文化体育和旅游局",
        "县文体旅游局",
        "县文化广电体育和旅游局",
        "市文化旅游广电局",
        "省旅游和文化广电体育厅",
        # 洞口县's 公共文化服务体系建设联席会议 notice (dongkou.wentiyun.cn/news-216.html)
        "县文化旅游广电体育局",
        # short forms in county news of 2019-2024: 县文旅广体局, 县文旅广电局, 县文广旅局
        "县文旅广体局",
        "县文旅广电局",
        "县文广旅局",
    ],
)
def test_the_culture_and_tourism_bodies_the_reform_made_are_current(name: str) -> None:
    assert _culture_and_tourism().outdated_stem(name) is None


def test_an_old_name_beside_a_current_one_is_still_found() -> None:
    # the same 洞口县 notice, written after 2021, still lists 县安监局 among its members
    safety = next(rename for rename in builtin_renames() if "安监局" in rename.old)
    assert safety.successors("县安监局") == ["县应急局"]
    assert _culture_and_tourism().outdated_stem("县文化旅游广电体育局") is None
    # tourism without culture is no body of the reform: 县体育旅游局 is still the old kind
    assert _culture_and_tourism().outdated_stem("县体育旅游局") == "旅游局"


def test_an_old_stem_inside_a_longer_word_is_not_spliced_into_it() -> None:
    rename = _culture_and_tourism()
    # 体育旅游局 holds the old stem 旅游局: the new names replace the word after the place.
    assert rename.successors("县体育旅游局") == [
        "县文化和旅游局",
        "县文化广电和旅游局",
        "县文化广电旅游体育局",
    ]
    assert rename.successors("梅州市旅游局")[0] == "梅州市文化和旅游局"
    # the place is kept whole, and what follows the stem too
    health = next(rename for rename in builtin_renames() if "卫计局" in rename.old)
    assert health.successors("西安市高陵区卫计局城关分局") == ["西安市高陵区卫健局城关分局"]
    # a unit named after its county's short name keeps it (兴业生态环境局 in
    # n73-xingye-kangzhen-jiuzai-zhihuibu.txt is the city bureau's branch in 兴业县)
    environment = next(rename for rename in builtin_renames() if "环保局" in rename.old)
    assert environment.successors("兴业环保局") == ["兴业生态环境局"]
    # and a ministry keeps 国家 (02-zhongyiyao-buji.txt of 2016 prints 卫生计生委)
    assert health.successors("国家卫生计生委") == ["国家卫健委"]


def test_the_meizhou_notice_of_2021_names_its_culture_bureau_rightly() -> None:
    path = DEV / "n25-meizhou-binzang-lianxi.txt"
    assert "市文化广电旅游局" in path.read_text("utf-8")
    assert "JM501" not in {code for code, _ in _codes(path)}


def test_the_reform_reaches_each_level_on_its_own_day() -> None:
    land = next(rename for rename in builtin_renames() if "国土资源厅" in rename.old)
    # 10-guangdong-xinnengyuan-qiche-lianxi.txt: 省国土资源厅 on 2018-07-24, months before
    # the province's own reform; a ministry by then was already 自然资源部.
    assert not land.due(date(2018, 7, 24), "province")
    assert land.due(date(2018, 7, 24), "national")
    assert land.due(date(2019, 1, 1), "province")
    assert not land.due(date(2019, 3, 1), "county") and land.due(date(2019, 4, 1), "county")
    assert not land.due(date(2019, 3, 1), None)  # level unknown: the last day of all
    assert not land.due(date(2019, 3, 1), "township")


def test_a_provincial_notice_before_the_provinces_reform_keeps_its_names() -> None:
    path = DEV / "10-guangdong-xinnengyuan-qiche-lianxi.txt"
    assert "省国土资源厅" in path.read_text("utf-8")
    assert "JM501" not in {code for code, _ in _codes(path)}


def test_a_user_rename_file_may_date_each_level(tmp_path: Path) -> None:
    table = tmp_path / "renames.yaml"
    table.write_text(
        "- old: [督查督办局]\n  new: [督查室]\n  year: 2016\n"
        "  variants: [督查办]\n  since: {county: 2016-07-01}\n",
        encoding="utf-8",
    )
    renames, problems = load_renames(table)
    assert problems == []
    assert renames[0].outdated_stem("县督查办") is None
    assert not renames[0].due(date(2016, 6, 30), "county")
    assert renames[0].due(date(2016, 7, 1), "county")


def test_a_user_rename_file_with_a_bad_day_is_reported(tmp_path: Path) -> None:
    table = tmp_path / "renames.yaml"
    table.write_text(
        "- old: [督查督办局]\n  new: [督查室]\n  year: 2016\n  since: {county: soon}\n",
        encoding="utf-8",
    )
    renames, problems = load_renames(table)
    assert renames == [] and [f.code for f in problems] == ["JM106"]


# Numbering (JM601, JM606): the outline above the markers ---------------------------------


def _check_lines(tmp_path: Path, lines: list[str]) -> list[tuple[str, int]]:
    """The findings on `lines` but half-width marks (the real lines keep theirs)."""
    path = tmp_path / "doc.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [(code, line) for code, line in _codes(path) if code != "JM401"]


def test_a_part_heading_restarts_the_numbering(tmp_path: Path) -> None:
    # n49-shi-caizheng-yingji-lingdaoxiaozu-zhize.txt, lines 7-16: each 第N部分 of a
    # 应急预案 numbers its headings from 一、 again.
    lines = [
        "二、组织体系框架描述",
        "第三部分 预警和预防机制",
        "一、预警监测",
        "二、预防",
        "第四部分 应急响应",
        "一、启动标准",
        "(一)本预案根据市委、市政府或市突发公共事件应急委员会的指示启动。",
    ]
    assert _check_lines(tmp_path, ["标题", *lines]) == []
    assert _check_lines(tmp_path, ["标题", *lines, "三、应急处置"]) == [("JM601", 9)]


def test_an_article_restarts_what_is_below_the_headings(tmp_path: Path) -> None:
    # n74-kaijiang-kangzhen-jiuzai-zhihuibu-guize.txt: 第N条 inside 一、 and 二、 sections;
    # the headings still count on across the articles.
    lines = [
        "一、机构设置",
        "第一条 开江县抗震救灾指挥部是县应急委下设的专项指挥部。",
        "(一)严格执行党中央、国务院决策部署。",
        "第四条 指挥部在县应急委领导下，负责组织、协调、指导全县抗震救灾工作。",
        "(一)贯彻落实县委县政府和县应急委关于防震减灾工作的决策部署。",
        "(二)定期、不定期分析全县地震风险形势。",
    ]
    assert _check_lines(tmp_path, [*lines, "二、主要职责"]) == []
    assert _check_lines(tmp_path, [*lines, "三、主要职责"]) == [("JM601", 7)]


def test_a_copy_that_begins_inside_a_list_is_not_a_list_starting_late() -> None:
    # The first line of each copy is an item of a list the page before it began.
    for name, first in (
        ("n46-qu-jinfang-lingdaoxiaozu-zhize-fengong.txt", "3、各乡(镇)政府"),
        ("n49-shi-caizheng-yingji-lingdaoxiaozu-zhize.txt", "6.后勤组"),
        ("n55-shaoxing-senlin-huozai-zhihuibu-zhize.txt", "(8)市气象局"),
    ):
        path = DEV / name
        assert path.read_text("utf-8").startswith(first)
        assert not {"JM601", "JM606"} & {code for code, _ in _codes(path)}


def test_a_list_starting_late_inside_a_document_is_still_found(tmp_path: Path) -> None:
    # tests/corpus/dushan-2017-notice.txt, lines 215-218: 各镇's duties start at 2.
    lines = [
        "（十四）各镇人民政府。",
        "负责明确镇村专职人员。",
        "2.负责组织对辖区内的救助对象排查。",
    ]
    assert _check_lines(tmp_path, lines) == [("JM606", 3)]


def test_a_decimal_outlines_next_chapter_is_no_list(tmp_path: Path) -> None:
    # n47-shenyang-senlin-fanghuo-zhihuibu-zhize.txt, lines 1-28: 2.2 … then 3. and 3.1.
    lines = [
        "2.2职责任务。",
        "(1)市林业局。",
        "负责火灾扑救的组织。",
        "(2)沈阳警备区。",
        "市森林防火指挥部其他成员随时听候调遣。",
        "3.预防、预报、监测和报告",
        "3.1预防。",
        "各级森林防火部门要大力做好森林防火的宣传教育工作。",
    ]
    assert _check_lines(tmp_path, ["沈阳市森林火灾应急预案", *lines]) == []
    # a list after a decimal section that skips a chapter is still a list starting late
    assert _check_lines(tmp_path, ["沈阳市森林火灾应急预案", *lines[:5], "4.预防"]) == [
        ("JM606", 7)
    ]


# A web page's furniture is not the document --------------------------------------------


def test_a_law_databases_dates_are_not_the_notices(tmp_path: Path) -> None:
    # 01-jieyue-shehui-buji.txt, lines 1-8: the database's 发文日期 and 施行日期 print the
    # day with leading zeros; the 批复 itself is not proofread by them.
    path = DEV / "01-jieyue-shehui-buji.txt"
    assert path.read_text("utf-8").splitlines()[1] == "发文日期2005年09月16日"
    assert "JM603" not in {code for code, _ in _codes(path)}
    body = ["各镇人民政府：", "请于2017年02月03日前报送。"]
    page = ["- 发布时间:", "- 2019年08月27日", "当前位置: 首页 > 政务公开"]
    # 11-guangdong-dawanqu-kechuang-lingdaoxiaozu.txt, lines 3-4: a bare label, its value
    # below; the page's half-width colons are not the notice's either
    copy = tmp_path / "page.txt"
    copy.write_text("\n".join([*page, *body]) + "\n", encoding="utf-8")
    assert _codes(copy) == [("JM603", 5)]


def test_what_follows_a_pages_controls_is_the_document(tmp_path: Path) -> None:
    # n16-shanghai-nongye-chanyeyuan-guanweihui.txt, lines 3-5: the page's 字号: (font size)
    # then the notice's own 文号; 15-shandong-weibao-chengyuan-zhize-2023.txt, lines 5-8:
    # 字号: 分享: then a duty label. Both stay the document's, and are proofread.
    lines = (DEV / "n16-shanghai-nongye-chanyeyuan-guanweihui.txt").read_text("utf-8")
    assert lines.splitlines()[2:5] == ["字号:", "", "沪府办〔2021〕37号"]
    page = ["字号:", "沪府办[2021]37号", "分享:", "省委宣传部:"]
    assert _check_lines(tmp_path, page) == [("JM302", 2)]
    half_width = [line for code, line in _codes(tmp_path / "doc.txt") if code == "JM401"]
    assert half_width == [4]  # 省委宣传部:, not the page's 字号: and 分享:


# JM607: a roster pads a two-character name, prose does not -------------------------------


def test_prose_names_a_person_the_roster_pads(tmp_path: Path) -> None:
    # 19-pingxiang-tese-xiaozhen-lianxi.txt, lines 33-34: the roster's 黎 兵, then 黎兵 in
    # the sentence on the office.
    lines = (DEV / "19-pingxiang-tese-xiaozhen-lianxi.txt").read_text("utf-8").splitlines()
    roster, prose = lines[32], lines[33]
    assert roster == "黎 兵 市建设局原党委委员" and "黎兵兼任办公室副主任" in prose
    assert _check_lines(tmp_path, ["成 员:刘 琼 市地税局局长", roster, prose]) == []
    # the same person unpadded in another roster entry is a defect
    other_entry = "联络员:黎兵 市建设局"
    assert _check_lines(tmp_path, [roster, prose, other_entry]) == [("JM607", 3)]
    assert _check_lines(tmp_path, [roster, "黎兵  市建设局原党委委员"]) == [("JM607", 2)]


def test_the_notice_jmctl_renders_checks_clean(tmp_path: Path) -> None:
    # its roster pads 李　娜, its office sentence names 李娜同志
    target = tmp_path / "notice.docx"
    render_file(EXAMPLES / "baihe-2023.yaml", ["notice"], RenderOptions(), output=target)
    assert check_file(target).findings == []


# JM314: overdue today is no defect of a 纪要 -----------------------------------------------


def test_a_past_minutes_deadline_is_not_the_minutes_defect(tmp_path: Path) -> None:
    # minutes/gbt9704-form.txt, line 5: a decision due 10月底 of 2023; no status printed.
    path = DEV.parent / "minutes" / "gbt9704-form.txt"
    assert "10月底前" in path.read_text("utf-8").splitlines()[4]
    assert "JM314" not in {code for code, _ in _codes(path)}
    # the data file that import makes from it is still reminded of the open decision
    from jmctl.importing.api import import_file
    from jmctl.validation import validate_file

    data = tmp_path / "minutes.yaml"
    result = import_file(path)
    data.write_text(result.yaml_text(), encoding="utf-8")
    assert "JM314" in {finding.code for finding in validate_file(data).findings}


@pytest.mark.slow  # about 1 s: renders every document of the example
def test_every_document_jmctl_renders_checks_clean(tmp_path: Path) -> None:
    # notice (a roster padding 李　娜, prose naming 李娜), roster, duties, the 纪要 with
    # decisions due in 2023, the 督办表, the 会议通知, 签到表 and 桌签.
    render_file(EXAMPLES / "baihe-2023.yaml", None, RenderOptions(), out_dir=tmp_path)
    documents = sorted(tmp_path.glob("*.docx"))
    assert len(documents) >= 10
    assert {path.name: check_file(path).findings for path in documents} == {
        path.name: [] for path in documents
    }


# A document jmctl rendered: the data it carries says what is its defect ------------------


def test_a_rendered_notice_is_not_held_to_a_misreading_of_its_text(tmp_path: Path) -> None:
    # examples/qingshan-2022.yaml prints "镇司法所和各村（社区）等8个部门和单位": read as
    # text, 镇司法所和各村（社区） looks like one unit (7, not 8; 镇司法所 no member). The data
    # the DOCX carries, checked against its text, has none of that.
    target = tmp_path / "notice.docx"
    render_file(EXAMPLES / "qingshan-2022.yaml", ["notice"], RenderOptions(), output=target)
    assert check_file(target).findings == []


def test_a_rendered_notice_keeps_the_defects_its_data_has(tmp_path: Path) -> None:
    # examples/dushan-2017.yaml is the real 独山 notice: three members without duties, and
    # duties of 县老龄委, which is no member; validate says so, and check of its DOCX too.
    target = tmp_path / "notice.docx"
    render_file(EXAMPLES / "dushan-2017.yaml", ["notice"], RenderOptions(), output=target)
    codes = [code for code, _ in _codes(target)]
    assert codes == ["JM206", "JM206", "JM206", "JM207"]


def test_an_edited_rendered_notice_is_checked_by_its_text(tmp_path: Path) -> None:
    from docx import Document

    target = tmp_path / "notice.docx"
    render_file(EXAMPLES / "qingshan-2022.yaml", ["notice"], RenderOptions(), output=target)
    document = Document(str(target))
    paragraph = next(p for p in document.paragraphs if "等8个部门和单位组成" in p.text)
    paragraph.runs[0].text = paragraph.text.replace("等8个", "等9个")
    for run in paragraph.runs[1:]:
        run.text = ""
    document.save(str(target))
    # the carried data no longer prints as this text: what the text says is checked
    assert "JM211" in {code for code, _ in _codes(target)}


def test_a_renamed_member_is_found_at_its_line(tmp_path: Path) -> None:
    # 洞口县's notice (dongkou.wentiyun.cn/news-216.html), which cites the 2021-2025 plan:
    # its members sentence lists 县安监局 beside 县文化旅游广电体育局. The page prints no
    # date; it is dated here in 2022, after the plan it cites.
    members = (
        "洞口县公共文化服务体系建设联席会议,由县委宣传部、县委组织部、县文化旅游广电体育局、"
        "县编委、县文明办、县发改局、县住建局、县自然资源局、县教育局、县民政局、县财政局、"
        "县乡村振兴局、县安监局、县总工会、团县委、县文联、县妇联、县残联等部门组成。"
    )
    lines = [
        "关于建立健全洞口县公共文化服务体系建设联席会议制度的通知",
        "县直相关部门:",
        "一、会议组成",
        members,
        "洞口县文化旅游广电体育局",
        "2022年3月1日",
    ]
    found = [
        (finding.code, finding.mark.line, finding.args["unit"])
        for finding in check_file(_written(tmp_path, lines)).findings
        if finding.code == "JM501"
    ]
    assert found == [("JM501", 4, "县安监局")]


def _written(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
