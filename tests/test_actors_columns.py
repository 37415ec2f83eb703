"""The actor finder reads tokens through column arrays instead of spaCy objects (speed); each
reader must give exactly what the spaCy object gives, texts without names included."""

from __future__ import annotations

import pytest

from extract.actors import find_actor_mentions
from extract.actors.columns import entity_spans, sentence_starts, span_text, token_flags
from extract.nlp import load_nlp

TEXTS = [
    "Chinese President Xi Jinping met Yoon Suk Yeol in Seoul on Tuesday.",
    "Hewlett-Packard and the United Arab Emirates- flagged ship left Kuwait City ’s port.",
    "The  acting town clerk of Kampala City Council (KCC) Ruth Kijjambu said so.\n\nLocal  half-backer Ly Lam Huy scored.",
    "it rained all day and nobody came.",  # no entity, no actor
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_actors_columns_entity_spans_equal_doc_ents(text: str) -> None:
    doc = load_nlp()(text)
    assert entity_spans(doc) == [(e.start, e.end, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text", TEXTS)
def test_actors_columns_span_text_equals_span(text: str) -> None:
    doc = load_nlp()(text)
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 6) + 1):
            assert span_text(doc, start, end) == " ".join(doc[start:end].text.split())


@pytest.mark.parametrize("text", TEXTS)
def test_actors_columns_mentions_point_at_their_span(text: str) -> None:
    doc = load_nlp()(text)
    for m in find_actor_mentions(doc):
        span = doc[m.token_start : m.token_end]
        assert (m.char_start, m.char_end, m.text, m.head_token) == (
            span.start_char,
            span.end_char,
            span.text,
            span.root.i,
        )


@pytest.mark.parametrize("text", TEXTS)
def test_actors_columns_sentence_starts_equal_token_sent(text: str) -> None:
    doc = load_nlp()(text)
    assert sentence_starts(doc) == [t.sent.start for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_actors_columns_token_flags_equal_tokens(text: str) -> None:
    doc = load_nlp()(text)
    pos, punct = token_flags(doc)
    assert pos == [t.pos for t in doc]
    assert punct == [t.is_punct or t.is_space for t in doc]
