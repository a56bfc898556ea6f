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
