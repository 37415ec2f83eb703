"""The hand-made golds under tests/data load, match their articles, and pass their checks.

Covers every events folder (``tests/data/events-dev*/`` and ``events-heldout*/``: gold, articles,
build.py, select.py) and
every actors split that ``benchmarks/check_actors.py`` finds, so a new set is checked by being added.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ACTORS = DATA / "actors-dev"
EVENT_SETS = sorted(p for p in [*DATA.glob("events-dev*"), *DATA.glob("events-heldout*")] if p.is_dir())
SELECTED = [p for p in EVENT_SETS if (p / "select.py").exists()]
CORPUS = ROOT.parent / "shared" / "corpora" / "news-silver.jsonl"
KINDS = {"person", "organisation", "country", "place", "media", "international", "region"}

sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_events  # noqa: E402
import check_actors  # noqa: E402


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"gold_{path.parent.name.replace('-', '_')}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _gold_file(folder: Path) -> Path:
    return folder / f"{folder.name}.jsonl"


def test_golds_events_sets_are_all_there() -> None:
    assert [p.name for p in EVENT_SETS] == [
        "events-dev2",
        "events-dev3",
        "events-heldout",
        "events-heldout2",
        "events-heldout3",
    ]


@pytest.mark.parametrize("folder", EVENT_SETS, ids=lambda p: p.name)
def test_golds_events_match_their_articles(folder: Path) -> None:
    articles = {a["id"]: a for a in _jsonl(folder / "articles.jsonl")}
    gold = _jsonl(_gold_file(folder))
    assert [g["doc"] for g in gold] == list(articles)
    build = _load(folder / "build.py")
    for record in gold:
        doc = articles[record["doc"]]
        assert record["published"] == doc["published"]
        assert record["text_sha1"] == hashlib.sha1(doc["text"].encode("utf-8")).hexdigest()
        assert [e["id"] for e in record["events"]] == [f"e{i}" for i in range(1, len(record["events"]) + 1)]
        assert build.check(doc, record["events"]) == []


@pytest.mark.parametrize("folder", EVENT_SETS, ids=lambda p: p.name)
def test_golds_events_file_is_what_build_writes(folder: Path) -> None:
    build = _load(folder / "build.py")
    written = {
        r["doc"]: [{k: v for k, v in e.items() if k != "id"} for e in r["events"]]
        for r in _jsonl(_gold_file(folder))
    }
    assert written == build.GOLD


GOOD = {
    "importance": "key",
    "what": "Police arrest five students",
    "evidence": "police arrested five students on Tuesday",
    "triggers": ["arrested"],
    "source": "police",
    "target": "students",
    "when": ["2005-11-01", "2005-11-02"],
    "future": False,
}
TEXT = "In Dhaka police arrested five students on Tuesday. " + "More words follow here. " * 40

# (name, change to the good row, expected error fragment; None: the row must pass)
CHECK_CASES = [
    ("good row", {}, None),
    ("future row after publication", {"when": ["2005-12-01", "2005-12-02"], "future": True}, None),
    ("evidence not in text", {"evidence": "police arrested six students on Tuesday"}, "evidence not in text"),
    ("evidence too short", {"evidence": "arrested five students"}, "evidence has 3 words"),
    ("no trigger in evidence", {"triggers": ["detained"]}, "no trigger"),
    ("source not lowercase", {"source": "Police"}, "source"),
    ("target not in text", {"target": "teachers"}, "target"),
    ("empty interval", {"when": ["2005-11-02", "2005-11-02"]}, "empty interval"),
    ("past event after publication", {"when": ["2005-12-01", "2005-12-02"]}, "past event after publication"),
]


@pytest.mark.parametrize(("name", "change", "error"), CHECK_CASES, ids=[c[0] for c in CHECK_CASES])
def test_golds_events_check_table(name: str, change: dict[str, Any], error: str | None) -> None:
    build = _load(DATA / "events-heldout2" / "build.py")
    doc = {"id": "d", "published": "2005-11-02", "text": TEXT}
    rows = [{"id": f"e{i}", **GOOD} for i in range(1, 4)] + [{"id": "e4", **GOOD, **change}]
    errors = build.check(doc, rows)
    if error is None:
        assert errors == []
    else:
        assert len(errors) == 1 and error in errors[0]


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpora/news-silver.jsonl")
@pytest.mark.parametrize("folder", SELECTED, ids=lambda p: p.name)
def test_golds_events_choice_is_reproducible(folder: Path) -> None:
    select = _load(folder / "select.py")
    chosen = [r for r in select.candidates() if r["id"] not in select.SKIPPED][: select.WANTED]
    assert chosen == _jsonl(folder / "articles.jsonl")


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpora/news-silver.jsonl")
def test_golds_events_sets_share_no_article() -> None:
    seen: dict[str, str] = {}
    for folder in EVENT_SETS:
        for a in _jsonl(folder / "articles.jsonl"):
            assert a["id"] not in seen, (a["id"], seen.get(a["id"]), folder.name)
            seen[a["id"]] = folder.name
    dev = {r["doc"] for r in _jsonl(bench_events.DEV_GOLD)}
    assert not dev & set(seen)


def test_golds_bench_events_scores_every_set() -> None:
    held_out = [g.path.parent for g in bench_events.GOLDS if g.articles is not None]
    assert held_out == EVENT_SETS
    for gold in bench_events.GOLDS:
        if gold.articles is None and not gold.path.exists():
            continue  # the dev gold lives in ../shared, absent from a bare clone
        assert gold.path.exists() and (gold.articles is None or gold.articles.exists())


def test_golds_check_actors_finds_every_split() -> None:
    assert check_actors.SPLITS == (
        "dev",
        "dev2",
        "dev3",
        "dev4",
        "dev5",
        "dev6",
        "heldout",
        "heldout2",
        "heldout3",
        "heldout4",
        "heldout5",
        "seed",
    )


def test_golds_check_actors_split_order(tmp_path: Path) -> None:
    for name in ("seed", "heldout10", "articles", "articles-dev3", "heldout2", "dev", "heldout"):
        (tmp_path / f"{name}.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "notes.md").write_text("", encoding="utf-8")
    assert check_actors.find_splits(tmp_path) == ("dev", "heldout", "heldout2", "heldout10", "seed")
    assert check_actors.find_splits(tmp_path / "missing") == ()


# actors splits made on the articles of an events set: the same documents, the same texts
PAIRED = [("heldout4", "events-heldout2"), ("dev2", "events-dev2"), ("heldout5", "events-heldout3")]


@pytest.mark.parametrize(("split", "folder"), PAIRED, ids=[p[0] for p in PAIRED])
def test_golds_actors_split_pairs_its_events_set(split: str, folder: str) -> None:
    texts = {a["id"]: a for a in _jsonl(ACTORS / "articles.jsonl")}
    events = _jsonl(DATA / folder / "articles.jsonl")
    assert [r["doc"] for r in _jsonl(ACTORS / f"{split}.jsonl")] == [a["id"] for a in events]
    assert all(texts[a["id"]] == a for a in events)


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpora/news-silver.jsonl")
@pytest.mark.parametrize("split", ["dev3", "dev4", "dev5"])
def test_golds_actors_devsplit_choice_is_reproducible(split: str) -> None:
    select = _load(ACTORS / f"select_{split}.py")
    chosen = [r for r in select.candidates() if r["id"] not in select.SKIPPED][: select.WANTED]
    texts = _jsonl(ACTORS / f"articles-{split}.jsonl")
    assert chosen == texts
    assert [r["doc"] for r in _jsonl(ACTORS / f"{split}.jsonl")] == [a["id"] for a in texts]


def test_golds_actors_texts_are_not_repeated() -> None:
    files = sorted(ACTORS.glob("articles*.jsonl"))
    ids = [a["id"] for p in files for a in _jsonl(p)]
    assert len(files) >= 2 and len(ids) == len(set(ids))


@pytest.mark.parametrize("split", check_actors.SPLITS)
def test_golds_actors_split_matches_articles(split: str) -> None:
    texts = {i: a["text"].lower() for i, a in check_actors.read_texts(ACTORS).items()}
    records = _jsonl(ACTORS / f"{split}.jsonl")
    assert records and len({r["doc"] for r in records}) == len(records)
    for record in records:
        text = texts[record["doc"]]
        for actor in record["actors"]:
            assert actor["kind"] in KINDS, actor
            assert actor["country"] == "none" or (len(actor["country"]) == 3 and actor["country"].isupper())
            assert any(n.lower() in text for n in actor["names"]), (record["doc"], actor)
