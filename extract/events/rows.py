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
from extract.events.agents import quotation_marks
from extract.events.clauses import Clause, find_clauses
from extract.events.complements import for_to_complement
from extract.events.flags import governors, resolve_flags
from extract.events.furniture import FurnitureLine, in_furniture
from extract.events.happenings import Happenings, attack_clauses, casualty_details
from extract.events.labels import make_label, with_content
from extract.events.rules import flag_cues, lexicon
from extract.events.speech import according_to_token, keeps_row, speaker_clause, speech_rules
from extract.events.timing import attach_time, cue_records
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
    text = doc.text  # Doc.text (like Span.text) joins every token on each access: read it once, then slice

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
    rows: list[dict[str, Any]] = []
    row_verbs: set[int] = set()
    happenings = Happenings()
    narrative: dict[str, Any] | None = None  # the day the story last stated for a happening of its own
    for clause in clauses:
        if not keeps_row(clause) or clause.verb.i in part_of_another:
            continue  # "… killed in airstrikes *carried out by* Israeli aircraft": one happening, one row
        sent = clause.sent
        clause_text = text[clause.char_start : clause.char_end]
        flags = resolve_flags(clause.pred, clause.verb, clause_text)
        time_fields, time_rule = attach_time(
            clause.tokens,
            clause.verb,
            sent,
            cue_list,
            published,
            *_time_governors(clause.verb),
            _later_conjuncts(clause.verb) + acts.get(clause.verb.i, []),
        )
        speech = speaker_clause(clause, by_verb)
        reporter = _reported_by(clause, speech, mentions)
        # "now", "currently", "recently" date a row but are no time of its own that makes a clause news
        licence = VAGUE if time_fields.get(S.TIME_VALUE) in VAGUE_VALUES else time_rule
        if quoted[clause.verb.i] and not _quoted_news(clause, licence):
            # words inside a quotation are rhetoric unless a typed happening with its own date or a named
            # doer: not "“Many people have died,” he said", nor "“Today we pray for those who lost …”"
            continue
        if not _worth_a_row(clause, reporter, licence, typed_verbs, flags.hypothetical, time_rule):
            continue
        if happenings.detail(clause, time_rule):
            continue  # "… killed in Sunday's grenade attack. *Several grenades were thrown* …": one row
        happenings.add(clause)
        sentence_start, sentence = stripped(sent)
        span = _row_span(clause, speech, row_verbs)
        if time_rule == "time:conjunct" and time_fields.get(S.TIME_CHAR_END) is not None:
            # "were killed and five others wounded *on Thursday night*": the row stands on its date too
            span = (span[0], max(span[1], int(time_fields[S.TIME_CHAR_END])))
        label = make_label(clause)
        content, unsaid = _said_content(clause, by_verb)
        if content is not None:  # "warned *he would not let …*": the label carries what was said
            label = with_content(label, content)
        if content is not None and unsaid:  # and the span, when it is no row of its own
            last = max(content.subtree, key=lambda t: t.i)
            span = (span[0], max(span[1], last.idx + len(last.text)))
        if reporter and not label.startswith(reporter):
            label = f"{reporter}: {label}"
        if time_rule == "time:publication" and narrative is not None and _simple_past(clause.verb):
            time_fields, time_rule = {**time_fields, **narrative}, "time:narrative"
        elif time_rule in OWN_TIME and _news_day(time_fields, published) and not flags.future:
            narrative = {k: time_fields.get(k) for k in NARRATIVE_FIELDS}
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
            }
        )
    return rows


OWN_TIME = frozenset({"time:in_clause", "time:conjunct"})
VAGUE = "time:vague"  # a present or past reference only ("now", "currently"): no date of the clause's own
VAGUE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


NARRATIVE_FIELDS = (
    S.TIME_TEXT,
    S.TIME_TYPE,
    S.TIME_VALUE,
    S.TIME_MOD,
    S.TIME_KIND,
    S.START,
    S.END,
    S.GRANULARITY,
    S.TIME_CHAR_START,
    S.TIME_CHAR_END,
    S.UNDATED_REASON,
)


def _news_day(fields: dict[str, Any], published: date | None) -> bool:
    """A day of the past week, up to the publication day: the days a news story narrates."""
    start = fields.get(S.START)
    if published is None or fields.get(S.GRANULARITY) != "day" or start is None or pd.isna(start):
        return False
    day = pd.Timestamp(published)
    return bool(day - pd.Timedelta(days=7) <= pd.Timestamp(start) <= day)


def _simple_past(verb: Token) -> bool:
    """A verb in the simple past ("Fittipaldi *followed*"), the tense of a narrative's own time."""
    return verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _quoted_news(clause: Clause, time_rule: str) -> bool:
    """A typed happening inside a quotation with a date of its own ("“We will visit Beijing next week,”
    said Shen") or a doer the text names ("“the AU mission is expected to hold discussions with its
    Ugandan counterparts,” the release said"); not a pronoun's ("“We will fight on”")."""
    if clause.event_type == "OTHER":
        return False
    named = clause.source is not None and not any(r.startswith("source:pronoun") for r in clause.rules)
    return time_rule in OWN_TIME or named


def _conditional(verb: Token) -> bool:
    """A clause under "if", "unless" or "whether" (``marks`` in flags.toml): a condition or a question."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in flag_cues().marks for c in verb.children)


def _modal(verb: Token) -> bool:
    """A clause with a modal of possibility or advice ("might", "could", "should"; not "would")."""
    cues = flag_cues()
    return any(
        c.dep_ == "aux" and c.lower_ in cues.aux["hypothetical"] - cues.future_in_past for c in verb.children
    )


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _simple_present(verb: Token) -> bool:
    """A verb in the simple present, the tense of states and habits ("The PA faces a deficit")."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _worth_a_row(
    clause: Clause,
    reporter: str,
    time_rule: str,
    typed_verbs: set[int],
    hypothetical: bool = False,
    dated_by: str = "",
) -> bool:
    """What a reader keeps: a row needs a doer or a time of its own; an untyped clause needs a time of
    its own, a named speaker, or a doer in a main clause (an undated "X is running" or "Y got out of
    the car" is noise), and without a time of its own it is neither a possibility ("could pool their
    wisdom") nor a state or habit in the simple present ("Teachers earn 300 dollars a month"). Flags do not filter: "failed to agree" and "would arrive by January" are news
    (on the dev gold, dropping hypothetical or negated rows loses key events). ``time_rule`` is
    ``VAGUE`` for a clause dated only by "now" or "currently" (``dated_by``: its real time rule): such a
    cue dates a happening ("has now been removed") but licenses no possibility, state or quotation."""
    if clause.source is None and (dated_by or time_rule) not in OWN_TIME and not _undergone(clause):
        return False  # neither who nor when: "visiting Abbas", "the legislation gives"
    if time_rule not in OWN_TIME and (_conditional(clause.verb) or _modal(clause.verb)):
        # "declined to comment on whether the president would meet Tung", "negotiators might also
        # attend": no happening ("would" after a verb of saying is a future: "said ASEAN would discuss")
        return False
    if clause.event_type != "OTHER":
        return True
    if clause.verb.dep_ == "acl" and clause.verb.tag_ == "VBG":
        return False  # an untyped participle describes its noun: "departments *ringing* the capital"
    if time_rule not in OWN_TIME and lexicon().lemma(clause.verb.lemma_) in lexicon().xcomp_first:
        return False  # an attempt or phase of no typed act, undated: "the crowd *began* to disperse"
    if clause.subject is None and clause.patient is None and _to_infinitive(clause.verb):
        return False  # an untyped purpose about nobody: "(the weekly) *to be published* Sunday"
    if time_rule not in OWN_TIME and (hypothetical or _simple_present(clause.verb)):
        return False  # "all the parties could pool their wisdom", "Teachers earn 300 dollars a month"
    if time_rule not in OWN_TIME and any(
        c.dep_ == "advcl" and c.i in typed_verbs for c in clause.verb.children
    ):
        return False  # "Russia went to attack Kyiv": the purpose is the event
    if time_rule != "time:publication" or bool(reporter):
        return True
    # a doer in a main clause: "Beijing added South Korea to its list", "Seoul recalled its envoy"
    named = clause.source is not None  # a name or a common-noun group ("Police set up checkpoints")
    return named and (
        clause.verb.dep_ == "ROOT" or (clause.verb.dep_ == "conj" and clause.verb.head.dep_ == "ROOT")
    )


def _undergone(clause: Clause) -> bool:
    """A typed happening stated in the passive with no doer ("Two defendants were cleared of all
    charges", "100 people were arrested", "ex-Gurkhas would be recruited"): the text names who it
    happened to, and that is news (the events-dev guidelines give such rows a null source); not a
    modal one ("he should be refused a visit") nor a condition ("if he is arrested")."""
    if clause.event_type in ("OTHER", "STATEMENT") or clause.patient is None or clause.pred.dep_ == "xcomp":
        return False  # "the talks are expected to discuss …": the xcomp's event has a doer of its own
    if _conditional(clause.verb) or _modal(clause.verb):
        return False
    return clause.patient.pos_ in ("NOUN", "PROPN", "PRON", "NUM")


def _time_governors(verb: Token) -> tuple[list[Token], list[Token]]:
    """The clauses whose time an embedded clause inherits, nearest first, and apart the reporting
    clause above them (its day dates what was said only when nothing closer does: "Tung said
    *Wednesday* that he had scrapped plans")."""
    out: list[Token] = []
    reporting: list[Token] = []
    for gov, _dep in governors(verb):
        if speech_rules().speech_lemma(gov):
            reporting.append(gov)
            break
        out.append(gov)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        if speech_rules().speech_lemma(verb.head):
            reporting.insert(0, verb.head)  # "said Wednesday he was ready …, but warned": the same day
        else:
            out.insert(0, verb.head)  # "arrested … on Tuesday and released them": the first conjunct's time
    return out, reporting


def _later_conjuncts(verb: Token) -> list[Token]:
    """ "were killed and five others wounded on Thursday night": the coordination shares its time; so does
    a clause of the same moment ("youths threw rocks, *while* police fired shots on Tuesday"; the
    subordinators are ``simultaneous_marks`` in flags.toml)."""
    marks = flag_cues().simultaneous
    return [
        c
        for c in verb.children
        if (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
        or (c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in marks for m in c.children))
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


def _said_content(clause: Clause, by_verb: dict[int, Clause]) -> tuple[Token | None, bool]:
    """The content clause of a speech act that is a row ("warned *he would not let …*", "acknowledged
    *that a prisoner escaped*") and whether that content is no typed row of its own (a modal, an
    untyped or a quoted clause): the label always carries it, the span only then."""
    if not speech_rules().speech_lemma(clause.verb):
        return None, False
    for child in clause.verb.children:
        if child.dep_ in ("ccomp", "parataxis") and child.i > clause.verb.i:
            found = by_verb.get(child.i)
            return child, found is None or found.event_type == "OTHER"
    return None, False


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
