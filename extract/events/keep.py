"""Which clauses are rows a reader keeps: a doer or a date of its own, no possibility or state without
one, no rhetoric in quotations; and the day a narrative clause without a date of its own continues.

Used by ``rows.event_rows``; the rules are described in docs/event_types.md ("Which clauses become
events").
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
from spacy.tokens import Token

from extract import schema as S
from extract.events.background import habitual, nothing_happened, past_progressive, present_be
from extract.events.clauses import Clause
from extract.events.complements import purpose_content
from extract.events.happenings import toll_subject
from extract.events.modifiers import dates_event_noun, describes_noun
from extract.events.narration import concurrent, told_as_past
from extract.events.predictions import effect_foretold, prediction
from extract.events.rules import flag_cues, lexicon, named_subject_rules
from extract.events.speech import mandative_complement

OWN_TIME = frozenset({S.TIME_IN_CLAUSE, S.TIME_CONJUNCT})
VAGUE = S.TIME_VAGUE  # a present or past reference only ("now", "currently"): no date of the clause's own
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


class Narrative:
    """The news day a story last stated for a happening of its own, which an undated clause in the simple
    past continues ("Mansell won the race on Sunday. Fittipaldi *followed*": Sunday; ``time:narrative``)."""

    def __init__(self, published: date | None) -> None:
        self.published = published
        self.day: dict[str, Any] | None = None
        self.last_news = True  # the last date a row stated was a day of the news week

    def date(
        self, verb: Token, fields: dict[str, Any], rule: str, not_narrated: bool
    ) -> tuple[dict[str, Any], str]:
        """The clause's time fields and rule, narrative when it has none of its own; a clause with a news
        day of its own becomes the narrative day. ``not_narrated``: a future or a toll, neither continues
        nor sets the story's day ("the toll rose to 169" is a count of the day of the report)."""
        if not_narrated or concurrent(verb):
            return fields, rule
        if (
            rule == S.TIME_PUBLICATION
            and self.day is not None
            and simple_past(verb)
            and not _earlier_occasion(verb)
            and verb.dep_ != "relcl"  # "13,000 refugees *who fled* the lawlessness": a description
        ):
            if self.last_news or not _sequel(verb):
                return {**fields, **self.day}, S.TIME_NARRATIVE
            return (
                fields,
                rule,
            )  # "… after leaving Bhutan in 1990. Bhutan *later* expelled more": not the news day
        if rule in OWN_TIME and not dates_event_noun(verb) and told_as_past(verb):
            self.last_news = news_day(fields, self.published)
            if self.last_news:
                self.day = {k: fields.get(k) for k in NARRATIVE_FIELDS}
        return fields, rule


def _earlier_occasion(verb: Token) -> bool:
    """A clause placed at an earlier occasion, an event noun ("Likud won 38 seats *at the last election*";
    ``earlier_words`` in flags.toml): not the news day the story narrates."""
    earlier = flag_cues().earlier
    return any(
        prep.dep_ == "prep"
        and any(
            pobj.dep_ == "pobj"
            and lexicon().noun_type(pobj.lemma_) is not None  # an event noun: not "at the last minute"
            and any(m.dep_ == "amod" and m.lower_ in earlier for m in pobj.children)
            for pobj in prep.children
        )
        for prep in verb.children
    )


def _sequel(verb: Token) -> bool:
    """A clause placed after the last date the text stated ("Bhutan *later* expelled more"; ``sequel_words``
    in flags.toml), not after the news day."""

    # a bare one: "followed *0.4 seconds later*" counts from the race it follows
    return any(
        c.dep_ == "advmod" and c.lower_ in flag_cues().sequel and not any(c.children) for c in verb.children
    )


def news_day(fields: dict[str, Any], published: date | None) -> bool:
    """A day of the past week, up to the publication day: the days a news story narrates."""
    start = fields.get(S.START)
    if published is None or fields.get(S.GRANULARITY) != "day" or start is None or pd.isna(start):
        return False
    day = pd.Timestamp(published)
    return bool(day - pd.Timedelta(days=7) <= pd.Timestamp(start) <= day)


def simple_past(verb: Token) -> bool:
    """A verb in the simple past ("Fittipaldi *followed*"), the tense of a narrative's own time."""
    return verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def quoted_news(clause: Clause, time_rule: str) -> bool:
    """A typed happening inside a quotation with a date of its own ("“We will visit Beijing next week,”
    said Shen") or a doer the text names ("“the AU mission is expected to hold discussions with its
    Ugandan counterparts,” the release said"); not a pronoun's ("“We will fight on”")."""
    if clause.event_type == "OTHER":
        return False
    if time_rule in OWN_TIME:
        return True
    named = clause.source is not None and not any(r.startswith("source:pronoun") for r in clause.rules)
    # a state, stance or habit in the simple present is rhetoric, whoever it names: "“The UPDF *is
    # determined* to defend the country and also defend a government,” said Nyakairima"
    return named and not _simple_present(_tense_head(clause.verb))


def _tense_head(verb: Token) -> Token:
    """The verb that carries the tense of a clause: itself, or up through a conjunct or an infinitive
    without auxiliaries of its own and an adjective they complete ("is determined to defend … and also
    *defend*" → "is")."""
    for _ in range(6):
        own = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ != "to"]
        if own or verb.dep_ not in ("conj", "xcomp") or verb.head is verb:
            return verb
        head = verb.head
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "conj"):
            while head.dep_ == "conj" and head.head.pos_ == "ADJ":
                head = head.head
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return verb
        verb = head
    return verb


def _conditional(verb: Token) -> bool:
    """A clause under "if", "unless" or "whether" (``marks`` in flags.toml): a condition or a question."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in flag_cues().marks for c in verb.children)


def _own_aux(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _first_conjunct(verb: Token) -> Token:
    """The verb whose auxiliaries a later conjunct without its own shares ("Arabs *should* overcome their
    differences and resist attempts": "resist" is as modal as "overcome")."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not _own_aux(verb):
        verb = verb.head
    return verb


def _modal(verb: Token) -> bool:
    """A clause with a modal of possibility or advice ("might", "could", "should"; not "would"), also
    through the first conjunct it shares its auxiliaries with, or an act that is not (yet) real: a
    subjunctive or a to-infinitive that is the content of a noun (``unrealised``)."""
    cues = flag_cues()
    head = _first_conjunct(verb)
    return unrealised(verb) or any(
        c.dep_ == "aux" and c.lower_ in cues.aux["hypothetical"] - cues.future_in_past for c in head.children
    )


def unrealised(verb: Token) -> bool:
    """An act asked for, proposed or allowed, not one that happened: a subjunctive ("recommendations that
    Netanyahu *be indicted*", "demanded that he *resign*") or a to-infinitive that is the content of a
    noun ("calls for Mobutu *to give way*", "an application for the court *to pay* costs") or of a wish
    ("want the truce *to be extended*")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if (
        subject
        and verb.dep_ in ("ccomp", "acl", "advcl")
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    ):
        base = (not auxes and verb.tag_ == "VB") or (
            len(auxes) == 1 and auxes[0].tag_ == "VB" and auxes[0].lower_ == "be"
        )
        if base:
            return True
    if mandative_complement(verb) or purpose_content(_first_conjunct(verb)):
        return True
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    wished = (  # "Palestinians *want* the truce *to be extended*": a wish, with a subject of its own
        subject
        and verb.dep_ in ("ccomp", "xcomp")
        and lexicon().lemma(verb.head.lemma_) in flag_cues().governors["hypothetical"]
    )
    return to and (wished or (verb.dep_ in ("acl", "advcl") and verb.head.pos_ in ("NOUN", "PROPN")))


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _simple_present(verb: Token) -> bool:
    """A verb in the simple present, the tense of states and habits ("The PA faces a deficit")."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def worth_a_row(
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
    if (
        describes_noun(clause.verb, (dated_by or time_rule) in OWN_TIME)
        or habitual(clause.verb)
        or nothing_happened(clause.verb, clause.pred)
    ):
        # "troops *backed by* Afghan forces" (modifiers.toml), "*regularly* changed", "*suffered no*
        # catastrophes" (background.toml)
        return False
    toll = toll_subject(clause.verb) is not None  # "the death toll rose to 169": a fact without a doer
    if (
        clause.source is None
        and (dated_by or time_rule) not in OWN_TIME
        and not (toll or _undergone(clause) or _named_subject(clause, reporter) or lead_news(clause))
    ):
        return False  # neither who nor when: "visiting Abbas", "the legislation gives"
    if time_rule not in OWN_TIME and (
        _conditional(clause.verb) or _modal(clause.verb) or prediction(clause.verb)
    ):
        # "declined to comment on whether the president would meet Tung", "negotiators might also
        # attend": no happening ("would" after a verb of saying is a future: "said ASEAN would discuss")
        return False
    if toll:
        return True
    head = _tense_head(clause.verb)
    if time_rule != S.TIME_IN_CLAUSE and not reporter and past_progressive(head):
        return False  # background: "31 miners *were working* in the shaft" (background.toml)
    if time_rule not in OWN_TIME and head.dep_ == "relcl" and (_simple_present(head) or present_be(head)):
        # a stance or state that describes someone, typed or not: "Erbakan, who *opposes* close ties with
        # the Jewish state", "Congress, which *is* highly supportive of Lee"
        return False
    if clause.event_type != "OTHER" or _occasion(clause):
        return True
    if lead_news(clause):
        return True  # "Thirty-six wild ducks in Canada *have tested* positive …": the story's news
    if clause.verb.dep_ == "acl" and clause.verb.tag_ == "VBG":
        return False  # an untyped participle describes its noun: "departments *ringing* the capital"
    if (
        time_rule not in OWN_TIME
        and not (
            reporter and clause.source is not None
        )  # "Beckett said British troops would continue to stay"
        and lexicon().lemma(clause.verb.lemma_) in lexicon().xcomp_first
    ):
        return False  # an attempt or phase of no typed act, undated: "the crowd *began* to disperse"
    if clause.subject is None and clause.patient is None and _to_infinitive(clause.verb):
        return False  # an untyped purpose about nobody: "(the weekly) *to be published* Sunday"
    said_would = bool(
        reporter
    ) and any(  # "said British troops *would* continue to stay": a future of the past
        c.dep_ == "aux" and c.lower_ in flag_cues().future_in_past for c in clause.verb.children
    )
    if time_rule not in OWN_TIME and (
        (hypothetical and not said_would) or (_simple_present(clause.verb) and not _plan(clause.verb))
    ):
        return False  # "all the parties could pool their wisdom", "Teachers earn 300 dollars a month"
    if time_rule not in OWN_TIME and (
        effect_foretold(clause.verb, clause.subject)
        or any(c.dep_ == "advcl" and c.i in typed_verbs for c in clause.verb.children)
    ):
        # "Stanishev's *visit* … *will contribute* to deepening relations": an assessment (predictions.toml);
        return False  # "Russia went to attack Kyiv": the purpose is the event
    if time_rule != S.TIME_PUBLICATION or bool(reporter):
        return True
    # a doer in a main clause: "Beijing added South Korea to its list", "Seoul recalled its envoy"
    named = clause.source is not None  # a name or a common-noun group ("Police set up checkpoints")
    return named and (
        clause.verb.dep_ == "ROOT" or (clause.verb.dep_ == "conj" and clause.verb.head.dep_ == "ROOT")
    )


def _told(verb: Token) -> bool:
    """A verb that tells a happening, not a state, a habit or a background: a simple past ("exploded"), a
    passive, or one of ``told_aux`` (a perfect "has killed", a future "will close"); not "was negotiating"."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if verb.tag_ == "VBG":
        return False  # a background in the progressive: "was negotiating", "has been providing loans"
    return verb.tag_ == "VBD" or passive or bool(auxes & named_subject_rules()[0])


def lead_news(clause: Clause) -> bool:
    """The main clause of a story's lead, its first sentence, told of a noun phrase in the present perfect
    of hot news ("A national team of specialists *has started* monitoring bird flu"): the news the story
    is written to tell (inverted pyramid), a row without a lexicon verb or a known doer; not a simple past
    without a doer or a date ("Malaysian share prices dipped"), a state, a progressive or a modal."""
    verb, subj = clause.verb, clause.subject
    if verb.dep_ != "ROOT" or subj is None or subj.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    if any(t.is_alpha for t in verb.doc[: clause.sent.start]):
        return False  # a word before the sentence: not the lead (Doc.sents would walk the whole text)
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
    return perfect and verb.tag_ == "VBN" and not (_conditional(verb) or _modal(verb))


def _plan(verb: Token) -> bool:
    """A plan told in the simple present ("the government *plans to impose* martial law", "Novartis
    *intends to build* a centre"): an announced future, not a state or habit (future ``governors`` of
    flags.toml with a verb complement)."""
    return lexicon().lemma(verb.lemma_) in flag_cues().governors["future"] and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children
    )


def _named_subject(clause: Clause, reporter: str = "") -> bool:
    """A typed happening told of a thing or of people the actor finder does not know ("an inferno near
    Mecca *killed* 217 pilgrims", "a car bomb *exploded* in a fish market", "Power companies *blamed* the
    weather"): its subject is a noun phrase the text names, so it is news without a known doer (the
    events-dev guidelines give such rows a null source); not a pronoun's, a relative's, a state's or a
    report's ("the statement *said*"). With a named ``reporter`` an untyped fact counts too ("Al-Qaida
    said the attacks *didn't target* Muslims"), not a reported prediction ("*would not alter*")."""
    subj, verb = clause.subject, clause.verb
    said = bool(reporter) and verb.dep_ in ("ccomp", "parataxis")  # "X said the attacks *didn't target*"
    if (clause.event_type == "OTHER" and not said) or clause.event_type == "STATEMENT" or subj is None:
        return False
    if clause.pred.dep_ == "xcomp" or verb.dep_ not in ("ROOT", "conj", "ccomp", "advcl"):
        return False
    if subj.pos_ not in ("NOUN", "PROPN") or subj.dep_ not in ("nsubj", "nsubjpass") or subj.head.i != verb.i:
        return False
    if (
        said
        and clause.event_type == "OTHER"
        and (_future_aux(verb) or any(c.dep_ == "ccomp" for c in verb.children))
    ):
        return False  # a prediction ("said the move *would not alter* the course") or a reading ("the attacks
        # *showed* that …"): an assessment, no fact
    told = _told(verb) or (said and verb.tag_ == "VB" and _negated_past(verb))
    return told and not (_conditional(verb) or _modal(verb))


def _future_aux(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "would", "shall") for c in verb.children)


def _negated_past(verb: Token) -> bool:
    """ "the attacks *didn't target* Muslims": a past told through "did" and a negation."""
    return any(c.dep_ == "aux" and c.lower_ == "did" for c in verb.children)


def _occasion(clause: Clause) -> bool:
    """An occasion held in the passive ("Funerals … were held in the temple"; ``occasion_nouns``), not a
    negated or subordinate one ("*no* decision had been taken", "*until* a decision is made")."""
    if clause.patient is None or clause.pred.i != clause.patient.i or clause.pred.i == clause.verb.i:
        return False
    negated = any(c.dep_ == "neg" or c.lower_ == "no" for c in [*clause.verb.children, *clause.pred.children])
    return not negated and not any(c.dep_ == "mark" for c in clause.verb.children)


def _undergone(clause: Clause) -> bool:
    """A typed happening stated in the passive with no doer ("Two defendants were cleared of all
    charges", "100 people were arrested", "ex-Gurkhas would be recruited"): the text names who it
    happened to, and that is news (the events-dev guidelines give such rows a null source); not a
    modal one ("he should be refused a visit") nor a condition ("if he is arrested")."""
    occasion = _occasion(clause)
    if (
        (clause.event_type in ("OTHER", "STATEMENT") and not occasion)
        or clause.patient is None
        or clause.pred.dep_ == "xcomp"
    ):
        return False  # "the talks are expected to discuss …": the xcomp's event has a doer of its own
    if _conditional(clause.verb) or _modal(clause.verb):
        return False
    return clause.patient.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
