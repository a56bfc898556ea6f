"""One Excel workbook for colleagues who work in spreadsheets: a sheet per table, and the coded sentences.

Excel stamps workbooks with the time they were saved and zips them with
the current date; both are replaced with a fixed value so the same build
gives the same file.
"""

import io
import re
import zipfile
from pathlib import Path

import pandas as pd

from analysis.base.atomic import deterministic_zip, write_bytes_atomic
from analysis.base.tables import CONTRACT_TABLES
from analysis.coding.codebook import Codebook

FIXED_TIME = "2000-01-01T00:00:00Z"
EXCEL_MAX_ROWS = 1_048_575


def coded_sentences(tables: dict[str, pd.DataFrame], codebook: Codebook) -> pd.DataFrame:
    """Every coded sentence once, with its themes in Norwegian and the words that matched."""
    codes = tables["codes"].assign(tema=tables["codes"]["theme"].map(codebook.labels()))
    grouped = codes.groupby("segment_id", sort=False).agg(
        temaer=("tema", "; ".join), treff=("evidence", lambda e: " | ".join(x for x in e if x))
    )
    segments = tables["segments"].set_index("segment_id")
    merged = grouped.join(segments[["meeting_id", "section", "speaker", "organisation", "text"]])
    return merged.reset_index()[
        ["segment_id", "meeting_id", "section", "speaker", "organisation", "text", "temaer", "treff"]
    ]


def _normalise(data: bytes) -> bytes:
    """Fixed timestamps inside the workbook and on its zip entries."""
    source = zipfile.ZipFile(io.BytesIO(data))
    files = {name: source.read(name) for name in source.namelist()}
    files["docProps/core.xml"] = re.sub(
        rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_TIME.encode(), files["docProps/core.xml"]
    )
    return deterministic_zip(files)


def export_xlsx(tables: dict[str, pd.DataFrame], codebook: Codebook, out: Path) -> Path:
    sheets = {"kodede_setninger": coded_sentences(tables, codebook)}
    sheets |= {name: tables[name] for name in CONTRACT_TABLES}
    too_long = [name for name, table in sheets.items() if len(table) > EXCEL_MAX_ROWS]
    if too_long:
        raise ValueError(f"{', '.join(too_long)} exceed Excel's row limit; use the Parquet files instead")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, table in sheets.items():
            table.to_excel(writer, sheet_name=name[:31], index=False)
            sheet = writer.sheets[name[:31]]
            sheet.freeze_panes = "A2"
            for column in sheet.columns:
                width = max((len(str(c.value)) for c in column[:200] if c.value is not None), default=8)
                sheet.column_dimensions[column[0].column_letter].width = min(80, max(10, width + 2))
    return write_bytes_atomic(out, _normalise(buffer.getvalue()))
