"""Member lists and notice fields as real documents word them (each taken from a document
of tests/cases/import/dev, shortened), and the look-back searches that start where their
verb occurs."""

from __future__ import annotations

import re
from pathlib import Path

from jmctl.importing.anchored import finditer_near, search_near
from jmctl.importing.api import import_file
from jmctl.importing.facts import convenors_in, members_in, office_in
from jmctl.importing.notice import reported_number
from jmctl.importing.result import OfficeFound
from jmctl.importing.units import unit_list

LOOK_BACK = re.compile(r"([^，]{2,60}?)兼任主任")
VERB = re.compile(r"兼任主任")


def test_a_look_back_from_its_verb_finds_what_a_whole_search_finds() -> None:
    units = "、".join(["县民政局"] * 30)
    for text in ("由县民政局局长兼任主任", units + "，由县民政局局长兼任主任", units + "兼任主任"):
        near, whole = search_near(LOOK_BACK, VERB, text, 60), LOOK_BACK.search(text)
        assert near is not None and whole is not None and near.span() == whole.span()
    assert search_near(LOOK_BACK, VERB, units, 60) is None


def test_every_look_back_from_its_verb_is_what_finditer_gives() -> None:
    units = "、".join(["县民政局"] * 30)
    text = f"{units}兼任主任，甲局长兼任主任；{units}，乙局长兼任主任"
    near = [m.span() for m in finditer_near(LOOK_BACK, VERB, text, 60, 5)]
    assert near == [m.span() for m in LOOK_BACK.finditer(text, 5)] and len(near) == 3


def test_convenors_and_director_are_read_after_a_long_list() -> None:
    units = "、".join(f"县{n}局" for n in "甲乙丙丁戊己庚辛壬癸" * 20)
    text = f"成员单位有{units}。县长为总召集人，办公室主任由县民政局局长兼任。"
    assert [(p.role, p.post) for p in convenors_in(text, 1)] == [("chief_convenors", "县长")]
    office = OfficeFound()
    assert office_in(text, 1, office) and office.director_post == "县民政局局长"


def test_a_unit_named_for_the_capital_takes_no_shared_prefix() -> None:
    # n124: 北京市's list, 首都综治办 among the 市 bureaus
    listed = "市民政局、首都综治办、市委宣传部、市发展改革委"
    assert unit_list(listed) == ["市民政局", "首都综治办", "市委宣传部", "市发展改革委"]


SUICHUAN = (
    "领导小组——以县委分管领导为组长,县政府分管领导为副组长,县委宣传部、县公安局、县民政局副局长、"
    "县农业局等36个县委、县政府部门和县直单位的39名副科级以上领导为成员"
).replace(",", "，")


def test_a_list_cut_at_its_count_keeps_no_words_of_what_follows() -> None:
    # n112: 等36个县委、县政府部门和县直单位的39名…领导为成员, and a post after one unit
    found = members_in(SUICHUAN, 1)
    assert found is not None and found.units == ["县委宣传部", "县公安局", "县民政局", "县农业局"]


def test_a_convenor_given_with_yi_is_read_without_it() -> None:
    found = [(p.role, p.post) for p in convenors_in(SUICHUAN, 1)]
    assert found[0] == ("chief_convenors", "县委分管领导")


def test_the_number_of_a_notice_a_news_item_says_was_sent_down() -> None:
    text = "该县“两办”于近日向各乡镇下发通知（遂办字[2016]42号），决定成立全县民族工作领导小组。"
    assert reported_number([text]) == "遂办字[2016]42号"
    assert reported_number(["根据《…的通知》（国发〔2016〕7号），决定成立"]) is None


OPENING = "为加强对我市创新驱动发展的统筹协调，经市政府研究同意，建立福州市创新发展联席会议"
FUZHOU = (
    OPENING
    + """(以下简称联席会议)制度。现将有关事项通知如下:
二、组成人员
总召集人:高 明 市政府副市长
成 员:张麒蛰 市建委副主任
俞 敏 市金融办副主任
李朝波 市人才办执行副主任
市发改委、市经信委、市科技局
"""
)


def test_the_units_of_member_rows_and_the_notice_a_copy_opens_with(tmp_path: Path) -> None:
    # n134: the line of units after the 成员 rows starts the next section; the copy has no
    # header, but its opening says it is the notice setting the meeting up
    path = tmp_path / "fuzhou.txt"
    path.write_text(FUZHOU, encoding="utf-8")
    result = import_file(path)
    assert result.imported is not None
    data = result.imported.data
    assert data["members"] == ["市建委", "市金融办", "市人才办"]
    assert data["notice"]["kind"] == "establish"
    assert "- 市发改委、市经信委、市科技局" in result.yaml_text()  # kept as the section's text


def test_members_after_the_body_s_own_members_word_and_a_colon() -> None:
    # n130: 市指挥部成员为：… (the copy cut after the fourth unit, in the fifth)
    text = "市指挥部成员为：三门峡军分区司令部、市政府办公室、市应急办、市发展改革委、市"
    found = members_in(text, 1, last=True)
    assert found is not None
    assert found.units == ["三门峡军分区司令部", "市政府办公室", "市应急办", "市发展改革委"]
    assert members_in("领导小组成员为各成员单位分管领导", 1) is None


def test_a_mirror_s_pinyin_is_taken_out_and_reported(tmp_path: Path) -> None:
    # n130: 應(yīng)急 in a traditional mirror; the words are kept, the pinyin said
    path = tmp_path / "pinyin.txt"
    path.write_text(
        "市指揮部下設辦公室,辦公室設在市地震局,承擔應(yīng)急值守。\n", encoding="utf-8"
    )
    result = import_file(path)
    assert result.imported is not None and "应急值守" in result.yaml_text()
    said = [f for f in result.findings if f.code == "JM663"]
    assert [(f.mark.line, f.mark.column, f.args["count"]) for f in said] == [(1, 24, 1)]
    assert "应(yīng)" in said[0].message()
