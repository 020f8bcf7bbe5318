"""Import a document into a data file, as YAML text with a header saying where it came from."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from jmctl.findings import FILE_START, Finding, Mark
from jmctl.importing.blocks import injected_finding, pinyin_finding, texts_by_line
from jmctl.importing.carried import Carried, carried_data
from jmctl.importing.parse import Imported, import_source
from jmctl.importing.sources import read_source
from jmctl.results import FileResult
from jmctl.safety import per_file


@dataclass
class ImportResult(FileResult):
    """What was recognised in one document (nothing is written yet): its data, if any."""

    imported: Imported | None = field(default=None, kw_only=True)
    verbatim: str | None = field(default=None, kw_only=True)  # a jmctl DOCX's data, unedited

    def failed(self, strict: bool = False) -> bool:
        return self.imported is None or self.error is not None

    def yaml_text(self) -> str:
        """Return the data file: a header naming the source, then the data."""
        if self.verbatim is not None:
            return self.verbatim
        assert self.imported is not None
        header = [
            f"# 由 jmctl import 从 {self.source.name} 导入；请核对后使用。",
            f"# Imported by jmctl from {self.source.name}; review before use.",
            "# 编辑器提示：jmctl schema > jmctl-v1.schema.json，再在首行写",
            "# # yaml-language-server: $schema=jmctl-v1.schema.json",
        ]
        for change in self.imported.script_changes:
            said = {
                "script": "繁体转为简体 (converted to simplified)",
                "pinyin": "删去夹在字后的拼音 (pinyin after characters removed)",
                "number": "文号年份括号改为〔〕 (year brackets of a document number made 〔〕)",
            }.get(change.what, "半角标点改为全角 (punctuation made full-width)")
            header.append(
                f"# 第 {change.line} 行{said}: {change.before[:30]} → {change.after[:30]}"
            )
        body = yaml.safe_dump(
            self.imported.data,
            allow_unicode=True,
            sort_keys=False,
            width=4096,
            default_flow_style=False,
        )
        return "\n".join(header) + "\n" + body


@per_file(ImportResult)
def import_file(path: str | os.PathLike[str], to_simplified: bool | None = None) -> ImportResult:
    """Read `path` (any format `read_source` reads) and recognise its parts; never
    raises for its content."""
    path = Path(path)
    source = read_source(path)
    if not source.lines:
        findings = source.findings or [
            Finding(str(path), FILE_START, "JM008", {"detail": "文件是空的 (the file is empty)"})
        ]
        return ImportResult(path, findings)
    carried = carried_data(source) if source.kind == "docx" else Carried()
    if carried.data is not None:
        return ImportResult(
            path, list(source.findings), imported=Imported(carried.data), verbatim=carried.text
        )
    imported = import_source(source, to_simplified)
    findings = list(source.findings)
    if carried.mismatch:  # jmctl made it, but the data it carries is not what it shows
        findings.append(Finding(str(path), FILE_START, "JM627"))
    for number, text in imported.unplaced:
        table = imported.table_rows.get(number)
        if table is not None:
            args = {"table": table, "text": text[:40]}
            findings.append(Finding(str(path), Mark(max(number, 1), 1), "JM611", args))
        else:
            args = {"text": text[:40]}
            findings.append(Finding(str(path), Mark(max(number, 1), 1), "JM608", args))
    for line, code, args in imported.notes:  # what a recogniser said of what it read
        findings.append(Finding(str(path), Mark(max(line, 1), 1), code, args))
    lines = [line for line in source.lines if line.text.strip()]
    texts = texts_by_line(lines)
    findings += [injected_finding(str(path), found, texts) for found in imported.injected]
    pinyin = [change for change in imported.script_changes if change.what == "pinyin"]
    findings += [pinyin_finding(str(path), change) for change in pinyin]
    return ImportResult(path, findings, imported=imported)


@dataclass
class Written(FileResult):
    """What importing one file into a folder gave: its findings and the file written."""

    @property
    def target(self) -> Path | None:
        return self.outputs[0] if self.outputs else None

    def failed(self, strict: bool = False) -> bool:
        """An import fails when it wrote nothing; its findings are for review."""
        return not self.outputs or self.error is not None


def import_into(
    path: Path, out_dir: Path, to_simplified: bool | None = None, name: str | None = None
) -> Written:
    """Import `path` and write OUT_DIR/<name or its stem>.yaml atomically."""
    from jmctl.outputs import OutputError, atomic_write

    result = import_file(path, to_simplified)
    if result.imported is None:
        return Written(path, result.findings, error=result.error)
    target = out_dir / (name or f"{path.stem}.yaml")
    try:
        atomic_write(target, result.yaml_text().encode("utf-8"), inputs=[path])
    except OutputError as error:
        return Written(path, result.findings, error=error.text)
    return Written(path, result.findings, [target])


def import_one(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    out_dir: str | os.PathLike[str] | None = None,
    to_simplified: bool | None = None,
) -> Written:
    """Import `source` to `output`, or into `out_dir` (default: beside it) as <stem>.yaml."""
    source = Path(source)
    output = None if output is None else Path(output)
    out_dir = None if out_dir is None else Path(out_dir)
    if output is not None:
        return import_into(source, output.parent, to_simplified, name=output.name)
    return import_into(source, out_dir or source.parent, to_simplified)
