"""Generate realistic synthetic joint-meeting data files, for benchmarks and batch tests.

    python bench/synthetic.py OUT_DIR --count 100 [--seed 1] [--members 15:40]

Each file is a county-level social-assistance joint meeting: 15–40 member units
with named members, duties of 2–5 items each, 3–8 tasks, an inline or annexes
notice. Same seed, same files.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
    "彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖"
    "石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵"
    "万覃武钱戴严莫孔向常汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉"
    "建国志新亮林峰宇浩凯波文斌晨雪琳丹海云飞鑫欣俊婷倩"
)
PLACES = "安宁平和兴隆丰泰康乐昌盛永清河山松柏长远新云阳明德华宝成东西南北中"
UNITS = [
    ("民政局", None),
    ("财政局", None),
    ("教育局", None),
    ("公安局", None),
    ("人力资源和社会保障局", "人社局"),
    ("住房和城乡建设局", "住建局"),
    ("卫生健康局", "卫健局"),
    ("医疗保障局", "医保局"),
    ("农业农村局", None),
    ("乡村振兴局", None),
    ("应急管理局", "应急局"),
    ("市场监督管理局", "市场监管局"),
    ("自然资源局", None),
    ("司法局", None),
    ("统计局", None),
    ("退役军人事务局", None),
    ("审计局", None),
    ("信访局", None),
    ("发展和改革局", "发改局"),
    ("交通运输局", None),
    ("水务局", None),
    ("林业局", None),
    ("生态环境分局", None),
    ("税务局", None),
    ("文化广电旅游体育局", "文广旅体局"),
    ("总工会", None),
    ("妇联", None),
    ("残联", None),
    ("红十字会", None),
    ("团县委", None),
    ("科学技术局", "科技局"),
    ("工业和信息化局", "工信局"),
    ("商务局", None),
    ("人民法院", "法院"),
    ("人民检察院", "检察院"),
    ("融媒体中心", None),
    ("供电局", None),
    ("人民银行支行", None),
    ("金融工作局", None),
    ("数据局", None),
]
DUTY_VERBS = ["负责", "配合", "会同有关部门", "牵头", "指导各乡镇"]
DUTY_OBJECTS = [
    "做好困难群众基本生活保障工作",
    "落实社会救助资金预算安排",
    "核查救助对象家庭经济状况信息",
    "开展就业援助和职业技能培训",
    "落实医疗救助与基本医保衔接",
    "做好住房救助和危房改造工作",
    "加强社会救助政策宣传",
    "提供救助申请家庭成员的相关登记信息",
    "做好受灾人员应急救助工作",
    "维护困难职工合法权益",
    "落实家庭经济困难学生资助政策",
    "依法查处骗取救助资金的行为",
]
POSTS = ["副局长", "局长", "副主任", "主任", "副主席", "副理事长", "党组成员", "二级主任科员"]


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in used:
            used.add(name)
            return name


def jurisdiction(rng: random.Random, index: int, members: tuple[int, int]) -> dict[str, object]:
    """Return the data of one synthetic county."""
    county = "".join(rng.choice(PLACES) for _ in range(2)) + "县"
    code = county[0]
    government = f"{county}人民政府"
    chosen = rng.sample(UNITS, rng.randint(*members))
    units = [{"name": government, "short": ["县人民政府", "县政府"]}]
    member_refs = []
    for base, short in chosen:
        name = base if base.startswith("团") else f"县{base}"
        entry: dict[str, object] = {"name": name}
        if short:
            entry["short"] = [f"县{short}"]
        units.append(entry)
        member_refs.append(name)
    used: set[str] = set()
    roster = {
        "chief_convenors": [{"name": _name(rng, used), "unit": "县人民政府", "post": "副县长"}],
        "convenors": [{"name": _name(rng, used), "unit": member_refs[0], "post": "局长"}],
        "members": [
            {"name": _name(rng, used), "unit": ref, "post": rng.choice(POSTS)}
            for ref in member_refs
        ],
    }
    duties = [
        {
            "unit": ref,
            "items": [
                f"{rng.choice(DUTY_VERBS)}{rng.choice(DUTY_OBJECTS)}。"
                for _ in range(rng.randint(2, 5))
            ]
            + ["完成联席会议交办的其他工作。"],
        }
        for ref in member_refs
    ]
    tasks = [
        {
            "task": rng.choice(DUTY_OBJECTS),
            "measures": f"{rng.choice(DUTY_OBJECTS)}，按月调度推进。",
            "units": rng.sample(member_refs, rng.randint(1, 3)),
            "deadline": f"2024年{m}月底前",
        }
        for m in sorted(rng.sample(range(1, 13), rng.randint(3, 8)))
    ]
    year = 2024
    return {
        "jmctl": 1,
        "jurisdiction": {
            "name": county,
            "level": "county",
            "government": government,
            "prefix": "县",
        },
        "meeting": {
            "name": f"{county}社会救助工作联席会议",
            "preamble": f"为加强对全县社会救助工作的组织领导，经县人民政府同意，决定建立{county}"
            "社会救助工作联席会议（以下简称“联席会议”）制度。",
            "functions": [f"{rng.choice(DUTY_OBJECTS)}。" for _ in range(4)],
            "rules": [
                "联席会议原则上每半年召开一次，由总召集人或召集人主持。",
                "联席会议以会议纪要形式明确议定事项。",
            ],
            "requirements": ["各成员单位要按照职责分工，认真落实联席会议议定事项。"],
        },
        "units": units,
        "members": member_refs,
        "roster": roster,
        "office": {"host": member_refs[0], "director": roster["convenors"][0]["name"]},
        "liaisons": "由各成员单位有关股室负责人担任",
        "duties": duties,
        "tasks": tasks,
        "notice": {
            "kind": "establish",
            "issuer": f"{county}人民政府办公室",
            "doc_number": f"{code}府办发〔{year}〕{index % 90 + 1}号",
            "date": f"{year}-03-{index % 28 + 1:02d}",
            "recipients": ["各乡镇人民政府", "县直各部门"],
            "layout": rng.choice(["inline", "annexes"]),
            "cc": ["县委办", "县人大办", "县政协办"],
            "printed_by": f"{county}人民政府办公室",
            "print_date": f"{year}-03-{index % 28 + 1:02d}",
        },
    }


def write(
    out_dir: Path, count: int, seed: int = 1, members: tuple[int, int] = (15, 40)
) -> list[Path]:
    """Write `count` files into `out_dir` and return their paths."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        data = jurisdiction(rng, index, members)
        path = out_dir / f"county-{index:05d}.yaml"
        path.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8"
        )
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--members", default="15:40", help="min:max member units")
    args = parser.parse_args()
    low, high = (int(part) for part in args.members.split(":"))
    print(len(write(args.out_dir, args.count, args.seed, (low, high))), "files in", args.out_dir)


if __name__ == "__main__":
    main()
