"""Sentences of a corpus and the days they speak about, gathered one batch of articles at a time.

A sentence is tied to a day when a time cue in it resolves to exactly that day (an explicit
"on April 24" or a relative "yesterday", resolved against the publication date by
:mod:`extract.timecues`; no spaCy needed). Sentences without such a cue are tied to their
article's publication day, as news-tls's DATEWISE does, but count less as evidence for it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from extract import schema as S
from extract.story.rules import sentence_rules
from extract.story.sources import Article
from extract.timecues import time_cue_records

# a sentence ends at a line break, or at . ! ? (and closing quotes) before a capital or an opening quote
_SENTENCE_END = re.compile(r"\n+|(?<=[.!?])(?:\s*(?:''|\"|”|’))?\s+(?=(?:``|[\"“‘(])?\s*[A-Z0-9])")
_WORD_BEFORE_DOT = re.compile(r"(?<![A-Za-z.])([A-Za-z][A-Za-z.]*)\.$")
_INITIAL = re.compile(r"[A-Z]")
MIN_WORDS, MAX_WORDS = 6, 60
"""Summary candidates have this many words: shorter ones are captions, longer ones run-ons."""
TOPICAL_SENTENCES = 2
"""Keyword sentences an article needs for its dates and publication to count as evidence: a
folder also holds articles that name the story once in passing (market news in a Syria folder)."""
DAY_KINDS = ("absolute", "relative")
"""Time kinds that date a sentence; vague, duration, set and dateline cues do not."""


@dataclass(frozen=True)
class Sentence:
    """One candidate sentence: where it is and which day it is about."""

    text: str
    doc_id: str
    published: date | None
    position: int  # 0 for the article's first sentence
    mentioned: bool  # True: a cue in it names the day; False: dated by publication only


@dataclass(frozen=True)
class Mention:
    """A sentence naming a day: which article, published when, how (absolute or relative)."""

    doc_id: str
    published: date | None
    kind: str
    on_topic: bool  # the sentence holds a keyword (True when no keywords are given)
    position: int = 0  # the sentence's place in its article (0: the first)


@dataclass
class DatedSentences:
    """What a pass over the articles leaves: per day, who mentions it and the candidate sentences."""

    mentions: dict[date, list[Mention]] = field(default_factory=lambda: defaultdict(list))
    published: dict[date, set[str]] = field(default_factory=lambda: defaultdict(set))
    candidates: dict[date, list[Sentence]] = field(default_factory=lambda: defaultdict(list))
    keyword_sentences: dict[str, int] = field(default_factory=dict)
    """Per article: how many of its sentences of candidate length hold a keyword."""
    keywords_given: bool = False
    articles: int = 0

    def topical(self, doc_id: str) -> bool:
        """The article is about the story: at least TOPICAL_SENTENCES of its sentences hold a keyword
        (every article is, when no keywords are given)."""
        return not self.keywords_given or self.keyword_sentences.get(doc_id, 0) >= TOPICAL_SENTENCES


def _keeps_dot(text: str, stop: int, abbreviations: frozenset[str]) -> bool:
    """The dot just before ``stop`` belongs to a word (an abbreviation, an initial) and ends nothing."""
    if stop == 0 or text[stop - 1] != ".":
        return False
    word = _WORD_BEFORE_DOT.search(text[max(0, stop - 20) : stop])
    return word is not None and (
        word.group(1) in abbreviations or _INITIAL.fullmatch(word.group(1)) is not None
    )


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the page furniture (datelines, time stamps) in the lead of ``text`` (in the
    whole text for rules marked ``anywhere``), merged."""
    rules = sentence_rules()
    lead = text[: rules.lead_chars]
    found = sorted(
        (m.start(), m.end())
        for f in rules.furniture
        for m in f.regex.finditer(text if f.anywhere else lead)
        if m.end() > m.start()
    )
    merged: list[tuple[int, int]] = []
    for a, b in found:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _cut(text: str, a: int, b: int, furniture: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``[a, b)`` without the furniture spans, each piece stripped (empty pieces dropped)."""
    pieces, begin = [], a
    for fa, fb in furniture:
        if fb <= begin or fa >= b:
            continue
        pieces.append((begin, max(begin, fa)))
        begin = min(b, fb)
    pieces.append((begin, b))
    out = []
    for x, y in pieces:
        chunk = text[x:y]
        left, right = len(chunk) - len(chunk.lstrip()), len(chunk.rstrip())
        if right > left:
            out.append((x + left, x + right))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` of the sentences of ``text`` (stripped, non-empty).

    No sentence ends after an abbreviation or an initial of sentences.toml; page furniture of
    the lead (datelines, time stamps) is in no sentence.
    """
    abbreviations = sentence_rules().abbreviations
    furniture = furniture_spans(text)
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        if (
            match is not None
            and "\n" not in match.group(0)
            and _keeps_dot(text, match.start(), abbreviations)
        ):
            continue
        stop = match.start() if match else len(text)
        spans.extend(_cut(text, begin, stop, furniture))
        if match:
            begin = (
                match.end() if match.group(0).strip() == "" else match.start() + len(match.group(0).rstrip())
            )
    return spans


def _keyword_pattern(keywords: Sequence[str] | None) -> re.Pattern[str] | None:
    words = [k.strip() for k in keywords or () if k.strip()]
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE)


def _cue_days(article: Article) -> list[tuple[int, date, str]]:
    """(offset, day, kind) of every cue of the article that resolves to exactly one day."""
    out = []
    for cue in time_cue_records(article.text, article.published):
        start, end = cue[S.START], cue[S.END]
        if (
            cue[S.TIME_KIND] not in DAY_KINDS
            or not isinstance(start, datetime)
            or not isinstance(end, datetime)
        ):
            continue
        if end - start == timedelta(days=1) and start.time() == datetime.min.time():
            out.append((int(cue[S.CHAR_START]), start.date(), str(cue[S.TIME_KIND])))
    return out


def gather(
    batches: Iterable[list[Article]],
    keywords: Sequence[str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> DatedSentences:
    """One pass over the articles: day mentions (all sentences) and summary candidates.

    A candidate must have MIN_WORDS..MAX_WORDS words and, when ``keywords`` are given, contain
    one of them; a mentioned day outside ``[start, end]`` is not kept.
    """
    wanted = _keyword_pattern(keywords)
    found = DatedSentences(keywords_given=wanted is not None)
    for batch in batches:
        for article in batch:
            found.articles += 1
            if article.published is not None:
                found.published[article.published].add(article.doc_id)
            _gather_article(article, wanted, start, end, found)
    return found


def _gather_article(
    article: Article,
    wanted: re.Pattern[str] | None,
    start: date | None,
    end: date | None,
    found: DatedSentences,
) -> None:
    cues = _cue_days(article)
    unescape = sentence_rules().unescape
    seen: set[str] = set()
    found.keyword_sentences.setdefault(article.doc_id, 0)
    for position, (a, b) in enumerate(split_sentences(article.text)):
        named = {
            (d, kind)
            for offset, d, kind in cues
            if a <= offset < b and (start is None or d >= start) and (end is None or d <= end)
        }
        days = {d for d, _ in named}
        text = unescape(" ".join(article.text[a:b].split()))
        on_topic = wanted is None or bool(wanted.search(text))
        for day, kind in sorted(named):
            found.mentions[day].append(Mention(article.doc_id, article.published, kind, on_topic, position))
        n_words = text.count(" ") + 1
        if not MIN_WORDS <= n_words <= MAX_WORDS or not on_topic:
            continue
        if text in seen:
            continue
        seen.add(text)
        found.keyword_sentences[article.doc_id] += 1
        for day in days:
            found.candidates[day].append(Sentence(text, article.doc_id, article.published, position, True))
        if not days and article.published is not None and not any(a <= o < b for o, _, _ in cues):
            found.candidates[article.published].append(
                Sentence(text, article.doc_id, article.published, position, False)
            )
