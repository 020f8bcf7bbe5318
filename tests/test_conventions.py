"""Conventions for scripts: str paths in the library, --quiet, JSON summaries, `-`."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jmctl.cli import cli
from jmctl.diff_files import diff_files
from jmctl.importing.api import import_file, import_one
from jmctl.render.api import RenderOptions, render_file
from jmctl.reporting import in_language
from jmctl.validation import validate_file, validate_paths

from conftest import CORPUS, EXAMPLES

ENV = {"JMCTL_LANG": "zh", "NO_COLOR": ""}


def _invoke(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, env=ENV, prog_name="jmctl")


@pytest.mark.slow
def test_the_library_takes_text_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "dushan-2017.yaml", "dushan-2017.yaml")
    shutil.copy(EXAMPLES / "dushan-2019.yaml", "dushan-2019.yaml")
    report = validate_file("dushan-2017.yaml")
    assert report.model is not None and report.errors == 0
    assert not any(finding.code == "JM000" for finding in report.findings)
    assert [r.path for r in validate_paths(["."])] == ["dushan-2017.yaml", "dushan-2019.yaml"]
    rendered = render_file("dushan-2017.yaml", ["notice"], RenderOptions(), out_dir="out")
    assert rendered.written == [Path("out/独府办发〔2017〕20号-通知.docx")]
    assert diff_files("dushan-2017.yaml", "dushan-2019.yaml").changes
    shutil.copy(CORPUS / "dushan-2017-notice.txt", "notice.txt")
    assert import_file("notice.txt").imported is not None
    assert import_one("notice.txt", output="导入.yaml").target == Path("导入.yaml")


def test_validate_reads_standard_input() -> None:
    text = (EXAMPLES / "qingshan-2022.yaml").read_bytes()
    assert _invoke("validate", "-", input=text).exit_code == 0
    broken = _invoke("validate", "-", input="jmctl: 1\nmembers:\n\t- x\n")
    assert broken.exit_code == 1
    assert broken.stdout.startswith("-:3:1: error JM044 ")


def test_quiet_prints_only_findings() -> None:
    quiet = _invoke("validate", "--quiet", str(EXAMPLES / "dushan-2017.yaml"))
    lines = quiet.stdout.splitlines()
    assert lines and all(" warning JM" in line for line in lines)
    assert _invoke("validate", "-q", str(EXAMPLES / "qingshan-2022.yaml")).stdout == ""


@pytest.mark.slow
def test_render_and_import_summaries_as_json(tmp_path: Path) -> None:
    rendered = _invoke(
        "render", "notice", str(EXAMPLES / "dushan-2017.yaml"), "-d", str(tmp_path),
        "--report", "json",
    )  # fmt: skip
    assert rendered.exit_code == 0
    (entry,) = json.loads(rendered.stdout)["files"]
    assert entry["outputs"] == [str(tmp_path / "独府办发〔2017〕20号-通知.docx")]
    assert {finding["code"] for finding in entry["findings"]} == {"JM206", "JM207"}
    docx = entry["outputs"][0]
    imported = _invoke("import", docx, "-o", str(tmp_path / "back.yaml"), "--format", "json")
    assert imported.exit_code == 0
    (done,) = json.loads(imported.stdout)["files"]
    assert done == {
        "path": docx,
        "outputs": [str(tmp_path / "back.yaml")],
        "findings": [],
        "error": None,
        "notes": [],
        "details": {},
    }
    to_stdout = _invoke("import", docx, "-o", "-")
    assert to_stdout.exit_code == 0
    assert to_stdout.stdout == (EXAMPLES / "dushan-2017.yaml").read_text(encoding="utf-8")


def test_two_language_library_messages_are_shown_in_one() -> None:
    message = "没有找到 LibreOffice，无法生成 PDF (LibreOffice not found: install x)"
    assert in_language(message, "zh") == "没有找到 LibreOffice，无法生成 PDF"
    assert in_language(message, "en") == "LibreOffice not found: install x"
    located = "通知.docx：这是输入文件，不能覆盖 (refusing to overwrite an input file)"
    assert in_language(located, "en") == "通知.docx: refusing to overwrite an input file"
    assert in_language("只有中文（说明）", "en") == "只有中文（说明）"


@pytest.mark.slow  # starts a Python process
def test_the_progress_bar_names_the_command_and_ignores_no_color(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    for name in ("dushan-2017", "fujian-2020", "qingshan-2022"):
        shutil.copy(EXAMPLES / f"{name}.yaml", tmp_path)
    # Findings go to a file (stdout is no terminal), stderr is a terminal: the bar shows.
    script = (
        "import sys; sys.stderr.isatty = lambda: True; from jmctl.cli import main; "
        f"sys.argv = ['jmctl', 'validate', {str(tmp_path)!r}]; main()"
    )
    env = {**os.environ, "JMCTL_LANG": "zh", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0
    assert "jmctl validate  [####" in done.stderr and "100%" in done.stderr
    assert not re.search(r"\033\[[0-9;]*m", done.stderr + done.stdout)  # still no colour
    quiet = subprocess.run(
        [sys.executable, "-c", script.replace("'validate', ", "'validate', '-q', ")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert quiet.stderr == ""


def test_diff_speaks_english_on_request() -> None:
    old, new = str(EXAMPLES / "dushan-2017.yaml"), str(EXAMPLES / "dushan-2019.yaml")
    english = CliRunner().invoke(cli, ["diff", "--lang", "en", old, new], env=ENV)
    assert english.exit_code == 1
    lines = english.stdout.splitlines()
    assert lines[0].startswith("14 change(s): units added 1, units removed 1, units renamed 1")
    assert "  chief convenor: 曾纪泽 → 韦国栋 (县人民政府副县长、县水务局局长)" in english.stdout
    assert "  new member unit: 县医疗保障局 (now line 78)" in lines
    assert "  notice.kind: establish → adjust (was line 204, now line 203)" in lines
    chinese = CliRunner().invoke(cli, ["diff", old, new], env=ENV)
    assert chinese.stdout.startswith("共 14 处变动：")
    table = CliRunner().invoke(cli, ["diff", "--lang", "en", "--format", "md", old, new], env=ENV)
    assert "| kind | change | old line | new line |" in table.stdout


@pytest.mark.slow
def test_shell_completion_as_the_readme_documents_it() -> None:
    import os
    import subprocess
    import sys

    jmctl = str(Path(sys.executable).parent / "jmctl")
    script = subprocess.run(
        [jmctl],
        env={**os.environ, "_JMCTL_COMPLETE": "bash_source"},
        capture_output=True,
        text=True,
    )
    assert "_jmctl_completion()" in script.stdout
    env = {**os.environ, "_JMCTL_COMPLETE": "bash_complete", "COMP_WORDS": "jmctl ren"}
    words = subprocess.run([jmctl], env={**env, "COMP_CWORD": "1"}, capture_output=True, text=True)
    assert words.stdout.split() == ["plain,render"]


@pytest.mark.slow
def test_a_document_given_for_data_says_what_to_do(tmp_path: Path) -> None:
    docx = tmp_path / "通知.docx"
    shutil.copy(EXAMPLES / "dushan-2017.yaml", tmp_path / "d.yaml")
    _invoke("render", "notice", str(tmp_path / "d.yaml"), "-o", str(docx))
    wps = tmp_path / "通知.wps"
    wps.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    pdf = tmp_path / "通知.yaml"  # a PDF saved under a data file's name: told by its bytes
    pdf.write_bytes(b"%PDF-1.7\n")
    shown = _invoke("validate", str(docx), str(wps), str(pdf))
    assert shown.exit_code == 1
    lines = shown.stdout.splitlines()
    assert lines[0] == (
        f"{docx}:1:1: error JM040 这是一个 Word 文档，不是数据文件：请先用 jmctl import "
        "导入为数据文件（.yaml）"
    )
    assert lines[1].endswith(
        "这是一个 WPS 文字文档，不是数据文件：请先用 jmctl import 导入为数据"
        "文件（.yaml）；如果 jmctl import 读不了，请先在 Word 或 WPS 中另存为 .docx"
    )
    assert lines[2].endswith(
        "error JM040 这是一个 PDF 文件，不是数据文件：请先用 jmctl import 导入为数据文件（.yaml）"
    )
    rendered = _invoke("render", "notice", str(wps))
    assert "JM040" in rendered.stderr and rendered.exit_code == 1
    compared = _invoke("diff", str(docx), str(tmp_path / "d.yaml"))
    assert "JM040" in compared.stderr and compared.exit_code == 2
