"""A researcher's corrections to the automatic coding: codes added or vetoed, with who and why.

The file lives in `data/manual_codes.csv` (segment_id, theme, action, coder,
note) and is applied after the automatic pass. A row naming an unknown
segment or theme is an error, never silently dropped: a typo must not hide a
correction.
"""

import csv
import io
import re
from pathlib import Path

import pandas as pd

from analysis.base.config import display_path
from analysis.base.errors import InputError
from analysis.base.handfiles import read_csv_text
from analysis.base.tables import COLUMNS

# data/manual_codes.csv, the researcher's corrections (an input file, not a built table)
FILE_COLUMNS = ["segment_id", "theme", "action", "coder", "note"]
ACTIONS = ("add", "remove")


# the numbers are padded to three and two digits, and grow past them in a long document (`parse.segment`)
_SEGMENT_ID = re.compile(r"^(?P<meeting>.+)-p\d{3,}-s\d{2,}$")


def meeting_of(segment_id: str) -> str:
    """'{meeting_id}-p001-s02' → meeting_id; '' for a string that is no segment id."""
    match = _SEGMENT_ID.match(segment_id)
    return match["meeting"] if match else ""


def read_manual_codes(path: Path, segment_ids: set[str], theme_ids: list[str]) -> tuple[list[dict[str, str]], int]:
    """The rows that apply to this build, and how many name documents that are not in it (another raw folder)."""
    path = Path(path)
    where = display_path(path)
    if not path.is_file():
        return [], 0
    reader = csv.DictReader(io.StringIO(read_csv_text(path, FILE_COLUMNS, required=FILE_COLUMNS[:3])))
    rows = []
    elsewhere = 0
    meetings = {meeting_of(s) for s in segment_ids}
    for line_no, row in enumerate(reader, start=2):
        row = {c: (row.get(c) or "").strip() for c in FILE_COLUMNS}
        at = f"{where}:{line_no}"
        if meeting_of(row["segment_id"]) and meeting_of(row["segment_id"]) not in meetings:
            elsewhere += 1  # a correction to a document that is not in this build (another raw folder)
            continue
        if row["segment_id"] not in segment_ids:
            raise InputError(
                at,
                f"unknown segment_id {row['segment_id']!r}",
                "copy the id from data/processed/segments.csv",
            )
        if row["theme"] not in theme_ids:
            raise InputError(
                at,
                f"unknown theme {row['theme']!r}",
                f"use one of the codebook's ids ({', '.join(theme_ids)})",
            )
        if row["action"] not in ACTIONS:
            raise InputError(at, f"action {row['action']!r} is not add or remove", "write add or remove")
        if not row["coder"]:
            raise InputError(at, "coder is empty", "say who made the correction")
        rows.append(row)
    return rows, elsewhere


def apply_manual_codes(auto: pd.DataFrame, manual: list[dict[str, str]]) -> tuple[pd.DataFrame, list[str]]:
    """Later rows win over earlier ones for the same (segment, theme); returns codes and warnings."""
    if not manual:
        return auto.reindex(columns=COLUMNS["codes"]), []
    codes = {(r.segment_id, r.theme): r._asdict() for r in auto.itertuples(index=False)}
    warnings = []
    for row in manual:
        key = (row["segment_id"], row["theme"])
        if row["action"] == "remove":
            if key not in codes:
                warnings.append(f"manual remove of {row['theme']} on {row['segment_id']} matches no code")
            codes.pop(key, None)
        else:
            evidence = codes[key]["evidence"] if key in codes else ""
            codes[key] = {
                "segment_id": key[0],
                "theme": key[1],
                "evidence": evidence,
                "source": "manual",
                "coder": row["coder"],
                "note": row["note"],
            }
    return pd.DataFrame(list(codes.values()), columns=COLUMNS["codes"]), warnings
