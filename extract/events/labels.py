"""Short readable event labels: "Yoon Suk Yeol asked Xi Jinping to help stop North Korea's provocations".

The label is the clause from its subject on, with the subject and the target replaced by their
canonical actor names when the phrase is the actor itself ("Korean President Yoon Suk Yeol" → "Yoon Suk
Yeol"), cut at the first comma/semicolon/quote after the predicate and at MAX_WORDS words.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from extract.actors import ActorMention as Mention
from extract.events.agents import PRONOUNS, is_demonym
from extract.events.clauses import RELATIVE_PRONOUNS, Clause
from extract.events.quotations import QUOTE_MARKS

MAX_WORDS = 14

_CUT = frozenset({",", ";", ":", "“", "”", '"', "(", ")", "—", "–", "‘", "’"})
_FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "AUX"})
_FUNCTION_DEPS = frozenset({"prep", "agent", "det", "poss", "cc", "mark", "aux", "auxpass", "case", "dative"})
_SPACES = re.compile(r"\s+")
_LEFT_COMMAS = re.compile(r"\s*,(?:\s*,)+")


def _left_part(tok: Token) -> set[int]:
    """The phrase head and everything left of it in its subtree (title, name parts, determiners)."""
    return {t.i for t in tok.subtree if t.i <= tok.i}


def _dangling(tok: Token, kept: set[int]) -> bool:
    """A word that cannot end a label: a function word, or a modifier whose head was cut off."""
    if tok.dep_ == "prt":
        return False  # "drawn up"
    if tok.pos_ in _FUNCTION_POS or tok.dep_ in _FUNCTION_DEPS:
        return True
    return tok.head.i > tok.i and tok.head.i not in kept


def _covers(mention: Mention | None, tok: Token | None) -> bool:
    """Whether the phrase headed by ``tok`` is the actor's name itself, so the label can use the
    canonical name: not a demonym ("The North Koreans have…" would read "North Korea have…") nor a
    coordination short enough to show ("Gingrich and a 23-member delegation were…"), nor a group or a
    name taken as written ("The two leaders agreed" keeps its words)."""
    return (
        mention is not None
        and tok is not None
        and mention.kind not in ("group", "name")
        and mention.char_start <= tok.idx < mention.char_end
        and not is_demonym(mention)
        and not (any(c.dep_ == "conj" for c in tok.children) and len(list(tok.subtree)) <= MAX_WORDS // 2)
        # nor a name the parse coordinated past its end: "Bank of *America and Citigroup*"
        and not any(
            t.dep_ == "conj" and t.idx >= mention.char_end and t.head.i != tok.i and _inside(mention, t.head)
            for t in tok.subtree
        )
    )


def _inside(mention: Mention, tok: Token) -> bool:
    return mention.char_start <= tok.idx < mention.char_end


def _asides(subj: Token, start: int) -> set[int]:
    """Tokens of the subject's comma-set relative clauses, participles and appositions, commas
    included, up to the closing comma or the predicate at ``start`` when the writer left it out: the
    label's subject reads without them ("Saddam's lawyers, who now include Ramsey Clark …, are")."""
    out: set[int] = set()
    for child in subj.children:
        if child.dep_ not in ("relcl", "appos", "acl") or child.i < subj.i:
            continue
        first = child.left_edge
        if first.text == ",":
            begin = first.i  # the parse hung the comma on the aside itself
        elif first.i > 0 and first.nbor(-1).text == ",":
            begin = first.i - 1
        else:
            continue
        end = child.right_edge.i + 1
        while end < start and subj.doc[end].text != ",":
            end += 1  # "… minister Najib al*-Nuaimi* are": a word the parse hung elsewhere
        out |= set(range(begin, min(end + 1, start)))
    return out


def _antecedent(subj: Token, verb: Token) -> str | None:
    """The noun a relative clause's subject stands for, as the label's subject: "which" → "a new hut",
    "whose torso" → "the victim's torso"; None when the subject is no relative pronoun."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.pos_ not in ("NOUN", "PROPN") or noun.i > verb.i:
        return None
    if noun.dep_ in ("dobj", "obj") and noun.head.dep_ == "acl":
        # "a motion criticizing violations that had been supported by the US": the clause may be
        # the motion's as well as the violations', and the wrong one makes a false statement
        return None
    phrase = "".join(noun.doc[i].text_with_ws for i in sorted(_left_part(noun))).strip()
    if subj.lower_ in RELATIVE_PRONOUNS:
        return phrase
    owner = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
    if owner is None:
        return None
    rest = "".join(t.text_with_ws for t in subj.subtree if t.i > owner.i).strip()
    suffix = "'" if phrase.endswith("s") else "'s"  # "two settlers' slaying", "a woman's torso"
    return f"{phrase}{suffix} {rest}"


def _coordinated_names(subj: Token, actors: list[Mention]) -> str:
    """ "A, B and C" when every conjunct of a coordinated subject is an actor's name, else ""."""
    # those after it: not a name the parser made it a conjunct of ("According to *Rachid*, Egypt and …")
    after = [c for c in subj.conjuncts if c.i > subj.i]
    conjuncts = [subj, *after] if any(c.dep_ == "conj" for c in subj.children) else []
    if not conjuncts:  # a parse that hangs the first name on the second: "Secretary Henry *Paulson* and
        # Federal Reserve Chairman Ben Bernanke" (Paulson an nmod of Bernanke, the "and" its child)
        conjuncts = [
            *(
                t
                for t in subj.subtree
                if t.i < subj.i
                and t.dep_ in ("nmod", "compound")
                and any(d.lower_ == "and" for d in t.children)
            ),
            subj,
        ]
    names: list[str] = []
    positions = {t.i for t in conjuncts}
    for tok in conjuncts:
        found = next((m for m in actors if m.char_start <= tok.idx < m.char_end and not is_demonym(m)), None)
        if found is None:
            return ""
        if found.actor in names or _in_title(found, tok, positions):
            continue  # "*Heath and Human Services* Secretary Mike Leavitt": the name is part of a title
        names.append(found.actor)
    if len(names) < 2:
        return ""
    return ", ".join(names[:-1]) + " and " + names[-1]


def _in_title(mention: Mention, tok: Token, conjuncts: set[int]) -> bool:
    """Whether the name of ``tok`` qualifies the title of a later conjunct ("*Labor* Secretary Elaine
    Chao"): the word after the name modifies a conjunct of the same coordination."""
    after = tok
    while after.i + 1 < len(tok.doc) and after.idx < mention.char_end:
        after = tok.doc[after.i + 1]
    return after.idx >= mention.char_end and after.dep_ == "compound" and after.head.i in conjuncts


def _object_is_the_noun(clause: Clause) -> bool:
    """Whether the clause modifies the noun it acts on: a participle with its doer ("a move *opposed by
    unions*", "airstrikes *carried out by* aircraft") or a relative clause whose object is the relative
    pronoun ("a meeting *which Clinton visited*"); the label then names the noun after the verb."""
    verb = clause.verb
    if verb.head.i >= verb.i or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # with its doer named in front ("unions opposed a move"), not "killed by rubber bullets"
        return clause.pred.i == verb.head.i or (
            clause.source is not None and any(c.dep_ == "agent" for c in verb.children)
        )
    return verb.dep_ == "relcl" and any(
        c.dep_ in ("dobj", "obj") and c.lower_ in RELATIVE_PRONOUNS and c.i < verb.i for c in verb.children
    )


def _name_the_noun(verb: Token, replace: dict[int, str], drop: set[int]) -> None:
    """Put the modified noun after the verb: "two airstrikes carried out by Israeli aircraft" → "Israeli
    aircraft carried out two airstrikes"; "a meeting which Clinton visited" → "Clinton visited a meeting"."""
    after = max([verb.i, *(c.i for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1)])
    noun = "".join(t.text_with_ws for t in verb.doc[verb.head.left_edge.i : verb.head.i + 1]).strip()
    replace[after] = f"{verb.doc[after].text} {noun}{verb.doc[after].whitespace_}"
    drop |= {c.i for c in verb.children if c.dep_ in ("dobj", "obj") and c.lower_ in RELATIVE_PRONOUNS}


def _drop_dangling(out: list[Token], verb: Token, replace: dict[int, str], drop: set[int]) -> None:
    """Pop the words a label cannot end on: "accused Iraq of [hiding…]", "foster a more [“…”]", "talks
    with the…"; a hyphenated word goes whole ("a China-backed [resolution]")."""
    kept = {t.i for t in out} | drop  # dropped tokens are inside a replaced actor name
    while out and out[-1].i > verb.i and out[-1].i not in replace and _dangling(out[-1], kept):
        popped = out.pop()
        kept.discard(popped.i)
        while out and out[-1].i > verb.i and not out[-1].whitespace_ and "-" in (out[-1].text, popped.text):
            popped = out.pop()
            kept.discard(popped.i)


def _quote_in_object(tok: Token, verb: Token) -> bool:
    """A quotation mark around words of a phrase after the verb, not one that starts a quotation."""
    return tok.text in QUOTE_MARKS and tok.head.i > verb.i and tok.head.pos_ in ("NOUN", "PROPN", "ADJ")


def _opens_the_object(tok: Token, verb: Token, out: list[Token]) -> bool:
    """A quotation mark right after the verb that opens what it acts on ('would not allow "the
    politicisation of this question"'): cutting there would leave the verb without its object."""
    return (
        tok.text in QUOTE_MARKS
        and bool(out)
        and out[-1].i == verb.i
        and tok.i + 1 < len(tok.doc)
        and any(c.dep_ in ("dobj", "obj", "attr", "ccomp") and c.i > tok.i for c in verb.children)
    )


def _label_tokens(
    clause: Clause, start: int, drop: set[int], replace: dict[int, str], n_words: int
) -> tuple[list[Token], bool]:
    """The clause's tokens a label shows, cut at the first comma, semicolon or quotation after the
    predicate and at ``MAX_WORDS``; and whether the word budget cut it."""
    verb = clause.verb
    out: list[Token] = []
    for tok in clause.tokens:
        if tok.i < start or tok.i in drop:
            continue
        if _quote_in_object(tok, verb) or _opens_the_object(tok, verb, out):
            # 'discovered a "new hut-like structure"', 'would not allow "the politicisation of …"': the
            # words stay, the quotation mark goes
            replace[tok.i] = tok.whitespace_
            out.append(tok)
            continue
        if tok.i > verb.i and tok.text in _CUT and len(out) > 1:
            break
        if n_words >= MAX_WORDS:
            return out, True
        out.append(tok)
        n_words += 1
    return out, False


def make_label(clause: Clause) -> str:
    """The readable label of a clause."""
    verb = clause.verb
    replace: dict[int, str] = {}
    drop: set[int] = set()
    start = min(
        [verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "neg", "auxpass") and c.i < verb.i]
    )
    # a passive keeps its voice: "Ukraine was attacked by Russia" (subject = target, agent = source)
    passive_subj = clause.patient or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    subj, subj_actor, obj, obj_actor = clause.subject, clause.source, clause.obj, clause.target
    if passive_subj is not None:
        agent = clause.subject if clause.subject is not None and clause.subject.dep_ == "pobj" else None
        subj, subj_actor, obj, obj_actor = passive_subj, clause.target, agent, clause.source
    if subj is not None and subj.i < verb.i and subj.head.i == verb.i:
        start = min(start, subj.right_edge.i + 1)  # keep "recently", "later", "does not" before the verb
    head = ""
    # only a modified noun ("the first speaker to visit") contains the verb in its subtree
    in_verb = {t.i for t in verb.subtree} if subj is not None and subj.i == verb.head.i != verb.i else set()
    if subj is not None and subj.i < verb.i:
        names = _coordinated_names(subj, clause.actors)
        if names:
            head = names  # "Japanese Prime Minister Shinzo Abe and visiting … Ban Ki Moon" → "Shinzo Abe and Ban Ki Moon"
        elif subj_actor is not None and (
            _covers(subj_actor, subj)
            or subj.lower_ in PRONOUNS
            or (subj.lower_ in RELATIVE_PRONOUNS and _covers(subj_actor, verb.head))
        ):
            head = subj_actor.actor
            drop |= _left_part(subj)
        elif (antecedent := _antecedent(subj, verb)) is not None:
            head = antecedent  # "a report *that* has not been approved" → "a report has not been approved"
        else:
            aside = _asides(
                subj, start
            )  # "Saddam's lawyers*, who now include …,* are looking to force delays"
            head = "".join(
                t.text_with_ws
                for t in subj.subtree
                if t.i < start and t.i not in in_verb and t.i not in aside
            )
            head = head.strip().rstrip(",;:").strip()  # "the mine head, [who] fled"
    elif subj is not None and subj.i > verb.i and subj_actor is not None and _covers(subj_actor, subj):
        head = subj_actor.actor  # "…, said Chinese spokesman Shen Guofang" → "Shen Guofang said"
        phrase = subj.head if subj.dep_ == "pobj" and subj.head.dep_ == "agent" else subj  # "by Seoul"
        drop |= {t.i for t in phrase.subtree}
    elif subj_actor is not None:
        head = subj_actor.actor
        agents = [c for c in verb.children if c.dep_ == "agent"]
        drop |= {t.i for a in agents for t in a.subtree}  # "welcomed by Seoul" → "Seoul welcomed"
    if obj is not None and obj_actor is not None and _covers(obj_actor, obj):
        # the name's own words go, on both sides of its head ("the Association *of Southeast Asian
        # Nations*"), so the canonical name is not followed by a copy of its tail
        named = {t.i for t in obj.subtree if obj_actor.char_start <= t.idx < obj_actor.char_end}
        part = sorted(_left_part(obj) | named)
        last = obj.doc[part[-1]]
        replace[part[0]] = obj_actor.actor + last.whitespace_
        drop |= set(part[1:])
    if _object_is_the_noun(clause):
        _name_the_noun(verb, replace, drop)
    words: list[str] = [head] if head else []
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.pos_ == "ADJ":
        # "he was prepared to meet Clerides" → "Rauf Denktash was prepared to meet …"
        cop = verb.head.head
        bridge = [c for c in cop.children if c.dep_ in ("aux", "neg") and c.i < cop.i] + [cop, verb.head]
        words.append(" ".join(t.text for t in sorted(bridge, key=lambda t: t.i)))
    out, truncated = _label_tokens(clause, start, drop, replace, len(head.split()))
    _drop_dangling(out, verb, replace, drop)
    rest = "".join(replace.get(t.i, t.text_with_ws) for t in out).strip()
    words.append(rest.lstrip(", ") if words else rest)  # no comma between a subject and its verb
    label = _SPACES.sub(" ", " ".join(w for w in words if w)).strip()
    label = _LEFT_COMMAS.sub(",", label).replace(
        " ,", ","
    )  # a clause left out: "helmets (UN forces) , , launched"
    return label + "…" if truncated else label


def with_content(label: str, content: Token) -> str:
    """A speech act's label followed by what was said, when that is no row of its own: "Rauf Denktash
    warned" → "Rauf Denktash warned he would not let his community be colonised…" (no content-free
    speech rows); cut like a label, quotation marks left out."""
    if label.endswith("…"):
        return label
    budget = MAX_WORDS - len(label.split())
    aside = {t.i for c in content.children if c.dep_ == "advcl" and c.i < content.i for t in c.subtree}
    toks = [t for t in content.subtree if t.i not in aside]  # not "that *although it is …*, inciting …"
    if toks and toks[0].dep_ == "mark":
        toks = toks[1:]  # "warned *that* …"
    out: list[Token] = []
    cut = False
    for n, tok in enumerate(toks):
        if tok.text in QUOTE_MARKS:
            continue
        if (tok.text in _CUT and out) or len(out) >= budget:
            cut = any(not t.is_punct for t in toks[n:])
            break
        out.append(tok)
    while out and (out[-1].is_punct or out[-1].pos_ in _FUNCTION_POS):
        out.pop()
        cut = True
    # a quotation mark left out keeps its spacing: 'be "colonised" by' → "be colonised by"
    pieces = [
        t.text_with_ws if t.text not in QUOTE_MARKS else t.whitespace_
        for t in toks
        if out and t.i <= out[-1].i
    ]
    said = _SPACES.sub(" ", "".join(pieces).replace(" " * 2, " ")).strip()
    return f"{label} {said}{'…' if cut else ''}".strip()


def with_said(
    clause: Clause, label: str, span: tuple[int, int], content: Token | None, unsaid: bool
) -> tuple[str, tuple[int, int]]:
    """A speech act's label carries what was said ("warned *he would not let …*"; told first: "officials:
    *France must repay …*"), and its span does too when that is no row of its own."""
    if content is None:
        return label, span
    if content.i < clause.verb.i:
        label = with_content(f"{clause.source.actor}:" if clause.source else label, content)
    else:
        label = with_content(label, content)
    if unsaid:
        first, last = content.left_edge, content.right_edge
        span = (min(span[0], first.idx), max(span[1], last.idx + len(last.text)))
    return label, span
