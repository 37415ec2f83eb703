"""Alias merging inside a document (find_actor_mentions) and across a corpus (build_actors_frame)."""

from __future__ import annotations

import pandas as pd
import pytest

from extract import schema as S
from extract.actors import ActorMention, build_actors_frame, find_actor_mentions
from extract.nlp import load_nlp


def _mentions(text: str) -> list[ActorMention]:
    return find_actor_mentions(load_nlp()(text))


WITHIN_DOC = [
    ("Korean President Yoon Suk Yeol met Xi. Yoon said the talks went well.", "Yoon", "Yoon Suk Yeol", "KOR"),
    ("Chinese President Xi Jinping spoke first. Later Xi said China wants peace.", "Xi", "Xi Jinping", "CHN"),
    (
        "Israeli Prime Minister Benjamin Netanyahu arrived. Mr. Netanyahu then left.",
        "Netanyahu",
        "Benjamin Netanyahu",
        "ISR",
    ),
    (
        "Israeli Prime Minister Avi Rosenblum arrived. Mr. Rosenblum then left.",
        "Rosenblum",
        "Avi Rosenblum",
        "ISR",
    ),
    ("Korean President Park Min-su met Xi. Park said the talks went well.", "Park", "Park Min-su", "KOR"),
    (
        "Al-Qaeda deputy Ayman al-Zawahiri spoke. Zawahiri called for attacks.",
        "Zawahiri",
        "Ayman al-Zawahiri",
        None,
    ),
    (
        "British Prime Minister Gordon Brown met reporters. Brown said he was confident.",
        "Brown",
        "Gordon Brown",
        "GBR",
    ),
]


@pytest.mark.parametrize(("text", "short", "full", "country"), WITHIN_DOC)
def test_actors_merge_short_names_within_document(
    text: str, short: str, full: str, country: str | None
) -> None:
    ms = _mentions(text)
    shorts = [m for m in ms if m.text == short]
    assert shorts, f"{short!r} not found in {[m.text for m in ms]}"
    assert {(m.actor, m.kind, m.country) for m in shorts} == {(full, "person", country)}


def test_actors_merge_nearest_full_name_wins() -> None:
    text = (
        "North Korean leader Kim Jong Un watched the launch. "
        "Korea's national security adviser Kim Tae-hyo briefed reporters. Kim said talks would resume."
    )
    last = [m for m in _mentions(text) if m.text == "Kim"]
    assert [m.actor for m in last] == ["Kim Tae-hyo"]


def test_actors_merge_acronym_after_full_name() -> None:
    text = "The Korea Development Institute (KDI) cut its forecast. KDI said exports slowed."
    kdi = [m for m in _mentions(text) if m.text == "KDI"]
    assert kdi and {m.actor for m in kdi} == {"Korea Development Institute"}


def test_actors_merge_does_not_merge_unrelated_people() -> None:
    ms = _mentions("Angela Merkel met Emmanuel Macron. Macron said Merkel agreed.")
    assert {m.actor for m in ms if m.kind == "person"} == {"Angela Merkel", "Emmanuel Macron"}


def _m(text: str, actor: str, kind: str, country: str | None) -> ActorMention:
    return ActorMention(0, len(text), text, actor, kind, country, 0)


def test_actors_merge_across_documents() -> None:
    corpus = {
        "a": [
            _m("Benjamin Netanyahu", "Benjamin Netanyahu", "person", "ISR"),
            _m("Netanyahu", "Benjamin Netanyahu", "person", "ISR"),
        ],
        "b": [_m("Netanyahu", "Netanyahu", "person", None), _m("Israel", "Israel", "country", "ISR")],
        "c": [_m("Hamid", "Hamid", "person", None)],
    }
    frame, renames = build_actors_frame(corpus)
    assert renames == {"Netanyahu": "Benjamin Netanyahu"}
    row = frame.set_index(S.ACTOR).loc["Benjamin Netanyahu"]
    assert (row[S.MENTIONS], row[S.DOC_COUNT], row[S.COUNTRY]) == (3, 2, "ISR")
    assert row[S.ALIASES] == ["Netanyahu"]
    assert "Hamid" in set(frame[S.ACTOR])  # no full name anywhere: stays as written


@pytest.mark.parametrize(
    ("others", "merged"),
    [
        ([("Kim Jong Un", "PRK"), ("Kim Tae-hyo", "KOR")], False),  # two Kims of equal weight: ambiguous
        ([("Kim Jong Un", "PRK")], True),
        ([("Kim Jong Un", "PRK"), ("Kim Jong Un", "PRK"), ("Kim Tae-hyo", "KOR")], True),  # 2 docs vs 1
    ],
)
def test_actors_merge_across_documents_only_when_dominant(
    others: list[tuple[str, str]], merged: bool
) -> None:
    corpus: dict[str, list[ActorMention]] = {
        f"d{i}": [_m(n, n, "person", c)] for i, (n, c) in enumerate(others)
    }
    corpus["short"] = [_m("Kim", "Kim", "person", None)]
    _, renames = build_actors_frame(corpus)
    assert ("Kim" in renames) is merged
    if merged:
        assert renames["Kim"] == "Kim Jong Un"


@pytest.mark.parametrize(
    ("full", "country", "short", "merged"),
    [
        ("Xi Jinping", "CHN", "Xi", True),  # family name first
        ("Sam Rainsy", "KHM", "Sam", True),
        ("Sam Harris", "USA", "Sam", False),  # a given name alone is not that person
        ("Sam Harris", "USA", "Harris", True),
    ],
)
def test_actors_merge_across_documents_name_order(full: str, country: str, short: str, merged: bool) -> None:
    corpus = {"a": [_m(full, full, "person", country)], "b": [_m(short, short, "person", None)]}
    _, renames = build_actors_frame(corpus)
    assert renames == ({short: full} if merged else {})


def test_actors_merge_across_documents_respects_countries() -> None:
    corpus = {
        "a": [_m("George Bush", "George Bush", "person", "USA")],
        "b": [_m("Bush", "Bush", "person", "AUS")],
    }
    _, renames = build_actors_frame(corpus)
    assert renames == {}


def test_actors_frame_empty_corpus_has_schema() -> None:
    frame, renames = build_actors_frame({})
    assert renames == {}
    assert frame.empty
    pd.testing.assert_frame_equal(frame, S.empty_frame(S.ACTORS_FRAME))


def test_actors_frame_dtypes_and_international_without_country() -> None:
    frame, _ = build_actors_frame({"seed": _mentions("The EU and Russia's Rosneft met in Lima.")})
    assert list(frame.columns) == S.names(S.ACTORS_FRAME)
    assert {c.name: str(frame[c.name].dtype) for c in S.ACTORS_FRAME} == {
        c.name: ("object" if c.dtype == "object" else c.dtype) for c in S.ACTORS_FRAME
    }
    eu = frame.set_index(S.ACTOR).loc["European Union"]
    assert eu[S.ACTOR_KIND] == "international" and pd.isna(eu[S.COUNTRY])


@pytest.mark.parametrize(
    ("names", "merged"),
    [
        ([("Ban Ki-moon", "person", 2), ("Ban Ki Moon", "person", 1)], {"Ban Ki Moon": "Ban Ki-moon"}),
        ([("Ban Ki- moon", "person", 1), ("Ban Ki-moon", "person", 3)], {"Ban Ki- moon": "Ban Ki-moon"}),
        ([("Kim Jong-il", "person", 1), ("Kim Jong Il", "person", 1)], {"Kim Jong-il": "Kim Jong Il"}),
        ([("Ban Ki-moon", "person", 1), ("Ban Ki", "person", 1)], {}),  # another key: not merged here
        ([("Georgia", "country", 1), ("GEORGIA", "place", 1)], {}),  # same key, other kind: left apart
    ],
)
def test_actors_merge_across_documents_spelling_variants(
    names: list[tuple[str, str, int]], merged: dict[str, str]
) -> None:
    corpus = {f"d{i}": [_m(n, n, k, "KOR")] * count for i, (n, k, count) in enumerate(names)}
    frame, renames = build_actors_frame(corpus)
    assert renames == merged
    for short, full in merged.items():
        assert short in frame.set_index(S.ACTOR).loc[full, S.ALIASES]
        assert short not in set(frame[S.ACTOR])


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [
        # a relative introduced as such does not take the surname from the main person
        (
            "US President George W. Bush arrived. Also aboard were Bush's wife Laura Bush and aides. "
            "Girls gave flowers to Bush and his wife.",
            "Bush",
            "George W. Bush",
        ),
        # no relation word: the nearest earlier full name still wins
        (
            "North Korean leader Kim Jong Un watched the launch. "
            "Korea's national security adviser Kim Tae-hyo briefed reporters. Kim said talks would resume.",
            "Kim",
            "Kim Tae-hyo",
        ),
    ],
)
def test_actors_merge_surname_keeps_main_person_over_relative(text: str, short: str, full: str) -> None:
    assert {m.actor for m in _mentions(text) if m.text == short} == {full}


@pytest.mark.parametrize(
    ("dominant", "variant", "merged"),
    [
        (("Taro Aso", "JPN"), ("Taro Asao", "JPN"), True),  # one letter more
        (("Benjamin Netanyahu", "ISR"), ("Benjamin Netanyhau", None), True),  # two letters swapped
        (("Condoleezza Rice", "USA"), ("Condoleeza Rice", "USA"), True),  # the given name misspelt
        (("Wang Yi", "CHN"), ("Wang Li", "CHN"), False),  # family name first: given names differ by a letter
        (("John Smith", "USA"), ("John Smyth", "GBR"), False),  # short word, a letter changed
        (("Taro Aso", "JPN"), ("Taro Asao", "KOR"), False),  # countries disagree
        (("Taro Aso", "JPN"), ("Jiro Asao", "JPN"), False),  # two words differ
    ],
)
def test_actors_merge_across_documents_one_edit_misspelling(
    dominant: tuple[str, str | None], variant: tuple[str, str | None], merged: bool
) -> None:
    corpus: dict[str, list[ActorMention]] = {
        f"d{i}": [_m(dominant[0], dominant[0], "person", dominant[1])] * 2 for i in range(2)
    }
    corpus["v"] = [_m(variant[0], variant[0], "person", variant[1])]
    frame, renames = build_actors_frame(corpus)
    assert (renames.get(variant[0]) == dominant[0]) is merged
    if merged:
        row = frame[frame[S.ACTOR] == dominant[0]].iloc[0]
        assert variant[0] in row[S.ALIASES] and row[S.MENTIONS] == 5


def test_actors_merge_across_documents_misspelling_not_when_two_are_close() -> None:
    corpus = {
        "a": [_m("Taro Aso", "Taro Aso", "person", "JPN")] * 4,
        "b": [_m("Taro Asa", "Taro Asa", "person", "JPN")] * 4,
        "c": [_m("Taro Asao", "Taro Asao", "person", "JPN")],
    }
    _, renames = build_actors_frame(corpus)
    assert "Taro Asao" not in renames


def test_actors_merge_across_documents_misspelling_not_into_the_slip() -> None:
    """A full name misspelt once whose surname is then written right ("Charles Million", "Millon",
    "Millon") is the slip: the other document's "Charles Millon" is not renamed into it."""
    corpus = {
        "a": [_m("Charles Million", "Charles Million", "person", "FRA")]
        + [_m("Charles Million", "Millon", "person", "FRA")] * 4,
        "b": [_m("Charles Millon", "Charles Millon", "person", "FRA")],
    }
    _, renames = build_actors_frame(corpus)
    assert "Charles Millon" not in renames


@pytest.mark.parametrize(
    ("text", "short", "actors"),
    [
        # a surname alone misspelt by one edit is the document's one full name it misspells
        (
            "Prime Minister Benjamin Netanyahu met Abbas. Netanyhau told reporters the talks were useful.",
            "Netanyhau",
            {"Benjamin Netanyahu"},
        ),
        # not another name's word that close, and not a full name the document writes as the slip
        ("John Chan met Lien Chan on Monday. Chang said the talks went well.", "Chang", {"Chang"}),
        (
            "Li told French Defense Minister Charles Million that ties were good. Millon said so. Millon "
            "left. Millon's visit ended.",
            "Millon",
            {"Millon"},
        ),
    ],
)
def test_actors_merge_misspelt_surname_within_a_document(text: str, short: str, actors: set[str]) -> None:
    assert {m.actor for m in _mentions(text) if m.text == short} == actors
