"""Reproducible choice of the articles of the tunable second dev set (events-dev2, actors dev2).

Run from the repo root: ``python tests/data/events-dev2/select.py [--show N]``.

Rule: every record of ../shared/corpora/news-silver.jsonl after the first 150 (the benchmarks use
those) with 150-400 words (``text.split()``), that is not in events-dev, events-heldout,
events-heldout2, the actors dev corpus or the demo (seeds/demo.jsonl), is shuffled with
``random.Random(SEED)``; the candidates are then read in that order and the first ``WANTED`` an
analyst would put on a timeline are kept. The ones passed over are listed in ``SKIPPED`` with the
reason (no happening to timeline, or a kind of story already taken twice: kinds are diplomacy,
conflict, courts and crime, accidents and disasters, economy, politics, health), so the choice is
the same on every run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from events_gold import ids_in, seeded_candidates, select_main  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "news-silver.jsonl"
SEED = 20261203
WANTED = 8
FIRST_SKIPPED = 150
WORDS = (150, 400)

SKIPPED: dict[str, str] = {  # the candidates passed over, in the order they came, and why
    "XIN_ENG_20061108.0233": "a press review: editorials' opinions around one happening (the election), not 4 key events",
    "XIN_ENG_20061129.0549": "a sports preview: an athlete's chances and an injury, mostly opinion",
}


def usedids_in() -> set[str]:
    """Ids of the articles annotated, tuned on or shown elsewhere in the project.

    This set's own articles were copied into the actors corpus afterwards (for dev2), and so were
    those of the later heldout5; they are taken out again so that the choice stays the same.
    """
    data = ROOT / "tests" / "data"
    actors = data / "actors-dev"
    later = set().union(
        *(ids_in(p, "doc") for s in ("dev2", "heldout5") if (p := actors / f"{s}.jsonl").exists())
    )
    return (
        ids_in(SHARED / "data" / "events-dev" / "events-dev.jsonl", "doc")
        | ids_in(data / "events-heldout" / "articles.jsonl", "id")
        | ids_in(data / "events-heldout2" / "articles.jsonl", "id")
        | (ids_in(actors / "articles.jsonl", "id") - later)
        | ids_in(ROOT / "seeds" / "demo.jsonl", "id")
    )


def candidates() -> list[dict[str, Any]]:
    """The eligible records in seeded random order."""
    return seeded_candidates(CORPUS, usedids_in(), SEED, FIRST_SKIPPED, WORDS)


def main() -> None:
    select_main(__doc__ or "", candidates, SKIPPED, WANTED)


if __name__ == "__main__":
    main()
