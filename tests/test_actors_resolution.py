"""find_actor_mentions: kinds, countries and canonical names on small sentences (real spaCy)."""

from __future__ import annotations

import pytest

from extract.actors import ActorMention, find_actor_mentions, mentions_by_token
from extract.nlp import load_nlp

Row = tuple[str, str, str, str, "str | None"]


def _mentions(text: str) -> list[ActorMention]:
    return find_actor_mentions(load_nlp()(text))


def _check(text: str, surface: str, actor: str, kind: str, country: str | None) -> None:
    found = [(m.actor, m.kind, m.country) for m in _mentions(text) if m.text == surface]
    assert found and all(f == (actor, kind, country) for f in found), f"{surface!r} in {text!r}: {found}"


DEMONYMS: list[Row] = [
    ("Chinese President Liu Wenbo arrived.", "Liu Wenbo", "Liu Wenbo", "person", "CHN"),
    ("A French economist warned of a slowdown.", "French", "France", "country", "FRA"),
    ("The Dutch voted against the treaty.", "Dutch", "Netherlands", "country", "NLD"),
    (
        "Korea's top deputy national security adviser Kim Tae-hyo spoke.",
        "Kim Tae-hyo",
        "Kim Tae-hyo",
        "person",
        "KOR",
    ),
    ("Russia's Rosneft cut output.", "Rosneft", "Rosneft", "organisation", "RUS"),
    (
        "German Chancellor Hans Mustermann met reporters.",
        "Hans Mustermann",
        "Hans Mustermann",
        "person",
        "DEU",
    ),
    ("Russian Defense Minister Pavel Orlov spoke.", "Pavel Orlov", "Pavel Orlov", "person", "RUS"),
    (
        "Sergei Volkov, Russia's defence minister, spoke on Monday.",
        "Sergei Volkov",
        "Sergei Volkov",
        "person",
        "RUS",
    ),
    ("Iranian troops crossed the border.", "Iranian", "Iran", "country", "IRN"),
    ("The bronze went to Park Ji-hoon of South Korea.", "Park Ji-hoon", "Park Ji-hoon", "person", "KOR"),
    (
        '"We will respond," said Reza Tavakoli, secretary of Iran\'s Supreme National Security Council.',
        "Reza Tavakoli",
        "Reza Tavakoli",
        "person",
        "IRN",
    ),
    (
        "Vietnamese Deputy Prime Minister and Foreign Minister Tran Van Long will co-chair the meeting.",
        "Tran Van Long",
        "Tran Van Long",
        "person",
        "VNM",
    ),
    (
        "Gazprom chief executive Ivan Sokolov said prices would rise.",
        "Ivan Sokolov",
        "Ivan Sokolov",
        "person",
        "RUS",
    ),
    (
        "Texas Attorney General Dan Morales announced the arrests.",
        "Dan Morales",
        "Dan Morales",
        "person",
        "USA",
    ),
    ("The talks involved Ukrainian officials.", "Ukrainian", "Ukraine", "country", "UKR"),
]


@pytest.mark.parametrize(("text", "surface", "actor", "kind", "country"), DEMONYMS)
def test_actors_demonyms_give_countries(
    text: str, surface: str, actor: str, kind: str, country: str | None
) -> None:
    _check(text, surface, actor, kind, country)


CAPITALS: list[Row] = [
    # the government: subject, possessive, object of with/by
    ("Pyongyang fired a missile on Sunday.", "Pyongyang", "North Korea", "country", "PRK"),
    ("Moscow denied the report.", "Moscow", "Russia", "country", "RUS"),
    (
        "Pyongyang's deepening military cooperation with Moscow worries Tokyo.",
        "Moscow",
        "Russia",
        "country",
        "RUS",
    ),
    (
        "Pyongyang's deepening military cooperation with Moscow worries Tokyo.",
        "Tokyo",
        "Japan",
        "country",
        "JPN",
    ),
    ("The move was cautiously welcomed by Seoul.", "Seoul", "South Korea", "country", "KOR"),
    ("Washington imposed new sanctions.", "Washington", "United States", "country", "USA"),
    ("Tehran rejected the proposal.", "Tehran", "Iran", "country", "IRN"),
    ("Kyiv asked for more air defence.", "Kyiv", "Ukraine", "country", "UKR"),
    ("The Kremlin said nothing.", "Kremlin", "Russia", "country", "RUS"),
    # the place: locative phrases, compounds, datelines
    ("Yoon spoke at a summit in Lima.", "Lima", "Lima", "place", "PER"),
    ("The delegation arrived in Seoul on Monday.", "Seoul", "Seoul", "place", "KOR"),
    ("He flew from London to Paris.", "London", "London", "place", "GBR"),
    ("He flew from London to Paris.", "Paris", "Paris", "place", "FRA"),
    ("Talks were held at a Beijing hotel.", "Beijing", "Beijing", "place", "CHN"),
    ("Shares rose in Shanghai.", "Shanghai", "Shanghai", "place", "CHN"),
    ("BEIJING, Nov. 27 (Xinhua) -- China will issue rules.", "BEIJING", "Beijing", "place", "CHN"),
]


@pytest.mark.parametrize(("text", "surface", "actor", "kind", "country"), CAPITALS)
def test_actors_capital_government_or_place(
    text: str, surface: str, actor: str, kind: str, country: str | None
) -> None:
    _check(text, surface, actor, kind, country)


KOREA: list[Row] = [
    ("Korea's president calls on Xi to help.", "Korea", "South Korea", "country", "KOR"),
    ("Korean President Park Min-su met Xi.", "Park Min-su", "Park Min-su", "person", "KOR"),
    ("North Korea's provocations continued.", "North Korea", "North Korea", "country", "PRK"),
    (
        "The EU demands the withdrawal of the North Korean troops.",
        "North Korean",
        "North Korea",
        "country",
        "PRK",
    ),
    ("The DPRK said it would respond.", "DPRK", "North Korea", "country", "PRK"),
    ("South Korea expressed hope.", "South Korea", "South Korea", "country", "KOR"),
    ("China-South Korea relations improved.", "South Korea", "South Korea", "country", "KOR"),
    ("Tensions rose on the Korean Peninsula.", "Korean Peninsula", "Korean Peninsula", "region", None),
    ("North Korean envoy Ri Song Chol watched the test.", "Ri Song Chol", "Ri Song Chol", "person", "PRK"),
    ("Kim Jong Un watched the test.", "Kim Jong Un", "Kim Jong Un", "person", "PRK"),
]


@pytest.mark.parametrize(("text", "surface", "actor", "kind", "country"), KOREA)
def test_actors_korea_disambiguation(
    text: str, surface: str, actor: str, kind: str, country: str | None
) -> None:
    _check(text, surface, actor, kind, country)


MEDIA: list[Row] = [
    ("The report was carried by Yonhap.", "Yonhap", "Yonhap", "media", "KOR"),
    ("Ukrinform reported the briefing.", "Ukrinform", "Ukrinform", "media", "UKR"),
    ("Xinhua said the plant would close.", "Xinhua", "Xinhua", "media", "CHN"),
    ("He told Reuters the deal was off.", "Reuters", "Reuters", "media", "GBR"),
    ("The interview was aired by Al Jazeera.", "Al Jazeera", "Al Jazeera", "media", "QAT"),
    (
        "According to the New York Times, the plan failed.",
        "New York Times",
        "The New York Times",
        "media",
        "USA",
    ),
    ("TASS quoted an official.", "TASS", "TASS", "media", "RUS"),
    ("The BBC and CNN covered it.", "CNN", "CNN", "media", "USA"),
]


@pytest.mark.parametrize(("text", "surface", "actor", "kind", "country"), MEDIA)
def test_actors_media_outlets(text: str, surface: str, actor: str, kind: str, country: str | None) -> None:
    _check(text, surface, actor, kind, country)


INTERNATIONAL: list[Row] = [
    ("The EU demands the withdrawal.", "EU", "European Union", "international", None),
    ("The UN Security Council met.", "UN Security Council", "United Nations", "international", None),
    ("NATO allies agreed.", "NATO", "NATO", "international", None),
    ("APEC leaders met in Lima.", "APEC", "Asia-Pacific Economic Cooperation", "international", None),
    ("The IMF cut its forecast.", "IMF", "International Monetary Fund", "international", None),
    ("China joined the WTO in 2001.", "WTO", "World Trade Organization", "international", None),
    ("ASEAN ministers gathered.", "ASEAN", "Association of Southeast Asian Nations", "international", None),
    ("OPEC raised output.", "OPEC", "OPEC", "international", None),
    ("The IAEA inspectors left.", "IAEA", "International Atomic Energy Agency", "international", None),
    ("The WHO declared an emergency.", "WHO", "World Health Organization", "international", None),
]


@pytest.mark.parametrize(("text", "surface", "actor", "kind", "country"), INTERNATIONAL)
def test_actors_international_bodies(
    text: str, surface: str, actor: str, kind: str, country: str | None
) -> None:
    _check(text, surface, actor, kind, country)


ORGANISATIONS: list[Row] = [
    ("Gazprom raised prices.", "Gazprom", "Gazprom", "organisation", "RUS"),
    ("Iraq will play Jordan, Syria and Kyrgyzstan.", "Jordan", "Jordan", "country", "JOR"),
    ("Basketball star Michael Jordan retired.", "Michael Jordan", "Michael Jordan", "person", None),
    (
        "The Palestinian Legislative Council (PLC) met. The PLC voted.",
        "PLC",
        "Palestinian Legislative Council",
        "organisation",
        "PSE",
    ),
    ("Storms hit New Jersey on Monday.", "New Jersey", "New Jersey", "place", "USA"),
    (
        "The blast hit a mine in Heilongjiang Province.",
        "Heilongjiang Province",
        "Heilongjiang Province",
        "place",
        "CHN",
    ),
    ("Human Rights Watch said HRW had evidence.", "HRW", "Human Rights Watch", "organisation", None),
    ("Samsung posted a record profit.", "Samsung", "Samsung", "organisation", "KOR"),
    (
        "The Chinese Foreign Ministry protested.",
        "Chinese Foreign Ministry",
        "Chinese Foreign Ministry",
        "organisation",
        "CHN",
    ),
    (
        "The Kuala Lumpur Stock Exchange fell.",
        "Kuala Lumpur Stock Exchange",
        "Kuala Lumpur Stock Exchange",
        "organisation",
        "MYS",
    ),
]


@pytest.mark.parametrize(("text", "surface", "actor", "kind", "country"), ORGANISATIONS)
def test_actors_organisations_with_country(
    text: str, surface: str, actor: str, kind: str, country: str | None
) -> None:
    _check(text, surface, actor, kind, country)


NOTHING: list[tuple[str, str]] = [
    ("Prices fell in May and rose in June.", "May"),
    ("Who said that?", "Who"),
    ("Let us know what you think.", "us"),
    ("Budget carrier AirAsia expanded.", "Budget"),
    ("Trading closed at 1600 GMT.", "GMT"),
    ("The Iraq issue dominated; Iraqis voted.", "Iraq is"),
    ("We roasted a turkey for dinner.", "turkey"),
    ("he said the china was broken", "china"),
    ("Russian Defense Minister Pavel Orlov spoke.", "Defense"),
    ("Elsewhere Borussia Dortmund recorded a win.", "Elsewhere Borussia Dortmund"),
    ("Fans in the East cheered.", "East"),
]


@pytest.mark.parametrize(("text", "surface"), NOTHING)
def test_actors_find_nothing(text: str, surface: str) -> None:
    assert surface not in {m.text for m in _mentions(text)}


@pytest.mark.parametrize(
    "text", ["", "   \n\n ", "the quick brown fox jumps over the lazy dog", "12:30 -- 1,183.17"]
)
def test_actors_empty_or_plain_text(text: str) -> None:
    assert _mentions(text) == []


def test_actors_mentions_by_token_covers_spans() -> None:
    doc = load_nlp()("Chinese President Xi Jinping met Yoon Suk Yeol in Lima.")
    ms = find_actor_mentions(doc)
    index = mentions_by_token(ms)
    for m in ms:
        assert m.token_start <= m.head_token < m.token_end
        assert all(index[i] is m for i in range(m.token_start, m.token_end))
        assert doc[m.token_start : m.token_end].text == m.text


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("Wang Lei, the Chinese ambassador to Japan, left.", "Wang Lei", "CHN"),
        ("Maria Lopez, the new ambassador to China, arrived.", "Maria Lopez", None),
    ],
)
def test_actors_apposition_country_only_from_possessive_demonym_or_of(
    text: str, surface: str, country: str | None
) -> None:
    assert {m.country for m in _mentions(text) if m.text == surface} == {country}


def test_actors_unparsed_doc_is_a_clear_error() -> None:
    nlp = load_nlp()
    with pytest.raises(ValueError, match="parsed Doc"):
        find_actor_mentions(nlp.make_doc("Pyongyang fired a missile."))
    assert find_actor_mentions(nlp.make_doc("")) == []


@pytest.mark.parametrize(
    ("text", "surface", "kinds"),
    [
        (
            "Shen refused to comment on reports over the weekend from Tokyo that Jiang would offer the post"
            " of vice-president to Taiwan's top official. \"They were from the meeting between President"
            ' Jiang and the Japanese foreign minister," he said.',
            "Jiang",
            {"person"},
        ),
        ("Floods hit Georgia on Monday. Georgia said the damage was severe.", "Georgia", {"country"}),
    ],
)
def test_actors_resolution_place_named_as_person_of_document(
    text: str, surface: str, kinds: set[str]
) -> None:
    found = {m.kind for m in find_actor_mentions(load_nlp()(text)) if m.text == surface}
    assert found == kinds
