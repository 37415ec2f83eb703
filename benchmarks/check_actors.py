"""Score actor countries against the hand-annotated dev corpus in ``tests/data/actors-dev/``.

For each gold actor (a reader-known country, or ``none`` for bodies and regions that have none)
the document's extracted actors frame is searched for a row whose name or aliases match one of the
gold names; the row's country is then **right** (equal; for ``none``: no code), **wrong** (another
code; for ``none``: any code) or **missing** (no matching row, or no code). Prints one table row per
split (every ``*.jsonl`` gold of the folder: ``dev`` to ``dev5`` are tuned on; the
``heldout*`` splits and ``seed`` are the checks), and with ``-v`` every miss. The texts are read from
``articles.jsonl`` and ``articles-<split>.jsonl`` (a later split's texts, kept apart).

    python benchmarks/check_actors.py [--split dev heldout5 seed] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import pandas as pd  # noqa: E402

from extract import schema as S  # noqa: E402
from extract.actors import build_actors_frame, find_actor_mentions  # noqa: E402
from extract.nlp import load_nlp  # noqa: E402

DATA = HERE.parent / "tests" / "data" / "actors-dev"


def find_splits(folder: Path = DATA) -> tuple[str, ...]:
    """Every gold file of ``folder`` (all ``*.jsonl`` but the texts): ``dev`` first, ``seed`` last."""
    names = [p.stem for p in folder.glob("*.jsonl") if not p.stem.startswith("articles")]
    return tuple(sorted(names, key=lambda n: (n != "dev", n == "seed", len(n), n)))


SPLITS = find_splits()


def _key(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").split()).lower().removeprefix("the ")


@dataclass
class Tally:
    """Counts of one split, with the lines that explain each wrong and missing actor."""

    right: int = 0
    wrong: int = 0
    missing: int = 0
    kind_right: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.right + self.wrong + self.missing


def match_row(frame: pd.DataFrame, names: Iterable[str]) -> Mapping[str, Any] | None:
    """The most-mentioned frame row whose name or an alias equals one of ``names`` (case-blind)."""
    wanted = {_key(n) for n in names}
    best: Mapping[str, Any] | None = None
    records: list[dict[str, Any]] = [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]
    for row in records:
        keys = {_key(row[S.ACTOR])} | {_key(a) for a in row[S.ALIASES]}
        if keys & wanted and (best is None or row[S.MENTIONS] > best[S.MENTIONS]):
            best = row
    return best


def score_document(doc_id: str, frame: pd.DataFrame, gold: list[dict[str, Any]], tally: Tally) -> None:
    """Add one document's gold actors to ``tally``."""
    for actor in gold:
        row = match_row(frame, actor["names"])
        want = None if actor["country"] == "none" else actor["country"]
        got = None if row is None or pd.isna(row[S.COUNTRY]) else str(row[S.COUNTRY])
        label = f"{doc_id}: {actor['names'][0]!r} gold {actor['country']}"
        if row is not None and row[S.ACTOR_KIND] == actor["kind"]:
            tally.kind_right += 1
        if row is not None and got == want:
            tally.right += 1
        elif got is not None:
            tally.wrong += 1
            tally.notes.append(f"WRONG   {label}, got {got} ({row[S.ACTOR] if row else ''})")
        else:
            tally.missing += 1
            found = "not found" if row is None else f"no code on {row[S.ACTOR]!r} ({row[S.ACTOR_KIND]})"
            tally.notes.append(f"MISSING {label}, {found}")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_texts(folder: Path = DATA) -> dict[str, dict[str, Any]]:
    """The article records of ``articles.jsonl`` and every ``articles-<split>.jsonl``, by id."""
    return {r["id"]: r for p in sorted(folder.glob("articles*.jsonl")) for r in _read_jsonl(p)}


def score_split(split: str, texts: Mapping[str, Mapping[str, Any]]) -> Tally:
    """Run the actors stage over one split's articles and score it."""
    nlp = load_nlp()
    tally = Tally()
    for record in _read_jsonl(DATA / f"{split}.jsonl"):
        article = texts[record["doc"]]
        mentions = find_actor_mentions(nlp(article["text"]), dateline=article.get("dateline") or None)
        frame, _ = build_actors_frame({record["doc"]: mentions})
        score_document(record["doc"], frame, record["actors"], tally)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", nargs="+", choices=SPLITS, default=list(SPLITS))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong and missing actor")
    args = parser.parse_args()
    texts = read_texts()
    print(f"{'split':<8} {'actors':>6} {'right':>7} {'wrong':>7} {'missing':>8} {'kind ok':>8}")
    for split in args.split:
        t = score_split(split, texts)

        def pct(n: int, total: int = t.total) -> str:
            return f"{100 * n / total:6.1f}%" if total else "     -"

        print(
            f"{split:<8} {t.total:>6} {pct(t.right)} {pct(t.wrong)} {pct(t.missing):>8} {pct(t.kind_right):>8}"
        )
        if args.verbose:
            print("\n".join("    " + n for n in t.notes))


if __name__ == "__main__":
    main()
