"""Background in a narrative: a clause in the past progressive ("miners *were working* in the shaft")
states the setting of the news, not a happening (background.toml); ``keep.worth_a_row`` drops it when
it has no date of its own and is not what a source said. A verb with an adverb of frequency is a habit
("Chen *regularly* changed the domain name"): no row (``habitual``)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from extract.events.rules import read_rules, require_list

PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})


@lru_cache(maxsize=1)
def _progressive_aux() -> frozenset[str]:
    return frozenset(
        require_list(read_rules("background.toml"), "background.toml", "past_progressive_aux", str)
    )


def past_progressive(verb: Token) -> bool:
    """``verb`` is a present participle with a past "be" of its own ("were *working*")."""
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in _progressive_aux() for c in verb.children
    )


@lru_cache(maxsize=1)
def _habit_adverbs() -> frozenset[str]:
    return frozenset(require_list(read_rules("background.toml"), "background.toml", "habit_adverbs", str))


def habitual(verb: Token) -> bool:
    """``verb`` has an adverb of frequency of its own ("*regularly* changed", "is *often* denied")."""
    return any(c.dep_ == "advmod" and c.lower_ in _habit_adverbs() for c in verb.children)


def present_be(verb: Token) -> bool:
    """``verb`` is in the present progressive or the present passive: its only auxiliaries are a present
    "be" ("who *are firing* rockets", "which *is supported* by Moscow"), no future or perfect."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return bool(auxes) and verb.tag_ in ("VBG", "VBN") and all(c.lower_ in PRESENT_BE for c in auxes)
