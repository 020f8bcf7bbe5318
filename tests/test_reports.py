"""Every command that works on files: one JSON shape, one error family, one safety net.

Each command runs here on real files (the examples, the corpus notice); the error
tests make one library step of the command raise, as the input or a bug would.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from jmctl.cli import cli
from jmctl.outputs import OutputError
from jmctl.validation import validate_file

from conftest import EXAMPLES

CORPUS = Path(__file__).parent / "corpus"
ENV = {"NO_COLOR": "", "JMCTL_LANG": "zh"}
FILE_KEYS = {"path", "findings", "outputs", "error", "notes", "details"}
FINDING_KEYS = {"path", "line", "column", "severity", "code", "message"}
SUMMARY_KEYS = {"files", "files_ok", "files_warned", "files_failed", "errors", "warnings"}


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env=ENV, prog_name="jmctl")


def _copy(sources: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for source in sources:
        shutil.copy(source, folder / source.name)
    return folder


# Per command: its arguments on real input in `tmp`, the report option, and where one
# file's work can be made to raise (the module and the name it calls).
COMMANDS: dict[str, tuple[Callable[[Path], list[str]], str, str]] = {
    "validate": (
        lambda tmp: ["validate", str(_copy([EXAMPLES / "dushan-2017.yaml"], tmp / "in"))],
        "--format",
        "jmctl.validation.load_file",
    ),
    "check": (
        lambda tmp: ["check", str(_copy([CORPUS / "fujian-2020-letter.txt"], tmp / "in"))],
        "--format",
        "jmctl.importing.checking.read_source",
    ),
    "render": (
        lambda tmp: [
            "render",
            "notice",
            str(_copy([EXAMPLES / "dushan-2017.yaml"], tmp / "in")),
            "-d",
            str(tmp / "out"),
        ],
        "--report",
        "jmctl.render.api.validate_file",
    ),
    "import": (
        lambda tmp: [
            "import",
            str(_copy([CORPUS / "dushan-2017-notice.txt"], tmp / "in")),
            "-d",
            str(tmp / "out"),
        ],
        "--format",
        "jmctl.importing.api.read_source",
    ),
    "fix": (
        lambda tmp: ["fix", "--check", str(_copy([EXAMPLES / "dushan-2017.yaml"], tmp / "in"))],
        "--format",
        "jmctl.fixing.api.load_file",
    ),
    "export": (
        lambda tmp: [
            "export",
            str(_copy([EXAMPLES / "qingshan-2022.yaml"], tmp / "in") / "qingshan-2022.yaml"),
            "-o",
            str(tmp / "名单.xlsx"),
        ],
        "--format",
        "jmctl.exporting.load_file",
    ),
}


def _json(result: Result) -> dict[str, Any]:
    payload = json.loads(result.stdout)
    assert isinstance(payload, dict)
    return payload


def _assert_shape(payload: dict[str, Any], command: str) -> None:
    assert payload["jmctl_json"] == 1 and payload["command"] == command
    assert payload["files"], "every command here works on one file at least"
    for entry in payload["files"]:
        assert set(entry) == FILE_KEYS
        assert isinstance(entry["outputs"], list) and isinstance(entry["notes"], list)
        assert entry["error"] is None or isinstance(entry["error"], str)
        for finding in entry["findings"]:
            assert set(finding) >= FINDING_KEYS
            assert finding["severity"] in ("error", "warning")
    assert SUMMARY_KEYS | {"outputs", "files_not_done"} == set(payload["summary"])
    assert payload["summary"]["files"] == len(payload["files"])
    every = [finding for entry in payload["files"] for finding in entry["findings"]]
    assert (
        len(payload["findings"])
        == len(every)
        == payload["summary"]["errors"] + payload["summary"]["warnings"]
    )


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_reports_in_the_one_json_shape(command: str, tmp_path: Path) -> None:
    arguments, option, _ = COMMANDS[command]
    result = _run(*arguments(tmp_path), option, "json")
    assert result.exit_code == 0, result.output
    payload = _json(result)
    _assert_shape(payload, command)
    if command in ("render", "import", "export"):
        (entry,) = payload["files"]
        assert entry["outputs"] and all(Path(path).is_file() for path in entry["outputs"])


@pytest.mark.parametrize("command", sorted(set(COMMANDS) - {"render"}))
def test_report_is_also_spelled_report(command: str, tmp_path: Path) -> None:
    arguments, _, _ = COMMANDS[command]
    _assert_shape(_json(_run(*arguments(tmp_path), "--report", "json")), command)


def _raising(error: Exception) -> Callable[..., Any]:
    def step(*args: object, **kwargs: object) -> Any:
        raise error

    return step


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_jmctl_error_in_a_files_step_is_that_files_located_error(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    arguments, option, step = COMMANDS[command]
    args = arguments(tmp_path)
    refused = OutputError("磁盘已满，无法写出 (the disk is full)")
    monkeypatch.setattr(step, _raising(refused))
    result = _run(*args)
    assert result.exit_code == 1, result.output
    assert ": 磁盘已满，无法写出" in result.stderr
    assert "JM000" not in result.output and "内部错误" not in result.output
    english = _run(*args, "--lang", "en")
    assert ": the disk is full" in english.stderr and "磁盘" not in english.stderr
    (entry,) = _json(_run(*args, option, "json"))["files"]
    assert entry["error"] == "磁盘已满，无法写出" and entry["outputs"] == []
    assert Path(entry["path"]).name in {p.name for p in (tmp_path / "in").iterdir()}


# Batch commands on a folder of three: one file's step meets a bug.
BATCHES: dict[str, tuple[list[str], list[Path], str, str]] = {
    "validate": (["validate"], [], "--format", "jmctl.validation.load_file"),
    "check": (["check"], [], "--format", "jmctl.validation.load_file"),
    "render": (["render", "notice"], ["-d"], "--report", "jmctl.render.api.validate_file"),
    "fix": (["fix", "--check"], [], "--format", "jmctl.fixing.api.load_file"),
}


@pytest.mark.parametrize("command", sorted(BATCHES))
def test_a_bug_in_one_file_is_its_jm000_and_the_others_complete(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    head, out_option, option, step = BATCHES[command]
    names = ["dushan-2017.yaml", "dushan-2019.yaml", "qingshan-2022.yaml"]
    folder = _copy([EXAMPLES / name for name in names], tmp_path / "in")
    module_name, _, function = step.rpartition(".")
    module = __import__(module_name, fromlist=[function])
    real = getattr(module, function)

    def broken(path: object, *args: object, **kwargs: object) -> Any:
        if Path(str(path)).name == "dushan-2019.yaml":
            raise KeyError("a defect of jmctl's")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(module, function, broken)
    out = [out_option[0], str(tmp_path / "out")] if out_option else []
    result = _run(*head, str(folder), *out, option, "json")
    assert result.exit_code == 3, result.output
    files = {Path(entry["path"]).name: entry for entry in _json(result)["files"]}
    assert set(files) == set(names)
    (bug,) = [f for f in files["dushan-2019.yaml"]["findings"] if f["code"] == "JM000"]
    assert "KeyError" in bug["message"] and bug["severity"] == "error"
    for name in ("dushan-2017.yaml", "qingshan-2022.yaml"):
        assert all(f["code"] != "JM000" for f in files[name]["findings"])
        assert files[name]["error"] is None
        if command == "render":
            assert files[name]["outputs"], name


def test_a_bug_while_importing_one_document_leaves_the_others_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jmctl.importing.api as api

    folder = _copy(sorted(CORPUS.glob("*.txt")), tmp_path / "in")
    real = api.read_source

    def broken(path: Path) -> Any:
        if path.name.startswith("fujian"):
            raise ZeroDivisionError("a defect of jmctl's")
        return real(path)

    monkeypatch.setattr(api, "read_source", broken)
    result = _run("import", str(folder), "-d", str(tmp_path / "out"), "--format", "json")
    assert result.exit_code == 3, result.output
    files = {Path(entry["path"]).name: entry for entry in _json(result)["files"]}
    assert [f["code"] for f in files["fujian-2020-letter.txt"]["findings"]] == ["JM000"]
    assert files["dushan-2017-notice.txt"]["outputs"] == [
        str(tmp_path / "out" / "dushan-2017-notice.yaml")
    ]


def test_every_exception_jmctl_raises_on_purpose_is_a_jmctl_error() -> None:
    import re

    source = Path(__file__).parents[1] / "src" / "jmctl"
    declared = {
        path.relative_to(source).as_posix(): re.findall(r"^class (\w+)\((\w+)\):", text, re.M)
        for path in source.rglob("*.py")
        for text in [path.read_text(encoding="utf-8")]
    }
    bases = {base for classes in declared.values() for _, base in classes}
    assert "Exception" in bases  # the scan sees the one base itself
    outside = [
        (where, name)
        for where, classes in declared.items()
        for name, base in classes
        if base in ("Exception", "ValueError", "RuntimeError") and where != "errors.py"
    ]
    assert outside == []


def test_an_error_crosses_to_a_worker_process_and_back_as_itself() -> None:
    import pickle

    from jmctl.findings import FILE_START, Finding
    from jmctl.render.template_links import LinkedTemplate

    finding = Finding("红头.docx", FILE_START, "JM905", {"part": "word/header1.xml", "what": "x"})
    back = pickle.loads(pickle.dumps(LinkedTemplate(finding)))
    assert type(back) is LinkedTemplate and back.finding == finding
    assert back.message("en").startswith("the reference DOCX links outside content")
    assert str(back) == f"{finding.message('zh')} ({finding.message('en')})"


def test_the_fixes_check_would_make_are_in_the_json_details(tmp_path: Path) -> None:
    data = _copy([EXAMPLES / "dushan-2017.yaml"], tmp_path) / "dushan-2017.yaml"
    before = data.read_bytes()
    rename = ["--rename", "县民政局", "县民政事务局"]
    result = _run("fix", "--check", *rename, "--format", "json", str(data))
    assert result.exit_code == 1, result.output
    payload = _json(result)
    _assert_shape(payload, "fix")
    (entry,) = payload["files"]
    edits = entry["details"]["edits"]
    assert edits[0] == {
        "where": "63:11",
        "codes": ["--rename"],
        "old": "县民政局",
        "new": "县民政事务局",
    }
    assert entry["outputs"] == [] and payload["summary"]["files_not_done"] == 1
    assert data.read_bytes() == before
    made = _json(_run("fix", *rename, "--format", "json", str(data)))
    assert made["files"][0]["outputs"] == [str(data)] and made["summary"]["files_not_done"] == 0
    assert "县民政事务局" in data.read_text(encoding="utf-8")


@pytest.mark.slow  # 80 files on two worker processes
def test_the_safety_net_holds_in_worker_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jmctl.validation as validation

    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(80):
        shutil.copy(EXAMPLES / "qingshan-2022.yaml", folder / f"q{index:02d}.yaml")
    real = validation.load_file

    def broken(path: Path, *args: object) -> Any:
        if path.name == "q07.yaml":
            raise KeyError("a defect of jmctl's")
        if path.name == "q08.yaml":
            raise OutputError("磁盘已满 (the disk is full)")
        return real(path, *args)

    monkeypatch.setattr(validation, "load_file", broken)  # the workers are forked after this
    result = _run("validate", "--jobs", "2", "--format", "json", str(folder))
    assert result.exit_code == 3, result.output
    files = {Path(entry["path"]).name: entry for entry in _json(result)["files"]}
    assert len(files) == 80
    assert [f["code"] for f in files["q07.yaml"]["findings"]] == ["JM000"]
    assert files["q08.yaml"]["error"] == "磁盘已满" and files["q08.yaml"]["findings"] == []
    others = [entry for name, entry in files.items() if name not in ("q07.yaml", "q08.yaml")]
    assert all(not e["findings"] and e["error"] is None for e in others), others[:2]


@pytest.mark.slow
def test_a_bug_while_writing_one_rendered_document_stops_no_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jmctl.render.api as api

    names = ["dushan-2017.yaml", "dushan-2019.yaml", "qingshan-2022.yaml"]
    folder = _copy([EXAMPLES / name for name in names], tmp_path / "in")
    real = api.refuse_other_edition

    def broken(target: Path, data: bytes) -> None:
        if "2019" in target.name:
            raise IndexError("a defect of jmctl's")
        real(target, data)

    monkeypatch.setattr(api, "refuse_other_edition", broken)
    out = tmp_path / "out"
    result = _run("render", "all", str(folder), "-d", str(out), "--report", "json")
    assert result.exit_code == 3, result.output
    files = {Path(entry["path"]).name: entry for entry in _json(result)["files"]}
    bugs = [f for f in files["dushan-2019.yaml"]["findings"] if f["code"] == "JM000"]
    assert bugs and all("IndexError" in f["message"] for f in bugs)
    assert files["dushan-2019.yaml"]["outputs"] == []
    for name in ("dushan-2017.yaml", "qingshan-2022.yaml"):
        model = validate_file(EXAMPLES / name).model
        assert model is not None
        expected = len(api.available_kinds(model))  # every document the data supports
        assert len(files[name]["outputs"]) == expected and files[name]["error"] is None
        assert all(Path(path).is_file() for path in files[name]["outputs"])
