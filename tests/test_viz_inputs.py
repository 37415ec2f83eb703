"""Upload handling without a browser: good and bad files, pasted text, date corrections, store names."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from extract.model import Document
from extract.viz import inputs as I

BASE = [Document("demo-1", "Seoul, Nov. 16 -- Yoon met Xi.", date(2024, 11, 16), "metadata")]


def test_inputs_gather_reads_good_files_and_names_bad_ones() -> None:
    uploads = [
        ("story.txt", b"North Korea fired missiles on Friday."),
        ("binary.txt", b"\x00\x01\x02garbage"),
        ("empty.txt", b""),
        ("latin1.txt", "caf\u00e9".encode("latin-1")),
        ("lines.jsonl", b'{"id": "j1", "published": "2006-03-02", "text": "Russia said."}\n{not json\n'),
        ("story.txt", b"A second file with the same name."),
    ]
    got = I.gather(BASE, uploads, published=date(2024, 1, 2))
    ids = [d.doc_id for d in got.documents]
    assert ids[0] == "demo-1" and "j1" in ids and len(ids) == len(set(ids)) == 4
    story = next(d for d in got.documents if d.text.startswith("North Korea"))
    assert (story.published, story.published_from) == (date(2024, 1, 2), "user")
    bad = I.error_lines(got.errors)
    for name in ("binary.txt", "empty.txt", "latin1.txt", "lines.jsonl, line 2"):
        assert any(line.startswith(name) for line in bad), (name, bad)


@pytest.mark.parametrize(
    ("text", "published", "expected_from"),
    [("Yoon said on Saturday.", date(2024, 11, 16), "user"), ("No date given.", None, "unknown")],
)
def test_inputs_pasted_document_keeps_the_date_set(
    text: str, published: date | None, expected_from: str
) -> None:
    doc = I.pasted_document(text, published)
    assert doc is not None and doc.published == published and doc.published_from == expected_from
    assert I.gather([], pasted=doc).documents == [doc]


@pytest.mark.parametrize("blank", ["", "   \n\t"])
def test_inputs_pasted_blank_is_nothing(blank: str) -> None:
    assert I.pasted_document(blank, date(2024, 1, 1)) is None


def test_inputs_with_dates_applies_user_corrections_only_where_changed() -> None:
    docs = [*BASE, Document("b", "text", None)]
    fixed = I.with_dates(docs, {"b": date(2006, 3, 1), "demo-1": date(2024, 11, 16), "zzz": date(2000, 1, 1)})
    assert fixed[0] == BASE[0]
    assert fixed[1] == replace(docs[1], published=date(2006, 3, 1), published_from="user")


def test_inputs_store_names_resolve_inside_the_stores_folder(tmp_path: Path) -> None:
    (tmp_path / "stores" / "news").mkdir(parents=True)
    assert I.store_path("news", tmp_path, env={}) == tmp_path / "stores" / "news"
    assert I.store_names(tmp_path, env={}) == ["news"]
    other = tmp_path / "elsewhere"
    (other / "wiki").mkdir(parents=True)
    assert I.store_path("wiki", tmp_path, env={I.STORES_ENV: str(other)}) == other / "wiki"


@pytest.mark.parametrize("name", ["../etc", "a/b", "", "..", "missing"])
def test_inputs_store_path_refuses_unsafe_or_unknown_names(name: str, tmp_path: Path) -> None:
    (tmp_path / "stores").mkdir()
    with pytest.raises(ValueError):
        I.store_path(name, tmp_path, env={})
