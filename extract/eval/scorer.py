"""TempEval-3 Task A scoring of time cues (UzZaman et al. 2013) over character spans.

- strict match: identical ``[char_start, char_end)``;
- relaxed match: the spans overlap, paired one-to-one greedily by overlap size (largest first),
  as the TE3 scorer does;
- precision / recall are over TIMEX3 counts; value F1 and type F1 are relaxed F1 × the share of
  relaxed matches whose value (type) is identical.

Counts are additive, so a corpus score is the micro average: sum :class:`Counts` over documents,
then read :meth:`Counts.scores`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

from extract import schema as S

FIGURES = (
    "strict_precision", "strict_recall", "strict_f1",
    "relaxed_precision", "relaxed_recall", "relaxed_f1",
    "value_accuracy", "type_accuracy", "value_f1", "type_f1",
)  # fmt: skip
MISMATCH_COLUMNS = tuple(S.names(S.TE3_MISMATCHES))


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Counts:
    """Raw counts behind the TE3 figures; add them to pool documents (micro average)."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0  # relaxed matches with identical value
    type_ok: int = 0  # relaxed matches with identical type

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def scores(self) -> dict[str, float]:
        """The TE3 figures in [0, 1]. Nothing to find and nothing found scores 1; otherwise an
        undefined ratio (0/0) counts as 0."""
        if self.gold == 0 and self.system == 0:
            return dict.fromkeys(FIGURES, 1.0)
        sp, sr = _ratio(self.strict, self.system), _ratio(self.strict, self.gold)
        rp, rr = _ratio(self.relaxed, self.system), _ratio(self.relaxed, self.gold)
        rf = _f1(rp, rr)
        va, ta = _ratio(self.value_ok, self.relaxed), _ratio(self.type_ok, self.relaxed)
        return {
            "strict_precision": sp, "strict_recall": sr, "strict_f1": _f1(sp, sr),
            "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
            "value_accuracy": va, "type_accuracy": ta, "value_f1": rf * va, "type_f1": rf * ta,
        }  # fmt: skip


def _spans(frame: pd.DataFrame) -> list[tuple[int, int]]:
    return list(zip(frame[S.CHAR_START].astype(int), frame[S.CHAR_END].astype(int), strict=True))


def relaxed_pairs(gold: pd.DataFrame, system: pd.DataFrame) -> list[tuple[int, int]]:
    """One-to-one (gold row, system row) positions of overlapping spans, largest overlap first."""
    g, s = _spans(gold), _spans(system)
    candidates: list[tuple[int, int, int, int]] = []
    order = sorted(range(len(s)), key=lambda j: s[j])
    for i, (gs, ge) in enumerate(g):
        for j in order:
            ss, se = s[j]
            if ss >= ge:
                break
            overlap = min(ge, se) - max(gs, ss)
            if overlap > 0:
                candidates.append((-overlap, i, j, abs(ss - gs) + abs(se - ge)))
    candidates.sort(key=lambda c: (c[0], c[3], c[1], c[2]))
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j, _ in candidates:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _same(a: object, b: object) -> bool:
    missing_a, missing_b = a is None or a is pd.NA or a != a, b is None or b is pd.NA or b != b
    if missing_a or missing_b:
        return missing_a and missing_b
    return str(a).strip() == str(b).strip()


def count(gold: pd.DataFrame, system: pd.DataFrame) -> Counts:
    """TE3 counts for one document's gold and system cues (schema TIME_CUES, same text)."""
    pairs = relaxed_pairs(gold, system)
    strict = len(set(_spans(gold)) & set(_spans(system)))
    gv, sv = gold[S.TIME_VALUE].tolist(), system[S.TIME_VALUE].tolist()
    gt, st = gold[S.TIME_TYPE].tolist(), system[S.TIME_TYPE].tolist()
    return Counts(
        gold=len(gold),
        system=len(system),
        strict=strict,
        relaxed=len(pairs),
        value_ok=sum(_same(gv[i], sv[j]) for i, j in pairs),
        type_ok=sum(_same(gt[i], st[j]) for i, j in pairs),
    )


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def mismatches(gold: pd.DataFrame, system: pd.DataFrame, text: str, doc_id: str = "") -> pd.DataFrame:
    """Every disagreement in one document, one row each (columns ``MISMATCH_COLUMNS``).

    ``kind`` is ``missed`` (gold without relaxed match), ``spurious`` (system without one),
    ``span`` (relaxed but not strict match), ``value`` / ``type`` (attribute differs); a pair can
    give several rows. Context shows the cue in ``[[…]]`` with 40 characters either side.
    """
    rows: list[dict[str, object]] = []
    pairs = relaxed_pairs(gold, system)

    def row(kind: str, gi: int | None, sj: int | None) -> dict[str, object]:
        g = gold.iloc[gi] if gi is not None else None
        s = system.iloc[sj] if sj is not None else None
        anchor = g if g is not None else s
        assert anchor is not None
        start, end = int(anchor[S.CHAR_START]), int(anchor[S.CHAR_END])
        return {
            S.DOC_ID: doc_id,
            S.MISMATCH_KIND: kind,
            S.GOLD_TEXT: text[int(g[S.CHAR_START]) : int(g[S.CHAR_END])] if g is not None else "",
            S.GOLD_TYPE: g[S.TIME_TYPE] if g is not None else "",
            S.GOLD_VALUE: g[S.TIME_VALUE] if g is not None else "",
            S.SYS_TEXT: text[int(s[S.CHAR_START]) : int(s[S.CHAR_END])] if s is not None else "",
            S.SYS_TYPE: s[S.TIME_TYPE] if s is not None else "",
            S.SYS_VALUE: s[S.TIME_VALUE] if s is not None else "",
            S.CHAR_START: start,
            S.CONTEXT: _context(text, start, end),
        }

    matched_g = {i for i, _ in pairs}
    matched_s = {j for _, j in pairs}
    for i in range(len(gold)):
        if i not in matched_g:
            rows.append(row("missed", i, None))
    for j in range(len(system)):
        if j not in matched_s:
            rows.append(row("spurious", None, j))
    for i, j in pairs:
        g, s = gold.iloc[i], system.iloc[j]
        if (int(g[S.CHAR_START]), int(g[S.CHAR_END])) != (int(s[S.CHAR_START]), int(s[S.CHAR_END])):
            rows.append(row("span", i, j))
        if not _same(g[S.TIME_VALUE], s[S.TIME_VALUE]):
            rows.append(row("value", i, j))
        if not _same(g[S.TIME_TYPE], s[S.TIME_TYPE]):
            rows.append(row("type", i, j))
    frame = pd.DataFrame(rows, columns=list(MISMATCH_COLUMNS))
    return frame.sort_values([S.CHAR_START, S.MISMATCH_KIND], kind="stable").reset_index(drop=True)


def format_table(scores: dict[str, float], counts: Counts | None = None) -> str:
    """One line per figure (percent with 2 decimals), then the counts."""
    lines = [f"{name:<18} {100 * scores[name]:6.2f}" for name in FIGURES]
    if counts is not None:
        lines += [f"{f.name:<18} {getattr(counts, f.name):6d}" for f in fields(counts)]
    return "\n".join(lines)
