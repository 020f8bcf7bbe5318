"""Reporters: what a command made of its files, as lines for people or one JSON object.

Every command that works on files hands its `FileResult`s, one by one, to a
reporter made once with the language; `finish` then says the summary and returns
the tally the exit code is decided from. The JSON shape is the same for every
command (docs/json.md); the text layout differs only where a command's users
expect it (whether findings go to standard output, what the summary says).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from jmctl.catalogue import Text
from jmctl.findings import Finding
from jmctl.reporting import finding_line, summary_line
from jmctl.results import FileResult, Tally

Write = Callable[[str], None]  # prints one line (the command line's echo)
Summary = Callable[[Tally], Text | None]
Details = Callable[[FileResult], list[str]]

JSON_VERSION = 1  # raised when a key changes meaning or goes; new keys keep it


class Reporter(Protocol):
    def add(self, result: FileResult) -> None: ...

    def finish(self) -> Tally: ...


@dataclass
class TextLayout:
    """Where a command's text goes: `findings_out` puts findings on standard output (the
    checking commands, whose output they are) rather than standard error; `details`
    gives a file's own lines for standard output (fix: each edit); `summary` the
    closing line, to standard error unless `summary_out`."""

    findings_out: bool = False
    details: Details | None = None
    summary: Summary | None = None
    summary_out: bool = False


@dataclass
class TextReporter:
    """Lines for people: each file's findings, error and outputs as it comes, then the
    notes (each once) and the summary, unless `quiet`."""

    lang: str
    out: Write
    err: Write
    layout: TextLayout = field(default_factory=TextLayout)
    strict: bool = False
    quiet: bool = False
    colour: bool = False
    tally: Tally = field(default_factory=Tally)
    notes: list[Text] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        self.tally.add(result, self.strict)
        say_finding = self.out if self.layout.findings_out else self.err
        for finding in result.findings:
            say_finding(finding_line(finding, self.lang, self.colour))
        if result.error is not None:
            self.err(f"jmctl: {result.source}: {result.error.pick(self.lang)}")
        for line in self.layout.details(result) if self.layout.details else []:
            self.out(line)
        if not self.quiet:
            for path in result.outputs:
                self.out(str(path))
        self.notes += [note for note in result.notes if note not in self.notes]

    def finish(self) -> Tally:
        if self.quiet:
            return self.tally
        for note in self.notes:
            self.err(f"jmctl: {note.pick(self.lang)}")
        said = self.layout.summary(self.tally) if self.layout.summary else None
        if said is not None:
            (self.out if self.layout.summary_out else self.err)(said.pick(self.lang))
        return self.tally


@dataclass
class JsonReporter:
    """One JSON object for programs, written when the run is done (docs/json.md)."""

    lang: str
    out: Write
    command: str
    strict: bool = False
    tally: Tally = field(default_factory=Tally)
    files: list[dict[str, object]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        self.tally.add(result, self.strict)
        self.findings += result.findings
        self.files.append(file_json(result, self.lang))

    def finish(self) -> Tally:
        payload = {
            "jmctl_json": JSON_VERSION,
            "command": self.command,
            "files": self.files,
            "summary": self.tally.to_json(),
            # Kept from the first releases of validate and check: every file's findings
            # in one list, and the counts (both also above).
            "findings": [f.to_json(self.lang) for f in sorted(self.findings, key=Finding.sort_key)],
            "counts": self.tally.counts.to_json(),
        }
        self.out(json.dumps(payload, ensure_ascii=False, indent=2))
        return self.tally


def file_json(result: FileResult, lang: str) -> dict[str, object]:
    """Return one file's part of the JSON report."""
    return {
        "path": str(result.source),
        "findings": [finding.to_json(lang) for finding in result.findings],
        "outputs": [str(path) for path in result.outputs],
        "error": None if result.error is None else result.error.pick(lang),
        "notes": [note.pick(lang) for note in result.notes],
        "details": result.details(),
    }


def make_reporter(
    kind: str,
    lang: str,
    out: Write,
    err: Write,
    *,
    command: str,
    layout: TextLayout | None = None,
    strict: bool = False,
    quiet: bool = False,
    colour: bool = False,
) -> Reporter:
    """Return the reporter for `--format`/`--report` `kind` ("text" or "json")."""
    if kind == "json":
        return JsonReporter(lang, out, command, strict)
    return TextReporter(lang, out, err, layout or TextLayout(), strict, quiet, colour)


# The text layout of each command -------------------------------------------------------


def checked_summary(tally: Tally) -> Text:
    """validate and check: how many files, how they fared, how many findings."""
    return Text(summary_line(tally.counts, "zh"), summary_line(tally.counts, "en"))


def rendered_summary(tally: Tally) -> Text | None:
    """render, for more than one data file: how many failed, how many documents written."""
    files, failed = tally.counts.files, tally.nothing_written
    if files < 2:
        return None
    return Text(
        f"渲染了 {files} 个数据文件（成功 {files - failed}，失败 {failed}），"
        f"生成 {tally.outputs} 个文件",
        f"{files} data files, {failed} failed, {tally.outputs} documents written",
    )


CHECKED = TextLayout(findings_out=True, summary=checked_summary, summary_out=True)
RENDERED = TextLayout(summary=rendered_summary)
