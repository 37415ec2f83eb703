"""Outlets NER tags as people or bodies, known by the words around them (context.toml [media]):
lower-case media words at the end of a name ("the official MENA news agency"), a masthead that
reports ("Daily News reported"), the agent of "quoted by", a name after "a report in", or a name
next to a media noun ("the daily X", "The Star newspaper"); a name right before lower-case "news
agency", "television" or "radio" ("local Fars news agency", "ABC television's") and that name alone
elsewhere ("quoted by Anatolia" after "the Anatolia news agency"). Split out of :mod:`extract.actors.kinds`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.actors.columns import span_text, token_columns
from extract.actors.context_rules import load_context_rules
from extract.actors.find import Candidate

__all__ = ["MEDIA_REACH", "is_outlet", "outlet_names"]

MEDIA_REACH = 10  # tokens before a name where the media noun of its appositive may stand


def is_outlet(doc: Doc, c: Candidate) -> bool:
    """Is the NER span an outlet by the words around it (cutting lower-case media words off it)?"""
    return _outlet_tail(doc, c) or _named_outlet(doc, c) or _masthead(doc, c) or _printed_in(doc, c)


def _outlet_tail(doc: Doc, c: Candidate) -> bool:
    """ "the official MENA news agency": lower-case media words NER kept at the end of an ORG
    name are cut off (context.toml [media] tail), and the name before them is an outlet."""
    tail = load_context_rules().media_tail
    end = c.end
    while end - 1 > c.start and doc[end - 1].is_lower and doc[end - 1].lower_ in tail:
        end -= 1
    if end == c.end or c.label != "ORG":
        return False
    c.end, c.actor = end, span_text(doc, c.start, end)
    return True


def _masthead(doc: Doc, c: Candidate) -> bool:
    """ "Daily News reported", "the Daily Mirror said": a name of two words or more starting with
    "Daily" or ending in a masthead word, that reports or is quoted, and any organisation NER
    found as the agent of "quoted by" (context.toml [media])."""
    rules = load_context_rules()
    _, lowers, _, _ = token_columns(doc)
    words = lowers[c.start : c.end]
    masthead = len(words) >= 2 and (words[0] == "daily" or words[-1] in rules.mastheads)
    by = "by" in lowers[max(0, c.start - 6) : c.start]
    if not masthead and not (c.label == "ORG" and by):
        return False  # read the parse only when the words may name an outlet
    root = doc[c.start : c.end].root
    head = root.head
    agent = root.dep_ == "pobj" and head.lower_ == "by"
    if (
        c.label == "ORG"
        and agent
        and head.head.lemma_.lower() in rules.quoting_verbs
        and words[-1].rstrip(".") not in rules.body_heads
    ):
        return True  # "quoted by New Vision as saying": any name but a body's
    if not masthead:
        return False
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in rules.report_verbs:
        return True
    return agent and head.head.lemma_.lower() in rules.report_verbs


def _printed_in(doc: Doc, c: Candidate) -> bool:
    """ "according to a report in the China-backed Wen wei Po", "an editorial in X": a name after
    "in" that hangs on a noun for what papers print ([media] printed_nouns) is an outlet, unless
    its last word names a body ("a report in the Foreign Ministry's files")."""
    rules = load_context_rules()
    lowers = token_columns(doc)[1]
    if "in" not in lowers[max(0, c.start - 6) : c.start] or rules.printed_nouns.isdisjoint(
        lowers[max(0, c.start - 9) : c.start]
    ):
        return False  # read the parse only when "a report in" may stand before the name
    root = doc[c.start : c.end].root
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "in"
        and prep.head.lower_ in rules.printed_nouns
        and doc[c.end - 1].lower_.rstrip(".") not in rules.body_heads
    )


def _named_outlet(doc: Doc, c: Candidate) -> bool:
    """A name right after a media noun that follows a determiner or adjective ("the daily X",
    "local daily X", "Turkish newspaper X"), heading a media noun it modifies ("The Star
    newspaper"), or in apposition with one ("a French free newspaper, Metro"): an outlet
    (context.toml [media] nouns)."""
    nouns = load_context_rules().media_nouns
    if nouns.isdisjoint(token_columns(doc)[1][max(0, c.start - MEDIA_REACH) : c.end + 1]):
        return False  # read the parse only when a media noun stands near the name
    before = doc[c.start - 1] if c.start >= 2 else None
    if before is not None and before.lower_ in nouns and doc[c.start - 2].pos_ in ("DET", "ADJ"):
        return True
    after = doc[c.end] if c.end < len(doc) else None
    root = doc[c.start : c.end].root
    if c.label != "PERSON" and root.dep_ == "appos" and root.head.i < c.start and root.head.lower_ in nouns:
        return True  # "A French free newspaper, Metro, conducted an interview"
    return after is not None and after.lower_ in nouns and root.head.i == after.i and root.dep_ == "compound"


MAX_OUTLET_WORDS = 3  # "Fars", "Kyodo", "Radio Free Asia": an outlet's name before "news agency"


def _tail_after(doc: Doc, end: int, tails: frozenset[str]) -> bool:
    """Do lower-case outlet words follow token ``end`` ("news agency", "television", "radio")?"""
    return end < len(doc) and doc[end].is_lower and doc[end].lower_ in tails


def outlet_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "the local Fars news agency", "ABC television's This Week": a name right before lower-case
    outlet words ([media] agency_tails) is an outlet, found when NER missed it (proper nouns no
    actor covers, after a determiner, an adjective or a possessive-free start); and a name written
    alone that an outlet of the document is written with ("quoted by Anatolia" after "the
    semi-official Anatolia news agency") is that outlet."""
    rules = load_context_rules()
    tails = rules.agency_tails
    texts, lowers, _, proper = token_columns(doc)
    if tails.isdisjoint(lowers) and rules.media_nouns.isdisjoint(lowers):
        return cands
    covered = {i: c for c in cands for i in range(c.start, c.end)}
    added: list[Candidate] = []
    for k in (k for k in range(1, len(doc)) if lowers[k] in tails and doc[k].is_lower):
        i = k - 1 if lowers[k - 1] == "news" and k >= 2 else k  # "Fars news agency"
        c = covered.get(i - 1)
        if c is not None:
            if c.end == i and c.entry is None and c.kind in ("organisation", "person", "place"):
                c.kind, c.country, c.source = "media", None, None  # "ABC television's"
            continue
        start = i
        while start > 0 and i - start < MAX_OUTLET_WORDS and proper[start - 1] and start - 1 not in covered:
            start -= 1
        if (
            start == i
            or not texts[start][:1].isupper()
            or (start > 0 and doc[start - 1].pos_ not in ("DET", "ADJ"))
        ):
            continue
        added.append(Candidate(start, i, span_text(doc, start, i), "media", None, label="ORG"))
    _before_media_noun(doc, covered)
    out = sorted(cands + added, key=lambda c: c.start) if added else cands
    _short_forms(doc, out)
    return out


def _before_media_noun(doc: Doc, covered: dict[int, Candidate]) -> None:
    """ "he told the Sabah daily.": a name between "the" and a media noun that no name follows
    ([media] nouns; not "the Tehran daily Kayhan", where Tehran is the paper's place)."""
    rules = load_context_rules()
    texts, lowers, _, _ = token_columns(doc)
    for k in (k for k in range(2, len(doc)) if lowers[k] in rules.media_nouns and doc[k].is_lower):
        c = covered.get(k - 1)
        if (
            c is not None
            and c.end == k
            and c.entry is None
            and c.kind in ("organisation", "person", "place")
            and lowers[c.start - 1] == "the"
            and (k + 1 == len(doc) or not texts[k + 1][:1].isupper())
        ):
            c.kind, c.country, c.source = "media", None, None


def _short_forms(doc: Doc, out: list[Candidate]) -> None:
    """ "quoted by Anatolia" after "the semi-official Anatolia news agency": a name written alone
    that an outlet of the document is written with, before its outlet words, is that outlet."""
    rules = load_context_rules()
    lowers = token_columns(doc)[1]
    outlets: dict[str, Candidate] = {}
    for c in out:
        if (
            c.kind == "media"
            and _tail_after(doc, c.end, rules.agency_tails)
            and c.end - c.start <= MAX_OUTLET_WORDS
        ):
            outlets.setdefault(span_text(doc, c.start, c.end), c)
        elif c.kind == "media":
            surface = span_text(doc, c.start, c.end)  # "Anatolia news agency", a known outlet
            for k in range(c.end - 1, c.start, -1):
                if lowers[k] not in rules.media_tail:
                    break
                outlets.setdefault(span_text(doc, c.start, k), c)
            outlets.setdefault(surface, c)
    for c in out:
        o = outlets.get(span_text(doc, c.start, c.end))
        if o is not None and o is not c and c.entry is None and c.kind in ("person", "organisation", "place"):
            c.actor, c.kind, c.country, c.entry, c.source = o.actor, "media", o.country, o.entry, o.source
