"""Copy what ships with jmctl into the user's folder: example data files and the templates.

An installed jmctl carries `examples/` and `templates/` inside the package (see
pyproject's force-include); a checkout has them at the top of the repository.
Nothing is ever overwritten: the user's own edits are worth more than a fresh copy.
"""

from __future__ import annotations

import os
from pathlib import Path

from jmctl.outputs import OutputError, atomic_write
from jmctl.resources import data_file, resource

TEMPLATE_FILES = ("phrases.j2", "reference.docx")
PAGE_TEMPLATE = "page.html.j2"  # render/web_template.py reads it back under this name
_SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/jmctl-v1.schema.json"
_EXAMPLE_HEADER = (
    "# 由 jmctl example 写出的示例数据文件；可直接修改为本地区的内容，"
    "改完后运行 jmctl validate 核对。\n"
    "# An example data file written by jmctl example.\n"
)


def example_names() -> list[str]:
    """Return the names of the shipped examples ("dushan-2017", …)."""
    return sorted(path.stem for path in resource("examples").glob("*.yaml"))


def example_text(name: str) -> str:
    """Return the text of example `name`, its editor line pointing nowhere removed."""
    if name not in example_names():
        raise KeyError(name)
    text = resource("examples", f"{name}.yaml").read_text(encoding="utf-8")
    if text.startswith(_SCHEMA_LINE):
        text = text[len(_SCHEMA_LINE) :].lstrip("\n")
    return _EXAMPLE_HEADER + text


def write_new(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to a new file `path`; refuse (OutputError) if it exists."""
    target = Path(path)
    if target.exists():
        raise OutputError(f"{target}：文件已存在，不会覆盖 (already exists, not overwritten)")
    atomic_write(target, data)
    return target


def write_example(name: str, target: str | os.PathLike[str] | None = None) -> Path:
    """Write example `name` to `target` (default: NAME.yaml in the working folder)."""
    return write_new(target or f"{name}.yaml", example_text(name).encode("utf-8"))


def export_templates(folder: str | os.PathLike[str]) -> list[Path]:
    """Copy the wording template, the reference DOCX and the web page's template into
    `folder` to be edited.

    Refuses before writing anything if any of the files is already there.
    """
    sources = [resource("templates", name) for name in TEMPLATE_FILES]
    sources.append(data_file("web") / PAGE_TEMPLATE)  # kept with the package's data
    targets = [Path(folder) / source.name for source in sources]
    existing = [target for target in targets if target.exists()]
    if existing:
        raise OutputError(f"{existing[0]}：文件已存在，不会覆盖 (already exists, not overwritten)")
    pairs = zip(targets, sources, strict=True)
    return [write_new(target, source.read_bytes()) for target, source in pairs]
