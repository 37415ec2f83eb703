"""Names a bracketed acronym defines (extract/actors/acronyms.py): joined whole when NER split
them, with the country of a demonym or country that opens the name; left alone otherwise."""

from __future__ import annotations

import pytest

from extract.actors import find_actor_mentions
from extract.nlp import load_nlp


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "They were met by the American Institute in Taiwan (AIT). AIT said.",
            "American Institute in Taiwan",
            "USA",
        ),
        (
            "The Union of Concerned Scientists (UCS) met. Later the UCS said so.",
            "Union of Concerned Scientists",
            None,
        ),
    ],
)
def test_actors_acronyms_defined_name_is_one_actor(text: str, name: str, country: str | None) -> None:
    mentions = find_actor_mentions(load_nlp()(text))
    named = [m for m in mentions if m.actor == name]
    assert named and {m.kind for m in named} == {"organisation"}, mentions
    assert {m.country for m in named} == {country}
    acronym = next(w.strip("().") for w in text.split() if w.startswith("(") and w.strip("().").isupper())
    assert {m.actor for m in mentions if m.text == acronym} == {name}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # initials that do not spell the acronym: Taiwan stays a country of its own
        ("Officials of the American Institute in Taiwan (TECO) spoke.", "Taiwan"),
        # a two-letter acronym is too easily spelt by chance
        ("Visitors from New York in Texas (NT) came.", "Texas"),
        # a person inside the run is never joined into a body
        ("Talks between Kofi Annan and Kim Dae-jung (KAK) went on.", "Kofi Annan"),
    ],
)
def test_actors_acronyms_nothing_joined(text: str, kept: str) -> None:
    actors = {m.actor for m in find_actor_mentions(load_nlp()(text))}
    assert kept in actors, actors
