"""The country of a document's dateline ("NAIROBI, Dec 17 (AFP) -", "LINGSHI, Shanxi, Nov. 15").

A dateline names where the story was filed; the context rules use its country as a weak default
for office-holders and generic national bodies, and as context for ambiguous place names. It is
read from an explicit dateline string (corpora that keep it apart from the text) or from the
text's first line: a run of capitalised words before a comma.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.actors.data import (
    ROLE_CAPITAL,
    ROLE_CITY,
    ROLE_COUNTRY,
    ROLE_REGION,
    ROLE_SEAT,
    Gazetteer,
    norm_key,
)
from extract.actors.places import PlaceIndex

__all__ = ["dateline_country", "dateline_is_capital", "dateline_place"]

MAX_PLACE_WORDS = 4
_ROLES = frozenset(
    {ROLE_CAPITAL, ROLE_CITY, ROLE_COUNTRY, ROLE_SEAT, ROLE_REGION}
)  # a region of one country: "West Bank"


def _leading_place(doc: Doc) -> str | None:
    """The upper-case words that open the text before a comma ("SAN FRANCISCO"), or None."""
    words: list[str] = []
    for tok in doc[: MAX_PLACE_WORDS + 1]:
        if tok.text == ",":
            return " ".join(words) if words else None
        if not (tok.is_alpha and tok.is_upper and len(tok) > 1):
            return None
        words.append(tok.text)
    return None


def _country_of(name: str, gaz: Gazetteer, places: PlaceIndex, context: tuple[str, ...]) -> str | None:
    entry = gaz.entries.get(norm_key(name))
    if entry is not None and entry.role in _ROLES:
        return entry.country
    return places.country(name, context)


def _dateline_names(doc: Doc, dateline: str | None) -> list[str]:
    """The place names of the dateline: the text's own one, else the ``dateline`` argument's."""
    lead = _leading_place(doc)
    if lead:
        parts = [lead]  # the text's own dateline wins over a record's field, which can be wrong
    elif dateline:
        parts = [p.strip() for p in dateline.split("(")[0].split(",")]
    else:
        parts = []
    return [p for p in parts[:2] if p and not any(ch.isdigit() for ch in p)]


def dateline_country(doc: Doc, gaz: Gazetteer, places: PlaceIndex, dateline: str | None = None) -> str | None:
    """ISO3 of the dateline's place, or None when there is no dateline or its place is unknown.

    A dateline opening the text is preferred to the ``dateline`` argument (a corpus record
    said "MELBOURNE, Australia" over a text filed "BEIJING, Nov. 19 (Xinhua)--").
    "LINGSHI, Shanxi" is read part by part: a second part that names a division or a country
    settles the first ("Lingshi" alone is unknown, "Shanxi" is Chinese).
    """
    for name in reversed(_dateline_names(doc, dateline)):  # the broader part first: "Shanxi" first
        country = _country_of(name, gaz, places, ())
        if country is not None:
            return country
    return None


def dateline_is_capital(doc: Doc, gaz: Gazetteer, dateline: str | None = None) -> bool:
    """Is the dateline's place its country's capital ("NAIROBI", not "SAN FRANCISCO")? Then "the
    capital" in the story is that city."""
    names = _dateline_names(doc, dateline)
    entry = gaz.entries.get(norm_key(names[0])) if names else None
    return entry is not None and entry.role in (ROLE_CAPITAL, ROLE_SEAT)


def dateline_place(doc: Doc, dateline: str | None = None) -> str | None:
    """The dateline's own place when the dateline says where it lies ("WADI KELT, West Bank",
    "BALAKOT, Pakistan"): that place, named in the story, is in the dateline's country. None for a
    dateline of one part, whose country came from the name itself."""
    names = _dateline_names(doc, dateline)
    return names[0] if len(names) == 2 else None
