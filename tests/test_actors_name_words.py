"""Country words inside other names: a currency ("US dollars"), a division ("British Columbia"), an organisation."""

from __future__ import annotations

import pandas as pd
import pytest

from extract import extract_document
from extract import schema as S


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("In the first period, 700 million US dollars was invested.", []),
        ("The Australian dollar fell against the US dollar on Monday.", []),
        ("Hong Kong dollars are pegged to the greenback.", []),
        ("The yuan rose against the US dollar.", []),
        # not a currency: the country stays an actor
        ("The US sent troops to the region.", ["United States"]),
        ("Australian troops left Iraq.", ["Australia", "Iraq"]),
    ],
)
def test_actors_name_words_currency_is_no_actor(text: str, actors: list[str]) -> None:
    found = extract_document(text, published="2005-11-14").actors
    found = found[found[S.ACTOR_KIND] != "group"]  # "troops", a group the events stage names as written
    assert sorted(found[S.ACTOR].tolist()) == sorted(actors)


@pytest.mark.parametrize(
    ("text", "actor", "country"),
    [
        # a demonym opening a division's name is part of it
        ("Farms in British Columbia were infected.", "British Columbia", "CAN"),
        # a word of a division's own name is no place: not South Africa's Free State
        ("Leaders discussed the Free Trade Zone for the Americas.", "Free Trade Zone", None),
    ],
)
def test_actors_name_words_in_places_and_bodies(text: str, actor: str, country: str | None) -> None:
    found = extract_document(text, published="2005-11-14").actors
    row = found[found[S.ACTOR] == actor]
    assert len(row) == 1
    got = row[S.COUNTRY].iloc[0]
    assert (None if pd.isna(got) else got) == country
    assert "United Kingdom" not in found[S.ACTOR].tolist()


# a full name NER missed, whose surname it tagged alone elsewhere, is that person's full name; a
# title before the surname is no given name
@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        (
            "The eighth seed beat top Russian Nikolay Davydenko in straight sets here on Saturday. "
            "Davydenko, who had made his debut on Monday, made 29 unforced errors.",
            "Nikolay Davydenko",
            "RUS",
        ),
        (
            "The eighth seed beat top Russian Prime Minister Davydenko in straight sets here on Saturday. "
            "Davydenko, who had made his debut on Monday, made 29 unforced errors.",
            None,
            None,
        ),
        (  # a portfolio is no given name
            "The plan was announced on Tuesday by Minister of Labor and Social Security Tian. Tian said "
            "pensions would rise next year, and Tian added that more would follow.",
            None,
            None,
        ),
    ],
)
def test_actors_name_words_full_name_of_a_tagged_surname(
    text: str, person: str | None, country: str | None
) -> None:
    from extract.actors import find_actor_mentions
    from extract.nlp import load_nlp

    mentions = find_actor_mentions(load_nlp()(text))
    full = {(m.actor, m.country) for m in mentions if m.kind == "person" and len(m.actor.split()) >= 2}
    assert full == ({(person, country)} if person else set())


@pytest.mark.parametrize(
    ("text", "actor", "absent"),
    [
        # a listed company of a group is an actor of its own, not the group
        ("Tata Steel fell by 14 rupees to 163.75 rupees.", "Tata Steel", "Tata Group"),
        ("Tata Motors rose 3 percent on Monday.", "Tata Motors", "Tata Group"),
    ],
)
def test_actors_name_words_company_of_a_group_is_itself(text: str, actor: str, absent: str) -> None:
    found = extract_document(text, published="1997-04-05").actors[S.ACTOR].tolist()
    assert actor in found and absent not in found, found
