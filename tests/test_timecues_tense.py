"""Sentence tense from surface markers, including deadlines ("until Tuesday") and past perfect."""

from __future__ import annotations

import pytest

from extract.timecues import Tense
from extract.timecues.tense import tense_at


@pytest.mark.parametrize(
    ("text", "cue", "tense"),
    [
        ("The minister said on Tuesday that", "Tuesday", Tense.PAST),
        ("The minister will visit on Tuesday.", "Tuesday", Tense.FUTURE),
        ("Officials postponed until Tuesday any action.", "Tuesday", Tense.AHEAD),
        ("The loan must be repaid by February.", "February", Tense.AHEAD),
        ("The pact was signed, effective June 1.", "June 1", Tense.FUTURE),
        ("He could come as early as Tuesday.", "Tuesday", Tense.FUTURE),
        ("They were planning to drive to the airport on Monday.", "Monday", Tense.FUTURE),
        # past perfect overrides the deadline
        ("Members had filed reports by Wednesday.", "Wednesday", Tense.PAST),
        ("Until Thursday, they had not called him a suspect.", "Thursday", Tense.PAST),
        ("The offer had been due to expire Friday evening.", "Friday", Tense.PAST),
        ("The offer is due to expire Friday evening.", "Friday", Tense.FUTURE),
        # "through" is a span so far, not a deadline: "this year through August" is past
        ("Sales rose this year through August.", "August", Tense.PAST),
        # what a state started from is behind us
        ("Ever since March the two parties have fought.", "March", Tense.BEHIND),
        # irregular simple pasts are past markers like the -ed forms
        ("The talks ran from March 3 to March 5.", "March 3", Tense.PAST),
        ("Thousands fled on Sunday.", "Sunday", Tense.PAST),
        ("The quake struck in October.", "October", Tense.PAST),
        # a participle after "be" is passive, no past tense: the future word decides
        ("The meeting is scheduled to be held on Tuesday.", "Tuesday", Tense.FUTURE),
        ("The meeting was held on Tuesday.", "Tuesday", Tense.PAST),
        # "to be" + participle is ahead, unless a past verb governs the infinitive
        ("The poll, to be published in the paper Friday, put Labour ahead.", "Friday", Tense.FUTURE),
        ("The match had to be postponed on Friday.", "Friday", Tense.PAST),
        ("Talks were due to be held on Monday but were cancelled.", "Monday", Tense.PAST),
        # a form that is also an infinitive is no marker: the future word decides
        ("The firm plans to cut jobs in March.", "March", Tense.FUTURE),
        ("The talks will run from March 3.", "March 3", Tense.FUTURE),
        # a start named with "beginning"/"starting" is ahead, unless a past marker says otherwise
        ("Baker launches an initiative beginning Tuesday.", "Tuesday", Tense.FUTURE),
        ("Curfews starting on Friday cover the city.", "Friday", Tense.FUTURE),
        ("Putin arrived for a visit beginning Sunday.", "Sunday", Tense.PAST),
        # nothing to go on
        ("A meeting on Tuesday.", "Tuesday", Tense.UNKNOWN),
        # the scheduling present counts for a weekday only (tense_at(..., scheduled=True) below)
        ("Iraq goes to the polls on Thursday.", "Thursday", Tense.UNKNOWN),
        ("a standby letter until", "standby", Tense.UNKNOWN),
    ],
)
def test_timecues_tense_markers(text: str, cue: str, tense: Tense) -> None:
    start = text.index(cue)
    assert tense_at(text, start, start + len(cue)) is tense


@pytest.mark.parametrize(
    ("text", "cue", "tense"),
    [
        ("Iraq goes to the polls on Thursday to elect a parliament.", "Thursday", Tense.FUTURE),
        ("The summit opens Monday in Brussels.", "Monday", Tense.FUTURE),
        ("Talks between the two sides resume Friday, officials said.", "Friday", Tense.FUTURE),
        ("The festival falls on Monday this year.", "Monday", Tense.FUTURE),
        ("Prices fell on Monday.", "Monday", Tense.PAST),
        # a past-tense marker nearer the cue wins
        ("The envoy, who arrives Monday, said on Friday that", "Friday", Tense.PAST),
        ("Police arrested him on Monday.", "Monday", Tense.PAST),
        # none of the words is there
        ("A meeting on Tuesday.", "Tuesday", Tense.UNKNOWN),
    ],
)
def test_timecues_tense_scheduled_present(text: str, cue: str, tense: Tense) -> None:
    start = text.index(cue)
    assert tense_at(text, start, start + len(cue), scheduled=True) is tense
