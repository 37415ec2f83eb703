"""Rows a reader keeps that the stricter filters dropped (issue 10, recall on unseen news): each rule
family runs the examples of its TOML table, cases that must give no row included."""

from __future__ import annotations

from typing import Any

import pytest

from extract import schema as S
from extract.events.rules import named_subject_rules, plan_examples
from extract.pipeline import extract_events

NAMED_SUBJECT_EXAMPLES = list(named_subject_rules()[1])


@pytest.mark.parametrize(
    "example", NAMED_SUBJECT_EXAMPLES, ids=[str(e["text"])[:50] for e in NAMED_SUBJECT_EXAMPLES]
)
def test_events_recall_named_subject_happening(example: dict[str, Any]) -> None:
    """happenings.toml [named_subjects]: a typed happening told of a noun phrase no actor stands for is a
    row; a state, a habit, a modal, a condition, a pronoun's act or a report is not."""
    events = extract_events(str(example["text"]), "2024-11-16")
    assert events[S.PREDICATE].tolist() == example["rows"]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a state that lasts is a fact of the day, not a detail of the incident told before it
        (
            "A coal mine blast has killed 16 miners. In another accident, 42 workers remained trapped in a shaft.",
            ["kill", "trap"],
        ),
        # a doer-less, undated incident after one is still its detail
        ("An inferno near Mecca killed 217 pilgrims. Another 1,290 people were injured.", ["kill"]),
    ],
)
def test_events_recall_lasting_state_is_no_detail(text: str, rows: list[str]) -> None:
    assert extract_events(text, "2024-11-16")[S.PREDICATE].tolist() == rows


PLAN_EXAMPLES = list(plan_examples())


@pytest.mark.parametrize("example", PLAN_EXAMPLES, ids=[str(e["text"])[:50] for e in PLAN_EXAMPLES])
def test_events_recall_plan_in_the_present(example: dict[str, Any]) -> None:
    """happenings.toml [plans]: "plans to impose" is an announced future, a row; a need, a hope or a habit
    in the simple present is not."""
    events = extract_events(str(example["text"]), "2024-11-16")
    assert events[S.PREDICATE].tolist() == example["rows"]
