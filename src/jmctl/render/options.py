"""The options of one render: what a caller asks of every document it writes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jmctl.render.phrases import PHRASES


@dataclass(frozen=True)
class RenderOptions:
    output_format: str = "docx"
    template: Path | None = None
    phrases: Path | None = None
    roster_table: bool = False
    embed_data: bool = True  # carry the whole data file (comments too) inside the DOCX
    session: str | None = None  # which meeting a session document is of (None: the latest)

    def __post_init__(self) -> None:
        # Paths may come as text from library callers.
        for name in ("template", "phrases"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, Path):
                object.__setattr__(self, name, Path(value))

    def inputs(self) -> list[Path]:
        """The files besides the data that a render reads: never to be written over."""
        files = [self.template] if self.template is not None else []
        if self.phrases is not None:
            files.append(self.phrases / PHRASES)
        return files
