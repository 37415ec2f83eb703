"""Classes read on unseen news (issue 14, stop 23: dev6 and dev5): places named with a place noun
and no "of" ("the northwestern town Balakot"), a compass adjective's country, and the cases where
each rule must give nothing."""

from __future__ import annotations

import pytest

from extract.actors import find_actor_mentions
from extract.nlp import load_nlp

BALAKOT = (
    "Three Turkish engineers, who came to Pakistan to aid earthquake victims, were injured in a fire "
    "that broke out in their tent on Tuesday, the semi-official Anatolia news agency reported. "
)
TENT = (
    "The report said the three were injured when their heating equipment suddenly caught flame, which "
    "set their tent on fire in the northwestern town Balakot which was largely flattened by the quake."
)

CASES = [
    # text, dateline, surface, kind, country (None: found with no code)
    (BALAKOT + TENT, "ANKARA, Nov. 29 (Xinhua)", "Balakot", "place", "PAK"),
    # no country named before the compass word: no code, and not the dateline's Turkey
    (TENT, "ANKARA, Nov. 29 (Xinhua)", "Balakot", "place", None),
    (
        "An Israeli woman was killed on Wednesday morning as six Qassam rockets, launched from the Gaza "
        "Strip, fell in the southern city of Sderot, local media reported.",
        "JERUSALEM, Nov. 15 (Xinhua)",
        "Sderot",
        "place",
        "ISR",
    ),
]


@pytest.mark.parametrize(("text", "dateline", "surface", "kind", "country"), CASES)
def test_actors_unseen_places_named_as_such(
    text: str, dateline: str | None, surface: str, kind: str, country: str | None
) -> None:
    got = {(m.text, m.kind, m.country) for m in find_actor_mentions(load_nlp()(text), dateline=dateline)}
    assert (surface, kind, country) in got, got


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        (
            "Addressing a press conference with Pakistani Foreign Minister Khurshid Mahmood Kasuri, "
            "Russian Foreign Minister Sergey Lavrov spoke. Kasuri said contacts had increased.",
            "Kasuri",
            "Khurshid Mahmood Kasuri",
        ),
        # must not join: a place the gazetteer knows stays a place after "in"
        ("A press conference with Foreign Minister Khurshid Mahmood in Lahore ended.", "Lahore", "Lahore"),
    ],
)
def test_actors_unseen_surname_tagged_as_place(text: str, surface: str, actor: str) -> None:
    mentions = find_actor_mentions(load_nlp()(text), dateline="ISLAMABAD, Nov. 16 (Xinhua)")
    assert {m.actor for m in mentions if m.text == surface} == {actor}


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # must find no place: a title between the place noun and the name, a state-run body
        ("The town mayor John Smith said the army left Japan on Monday.", "John Smith"),
        (
            "Sahnoun told diplomats at the state Union Buildings here that talks would go on.",
            "Union Buildings",
        ),
    ],
)
def test_actors_unseen_place_noun_needs_the_name_after_it(text: str, surface: str) -> None:
    kinds = {m.kind for m in find_actor_mentions(load_nlp()(text)) if m.text == surface}
    assert "place" not in kinds


@pytest.mark.parametrize(
    ("text", "surface", "kind", "country"),
    [
        (
            "KUWAIT CITY, Dec 10 (AFP) - OPEC may extend it, the official WAM news agency reported.",
            "WAM",
            "media",
            "ARE",
        ),
        (
            "WASHINGTON, Dec 4 (AFP) - Murtha said so, speaking on ABC television's program.",
            "ABC",
            "media",
            "USA",
        ),
        (
            "ANKARA, Nov. 29 (Xinhua) -- The engineers were hurt, the Anatolia news agency reported. The "
            "directorate was quoted by Anatolia as saying that a plane would leave.",
            "Anatolia",
            "media",
            "TUR",
        ),
        # must find no outlet: "news" alone after a name, a body before "agency" stays a body
        ("PARIS, Nov. 2 (AFP) - Chirac held a Bush news conference in Paris.", "Bush", "person", "USA"),
    ],
)
def test_actors_unseen_outlets_by_their_agency_words(
    text: str, surface: str, kind: str, country: str
) -> None:
    got = {(m.kind, m.country) for m in find_actor_mentions(load_nlp()(text)) if m.text == surface}
    assert (kind, country) in got, got


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        (
            "GENEVA, Dec 18 (AFP) - Relief workers left Darfur and Sudan, Sudan said, the Swiss humanitarian "
            "group Terre des Hommes (TDH) said. The group's relief director Ignacio Packer said so.",
            "Ignacio Packer",
            "CHE",
        ),
        # must give nothing: no group named before, or the agency an international body
        ("NAIROBI, Dec 17 (AFP) - The group's director Mwangi Kamau spoke.", "Mwangi Kamau", None),
        (
            "VIENNA, March 3 (AFP) - The International Atomic Energy Agency met. The agency's chief "
            "Mohamed ElBaradei spoke.",
            "Mohamed ElBaradei",
            None,
        ),
    ],
)
def test_actors_unseen_office_of_the_body_a_noun_introduced(
    text: str, person: str, country: str | None
) -> None:
    got = {m.country for m in find_actor_mentions(load_nlp()(text)) if m.text == person}
    assert got == {country}


@pytest.mark.parametrize(
    ("text", "surface", "kind", "country"),
    [
        # a street is named after another place: the home dateline, not Palestine
        (
            "BAGHDAD, Dec 21 (AFP) - The police academy near Palestine Street in the Rusafa District was attacked.",
            "Palestine Street",
            "place",
            "IRQ",
        ),
        (
            'ANKARA, Dec 17 (AFP) - "Let us be fair to Turkey," Gul told the Sabah daily.',
            "Sabah",
            "media",
            "TUR",
        ),
        # must stay: an exchange named after its city keeps the city's country
        (
            "KUALA LUMPUR, Dec 1 (AFP) - Kuala Lumpur Stock Exchange fell.",
            "Kuala Lumpur Stock Exchange",
            "organisation",
            "MYS",
        ),
    ],
)
def test_actors_unseen_names_that_name_another_place(
    text: str, surface: str, kind: str, country: str
) -> None:
    got = {(m.kind, m.country) for m in find_actor_mentions(load_nlp()(text)) if m.text == surface}
    assert (kind, country) in got, got


def test_actors_unseen_negotiating_rounds_are_no_actors() -> None:
    text = "HONG KONG, Dec 17 (AFP) - The deal would emerge from the current Doha Round of negotiations."
    assert not [m for m in find_actor_mentions(load_nlp()(text)) if "Doha" in m.text]


@pytest.mark.parametrize(
    ("text", "surface", "kind", "country"),
    [
        # "X-based" before a name that names a common noun after it
        (
            "CAIRO, Nov 5 (AFP) - The council met, the London-based Al-Hayat newspaper said.",
            "Al-Hayat",
            "media",
            "GBR",
        ),
        # a border crossing is a place; a town on both sides of a border gets no code from its name
        ("GAZA CITY, Nov 5 (AFP) - Egypt reopened the Rafah crossing on Sunday.", "Rafah", "place", None),
        # nor the dateline's code for an unknown one
        (
            "GAZA CITY, Nov 5 (AFP) - Gaza officials said the Kerem Shalom crossing stayed shut.",
            "Kerem Shalom",
            "place",
            None,
        ),
    ],
)
def test_actors_unseen_based_outlets_and_border_crossings(
    text: str, surface: str, kind: str, country: str | None
) -> None:
    got = {(m.kind, m.country) for m in find_actor_mentions(load_nlp()(text)) if m.text == surface}
    assert (kind, country) in got, got


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        (
            "BEIJING, Nov. 3 (Xinhua) -- Song, vice director of the Asian Affairs Department of the DPRK "
            "Foreign Ministry, said so.",
            "Asian Affairs Department",
            "PRK",
        ),
        (
            "BEIJING, Nov. 17 (Xinhua) -- Qu Weizhi, deputy director of the Information Office under the "
            "State Council, spoke.",
            "Information Office",
            "CHN",
        ),
        # must give nothing: a unit of an international body
        (
            "GENEVA, Nov. 3 (AFP) - The Legal Affairs Office of the United Nations agreed.",
            "Legal Affairs Office",
            None,
        ),
    ],
)
def test_actors_unseen_units_take_their_body_country(text: str, surface: str, country: str | None) -> None:
    got = {m.country for m in find_actor_mentions(load_nlp()(text)) if m.text == surface}
    assert got == {country}, got


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        (
            "BEIJING, Nov. 20 (Xinhua) -- Schools must improve, State Councilor Chen Zhili said.",
            "Chen Zhili",
            "CHN",
        ),
        # must give nothing: the office is qualified by an international body
        (
            "BEIJING, Nov. 20 (Xinhua) -- EU Trade Commissioner Peter Mandelson spoke.",
            "Peter Mandelson",
            None,
        ),
    ],
)
def test_actors_unseen_council_and_commission_titles(text: str, person: str, country: str | None) -> None:
    got = {m.country for m in find_actor_mentions(load_nlp()(text)) if m.text == person}
    assert got == {country}, got


@pytest.mark.parametrize(
    ("text", "body", "country"),
    [
        (
            "ANKARA, Nov. 29 (Xinhua) -- Turkish Prime Ministry Emergency Management Directorate was quoted "
            "by Anatolia as saying that a military airplane would leave for Pakistan.",
            "Turkish Prime Ministry Emergency Management Directorate",
            "TUR",
        ),
        # must find no body: a title and a name after the demonym
        ("ANKARA, Nov. 29 (Xinhua) -- Turkish Prime Minister Recep Tayyip Erdogan said so.", None, None),
    ],
)
def test_actors_unseen_bodies_ner_left_after_a_demonym(
    text: str, body: str | None, country: str | None
) -> None:
    orgs = {(m.text, m.country) for m in find_actor_mentions(load_nlp()(text)) if m.kind == "organisation"}
    assert orgs == ({(body, country)} if body else set()), orgs
