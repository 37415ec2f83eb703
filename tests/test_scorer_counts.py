"""The TE3 scorer on hand-made gold/system pairs whose answers are worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from extract import schema as S
from extract.eval.scorer import Counts, count, mismatches, relaxed_pairs

Cue = tuple[int, int, str, str]  # start, end, type, value


def frame(cues: list[Cue]) -> pd.DataFrame:
    rows = [{S.CHAR_START: a, S.CHAR_END: b, S.TIME_TYPE: t, S.TIME_VALUE: v} for a, b, t, v in cues]
    return S.conform(rows, S.TIME_CUES)


GOLD = [(0, 10, "DATE", "2024-01-01"), (20, 25, "DURATION", "P1W")]

# (name, gold, system, expected counts: gold, system, strict, relaxed, value_ok, type_ok)
CASES = [
    ("perfect", GOLD, GOLD, Counts(2, 2, 2, 2, 2, 2)),
    ("empty system", GOLD, [], Counts(2, 0, 0, 0, 0, 0)),
    ("empty gold", [], GOLD, Counts(0, 2, 0, 0, 0, 0)),
    ("both empty", [], [], Counts(0, 0, 0, 0, 0, 0)),
    ("partial overlap", GOLD, [(5, 12, "DATE", "2024-01-01")], Counts(2, 1, 0, 1, 1, 1)),
    (
        "wrong value",
        GOLD,
        [(0, 10, "DATE", "2024-01-02"), (20, 25, "DURATION", "P1W")],
        Counts(2, 2, 2, 2, 1, 2),
    ),
    ("wrong type", GOLD, [(0, 10, "TIME", "2024-01-01")], Counts(2, 1, 1, 1, 1, 0)),
    (
        "two system spans on one gold",
        [(0, 10, "DATE", "X")],
        [(0, 3, "DATE", "X"), (4, 10, "DATE", "Y")],
        Counts(1, 2, 0, 1, 0, 1),
    ),
    ("one system span over two gold", GOLD, [(0, 25, "DATE", "2024-01-01")], Counts(2, 1, 0, 1, 1, 1)),
    (
        "touching is not overlapping",
        [(0, 10, "DATE", "X")],
        [(10, 15, "DATE", "X")],
        Counts(1, 1, 0, 0, 0, 0),
    ),
    ("disjoint", GOLD, [(40, 45, "DATE", "X")], Counts(2, 1, 0, 0, 0, 0)),
]


@pytest.mark.parametrize(("name", "gold", "system", "expected"), CASES, ids=[c[0] for c in CASES])
def test_scorer_counts_table(name: str, gold: list[Cue], system: list[Cue], expected: Counts) -> None:
    assert count(frame(gold), frame(system)) == expected


def test_scorer_counts_greedy_takes_largest_overlap() -> None:
    # system span 0 overlaps gold 0 by 2 chars and gold 1 by 6: it must pair with gold 1
    gold = frame([(0, 4, "DATE", "A"), (4, 12, "DATE", "B")])
    system = frame([(2, 10, "DATE", "B")])
    assert relaxed_pairs(gold, system) == [(1, 0)]
    assert count(gold, system) == Counts(2, 1, 0, 1, 1, 1)


@pytest.mark.parametrize(
    ("counts", "figures"),
    [
        (Counts(2, 2, 2, 2, 2, 2), {"strict_f1": 1.0, "relaxed_f1": 1.0, "value_f1": 1.0, "type_f1": 1.0}),
        (Counts(2, 0, 0, 0, 0, 0), {"strict_precision": 0.0, "relaxed_recall": 0.0, "relaxed_f1": 0.0}),
        (Counts(0, 2, 0, 0, 0, 0), {"relaxed_precision": 0.0, "relaxed_f1": 0.0, "value_f1": 0.0}),
        (Counts(0, 0, 0, 0, 0, 0), {"relaxed_f1": 1.0, "value_f1": 1.0}),
        # P = 3/4, R = 3/6, F1 = 0.6; value accuracy 2/3 -> value F1 0.4; strict 1/4, 1/6 -> 0.2
        (
            Counts(6, 4, 1, 3, 2, 3),
            {
                "relaxed_precision": 0.75,
                "relaxed_recall": 0.5,
                "relaxed_f1": 0.6,
                "value_f1": 0.4,
                "type_f1": 0.6,
                "strict_f1": 0.2,
            },
        ),
    ],
)
def test_scorer_counts_figures(counts: Counts, figures: dict[str, float]) -> None:
    scores = counts.scores()
    for name, want in figures.items():
        assert scores[name] == pytest.approx(want), name


def test_scorer_counts_add_pools_documents() -> None:
    assert Counts(1, 2, 3, 4, 5, 6) + Counts(1, 1, 1, 1, 1, 1) == Counts(2, 3, 4, 5, 6, 7)


def test_scorer_mismatches_kinds() -> None:
    text = "On Monday 5 May we met; next week too; and 2020 also."
    gold = frame([(3, 15, "DATE", "2025-05-05"), (24, 33, "DATE", "2025-W20"), (43, 47, "DATE", "2020")])
    system = frame([(3, 9, "DATE", "2025-05-05"), (24, 33, "DURATION", "P1W"), (0, 2, "DATE", "X")])
    rows = mismatches(gold, system, text, doc_id="d")
    kinds = sorted(rows["kind"])
    assert kinds == ["missed", "span", "spurious", "type", "value"]
    missed = rows[rows["kind"] == "missed"].iloc[0]
    assert missed["gold_text"] == "2020" and "[[2020]]" in missed["context"]
    assert mismatches(gold, gold, text).empty
