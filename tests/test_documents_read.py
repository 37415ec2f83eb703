"""read_documents / read_upload: every format, every bad-input kind, the rest always kept."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.documents import MAX_TEXT_CHARS, demo_documents, read_documents, read_upload
from extract.model import Document, LoadError

GOOD = json.dumps({"id": "good", "published": "2024-11-16", "title": "T", "text": "Leaders met in Lima."})
HTML = (
    b"<html><head><title>Summit ends</title>"
    b'<meta property="article:published_time" content="2024-03-02"></head><body><article><p>'
    + b"The minister said on Monday that the talks would resume next week in Geneva. " * 8
    + b"</p></article></body></html>"
)


def _split(items: list[Document | LoadError]) -> tuple[list[Document], list[LoadError]]:
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, LoadError)]


# (file name, bytes, expected doc ids, expected (line, reason fragment) errors)
CASES = [
    ("a.txt", b"Leaders met in Lima on Saturday.", ["a"], []),
    ("a.jsonl", (GOOD + "\n" + GOOD.replace('"good"', '"two"') + "\n").encode(), ["good", "two"], []),
    ("a.json", f"[{GOOD}]".encode(), ["good"], []),
    ("a.json", GOOD.encode(), ["good"], []),
    ("a.csv", b'id,published,text\nx,2024-01-02,"multi\nline text"\ny,,plain\n', ["x", "y"], []),
    ("a.html", HTML, ["a"], []),
    # bad inputs: each one is an error naming the line, the good records around it are kept
    (
        "bad.jsonl",
        (GOOD + "\n{not json\n" + GOOD.replace('"good"', '"g2"') + "\n").encode(),
        ["good", "g2"],
        [(2, "not valid JSON")],
    ),
    ("bad.jsonl", (GOOD + '\n{"id": "n", "title": "no text"}\n').encode(), ["good"], [(2, "no 'text'")]),
    ("bad.jsonl", (GOOD + '\n{"id": "e", "text": "   "}\n').encode(), ["good"], [(2, "no text")]),
    (
        "bad.jsonl",
        (GOOD + '\n{"id": "d", "text": "x", "published": "16/11/2024"}\n').encode(),
        ["good"],
        [(2, "not a YYYY-MM-DD")],
    ),
    ("bad.jsonl", GOOD.encode() + b'\n{"id": "u", "text": "caf\xe9"}\n', ["good"], [(2, "not UTF-8")]),
    ("bad.jsonl", (GOOD + "\n[1, 2]\n").encode(), ["good"], [(2, "not an object")]),
    (
        "bad.jsonl",
        (GOOD + "\n" + json.dumps({"id": "big", "text": "x" * (MAX_TEXT_CHARS + 1)}) + "\n").encode(),
        ["good"],
        [(2, "over the")],
    ),
    ("bad.csv", b"id,text\n1,fine\n2,\n", ["1"], [(3, "no text")]),
    ("bad.csv", b"id,body\n1,fine\n", [], [(1, "no 'text' column")]),
    ("bad.txt", b"", [], [(None, "empty")]),
    ("bad.txt", b"\x00\x01\x02binary", [], [(None, "binary")]),
    ("bad.txt", b"first line\nsecond \xff line", [], [(2, "not UTF-8")]),
    ("bad.json", b'{"id": 1,', [], [(1, "not valid JSON")]),
    ("bad.html", b"<html><body></body></html>", [], [(None, "no article text")]),
    ("bad.jsonl", b"", [], [(None, "no records")]),
    ("bad.jsonl", b"\n  \n", [], [(None, "no records")]),
    ("bad.json", b"[]", [], [(None, "no records")]),
    ("bad.csv", b"id,text\n", [], [(None, "no records")]),
]


@pytest.mark.parametrize(
    ("name", "data", "ids", "errors"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_documents_read_formats_and_bad_inputs(
    tmp_path: Path, name: str, data: bytes, ids: list[str], errors: list[tuple[int | None, str]]
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    for items in (list(read_documents([path])), read_upload(name, data)):
        docs, errs = _split(items)
        assert [d.doc_id for d in docs] == ids
        assert [e.line for e in errs] == [line for line, _ in errors]
        assert all(fragment in e.reason for e, (_, fragment) in zip(errs, errors, strict=True)), errs
        assert all(name in e.path for e in errs)


def test_documents_read_folder_recurses_and_keeps_going(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Alpha met Beta.")
    (tmp_path / "sub" / "b.txt").write_bytes(b"\xff\xfe bad")
    (tmp_path / "sub" / "c.jsonl").write_text(GOOD + "\n")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    docs, errs = _split(list(read_documents([tmp_path, tmp_path / "missing.txt"])))
    assert sorted(d.doc_id for d in docs) == ["a", "good"]
    assert [Path(e.path).name for e in errs] == ["b.txt", "missing.txt"]


def test_documents_read_duplicate_ids_get_suffixes(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Text from {folder}.")
    (tmp_path / "r.jsonl").write_text('{"text": "one"}\n{"text": "two"}\n{"id": "story", "text": "three"}\n')
    ids = [d.doc_id for d in read_documents([tmp_path / "x", tmp_path / "y", tmp_path / "r.jsonl"])]
    assert ids == ["story", "story~2", "r-1", "r-2", "story~3"]
    assert ids == [d.doc_id for d in read_documents([tmp_path / "x", tmp_path / "y", tmp_path / "r.jsonl"])]


@pytest.mark.parametrize(
    ("data", "published", "expected", "source"),
    [
        (GOOD.encode(), date(2000, 1, 1), date(2024, 11, 16), "metadata"),  # metadata beats the argument
        (b'{"id": "n", "text": "No date here."}', date(2000, 1, 1), date(2000, 1, 1), "user"),
        (b'{"id": "n", "text": "No date here."}', None, None, "unknown"),
    ],
)
def test_documents_read_published_source(
    data: bytes, published: date | None, expected: date | None, source: str
) -> None:
    (doc,) = read_upload("r.jsonl", data, published)
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_from) == (expected, source)


def test_documents_read_html_date_and_title() -> None:
    (doc,) = read_upload("page.html", HTML, date(2000, 1, 1))
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_from, doc.title) == (date(2024, 3, 2), "html", "Summit ends")
    assert "talks would resume" in doc.text and "<p>" not in doc.text


DATELINED = b"KUALA LUMPUR, April 1, 1997 (AFP) - Malaysian share prices dipped on Tuesday."


@pytest.mark.parametrize(
    ("data", "published", "expected", "source"),
    [
        (b"Leaders met.", date(2024, 11, 16), date(2024, 11, 16), "user"),
        (DATELINED, date(2024, 11, 16), date(2024, 11, 16), "user"),  # the user's date beats the dateline
        (DATELINED, None, date(1997, 4, 1), "dateline"),
        (b"Leaders met in Kuala Lumpur on April 1, 1997.", None, None, "unknown"),  # a date, but no dateline
    ],
)
def test_documents_read_txt_dates(
    data: bytes, published: date | None, expected: date | None, source: str
) -> None:
    (doc,) = read_upload("note.txt", data, published)
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_from) == (expected, source)


def test_documents_demo_has_the_seed_article() -> None:
    docs = demo_documents()
    assert docs and len({d.doc_id for d in docs}) == len(docs)
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_1425ebb94b50a240.txt"
    assert docs[0].text == seed.read_text(encoding="utf-8")
    assert docs[0].published == date(2024, 11, 16)


@settings(max_examples=150, deadline=None)
@given(
    name=st.sampled_from(["x.txt", "x.jsonl", "x.json", "x.csv", "x.html", "x.bin"]),
    data=st.binary(max_size=400),
)
def test_documents_read_never_raises_on_arbitrary_bytes(name: str, data: bytes) -> None:
    items = read_upload(name, data)
    assert items and all(isinstance(i, (Document, LoadError)) for i in items)
    for doc in (i for i in items if isinstance(i, Document)):
        assert doc.text.strip() and doc.doc_id
