"""One happening, one row: clauses that only add detail to a happening already given a row.

The events-dev guidelines keep the details of one incident (the grenades thrown, the 119 wounded) in
the row of that incident, and one row when the lead and a later paragraph state the same happening.
The rule (``rules/events/happenings.toml``): a doer-less clause with no date of its own is a detail of
an earlier row with the same predicate, or, for an incident (an attack or an accident), of any earlier
incident row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from extract import schema as S
from extract.events.clauses import Clause, attack_nouns
from extract.events.rules import definite_determiners, happening_rules, lexicon, read_rules, require_list

UNDATED = frozenset({S.TIME_PUBLICATION, S.TIME_REPORTING})


@dataclass
class Happenings:
    """The predicates and types of the rows already made in a document, in text order."""

    predicates: set[str] = field(default_factory=set)
    incident: bool = False
    doers: set[tuple[str, str | None]] = field(default_factory=set)  # (type, source actor) of each row

    def add(self, clause: Clause) -> None:
        self.predicates.add(clause.predicate)
        self.incident = self.incident or clause.event_type in happening_rules()[0]
        self.doers.add((clause.event_type, clause.source.actor if clause.source is not None else None))

    def restated(self, clause: Clause, time_rule: str) -> bool:
        """An event noun told again with a definite article under a light verb, no date of its own, of the
        type and doer of an earlier row ("Peretz warned … on Monday. Peretz *made the warning* in a
        statement"; "The agency also *issued the alert*"): the lead's happening once more."""
        pred = clause.pred
        if (
            clause.event_type == "OTHER"
        ):  # an untyped occasion is no known happening: "The decision … was made"
            return False
        if time_rule not in UNDATED or pred.i == clause.verb.i or pred.pos_ != "NOUN":
            return False
        if not any(c.dep_ == "det" and c.lower_ in definite_determiners() for c in pred.children):
            return False
        doer = clause.source.actor if clause.source is not None else None
        return (clause.event_type, doer) in self.doers or (
            doer is None and any(t == clause.event_type for t, _ in self.doers)
        )

    def detail(self, clause: Clause, time_rule: str) -> bool:
        """Whether the clause restates or details an earlier row: no doer, no date of its own, and the
        same predicate as an earlier row, or an incident after an earlier incident row (not a toll)."""
        if clause.source is not None or time_rule not in UNDATED or toll_subject(clause.verb) is not None:
            return False
        if clause.pred.dep_ == "acomp" and clause.pred.head.i == clause.verb.i and clause.patient is not None:
            return False  # a state reached that lasts ("42 workers *remained trapped*"): a fact of the day
        if clause.predicate in self.predicates:
            return True
        return self.incident and clause.event_type in happening_rules()[0]


def attack_clauses(clause: Clause) -> list[Token]:
    """Participles on the armed act a clause happened in ("killed in two airstrikes *carried out* by
    Israeli aircraft on Thursday"): part of the same happening, and its time is the clause's."""
    return [
        acl
        for noun in attack_nouns(clause.verb)
        for acl in noun.children
        if acl.dep_ == "acl" and acl.tag_ == "VBN"
    ]


def casualty_details(clauses: Sequence[Clause]) -> set[int]:
    """Verbs of later conjuncts that count more victims of the same happening ("Four militants were
    killed *and five others wounded*"): the details of one incident stay in its row (events-dev
    guidelines); an act with a doer of its own stays a row ("police arrested 19 and charged three")."""
    by_verb = {c.verb.i: c for c in clauses}
    out: set[int] = set()
    for c in clauses:
        first = by_verb.get(c.verb.head.i) if c.verb.dep_ == "conj" else None
        if (
            first is not None
            and c.event_type == first.event_type
            and c.event_type in ("ASSAULT", "DISASTER")
            and (
                (
                    c.patient is not None
                    and first.patient is not None
                    and (c.source is None or "source:instrument" in c.rules)
                )
                or _same_doer(c, first)
            )
        ):
            out.add(c.verb.i)
    return out


@lru_cache(maxsize=1)
def _casualty_verbs() -> frozenset[str]:
    data = read_rules("happenings.toml")
    return frozenset(require_list(data, "happenings.toml", "casualty_verbs", str))


def _same_doer(later: Clause, first: Clause) -> bool:
    """A later conjunct that shares its first conjunct's subject and counts more victims of the same act
    ("a drone killed two militants *and wounded three others*"; both verbs among the toll's
    ``casualty_verbs`` of happenings.toml); "troops shelled the town and killed 12" stays two rows."""
    return (
        lexicon().lemma(later.verb.lemma_) in _casualty_verbs()
        and lexicon().lemma(first.verb.lemma_) in _casualty_verbs()
        and later.source is not None
        and first.source is not None
        and later.source.actor == first.source.actor
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in later.verb.children)
    )


@dataclass(frozen=True)
class TollRules:
    """happenings.toml [tolls]: the nouns of a casualty toll, the verbs of its change, the examples."""

    nouns: frozenset[str]
    verbs: frozenset[str]
    count_nouns: frozenset[str]
    casualties: frozenset[str]
    examples: tuple[dict[str, Any], ...]


@lru_cache(maxsize=1)
def toll_rules() -> TollRules:
    """The [tolls] table of happenings.toml (a missing or mistyped field fails naming file and field)."""
    data = read_rules("happenings.toml").get("tolls")
    if not isinstance(data, dict):
        raise ValueError("happenings.toml: needs a [tolls] table")
    name = "happenings.toml [tolls]"
    words = {
        f: frozenset(w.lower() for w in require_list(data, name, f, str))
        for f in ("nouns", "verbs", "count_nouns", "casualties")
    }
    return TollRules(
        words["nouns"],
        words["verbs"],
        words["count_nouns"],
        words["casualties"],
        tuple(require_list(data, name, "examples", dict)),
    )


def toll_subject(verb: Token) -> Token | None:
    """The toll a clause counts ("the death *toll* from the blast rose to 169"), or None. The small model
    sometimes parses "saw the death toll climb" with the toll as a compound of the verb: that counts."""
    rules = toll_rules()
    if lexicon().lemma(verb.lemma_) not in rules.verbs:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        subject = next((c for c in verb.children if c.dep_ == "compound" and c.i < verb.i), None)
    if subject is None:
        return None
    compound = " ".join(t.lower_ for t in subject.children if t.dep_ == "compound" and t.i < subject.i)
    words = {subject.lemma_.lower(), f"{compound} {subject.lemma_.lower()}".strip()}
    if words & rules.nouns:
        return subject
    # "the *number* of people killed has risen to 121": a count noun whose "of" phrase names casualties
    counted = {t.lower_ for prep in subject.children if prep.lower_ == "of" for t in prep.subtree}
    return subject if subject.lemma_.lower() in rules.count_nouns and counted & rules.casualties else None


def toll_cues(toll: Token | None, cues: list[dict[str, Any]]) -> set[int]:
    """The cues inside a toll's phrase: they date the incident counted, not the count."""
    if toll is None:
        return set()
    lo, hi = toll.left_edge.idx, toll.right_edge.idx + len(toll.right_edge.text)
    return {int(c[S.CHAR_START]) for c in cues if lo <= int(c[S.CHAR_START]) < hi}
