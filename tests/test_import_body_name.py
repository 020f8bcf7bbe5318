"""The body's name (meeting.name) as real documents print it: each text is taken from a
document of tests/cases/import/dev, shortened."""

from __future__ import annotations

import pytest

from jmctl.importing.naming import kind_of, meeting_name, standalone_name


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("关于成立吐鲁番市国家植物园建设专班的通知", "吐鲁番市国家植物园建设专班"),
        (
            "张江镇人民政府关于成立张江镇创建“上海市园林街镇”工作领导小组的通知",
            "张江镇创建“上海市园林街镇”工作领导小组",
        ),
        (
            "广州市人民政府办公厅关于建立广州市实施“粤菜师傅”工程联席会议制度的通知",
            "广州市实施“粤菜师傅”工程联席会议",
        ),
        (
            "广东省人民政府办公厅关于调整成立省农作物重大病虫疫情防控指挥部的通知",
            "省农作物重大病虫疫情防控指挥部",
        ),
    ],
)
def test_the_title_names_the_body_with_any_body_word_and_quoted_parts(
    title: str, name: str
) -> None:
    assert meeting_name({"title": title}, []) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("为了协调各方面的工作，国务院决定成立国务院旅游协调小组。", "国务院旅游协调小组"),
        (
            "经县委常委会议研究，同意成立由县委书记赵宇同志任顾问，县长刘朝晖同志任组长的"
            "永兴县环境保护督察工作领导小组，下设办公室。",
            "永兴县环境保护督察工作领导小组",
        ),
        (
            "淮南市政府成立了副市长李朝晖为组长的淮南市第七次全国人口普查领导小组。",
            "淮南市第七次全国人口普查领导小组",
        ),
        (
            "根据工作需要和人员变动情况，决定对奈曼旗森林草原防灭火指挥部组成人员进行调整，",
            "奈曼旗森林草原防灭火指挥部",
        ),
        (
            "国务院决定对国务院第二次全国污染源普查领导小组（以下简称领导小组）组成人员进行调整。",
            "国务院第二次全国污染源普查领导小组",
        ),
    ],
)
def test_a_sentence_that_establishes_or_adjusts_the_body_names_it(text: str, name: str) -> None:
    assert meeting_name({}, [text]) == name


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        (
            ["12月9日，祁阳市创建全国文明城市工作领导小组办公室正式揭牌。"],
            "祁阳市创建全国文明城市工作领导小组",
        ),
        (
            [
                "18日，中共北川羌族自治县重建工作委员会在安昌镇临时办公点举行会议。",
                "会议决定，成立以“一部九办”为主体的北川县重建工作委员会。",
            ],
            "中共北川羌族自治县重建工作委员会",
        ),
        (["第一条开江县抗震救灾指挥部是县应急委下设的专项指挥部。"], "开江县抗震救灾指挥部"),
        (["《河北省农民工工作联席会议2007年工作要点》已经批准。"], "河北省农民工工作联席会议"),
        (
            [
                "全省各级人民政府要设立相应的普查领导小组及其办公室。要充分发挥街道办事处和居民委员会",
                "附件：四川省第六次全国人口普查领导小组组成人员名单",
            ],
            "四川省第六次全国人口普查领导小组",
        ),
    ],
)
def test_the_first_full_mention_names_the_body(texts: list[str], name: str) -> None:
    assert meeting_name({}, texts) == name


@pytest.mark.parametrize(
    "text",
    [
        "我市专门成立了以市委书记张美文为指挥长，其余29位市领导为副指挥长的巩卫领导小组。",
        "遂川县决定成立全县民族工作领导小组。",
        "要充分发挥街道办事处和居民委员会的作用。",
    ],
)
def test_a_short_or_generic_mention_is_no_name(text: str) -> None:
    assert meeting_name({}, [text]) is None


@pytest.mark.parametrize(
    ("standalone", "name"),
    [
        ("附件1：北京市流浪乞讨人员救助管理工作联席会议", "北京市流浪乞讨人员救助管理工作联席会议"),
        ("连云港市知识产权联席会议工作", "连云港市知识产权联席会议"),
        ("联席会议", None),
        ("市加快推进城镇建设工作方案", "市加快推进城镇建设工作方案"),
    ],
)
def test_a_standalone_title_gives_the_name_without_its_annex_label(
    standalone: str, name: str | None
) -> None:
    assert standalone_name(standalone) == name


def test_the_new_body_words_tell_the_kind() -> None:
    assert kind_of("民和县项目要素保障工作专班") == "leading_group"
    assert kind_of("国务院旅游协调小组") == "leading_group"
