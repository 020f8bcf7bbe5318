"""The importer's recognisers, one family at a time, on wordings real notices use (each
sentence below is taken from a document of tests/cases/import/dev, shortened)."""

from __future__ import annotations

import pytest

from jmctl.importing.blocks import Block
from jmctl.importing.duties import read_duties
from jmctl.importing.facts import convenors_in, members_in, office_in
from jmctl.importing.people import people_run, person
from jmctl.importing.result import OfficeFound
from jmctl.importing.roster import read_roster
from jmctl.importing.units import unit_list


@pytest.mark.parametrize(
    ("text", "units", "claimed"),
    [
        (
            "总召集人由县长担任，联席会议由县民政局、县财政局、县教育局等3个部门和单位组成。",
            ["县民政局", "县财政局", "县教育局"],
            3,
        ),
        (
            "联席会议由省民政厅、教育厅、财政厅共三个部门组成。",
            ["省民政厅", "省教育厅", "省财政厅"],
            3,
        ),
        (
            "成员包括市委宣传部、统战部、台港澳办，市发展改革局、民族宗教局等单位分管负责同志。",
            ["市委宣传部", "市委统战部", "市委台港澳办", "市发展改革局", "市民族宗教局"],
            None,
        ),
        (
            "市委编办、市文明办、市社区大学有关负责人为联席会议成员。",
            ["市委编办", "市文明办", "市社区大学"],
            None,
        ),
        (
            "联席会议由市委组织部、市委宣传部、市编委办、发展和改革局、财政(地税)局和审计局组成。",
            [
                "市委组织部",
                "市委宣传部",
                "市编委办",
                "市发展和改革局",
                "市财政(地税)局",
                "市审计局",
            ],
            None,
        ),
        (
            "成员单位有：县委统战部（县民族宗教局、县台港澳局）、县公安局、各乡（镇）人民政府。",
            ["县委统战部（县民族宗教局、县台港澳局）", "县公安局", "各乡（镇）人民政府"],
            None,
        ),
    ],
)
def test_member_units_in_every_wording(text: str, units: list[str], claimed: int | None) -> None:
    found = members_in(text, 1)
    assert found is not None
    assert (found.units, found.claimed) == (units, claimed)


def test_a_sentence_of_duties_is_no_member_list() -> None:
    assert members_in("工作会议由组长或其委托的副组长召集，参加人员为领导小组成员。", 1) is None
    assert members_in("国家卫生健康委党组成员余艳红", 1) is None


def test_industry_names_with_and_stay_whole() -> None:
    assert unit_list("县工业和信息化局、县人力资源和社会保障局及县民政局") == [
        "县工业和信息化局",
        "县人力资源和社会保障局",
        "县民政局",
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("由市政府分管副市长担任总召集人", [("chief_convenors", None, "市政府分管副市长")]),
        ("分管民政工作的副市长为总召集人", [("chief_convenors", None, "分管民政工作的副市长")]),
        (
            "县长作为联席会议总召集人，常务副县长作为副总召集人",
            [("chief_convenors", None, "县长"), ("deputy_chief_convenors", None, "常务副县长")],
        ),
        (
            "联席会议召集人由市教委主任担任；市教委、市公安局分管负责人担任副召集人",
            [
                ("convenors", None, "市教委主任"),
                ("deputy_convenors", None, "市教委分管负责人"),
                ("deputy_convenors", None, "市公安局分管负责人"),
            ],
        ),
        (
            "市政府办公室主任和市财政局局长担任联席会议召集人",
            [
                ("convenors", None, "市政府办公室主任"),
                ("convenors", None, "市财政局局长"),
            ],
        ),
    ],
)
def test_convenors_by_post(text: str, found: list[tuple[str, str | None, str]]) -> None:
    assert [(p.role, p.name, p.post) for p in convenors_in(text, 1)] == found


def test_the_office_its_director_and_its_staff() -> None:
    office = OfficeFound()
    text = (
        "领导小组办公室设在民政部。办公室主任由民政部部长李纪恒兼任；常务副主任由民政部"
        "副部长高晓兵兼任；副主任由中央网信办副主任盛荣华，全国妇联副主席、书记处书记蔡淑敏兼任。"
    )
    assert office_in(text, 3, office)
    assert (office.host, office.director, office.director_post) == (
        "民政部",
        "李纪恒",
        "民政部部长",
    )
    assert [(s.label, s.name, s.post) for s in office.staff] == [
        ("常务副主任", "高晓兵", "民政部副部长"),
        ("副主任", "盛荣华", "中央网信办副主任"),
        ("副主任", "蔡淑敏", "全国妇联副主席、书记处书记"),
    ]
    by_post = OfficeFound()
    office_in("联席会议办公室设在市民政局，办公室主任由市民政局分管负责同志兼任。", 1, by_post)
    assert (by_post.director, by_post.director_post) == (None, "市民政局分管负责同志")


@pytest.mark.parametrize(
    ("entry", "found"),
    [
        ("马 凯  国务院副总理", ("马凯", "国务院副总理")),
        ("肖亚庆  国务院副秘书长", ("肖亚庆", "国务院副秘书长")),
        ("陈芸副省长", ("陈芸", "副省长")),
        ("吴立官团省委副书记", ("吴立官", "团省委副书记")),
        ("孙会方（县委常委、常务副县长）", ("孙会方", "县委常委、常务副县长")),
        ("李卫宁", ("李卫宁", "")),
        ("区人民政府分管区领导", (None, "区人民政府分管区领导")),
        ("市政府分管副市长", (None, "市政府分管副市长")),
    ],
)
def test_one_person_in_every_spacing(entry: str, found: tuple[str | None, str]) -> None:
    assert person(entry) == found


def test_a_roster_run_together_with_no_separators() -> None:
    assert people_run("姜大明国土资源部部长丁向阳国务院副秘书长杜鹰发展改革委副主任") == [
        ("姜大明", "国土资源部部长"),
        ("丁向阳", "国务院副秘书长"),
        ("杜鹰", "发展改革委副主任"),
    ]


def _blocks(*texts: str) -> list[Block]:
    return [Block(number, text, index=number) for number, text in enumerate(texts, 1)]


def test_roster_labels_broken_alone_and_inline() -> None:
    read = read_roster(
        _blocks(
            "召",
            "集 人：李娜  县民政局局长",
            "副组长：",
            "王勇 国务委员",
            "成  员：张强  县财政局副局长",
            "刘洋  县教育局副局长",
        )
    )
    assert [(p.role, p.name, p.post) for p in read.people] == [
        ("convenors", "李娜", "县民政局局长"),
        ("deputy_chief_convenors", "王勇", "国务委员"),
        ("members", "张强", "县财政局副局长"),
        ("members", "刘洋", "县教育局副局长"),
    ]


def test_a_first_deputy_keeps_its_label() -> None:
    read = read_roster(_blocks("第一副组长：王勇 国务委员"))
    assert [(p.role, p.label) for p in read.people] == [("deputy_chief_convenors", "第一副组长")]


def test_a_members_label_followed_by_units() -> None:
    read = read_roster(_blocks("成 员：区委办（外办）、区委组织部、区科协、区民政局分管领导。"))
    assert read.people == []
    assert read.members[0].units == ["区委办（外办）", "区委组织部", "区科协", "区民政局"]


def test_duties_as_labels_headings_and_sentences() -> None:
    duties, left = read_duties(
        _blocks(
            "省委宣传部：",
            "督促指导各地区加强未成年人思想道德建设。",
            "（二）县民政局。",
            "1.负责救助政策的组织实施。",
            "2.负责低保审核。",
            "县发改局要将社会救助纳入发展规划。",
        )
    )
    assert [(d.unit, d.items) for d in duties] == [
        ("省委宣传部", ["督促指导各地区加强未成年人思想道德建设。"]),
        ("县民政局", ["负责救助政策的组织实施。", "负责低保审核。"]),
        ("县发改局", ["将社会救助纳入发展规划。"]),
    ]
    assert left == []


def test_functions_numbered_any_way_are_all_kept() -> None:
    """Today's bug: （一）-numbered 主要职责 items vanished without a trace."""
    from jmctl.importing.result import Reading
    from jmctl.importing.sections import read_body

    for markers in (("（一）", "（二）", "（三）"), ("1.", "2.", "3."), ("1、", "2、", "3、")):
        reading = Reading()
        texts = ["统筹协调全区社会组织工作；", "组织制定工作规划；", "完成交办的其他任务。"]
        lines = ["一、主要职能", *(m + t for m, t in zip(markers, texts, strict=True))]
        read_body(_blocks(*lines), reading, "preamble")
        assert reading.meeting["functions"] == texts, markers
        assert reading.unplaced == []


def test_duties_under_markers_of_every_level() -> None:
    """（1）市委宣传部：…, 1.县民政局。负责…: the marker's level does not matter, and a
    continuation paragraph stays with its unit (n44, shortened)."""
    duties, left = read_duties(
        _blocks(
            "（1）市委宣传部：负责把握好突发事件应急处理工作的舆论导向。",
            "（2）市发展和改革局：负责组织和管理粮食储备。",
            "负责维护市电子政务网络平台的正常运行。",
            "1.县民政局。负责社会救助工作。",
            "（1）指导县民政局做好低保审核。",
        )
    )
    assert [(d.unit, d.items) for d in duties] == [
        ("市委宣传部", ["负责把握好突发事件应急处理工作的舆论导向。"]),
        ("市发展和改革局", ["负责组织和管理粮食储备。", "负责维护市电子政务网络平台的正常运行。"]),
        ("县民政局", ["负责社会救助工作。", "指导县民政局做好低保审核。"]),
    ]
    assert left == []


def test_a_unit_alone_on_its_line_heads_the_next_paragraph() -> None:
    """A 相关部门 | 职责分工 table flattened by a web copy (n43, shortened): the headers are
    not units, and a caption after the last duty (相关依据) is kept apart."""
    duties, left = read_duties(
        _blocks(
            "相关部门",
            "职责分工",
            "区公安分局",
            "维护考点周边安全。",
            "区卫计委",
            "考点及相关医院医疗服务、高考体检保障。",
            "相关依据 相关依据",
            "《关于召开全国普通高校招生考试安全工作电视电话会议的通知》。",
        )
    )
    assert [(d.unit, d.items) for d in duties] == [
        ("区公安分局", ["维护考点周边安全。"]),
        ("区卫计委", ["考点及相关医院医疗服务、高考体检保障。"]),
    ]
    assert [b.text for b in left] == [
        "相关部门",
        "职责分工",
        "相关依据 相关依据",
        "《关于召开全国普通高校招生考试安全工作电视电话会议的通知》。",
    ]


def test_units_run_together_in_one_sentence_are_split() -> None:
    duties, _ = read_duties(
        _blocks("县教育局负责学生资助；负责宣传；县民政局负责困难家庭认定；县财政局负责经费保障。")
    )
    assert [(d.unit, d.items) for d in duties] == [
        ("县教育局", ["负责学生资助；负责宣传；"]),
        ("县民政局", ["负责困难家庭认定；"]),
        ("县财政局", ["负责经费保障。"]),
    ]


def test_a_lead_in_or_sub_heading_opens_duties_inside_another_part() -> None:
    """其职责分工为：(n46) and 2.1.2 成员单位职责 (n44): the run ends at the next heading
    of the opener's level; the opener and what follows the run stay where they were."""
    from jmctl.importing.duty_spans import take_duties

    rest, duties = take_duties(
        _blocks(
            "4、设立明显禁放标志。",
            "5、各部门要各司其职。其职责分工为：",
            "区委宣传部：制订宣传工作方案。",
            "商委：协调供销情况。",
            "6、各单位要加强值守。",
            "2.1.2 成员单位职责",
            "（1）市教育局：负责学校防控。",
            "2.2 日常管理机构",
        )
    )
    assert [(d.unit, d.items) for d in duties] == [
        ("区委宣传部", ["制订宣传工作方案。"]),
        ("商委", ["协调供销情况。"]),
        ("市教育局", ["负责学校防控。"]),
    ]
    assert [b.text for b in rest] == [
        "4、设立明显禁放标志。",
        "5、各部门要各司其职。其职责分工为：",
        "6、各单位要加强值守。",
        "2.1.2 成员单位职责",
        "2.2 日常管理机构",
    ]


@pytest.mark.parametrize(
    "title",
    ["西安市某某指挥部成员单位主要职责", "某某领导小组成员单位及职责", "某某工作部门职责清单"],
)
def test_a_title_naming_the_units_duties_makes_a_duties_document(title: str) -> None:
    from jmctl.importing.layout import read_document

    reading = read_document(_blocks(title, "市应急管理局：", "负责组织协调防汛工作。"))
    assert reading.standalone == "duties"
    assert [(d.unit, d.items) for d in reading.duties] == [
        ("市应急管理局", ["负责组织协调防汛工作。"])
    ]


def test_a_label_that_lost_its_first_character_is_read_from_the_label_below() -> None:
    """ " 长：孙会方（…）" above "副组长：" (29, shortened): the 组 was lost by the copy; a
    post that lost its opening bracket keeps no stray closing one."""
    read = read_roster(
        _blocks(
            " 长：孙会方（县委常委、县政府常务副县长）",
            "副组长：彭海峰（县政府办公室主任）",
            "        滕合方县政府办公室副主任）",
        )
    )
    assert [(p.role, p.name, p.post) for p in read.people] == [
        ("chief_convenors", "孙会方", "县委常委、县政府常务副县长"),
        ("deputy_chief_convenors", "彭海峰", "县政府办公室主任"),
        ("deputy_chief_convenors", "滕合方", "县政府办公室副主任"),
    ]


def test_a_fragment_with_no_label_below_is_not_guessed() -> None:
    assert read_roster(_blocks("长：孙会方（县委常委）", "联席会议每年召开一次。")).people == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("根据《意见》（中发[2006]10号）精神", "根据《意见》（中发〔2006〕10号）精神"),
        ("东府办函【2003】248号", "东府办函〔2003〕248号"),
        ("川政办〔2011〕75号", "川政办〔2011〕75号"),
        ("见附表[2]。", "见附表[2]。"),
    ],
)
def test_a_document_numbers_year_brackets_become_hexagonal(text: str, want: str) -> None:
    from jmctl.importing.blocks import year_brackets

    assert year_brackets(text) == want


def test_a_shared_prefix_reaches_neither_enterprises_nor_a_unit_with_its_own() -> None:
    from jmctl.importing.units import unit_list

    assert unit_list(
        "市发改委、交通局、嘉通集团、电信嘉兴市分公司、市政府法制办、银监分局等成员单位"
    ) == [
        "市发改委",
        "市交通局",
        "嘉通集团",
        "电信嘉兴市分公司",
        "市政府法制办",
        "市银监分局",
    ]


def test_a_shared_prefix_does_not_reach_a_unit_named_after_its_county() -> None:
    from jmctl.importing.units import unit_list

    # 兴业生态环境局 is 兴业县's (a branch of the city's bureau); 农业 and 生态 are no county.
    assert unit_list("县自然资源局、兴业生态环境局、生态环境局、农业生态环境局") == [
        "县自然资源局",
        "兴业生态环境局",
        "县生态环境局",
        "县农业生态环境局",
    ]


def test_duties_after_a_header_row_as_sentences_or_with_a_dash() -> None:
    """（三）成员单位职责 then a header row, units run together in sentences, or a unit and
    its duty joined by a dash: all open the run."""
    from jmctl.importing.duty_spans import take_duties

    rest, duties = take_duties(
        _blocks(
            "（三）成员单位职责",
            "序号 单位 职责",
            "市水务局负责防汛调度；市气象局负责天气预报。",
            "市应急局——负责组织抢险救援。",
            "（四）工作要求",
        )
    )
    assert [(d.unit, d.items) for d in duties] == [
        ("市水务局", ["负责防汛调度；"]),
        ("市气象局", ["负责天气预报。"]),
        ("市应急局", ["负责组织抢险救援。"]),
    ]
    assert [b.text for b in rest] == ["（三）成员单位职责", "序号 单位 职责", "（四）工作要求"]


def test_a_paragraph_that_leads_in_and_runs_the_duties_on() -> None:
    """……进行了详细的分工：省教育厅负责……；省科技厅负责…… (n50, shortened); a sentence
    that only speaks of a body (委员会是省政府负责……的机构) opens no duty."""
    duties, left = read_duties(
        _blocks(
            "妇女儿童工作委员会是省政府负责妇女儿童工作的协调议事机构。",
            "妇儿工委对各成员单位的职责进行了详细的分工：省教育厅负责保障儿童受教育权利；"
            "省科学技术厅负责组织开展有关研究。",
        )
    )
    assert [(d.unit, d.items) for d in duties] == [
        ("省教育厅", ["负责保障儿童受教育权利；"]),
        ("省科学技术厅", ["负责组织开展有关研究。"]),
    ]
    assert [b.text for b in left] == [
        "妇女儿童工作委员会是省政府负责妇女儿童工作的协调议事机构。",
        "妇儿工委对各成员单位的职责进行了详细的分工：",
    ]


def test_a_duties_table_inside_the_organisation_is_read_as_duties() -> None:
    """A 单位 | 职责 Word table under 一、组织机构 is not a roster (its rows were kept as a
    table not understood)."""
    from jmctl.importing.result import Reading
    from jmctl.importing.sections import read_body

    rows = [
        ("单位", "职责"),
        ("区公安分局", "维护考点周边安全、网上不良信息检查。"),
        ("区教育局", "负责高考、中考的具体组织、实施和协调工作。"),
    ]
    blocks = [
        Block(1, "一、组织机构", index=0),
        Block(2, "联席会议由区公安分局、区教育局组成。", index=1),
    ]
    blocks += [
        Block(3 + i, f"{unit} | {duty}", cells=(unit, duty), table=1, index=2 + i)
        for i, (unit, duty) in enumerate(rows)
    ]
    reading = Reading()
    read_body(blocks, reading, "preamble")
    assert [(d.unit, d.items) for d in reading.duties] == [
        ("区公安分局", ["维护考点周边安全、网上不良信息检查。"]),
        ("区教育局", ["负责高考、中考的具体组织、实施和协调工作。"]),
    ]
    assert reading.unplaced == []


def test_a_collective_alone_under_its_heading_opens_its_duties() -> None:
    """八、各村（社区） on its own line (a rendered 职责分工) opens duties; 6、各单位要加强值守。
    is a sentence, not a collective's heading."""
    duties, left = read_duties(
        _blocks("七、镇司法所", "负责法律援助。", "八、各村（社区）", "负责日常走访。")
    )
    assert [(d.unit, d.items) for d in duties] == [
        ("镇司法所", ["负责法律援助。"]),
        ("各村（社区）", ["负责日常走访。"]),
    ]
    assert left == []


def test_a_units_role_in_brackets_is_not_part_of_its_name() -> None:
    duties, _ = read_duties(
        _blocks("市水务局（牵头）：负责防汛调度。", "（二）市气象局（配合单位）。负责天气预报。")
    )
    assert [(d.unit, d.items) for d in duties] == [
        ("市水务局", ["负责防汛调度。"]),
        ("市气象局", ["负责天气预报。"]),
    ]


def test_a_numbered_sentence_opens_a_duty_only_for_a_unit_by_its_own_name() -> None:
    duties, _ = read_duties(
        _blocks(
            "1.市委宣传部负责宣传报道。",
            "2.市民政局负责困难群众救助：",
            "（1）指导县民政局做好低保审核。",
        )
    )
    assert [(d.unit, d.items) for d in duties] == [
        ("市委宣传部", ["负责宣传报道。"]),
        ("市民政局", ["负责困难群众救助：", "指导县民政局做好低保审核。"]),
    ]


def test_a_unit_and_its_post_sharing_a_character_split() -> None:
    from jmctl.importing.units import split_post

    assert split_post("县交通运输局长", frozenset()) == ("县交通运输局", "局长")
    assert split_post("副局长", frozenset()) == ("副局长", "")


def test_a_body_named_nowhere_takes_the_kind_of_its_labels() -> None:
    """…工作专班 (no 领导小组, 委员会 … in its name) with 组长 and 副组长 is read as a 领导小组."""
    from jmctl.importing.contract import contract
    from jmctl.importing.result import Reading
    from jmctl.importing.sections import organisation

    reading = Reading()
    organisation(
        _blocks("组 长：马晓瑜 县委副书记、县政府县长", "副组长：张跃建 县政府副县长"), reading
    )
    assert contract(reading).data["meeting"]["body"] == "leading_group"


def test_a_convenor_list_keeps_one_person_per_post_across_scope_and_concurrent_posts() -> None:
    from jmctl.importing.facts import convenors_in

    text = (
        "指挥长由县委常委、常务副县长担任；副指挥长由分管应急管理、地震监测工作的县政府办公室"
        "副主任，以及县应急管理局局长、县消防救援大队大队长担任。"
    )
    found = [(person.role, person.post) for person in convenors_in(text, 9)]
    assert found == [
        ("chief_convenors", "县委常委、常务副县长"),  # one person, two posts
        ("deputy_chief_convenors", "分管应急管理、地震监测工作的县政府办公室副主任"),
        ("deputy_chief_convenors", "县应急管理局局长"),  # the list goes on after ，以及
        ("deputy_chief_convenors", "县消防救援大队大队长"),
    ]


def test_a_list_of_provinces_sharing_one_ending_names_each() -> None:
    from jmctl.importing.place_endings import spread_place_endings

    text = (
        "由广西、云南、福建省、自治区人民政府和水利部珠江水利委员会组成。"
        "副总指挥分别由云南、广西、福建三省、自治区副省长担任。"
    )
    assert spread_place_endings(text) == (
        "由广西人民政府、云南人民政府、福建人民政府和水利部珠江水利委员会组成。"
        "副总指挥分别由云南副省长、广西副省长、福建副省长担任。"
    )
    assert spread_place_endings("由各省、自治区人民政府组成") == "由各省、自治区人民政府组成"
    assert members_in("珠江防总由广西、云南、福建省、自治区人民政府组成。", 1) is not None
