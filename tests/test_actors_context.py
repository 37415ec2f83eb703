"""Country from context (extract/actors/context.py, rules/actors/context.toml): what each rule
gives, how the code was found (country_source), and what must stay without a code."""

from __future__ import annotations

import pytest

from extract import schema as S
from extract.actors import build_actors_frame, find_actor_mentions
from extract.actors.data import check_entry
from extract.nlp import load_nlp

CASES = [
    # text, dateline, surface, country, how
    ("California-based Hewlett-Packard said sales rose.", None, "California", "USA", "place"),
    ("The Kenyan-born runner John Ngugi won.", None, "John Ngugi", "KEN", "born"),
    ("Senator Mark Udall of Colorado voted no.", None, "Mark Udall", "USA", "appositive"),
    ("Microsoft chief operating officer Kevin Turner spoke.", None, "Kevin Turner", "USA", "title"),
    ("He joined Essex County Council in England.", None, "Essex County Council", "GBR", "part"),
    ("President Mwangi Kamau spoke on Sunday.", "NAIROBI, Dec 17 (AFP)", "Mwangi Kamau", "KEN", "dateline"),
    ("The Senate voted on Tuesday.", "WASHINGTON, Nov. 8 (Xinhua)", "Senate", "USA", "dateline"),
    (
        "SEOUL, Nov 16 (Yonhap) - The talks ended. Prime Minister Kim Boo Kyum spoke later.",
        None,
        "Kim Boo Kyum",
        "KOR",
        "dateline",
    ),
    # the text's own dateline wins over a record's dateline field
    (
        "BEIJING, Nov. 19 (Xinhua)-- Chief economist Li Ming spoke.",
        "MELBOURNE, Australia, Nov. 19",
        "Li Ming",
        "CHN",
        "dateline",
    ),
    # an office at a body named before the person's name: the body's country
    (
        "The magazine quoted Vice President Director of PT Telcom, Garuda Sugardo, as saying so.",
        None,
        "Garuda Sugardo",
        "IDN",
        "affiliation",
    ),
    (
        "The magazine quoted the chairman of Toyota, Fujio Cho, as saying so.",
        None,
        "Fujio Cho",
        "JPN",
        "affiliation",
    ),
    # a legal form of one country's law
    ("A senior official of PT Telcom said the satellite was ready.", None, "PT Telcom", "IDN", "part"),
    ("The company Maybank Sdn Bhd said profits rose sharply.", None, "Maybank Sdn Bhd", "MYS", "part"),
    # the dateline's own place, where the dateline says it lies ("<place>, <region or country>")
    (
        "Israeli police found the bodies near a stream in Wadi Kelt, police sources said.",
        "WADI KELT, West Bank, April 25 (AFP)",
        "Wadi Kelt",
        "PSE",
        "dateline",
    ),
    # must find nothing
    (
        "Israeli police found the bodies near a stream in Wadi Kelt, police sources said.",
        "WADI KELT, April 25 (AFP)",
        "Wadi Kelt",
        None,
        None,
    ),  # a dateline of one part says nothing of where its place lies
    (
        "Siemens AG and Globex GmbH said profits rose.",
        None,
        "Globex GmbH",
        None,
        None,
    ),  # several countries' form
    (
        "The future of PT Telcom, Garuda Sugardo said, is bright.",
        None,
        "Garuda Sugardo",
        None,
        None,
    ),  # no office
    (
        "Rebels of the Moro Islamic Liberation Front attacked.",
        None,
        "Moro Islamic Liberation Front",
        None,
        None,
    ),  # Moro is a Pakistani town: a town abroad in a name is no evidence
    ("President Mwangi Kamau spoke on Sunday.", None, "Mwangi Kamau", None, None),  # no dateline
    ("EU Competition Commissioner Neelie Kroes spoke.", "PARIS, Nov. 14", "Neelie Kroes", None, None),
    ("Shares of Gaz de France and Suez rose.", None, "Suez", None, None),  # a company, not the city
    (
        "Beijing hosted US President George W. Bush, US Secretary of State Condoleezza Rice and US adviser "
        "Stephen Hadley. Secretary Tom Ridge came too.",
        "BEIJING, Nov. 19",
        "Tom Ridge",
        None,
        None,
    ),  # the US actors outnumber the Chinese: no dateline default
    ("The researchers reached the South Pole.", None, "South Pole", None, None),
    # a list is no appositive: the body after the first one's comma names a second body
    (
        "The meeting is organized by the World Psychiatrists Association, the Nepali Department of "
        "Psychiatrists and Mental Health, and Psychiatrists Association of Nepal.",
        "KATHMANDU, Nov. 3 (Xinhua)",
        "World Psychiatrists Association",
        None,
        None,
    ),
    (
        "The meeting was held by the World Health Organization and the Nepali Ministry of Health, "
        "the Nepal Medical Association and the Red Cross.",
        "KATHMANDU, Nov. 3 (Xinhua)",
        "World Health Organization",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "dateline", "surface", "country", "how"), CASES)
def test_actors_context_country_and_how(
    text: str, dateline: str | None, surface: str, country: str | None, how: str | None
) -> None:
    mentions = [m for m in find_actor_mentions(load_nlp()(text), dateline=dateline) if m.text == surface]
    if country is None:
        assert all(m.country is None and m.country_source is None for m in mentions), mentions
        return
    assert mentions, f"{surface!r} not found in {text!r}"
    assert {(m.country, m.country_source) for m in mentions} == {(country, how)}


def test_actors_context_every_source_is_in_the_schema() -> None:
    assert {case[4] for case in CASES if case[4]} <= set(S.COUNTRY_SOURCES)


def test_actors_context_no_acronym_merge_when_ambiguous() -> None:
    text = "The Khmer Nation Party met the Kenya National Party. Later the KNP said no."
    mentions = find_actor_mentions(load_nlp()(text))
    assert [m.actor for m in mentions if m.text == "KNP"] != ["Khmer Nation Party"]


def test_actors_context_acronym_linked_by_initials() -> None:
    text = "Members of the Khmer Nation Party marched. The KNP said it would go on."
    mentions = find_actor_mentions(load_nlp()(text))
    assert {m.actor for m in mentions if m.text == "KNP"} == {"Khmer Nation Party"}


def test_actors_context_frame_prefers_evidence_to_the_dateline() -> None:
    doc_a = find_actor_mentions(load_nlp()("President Sipho Mokoena spoke."), dateline="NAIROBI, May 2")
    doc_b = find_actor_mentions(load_nlp()("South African President Sipho Mokoena spoke."))
    doc_c = find_actor_mentions(load_nlp()("President Sipho Mokoena left."), dateline="LONDON, May 3")
    frame, _ = build_actors_frame({"a": doc_a, "b": doc_b, "c": doc_c})
    row = frame.set_index(S.ACTOR).loc["Sipho Mokoena"]
    assert (row[S.COUNTRY], row[S.COUNTRY_SOURCE]) == ("ZAF", "title")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"country": "USA", "alias": ["FAA"]}, "unknown field 'alias'"),
        ({"country": "US"}, "field 'country' is not an ISO 3166-1 alpha-3 code"),
        ({"aliases": "FAA"}, "field 'aliases' has the wrong type"),
        ("USA", "expected a table"),
    ],
)
def test_actors_context_malformed_rule_names_file_rule_and_field(spec: object, message: str) -> None:
    with pytest.raises(
        ValueError, match="bodies.toml: \\[bodies\\] 'Federal Aviation Administration'"
    ) as err:
        check_entry(
            "bodies.toml",
            "bodies",
            "Federal Aviation Administration",
            spec,
            {"country": str, "aliases": list},
        )
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"based": {"wordz": ["based"]}}, "context.toml: [based] 'based': unknown field 'wordz'"),
        ({"based": {}}, "context.toml: [based] lacks field 'words'"),
        ({"affiliation": {"prepositions": ["of"], "max_depth": "4"}}, "field 'max_depth' has the wrong type"),
    ],
)
def test_actors_context_malformed_context_table_fails_loudly(data: dict[str, object], message: str) -> None:
    from extract.actors.context_rules import _table

    with pytest.raises(ValueError, match=message.replace("[", "\\[").replace("]", "\\]")):
        _table(data, next(iter(data)))


@pytest.mark.parametrize(
    ("forms", "message"),
    [
        ({"GmbH": ["DEU", "AUT"]}, "[legal_forms.suffixes] 'GmbH': expected one country"),
        ({"Tbk": ["ID"]}, "[legal_forms.suffixes] 'Tbk': expected a list of ISO 3166-1 alpha-3 codes"),
    ],
)
def test_actors_context_legal_form_of_one_country_only(forms: dict[str, list[str]], message: str) -> None:
    from extract.actors.context_rules import _forms

    with pytest.raises(ValueError, match=message.replace("[", "\\[").replace("]", "\\]")):
        _forms({"suffixes": forms}, "suffixes")


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Sainsbury's said profits rose. Sainsbury's chief executive left.", {"Sainsbury's"}),
        ("Microsoft's chief executive spoke.", {"Microsoft"}),  # a possessive of a name without 's
    ],
)
def test_actors_context_possessives_kept_whole(text: str, actors: set[str]) -> None:
    found = {m.actor for m in find_actor_mentions(load_nlp()(text)) if m.kind == "organisation"}
    assert found == actors
