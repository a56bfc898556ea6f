"""The data contract: table names, their columns in order, and how they are written and read."""

from pathlib import Path

import pandas as pd

from analysis.base.config import PROCESSED_DIR

# agreement.csv's interval columns (and specificity), named once for the table and for its float types
SCORE_INTERVALS = [
    "precision_low",
    "precision_high",
    "recall_low",
    "recall_high",
    "f1_low",
    "f1_high",
    "specificity",
    "specificity_low",
    "specificity_high",
]

# Required columns first, in the order of DESIGN.md; added columns after them.
COLUMNS: dict[str, list[str]] = {
    "meetings": [
        "meeting_id",
        "date",
        "kind",
        "title",
        "chair",
        "minute_taker",
        "case_number",
        "source_file",
        "sha256",
        "time_start",
        "time_end",
        "place",
        "source",
        "photo_caption",
        "photo_credit",
        "n_attendees",
        "n_segments",
        "language",
        "encoding",
    ],
    "attendees": [
        "meeting_id",
        "name",
        "role",
        "organisation",
        "status",
        "attendee_no",
        "organisation_canonical",
        "actor_type",
    ],
    "agenda": [
        "meeting_id",
        "item_no",
        "title",
        "presenters",
        "organisations",
        "kind",
        "parent_item",
    ],
    "segments": [
        "segment_id",
        "meeting_id",
        "paragraph_no",
        "sentence_no",
        "section",
        "speaker",
        "organisation",
        "text",
        "item_no",
        "attribution",
        "organisation_canonical",
        "actor_type",
    ],
    "codes": ["segment_id", "theme", "evidence", "source", "coder", "note"],
    # agreement.csv: one block per hand coder; themes in codebook order, then micro and macro
    "agreement": [
        "coder",
        "theme",
        "n_sentences",
        "n_hand",
        "n_auto",
        "n_both",
        "precision",
        "recall",
        "f1",
        "cohen_kappa",
        "krippendorff_alpha",
        *SCORE_INTERVALS,
        "judged",
    ],
    # coder_agreement.csv: between hand coders, on the sentences at least two of them coded
    "coder_agreement": [
        "coders",
        "theme",
        "n_sentences",
        "n_hand",
        "percent_agreement",
        "cohen_kappa",
        "krippendorff_alpha",
        "judged",
    ],
}
COLUMNS |= {
    "unregistered_organisations": ["organisation", "meeting_ids", "n_rows"],
    "topic_selection": ["model", "k", "coherence", "stability", "chosen", "converged"],
    "topics": ["model", "topic_id", "label", "rank", "term", "weight"],
    "topic_stability": ["model", "topic_id", "label", "coherence", "stability", "stable"],
    "segment_topics": ["segment_id", "model", "topic_id", "weight"],
    "topic_theme_crosswalk": ["model", "topic_id", "label", "rank", "theme", "weight_share", "n_segments"],
    "theme_comparison": [
        "group_type",
        "group",
        "theme",
        "n_segments",
        "share",
        "n_group",
        "ci_low",
        "ci_high",
        "ci_method",
        "corrected",
        "corrected_low",
        "corrected_high",
        "correction",
    ],
    "theme_differences": [
        "group_type",
        "theme",
        "groups",
        "n",
        "n_coded",
        "test",
        "statistic",
        "p_value",
        "q_value",
        "effect",
        "effect_size",
    ],
    "theme_trends": [
        "resolution",
        "period",
        "period_label",
        "period_order",
        "group_type",
        "group",
        "theme",
        "n_meetings",
        "n_sentences",
        "n_segments",
        "share",
        "ci_low",
        "ci_high",
        "smoothed",
        "n_meetings_raised",
    ],
    "recurring_issues": [
        "theme",
        "n_meetings",
        "meetings",
        "n_segments",
        "recurs",
        "only_in",
        "first_date",
        "first_meeting",
        "first_segment_id",
        "first_speaker",
        "first_organisation",
        "again_date",
        "last_date",
    ],
    "responses": [
        "meeting_id",
        "theme",
        "raised_by",
        "raised_organisation",
        "raised_segment_ids",
        "answered",
        "answered_by",
        "answer_segment_ids",
    ],
}
# The five tables of DESIGN.md's data contract, in the order a reader meets them; exports carry exactly these.
CONTRACT_TABLES = ("meetings", "attendees", "agenda", "segments", "codes")
SORT_KEYS: dict[str, list[str]] = {
    "meetings": ["meeting_id"],
    "attendees": ["meeting_id", "attendee_no"],
    "agenda": ["meeting_id", "order"],
    "segments": ["meeting_id", "paragraph_no", "sentence_no"],
    "codes": ["segment_id", "theme"],
    "agreement": ["coder"],
    # the analysis tables are produced in a fixed order (models, topics, groups, codebook themes)
    "unregistered_organisations": ["organisation"],
}


INT_COLUMNS = {
    "paragraph_no",
    "sentence_no",
    "attendee_no",
    "n_attendees",
    "n_segments",
    "k",
    "topic_id",
    "rank",
    "n_group",
    "n_meetings",
    "n_hand",
    "n_auto",
    "n_both",
    "n_sentences",
    "n",
    "n_coded",
    "n_rows",
    "period_order",
    "n_meetings_raised",
}
FLOAT_COLUMNS = {
    "share",
    "ci_low",
    "ci_high",
    "coherence",
    "stability",
    "weight",
    "weight_share",
    "statistic",
    "p_value",
    "q_value",
    "effect_size",
    "precision",
    "recall",
    "f1",
    "cohen_kappa",
    "krippendorff_alpha",
    *SCORE_INTERVALS,
    "percent_agreement",
    "corrected",
    "corrected_low",
    "corrected_high",
    "smoothed",
}


def frame(
    name: str, rows: list[dict[str, object]] | pd.DataFrame, order: dict[str, dict[str, int]] | None = None
) -> pd.DataFrame:
    """Rows as a table with the contract's columns, sorted, and empty strings for missing values.

    `order` maps a sort column to the rank of each value when alphabetical
    order is not the reading order (segments in the text, themes in the codebook).
    """
    columns = COLUMNS[name]
    sort_keys = SORT_KEYS.get(name, [])
    extra = [k for k in sort_keys if k not in columns]
    table = pd.DataFrame(rows, columns=columns + extra)
    if len(table) and sort_keys:
        ranks = order or {}
        table = table.sort_values(
            sort_keys,
            kind="stable",
            key=lambda col: col.map(ranks[col.name]) if col.name in ranks else col,
        )
    return table[columns].reset_index(drop=True)


def to_csv_text(table: pd.DataFrame) -> str:
    return table.to_csv(index=False, lineterminator="\n", na_rep="")


def write_table(table: pd.DataFrame, name: str, out_dir: Path) -> Path:
    """NAME.csv, the contract's form, and NAME.parquet with the same columns (text as text, counts as numbers)."""
    path = Path(out_dir) / f"{name}.csv"
    path.write_text(to_csv_text(table), encoding="utf-8", newline="")
    typed = table.copy()
    for column in typed.columns:
        if column in INT_COLUMNS:
            typed[column] = pd.to_numeric(typed[column]).astype("int64")
        elif column in FLOAT_COLUMNS:
            typed[column] = pd.to_numeric(typed[column].replace("", None)).astype("float64")
        else:
            typed[column] = typed[column].astype(str).replace({"nan": "", "None": ""})
    typed.to_parquet(path.with_suffix(".parquet"), index=False, engine="pyarrow", compression="zstd")
    return path


def load_table(name: str, processed_dir: Path = PROCESSED_DIR) -> pd.DataFrame:
    """Read a processed table: text columns as text ('' when empty), counts as int, measures as float."""
    path = Path(processed_dir) / f"{name}.csv"
    if not path.is_file():
        raise FileNotFoundError(f"{path.name} not built yet: run `analysis build` (or `make data`)")
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    for column in table.columns:
        if column in INT_COLUMNS:
            table[column] = table[column].astype(int)
        elif column in FLOAT_COLUMNS:
            # an empty cell is a missing measure (an undefined kappa, a share that could not be corrected)
            table[column] = pd.to_numeric(table[column].mask(table[column] == "")).astype(float)
    return table
