"""A malformed rules or vocabulary file fails when it is loaded, naming the file, the rule and the field;
a cue missing a field its resolver needs raises instead of silently disappearing."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from extract.timecues import Cue, resolve_cue
from extract.timecues.rules import compile_rules
from extract.timecues.vocab import RuleFileError, check_vague, check_vocab, read_toml

_SPEC = read_toml("rules.toml")
_VOCAB = read_toml("vocab.toml")
_VAGUE = read_toml("vague.toml")


def _rule_spec(change: Any) -> dict[str, Any]:
    """The real rules.toml with ``change`` applied to its rule "iso_date"."""
    spec = copy.deepcopy(_SPEC)
    rule = next(r for r in spec["rule"] if r["id"] == "iso_date")
    change(rule)
    return spec


def test_timecues_rulefiles_real_files_load() -> None:
    rules = compile_rules(_SPEC, check_vocab(_VOCAB), check_vague(_VAGUE))
    assert len(rules.rules) == len(_SPEC["rule"])


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda r: r.update(handeler=r.pop("handler")), "handeler"),  # misspelt key
        (lambda r: r.update(handler="dat"), "handler"),  # unknown handler
        (lambda r: r.pop("pattern"), "pattern"),
        (lambda r: r.update(pattern=r["pattern"].replace("monthnum", "mnth")), "pattern"),  # unknown group
        (lambda r: r.update(pattern="(?P<year>1\\d{3}"), "pattern"),  # bad regex
        (lambda r: r.update(pattern="{MONTHS} {DAY}"), "pattern"),  # unknown placeholder
        (lambda r: r.update(params={"unti": "year"}), "params"),  # misspelt cue field
        (
            lambda r: r.update(examples=[{"text": "on 1997-12-30", "vale": "1997-12-30", "type": "DATE"}]),
            "examples",
        ),
        (lambda r: r.update(negatives="call 1997-1230-55"), "negatives"),
        (lambda r: r.update(not_before="(unclosed"), "not_before"),
        (lambda r: r.update(not_after="(unclosed"), "not_after"),
        (lambda r: r.update(not_after=3), "not_after"),
    ],
)
def test_timecues_rulefiles_bad_rule_names_file_rule_and_field(change: Any, field: str) -> None:
    with pytest.raises(RuleFileError) as err:
        compile_rules(_rule_spec(change), check_vocab(_VOCAB), check_vague(_VAGUE))
    message = str(err.value)
    assert "extract/rules/time/rules.toml" in message
    assert "'iso_date'" in message
    assert field in message


def test_timecues_rulefiles_duplicate_rule_id() -> None:
    spec = copy.deepcopy(_SPEC)
    spec["rule"].append(copy.deepcopy(spec["rule"][0]))
    with pytest.raises(RuleFileError, match=r"rules\.toml: rule 'iso_date': field 'id'"):
        compile_rules(spec, check_vocab(_VOCAB), check_vague(_VAGUE))


@pytest.mark.parametrize(
    ("table", "key", "value"),
    [
        ("month", "sept", "9"),  # a string where a number belongs
        ("holiday", "christmas", [12]),  # [month, day] needs two numbers
        ("unit", "week", "W"),
        ("approx", "about", 1),
        ("month", "Sept", 9),  # keys are lower case
    ],
)
def test_timecues_rulefiles_bad_vocab_entry_names_table_and_key(table: str, key: str, value: Any) -> None:
    vocab = copy.deepcopy(_VOCAB)
    vocab[table][key] = value
    with pytest.raises(RuleFileError) as err:
        check_vocab(vocab)
    assert "vocab.toml" in str(err.value) and f"[{table}]" in str(err.value) and repr(key) in str(err.value)


def test_timecues_rulefiles_missing_vocab_table() -> None:
    vocab = copy.deepcopy(_VOCAB)
    del vocab["tense"]
    with pytest.raises(RuleFileError, match=r"vocab\.toml: table \[tense\]"):
        check_vocab(vocab)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda c: c.update(dayz=c.pop("days")), "dayz"),
        (lambda c: c.update(ref="PAST"), "ref"),
        (lambda c: c.update(days="90"), "days"),
        (lambda c: c.update(modes=["history"]), "modes"),
    ],
)
def test_timecues_rulefiles_bad_vague_cue_names_cue_and_field(change: Any, field: str) -> None:
    vague = copy.deepcopy(_VAGUE)
    change(vague["cue"]["recently"])
    with pytest.raises(RuleFileError) as err:
        check_vague(vague)
    assert "vague.toml" in str(err.value) and "'recently'" in str(err.value) and field in str(err.value)


def test_timecues_rulefiles_missing_field_raises_not_drops() -> None:
    """A cue whose fields lack what its handler reads is a bug to see, not a cue to lose."""
    with pytest.raises(KeyError):
        resolve_cue(Cue(0, 8, "March 3", "test", "date", {"mnth": 3, "day": 3}), None)


def test_timecues_rulefiles_out_of_calendar_is_no_date() -> None:
    """ "3000 years ago" from 1998 is before year 1: no Python date, so no resolution (not an error)."""
    cue = Cue(0, 14, "3000 years ago", "ago", "ago", {"num": 3000.0, "unit": "year", "dir": -1})
    assert resolve_cue(cue, date(1998, 1, 8)) is None
    assert resolve_cue(
        Cue(0, 12, "2 years ago", "ago", "ago", {"num": 2.0, "unit": "year"}), date(1998, 1, 8)
    )
