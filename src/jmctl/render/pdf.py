"""DOCX → PDF through LibreOffice, with free fonts standing in for missing official ones."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

from jmctl.resources import data_file

OFFICE_PACKAGE = "libreoffice-writer-nogui"
CONVERT_TIMEOUT = 300  # seconds for one batch


class PdfError(Exception):
    """LibreOffice is missing or a conversion failed."""


@dataclass(frozen=True)
class Substitution:
    """A Word font name and the free family used for it (None when it is installed)."""

    name: str
    family: str | None
    bold: bool = False

    def describe(self) -> str:
        weight = "（加粗）" if self.bold else ""
        return f"{self.name} → {self.family}{weight}"


@cache
def _substitutes() -> dict[str, dict[str, object]]:
    return yaml.safe_load(data_file("font-substitutes.yaml").read_text("utf-8"))


def font_plan(names: Sequence[str] | None = None) -> list[Substitution]:
    """Return, for each official font name (default: all jmctl knows), its stand-in if any."""
    plan = []
    for name, entry in _substitutes().items():
        if names is not None and name not in names:
            continue
        installed = _installed(name)
        family = None if installed else str(entry["family"])
        plan.append(Substitution(name, family, bool(entry.get("bold")) and not installed))
    return plan


def _installed(family: str) -> bool:
    """Return whether a font of exactly this family is installed (not just a fallback)."""
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(
        ["fc-list", f":family={family}", "family"], capture_output=True, text=True, check=False
    ).stdout
    return bool(found.strip())


def fontconfig_text(plan: Sequence[Substitution]) -> str:
    """Return a fontconfig file that keeps the system setup and maps each missing name.

    One <match> per name: several names in one test do not match, and FONTCONFIG_FILE
    replaces the system file, so that is included first.
    """
    lines = [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        "<fontconfig>",
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ]
    for item in plan:
        if item.family is None:
            continue
        lines += [
            '  <match target="pattern">',
            f'    <test qual="any" name="family"><string>{escape(item.name)}</string></test>',
            '    <edit name="family" mode="assign" binding="strong">'
            f"<string>{escape(item.family)}</string></edit>",
        ]
        if item.bold:
            lines.append(
                '    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>'
            )
        lines.append("  </match>")
    lines.append("</fontconfig>")
    return "\n".join(lines) + "\n"


def office_command() -> str:
    """Return the LibreOffice executable, or raise PdfError naming the package to install."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise PdfError(
        f"没有找到 LibreOffice，无法生成 PDF；请安装：apt-get install {OFFICE_PACKAGE}"
        f" (LibreOffice not found: install {OFFICE_PACKAGE})"
    )


def convert(
    documents: Sequence[Path],
    out_dir: Path,
    plan: Sequence[Substitution] | None = None,
    *,
    to: str = "pdf",
    timeout: int = CONVERT_TIMEOUT,
) -> list[Path]:
    """Convert documents to PDFs (or to the format `to` names, e.g. "docx" when import
    reads a .doc) in `out_dir` with one LibreOffice process; return the files made.

    Each call has its own LibreOffice profile: two conversions sharing one make the
    second fail without a PDF.
    """
    office = office_command()
    with tempfile.TemporaryDirectory(prefix="jmctl-office-") as scratch:
        config = Path(scratch) / "fonts.conf"
        config.write_text(fontconfig_text(font_plan() if plan is None else plan), "utf-8")
        environment = {**os.environ, "FONTCONFIG_FILE": str(config), "HOME": scratch}
        command = [
            office,
            f"-env:UserInstallation=file://{scratch}/profile",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            str(out_dir),
            *map(str, documents),
        ]
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                text=True,
                env=environment,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise PdfError(f"LibreOffice 超时 (timed out after {timeout} s)") from error
    pdfs = [out_dir / f"{document.stem}.{to.split(':')[0]}" for document in documents]
    missing = [pdf for pdf in pdfs if not pdf.is_file()]
    if missing:
        detail = (result.stderr or result.stdout).strip()[-500:]
        raise PdfError(f"LibreOffice 没有生成 {missing[0].name} (conversion failed): {detail}")
    return pdfs
