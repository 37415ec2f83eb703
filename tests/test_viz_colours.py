"""Fixed colours: the same value always gets the same colour; the table is checked at load."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.viz import colours as K


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("PRK", "country", "#009E73"),
        ("USA", "country", "#0072B2"),
        ("OTHER", "type", "#C7B98F"),
        ("(none)", "country", "#B0B0B0"),
        ("", "type", "#B0B0B0"),
    ],
)
def test_colours_listed_values_have_their_own_colour(value: str, kind: str, expected: str) -> None:
    assert K.colour_of(value, kind) == expected


def test_colours_unlisted_values_get_a_stable_spare_colour() -> None:
    _, _, spare, _ = K.load()
    assert K.colour_of("ZZZ") in spare and K.colour_of("ZZZ") == K.colour_of("ZZZ")
    assert K.colour_of("PRK", "country") != K.colour_of("OTHER", "type")


def test_colours_country_and_type_tables_have_no_duplicates() -> None:
    countries, types, _, _ = K.load()
    assert len(set(countries.values())) == len(countries) and len(set(types.values())) == len(types)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('none = "#B0B0B0"\n[countries]\nPRK = "green"\n[spare]\ncolours = ["#000000"]\n', "countries.PRK"),
        ('none = "#B0B0B0"\n[spare]\ncolours = []\n', "spare.colours"),
        ("none = [\n", "colours.toml"),
    ],
)
def test_colours_malformed_table_fails_loudly_naming_the_key(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "colours.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(K.ColourError, match=where.replace(".", r"\.")):
        K.load.__wrapped__(path)


@pytest.mark.parametrize(
    ("values", "moved"),
    [
        (["ITA", "GRC"], {"ITA"}),  # one hash colour: the first by code (GRC) keeps it
        (["GRC", "ITA", "FIN"], {"GRC", "ITA"}),  # FIN < GRC < ITA share a slot
        (["ITA"], set()),  # alone: its own hash colour
        (["DNK", "ISL"], {"ISL"}),  # near twins (#FB9A99 / #FF9896) read as one colour
        (["ITA", "PRK", "USA", "(none)"], set()),  # nothing shares: nothing moves
        (["PRK", "KOR", "CHN"], set()),  # listed values never move
    ],
)
def test_colours_values_drawn_together_get_distinct_colours(values: list[str], moved: set[str]) -> None:
    got = K.colours_for(values)
    assert len(set(got.values())) == len(values)
    assert {v for v in values if got[v] != K.colour_of(v)} == moved


def test_colours_distinct_until_the_spare_colours_run_out() -> None:
    _, _, spare, _ = K.load()
    many = [f"Z{i:02d}" for i in range(len(spare) + 3)]  # unlisted codes, more than spare colours
    got = K.colours_for(many)
    assert set(got[v] for v in many[: len(spare)]) | set(got.values()) == set(spare)
    assert len(set(got.values())) == len(spare)
    assert K.colours_for(many) == got  # the same values, the same colours


def test_colours_a_moved_value_takes_the_free_colour_least_like_those_drawn() -> None:
    """In the demo Italy moved off Greece's colour onto a light blue beside France's and the Netherlands'."""
    drawn = ["FRA", "GRC", "ITA", "NLD", "KOR", "USA"]
    got = K.colours_for(drawn)
    _, _, spare, _ = K.load()
    others = [got[v] for v in drawn if v != "ITA"]
    nearest = min(K._distance(got["ITA"], c) for c in others)
    free = [c for c in spare if c not in others]
    assert nearest == max(min(K._distance(f, c) for c in others) for f in free)
    assert K._distance("#A6CEE3", "#88CCEE") < nearest  # the twin it took before
