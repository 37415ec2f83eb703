"""Modifiers, not happenings: a participle of a standing relation that describes a noun ("a task force
*headed by* Zhao", "groups *affiliated with* Golkar", "which *is supported by* Moscow") is no row
(``relation_verbs`` in modifiers.toml); a stance ("*backed by*", "*opposed by*") is none without a date of
its own (``stance_verbs``), and a bare present participle on a noun neither ("delegates *attending* the
conference"). ``keep.worth_a_row`` drops them (``describes_noun``)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from extract.events.background import PRESENT_BE
from extract.events.rules import lexicon, read_rules, require_list

PRESENT_OR_PERFECT = PRESENT_BE | frozenset({"be", "been", "being", "has", "have"})
DATE_ENTS = frozenset({"DATE", "TIME"})


@lru_cache(maxsize=1)
def _verbs() -> tuple[frozenset[str], frozenset[str]]:
    data = read_rules("modifiers.toml")
    relation = require_list(data, "modifiers.toml", "relation_verbs", str)
    stance = require_list(data, "modifiers.toml", "stance_verbs", str)
    return frozenset(relation), frozenset(stance)


def describes_noun(verb: Token, own_time: bool) -> bool:
    """A modifier, no happening: a relation verb's participle (``relation_modifier``), or a bare present
    participle on a noun without a date of its own ("delegates *attending* the conference", "the court
    *seeking* Mladic"); "a tsunami warning *issued* on Wednesday" and "delegates attending the talks on
    Saturday" are happenings of their day."""
    if relation_modifier(verb):
        return True
    bare = not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and bare and not own_time


def relation_modifier(verb: Token) -> bool:
    """``verb`` is a relation verb's participle on a noun ("troops *led by* …", "groups *affiliated with*
    …") or its passive relative clause in the present or the perfect ("which *are supported* by Moscow",
    "which *has been backed* by …"), not a past one ("who *was appointed* by Ford in 1975"); a stance verb
    only without a date of its own ("ISAF troops *backed by* Afghan forces this week launched …")."""
    relation, stance = _verbs()
    lemma = lexicon().lemma(verb.lemma_)
    if verb.tag_ != "VBN" or lemma not in relation | stance:
        return False
    if verb.dep_ == "acl":
        described = verb.head.pos_ in ("NOUN", "PROPN", "PRON")
    elif verb.dep_ == "relcl":
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        described = any(c.dep_ == "auxpass" for c in auxes) and all(
            c.lower_ in PRESENT_OR_PERFECT for c in auxes
        )
    else:
        return False
    return described and (lemma in relation or not _own_date(verb))


def _own_date(verb: Token) -> bool:
    """A date inside the participle's phrase that is not the adverbial of the verb right after the noun it
    describes ("troops backed by Afghan forces *this week* launched": the week is the launch's)."""
    following = None  # the verb of the subject the participle's noun is part of
    for anc in verb.ancestors:
        if anc.dep_ in ("nsubj", "nsubjpass"):
            following = anc.head
            break
        if anc.pos_ in ("VERB", "AUX"):
            break
    for tok in verb.subtree:
        if tok.ent_type_ not in DATE_ENTS or tok.i == verb.i or _in_clause_below(tok, verb):
            continue
        end = tok
        while end.i + 1 < len(tok.doc) and tok.doc[end.i + 1].ent_type_ in DATE_ENTS:
            end = tok.doc[end.i + 1]
        if following is None or end.i + 1 != following.i:
            return True
    return False


def _in_clause_below(tok: Token, verb: Token) -> bool:
    """``tok`` belongs to a clause embedded under ``verb`` ("opposed by unions *who promised* … next
    year"), whose dates are not the participle's."""
    head = tok.head
    while head.i != verb.i and head.head.i != head.i:
        if head.pos_ in ("VERB", "AUX"):
            return True
        head = head.head
    return False


def dates_event_noun(verb: Token) -> bool:
    """A relative clause that dates the event noun it describes tells no day the story goes on from
    ("condemned the approval of the *agreement that was reached on Tuesday*. Jihad *echoed* the
    criticism": not Tuesday); one that describes a doer does ("Mansell, *who won on Sunday*, …")."""
    head = verb.head
    return verb.dep_ == "relcl" and head.pos_ == "NOUN" and lexicon().noun_type(head.lemma_) is not None
