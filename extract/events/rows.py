"""Events of one parsed document: clauses → typed, flagged, timed rows of schema ``S.EVENTS``.

The pieces live in small modules: ``clauses`` (predicate, type, source/target from the parse),
``flags`` (reported/future/hypothetical/negated), ``timing`` (governing time cue or
publication date), ``labels`` (readable label), ``furniture`` (lines that are not news).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import pandas as pd
from spacy.tokens import Doc, Span, Token

from extract import schema as S
from extract.actors import ActorMention as Mention
from extract.events.clauses import Clause, find_clauses, shared_patient_start
from extract.events.complements import for_to_complement
from extract.events.flags import governors, resolve_flags
from extract.events.furniture import FurnitureLine, in_furniture
from extract.events.happenings import Happenings, attack_clauses, casualty_details, toll_cues, toll_subject
from extract.events.incidents import incident_clauses, with_incident
from extract.events.keep import VAGUE, VAGUE_VALUES, Narrative, worth_a_row
from extract.events.labels import make_label, with_said
from extract.events.nominals import foreign_cues, nominal_rows, noun_cues
from extract.events.origins import own_origin
from extract.events.pairs import Pairs
from extract.events.quotations import quotation_marks
from extract.events.quoted import quoted_news
from extract.events.rules import flag_cues, happening_rules
from extract.events.speech import (
    according_to_token,
    keeps_row,
    said_content,
    said_undated,
    speaker_clause,
    speech_rules,
    trailing_report,
)
from extract.events.statements import statement_rows
from extract.events.timing import attach_time, cue_records, doc_text
from extract.events.timing_lead import lead_dated
from extract.events.timing_nouns import event_of_relative, stated_by
from extract.events.timing_order import StoryDay
from extract.timecues import find_dateline


def strip_dateline(text: str) -> str:
    """The text with its dateline ("GENEVA, May 3 (Reuters) -") replaced by spaces, to be parsed.

    A dateline parsed as a sentence start makes its city a party ("GENEVA ... - Armenia and
    Azerbaijan agreed" had Switzerland agreeing); blanking keeps every offset of the text."""
    found = find_dateline(text)
    if found is None:
        return text
    end = found.char_end
    while end < len(text) and text[end] in " \t-\u2013\u2014_":
        end += 1
    return text[: found.char_start] + " " * (end - found.char_start) + text[end:]


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
    text = doc_text(doc)  # Doc.text (like Span.text) joins every token on each access: read it once

    def stripped(sent: Span) -> tuple[int, str]:
        """The sentence's text without surrounding whitespace, and where that starts."""
        raw = text[sent.start_char : sent.end_char]
        return sent.start_char + (len(raw) - len(raw.lstrip())), raw.strip()

    def skip(sent: Span) -> bool:
        lo, sentence = stripped(sent)
        return not sentence or in_furniture(lines, lo, lo + len(sentence))

    cue_list = cues if isinstance(cues, list) else cue_records(cues)
    clauses = find_clauses(doc, mentions, skip)
    quoted = quotation_marks(doc)
    by_verb = {c.verb.i: c for c in clauses}
    typed_verbs = {c.verb.i for c in clauses if c.event_type != "OTHER"}
    acts = {c.verb.i: attack_clauses(c) for c in clauses if "source:instrument" in c.rules}
    part_of_another = {v.i for verbs in acts.values() for v in verbs} | casualty_details(clauses)
    # "Eight children were killed *when a bus plunged into a river*": the incident told after its casualties
    # is part of their row when they have one (``told_in``: incident verb → casualty verb)
    incidents = {c.verb.i: found for c in clauses if (found := incident_clauses(c, by_verb))}
    told_in = {x.verb.i: verb_i for verb_i, found in incidents.items() for x in found}
    rows: list[dict[str, Any]] = []
    row_verbs: set[int] = set()
    happenings = Happenings()
    pairs = Pairs()  # "the two leaders agreed": the two parties of the last row that had both
    nouns = noun_cues(doc, cue_list)  # "last Sunday's *explosion*": cues that date an event noun
    incident = happening_rules()[0]
    narrative = Narrative(published)  # the day the story last stated for a happening of its own
    story_day = StoryDay()  # the last day a row was dated by
    for clause in clauses:
        if (
            not keeps_row(clause)
            or clause.verb.i in part_of_another
            or told_in.get(clause.verb.i) in row_verbs
        ):
            continue  # "… killed in airstrikes *carried out by* Israeli aircraft": one happening, one row
        if own_origin(clause.verb, clause.source, clause.target):
            clause.target, clause.obj = None, None  # "Bush departed Washington": no target
        sent = clause.sent
        clause_text = text[clause.char_start : clause.char_end]
        flags = resolve_flags(clause.pred, clause.verb, clause_text)
        toll = toll_subject(clause.verb)
        if toll is not None:  # "the death toll from Sunday's blast rose to 169": a count of its own
            clause.event_type, clause.rules = "OTHER", [*clause.rules, "toll"]
        speech = speaker_clause(clause, by_verb)
        inherited, reporting = _time_governors(clause.verb)
        if not reporting and speech is not None and speech is not clause:
            reporting = [speech.verb]  # "Jackson was suspended …, the club *announced Monday*"
        time_fields, time_rule = attach_time(
            clause.tokens,
            clause.verb,
            sent,
            cue_list,
            published,
            inherited,
            reporting,
            _later_conjuncts(clause.verb, clause.pred)
            + acts.get(clause.verb.i, [])
            + [x.verb for x in incidents.get(clause.verb.i, [])],
            frozenset(
                toll_cues(toll, cue_list) | foreign_cues(nouns, clause.pred, clause.event_type, incident)
            ),
        )
        time_fields, time_rule = lead_dated(clause, clauses, cue_list, published, time_fields, time_rule)
        reporter = _reported_by(clause, speech, mentions)
        # "now", "currently", "recently" date a row but are no time of its own that makes a clause news
        licence = VAGUE if time_fields.get(S.TIME_VALUE) in VAGUE_VALUES else time_rule
        if quoted[clause.verb.i] and not quoted_news(clause, licence):
            # words inside a quotation are rhetoric unless a typed happening with its own date or a named
            # doer: not "“Many people have died,” he said", nor "“Today we pray for those who lost …”"
            continue
        if not worth_a_row(clause, reporter, licence, typed_verbs, flags.hypothetical, time_rule):
            continue
        if happenings.detail(clause, time_rule) or happenings.restated(clause, time_rule):
            continue  # "… killed in Sunday's grenade attack. *Several grenades were thrown* …": one row
        happenings.add(clause)
        sentence_start, sentence = stripped(sent)
        span = _row_span(clause, speech, row_verbs)
        span = (max(span[0], sentence_start), span[1])  # not the blank a line break leaves before it
        if time_rule == S.TIME_CONJUNCT and time_fields.get(S.TIME_CHAR_END) is not None:
            # "were killed and five others wounded *on Thursday night*": the row stands on its date too
            span = (span[0], max(span[1], int(time_fields[S.TIME_CHAR_END])))
        label = make_label(clause)
        if clause.verb.i in incidents:  # "Eight children were killed when a bus veered off a bridge"
            clause, label, span = with_incident(clause, label, span, incidents[clause.verb.i])
        label, span = with_said(clause, label, span, *said_content(clause, by_verb))
        if reporter and not label.startswith(reporter):
            label = f"{reporter}: {label}"
        unnarrated = flags.future or toll is not None or said_undated(speech, clause)
        time_fields, time_rule = narrative.date(clause.verb, time_fields, time_rule, unnarrated)
        time_fields, time_rule = story_day.date(clause.verb, time_fields, time_rule)  # "two days after"
        source, target, actors = clause.source, clause.target, list(clause.actors)
        paired = pairs.resolve(doc, source, clause.subject)
        if paired is not None and target is None:
            source, target = paired
            actors = [*paired, *(m for m in actors if m is not clause.source)]
        pairs.add(source, target, actors)
        row_verbs.add(clause.verb.i)
        rows.append(
            {
                S.EVENT_ID: f"{doc_id}:{len(rows)}",
                S.DOC_ID: doc_id,
                S.PUBLISHED: pd.Timestamp(published) if published else None,
                S.SENTENCE: sentence,
                S.SENTENCE_START: sentence_start,
                S.CHAR_START: span[0],
                S.CHAR_END: span[1],
                S.EVENT: label,
                S.PREDICATE: clause.predicate,
                S.EVENT_TYPE: clause.event_type,
                S.SOURCE_ACTOR: source.actor if source else None,
                S.TARGET_ACTOR: target.actor if target else None,
                S.ACTORS: [m.actor for m in actors],
                S.COUNTRIES: _countries(actors),
                S.ROW_MENTIONS: [m for m in (source, target, *actors) if m is not None],
                S.REPORTED: flags.reported or trailing_report(speech, clause),
                S.FUTURE: flags.future,
                S.HYPOTHETICAL: flags.hypothetical,
                S.NEGATED: flags.negated,
                **time_fields,
                S.REPORTED_BY: reporter or None,
                S.CONFIDENCE: _confidence(clause),
                S.RULE: ";".join([*clause.rules, time_rule]),
            }
        )
    return _with_nominals(rows, doc, clauses, row_verbs, cue_list, mentions, published, doc_id, skip)


def _with_nominals(
    rows: list[dict[str, Any]],
    doc: Doc,
    clauses: Sequence[Clause],
    row_verbs: set[int],
    cues: list[dict[str, Any]],
    mentions: Sequence[Mention],
    published: date | None,
    doc_id: str,
    skip: Callable[[Span], bool],
) -> list[dict[str, Any]]:
    """The clause rows with the dated event nouns no clause row stands for ("the toll from *last Sunday's
    explosion* rose"; ``nominals``) and the statements that are news (``statements``), in text order."""
    busy = {c.pred.i for c in clauses if c.verb.i in row_verbs}
    extra = nominal_rows(doc, cues, rows, busy, mentions, published, doc_id, skip)
    extra += statement_rows(doc, clauses, [*rows, *extra], cues, mentions, published, doc_id, skip)
    if not extra:
        return rows
    merged = sorted(rows + extra, key=lambda r: (int(r[S.CHAR_START]), int(r[S.CHAR_END])))
    for n, row in enumerate(merged):
        row[S.EVENT_ID] = f"{doc_id}:{n}"
    return merged


def _time_governors(verb: Token) -> tuple[list[Token], list[Token]]:
    """The clauses whose time an embedded clause inherits, nearest first, and apart the reporting
    clause above them (its day dates what was said only when nothing closer does: "Tung said
    *Wednesday* that he had scrapped plans")."""
    out: list[Token] = []
    reporting: list[Token] = []
    said_in = stated_by(verb)  # "the announcement on Monday *that it had agreed*": the noun's day
    for gov, _dep in governors(verb):
        if speech_rules().speech_lemma(gov) or (said_in is not None and gov.i == said_in.i):
            reporting.append(gov)
            break
        out.append(gov)
    if (event := event_of_relative(verb)) is not None:
        out.insert(0, event)  # "a 1975 coup in which … was killed": the noun's date (timing.toml)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        if speech_rules().speech_lemma(verb.head):
            reporting.insert(0, verb.head)  # "said Wednesday he was ready …, but warned": the same day
        else:
            out.insert(0, verb.head)  # "arrested … on Tuesday and released them": the first conjunct's time
    return out, reporting


def _later_conjuncts(verb: Token, pred: Token | None = None) -> list[Token]:
    """ "were killed and five others wounded on Thursday night": the coordination shares its time; so does
    a clause of the same moment ("youths threw rocks, *while* police fired shots on Tuesday"; the
    subordinators are ``simultaneous_marks`` in flags.toml), also one of the verb's xcomp predicate
    ("had to be *evacuated when* a fire broke out … on Thursday")."""
    marks = flag_cues().simultaneous
    present = verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    will = flag_cues().aux["future"]
    heads = [verb, *([pred] if pred is not None and pred.dep_ == "xcomp" and pred.head.i == verb.i else [])]
    later = [
        c
        for head in heads
        for c in head.children
        if not (present and c.tag_ == "VBD")  # "Palestinians *want* … and on Sunday the Brigades *gave*":
        # a present state borrows no past date, nor a past act a future one's ("Rosicky *limped off* … and
        # *will miss* Wednesday's trip")
        and not (verb.tag_ == "VBD" and any(a.dep_ == "aux" and a.lower_ in will for a in c.children))
        and (
            (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
            or (
                c.dep_ == "advcl"
                and any(m.dep_ in ("mark", "advmod") and m.lower_ in marks for m in c.children)
            )
        )
    ]
    # "schools were shut down and the elderly *told* to stay indoors *on Tuesday*": the parser hangs a
    # sentence-final day on a past conjunct's infinitive; it dates the telling, so the coordination too
    return later + [
        x
        for c in later
        if c.dep_ == "conj" and c.tag_ in ("VBD", "VBN")
        for x in c.children
        if x.dep_ == "xcomp"
    ]


_NOT_PART = frozenset({"relcl", "advcl", "parataxis", "conj", "cc", "punct"})


def _row_span(clause: Clause, speech: Clause | None, row_verbs: set[int]) -> tuple[int, int]:
    """The text a row stands on: its clause with the complements that complete it ("convicted … *of
    possessing passports*", "agreed *for Gurkhas to monitor*"), and the clause of saying before it
    ("*Bush said* he met Gates"), or the noun phrase a relative or participle clause tells about ("*the
    mine head Geng Runyu* who fled"); not its own relative, adverbial or coordinated clauses."""
    verb = clause.verb
    toks = list(clause.tokens)
    for child in verb.children:
        if (child.dep_ in _NOT_PART and not for_to_complement(child)) or (
            child.dep_ == "ccomp" and speech_rules().speech_lemma(verb)
        ):
            continue
        toks.extend(child.subtree)
    if verb.dep_ in ("relcl", "acl") and verb.head.i < verb.i:
        toks.extend(t for t in verb.head.subtree if t.i <= verb.head.i)
    subj = clause.subject
    shared = subj is not None and subj.head.i != verb.i
    if (
        subj is not None
        and clause.sent.start <= subj.i < verb.i
        and subj.dep_ != "pobj"
        and not (shared and verb.head.i in row_verbs)
    ):
        # its own subject, or one shared with a first conjunct that is no row: "*Hamas*, bent on Israel's
        # destruction, formed a government", "*Tung* said he was disappointed … and warned him" (not
        # "Police arrested 19 … and charged three")
        toks.extend(t for t in subj.subtree if t.i <= subj.i)
    undergone_from = shared_patient_start(clause, row_verbs)  # "*He argued the call and* was ejected"
    if undergone_from is not None:
        toks.extend(t for t in clause.sent if undergone_from <= t.i < verb.i)
    start = min(t.idx for t in toks)
    end = (
        max(t.idx + len(t.text) for t in toks if not t.is_punct)
        if any(not t.is_punct for t in toks)
        else clause.char_end
    )
    if (
        speech is not None
        and speech is not clause
        and speech.sent.start == clause.sent.start
        and speech.char_start < start
    ):
        start = min(start, speech.char_start)
    return min(start, clause.char_start), max(end, clause.char_end)


def _mention_at(mentions: Sequence[Mention], tok: Token) -> Mention | None:
    return next((m for m in mentions if m.char_start <= tok.idx < m.char_end), None)


def _reported_by(clause: Clause, speech: Clause | None, mentions: Sequence[Mention]) -> str:
    """Who the clause is reported by: the speaker of the clause of saying that governs it, or the X of
    "according to X"; "" when none is named (an empty speaker beats a wrong one)."""
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
