"""Change over time: the time axis, theme shares per period, and what the notebook may say about a trend."""

import pandas as pd
import pytest

from analysis.analyse.compare import coded_matrix, recurring_issues
from analysis.analyse.trends import MAX_POINTS, theme_trends, time_axis
from analysis.base.config import MIN_TREND_PERIODS
from analysis.coding.codebook import load_codebook
from analysis.publish import views


def _meetings(dates: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"meeting_id": [f"m{i:03d}" for i in range(len(dates))], "date": dates})


def test_the_axis_is_as_fine_as_stays_readable() -> None:
    few = _meetings(["2019-12-06", "2018-10", ""])
    axis, resolution = time_axis(few)
    assert resolution == "meeting" and axis["meeting_id"].tolist() == ["m001", "m000"]  # date order, undated out
    monthly = _meetings([f"{2015 + i // 12}-{i % 12 + 1:02d}-01" for i in range(30)] + ["2016"])
    axis, resolution = time_axis(monthly)
    assert resolution == "quarter" and axis["period"].nunique() == 10 and "m030" not in set(axis["meeting_id"])
    months = _meetings([f"2015-{i % 12 + 1:02d}-{i % 28 + 1:02d}" for i in range(100)])
    assert time_axis(months)[1] == "month"
    decades = _meetings([f"{1990 + i // 5}-{i % 12 + 1:02d}-01" for i in range(150)])
    axis, resolution = time_axis(decades)
    assert resolution == "year" and axis["period"].nunique() == 30 and axis["period_order"].max() == 29
    assert len(time_axis(_meetings([f"2020-01-{d:02d}" for d in range(1, MAX_POINTS + 1)]))[0]) == MAX_POINTS


def test_trends_agree_with_the_codes_and_draw_no_line_through_two_meetings(built) -> None:
    tables = built[1].tables
    codebook = load_codebook()
    matrix = coded_matrix(tables["segments"], tables["codes"], codebook.ids)
    trends = theme_trends(matrix, tables["meetings"], codebook.ids)
    overall = trends[trends["group_type"] == "all"]
    assert len(overall) == 2 * len(codebook.ids) and trends["smoothed"].isna().all()
    by_meeting = matrix.groupby("meeting_id")[codebook.ids].sum().stack()
    for row in overall.itertuples(index=False):
        assert row.n_segments == by_meeting[(row.period, row.theme)]
        assert row.n_meetings_raised == int(row.n_segments > 0)
        assert row.ci_low <= row.share <= row.ci_high
    comparison = tables["theme_comparison"]
    shares = comparison[comparison["group_type"] == "meeting"].set_index(["group", "theme"])["share"]
    assert all(abs(r.share - shares[(r.period, r.theme)]) < 1e-4 for r in overall.itertuples(index=False))
    said = views.trend_markdown(trends, tables["meetings"], codebook.labels(), "en")
    assert "2 meetings are too few for a trend" in said and "2 documents are placed in time" in said


def test_the_trend_statement_follows_the_corpus(built) -> None:
    """Fifteen copies of the corpus's meetings, one a month, with a theme added late: the sentence names it."""
    tables = built[1].tables
    codebook = load_codebook()
    matrix = coded_matrix(tables["segments"], tables["codes"], codebook.ids)
    months, meetings = [], []
    for month in range(1, 16):
        copy = matrix.assign(meeting_id=matrix["meeting_id"] + f"-{month:02d}")
        if month > 10:
            copy["health_and_work"] = 1  # every sentence of the last months
        months.append(copy)
        meetings.append(
            tables["meetings"].assign(
                meeting_id=tables["meetings"]["meeting_id"] + f"-{month:02d}",
                date=f"{2020 + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}-01",
            )
        )
    trends = theme_trends(pd.concat(months), pd.concat(meetings), codebook.ids)
    assert trends["resolution"].iloc[0] == "month" and trends["period_order"].nunique() == 15 >= MIN_TREND_PERIODS
    assert trends[trends["group_type"] == "all"]["smoothed"].notna().all()
    said = views.trend_markdown(trends, pd.concat(meetings), codebook.labels(), "en")
    assert f"the largest rise is {codebook.labels()['health_and_work']}" in said


def test_an_undated_meeting_is_never_first_raised(built) -> None:
    tables = built[1].tables
    codebook = load_codebook()
    matrix = coded_matrix(tables["segments"], tables["codes"], codebook.ids)
    meetings = tables["meetings"].copy()
    meetings.loc[meetings["meeting_id"].str.startswith("2018"), "date"] = ""
    recurring = recurring_issues(matrix, tables["segments"], meetings, codebook.ids).set_index("theme")
    employer = recurring.loc["employer_measures"]
    assert employer["first_meeting"] == "2019-12-06_kontaktutvalget_referat" and employer["again_date"] == ""
    dated = recurring_issues(matrix, tables["segments"], tables["meetings"], codebook.ids).set_index("theme")
    assert dated.loc["employer_measures", "again_date"] == "2019-12-06"
    assert dated.loc["employer_measures", "last_date"] == "2019-12-06"


@pytest.mark.parametrize("n", [2, 20])
def test_small_synthetic_corpora_say_what_they_can(hundred_meetings, n: int) -> None:
    """At 2 meetings: points, no line, the too-few sentence; at 20: a line, a rise and a fall named."""
    matrix, meetings, ids = hundred_meetings
    keep = sorted(meetings["meeting_id"])[:n]
    trends = theme_trends(matrix[matrix["meeting_id"].isin(keep)], meetings[meetings["meeting_id"].isin(keep)], ids)
    said = views.trend_markdown(trends, meetings[meetings["meeting_id"].isin(keep)], load_codebook().labels(), "en")
    assert trends["resolution"].iloc[0] == "meeting"
    assert ("too few for a trend" in said) == (n < MIN_TREND_PERIODS)
    assert trends["smoothed"].notna().any() == (n >= MIN_TREND_PERIODS)


@pytest.fixture(scope="module")
def hundred_meetings(tmp_path_factory):
    """A small synthetic corpus, coded (no analyses)."""
    from corpus import build_corpus

    from analysis.bench.synth import synth_corpus

    raw = synth_corpus(20, tmp_path_factory.mktemp("synth") / "raw", seed=3)
    tables = build_corpus(raw, raw.parent / "processed", analyses=False, hand_path=None, cache=False).tables
    ids = load_codebook().ids
    return coded_matrix(tables["segments"], tables["codes"], ids), tables["meetings"], ids


def test_an_empty_measure_column_is_read_back_as_missing(built, tmp_path) -> None:
    """Two meetings give no smoothed line: the whole column is empty in the CSV and must load as NaN."""
    from analysis.base.tables import frame, load, write_table

    tables = built[1].tables
    codebook = load_codebook()
    trends = theme_trends(
        coded_matrix(tables["segments"], tables["codes"], codebook.ids), tables["meetings"], codebook.ids
    )
    write_table(frame("theme_trends", trends), "theme_trends", tmp_path)
    loaded = load("theme_trends", tmp_path)
    assert loaded["smoothed"].isna().all() and loaded["share"].dtype == float
    pd.testing.assert_series_equal(loaded["share"], trends["share"].astype(float), check_names=False)
