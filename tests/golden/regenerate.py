"""Regenerate the golden event outputs for the seeds: ``python tests/golden/regenerate.py``.

Runs the full pipeline over ``seeds/demo.jsonl`` (the seed article and the demo stories) and writes
the columns that matter, one event a line, to ``tests/golden/demo_events.jsonl``. Never edit the
golden file by hand: change the code or rules, look at the diff, then regenerate and commit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "seeds" / "demo.jsonl"
GOLDEN = Path(__file__).parent / "demo_events.jsonl"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extract import schema as S  # noqa: E402
from extract.model import Document  # noqa: E402
from extract.pipeline import extract_corpus, parse_published  # noqa: E402

FLAG_LETTERS = ((S.REPORTED, "R"), (S.FUTURE, "F"), (S.HYPOTHETICAL, "H"), (S.NEGATED, "N"))


def demo_documents(path: Path = DEMO) -> list[Document]:
    """The seed documents as the dashboard's demo reads them."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        docs.append(
            Document(
                rec["id"],
                rec["text"],
                parse_published(rec["published"]),
                "metadata",
                rec.get("title"),
                rec.get("source"),
                rec.get("url"),
            )
        )
    return docs


def _day(value: Any) -> str | None:
    return None if value is None or str(value) == "NaT" else str(value)[:10]


def _text(value: Any) -> str | None:
    return None if value is None or str(value) == "<NA>" else str(value)


def golden_rows() -> list[dict[str, Any]]:
    """The compact golden records for the current code."""
    events = extract_corpus(demo_documents()).events
    rows = []
    for rec in events.to_dict("records"):
        rows.append(
            {
                "id": rec[S.EVENT_ID],
                "span": [int(rec[S.CHAR_START]), int(rec[S.CHAR_END])],
                "type": rec[S.EVENT_TYPE],
                "predicate": rec[S.PREDICATE],
                "source": _text(rec[S.SOURCE_ACTOR]),
                "target": _text(rec[S.TARGET_ACTOR]),
                "flags": "".join(letter for col, letter in FLAG_LETTERS if rec[col]),
                "time": [_text(rec[S.TIME_TEXT]), rec[S.TIME_KIND], _day(rec[S.START]), _day(rec[S.END])],
                "event": rec[S.EVENT],
            }
        )
    return rows


def dumps(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


if __name__ == "__main__":
    GOLDEN.write_text(dumps(golden_rows()), encoding="utf-8")
    print(f"wrote {GOLDEN.relative_to(ROOT)}")
