"""Load the event rules kept as data in ``extract/rules/events/*.toml``.

The lexicon (verb/noun → event type), the flag cue words and the page-furniture patterns are data;
this module only reads and indexes them, once per process.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

RULES_DIR = Path(__file__).parent.parent / "rules" / "events"

EVENT_TYPES = (
    "CONSULT",
    "REQUEST",
    "AGREE",
    "STATEMENT",
    "SUPPORT",
    "COOPERATE",
    "ACCUSE",
    "THREATEN",
    "SANCTION",
    "MOBILIZE",
    "ASSAULT",
    "PROTEST",
    "AID",
    "REJECT",
    "COERCE",
    "RETREAT",
    "LEADERSHIP",
    "ECONOMIC",
    "DISASTER",
    "OTHER",
)
FLAGS = ("reported", "future", "hypothetical", "negated")


def _read(name: str) -> dict[str, Any]:
    with (RULES_DIR / name).open("rb") as fh:
        return tomllib.load(fh)


def read_rules(name: str) -> dict[str, Any]:
    """A rule file of ``rules/events/`` as a dict; a TOML error names the file."""
    try:
        return _read(name)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"rules/events/{name}: {exc}") from exc


def require_list(data: Mapping[str, Any], file: str, name: str, kind: type[T]) -> list[T]:
    """``data[name]`` as a list whose items are all of ``kind``; else an error naming file and field."""
    value = data.get(name)
    if not isinstance(value, list):
        raise ValueError(f"rules/events/{file}: field {name!r} must be a list, got {type(value).__name__}")
    for i, item in enumerate(value):
        if not isinstance(item, kind):
            raise ValueError(f"rules/events/{file}: {name}[{i}] must be {kind.__name__}, got {item!r}")
    return value


@dataclass(frozen=True)
class Lexicon:
    """Lemma → event type for verbs (single or phrasal "call on") and event nouns."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    light_verbs: frozenset[str]
    speech_only: frozenset[str]
    examples: list[dict[str, str]]
    lemma_fixes: dict[str, str] = field(default_factory=dict)
    not_events: frozenset[str] = frozenset()
    not_event_examples: tuple[str, ...] = ()
    xcomp_first: frozenset[str] = frozenset()
    occasion_nouns: frozenset[str] = frozenset()

    def lemma(self, lemma: str) -> str:
        """The lower-cased lemma, corrected for known lemmatizer slips ("staged" → "stag")."""
        low = lemma.lower()
        return self.lemma_fixes.get(low, low)

    def verb_type(self, lemma: str) -> str | None:
        return self.verbs.get(lemma.lower())

    def noun_type(self, lemma: str) -> str | None:
        return self.nouns.get(lemma.lower())

    def happening_noun(self, lemma: str) -> bool:
        """An event noun of the lexicon or an occasion ("talks", "funeral"): a noun that names a time."""
        low = lemma.lower()
        return low in self.nouns or low in self.occasion_nouns


@dataclass(frozen=True)
class FlagCues:
    """Cue words per flag (see flags.toml)."""

    aux: dict[str, frozenset[str]]
    governors: dict[str, frozenset[str]]
    marks: frozenset[str]
    neg: frozenset[str]
    phrases: dict[str, tuple[str, ...]]
    examples: list[dict[str, Any]] = field(default_factory=list)
    future_in_past: frozenset[str] = frozenset()
    simultaneous: frozenset[str] = frozenset()
    sequel: frozenset[str] = frozenset()
    earlier: frozenset[str] = frozenset()
    concurrent: frozenset[str] = frozenset()


@dataclass(frozen=True)
class FurniturePattern:
    """A page-furniture line pattern."""

    id: str
    regex: re.Pattern[str]
    max_words: int
    examples: tuple[str, ...]
    non_examples: tuple[str, ...]

    def matches(self, line: str) -> bool:
        stripped = line.strip()
        return len(stripped.split()) <= self.max_words and self.regex.fullmatch(stripped) is not None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The event-type lexicon, indexed by lemma (first type listed wins on duplicates)."""
    data = _read("types.toml")["types"]
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    examples: list[dict[str, str]] = []
    for type_name, entry in data.items():
        if type_name not in EVENT_TYPES:
            raise ValueError(f"types.toml: unknown event type {type_name!r}")
        for verb in entry.get("verbs", []):
            verbs.setdefault(verb.lower(), type_name)
        for noun in entry.get("nouns", []):
            nouns.setdefault(noun.lower(), type_name)
        examples.extend({**ex, "type": type_name} for ex in entry.get("examples", []))
    light = _read("light_verbs.toml")
    examples.extend(light.get("examples", []))
    raw = _read("types.toml")
    speech_only = frozenset(raw.get("speech_only", []))
    fixes = dict(light.get("lemma_fixes", {}))
    return Lexicon(
        verbs,
        nouns,
        frozenset(light["light_verbs"]),
        speech_only,
        examples,
        fixes,
        frozenset(raw.get("not_events", [])),
        tuple(raw.get("not_event_examples", [])),
        frozenset(light.get("xcomp_first", [])),
        frozenset(n.lower() for n in light.get("occasion_nouns", [])),
    )


@lru_cache(maxsize=1)
def flag_cues() -> FlagCues:
    """Flag cue words from flags.toml."""
    data = _read("flags.toml")
    examples = [ex for flag in FLAGS for ex in data[flag].get("examples", [])]
    return FlagCues(
        aux={f: frozenset(data[f].get("aux", [])) for f in FLAGS},
        governors={f: frozenset(data[f].get("governors", [])) for f in FLAGS},
        marks=frozenset(data["hypothetical"].get("marks", [])),
        neg=frozenset(data["negated"].get("neg", [])),
        phrases={f: tuple(data[f].get("phrases", [])) for f in FLAGS},
        examples=examples,
        future_in_past=frozenset(data["hypothetical"].get("future_in_past", [])),
        simultaneous=frozenset(data["time"].get("simultaneous_marks", [])),
        sequel=frozenset(data["time"].get("sequel_words", [])),
        earlier=frozenset(data["time"].get("earlier_words", [])),
        concurrent=frozenset(data["time"].get("concurrent_words", [])),
    )


@lru_cache(maxsize=1)
def furniture_patterns() -> tuple[FurniturePattern, ...]:
    """Page-furniture line patterns from furniture.toml."""
    return tuple(
        FurniturePattern(
            id=p["id"],
            regex=re.compile(p["regex"], re.IGNORECASE),
            max_words=int(p.get("max_words", 12)),
            examples=tuple(p.get("examples", [])),
            non_examples=tuple(p.get("non_examples", [])),
        )
        for p in _read("furniture.toml")["patterns"]
    )


@lru_cache(maxsize=1)
def agent_nouns() -> frozenset[str]:
    """Group nouns ("officials", "troops") and nouns of armed acts ("airstrikes") that stand for the actor
    modifying them (roles.toml: agent_nouns, act_nouns)."""
    data = _read("roles.toml")
    return frozenset(
        n.lower()
        for name in ("agent_nouns", "act_nouns")
        for n in require_list(data, "roles.toml", name, str)
    )


@lru_cache(maxsize=1)
def joint_types() -> frozenset[str]:
    """roles.toml's joint_types: event types whose coordinated subject's other conjunct is the target."""
    found = require_list(_read("roles.toml"), "roles.toml", "joint_types", str)
    unknown = [t for t in found if t not in EVENT_TYPES]
    if unknown:
        raise ValueError(f"rules/events/roles.toml: joint_types names unknown event types {unknown}")
    return frozenset(found)


@lru_cache(maxsize=1)
def role_words() -> dict[str, frozenset[str]]:
    """roles.toml's led_modifiers ("NATO-led"), name_heads ("the Fatah movement"), title_nouns
    ("Nike's director … Martha Benson"), patient_subject_verbs ("miners died"), reciprocal_verbs
    ("Israel and Syria clashed"), origin_verbs ("Bush departed Washington") and intransitive_verbs
    ("negotiators converged here Tuesday")."""
    data = _read("roles.toml")
    names = (
        "led_modifiers",
        "name_heads",
        "title_nouns",
        "patient_subject_verbs",
        "reciprocal_verbs",
        "origin_verbs",
        "intransitive_verbs",
    )
    return {n: frozenset(w.lower() for w in require_list(data, "roles.toml", n, str)) for n in names}


@lru_cache(maxsize=1)
def happening_rules() -> tuple[frozenset[str], tuple[dict[str, Any], ...]]:
    """happenings.toml: the incident types whose doer-less, undated clauses are details of an earlier
    incident row, and the examples (text → row predicates) a test runs."""
    data = read_rules("happenings.toml")
    types = frozenset(require_list(data, "happenings.toml", "incident_types", str))
    unknown = types - set(EVENT_TYPES)
    if unknown:
        raise ValueError(f"happenings.toml: incident_types has unknown types {sorted(unknown)}")
    examples = tuple(require_list(data, "happenings.toml", "examples", dict))
    for i, ex in enumerate(examples):
        if not isinstance(ex.get("text"), str) or not isinstance(ex.get("rows"), list):
            raise ValueError(f"happenings.toml: examples[{i}] needs a 'text' string and a 'rows' list")
    return types, examples


@lru_cache(maxsize=1)
def named_subject_rules() -> tuple[frozenset[str], tuple[dict[str, Any], ...]]:
    """happenings.toml [named_subjects]: the auxiliaries that make a verb tell a happening ("has
    killed", "will close"), and the examples (text → row predicates) a test runs."""
    data = read_rules("happenings.toml").get("named_subjects", {})
    told = frozenset(
        w.lower() for w in require_list(data, "happenings.toml [named_subjects]", "told_aux", str)
    )
    examples = tuple(require_list(data, "happenings.toml [named_subjects]", "examples", dict))
    for i, ex in enumerate(examples):
        if not isinstance(ex.get("text"), str) or not isinstance(ex.get("rows"), list):
            raise ValueError(
                f"happenings.toml: named_subjects.examples[{i}] needs a 'text' string and a 'rows' list"
            )
    return told, examples


@lru_cache(maxsize=4)
def happening_examples(table: str) -> tuple[dict[str, Any], ...]:
    """The examples (text → row predicates) of a table of happenings.toml ("plans": plans told in the
    simple present; "lead": the lead's main clause)."""
    where = f"happenings.toml [{table}]"
    examples = tuple(require_list(read_rules("happenings.toml").get(table, {}), where, "examples", dict))
    for i, ex in enumerate(examples):
        if not isinstance(ex.get("text"), str) or not isinstance(ex.get("rows"), list):
            raise ValueError(f"{where}: examples[{i}] needs a 'text' string and a 'rows' list")
    return examples


@lru_cache(maxsize=1)
def departure_verbs() -> frozenset[str]:
    """happenings.toml [destinations]: verbs of leaving whose "for X to V" names a destination, not a doer
    ("departed Washington *for Mar del Plata* to attend the summit")."""
    data = read_rules("happenings.toml").get("destinations", {})
    return frozenset(w.lower() for w in require_list(data, "happenings.toml [destinations]", "verbs", str))


@lru_cache(maxsize=1)
def scheduled_governors() -> tuple[frozenset[str], frozenset[str]]:
    """happenings.toml [scheduled]: verbs of expectation, no event themselves, whose passive hands the
    clause to its verb complement ("troops *are expected to be sent* next year": the sending), and the
    complements that are states, durations or forecast levels, no happening ("was expected to *last* all
    day", "costs were expected to *rise*")."""
    data = read_rules("happenings.toml").get("scheduled", {})
    where = "happenings.toml [scheduled]"
    return (
        frozenset(w.lower() for w in require_list(data, where, "governors", str)),
        frozenset(w.lower() for w in require_list(data, where, "states", str))
        | frozenset(w.lower() for w in require_list(data, where, "forecasts", str)),
    )


@lru_cache(maxsize=1)
def arrival_adjectives() -> frozenset[str]:
    """happenings.toml [scheduled] ``arrivals``: "X is *due* in Kenya on Friday" announces X's arrival."""
    data = read_rules("happenings.toml").get("scheduled", {})
    return frozenset(w.lower() for w in require_list(data, "happenings.toml [scheduled]", "arrivals", str))


@lru_cache(maxsize=1)
def group_agents() -> frozenset[str]:
    """Common nouns for groups that act as themselves ("police", "rebels", "the court"; roles.toml)."""
    return frozenset(n.lower() for n in require_list(_read("roles.toml"), "roles.toml", "group_agents", str))


@lru_cache(maxsize=1)
def group_words() -> dict[str, frozenset[str]]:
    """roles.toml's group vocabularies: quantity_nouns ("hundreds of …"), crowd_nouns (act alone as a
    subject: "Thousands protested") and of_phrase_groups (named with their "of" phrase: "a mob of whites")."""
    data = _read("roles.toml")
    names = ("quantity_nouns", "crowd_nouns", "of_phrase_groups")
    return {n: frozenset(w.lower() for w in require_list(data, "roles.toml", n, str)) for n in names}


@lru_cache(maxsize=1)
def bare_agent_nouns() -> frozenset[str]:
    """Agent nouns for people that act as written without a country ("a senior lawmaker"; roles.toml)."""
    return frozenset(
        n.lower() for n in require_list(_read("roles.toml"), "roles.toml", "bare_agent_nouns", str)
    )


@lru_cache(maxsize=1)
def definite_determiners() -> frozenset[str]:
    """Determiners that point back to something named before ("*the* summons", "*this* government";
    happenings.toml restatement_determiners)."""
    return frozenset(
        require_list(_read("happenings.toml"), "happenings.toml", "restatement_determiners", str)
    )


@lru_cache(maxsize=1)
def definite_agent_nouns() -> frozenset[str]:
    """Organs that act as written only when definite ("the government", "his government"; roles.toml)."""
    return frozenset(
        n.lower() for n in require_list(_read("roles.toml"), "roles.toml", "definite_agent_nouns", str)
    )


@lru_cache(maxsize=1)
def male_titles() -> frozenset[str]:
    """Titles that mark a man ("Mr", "King"): a "she" never stands for the person after one (roles.toml)."""
    return frozenset(n.lower() for n in require_list(_read("roles.toml"), "roles.toml", "male_titles", str))


@lru_cache(maxsize=1)
def female_titles() -> frozenset[str]:
    """Titles that mark a woman ("Mrs", "Queen"): a "he" never stands for the person after one."""
    return frozenset(n.lower() for n in require_list(_read("roles.toml"), "roles.toml", "female_titles", str))


@lru_cache(maxsize=1)
def speech_lemmas() -> frozenset[str]:
    """Every speech lemma of speech.toml (reporting and news): "X said he …" makes X the "he"."""
    data = _read("speech.toml")
    return frozenset(
        w.lower() for name in ("reporting", "news") for w in require_list(data, "speech.toml", name, str)
    )


@lru_cache(maxsize=1)
def role_examples() -> list[dict[str, str]]:
    """Examples of roles.toml: sentence, predicate ("" = no event) and expected source/target."""
    return list(_read("roles.toml").get("examples", []))
