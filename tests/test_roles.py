"""The roster's roles have one registry, data/roles.yaml: the model's roles, the
schema's roster, the importer's labels and the printed labels all come from it or are
checked against it."""

from __future__ import annotations

import json

from jmctl.domain import LEAD_ROLE_KEYS, ROLE_KEYS, role_labels, role_registry
from jmctl.importing.words import role_labels as import_labels
from jmctl.model import CONVENOR_ROLES, ROLES
from jmctl.schema import schema_text


def test_the_roles_are_the_registry_s_in_its_order() -> None:
    assert ROLES == ROLE_KEYS == tuple(role_labels())
    assert ROLES[0] == "chief_convenors" and ROLES[-1] == "members"
    assert CONVENOR_ROLES == LEAD_ROLE_KEYS == ROLES[:-1]  # 成员 is the one that does not lead


def test_the_schema_s_roster_has_every_role_under_its_label() -> None:
    # The schema is published for editors, so it is written out; it must agree.
    roster = json.loads(schema_text())["properties"]["roster"]["properties"]
    assert tuple(roster) == ROLE_KEYS
    for key, entry in roster.items():
        assert entry["title"] == role_registry()[key]["zh"], key


def test_the_importer_reads_every_label_the_registry_gives() -> None:
    read = import_labels()
    for body in role_registry()["bodies"].values():
        for role, label in body["labels"].items():
            assert read[label].role == role, label
        for label, role in body.get("also", {}).items():
            assert read[label].role == role, label
    for key in ROLE_KEYS:
        assert read[role_registry()[key]["zh"]].role == key
