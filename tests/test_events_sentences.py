"""Sentences never span two page lines, but hard-wrapped paragraphs keep their sentences."""

from __future__ import annotations

import pytest

from extract.events import set_line_starts
from extract.nlp import load_nlp


def _sentences(text: str) -> list[str]:
    nlp = load_nlp()
    return [s.text.strip() for s in nlp(set_line_starts(nlp.make_doc(text))).sents]


@pytest.mark.parametrize(
    "text",
    [
        "Big talks in Lima\n2 mins read\n\nYoon met Xi in Lima.",
        "Photo from Yonhap’s website\nXi met Yoon.",
        "Read also: The EU demands the withdrawal of the troops\n\nDescribing China as important, Yoon said so.",
    ],
)
def test_events_sentences_never_cross_a_line(text: str) -> None:
    sentences = _sentences(text)
    assert all("\n" not in s for s in sentences), sentences
    assert sentences[-1] in text.splitlines()


@pytest.mark.parametrize(
    "text",
    ["Russia attacked Kyiv\non Monday, officials said.", "One line only, no break."],
)
def test_events_sentences_wrapped_lines_stay_one_sentence(text: str) -> None:
    assert _sentences(text) == [text]
