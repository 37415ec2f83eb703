"""Readable names for codes: countries as 'North Korea (PRK)', event types in plain words.

Filters, legends and tables show these; links and the data keep the codes.
"""

from __future__ import annotations

from functools import lru_cache

NO_VALUE = "(none)"
TYPE_WORDS = {
    "CONSULT": "meet, visit, talk",
    "REQUEST": "ask, urge",
    "AGREE": "agree, sign",
    "STATEMENT": "say, announce",
    "SUPPORT": "back, praise",
    "COOPERATE": "work together",
    "ACCUSE": "accuse, condemn",
    "THREATEN": "threaten, warn",
    "SANCTION": "sanction, ban",
    "MOBILIZE": "deploy forces",
    "ASSAULT": "use force",
    "PROTEST": "protest",
    "AID": "give aid",
    "REJECT": "reject, refuse",
    "OTHER": "other action",
}


SHORT_NAMES = {"RUS": "Russia", "PSE": "Palestine", "GBR": "Britain", "USA": "United States"}


@lru_cache(maxsize=1024)
def country_name(code: str) -> str:
    """The common English name of an ISO3 code ('PRK' → 'North Korea'), or the code itself."""
    import pycountry

    if code in SHORT_NAMES:
        return SHORT_NAMES[code]

    found = pycountry.countries.get(alpha_3=code.upper()) if len(code) == 3 else None
    if found is None:
        return code
    return str(getattr(found, "common_name", None) or found.name)


def country_label(code: str) -> str:
    """'North Korea (PRK)'; values without a country read 'no country'."""
    if not code or code == NO_VALUE:
        return "no country"
    name = country_name(code)
    return f"{name} ({code})" if name != code else code


def type_label(code: str) -> str:
    """'REQUEST (ask, urge)'; unknown types as they are."""
    if not code or code == NO_VALUE:
        return "no type"
    words = TYPE_WORDS.get(code)
    return f"{code} ({words})" if words else code


def colour_label(value: str, kind: str) -> str:
    """The legend name of a colour value: a country label or an event type label."""
    return type_label(value) if kind == "type" else country_label(value)
