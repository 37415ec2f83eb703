"""Two spellings of one name: words that differ by one edit ("Aso" / "Asao"), for the merges of
misspelt names within a document (:mod:`extract.actors.resolve`) and across a corpus
(:mod:`extract.actors.corpus`).
"""

from __future__ import annotations

__all__ = ["MIN_SUBSTITUTED_WORD", "MIN_TYPO_WORD", "one_edit"]

MIN_TYPO_WORD = 3  # "Aso" / "Asao": the shorter spelling of the differing word has 3+ letters
MIN_SUBSTITUTED_WORD = 5  # a changed letter only in words of 5+ letters ("Wang Li" / "Wang Yi" differ)


def one_edit(a: str, b: str) -> bool:
    """Do two words differ by one inserted or dropped letter, two swapped neighbours, or (in long
    words) one changed letter? ("Aso" / "Asao", "Netanyahu" / "Netanyhau")"""
    if a == b or min(len(a), len(b)) < MIN_TYPO_WORD:
        return False
    if abs(len(a) - len(b)) == 1:
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        if long_ == short + "s":
            return False  # a plural ("Tigers" / "Tiger"), not a misspelling
        return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))
    if len(a) != len(b):
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    if len(diff) == 2 and diff[1] == diff[0] + 1:
        return a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return len(diff) == 1 and len(a) >= MIN_SUBSTITUTED_WORD
