"""Load the TOML rules and vocabularies and compile them, once, into one regular expression."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from extract.timecues.convert import CONVERTERS, Tables
from extract.timecues.firstchars import first_chars
from extract.timecues.resolver import HANDLERS
from extract.timecues.vocab import RuleFileError, load_vague, load_vocab, read_toml

_WHERE = "extract/rules/time/rules.toml"
MODES = ("news", "narrative")
_RULE_KEYS = {"id", "handler", "pattern", "params", "not_before", "not_after", "examples", "negatives"}
_EXAMPLE_KEYS = {"text", "value", "type"}
# the cue fields a rule's ``params`` may fix (what the resolvers read)
PARAM_FIELDS = frozenset({
    "ampm", "anaphoric", "century", "from_last_day", "day", "days", "decade", "dir", "dir_word", "era", "half", "hour",
    "minute", "mod", "modes", "month", "num", "offset", "ord", "owner", "plural", "pod", "quarter_rel",
    "ref", "rel", "rel_word", "season", "set_value", "unit", "weekday", "weekend", "year", "year_ago",
})  # fmt: skip


@dataclass(frozen=True)
class Rule:
    """One rule of rules.toml: its id, resolver handler, pattern, fixed params and examples."""

    id: str
    handler: str
    pattern: str
    params: dict[str, Any]
    not_before: re.Pattern[str] | None
    not_after: re.Pattern[str] | None  # searched in the 80 characters that end where the match starts
    examples: list[dict[str, str]]
    negatives: list[str]


@dataclass(frozen=True)
class RuleSet:
    """All rules compiled, at load, into alternations; nothing in it changes afterwards, so one
    RuleSet is safely shared by threads (the dashboard's). ``groups[i]`` lists rule i's field
    groups. Per mode (a rule whose params say ``modes`` is left out of the other mode's
    alternations, so that the rules after it still get their chance at that position):
    ``by_char[mode][c]`` is the alternation of just the rules whose match can begin with ``c``
    (file order kept), ``everything[mode]`` that of all rules, ``fallback[mode]`` that of the
    rules that can begin with any character (for characters no rule names)."""

    rules: tuple[Rule, ...]
    groups: tuple[tuple[tuple[str, str], ...], ...]  # (regex group name, field name)
    tables: Tables
    example_dct: str
    starts: re.Pattern[str]  # where a cue can begin: the finder tries the rules only there
    by_char: Mapping[str, Mapping[str, re.Pattern[str]]]
    everything: Mapping[str, re.Pattern[str]]
    fallback: Mapping[str, re.Pattern[str]]

    @property
    def vocab(self) -> Mapping[str, Any]:
        return self.tables.vocab

    @property
    def vague(self) -> Mapping[str, Mapping[str, Any]]:
        return self.tables.vague

    def regex_for(self, char: str | None, mode: str = "news") -> re.Pattern[str]:
        """The alternation of ``mode``'s rules that can start with ``char``; all of them for None."""
        if char is None:
            return self.everything[mode]
        return self.by_char[mode].get(char, self.fallback[mode])


_HEAD, _TAIL = r"(?<![\w'’])(?:", r")(?![^\W_])"


@lru_cache(maxsize=128)
def _combined(parts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_HEAD + "|".join(parts) + _TAIL) if parts else re.compile(r"(?!)")


_VOCAB_TABLES = (
    "month",
    "weekday",
    "number",
    "vague_number",
    "unit",
    "relative",
    "modifier",
    "ordinal",
    "season",
    "part_of_day",
    "holiday",
    "holiday_nth",
)


# frequent words that start a cue only before another cue word ("the past", "a year", "that day"):
# the prefilter asks for that next word too, which halves the positions the rules are tried at
_LEADS = ("the", "a", "an", "that", "at", "this")


def start_regex(
    vocab: Mapping[str, Any], vague: Mapping[str, Any], extra: list[str], followers: list[str]
) -> re.Pattern[str]:
    """Digits, an apostrophe before a digit, and the first word of every vocabulary entry (the
    lead words only before a word that may follow them in some entry, a digit or a dot)."""
    words = set(extra)
    keys = [k for table in _VOCAB_TABLES for k in vocab[table]] + list(vague) + list(extra)
    for table in _VOCAB_TABLES:
        for key in vocab[table]:
            words.add(key.split()[0].split("'")[0])
            if table == "unit":
                words.add(key + "s")
    words.update(k.split()[0] for k in vague)
    words.add("centuries")
    follow = words | set(followers) | {k.split()[1].split("'")[0] for k in keys if len(k.split()) > 1}
    alts = "|".join(re.escape(w) for w in sorted(words - set(_LEADS), key=len, reverse=True))
    nexts = "|".join(re.escape(w) for w in sorted(follow, key=len, reverse=True))
    leads = "|".join(_LEADS)
    return re.compile(
        rf"(?<![\w'’])(?:(?:{alts})(?![a-z])|(?:{leads})(?=[\s-]+(?:(?:{nexts})(?![a-z])|[\d'’])|\.)|\d|['’]\d)"
    )


def _alternation(words: Any, group: str | None = None) -> str:
    """Whole-word alternation of ``words`` (longest first), spaces matching any whitespace."""
    alts = sorted({w.lower() for w in words}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in alts)
    inner = f"(?:{body})"
    return f"(?P<{group}>{inner})" if group else inner


def placeholders(vocab: Mapping[str, Any], vague: Mapping[str, Any]) -> dict[str, str]:
    """The regex text that each {PLACEHOLDER} in a rule pattern expands to."""
    units = []
    for u in vocab["unit"]:
        units.append("centur(?:y|ies)" if u == "century" else f"{re.escape(u)}s?")
    tens = "|".join(vocab["number_words"]["tens"])
    ones = "|".join(vocab["number_words"]["ones"])
    words = _alternation(vocab["number"])
    num = rf"(?:\d+(?:\.\d+)?|(?:{tens})(?:[\s-]+(?:{ones}))?|{words[3:-1]})(?!\w)"
    return {
        "MONTH": r"(?P<month>"
        + _alternation(
            m for m in vocab["month"] if len(m) > 4 or m in ("may", "june", "july")
        )  # no dot: "in May."
        + r"\b|"
        + _alternation(m for m in vocab["month"] if len(m) <= 4)
        + r"\b\.?)",
        "WEEKDAY": r"(?P<weekday>" + _alternation(vocab["weekday"]) + r")\b",
        "DAY": r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b",
        "YEAR": r"(?P<year>1\d{3}|20\d{2})\b",
        "NUM": num,
        "VNUM": _alternation(vocab["vague_number"]),
        "UNIT": r"(?P<unit>(?:" + "|".join(sorted(units, key=len, reverse=True)) + r"))\b",
        "REL": _alternation(vocab["relative"], "rel"),
        "MOD": _alternation(vocab["modifier"], "mod"),
        "ORD": _alternation(vocab["ordinal"], "ord"),
        "SEASON": _alternation(vocab["season"], "season") + r"\b",
        "POD": _alternation(vocab["part_of_day"], "pod") + r"\b",
        "HOLIDAY": _alternation([*vocab["holiday"], *vocab["holiday_nth"]], "holiday") + r"\b",
        "VAGUE": _alternation(vague, "vague") + r"(?!\w)",
    }


_GROUP = re.compile(r"\(\?P<(\w+)>")
_SUFFIX = re.compile(r"_\d+$")
_PLACEHOLDER = re.compile(r"\{[A-Z_]+\}")


def _fail(rid: object, what: str) -> RuleFileError:
    return RuleFileError(f"{_WHERE}: rule {rid!r}: {what}")


def _check_rule(raw: Any, i: int, seen_ids: set[str]) -> None:
    """Raise RuleFileError naming the rule and the field if rule ``i`` of rules.toml is malformed."""
    if not isinstance(raw, dict):
        raise RuleFileError(f"{_WHERE}: rule number {i + 1}: not a table")
    rid = raw.get("id", f"number {i + 1}")
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        raise _fail(rid, f"unknown field {unknown[0]!r} (fields: {', '.join(sorted(_RULE_KEYS))})")
    for key in ("id", "handler", "pattern"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise _fail(rid, f"field {key!r} is missing or not a string")
    if rid in seen_ids:
        raise _fail(rid, "field 'id': used by an earlier rule")
    seen_ids.add(rid)
    if raw["handler"] not in HANDLERS:
        raise _fail(
            rid, f"field 'handler': unknown handler {raw['handler']!r} (known: {', '.join(sorted(HANDLERS))})"
        )
    params = raw.get("params", {})
    if not isinstance(params, dict):
        raise _fail(rid, "field 'params' must be a table")
    bad = sorted(set(params) - PARAM_FIELDS)
    if bad:
        raise _fail(rid, f"field 'params': unknown cue field {bad[0]!r}")
    for key in ("not_before", "not_after"):
        if key in raw and not isinstance(raw[key], str):
            raise _fail(rid, f"field {key!r} must be a string")
    examples = raw.get("examples", [])
    if not isinstance(examples, list) or not all(
        isinstance(e, dict)
        and _EXAMPLE_KEYS <= set(e) <= {*_EXAMPLE_KEYS, "mode", "span"}
        and all(isinstance(v, str) for v in e.values())
        and e.get("mode", "news") in ("news", "narrative")
        for e in examples
    ):
        raise _fail(rid, "field 'examples' must be a list of { text, value, type[, mode][, span] } strings")
    negatives = raw.get("negatives", [])
    if not isinstance(negatives, list) or not all(isinstance(n, str) for n in negatives):
        raise _fail(rid, "field 'negatives' must be a list of strings")


def _compile_rule(
    raw: dict[str, Any], i: int, subs: Mapping[str, str], count_nouns: str
) -> tuple[Rule, str, tuple[tuple[str, str], ...]]:
    """Rule ``i``, its pattern ready for the alternation (``(?P<r{i}>…)``) and its field groups."""
    rid = raw["id"]
    pattern = raw["pattern"]
    for key, value in subs.items():
        pattern = pattern.replace("{" + key + "}", value)
    seen: dict[str, int] = {}

    def rename(m: re.Match[str]) -> str:
        name = m.group(1)
        if _SUFFIX.sub("", name) not in CONVERTERS:
            raise _fail(
                rid,
                f"field 'pattern': group {name!r} names no cue field "
                f"(known: {', '.join(sorted(CONVERTERS))})",
            )
        n = seen.get(name, 0)
        seen[name] = n + 1
        return f"(?P<g{i}_{name}_{n}>"

    pattern = _GROUP.sub(rename, pattern)
    placeholder = _PLACEHOLDER.search(pattern)
    if placeholder:
        raise _fail(rid, f"field 'pattern': unknown placeholder {placeholder[0]}")
    try:
        re.compile(pattern)
    except re.error as exc:
        raise _fail(rid, f"field 'pattern': bad regular expression: {exc}") from exc
    nb, na = raw.get("not_before"), raw.get("not_after")
    try:
        not_before = re.compile(nb.replace("{COUNT_NOUNS}", count_nouns), re.IGNORECASE) if nb else None
    except re.error as exc:
        raise _fail(rid, f"field 'not_before': bad regular expression: {exc}") from exc
    try:
        not_after = re.compile(f"(?:{na})$", re.IGNORECASE) if na else None
    except re.error as exc:
        raise _fail(rid, f"field 'not_after': bad regular expression: {exc}") from exc
    fields = tuple(
        (f"g{i}_{name}_{n}", _SUFFIX.sub("", name)) for name, count in seen.items() for n in range(count)
    )
    rule = Rule(
        id=rid,
        handler=raw["handler"],
        pattern=raw["pattern"],
        params=dict(raw.get("params", {})),
        not_before=not_before,
        not_after=not_after,
        examples=list(raw.get("examples", [])),
        negatives=list(raw.get("negatives", [])),
    )
    return rule, f"(?P<r{i}>{pattern})", fields


def compile_rules(
    spec: Mapping[str, Any], vocab: Mapping[str, Any], vague: Mapping[str, Mapping[str, Any]]
) -> RuleSet:
    """A RuleSet from a parsed rules.toml and the vocabularies; RuleFileError names a bad rule and field."""
    rules_raw = spec.get("rule")
    if not isinstance(rules_raw, list) or not rules_raw:
        raise RuleFileError(f"{_WHERE}: no [[rule]] tables")
    subs = placeholders(vocab, vague)
    count_nouns = str(spec.get("count_nouns", "(?!)"))
    seen_ids: set[str] = set()
    compiled = []
    for i, raw in enumerate(rules_raw):
        _check_rule(raw, i, seen_ids)
        compiled.append(_compile_rule(raw, i, subs, count_nouns))
    rules = tuple(r for r, _, _ in compiled)
    parts = [p for _, p, _ in compiled]
    firsts = [first_chars(part) for part in parts]
    starts = start_regex(
        vocab, vague, list(spec.get("start_words", [])), list(spec.get("lead_followers", []))
    )
    chars = sorted(set().union(*(f for f in firsts if f is not None)))
    by_char: dict[str, Mapping[str, re.Pattern[str]]] = {}
    everything: dict[str, re.Pattern[str]] = {}
    fallback: dict[str, re.Pattern[str]] = {}
    for mode in MODES:  # _combined's cache compiles an alternation both modes share only once
        mine = [
            (p, f)
            for r, p, f in zip(rules, parts, firsts, strict=True)
            if mode in r.params.get("modes", MODES)
        ]
        by_char[mode] = MappingProxyType(
            {c: _combined(tuple(p for p, f in mine if f is None or c in f)) for c in chars}
        )
        everything[mode] = _combined(tuple(p for p, _ in mine))
        fallback[mode] = _combined(tuple(p for p, f in mine if f is None))
    return RuleSet(
        rules,
        tuple(g for _, _, g in compiled),
        Tables(vocab, vague),
        str(spec.get("dct", "2000-01-01")),
        starts,
        MappingProxyType(by_char),
        MappingProxyType(everything),
        MappingProxyType(fallback),
    )


@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    """vocab.toml, vague.toml and rules.toml, checked and compiled (once per process)."""
    return compile_rules(read_toml("rules.toml"), load_vocab(), load_vague())
