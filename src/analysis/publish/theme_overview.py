"""Tables and HTML for reading the theme coding: the codebook, frequencies, and the evidence itself."""

import html
import re

import pandas as pd

from analysis.base.tables import COLUMNS
from analysis.coding.codebook import Codebook


def codebook_table(codebook: Codebook) -> pd.DataFrame:
    """The codebook as a reader sees it, with how many patterns of each kind find a theme."""
    rows = []
    for t in codebook.themes:
        rows.append(
            {
                "id": t.id,
                "label_nb": t.label_nb,
                "label_en": t.label_en,
                "definition": t.definition,
                "lemmas": len(t.lemmas),
                "prefixes": len(t.prefixes) + len(t.suffixes),
                "phrases": len(t.phrases),
                "patterns": len(t.patterns),
                "exclusions": len(t.exclude),
            }
        )
    return pd.DataFrame(rows)


def theme_frequencies(codes: pd.DataFrame, segments: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Coded sentences per meeting and theme, with their share of the meeting's sentences.

    Long format (meeting_id, theme, label_nb, n_segments, share): every
    theme appears for every meeting, zero included, so a plot or a
    comparison never silently drops an absent theme.
    """
    merged = codes.merge(segments[["segment_id", "meeting_id"]], on="segment_id", how="left")
    counts = merged.groupby(["meeting_id", "theme"]).size()
    totals = segments.groupby("meeting_id").size()
    rows = []
    for meeting_id in sorted(totals.index):
        for t in codebook.themes:
            n = int(counts.get((meeting_id, t.id), 0))
            rows.append(
                {
                    "meeting_id": meeting_id,
                    "theme": t.id,
                    "label_nb": t.label_nb,
                    "n_segments": n,
                    "share": round(n / int(totals[meeting_id]), 3),
                }
            )
    return pd.DataFrame(rows)


def highlight(text: str, evidence: str) -> str:
    """The sentence as HTML with each evidence string marked."""
    words = sorted((w for w in evidence.split("; ") if w), key=len, reverse=True)
    if not words:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in words))
    parts, last = [], 0
    for m in pattern.finditer(text):
        parts += [html.escape(text[last : m.start()]), f"<mark>{html.escape(m.group(0))}</mark>"]
        last = m.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)


def evidence_html(codes: pd.DataFrame, segments: pd.DataFrame, codebook: Codebook, per_theme: int = 3) -> str:
    """For each theme, its first coded sentences with speaker and the matched words marked."""
    merged = codes.merge(segments, on="segment_id", how="left")
    out = []
    for t in codebook.themes:
        rows = merged[merged["theme"] == t.id]
        out.append(f"<h4>{html.escape(t.label_nb)} <small>({t.id}, {len(rows)} setninger)</small></h4>")
        if rows.empty:
            out.append("<p><em>Ingen setninger kodet.</em></p>")
            continue
        items = []
        for r in rows.head(per_theme).itertuples(index=False):
            who = html.escape(r.speaker or "–")
            items.append(
                f"<li>{highlight(r.text, r.evidence)} <small>— {who}, <code>{r.segment_id}</code>"
                f"{' · manuell' if r.source == 'manual' else ''}</small></li>"
            )
        out.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join(out)


def agreement_summary(agreement: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """agreement.csv with Norwegian labels, themes in codebook order and micro/macro last."""
    labels = codebook.labels() | {"micro": "Alle (mikro)", "macro": "Snitt (makro)"}
    table = agreement.assign(label=agreement["theme"].map(labels))
    columns = ["coder", "label", *COLUMNS["agreement"][3:]]  # labels instead of ids, no sentence count
    return table[columns]
