"""Hostile and absurd input, one test per class: each ends with a located finding and exit
0/1/2, and the bound that stops it is the one hit (not a slow run that happens to end)."""

from __future__ import annotations

import os
import shutil
import struct
import time
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from jmctl.cli import cli
from jmctl.findings import Mark
from jmctl.loading import MAX_CHARS, load_text
from jmctl.names import MAX_NAME_BYTES, safe_file_name
from jmctl.outputs import STALE_AFTER
from jmctl.render.budget import MAX_STEPS, Budget, TemplateLimit
from jmctl.render.pdf import convert
from jmctl.render.reference import reference_path
from jmctl.render.template_links import LinkedTemplate, refuse_outside_links
from jmctl.safety import per_file

from conftest import CASES, CORPUS, EXAMPLES

DUSHAN = EXAMPLES / "dushan-2017.yaml"
MINIMAL = CASES / "valid" / "minimal.yaml"


def _run(*args: object):
    return CliRunner().invoke(
        cli, [str(arg) for arg in args], env={"NO_COLOR": "1", "JMCTL_LANG": "en"}
    )


def _minimal(tmp_path: Path, name: str = "data.yaml", **replace: str) -> Path:
    text = MINIMAL.read_text("utf-8")
    for old, new in replace.items():
        text = text.replace(old, new)
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


# --- internal errors for the user's own input -------------------------------------------


def test_a_huge_integer_in_the_data_is_a_located_finding(tmp_path: Path) -> None:
    path = _minimal(tmp_path, **{"jmctl: 1": "jmctl: 1\nextra: " + "7" * 5000})
    result = _run("validate", path)
    assert result.exit_code == 1
    assert f"{path}:3:8: error JM009" in result.stdout
    assert "JM000" not in result.stdout


def test_a_huge_count_stated_in_the_text_is_reported_not_converted(tmp_path: Path) -> None:
    count = "3" + "0" * 5000
    path = _minimal(tmp_path, **{"统筹推进全县": f"由{count}个部门和单位组成，统筹推进全县"})
    result = _run("validate", path)
    assert result.exit_code == 1
    assert ":10:8: error JM211 the text states 300000… member units" in result.stdout


def test_explicit_tags_their_type_rejects_in_the_renames_file(tmp_path: Path) -> None:
    renames = tmp_path / "renames.yaml"
    renames.write_text('- {old: [卫计局], new: [卫健局], year: !!int ""}\n', "utf-8")
    result = _run("validate", "--renames", renames, MINIMAL)
    assert result.exit_code == 1
    assert f"{renames}:1:34: error JM010 '' is not a valid !!int value" in result.stdout


def test_only_a_plain_merge_key_merges() -> None:
    quoted = load_text('a: {x: 1}\nb:\n  "<<": {y: 2}\n  z: 3\n').document
    assert quoted is not None and quoted.data["b"] == {"<<": {"y": 2}, "z": 3}
    plain = load_text("a: &a {x: 1}\nb:\n  <<: *a\n  z: 3\n").document
    assert plain is not None and plain.data["b"] == {"x": 1, "z": 3}


def test_merge_tags_and_plain_merge_markers_as_values_never_leak() -> None:
    assert load_text("a: <<\n").document.data == {"a": "<<"}  # type: ignore[union-attr]
    loaded = load_text("a: !!merge x\n")
    assert loaded.document is None
    assert [(f.code, f.mark) for f in loaded.findings] == [("JM010", Mark(1, 4))]


@pytest.mark.slow  # a megabyte of input
def test_a_megabyte_of_half_width_marks_is_one_located_finding(tmp_path: Path) -> None:
    flood = "中" + " " * 50 + "," + "中,, ( a ) ,"
    path = _minimal(tmp_path, **{"统筹推进全县社会救助体系建设。": flood * 30_000})
    assert path.stat().st_size > 1_500_000
    result = _run("validate", path)
    assert result.exit_code == 0
    assert f"{path}:10:58: warning JM401" in result.stdout
    assert "89999 in all" in result.stdout


def test_text_behind_aliases_is_bounded_before_the_rules_read_it() -> None:
    chunk = "长" * 100_000
    loaded = load_text(
        f'a: &a "{chunk}"\nb: &b [{", ".join(["*a"] * 10)}]\nc: [*b, *b, *b, *b, *b]\n'
    )
    assert loaded.document is None
    (finding,) = loaded.findings
    assert finding.code == "JM007" and finding.mark.line == 3
    assert f"{MAX_CHARS:,} characters" in finding.message("en")


# --- one file's trouble is that file's -----------------------------------------------


def test_the_per_file_net_turns_a_bug_into_that_files_finding(tmp_path: Path) -> None:
    @per_file(lambda path, finding: [finding])
    def work(path: Path) -> list[object]:
        if path.name == "bad":
            raise RecursionError("a defect of jmctl's")
        return []

    results = [work(tmp_path / name) for name in ("good", "bad", "also-good")]
    assert [len(r) for r in results] == [0, 1, 0]
    (finding,) = results[1]
    assert finding.code == "JM000" and finding.path == str(tmp_path / "bad")
    assert "RecursionError" in finding.message("en")


# --- batches and outputs --------------------------------------------------------------


def test_one_unwritable_output_stops_no_other_file_of_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    for name in ("a", "b", "c"):
        _minimal(folder, f"{name}.yaml")
    out = tmp_path / "out"
    out.mkdir()
    (out / "b").write_text("a file where b's folder should go", "utf-8")
    result = _run("render", "notice", folder, "-d", out)
    assert result.exit_code == 1
    assert sorted(p.parent.name for p in out.rglob("*.docx")) == ["a", "c"]
    assert result.stderr.count("is a file, not a folder") == 1
    assert f"{folder / 'b.yaml'}:" in result.stderr


@pytest.mark.slow
def test_sources_with_one_name_never_overwrite_each_others_outputs(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _minimal(folder / "x", "a.yaml")
    _minimal(folder / "y", "a.yaml")
    _minimal(folder / "y", "a.yml")
    result = _run("render", "notice", folder, "-d", tmp_path / "out")
    assert result.exit_code == 0
    written = sorted(
        str(p.parent.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.docx")
    )
    assert written == ["x/a", "y/a-yaml", "y/a-yml"]
    assert result.stderr.count("warning JM901") == 2


@pytest.mark.slow
def test_imports_of_one_stem_get_distinct_data_files(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "dushan-2017-notice.txt", tmp_path / "a.txt")
    assert _run("render", "notice", DUSHAN, "-o", tmp_path / "a.docx").exit_code == 0
    result = _run("import", tmp_path, "-d", tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a-docx.yaml", "a-txt.yaml"]
    assert result.stderr.count("warning JM901") == 2


@pytest.mark.slow
def test_no_input_of_a_render_is_ever_written_over(tmp_path: Path) -> None:
    template = tmp_path / "reference.docx"
    shutil.copy(EXAMPLES.parent / "templates" / "reference.docx", template)
    phrases = tmp_path / "wording"
    phrases.mkdir()
    shutil.copy(EXAMPLES.parent / "templates" / "phrases.j2", phrases / "phrases.j2")
    before = template.read_bytes(), (phrases / "phrases.j2").read_bytes()
    for target in (template, phrases / "phrases.j2"):
        result = _run(
            "render", "notice", DUSHAN, "--template", template, "--templates", phrases, "-o", target
        )
        assert result.exit_code == 1
        assert "refusing to overwrite an input file" in result.stderr
    assert (template.read_bytes(), (phrases / "phrases.j2").read_bytes()) == before


def test_the_renames_file_is_an_input_of_a_draft(tmp_path: Path) -> None:
    renames = tmp_path / "renames.yaml"
    renames.write_text("- {old: [卫计局], new: [卫健局], year: 2018}\n", "utf-8")
    new = CASES.parent / "cases" / "diff" / "dushan-2019.yaml"
    result = _run("diff", DUSHAN, new, "--renames", renames, "--draft", "-o", renames)
    assert "refusing to overwrite an input file" in result.stderr
    assert renames.read_text("utf-8").startswith("- {old: [卫计局]")


def test_an_output_under_a_plain_file_is_said_plainly(tmp_path: Path) -> None:
    (tmp_path / "a").write_text("a file", "utf-8")
    result = _run("render", "notice", DUSHAN, "-o", tmp_path / "a" / "x.docx")
    assert result.exit_code == 1
    assert f"{tmp_path / 'a'} is a file, not a folder" in result.stderr
    assert "File exists" not in result.stderr


def test_stale_temporaries_of_ours_are_swept_and_nothing_else(tmp_path: Path) -> None:
    old = time.time() - STALE_AFTER - 60
    stale = tmp_path / ".通知.docx.abcd1234.jmctl.tmp"
    fresh = tmp_path / ".通知.docx.efgh5678.jmctl.tmp"
    foreign = tmp_path / ".notes.txt.abcd1234.tmp"
    for path in (stale, fresh, foreign):
        path.write_bytes(b"partial")
    for path in (stale, foreign):
        os.utime(path, (old, old))
    assert _run("render", "notice", DUSHAN, "-o", tmp_path / "通知.docx").exit_code == 0
    assert not stale.exists()
    assert fresh.exists() and foreign.exists()


def test_output_names_made_from_data_are_sanitised(tmp_path: Path) -> None:
    name = '"白河县社会救助工作联席会议\\n\\u202Egpj.exe"'
    path = _minimal(tmp_path, **{"name: 白河县社会救助工作联席会议": f"name: {name}"})
    result = _run("render", "roster", path, "-d", tmp_path / "out")
    assert result.exit_code == 0, result.output
    (written,) = (tmp_path / "out").iterdir()
    assert written.name == "白河县社会救助工作联席会议 gpj.exe-成员名单（2019年）.docx"
    assert safe_file_name("a/b:c\x00d\u2066", ".pdf") == "a／b：cd.pdf"
    assert safe_file_name(" .hidden. ", ".pdf") == "hidden.pdf"


def test_long_titles_and_names_fit_the_document_and_the_file_system(tmp_path: Path) -> None:
    name = "白河县" + "社会救助" * 80 + "工作联席会议"
    path = _minimal(tmp_path, **{"白河县社会救助工作联席会议": name})
    result = _run("render", "roster", path, "-d", tmp_path / "out")
    assert result.exit_code == 0, result.output
    (written,) = (tmp_path / "out").iterdir()
    assert len(written.name.encode("utf-8")) <= MAX_NAME_BYTES
    title = Document(BytesIO(written.read_bytes())).core_properties.title
    assert len(title) == 255 and title.startswith("白河县社会救助")


# --- user templates ----------------------------------------------------------------------

HOSTILE_TEMPLATES = {
    "recursion": ("{{ inline_lead_in(m) }}", "JM902", "endless recursion"),
    "zero": ("{{ 1 // 0 }}", "JM902", "ZeroDivisionError"),
    "range": ("{% for i in range(10**8) %}x{% endfor %}", "JM903", "range() of more than"),
    "loops": (
        "{% for i in range(9999) %}{% for j in range(9999) %}{% endfor %}{% endfor %}",
        "JM903",
        f"more than {MAX_STEPS:,} steps",
    ),
    "power": ("{{ 9**(9**9) }}", "JM903", "an integer of more than"),
    "memory": ("{{ 'x' * 10**10 }}", "JM903", "builds a value too large"),
    "doubling": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s|length }}",
        "JM903",
        "builds a value too large",
    ),
    "width": ("{{ '{:>999999999}'.format(1) }}", "JM903", "builds a value too large"),
    "output": ("{% for i in range(9000) %}{{ 'y' * 900 }}{% endfor %}", "JM903", "wrote more"),
    "control": ("{{ '\\x00' }}", "JM904", "U+0000"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEMPLATES))
def test_every_failure_of_a_user_template_is_located_in_it(tmp_path: Path, name: str) -> None:
    body, code, words = HOSTILE_TEMPLATES[name]
    template = tmp_path / "phrases.j2"
    template.write_text(
        "{# my wording #}\n\n{% macro inline_lead_in(m) -%}\n" + body + "\n{%- endmacro %}\n",
        "utf-8",
    )
    result = _run("render", "notice", DUSHAN, "--templates", tmp_path, "-o", tmp_path / "x.docx")
    assert result.exit_code == 1
    line = 3 if code == "JM904" else 4  # the macro, or the line that failed in it
    assert f"{template}:{line}:1: error {code}" in result.stderr
    assert words in result.stderr
    assert not (tmp_path / "x.docx").exists()


def test_a_template_that_imports_itself_is_located(tmp_path: Path) -> None:
    (tmp_path / "phrases.j2").write_text('{% import "phrases.j2" as again %}\n', "utf-8")
    result = _run("render", "notice", DUSHAN, "--templates", tmp_path, "-o", tmp_path / "x.docx")
    assert result.exit_code == 1
    assert f"{tmp_path / 'phrases.j2'}:1:1: error JM902" in result.stderr
    assert "endless recursion" in result.stderr


def test_the_clock_bounds_a_template_in_any_thread() -> None:
    budget = Budget(deadline=time.monotonic() - 1)
    with pytest.raises(TemplateLimit, match="ran longer than"):
        for _ in range(1000):
            budget.step()
    assert budget.steps <= 256  # the clock is read every 256 steps


# --- local files pulled into output ----------------------------------------------------


def _png(path: Path) -> Path:
    """Write a small red PNG (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * 40 for _ in range(40)))
    header = struct.pack(">IIBBBBB", 40, 40, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
    return path


def _linking_docx(start: Path, target: Path, secret: Path) -> Path:
    """Save `start` (a DOCX) as `target` with a picture in its header linked, not embedded."""
    document = Document(str(start))
    header = document.sections[0].header
    header.paragraphs[0].add_run().add_picture(str(_png(secret.with_suffix(".embedded.png"))))
    blip = header._element.findall(".//" + qn("a:blip"))[0]
    link = header.part.relate_to(secret.as_uri(), RT.IMAGE, is_external=True)
    del blip.attrib[qn("r:embed")]
    blip.set(qn("r:link"), link)
    document.save(str(target))
    return target


def test_a_reference_docx_linking_a_local_picture_is_refused(tmp_path: Path) -> None:
    secret = _png(tmp_path / "secret.png")
    template = _linking_docx(reference_path(), tmp_path / "letterhead.docx", secret)
    result = _run(
        "render",
        "notice",
        DUSHAN,
        "--template",
        template,
        "--format",
        "pdf",
        "-o",
        tmp_path / "x.pdf",
    )
    assert result.exit_code == 1
    assert f"{template}:1:1: error JM905" in result.stderr
    assert "word/_rels/header" in result.stderr and secret.as_uri() in result.stderr
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    "field", ['INCLUDEPICTURE "file:///etc/hostname"', 'INCLUDETEXT "/etc/hostname"', "DDEAUTO x y"]
)
def test_a_reference_docx_with_a_pulling_field_is_refused(tmp_path: Path, field: str) -> None:
    document = Document(str(reference_path()))
    run = document.sections[0].header.paragraphs[0].add_run()
    code = run._r.makeelement(qn("w:instrText"), {})
    code.text = f" {field} "
    run._r.append(code)
    template = tmp_path / "fields.docx"
    document.save(str(template))
    with pytest.raises(LinkedTemplate) as refused:
        refuse_outside_links(template)
    assert refused.value.finding.code == "JM905"
    assert f"{field.split()[0]} field" in refused.value.finding.message("en")


@pytest.mark.libreoffice
def test_libreoffice_loads_no_linked_picture(tmp_path: Path) -> None:
    """Even a document that links a local picture (not one jmctl would write) converts
    without it: the profile blocks links from untrusted documents."""
    secret = _png(tmp_path / "secret.png")
    source = _linking_docx(reference_path(), tmp_path / "linked.docx", secret)
    (pdf,) = convert([source], tmp_path)
    assert b"/Subtype/Image" not in pdf.read_bytes()


def test_a_long_meeting_name_is_cut_but_each_document_keeps_its_own_name(tmp_path: Path) -> None:
    # Cut at the end, the names of the roster and the duties would both lose their label
    # and one would overwrite the other.
    text = (EXAMPLES / "dushan-2017.yaml").read_text(encoding="utf-8")
    long_name = "独山县" + "社会救助" * 40 + "工作联席会议"
    path = tmp_path / "long.yaml"
    path.write_text(
        text.replace("name: 独山县社会救助工作联席会议", f"name: {long_name}", 1), "utf-8"
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", "all", str(path), "-d", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 4, names
    assert all(len(name.encode("utf-8")) <= MAX_NAME_BYTES for name in names)
    assert [n for n in names if n.endswith("-成员名单（2017年）.docx")]
    assert [n for n in names if n.endswith("-职责分工（2017年）.docx")]
    assert [n for n in names if n.endswith("-成员单位网页（2017年）.html")]
    assert safe_file_name("甲" * 300, ".docx", "-通知").endswith("甲-通知.docx")
