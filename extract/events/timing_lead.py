"""The day a story's lead is told later: a lead in the present perfect without a date ("Iraq's interior
minister *has criticised* the training of police recruits …") happened on the day its doer is said to
have spoken in the next sentences ("…, the minister *said Tuesday* during a press conference"). Wire
stories state the news first and its day with the attribution; the publication day is the day after.
The window and the auxiliaries are data (timing.toml [lead_day], with examples a test runs)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from extract import schema as S
from extract.events.clauses import Clause
from extract.events.keep import news_day
from extract.events.rules import read_rules, require_list
from extract.events.speech import speech_rules
from extract.events.timing import TIME_FIELDS, governing_verb


@dataclass(frozen=True)
class LeadDay:
    """How many sentences after the lead may state its day, and the auxiliaries of the perfect."""

    window: int
    perfect: frozenset[str]
    examples: tuple[dict[str, Any], ...]


@lru_cache(maxsize=1)
def lead_day_rules() -> LeadDay:
    """The [lead_day] table of timing.toml (a missing or mistyped field fails naming it)."""
    data = read_rules("timing.toml").get("lead_day")
    if not isinstance(data, dict) or not isinstance(data.get("window"), int) or data["window"] < 1:
        raise ValueError("rules/events/timing.toml: needs a [lead_day] table with a positive 'window'")
    perfect = require_list(data, "timing.toml [lead_day]", "perfect", str)
    examples = tuple(require_list(data, "timing.toml [lead_day]", "examples", dict))
    return LeadDay(int(data["window"]), frozenset(w.lower() for w in perfect), examples)


def lead_in_perfect(clause: Clause) -> bool:
    """The main clause of the story's first sentence, in the present perfect ("has criticised"), with a
    doer the text names."""
    verb = clause.verb
    if verb.dep_ != "ROOT" or verb.tag_ != "VBN" or clause.source is None:
        return False
    if any(t.is_alpha for t in verb.doc[: clause.sent.start]):
        return False  # a word before the sentence: not the lead
    perfect = lead_day_rules().perfect
    return any(c.dep_ == "aux" and c.lower_ in perfect for c in verb.children)


def lead_day(
    clause: Clause, clauses: Sequence[Clause], cues: Sequence[dict[str, Any]], published: date | None
) -> dict[str, Any] | None:
    """The day cue of the first clause of saying whose speaker is the lead's doer, in the ``window``
    sentences after the lead, when that day is of the news week; None otherwise (the lead keeps the
    publication day)."""
    if clause.source is None or not lead_in_perfect(clause):
        return None
    starts: list[int] = []
    for other in clauses:
        if other.sent.start <= clause.sent.start:
            continue
        if other.sent.start not in starts:
            starts.append(other.sent.start)
        if len(starts) > lead_day_rules().window:
            break
        if other.source is None or other.source.actor != clause.source.actor:
            continue
        if not speech_rules().speech_lemma(other.verb):
            continue
        sent = other.sent
        for cue in cues:
            if not (sent.start_char <= int(cue[S.CHAR_START]) < sent.end_char):
                continue
            if governing_verb(sent, cue) == other.verb.i and news_day(cue, published):
                return cue
    return None


def lead_dated(
    clause: Clause,
    clauses: Sequence[Clause],
    cues: Sequence[dict[str, Any]],
    published: date | None,
    fields: dict[str, Any],
    rule: str,
) -> tuple[dict[str, Any], str]:
    """The clause's time fields and rule, with the lead's day told later (``time:lead_said``) in place
    of the publication day; otherwise as they came."""
    if rule != S.TIME_PUBLICATION:
        return fields, rule
    said = lead_day(clause, clauses, cues, published)
    if said is None:
        return fields, rule
    out = {**fields, **{k: said.get(k) for k in TIME_FIELDS}}
    out[S.TIME_CHAR_START], out[S.TIME_CHAR_END] = int(said[S.CHAR_START]), int(said[S.CHAR_END])
    return out, S.TIME_LEAD
