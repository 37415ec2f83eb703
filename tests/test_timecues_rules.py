"""Every example and negative of extract/rules/time/rules.toml, run through the real tagger."""

from __future__ import annotations

import pytest

from extract import schema as S
from extract.timecues import tag_time_cues
from extract.timecues.rules import load_rules

_RULES = load_rules()
_EXAMPLES = [(r.id, e["text"], e["value"], e["type"]) for r in _RULES.rules for e in r.examples]
_NEGATIVES = [(r.id, text) for r in _RULES.rules for text in r.negatives]


def test_timecues_rules_every_rule_has_examples() -> None:
    missing = [r.id for r in _RULES.rules if not r.examples or not r.negatives]
    assert missing == []


@pytest.mark.parametrize(("rule", "text", "value", "type_"), _EXAMPLES)
def test_timecues_rules_example(rule: str, text: str, value: str, type_: str) -> None:
    frame = tag_time_cues(text, _RULES.example_dct)
    found = list(zip(frame[S.RULE], frame[S.TIME_VALUE], frame[S.TIME_TYPE], strict=True))
    assert (rule, value, type_) in found, f"{text!r}: found {found}"


@pytest.mark.parametrize(("rule", "text"), _NEGATIVES)
def test_timecues_rules_negative(rule: str, text: str) -> None:
    frame = tag_time_cues(text, _RULES.example_dct)
    assert rule not in set(frame[S.RULE]), f"{text!r}: {frame[[S.TIME_TEXT, S.RULE]].values.tolist()}"
