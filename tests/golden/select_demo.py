"""Append the demo stories to seeds/demo.jsonl (run once; kept to show how the demo was chosen).

Picks real AFP/Xinhua articles from news-silver.jsonl on four stories (Korean peninsula, China
diplomacy, Middle East, Russia) by id, and writes them after the seed record (which stays as is).
Usage: python tests/golden/select_demo.py [path/to/news-silver.jsonl]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "news-silver.jsonl"
STORIES = {
    "korea": ["AFP_ENG_19970404.0147", "AFP_ENG_19970408.0707", "AFP_ENG_19970415.0521",
              "AFP_ENG_19970422.0667", "AFP_ENG_19970423.0681", "AFP_ENG_19970425.0415",
              "AFP_ENG_19970426.0390", "XIN_ENG_20051102.0067", "XIN_ENG_20051113.0238",
              "XIN_ENG_20061106.0397"],
    "china": ["AFP_ENG_19970401.0099", "AFP_ENG_19970401.0541", "AFP_ENG_19970407.0354",
              "AFP_ENG_19970408.0277", "AFP_ENG_19970408.0800", "AFP_ENG_19970410.0524",
              "AFP_ENG_19970415.0596", "AFP_ENG_19970427.0490"],
    "mideast": ["AFP_ENG_19970402.0349", "AFP_ENG_19970408.0377", "AFP_ENG_19970409.0129",
                "AFP_ENG_19970417.0185", "AFP_ENG_19970420.0357", "AFP_ENG_19970423.0077",
                "AFP_ENG_20051213.0484", "AFP_ENG_20061202.0384"],
    "russia": ["AFP_ENG_19970402.0207", "AFP_ENG_19970430.0153", "AFP_ENG_20051207.0327",
               "AFP_ENG_20051216.0434", "XIN_ENG_20061101.0308", "XIN_ENG_20061104.0073",
               "XIN_ENG_20061109.0191"],
}


def main(corpus: Path) -> None:
    wanted = [i for ids in STORIES.values() for i in ids]
    by_id = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] in wanted:
            by_id[rec["id"]] = rec
    demo = ROOT / "seeds" / "demo.jsonl"
    seed_line = demo.read_text(encoding="utf-8").splitlines()[0]
    out = [seed_line]
    for i in sorted(wanted, key=lambda i: (by_id[i]["published"], i)):
        rec = by_id[i]
        out.append(json.dumps({
            "id": rec["id"], "published": rec["published"], "title": rec["title"],
            "source": "Xinhua" if rec["id"].startswith("XIN") else "AFP", "url": None, "text": rec["text"],
        }, ensure_ascii=False))
    demo.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {len(out)} records to {demo}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS)
