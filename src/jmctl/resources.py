"""Where the schema, templates and data files that ship with jmctl are found."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource(*parts: str) -> Path:
    """Return the path of a shipped resource such as ("schemas", "jmctl-v1.schema.json").

    A wheel carries `schemas/` and `templates/` inside the package; a source
    checkout (and an editable install) has them at the top of the repository.
    """
    inside = _PACKAGE.joinpath(*parts)
    if inside.exists():
        return inside
    return _PACKAGE.parents[1].joinpath(*parts)


def data_file(name: str) -> Path:
    """Return the path of a domain data file in `jmctl/data/`."""
    return _PACKAGE / "data" / name
