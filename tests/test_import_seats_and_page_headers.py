"""Seats, offices and page headers as real documents word them (each sentence taken from a
document of tests/cases/import/dev n64–n77, shortened): convenors given respectively or with their
number of seats, the office by its short name or with its seats, a list the copy cuts short,
a list tail cut twice, a bracketed date and a page header flattened into table cells."""

from __future__ import annotations

from jmctl.importing import header as hd
from jmctl.importing.facts import convenors_in, members_in, office_in
from jmctl.importing.result import OfficeFound
from jmctl.importing.units import unit_list


def test_convenors_given_respectively_are_one_seat_each() -> None:
    found = convenors_in("组长由县长担任，副组长分别由县委副书记、县政府副县长担任。", 1)
    assert [(p.role, p.post) for p in found] == [
        ("chief_convenors", "县长"),
        ("deputy_chief_convenors", "县委副书记"),
        ("deputy_chief_convenors", "县政府副县长"),
    ]
    after = convenors_in("由县委副书记、副县长分别担任副组长。", 1)
    assert [p.post for p in after] == ["县委副书记", "副县长"]


def test_the_number_of_seats_may_come_before_the_posts() -> None:
    text = "副指挥长7名：由县人武部副部长、县气象局局长、县应急管理局局长担任。"
    found = convenors_in(text, 1)
    assert [p.role for p in found] == ["deputy_chief_convenors"] * 3
    assert found[0].post == "县人武部副部长"
    chief = convenors_in("指挥部设指挥长1名、由负责地震工作的副县长担任。", 1)
    assert [(p.role, p.post) for p in chief] == [("chief_convenors", "负责地震工作的副县长")]


def test_the_office_by_its_short_name_or_with_its_seats() -> None:
    office = OfficeFound()
    assert office_in("安委办设在劳动部。安委办主任由安委会副主任兼任。", 1, office)
    assert office.host == "劳动部"
    seats = OfficeFound()
    office_in(
        "办公室设在县气象局，负责指挥部日常工作，办公室设主任1名，由县气象局局长兼任；", 1, seats
    )
    assert (seats.host, seats.director_post) == ("县气象局", "县气象局局长")
    government = OfficeFound()
    office_in("县政府办设在县行政中心。", 1, government)  # the government's own office
    assert government.host is None


def test_a_list_the_copy_cuts_short_loses_only_a_cut_name() -> None:
    cut = members_in("成员包括市委统战部、市教育局、市商务局、市文化广电旅游", 1, last=True)
    assert cut is not None and cut.units == ["市委统战部", "市教育局", "市商务局"]
    kept = members_in("成员包括市发展改革委、市财政局、市公路管理处", 1, last=True)
    assert kept is not None and kept.units[-1] == "市公路管理处"
    ended = members_in("成员包括市委统战部、市教育局、市文化广电旅游。", 1, last=True)
    assert ended is not None and ended.units[-1] == "市文化广电旅游"


def test_a_list_tail_is_cut_twice() -> None:
    units = unit_list("县公安局、县消防救援大队、武警兴业中队等分管领导")
    assert units == ["县公安局", "县消防救援大队", "武警兴业中队"]


def test_a_bracketed_date_under_the_title() -> None:
    assert hd.bracketed_date("(1988年12月5日）") == "1988-12-05"
    assert hd.bracketed_date("（2019年修订）") is None
    assert hd.iso_date("（1988年12月5日）") is None  # not a signature's date


def test_a_page_header_flattened_into_table_cells() -> None:
    assert hd.metadata("失效时间： | 发文字号： | 卫政〔2021〕61号 | |") == [
        ("doc_number", "卫政〔2021〕61号")
    ]
    assert hd.metadata("索引号： | 成文日期： | 2021/12/24 0:00:00 | |") == [("date", "2021-12-24")]
    assert hd.iso_date("2021/12/24") == "2021-12-24"
    assert hd.iso_date("2021/12-24") is None
