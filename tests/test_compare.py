"""Comparisons: intervals and tests on small hand-checkable counts, and responses in the real minutes."""

import numpy as np
import pytest
from scipy import stats

from analysis.analyse.compare import _chi_square, share_interval


def test_zero_share_gets_an_exact_interval() -> None:
    low, high, method = share_interval(np.zeros(16, dtype=int), np.arange(16))
    assert method == "clopper-pearson" and low == 0.0
    assert high == pytest.approx(1 - 0.025 ** (1 / 16))


def test_bootstrap_interval_resamples_paragraphs_and_brackets_the_share() -> None:
    hits = np.array([1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0])
    clusters = np.repeat(np.arange(4), 3)
    low, high, method = share_interval(hits, clusters)
    assert method == "cluster-bootstrap"
    assert low <= hits.mean() <= high
    assert (low, high, method) == share_interval(hits, clusters)  # fixed seed: same interval every time


def test_chi_square_statistic_matches_scipy() -> None:
    samples = [np.array([1, 1, 1, 0]), np.array([0, 0, 1, 0, 0]), np.array([0, 1, 0])]
    table = np.array([[s.sum(), len(s) - s.sum()] for s in samples])
    assert float(_chi_square(*samples)) == pytest.approx(stats.chi2_contingency(table, correction=False).statistic)


def test_shares_in_theme_comparison(built) -> None:
    comparison = built[1].tables["theme_comparison"]
    segments = built[1].tables["segments"]
    codes = built[1].tables["codes"]
    minutes = "2019-12-06_kontaktutvalget_referat"
    row = comparison.query("group_type == 'meeting' and group == @minutes and theme == 'wage_subsidy'").iloc[0]
    coded = set(codes[codes["theme"] == "wage_subsidy"]["segment_id"])
    n_group = (segments["meeting_id"] == minutes).sum()
    assert row["n_group"] == n_group
    assert row["n_segments"] == len(coded & set(segments[segments["meeting_id"] == minutes]["segment_id"]))
    assert row["ci_low"] <= row["share"] <= row["ci_high"]
    assert set(comparison["group_type"]) == {"meeting", "organisation", "actor_type"}


def test_two_meetings_are_compared_with_fisher(built) -> None:
    differences = built[1].tables["theme_differences"]
    meetings = differences[differences["group_type"] == "meeting"]
    tested = meetings[meetings["test"] == "fisher exact"]
    assert len(tested) > 0 and tested["p_value"].between(0, 1).all()
    assert (tested["q_value"] >= tested["p_value"]).all()


def test_wage_subsidy_raised_by_wayback_is_answered_by_the_minister_and_bjertnaes(built) -> None:
    responses = built[1].tables["responses"]
    row = responses.query("theme == 'wage_subsidy' and raised_by == 'Johan Lothe'").iloc[0]
    assert row["raised_organisation"] == "Wayback" and row["answered"] == "yes"
    assert row["answered_by"].split("; ") == ["Anniken Hauglie", "Marte Kristine Bjertnæs"]
    segments = built[1].tables["segments"].set_index("segment_id")
    for sid in row["answer_segment_ids"].split("; "):
        assert segments.loc[sid, "actor_type"] == "government"
        assert sid > row["raised_segment_ids"].split("; ")[0]  # later in the same meeting
    assert "tre måneder av gangen" in segments.loc[row["raised_segment_ids"].split("; ")[-1], "text"]


def test_recurring_issues_name_who_raised_first(built) -> None:
    recurring = built[1].tables["recurring_issues"].set_index("theme")
    employer = recurring.loc["employer_measures"]
    assert employer["recurs"] == "yes" and employer["n_meetings"] == 2
    assert employer["first_meeting"] == "2018-10_innspillsmote_tiltaksarrangorer_nyhet"
    substance = recurring.loc["substance_prison"]
    assert substance["recurs"] == "no" and substance["only_in"] == "2019-12-06_kontaktutvalget_referat"
    assert substance["first_speaker"] == "Johan Lothe"
