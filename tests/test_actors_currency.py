"""A country, demonym or city that names a currency is no actor; the same words elsewhere are."""

from __future__ import annotations

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
def test_actors_currency_is_no_actor(text: str, actors: list[str]) -> None:
    found = extract_document(text, published="2005-11-14").actors
    assert sorted(found[S.ACTOR].tolist()) == sorted(actors)
