"""The weak defaults of the country-from-context rules: the dateline, and people's relations.

An office-holder named in full with no other clue takes the dateline's country, but only for an
office that country has, an office not held at a body named elsewhere ("the agency's chief"), and
not a military rank when the story names a foreign force there ("Colonel William Wood" under
BAGHDAD in a story about US troops). A person's staff and relatives share that person's country
("Olmert's spokeswoman Miri Eisin", "Bush's wife Laura Bush"). Rules and words: context.toml
[dateline].
"""

from __future__ import annotations

from extract.actors.columns import sentence_starts, span_text, token_columns
from extract.actors.data import norm_key
from extract.actors.find import POSSESSIVE, Candidate
from extract.actors.offices import foreign_office, office_holder
from extract.actors.rulectx import RuleCtx, lender
from extract.actors.titlephrase import TITLE_LINKS

__all__ = [
    "HOME_SHARE",
    "dateline_defaults",
    "dateline_is_home",
    "dateline_places_lead",
    "generic_bodies",
    "is_generic_body",
    "home_outlets",
    "listed_companies",
    "local_bodies",
]

HOME_SHARE = (
    2  # the dateline default holds while no country has more than twice the dateline country's actors
)
MAX_HERE_GAP = 2  # "X published here", "X reported here"
MAX_FORCE_GAP = 2  # "US troops", "British-led forces", "American ground troops"


def is_generic_body(ctx: RuleCtx, c: Candidate) -> bool:
    """A name every country gives one of its bodies (bodies.toml [generic])."""
    gaz, key = ctx.gaz, norm_key(c.actor).removeprefix("the ")
    after = ctx.doc[c.end].lower_ if c.end < len(ctx.doc) else ""
    return (
        c.kind == "organisation"
        and c.entry is None
        and (
            key in gaz.generic_names
            or key.startswith(gaz.generic_prefixes)
            or key.endswith(gaz.generic_suffixes)
            or (key.startswith(gaz.state_firsts) and key.endswith(gaz.state_heads) and key.count(" ") >= 2)
            or (" " + after) in gaz.generic_suffixes  # "the royalist FUNCINPEC party"
            or _party_cue(ctx, c)
        )
    )


def _party_cue(ctx: RuleCtx, c: Candidate) -> bool:
    """ "the largest opposition Coalition for Unity and Democracy", "the ruling X": a party
    (bodies.toml [generic] party_cues), up to two lower-case words before the name."""
    doc = ctx.doc
    for i in range(c.start - 1, max(-1, c.start - 4), -1):
        if doc[i].lower_ in ctx.gaz.party_cues:
            return True
        if not doc[i].is_lower or doc[i].pos_ not in ("ADJ", "NOUN"):  # "opposition leader said X"
            return False
    return False


def generic_bodies(ctx: RuleCtx) -> None:
    """Generic national bodies ("the Senate", "Ministry of Personnel", "the royalist FUNCINPEC
    party") take the dateline's country, before people inherit countries from their bodies."""
    if ctx.dateline_country is None or not dateline_is_home(ctx):
        return  # "The US government and the Congress" in a BEIJING story about a US visit
    for c in ctx.cands:
        if c.country is None and is_generic_body(ctx, c):
            c.give_country(ctx.dateline_country, "dateline")


def dateline_is_home(ctx: RuleCtx) -> bool:
    """Is the dateline's country among the main ones of the document (no country has more than
    twice its actors; news outlets do not count: "Xinhua" names the wire, not the story)?
    A Beijing-dated story about a US delegation gives more American actors, and its unqualified
    "Secretary of State" is not Chinese."""
    counts: dict[str, int] = {}
    for c in ctx.cands:
        if c.country and c.kind not in ("international", "media") and c.source != "dateline":
            counts[c.country] = counts.get(c.country, 0) + 1
    home = counts.get(ctx.dateline_country or "", 0)
    return all(n <= HOME_SHARE * home for n in counts.values())


def dateline_places_lead(ctx: RuleCtx) -> bool:
    """Is the dateline's country among the main ones of the story's countries and places (no
    country names more than twice as many of them, each counted once)? A small place nothing else
    placed lies where the story is set: "his home town of Enewari" in an OTTAWA-dated story set in
    Nigeria (Nigeria, Lagos, Yenagoa; Canada) is not Canadian."""
    named: dict[str, set[str]] = {}
    for c in ctx.cands:
        if c.country and c.kind in ("country", "place", "region") and c.source != "dateline":
            named.setdefault(c.country, set()).add(c.actor)
    home = len(named.get(ctx.dateline_country or "", ()))
    return all(len(n) <= HOME_SHARE * home for n in named.values())


def _possessor(ctx: RuleCtx, c: Candidate, title: str) -> tuple[bool, Candidate | None]:
    """ "the agency's chief Mohamed ElBaradei": the office belongs to the body a common noun
    stands for. Returns (the possessor blocks the dateline default, the body it names): the nearest
    earlier actor whose name ends with that noun ("International Atomic Energy Agency"); a national
    noun ("the country's president") keeps the default (context.toml [dateline] home_possessors)."""
    words = title.split()
    nouns = [words[k - 1] for k in range(1, len(words)) if words[k] in POSSESSIVE and words[k - 1].isalpha()]
    if not nouns:
        return False, None
    noun = nouns[0]
    if noun in ctx.rules.home_possessors:
        return False, None
    earlier = [
        o
        for o in ctx.cands
        if o.start < c.start
        and o.kind in ("organisation", "international", "media")
        and (norm_key(o.actor).split()[-1:] == [noun] or _introduced_as(ctx, o, noun))
    ]
    return True, (earlier[-1] if earlier else None)


def _possessing_body(ctx: RuleCtx, c: Candidate, title: str) -> bool:
    """Give ``c`` the country of the body its title's possessor noun stands for, when that body has
    one ("the group's relief director X" after "the Swiss humanitarian group Y"); True when given."""
    body = _possessor(ctx, c, title)[1]
    if body is None or body.country is None or not lender(body, c):
        return False
    return c.give_country(body.country, "title")


def _introduced_as(ctx: RuleCtx, o: Candidate, noun: str) -> bool:
    """Was the body introduced with that common noun ("the Swiss humanitarian group Terre des
    Hommes", "the relief agency Oxfam", "X, a US-based group")? Then "the group's director" is its."""
    doc = ctx.doc
    if o.start > 0 and doc[o.start - 1].lower_ == noun:
        return True
    root = doc[o.start : o.end].root
    return any(ch.dep_ == "appos" and ch.lower_ == noun for ch in root.children) or (
        root.dep_ == "appos" and root.head.lower_ == noun
    )


def _foreign_forces(ctx: RuleCtx) -> bool:
    """Does the story name a force of another country than the dateline's ("US troops", "British
    forces", "the US-led coalition") or a multinational one? Then a bare rank is not local."""
    doc, rules = ctx.doc, ctx.rules
    if any(t.lower_ in rules.coalition_words for t in doc):
        return True
    for o in ctx.cands:
        if o.country is None or o.country == ctx.dateline_country or o.kind != "country":
            continue
        after = [t.lower_ for t in doc[o.end : o.end + MAX_FORCE_GAP + 2] if t.text not in ("-", "led")]
        if any(w in rules.force_words for w in after[:MAX_FORCE_GAP]):
            return True
    return False


def dateline_defaults(ctx: RuleCtx) -> None:
    """People with no country yet: a person's staff or relative shares that person's country; a
    title qualified by a body gives the body's; otherwise an office-holder named in full ("President
    Bush" merged into a full name is not evidence for that full name) takes the dateline's, for
    offices the dateline's country has, while the dateline's country is the story's main one."""
    home = ctx.dateline_country is not None and dateline_is_home(ctx)
    forces: bool | None = None
    close = ctx.rules.staff_titles | ctx.gaz.relatives
    for c in ctx.cands:
        if c.country is not None or c.kind != "person" or span_text(ctx.doc, c.start, c.end) != c.actor:
            continue  # named in full: "President Bush" merged into a full name is no evidence
        titled, qualifier, title = office_holder(ctx, c)
        root = ctx.doc[c.start : c.end].root
        first = ctx.at(root.head.i) if root.dep_ == "conj" and not titled and qualifier is None else None
        if first is not None and first.kind == "person" and first is not c:
            titled, qualifier, title = office_holder(ctx, first)  # "prime ministers X and Y"
        if qualifier is not None and qualifier.kind == "person":
            if any(w in close for w in title.split()):  # "Olmert's spokeswoman", "Bush's wife"
                c.give_country(qualifier.country, "title")
            continue
        if qualifier is not None:
            if qualifier.kind == "organisation" and ctx.gaz.player_roles & set(title.split()):
                continue  # "Tampa Bay Devil Rays infielder X": a club fields players from anywhere
            c.give_country(qualifier.country if lender(qualifier, c) else None, "title")
            continue
        if titled and _possessing_body(ctx, c, title):
            continue  # "the group's relief director X": the group's, whatever the dateline
        opening = _opening_place(ctx, c)  # "In Rome, Defense Minister Antonio Martino" under BAGHDAD
        if not (home or opening) or not titled or ctx.rules.club_words & set(title.split()):
            continue
        if opening is None and foreign_office(ctx, title):
            continue
        owned, owner = _pronoun_possessor(ctx, c)
        if owned:  # "the Refounded Communist party emboldened its leader X": the party's
            c.give_country(owner.country if owner is not None and lender(owner, c) else None, "title")
            continue  # "Israel ... with its chief of staff Dan Halutz" under TEHRAN: nothing
        blocked, body = _possessor(ctx, c, title)
        if blocked:
            c.give_country(body.country if body is not None and lender(body, c) else None, "title")
            continue
        if any(w.rstrip(".") in ctx.rules.ranks for w in title.split()):
            forces = _foreign_forces(ctx) if forces is None else forces
            if forces:
                continue  # "Colonel William Wood" under BAGHDAD in a story about US troops
        c.give_country(opening or ctx.dateline_country, "dateline")


def _opening_place(ctx: RuleCtx, c: Candidate) -> str | None:
    """The country of the place a sentence opens with ("In Rome, Defense Minister X said"): a
    dateline inside the story, for the office-holders of that sentence; None without one."""
    doc = ctx.doc
    first = sentence_starts(doc)[c.start]
    if first + 2 >= c.start or doc[first].lower_ != "in":
        return None
    where = ctx.at(first + 1)
    if where is None or where.start != first + 1 or where.kind not in ("place", "country"):
        return None
    if where.end >= len(doc) or doc[where.end].text != "," or where.country == ctx.dateline_country:
        return None
    return where.country


def _pronoun_possessor(ctx: RuleCtx, c: Candidate) -> tuple[bool, Candidate | None]:
    """Is the title phrase before the name owned by a pronoun ("its chief of staff X", "their
    leader X")? Then the owner is the nearest organisation before it in the sentence (returned),
    and with none it is unknown: not necessarily the dateline's country."""
    doc, j = ctx.doc, c.start - 1
    while (
        j >= max(0, c.start - 7)
        and (doc[j].pos_ in ("PROPN", "NOUN", "ADJ") or doc[j].lower_ in TITLE_LINKS)
        and ctx.at(j) is None
    ):
        j -= 1
    if j < 0 or doc[j].lower_ not in ("its", "their"):
        return False, None
    sent_start = sentence_starts(doc)[j]
    owners = [o for o in ctx.cands if sent_start <= o.start and o.end <= j and o.kind == "organisation"]
    return True, (owners[-1] if owners else None)


def local_bodies(ctx: RuleCtx) -> None:
    """ "local Daily Star reported", "the local daily An-Nahar", "Local half-backer Ly Lam Huy": an
    organisation, outlet or person called local takes the dateline's country (context.toml
    [dateline] local_words), whatever the story's main country: "local" is said from where the
    story is filed. The words between are lower-case nouns and adjectives (hyphens inside them
    kept), the first word of a sentence (or after a dash) may be capitalised."""
    if ctx.dateline_country is None:
        return
    doc = ctx.doc
    _, lowers, _, _ = token_columns(doc)
    for c in ctx.cands:
        if c.country is not None or c.kind not in ("organisation", "media", "person") or c.entry is not None:
            continue
        if ctx.rules.local_words.isdisjoint(lowers[max(0, c.start - 5) : c.start]):
            continue  # no "local" before it
        i = c.start - 1
        while i >= max(0, c.start - 5) and (
            (doc[i].is_lower or doc[i].is_sent_start or (i > 0 and doc[i - 1].is_punct))
            and doc[i].pos_ in ("NOUN", "ADJ")
            or (doc[i].text == "-" and i > 0 and not doc[i].whitespace_ and not doc[i - 1].whitespace_)
        ):
            if doc[i].lower_ in ctx.rules.local_words:
                c.give_country(ctx.dateline_country, "dateline")
                break
            i -= 1


def home_possessed(ctx: RuleCtx) -> None:
    """ "the country's largest Muslim organisation Nahdlatul Ulama": a name whose title phrase
    (lower-case nouns, adjectives) starts with "the country's" / "the nation's" (context.toml
    [dateline] home_nouns) belongs to the story's main country, taken as the dateline's while
    that is the main one; a name NER took for a place right after a body noun is that body."""
    if ctx.dateline_country is None or not dateline_is_home(ctx):
        return
    doc, rules = ctx.doc, ctx.rules
    texts, _, _, _ = token_columns(doc)
    for c in ctx.cands:
        if (
            c.country is not None
            or c.entry is not None
            or c.kind not in ("person", "organisation", "place", "region", "media")
            or POSSESSIVE.isdisjoint(texts[max(0, c.start - 7) : c.start])  # no "'s" before it
        ):
            continue
        i = c.start - 1
        while (
            i > c.start - 6
            and i >= 0
            and ctx.at(i) is None
            and ((doc[i].is_lower and doc[i].pos_ == "NOUN") or doc[i].pos_ == "ADJ")
        ):
            i -= 1  # lower-case nouns, adjectives ("largest Muslim organisation")
        if i == c.start - 1 or i < 2 or doc[i].text not in POSSESSIVE:
            continue
        if doc[i - 1].lower_ in rules.home_nouns and doc[i - 2].lower_ == "the":
            if c.kind in ("place", "region") and doc[c.start - 1].lower_ in rules.body_nouns:
                c.kind = "organisation"
            c.give_country(ctx.dateline_country, "dateline")


def home_outlets(ctx: RuleCtx) -> None:
    """ "The Statesman newspaper said" under NEW DELHI: an outlet named with a media noun and no
    other clue is of the dateline's country, as a weak default, while that country is the story's
    main one (a wire quotes foreign papers with their country: "Japan's Asahi Shimbun"), or whatever
    the main country when the outlet is said to be "here" ("the Wen wei Po published here" under
    HONG KONG in a story about China; [dateline] here_words)."""
    if ctx.dateline_country is None:
        return
    home, lowers = dateline_is_home(ctx), token_columns(ctx.doc)[1]
    for c in ctx.cands:
        if c.country is None and c.kind == "media" and c.entry is None:
            here = not ctx.rules.here_words.isdisjoint(lowers[c.end : c.end + MAX_HERE_GAP + 1])
            if home or here:  # "the China-backed Wen wei Po published here": where the story is filed
                c.give_country(ctx.dateline_country, "dateline")


def listed_companies(ctx: RuleCtx) -> None:
    """ "ANZ fell 20 cents to 28.65 dollars" under CANBERRA: an organisation whose share price moves
    in a currency of the dateline's country is listed there, and takes that country as a weak
    default (context.toml [market]); another currency gives nothing, nor does an index."""
    home, rules, doc = ctx.dateline_country, ctx.rules, ctx.doc
    if home is None:
        return
    for c in ctx.cands:
        if (
            c.country is not None
            or c.entry is not None
            or c.kind != "organisation"
            or doc[c.end - 1].lower_ == "index"
        ):
            continue
        j = c.end
        while j < min(len(doc), c.end + 3) and doc[j].lower_ in (
            "shares",
            "stock",
            "'s",
            "were",
            "was",
            "by",
        ):
            j += 1
        if j >= len(doc) or doc[j].lemma_.lower() not in rules.market_verbs:
            continue
        rest = doc[j + 1 : j + 9]
        money = [
            t.lower_
            for k, t in enumerate(rest)
            if t.lower_ in rules.currencies and any(p.like_num for p in rest[max(0, k - 2) : k])
        ]
        if money and home in rules.currencies[money[0]]:
            c.give_country(home, "dateline")
