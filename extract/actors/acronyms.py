"""Names that a bracketed acronym defines, joined whole when NER split them.

"the American Institute in Taiwan (AIT)": spaCy tags "American Institute" and "Taiwan" apart, so
the body would be two actors and Taiwan a third. When the words before "(AIT)" have exactly the
acronym's initials (minor words such as "in", "of", "for" skipped), they are one organisation;
a country or demonym that opens the name gives its country ("American" -> USA), one after a
preposition does not ("in Taiwan").
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.actors.columns import span_text, token_columns
from extract.actors.data import ROLE_COUNTRY, ROLE_DEMONYM, Gazetteer, norm_key
from extract.actors.find import Candidate

__all__ = ["join_defined_names"]

MINOR = frozenset({"of", "in", "for", "and", "on", "the", "&", "de", "du", "des", "la", "le", "to", "at"})
MAX_WORDS = 10
MIN_LETTERS = 3  # two-letter acronyms match too many word pairs by chance


def _defined_span(doc: Doc, paren: int, acronym: str) -> int | None:
    """Start of the run of words before ``paren`` whose initials are ``acronym``, or None."""
    letters = ""
    for i in range(paren - 1, max(-1, paren - 1 - MAX_WORDS), -1):
        tok = doc[i]
        if tok.lower_ in MINOR and letters:
            continue
        if not (tok.is_alpha and tok.text[:1].isupper()):
            return None
        letters = tok.text[0] + letters
        if letters == acronym:
            return i
        if not acronym.endswith(letters):
            return None
    return None


def join_defined_names(doc: Doc, gaz: Gazetteer, cands: list[Candidate]) -> list[Candidate]:
    """Candidates split inside a name its bracketed acronym defines, replaced by one organisation."""
    by_start = sorted(cands, key=lambda c: c.start)
    texts = token_columns(doc)[0]
    n = len(texts)
    for paren in (i for i in range(1, n - 2) if texts[i] == "(" and texts[i + 2] == ")"):
        acronym = texts[paren + 1]
        if not acronym.isalpha():
            continue
        if not acronym.isupper() or len(acronym) < MIN_LETTERS:
            continue
        start = _defined_span(doc, paren, acronym)
        if start is None:
            continue
        inside = [c for c in by_start if c.start < paren and c.end > start]
        if len(inside) < 2 or any(c.start < start or c.end > paren for c in inside):
            continue  # one name already, or a candidate crossing the run's edge
        if any(c.kind == "person" for c in inside):
            continue
        opener = gaz.entries.get(norm_key(doc[start].text))
        country = (
            opener.country if opener is not None and opener.role in (ROLE_COUNTRY, ROLE_DEMONYM) else None
        )
        joined = Candidate(start, paren, span_text(doc, start, paren), "organisation", None, label="ORG")
        joined.give_country(country, "part")
        gone = {id(c) for c in inside}
        cands = [c for c in cands if id(c) not in gone] + [joined]
        by_start = sorted(cands, key=lambda c: c.start)
    return by_start
