"""Benchmark the web page (render web) as the number of member units grows.

    .venv/bin/python bench/web.py [--sizes 25 100 400 1600]

Each file is `examples/fujian-2020.yaml` with its member units repeated (renamed, each
with a named member and its duties), the roster public, so every part of the page
grows: the table rows, the seats grouped by unit, the duties. The page is built
in-process from the validated model (load and validation not timed) and should grow in
proportion to the units: the µs per unit column stays flat, and so does the count of
Python function calls per unit (cProfile), which no other load on the machine changes.
The floor is the least any
page of these rows costs: the same units, posts and duties escaped and joined into
table rows and paragraphs, without a template. The office column is the same page from
the template `templates export` writes, run as an office's page.html.j2 is: in the
bounded sandbox (render/web_template.py), every step counted.
"""

from __future__ import annotations

import argparse
import cProfile
import html
import pstats
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from timing import median_ms  # noqa: E402

from jmctl.model import JointMeeting  # noqa: E402
from jmctl.render.phrases import Phrases  # noqa: E402
from jmctl.render.web import page_html  # noqa: E402
from jmctl.shipped import export_templates  # noqa: E402
from jmctl.validation import validate_file  # noqa: E402

EXAMPLE = ROOT / "examples" / "fujian-2020.yaml"


def _data(units: int) -> dict:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    base = data["units"][2:]  # the member units: not the government and its office
    data["units"] = data["units"][:2]
    data["members"], data["roster"]["members"], data["duties"] = [], [], []
    for index in range(units):
        name = f"{base[index % len(base)]['name']}第{index + 1}处"
        data["units"].append({"name": name})
        data["members"].append(name)
        data["roster"]["members"].append({"name": f"成员{index + 1}", "unit": name, "post": "处长"})
        data["duties"].append({"unit": name, "items": ["负责本系统社会救助相关工作。"] * 3})
    data["meeting"].pop("organisation", None)  # its count of 25 units would no longer hold
    data["publish"] = {"roster": True}
    return data


def _model(units: int, folder: Path) -> JointMeeting:
    path = folder / f"web-{units}.yaml"
    path.write_text(yaml.safe_dump(_data(units), allow_unicode=True), encoding="utf-8")
    report = validate_file(path)
    assert report.model is not None, [f.message() for f in report.findings][:3]
    return report.model


def _floor(model: JointMeeting) -> str:
    rows = [
        f"<tr><td>{i}</td><th>{html.escape(p.unit.text)}</th><td>{html.escape(p.name or '')} "
        f"{html.escape(p.post or '')}</td></tr>"
        for i, p in enumerate(model.people(), 1)
    ]
    duties = [
        f"<h3>{html.escape(d.unit.text)}</h3><ol>"
        + "".join(f"<li>{html.escape(item)}</li>" for item in d.items)
        + "</ol>"
        for d in model.duties
    ]
    return "".join(rows + duties)


def _calls(model: JointMeeting, phrases: Phrases) -> int:
    """Return the Python function calls one page of `model` makes."""
    profile = cProfile.Profile()
    profile.runcall(page_html, model, phrases)
    return int(pstats.Stats(profile).total_calls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 100, 400, 1600])
    args = parser.parse_args()
    phrases = Phrases()
    print(
        "| member units | page | µs per unit | calls per unit | floor (escaped rows, "
        "no template) | office's template, sandboxed | page size |"
    )
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch:
        export_templates(Path(scratch) / "office")
        office = Phrases(Path(scratch) / "office")
        for units in args.sizes:
            model = _model(units, Path(scratch))
            runs = max(9, 8000 // units)
            page = median_ms(lambda model=model: page_html(model, phrases), runs)
            floor = median_ms(lambda model=model: _floor(model), runs)
            size = len(page_html(model, phrases).encode("utf-8"))
            calls = _calls(model, phrases)
            sandboxed = median_ms(lambda model=model: page_html(model, office), runs)
            assert page_html(model, office) == page_html(model, phrases)
            print(
                f"| {units:,} | {page:.1f} ms | {1000 * page / units:.0f} | {calls / units:.1f} "
                f"| {floor:.1f} ms ({page / floor:.1f}×) | {sandboxed:.1f} ms "
                f"({sandboxed / page:.1f}×) | {size / 1024:.0f} KB |"
            )


if __name__ == "__main__":
    main()
