"""Source and target actors from the parse, on simple, passive and reported clauses."""

from __future__ import annotations

import pytest

from extract import schema as S
from extract.events_rules import role_examples
from extract.pipeline import extract_events


def _event(text: str, predicate: str) -> dict[str, object]:
    events = extract_events(text, "2024-11-16")
    found = events[events[S.PREDICATE] == predicate]
    assert len(found), f"no event {predicate!r} in {events[S.PREDICATE].tolist()}"
    return dict(found.iloc[0])


@pytest.mark.parametrize(
    ("text", "predicate", "source", "target"),
    [
        ("Russia attacked Ukraine on Monday.", "attack", "Russia", "Ukraine"),
        ("Ukraine was attacked by Russia on Monday.", "attack", "Russia", "Ukraine"),
        ("Germany sent weapons to Ukraine.", "send", "Germany", "Ukraine"),
        ("Japan agreed with Australia on a new pact.", "agree", "Japan", "Australia"),
        ("Iran accused Israel of attacking its consulate.", "accuse", "Iran", "Israel"),
        ("Prices rose in France.", None, None, None),
        ("Russia's top negotiator, Ivan Rybkin, criticised Anatoly Kulikov.", "criticise", "Rybkin", "Kulikov"),
    ],
)
def test_events_roles_simple(text: str, predicate: str | None, source: str | None, target: str | None) -> None:
    events = extract_events(text, "2024-11-16")
    if predicate is None:
        assert len(events) == 0
        return
    row = _event(text, predicate)
    assert source is not None and source in str(row[S.SOURCE_ACTOR])
    assert target is not None and target in str(row[S.TARGET_ACTOR])


def test_events_roles_reported_keeps_statement_and_embedded_event() -> None:
    text = "Germany said Russia attacked Ukraine."
    statement = _event(text, "say")
    embedded = _event(text, "attack")
    assert statement[S.EVENT_TYPE] == "STATEMENT"
    assert "Germany" in str(statement[S.SOURCE_ACTOR])
    assert not statement[S.REPORTED]
    assert embedded[S.EVENT_TYPE] == "ASSAULT"
    assert "Russia" in str(embedded[S.SOURCE_ACTOR]) and "Ukraine" in str(embedded[S.TARGET_ACTOR])
    assert embedded[S.REPORTED]


def test_events_roles_xcomp_stays_in_request() -> None:
    row = _event("France asked Germany to help stop the war.", "ask")
    assert row[S.EVENT_TYPE] == "REQUEST"
    assert "France" in str(row[S.SOURCE_ACTOR]) and "Germany" in str(row[S.TARGET_ACTOR])
    assert str(row[S.EVENT]).startswith("France asked Germany to help stop the war")


@pytest.mark.parametrize("example", role_examples(), ids=[e["text"][:40] for e in role_examples()])
def test_events_roles_toml_examples(example: dict[str, str]) -> None:
    events = extract_events(example["text"], "1997-04-01")
    if not example["predicate"]:
        assert len(events) == 0
        return
    row = _event(example["text"], example["predicate"])
    assert row[S.SOURCE_ACTOR] == example["source"]
    if "target" in example:
        assert row[S.TARGET_ACTOR] == example["target"]
