"""The vocabularies of ``extract/rules/actors/context.toml``, read and checked once per process.

A table or field that is missing or of the wrong type is a ValueError naming the file, the rule
(table) and the field, so a misspelt rule never silently loses a country.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import pycountry

from extract.actors.data import check_entry, read_rule_file

__all__ = ["ContextRules", "load_context_rules"]

_FILE = "context.toml"


@dataclass(frozen=True)
class ContextRules:
    """The vocabularies of context.toml."""

    based: frozenset[str]
    born: frozenset[str]
    of_prepositions: frozenset[str]
    body_prepositions: frozenset[str]  # "with": "X with the World Bank" (a body only, not a place)
    affiliation_prepositions: frozenset[str]
    max_depth: int
    office_titles: frozenset[str]
    national_offices: dict[str, frozenset[str]]  # "secretary of state" -> the countries that have one
    offices_absent: dict[str, frozenset[str]]  # "premier" -> countries that have none (USA)
    staff_titles: frozenset[str]  # "spokeswoman": "Olmert's spokeswoman X" shares Olmert's country
    international_titles: frozenset[str]  # "european": "European Commissioner X" is not local
    ranks: frozenset[str]  # "colonel": no dateline code when the story names a foreign force
    force_words: frozenset[str]  # "troops": "US troops" is a foreign force under BAGHDAD
    coalition_words: frozenset[str]  # "coalition", "multinational": a foreign force
    home_possessors: frozenset[str]  # "country": "the country's president" keeps the dateline default
    home_nouns: frozenset[str]  # "country": "the country's largest Muslim organisation X" is home
    body_nouns: frozenset[str]  # "organisation": such a name NER took for a place is a body
    club_words: frozenset[str]  # "club": "club captain X" holds no national office
    media_nouns: frozenset[str]  # "daily": "the local daily X" and "X newspaper" are outlets
    route_nouns: frozenset[str]  # "highway": "the Puttalam-Anuradhapura highway" names two places
    media_tail: frozenset[str]  # "news", "agency": "the MENA news agency" is the outlet MENA
    agency_tails: frozenset[str]  # "agency", "television": "local Fars news agency" names an outlet
    mastheads: frozenset[str]  # "daily", "times": "Daily News reported" names an outlet
    report_verbs: frozenset[str]  # "report", "say": what an outlet named by its masthead does
    quoting_verbs: frozenset[str]  # "quote": "X was quoted by New Vision as saying": an outlet
    printed_nouns: frozenset[str]  # "report": "a report in the Wen wei Po" names an outlet
    body_heads: frozenset[str]  # "ministry": "quoted by the Foreign Ministry" is no outlet
    market_verbs: frozenset[str]  # "fall": "ANZ fell 20 cents" (lemmas)
    currencies: dict[str, frozenset[str]]  # "rupees" -> the countries that price shares in them
    local_words: frozenset[str]  # "local": "local Daily Star" is of the dateline's country
    here_words: frozenset[str]  # "here": "the Wen wei Po published here" is of the dateline's country
    institutions: frozenset[str]
    place_heads: frozenset[str]  # "temple", "refugee camp": the name before one is a place
    named_after: frozenset[str]  # "street": "Palestine Street" (in Baghdad) is not Palestinian
    border_heads: frozenset[str]  # "crossing": "the Kerem Shalom crossing" takes no dateline default
    unit_words: frozenset[str]  # "department": "X Department of the Y Ministry" is Y's
    place_prepositions: frozenset[str]  # "in", "near": "<place> in <place>"
    compass: frozenset[str]  # "south": "<place>, south of <place>"
    qualifiers: frozenset[str]  # "northern": "in northern Gaza Strip"
    units: frozenset[str]  # "km": "some 80 km east of Los Angeles"
    capital_words: frozenset[str]  # "capital": "the capital's Mathare slums"
    place_only: frozenset[str]  # "airport": an ORG "Sun-an Airport" is a place
    police_words: frozenset[str]  # "police": "Johore police" names a place's police
    short_form_words: frozenset[str]  # "air", "base": "Bagram" after "Bagram Air Base" is that place
    division_words: frozenset[str]  # "state": an NER person "Bayelsa State" is a place
    type_words: frozenset[str]  # "province": the actor "Guangdong province" is named "Guangdong"
    legal_prefixes: dict[str, str]  # "PT" -> "IDN": "PT Telkom" is an Indonesian company
    legal_suffixes: dict[str, str]  # "Sdn Bhd" -> "MYS": "Maju Sdn Bhd" is a Malaysian company
    company_nouns: frozenset[str]  # "companies": "X, one of the largest companies" is no person
    linking_verbs: frozenset[str]  # "become", "come out": "X became the first German" is German
    nationality_nouns: frozenset[str]  # "citizen": "X is a Peruvian citizen" is Peruvian


# every table of context.toml and the fields it must have, with their types
FIELDS: dict[str, dict[str, type]] = {
    "based": {"words": list},
    "born": {"words": list},
    "appositive": {"prepositions": list, "body_prepositions": list},
    "affiliation": {"prepositions": list, "max_depth": int},
    "dateline": {
        "office_titles": list,
        "staff_titles": list,
        "international_titles": list,
        "ranks": list,
        "force_words": list,
        "coalition_words": list,
        "home_possessors": list,
        "home_nouns": list,
        "body_nouns": list,
        "club_words": list,
        "local_words": list,
        "here_words": list,
        "national_offices": dict,
        "offices_absent": dict,
    },
    "located": {"institutions": list},
    "media": {
        "nouns": list,
        "tail": list,
        "agency_tails": list,
        "mastheads": list,
        "report_verbs": list,
        "quoting_verbs": list,
        "body_heads": list,
        "printed_nouns": list,
    },
    "market": {"verbs": list, "currencies": dict},
    "legal_forms": {"prefixes": dict, "suffixes": dict},
    "company": {"appositive_nouns": list},
    "predicate": {"verbs": list, "nouns": list},
    "place_in": {
        "heads": list,
        "prepositions": list,
        "compass": list,
        "qualifiers": list,
        "units": list,
        "capital": list,
        "short_form_words": list,
        "place_only": list,
        "police_words": list,
        "route_nouns": list,
        "type_words": list,
        "division_words": list,
        "named_after": list,
        "border_heads": list,
        "unit_words": list,
    },
}


def _table(data: dict[str, Any], name: str) -> dict[str, Any]:
    spec = check_entry(_FILE, name, name, data.get(name, {}), FIELDS[name])
    missing = [f for f in FIELDS[name] if f not in spec]
    if missing:
        raise ValueError(f"extract/rules/actors/{_FILE}: [{name}] lacks field {missing[0]!r}")
    return spec


def _offices(table: dict[str, Any], name: str, section: str = "dateline") -> dict[str, frozenset[str]]:
    """A phrase -> country codes table ([dateline] offices, [market] currencies), every code checked."""
    codes = {c.alpha_3 for c in pycountry.countries}
    out: dict[str, frozenset[str]] = {}
    for office, countries in table[name].items():
        if not isinstance(countries, list) or any(c not in codes for c in countries):
            raise ValueError(
                f"extract/rules/actors/{_FILE}: [{section}.{name}] {office!r}: "
                "expected a list of ISO 3166-1 alpha-3 codes"
            )
        out[" ".join(office.lower().split())] = frozenset(countries)
    return out


def _forms(table: dict[str, Any], name: str) -> dict[str, str]:
    """A legal form, as written ("PT", "Sdn Bhd") -> the one country whose companies use it
    ([legal_forms]); every code checked, and a form of several countries refused."""
    _offices(table, name, "legal_forms")  # the codes are ISO 3166-1 alpha-3
    out: dict[str, str] = {}
    for form, codes in table[name].items():
        if len(codes) != 1:
            raise ValueError(
                f"extract/rules/actors/{_FILE}: [legal_forms.{name}] {form!r}: expected one country"
            )
        out[form] = codes[0]
    return out


@functools.lru_cache(maxsize=1)
def load_context_rules() -> ContextRules:
    """Read and check context.toml once per process; a bad field names the file, rule and field."""
    data = read_rule_file(_FILE)
    tables = {name: _table(data, name) for name in FIELDS}

    def words(name: str, field: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in tables[name][field])

    return ContextRules(
        based=words("based", "words"),
        born=words("born", "words"),
        of_prepositions=words("appositive", "prepositions"),
        body_prepositions=words("appositive", "body_prepositions"),
        affiliation_prepositions=words("affiliation", "prepositions"),
        max_depth=int(tables["affiliation"]["max_depth"]),
        office_titles=words("dateline", "office_titles"),
        staff_titles=words("dateline", "staff_titles"),
        international_titles=words("dateline", "international_titles"),
        ranks=words("dateline", "ranks"),
        force_words=words("dateline", "force_words"),
        coalition_words=words("dateline", "coalition_words"),
        home_possessors=words("dateline", "home_possessors"),
        home_nouns=words("dateline", "home_nouns"),
        body_nouns=words("dateline", "body_nouns"),
        club_words=words("dateline", "club_words"),
        media_nouns=words("media", "nouns"),
        media_tail=words("media", "tail"),
        agency_tails=words("media", "agency_tails"),
        mastheads=words("media", "mastheads"),
        report_verbs=words("media", "report_verbs"),
        quoting_verbs=words("media", "quoting_verbs"),
        body_heads=words("media", "body_heads"),
        printed_nouns=words("media", "printed_nouns"),
        market_verbs=words("market", "verbs"),
        currencies=_offices(tables["market"], "currencies", "market"),
        local_words=words("dateline", "local_words"),
        here_words=words("dateline", "here_words"),
        national_offices=_offices(tables["dateline"], "national_offices"),
        offices_absent=_offices(tables["dateline"], "offices_absent"),
        institutions=words("located", "institutions"),
        place_heads=words("place_in", "heads"),
        named_after=words("place_in", "named_after"),
        border_heads=words("place_in", "border_heads"),
        unit_words=words("place_in", "unit_words"),
        place_prepositions=words("place_in", "prepositions"),
        compass=words("place_in", "compass"),
        qualifiers=words("place_in", "qualifiers"),
        units=words("place_in", "units"),
        capital_words=words("place_in", "capital"),
        place_only=words("place_in", "place_only"),
        police_words=words("place_in", "police_words"),
        route_nouns=words("place_in", "route_nouns"),
        type_words=words("place_in", "type_words"),
        division_words=words("place_in", "division_words"),
        legal_prefixes=_forms(tables["legal_forms"], "prefixes"),
        legal_suffixes=_forms(tables["legal_forms"], "suffixes"),
        company_nouns=words("company", "appositive_nouns"),
        linking_verbs=words("predicate", "verbs"),
        nationality_nouns=words("predicate", "nouns"),
        short_form_words=words("place_in", "short_form_words")
        | frozenset(w for h in words("place_in", "heads") for w in h.split())
        | words("located", "institutions"),
    )
