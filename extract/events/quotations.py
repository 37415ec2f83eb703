"""Which tokens of a document are inside a quotation: speakers of quoted words, and pronouns inside
quotes ("We will fight on"), are read differently from the narrative around them."""

from __future__ import annotations

from spacy.tokens import Doc

_OPENING = frozenset({"\u201c", "\u2018\u2018", "``"})
_CLOSING = frozenset({"\u201d", "''"})
DOUBLE_QUOTES = _OPENING | _CLOSING | {'"'}  # the marks of a quotation
QUOTE_MARKS = DOUBLE_QUOTES | {"\u2018", "\u2019"}  # and single curly ones, left out of labels


def quotation_marks(doc: Doc) -> list[bool]:
    """Per token: inside a quotation. Curly quotes open and close; a straight quote toggles."""
    inside = [False] * len(doc)
    state = False
    for tok in doc:
        text = tok.text
        if tok.is_space and "\n\n" in text or "\n\n" in tok.whitespace_:
            inside[tok.i] = state
            state = False
            continue
        if text in _OPENING:
            state = True
        elif text in _CLOSING:
            inside[tok.i] = True
            state = False
            continue
        elif text == '"':
            inside[tok.i] = True
            state = not state
            continue
        inside[tok.i] = state
    return inside
