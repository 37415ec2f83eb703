"""Every [[example]] in extract/rules/actors/*.toml holds: the data files document themselves."""

from __future__ import annotations

import re
from typing import Any

import pytest

from extract.actors import ActorMention, find_actor_mentions
from extract.actors.data import RULE_FILES, load_gazetteer, read_rule_file
from extract.nlp import load_nlp


def _examples() -> list[Any]:
    cases = []
    for name in RULE_FILES:
        for n, example in enumerate(read_rule_file(name).get("example", [])):
            cases.append(pytest.param(example, id=f"{name}#{n}"))
    return cases


def _parse(expect: str) -> tuple[str, str, str, str | None]:
    surface, _, rest = expect.partition(" => ")
    actor, kind, country = (part.strip() for part in rest.split("|"))
    return surface.strip(), actor, kind, None if country == "-" else country


def _by_surface(mentions: list[ActorMention]) -> dict[str, list[ActorMention]]:
    out: dict[str, list[ActorMention]] = {}
    for m in mentions:
        out.setdefault(" ".join(m.text.split()), []).append(m)
    return out


@pytest.mark.parametrize("example", _examples())
def test_actors_rules_examples_hold(example: dict[str, Any]) -> None:
    doc = load_nlp()(example["text"])
    found = _by_surface(find_actor_mentions(doc))
    for expect in example.get("expect", []):
        surface, actor, kind, country = _parse(expect)
        got = [(m.actor, m.kind, m.country) for m in found.get(surface, [])]
        assert (actor, kind, country) in got, f"{expect!r}: found {got or 'nothing'} in {example['text']!r}"
    for surface in example.get("absent", []):
        assert surface not in found, f"{surface!r} must not be an actor: {found[surface]}"


def test_actors_rules_every_file_has_examples() -> None:
    for name in RULE_FILES:
        assert read_rule_file(name).get("example"), f"{name} has no [[example]]"


def test_actors_rules_gazetteer_codes_are_iso3() -> None:
    import pycountry

    codes = {c.alpha_3 for c in pycountry.countries}
    gaz = load_gazetteer()
    bad = {
        e.actor: e.country for e in gaz.entries.values() if e.country is not None and e.country not in codes
    }
    assert not bad


@pytest.mark.parametrize(
    ("known", "message"),
    [
        ({"known": {"EGY": ["Mubarak"]}}, "[known] EGY 'Mubarak': a one-word name"),
        ({"known": {"EGY": ["Hosni Mubarak"], "SYR": ["Hosni Mubarak"]}}, "also listed under EGY"),
    ],
)
def test_actors_rules_known_people_inclusion_rule_fails_loudly(known: dict[str, Any], message: str) -> None:
    from extract.actors.data import _add_people, _Builder

    with pytest.raises(ValueError, match=re.escape(message)):
        _add_people(_Builder(), known)


def test_actors_rules_known_people_resolve_to_their_country() -> None:
    from extract.actors.data import _add_people, _Builder, norm_key

    gaz = load_gazetteer()
    for iso3, names in read_rule_file("people.toml")["known"].items():
        for name in names:
            entry = gaz.entries[norm_key(name)]
            assert (entry.actor, entry.kind, entry.country) == (name, "person", iso3)
    _add_people(_Builder(), {"known": {"IDN": ["Suharto"]}, "known_rule": {"mononymous": ["Suharto"]}})
