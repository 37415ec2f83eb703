"""Which clauses are rows: agentless passives, states reached, one row per casualty report, and the
untyped clauses a reader would not keep (possibilities, states, conditions)."""

from __future__ import annotations

from typing import Any

import pytest

from extract import schema as S
from extract.events.happenings import toll_rules
from extract.events.nominals import nominal_rules
from extract.events.rules import happening_rules
from extract.pipeline import extract_events


def _rows(text: str) -> list[tuple[str, str | None, str | None]]:
    """(predicate, source, target) of every row of ``text`` (published 2024-11-16)."""
    events = extract_events(text, "2024-11-16")
    return [
        (
            str(r[S.PREDICATE]),
            None if r[S.SOURCE_ACTOR] is None or str(r[S.SOURCE_ACTOR]) == "<NA>" else str(r[S.SOURCE_ACTOR]),
            None if str(r[S.TARGET_ACTOR]) == "<NA>" else str(r[S.TARGET_ACTOR]),
        )
        for _, r in events.iterrows()
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a typed happening in the passive with no doer and no date is news: who it happened to is named
        ("Two defendants were cleared of all charges.", [("clear", None, None)]),
        ("Five protesters were jailed for ten years.", [("jail", None, "protesters")]),
        ("Sharma said 111 ex-Gurkhas would be recruited.", [("recruit", None, "Gurkhas")]),
        # a state reached, typed by its participle: the subject is who it happened to
        ("In another accident, 42 workers remained trapped in a flooded shaft.", [("trap", None, "workers")]),
        # not a modal, a condition, or an untyped passive
        ("He should be refused a White House visit.", []),
        ("If he is arrested, the rebels will attack the town on Monday.", [("attack", "rebels", None)]),
        ("The 24 students were seen near the campus.", []),
    ],
)
def test_events_rows_agentless_passive(text: str, rows: list[tuple[str, str | None, str | None]]) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the casualties of one attack are one row with the attack's doer and date
        (
            "Four militants were killed and five others wounded on Thursday night in two airstrikes "
            "carried out by Israeli army aircraft.",
            [("kill", "Israeli army aircraft", "militants")],
        ),
        ("Three soldiers were wounded in an Israeli raid on Monday.", [("wound", "Israel", "soldiers")]),
        # acts with doers of their own stay rows of their own
        (
            "Police arrested 19 people on Friday and charged three of them.",
            [("arrest", "Police", "people"), ("charge", "Police", None)],
        ),
    ],
)
def test_events_rows_one_row_per_casualty_report(
    text: str, rows: list[tuple[str, str | None, str | None]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "predicates"),
    [
        ("Teachers earn an average of 300 dollars a month.", []),
        ("The PA faces a budget deficit.", []),
        ("All the parties involved could pool their wisdom.", []),
        ("\u201cToday we pray for those who lost their lives,\u201d Sam Rainsy said.", []),
        ("McCurry declined to comment on whether the president would meet with Tung.", []),
        # with a date of their own, or in the past, such clauses stay
        ("The teachers returned to work on Wednesday.", ["return"]),
        ("Beijing added South Korea to its list.", ["add"]),
    ],
)
def test_events_rows_untyped_clauses_a_reader_skips(text: str, predicates: list[str]) -> None:
    assert [p for p, _, _ in _rows(text)] == predicates


@pytest.mark.parametrize(
    ("text", "predicate", "span"),
    [
        # a "for X to Y" complement is part of its verb's row, not a row of its own
        (
            "Nepal's government and Maoist rebels agreed on Thursday for former soldiers to monitor a ceasefire.",
            "agree",
            "Nepal's government and Maoist rebels agreed on Thursday for former soldiers to monitor a ceasefire",
        ),
        # a subject shared with a first conjunct that is no row belongs to the span
        (
            "Hamas, bent on Israel's destruction, formed a government in late March.",
            "form",
            "Hamas, bent on Israel's destruction, formed a government in late March",
        ),
        # but not one shared with a first conjunct that is a row
        ("Police arrested 19 people on Friday and charged three of them.", "charge", "charged three of them"),
    ],
)
def test_events_rows_span(text: str, predicate: str, span: str) -> None:
    events = extract_events(text, "2024-11-16")
    assert events[S.PREDICATE].tolist().count("monitor") == 0
    row = events[events[S.PREDICATE] == predicate].iloc[0]
    assert text[int(row[S.CHAR_START]) : int(row[S.CHAR_END])] == span


@pytest.mark.parametrize(
    ("text", "predicates"),
    [
        # a modal of possibility or advice without a date of its own is no happening
        ("The chief negotiators might also attend the talks.", []),
        ("Police could arrest the protesters.", []),
        # with a date of its own, or "would" after a verb of saying (a future), it is a row
        ("The chief negotiators might attend the talks on Monday.", ["attend"]),
        ("Chaowalit said ASEAN would discuss the issue.", ["discuss"]),
        # an untyped "would" after a verb of saying is a future too, even for a phase verb
        ("Beckett said British troops would continue to stay in Iraq.", ["continue"]),
        ("British troops would continue to stay in Iraq.", []),
        ("The crowd began to disperse.", []),
    ],
)
def test_events_rows_modal_without_a_date(text: str, predicates: list[str]) -> None:
    assert [p for p, _, _ in _rows(text)] == predicates


HAPPENING_EXAMPLES = list(happening_rules()[1])


@pytest.mark.parametrize("example", HAPPENING_EXAMPLES, ids=[str(e["text"])[:50] for e in HAPPENING_EXAMPLES])
def test_events_rows_one_happening_one_row(example: dict[str, Any]) -> None:
    """happenings.toml: a doer-less, undated detail of an earlier row (same predicate, or an incident
    after an incident) is no row; a clause with a date or a doer of its own stays one."""
    events = extract_events(str(example["text"]), "2024-11-16")
    assert events[S.PREDICATE].tolist() == example["rows"]


@pytest.mark.parametrize(
    ("text", "predicate", "time_text"),
    [
        # a purpose or result without a subject is part of its governor's happening, and dates it
        ("Mansell edged out Fittipaldi to win the Grand Prix on Sunday.", "win", "Sunday"),
        ("Sarkozy went to Clichy on Tuesday to discuss the unrest.", "discuss", "Tuesday"),
    ],
)
def test_events_rows_purpose_is_part_of_its_governor(text: str, predicate: str, time_text: str) -> None:
    events = extract_events(text, "2024-11-16")
    assert events[S.PREDICATE].tolist() == [predicate]
    assert events[S.TIME_TEXT].tolist() == [time_text]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # "now", "currently", "current" date a happening but make no possibility, state or quotation news
        ("The leaders can make the necessary adjustments now.", []),
        ("Their trade relations currently register an annual volume of 400 million dollars.", []),
        ("Bank of Ayudhya's rating has now been removed from CreditWatch.", ["remove"]),
    ],
)
def test_events_rows_vague_present_is_no_licence(text: str, rows: list[str]) -> None:
    assert extract_events(text, "1997-04-16")[S.PREDICATE].tolist() == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # an attempt or phase of no typed act is a row only with a date of its own
        ("The crowd began to disperse.", []),
        ("Tshisekedi kept coming.", []),
        ("Hun Sen began celebrations for his birthday on Wednesday.", ["begin"]),
        ("Police began to arrest the protesters.", ["arrest"]),
    ],
)
def test_events_rows_undated_phase_is_no_row(text: str, rows: list[str]) -> None:
    assert extract_events(text, "1997-04-02")[S.PREDICATE].tolist() == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # an occasion (occasion_nouns in light_verbs.toml) held in the passive is a happening of its own
        ("Funerals for five of the victims were held in the Wat Langka temple.", ["funeral"]),
        ("The decision for the intervention was made at the summit.", ["decision"]),
        ("The money was taken from the bank.", []),
        ("No decision had yet been taken on the release of the loan.", []),
        ("The talks will go on until a decision is made.", []),
    ],
)
def test_events_rows_occasion_held(text: str, rows: list[str]) -> None:
    assert extract_events(text, "1997-04-02")[S.PREDICATE].tolist() == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # an act asked for, recommended or allowed is no happening: a subjunctive, or a to-infinitive that
        # is the content of a noun ("calls for X to …", "an application for X to …")
        ("Police recommended that Netanyahu be indicted for fraud.", ["recommend"]),
        ("The rebels demanded that the president resign.", ["demand"]),
        ("The United States has led calls for the ailing Mobutu to give way to democratic rule.", ["lead"]),
        ("Stuchiner's application for the court to pay legal costs was rejected.", ["reject"]),
        # the content of a wish with a subject of its own, and a present state borrows no past conjunct's date
        (
            "Palestinians want the truce to be extended and on Sunday, the Brigades gave Israel two weeks.",
            ["give"],
        ),
        ("Biden wants Xi to visit Washington on Friday.", ["visit"]),
        # a later conjunct shares the first one's modal: "should overcome … and resist" is no happening;
        # the saying is the row, a call by Kadhafi (senses.toml "say-must")
        ("Kadhafi said Arabs should overcome their differences and resist attempts to divide them.", ["say"]),
        # what happened stays a row: an indicative "that" clause, a for-to complement of a verb
        ("Police said that the man was arrested.", ["arrest"]),
        (
            "Nepal's government and Maoist rebels have agreed for former Gurkha soldiers to monitor the arms.",
            ["agree"],
        ),
        (
            "The rebels demanded on Monday that the president resign, and troops attacked the town.",
            ["demand", "attack"],
        ),
    ],
)
def test_events_rows_unrealised_act_is_no_row(text: str, rows: list[str]) -> None:
    assert extract_events(text, "1997-04-18")[S.PREDICATE].tolist() == rows


TOLL_EXAMPLES = list(toll_rules().examples)


@pytest.mark.parametrize("example", TOLL_EXAMPLES, ids=[str(e["text"])[:50] for e in TOLL_EXAMPLES])
def test_events_rows_toll_is_a_fact_of_its_own(example: dict[str, Any]) -> None:
    """happenings.toml [tolls]: a changing casualty toll is a row without doer or date of its own, and a
    cue inside its subject dates the incident, not the count; other counts that rise are no rows."""
    events = extract_events(str(example["text"]), "2024-11-16")
    assert events[S.PREDICATE].tolist() == example["rows"]
    times = ["" if t is None or str(t) in ("<NA>", "nan", "None") else str(t) for t in events[S.TIME_TEXT]]
    assert times == example["times"]


NOMINAL_EXAMPLES = list(nominal_rules().examples)


@pytest.mark.parametrize("example", NOMINAL_EXAMPLES, ids=[str(e["text"])[:50] for e in NOMINAL_EXAMPLES])
def test_events_rows_dated_event_noun(example: dict[str, Any]) -> None:
    """happenings.toml [nominals]: an event noun with a date of its own that no clause row took is a row;
    a noun where the clause happens, an incident's incident, a repeat of the same day or an excluded
    noun is none."""
    assert extract_events(str(example["text"]), "1997-04-18")[S.PREDICATE].tolist() == example["rows"]


def test_events_rows_dated_event_noun_label_and_time() -> None:
    events = extract_events(
        "McCurry evoked the 1984 Joint Declaration agreement between Britain and China which calls for freedoms.",
        "1997-04-18",
    )
    row = events[events[S.RULE].str.startswith("lexicon:noun")].iloc[0]
    assert row[S.EVENT] == "1984 Joint Declaration agreement between Britain and China"
    assert str(row[S.START])[:10] == "1984-01-01" and row[S.EVENT_TYPE] == "AGREE"


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a relative clause in the simple present describes someone: a stance or state, no happening
        ("Levy will meet Erbakan, who opposes close ties with the Jewish state.", ["meet"]),
        ("Clinton yielded to Congress, which supports the Hong Kong democrat.", ["yield"]),
        # a relative clause that tells what happened, or has a date of its own, is a row
        ("Levy will meet Erbakan, who rejected the treaty last year.", ["meet", "reject"]),
        ("Levy will meet Erbakan, who visits Ankara on Friday.", ["meet", "visit"]),
    ],
)
def test_events_rows_relative_stance_is_no_row(text: str, rows: list[str]) -> None:
    assert extract_events(text, "1997-04-08")[S.PREDICATE].tolist() == rows


@pytest.mark.parametrize(
    ("text", "source", "label_words", "day"),
    [
        (  # the incident's doer and words, and its date ("last Tuesday" of 2024-11-16 is 2024-11-12)
            "Four children were injured when a suspected rebel lobbed a grenade at their home last Tuesday.",
            "rebel",
            ("injured", "lobbed"),
            "2024-11-12",
        ),
        (
            "Eight children were killed when a bus veered off a bridge on Monday.",
            None,
            ("killed", "veered"),
            "2024-11-11",
        ),
    ],
)
def test_events_rows_casualties_told_with_their_incident(
    text: str, source: str | None, label_words: tuple[str, ...], day: str
) -> None:
    """incidents.py: the casualty clause's one row carries the incident's doer, words and date."""
    events = extract_events(text, "2024-11-16")
    assert len(events) == 1
    row = events.iloc[0]
    got = (
        None
        if row[S.SOURCE_ACTOR] is None or str(row[S.SOURCE_ACTOR]) == "<NA>"
        else str(row[S.SOURCE_ACTOR])
    )
    assert (got is None) == (source is None) and (source is None or source in str(got))
    assert all(w in str(row[S.EVENT]) for w in label_words)
    assert str(row[S.START])[:10] == day
