"""Comparisons: intervals and tests on small hand-checkable counts, and responses in the real minutes."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.analyse import compare
from analysis.analyse.compare import _chi_square, share_intervals
from analysis.base.config import RANDOM_STATE


def test_zero_share_gets_an_exact_interval() -> None:
    low, high, method = share_intervals(np.zeros((16, 1), dtype=int), np.arange(16))
    assert method == ["clopper-pearson"] and low[0] == 0.0
    assert high[0] == pytest.approx(1 - 0.025 ** (1 / 16))


def test_bootstrap_interval_resamples_paragraphs_and_brackets_the_share() -> None:
    hits = np.array([1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0])[:, None]
    clusters = np.repeat(np.arange(4), 3)
    low, high, method = share_intervals(hits, clusters)
    assert method == ["cluster-bootstrap"]
    assert low[0] <= hits.mean() <= high[0]
    again = share_intervals(hits, clusters)  # fixed seed: same interval every time
    assert (low, high) == (again[0], again[1])


def _scipy_interval(hits: np.ndarray, clusters: np.ndarray, batch: int | None = None) -> tuple[float, float]:
    """The interval as scipy.stats.bootstrap gives it for one theme: paragraphs resampled, percentile method."""
    frame = pd.DataFrame({"hit": hits, "cluster": clusters}).groupby("cluster")["hit"].agg(["sum", "count"])
    result = stats.bootstrap(
        (frame["sum"].to_numpy(float), frame["count"].to_numpy(float)),
        lambda a, b, axis=-1: a.sum(axis=axis) / b.sum(axis=axis),
        paired=True,
        vectorized=True,
        n_resamples=compare.N_RESAMPLES,
        batch=batch,
        confidence_level=compare.CONFIDENCE,
        method="percentile",
        random_state=np.random.default_rng(RANDOM_STATE),
    )
    return float(result.confidence_interval.low), float(result.confidence_interval.high)


def test_all_themes_at_once_equal_scipy_bootstrap_theme_by_theme() -> None:
    rng = np.random.default_rng(3)
    hits = (rng.random((300, 5)) < [0.02, 0.1, 0.3, 0.5, 0.0]).astype(int)
    clusters = rng.integers(0, 60, 300)
    low, high, methods = share_intervals(hits, clusters)
    for t in range(4):
        assert methods[t] == "cluster-bootstrap"
        assert (low[t], high[t]) == _scipy_interval(hits[:, t], clusters)
    assert methods[4] == "clopper-pearson"


def test_a_large_group_is_resampled_in_blocks_as_scipy_batches(monkeypatch) -> None:
    monkeypatch.setattr(compare, "BOOTSTRAP_BLOCK", 60 * 150)  # 150 resamples per block for 60 paragraphs
    rng = np.random.default_rng(4)
    hits = (rng.random((400, 2)) < [0.1, 0.4]).astype(int)
    clusters = rng.integers(0, 60, 400)
    low, high, _ = share_intervals(hits, clusters)
    for t in range(2):
        assert (low[t], high[t]) == _scipy_interval(hits[:, t], clusters, batch=150)


def test_a_group_of_many_paragraphs_gets_the_normal_interval_the_bootstrap_converges_to(monkeypatch) -> None:
    """Above BOOTSTRAP_MAX_CLUSTERS paragraphs: the cluster-robust normal interval, equal to the bootstrap's within
    the reported precision, and named in ci_method."""
    rng = np.random.default_rng(6)
    clusters = np.repeat(np.arange(6000), rng.integers(1, 8, 6000))
    rates = rng.beta(2, 20, 6000)[clusters]  # paragraphs differ: the sentences of one are not independent
    hits = np.column_stack([rng.random(len(clusters)) < rates, rng.random(len(clusters)) < 0.4]).astype(int)
    low, high, methods = share_intervals(hits, clusters)
    assert methods == ["cluster-normal", "cluster-normal"]
    monkeypatch.setattr(compare, "BOOTSTRAP_MAX_CLUSTERS", 10_000)
    boot_low, boot_high, boot_methods = share_intervals(hits, clusters)
    assert boot_methods == ["cluster-bootstrap", "cluster-bootstrap"]
    assert np.abs(low - boot_low).max() < 0.001 and np.abs(high - boot_high).max() < 0.001
    naive = stats.binomtest(int(hits[:, 0].sum()), len(hits)).proportion_ci(method="wilson")
    assert high[0] - low[0] > naive.high - naive.low  # wider than if the sentences were independent


def test_counts_drawn_per_group_give_the_permutation_tests_p_value(monkeypatch) -> None:
    """Above PERMUTE_LABELS_MAX the null is drawn as coded counts per group: the same test, within Monte Carlo error."""
    rng = np.random.default_rng(5)
    for rates in ([0.1, 0.1, 0.1, 0.1], [0.1, 0.15, 0.2, 0.1], [0.05, 0.3, 0.1, 0.1]):
        samples = [(rng.random(size) < rate).astype(int) for size, rate in zip([40, 60, 30, 50], rates, strict=True)]
        labels = compare._permutation_p_value(samples, np.random.default_rng(0))
        monkeypatch.setattr(compare, "PERMUTE_LABELS_MAX", 0)
        counts = compare._permutation_p_value(samples, np.random.default_rng(0))
        monkeypatch.undo()
        assert counts[0] == pytest.approx(labels[0])  # the same statistic
        assert abs(counts[1] - labels[1]) < 4 * np.sqrt(labels[1] * (1 - labels[1]) / compare.N_RESAMPLES) + 1e-3


def test_the_permutation_test_is_scipys_with_the_statistic_taken_one_resample_at_a_time() -> None:
    """The chi-square is computed for all resamples at once (vectorised): the same p-values, to the last bit."""
    rng = np.random.default_rng(8)
    for sizes in ([40, 60, 30], [3, 2, 3], [12, 9, 15, 7]):  # resampled, enumerated exactly, four groups
        samples = [(rng.random(size) < 0.3).astype(int) for size in sizes]
        vectorised = compare._permutation_p_value(samples, np.random.default_rng(0))
        one_at_a_time = stats.permutation_test(
            samples,
            lambda *sample: float(_chi_square(*sample)),
            permutation_type="independent",
            vectorized=False,
            n_resamples=compare.N_RESAMPLES,
            alternative="greater",
            random_state=np.random.default_rng(0),
        )
        assert vectorised == (one_at_a_time.statistic, one_at_a_time.pvalue)


def _matrix(rows: list[tuple[str, str, str, int]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(meeting, speaker, actor type, coded) per sentence, as segments and a one-theme coded matrix."""
    segments = pd.DataFrame(
        {
            "segment_id": [f"s{i}" for i in range(len(rows))],
            "meeting_id": [r[0] for r in rows],
            "speaker": [r[1] for r in rows],
            "actor_type": [r[2] for r in rows],
            "organisation_canonical": [r[1] + " org" if r[1] else "" for r in rows],
        }
    )
    return segments, segments[["segment_id", "meeting_id"]].assign(t=[r[3] for r in rows])


def test_an_answer_counts_only_later_in_the_same_meeting_by_a_named_government_speaker() -> None:
    segments, matrix = _matrix(
        [
            ("m2", "Gov", "government", 1),  # before the raise: not an answer
            ("m2", "Ann", "civil_society", 1),
            ("m2", "Bob", "civil_society", 1),
            ("m2", "", "government", 1),  # no speaker: not an answer
            ("m2", "Gov", "government", 0),  # not coded: not an answer
            ("m2", "Ann", "civil_society", 1),
            ("m2", "Min", "government", 1),
            ("m1", "Cid", "civil_society", 1),
            ("m1", "Gov", "government", 1),  # another meeting
        ]
    )
    table = compare.responses(matrix, segments, ["t"])
    assert table[["meeting_id", "raised_by", "answered", "answered_by"]].values.tolist() == [
        ["m1", "Cid", "yes", "Gov"],
        ["m2", "Ann", "yes", "Min"],
        ["m2", "Bob", "yes", "Min"],
    ]
    assert table["raised_segment_ids"].tolist() == ["s7", "s1; s5", "s2"]
    assert table["answer_segment_ids"].tolist() == ["s8", "s6", "s6"]


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


def test_drawn_permutation_tests_give_the_same_p_values_however_the_threads_run(monkeypatch) -> None:
    """Above PERMUTE_LABELS_MAX each theme's test runs on a thread with its own seed: reproducible, order-free."""
    monkeypatch.setattr(compare, "PERMUTE_LABELS_MAX", 0)
    rng = np.random.default_rng(7)
    meetings = np.repeat(["a", "b", "c", "d"], [40, 60, 30, 50])
    matrix = pd.DataFrame(
        {
            "meeting_id": meetings,
            "organisation_canonical": "",
            "actor_type": "",
            "t1": (rng.random(180) < np.where(meetings == "b", 0.4, 0.1)).astype(int),
            "t2": (rng.random(180) < 0.2).astype(int),
        }
    )
    first = compare.theme_differences(matrix, ["t1", "t2"])
    pd.testing.assert_frame_equal(first, compare.theme_differences(matrix, ["t1", "t2"]))
    assert set(first["test"]) == {"permutation chi-square"}
    assert first.set_index("theme").loc["t1", "p_value"] < 0.01 < first.set_index("theme").loc["t2", "p_value"]
