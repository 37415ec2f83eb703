"""find_actor_mentions never raises on user text and its offsets always point at the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.actors import find_actor_mentions
from extract.nlp import load_nlp

WORDS = [
    "Korea",
    "North",
    "South",
    "Korean",
    "’s",
    "'s",
    "-",
    "Asia-",
    "Pacific",
    "Mr.",
    "President",
    "Xi",
    "Jinping",
    "US",
    "WHO",
    "Who",
    "in",
    "Seoul",
    "BEIJING",
    ",",
    "(",
    ")",
    "APEC",
    "\n\n",
    "the",
    "Dutch",
    "al-Zawahiri",
    "Zawahiri",
    "Kim",
    "Tae-hyo",
    "said",
    "Yonhap",
    "🙂",
    "é",
    "Ş",
]


def _check(text: str) -> None:
    for m in find_actor_mentions(load_nlp()(text)):
        assert text[m.char_start : m.char_end] == m.text
        assert m.kind in ("person", "organisation", "country", "place", "media", "international", "region")
        assert m.country is None or (len(m.country) == 3 and m.country.isupper())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join))
def test_actors_robust_on_word_salad(text: str) -> None:
    _check(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_actors_robust_on_any_text(text: str) -> None:
    _check(text)


@pytest.mark.parametrize(
    "text",
    [
        "KOREA'S PRESIDENT CALLS ON XI JINPING TO HELP END NORTH KOREA'S MILITARY COOPERATION WITH RUSSIA",
        "<p>Pyongyang &amp; Moscow</p>",
        "Korea" * 500,
        "North\nKorea and South\n\nKorea",
    ],
)
def test_actors_robust_on_odd_inputs(text: str) -> None:
    _check(text)
