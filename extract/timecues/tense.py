"""Tense of the sentence around a cue from cheap surface cues (no parser): the marker nearest
to the cue decides — will/'ll/would/going to/next, and for a weekday the scheduling present
("goes to the polls on Thursday", "opens Monday") → future; was/were/had/said/-ed verbs → past."""

from __future__ import annotations

import re

from extract.timecues.types import Tense
from extract.timecues.vocab import load_vocab

_WINDOW = 120
_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?")
_BOUND = re.compile(r"[.!?\n]\s")
_VOCAB = load_vocab()["tense"]  # vocab.toml [tense]: the marker words
_FUTURE = frozenset(_VOCAB["future"])
_SCHEDULED = frozenset(_VOCAB["scheduled"])  # the scheduling present: future for a weekday only
_FUTURE_AFTER = {word: frozenset(nexts) for word, nexts in _VOCAB["future_before"].items()}
# a date right after these is a deadline ("until Tuesday", "by February": AHEAD) or a start still
# ahead ("effective June 1", "as early as Tuesday": FUTURE), unless the clause is past perfect
_DEADLINE = re.compile(
    r"\b(?:(?P<ahead>until|till|by)|effective|as\s+(?:early|soon)\s+as|no\s+later\s+than)"
    r"\s+(?:(?:on|at|noon|midnight)\s+)?$",
    re.IGNORECASE,
)
# "to run through June": an infinitive of lasting before through/until/into: the date is ahead
_CONTINUES = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)\bto\s+(?:"
    + "|".join(_VOCAB["continues"])
    + r")\s+(?:\w+\s+){0,2}?(?:through|thru|until|till|into)\s+$",
    re.IGNORECASE,
)
# "launches an initiative beginning Tuesday": a start still ahead, unless a past marker says otherwise
# ("arrived on a visit beginning Sunday")
_STARTING = re.compile(r"\b(?:beginning|starting)\s+(?:on\s+|from\s+)?$", re.IGNORECASE)
_SINCE = re.compile(r"\b(?:ever\s+)?since\s+(?:the\s+|early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_PAST = frozenset(_VOCAB["past"])
_NOT_PAST = frozenset(_VOCAB["not_past"])  # words in -ed that are no past-tense verb
_ADJECTIVE_AFTER = frozenset(_VOCAB["adjective_after"])  # "a feared outbreak": an adjective, no verb
_REPORTING = frozenset(_VOCAB["reporting"])
# ", officers said", ", a spokesman said"; the cue's own noun may come first ("the March ballot, said analysts")
_REPORT_CLAUSE = re.compile(r"(?:\s+[\w'’-]+){0,2}\s*,\s*(?:[\w'’.-]+\s+){0,4}$")
# … and the attribution ends the sentence ("officers said Friday."; not "In May, it announced plans")
_REPORT_END = re.compile(r"(?:\s+[\w'’.-]+){0,3}?\s*(?:[.!?;,\"”]|$)")
_DEFER = frozenset(_VOCAB["defer"])
_UNTIL_BLOCKERS = frozenset(_VOCAB["until_blockers"])  # "postponed until Tuesday": ahead in any tense


def _tense_of(tokens: list[str], i: int, scheduled: bool) -> Tense | None:
    word = tokens[i]
    if word.endswith(("'ll", "’ll")) or word in _FUTURE or (scheduled and word in _SCHEDULED):
        return Tense.FUTURE
    after = _FUTURE_AFTER.get(word)
    if (
        after is not None
        and i + 1 < len(tokens)
        and (tokens[i + 1] in after or " ".join(tokens[i + 1 : i + 3]) in after)
    ):  # "plans to", "prepared for a crackdown" (not "a memorandum prepared for Bush")
        if (i >= 2 and tokens[i - 2] == "had" and tokens[i - 1] == "been") or (
            i >= 1 and tokens[i - 1] in ("was", "were") and word in ("about", "going")
        ):  # "had been due to expire", "were about to cross": a future seen from the past
            return Tense.PAST
        return Tense.FUTURE
    if _past_word(tokens, i):
        if i >= 1 and tokens[i - 1] in ("be", "being"):
            if (
                i >= 2
                and tokens[i - 1] == "be"
                and tokens[i - 2] == "to"
                and not (_past_word(tokens, i - 3) or _past_word(tokens, i - 4))
            ):  # "the poll, to be published Friday" (but "had to be postponed", "were due to be held")
                return Tense.FUTURE
            return None  # a passive participle: "is scheduled to be held on Tuesday"
        return Tense.PAST
    return None


def _past_word(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is a past-tense marker (was, had, an -ed verb)."""
    if i < 0:
        return False
    word = tokens[i]
    return word in _PAST or (
        len(word) > 4
        and word.endswith("ed")
        and word not in _NOT_PAST
        and not (i >= 1 and tokens[i - 1] in _ADJECTIVE_AFTER)
    )


def _plainly_past(tokens: list[str], i: int, gap: str) -> bool:
    """Whether the past marker tokens[i] governs the until-phrase after ``gap`` plainly: no deferral
    ("was put off until"), modal ("can be held until"), infinitive ("were to continue until") or comma
    (another clause: "qualified for the competition, which runs until") between them."""
    if "," in gap:
        return False
    between = _TOKEN.findall(gap.lower())
    return not ({tokens[i], *between} & _DEFER or set(between) & _UNTIL_BLOCKERS)


def after_since(text: str, start: int) -> bool:
    """Whether the cue at ``start`` follows "since" ("ever since March", "since the 2003 invasion")."""
    return _SINCE.search(text, max(0, start - 24), start) is not None


def tense_at(text: str, start: int, end: int, *, scheduled: bool = False) -> Tense:
    """The tense of the sentence containing text[start:end], judged by the nearest marker; a
    deadline word just before the cue ("until Tuesday", "effective Feb. 1") makes it AHEAD.
    With ``scheduled`` (a weekday cue), the scheduling present ("opens Monday") marks the future:
    for a month or a year it is too often a state ("holds 14.6 % since July")."""
    if _CONTINUES.search(text, max(0, start - 48), start):
        return Tense.FUTURE
    if after_since(text, start):
        return Tense.BEHIND  # "ever since March", "since the May curbs": a start that is behind us
    deadline = _DEADLINE.search(text, max(0, start - 24), start)
    lo = max(0, start - _WINDOW)
    cut = None
    for m in _BOUND.finditer(text, lo, start):
        cut = m.end()
    if cut is not None:
        lo = cut
    hi = min(len(text), end + _WINDOW)
    stop = _BOUND.search(text, end, hi)
    if stop:
        hi = stop.start() + 1
    window = text[lo:hi].lower()
    spans = [(m.start() + lo, m.end() + lo) for m in _TOKEN.finditer(window)]
    tokens = [window[a - lo : b - lo] for a, b in spans]
    best: tuple[int, Tense] | None = None
    before: tuple[int, Tense, int] | None = None  # the nearest marker before the cue (its token index)
    ahead = False  # a future marker before the cue
    # a cue among the first words of its sentence ("In September, it announced …") belongs to the clause after it
    opens_clause = sum(1 for a, _ in spans if a < start) < 3
    perfect = False  # past perfect: "had filed reports by Wednesday", "Until Thursday, they had not"
    for i, (a, b) in enumerate(spans):
        if start <= a < end:
            continue
        tense = _tense_of(tokens, i, scheduled)
        if tense is None:
            continue
        if (
            a >= end
            and opens_clause is False
            and tokens[i] in _REPORTING
            and _REPORT_CLAUSE.match(text[end:a])
            and _REPORT_END.match(text, b)
        ):
            break  # "… at the weekend, officers said Friday": when it was said, and what follows is another clause
        dist = start - b if b <= start else a - end
        if best is None or dist < best[0]:
            best = (dist, tense)
        if b <= start and (before is None or dist < before[0]):
            before = (dist, tense, i)
        ahead = ahead or (b <= start and tense is Tense.FUTURE)  # "will stay closed until Tuesday"
        perfect = perfect or (tokens[i] == "had" and dist < 60)
    if deadline and not perfect:
        if (
            deadline.group("ahead") in ("until", "till")
            and before is not None
            and before[1] is Tense.PAST
            and not ahead
            and _plainly_past(tokens, before[2], text[spans[before[2]][1] : start])
        ):  # "has been kept secret until Tuesday", "it was not until Tuesday that": behind us
            return Tense.PAST
        return Tense.AHEAD if deadline.group("ahead") else Tense.FUTURE
    if (best is None or best[1] is not Tense.PAST) and _STARTING.search(text, max(0, start - 24), start):
        return Tense.FUTURE
    return best[1] if best else Tense.UNKNOWN
