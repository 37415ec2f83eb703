"""Reproducible choice of the articles of the fifth tunable actors split (``dev5.jsonl``).

Run from the repo root: ``python tests/data/actors-dev/select_dev5.py [--show N]``.

Rule: every record of ../shared/corpora/news-silver.jsonl after the first 150 (the benchmarks use
those) with 150-400 words (``text.split()``), whose id is used by no gold of the project (any
JSON-lines file under ``tests/data/`` or ``../shared/data/``, every file name under
``../shared/data/``) nor by the demo (seeds/demo.jsonl), is shuffled with ``random.Random(SEED)``;
the candidates are then read in that order and the first ``WANTED`` that name at least
``MIN_ACTORS`` actors whose country a reader knows (the README's guidelines) **and** are of a kind
the earlier splits lack (regional or local politics with office titles, courts and crime, business,
sport, disasters and accidents, health, science) are kept. Diplomacy between governments, war
reports and national election politics, which the earlier splits are made of, are passed over. The
ones passed over are listed in ``SKIPPED`` with the reason, so the choice is the same on every run.
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
SEED = 202612071405  # the day, the issue number, the fifth split
WANTED = 12
MIN_ACTORS = 4
FIRST_SKIPPED = 150
WORDS = (150, 400)

SKIPPED: dict[str, str] = {  # the candidates passed over, in the order they came, and why
    "XIN_ENG_20051129.0295": "war (Danish troops for NATO in Afghanistan)",
    "XIN_ENG_20061103.0238": "diplomacy (the Madagascan and Chinese presidents meet)",
    "AFP_ENG_20061231.0025": "war and politics (al-Zawahiri on Abbas and Hamas)",
    "AFP_ENG_20061214.0783": "war and defence (North Korea's nuclear test, South Korea's army)",
    "AFP_ENG_19970430.0504": "diplomacy and national elections (the OSCE on Albania)",
    "XIN_ENG_20061129.0021": "national politics (profile of Ecuador's president-elect)",
    "XIN_ENG_20061103.0196": "war (Iran's missile drills)",
    "AFP_ENG_20051212.0301": "national politics (an Iraqi prime minister's election campaign)",
    "XIN_ENG_20061109.0202": "war and diplomacy (Nepal's guerrillas and the UN on arms)",
    "XIN_ENG_20061119.0077": "national politics and war (Sri Lanka's president on the LTTE)",
}


LATER = frozenset({"events-dev3"})  # events sets made at the same time: their files are not read


def usedids_in() -> set[str]:
    """Ids of every article a gold under ``tests/data/`` or ``../shared/data/`` or the demo names.

    Under ``../shared/data/`` the file names count too (TimeML documents are named by their id).
    This split's own texts (``articles-dev5.jsonl``) and gold (``dev5.jsonl``) are taken out again,
    and so are the later ``dev6`` (chosen after this one, skipping its ids) and the sets made at the same time (``LATER``), so that the choice stays the same once
    they exist.
    """
    data = ROOT / "tests" / "data"
    own = {data / "actors-dev" / f"{kind}{n}.jsonl" for kind in ("articles-dev", "dev") for n in (5, 6)}
    files = [p for p in sorted(data.rglob("*.jsonl")) if p not in own and p.parent.name not in LATER]
    shared = sorted((SHARED / "data").rglob("*"))
    names = {p.name.split(".")[0] for p in shared if p.is_file()}
    names |= {p.stem for p in shared if p.is_file()}
    return (
        set().union(*(ids_of_file(p) for p in files))
        | set().union(*(ids_of_file(p) for p in shared if p.suffix == ".jsonl"))
        | names
        | ids_in(ROOT / "seeds" / "demo.jsonl", "id")
    )


def candidates() -> list[dict[str, Any]]:
    """The eligible records in seeded random order."""
    return seeded_candidates(CORPUS, usedids_in(), SEED, FIRST_SKIPPED, WORDS)


def main() -> None:
    select_main(__doc__ or "", candidates, SKIPPED, WANTED)


if __name__ == "__main__":
    main()
