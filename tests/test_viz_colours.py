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
