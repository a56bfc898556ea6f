"""The project's figures, each a function from a tidy table to a matplotlib Figure.

Words come from `analysis.publish.words.text` (Norwegian by default, `lang="en"`
for English) and theme colours from `analysis.publish.style.theme_colours`, so every
figure speaks the same language and a theme keeps its colour.
"""

import textwrap
from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import ScalarFormatter

from analysis.publish.findings import PERCENT_SIGN, decimal_mark, percent
from analysis.publish.style import PALETTE, SEQUENTIAL_MAP
from analysis.publish.words import text

MAX_PANELS = 4  # more documents than this: one overview instead of a panel each
MAX_SPEAKERS = 25
MAX_CELL_LABELS = 25  # columns above which a heat map's cells are too narrow for their numbers
MAX_TICK_LABELS = 40  # columns above which only every n-th column is named
MAX_WIDTH_IN = 16.0


class _Numbers(ScalarFormatter):
    """Matplotlib's own tick numbers, with the decimal mark of the figure's language."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def __call__(self, x: float, pos: int | None = None) -> str:
        return decimal_mark(super().__call__(x, pos), self.lang)


class _Percent(_Numbers):
    """Shares from 0 to 1 as percent, written as the figure's language writes them: '20 %', '2,5 %' in Norwegian,
    with as many decimals as the ticks' spacing needs (matplotlib's choice for the percentages)."""

    def set_locs(self, locs: Sequence[float]) -> None:
        super().set_locs([loc * 100 for loc in locs])

    def __call__(self, x: float, pos: int | None = None) -> str:
        shown = super().__call__(x * 100, pos)
        return f"{shown}{PERCENT_SIGN[self.lang]}" if shown else shown


def in_language(fig: Figure, lang: str) -> Figure:
    """The figure with every numeric axis written as `lang` writes numbers.

    Matplotlib writes a tick '0.25' whatever the language; a reader of the
    Norwegian report, whose text says '0,25', should meet the same number in
    its figures. Axes that name categories keep their names.
    """
    for ax in fig.get_axes():
        for axis in (ax.xaxis, ax.yaxis):
            if type(axis.get_major_formatter()) is ScalarFormatter:
                axis.set_major_formatter(_Numbers(lang))
    return fig


def _wrap(label: str, width: int) -> str:
    return textwrap.fill(label, width, break_long_words=False)


def file_words(meeting_id: str, width: int = 24) -> str:
    """'kontaktutvalget referat' from '2019-12-06_kontaktutvalget_referat': the file name's words after its date
    (a name that does not begin with one keeps them all), shortened whole."""
    first, _, rest = meeting_id.partition("_")
    words = rest if rest and first[:1].isdigit() else meeting_id
    return textwrap.shorten(words.replace("_", " "), width, placeholder="…")


def _dated(date: str, meeting_id: str) -> str:
    """A panel's or column's name: the meeting's date, or for an undated document the words of its file name."""
    return date or file_words(meeting_id)


def _in_order(meetings: pd.DataFrame, present: pd.Series) -> list[str]:
    """Meetings by date that the table has rows for (a document without sentences has none)."""
    ordered = meetings.sort_values(["date", "meeting_id"])["meeting_id"]
    found = set(present)
    return [m for m in ordered if m in found]


def sentences_per_speaker_chart(table: pd.DataFrame, meetings: pd.DataFrame, lang: str = "nb") -> Figure:
    """Horizontal bars, one panel per document, so long Norwegian names stay readable.

    Above MAX_PANELS documents one panel shows the MAX_SPEAKERS speakers with
    the most sentences in the whole corpus, so the figure keeps its size.
    """
    ids = _in_order(meetings, table["meeting_id"])
    if len(ids) > MAX_PANELS:
        return _top_speakers_chart(table, len(ids), lang)
    heights = [max(1, (table["meeting_id"] == m).sum()) for m in ids]
    fig, axes = plt.subplots(
        len(ids),
        1,
        figsize=(8, 0.45 * sum(heights) + 1.6 * len(ids)),
        gridspec_kw={"height_ratios": heights},
        squeeze=False,
    )
    for colour, ax, meeting_id in zip(PALETTE, axes[:, 0], ids, strict=False):
        rows = table[table["meeting_id"] == meeting_id].iloc[::-1]
        labels = [
            _wrap(f"{s} ({o})" if o else s, 38) for s, o in zip(rows["speaker"], rows["organisation"], strict=True)
        ]
        ax.barh(labels, rows["n_sentences"], color=colour)
        meta = meetings.set_index("meeting_id").loc[meeting_id]
        heading = " · ".join(part for part in (meta["date"], meta["title"]) if part) or file_words(meeting_id, 70)
        ax.set_title(_wrap(heading, 70), loc="left", fontsize=10)
        ax.set_xlabel(text("n_sentences", lang))
        for y, value in enumerate(rows["n_sentences"]):
            ax.annotate(str(value), (value, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    fig.suptitle(text("sentences_per_speaker", lang), x=0.02, ha="left", fontsize=12, fontweight="bold")
    fig.tight_layout()
    return in_language(fig, lang)


def _top_speakers_chart(table: pd.DataFrame, n_documents: int, lang: str) -> Figure:
    totals = (
        table.groupby(["speaker", "organisation"], as_index=False)["n_sentences"]
        .sum()
        .sort_values(["n_sentences", "speaker"], ascending=[False, True])
        .head(MAX_SPEAKERS)
        .iloc[::-1]
    )
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(totals) + 1.6))
    pairs = zip(totals["speaker"], totals["organisation"], strict=True)
    labels = [_wrap(f"{s} ({o})" if o else s, 44) for s, o in pairs]
    ax.barh(labels, totals["n_sentences"], color=PALETTE[0])
    for y, value in enumerate(totals["n_sentences"]):
        ax.annotate(str(value), (value, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlim(0, max(1, int(totals["n_sentences"].max())) * 1.15)  # room for the longest bar's number
    ax.set_xlabel(text("n_sentences", lang))
    ax.set_title(text("top_speakers", lang, n=len(totals), documents=n_documents), loc="left", fontsize=10)
    fig.suptitle(text("sentences_per_speaker", lang), x=0.02, ha="left", fontsize=12, fontweight="bold")
    fig.tight_layout()
    return in_language(fig, lang)


def theme_frequency_chart(
    freq: pd.DataFrame,
    meetings: pd.DataFrame,
    colours: dict[str, str],
    label_column: str = "label_nb",
    lang: str = "nb",
) -> Figure:
    """One panel per meeting; a bar per theme in the theme's colour, its share and count written beside it.

    Above MAX_PANELS meetings the panels would shrink past reading: the same
    shares are drawn as one heat map, themes down and meetings across.
    """
    ids = _in_order(meetings, freq["meeting_id"])
    themes = list(dict.fromkeys(freq["theme"]))
    labels = freq.drop_duplicates("theme").set_index("theme")[label_column]
    if len(ids) > MAX_PANELS:
        dates = meetings.set_index("meeting_id")["date"]
        table = freq.pivot(index="theme", columns="meeting_id", values="share").loc[themes, ids]
        table.index = [labels[t] for t in themes]
        short = len(ids) > MAX_CELL_LABELS
        # "2019-12-06 kontaktutvalget referat": the date, then the file name's words (shortened whole)
        named = [f"{dates[m]} {file_words(m)}".strip() for m in ids]
        table.columns = [_dated(dates[m], m) for m in ids] if short else named
        return heatmap(
            table, text("themes_per_meeting", lang), text("meeting", lang), text("share_of_sentences", lang), lang=lang
        )
    fig, axes = plt.subplots(
        1, len(ids), figsize=(3.2 * len(ids) + 2.6, 0.34 * len(themes) + 1.8), sharey=True, squeeze=False
    )
    top = float(freq["share"].max() * 100) if len(freq) else 1
    for ax, meeting_id in zip(axes[0], ids, strict=True):
        rows = freq[freq["meeting_id"] == meeting_id].set_index("theme").loc[themes]
        ax.barh(range(len(themes)), rows["share"] * 100, color=[colours[t] for t in themes])
        for y, (share, n) in enumerate(zip(rows["share"], rows["n_segments"], strict=True)):
            if n:
                ax.annotate(
                    str(n), (share * 100, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=7
                )
        meta = meetings.set_index("meeting_id").loc[meeting_id]
        heading = f"{_dated(meta['date'], meeting_id)} (n\u00a0=\u00a0{int(meta['n_segments'])})"
        ax.set_title(_wrap(heading, 30), loc="left", fontsize=9)
        ax.set_xlim(0, top * 1.15)
    axes[0][0].set_yticks(range(len(themes)), [labels[t] for t in themes])
    axes[0][0].invert_yaxis()
    fig.supxlabel(text("share_of_meeting", lang), fontsize=9)
    fig.suptitle(text("themes_per_meeting", lang), x=0.02, ha="left", fontsize=12, fontweight="bold")
    fig.tight_layout()
    return in_language(fig, lang)


def topic_selection_chart(selection: pd.DataFrame, lang: str = "nb") -> Figure:
    """Coherence and stability against k for each model; the chosen k marked."""
    models = list(dict.fromkeys(selection["model"]))
    fig, axes = plt.subplots(1, len(models), figsize=(4.2 * len(models), 3.4), squeeze=False, sharey=True)
    for ax, model in zip(axes[0], models, strict=True):
        rows = selection[selection["model"] == model]
        ax.plot(rows["k"], rows["coherence"], marker="o", color=PALETTE[0], label=text("coherence", lang))
        ax.plot(rows["k"], rows["stability"], marker="s", color=PALETTE[1], label=text("stability", lang))
        for k in rows[rows["chosen"] == "yes"]["k"]:
            ax.axvline(k, color="grey", linestyle="--", linewidth=1)
            ax.annotate(
                text("chosen_k", lang, k=k),
                (k, 0.5),
                xytext=(4, 0),
                textcoords="offset points",
                fontsize=8,
                rotation=90,
                va="center",
                color="grey",
            )
        ax.set_title(model.upper(), loc="left", fontsize=10)
        ax.set_xlabel(text("k", lang))
        ax.set_xticks(list(rows["k"]))
        ax.axhline(0, color="black", linewidth=0.5)
    axes[0][0].set_ylabel(text("value", lang))
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.suptitle(text("choosing_k", lang), x=0.02, ha="left", fontsize=12, fontweight="bold")
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    fig.legend(handles, labels, loc="lower center", ncol=2, fontsize=8, frameon=False)
    return in_language(fig, lang)


def top_terms_chart(
    topics: pd.DataFrame, model: str, n_terms: int = 8, lang: str = "nb", unstable: frozenset[int] = frozenset()
) -> Figure:
    """One small bar chart per topic of the chosen model: its top terms and their weights; unstable topics say so."""
    rows = topics[(topics["model"] == model) & (topics["rank"] <= n_terms)]
    ids = sorted(rows["topic_id"].unique())
    cols = min(3, len(ids))
    nrows = (len(ids) + cols - 1) // cols
    fig, axes = plt.subplots(nrows, cols, figsize=(3.3 * cols, 2.6 * nrows), squeeze=False)
    for ax in axes.ravel()[len(ids) :]:
        ax.set_visible(False)
    for ax, topic_id, colour in zip(axes.ravel(), ids, PALETTE * 3, strict=False):
        part = rows[rows["topic_id"] == topic_id].sort_values("rank", ascending=False)
        ax.barh(part["term"], part["weight"], color=colour)
        mark = f" ({text('unstable', lang)})" if topic_id in unstable else ""
        ax.set_title(_wrap(f"{topic_id}: {part['label'].iloc[0]}{mark}", 32), loc="left", fontsize=9)
        ax.tick_params(axis="both", labelsize=8)
        ax.set_xlabel(text("weight", lang), fontsize=8)
    fig.suptitle(text("top_terms", lang, model=model.upper()), x=0.02, ha="left", fontsize=12, fontweight="bold")
    fig.tight_layout()
    return in_language(fig, lang)


def topic_quality_chart(quality: pd.DataFrame, threshold: float, lang: str = "nb") -> Figure:
    """Per topic of each chosen model: coherence and stability side by side, the stability bar at its threshold."""
    models = list(dict.fromkeys(quality["model"]))
    height = max(len(quality[quality["model"] == m]) for m in models) if models else 1
    fig, axes = plt.subplots(len(models), 2, figsize=(9.5, (0.42 * height + 1.2) * max(len(models), 1)), squeeze=False)
    for row, model in zip(axes, models, strict=True):
        part = quality[quality["model"] == model].sort_values("topic_id")
        names = [
            _wrap(f"{t}: {label}" + (f" ({text('unstable', lang)})" if s == "no" else ""), 34)
            for t, label, s in zip(part["topic_id"], part["label"], part["stable"], strict=True)
        ]
        y = np.arange(len(part))
        row[0].barh(y, part["coherence"].astype(float), color=PALETTE[0])
        row[0].set_yticks(y, names, fontsize=8)
        row[0].axvline(0, color="black", lw=0.6)
        row[0].set_xlim(-1, 1)
        row[0].set_title(f"{model.upper()}: {text('coherence', lang)}", loc="left", fontsize=9)
        stable = part["stable"] == "yes"
        row[1].barh(y, part["stability"].astype(float), color=[PALETTE[1] if s else "lightgrey" for s in stable])
        row[1].set_yticks(y, [""] * len(y))
        row[1].axvline(threshold, color="black", lw=0.8, ls="--")
        row[1].set_xlim(0, 1)
        row[1].set_title(f"{model.upper()}: {text('topic_stability', lang)}", loc="left", fontsize=9)
        for ax in row:
            ax.invert_yaxis()
            ax.tick_params(axis="x", labelsize=8)
    fig.suptitle(text("topic_quality", lang), x=0.02, ha="left", fontsize=12, fontweight="bold")
    fig.tight_layout()
    return in_language(fig, lang)


def _nothing_to_draw(ax: Axes, message: str) -> None:
    """An empty figure says why it is empty (no dated document, nobody raised a theme) instead of showing bare axes."""
    ax.set_visible(True)
    ax.set_axis_off()
    sentence = message[:1].upper() + message[1:]  # the findings' clauses stand alone here
    ax.text(0.5, 0.5, _wrap(sentence, 60), ha="center", va="center", fontsize=10, transform=ax.transAxes)


MAX_TREND_GROUPS = 3  # actor types drawn over time (the ones with most sentences); more would not read
MAX_TIME_LABELS = 6


def trends_chart(
    trends: pd.DataFrame,
    labels: dict[str, str],
    group_type: str = "all",
    group_labels: dict[str, str] | None = None,
    lang: str = "nb",
) -> Figure:
    """One small panel per theme: its share per period as points sized by the period's sentences, with intervals.

    A smoothed line appears only where `theme_trends` computed one (enough
    periods). With `group_type="actor_type"` the actor types with most
    sentences are drawn in their own colours, without intervals.
    """
    rows = trends[trends["group_type"] == group_type]
    themes = [t for t in labels if t in set(rows["theme"])]
    axis = rows.drop_duplicates("period_order").sort_values("period_order")
    sizes = rows.drop_duplicates(["group", "period"]).groupby("group")["n_sentences"].sum()
    groups = sorted(sizes.sort_values(ascending=False, kind="stable").index[:MAX_TREND_GROUPS])
    cols = min(5, max(len(themes), 1))
    nrows = (len(themes) + cols - 1) // cols
    fig, axes = plt.subplots(
        max(nrows, 1),
        cols,
        figsize=(2.9 * cols + 0.6, 2.3 * max(nrows, 1) + 1.3),
        sharex=True,
        sharey=True,
        squeeze=False,
    )
    for ax in axes.ravel()[len(themes) :]:
        ax.set_visible(False)
    top = max(float(rows["n_sentences"].max()) if len(rows) else 1.0, 1.0)
    names = group_labels or {}
    for ax, theme in zip(axes.ravel(), themes, strict=False):
        for colour, group in zip(PALETTE, groups, strict=False):
            part = rows[(rows["theme"] == theme) & (rows["group"] == group)].sort_values("period_order")
            x, y = part["period_order"].to_numpy(), part["share"].to_numpy(float) * 100
            if group_type == "all":
                ax.vlines(x, part["ci_low"] * 100, part["ci_high"] * 100, color="lightgrey", lw=1, zorder=1)
            ax.scatter(
                x,
                y,
                s=8 + 60 * part["n_sentences"].to_numpy(float) / top,
                color=colour,
                zorder=2,
                label=names.get(group, group) if group_type != "all" else None,
            )
            smooth = part["smoothed"].astype(float)
            if smooth.notna().any():
                ax.plot(x, smooth * 100, color=colour, lw=1.5, zorder=3)
        ax.set_title(_wrap(labels[theme], 30), loc="left", fontsize=8)
        ax.tick_params(axis="both", labelsize=7)
    step = max(1, int(np.ceil(len(axis) / MAX_TIME_LABELS)))
    shown = axis.iloc[::step]
    for ax in axes[-1]:
        ax.set_xticks(shown["period_order"].to_numpy(), shown["period_label"].tolist(), rotation=90)
    if len(axis) == 1:
        axes[0][0].set_xlim(-1, 1)
    if themes:
        fig.supylabel(text("share_of_sentences", lang) + " (%)", fontsize=9)
    resolution = str(rows["resolution"].iloc[0]) if len(rows) else "meeting"
    title = text("over_time" if group_type == "all" else "actors_over_time", lang, per=text(f"per_{resolution}", lang))
    fig.suptitle(title, x=0.02, ha="left", fontsize=12, fontweight="bold")
    if not themes:
        _nothing_to_draw(axes[0][0], text("finding_no_dates", lang))
    elif group_type != "all":
        handles, legend = axes[0][0].get_legend_handles_labels()
        fig.legend(handles, legend, loc="upper right", ncol=len(groups), fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    return in_language(fig, lang)


MAX_SHARE_PANELS = 6  # groups side by side in the raw-and-corrected chart and table; more would not read


def largest_groups(rows: pd.DataFrame, limit: int = MAX_SHARE_PANELS) -> list[str]:
    """The `limit` groups with most sentences (ties in table order), in name order: what a reader can compare."""
    sizes = rows.drop_duplicates("group").set_index("group")["n_group"].astype(int)
    return sorted(sizes.sort_values(ascending=False, kind="stable").index[:limit])


def raw_and_corrected_chart(
    comparison: pd.DataFrame,
    group_type: str,
    labels: dict[str, str],
    column_labels: dict[str, str] | None = None,
    lang: str = "nb",
) -> Figure:
    """One panel per group (the largest MAX_SHARE_PANELS): each theme's raw share and corrected share, with intervals.

    Raw is drawn open and grey, corrected filled; a theme without a
    corrected share (too few hand codes) shows only its raw share.
    """
    rows = comparison[comparison["group_type"] == group_type]
    groups = largest_groups(rows)
    sizes = rows.drop_duplicates("group").set_index("group")["n_group"].astype(int)
    themes = list(labels)
    if not groups:
        fig, ax = plt.subplots(figsize=(8, 2.4))
        _nothing_to_draw(ax, text("finding_no_groups", lang, group=text(f"group_{group_type}", lang)))
        return in_language(fig, lang)
    fig, axes = plt.subplots(
        1,
        len(groups),
        figsize=(2.6 * len(groups) + 2.8, 0.36 * len(themes) + 2.2),
        sharey=True,
        sharex=True,
        squeeze=False,
    )
    names = column_labels or {}
    for ax, group in zip(axes[0], groups, strict=True):
        part = rows[rows["group"] == group].set_index("theme").loc[themes]
        y = np.arange(len(themes))
        for offset, (value, low, high), style in (
            (-0.17, ("share", "ci_low", "ci_high"), {"color": "grey", "mfc": "white", "label": text("raw", lang)}),
            (
                0.17,
                ("corrected", "corrected_low", "corrected_high"),
                {"color": PALETTE[0], "label": text("corrected", lang)},
            ),
        ):
            v, lo, hi = (pd.to_numeric(part[c], errors="coerce").to_numpy(float) * 100 for c in (value, low, high))
            ax.errorbar(
                v,
                y + offset,
                xerr=[np.clip(v - lo, 0, None), np.clip(hi - v, 0, None)],
                fmt="o",
                ms=4,
                lw=1,
                capsize=0,
                **style,
            )
        ax.set_title(_wrap(f"{names.get(group, group)} (n = {sizes[group]})", 28), loc="left", fontsize=9)
        ax.tick_params(axis="x", labelsize=8)
    highest = pd.to_numeric(rows[["ci_high", "corrected_high"]].stack(), errors="coerce").max()
    axes[0][0].set_xlim(0, max(float(highest) * 105, 1.0) if not pd.isna(highest) else 100)
    axes[0][0].set_yticks(range(len(themes)), [labels[t] for t in themes], fontsize=8)
    axes[0][0].invert_yaxis()
    fig.supxlabel(text("share_95", lang) + " (%)", fontsize=9)
    group_word = text(f"group_{group_type}", lang)
    fig.suptitle(text("raw_and_corrected", lang, group=group_word), x=0.02, ha="left", fontsize=12, fontweight="bold")
    handles, legend = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, legend, loc="upper right", bbox_to_anchor=(0.99, 0.955), ncol=2, fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    return in_language(fig, lang)


def heatmap(
    table: pd.DataFrame, title: str, xlabel: str, value_label: str, empty: str = "–", lang: str = "nb"
) -> Figure:
    """Rows × columns of shares in one sequential colour-blind-safe map, each cell labelled, cells and colour scale
    alike in percent as `lang` writes it.

    It stays readable from 2 to hundreds of columns: the width grows to
    MAX_WIDTH_IN and then stops, column names turn upright beyond a few,
    only every n-th is named beyond MAX_TICK_LABELS, and cells lose their
    numbers beyond MAX_CELL_LABELS (the CSV beside the figure has them all).
    """
    if not table.size:  # `empty` says why: no dated document, no organisation with enough sentences
        fig, ax = plt.subplots(figsize=(8, 2.4))
        _nothing_to_draw(ax, empty)
        ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
        return in_language(fig, lang)
    values = table.to_numpy(float)
    n_columns = table.shape[1]
    upright = n_columns > 6
    column_width = 1.1 if not upright else (0.5 if n_columns <= MAX_CELL_LABELS else 0.16)
    width = min(MAX_WIDTH_IN, column_width * n_columns + 5.0)
    longest = max((len(str(c)) for c in table.columns), default=0)
    height = 0.42 * table.shape[0] + 1.8 + (0.07 * min(longest, 40) if upright else 0)
    fig, ax = plt.subplots(figsize=(width, height))
    image = ax.imshow(values, cmap=SEQUENTIAL_MAP, aspect="auto", vmin=0)
    step = max(1, int(np.ceil(n_columns / MAX_TICK_LABELS)))
    shown = list(range(0, n_columns, step))
    names = [str(table.columns[j]) if upright else _wrap(str(table.columns[j]), 16) for j in shown]
    ax.set_xticks(shown, names, fontsize=8 if n_columns <= MAX_CELL_LABELS else 7, rotation=90 if upright else 0)
    ax.set_yticks(range(table.shape[0]), table.index, fontsize=9)
    top = float(np.nanmax(values)) if values.size and not np.isnan(values).all() else 0
    for (i, j), value in np.ndenumerate(values):
        if not np.isnan(value) and n_columns <= MAX_CELL_LABELS:
            ax.text(
                j,
                i,
                percent(value, lang),
                ha="center",
                va="center",
                fontsize=7,
                color="black" if value > top * 0.6 else "white",
            )
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
    ax.spines[:].set_visible(False)
    fig.colorbar(image, ax=ax, label=value_label, shrink=0.8, format=_Percent(lang))
    # twice: the first pass measures the colour bar where it stood before the layout moved it; its percent ticks
    # ("100 %") are wide enough that a narrow map's bar label then ran past the right edge
    fig.tight_layout()
    fig.tight_layout()
    return in_language(fig, lang)


def responses_chart(rates: pd.DataFrame, colours: dict[str, str], lang: str = "nb") -> Figure:
    """Per theme: civil-society speakers who raised it, the solid part taken up later by the government side."""
    rates = rates.iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.36 * len(rates) + 1.8))
    if rates.empty:
        _nothing_to_draw(ax, text("finding_nothing_raised", lang))
        ax.set_title(text("raised_answered", lang), loc="left", fontsize=12, fontweight="bold")
        return in_language(fig, lang)
    y = range(len(rates))
    theme_colour = [colours[t] for t in rates["theme"]]
    ax.barh(y, rates["answered"], color=theme_colour, edgecolor=theme_colour)
    ax.barh(
        y,
        rates["raised"] - rates["answered"],
        left=rates["answered"],
        color="white",
        edgecolor=theme_colour,
        hatch="///",
    )
    for k, (raised, answered) in enumerate(zip(rates["raised"], rates["answered"], strict=True)):
        ax.annotate(
            f"{answered}/{raised}", (raised, k), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8
        )
    ax.set_yticks(list(y), rates["label"])
    ax.set_xlabel(text("n_raisers", lang))
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(
        handles=[
            Patch(facecolor="grey", label=text("answered", lang)),
            Patch(facecolor="white", edgecolor="grey", hatch="///", label=text("not_answered", lang)),
        ],
        loc="lower right",
        frameon=False,
    )
    ax.set_title(text("raised_answered", lang), loc="left", fontsize=12, fontweight="bold")
    fig.tight_layout()
    return in_language(fig, lang)
