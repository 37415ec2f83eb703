"""Definite descriptions as the actor named before them: the examples of rules/events/definite.toml."""

from __future__ import annotations

from typing import Any

import pytest

from extract import schema as S
from extract.events.definite import definite_rules
from extract.pipeline import extract_events

EXAMPLES = definite_rules().examples


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][-50:] for e in EXAMPLES])
def test_events_definite_toml_examples(example: dict[str, Any]) -> None:
    events = extract_events(example["text"], "1997-04-01")
    found = events[events[S.PREDICATE] == example["predicate"]]
    assert len(found), f"no {example['predicate']!r} row in {events[S.PREDICATE].tolist()}"
    assert str(found.iloc[-1][S.SOURCE_ACTOR]) == example["source"]  # "<NA>": no source
    if "target" in example:
        assert str(found.iloc[-1][S.TARGET_ACTOR]) == (example["target"] or "<NA>")


def test_events_definite_rules_fail_loudly_on_a_malformed_kind(tmp_path: Any, monkeypatch: Any) -> None:
    from extract.events import definite, rules

    (tmp_path / definite.FILE).write_text(
        "title_heads = []\ntitle_fillers = []\ngroup_determiners = []\nexamples = []\n"
        '[[kinds]]\nnouns = ["country"]\nkinds = ["country"]\nby_name = "yes"\n'
    )
    monkeypatch.setattr(rules, "RULES_DIR", tmp_path)
    definite.definite_rules.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"definite.toml: kinds\[0\].by_name"):
            definite.definite_rules()
    finally:
        definite.definite_rules.cache_clear()
