"""The weak defaults (extract/actors/weak.py): the dateline for office-holders, not for a bare rank
where a foreign force is named nor for an office of a body named by a common noun; a person's staff
and relatives share that person's country."""

from __future__ import annotations

import pytest

from extract.actors import find_actor_mentions
from extract.nlp import load_nlp

CASES = [
    # text, person, country, how
    (
        "BAGHDAD, Oct 31 (AFP) - Gen. Hassan Ali said Iraqi police were attacked.",
        "Hassan Ali",
        "IRQ",
        "dateline",
    ),
    ("BAGHDAD, Oct 31 (AFP) - US troops said Colonel William Wood died.", "William Wood", None, None),
    ("KABUL, May 2 (AFP) - The coalition said Major John Hart was hurt.", "John Hart", None, None),
    (
        "BAGHDAD, Oct 31 (AFP) - US troops left. Interior Minister Bayan Jabr spoke.",
        "Bayan Jabr",
        "IRQ",
        "dateline",
    ),
    (
        "VIENNA, March 3 (AFP) - The International Atomic Energy Agency met. The agency's chief Mohamed ElBaradei spoke.",
        "Mohamed ElBaradei",
        None,
        None,
    ),
    (
        "NAIROBI, Dec 17 (AFP) - The country's president Mwangi Kamau spoke.",
        "Mwangi Kamau",
        "KEN",
        "dateline",
    ),
    ("NAIROBI, Dec 17 (AFP) - The group's director Mwangi Kamau spoke.", "Mwangi Kamau", None, None),
    # an office named after the name with "as" is an office too; a plain "as" phrase is none
    (
        "JERUSALEM, Nov 8 (AFP) - Lawmakers rejected the appointment of Roni Bar-On as industry minister.",
        "Roni Bar-On",
        "ISR",
        "dateline",
    ),
    ("JERUSALEM, Nov 8 (AFP) - Lawmakers praised Roni Bar-On as a good friend.", "Roni Bar-On", None, None),
    (
        "BEIJING, Nov 19 (Xinhua) - US President George W. Bush came with Bush's wife Laura Bush.",
        "Laura Bush",
        "USA",
        "title",
    ),
    ("US President George W. Bush met Bush's counterpart Tom Casey.", "Tom Casey", None, None),
]


@pytest.mark.parametrize(("text", "person", "country", "how"), CASES)
def test_actors_weak_default_and_relations(
    text: str, person: str, country: str | None, how: str | None
) -> None:
    mentions = [m for m in find_actor_mentions(load_nlp()(text)) if m.actor == person]
    assert mentions, f"{person!r} not found in {text!r}"
    assert {(m.country, m.country_source) for m in mentions} == {(country, how)}


# a small place named as such takes the dateline's country only while that country names as many of
# the story's countries and places as another (each counted once; twice as many still passes)
SMALL_PLACES = [
    (
        "OTTAWA, Nov. 8 (Xinhua) - Canadian wrestler Daniel Igali was robbed in Yenagoa, Nigeria. Igali "
        "said Lagos police had not called, and papers in Kano and Port Harcourt reported it. Igali had "
        "built an academy in the village of Enewari.",
        "Enewari",
        None,
        None,
    ),
    (
        "OTTAWA, Nov. 8 (Xinhua) - Daniel Igali, back from Nigeria, opened an academy in the village of Enewari.",
        "Enewari",
        "CAN",
        "dateline",
    ),
    (
        "BAGHDAD, Dec 28 (AFP) - Seven people were killed, medics at the Al-Kindi hospital said.",
        "Al-Kindi",
        "IRQ",
        "dateline",
    ),
]


@pytest.mark.parametrize(("text", "place", "country", "how"), SMALL_PLACES)
def test_actors_weak_small_place_lies_where_the_story_is(
    text: str, place: str, country: str | None, how: str | None
) -> None:
    mentions = [m for m in find_actor_mentions(load_nlp()(text)) if m.actor == place]
    assert mentions, f"{place!r} not found in {text!r}"
    assert {(m.country, m.country_source) for m in mentions} == {(country, how)}


# a club before a player's position lends the player no country, by title phrase or as the weak
# default's qualifier; a country or a national side still does, and a club still does for officers
CLUB_PLAYERS = [
    (
        "NEW YORK, Dec 27 (AFP) - Igawa joins Tampa Bay Devil Rays infielder Akinori Iwamura.",
        "Akinori Iwamura",
        None,
    ),
    (
        "LONDON, Dec 27 (AFP) - The deal was agreed by Chelsea striker Andriy Shevchenko.",
        "Andriy Shevchenko",
        None,
    ),
    ("PARIS, Dec 27 (AFP) - Then France coach Bernard Laporte named his squad.", "Bernard Laporte", "FRA"),
    (
        "NEW YORK, Dec 27 (AFP) - New York Yankees chairman George Steinbrenner spoke.",
        "George Steinbrenner",
        "USA",
    ),
]


@pytest.mark.parametrize(("text", "person", "country"), CLUB_PLAYERS)
def test_actors_weak_club_lends_player_no_country(text: str, person: str, country: str | None) -> None:
    mentions = [m for m in find_actor_mentions(load_nlp()(text)) if m.actor == person]
    assert mentions, f"{person!r} not found in {text!r}"
    assert {m.country for m in mentions} == {country}
