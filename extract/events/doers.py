"""Doers the small parser loses, found back from the parse around the verb.

- two subjects ("hosts Vietnam topped the table" gives the verb "hosts" and "Vietnam"): the one that
  names an actor;
- a subject swallowed by a preposition ("a task force set up *after a mob of whites* attacked people":
  the small model reads "after a mob" as a phrase and leaves "attacked" without a subject): the noun
  phrase that ends right before a finite verb, as the object of a subordinating preposition;
- a subject the small model makes a conjunct of the object before it ("Arsenal had lost matches to
  Bolton and Fulham and *Wenger admitted*"): a conjoined verb right after a noun, with no conjunction
  between, is that noun's predicate;
- never the subject of a past participle with neither auxiliary nor object, a passive without "be"
  ("with several people *hurt*": who it happened to; ``reduced_passive``);
- never the possessor of what happened to someone ("*Gotovina's* arrest raised the pressure": Gotovina
  did not raise it; roles.toml `patient_nouns`);
- the possessor of a noun that a participle describes ("ASEAN was committed to *its* decision *taken*
  last year": ASEAN took it; "*Meshaal's* proposal, *made* on Friday"): a possessive pronoun stands
  for the subject of its own clause, a possessive name for itself, when the noun is an act whose
  possessor is its doer (roles.toml `possessor_act_nouns`).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from extract.actors import ActorMention as Mention
from extract.events.agents import MentionIndex, actor_for
from extract.events.rules import lexicon, read_rules, require_list, role_words

# prepositions that are also subordinators: the small model reads "after a mob" as a phrase
SUBORDINATING_PREPS = frozenset(
    {"after", "before", "since", "until", "till", "as", "because", "while", "when"}
)
_POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def lost_doer(
    index: MentionIndex, verb: Token, subj: Token | None, passive: bool
) -> tuple[Mention | None, str]:
    """(doer, rule) for a clause whose subject or agent named no actor; (None, "") when none is found."""
    if subj is not None and subj.dep_ == "nsubj":
        for other in subj.head.children:
            if other.dep_ == "nsubj" and other.i != subj.i:
                found, how = actor_for(index, other)
                if found is not None:
                    return found, how
    if subj is None and not passive and verb.tag_ in _FINITE and verb.i > 0:
        stranded = _stranded_subject(verb)
        if stranded is not None:
            found, how = actor_for(index, stranded)
            if found is not None:
                return found, how or "stranded"
    if subj is None and passive and verb.dep_ == "acl":
        return _possessor_doer(index, verb.head)
    return None, ""


def attributed_subject(verb: Token, subj: Token | None) -> Token | None:
    """The real subject when the small model took the source of an "according to" opener for it:
    "According to police spokesman *Ali Khan*, *the militants*, armed with rifles, stormed the hotel"
    parses "Ali Khan" as the subject and "the militants" as its apposition; the apposition after the
    comma is the subject, when the taken subject ends the opener's words. With no subject at all, a
    conjunct of the opener's source after a comma is the subject ("According to Rachid, *Egypt* and
    Kazakhstan have recently approved …", parsed as Rachid's conjuncts); else ``subj`` itself."""
    opener = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "according"), None)
    if subj is None and opener is not None and opener.i < verb.i:
        return _swallowed_subject(opener)
    if subj is None or opener is None or opener.i > subj.i:
        return subj
    if any(t.text == "," for t in verb.doc[opener.i : subj.i]):
        return subj  # "According to the ministry, *Ali Khan*, a spokesman, resigned": parsed right
    for appos in subj.children:
        if (
            appos.dep_ == "appos"
            and appos.i > subj.i
            and any(t.text == "," for t in verb.doc[subj.i : appos.left_edge.i])
        ):
            return appos
    return subj


def _swallowed_subject(opener: Token) -> Token | None:
    """The first conjunct after a comma of the "according to" source, or None."""
    for to in opener.children:
        for source in (p for p in to.children if p.dep_ == "pobj"):
            for conj in source.children:
                comma = any(t.text == "," for t in source.doc[source.i : conj.left_edge.i])
                if conj.dep_ == "conj" and conj.i > source.i and comma:
                    return conj
    return None


def adjacent_subject(verb: Token) -> Token | None:
    """The noun right before a conjoined finite verb with no subject of its own ("… Fulham and *Wenger*
    admitted"), which the small model attached as a conjunct of the object; None otherwise."""
    if verb.dep_ != "conj" or verb.tag_ not in _FINITE or verb.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ != "PROPN" or before.dep_ not in ("conj", "pobj", "dobj", "appos"):
        return None
    return before if before.head.i < before.i and before.head.i != verb.head.i else None


def _stranded_subject(verb: Token) -> Token | None:
    """The object of a subordinating preposition that ends right before ``verb`` ("after *a mob of
    whites* attacked"), when ``verb`` has no subject of its own."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    for cand in [before, *before.ancestors]:
        if cand.i >= verb.i or cand.right_edge.i != verb.i - 1:
            break
        if cand.dep_ == "pobj" and cand.head.lower_ in SUBORDINATING_PREPS and cand.pos_ in ("NOUN", "PROPN"):
            return cand
    return None


def _possessor_doer(index: MentionIndex, noun: Token) -> tuple[Mention | None, str]:
    """The doer behind the possessor of ``noun`` ("its decision taken", "Meshaal's proposal, made")."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None or noun.lower_ not in _roles("possessor_act_nouns"):
        return None, ""  # "its human rights record scheduled for debate": not the record's owner
    if poss.lower_ in _POSSESSIVE_PRONOUNS:
        subject = _clause_subject(noun)
        if subject is None or subject.i == noun.i:
            return None, ""
        found, how = actor_for(index, subject)
        return (
            (found, how or "possessive")
            if found is not None and _agrees(poss, subject, found)
            else (None, "")
        )
    found, how = actor_for(index, poss)
    return (found, how or "possessive") if found is not None else (None, "")


def _agrees(pronoun: Token, subject: Token, found: Mention) -> bool:
    """Number and person: "its" a singular non-person, "his"/"her" a person, "their" a plural or a
    group ("Iran rejected *their* proposal" is not Iran's)."""
    plural = (
        subject.tag_ in ("NNS", "NNPS") or any(True for _ in subject.conjuncts) or subject.lower_ == "they"
    )
    if pronoun.lower_ == "their":
        return plural or found.kind == "group"
    if pronoun.lower_ == "its":
        return not plural and found.kind not in ("person", "name")
    return not plural and found.kind in ("person", "name")


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the clause ``tok`` is in: the subject of the nearest verb above it."""
    for cur in tok.ancestors:
        if cur.pos_ in ("VERB", "AUX"):
            found = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if found is not None or cur.dep_ not in ("acomp", "xcomp", "prep", "pcomp"):
                return found  # "ASEAN was *committed* to its decision": the copula's subject
    return None


@lru_cache(maxsize=4)
def _roles(name: str) -> frozenset[str]:
    """A word list of roles.toml read here: patient_nouns ("arrest", "death"), possessor_act_nouns."""
    return frozenset(w.lower() for w in require_list(read_rules("roles.toml"), "roles.toml", name, str))


def happened_to(subj: Token | None, doer: Mention | None) -> bool:
    """Whether ``doer`` is only the possessor or "of" object of a subject noun of what happened to
    someone ("*Gotovina's* arrest raised …", "the death *of the pope* shocked …"): not a doer."""
    if subj is None or doer is None or subj.lower_ not in _roles("patient_nouns"):
        return False
    inner = {t.i for c in subj.children if c.dep_ in ("poss", "prep") for t in c.subtree}
    return doer.head_token in inner


def reduced_passive(verb: Token, subj: Token) -> bool:
    """A past participle with a subject and neither auxiliary nor object, a passive without "be" ("with
    several people *hurt*", "leaving hundreds *wounded*"): its subject is who it happened to."""
    return (
        verb.tag_ == "VBN"
        and subj.dep_ == "nsubj"
        and subj.head.i == verb.i
        and not any(c.dep_ in ("aux", "auxpass", "dobj", "obj") for c in verb.children)
    )  # an object makes it active, whatever the tag: "The attacks *killed* 57 people"


def undergoes(verb: Token, subj: Token) -> bool:
    """The subject is who the verb happened to: a verb of undergoing ("Sixteen miners *died*";
    roles.toml ``patient_subject_verbs``) or a passive without "be" (``reduced_passive``)."""
    return lexicon().lemma(verb.lemma_) in role_words()["patient_subject_verbs"] or reduced_passive(
        verb, subj
    )
