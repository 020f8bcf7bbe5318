"""Word tables: a task-division table (序号 | 工作任务 | …), a roster typed as a table
(read exactly like the same roster typed as lines), or a table kept as it is."""

from __future__ import annotations

import re
from itertools import groupby

from jmctl.genre import without_padding
from jmctl.importing.blocks import Block
from jmctl.importing.duties import split_items, unit_like
from jmctl.importing.result import DutyFound, Reading
from jmctl.importing.roster import read_roster

TASK_HEADER = re.compile(r"^序号\s*\|\s*工作任务")


def task_tables(blocks: list[Block]) -> set[int]:
    """Return the numbers of the task-division tables among `blocks` (by their header)."""
    return {
        block.table
        for block in blocks
        if block.is_row and TASK_HEADER.match(without_padding(block.text))
    }


def duty_tables(blocks: list[Block]) -> set[int]:
    """Return the numbers of the 单位 | 职责 tables among `blocks`."""
    rows = [block for block in blocks if block.is_row]
    return {
        number
        for number, table in groupby(rows, key=lambda row: row.table)
        if _duties_table(list(table))
    }


def read_tables(rows: list[Block], reading: Reading) -> set[int]:
    """Read every table among `rows`; return the numbers of the rows placed. Rows of a
    table that was not understood are kept in `unplaced`, each as its row."""
    used: set[int] = set()
    for _, grouped in groupby(rows, key=lambda row: row.table):
        table = list(grouped)
        if TASK_HEADER.match(without_padding(table[0].text)):
            used |= _tasks(table, reading)
            continue
        if _duties_table(table):
            used |= _duties(table, reading)
            continue
        roster = read_roster(table)
        reading.people += roster.people
        reading.role_bodies += [label.body for label in roster.labels]
        reading.members += roster.members
        used |= roster.used
        for row in table:
            if row.index not in roster.used:
                reading.keep(row.number, row.text, row.table)
                used.add(row.index)
    return used


def _duties_table(rows: list[Block]) -> bool:
    """单位 | 职责: most rows a unit's name, then a long text."""
    fitting = [
        row
        for row in rows
        if len(row.cells) >= 2 and unit_like(row.cells[-2]) and len(row.cells[-1]) > 10
    ]
    return len(fitting) * 2 > len(rows) and len(fitting) >= 2


def _duties(rows: list[Block], reading: Reading) -> set[int]:
    used = set()
    for row in rows:
        used.add(row.index)
        cells = [without_padding(cell) for cell in row.cells]
        if len(cells) >= 2 and unit_like(cells[-2]) and len(cells[-1]) > 10:
            items = [text for _, text in split_items(cells[-1])]
            reading.duties.append(DutyFound(cells[-2].rstrip("：:"), items, row.number))
        elif not all(len(cell) <= 8 for cell in cells):  # 单位 | 职责: the header row
            reading.keep(row.number, row.text, row.table)
    return used


def _tasks(rows: list[Block], reading: Reading) -> set[int]:
    used = {rows[0].index}
    for row in rows[1:]:
        used.add(row.index)
        cells = [without_padding(cell) for cell in (row.cells or tuple(row.text.split(" | ")))]
        if len(cells) != 5:
            reading.keep(row.number, row.text)
            continue
        units = [re.sub(r"（牵头）$", "", unit) for unit in cells[3].split("、") if unit]
        task = {"task": cells[1], "measures": cells[2], "units": units, "deadline": cells[4]}
        reading.tasks.append({key: value for key, value in task.items() if value})
        reading.task_lines.append(row.number)
    return used
