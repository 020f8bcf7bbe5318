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

from jmctl.catalogue import Text
from jmctl.errors import JmctlError
from jmctl.resources import data_file

OFFICE_PACKAGE = "libreoffice-writer-nogui"
CONVERT_TIMEOUT = 300  # seconds for one batch


class PdfError(JmctlError):
    """LibreOffice is missing or a conversion failed."""


@dataclass(frozen=True)
class Substitution:
    """A Word font name and the free family used for it (None when it is installed)."""

    name: str
    family: str | None
    bold: bool = False

    def note(self) -> Text:
        """Say the substitution to the user, in both languages."""
        said = f"{self.name} → {self.family}"
        return Text(
            f"字体替换: {said}{'（加粗）' if self.bold else ''}",
            f"font substituted: {said}{' (bold)' if self.bold else ''}",
        )


@dataclass(frozen=True)
class StandIns:
    """font-substitutes.yaml: extra font folders, and each Word name's candidate families."""

    directories: tuple[str, ...]
    families: dict[str, tuple[str, ...]]
    bold: frozenset[str]


@cache
def _stand_ins() -> StandIns:
    raw = yaml.safe_load(data_file("font-substitutes.yaml").read_text("utf-8"))
    entries = raw["substitutes"]
    return StandIns(
        tuple(str(folder) for folder in raw.get("directories") or ()),
        {str(name): tuple(map(str, entry["family"])) for name, entry in entries.items()},
        frozenset(str(name) for name, entry in entries.items() if entry.get("bold")),
    )


def font_directories() -> list[str]:
    """Return the extra font folders that exist on this machine."""
    return [folder for folder in _stand_ins().directories if Path(folder).is_dir()]


def font_plan(names: Sequence[str] | None = None) -> list[Substitution]:
    """Return, for each official font name (default: all jmctl knows), its stand-in if any:
    the first of its listed families that is installed."""
    stand_ins, families = _stand_ins(), installed_families()
    plan = []
    for name, candidates in stand_ins.families.items():
        if names is not None and name not in names:
            continue
        if name in families:
            plan.append(Substitution(name, None))
            continue
        family = next((c for c in candidates if c in families), candidates[-1])
        plan.append(Substitution(name, family, name in stand_ins.bold))
    return plan


@cache
def installed_families() -> frozenset[str]:
    """Return every font family fontconfig knows here, the extra folders included."""
    if shutil.which("fc-list") is None:
        return frozenset()
    with tempfile.TemporaryDirectory(prefix="jmctl-fonts-") as scratch:
        config = Path(scratch) / "fonts.conf"
        config.write_text(fontconfig_text([]), "utf-8")
        listing = subprocess.run(
            ["fc-list", ":", "family"],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "FONTCONFIG_FILE": str(config)},
        ).stdout
    return frozenset(
        name.strip() for line in listing.splitlines() for name in line.split(",") if name.strip()
    )


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
        *(f"  <dir>{escape(folder)}</dir>" for folder in font_directories()),
        # LibreOffice runs with a scratch HOME: keep the scan of those folders in the
        # user's own cache, or every conversion rescans them.
        f"  <cachedir>{escape(str(_cache_folder()))}</cachedir>",
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


# LibreOffice settings for every conversion: load no linked picture or document from
# outside the file (BlockUntrustedRefererLinks: documents are not in a trusted
# location), never update links (Writer's Update/Link 0), run no macro (level 3).
_SAFE_SETTINGS = (
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "0"),
)


def write_safe_profile(profile: Path) -> None:
    """Seed a fresh LibreOffice profile with the settings above."""
    items = "".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>"
        for path, name, value in _SAFE_SETTINGS
    )
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{items}</oor:items>\n",
        "utf-8",
    )


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "jmctl-fontconfig"


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
        write_safe_profile(Path(scratch) / "profile")
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
