"""A casualty clause and the incident it tells its victims of are one happening, one row.

"Eight children were killed *when a bus veered off a bridge and plunged into a frozen river*": the
events-dev guidelines keep the details of one incident in its row, so the doer-less casualty clause is
the row, with the incident's words in its label and span, the incident's doer and (through
``rows``' shared-time verbs) its date; the incident's clauses make no rows of their own.
``incident_marks`` and ``casualty_verbs`` are in ``rules/events/happenings.toml``.
"""

from __future__ import annotations

from functools import lru_cache

from extract.events.clauses import Clause
from extract.events.labels import make_label
from extract.events.rules import happening_rules, lexicon, read_rules, require_list


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    data = read_rules("happenings.toml")
    return (
        frozenset(require_list(data, "happenings.toml", "casualty_verbs", str)),
        frozenset(require_list(data, "happenings.toml", "incident_marks", str)),
    )


def incident_clauses(clause: Clause, by_verb: dict[int, Clause]) -> list[Clause]:
    """The clauses of the incident a doer-less casualty clause in the passive tells its victims of, in a
    "when" clause after it, with its coordinated verbs; [] for a casualty clause with a doer of its own
    ("troops killed two men when they stormed the house") or a verb that counts no victims."""
    casualty_verbs, marks = _words()
    verb = clause.verb
    if clause.source is not None or lexicon().lemma(verb.lemma_) not in casualty_verbs:
        return []
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return []
    out: list[Clause] = []
    for adv in verb.children:
        if adv.dep_ != "advcl" or not any(
            m.dep_ in ("mark", "advmod") and m.lower_ in marks and m.i < adv.i for m in adv.children
        ):
            continue
        for v in (adv, *(c for c in adv.children if c.dep_ == "conj")):
            found = by_verb.get(v.i)
            if (
                found is not None
                and found.verb.i > verb.i
                and found.event_type in ("OTHER", *happening_rules()[0])
            ):
                out.append(found)
    return out


def with_incident(
    clause: Clause, label: str, span: tuple[int, int], found: list[Clause]
) -> tuple[Clause, str, tuple[int, int]]:
    """The casualty clause told with its incident: the incident's words after its own in the label and the
    span, and the incident's doer when it names one ("Four children were injured when *a suspected rebel*
    lobbed a grenade")."""
    first = found[0]
    mark = next(
        (m.lower_ for m in first.verb.children if m.dep_ in ("mark", "advmod") and m.i < first.verb.i), ""
    )
    source = next((c.source for c in found if c.source is not None), None)
    if source is not None:
        clause.source, clause.rules = source, [*clause.rules, "source:incident"]
        clause.actors = [source, *(m for m in clause.actors if m.actor != source.actor)]
    label = " ".join(x for x in (label, mark, make_label(first)) if x)
    lo = min(span[0], *(c.char_start for c in found))
    hi = max(span[1], *(c.char_end for c in found))
    return clause, label, (lo, hi)
