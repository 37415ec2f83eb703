"""Token columns: what the actor finder reads of every token, through ``Doc.to_array`` and once
per document, instead of spaCy objects (indexing a Doc builds a Python Token per access, and
Span/Token properties such as ``Token.sent`` or ``Doc.ents`` rebuild objects on each call).

Each reader equals the spaCy object it replaces (tests/test_actors_columns.py); each keeps the
last document's columns in one slot, read and replaced whole, so threads (the dashboard's
sessions) never get another document's columns.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import ENT_IOB, ENT_TYPE, IS_PUNCT, IS_SPACE, LOWER, ORTH, POS, SENT_START, SPACY
from spacy.symbols import PROPN
from spacy.tokens import Doc

__all__ = ["Columns", "entity_spans", "sentence_starts", "span_text", "token_columns", "token_flags"]

Columns = tuple[list[str], list[str], list[bool], list[bool]]
# the last document's columns (read 3 times per doc); one slot, read and replaced whole, so that
# threads (the dashboard's sessions) never get another document's columns
_last_columns: list[tuple[Doc, Columns] | None] = [None]


# hash -> string of the vocabulary's strings already read (a dict look-up is much cheaper than
# StringStore's, which decodes the string on every call), for one StringStore at a time; a new
# dict replaces the old one (never cleared in place, so a thread reading it never misses a key)
_STRINGS: list[tuple[object, dict[int, str]]] = [(None, {})]
_MAX_STRINGS = 100_000  # ~12 MB at most; 550 news articles fill 20,089 (2.4 MB)


def _string(known: dict[int, str], strings: Any, key: int) -> str:
    value: str = strings[key]
    if len(known) < _MAX_STRINGS:
        known[key] = value
    return value


def token_columns(doc: Doc) -> Columns:
    """Each token's text, lowercase form (typographic apostrophe folded), trailing space and
    proper-noun tag, read through ``Doc.to_array``: indexing a Doc builds a Python Token per
    access, and that was most of the actor finder's time. The last document's columns are kept
    (the finder reads them in three steps); the lists must not be changed by callers."""
    last = _last_columns[0]
    if last is not None and last[0] is doc and len(last[1][0]) == len(doc):
        return last[1]
    table = doc.to_array([ORTH, LOWER, SPACY, POS]).tolist() if len(doc) else []
    strings = doc.vocab.strings
    owner, known = _STRINGS[0]
    if owner is not strings:
        known = {}
        _STRINGS[0] = (strings, known)
    texts = [known[row[0]] if row[0] in known else _string(known, strings, row[0]) for row in table]
    lowers = [known[row[1]] if row[1] in known else _string(known, strings, row[1]) for row in table]
    lowers = [(w.replace("\u2019", "'") if "\u2019" in w else w) for w in lowers]
    columns = (texts, lowers, [bool(row[2]) for row in table], [row[3] == PROPN for row in table])
    _last_columns[0] = (doc, columns)
    return columns


_last_sentences: list[tuple[Doc, list[int]] | None] = [None]


def sentence_starts(doc: Doc) -> list[int]:
    """For each token, the index of the first token of its sentence (``doc[i].sent.start``),
    read from the SENT_START column once per document: ``Token.sent`` rebuilds a Span per call."""
    last = _last_sentences[0]
    if last is not None and last[0] is doc and len(last[1]) == len(doc):
        return last[1]
    out: list[int] = []
    current = 0
    for i, flag in enumerate(doc.to_array(SENT_START).tolist() if len(doc) else []):
        if flag == 1:
            current = i
        out.append(current)
    _last_sentences[0] = (doc, out)
    return out


def span_text(doc: Doc, start: int, end: int) -> str:
    """``" ".join(doc[start:end].text.split())`` read from the token columns (no Span, no Token
    objects: the resolvers ask this of every candidate several times)."""
    texts, _, spaces, _ = token_columns(doc)
    return " ".join("".join(texts[k] + " " if spaces[k] else texts[k] for k in range(start, end)).split())


_last_flags: list[tuple[Doc, tuple[list[int], list[bool]]] | None] = [None]


def token_flags(doc: Doc) -> tuple[list[int], list[bool]]:
    """Each token's coarse tag (spaCy's POS symbol) and whether it is punctuation or space (the
    lexeme flags ``is_punct`` / ``is_space``), read once per document through ``Doc.to_array``."""
    last = _last_flags[0]
    if last is not None and last[0] is doc and len(last[1][0]) == len(doc):
        return last[1]
    table = doc.to_array([POS, IS_PUNCT, IS_SPACE]).tolist() if len(doc) else []
    flags = ([row[0] for row in table], [bool(row[1] or row[2]) for row in table])
    _last_flags[0] = (doc, flags)
    return flags


def entity_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """``[(e.start, e.end, e.label_) for e in doc.ents]`` read from the IOB and type columns, as
    spaCy's ``Doc.ents`` reads them, without building a Span per entity."""
    out: list[tuple[int, int, str]] = []
    start, label = -1, 0
    for i, (iob, kind) in enumerate(doc.to_array([ENT_IOB, ENT_TYPE]).tolist() if len(doc) else []):
        if iob == 1:  # inside
            if start == -1:
                return [(e.start, e.end, e.label_) for e in doc.ents]  # spaCy's own error
            continue
        if start != -1 and label:
            out.append((start, i, doc.vocab.strings[label]))
        start, label = (i, kind) if iob == 3 and kind != 0 else (-1, 0)
    if start != -1 and label:
        out.append((start, len(doc), doc.vocab.strings[label]))
    return out
