"""A short headline for a story entry: a report's title when one fits the day, else the main clause.

A reader scans a timeline by its headlines, so a whole lead sentence ("Beijing warned the United
States Tuesday against interfering in Taiwan after US House speaker Newt Gingrich said …") is
too long. The best headline is the one an editor wrote: the title of a report published that day
(or the next) whose words the day's summary sentences say. When no title fits (pasted texts have
none, Timeline17's articles neither, or that day's reports are about something else), the summary
sentence is cut to its main clause by the rules of ``extract/rules/story/headlines.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract import schema as S
from extract.story.stopwords import stop_words

RULES_FILE = Path(__file__).parent.parent / "rules" / "story" / "headlines.toml"
TITLE_FIT = 0.4
"""Share of a title's content words a summary sentence must say for the title to head the entry."""
TITLE_MIN_SHARED = 2
"""… and at least this many of them (a one-word overlap, 'China', fits anything)."""
FRESH_DAYS = 1
"""A title's report must be published on the day or this many days after (a later look back
titles a later story)."""
DAY_RULES = ("day_words", "date_words")
"""Clause rules that drop the words naming the day (kept while checking that a clause names it)."""
_QUOTE_OPENING = re.compile(r"\s*(?:``|[\"“‘'])")
_QUOTE_INSIDE = re.compile(r"``|''|[\"“”]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+")
_SUFFIX = re.compile(r"(?:'s|ings?|ed|es|s)$")


@dataclass(frozen=True)
class Rule:
    """One pattern of headlines.toml: dropped wherever it matches, or (``cut``) the text ends there."""

    id: str
    regex: re.Pattern[str]
    cut: bool
    examples: tuple[tuple[str, str], ...]
    non_examples: tuple[str, ...]

    def apply(self, text: str, min_words: int = 0) -> str:
        """``text`` without what the rule matches (repeated until nothing changes), or cut at the
        first match that leaves at least ``min_words`` words."""
        if self.cut:
            for match in self.regex.finditer(text):
                if len(text[: match.start()].split()) >= max(min_words, 1):
                    return text[: match.start()]
            return text
        while (shorter := self.regex.sub("", text, count=1)) != text:
            text = shorter
        return text


@dataclass(frozen=True)
class HeadlineRules:
    """Everything headlines.toml says."""

    title_rules: tuple[Rule, ...]
    junk: Rule
    clause_rules: tuple[Rule, ...]
    min_title_words: int
    max_words: int
    min_clause_words: int
    pronouns: frozenset[str] = frozenset()
    day_clause_openers: re.Pattern[str] | None = None


def _rule(entry: dict[str, Any], where: str) -> Rule:
    name = str(entry.get("id", where))
    try:
        regex = re.compile(entry["regex"])
    except (KeyError, re.error) as exc:
        raise ValueError(f"rules/story/headlines.toml: {name}: regex: {exc}") from exc
    pairs = []
    for ex in entry.get("examples", []):
        pair = (ex, "") if isinstance(ex, str) else tuple(ex)
        if len(pair) != 2 or not all(isinstance(x, str) for x in pair):
            raise ValueError(f"rules/story/headlines.toml: {name}: an example is [text, expected]")
        pairs.append((str(pair[0]), str(pair[1])))
    return Rule(
        name,
        regex,
        entry.get("action", "drop") == "cut",
        tuple(pairs),
        tuple(str(x) for x in entry.get("non_examples", [])),
    )


def parse_rules(data: dict[str, Any]) -> HeadlineRules:
    """Check and compile the parsed TOML; a bad entry raises naming the file and the rule."""
    junk = data.get("junk_titles", [])
    if len(junk) != 1:
        raise ValueError("rules/story/headlines.toml: one [[junk_titles]] entry expected")
    return HeadlineRules(
        tuple(_rule(e, "title_rules") for e in data.get("title_rules", [])),
        _rule({"id": "junk_titles", **junk[0]}, "junk_titles"),
        tuple(_rule(e, "clause_rules") for e in data.get("clause_rules", [])),
        int(data.get("min_title_words", 3)),
        int(data.get("max_headline_words", 16)),
        int(data.get("min_clause_words", 4)),
        frozenset(str(w) for w in data.get("pronoun_openings", [])),
        _openers(data.get("day_clause_openers", [])),
    )


def _openers(words: Any) -> re.Pattern[str] | None:
    if not isinstance(words, list) or not all(isinstance(w, str) and w.isalpha() for w in words):
        raise ValueError("rules/story/headlines.toml: day_clause_openers is a list of words")
    return re.compile(r"\b(?:" + "|".join(words) + r")\s+") if words else None


@lru_cache(maxsize=1)
def headline_rules() -> HeadlineRules:
    """The rules of headlines.toml (read once)."""
    with RULES_FILE.open("rb") as fh:
        return parse_rules(tomllib.load(fh))


def clean_title(title: str | None) -> str | None:
    """A report's title without wire furniture (prefixes, bylines, editors' notes, site names),
    or None when what is left is no headline (too short, a slug, a test message)."""
    if title is None or not str(title).strip():
        return None
    rules = headline_rules()
    text = " ".join(str(title).split())
    for rule in rules.title_rules:
        text = rule.apply(text).strip()
    if rules.junk.regex.fullmatch(text) or len(_WORD.findall(text)) < rules.min_title_words:
        return None
    return text


def compress(sentence: str, keep_day_words: bool = False) -> str:
    """A sentence cut to its main clause: no attribution, leading adverbial, bracketed aside,
    subordinate or relative clause; no final stop; at most ``max_headline_words`` words. With
    ``keep_day_words`` (to check which day the clause names) the day words and the length stay."""
    rules = headline_rules()
    text = " ".join(sentence.split())
    for _ in range(3):  # a cut can bare another match ('…, rights activists said, in the …'): again
        before = text
        for rule in rules.clause_rules:
            if keep_day_words and rule.id in DAY_RULES:
                continue
            shorter = rule.apply(text, rules.min_clause_words).strip()
            if len(shorter.split()) >= rules.min_clause_words:
                text = shorter
        if text == before:
            break
    text = text.rstrip(" ,;:.!?")
    words = text.split()
    if len(words) > rules.max_words and not keep_day_words:
        head = " ".join(words[: rules.max_words])
        stop = max(head.rfind(","), head.rfind(" and "), head.rfind(" but "))
        if stop > 0 and len(head[:stop].split()) >= rules.min_clause_words:
            return compress(head[:stop])  # the cut may bare an attribution: the rules again
        else:
            text = head.rstrip(" ,;:") + " …"
    return text[:1].upper() + text[1:]


def without_day_words(text: str) -> str:
    """``text`` without the words naming its day ("Tuesday", "on March 21"): what a headline
    drops because the entry's date stands beside it."""
    for rule in headline_rules().clause_rules:
        if rule.id in DAY_RULES:
            text = rule.apply(text)
    return text


def content_words(text: str) -> set[str]:
    """Lower-case stems ('warns', 'warned' -> 'warn') of the words that are not stop words."""
    stops = stop_words()
    out = set()
    for word in _WORD.findall(text):
        low = word.lower()
        if low in stops or len(low) < 2:
            continue
        stem = _SUFFIX.sub("", low) if len(low) > 4 else low
        if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
            stem = stem[:-1]  # 'regretted' -> 'regrett' -> 'regret'
        out.add(stem)
    return out


def title_fit(title: str, sentence: str) -> float:
    """The share of the title's content words the sentence says (0 when fewer than TITLE_MIN_SHARED)."""
    words = content_words(title)
    shared = words & content_words(sentence)
    return len(shared) / len(words) if words and len(shared) >= TITLE_MIN_SHARED else 0.0


@dataclass(frozen=True)
class Said:
    """A summary sentence as the headline needs it: its text, its report, when that came out."""

    text: str
    doc_id: str
    published: date | None
    mentioned: bool  # a cue in it names the day


def best_title(day: date, said: Sequence[Said], titles: Mapping[str, tuple[str, date | None]]) -> str | None:
    """The title of a report published on ``day`` or FRESH_DAYS after that fits the day's first
    summary sentence it can (the most central one first), best (ties: the sentence's own report);
    None if no title fits any."""
    best: tuple[int, float, int, str] | None = None
    for doc_id, (title, published) in titles.items():
        if published is None or not day <= published <= day + timedelta(days=FRESH_DAYS):
            continue
        for i, s in enumerate(said):
            fit = title_fit(title, s.text)
            if fit < TITLE_FIT:
                continue
            key = (-i, fit, int(s.doc_id == doc_id), title)
            if best is None or key[:3] > best[:3]:
                best = key
    return None if best is None else best[3]


def _names_day(text: str, published: date | None, day: date) -> bool:
    from extract.timecues import time_cue_records

    for cue in time_cue_records(text, published):
        start, end = cue[S.START], cue[S.END]
        if (
            isinstance(start, datetime)
            and isinstance(end, datetime)
            and start.date() == day
            and end - start <= timedelta(days=1)
        ):
            return True
    return False


def _readable(clause: str, sentence: str, pronouns: frozenset[str]) -> bool:
    """A clause a headline can be: it opens with a capital (a lower-case start is a broken split,
    'gov last month , as …') but not with a pronoun (it points back to a sentence the reader has
    not seen), holds no quotation marks (a cut quote reads as nonsense) and the sentence is no
    question."""
    first = clause.split(" ", 1)[0]
    return (
        sentence[:1].isupper()
        and first not in pronouns
        and not _QUOTE_INSIDE.search(clause)
        and not sentence.rstrip().endswith("?")
    )


def main_clause(day: date, said: Sequence[Said]) -> str:
    """The first summary sentence that is no quotation and whose main clause is readable
    (:func:`_readable`), cut to that clause; a sentence of a later report looking back must
    still name the day in it (else the clause is about something else: 'The army tore down the
    home of X, who … on March 21'). Else the first sentence that is no quotation, cut."""
    plain = [s for s in said if not _QUOTE_OPENING.match(s.text)] or list(said)
    pronouns = headline_rules().pronouns
    for s in plain:
        clause = compress(s.text, keep_day_words=True)
        if not _readable(clause, s.text.strip(), pronouns):
            continue
        fresh = s.published is not None and day <= s.published <= day + timedelta(days=FRESH_DAYS)
        if fresh or not s.mentioned or _names_day(clause, s.published, day):
            return compress(s.text)
    return _day_clause(day, plain) or (compress(plain[0].text) if plain else "")


def _day_clause(day: date, said: Sequence[Said]) -> str:
    """When no main clause can head the entry, a readable subordinate clause that names the day
    ("He was the first defector since *Hwang arrived in Seoul on April 20*"), cut; else ""."""
    rules = headline_rules()
    if rules.day_clause_openers is None:
        return ""
    for s in said:
        if s.text.rstrip().endswith("?"):
            continue
        for opener in rules.day_clause_openers.finditer(s.text):
            part = s.text[opener.end() :].strip()
            clause = compress(part, keep_day_words=True)
            if (
                len(clause.split()) >= rules.min_clause_words
                and _readable(clause, clause, rules.pronouns)
                and _names_day(clause, s.published, day)
            ):
                return compress(part)
    return ""


def headline(day: date, said: Sequence[Said], titles: Mapping[str, tuple[str, date | None]]) -> str:
    """The entry's headline: a fitting report title, else the main clause of a summary sentence."""
    return best_title(day, said, titles) or main_clause(day, said)
