"""Readable event labels: actors by canonical name, cut after the predicate's phrase."""

from __future__ import annotations

import pytest

from extract import schema as S
from extract.pipeline import extract_events


def _label(text: str, predicate: str) -> str:
    """The label of the first event with ``predicate`` in ``text`` (published 2024-11-16)."""
    events = extract_events(text, "2024-11-16")
    found = events[events[S.PREDICATE] == predicate]
    assert len(found), events[[S.PREDICATE, S.EVENT]]
    return str(found[S.EVENT].iloc[0])


@pytest.mark.parametrize(
    ("text", "predicate", "label"),
    [
        (
            "Korean President Yoon Suk Yeol asked Chinese President Xi Jinping to help stop North Korea's "
            "provocations, Pyongyang's deepening military cooperation with Moscow.",
            "ask",
            "Yoon Suk Yeol asked Xi Jinping to help stop North Korea's provocations",
        ),
        ("Ukraine was attacked by Russia on Monday.", "attack", "Ukraine was attacked by Russia on Monday"),
        (
            "Ivan Rybkin was met at Grozny airport by Movladi Udugov.",
            "meet",
            "Ivan Rybkin was met at Grozny airport by Movladi Udugov",
        ),
        (
            "Emmanuel Macron arrived in Paris. He later met Olaf Scholz.",
            "meet",
            "Emmanuel Macron later met Olaf Scholz",
        ),
        (
            "“We will visit Beijing next week,” said Chinese spokesman Shen Guofang.",
            "visit",
            "Shen Guofang: We will visit China next week",
        ),
    ],
)
def test_events_labels_table(text: str, predicate: str, label: str) -> None:
    assert _label(text, predicate) == label


@pytest.mark.parametrize(
    ("text", "predicate", "label"),
    [
        # every conjunct of a coordinated subject keeps its place (was "Jiang Zemin thanked …")
        (
            "Chinese President Jiang Zemin and Prime Minister Li Peng thanked Jacques Chirac on Monday.",
            "thank",
            "Jiang Zemin and Li Peng thanked Jacques Chirac on Monday",
        ),
        (
            "France, Germany and Italy withdrew their support.",
            "withdraw",
            "France, Germany and Italy withdrew their support",
        ),
        ("China and its allies have signed an accord.", "sign", "China and its allies have signed an accord"),
        # a parse that hangs the first titled name on the second keeps both (was "Ben Bernanke will lead")
        (
            "Treasury Secretary Henry Paulson and Federal Reserve Chairman Ben Bernanke will lead a team.",
            "lead",
            "Henry Paulson and Ben Bernanke will lead a team",
        ),
        # a name inside a title is no conjunct, and none is listed twice
        (
            "Labor Secretary Elaine Chao, Heath and Human Services Secretary Mike Leavitt and Energy "
            "Secretary Sam Bodman joined the delegation on Monday.",
            "join",
            "Elaine Chao, Mike Leavitt and Sam Bodman joined the delegation on Monday",
        ),
        # a name the parse coordinated past its end keeps the other conjunct (was "Bank of America agreed")
        (
            "Bank of America and Citigroup agreed to merge.",
            "agree",
            "Bank of America and Citigroup agreed to merge",
        ),
        # a demonym subject is shown as written (was "North Korea have warned Japan")
        ("The North Koreans have warned Japan.", "warn", "The North Koreans have warned Japan"),
        # must not change: a single named subject still gets its canonical name
        (
            "Chinese President Jiang Zemin thanked Jacques Chirac.",
            "thank",
            "Jiang Zemin thanked Jacques Chirac",
        ),
    ],
)
def test_events_labels_coordinated_and_demonym_subjects(text: str, predicate: str, label: str) -> None:
    assert _label(text, predicate) == label


@pytest.mark.parametrize(
    ("text", "predicate", "label"),
    [
        # the embedded clause is an event of its own: the preposition that introduced it goes too
        ("Rolf Ekeus accused Iraq of hiding weapons.", "accuse", "Rolf Ekeus accused Iraq of hiding weapons"),
        (
            "China warned the United States on Tuesday against interfering in Taiwan.",
            "warn",
            "China warned United States on Tuesday",
        ),
        (
            "Seoul welcomed the decision as a step toward improving ties.",
            "welcome",
            "South Korea welcomed the decision as a step",
        ),
        (
            "Russia has imposed a blockade on Georgia by cutting postal links.",
            "impose",
            "Russia has imposed a blockade on Georgia",
        ),
        # must not cut: a particle, an object, a hyphenated word in the middle
        ("The plan was drawn up by Leon Brittan.", "draw", "The plan was drawn up by Leon Brittan"),
        ("Japan agreed to meet with China.", "agree", "Japan agreed to meet with China"),
        ("China welcomed a China-backed motion.", "welcome", "China welcomed a China-backed motion"),
        # nor at quotation marks around words of an object: the words stay, the marks go
        (
            'The Human Rights Commission passed a China-backed "non-action" motion in Geneva.',
            "pass",
            "Human Rights Commission passed a China-backed non-action motion in Geneva",
        ),
        (
            "Officials said China would help foster a more “friendly” relationship.",
            "help",
            "Officials: China would help foster a more friendly relationship",
        ),
    ],
)
def test_events_labels_do_not_end_on_a_dangling_word(text: str, predicate: str, label: str) -> None:
    assert _label(text, predicate) == label


def test_events_labels_long_clause_is_cut_with_ellipsis() -> None:
    text = (
        "Russia attacked the eastern Ukrainian city of Kharkiv and several small villages near the "
        "border with missiles and drones and artillery and tanks overnight."
    )
    label = str(extract_events(text, "2024-11-16")[S.EVENT].iloc[0])
    assert label.endswith("…") and len(label.split()) <= 15
    assert label[:-1].split()[-1] not in ("the", "a", "with", "and", "of")


@pytest.mark.parametrize(
    ("text", "predicate", "label"),
    [  # a canonical name replaces the whole name, so no word of it comes twice
        (
            "Officials met the Association of Southeast Asian Nations in Jakarta on Monday.",
            "meet",
            "Officials met Association of Southeast Asian Nations in Jakarta on Monday",
        ),
        (
            "Pfizer met the Food and Drug Administration on Monday.",
            "meet",
            "Pfizer met Food and Drug Administration on Monday",
        ),
        (
            "The day-release regime will be suspended from May 12-30.",
            "suspend",
            "The day-release regime will be suspended from May 12-30",
        ),
    ],
)
def test_events_labels_no_duplicated_words(text: str, predicate: str, label: str) -> None:
    assert _label(text, predicate) == label


@pytest.mark.parametrize(
    ("text", "predicate", "label"),
    [
        # a clause that modifies the noun it acts on names the noun after its verb
        (
            "The government has struggled to push the merger, a move opposed by unions on Monday.",
            "oppose",
            "unions opposed a move on Monday",
        ),
        (
            "Al Gore held an official meeting with Lee which Clinton visited on Friday.",
            "visit",
            "Clinton visited an official meeting on Friday",
        ),
        (
            "Residents described two airstrikes carried out by Israeli army aircraft on Thursday.",
            "airstrike",
            "Israeli army aircraft carried out two airstrikes on Thursday",
        ),
        # not a participle without a doer, nor a relative clause with an object of its own
        (
            "Thousands attended the funerals of two men killed by Israeli rubber bullets on Tuesday.",
            "kill",
            "killed by Israeli rubber bullets on Tuesday",
        ),
        (
            "Funerals were held for the 16 people killed in Sunday's grenade attack.",
            "kill",
            "killed in Sunday's grenade attack",
        ),
        (
            "Police questioned the mine head, who fled the town on Sunday.",
            "flee",
            "the mine head fled the town on Sunday",
        ),
    ],
)
def test_events_labels_names_the_modified_noun(text: str, predicate: str, label: str) -> None:
    assert _label(text, predicate) == label


def test_events_labels_no_empty_commas_where_a_clause_was_left_out() -> None:
    events = extract_events(
        "The mission said that its blue helmets (UN forces), fighting alongside the army, launched air strikes "
        "on the rebel brigades on Monday.",
        "2006-11-27",
    )
    label = str(events.loc[events[S.PREDICATE] == "strike", S.EVENT].iloc[0])
    assert ", ," not in label and " ," not in label


@pytest.mark.parametrize(
    ("text", "predicate", "label"),
    [
        # a relative pronoun subject reads as the noun it stands for
        (
            "Authorities banned advertisements that have not been approved by the monitoring department.",
            "approve",
            "advertisements have not been approved by the monitoring department",
        ),
        (
            "Suu Kyi called for sanctions on Burma, a stance which has been criticised by most dissident groups.",
            "criticise",
            "a stance has been criticised by most dissident groups",
        ),
        (
            "Police found the body of a woman whose torso had been fished out of a river in July.",
            "fish",
            "a woman's torso had been fished out of a river in July",
        ),
        (
            "The talks were held with the settlers, whose leaders attacked a village on Tuesday.",
            "attack",
            "the settlers' leaders attacked a village on Tuesday",
        ),
        # a named antecedent gives its canonical name
        (
            "Hamas, which won the election in January, formed a government.",
            "win",
            "Hamas won the election in January",
        ),
        # the object of a participle that modifies a noun is no sure antecedent: the pronoun stays
        (
            "Beijing killed a Danish motion criticizing Chinese violations that had been supported by Italy.",
            "support",
            "that had been supported by Italy",
        ),
        # no relative pronoun: the subject as written
        (
            "The park was renamed Zhongshan Park in 1928.",
            "rename",
            "The park was renamed Zhongshan Park in 1928",
        ),
    ],
)
def test_events_labels_relative_pronoun_reads_as_its_noun(text: str, predicate: str, label: str) -> None:
    assert _label(text, predicate) == label


@pytest.mark.parametrize(
    ("text", "predicate", "label"),
    [
        # a quotation that opens the verb's object: the words stay, the marks go
        (
            'Yushchenko assured Putin that he would not allow "the politicisation of this question," Putin said.',
            "allow",
            "Vladimir Putin: Viktor Yushchenko would not allow the politicisation of this question",
        ),
        # a quotation after the object still cuts the label
        (
            'Police arrested the driver on Monday "for his own safety," officials said.',
            "arrest",
            "officials: Police arrested the driver on Monday",
        ),
    ],
)
def test_events_labels_quotation_opening_the_object_is_kept(text: str, predicate: str, label: str) -> None:
    assert _label(text, predicate) == label


@pytest.mark.parametrize(
    ("text", "predicate", "label"),
    [
        # a comma-set relative clause, participle or apposition of the subject is left out of the label
        (
            "Fittipaldi, who won the F1 Championship in 1972 and 1974, followed just 0.408 seconds later.",
            "follow",
            "Fittipaldi followed just 0.408 seconds later",
        ),
        (
            "The official teachers' union, affiliated with Arafat's Palestine Liberation Organization, has "
            "condemned the strike.",
            "condemn",
            "The official teachers' union has condemned the strike",
        ),
        # the writer's missing closing comma: the aside runs to the predicate
        (
            "The AU delegation, consisting of 25 military officers arrived in Uganda on Saturday.",
            "arrive",
            "The AU delegation arrived in Uganda on Saturday",
        ),
        # must not change: a restrictive relative clause is part of the subject
        (
            "The man who fled on Monday was arrested on Tuesday.",
            "arrest",
            "The man who fled on Monday was arrested on Tuesday",
        ),
    ],
)
def test_events_labels_subject_without_its_asides(text: str, predicate: str, label: str) -> None:
    assert _label(text, predicate) == label
