"""Benchmark reading a 会议纪要 back (`jmctl import`) as the document grows.

    .venv/bin/python bench/minutes.py [--sizes 50 200 800 3200]

"decisions": a 纪要 with N decisions (由…牵头，…配合，…前完成) and an 出席 list of N
people on one line. "hostile": one 概况 line of N × 40 characters full of what the
patterns look for and never find (由… with no 牵头, 在… with no 召开, names with no list
label), the worst case of the bounded patterns. Both should grow in proportion to N:
the µs per item column stays flat. In-process, median of 5 runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from timing import median_ms  # noqa: E402

from jmctl.importing.api import import_file  # noqa: E402

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


def _name(index: int) -> str:
    return SURNAMES[index % 20] + GIVEN[index // 20 % 20] + GIVEN[index // 400 % 20]


def decisions_text(size: int) -> str:
    lines = [
        "白河县社会救助工作联席会议纪要",
        "第1期",
        "2023年3月16日上午，白河县社会救助工作联席会议在县政府三楼会议室召开2023年第1次"
        "全体会议。会议由联席会议总召集人、县政府副县长张伟主持。",
        "现将会议议定事项纪要如下：",
    ]
    for index in range(1, size + 1):
        lines.append(
            f"{index}.完成第{index}项排查，建立台账。由县民政局牵头，县人社局、县卫健局配合，"
            "2023年3月31日前完成。"
        )
    people = "、".join(f"县民政局副局长{_name(index)}" for index in range(size))
    lines.append(f"出席：{people}")
    return "\n".join(lines) + "\n"


def hostile_text(size: int) -> str:
    piece = "由县民政局研究在县政府会议室讨论张伟李娜王强赵敏刘洋陈刚孙丽周平由县财政局"
    return "白河县社会救助工作联席会议纪要\n2023年3月16日，" + piece * size + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800, 3200])
    sizes = parser.parse_args().sizes
    print("| N | decisions ms | µs/item | hostile ms | µs/item |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="jmctl-bench-minutes-") as scratch:
        for size in sizes:
            plain = Path(scratch) / f"decisions-{size}.txt"
            plain.write_text(decisions_text(size), encoding="utf-8")
            hostile = Path(scratch) / f"hostile-{size}.txt"
            hostile.write_text(hostile_text(size), encoding="utf-8")
            first = median_ms(lambda path=plain: import_file(path), runs=5)
            second = median_ms(lambda path=hostile: import_file(path), runs=5)
            print(
                f"| {size} | {first:.0f} | {first * 1000 / size:.0f} "
                f"| {second:.0f} | {second * 1000 / size:.0f} |"
            )


if __name__ == "__main__":
    main()
