"""What the hand-made events golds share: the row shorthand, the guidelines' checks, the writer,
and the seeded choice of a set's articles (each ``select.py`` names its seed, exclusions and skips).

The golds (``events-heldout*/build.py``) are hand-written rows; this module only numbers them,
adds each text's sha1, runs the checks of ``../shared/data/events-dev/README.md`` and writes the
gold file, so every set is checked by the same rules.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any


def ids_in(path: Path, key: str) -> set[str]:
    """The ``key`` field of every record of a JSON-lines file."""
    with path.open(encoding="utf-8") as fh:
        return {json.loads(line)[key] for line in fh if line.strip()}


def ids_of_file(path: Path, keys: tuple[str, ...] = ("id", "doc")) -> set[str]:
    """Every field of ``keys`` that a record of a JSON-lines file has (any of them may name an article)."""
    out: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                if isinstance(rec, dict):
                    out |= {str(rec[k]) for k in keys if k in rec}
    return out


def seeded_candidates(
    corpus: Path, used: set[str], seed: int, first_skipped: int, words: tuple[int, int]
) -> list[dict[str, Any]]:
    """The corpus records after the first ``first_skipped``, not ``used``, of ``words`` (low, high)
    whitespace words, in the order ``random.Random(seed)`` shuffles them."""
    with corpus.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    pool = [
        r
        for r in records[first_skipped:]
        if r["id"] not in used and words[0] <= len(r["text"].split()) <= words[1]
    ]
    random.Random(seed).shuffle(pool)
    return pool


def select_main(
    doc: str, candidates: Callable[[], list[dict[str, Any]]], skipped: Mapping[str, str], wanted: int
) -> None:
    """A ``select.py`` command line: print the chosen ids (``--show N``: the first N candidates)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print the first N candidates in order")
    args = parser.parse_args()
    pool = candidates()
    for r in pool[: args.show]:
        mark = "skip" if r["id"] in skipped else "    "
        print(f"{mark} {r['id']} {len(r['text'].split()):>3}w {r['title']}")
    chosen = [r for r in pool if r["id"] not in skipped][:wanted]
    print("\n".join(r["id"] for r in chosen))


def ev(
    importance: str,
    what: str,
    evidence: str,
    triggers: list[str],
    source: str | None,
    target: str | None,
    when: tuple[str, str] | None,
    future: bool,
) -> dict[str, Any]:
    return {
        "importance": importance,
        "what": what,
        "evidence": evidence,
        "triggers": triggers,
        "source": source,
        "target": target,
        "when": list(when) if when else None,
        "future": future,
    }


def check(doc: dict[str, Any], events: list[dict[str, Any]]) -> list[str]:
    """The README's checker rules; a list of what is wrong (empty when the document passes)."""
    text, low, pub = doc["text"], doc["text"].lower(), dt.date.fromisoformat(doc["published"])
    errors: list[str] = []
    words = len(text.split())
    if not 150 <= words <= 700:
        errors.append(f"{words} words")
    keys = sum(e["importance"] == "key" for e in events)
    if not 4 <= keys <= 10:
        errors.append(f"{keys} key rows")
    for e in events:
        where = f"{doc['id']} {e['id']}"
        if e["evidence"] not in text:
            errors.append(f"{where}: evidence not in text")
        if not 5 <= len(e["evidence"].split()) <= 15:
            errors.append(f"{where}: evidence has {len(e['evidence'].split())} words")
        if not any(t in e["evidence"].lower() for t in e["triggers"]):
            errors.append(f"{where}: no trigger in evidence")
        for role in ("source", "target"):
            v = e[role]
            if v is not None and (v != v.lower() or v not in low):
                errors.append(f"{where}: {role} {v!r} not a lowercase substring of the text")
        if e["when"] is not None:
            a, b = (dt.date.fromisoformat(x) for x in e["when"])
            if not a < b:
                errors.append(f"{where}: empty interval")
            if not e["future"] and a > pub:
                errors.append(f"{where}: past event after publication")
    return errors


def write_gold(here: Path, gold: dict[str, list[dict[str, Any]]]) -> int:
    """Check the hand-written rows against the articles in ``here`` and write ``<folder>.jsonl``."""
    articles = {
        d["id"]: d for d in map(json.loads, (here / "articles.jsonl").read_text("utf-8").splitlines())
    }
    out, errors = [], []
    for doc_id, events in gold.items():
        doc = articles[doc_id]
        numbered = [{"id": f"e{i}", **e} for i, e in enumerate(events, 1)]
        errors += check(doc, numbered)
        out.append(
            {
                "doc": doc_id,
                "published": doc["published"],
                "title": doc["title"],
                "text_sha1": hashlib.sha1(doc["text"].encode("utf-8")).hexdigest(),
                "events": numbered,
            }
        )
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    with (here / f"{here.name}.jsonl").open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(out)} documents, {sum(len(r['events']) for r in out)} events")
    return 0
