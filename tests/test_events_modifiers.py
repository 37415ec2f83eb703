"""A relation verb's participle that describes a noun is no row: every modifiers.toml example."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from extract import extract_events
from extract import schema as S
from extract.events.rules import RULES_DIR

pytestmark = pytest.mark.slow

EXAMPLES: list[dict[str, Any]] = tomllib.loads((RULES_DIR / "modifiers.toml").read_text())["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_events_modifiers_relation_participle_is_no_row(example: dict[str, Any]) -> None:
    events = extract_events(example["text"], published="2006-12-17")
    found = events[events[S.PREDICATE] == example["predicate"]]
    assert (len(found) == 1) == example["row"], events[[S.PREDICATE, S.EVENT, S.RULE]]
