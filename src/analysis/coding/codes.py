"""The codes table: rows from the coder, the table itself, and which themes each sentence carries.

Every later stage that asks "which themes does this sentence have" (agreement
with hand coding, the topic–theme crosswalk, the comparisons) asks it here,
so the answer is computed one way.
"""

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.base.tables import COLUMNS, positions

# In tables that list themes (the topic–theme crosswalk), the row for sentences without any theme.
UNCODED = "(uncoded)"


def code_rows(segment_ids: Iterable[str], coded: Iterable[list[tuple[str, str]]]) -> list[tuple[str, str, str]]:
    """(segment_id, theme, evidence) for each sentence's codes, as `code_many` returned them."""
    return [(sid, theme, evidence) for sid, pairs in zip(segment_ids, coded, strict=True) for theme, evidence in pairs]


def codes_frame(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """The automatic pass as a codes table: source 'auto', no coder, no note."""
    ids, themes, evidence = (list(column) for column in zip(*rows, strict=True)) if rows else ([], [], [])
    blank = [""] * len(ids)
    return pd.DataFrame(
        {
            "segment_id": ids,
            "theme": themes,
            "evidence": evidence,
            "source": ["auto"] * len(ids),
            "coder": blank,
            "note": blank,
        },
        columns=COLUMNS["codes"],
    )


def theme_indicators(codes: pd.DataFrame, segment_ids: Sequence[str], theme_ids: Sequence[str]) -> np.ndarray:
    """0/1 matrix: one row per sentence of `segment_ids` (in that order), one column per theme of `theme_ids`.

    Codes naming a sentence or theme outside the two lists are ignored.
    """
    rows, columns = positions(codes["segment_id"], segment_ids), positions(codes["theme"], theme_ids)
    keep = (rows >= 0) & (columns >= 0)
    matrix = np.zeros((len(segment_ids), len(theme_ids)), dtype=np.int64)
    matrix[rows[keep], columns[keep]] = 1
    return matrix


def themes_by_segment(
    codes: pd.DataFrame, segment_ids: Sequence[str], theme_ids: Sequence[str] | None = None
) -> dict[str, set[str]]:
    """Each sentence of `segment_ids` with the set of themes coded on it (empty when none).

    `theme_ids` defaults to every theme the codes name.
    """
    themes = list(theme_ids) if theme_ids is not None else sorted(set(codes["theme"]))
    matrix = theme_indicators(codes, segment_ids, themes)
    return {sid: {themes[j] for j in np.flatnonzero(row)} for sid, row in zip(segment_ids, matrix, strict=True)}
