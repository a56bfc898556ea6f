"""Change over time: theme shares per meeting in date order, or per month, quarter or year once meetings are many.

The first question of an evaluation is what changed. With few meetings the
honest answer is a point per meeting and no line; a smoothed line is drawn
only from MIN_TREND_PERIODS periods on, so two meetings never look like a
trend. Meetings are grouped into the finest period that keeps the axis
readable (at most MAX_POINTS points). A meeting without a date, or dated
too coarsely for the chosen period (a year only, when months are
compared), is left out and counted, never guessed.
"""

import numpy as np
import pandas as pd
from scipy import stats

from analysis.analyse.compare import CONFIDENCE
from analysis.base.config import MIN_TREND_PERIODS
from analysis.base.tables import COLUMNS

MAX_POINTS = 24  # points on a time axis before meetings are grouped into months, quarters or years
SMOOTHING_WINDOW = 5  # periods pooled in the centred moving share
RESOLUTIONS = ("meeting", "month", "quarter", "year")


def _period(date: str, resolution: str) -> str:
    """'2019-12-06' → '2019-12' (month), '2019-Q4' (quarter), '2019' (year); '' when the date is too coarse."""
    if resolution == "year":
        return date[:4] if len(date) >= 4 else ""
    if len(date) < 7:
        return ""
    return date[:7] if resolution == "month" else f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}"


def time_axis(meetings: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """(meeting_id, period, period_label, period_order) for each placed meeting, and the resolution chosen.

    The finest resolution with at most MAX_POINTS periods wins; a meeting it
    cannot place (no date, or a date too coarse for it) has no row.
    """
    dated = meetings[meetings["date"].astype(str) != ""][["meeting_id", "date"]].astype(str)
    dated = dated.sort_values(["date", "meeting_id"], kind="stable")
    if len(dated) <= MAX_POINTS:
        resolution = "meeting"
        axis = dated.assign(period=dated["meeting_id"], period_label=dated["date"])
    else:
        for resolution in RESOLUTIONS[1:]:
            periods = dated["date"].map(lambda d, r=resolution: _period(d, r))
            if periods[periods != ""].nunique() <= MAX_POINTS or resolution == "year":
                break
        axis = dated.assign(period=periods, period_label=periods)[periods != ""]
    order = {p: i for i, p in enumerate(dict.fromkeys(axis["period"]))}
    axis = axis.assign(period_order=axis["period"].map(order))
    return axis[["meeting_id", "period", "period_label", "period_order"]].reset_index(drop=True), resolution


def wilson_interval(hits: np.ndarray, n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """95 % Wilson score interval for hits out of n, vectorised; NaN where n is 0."""
    z = float(stats.norm.ppf(0.5 + CONFIDENCE / 2))
    with np.errstate(invalid="ignore", divide="ignore"):
        p = hits / n
        centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


def theme_trends(matrix: pd.DataFrame, meetings: pd.DataFrame, theme_ids: list[str]) -> pd.DataFrame:
    """theme_trends.csv: each theme's share per period, for all sentences and per actor type.

    Per row: the period's meetings and sentences, the coded sentences and
    their share with a Wilson interval, the meetings that raised the theme,
    and a centred moving share over SMOOTHING_WINDOW periods where the axis
    has at least MIN_TREND_PERIODS periods (empty otherwise).
    """
    axis, resolution = time_axis(meetings)
    placed = matrix.merge(axis, on="meeting_id", how="inner")
    frames = []
    for group_type, column in (("all", None), ("actor_type", "actor_type")):
        part = placed if column is None else placed[placed[column] != ""]
        keys = ["period"] if column is None else ["period", column]
        sums = part.groupby(keys, sort=False)[theme_ids].sum().rename_axis(columns="theme")
        raised = (part.groupby([*keys, "meeting_id"], sort=False)[theme_ids].max() > 0).groupby(level=keys).sum()
        sizes = part.groupby(keys, sort=False).agg(
            n_sentences=("meeting_id", "size"), n_meetings=("meeting_id", "nunique")
        )
        long = (
            sums.stack()
            .rename("n_segments")
            .to_frame()
            .join(raised.rename_axis(columns="theme").stack().rename("n_meetings_raised"))
            .reset_index()
            .merge(sizes.reset_index(), on=keys)
        )
        long = long.assign(group_type=group_type, group="" if column is None else long[column])
        frames.append(long)
    table = pd.concat(frames, ignore_index=True)
    labels = axis.drop_duplicates("period").set_index("period")
    table["period_label"] = table["period"].map(labels["period_label"])
    table["period_order"] = table["period"].map(labels["period_order"]).astype(int)
    table["resolution"] = resolution
    table["share"] = (table["n_segments"] / table["n_sentences"]).round(4)
    low, high = wilson_interval(table["n_segments"].to_numpy(float), table["n_sentences"].to_numpy(float))
    table["ci_low"], table["ci_high"] = low.round(4), high.round(4)
    table["smoothed"] = np.nan
    n_periods = len(labels)
    if n_periods >= MIN_TREND_PERIODS:
        table = table.sort_values(["group_type", "group", "theme", "period_order"], kind="stable")
        rolling = table.groupby(["group_type", "group", "theme"], sort=False)[["n_segments", "n_sentences"]].transform(
            lambda column: column.rolling(SMOOTHING_WINDOW, center=True, min_periods=3).sum()
        )
        table["smoothed"] = (rolling["n_segments"] / rolling["n_sentences"]).round(4)
    ranks = {"theme": {t: i for i, t in enumerate(theme_ids)}, "group_type": {"all": 0, "actor_type": 1}}
    table = table.sort_values(
        ["group_type", "group", "period_order", "theme"],
        key=lambda c: c.map(ranks[c.name]) if c.name in ranks else c,
        kind="stable",
    )
    return table.reindex(columns=COLUMNS["theme_trends"]).reset_index(drop=True)
