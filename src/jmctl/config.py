"""An office's defaults in `jmctl.toml`, found in the working folder or above.

    # jmctl.toml
    lang = "zh"
    issuer = "青山县人民政府办公室"
    template = "模板/红头.docx"     # reference DOCX for render --template
    templates = "模板"              # folder with phrases.j2, for render --templates
    renames = "更名表.yaml"         # extra reform renames, for validate/diff/render

Paths are relative to the folder of jmctl.toml. Options given on the command line win.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from jmctl.catalogue import Text
from jmctl.errors import JmctlError

CONFIG_NAME = "jmctl.toml"

# key -> (whether it names a path, the commands and the option it gives a default to)
SETTINGS: dict[str, tuple[bool, tuple[str, ...], str]] = {
    "lang": (False, ("*",), "lang"),
    "issuer": (False, ("init",), "issuer"),
    "template": (True, ("render",), "template"),
    "templates": (True, ("render",), "phrases"),
    "renames": (True, ("validate", "diff"), "renames_file"),
}


class ConfigError(JmctlError):
    """jmctl.toml cannot be used; carries what to say in each language."""

    def __init__(self, text: Text) -> None:
        super().__init__(text)


@dataclass
class Config:
    """The settings in effect from jmctl.toml (empty when there is none)."""

    path: Path | None = None
    values: dict[str, str | Path] = field(default_factory=dict)

    def default_map(self, commands: list[str]) -> dict[str, dict[str, object]]:
        """Return click's default_map: per command, the option defaults this file gives."""
        defaults: dict[str, dict[str, object]] = {}
        for key, value in self.values.items():
            _, targets, option = SETTINGS[key]
            for command in commands if targets == ("*",) else targets:
                defaults.setdefault(command, {})[option] = value
        return defaults


def find_config(start: Path | None = None) -> Path | None:
    """Return the nearest jmctl.toml in `start` (default: the working folder) or above."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None


def load_config(path: str | os.PathLike[str] | None) -> Config:
    """Read jmctl.toml at `path` (None: no file, no settings); raise ConfigError if wrong."""
    if path is None:
        return Config()
    import tomllib  # only when there is a file: every start looks for one

    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(
            Text(f"{path}：无法读取：{error}", f"{path}: cannot read: {error}")
        ) from None
    values: dict[str, str | Path] = {}
    for key, value in raw.items():
        if key not in SETTINGS:
            known = "、".join(SETTINGS)
            raise ConfigError(
                Text(f"{path}：未知的设置“{key}”（可用：{known}）", f"{path}: unknown key '{key}'")
            )
        if not isinstance(value, str):
            raise ConfigError(
                Text(f"{path}：“{key}”应为文字（加引号）", f"{path}: '{key}' must be a string")
            )
        names_path = SETTINGS[key][0]
        values[key] = (path.parent / value) if names_path else value
    if values.get("lang") not in (None, "zh", "en"):
        raise ConfigError(Text(f"{path}：lang 应为 zh 或 en", f"{path}: lang must be zh or en"))
    return Config(path, values)
