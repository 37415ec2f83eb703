"""Reproducible choice of the articles of the third tunable dev set (events-dev3).

Run from the repo root: ``python tests/data/events-dev3/select.py [--show N]``.

Rule: every record of ../shared/corpora/news-silver.jsonl after the first 150 (the benchmarks use
those) with 150-400 words (``text.split()``), whose id appears in no JSON-lines file under tests/data
(every events and actors gold, dev or held-out, their articles, silver-200), in
../shared/data/events-dev or in the demo (seeds/demo.jsonl), is shuffled with ``random.Random(SEED)``
(the seed fixed before the order was seen); the candidates are then read in that order and the first
``WANTED`` an analyst would put on a timeline are kept, at most two of a kind. The ones passed over are
listed in ``SKIPPED`` with the reason, so the choice is the same on every run. This set's own articles
are taken out of the exclusion again, so that adding them to tests/data does not change the choice.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from events_gold import ids_in, ids_of_file, seeded_candidates, select_main  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "news-silver.jsonl"
SEED = 20261207
WANTED = 8
FIRST_SKIPPED = 150
WORDS = (150, 400)

# sets made after this one or at the same time (a folder under tests/data, or a file's path in it):
# their files are not read, so that the choice stays the same
LATER: frozenset[str] = frozenset(
    {
        "actors-dev/articles-dev5.jsonl",
        "actors-dev/dev5.jsonl",
        "actors-dev/articles-dev6.jsonl",
        "actors-dev/dev6.jsonl",
    }
)

SKIPPED: dict[str, str] = {  # the candidates passed over, in the order they came, and why
    "XIN_ENG_20061103.0011": "a conference announcement: one scheduled meeting and last year's, fewer than 4 key events",
}


def usedids_in() -> set[str]:
    """Ids of the articles annotated, tuned on or shown elsewhere in the project (minus this set's)."""
    used = ids_in(SHARED / "data" / "events-dev" / "events-dev.jsonl", "doc")
    used |= ids_in(ROOT / "seeds" / "demo.jsonl", "id")
    for path in sorted((ROOT / "tests" / "data").rglob("*.jsonl")):
        later = path.parent.name in LATER or path.relative_to(ROOT / "tests" / "data").as_posix() in LATER
        if HERE not in path.parents and not later:
            used |= ids_of_file(path, ("id", "doc", "doc_id"))
    return used


def candidates() -> list[dict[str, Any]]:
    """The eligible records in seeded random order."""
    return seeded_candidates(CORPUS, usedids_in(), SEED, FIRST_SKIPPED, WORDS)


def main() -> None:
    select_main(__doc__ or "", candidates, SKIPPED, WANTED)


if __name__ == "__main__":
    main()
