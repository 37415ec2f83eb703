"""The actor gazetteer: pycountry plus the TOML files in ``extract/rules/actors/``, compiled once.

Everything is precompiled into dicts keyed by a normalised form (lowercase, no whitespace,
typographic apostrophes folded) so that per-document work is a handful of dict look-ups per
capitalised token: no fuzzy search, no regex over the text.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import pycountry

RULES_DIR = ("rules", "actors")
RULE_FILES = (
    "countries.toml",
    "places.toml",
    "organisations.toml",
    "bodies.toml",
    "regions.toml",
    "people.toml",
    "context.toml",
)

# what a gazetteer entry is; decides how the resolver treats a match
ROLE_COUNTRY = "country"  # a country's name or short form
ROLE_DEMONYM = "demonym"  # "Chinese", "North Korean": modifies a name or stands for the country
ROLE_CAPITAL = "capital"  # government when used as an agent, place when locative
ROLE_SEAT = "seat"  # the Kremlin, the White House: always the government
ROLE_CITY = "city"  # always a place
ROLE_ORG = "org"  # organisation, media outlet or international body
ROLE_REGION = "region"
ROLE_PERSON = "person"  # a well-known person (people.toml [known])


@dataclass(frozen=True)
class Entry:
    """One known surface form and what it resolves to."""

    actor: str  # canonical actor name
    kind: str  # one of schema.ACTOR_KINDS
    country: str | None  # ISO 3166-1 alpha-3
    role: str  # ROLE_*
    exact: str | None = None  # for acronyms: the surface (no whitespace) that must match case-exactly
    defer_to_person: bool = False  # NER's PERSON label wins ("Jordan")


@dataclass(frozen=True)
class Gazetteer:
    """Compiled look-up tables."""

    entries: dict[str, Entry]  # normalised surface -> entry
    prefixes: frozenset[str]  # every prefix of every key, to stop scanning early
    country_names: dict[str, str]  # ISO3 -> canonical country name
    titles: frozenset[str]  # lowercase title words stripped from person names
    known_short: dict[str, Entry]  # "Putin" -> the entry of "Vladimir Putin" (people.toml)
    strong_titles: frozenset[str]  # titles that make the next name a person whatever NER says
    portfolios: frozenset[str]  # "Interior" in "Interior Minister X": part of the title, not a body
    player_roles: frozenset[str]  # "infielder": a club before one lends the player no country
    person_nouns: frozenset[str]  # "businessman": "X Y, a businessman in Z" names a person
    relatives: frozenset[str]  # "wife", "son": a name introduced as a relative of someone
    not_actors: frozenset[str]  # lowercase NER spans that are never actors (GMT, VAT)
    document_words: frozenset[str]  # "protocol", "treaty": "the Kyoto Protocol" names no actor
    document_lowercase: frozenset[str]  # those that count written lower-case ("the Oslo accords")
    lower_starts: frozenset[str]  # first words of surfaces written lower-case ("al" of "al Qaeda")
    locative: frozenset[str]  # prepositions whose object is a place
    government_nouns: frozenset[str]  # "the Pyongyang regime": compound capital = government
    place_nouns: frozenset[str]  # "the village of Surif": the name after "<noun> of" is a place
    elided_words: frozenset[str]  # "the North": the document's one country named "North ..."
    generic_names: frozenset[str]  # normalised names of bodies every country has ("senate")
    generic_prefixes: tuple[str, ...]  # "ministry of ", "department for "
    generic_suffixes: tuple[str, ...]  # " party", " police"
    about_suffixes: tuple[str, ...]  # " study group": a body about the country in its name, not of it
    short_suffixes: frozenset[str]  # "party": "Democratic Action party" is also "Democratic Action"
    soft_names: frozenset[str]  # "labor department": the US one only where the US is named
    party_cues: frozenset[str]  # "opposition": "the opposition Coalition for Unity" is a party
    collectives: frozenset[str]  # "people": "Ethiopian People's" + "Revolutionary ... Party" is one name
    state_firsts: tuple[str, ...]  # "state ": "State Population ... Commission" is a national body
    state_heads: tuple[str, ...]  # " commission": ... with one of these last words
    body_seats: dict[str, str] = field(default_factory=dict)  # "Brussels" -> "European Union"


def norm_key(text: str) -> str:
    """The look-up key of a surface form: lowercase, ’ folded to ', whitespace runs collapsed
    to one space, no space after a hyphen ("Asia- Pacific" = "Asia-Pacific")."""
    return " ".join(text.lower().replace("\u2019", "'").split()).replace("- ", "-")


def is_not_actor(name: str) -> bool:
    """Is this span never an actor ("North", "DMZ", "Supreme Commander", organisations.toml
    [not_actors]), or a common-noun phrase with a capital first letter ("Senior diplomats")?"""
    words = name.split()
    return not words or norm_key(name) in load_gazetteer().not_actors or not words[-1][:1].isupper()


def _is_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return 0 < len(letters) <= 6 and surface.isupper() and " " not in surface


def _strip_the(surface: str) -> str:
    return surface[4:] if surface.lower().startswith("the ") else surface


def read_rule_file(name: str) -> dict[str, Any]:
    """Parse one TOML rule file shipped in the package, naming the file on error."""
    path = resources.files("extract").joinpath(*RULES_DIR, name)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise ValueError(f"extract/{'/'.join(RULES_DIR)}/{name}: {err}") from err


# `person_name`: the name is also a given name ("Chelsea Clinton", "Everton Ribeiro"): inside an NER
# PERSON span it is the person's, as the countries of countries.toml [ambiguous] person_names
_ORG_FIELDS: dict[str, type | tuple[type, ...]] = {"country": str, "aliases": list, "person_name": bool}


def check_entry(file: str, section: str, name: str, spec: Any, fields: dict[str, Any]) -> dict[str, Any]:
    """``spec`` as a table with only ``fields`` of the right types; a ValueError names the file,
    the rule (section and name) and the field otherwise, so a misspelt field never loses data."""
    where = f"extract/{'/'.join(RULES_DIR)}/{file}: [{section}] {name!r}"
    if not isinstance(spec, dict):
        raise ValueError(f"{where}: expected a table, got {type(spec).__name__}")
    for field_name, value in spec.items():
        if field_name not in fields:
            raise ValueError(f"{where}: unknown field {field_name!r} (allowed: {', '.join(fields)})")
        if not isinstance(value, fields[field_name]):
            raise ValueError(f"{where}: field {field_name!r} has the wrong type ({type(value).__name__})")
    if "country" in spec and spec["country"] not in {c.alpha_3 for c in pycountry.countries}:
        raise ValueError(f"{where}: field 'country' is not an ISO 3166-1 alpha-3 code: {spec['country']!r}")
    if any(not isinstance(a, str) for a in spec.get("aliases", [])):
        raise ValueError(f"{where}: field 'aliases' must list strings")
    return spec


class _Builder:
    """Collects entries; the first entry for a key wins, so sources are added by priority."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.lower_starts: set[str] = set()

    def add(self, surface: str, entry: Entry) -> None:
        surface = _strip_the(surface.strip())
        key = norm_key(surface)
        if not key or key in self.entries:
            return
        if _is_acronym(surface):
            entry = Entry(
                entry.actor,
                entry.kind,
                entry.country,
                entry.role,
                "".join(surface.split()),
                entry.defer_to_person,
            )
        self.entries[key] = entry
        if surface[:1].islower():
            self.lower_starts.add(re.split(r"[\s-]", key)[0])


def _country_names(overrides: dict[str, dict[str, Any]]) -> dict[str, str]:
    """ISO3 -> canonical name: TOML override, else pycountry's common name, else its name."""
    names: dict[str, str] = {}
    for c in pycountry.countries:
        name = overrides.get(c.alpha_3, {}).get("name") or getattr(c, "common_name", None) or c.name
        names[c.alpha_3] = name
    return names


def _add_countries(b: _Builder, data: dict[str, Any], names: dict[str, str]) -> None:
    countries: dict[str, dict[str, Any]] = data.get("country", {})
    person_like = set(data.get("ambiguous", {}).get("person_names", []))

    def country(surface: str, iso3: str, role: str = ROLE_COUNTRY) -> None:
        b.add(surface, Entry(names[iso3], "country", iso3, role, defer_to_person=surface in person_like))

    for iso3, spec in countries.items():
        country(names[iso3], iso3)
        for alias in spec.get("aliases", []):
            country(alias, iso3)
        demonyms = spec.get("demonyms", [])
        for demonym in demonyms:
            country(demonym, iso3, ROLE_DEMONYM)
            plural = demonym + "s"  # "Liberians", "Ugandans": the people, as "Argentines" is listed
            if demonym.endswith("an") and not demonym.endswith("man") and plural not in demonyms:
                country(plural, iso3, ROLE_DEMONYM)
    for c in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value and "(" not in value:
                country(value, c.alpha_3)


def _add_places(b: _Builder, data: dict[str, Any], names: dict[str, str]) -> None:
    for surface, iso3 in data.get("seats", {}).items():
        b.add(surface, Entry(names[iso3], "country", iso3, ROLE_SEAT))
    for surface, iso3 in data.get("capitals", {}).items():
        # actor is the country; the resolver turns locative uses into places named `surface`
        b.add(surface, Entry(names[iso3], "country", iso3, ROLE_CAPITAL))
    for surface, iso3 in data.get("cities", {}).items():
        b.add(surface, Entry(surface, "place", iso3, ROLE_CITY))


def _add_orgs(b: _Builder, data: dict[str, Any], file: str = "organisations.toml") -> None:
    for section, kind in (
        ("international", "international"),
        ("media", "media"),
        ("organisations", "organisation"),
        ("bodies", "organisation"),
        ("companies", "organisation"),
    ):
        for name, raw in data.get(section, {}).items():
            spec = check_entry(file, section, name, raw, _ORG_FIELDS)
            country = spec.get("country") if kind != "international" else None
            entry = Entry(name, kind, country, ROLE_ORG, defer_to_person=spec.get("person_name", False))
            b.add(name, entry)
            for alias in spec.get("aliases", []):
                b.add(alias, entry)


def _add_regions(b: _Builder, data: dict[str, Any]) -> None:
    for name, spec in data.get("regions", {}).items():
        entry = Entry(name, "region", spec.get("country"), ROLE_REGION)
        b.add(name, entry)
        for alias in spec.get("aliases", []):
            b.add(alias, entry)


def _add_people(b: _Builder, data: dict[str, Any]) -> None:
    """people.toml [known], held to its inclusion rule: full names (one word only for the
    mononymous of [known_rule]), each under one country."""
    mononymous = set(data.get("known_rule", {}).get("mononymous", []))
    seen: dict[str, str] = {}
    for iso3, people in data.get("known", {}).items():
        for name in people:
            where = f"extract/rules/actors/people.toml: [known] {iso3} {name!r}"
            if len(name.split()) < 2 and name not in mononymous:
                raise ValueError(
                    f"{where}: a one-word name (full names only, or list it in [known_rule] mononymous)"
                )
            if seen.setdefault(name, iso3) != iso3:
                raise ValueError(f"{where}: also listed under {seen[name]}")
            b.add(name, Entry(name, "person", iso3, ROLE_PERSON))


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Compile the gazetteer once per process (organisations > regions > countries > places)."""
    files = {name: read_rule_file(name) for name in RULE_FILES}
    countries, places = files["countries.toml"], files["places.toml"]
    names = _country_names(countries.get("country", {}))
    b = _Builder()
    _add_orgs(b, files["organisations.toml"])
    _add_orgs(b, files["bodies.toml"], "bodies.toml")
    _add_people(b, files["people.toml"])
    _add_regions(b, files["regions.toml"])
    _add_countries(b, countries, names)
    _add_places(b, places, names)
    people = files["people.toml"]
    known_short = {short: b.entries[norm_key(full)] for short, full in people.get("known_short", {}).items()}
    prefixes = {key[:i] for key in b.entries for i in range(1, len(key) + 1)}
    locative = places.get("locative", {})
    body_seats = {surface: str(body) for surface, body in places.get("body_seats", {}).items()}
    for surface, body in body_seats.items():
        found = b.entries.get(norm_key(body))
        if found is None or found.kind != "international":
            raise ValueError(f"places.toml: [body_seats] {surface!r} names {body!r}, no international body")
    return Gazetteer(
        body_seats=body_seats,
        entries=b.entries,
        prefixes=frozenset(prefixes),
        country_names=names,
        titles=frozenset(files["people.toml"].get("titles", {}).get("words", [])),
        known_short=known_short,
        strong_titles=frozenset(files["people.toml"].get("titles", {}).get("strong", [])),
        portfolios=frozenset(files["people.toml"].get("titles", {}).get("portfolios", [])),
        player_roles=frozenset(files["people.toml"].get("titles", {}).get("player_roles", [])),
        person_nouns=frozenset(files["people.toml"].get("titles", {}).get("person_nouns", [])),
        relatives=frozenset(files["people.toml"].get("relatives", {}).get("words", [])),
        not_actors=frozenset(
            w.lower() for w in files["organisations.toml"].get("not_actors", {}).get("words", [])
        ),
        document_words=frozenset(
            w.lower() for w in files["organisations.toml"].get("documents", {}).get("words", [])
        ),
        document_lowercase=frozenset(
            w.lower() for w in files["organisations.toml"].get("documents", {}).get("lowercase", [])
        ),
        lower_starts=frozenset(b.lower_starts),
        locative=frozenset(locative.get("prepositions", [])),
        government_nouns=frozenset(locative.get("government_nouns", [])),
        place_nouns=frozenset(locative.get("place_nouns", [])),
        elided_words=frozenset(places.get("elided", {}).get("words", [])),
        **_generic(files["bodies.toml"].get("generic", {})),
    )


def _generic(spec: dict[str, Any]) -> dict[str, Any]:
    """The [generic] table of bodies.toml as Gazetteer fields (normalised, with word boundaries)."""
    spec = check_entry(
        "bodies.toml",
        "generic",
        "generic",
        spec,
        {
            "names": list,
            "prefixes": list,
            "suffixes": list,
            "about_suffixes": list,
            "short_suffixes": list,
            "soft_names": list,
            "party_cues": list,
            "collectives": list,
            "state_firsts": list,
            "state_heads": list,
        },
    )
    return {
        "generic_names": frozenset(norm_key(n) for n in spec.get("names", []) + spec.get("soft_names", [])),
        "soft_names": frozenset(norm_key(n) for n in spec.get("soft_names", [])),
        "generic_prefixes": tuple(norm_key(p) + " " for p in spec.get("prefixes", [])),
        "generic_suffixes": tuple(" " + norm_key(x) for x in spec.get("suffixes", [])),
        "about_suffixes": tuple(" " + norm_key(x) for x in spec.get("about_suffixes", [])),
        "short_suffixes": frozenset(norm_key(x) for x in spec.get("short_suffixes", [])),
        "party_cues": frozenset(w.lower() for w in spec.get("party_cues", [])),
        "collectives": frozenset(w.lower() for w in spec.get("collectives", [])),
        "state_firsts": tuple(norm_key(w) + " " for w in spec.get("state_firsts", [])),
        "state_heads": tuple(" " + norm_key(w) for w in spec.get("state_heads", [])),
    }
