"""Events of one parsed document: clauses → typed, flagged, timed rows of schema ``S.EVENTS``.

The pieces live in small modules: ``clauses`` (predicate, type, source/target from the parse),
``flags`` (reported/future/hypothetical/negated), ``timing`` (governing time cue or
publication date), ``labels`` (readable label), ``furniture`` (lines that are not news).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd
from spacy.tokens import Doc, Span, Token

from extract import schema as S
from extract.actors import ActorMention as Mention
from extract.events.clauses import Clause, find_clauses
from extract.events.flags import governors, resolve_flags
from extract.events.furniture import FurnitureLine, in_furniture
from extract.events.labels import make_label
from extract.events.speech import according_to_token, keeps_row, speaker_clause, speech_rules
from extract.events.timing import attach_time, cue_records


def set_line_starts(doc: Doc) -> Doc:
    """Mark sentence starts at line breaks (before parsing) so no sentence spans two page lines.

    A blank line always starts a sentence; a single newline does when the next line does not
    continue in lower case (hard-wrapped paragraphs keep their sentences).
    """
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        gap = prev.text if prev.is_space else prev.whitespace_
        if "\n" in gap and not doc[i].is_space and (gap.count("\n") > 1 or not doc[i].text[:1].islower()):
            doc[i].is_sent_start = True
    return doc


def _confidence(clause: Clause) -> float:
    score = 0.5
    score += 0.2 if clause.event_type != "OTHER" else 0.0
    score += 0.15 if clause.source is not None else 0.0
    score += 0.1 if clause.target is not None else 0.0
    score -= 0.1 if any(r.startswith("source:pronoun") for r in clause.rules) else 0.0
    return round(min(score, 0.95), 2)


def _countries(actors: Sequence[Mention]) -> list[str]:
    out: list[str] = []
    for m in actors:
        if m.country and m.country not in out:
            out.append(m.country)
    return out


def find_events(
    doc: Doc,
    mentions: Sequence[Mention],
    cues: pd.DataFrame,
    published: date | None,
    doc_id: str = "doc",
    furniture: Sequence[FurnitureLine] = (),
) -> pd.DataFrame:
    """The events frame (schema S.EVENTS) of a parsed document; empty frame when there are none."""
    rows = event_rows(doc, mentions, cues, published, doc_id, furniture)
    return S.conform(rows, S.EVENTS) if rows else S.empty_frame(S.EVENTS)


def event_rows(
    doc: Doc,
    mentions: Sequence[Mention],
    cues: pd.DataFrame | list[dict[str, Any]],
    published: date | None,
    doc_id: str = "doc",
    furniture: Sequence[FurnitureLine] = (),
) -> list[dict[str, Any]]:
    """The events of a parsed document as records (corpus runs build one frame from all of them).

    ``cues`` is the document's ``S.TIME_CUES`` frame or its rows as dicts (``time_cue_records``)."""
    lines = list(furniture)
    text = doc.text  # Doc.text (like Span.text) joins every token on each access: read it once, then slice

    def stripped(sent: Span) -> tuple[int, str]:
        """The sentence's text without surrounding whitespace, and where that starts."""
        raw = text[sent.start_char:sent.end_char]
        return sent.start_char + (len(raw) - len(raw.lstrip())), raw.strip()

    def skip(sent: Span) -> bool:
        lo, sentence = stripped(sent)
        return not sentence or in_furniture(lines, lo, lo + len(sentence))

    cue_list = cues if isinstance(cues, list) else cue_records(cues)
    clauses = find_clauses(doc, mentions, skip)
    by_verb = {c.verb.i: c for c in clauses}
    rows: list[dict[str, Any]] = []
    for clause in clauses:
        if not keeps_row(clause):
            continue
        sent = clause.sent
        clause_text = text[clause.char_start:clause.char_end]
        flags = resolve_flags(clause.pred, clause.verb, clause_text)
        time_fields, time_rule = attach_time(clause.tokens, clause.verb, sent, cue_list, published,
                                             _time_governors(clause.verb))
        reporter = _reported_by(clause, by_verb, mentions)
        if not _worth_a_row(clause, reporter, time_rule):
            continue
        sentence_start, sentence = stripped(sent)
        label = make_label(clause)
        if reporter and not label.startswith(reporter):
            label = f"{reporter}: {label}"
        rows.append({
            S.EVENT_ID: f"{doc_id}:{len(rows)}",
            S.DOC_ID: doc_id,
            S.PUBLISHED: pd.Timestamp(published) if published else None,
            S.SENTENCE: sentence,
            S.SENTENCE_START: sentence_start,
            S.CHAR_START: clause.char_start,
            S.CHAR_END: clause.char_end,
            S.EVENT: label,
            S.PREDICATE: clause.predicate,
            S.EVENT_TYPE: clause.event_type,
            S.SOURCE_ACTOR: clause.source.actor if clause.source else None,
            S.TARGET_ACTOR: clause.target.actor if clause.target else None,
            S.ACTORS: [m.actor for m in clause.actors],
            S.COUNTRIES: _countries(clause.actors),
            S.REPORTED: flags.reported,
            S.FUTURE: flags.future,
            S.HYPOTHETICAL: flags.hypothetical,
            S.NEGATED: flags.negated,
            **time_fields,
            S.REPORTED_BY: reporter or None,
            S.CONFIDENCE: _confidence(clause),
            S.RULE: ";".join([*clause.rules, time_rule]),
        })
    return rows


def _worth_a_row(clause: Clause, reporter: str, time_rule: str) -> bool:
    """What a reader keeps: an untyped clause only when it has a time of its own or is what a named
    speaker said (an undated "X controls" or "Y got out of the car" is noise). Flags do not filter:
    "failed to agree" and "would arrive by January" are news (on the dev gold, dropping hypothetical
    or negated rows loses key events)."""
    if clause.event_type != "OTHER":
        return True
    if "lexicon:none" in clause.rules:  # no type, no actor: a row only with a time of its own
        return time_rule == "time:in_clause"
    if time_rule != "time:publication" or bool(reporter):
        return True
    # a named doer in a main clause: "Beijing added South Korea to its list", "Seoul recalled its envoy"
    named = clause.source is not None and clause.source.kind != "group"
    return named and (clause.verb.dep_ == "ROOT" or (clause.verb.dep_ == "conj" and clause.verb.head.dep_ == "ROOT"))


def _time_governors(verb: Token) -> list[Token]:
    """The clauses whose time an embedded clause inherits, nearest first: up to the first reporting
    verb (the day something was said does not date what was said)."""
    out: list[Token] = []
    for gov, _dep in governors(verb):
        if speech_rules().speech_lemma(gov):
            break
        out.append(gov)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not speech_rules().speech_lemma(verb.head):
        out.insert(0, verb.head)  # "arrested … on Tuesday and released them": the first conjunct's time
    return out


def _mention_at(mentions: Sequence[Mention], tok: Token) -> Mention | None:
    return next((m for m in mentions if m.char_start <= tok.idx < m.char_end), None)


def _reported_by(clause: Clause, by_verb: dict[int, Clause], mentions: Sequence[Mention]) -> str:
    """Who the clause is reported by: the speaker of the clause of saying that governs it, or the X of
    "according to X"; "" when none is named (an empty speaker beats a wrong one)."""
    speech = speaker_clause(clause, by_verb)
    if speech is not None and speech is not clause:
        if speech.source is not None:
            return speech.source.actor
        subj = speech.subject
        if subj is not None and subj.pos_ == "PROPN":  # a name the actor finder did not know ("Xi")
            return " ".join(t.text for t in subj.subtree if t.pos_ == "PROPN") or subj.text
    tok = according_to_token(clause)
    if tok is not None:
        found = _mention_at(mentions, tok)
        return found.actor if found is not None else ""
    return ""
