"""Statements that are the news: a saying kept as its speaker's row when what was said made none.

"X said (that) Y" is a row about Y (``speech``); when Y is a state, an opinion or a forecast ("Anwar said
debates over Islam's role *had become divisive*", "OPEC members *look set* to maintain output, the FT
said") no row is left, and the news is lost. A second pass over the built rows keeps such a saying as a
STATEMENT row of its speaker, labelled "X: Y" and dated by the saying, when the saying is news by its
place (the article's lead sentence) or by a date of its own ("said Sunday"); the speaker must be named
(in the lead, a common noun will do: "reports said") and the content a clause of its own that is no
hedge (rules/events/statements.toml, with examples).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import pandas as pd
from spacy.tokens import Doc, Span, Token

from extract import schema as S
from extract.actors import ActorMention as Mention
from extract.events.clauses import Clause
from extract.events.keep import VAGUE_VALUES
from extract.events.quotations import quotation_marks
from extract.events.rules import lexicon, read_rules, require_list
from extract.events.speech import _trails_content, indirect_question, speech_rules
from extract.events.timing import attach_time, doc_text

STATEMENT_RULE = "statement"
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_MAX_WORDS = 30


@dataclass(frozen=True)
class StatementRules:
    """statements.toml: content lemmas that say nothing is known or said, and the examples."""

    hedges: frozenset[str]
    examples: tuple[dict[str, Any], ...]


@lru_cache(maxsize=1)
def statement_rules() -> StatementRules:
    """The rules of statements.toml (a missing or mistyped field fails naming file and field)."""
    data = read_rules("statements.toml")
    hedges = frozenset(w.lower() for w in require_list(data, "statements.toml", "hedges", str))
    examples = tuple(require_list(data, "statements.toml", "examples", dict))
    for i, ex in enumerate(examples):
        if not isinstance(ex.get("text"), str) or not isinstance(ex.get("labels"), list):
            raise ValueError(f"statements.toml: examples[{i}] needs a 'text' string and a 'labels' list")
    return StatementRules(hedges, examples)


def content_span(speech: Clause) -> tuple[Token, int, int] | None:
    """The content clause of a saying, and the token range it covers: after the verb ("said *that the
    economy was strong*"), before it ("*OPEC looks set to …*, the FT said"), or the clause the saying
    trails ("*…*, the minister said Monday", parsed as that clause's parataxis)."""
    verb = speech.verb
    after = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if after is not None:
        lo = after.left_edge.i
        if after.left_edge.dep_ == "mark":
            lo += 1  # "that"
        return after, lo, after.right_edge.i + 1
    first = _opening_content(speech)
    if first is not None:
        return first, first.left_edge.i, first.right_edge.i + 1
    if _trails_content(verb):
        head = verb.head
        return head, speech.sent.start, min(verb.left_edge.i, *(t.i for t in head.subtree if t.i > head.i))
    return None


def _opening_content(speech: Clause) -> Token | None:
    """A content clause that opens the sentence and ends before the speaker, whatever its subject's
    attachment ("*OPEC members look set to maintain output*, the FT said")."""
    speaker = speech.subject
    sent_start = speech.sent.start
    for child in speech.verb.children:
        if (
            child.dep_ == "ccomp"
            and speaker is not None
            and child.right_edge.i < speaker.i < speech.verb.i
            and all(t.is_punct for t in speech.sent.doc[sent_start : child.left_edge.i])
        ):
            return child
    return None


def _says_something(content: Token) -> bool:
    """A clause with a subject of its own, not an extraposed "it" ("it was unclear whether"), no question,
    no saying and no hedge ("had no comment", "did not know")."""
    # the subject of the clause, or of its auxiliary where the parse hangs it there ("members *look* set")
    subjects = [
        t for t in content.subtree if t.dep_ in _SUBJECTS and t.i < content.i and t.head.i <= content.i
    ]
    if not subjects or any(s.lower_ == "it" for s in subjects) or indirect_question(content):
        return False
    if speech_rules().speech_lemma(content):
        return False  # a saying reported ("X said Y said …"): the inner saying is the statement, if any
    hedges = statement_rules().hedges
    words = [content, *(c for c in content.children if c.dep_ in ("acomp", "attr", "dobj", "xcomp"))]
    return not any(lexicon().lemma(w.lemma_) in hedges for w in words)


def _trimmed(content: Token, toks: list[Token]) -> list[Token]:
    """The content's words without edge punctuation, a dangling conjunction ("Mobutu is finished *but*")
    or a phrase after a comma that frames the saying, not what was said ("had become divisive*, in
    statements marking his return*": the parse hangs it on the content's verb)."""
    end = toks[-1].i if toks else content.i
    framing = [
        c.i
        for c in content.subtree
        if c.dep_ == "prep" and c.i > content.i and c.nbor(-1).text == "," and c.right_edge.i >= end - 1
    ]
    if framing:
        toks = [t for t in toks if t.i < min(framing)]
    while toks and (toks[-1].is_punct or toks[-1].dep_ in ("cc", "mark")):
        if toks[-1].is_quote and sum(t.is_quote for t in toks) % 2 == 0:
            break  # the closing mark of a quoted word: 'divisive and "worrying"'
        toks.pop()
    while toks and toks[0].is_punct and not toks[0].is_quote:
        toks.pop(0)  # not the mark that opens a quotation: 'told parliament that "the government wants …"'
    if toks and toks[0].is_quote and sum(t.is_quote for t in toks) % 2:
        toks.pop(0)  # a mark whose quotation the content leaves
    return toks


def _opening_cue(speech: Clause, toks: list[Token], cues: Sequence[dict[str, Any]]) -> list[Token]:
    """The tokens of a time cue that opens a content clause right after the verb of saying: the parse
    hangs "said *Wednesday night* he hoped" on the content, but the day is the saying's."""
    first = toks[0]
    if first.i <= speech.verb.i:
        return []
    for cue in cues:
        if int(cue[S.CHAR_START]) == first.idx:
            end = int(cue[S.CHAR_END])
            return [t for t in toks if t.idx < end]
    return []


def _speaker(speech: Clause, in_lead: bool) -> tuple[Mention | None, str] | None:
    """Who made the statement, and how the label names them: a named actor that is the saying's subject
    (no pronoun); in the lead also a common noun no actor stands for ("*reports* said Saturday", "*the
    Italian press* said"), named by its words, with no source (an empty source beats a wrong one)."""
    subj = speech.subject
    if subj is None or subj.pos_ == "PRON" or subj.dep_ != "nsubj":
        return None
    if speech.source is not None:
        return speech.source, speech.source.actor
    if not in_lead or subj.pos_ != "NOUN":
        return None
    words = [t.text for t in subj.subtree if t.i <= subj.i and t.dep_ != "det" and not t.is_punct]
    return None, " ".join(words)


def statement_rows(
    doc: Doc,
    clauses: Sequence[Clause],
    rows: Sequence[dict[str, Any]],
    cues: Sequence[dict[str, Any]],
    mentions: Sequence[Mention],
    published: date | None,
    doc_id: str,
    skip: Callable[[Span], bool],
) -> list[dict[str, Any]]:
    """STATEMENT rows for the sayings whose content made no row (no row's span overlaps it), kept when
    in the lead sentence or dated by a cue of their own (the saying's clause, not its content)."""
    text = doc_text(doc)
    quoted = quotation_marks(doc)
    lead = next((s for s in doc.sents if not skip(s) and any(t.is_alpha for t in s)), None)
    spans = [(int(r[S.CHAR_START]), int(r[S.CHAR_END])) for r in rows]
    reporting = speech_rules().reporting
    out: list[dict[str, Any]] = []
    for speech in clauses:
        if speech.predicate not in reporting or any(c.dep_ == "neg" for c in speech.verb.children):
            continue
        in_lead = lead is not None and speech.sent.start == lead.start
        who = _speaker(speech, in_lead)
        found = content_span(speech) if who is not None else None
        if who is None or found is None or skip(speech.sent) or not _says_something(found[0]):
            continue
        speaker, name = who
        content, lo, hi = found
        if quoted[content.i] and not any(c.dep_ == "mark" for c in content.children):
            continue  # a direct quotation is rhetoric ("“We are ready,” the minister said"); not "said that “…”"
        toks = _trimmed(content, list(doc[lo:hi]))
        said_when = _opening_cue(speech, toks, cues) if toks else []  # "said *Wednesday night* he hoped"
        toks = toks[len(said_when) :]
        if not toks:
            continue
        c_start, c_end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if any(a < c_end and c_start < b for a, b in spans):
            continue  # what was said is a row already: "Police said 24 students *were arrested*"
        fields, time_rule = attach_time(
            [*speech.tokens, *said_when], speech.verb, speech.sent, cues, published
        )
        dated = time_rule == S.TIME_IN_CLAUSE and fields.get(S.TIME_VALUE) not in VAGUE_VALUES
        if not in_lead and not dated:
            continue  # commentary: not the lead, and not a saying dated on its own (not "in the past")
        words = text[c_start:c_end].split()
        said = " ".join(words[:_MAX_WORDS]) + (" …" if len(words) > _MAX_WORDS else "")
        start, end = min(c_start, speech.char_start), max(c_end, speech.char_end)
        inside = [m for m in mentions if start <= m.char_start < end and m is not speaker]
        parties = [speaker, *inside] if speaker else inside
        sent = speech.sent
        raw = text[sent.start_char : sent.end_char]
        out.append(
            {
                S.EVENT_ID: "",
                S.DOC_ID: doc_id,
                S.PUBLISHED: pd.Timestamp(published) if published else None,
                S.SENTENCE: raw.strip(),
                S.SENTENCE_START: sent.start_char + (len(raw) - len(raw.lstrip())),
                S.CHAR_START: start,
                S.CHAR_END: end,
                S.EVENT: f"{name}: {said}",
                S.PREDICATE: speech.predicate,
                S.EVENT_TYPE: "STATEMENT",
                S.SOURCE_ACTOR: speaker.actor if speaker else None,
                S.TARGET_ACTOR: None,
                S.ACTORS: list(dict.fromkeys(m.actor for m in parties)),
                S.COUNTRIES: list(dict.fromkeys(m.country for m in parties if m.country)),
                S.REPORTED: False,
                S.FUTURE: False,
                S.HYPOTHETICAL: False,
                S.NEGATED: False,
                **fields,
                S.REPORTED_BY: None,
                S.CONFIDENCE: 0.6,
                S.RULE: f"{STATEMENT_RULE};{time_rule}",
            }
        )
        spans.append((start, end))
    return out
