"""Background in a narrative: a clause in the past progressive ("miners *were working* in the shaft")
states the setting of the news, not a happening (background.toml); ``keep.worth_a_row`` drops it when
it has no date of its own and is not what a source said. A verb with an adverb of frequency is a habit
("Chen *regularly* changed the domain name"): no row (``habitual``). The tense helpers the keeping rules
share live here too (``simple_past``, ``simple_present``, ``tense_head``)."""

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


@lru_cache(maxsize=1)
def _habit_phrases() -> tuple[frozenset[str], frozenset[str]]:
    data = read_rules("background.toml")
    return (
        frozenset(require_list(data, "background.toml", "habit_determiners", str)),
        frozenset(require_list(data, "background.toml", "habit_units", str)),
    )


def habitual(verb: Token) -> bool:
    """``verb`` has an adverb of frequency of its own ("*regularly* changed", "is *often* denied") or a
    noun phrase of frequency ("killed *every day*", "holds a summit *every two years*")."""
    determiners, units = _habit_phrases()
    return any(
        (c.dep_ == "advmod" and c.lower_ in _habit_adverbs())
        or (
            c.dep_ in ("npadvmod", "tmod")
            and c.lemma_.lower() in units
            and any(d.dep_ == "det" and d.lower_ in determiners for d in c.children)
        )
        for c in verb.children
    )


def present_be(verb: Token) -> bool:
    """``verb`` is in the present progressive or the present passive: its only auxiliaries are a present
    "be" ("who *are firing* rockets", "which *is supported* by Moscow"), no future or perfect."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return bool(auxes) and verb.tag_ in ("VBG", "VBN") and all(c.lower_ in PRESENT_BE for c in auxes)


@lru_cache(maxsize=1)
def _nothing_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = read_rules("background.toml")
    return (
        frozenset(require_list(data, "background.toml", "nothing_determiners", str)),
        frozenset(require_list(data, "background.toml", "nothing_pronouns", str)),
        frozenset(require_list(data, "background.toml", "any_determiners", str)),
        frozenset(require_list(data, "background.toml", "future_aux", str)),
    )


NOTHING_DEPS = frozenset({"dobj", "obj", "nsubjpass"})


def nothing_happened(verb: Token, pred: Token) -> bool:
    """A negated non-event: the clause's object or passive subject is "no …", "nothing", "no one" or
    "none", or "any …" under a negation of the verb ("suffered *no* catastrophes", "did *not* win *any*
    medal", "*No one* was injured"): nothing happened (background.toml, ``nothing_determiners``); not a
    refusal or vow in the future ("he *will release no* prisoners")."""
    nothing, pronouns, anything, future = _nothing_words()
    if any(c.dep_ == "aux" and c.lower_ in future for c in verb.children):
        return False
    negated = any(c.dep_ == "neg" for c in verb.children)
    heads = {verb.i: verb, pred.i: pred}
    args = [c for v in heads.values() for c in v.children if c.dep_ in NOTHING_DEPS]
    for arg in args:
        dets = {c.lower_ for c in arg.children if c.dep_ == "det"}
        if dets & nothing or (negated and dets & anything):
            return True
        if arg.lower_ in pronouns and (arg.lower_ != "one" or dets & nothing):
            return True
    return False


def simple_past(verb: Token) -> bool:
    """A verb in the simple past ("Fittipaldi *followed*"), the tense of a narrative's own time."""
    return verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def simple_present(verb: Token) -> bool:
    """A verb in the simple present, the tense of states and habits ("The PA faces a deficit")."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def tense_head(verb: Token) -> Token:
    """The verb that carries the tense of a clause: itself, or up through a conjunct or an infinitive
    without auxiliaries of its own and an adjective they complete ("is determined to defend … and also
    *defend*" → "is")."""
    for _ in range(6):
        own = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ != "to"]
        if own or verb.dep_ not in ("conj", "xcomp") or verb.head is verb:
            return verb
        head = verb.head
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "conj"):
            while head.dep_ == "conj" and head.head.pos_ == "ADJ":
                head = head.head
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return verb
        verb = head
    return verb
