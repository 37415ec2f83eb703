"""Reproducible choice of the articles of the fourth tunable actors split (``dev4.jsonl``).

Run from the repo root: ``python tests/data/actors-dev/select_dev4.py [--show N]``.

Rule: every record of ../shared/corpora/news-silver.jsonl after the first 150 (the benchmarks use
those) with 150-400 words (``text.split()``), whose id is in no JSON-lines file under ``tests/data/``
(every gold, its texts and the bundled ``silver-200.jsonl``), in events-dev or in the demo
(seeds/demo.jsonl), is shuffled with ``random.Random(SEED)``; the candidates are then read in that
order and the first ``WANTED`` that name at least ``MIN_ACTORS`` actors whose country a reader knows
(the README's guidelines) **and** are of a kind the earlier splits have little of (business, sport,
disasters and accidents, science and health, crime, regional and local news) are kept. Diplomacy,
national politics and war stories, which the earlier splits are made of, are passed over. The ones
passed over are listed in ``SKIPPED`` with the reason, so the choice is the same on every run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from events_gold import ids_in, ids_of_file, seeded_candidates, select_main  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "news-silver.jsonl"
SEED = 202612071404  # the day, the issue number, the fourth split
WANTED = 12
MIN_ACTORS = 4
FIRST_SKIPPED = 150
WORDS = (150, 400)

SKIPPED: dict[str, str] = {  # the candidates passed over, in the order they came, and why
    "AFP_ENG_20051212.0301": "national politics (an Iraqi prime minister's election campaign)",
    "AFP_ENG_20061226.0387": "war and politics (the White House on Saddam Hussein's death sentence)",
    "XIN_ENG_20061120.0285": "diplomacy (the US to Syria and Iran on Lebanon)",
    "XIN_ENG_20061129.0486": "diplomacy (Jordan's king and the US president)",
    "XIN_ENG_20051110.0193": "an oil demand forecast naming one actor (the IEA, international)",
    "XIN_ENG_20051130.0011": "diplomacy (tax treaties between governments), its actors a list of countries",
    "XIN_ENG_20061121.0308": "diplomacy (Sudan and Washington on Darfur)",
    "XIN_ENG_20051111.0072": "a currency report naming three actors (Tokyo, Japan, New York)",
    "XIN_ENG_20051130.0111": "names three actors (Jingshan County, Hubei Province, Qibaoshan village)",
    "AFP_ENG_20061219.0412": "crime and diplomacy, the Litvinenko inquiry, whose story a held-out split already has",
    "AFP_ENG_20061214.0704": "diplomacy (the EU on a rampage at Rafah)",
    "AFP_ENG_20061211.0682": "diplomacy (Georgia's prime minister, Russia and the US)",
    "AFP_ENG_19970419.0167": "national politics (election results in Eastern Slavonia)",
}


LATER = frozenset({"events-dev3"})  # sets made after this split: their files are not read


def usedids_in() -> set[str]:
    """Ids of every article any file under ``tests/data/`` names, events-dev's and the demo's.

    This split's own texts (``articles-dev4.jsonl``) and gold (``dev4.jsonl``) are taken out again,
    and so are those of the later ``dev5`` and ``dev6`` (chosen after this one, skipping its ids) and the sets made
    after it (``LATER``), so that the choice stays the same once they exist.
    """
    data = ROOT / "tests" / "data"
    own = {data / "actors-dev" / f"{kind}{n}.jsonl" for kind in ("articles-dev", "dev") for n in (4, 5, 6)}
    files = [p for p in sorted(data.rglob("*.jsonl")) if p not in own and p.parent.name not in LATER]
    return (
        set().union(*(ids_of_file(p) for p in files))
        | ids_in(SHARED / "data" / "events-dev" / "events-dev.jsonl", "doc")
        | ids_in(ROOT / "seeds" / "demo.jsonl", "id")
    )


def candidates() -> list[dict[str, Any]]:
    """The eligible records in seeded random order."""
    return seeded_candidates(CORPUS, usedids_in(), SEED, FIRST_SKIPPED, WORDS)


def main() -> None:
    select_main(__doc__ or "", candidates, SKIPPED, WANTED)


if __name__ == "__main__":
    main()
