"""Persons in running sentences (each taken from a document of
tests/cases/import/dev, shortened): names with 任/担任/为 and 同志, a 成员 tier closed by
its verb, an office director by 任办公室主任."""

from __future__ import annotations

from jmctl.importing.committee_seats import committee_seats
from jmctl.importing.convenor_posts import seat_posts
from jmctl.importing.facts import convenors_in, office_in
from jmctl.importing.jurisdiction import jurisdiction_of
from jmctl.importing.named_in_prose import with_prose_seats
from jmctl.importing.naming import kind_of
from jmctl.importing.notice import notice_of
from jmctl.importing.people import without_comrade
from jmctl.importing.prose_roster import members_serving_in
from jmctl.importing.result import OfficeFound, PersonFound
from jmctl.importing.titled_in_prose import titled_in_prose
from jmctl.importing.units import unit_list

LINSHAN = (
    "决定建立防控甲型H1N1流感工作领导小组，由郑瑞峰同志任组长，汪爱梅、宋国军、江永龙等同志"
    "任副组长，徐小坚、姚建伟、葛慧琪等为成员，负责本辖区的统一领导。"
)
LOUDI = (
    "领导小组由市委常委、常务副市长田福德任组长，市统计局局长邓焕章任副组长；"
    "市发改委总经济师贺雄、市财政局副局长曹育明、市统计局总统计师陶慧孜任成员。"
)


def test_comrade_and_etc_leave_the_name() -> None:
    assert without_comrade("郑瑞峰同志") == "郑瑞峰"
    assert without_comrade("汪爱梅、江永龙等同志") == "汪爱梅、江永龙"
    assert without_comrade("县政府副县长李志珍同志") == "县政府副县长李志珍"
    assert without_comrade("程春仙等") == "程春仙"


def test_a_post_ending_in_comrade_keeps_it() -> None:
    assert without_comrade("发展改革委分管负责同志") == "发展改革委分管负责同志"
    assert without_comrade("国务院分管旅游工作的领导同志") == "国务院分管旅游工作的领导同志"


def test_bare_names_with_comrade_are_convenors() -> None:
    found = [(p.role, p.name, p.post) for p in convenors_in(LINSHAN, 3)]
    assert found == [
        ("chief_convenors", "郑瑞峰", ""),
        ("deputy_chief_convenors", "汪爱梅", ""),
        ("deputy_chief_convenors", "宋国军", ""),
        ("deputy_chief_convenors", "江永龙", ""),
    ]


def test_a_members_tier_closed_by_its_verb() -> None:
    assert [p.name for p in members_serving_in(LINSHAN, 3)] == ["徐小坚", "姚建伟", "葛慧琪"]
    found = [(p.role, p.name, p.post) for p in members_serving_in(LOUDI, 2)]
    assert found == [
        ("members", "贺雄", "市发改委总经济师"),
        ("members", "曹育明", "市财政局副局长"),
        ("members", "陶慧孜", "市统计局总统计师"),
    ]


def test_units_serving_as_members_are_not_persons() -> None:
    assert members_serving_in("市民政局、市财政局主要负责同志为成员。", 1) == []
    assert members_serving_in("市民政局、市财政局为成员单位。", 1) == []


def test_an_office_director_by_ren() -> None:
    office = OfficeFound()
    office_in("领导小组办公室设市统计局，市统计局总统计师陶慧孜任办公室主任。", 4, office)
    assert (office.director, office.director_post) == ("陶慧孜", "市统计局总统计师")


def test_a_bare_ren_zhuren_is_not_the_office() -> None:
    office = OfficeFound()
    office_in("县委常委副县长刘振邦任主任，刘源法、徐明高任副主任。", 1, office)
    assert office.director is None


SHENZHEN = (
    "领导小组副组长为市委常委、常务副市长刘庆生，市委常委、市政府党组成员杨洪，市政府秘书长"
    "李廷忠；执行副组长为市政府副秘书长王刚。"
)


def test_a_seat_list_goes_on_after_commas() -> None:
    found = [(p.role, p.name, p.post, p.label) for p in convenors_in(SHENZHEN, 5)]
    assert found == [
        ("deputy_chief_convenors", "刘庆生", "市委常委、常务副市长", None),
        ("deputy_chief_convenors", "杨洪", "市委常委、市政府党组成员", None),
        ("deputy_chief_convenors", "李廷忠", "市政府秘书长", None),
        ("deputy_chief_convenors", "王刚", "市政府副秘书长", "执行副组长"),
    ]


def test_a_closed_seat_does_not_go_on() -> None:
    text = "副组长由市政府副市长李明担任，市民政局局长王强出席会议。"
    assert [p.name for p in convenors_in(text, 1)] == ["李明"]


def test_units_joined_by_yiji_after_a_collective_with_its_alias() -> None:
    listed = "市编办等部门和各区（新区）负责人以及市水务集团、市燃气集团等单位负责人"
    assert unit_list(listed) == ["市编办", "各区（新区）", "市水务集团", "市燃气集团"]


def test_a_news_item_reporting_the_decision_is_an_establishing_notice() -> None:
    opening = "市政府日前决定成立深圳市工程建设项目审批制度改革试点工作领导小组，市长陈如桂任组长。"
    jurisdiction = {"government": "深圳市人民政府"}
    assert notice_of({}, "某领导小组", jurisdiction, [opening]) == {"kind": "establish"}
    assert notice_of({}, "某领导小组", jurisdiction, ["领导小组召开会议。"]) == {}


def test_short_names_tell_the_body() -> None:
    assert kind_of("陇西县残工委") == "committee"
    assert kind_of("太原市防控H7N9流感工作领导组") == "leading_group"


def _titled(kind: str, text: str) -> list[tuple[str, str, str]]:
    return [(p.role, str(p.name), p.post) for p in titled_in_prose(kind, [(1, text)])]


def test_a_seat_by_the_label_before_the_name() -> None:
    text = "区委常委、常务副区长，区人普领导小组组长罗遥出席并讲话，区人普领导小组全体成员参加。"
    assert _titled("leading_group", text) == [("chief_convenors", "罗遥", "区委常委、常务副区长")]
    text = (
        "县政府副县长、残工委主任王兴继出席会议。县政府残工委副主任、县残联理事长马继彪代表县政府。"
    )
    assert _titled("committee", text) == [
        ("chief_convenors", "王兴继", "县政府副县长"),
        ("deputy_chief_convenors", "马继彪", "县残联理事长"),
    ]


def test_a_post_printed_once_for_two_names() -> None:
    text = (
        "市巩卫指挥部副指挥长、副市长王如龙、苏子益，"
        "市巩卫指挥部副指挥长、市检察院检察长范建绥参加检查。"
    )
    assert _titled("headquarters", text) == [
        ("deputy_chief_convenors", "王如龙", "副市长"),
        ("deputy_chief_convenors", "苏子益", "副市长"),
        ("deputy_chief_convenors", "范建绥", "市检察院检察长"),
    ]


def test_no_seat_of_the_office_another_committee_or_a_former_holder() -> None:
    assert _titled("leading_group", "领导小组办公室主任李明出席。") == []
    assert _titled("committee", "县人大常务委员会主任郭建民出席。") == []
    assert _titled("leading_group", "原领导小组组长张伟出席。") == []


def test_a_seat_after_yi_and_no_seat_for_a_crowd() -> None:
    text = (
        "我市专门成立了以市委书记张美文为指挥长，其余29位市领导为副指挥长的巩卫领导小组，"
        "每个小组均由1-3名市领导担任组长。"
    )
    found = [(p.role, p.name, p.post) for p in convenors_in(text, 1)]
    assert found == [("chief_convenors", "张美文", "市委书记")]


def test_a_committee_seat_closing_its_clause() -> None:
    text = "县政府调整县爱卫会，县委常委副县长刘振邦任主任，刘源法、徐明高任副主任，"
    text += "徐明高兼任办公室主任。"
    found = [(p.role, p.name, p.post) for p in committee_seats("committee", [(1, text)])]
    assert found == [
        ("chief_convenors", "刘振邦", "县委常委副县长"),
        ("deputy_chief_convenors", "刘源法", ""),
        ("deputy_chief_convenors", "徐明高", ""),
    ]
    assert committee_seats("committee", [(1, "办公室设在县卫生局，李明任副主任。")]) == []


def test_the_party_centres_body_is_national_and_a_cited_centre_is_not() -> None:
    opening = "中央创先争优活动领导小组在党中央和中央党建工作领导小组领导下开展工作。"
    assert jurisdiction_of([opening])["level"] == "national"
    cited = "为切实做好迎接中央环保督察各项工作，成立环境保护督察工作领导小组。"
    assert jurisdiction_of([cited])["level"] != "national"


def test_seat_posts_of_a_clause() -> None:
    assert seat_posts("我市专门成立了以市委书记张美文") == "市委书记张美文"
    assert seat_posts("领导小组由市委常委、常务副市长田福德") == "市委常委、常务副市长田福德"
    assert seat_posts("其余29位市领导") is None
    assert seat_posts("原标题：国务院成立地理国情普查领导小组张高丽") == "张高丽"
    assert seat_posts("市防汛抗旱指挥部办公室主任") == "市防汛抗旱指挥部办公室主任"


def test_a_person_prose_names_twice_is_one_entry_with_the_post() -> None:
    bare = PersonFound("chief_convenors", "张高丽", "", 1)
    posted = PersonFound("chief_convenors", "张高丽", "国务院副总理", 2)
    by_post = PersonFound("deputy_chief_convenors", None, "国务院副秘书长", 2)
    assert with_prose_seats([], [bare, posted, by_post, by_post]) == [posted, by_post, by_post]
    printed = PersonFound("chief_convenors", "李明", "市长", 1)
    assert with_prose_seats([printed], [bare]) == [printed]


def test_office_deputies_joined_by_he_after_the_office() -> None:
    office = OfficeFound()
    text = (
        "领导小组办公室设在县环保局，由县政府副县长李志珍同志兼任办公室主任，"
        "县政府办副主任曹飞鹏和县环保局局长何雄军任副主任。"
    )
    office_in(text, 1, office)
    assert (office.host, office.director, office.director_post) == (
        "县环保局",
        "李志珍",
        "县政府副县长",
    )
    staff = [(s.label, s.name, s.post) for s in office.staff]
    assert staff == [("副主任", "曹飞鹏", "县政府办副主任"), ("副主任", "何雄军", "县环保局局长")]


def test_deputies_before_the_office_are_not_its_staff() -> None:
    office = OfficeFound()
    text = "刘振邦任主任，刘源法、徐明高任副主任，徐明高兼任办公室主任，张建堂任专职副主任。"
    office_in(text, 1, office)
    assert office.staff == []
