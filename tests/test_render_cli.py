"""`jmctl render` as a user meets it: names, refusals, atomic writes, wording templates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from jmctl.cli import cli
from jmctl.outputs import OutputError, atomic_write
from jmctl.render.api import RenderOptions, outline
from jmctl.render.phrases import PhraseError, Phrases
from jmctl.validation import validate_file

from conftest import CASES, EXAMPLES

DUSHAN = str(EXAMPLES / "dushan-2017.yaml")


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), env={"NO_COLOR": "1", "JMCTL_LANG": "zh"})


def test_notice_gets_its_default_name_and_warnings_go_to_stderr(tmp_path: Path) -> None:
    result = _run("render", "notice", DUSHAN, "-d", str(tmp_path))
    assert result.exit_code == 0
    target = tmp_path / "独府办发〔2017〕20号-通知.docx"
    assert result.stdout == f"{target}\n"
    assert "warning JM207" in result.stderr
    assert Document(str(target)).paragraphs[0].text == "独山县人民政府办公室文件"


@pytest.mark.slow
def test_all_writes_every_document_the_data_supports(tmp_path: Path) -> None:
    result = _run("render", "all", str(EXAMPLES / "qingshan-2022.yaml"), "-d", str(tmp_path))
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "青山镇困难群众救助工作联席会议-成员单位网页（2022年）.html",
        "青山镇困难群众救助工作联席会议-职责分工（2022年）.docx",
        "青山镇困难群众救助工作联席会议-重点任务分工方案（2022年）.docx",
        "青府发〔2022〕8号-通知.docx",
    ]


def test_invalid_data_is_refused_with_located_findings_and_nothing_written(
    tmp_path: Path,
) -> None:
    case = CASES / "invalid" / "jm204-member-twice.yaml"
    result = _run("render", "notice", str(case), "-d", str(tmp_path))
    assert result.exit_code == 1
    assert f"{case}:19:29: error JM204" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_document_the_data_lacks_is_a_clear_error(tmp_path: Path) -> None:
    result = _run("render", "tasks", DUSHAN, "-d", str(tmp_path))
    assert result.exit_code == 1
    assert "数据中没有 tasks（任务分工），无法生成 tasks" in result.stderr


def test_usage_errors(tmp_path: Path) -> None:
    assert _run("render", "all", DUSHAN, "-o", str(tmp_path / "x.docx")).exit_code == 2
    assert _run("render", "memo", DUSHAN).exit_code == 2
    assert _run("render", "notice", str(tmp_path / "missing.yaml")).exit_code == 2


def test_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    source = tmp_path / "data.yaml"
    shutil.copy(DUSHAN, source)
    before = source.read_bytes()
    result = _run("render", "notice", str(source), "-o", str(source))
    assert result.exit_code == 1
    assert "这是输入文件，不能覆盖" in result.stderr
    assert source.read_bytes() == before


def test_a_document_open_in_word_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "通知.docx"
    target.write_bytes(b"the user's file")
    (tmp_path / "~$通知.docx").write_bytes(b"owner")
    result = _run("render", "notice", DUSHAN, "-o", str(target))
    assert result.exit_code == 1
    assert "文件正在 Word 中打开" in result.stderr
    assert target.read_bytes() == b"the user's file"


def test_a_failed_render_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "通知.docx"
    target.write_bytes(b"last year's file")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    result = _run("render", "notice", DUSHAN, "-o", str(target), "--template", str(broken))
    assert result.exit_code == 1
    assert "无法作为 DOCX 模板打开" in result.stderr
    assert target.read_bytes() == b"last year's file"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_atomic_write_replaces_whole_files_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.docx"
    atomic_write(target, b"first")
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["out.docx"]
    with pytest.raises(OutputError):
        atomic_write(target, b"third", inputs=[target])


def test_user_wording_overrides_one_macro_and_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "phrases.j2").write_text(
        "{% macro inline_lead_in(m) -%}现将有关事项通知如下：{%- endmacro %}", encoding="utf-8"
    )
    model = validate_file(EXAMPLES / "dushan-2017.yaml").model
    texts = [p.text for p in outline(model, "notice", RenderOptions(phrases=tmp_path)).paragraphs()]
    assert any(text.endswith("现将有关事项通知如下：") for text in texts)
    assert "一、工作机构" in texts  # from the built-in templates


@pytest.mark.parametrize(
    "escape",
    [
        "{{ m.__class__.__init__.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ m.model.units.append(1) }}",
        "{% include '/etc/passwd' %}",
    ],
)
def test_user_templates_cannot_reach_python_or_the_file_system(tmp_path: Path, escape: str) -> None:
    (tmp_path / "phrases.j2").write_text(
        f"{{% macro inline_lead_in(m) -%}}{escape}{{%- endmacro %}}", encoding="utf-8"
    )
    model = validate_file(EXAMPLES / "dushan-2017.yaml").model
    with pytest.raises(PhraseError):
        outline(model, "notice", RenderOptions(phrases=tmp_path))


def test_missing_wording_folder_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PhraseError, match="模板文件不存在"):
        Phrases(tmp_path)


def test_a_folder_renders_on_every_core_past_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "qingshan-2022.yaml", folder / "a.yaml")
    shutil.copy(CASES / "invalid" / "jm204-member-twice.yaml", folder / "b.yaml")
    shutil.copy(EXAMPLES / "dushan-2017.yaml", folder / "c.yaml")
    out = tmp_path / "out"
    result = _run("render", "notice", str(folder), "-d", str(out), "--jobs", "2")
    assert result.exit_code == 1  # the worst file decides
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.docx")) == [
        "a/青府发〔2022〕8号-通知.docx",
        "c/独府办发〔2017〕20号-通知.docx",
    ]
    assert f"{folder / 'b.yaml'}:19:29: error JM204" in result.stderr
    assert "渲染了 3 个数据文件（成功 2，失败 1），生成 2 个文件" in result.stderr


@pytest.mark.slow  # starts worker processes
def test_render_many_in_one_process_gives_the_same_files(tmp_path: Path) -> None:
    from jmctl.render.batch import render_many

    sources = [EXAMPLES / "fujian-2020.yaml", EXAMPLES / "qingshan-2022.yaml"]
    one = list(render_many(sources, None, RenderOptions(), tmp_path / "one", jobs=1))
    two = list(render_many(sources, None, RenderOptions(), tmp_path / "two", jobs=2, chunk=1))
    files_one = sorted(p.relative_to(tmp_path / "one") for r in one for p in r.written)
    files_two = sorted(p.relative_to(tmp_path / "two") for r in two for p in r.written)
    assert files_one == files_two and len(files_one) == 8  # two of them web pages
    for relative in files_one:
        assert (tmp_path / "one" / relative).read_bytes() == (
            tmp_path / "two" / relative
        ).read_bytes()


def test_an_undated_notice_names_the_other_documents_without_a_year(tmp_path: Path) -> None:
    # An imported notice may lack its date; the default name then has no edition year.
    text = (EXAMPLES / "qingshan-2022.yaml").read_text(encoding="utf-8")
    source = tmp_path / "undated.yaml"
    source.write_text(text.replace("  date: 2022-03-15\n", ""), encoding="utf-8")
    out = tmp_path / "out"
    result = _run("render", "duties", str(source), "-d", str(out))
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["青山镇困难群众救助工作联席会议-职责分工.docx"]
