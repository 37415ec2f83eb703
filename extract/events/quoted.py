"""Words inside a quotation: which are news and which are rhetoric.

A typed happening with a date of its own or a doer the text names is news ("“We will visit Beijing next
week,” said Shen"); so is the speaker telling a done act of their own side ("“We have decided to withdraw
our troops,” the minister said"). A pronoun's pledge, a stance or a state is rhetoric ("“We will fight
on”", "“We are determined”"). Used by ``rows.event_rows``; examples in ``rules/events/speech.toml``.
"""

from __future__ import annotations

from extract import schema as S
from extract.events.background import simple_past, simple_present, tense_head
from extract.events.clauses import Clause

OWN_TIME = frozenset({S.TIME_IN_CLAUSE, S.TIME_CONJUNCT})


def quoted_news(clause: Clause, time_rule: str) -> bool:
    """A typed happening inside a quotation with a date of its own ("“We will visit Beijing next week,”
    said Shen") or a doer the text names ("“the AU mission is expected to hold discussions with its
    Ugandan counterparts,” the release said"); not a pronoun's ("“We will fight on”")."""
    if clause.event_type == "OTHER":
        return False
    if time_rule in OWN_TIME:
        return True
    named = clause.source is not None and not any(r.startswith("source:pronoun") for r in clause.rules)
    # a state, stance or habit in the simple present is rhetoric, whoever it names: "“The UPDF *is
    # determined* to defend the country and also defend a government,” said Nyakairima"
    return (named or _own_act_told(clause)) and not simple_present(tense_head(clause.verb))


def _own_act_told(clause: Clause) -> bool:
    """The speaker telling an act of their own side that is done: "“*We have decided* to withdraw our
    troops,” the minister said", "“*I signed* the decree”" (a first person standing for the speaker, in the
    simple past or the present perfect); not a pledge or a stance ("“We will fight on”", "“We are
    determined”"), nor what was not done ("“We have not received any aid”")."""
    subj = clause.subject
    if clause.source is None or subj is None or subj.lower_ not in ("i", "we"):
        return False
    head = tense_head(clause.verb)
    if clause.verb.tag_ in ("VBP", "VBZ") or any(
        c.dep_ == "neg" for c in (*head.children, *clause.verb.children)
    ):
        return False  # "… and *I agree* with him": a stance, whatever tense the parser's head has
    perfect = head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)
    return perfect or simple_past(head)
