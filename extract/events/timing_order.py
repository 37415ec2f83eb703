"""Days moved from another day. A clause ordered against its governing clause by a measured distance
("resigned on Wednesday, *one day after* Democrats won"): the governing day moved by that distance, at
the unit's granularity. A day named from an occasion ("on the *eve* of Sunday's race"): the occasion's
day moved. Both are data (timing.toml [measured_order] and [occasion_days], with examples a test runs)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import Any

import pandas as pd
from spacy.tokens import Token

from extract import schema as S
from extract.events.rules import lexicon, read_rules, require_list


@dataclass(frozen=True)
class MeasuredOrder:
    """Subordinating marks with their direction, unit words and number words."""

    marks: dict[str, int]
    units: dict[str, str]
    numbers: dict[str, int]
    examples: tuple[dict[str, Any], ...]


def _table(data: dict[str, Any], field: str, kind: type) -> dict[str, Any]:
    value = data.get(field)
    if not isinstance(value, dict) or not all(isinstance(v, kind) for v in value.values()):
        raise ValueError(
            f"rules/events/timing.toml [measured_order]: {field!r} must map words to {kind.__name__}"
        )
    return {str(k).lower(): v for k, v in value.items()}


@lru_cache(maxsize=1)
def measured_order_rules() -> MeasuredOrder:
    """The [measured_order] table of timing.toml (a missing or mistyped field fails naming it)."""
    data = read_rules("timing.toml").get("measured_order")
    if not isinstance(data, dict):
        raise ValueError("timing.toml: needs a [measured_order] table")
    units = _table(data, "units", str)
    if not set(units.values()) <= {"D", "W", "M", "Y"}:
        raise ValueError("rules/events/timing.toml [measured_order]: units map to D, W, M or Y")
    examples = tuple(require_list(data, "timing.toml [measured_order]", "examples", dict))
    return MeasuredOrder(_table(data, "marks", int), units, _table(data, "numbers", int), examples)


def measured_shift(verb: Token) -> tuple[int, str] | None:
    """(signed amount, unit) when ``verb`` heads a clause ordered by a measure ("*two days after* rebels
    seized"), else None."""
    rules = measured_order_rules()
    if verb.dep_ != "advcl":
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in rules.marks), None)
    if mark is None:
        return None
    for noun in [*verb.children, *mark.children]:  # "*two days* after": on the verb or on the mark
        unit = rules.units.get(lexicon().lemma(noun.lemma_.lower()))
        if noun.dep_ != "npadvmod" or unit is None or noun.i > mark.i:
            continue
        amount = next(
            (_count(c) for c in noun.children if c.dep_ in ("nummod", "det") and _count(c) is not None), None
        )
        if amount is not None:
            return rules.marks[mark.lower_] * amount, unit
    return None


def _count(tok: Token) -> int | None:
    if tok.text.isdigit():
        return int(tok.text)
    return measured_order_rules().numbers.get(tok.lower_)


_FINENESS = {"D": 0, "W": 1, "M": 2, "Y": 3}
_GRANULARITY = {
    "day": 0,
    "week": 1,
    "month": 2,
    "quarter": 2,
    "season": 2,
    "year": 3,
    "decade": 4,
    "century": 5,
}


def can_shift(cue: dict[str, Any], unit: str) -> bool:
    """Whether moving the cue by ``unit`` keeps its precision: "March, two days before" is no March 3
    (a unit finer than the cue's granularity would invent a day); a clock time counts as its day."""
    return _FINENESS[unit] >= _GRANULARITY.get(str(cue.get(S.GRANULARITY)), 0)


def shift_cue(cue: dict[str, Any], amount: int, unit: str) -> dict[str, Any]:
    """The cue's start moved by ``amount`` units, as an interval of that unit (an ISO week for weeks);
    its text says so ("1 D before Wednesday")."""
    anchor = pd.Timestamp(cue[S.START]).normalize()
    if unit == "M":
        day = anchor + pd.DateOffset(months=amount)
        start, stop, value, gran = (
            day.replace(day=1),
            day.replace(day=1) + pd.DateOffset(months=1),
            f"{day:%Y-%m}",
            "month",
        )
    elif unit == "Y":
        day = anchor + pd.DateOffset(years=amount)
        start, stop, value, gran = (
            pd.Timestamp(day.year, 1, 1),
            pd.Timestamp(day.year + 1, 1, 1),
            f"{day.year}",
            "year",
        )
    elif unit == "W":
        day = anchor + timedelta(days=7 * amount)
        start = (day - timedelta(days=day.weekday())).normalize()
        iso = day.isocalendar()
        stop, value, gran = start + timedelta(days=7), f"{iso[0]}-W{iso[1]:02d}", "week"
    else:
        start = anchor + timedelta(days=amount)
        stop, value, gran = start + timedelta(days=1), f"{start:%Y-%m-%d}", "day"
    return {
        **cue,
        S.TIME_TEXT: f"{abs(amount)} {unit} {'before' if amount < 0 else 'after'} {cue.get(S.TIME_TEXT)}",
        S.TIME_TYPE: "DATE",
        S.TIME_VALUE: value,
        S.TIME_MOD: None,
        S.TIME_KIND: "relative",
        S.START: start,
        S.END: stop,
        S.GRANULARITY: gran,
    }


@dataclass(frozen=True)
class OccasionDays:
    """Nouns naming a day from an occasion ("eve": -1) and the prepositions before them."""

    nouns: dict[str, int]
    preps: frozenset[str]
    examples: tuple[dict[str, Any], ...]


@lru_cache(maxsize=1)
def occasion_day_rules() -> OccasionDays:
    """The [occasion_days] table of timing.toml (a missing or mistyped field fails naming it)."""
    data = read_rules("timing.toml").get("occasion_days")
    if not isinstance(data, dict):
        raise ValueError("timing.toml: needs an [occasion_days] table")
    name = "timing.toml [occasion_days]"
    nouns = data.get("nouns")
    if not isinstance(nouns, dict) or not all(isinstance(v, int) for v in nouns.values()):
        raise ValueError(f"rules/events/{name}: 'nouns' must map words to days")
    preps = frozenset(w.lower() for w in require_list(data, name, "preps", str))
    return OccasionDays(
        {str(k).lower(): v for k, v in nouns.items()},
        preps,
        tuple(require_list(data, name, "examples", dict)),
    )


def _occasion_phrases(pred: Token) -> Iterator[tuple[Token, int, Token]]:
    """(noun, days, its "of" preposition) of each "on the eve of …" phrase of the predicate
    ([occasion_days] of timing.toml)."""
    rules = occasion_day_rules()
    for prep in pred.children:
        if prep.dep_ != "prep" or prep.lower_ not in rules.preps:
            continue
        for noun in prep.children:
            days = rules.nouns.get(lexicon().lemma(noun.lemma_.lower()))
            of = [p for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"]
            if noun.dep_ == "pobj" and days is not None and of:
                yield noun, days, of[0]


def occasion_day(pred: Token, cues: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The day "on the eve of <a dated occasion>" names for the predicate, or None."""
    for noun, days, of in _occasion_phrases(pred):
        lo, hi = of.idx, of.right_edge.idx + len(of.right_edge.text)
        inside = [c for c in cues if lo <= int(c[S.CHAR_START]) < hi and _day_cue(c)]
        if inside:
            return shift_cue(inside[0], days, "D") | {
                S.TIME_TEXT: f"the {noun.text} of {inside[0][S.TIME_TEXT]}"
            }
    return None


def _day_cue(cue: dict[str, Any]) -> bool:
    start = cue.get(S.START)
    return cue.get(S.GRANULARITY) == "day" and start is not None and not pd.isna(start)


_KEPT = (S.TIME_CHAR_START, S.TIME_CHAR_END)


class StoryDay:
    """The last day a row was dated by, for a clause whose own cue is "the same day" (that day, not the
    last day written), and for a clause ordered by a measure against a governor that states
    no day ("Rebels attacked the base on Thursday. The attack came *two days after* troops seized Goma":
    Tuesday; "Bush announced Wednesday …. Bush made the announcement *one day after* Democrats won":
    Tuesday). The governor continues that day, so the ordered clause is that day moved by the measure
    (``time:governing_clause``), at the unit's granularity as [measured_order] does."""

    def __init__(self) -> None:
        self.day: dict[str, Any] | None = None

    def date(self, verb: Token, fields: dict[str, Any], rule: str) -> tuple[dict[str, Any], str]:
        """The clause's time fields and rule, moved from the story's last day when the clause is ordered
        by a measure and has no day of its own nor from its governor; the day is noted for the next."""
        undated = rule in (S.TIME_NARRATIVE, S.TIME_PUBLICATION)
        shift = measured_shift(verb) if undated and _past(verb.head) else None
        if undated and shift is None and (eve := _told_occasion(verb)) is not None:
            shift = (eve, "D")  # "Mansell won the race on Sunday. Jones withdrew *on the eve of the event*"
        # the story's day the clause continues, else the last day a row stated (a reporting clause's)
        base = fields if rule == S.TIME_NARRATIVE else self.day
        if shift is not None and base is not None and can_shift(base, shift[1]):
            moved = shift_cue(base, *shift)
            fields = {**fields, **{k: v for k, v in moved.items() if k in fields or k in _KEPT}}
            rule = S.TIME_GOVERNING
        if rule == S.TIME_IN_CLAUSE and self.day is not None and _same_day(fields):
            # "… exploded on Sunday, police said Monday. *At the same day*, forces and guerrillas clashed":
            # the day of the last event told, not of the last day written (a reporting clause's Monday)
            fields = {**fields, **{k: self.day[k] for k in _DAY_FIELDS if k in self.day}}
        start = fields.get(S.START)
        if (
            rule not in (S.TIME_PUBLICATION, S.TIME_VAGUE)
            and fields.get(S.TIME_KIND) not in ("vague", "publication")
            and start is not None
            and not pd.isna(start)
        ):
            self.day = dict(fields)
        return fields, rule


_DAY_FIELDS = (S.TIME_VALUE, S.TIME_MOD, S.START, S.END, S.GRANULARITY)


@lru_cache(maxsize=1)
def same_day_phrases() -> frozenset[str]:
    """timing.toml's [same_day] phrases ("the same day", "that day"), lowercased."""
    data = read_rules("timing.toml").get("same_day")
    if not isinstance(data, dict):
        raise ValueError("timing.toml: needs a [same_day] table")
    require_list(data, "timing.toml [same_day]", "examples", dict)
    return frozenset(p.lower() for p in require_list(data, "timing.toml [same_day]", "phrases", str))


def _same_day(fields: dict[str, Any]) -> bool:
    """The clause's own cue names the day of the last event told ("at the same day", "on that day")."""
    return str(fields.get(S.TIME_TEXT) or "").strip().lower() in same_day_phrases()


def _told_occasion(pred: Token) -> int | None:
    """The days an "on the eve of *the* <occasion>" moves from the occasion the story told, when the
    phrase names no day of its own ("Jones withdrew on the eve of the event", after "Mansell won the
    race on Sunday"); None otherwise (a dated occasion is ``occasion_day``'s)."""
    for _noun, days, of in _occasion_phrases(pred):
        told = [
            o
            for o in of.children
            if o.dep_ == "pobj"
            and any(d.dep_ == "det" and d.lower_ == "the" for d in o.children)
            and not any(c.dep_ in ("poss", "compound", "nummod", "amod") for c in o.children)
        ]
        if told:
            return days
    return None


_PAST_AUX = frozenset({"had", "was", "were", "did"})


def _past(verb: Token) -> bool:
    """A governor told in the past ("came", "was made", "had struck"): it continues the story's day; a
    future or present one ("talks *will open* two days after …") does not."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (verb.tag_ == "VBD" and not auxes) or any(a in _PAST_AUX for a in auxes)
