"""Write the demo corpus (seeds/demo.jsonl) and the story its first view shows (seeds/demo_story.json).

The demo holds real AFP/Xinhua articles from news-silver.jsonl on four stories (Korean peninsula,
China diplomacy, Middle East, Russia), picked by id, after the seed record (which stays as is).

The first view's story is chosen by a rule, not by hand: the seed article plus every demo article
whose title names the Korean peninsula or China (``STORY_TITLE`` below: Korea, Korean(s),
Pyongyang, Seoul, China, Chinese, Beijing, Taiwan, Hong Kong). The seed is a South Korean
president asking China's to restrain North Korea, so the story is the two Koreas and China.
Usage: python tests/golden/select_demo.py [path/to/news-silver.jsonl]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "news-silver.jsonl"
STORIES = {
    "korea": [
        "AFP_ENG_19970404.0147",
        "AFP_ENG_19970408.0707",
        "AFP_ENG_19970415.0521",
        "AFP_ENG_19970422.0667",
        "AFP_ENG_19970423.0681",
        "AFP_ENG_19970425.0415",
        "AFP_ENG_19970426.0390",
        "XIN_ENG_20051102.0067",
        "XIN_ENG_20051113.0238",
        "XIN_ENG_20061106.0397",
    ],
    "china": [
        "AFP_ENG_19970401.0099",
        "AFP_ENG_19970401.0541",
        "AFP_ENG_19970407.0354",
        "AFP_ENG_19970408.0277",
        "AFP_ENG_19970408.0800",
        "AFP_ENG_19970410.0524",
        "AFP_ENG_19970415.0596",
        "AFP_ENG_19970427.0490",
    ],
    "mideast": [
        "AFP_ENG_19970402.0349",
        "AFP_ENG_19970408.0377",
        "AFP_ENG_19970409.0129",
        "AFP_ENG_19970417.0185",
        "AFP_ENG_19970420.0357",
        "AFP_ENG_19970423.0077",
        "AFP_ENG_20051213.0484",
        "AFP_ENG_20061202.0384",
    ],
    "russia": [
        "AFP_ENG_19970402.0207",
        "AFP_ENG_19970430.0153",
        "AFP_ENG_20051207.0327",
        "AFP_ENG_20051216.0434",
        "XIN_ENG_20061101.0308",
        "XIN_ENG_20061104.0073",
        "XIN_ENG_20061109.0191",
    ],
}


STORY_TITLE = re.compile(
    r"\b(Korea|Koreas|Korean|Koreans|Pyongyang|Seoul|China|Chinese|Beijing|Taiwan|Hong Kong)\b"
)
STORY_RULE = (
    "the seed article plus every demo article whose title names the Korean peninsula or China "
    "(Korea, Korean, Pyongyang, Seoul, China, Chinese, Beijing, Taiwan, Hong Kong)"
)


def story(records: list[dict[str, str | None]]) -> list[str]:
    """Ids of the first-view story: the seed (first record) and the articles whose title matches."""
    return [
        str(r["id"]) for i, r in enumerate(records) if i == 0 or STORY_TITLE.search(str(r.get("title") or ""))
    ]


def write_story(demo: Path) -> list[str]:
    """Apply the story rule to ``demo`` and write seeds/demo_story.json."""
    records = [json.loads(line) for line in demo.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = story(records)
    out = demo.parent / "demo_story.json"
    out.write_text(json.dumps({"rule": STORY_RULE, "doc_ids": ids}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(ids)} story ids to {out}")
    return ids


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
        out.append(
            json.dumps(
                {
                    "id": rec["id"],
                    "published": rec["published"],
                    "title": rec["title"],
                    "source": "Xinhua" if rec["id"].startswith("XIN") else "AFP",
                    "url": None,
                    "text": rec["text"],
                },
                ensure_ascii=False,
            )
        )
    demo.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {len(out)} records to {demo}")
    write_story(demo)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS)
