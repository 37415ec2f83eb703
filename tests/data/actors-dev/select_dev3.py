"""Reproducible choice of the articles of the third tunable actors split (``dev3.jsonl``).

Run from the repo root: ``python tests/data/actors-dev/select_dev3.py [--show N]``.

Rule: every record of ../shared/corpora/news-silver.jsonl after the first 150 (the benchmarks use
those) with 150-400 words (``text.split()``), that is not in any gold of the project (events-dev,
events-dev2, events-heldout, events-heldout2, events-heldout3, the actors corpus of this folder) or
the demo (seeds/demo.jsonl), is shuffled with ``random.Random(SEED)``; the candidates are then read
in that order and the first ``WANTED`` that name at least ``MIN_ACTORS`` actors whose country a
reader knows (the README's guidelines) are kept. The ones passed over are listed in ``SKIPPED``
with the reason, so the choice is the same on every run.
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
SEED = 2026120714  # the day the split was made, and the issue number
WANTED = 10
MIN_ACTORS = 4
FIRST_SKIPPED = 150
WORDS = (150, 400)

SKIPPED: dict[str, str] = {  # the candidates passed over, in the order they came, and why
    "XIN_ENG_20051111.0072": "a currency report naming three actors (Tokyo, Japan, New York)",
}


LATER = frozenset({"events-dev3"})  # events sets made after this split: their articles stay candidates


def usedids_in() -> set[str]:
    """Ids of the articles annotated, tuned on or shown elsewhere in the project.

    This split's own texts are kept in ``articles-dev3.jsonl`` (not in ``articles.jsonl``, which
    the events sets' choices exclude: adding to it would change their seeded order), so that file
    is not read here; nor are the sets made after this one (``LATER``).
    """
    data = ROOT / "tests" / "data"
    return (
        ids_in(SHARED / "data" / "events-dev" / "events-dev.jsonl", "doc")
        | set().union(
            *(ids_in(p, "id") for p in data.glob("events-*/articles.jsonl") if p.parent.name not in LATER)
        )
        | ids_in(data / "actors-dev" / "articles.jsonl", "id")
        | ids_in(ROOT / "seeds" / "demo.jsonl", "id")
    )


def candidates() -> list[dict[str, Any]]:
    """The eligible records in seeded random order."""
    return seeded_candidates(CORPUS, usedids_in(), SEED, FIRST_SKIPPED, WORDS)


def main() -> None:
    select_main(__doc__ or "", candidates, SKIPPED, WANTED)


if __name__ == "__main__":
    main()
