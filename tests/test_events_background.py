"""A clause in the past progressive (the setting of the news) or with an adverb of frequency (a habit) is
no row: every background.toml example."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from extract import extract_events
from extract import schema as S
from extract.events.rules import RULES_DIR

pytestmark = pytest.mark.slow

EXAMPLES: list[dict[str, Any]] = tomllib.loads((RULES_DIR / "background.toml").read_text())["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_events_background_setting_or_habit_is_no_row(example: dict[str, Any]) -> None:
    events = extract_events(example["text"], published="2005-12-03")
    found = events[events[S.PREDICATE] == example["predicate"]]
    assert (len(found) == 1) == example["row"], events[[S.PREDICATE, S.EVENT, S.RULE]]
