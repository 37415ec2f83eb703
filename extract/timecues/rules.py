"""Load the TOML rules and vocabularies and compile them, once, into one regular expression."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.timecues.firstchars import first_chars

_RULES_DIR = Path(__file__).resolve().parent.parent / "rules" / "time"


@dataclass(frozen=True)
class Rule:
    """One rule of rules.toml: its id, resolver handler, pattern, fixed params and examples."""

    id: str
    handler: str
    pattern: str
    params: dict[str, Any]
    not_before: re.Pattern[str] | None
    examples: list[dict[str, str]]
    negatives: list[str]


@dataclass(frozen=True)
class RuleSet:
    """All rules compiled into one alternation; ``groups[i]`` lists rule i's field groups."""

    rules: list[Rule]
    groups: list[list[tuple[str, str]]]  # (regex group name, field name)
    vocab: dict[str, Any]
    vague: dict[str, dict[str, Any]]
    example_dct: str
    starts: re.Pattern[str]  # where a cue can begin: the finder tries the rules only there
    parts: list[str]  # each rule's compiled-ready pattern, ``(?P<r{i}>…)``
    firsts: list[set[str] | None]  # the characters each rule's match can begin with (None: any)
    by_char: dict[str, re.Pattern[str]] = field(default_factory=dict)

    def regex_for(self, char: str | None) -> re.Pattern[str]:
        """The alternation of just the rules that can start with ``char`` (file order kept);
        all rules for None. Compiled on first use (each ~10 ms)."""
        regex = self.by_char.get(char or "")
        if regex is None:
            keep = tuple(i for i, f in enumerate(self.firsts) if f is None or char is None or char in f)
            regex = _combined(tuple(self.parts[i] for i in keep))
            self.by_char[char or ""] = regex
        return regex


_HEAD, _TAIL = r"(?<![\w'’])(?:", r")(?![^\W_])"


@lru_cache(maxsize=128)
def _combined(parts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_HEAD + "|".join(parts) + _TAIL) if parts else re.compile(r"(?!)")


_VOCAB_TABLES = ("month", "weekday", "number", "vague_number", "unit", "relative", "modifier", "ordinal",
                 "season", "part_of_day", "holiday", "holiday_nth")


# frequent words that start a cue only before another cue word ("the past", "a year", "that day"):
# the prefilter asks for that next word too, which halves the positions the rules are tried at
_LEADS = ("the", "a", "an", "that", "at", "this")


def start_regex(vocab: dict[str, Any], vague: dict[str, Any], extra: list[str],
                followers: list[str]) -> re.Pattern[str]:
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
    return re.compile(rf"(?<![\w'’])(?:(?:{alts})(?![a-z])|(?:{leads})(?=[\s-]+(?:(?:{nexts})(?![a-z])|[\d'’])|\.)|\d|['’]\d)")


def _read_toml(name: str) -> dict[str, Any]:
    path = _RULES_DIR / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:  # a broken rules file must say which file
        raise ValueError(f"extract/rules/time/{name}: {exc}") from exc


def _alternation(words: Any, group: str | None = None) -> str:
    """Whole-word alternation of ``words`` (longest first), spaces matching any whitespace."""
    alts = sorted({w.lower() for w in words}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in alts)
    inner = f"(?:{body})"
    return f"(?P<{group}>{inner})" if group else inner


def placeholders(vocab: dict[str, Any], vague: dict[str, Any]) -> dict[str, str]:
    """The regex text that each {PLACEHOLDER} in a rule pattern expands to."""
    units = []
    for u in vocab["unit"]:
        units.append("centur(?:y|ies)" if u == "century" else f"{re.escape(u)}s?")
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    words = _alternation(vocab["number"])
    num = rf"(?:\d+(?:\.\d+)?|(?:{tens})(?:[\s-]+(?:{ones}))?|{words[3:-1]})(?!\w)"
    return {
        "MONTH": r"(?P<month>" + _alternation(m for m in vocab["month"] if len(m) > 4 or m == "june" or m == "july")
        + r"\b|" + _alternation(m for m in vocab["month"] if len(m) <= 4) + r"\b\.?)",
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


@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    """Read vocab.toml, vague.toml and rules.toml and compile the one big alternation."""
    vocab = _read_toml("vocab.toml")
    vague = _read_toml("vague.toml")["cue"]
    spec = _read_toml("rules.toml")
    subs = placeholders(vocab, vague)
    rules: list[Rule] = []
    parts: list[str] = []
    groups: list[list[tuple[str, str]]] = []
    for i, raw in enumerate(spec["rule"]):
        rid = raw["id"]
        pattern = raw["pattern"]
        for key, value in subs.items():
            pattern = pattern.replace("{" + key + "}", value)
        seen: dict[str, int] = {}

        def rename(m: re.Match[str], i: int = i, seen: dict[str, int] = seen) -> str:
            n = seen.get(m.group(1), 0)
            seen[m.group(1)] = n + 1
            return f"(?P<g{i}_{m.group(1)}_{n}>"

        pattern = _GROUP.sub(rename, pattern)
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"extract/rules/time/rules.toml: rule {rid!r}: bad pattern: {exc}") from exc
        fields = [(f"g{i}_{name}_{n}", name) for name, count in seen.items() for n in range(count)]
        groups.append(fields)
        parts.append(f"(?P<r{i}>{pattern})")
        nb = raw.get("not_before")
        if nb:
            nb = nb.replace("{COUNT_NOUNS}", spec.get("count_nouns", "(?!)"))
        rules.append(Rule(
            id=rid, handler=raw["handler"], pattern=raw["pattern"], params=dict(raw.get("params", {})),
            not_before=re.compile(nb, re.IGNORECASE) if nb else None,
            examples=list(raw.get("examples", [])), negatives=list(raw.get("negatives", [])),
        ))
    starts = start_regex(vocab, vague, list(spec.get("start_words", [])), list(spec.get("lead_followers", [])))
    firsts = [first_chars(part) for part in parts]
    return RuleSet(rules, groups, vocab, vague, str(spec.get("dct", "2000-01-01")), starts, parts, firsts)
