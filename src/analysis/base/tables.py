"""The data contract: table names, their columns in order, and how they are written and read."""

import contextlib
import functools
import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import yaml

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
    name: str, rows: list[dict[str, object]] | pd.DataFrame, order: dict[str, Sequence[str]] | None = None
) -> pd.DataFrame:
    """Rows as a table with the contract's columns, sorted, and empty strings for missing values.

    `order` maps a sort column to its values in reading order, when
    alphabetical order is not the reading order (segments in the text, themes
    in the codebook); a value not listed sorts last.
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
            key=lambda col: _ranked(col, ranks[col.name]) if col.name in ranks else col,
        )
    return table[columns].reset_index(drop=True)


def _ranked(column: pd.Series, keys: Sequence[str]) -> pd.Series:
    """Each value's position in `keys`, the reading order; a value not there sorts last."""
    return pd.Series(positions(column, keys, missing=len(keys)), index=column.index)


def positions(values: Sequence[str] | pd.Series, keys: Sequence[str] | pd.Series, missing: int = -1) -> np.ndarray:
    """Each value's position in `keys` (distinct strings), `missing` where it is not there.

    Arrow's hash lookup: pandas' `Index.get_indexer` on a million strings
    turns each into a Python object first, and took seconds of the build's
    serial part at 10,000 documents.
    """
    found = pc.index_in(_strings(values), value_set=_strings(keys))
    return np.asarray(found.fill_null(missing).to_numpy(), dtype=np.int64)


def _strings(values: Sequence[str] | pd.Series) -> pa.Array | pa.ChunkedArray:
    return pa.array(values, type=pa.large_string(), from_pandas=True)


def to_csv_text(table: pd.DataFrame) -> str:
    return table.to_csv(index=False, lineterminator="\n", na_rep="")


# The store (`data/processed/`). Per-document tables are partitioned in batches of documents:
# NAME/FIRST_MEETING_ID.DIGEST.parquet, one file per batch, named by the digest of its rows so an unchanged batch's
# file is kept, not rewritten. Corpus-level tables are one NAME.parquet. NAME.csv beside them while the corpus has at
# most CSV_MAX_DOCUMENTS documents.
PARTITIONED = CONTRACT_TABLES
PARTITION_KEY = "meeting_id"
# A batch is a run of meetings in id order; a meeting whose id hashes to 0 modulo BATCH_DOCUMENTS begins one (chunks
# defined by content, as rsync's are). So batches hold BATCH_DOCUMENTS documents on average, the files stay in meeting
# order, and adding or removing a meeting changes its own batch only. A file per document cost a Parquet writer's
# setup per document: 50,000 files and 30 s at 10,000 documents.
BATCH_DOCUMENTS = 32
# 200 minutes-sized documents make a segments.csv of about 40,000 rows (8 MB): still a file a spreadsheet opens.
# Past that the CSV copy costs time and disk for no reader; `analysis export csv` writes any table on demand.
CSV_MAX_DOCUMENTS = 200
DATAPACKAGE = "datapackage.json"


def column_kind(column: str) -> str:
    """`integer`, `number` or `string`: the one place a column's type is decided (Parquet, pandas, datapackage)."""
    return "integer" if column in INT_COLUMNS else "number" if column in FLOAT_COLUMNS else "string"


_ARROW = {"integer": pa.int64(), "number": pa.float64(), "string": pa.string()}


def arrow_type(column: str) -> pa.DataType:
    return _ARROW[column_kind(column)]


def stored_columns(name: str) -> list[str]:
    """The contract's columns, plus the partition key where a per-document table lacks it (codes)."""
    columns = COLUMNS[name]
    return [*columns, PARTITION_KEY] if name in PARTITIONED and PARTITION_KEY not in columns else columns


def arrow_schema(name: str) -> pa.Schema:
    return pa.schema([(column, arrow_type(column)) for column in stored_columns(name)])


def typed(table: pd.DataFrame) -> pd.DataFrame:
    """Counts as int64, measures as float64 (missing: NaN), text as text ('' when empty)."""
    out = table.copy()
    for column in out.columns:
        kind = column_kind(column)
        if kind == "integer":
            out[column] = pd.to_numeric(out[column]).astype("int64")
        elif kind == "number":
            out[column] = pd.to_numeric(out[column].replace("", None)).astype("float64")
        else:
            out[column] = out[column].astype(str).replace({"nan": "", "None": ""})
    return out


def _arrow(data: pd.DataFrame, name: str) -> pa.Table:
    """A typed frame (see `typed`) with the stored columns as an Arrow table of the declared schema."""
    return pa.Table.from_pandas(data, schema=arrow_schema(name), preserve_index=False)


def _write_parquet(data: pa.Table, path: Path) -> None:
    pq.write_table(data, path, compression="zstd")


def write_table(table: pd.DataFrame, name: str, out_dir: Path, csv: bool = True) -> Path:
    """NAME.parquet (typed), and NAME.csv (the contract's form for people) when `csv`."""
    path = Path(out_dir) / f"{name}.parquet"
    _write_parquet(_arrow(typed(table), name), path)
    if csv:
        write_csv(table, name, out_dir)
    return path


def write_csv(table: pd.DataFrame, name: str, out_dir: Path) -> Path:
    path = Path(out_dir) / f"{name}.csv"
    path.write_text(to_csv_text(table), encoding="utf-8", newline="")
    return path


@dataclass
class Written:
    """How many partition files a table wrote and how many it kept from the previous build unchanged."""

    written: int = 0
    kept: int = 0


def row_hashes(rows: pa.Table) -> np.ndarray:
    """A 64-bit hash of each row's content, in row order: DuckDB's `hash` of all columns, the same on every run.

    Six times faster than pandas' hash on a build's text columns; a DuckDB
    version that hashes differently only renames (rewrites) the partitions once.
    """
    with duckdb.connect() as connection:
        connection.register("stored_rows", rows)
        columns = ", ".join(f'"{column}"' for column in rows.column_names)
        return connection.sql(f"SELECT hash({columns}) AS h FROM stored_rows").fetchnumpy()["h"]


def begins_batch(meeting_id: str) -> bool:
    """Whether a meeting begins a batch of the store: its id's hash is 0 modulo BATCH_DOCUMENTS, on every machine."""
    return int.from_bytes(hashlib.sha256(meeting_id.encode("utf-8")).digest()[:8], "big") % BATCH_DOCUMENTS == 0


def batches(meetings: Iterable[str]) -> dict[str, str]:
    """Each meeting's batch, named by the batch's first meeting: a run of meetings in id order up to the next one
    that `begins_batch` (the first meeting always begins one)."""
    layout: dict[str, str] = {}
    label = None
    for meeting in sorted(set(meetings)):
        if label is None or begins_batch(meeting):
            label = meeting
        layout[meeting] = label
    return layout


def write_partitions(
    table: pd.DataFrame,
    name: str,
    out_dir: Path,
    keys: pd.Series,
    previous: Path | None = None,
    layout: dict[str, str] | None = None,
) -> Written:
    """One Parquet file per batch of documents under out_dir/NAME/, each named FIRST_MEETING_ID.DIGEST.parquet.

    `layout` gives each meeting's batch (`batches` of the table's meetings by
    default; a build that writes only some batches passes the whole store's).
    A file holds its meetings' rows by meeting, each meeting's as written. The
    digest covers the batch's typed rows, the schema and the versions of the
    Parquet writer and of the row hash (DuckDB), so a file of the same name in
    `previous` holds exactly these rows: it is linked (kept), not rewritten. A
    batch whose rows changed gets a new file; a removed batch's file is not
    carried over.
    """
    folder = Path(out_dir) / name
    folder.mkdir(parents=True, exist_ok=True)
    old = Path(previous) / name if previous else None
    data = typed(table).assign(**{PARTITION_KEY: keys.to_numpy()})[stored_columns(name)]
    order = np.argsort(data[PARTITION_KEY].to_numpy(), kind="stable")
    data = data.iloc[order].reset_index(drop=True)
    ids = data[PARTITION_KEY].to_numpy()
    firsts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]]) if len(ids) else np.array([], dtype=int)
    layout = batches(ids[firsts].tolist()) if layout is None else layout
    labels = [layout[meeting] for meeting in ids[firsts].tolist()]  # each meeting's batch, meetings in order
    starts = firsts[[k for k, label in enumerate(labels) if k == 0 or label != labels[k - 1]]]
    ends = np.r_[starts[1:], len(ids)] if len(ids) else starts
    arrow = _arrow(data, name)
    hashes = row_hashes(arrow)
    salt = f"{name}|{arrow_schema(name)}|{pa.__version__}|{duckdb.__version__}".encode()
    result = Written()
    todo = []
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        digest = hashlib.sha256(salt + hashes[start:end].tobytes()).hexdigest()[:16]
        file_name = f"{layout[ids[start]]}.{digest}.parquet"
        if old is not None and (old / file_name).is_file():
            keep_file(old / file_name, folder / file_name)
            result.kept += 1
        else:
            todo.append((start, end, folder / file_name))
    # pyarrow writes outside the GIL: two threads keep both cores busy on a first build
    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        list(pool.map(lambda job: _write_parquet(arrow.slice(job[0], job[1] - job[0]), job[2]), todo))
    result.written = len(todo)
    return result


def stored_rows(folder: Path, file_names: list[str], name: str, meetings: set[str]) -> tuple[pd.DataFrame, pd.Series]:
    """The rows these meetings have in a partitioned table's files, as written, and each row's meeting."""
    if not file_names or not meetings:
        return pd.DataFrame(columns=COLUMNS[name]), pd.Series([], dtype=object)
    data = pa.concat_tables([pq.read_table(folder / file_name) for file_name in file_names])
    data = data.filter(pc.is_in(data[PARTITION_KEY], pa.array(sorted(meetings), pa.string())))
    frame = contract_types(data.to_pandas())
    return frame[COLUMNS[name]], frame[PARTITION_KEY]


def keep_file(source: Path, target: Path) -> None:
    """The previous build's file, linked (no bytes written); copied where the file system has no hard links."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def not_built(name: str) -> FileNotFoundError:
    return FileNotFoundError(f"{name} not built yet: run `analysis build` (or `make data`)")


def _empty(name: str) -> pd.DataFrame:
    return typed(pd.DataFrame({column: pd.Series([], dtype=object) for column in COLUMNS[name]}))


def partition_owner(path: Path | str) -> str:
    """The batch a partition file holds, named by its first meeting: FIRST_MEETING_ID.DIGEST.parquet."""
    return os.path.basename(path).rsplit(".", 2)[0]


def partition_names(name: str, processed_dir: Path = PROCESSED_DIR) -> list[str]:
    """The file names of a partitioned table's partitions, in meeting order (names, not paths: a store has many)."""
    with os.scandir(Path(processed_dir) / name) as found:
        names = [entry.name for entry in found if entry.name.endswith(".parquet")]
    return sorted(names, key=lambda file_name: (partition_owner(file_name), file_name))


def stored_files(name: str, processed_dir: Path = PROCESSED_DIR) -> list[Path]:
    """The Parquet files that hold a table: its partitions in meeting order, or its one file."""
    folder = Path(processed_dir)
    if (folder / name).is_dir():
        return [folder / name / file_name for file_name in partition_names(name, folder)]
    return [folder / f"{name}.parquet"] if (folder / f"{name}.parquet").is_file() else []


def load(name: str, processed_dir: Path = PROCESSED_DIR, where: str | None = None) -> pd.DataFrame:
    """A processed table as pandas, read by DuckDB with the filter `where` (SQL) pushed down to the files.

    Text columns are text ('' when empty), counts int, measures float (NaN
    when missing), rows in the contract's order: per-document tables by
    meeting then as written, corpus tables as written. An unknown column or a
    malformed `where` raises ValueError with DuckDB's one-line reason.
    """
    if name not in COLUMNS:
        raise ValueError(f"no table {name!r}; the tables are: {', '.join(COLUMNS)}")
    folder = Path(processed_dir)
    partitioned = (folder / name).is_dir()
    files = stored_files(name, folder)
    if not files and not partitioned:
        raise not_built(name)
    if not files:
        return _empty(name)
    select = ", ".join(f'"{column}"' for column in COLUMNS[name])
    order = f'"{PARTITION_KEY}", file_row_number' if partitioned else "file_row_number"
    condition = f"WHERE {where}" if where else ""
    query = f"SELECT {select} FROM read_parquet(?, file_row_number = true) {condition} ORDER BY {order}"
    with duckdb.connect() as connection:
        # no progress bar on a terminal; in Jupyter DuckDB draws one only with ipywidgets, and without them refuses this
        with contextlib.suppress(duckdb.Error):
            connection.execute("SET enable_progress_bar = false")
        try:
            # through Arrow: three times faster than DuckDB's own DataFrame conversion on two million sentences
            table = connection.sql(query, params=[[str(path) for path in files]]).to_arrow_table().to_pandas()
        except duckdb.Error as error:
            reason = str(error).strip().splitlines()[0]
            raise ValueError(f"{name}: {reason}") from None
    return contract_types(table)


def contract_types(table: pd.DataFrame) -> pd.DataFrame:
    """The dtypes a CSV read with `dtype=str` and the contract's numbers gives, whichever reader read the table."""
    for column in table.columns:
        kind = column_kind(column)
        if kind == "integer":
            table[column] = table[column].astype(int)
        elif kind == "number":
            table[column] = table[column].astype(float)
        else:
            table[column] = table[column].fillna("").astype(str)
    return table.reset_index(drop=True)


COLUMN_DOCS = Path(__file__).with_name("columns.yml")


@dataclass(frozen=True)
class TableDoc:
    """What a table's rows are, a paragraph more where needed, and each column's meaning (from columns.yml)."""

    rows: str
    note: str
    columns: dict[str, str]


@functools.cache
def table_docs() -> dict[str, TableDoc]:
    """columns.yml, read once: the one place a table's and a column's meaning is written."""
    data = yaml.safe_load(COLUMN_DOCS.read_text(encoding="utf-8"))
    return {
        name: TableDoc(str(doc["rows"]), str(doc.get("note", "")), {str(c): str(t) for c, t in doc["columns"].items()})
        for name, doc in data.items()
    }


def columns_markdown() -> str:
    """The README's data-contract tables: for each table its rows, its note and a column | meaning table."""
    parts = []
    for name, doc in table_docs().items():
        lines = [f"### `{name}` — {doc.rows}", ""]
        if doc.note:
            lines += [doc.note, ""]
        lines += ["| column | type | meaning |", "|---|---|---|"]
        lines += [
            f"| `{column}` | {column_kind(column)} | {text.replace('|', chr(92) + '|')} |"
            for column, text in doc.columns.items()
        ]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def datapackage(processed_dir: Path) -> dict[str, object]:
    """A Frictionless Data Package describing the tables in `processed_dir`: files, columns in order, types.

    A table is described by its CSV file where one was written (the form
    people publish), else by its Parquet file or partitions. Paths are
    relative and sorted, so the file is the same for the same build.
    """
    folder = Path(processed_dir)
    resources = []
    for name in COLUMNS:
        csv_path, single = folder / f"{name}.csv", folder / f"{name}.parquet"
        if csv_path.is_file():
            location: dict[str, object] = {
                "path": csv_path.name,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
            }
        elif (folder / name).is_dir():
            location = {
                "path": [f"{name}/{file_name}" for file_name in partition_names(name, folder)],
                "format": "parquet",
            }
        elif single.is_file():
            location = {"path": single.name, "format": "parquet"}
        else:
            continue
        meaning = table_docs()[name].columns
        fields = [
            {"name": column, "type": column_kind(column), "description": meaning[column]} for column in COLUMNS[name]
        ]
        resources.append(
            {
                "name": name,
                "profile": "tabular-data-resource",
                "description": table_docs()[name].rows,
                **location,
                "schema": {"fields": fields, "missingValues": [""]},
            }
        )
    return {"name": "inkluderingsdugnaden-minutes", "profile": "tabular-data-package", "resources": resources}


def write_datapackage(processed_dir: Path) -> Path:
    path = Path(processed_dir) / DATAPACKAGE
    path.write_text(json.dumps(datapackage(processed_dir), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
