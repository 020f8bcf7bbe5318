"""Import an existing document: source lines → blocks → parts → recognisers → a typed
reading → the data file of the contract.

Each stage is its own module: `blocks` normalises the lines, `layout` finds the parts
(版头, title, 主送, body, 署名, annexes, 版记), `sections`, `roster`, `tables`,
`facts` and `duties` recognise one family of patterns each, `result` holds what they
found, and `contract` writes the data file. Every value remembers the line it came
from; text that fits nowhere is kept under `unplaced` with its line, never dropped.
"""

from __future__ import annotations

from jmctl.importing.blocks import blocks_of, injected_symbols
from jmctl.importing.contract import contract
from jmctl.importing.layout import read_document
from jmctl.importing.result import Imported
from jmctl.importing.sources import Source

__all__ = ["Imported", "import_source"]


def import_source(source: Source, to_simple: bool | None = None) -> Imported:
    """Return the data recognised in `source`; `to_simple` forces (True) or forbids
    (False) conversion to simplified characters; None converts a document that has
    traditional characters in it."""
    blocks, changes = blocks_of(source.lines, to_simple)
    reading = read_document(blocks)
    reading.script_changes = changes
    reading.injected = injected_symbols(blocks)
    return contract(reading)
