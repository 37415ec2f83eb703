"""Every example and negative of extract/rules/time/rules.toml, run through the real tagger."""

from __future__ import annotations

from typing import Literal

import pytest

from extract import schema as S
from extract.timecues import find_cues, tag_time_cues
from extract.timecues.rules import load_rules

_RULES = load_rules()
_EXAMPLES = [
    (r.id, e["text"], e["value"], e["type"], e.get("mode", "news")) for r in _RULES.rules for e in r.examples
]
_SPANS = [(r.id, e["text"], e["span"]) for r in _RULES.rules for e in r.examples if "span" in e]
_NEGATIVES = [(r.id, text) for r in _RULES.rules for text in r.negatives]


def test_timecues_rules_every_rule_has_examples() -> None:
    missing = [r.id for r in _RULES.rules if not r.examples or not r.negatives]
    assert missing == []


@pytest.mark.parametrize(("rule", "text", "value", "type_", "mode"), _EXAMPLES)
def test_timecues_rules_example(
    rule: str, text: str, value: str, type_: str, mode: Literal["news", "narrative"]
) -> None:
    frame = tag_time_cues(text, _RULES.example_dct, mode)
    found = list(zip(frame[S.RULE], frame[S.TIME_VALUE], frame[S.TIME_TYPE], strict=True))
    assert (rule, value, type_) in found, f"{text!r}: found {found}"


@pytest.mark.parametrize(("rule", "text", "span"), _SPANS)
def test_timecues_rules_example_span(rule: str, text: str, span: str) -> None:
    """An example's optional ``span``: the words the cue covers, no more ("last" as a verb is not in it)."""
    frame = tag_time_cues(text, _RULES.example_dct)
    assert span in set(frame[frame[S.RULE] == rule][S.TIME_TEXT]), frame[
        [S.TIME_TEXT, S.RULE]
    ].values.tolist()


@pytest.mark.parametrize(("rule", "text"), _NEGATIVES)
def test_timecues_rules_negative(rule: str, text: str) -> None:
    frame = tag_time_cues(text, _RULES.example_dct)
    assert rule not in set(frame[S.RULE]), f"{text!r}: {frame[[S.TIME_TEXT, S.RULE]].values.tolist()}"


_PROSE = [
    "KUALA LUMPUR, April 1 , 1997 (AFP) - Shares fell 1.1 percent by midday Tuesday, the first time "
    "in three months, after the Dow's fall last week and a year-earlier loss of $2 million.",
    "The 1957-58 season, the early 1990s, mid-2023, the past two years, 'the 60s', AD 9 and 480 BC; "
    "at 10:30 a.m. EST tomorrow, every Monday, daily, this spring, the year-ago quarter, 23-28 March 1951.",
    "Theresa May said on Friday's summit that recently, in the coming weeks, and earlier this month "
    "Christmas Eve plans for New Year's Day were made; 2 mins read.",
]


@pytest.mark.parametrize("text", [e[1] for e in _EXAMPLES] + [t for _, t in _NEGATIVES] + _PROSE)
def test_timecues_rules_prefilter_finds_what_a_full_scan_finds(text: str) -> None:
    assert find_cues(text) == find_cues(text, prefilter=False)


@pytest.mark.parametrize(
    "text", ["an additional year", "half an-hour", "on Valentine's Day", "New Year's Eve"]
)
def test_timecues_rules_prefilter_start_words(text: str) -> None:
    assert find_cues(text) == find_cues(text, prefilter=False) != []
