"""Predictions, not happenings: a clause hedged by "probably" or "likely", or told as a future ability
("will not be able to capture"), is a guess (predictions.toml); ``keep.worth_a_row`` drops it without a
date of its own."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from extract.events.rules import lexicon, read_rules, require_list


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = read_rules("predictions.toml")
    return {
        f: frozenset(require_list(data, "predictions.toml", f, str))
        for f in ("adverbs", "adjectives", "ability", "future_aux", "future_hedges")
    }


def prediction(verb: Token) -> bool:
    """``verb`` or a governor it completes (through xcomp/acomp) is hedged by an epistemic adverb
    ("will *probably* miss"), is the complement of "likely" ("is *likely* to review") or of a future
    "able" ("will not be *able* to capture"), or is a future of some time to come ("would win out *in the
    end*")."""
    words = _words()
    if any(c.dep_ == "aux" and c.lower_ in words["future_aux"] for c in verb.children) and any(
        " ".join(t.lower_ for t in c.subtree) in words["future_hedges"]
        for c in verb.children
        if c.dep_ in ("advmod", "prep")
    ):
        return True  # "the BJP would win out *in the end*"
    tok = verb
    for _ in range(4):
        if any(c.dep_ == "advmod" and c.lower_ in words["adverbs"] for c in tok.children):
            return True
        if tok.i != verb.i and tok.lower_ in words["adjectives"]:
            return True
        if tok.i != verb.i and tok.lower_ in words["ability"]:
            be = tok.head
            return any(c.dep_ == "aux" and c.lower_ in words["future_aux"] for c in be.children)
        if tok.dep_ not in ("xcomp", "acomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def effect_foretold(verb: Token, subject: Token | None) -> bool:
    """What a happening will do, told of the happening itself ("Stanishev's *visit* … *will contribute* to
    deepening relations"): a subject that is an event noun (the lexicon's, or an occasion) with a future
    or modal auxiliary (``future_aux``) is an assessment of its effect, no happening; ``keep.worth_a_row``
    asks it of untyped clauses without a date of their own ("the talks will open on Nov. 9" has one)."""
    if subject is None or subject.pos_ != "NOUN" or not lexicon().happening_noun(subject.lemma_):
        return False
    return any(c.dep_ == "aux" and c.lower_ in _words()["future_aux"] for c in verb.children)
