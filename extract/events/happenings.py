"""One happening, one row: clauses that only add detail to a happening already given a row.

The events-dev guidelines keep the details of one incident (the grenades thrown, the 119 wounded) in
the row of that incident, and one row when the lead and a later paragraph state the same happening.
The rule (``rules/events/happenings.toml``): a doer-less clause with no date of its own is a detail of
an earlier row with the same predicate, or, for an incident (an attack or an accident), of any earlier
incident row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.events.clauses import Clause
from extract.events.rules import happening_rules

UNDATED = frozenset({"time:publication", "time:reporting_clause"})


@dataclass
class Happenings:
    """The predicates and types of the rows already made in a document, in text order."""

    predicates: set[str] = field(default_factory=set)
    incident: bool = False

    def add(self, clause: Clause) -> None:
        self.predicates.add(clause.predicate)
        self.incident = self.incident or clause.event_type in happening_rules()[0]

    def detail(self, clause: Clause, time_rule: str) -> bool:
        """Whether the clause restates or details an earlier row: no doer, no date of its own, and the
        same predicate as an earlier row, or an incident after an earlier incident row."""
        if clause.source is not None or time_rule not in UNDATED:
            return False
        if clause.predicate in self.predicates:
            return True
        return self.incident and clause.event_type in happening_rules()[0]
