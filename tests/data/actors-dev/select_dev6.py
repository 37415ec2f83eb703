"""Reproducible choice of the articles of the sixth tunable actors split (``dev6.jsonl``).

Run from the repo root: ``python tests/data/actors-dev/select_dev6.py [--show N]``.

Rule: every record of ../shared/corpora/news-silver.jsonl after the first 150 (the benchmarks use
those) with 150-400 words (``text.split()``), whose id is named nowhere in the project (any text
file under ``tests/``, ``seeds/``, ``docs/`` or ``benchmarks/``: every gold, test, sample and note)
nor under ``../shared/data/`` (file names and contents), is shuffled with ``random.Random(SEED)``;
the candidates are then read in that order and the first ``WANTED`` that name at least
``MIN_ACTORS`` actors whose country a reader knows (the README's guidelines) are kept, **whatever
their kind of story**. dev4 and dev5 passed over diplomacy, war and elections to fill the kinds the
first splits lacked; the held-out splits are plain seeded choices, so this split takes the stories
as they come, to sample what unseen news holds. The ones passed over are in ``SKIPPED`` with the
reason, so the choice is the same on every run.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from events_gold import seeded_candidates, select_main  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "news-silver.jsonl"
SEED = 20261232  # as the brief of the round (stop 23) gives it
WANTED = 15
MIN_ACTORS = 4
FIRST_SKIPPED = 150
WORDS = (150, 400)
ID = re.compile(r"[A-Z]{3}_ENG_\d{8}\.\d{4}")
SCANNED = ("tests", "seeds", "docs", "benchmarks")

SKIPPED: dict[str, str] = {  # the candidates passed over, in the order they came, and why
    "XIN_ENG_20051115.0408": "three actors (Thailand, Narathiwat, Rangae)",
    "XIN_ENG_20051115.0210": "two actors (the United States, the Commerce Department)",
}


def usedids_in() -> set[str]:
    """Every news-silver id written in a file of the project or of ``../shared/data/``.

    This split's own files (``articles-dev6.jsonl``, ``dev6.jsonl``, this script) are left out, so
    that the choice stays the same once they exist; binary files are read as far as they decode.
    """
    here = Path(__file__).resolve().parent
    own = {here / "articles-dev6.jsonl", here / "dev6.jsonl", Path(__file__).resolve()}
    files = [p for d in SCANNED for p in sorted((ROOT / d).rglob("*")) if p.is_file()]
    files += sorted(p for p in (SHARED / "data").rglob("*") if p.is_file())
    used: set[str] = set()
    for path in files:
        if path in own:
            continue
        used |= {path.name.split(".")[0], path.stem}
        used |= set(ID.findall(path.read_text("utf-8", errors="ignore")))
    return used


def candidates() -> list[dict[str, Any]]:
    """The eligible records in seeded random order."""
    return seeded_candidates(CORPUS, usedids_in(), SEED, FIRST_SKIPPED, WORDS)


def main() -> None:
    select_main(__doc__ or "", candidates, SKIPPED, WANTED)


if __name__ == "__main__":
    main()
