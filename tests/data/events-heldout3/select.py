"""Reproducible choice of the articles of the third held-out set (events-heldout3, actors heldout5).

Run from the repo root: ``python tests/data/events-heldout3/select.py [--show N]``.

Rule: every record of ../shared/corpora/news-silver.jsonl after the first 150 (the benchmarks use
those) with 150-400 words (``text.split()``), that is not in any earlier events set (events-dev,
events-dev2, events-heldout, events-heldout2), the actors dev corpus or the demo (seeds/demo.jsonl),
is shuffled with ``random.Random(SEED)``; the candidates are then read in that order and the first
``WANTED`` an analyst would put on a timeline are kept. The ones passed over are listed in
``SKIPPED`` with the reason (no happening to timeline, or a kind of story already taken twice: kinds
are diplomacy, conflict, courts and crime, accidents and disasters, economy, politics), so the
choice is the same on every run.
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
SEED = 20261207
WANTED = 8
FIRST_SKIPPED = 150
WORDS = (150, 400)

SKIPPED: dict[str, str] = {  # the candidates passed over, in the order they came, and why
    "XIN_ENG_20061114.0059": "a feature on a debate (a dam at a scenic spot): opinions and forecasts, one dated happening",
    "XIN_ENG_20051124.0104": "a stock market report: index moves and volumes (prices, left out by the guidelines)",
    "AFP_ENG_19970429.0693": "a stock market report: index moves and brokers' views (prices, left out by the guidelines)",
    "XIN_ENG_20061116.0135": "human interest (a father donates his dying son's organs), nothing to timeline",
    "AFP_ENG_20051215.0647": "a third diplomacy story (two already kept: Iran's nuclear plans, NATO in Belgrade)",
    "XIN_ENG_20051122.0276": "a third diplomacy story (two already kept: Iran's nuclear plans, NATO in Belgrade)",
    "XIN_ENG_20051107.0109": "a third politics story (two already kept: Thai martial law, Nepal's cabinet)",
    "AFP_ENG_19970419.0167": "a third politics story (two already kept: Thai martial law, Nepal's cabinet)",
    "XIN_ENG_20061102.0289": "a third diplomacy story (two already kept: Iran's nuclear plans, NATO in Belgrade)",
    "AFP_ENG_20051209.0133": "sports: a new football coach's words to his squad, mostly opinion",
    "XIN_ENG_20061125.0052": "investment statistics (projects registered so far this year), no happening of its own",
    "XIN_ENG_20061109.0297": "a third politics story (two already kept: Thai martial law, Nepal's cabinet)",
    "XIN_ENG_20061107.0395": "a third diplomacy story (two already kept: Iran's nuclear plans, NATO in Belgrade)",
    "XIN_ENG_20061114.0304": "a crude oil price report (prices, left out by the guidelines)",
    "XIN_ENG_20061126.0263": "sports news: a coach's death at a match and condolences, not 4 key events",
    "XIN_ENG_20061120.0285": "a third diplomacy story (two already kept: Iran's nuclear plans, NATO in Belgrade)",
    "AFP_ENG_19970414.0051": "corporate news with one happening (an asset management arm set up), not 4 key events",
}


def usedids_in() -> set[str]:
    """Ids of the articles annotated, tuned on or shown elsewhere in the project.

    This set's own articles were copied into the actors corpus afterwards (for heldout5); they are
    taken out again so that the choice stays the same.
    """
    data = ROOT / "tests" / "data"
    actors = data / "actors-dev"
    later = set().union(*(ids_in(p, "doc") for s in ("heldout5",) if (p := actors / f"{s}.jsonl").exists()))
    return (
        ids_in(SHARED / "data" / "events-dev" / "events-dev.jsonl", "doc")
        | ids_in(data / "events-dev2" / "articles.jsonl", "id")
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
