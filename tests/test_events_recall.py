"""Rows a reader keeps that the stricter filters dropped (issue 10, recall on unseen news): each rule
family runs the examples of its TOML table, cases that must give no row included."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from extract import schema as S
from extract.events.rules import happening_examples, named_subject_rules
from extract.events.statements import STATEMENT_RULE
from extract.pipeline import extract_events

NAMED_SUBJECT_EXAMPLES = list(named_subject_rules()[1])


@pytest.mark.parametrize(
    "example", NAMED_SUBJECT_EXAMPLES, ids=[str(e["text"])[:50] for e in NAMED_SUBJECT_EXAMPLES]
)
def test_events_recall_named_subject_happening(example: dict[str, Any]) -> None:
    """happenings.toml [named_subjects]: a typed happening told of a noun phrase no actor stands for is a
    row; a state, a habit, a modal, a condition, a pronoun's act or a report is not (a one-sentence text is
    a lead: its saying may be a statement, ``statements``, a pass of its own tested apart)."""
    events = extract_events(str(example["text"]), "2024-11-16")
    clause_rows = events[~events[S.RULE].str.startswith(STATEMENT_RULE + ";")]
    assert clause_rows[S.PREDICATE].tolist() == example["rows"]


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


PLAN_EXAMPLES = list(happening_examples("plans"))
LEAD_EXAMPLES = list(happening_examples("lead"))
SCHEDULED_EXAMPLES = list(happening_examples("scheduled"))


@pytest.mark.parametrize("example", PLAN_EXAMPLES, ids=[str(e["text"])[:50] for e in PLAN_EXAMPLES])
def test_events_recall_plan_in_the_present(example: dict[str, Any]) -> None:
    """happenings.toml [plans]: "plans to impose" is an announced future, a row; a need, a hope or a habit
    in the simple present is not."""
    events = extract_events(str(example["text"]), "2024-11-16")
    assert events[S.PREDICATE].tolist() == example["rows"]


@pytest.mark.parametrize(
    ("text", "predicate", "event_type", "rule"),
    [
        # senses.toml: a discovery of victims or of an outbreak is the happening, a verdict a COERCE
        (
            "Fifteen of the 18 miners were found dead on Saturday.",
            "find",
            "DISASTER",
            "sense:found-dead-or-infected",
        ),
        ("The mayor was found guilty of fraud on Monday.", "find", "COERCE", "sense:found-guilty"),
        (
            "Two more people tested positive for the virus on Monday.",
            "test",
            "DISASTER",
            "sense:test-positive",
        ),
        # no check holds: the lexicon's type, no sense
        ("Rescuers found two bodies in the shaft on Monday.", "find", "OTHER", ""),
        ("The army tested a new missile on Monday.", "test", "OTHER", ""),
    ],
)
def test_events_recall_discovery_senses(text: str, predicate: str, event_type: str, rule: str) -> None:
    events = extract_events(text, "2024-11-16")
    found = events[events[S.PREDICATE] == predicate]
    assert found[S.EVENT_TYPE].tolist() == [event_type]
    assert ("sense:" in str(found[S.RULE].iloc[0])) == bool(rule)
    assert rule in str(found[S.RULE].iloc[0])


@pytest.mark.parametrize("example", LEAD_EXAMPLES, ids=[str(e["text"])[:50] for e in LEAD_EXAMPLES])
def test_events_recall_lead_main_clause(example: dict[str, Any]) -> None:
    """happenings.toml [lead]: the lead's main clause told of a noun phrase is a row; a state, a
    progressive, a modal, or the same kind of clause after the lead is not."""
    events = extract_events(str(example["text"]), "2024-11-16")
    assert events[S.PREDICATE].tolist() == example["rows"]


@pytest.mark.parametrize("example", SCHEDULED_EXAMPLES, ids=[str(e["text"])[:50] for e in SCHEDULED_EXAMPLES])
def test_events_recall_expected_to_happen(example: dict[str, Any]) -> None:
    """happenings.toml [scheduled]: "are expected to be sent … next year" is a row of the sending, a
    scheduled future; without a date or doer, or of a state or duration ("to remain", "to last"), none."""
    events = extract_events(str(example["text"]), "2024-11-16")
    assert events[S.PREDICATE].tolist() == example["rows"]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the passive subject of a verb of expectation acts in its xcomp, also through the xcomp's event noun
        (
            "The African Union mission is expected to hold talks with Ugandan officials.",
            [("talk", "African Union mission")],
        ),
        ("Beijing is expected to visit Seoul next week.", [("visit", "China")]),
        # a plain passive keeps its agent as the doer and its subject as who it happened to
        ("The talks were held by the African Union in Kampala on Monday.", [("talk", "African Union")]),
    ],
)
def test_events_recall_expected_subject_acts(text: str, rows: list[tuple[str, str]]) -> None:
    events = extract_events(text, "2024-11-16")
    assert list(zip(events[S.PREDICATE], events[S.SOURCE_ACTOR], strict=True)) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a passive gerund after a temporal preposition happened to the subject of the clause it dates
        (
            "A former US diplomat was charged Friday with possession of forged passports after being acquitted.",
            [("charge", "United States"), ("acquit", "United States")],
        ),
        (
            "Sergei Abramov was admitted to a hospital after being injured in a car accident.",
            [("injure", "Sergei Abramov")],
        ),
        # an active gerund acts with the subject (no passive: no one it happened to), a noun after a
        # preposition is no gerund
        (
            "The Authority arrested 23 leaders on Monday after ordering a roundup.",
            [("arrest", "leaders"), ("order", None)],
        ),
        ("He was admitted to a hospital after the accident.", []),
    ],
)
def test_events_recall_passive_gerund_patient(text: str, rows: list[tuple[str, str | None]]) -> None:
    events = extract_events(text, "2024-11-16")
    targets = [None if str(t) == "<NA>" else str(t) for t in events[S.TARGET_ACTOR]]
    assert list(zip(events[S.PREDICATE], targets, strict=True)) == rows


DESTINATION_EXAMPLES = list(happening_examples("destinations"))


@pytest.mark.parametrize(
    "example", DESTINATION_EXAMPLES, ids=[str(e["text"])[:50] for e in DESTINATION_EXAMPLES]
)
def test_events_recall_destination_is_no_doer(example: dict[str, Any]) -> None:
    """happenings.toml [destinations]: "departed … for Mar del Plata to attend …" names a place to go, the
    traveller acts in the later conjunct; "agreed for Gurkhas to monitor" keeps its own reading."""
    events = extract_events(str(example["text"]), "2024-11-16")
    got = [[str(p), str(s)] for p, s in zip(events[S.PREDICATE], events[S.SOURCE_ACTOR], strict=True)]
    assert got == example["rows"]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a passive conjunct without a subject of its own happened to its first conjunct's subject
        ("He argued the call and was ejected.", [("eject", "He argued the call and was ejected")]),
        (
            "The minister resigned and was replaced by his deputy.",
            [("resign", "The minister resigned"), ("replace", "was replaced by his deputy")],
        ),
        # its own subject: the rule does not apply; an untyped, undated passive stays no row
        ("Ten people were killed and 20 were injured.", [("kill", "Ten people were killed")]),
        ("He argued the call and was cheered.", []),
    ],
)
def test_events_recall_passive_conjunct_shares_its_subject(text: str, rows: list[tuple[str, str]]) -> None:
    """clauses._shared_patient: "argued the call and *was ejected*" is a row about him (types.toml: eject is
    SANCTION); its span takes in the first conjunct when that is no row of its own."""
    events = extract_events(text, "2005-12-10")
    got = [
        (p, text[int(a) : int(b)])
        for p, a, b in zip(events[S.PREDICATE], events[S.CHAR_START], events[S.CHAR_END], strict=True)
    ]
    assert got == rows


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # the passive subject of "expected" acts in an active complement, undergoes a passive one
        ("Rolf Ekeus was expected to arrive in Baghdad on Thursday.", "Rolf Ekeus", None),
        (
            "As many as 2,000 more British troops are expected to be sent to Afghanistan next year.",
            None,
            "more British troops",
        ),
    ],
)
def test_events_recall_expected_subject_acts_or_undergoes(
    text: str, source: str | None, target: str | None
) -> None:
    """clauses._build: "Ekeus was expected *to arrive*" is Ekeus's arrival; "troops are expected *to be
    sent*" happens to the troops ([scheduled] in happenings.toml)."""
    events = extract_events(text, "1997-04-02")
    assert len(events) == 1
    got = [
        None if pd.isna(v) else v for v in (events[S.SOURCE_ACTOR].iloc[0], events[S.TARGET_ACTOR].iloc[0])
    ]
    assert got == [source, target]


def test_events_recall_passive_conjunct_after_a_complement_takes_no_speaker() -> None:
    """clauses._shared_patient: the parser hangs "but had been accused" on "cautioned"; the speaker was not
    accused (the row keeps no patient rather than a wrong one)."""
    text = (
        "Kilpatrick also cautioned that China had already signed up to other covenants, covering the rights "
        "of the child and elimination of discrimination against women and of the use of torture, but had "
        "still been repeatedly accused of abuse."
    )
    events = extract_events(text, "1997-04-08")
    assert "Kilpatrick" not in " ".join(events.loc[events[S.PREDICATE] == "accuse", S.EVENT].tolist())
    assert not (events[S.TARGET_ACTOR] == "Kilpatrick").any()
