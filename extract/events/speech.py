"""Reported facts, not speech acts: which speech clauses are rows, and who a reported fact is from.

"X said (that) Y" gives one row about Y with ``reported_by`` = X; the saying is a row of its own only
when saying is the news (a threat, a demand, a denial, an announcement without a content clause).
The word lists are data (``rules/events/speech.toml``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from extract.events.clauses import Clause
from extract.events.rules import lexicon, read_rules, require_list

CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
_ATTRIBUTION_BEFORE = frozenset({",", "\u201d", '"', "''"})


@dataclass(frozen=True)
class SpeechRules:
    """Speech lemmas by role (see speech.toml)."""

    reporting: frozenset[str]
    news: frozenset[str]
    content_first: frozenset[str]
    nouns: frozenset[str]
    examples: tuple[dict[str, object], ...]

    def speech_lemma(self, tok: Token) -> bool:
        lemma = lexicon().lemma(tok.lemma_)
        phrasal = with_particle(tok, lemma)
        return any(x in self.reporting or x in self.news for x in (lemma, phrasal))


def with_particle(verb: Token, lemma: str) -> str:
    """The phrasal lemma of a verb with its particle ("pointed *out*" → "point out"), else ``lemma``."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{lemma} {particle}" if particle else lemma


@lru_cache(maxsize=1)
def speech_rules() -> SpeechRules:
    """The speech rules of speech.toml (a missing or mistyped field fails naming file and field)."""
    data = read_rules("speech.toml")
    fields = {
        name: frozenset(w.lower() for w in require_list(data, "speech.toml", name, str))
        for name in ("reporting", "news", "content_first", "nouns")
    }
    examples = tuple(require_list(data, "speech.toml", "examples", dict))
    for i, ex in enumerate(examples):
        if not isinstance(ex.get("text"), str) or not isinstance(ex.get("rows"), list):
            raise ValueError(f"speech.toml: examples[{i}] needs a 'text' string and a 'rows' list")
    return SpeechRules(
        fields["reporting"], fields["news"], fields["content_first"], fields["nouns"], examples
    )


def _has_content(verb: Token) -> bool:
    return any(
        c.dep_ in CONTENT_DEPS or (c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")) for c in verb.children
    )


@lru_cache(maxsize=1)
def _question_verbs() -> frozenset[str]:
    return frozenset(require_list(read_rules("speech.toml"), "speech.toml", "question_verbs", str))


def _question_mark(clause: Token) -> bool:
    """A clause opened by "whether", or by "if" as a complement or after a verb of asking."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    asked = clause.dep_ == "advcl" and lexicon().lemma(clause.head.lemma_) in _question_verbs()
    return "whether" in marks or ("if" in marks and (clause.dep_ == "ccomp" or asked))


def indirect_question(verb: Token) -> bool:
    """A clause inside an indirect question, asked, not told ("Asked *if* Washington was ready to *lift*
    sanctions", "declined to say *whether* troops had *left*"), or the asking of one ("reporters *asked*
    whether …"): no happening. An "if" clause is a question only as a complement or after a verb of
    asking (``question_verbs`` in speech.toml); elsewhere it is a condition (a hypothetical, flagged)."""
    if lexicon().lemma(verb.lemma_) in _question_verbs() and any(
        c.dep_ in ("ccomp", "advcl") and _question_mark(c) for c in verb.children
    ):
        return True
    cur = verb
    for _ in range(4):
        if _question_mark(cur):
            return True
        if cur.dep_ not in ("xcomp", "acomp", "conj") or cur.head is cur:
            return False
        cur = cur.head
    return False


def keeps_row(clause: Clause) -> bool:
    """Whether a clause is a row: not a reporting clause, not a content-free speech noun, not a clause
    of an indirect question, and not a news speech act whose content clause carries the news
    ("announced that …")."""
    rules = speech_rules()
    if indirect_question(clause.verb):
        return False
    verb = clause.verb
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and lexicon().lemma(verb.head.lemma_) in rules.nouns
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
    ):  # "according to a statement *issued* by the Foreign Ministry on Thursday" is an attribution; not
        return False  # "NATO's announcement that it *had agreed* to …": the content of the noun
    if clause.pred is not clause.verb and clause.predicate in rules.nouns:
        return False
    lemma = clause.predicate
    if clause.pred is clause.verb and with_particle(verb, lemma) in rules.reporting:
        lemma = with_particle(verb, lemma)  # "Lee *pointed out* that …": a reporting verb, never a row
    if lemma in rules.reporting and verb.i > 0 and verb.nbor(-1).text in _ATTRIBUTION_BEFORE:
        return False  # "…, reported Yonhap news agency": an attribution, whatever its parse
    if any(r.startswith("sense:") for r in clause.rules):
        return True  # a sense of its own: "militants *claimed responsibility* for the attack" is news
    if lemma in rules.reporting and (clause.event_type == "STATEMENT" or lemma not in lexicon().speech_only):
        return False  # "Beijing added South Korea to its list" is no speech (speech_only, typed OTHER)
    # "announced that Rumsfeld would step down": the content is the row; "suggested the two sides *hold*
    # a meeting": a subjunctive is no row, the suggestion is
    if lemma not in rules.content_first:
        return True
    if lemma in _mandative():  # only a factual clause carries the news: not "proposing *to draw up*"
        return not any(c.dep_ in CONTENT_DEPS and not mandative_complement(c) for c in verb.children)
    return not (_has_content(verb) or _trails_content(verb))


def _trails_content(verb: Token) -> bool:
    """A speech verb hung after the clause it reports, parsed as that clause's adverbial or parataxis
    ("Jackson was suspended …, the club *announced* Monday"): its content is its head."""
    return (
        verb.dep_ in ("parataxis", "advcl")
        and verb.i > verb.head.i
        and verb.head.pos_ in ("VERB", "AUX")
        and any(
            c.dep_ == "nsubj" for c in verb.children
        )  # a speaker: not "sanctions, *announced* by Albright"
        and not any(m.dep_ in ("mark", "advmod") and m.i < verb.i for m in verb.children)
    )


def _according_to(verb: Token) -> Token | None:
    """The ``X`` of an "according to X" attached to the verb."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return None


def speaker_clause(clause: Clause, by_verb: Mapping[int, Clause]) -> Clause | None:
    """The speech clause that reports ``clause`` ("X said (that) <clause>", "<clause>, X said"), or None."""
    rules = speech_rules()
    cur = clause.verb
    for _ in range(6):  # up the chain of clauses embedding this one
        for child in cur.children:  # "<clause>, he said": the saying hangs off the content
            if _trails_content(child) and rules.speech_lemma(child):
                # not "… reached a peak *when* Aksener accused Germany": a clause of its own, no attribution
                found = by_verb.get(child.i)
                if found is not None:
                    return found
        while cur.dep_ == "conj" and cur.head is not cur:
            cur = cur.head
        if cur.dep_ not in ("ccomp", "xcomp", "conj") or cur.head is cur:
            return None
        cur = cur.head
        if cur.dep_ == "acomp" and cur.pos_ == "ADJ":
            cur = cur.head  # "said he was *prepared* to meet": the copula's clause is the content
        if rules.speech_lemma(cur) and cur.i in by_verb:
            return by_verb[cur.i]
    return None


def according_to_token(clause: Clause) -> Token | None:
    """The attributed source token of "according to X" in the clause or a governing clause."""
    cur = clause.verb
    for _ in range(4):
        found = _according_to(cur)
        if found is not None or cur.head is cur:
            return found
        cur = cur.head
    return None


@lru_cache(maxsize=1)
def _mandative() -> frozenset[str]:
    data = read_rules("flags.toml")["hypothetical"]
    return frozenset(require_list(data, "flags.toml", "mandative", str))


def mandative_complement(verb: Token) -> bool:
    """The complement of a verb of proposing or demanding in the present form, a subjunctive with or
    without "that" ("Abe *suggested* the two sides *hold* a meeting … and *boost* cooperation";
    ``mandative`` in flags.toml)."""
    first = verb
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX") and first.head.i < first.i:
        first = first.head
    return (
        first.dep_ == "ccomp"
        and all(_base_form(v) for v in (verb, first))
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children)
        and lexicon().lemma(first.head.lemma_) in _mandative()
    )


def _base_form(verb: Token) -> bool:
    """A verb whose tense is the base or present form: "hold", or "*be* indicted" (no "had", "will")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if auxes:
        return all(a.tag_ == "VB" and a.lower_ == "be" for a in auxes)
    return verb.tag_ in ("VB", "VBP")


def said_content(clause: Clause, by_verb: dict[int, Clause]) -> tuple[Token | None, bool]:
    """The content clause of a speech act that is a row ("warned *he would not let …*", "acknowledged
    *that a prisoner escaped*", "*France must repay …*, officials said") and whether that content is no
    typed row of its own (a modal, an untyped or a quoted clause): the label always carries it, the span
    only then."""
    if not speech_rules().speech_lemma(clause.verb):
        return None, False
    after = (c for c in clause.verb.children if c.dep_ in ("ccomp", "parataxis") and c.i > clause.verb.i)
    content = next(after, None) or content_first(clause)
    if content is None:
        return None, False
    found = by_verb.get(content.i)
    return content, found is None or found.event_type == "OTHER"


def content_first(clause: Clause) -> Token | None:
    """The content of an attribution after it ("*France must repay the aid*, officials said"): a clause
    with a subject of its own that opens the sentence and ends before the speaker."""
    speaker = next((c for c in clause.verb.children if c.dep_ == "nsubj"), None)
    if speaker is None:
        return None
    for child in clause.verb.children:
        if (
            child.dep_ == "ccomp"
            and child.right_edge.i < speaker.i < clause.verb.i
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            and all(t.is_punct for t in clause.sent[: child.left_edge.i - clause.sent.start])
        ):
            return child
    return None


def said_undated(speech: Clause | None, clause: Clause) -> bool:
    """What a speaker "has claimed" or "says" is no happening of the story's day: "Dunne *has claimed* he
    ended up handing over 1.3 million punts" is undated, not the day of the last row."""
    if speech is None or speech is clause:
        return False
    verb = speech.verb
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children)
    present = verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return perfect or present


def trailing_report(speech: Clause | None, clause: Clause) -> bool:
    """A speech clause hung after the clause it reports ("…, the club announced Monday"): reported."""
    return speech is not None and speech is not clause and speech.verb.dep_ in ("advcl", "parataxis")
