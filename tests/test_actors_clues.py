"""Clues to a person's or body's country read this round: a nationality in a predicate
(actors/predicates.py), a capitalised title with a region inside it (actors/titlephrase.py), an
international word after an office's portfolio (actors/offices.py), a company NER took for a
person (actors/orgnames.py). Each family has cases that must give no code or change nothing."""

from __future__ import annotations

import pytest

from extract.actors import find_actor_mentions
from extract.actors.find import Candidate
from extract.actors.orgnames import repeated_names
from extract.nlp import load_nlp

CASES = [
    # text, dateline, surface, country, how
    (
        "David Nalbandian came out the first Argentine to reach the final.",
        None,
        "David Nalbandian",
        "ARG",
        "appositive",
    ),
    ("Somchai Wongsawat, who is Thai, said so.", None, "Somchai Wongsawat", "THA", "appositive"),
    ("Hans Kohler became the first German to win it.", None, "Hans Kohler", "DEU", "appositive"),
    ("Pedro Ramirez is a Peruvian citizen.", None, "Pedro Ramirez", "PER", "appositive"),
    ("Carlos Mendez is not Chilean.", None, "Carlos Mendez", None, None),
    ("Anna Berg met a German player.", None, "Anna Berg", None, None),
    ("Paul Dorn drives a German car.", None, "Paul Dorn", None, None),
    (
        "US Assistant Secretary of State for South and Central Asian Affairs Richard Tanner spoke.",
        "ASHGABAT, Dec 24 (AFP)",
        "Richard Tanner",
        "USA",
        "title",
    ),
    ("He met Chinese officials and Secretary of State John Smithers.", None, "John Smithers", None, None),
    ("He met Chinese officials and Secretary John Smythe.", None, "John Smythe", None, None),
    (
        "Chile postponed talks. Carlos Furche, head of international economic relations for the ministry, said so.",
        "SANTIAGO, Nov. 4 (Xinhua)",
        "Carlos Furche",
        "CHL",
        "dateline",
    ),
    (
        "Chile postponed talks. UN envoy Jan Egeland said so.",
        "SANTIAGO, Nov. 4 (Xinhua)",
        "Jan Egeland",
        None,
        None,
    ),
    # "State/National ... Commission" is a national body (the dateline), and "<person> with <body>"
    (
        "China could not rely on births, said Yu Xuejun with the State Population and Family Planning Commission.",
        "ZHENGZHOU, Nov. 23 (Xinhua)",
        "Yu Xuejun",
        "CHN",
        "affiliation",
    ),
    ("Tom Smith with Spain scored twice.", "MADRID, Nov. 23 (Xinhua)", "Tom Smith", None, None),
    (
        "The State University of Plains said so.",
        "BEIJING, Nov. 23 (Xinhua)",
        "State University of Plains",
        None,
        None,
    ),
    # a conjunct's short form of a person named in full before does not share the first one's title
    (
        "Japanese Foreign Minister Taro Asao took office. South Korean Foreign Minister Ban Ki-moon and Asao met.",
        None,
        "Asao",
        "JPN",
        "same",
    ),
]


@pytest.mark.parametrize(("text", "dateline", "surface", "country", "how"), CASES)
def test_actors_clues_country_and_how(
    text: str, dateline: str | None, surface: str, country: str | None, how: str | None
) -> None:
    mentions = [m for m in find_actor_mentions(load_nlp()(text), dateline=dateline) if m.text == surface]
    assert mentions, f"{surface!r} not found in {text!r}"
    assert {(m.country, m.country_source) for m in mentions} == {(country, how)}


@pytest.mark.parametrize(
    ("names", "word", "expected"),
    [
        # a company NER took for a person ("PKN Orlen"), and its last word alone tagged a person
        ([("PKN Orlen", "organisation", "PERSON")], "Orlen", ("PKN Orlen", "organisation")),
        # the word also names a person of the document: left alone
        (
            [("PKN Orlen", "organisation", "PERSON"), ("Jan Orlen", "person", "PERSON")],
            "Orlen",
            ("Orlen", "person"),
        ),
        # two such companies end with it: left alone
        (
            [("PKN Orlen", "organisation", "PERSON"), ("Baltic Orlen", "organisation", "PERSON")],
            "Orlen",
            ("Orlen", "person"),
        ),
        # an organisation NER tagged as such lends its last word nothing
        ([("Goldman Sachs", "organisation", "ORG")], "Sachs", ("Sachs", "person")),
    ],
)
def test_actors_clues_last_word_of_a_person_tagged_company(
    names: list[tuple[str, str, str]], word: str, expected: tuple[str, str]
) -> None:
    doc = load_nlp().make_doc(" ".join(n for n, _, _ in names) + " and " + word + " said.")
    cands, i = [], 0
    for name, kind, label in names:
        n = len(name.split())
        cands.append(Candidate(i, i + n, name, kind, None, label=label))
        i += n
    short = Candidate(i + 1, i + 2, word, "person", None, label="PERSON")
    repeated_names(doc, [*cands, short])
    assert (short.actor, short.kind) == expected
