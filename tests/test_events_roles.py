"""Source and target actors from the parse, on simple, passive and reported clauses."""

from __future__ import annotations

import pandas as pd
import pytest

from extract import schema as S
from extract.events.rules import read_rules, role_examples
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
        (
            "Russia's top negotiator, Ivan Rybkin, criticised Anatoly Kulikov.",
            "criticise",
            "Rybkin",
            "Kulikov",
        ),
    ],
)
def test_events_roles_simple(
    text: str, predicate: str | None, source: str | None, target: str | None
) -> None:
    events = extract_events(text, "2024-11-16")
    if predicate is None:
        assert len(events) == 0
        return
    row = _event(text, predicate)
    assert source is not None and source in str(row[S.SOURCE_ACTOR])
    assert target is not None and target in str(row[S.TARGET_ACTOR])


def test_events_roles_reported_fact_is_one_row_with_its_speaker() -> None:
    text = "Germany said Russia attacked Ukraine."
    events = extract_events(text, "2024-11-16")
    assert events[S.PREDICATE].tolist() == ["attack"]  # no row for the saying
    embedded = _event(text, "attack")
    assert embedded[S.REPORTED_BY] == "Germany"
    assert str(embedded[S.EVENT]).startswith("Germany: ")
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
    assert str(row[S.SOURCE_ACTOR]) == example["source"]  # "<NA>": no source
    if "target" in example:
        assert str(row[S.TARGET_ACTOR]) == example["target"]


@pytest.mark.parametrize(
    ("text", "predicate", "source", "target", "in_label"),
    [
        # a demonym naming people (counted, bare or indefinite) is not the state
        (
            "The cabinet decided on December 6, a day after a suicide bomber from the radical Palestinian movement "
            "Islamic Jihad killed five Israelis at the entrance to a shopping mall.",
            "kill",
            "Islamic Jihad",
            None,
            "killed five Israelis",
        ),
        (
            "Two Israeli settlers killed a Palestinian in the market.",
            "kill",
            "Israeli settlers",
            None,
            "killed a Palestinian",
        ),
        (
            "Two Palestinians were killed on Tuesday in Hebron.",
            "kill",
            None,
            None,
            "Two Palestinians were killed",
        ),
        ("Moscow has deported Georgians this week.", "deport", "Russia", None, "deported Georgians"),
        (
            "Hundreds of Palestinians clashed with Israeli troops.",
            "clash",
            "Palestinians",
            "Israeli troops",
            "Palestinians clashed",
        ),
        # must still hold: a modifier of a group noun, a definite plural, a name
        (
            "Israeli troops attacked Lebanon on Monday.",
            "attack",
            "Israeli troops",
            "Lebanon",
            "Israeli troops",
        ),
        ("The North Koreans have warned Japan.", "warn", "North Korea", "Japan", "North Korea"),
        ("Russia attacked Georgia on Monday.", "attack", "Russia", "Georgia", "attacked Georgia"),
    ],
)
def test_events_roles_demonym_people_are_not_the_state(
    text: str, predicate: str, source: str | None, target: str | None, in_label: str
) -> None:
    row = _event(text, predicate)
    got_source = None if row[S.SOURCE_ACTOR] is pd.NA else row[S.SOURCE_ACTOR]
    got_target = None if row[S.TARGET_ACTOR] is pd.NA else row[S.TARGET_ACTOR]
    assert (got_source, got_target) == (source, target)
    assert in_label in str(row[S.EVENT])


@pytest.mark.parametrize(
    ("text", "predicate", "absent"),
    [
        ("China should join the talks only after Washington recognizes the North.", "recognize", "North"),
        ("The Supreme Commander attacked the border post on Monday.", "attack", "Supreme Commander"),
    ],
)
def test_events_roles_never_draw_non_actors(text: str, predicate: str, absent: str) -> None:
    events = extract_events(text, "2024-11-16")
    found = events[events[S.PREDICATE] == predicate]
    assert len(found), f"no event {predicate!r} in {events[S.PREDICATE].tolist()}"
    actors = {str(a) for row in found[S.ACTORS] for a in row} | set(found[S.SOURCE_ACTOR].astype(str))
    assert absent not in actors, actors


def test_events_roles_name_as_written_kept() -> None:
    row = _event("Hweihi criticised Russia on Monday.", "criticise")
    assert "Hweihi" in str(row[S.SOURCE_ACTOR])


@pytest.mark.parametrize(
    ("text", "predicate", "source"),
    [
        # a medium is the source of its own words, not the country that owns it
        ("China's official Xinhua news agency on Thursday denied the report.", "deny", "Xinhua"),
        ("The BBC warned on Monday that its budget would be cut.", "warn", "BBC"),
        # ... and of nothing else: an interviewer or a publisher is no party
        ("Xi Jinping told Reuters on Monday that China would cut tariffs.", "cut", "China"),
        ("The newspaper Le Monde attacked the minister's plan on Monday.", "attack", None),
    ],
)
def test_events_roles_medium_speaks_for_itself(text: str, predicate: str, source: str | None) -> None:
    row = _event(text, predicate)
    got = None if row[S.SOURCE_ACTOR] is pd.NA else row[S.SOURCE_ACTOR]
    assert got == source


@pytest.mark.parametrize(
    ("text", "reporter"),
    [
        # a name the finder does not know is taken as written: every word of it, nested compounds too
        ("The New Mexico Cattle Growers said ranchers lost 300 cows on Monday.", "New Mexico Cattle Growers"),
        ("Rybkin was met at Grozny airport by the chief negotiator, Kavkaz-Press said.", "Kavkaz-Press"),
        # a medium it knows speaks by its canonical name
        ("The New York Times said Wei was left alone over the weekend.", "The New York Times"),
    ],
)
def test_events_roles_name_as_written_whole(text: str, reporter: str) -> None:
    events = extract_events(text, "1997-04-03")
    assert reporter in set(events[S.REPORTED_BY].astype(str)), events[[S.EVENT, S.REPORTED_BY]]


@pytest.mark.parametrize(
    ("text", "predicate", "countries"),
    [
        # a group named by where it is from carries that country
        ("Senior diplomats from Japan met Chinese officials on Monday.", "meet", ["JPN", "CHN"]),
        ("Thai troops attacked a village on Monday.", "attack", ["THA"]),
        # a group without a modifier or an origin has none
        ("Senior diplomats met Chinese officials on Monday.", "meet", ["CHN"]),
        ("Riot police detained two students on Monday.", "detain", []),
        # "his" or "her" gives the group the country of the person it stands for
        (
            "Sri Lankan President Mahinda Rajapakse said on Sunday that his government would fight the rebels.",
            "fight",
            ["LKA"],
        ),
        ("He said on Sunday that his government would fight the rebels.", "fight", []),
    ],
)
def test_events_roles_group_country(text: str, predicate: str, countries: list[str]) -> None:
    assert list(_event(text, predicate)[S.COUNTRIES]) == countries


@pytest.mark.parametrize("example", read_rules("pairs.toml")["examples"])
def test_events_roles_pair_stands_for_the_last_two_parties(example: dict[str, str]) -> None:
    """rules/events/pairs.toml's examples: "the two leaders" is the last row's doer and target."""
    row = _event(example["text"], example["predicate"])
    assert row[S.SOURCE_ACTOR] == example["source"]
    assert ("" if pd.isna(row[S.TARGET_ACTOR]) else row[S.TARGET_ACTOR]) == example["target"]


@pytest.mark.parametrize(
    ("text", "predicate", "source", "target"),
    [
        # a joint act: the first-named party is the source, the other the target
        ("Israel and Syria held talks in Washington on Monday.", "talk", "Israel", "Syria"),
        ("Armenia and Azerbaijan agreed on Monday to a ceasefire.", "agree", "Armenia", "Azerbaijan"),
        ("Police and protesters clashed on Monday.", "clash", "Police", "protesters"),
        # co-doers of any other act: the first one named, and no target
        ("Iran, Syria and Iraq condemned the attack on Monday.", "condemn", "Iran", ""),
        ("Japan and Australia sent troops to Iraq on Monday.", "send", "Japan", "Iraq"),
    ],
)
def test_events_roles_conjuncts_are_a_target_only_in_a_joint_act(
    text: str, predicate: str, source: str, target: str
) -> None:
    row = _event(text, predicate)
    assert row[S.SOURCE_ACTOR] == source
    assert ("" if pd.isna(row[S.TARGET_ACTOR]) else row[S.TARGET_ACTOR]) == target


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Iran rejected their proposal, made on Friday.", "make"),  # "their" is not Iran
        ("China's largest website, launched in 2003, was closed on Monday.", "launch"),  # no event noun
        ("The talks resumed after a break and ended on Monday.", "end"),  # "a break" is no doer
        # a record is no act of its owner: China scheduled nothing
        (
            "Beijing evaded a censure motion on its human rights record scheduled for debate on Monday.",
            "schedule",
        ),
    ],
)
def test_events_roles_lost_doers_not_invented(text: str, predicate: str) -> None:
    events = extract_events(text, "2024-11-16")
    found = events[events[S.PREDICATE] == predicate]
    assert found[S.SOURCE_ACTOR].isna().all()


@pytest.mark.parametrize(
    ("text", "predicate", "source", "target"),
    [
        # a past participle with a subject and no auxiliary is a passive without "be": no doer
        (
            "Police arrested 20 protesters on Monday, with several people hurt.",
            "hurt",
            None,
            "several people",
        ),
        ("The blasts on Aug. 17 left two people dead and hundreds wounded.", "wound", None, "hundreds"),
        # an auxiliary or an object makes it active: the subject is the doer
        ("Police arrested 20 protesters on Monday.", "arrest", "Police", "protesters"),
        ("Riot police have detained two students on Monday.", "detain", "Riot police", "students"),
    ],
)
def test_events_roles_reduced_passive_subject_is_who_it_happened_to(
    text: str, predicate: str, source: str | None, target: str | None
) -> None:
    events = extract_events(text, "2005-11-29")
    row = events[events[S.PREDICATE] == predicate].iloc[0]
    got = (
        None if pd.isna(row[S.SOURCE_ACTOR]) else row[S.SOURCE_ACTOR],
        None if pd.isna(row[S.TARGET_ACTOR]) else row[S.TARGET_ACTOR],
    )
    assert got == (source, target), row[S.EVENT]


@pytest.mark.parametrize(
    ("text", "predicate", "source"),
    [
        # the parser takes the last word of an "according to" opener for the subject, the real one for
        # its apposition: the apposition acts
        (
            "According to private news agency UNB, the Supreme Court Bar Association (SCBA), led by its"
            " President Mahbubey Alam, announced the hartal on Tuesday.",
            "announce",
            "Supreme Court Bar Association",
        ),
        (
            "According to police spokesman Ali Khan, the militants, armed with rifles, stormed the hotel on Monday.",
            "storm",
            "militants",
        ),
        # a comma after the opener: the parse is right, the subject stays
        (
            "According to the ministry, Ali Khan, a police spokesman, resigned on Monday.",
            "resign",
            "Ali Khan",
        ),
        ("According to Xinhua, the Chinese navy seized the ship on Monday.", "seize", "Chinese navy"),
    ],
)
def test_events_roles_according_to_opener_is_not_the_subject(text: str, predicate: str, source: str) -> None:
    events = extract_events(text, "2005-11-29")
    assert events.loc[events[S.PREDICATE] == predicate, S.SOURCE_ACTOR].tolist() == [source]


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        # a media outlet is no actor, also when the parser hands it over as a bare name
        ("Maliki rejected the plan, in a statement received by AFP on Tuesday.", "receive"),
        ("The minister resigned, in a letter obtained by Reuters on Monday.", "obtain"),
    ],
)
def test_events_roles_media_outlet_is_no_name_as_written(text: str, predicate: str) -> None:
    events = extract_events(text, "2006-12-05")
    assert predicate not in events[S.PREDICATE].tolist(), events[[S.PREDICATE, S.SOURCE_ACTOR]]


def test_events_roles_name_as_written_still_acts() -> None:
    events = extract_events("Hweihi fired a rocket at the settlement on Tuesday.", "2006-12-05")
    assert events[S.SOURCE_ACTOR].tolist() == ["Hweihi"]


@pytest.mark.parametrize(
    ("text", "predicate", "target", "label_start"),
    [
        # an unresolved pronoun holds the object slot: the place of a prepositional phrase is no target
        (
            "The former general was arrested in Spain on Wednesday. He was detained at the International "
            "Criminal Tribunal on Saturday.",
            "detain",
            None,
            "He was detained",
        ),
        # a named patient stays the target
        (
            "Ante Gotovina was arrested in Spain on Wednesday. He was detained at the International Criminal "
            "Tribunal on Saturday.",
            "detain",
            "Ante Gotovina",
            "Ante Gotovina was detained",
        ),
    ],
)
def test_events_roles_unresolved_pronoun_is_no_place(
    text: str, predicate: str, target: str | None, label_start: str
) -> None:
    events = extract_events(text, "2005-12-10")
    row = events[events[S.PREDICATE] == predicate].iloc[0]
    got = None if row[S.TARGET_ACTOR] is pd.NA else row[S.TARGET_ACTOR]
    assert got == target
    assert str(row[S.EVENT]).startswith(label_start)


@pytest.mark.parametrize(
    ("text", "predicate", "source", "not_source"),
    [
        # the name after a title's office, which the parser hangs under "of"/"for", is the doer
        (
            "Danish Minister of Foreign Affairs Per Stig Moeller on Friday condemned the attack.",
            "condemn",
            "Per Stig Moeller",
            "Denmark",
        ),
        (
            "French Minister for Foreign Trade Christine Lagardo is due in Kenya on Monday.",
            "arrive",
            "Christine Lagardo",
            "France",
        ),
        # must not make a name of an office or an organisation's words
        (
            "The head of the United Nations Development Programme on Friday condemned the attack.",
            "condemn",
            None,
            "Programme",
        ),
        (
            "The Minister for Foreign Affairs on Friday condemned the attack.",
            "condemn",
            None,
            "Foreign Affairs",
        ),
    ],
)
def test_events_roles_office_holder_after_of_for(
    text: str, predicate: str, source: str | None, not_source: str
) -> None:
    got = _event(text, predicate)[S.SOURCE_ACTOR]
    assert pd.isna(got) or got != not_source
    if source is not None:
        assert got == source
