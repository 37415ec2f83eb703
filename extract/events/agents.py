"""Who: the actors a clause's arguments stand for (named mentions, demonyms, common-noun groups, pronouns).

A phrase stands for the nearest actor mention in it ("North Korea's provocations", "the minister of
Japan"); a demonym counted as people is not the state ("five Israelis"); a common noun for a group acts as
itself ("riot police", "Thai troops" with Thailand as country; ``groups``); "he"/"she" resolve to the
salient person of the same gender cue, "it"/"they" to a speaker or the last subject, a relative pronoun to
its noun, a definite description to the actor named before it (``definite``), or they stay empty.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from extract.actors import ROLE_DEMONYM, is_not_actor, load_gazetteer, norm_key
from extract.actors import ActorMention as Mention
from extract.events.definite import definite_referent, definite_rules
from extract.events.groups import group_actor
from extract.events.names import (
    NOT_NAMES,
    name_as_written,
    office_holder,
    titled_apposition,
    titled_conjunct,
    titled_person,
)
from extract.events.quotations import quotation_marks
from extract.events.rules import (
    agent_nouns,
    bare_agent_nouns,
    definite_agent_nouns,
    definite_determiners,
    female_titles,
    lexicon,
    male_titles,
    role_words,
    speech_lemmas,
)

# links from a phrase head to an actor that the phrase stands for ("North Korea's provocations", "the
# minister of Japan", "Russia and China"); not compounds/modifiers ("the US speaker", "Malaysian shares")
PHRASE_DEPS = frozenset({"poss", "appos", "conj", "flat", "pobj"})
PRONOUNS = frozenset({"he", "she", "him", "her"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_INDEFINITE = frozenset({"a", "an", "some", "many", "several", "no", "any"})
MEDIA = "media"
# kinds of mentions that can act or be acted upon (places are where things happen)
ACTING_KINDS = frozenset({"person", "organisation", "country", "international", "region"})


def _demonym(key: str) -> bool:
    entry = load_gazetteer().entries.get(key)
    return entry is not None and entry.role == ROLE_DEMONYM


def is_demonym(mention: Mention) -> str:
    """ "plural" for a plural demonym ("Palestinians": its singular is a demonym too), "singular" for
    another demonym ("Israeli", "Chinese"), "" for a name."""
    key = norm_key(mention.text)
    if not _demonym(key):
        return ""
    return "plural" if key.endswith("s") and _demonym(key[:-1]) else "singular"


# children whose subtree is a clause of its own (not part of the governing clause)


class MentionIndex:
    """Token index → actor mention, for mentions that can be arguments (no places; media only as the
    subject of a verb of saying, through ``media``)."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self._quoted: list[bool] | None = None
        self._sent_start: list[int] | None = None  # token -> start of its sentence (Token.sent walks the doc)
        self.by_token: dict[int, Mention] = {}
        self.by_head: dict[int, Mention] = {}
        self.persons: list[tuple[int, Mention]] = []
        self.demonyms: dict[int, str] = {}  # head token → "plural"/"singular" for demonym mentions
        # token → a media outlet's mention: a source only of its own words ("Xinhua denied"), never a
        # name as written ("a statement received by AFP")
        self.media: dict[int, Mention] = {}
        for m in mentions:
            if m.kind == MEDIA:
                for i in range(m.token_start, m.token_end):
                    self.media.setdefault(i, m)
            if m.kind not in ACTING_KINDS:
                continue
            if number := is_demonym(m):
                self.demonyms[m.head_token] = number
            self.by_head[m.head_token] = m
            span = doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
            for tok in span if span is not None else []:
                self.by_token.setdefault(tok.i, m)
            if m.kind == "person":
                self.persons.append((m.head_token, m))

    def at(self, tok: Token) -> Mention | None:
        found = self.by_head.get(tok.i) or self.by_token.get(tok.i)
        if found is not None and _people_noun(tok, self.demonyms.get(found.head_token, "")):
            return None  # "killed five Israelis": people, not the state
        return found

    def in_phrase(self, tok: Token, max_depth: int = 3) -> Mention | None:
        """The mention nearest to ``tok`` in its subtree (breadth first, not into clauses)."""
        for cur in _phrase_walk(tok, max_depth):
            found = self.at(cur)
            if found is not None:
                return found
        return None

    def people_in_phrase(self, tok: Token, max_depth: int = 3) -> bool:
        """Whether the phrase names people by a demonym ("the deaths of 11 Israelis"), see :func:`_people_noun`."""
        for cur in _phrase_walk(tok, max_depth):
            found = self.by_head.get(cur.i) or self.by_token.get(cur.i)
            if found is not None:
                return _people_noun(cur, self.demonyms.get(found.head_token, ""))
        return False

    def quoted(self, i: int) -> bool:
        """Whether token ``i`` is inside a quotation (quotes reset at a blank line)."""
        if self._quoted is None:
            self._quoted = quotation_marks(self.doc)
        return self._quoted[i]

    def person_for_pronoun(self, tok: Token) -> Mention | None:
        """The person a "he"/"she" stands for, or None when unsure (an empty source beats a wrong one).

        The speaker, for a pronoun subject of what the speaker said ("Bush said he met Gates"); else the
        latest person named as a subject in this or the previous two sentences, on the same side of the
        quotation marks and without a title of the other gender; else the only such person named."""
        speaker = self.speaker_of(tok)
        if speaker is not None:
            return speaker
        lo = self.window_start(tok, 3)
        female = tok.lower_ in ("she", "her")
        titles = female_titles() if not female else male_titles()
        candidates = [
            (head, m)
            for head, m in self.persons
            if lo <= head < tok.i
            and self.quoted(head) == self.quoted(tok.i)
            and not (m.token_start > 0 and self.doc[m.token_start - 1].lower_.rstrip(".") in titles)
        ]
        subjects = [(head, m) for head, m in candidates if self.doc[head].dep_ in ("nsubj", "nsubjpass")]
        # a person subject the actor finder does not know ("The Dalai Lama was expected to meet Madeleine
        # Albright. *He* earlier held talks …"): that name, never the person named after it
        unknown = [
            t
            for t in self.doc[lo : tok.i]
            if t.dep_ in ("nsubj", "nsubjpass")
            and t.pos_ == "PROPN"
            and t.ent_type_ in ("PERSON", "")
            and t.i not in self.by_token
            and self.quoted(t.i) == self.quoted(tok.i)
        ]
        if unknown and (not subjects or unknown[-1].i > subjects[-1][0]):
            named = name_as_written(unknown[-1])
            return None if is_not_actor(named.actor) else named
        # a person subject named by a title ("*The vice president* was expelled … after *he* defected"):
        # the person it stands for, or nobody when the title names no one before it
        titled = [
            t
            for t in self.doc[lo : tok.i]
            if t.dep_ in ("nsubj", "nsubjpass")
            and t.pos_ == "NOUN"
            and t.lower_ in definite_rules().title_heads
            and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
            and self.quoted(t.i) == self.quoted(tok.i)
        ]
        if titled and (not subjects or titled[-1].i > subjects[-1][0]):
            found = definite_referent(self, titled[-1])
            return found if found is not None and found.kind == "person" else None
        if subjects:
            return subjects[-1][1]
        distinct = {m.actor for _, m in candidates}
        return candidates[-1][1] if len(distinct) == 1 else None

    def speaker_for_pronoun(self, tok: Token) -> Mention | None:
        """The speaker an "it"/"they" subject stands for in what the speaker said ("Russia denied that it
        attacked", "Turkey and Israel said they signed"): a country, an organisation or a group; else None."""
        if tok.lower_ == "it" and _expletive(tok):
            return None  # "US officials said *it* was too early to pin the bomb on Syria"
        found = self.speaker_of(tok, ("country", "organisation", "international", "region", "group"))
        if found is not None and (
            tok.lower_ == "they" or found.kind != "group" or self.doc[found.head_token].tag_ == "NN"
        ):
            return found  # "it" for a country, an organisation or one organ ("the Danish embassy said it")
        if self.quoted(tok.i):
            return None
        return (
            self._plural_subject_before(tok) if tok.lower_ == "they" else self._singular_subject_before(tok)
        )

    def _singular_subject_before(self, tok: Token) -> Mention | None:
        """What an "it" subject stands for: the latest subject of this or the previous sentence, when it
        names one country or organisation ("Ericsson signed a deal with 3. *It* will run the network");
        None when that subject is anything else ("The statement called for peace. It welcomed …"), or
        for an "it" that stands for nothing ("it is unclear whether", "it emerged that")."""
        if tok.dep_ != "nsubj" or _expletive(tok):
            return None
        lo = self.window_start(tok, 2)
        for cand in reversed(self.doc[lo : tok.i]):
            if cand.dep_ not in ("nsubj", "nsubjpass") or cand.head.dep_ in ("relcl", "acl"):
                continue
            if cand.lower_ in ("it", "they", "who", "which", "that") or cand.tag_ in ("NNS", "NNPS"):
                return None
            if any(True for _ in cand.conjuncts):
                return None
            found = self.in_phrase(cand, max_depth=1)
            return (
                found
                if found is not None and found.kind in ("country", "organisation", "international")
                else None
            )
        return None

    def _plural_subject_before(self, tok: Token) -> Mention | None:
        """What a "they" subject stands for: the latest plural subject of this or the previous
        sentence, when it names actors ("Turkey and Israel …. They signed": Turkey, the first named;
        "opposition parties … they would boycott": the parties); else None."""
        lo = self.window_start(tok, 2)
        for cand in reversed(self.doc[lo : tok.i]):
            if (
                cand.dep_ not in ("nsubj", "nsubjpass")
                or cand.lower_ in ("they", "it", "who", "which", "that")
                or cand.head.dep_ in ("relcl", "acl")  # "Turkey and Israel, whose *relations* remained …"
            ):
                continue
            conjuncts = list(cand.conjuncts)
            if conjuncts:
                first = self.in_phrase(cand, max_depth=1)
                return first if first is not None and self.in_phrase(conjuncts[0], max_depth=1) else None
            if cand.tag_ in ("NNS", "NNPS"):
                group = group_actor(self, cand)
                return group or self.in_phrase(cand)
            return None  # the latest subject is singular: "they" is not resolved
        return None

    def sent_start(self, i: int) -> int:
        """The first token of the sentence of token ``i`` (computed once per document)."""
        if self._sent_start is None:
            starts = [0] * len(self.doc)
            for sent in self.doc.sents:
                starts[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
            self._sent_start = starts
        return self._sent_start[i]

    def window_start(self, tok: Token, n: int) -> int:
        """The first token of the sentence ``n - 1`` sentences before ``tok``'s (its own for n = 1)."""
        lo = self.sent_start(tok.i)
        for _ in range(n - 1):
            if lo == 0:
                break
            lo = self.sent_start(lo - 1)
        return lo

    def speaker_of(
        self, tok: Token, kinds: tuple[str, ...] = ("person",), quoted: bool = False
    ) -> Mention | None:
        """The speaker of the clause whose subject is ``tok`` ("X said (that) <tok> …"), if of ``kinds``;
        ``quoted``: the pronoun may stand inside the quotation (a first person: "I", "we")."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or (self.quoted(tok.i) and not quoted):
            return None
        clause = tok.head
        while clause.dep_ == "conj" and clause.head is not clause:
            clause = clause.head
        if clause.dep_ != "ccomp" or lexicon().lemma(clause.head.lemma_) not in speech_lemmas():
            return None
        subj = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        found = definite_referent(self, subj)  # "these parties have said they …": the parties named before
        found = found or (group_actor(self, subj) if "group" in kinds else None)
        found = found or self.in_phrase(subj)
        return found if found is not None and found.kind in kinds else None


def _phrase_walk(tok: Token, max_depth: int) -> Iterator[Token]:
    """``tok`` and the tokens of its phrase that can name its referent, breadth first."""
    queue: deque[tuple[Token, int]] = deque([(tok, 0)])
    while queue:
        cur, depth = queue.popleft()
        yield cur
        if depth < max_depth:
            words = role_words()
            group = cur.lower_ in agent_nouns()  # "US officials", "Israeli troops", "Israeli airstrikes"
            named = cur.lower_ in words["name_heads"]  # "Abbas' Fatah movement"
            led = cur.dep_ == "amod" and cur.lower_ in words["led_modifiers"]  # "a NATO-led airstrike"
            # an apposition names the phrase itself: "Russia's negotiator, Ivan Rybkin," is Rybkin; so does
            # the name of an organisation's generic head
            children = sorted(
                cur.children, key=lambda c: (c.dep_ != "appos", not (named and c.dep_ == "compound"))
            )
            queue.extend(
                (c, depth + 1)
                for c in children
                if _phrase_link(c)
                or ((group or named) and c.dep_ in ("compound", "amod", "nmod") and c.i < cur.i)
                or (led and c.dep_ in ("npadvmod", "compound", "nmod") and c.i < cur.i)
            )


def _people_noun(tok: Token, demonym: str) -> bool:
    """A demonym used as a noun for people, not the state: counted or bare ("five Israelis",
    "hundreds of Palestinians", "deported Georgians", "a Palestinian"). A modifier ("Israeli troops")
    or a definite plural ("the North Koreans have indicated…": the side) still stands for the country."""
    if not demonym or tok.dep_ in ("amod", "compound") or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
    if any(d not in _INDEFINITE for d in dets):
        return False
    return demonym == "plural" or bool(dets) or any(c.dep_ == "nummod" for c in tok.children)


def _phrase_link(child: Token) -> bool:
    """Whether an actor under ``child`` is the phrase's referent ("North Korea's provocations", "the
    minister of Japan"), not a modifier ("Malaysian share prices")."""
    if child.dep_ == "prep":
        return child.lower_ == "of"
    return child.dep_ in PHRASE_DEPS


def actor_for(index: MentionIndex, tok: Token | None) -> tuple[Mention | None, str]:
    if tok is None:
        return None, ""
    if tok.lower_ in PRONOUNS:
        return index.person_for_pronoun(tok), "pronoun"
    if tok.lower_ in ("it", "they"):
        return index.speaker_for_pronoun(tok), "pronoun"
    if tok.lower_ in ("i", "we"):  # "“We will not give up,” said Shen": the speaker
        return index.speaker_of(
            tok, ("person", "country", "organisation", "international", "group"), True
        ), "pronoun"
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
        return actor_for(
            index, tok.head.head
        )  # "Karadzic and Mladic, who were indicted": the noun it modifies
    medium = index.media.get(tok.i)
    if medium is not None and tok.dep_ == "nsubj" and lexicon().lemma(tok.head.lemma_) in speech_lemmas():
        return medium, "media"  # "China's official Xinhua news agency denied": Xinhua, not China
    definite = definite_referent(index, tok)
    if definite is not None:
        return definite, "definite"
    group = group_actor(index, tok)
    if group is not None:
        return group, "group"
    titled = (
        titled_person(index, tok)
        or titled_conjunct(index, tok)
        or titled_apposition(index, tok)
        or office_holder(index, tok)
    )
    if titled is not None:
        return titled, "name" if titled.kind == "name" else ""
    if tok.lower_ in agent_nouns() and (poss := _possessor(tok)) is not None:
        group = group_actor(index, poss)  # "by Israeli soldiers' gunfire": the soldiers fired
        if group is not None:
            return group, "group"
    found = index.in_phrase(tok)
    if found is None and tok.pos_ == "NOUN" and (tok.lower_ in bare_agent_nouns() or _definite_organ(tok)):
        return group_actor(index, tok, as_group=True), "group"  # "the two leaders", "a senior lawmaker"
    if (
        found is None
        and tok.pos_ == "PROPN"
        and tok.ent_type_ not in NOT_NAMES
        and tok.i not in index.by_token
        and tok.i not in index.media  # "a statement received by *AFP*": an outlet acts in no row
    ):
        # a name the actor finder does not know ("Yoon", "Hweihi"), but not "the North" or a
        # common noun tagged PROPN ("Senior diplomats")
        named = name_as_written(tok)
        return (None, "") if is_not_actor(named.actor) else (named, "name")
    return found, ""


def _expletive(it: Token) -> bool:
    """An "it" that stands for nothing: "it is unclear whether", "it emerged that", "it seems likely"."""
    verb = it.head
    if lexicon().lemma(verb.lemma_) in lexicon().not_events:
        return True
    deps = {c.dep_ for c in verb.children if c.i > verb.i}
    if "ccomp" in deps and lexicon().lemma(verb.lemma_) in speech_lemmas():
        return False  # "it said that …", "it warned that …": a speaker
    return bool(deps & {"ccomp", "acomp", "attr"}) and "dobj" not in deps  # not "it wanted to take part"


def _definite_organ(tok: Token) -> bool:
    """ "the government", "his government": an organ that acts as written; not "formed *a* government"."""
    return tok.lower_ in definite_agent_nouns() and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in definite_determiners()) for c in tok.children
    )


def _possessor(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ == "poss"), None)
