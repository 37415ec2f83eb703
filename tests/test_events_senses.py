"""Sense checks read the clause: every senses.toml example gets its type (NONE: no row with it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import schema as S
from extract.events import rules as rules_module
from extract.events import senses as senses_module
from extract.events.senses import NO_EVENT, Sense, senses
from extract.pipeline import extract_events

pytestmark = pytest.mark.slow

EXAMPLES = [(s, ex) for group in senses().values() for s in group for ex in s.examples]


@pytest.mark.parametrize(
    ("sense", "example"), EXAMPLES, ids=[f"{s.id}:{e['text'][:30]}" for s, e in EXAMPLES]
)
def test_events_senses_examples(sense: Sense, example: dict[str, str]) -> None:
    events = extract_events(example["text"], "2024-11-16")
    found = events[events[S.PREDICATE] == example["predicate"]]
    if example["type"] == NO_EVENT:
        assert len(found) == 0, found[[S.PREDICATE, S.EVENT]]
        return
    assert len(found) == 1
    assert found[S.EVENT_TYPE].iloc[0] == example["type"]
    assert f"sense:{sense.id}" in str(found[S.RULE].iloc[0])


@pytest.mark.parametrize(
    ("text", "predicate", "event_type"),
    [  # the lexicon's sense when no check holds
        ("Putin met Erdogan in Ankara on Monday.", "meet", "CONSULT"),
        ("Rebels killed 12 soldiers on Sunday.", "kill", "ASSAULT"),
        ("Soldiers beat the prisoners with sticks on Monday.", "beat", "ASSAULT"),
        ("The army seized the town on Friday.", "seize", "ASSAULT"),
        ("Israeli troops launched a strike on Gaza on Monday.", "strike", "ASSAULT"),
        ("The protesters left the square on Monday.", "leave", "OTHER"),
        ("The minister left Paris angry on Monday.", "leave", "OTHER"),
        ("Oil prices plunged to 58 dollars on Monday.", "plunge", "ECONOMIC"),
        ("The army conceded the town to the rebels on Thursday.", "concede", "RETREAT"),
        ("Police fired tear gas at the crowd on Monday.", "fire", "ASSAULT"),
        ("Putin received the Iranian foreign minister on Monday.", "receive", "CONSULT"),
        ("The EU lifted sanctions on Belarus on Monday.", "lift", "RETREAT"),
        ("The rebels handed over the town to the army on Monday.", "hand over", "RETREAT"),
        ("The rebels handed over their weapons on Monday.", "hand over", "RETREAT"),
        ("The ministry provided food aid to the refugees on Sunday.", "provide", "AID"),
        ("Japan provided food and medicine to the flood victims on Monday.", "provide", "AID"),
        ("The firm paid 3 million dollars in fines on Wednesday.", "pay", "ECONOMIC"),
        ("Thousands rallied in the capital on Friday.", "rally", "PROTEST"),
        ("Police shot two protesters on Friday.", "shoot", "ASSAULT"),
        ("The president told reporters on Monday that the talks had failed.", "fail", "OTHER"),
        (
            "Li told visiting French Defense Minister Charles Millon on Monday that the talks had failed.",
            "fail",
            "OTHER",
        ),
    ],
)
def test_events_senses_plain_lexicon_sense(text: str, predicate: str, event_type: str) -> None:
    events = extract_events(text, "2024-11-16")
    assert events.loc[events[S.PREDICATE] == predicate, S.EVENT_TYPE].tolist() == [event_type]


@pytest.mark.parametrize(
    ("text", "predicate"),
    [  # confirming or reporting something other than cases or deaths stays an attribution: no row
        ("The ministry confirmed the report on Friday.", "confirm"),
        ("The ministry confirmed on Friday that two people died of bird flu.", "confirm"),
        ("Officials reported on Tuesday that the outbreak was under control.", "report"),
    ],
)
def test_events_senses_reporting_without_cases_is_no_row(text: str, predicate: str) -> None:
    """No typed row of the sense; a dated saying of a state may be its speaker's statement (``statements``)."""
    events = extract_events(text, "2024-11-16")
    typed = events[events[S.EVENT_TYPE] != "STATEMENT"]
    assert predicate not in typed[S.PREDICATE].tolist()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '[[senses]]\nid = "x"\nlemma = "meet"\ntype = "OTHER"\nexamples = [{text="a", predicate="meet", type="OTHER"}]\n',
            "exactly one test field",
        ),
        (
            '[[senses]]\nid = "x"\nlemma = "meet"\nobject_in = ["goal"]\ntype = "MEETING"\nexamples = [{text="a"}]\n',
            "field 'type'",
        ),
        (
            '[[senses]]\nid = "x"\nlemma = "meet"\nobject_in = "goal"\ntype = "OTHER"\nexamples = [{text="a"}]\n',
            "field 'object_in'",
        ),
        ('[[senses]]\nid = "x"\nlemma = "meet"\nobject_in = ["goal"]\ntype = "OTHER"\n', "field 'examples'"),
    ],
)
def test_events_senses_malformed_rule_fails_naming_file_rule_and_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, message: str
) -> None:
    (tmp_path / "senses.toml").write_text(body, encoding="utf-8")
    monkeypatch.setattr(rules_module, "RULES_DIR", tmp_path)
    senses_module.senses.cache_clear()
    try:
        with pytest.raises(ValueError, match=message) as info:
            senses_module.senses()
        assert "senses.toml" in str(info.value) and "(x)" in str(info.value)
    finally:
        senses_module.senses.cache_clear()
