"""The place gazetteer (extract/actors/places.py): GeoNames + ISO 3166-2 names to countries."""

from __future__ import annotations

import pytest

from extract.actors.places import load_places, place_keys


@pytest.mark.parametrize(
    ("name", "context", "country"),
    [
        ("Florida", (), "USA"),  # the US state outweighs Uruguay's department and a Cuban town
        ("Maryland", (), "USA"),  # not Liberia's county
        ("Texas", (), "USA"),
        ("Wales", (), "GBR"),
        ("Essex", (), "GBR"),  # the English county, not Essex, Maryland
        ("Essex County", ("GBR",), "GBR"),  # US counties of that name yield to the context
        ("Riverside County", (), "USA"),
        ("Hauts-de-Seine", (), "FRA"),
        ("Shanxi Province", (), "CHN"),  # type word dropped: "Shanxi Sheng"
        ("Fontana", (), "USA"),  # a California city outweighs a Maltese local council
        ("Sao Paulo", (), "BRA"),  # accents folded
        ("Victoria", ("CAN",), "CAN"),  # a clash settled by the document's countries
        # must find nothing: ambiguous without context, compass and region words, foreign names
        ("Punjab", (), None),
        ("Victoria", (), None),
        ("South East", (), None),
        ("Pole", (), None),
        ("North", (), None),
        ("International", (), None),  # "International City" (Dubai) is not shortened
        ("Lingshi County", (), None),  # too small for the 15,000-people cities file
        ("Londres", (), None),  # GeoNames' alternate (foreign) names are never used
        ("Free State", (), "ZAF"),
        ("Free", (), None),  # "State" is part of the province's name, not its type
        ("British Columbia", (), "CAN"),
    ],
)
def test_actors_places_country(name: str, context: tuple[str, ...], country: str | None) -> None:
    assert load_places().country(name, context) == country


def test_actors_places_keys_drop_type_words() -> None:
    assert place_keys("Fujian Sheng") == ["fujian sheng", "fujian"]
    assert place_keys("Mpumalanga Province") == ["mpumalanga province", "mpumalanga"]
    assert place_keys("Kent") == ["kent"]


def test_actors_places_weights_rank_divisions_above_towns() -> None:
    places = load_places()
    assert places.weight("Ohio") > places.weight("Paris") > places.weight("Redmond") > 0
    assert places.weight("Xyzzyville") == 0


def test_actors_places_small_towns_need_the_context() -> None:
    places = load_places()
    assert places.country("Olympic") is None  # a compass/region word, never looked up
    assert places.country("Cronulla") is None  # 17,703 people: too small outside its country
    assert places.country("Cronulla", ("AUS",)) == "AUS"
