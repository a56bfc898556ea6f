"""The project's figures, each a function from a tidy table to a matplotlib Figure."""

import textwrap

import matplotlib.pyplot as plt
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
