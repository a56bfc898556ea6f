"""The project's figures, each a function from a tidy table to a matplotlib Figure."""

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def sentences_per_speaker_chart(table: pd.DataFrame, meetings: pd.DataFrame) -> Figure:
    """Horizontal bars, one panel per document, so long Norwegian names stay readable."""
    ids = list(meetings.sort_values(["date", "meeting_id"])["meeting_id"])
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
            textwrap.fill(f"{s} ({o})" if o else s, 38)
            for s, o in zip(rows["speaker"], rows["organisation"], strict=True)
        ]
        ax.barh(labels, rows["n_sentences"], color=colour)
        meta = meetings.set_index("meeting_id").loc[meeting_id]
        ax.set_title(textwrap.fill(f"{meta['date']} · {meta['title']}", 70), loc="left", fontsize=10)
        ax.set_xlabel("Antall setninger")
        for y, value in enumerate(rows["n_sentences"]):
            ax.annotate(str(value), (value, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    fig.suptitle("Setninger per taler", x=0.02, ha="left", fontsize=12, fontweight="bold")
    fig.tight_layout()
    return fig


def theme_frequency_chart(freq: pd.DataFrame, meetings: pd.DataFrame) -> Figure:
    """Share of each meeting's sentences coded with each theme, one colour per meeting."""
    ids = list(meetings.sort_values(["date", "meeting_id"])["meeting_id"])
    labels = list(dict.fromkeys(freq["label_nb"]))
    fig, ax = plt.subplots(figsize=(8, 0.38 * len(labels) * max(1, len(ids)) / 1.4 + 1.8))
    height = 0.8 / max(1, len(ids))
    for k, (colour, meeting_id) in enumerate(zip(PALETTE, ids, strict=False)):
        rows = freq[freq["meeting_id"] == meeting_id].set_index("label_nb").loc[labels]
        positions = [i + (k - (len(ids) - 1) / 2) * height for i in range(len(labels))]
        meta = meetings.set_index("meeting_id").loc[meeting_id]
        n_total = int(meta["n_segments"])
        label = textwrap.shorten(f"{meta['date']} · {meta['title']}", 55, placeholder=" …")
        ax.barh(positions, rows["share"] * 100, height=height, color=colour, label=f"{label} (n = {n_total})")
        for y, share, n in zip(positions, rows["share"], rows["n_segments"], strict=True):
            if n:
                ax.annotate(
                    str(n), (share * 100, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=7
                )
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlabel("Andel av møtets setninger (%); tallet ved søylen er antall setninger")
    ax.set_title("Temaer per møte", loc="left", fontsize=12, fontweight="bold")
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def topic_selection_chart(selection: pd.DataFrame) -> Figure:
    """Coherence and stability against k for each model; the chosen k marked."""
    models = list(dict.fromkeys(selection["model"]))
    fig, axes = plt.subplots(1, len(models), figsize=(4.2 * len(models), 3.4), squeeze=False, sharey=True)
    for ax, model in zip(axes[0], models, strict=True):
        rows = selection[selection["model"] == model]
        ax.plot(rows["k"], rows["coherence"], marker="o", color=PALETTE[0], label="Koherens (NPMI)")
        ax.plot(rows["k"], rows["stability"], marker="s", color=PALETTE[1], label="Stabilitet (Jaccard)")
        chosen = rows[rows["chosen"] == "yes"]["k"]
        for k in chosen:
            ax.axvline(k, color="grey", linestyle="--", linewidth=1)
            ax.annotate(
                f"valgt k = {k}",
                (k, 0.5),
                xytext=(4, 0),
                textcoords="offset points",
                fontsize=8,
                rotation=90,
                va="center",
                color="grey",
            )
        ax.set_title(model.upper(), loc="left", fontsize=10)
        ax.set_xlabel("Antall temaer (k)")
        ax.set_xticks(list(rows["k"]))
        ax.axhline(0, color="black", linewidth=0.5)
    axes[0][0].set_ylabel("Verdi")
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.suptitle("Valg av antall temaer", x=0.02, ha="left", fontsize=12, fontweight="bold")
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    fig.legend(handles, labels, loc="lower center", ncol=2, fontsize=8, frameon=False)
    return fig


def top_terms_chart(topics: pd.DataFrame, model: str, n_terms: int = 8) -> Figure:
    """One small bar chart per topic of the chosen model: its top terms and their weights."""
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
        ax.set_title(textwrap.fill(f"{topic_id}: {part['label'].iloc[0]}", 32), loc="left", fontsize=9)
        ax.tick_params(axis="both", labelsize=8)
        ax.set_xlabel("Vekt", fontsize=8)
    fig.suptitle(f"Toppord per tema ({model.upper()})", x=0.02, ha="left", fontsize=12, fontweight="bold")
    fig.tight_layout()
    return fig


def heatmap(table: pd.DataFrame, title: str, xlabel: str, value_label: str, fmt: str = "{:.0%}") -> Figure:
    """Rows × columns of shares in one sequential colour-blind-safe map, each cell labelled."""
    fig, ax = plt.subplots(figsize=(1.1 * table.shape[1] + 4.2, 0.42 * table.shape[0] + 1.8))
    image = ax.imshow(table.to_numpy(float), cmap="cividis", aspect="auto", vmin=0)
    ax.set_xticks(
        range(table.shape[1]),
        [textwrap.fill(str(c), 16, break_long_words=False) for c in table.columns],
        fontsize=8,
        rotation=0,
    )
    ax.set_yticks(range(table.shape[0]), table.index, fontsize=9)
    top = float(np.nanmax(table.to_numpy(float))) if table.size else 0
    for (i, j), value in np.ndenumerate(table.to_numpy(float)):
        if not np.isnan(value):
            ax.text(
                j,
                i,
                fmt.format(value),
                ha="center",
                va="center",
                fontsize=7,
                color="black" if value > top * 0.6 else "white",
            )
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
    ax.spines[:].set_visible(False)
    fig.colorbar(image, ax=ax, label=value_label, shrink=0.8)
    fig.tight_layout()
    return fig
