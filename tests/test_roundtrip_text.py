"""Nothing lost, nothing hidden: every document jmctl renders, of every example in
`examples/`, imports back from its text alone (a DOCX read as if it carried no data, a
PDF) to the data it prints. A new example is covered by adding its file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from jmctl.diff_files import diff_files
from jmctl.importing.api import ImportResult, import_file
from jmctl.importing.checking import check_file
from jmctl.importing.convenor_posts import seat_unit
from jmctl.importing.formats.pdf_lines import TextLine, goes_on, widen_edges
from jmctl.importing.formats.text import read_text
from jmctl.importing.jurisdiction import jurisdiction_of
from jmctl.importing.parse import import_source
from jmctl.importing.sources import read_source
from jmctl.importing.units import unit_list
from jmctl.loading import load_text
from jmctl.model import JointMeeting, Person, UnitIndex, UnitRef, plain
from jmctl.render.api import RenderOptions, render_adjustment, render_file
from jmctl.validation import check_document, validate_file
from rendered import NOTICE_SHOWN

from conftest import EXAMPLES, first_fast

# What each document prints, so what its text must give back.
PLACE_SHOWN = ("name", "level", "government")
MEETING_SHOWN = ("name", "preamble", "functions", "rules", "requirements")

# The title a notice of each kind has when the data gives none (templates/phrases.j2).
STOCK_TITLES = {
    "establish": "关于建立{}制度的通知",
    "adjust": "关于调整{}成员的通知",
    "approve": "关于同意建立{}制度的函",
}


@dataclass(frozen=True)
class Case:
    """One document to render from one example: its kind and how it is laid out."""

    example: str
    kind: str  # notice, roster, duties, tasks or adjust
    variant: str = ""  # inline/annexes for a notice, lines/table for a roster
    pdf: bool = False

    def __str__(self) -> str:
        return "-".join(part for part in (self.example, self.kind, self.variant) if part) + (
            "-pdf" if self.pdf else ""
        )


def _cases() -> list[Case]:
    cases = []
    for path in sorted(EXAMPLES.glob("*.yaml")):
        model = _model(path)
        name = path.name
        cases += [Case(name, "notice", layout) for layout in ("inline", "annexes")]
        if model.has_named_roster():
            cases += [Case(name, "roster", "lines"), Case(name, "roster", "table")]
            cases.append(Case(name, "adjust"))
        if model.duties:
            cases.append(Case(name, "duties"))
        if model.tasks:
            cases.append(Case(name, "tasks"))
    return cases


def _model(path: Path) -> JointMeeting:
    model = validate_file(path).model
    assert model is not None, path
    return model


def _edition(tmp_path: Path, case: Case) -> Path:
    """The example as the case renders it: the notice in the layout asked for."""
    data = yaml.safe_load((EXAMPLES / case.example).read_text("utf-8"))
    if case.kind == "notice":
        data["notice"]["layout"] = case.variant
    path = tmp_path / case.example
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _next_edition(tmp_path: Path, source: Path) -> Path:
    """The next edition: the last named person of the roster replaced by another."""
    data = yaml.safe_load(source.read_text("utf-8"))
    named = [entry for role in data["roster"].values() for entry in role if entry.get("name")]
    named[-1]["name"] = "周志远"
    if data.get("office", {}).get("director") == named[-1]["name"]:
        data["office"]["director"] = "周志远"
    data["notice"]["kind"] = "adjust"
    path = tmp_path / "next.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _render(tmp_path: Path, case: Case) -> tuple[Path, Path]:
    """Render the case's document; return it and the data it was rendered from."""
    source = _edition(tmp_path, case)
    target = tmp_path / f"{case.kind}.{'pdf' if case.pdf else 'docx'}"
    options = RenderOptions(
        output_format="pdf" if case.pdf else "docx", roster_table=case.variant == "table"
    )
    if case.kind == "adjust":
        source = _next_edition(tmp_path, source)
        compared = diff_files(tmp_path / case.example, source)
        assert compared.new_model is not None and compared.changes is not None
        render_adjustment(compared.new_model, compared.changes, target, options)
    else:
        assert render_file(source, [case.kind], options, output=target).written
    return target, source


def _from_text(path: Path) -> tuple[JointMeeting, dict[str, Any], list[str]]:
    """Import `path` from its text alone (a PDF has nothing else) and validate it."""
    if path.suffix == ".pdf":
        result = import_file(path)
    else:
        result = ImportResult(path, imported=import_source(read_source(path)))
    assert result.imported is not None, [f.message() for f in result.findings]
    loaded = load_text(result.yaml_text(), str(path))
    assert loaded.document is not None, [f.message() for f in loaded.findings]
    report = check_document(loaded.document, [])
    assert report.model is not None, [f"{f.code} {f.message()}" for f in report.findings]
    return report.model, result.imported.data, sorted(f.code for f in report.findings)


def _unit(index: UnitIndex, ref: UnitRef | None) -> str | None:
    """The unit's full name in the example's own index, however the document wrote it."""
    if ref is None:
        return None
    found = index.resolve(ref.text)
    return found.name if found is not None else ref.text


@dataclass(frozen=True)
class Reading:
    """How one document of `kind` prints a model's data, read against the `example` it was
    rendered from (whose units know every short name either side may use)."""

    model: JointMeeting
    example: JointMeeting
    kind: str

    @property
    def index(self) -> UnitIndex:
        return self.example.index

    def person(self, person: Person) -> tuple[str, str | None, str, str | None, str]:
        # A standalone roster prints a post-only entry ("八镇分管领导") without its unit.
        unit = None if person.title and self.kind != "notice" else person.unit
        name = plain(person.name or "")
        return (person.role, person.label, name, _unit(self.index, unit), person.printed_post)

    def roster(self) -> list[tuple[str, str | None, str, str | None, str]]:
        return [self.person(person) for person in self.model.people()]

    def members(self) -> list[str | None]:
        return [_unit(self.index, member) for member in self.model.members]

    def duties(self) -> list[tuple[str | None, tuple[str, ...]]]:
        return [(_unit(self.index, duty.unit), duty.items) for duty in self.model.duties]

    def tasks(self) -> list[tuple[object, ...]]:
        units = [[_unit(self.index, unit) for unit in task.units] for task in self.model.tasks]
        return [
            (task.task, task.measures, named, task.deadline)
            for task, named in zip(self.model.tasks, units, strict=True)
        ]

    def office(self) -> tuple[object, ...] | None:
        office = self.model.office
        if office is None:
            return None
        host = _unit(self.index, office.host)
        return (host, office.director, office.director_post, office.functions)

    def printed(self) -> dict[str, object]:
        """The data the document prints, in a form both sides can be compared in."""
        model, kind = self.model, self.kind
        if kind == "roster":
            return {"name": model.meeting.name, "roster": self.roster()}
        if kind == "duties":
            return {"name": model.meeting.name, "duties": self.duties()}
        if kind == "tasks":
            return {"tasks": self.tasks()}
        notice = model.notice
        assert notice is not None
        shown = {f"notice.{key}": getattr(notice, key) for key in NOTICE_SHOWN}
        if kind == "adjust":  # always with the roster annexed, whatever the layout
            del shown["notice.layout"]
            return {"roster": self.roster(), **shown}
        printed = {
            **{f"jurisdiction.{key}": getattr(model.jurisdiction, key) for key in PLACE_SHOWN},
            **{f"meeting.{key}": getattr(model.meeting, key) for key in MEETING_SHOWN},
            "members": self.members(),
            "roster": self.roster(),
            "office": self.office(),
            "duties": self.duties(),
            "tasks": self.tasks(),
            **shown,
            # a title the templates would write anyway is left to them
            "notice.title": notice.title or STOCK_TITLES[notice.kind].format(model.meeting.name),
        }
        if self.example.notice is not None and self.example.notice.layout == "inline":
            # The inline notice prints no task table, and its members only through the
            # roster and duties, unless the 组成 sentence lists them: their order is not shown.
            del printed["tasks"]
            if not self.example.meeting.organisation:
                printed["members"] = sorted(map(str, self.members()))
        return printed


def _same(got_reading: Reading, want_reading: Reading) -> None:
    got, want = got_reading.printed(), want_reading.printed()
    differing = {key: (got[key], want[key]) for key in want if got.get(key) != want[key]}
    assert differing == {}


def _imports_back(target: Path, source: Path, kind: str) -> None:
    """The document's text gives back the data it prints, nothing left unplaced, and no
    finding the data it was rendered from does not have itself."""
    got, data, codes = _from_text(target)
    want = _model(source)
    _same(Reading(got, want, kind), Reading(want, want, kind))
    assert data.get("unplaced", []) == []
    assert set(codes) <= {finding.code for finding in validate_file(source).findings}


CASES = _cases()


@pytest.mark.parametrize("case", first_fast(CASES), ids=str)
def test_every_rendered_document_imports_back_from_its_text(tmp_path: Path, case: Case) -> None:
    target, source = _render(tmp_path, case)
    _imports_back(target, source, case.kind)


def _typed(tmp_path: Path, document: Path) -> Path:
    """The document printed and typed again: its lines as plain text, nothing else."""
    lines = read_source(document).lines
    typed = tmp_path / "typed.txt"
    typed.write_text("".join(f"{line.text}\n" for line in lines), "utf-8")
    return typed


# A roster or task table typed again as text is no table any more: those are left out.
TYPED = [case for case in CASES if case.variant != "table" and case.kind != "tasks"]
TYPED = [
    case
    for case in TYPED
    if not (case.variant == "annexes" and _model(EXAMPLES / case.example).tasks)
]


@pytest.mark.slow
@pytest.mark.parametrize("case", TYPED, ids=str)
def test_every_document_typed_again_imports_back(tmp_path: Path, case: Case) -> None:
    target, source = _render(tmp_path, case)
    _imports_back(_typed(tmp_path, target), source, case.kind)


NOTICES = [Case(case.example, case.kind, case.variant, pdf=True) for case in CASES]
NOTICES = [case for case in NOTICES if case.kind == "notice"]


@pytest.mark.slow
@pytest.mark.parametrize("case", NOTICES, ids=str)
def test_every_notice_imports_back_from_its_pdf(
    tmp_path: Path, case: Case, libreoffice: str
) -> None:
    target, source = _render(tmp_path, case)
    _imports_back(target, source, case.kind)
    # and `jmctl check` finds in it only what the data itself has
    own = {finding.code for finding in validate_file(source).findings}
    assert {finding.code for finding in check_file(target).findings} <= own


# The patterns these documents showed, as real notices print them.
@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("镇司法所和各村（社区）", ["镇司法所", "各村（社区）"]),
        ("县民政局和各乡（镇）人民政府", ["县民政局", "各乡（镇）人民政府"]),
        ("区委宣传部（网信办和文明办）", ["区委宣传部（网信办和文明办）"]),
    ],
)
def test_a_collective_joined_by_he_is_a_unit_of_its_own(text: str, units: list[str]) -> None:
    assert unit_list(text) == units


@pytest.mark.parametrize(
    ("post", "unit"),
    [
        ("镇长", "青山镇人民政府"),
        ("分管民政工作的副镇长", "青山镇人民政府"),
        ("常务副县长", "青山镇人民政府"),
        ("八镇分管领导", "各村（社区）"),
        ("各镇镇长", "各村（社区）"),
    ],
)
def test_a_head_of_government_sits_in_the_government(post: str, unit: str) -> None:
    assert seat_unit(post, "各村（社区）", "青山镇人民政府") == unit


def test_a_town_named_alone_keeps_its_printed_name() -> None:
    alone = jurisdiction_of(["青山镇困难群众救助工作联席会议"])
    assert (alone["name"], alone["level"]) == ("青山镇", "township")
    assert jurisdiction_of(["卢氏县城关镇人民政府"])["name"] == "卢氏县城关镇"


def test_an_annex_title_broken_over_two_lines_is_one_title() -> None:
    """A PDF wraps a long annex title where the page ends it."""
    text = "附件3\n独山县社会救助工作联席会议\n成员单位职责分工\n一、县民政局\n负责社会救助。\n"
    imported = import_source(read_text(text.encode("utf-8"), "duties.txt"))
    assert imported.data["duties"] == [{"unit": "县民政局", "items": ["负责社会救助。"]}]
    assert imported.data["meeting"]["name"] == "独山县社会救助工作联席会议"
    assert "unplaced" not in imported.data


def _line(text: str, x0: float, x1: float, top: float) -> TextLine:
    return TextLine(text, x0, x1, top, top + 16, 1, 80, 520, x0, 595)


def test_a_wrapped_list_item_goes_on_under_its_start_and_the_next_item_does_not() -> None:
    item = _line("2.青山镇困难群众救助工作联席会议成员单位职责", 158, 510, 635)
    assert goes_on(item, _line("分工", 158, 190, 664))
    assert not goes_on(item, _line("3.青山镇困难群众救助工作联席会议重点任务", 158, 500, 664))


def test_a_last_page_of_short_lines_takes_the_right_edge_of_its_fellow_pages() -> None:
    full = _line("经青山镇人民政府同意，现将《青山镇困难群众救助工作联", 111, 520, 519)
    signature = _line("青山镇人民政府", 375, 486, 199)
    signature.page, signature.right = 2, 510  # its page's longest line ends at 510
    date = _line("2022年3月15日", 371, 490, 228)
    date.page, date.right = 2, 510
    widen_edges([full, signature, date])
    assert (signature.right, date.right) == (520, 520)
    assert not goes_on(signature, date)
