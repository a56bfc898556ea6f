"""Agreement between the automatic coder and hand coding, per theme and overall.

Each theme is a yes/no decision per hand-coded sentence. Precision, recall
and F1 (scikit-learn) say how far the automatic codes can be quoted as
evidence; Cohen's kappa (scikit-learn) and Krippendorff's alpha (the
`krippendorff` package, nominal) correct for chance agreement, which matters
for rare themes. Alpha takes any number of coders, so a second hand coder
only needs another column of codes.
"""

import math
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score, precision_recall_fscore_support

from analysis.base.config import display_path
from analysis.base.errors import InputError
from analysis.base.tables import COLUMNS
from analysis.coding.manual_codes import meeting_of

AGREEMENT_COLUMNS = COLUMNS["agreement"][1:]  # the table without its `coder` column


def read_hand_codes(path: Path, segments: pd.DataFrame, theme_ids: list[str]) -> pd.DataFrame:
    """Long table (segment_id, coder, theme) plus every coded sentence, also those with no theme.

    Each row's text must still equal the sentence's text: if parsing moved a
    sentence, its hand codes would silently describe another one.
    """
    path = Path(path)
    where = display_path(path)
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    texts = dict(zip(segments["segment_id"], segments["text"], strict=True))
    # hand codes of documents that are not in this build (another raw folder) are left out, not errors
    table = table[table["segment_id"].map(meeting_of).isin(set(segments["meeting_id"]))]
    for line_no, row in zip(table.index + 2, table.itertuples(index=False), strict=True):
        if row.segment_id not in texts:
            raise InputError(
                f"{where}:{line_no}",
                f"unknown segment_id {row.segment_id!r}",
                "re-align the hand codes with data/processed/segments.csv",
            )
        if row.text != texts[row.segment_id]:
            raise InputError(
                f"{where}:{line_no}",
                f"text of {row.segment_id} no longer matches segments.csv",
                "the parser changed this sentence; re-check its hand codes",
            )
        for theme in (t.strip() for t in row.themes.split(";") if t.strip()):
            if theme not in theme_ids:
                raise InputError(
                    f"{where}:{line_no}",
                    f"unknown theme {theme!r}",
                    f"use the codebook's ids ({', '.join(theme_ids)})",
                )
    return table


def decision_matrix(codes: dict[str, set[str]], segment_ids: list[str], theme_ids: list[str]) -> np.ndarray:
    """0/1 array, sentences × themes."""
    return np.array([[int(t in codes.get(s, set())) for t in theme_ids] for s in segment_ids])


def _alpha(*coders: np.ndarray) -> float:
    data = np.vstack(coders).astype(float)
    if len(np.unique(data)) < 2:
        return math.nan  # every coder said the same thing everywhere: alpha is undefined
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def _kappa(a: np.ndarray, b: np.ndarray) -> float:
    if len(np.unique(np.concatenate([a, b]))) < 2:
        return math.nan
    return float(cohen_kappa_score(a, b))


def _row(name: str, auto: np.ndarray, hand: np.ndarray) -> dict[str, object]:
    precision, recall, f1, _ = precision_recall_fscore_support(hand, auto, average="binary", zero_division=0.0)
    return {
        "theme": name,
        "n_sentences": int(hand.shape[0]),
        "n_hand": int(hand.sum()),
        "n_auto": int(auto.sum()),
        "n_both": int((auto & hand).sum()),
        "precision": float(precision),
        "recall": float(recall),
        "f1": float(f1),
        "cohen_kappa": _kappa(auto, hand),
        "krippendorff_alpha": _alpha(auto, hand),
    }


def agreement_table(
    auto: dict[str, set[str]], hand: dict[str, set[str]], segment_ids: list[str], theme_ids: list[str]
) -> pd.DataFrame:
    """One row per theme, then `micro` (all decisions pooled) and `macro` (mean over coded themes)."""
    a = decision_matrix(auto, segment_ids, theme_ids)
    h = decision_matrix(hand, segment_ids, theme_ids)
    rows = [_row(t, a[:, i], h[:, i]) for i, t in enumerate(theme_ids)]
    micro = _row("micro", a.ravel(), h.ravel())
    micro["n_sentences"] = len(segment_ids)
    with_codes = [r for r in rows if r["n_hand"]]
    macro = {
        "theme": "macro",
        "n_sentences": len(segment_ids),
        "n_hand": micro["n_hand"],
        "n_auto": micro["n_auto"],
        "n_both": micro["n_both"],
    }
    for key in ("precision", "recall", "f1", "cohen_kappa", "krippendorff_alpha"):
        values = [float(r[key]) for r in with_codes if not math.isnan(float(r[key]))]
        macro[key] = sum(values) / len(values) if values else math.nan
    table = pd.DataFrame([*rows, micro, macro], columns=AGREEMENT_COLUMNS)
    for key in ("precision", "recall", "f1", "cohen_kappa", "krippendorff_alpha"):
        table[key] = table[key].astype(float).round(3)
    return table


def hand_codes_by_coder(table: pd.DataFrame) -> dict[str, dict[str, set[str]]]:
    result: dict[str, dict[str, set[str]]] = {}
    for row in table.itertuples(index=False):
        themes = {t.strip() for t in row.themes.split(";") if t.strip()}
        result.setdefault(row.coder, {})[row.segment_id] = themes
    return result
