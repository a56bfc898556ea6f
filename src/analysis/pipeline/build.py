"""Run the pipeline over the raw folder and swap the new tables in only when all succeeded.

Stages, each a function from tables to tables: parse and code (per
document, in parallel, cached) → organisations → manual codes → topics →
comparison.
"""

import functools
import gc
import importlib.metadata
import io
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.base.atomic import exclusive, replaced_directory
from analysis.base.cache import Cache, code_version
from analysis.base.config import (
    CODEBOOK_PATH,
    HAND_CODES_PATH,
    LAYOUT_PATH,
    MANUAL_CODES_PATH,
    PROCESSED_DIR,
    RAW_DIR,
    REGISTER_PATH,
    TOPIC_LABELS_PATH,
    TOPIC_STOPWORDS_PATH,
    display_path,
)
from analysis.base.errors import InputError
from analysis.base.handfiles import SAVE_AS_CSV, read_text
from analysis.base.tables import (
    COLUMNS,
    CSV_MAX_DOCUMENTS,
    DATAPACKAGE,
    PARTITION_KEY,
    PARTITIONED,
    Written,
    batches,
    frame,
    keep_file,
    load,
    partition_names,
    partition_owner,
    positions,
    stored_rows,
    write_csv,
    write_datapackage,
    write_partitions,
    write_table,
)
from analysis.coding.agreement import (
    POOLED,
    CodingError,
    Design,
    agreement_matrix,
    coder_agreement,
    decision_matrix,
    hand_codes_by_coder,
    pooled_hand,
    read_hand_codes,
)
from analysis.coding.codebook import Codebook, load_codebook
from analysis.coding.codes import codes_frame, theme_indicators
from analysis.coding.manual_codes import apply_manual_codes, meeting_of, read_manual_codes
from analysis.coding.masking import NameMask
from analysis.coding.organisations import Register, canonical_columns, load_register
from analysis.coding.sample import design_path, read_design
from analysis.ingest.documents import meeting_id_for, registered_entries, verified_bytes
from analysis.ingest.manifest import ManifestEntry, sha256_of
from analysis.parse.document import ParsedDocument
from analysis.pipeline.workers import Processed, process_all, require_dask

CACHE_NAME = ".cache"  # beside the output folder: data/.cache for data/processed


@dataclass
class BuildResult:
    tables: Mapping[str, pd.DataFrame]  # read from the store on first use when the build kept or extended it
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # rows per table, also when nothing was rebuilt
    unchanged: bool = False  # True when every input was as the last build left it: no table was touched


# What made the tables in data/processed: every input's digest, the code's, the libraries', the warnings, the counts.
BUILD_RECORD = "build.json"
# the packages whose code shapes a table in the store (publishing, exports, the bench and evaluation do not)
STORE_CODE = ("analyse", "base", "coding", "ingest", "language", "parse", "pipeline")
LIBRARIES = ("numpy", "pandas", "scipy", "scikit-learn", "pyarrow", "duckdb", "simplemma")


def _file_digest(path: Path | None) -> str:
    return sha256_of(Path(path)) if path and Path(path).is_file() else ""


def entry_key(entry: ManifestEntry) -> list[str]:
    """A document as the build record keeps it: equal keys, equal per-document tables."""
    return [entry.file, entry.sha256, entry.kind, entry.date, entry.title, entry.source]


def build_inputs(entries: list[ManifestEntry], files: dict[str, Path | None], analyses: bool) -> dict[str, object]:
    """Everything a build's tables depend on, as digests: equal inputs, equal tables.

    A document counts by its manifest row (its sha256, kind, date, title,
    source); that its bytes are those is checked once per build, by the
    caller or by the per-document stages.
    """
    return {
        "code": code_version(*STORE_CODE),
        "libraries": {name: importlib.metadata.version(name) for name in LIBRARIES},
        "analyses": analyses,
        "files": {label: _file_digest(path) for label, path in sorted(files.items())},
        "documents": [entry_key(e) for e in entries],
    }


def require_built_with(codebook_path: Path, out_dir: Path) -> None:
    """Refuse to draw from tables coded with another codebook than the one the notebooks will read.

    The notebooks take the theme ids and labels from the codebook file, the
    codes from the tables: after an edit to the codebook without a rebuild
    they disagree, and a cell fails far from the cause (a KeyError, a
    duplicate index). A store without a build record is left to say so itself.
    """
    built_with = _last_build(out_dir).get("inputs", {}).get("files", {}).get("codebook")
    if built_with and built_with != _file_digest(codebook_path):
        raise InputError(
            display_path(Path(codebook_path)),
            f"changed since {display_path(Path(out_dir))} was built (or the build used another --codebook)",
            "run `analysis build` first (`make report` does both)",
        )


def store_complete(out_dir: Path) -> bool:
    """Every file datapackage.json lists is there: a table deleted by hand is rebuilt, not reported as kept."""
    try:
        package = json.loads((Path(out_dir) / DATAPACKAGE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    for resource in package.get("resources", []):
        paths = resource["path"] if isinstance(resource["path"], list) else [resource["path"]]
        if not all(os.path.isfile(os.path.join(out_dir, path)) for path in paths):
            return False
    return True


def _last_build(out_dir: Path) -> dict[str, object]:
    path = Path(out_dir) / BUILD_RECORD
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError):
        return {}  # an unreadable record only means the build runs


def rows_of(parsed: list[ParsedDocument]) -> dict[str, list[dict[str, object]]]:
    """Flatten per-document records into per-table rows."""
    rows: dict[str, list[dict[str, object]]] = {"meetings": [], "attendees": [], "agenda": [], "segments": []}
    for doc in parsed:
        meeting_id = doc.meeting["meeting_id"]
        rows["meetings"].append(doc.meeting)
        for number, person in enumerate(doc.people, 1):
            rows["attendees"].append(
                {
                    "meeting_id": meeting_id,
                    "name": person.name,
                    "role": person.role,
                    "organisation": person.organisation,
                    "status": person.status,
                    "attendee_no": number,
                }
            )
        for order, entry in enumerate(doc.agenda):
            rows["agenda"].append(
                {
                    "meeting_id": meeting_id,
                    "item_no": entry.item_no,
                    "title": entry.title,
                    "presenters": "; ".join(entry.presenters),
                    "organisations": "; ".join(o for o in entry.organisations if o),
                    "kind": entry.kind,
                    "parent_item": entry.parent_item,
                    "order": order,
                }
            )
        rows["segments"].extend(vars(segment) for segment in doc.segments)
    return rows


def organisation_tables(
    tables: dict[str, pd.DataFrame], register: Register
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Canonical organisation and actor type on attendees and segments, and each meeting's unregistered names.

    The second table has a row per (meeting_id, organisation) written in that
    meeting but missing from the register, with how many rows write it: a
    build that adds one document adds that document's rows to the last
    build's, and `unregistered_table` makes the corpus table from either.
    """
    unknown_rows = []
    out = {}
    for name in ("attendees", "segments"):
        table = tables[name].copy()
        canonical, actor_types, unknown = canonical_columns(table["organisation"].tolist(), register)
        table["organisation_canonical"], table["actor_type"] = canonical, actor_types
        written = table["organisation"].str.strip()
        unknown_rows.append(
            pd.DataFrame({"meeting_id": table["meeting_id"], "organisation": written})[written.isin(unknown)]
        )
        out[name] = table
    agenda = tables["agenda"]
    named = pd.DataFrame({"meeting_id": agenda["meeting_id"], "organisation": agenda["organisations"].str.split("; ")})
    named = named.explode("organisation").dropna()
    named = named[named["organisation"] != ""]
    missing = {org for org in named["organisation"].unique() if register.lookup(org) is None}
    unknown_rows.append(named[named["organisation"].isin(missing)])
    rows = pd.concat(unknown_rows, ignore_index=True)
    per_meeting = rows.groupby(["meeting_id", "organisation"], sort=True).size().rename("n_rows").reset_index()
    return out, per_meeting


# a build over a new corpus can meet hundreds; a warning each would bury every other line
MAX_NAMED_UNREGISTERED = 10


def unregistered_table(per_meeting: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """unregistered_organisations (an organisation, the meetings writing it, how many rows), and warnings: one
    per organisation, or for the MAX_NAMED_UNREGISTERED most written and one line for the rest."""
    grouped = per_meeting.groupby("organisation", sort=True)
    meetings = {org: sorted(set(group["meeting_id"])) for org, group in grouped}
    rows = grouped["n_rows"].sum()
    table = frame(
        "unregistered_organisations",
        [{"organisation": org, "meeting_ids": "; ".join(meetings[org]), "n_rows": int(n)} for org, n in rows.items()],
    )
    named = list(meetings)
    if len(named) > MAX_NAMED_UNREGISTERED:  # the most written first; the table lists them all
        named = sorted(named, key=lambda org: (-int(rows[org]), org))[:MAX_NAMED_UNREGISTERED]
    warnings = [
        f"organisation {org!r} ({'; '.join(meetings[org])}) is not in data/organisations.csv; "
        "add it with its actor_type"
        for org in named
    ]
    if len(meetings) > len(named):
        warnings.append(
            f"{len(meetings) - len(named)} more organisations are not in data/organisations.csv; "
            "unregistered_organisations.csv lists every one with the meetings that write it"
        )
    return table, warnings


def auto_codes(processed: list[Processed]) -> pd.DataFrame:
    """The automatic pass of every document, in document then segment then codebook order."""
    return codes_frame([row for result in processed for row in result.codes])


def note_codebook(codebook: Codebook, cache_dir: Path | None, say: Callable[[str], None]) -> None:
    """Say so when the codebook changed since the last build, since every document is then recoded."""
    store = Cache(cache_dir)
    last = store.get("codebook", "last-build")
    if last is not None and last != codebook.sha256:
        say("the codebook changed since the last build: recoding every document")
    store.put("codebook", codebook.sha256, "last-build")


def code_tables(
    segments: pd.DataFrame,
    auto: pd.DataFrame,
    codebook: Codebook,
    manual_path: Path | None,
    hand_path: Path | None,
) -> tuple[dict[str, pd.DataFrame], CodingError | None, list[str]]:
    """codes.csv (automatic pass, then manual corrections), and the validation tables if there are hand codes.

    Also returns the coder's error rates (for corrected prevalence), or None
    without hand codes.
    """
    manual, elsewhere = (
        read_manual_codes(manual_path, set(segments["segment_id"]), codebook.ids) if manual_path else ([], 0)
    )
    codes, warnings = apply_manual_codes(auto, manual)
    if elsewhere:
        warnings.append(f"{elsewhere} manual code row(s) name documents that are not in this build; left out")
    order = {"segment_id": segments["segment_id"], "theme": codebook.ids}
    tables = {"codes": frame("codes", codes, order=order)}
    error = None
    tables |= {"agreement": frame("agreement", []), "coder_agreement": frame("coder_agreement", [])}
    if hand_path and Path(hand_path).is_file():
        validation, error, found = validation_tables(segments, auto, codebook, Path(hand_path))
        tables.update(validation)
        warnings += found
    return tables, error, warnings


def validation_tables(
    segments: pd.DataFrame, auto: pd.DataFrame, codebook: Codebook, hand_path: Path
) -> tuple[dict[str, pd.DataFrame], CodingError | None, list[str]]:
    """agreement.csv (automatic pass before corrections vs each hand coder, and pooled), coder_agreement.csv.

    A design file beside the hand codes (`analysis sample` wrote it) weights
    each sentence by what it stands for; without one each counts once.
    """
    hand, waiting = read_hand_codes(hand_path, segments, codebook.ids)
    warnings = [f"{waiting} sentence(s) of the hand-coding sample have no coder yet; left out"] if waiting else []
    by_coder = hand_codes_by_coder(hand)
    coded = [s for s in segments["segment_id"] if any(s in c for c in by_coder.values())]
    if not coded:
        return {"agreement": frame("agreement", []), "coder_agreement": frame("coder_agreement", [])}, None, warnings
    design_file = design_path(hand_path)
    design = read_design(design_file, coded) if design_file.is_file() else Design.unweighted(len(coded))
    position = {s: i for i, s in enumerate(coded)}
    auto_matrix = theme_indicators(auto, coded, codebook.ids)
    rows = []
    for coder, coded_by in sorted(by_coder.items()):
        rows_of_coder = np.array([position[s] for s in coded if s in coded_by])
        part = Design(design.weights[rows_of_coder], design.strata[rows_of_coder])
        hand_matrix = decision_matrix(coded_by, [coded[i] for i in rows_of_coder], codebook.ids)
        table, error = agreement_matrix(auto_matrix[rows_of_coder], hand_matrix, codebook.ids, part)
        rows.append(table.assign(coder=coder))
    if len(by_coder) > 1:
        pooled = pooled_hand(by_coder, coded, codebook.ids)
        table, error = agreement_matrix(auto_matrix, pooled, codebook.ids, design, pooled=True)
        rows.append(table.assign(coder=POOLED))
    tables = {
        "agreement": frame("agreement", pd.concat(rows).to_dict("records")),
        "coder_agreement": frame("coder_agreement", coder_agreement(by_coder, codebook.ids)),
    }
    return tables, error, warnings


TOPIC_CACHE_ENV = "ANALYSIS_TOPIC_CACHE"


def topic_cache_dir(cache_dir: Path | None) -> Path | None:
    """Fitted topic grids live in the build cache; ANALYSIS_TOPIC_CACHE names a folder to share between builds."""
    shared = os.environ.get(TOPIC_CACHE_ENV)
    return Path(shared) if shared else cache_dir


def topic_tables(
    tables: dict[str, pd.DataFrame],
    labels_path: Path | None,
    cache_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    names = {word for name in tables["attendees"]["name"] for word in name.split()}
    from analysis.analyse import topics  # here, not at the top: a build with nothing to redo never needs it
    from analysis.analyse.topic_labels import read_topic_labels

    labels = read_topic_labels(labels_path) if labels_path else {}
    result = topics.fit_topics(
        tables["segments"], tables["codes"], names, labels, cache_dir=cache_dir, progress=progress
    )
    warnings = result.notes + [
        f"topic label override {key} does not match a fitted model; it was not applied"
        for key in sorted(set(labels) - result.applied_labels)
    ]
    out = {
        "topic_selection": frame("topic_selection", result.selection),
        "topics": frame("topics", result.topics),
        "topic_stability": frame("topic_stability", result.stability),
        "segment_topics": frame("segment_topics", result.segment_topics),
        "topic_theme_crosswalk": frame("topic_theme_crosswalk", result.crosswalk),
    }
    return out, warnings


def comparison_tables(
    tables: dict[str, pd.DataFrame], codebook: Codebook, error: CodingError | None = None
) -> dict[str, pd.DataFrame]:
    from analysis.analyse import compare, trends  # here: scipy.stats costs half a second to import

    matrix = compare.coded_matrix(tables["segments"], tables["codes"], codebook.ids)
    return {
        "theme_comparison": frame("theme_comparison", compare.theme_comparison(matrix, codebook.ids, error)),
        "theme_differences": frame("theme_differences", compare.theme_differences(matrix, codebook.ids)),
        "theme_trends": frame("theme_trends", trends.theme_trends(matrix, tables["meetings"], codebook.ids)),
        "recurring_issues": frame(
            "recurring_issues",
            compare.recurring_issues(matrix, tables["segments"], tables["meetings"], codebook.ids),
        ),
        "responses": frame("responses", compare.responses(matrix, tables["segments"], codebook.ids)),
    }


def _collector_paused(function: Callable[..., BuildResult]) -> Callable[..., BuildResult]:
    """Run with Python's cyclic garbage collector off, and back on afterwards.

    A build holds millions of small, acyclic records (one per sentence); the
    collector would walk all of them again on every full collection while
    they are created, for nothing.
    """

    @functools.wraps(function)
    def paused(*args: object, **kwargs: object) -> BuildResult:
        collecting = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if collecting:
                gc.enable()

    return paused


def build(
    raw_dir: Path = RAW_DIR,
    out_dir: Path = PROCESSED_DIR,
    **options: object,
) -> BuildResult:
    """`build_tables` while holding the output folder's lock: one build at a time writes it.

    A second build started meanwhile stops at once with one line; a build
    killed halfway is cleaned up by the next (see `base.atomic.exclusive`).
    """
    with exclusive(out_dir):
        return build_tables(raw_dir, out_dir, **options)


@_collector_paused
def build_tables(
    raw_dir: Path = RAW_DIR,
    out_dir: Path = PROCESSED_DIR,
    *,
    codebook_path: Path = CODEBOOK_PATH,
    manual_path: Path | None = MANUAL_CODES_PATH,
    hand_path: Path | None = HAND_CODES_PATH,
    register_path: Path = REGISTER_PATH,
    labels_path: Path | None = TOPIC_LABELS_PATH,
    analyses: bool = True,
    jobs: int | None = None,
    scheduler: str | None = None,
    cache: bool = True,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Every stage for every document, then all tables written at once.

    Every input (documents, codebook, register, manual codes, hand codes) is
    read and checked before anything is written, and the tables are written
    into a staging folder that replaces `out_dir` in one rename: a failed
    build leaves the previous tables exactly as they were. `analyses=False`
    stops after coding (no topic models or comparisons), for quick checks.
    Documents are processed on `jobs` cores (default: all) or on a Dask
    cluster at `scheduler`, with identical output either way. When only
    documents changed since the last build, only theirs are processed and
    written (`extend_store`); the store is the same as a full build's.
    """
    say = progress or (lambda _message: None)
    if scheduler is not None:
        require_dask()
    codebook = load_codebook(codebook_path)
    register = load_register(register_path)
    entries = registered_entries(raw_dir)
    cache_dir = Path(out_dir).parent / CACHE_NAME if cache else None
    files = {
        "codebook": codebook_path,
        "register": register_path,
        "manual_codes": manual_path,
        "hand_codes": hand_path,
        "hand_codes_design": design_path(Path(hand_path)) if hand_path else None,
        "topic_labels": labels_path,
        "topic_stopwords": TOPIC_STOPWORDS_PATH,
        "layout": LAYOUT_PATH,
    }
    inputs = build_inputs(entries, files, analyses)
    last = _last_build(out_dir)
    if cache and last.get("inputs") == inputs and store_complete(out_dir):
        for entry in entries:  # the bytes are checked on every build, also when nothing else is done
            verified_bytes(raw_dir, entry)
        say(f"nothing changed since the last build ({len(entries)} documents verified): the tables stand as they are")
        counts = dict(last.get("counts", {}))
        return BuildResult(StoredTables(out_dir, list(counts)), list(last.get("warnings", [])), counts, unchanged=True)
    note_codebook(codebook, cache_dir, say)
    mask = NameMask(codebook.organisation_words, register.aliases())

    def run(todo: list[ManifestEntry]) -> list[Processed]:
        return process_all(
            raw_dir,
            todo,
            codebook,
            mask,
            jobs=jobs,
            scheduler=scheduler,
            progress=progress,
            bar=progress is not None,  # process_all draws it from MIN_PARALLEL_DOCUMENTS documents to process
            cache_dir=cache_dir,
        )

    options = Options(codebook, register, manual_path, hand_path, labels_path, analyses, cache_dir)
    if cache and only_documents_changed(inputs, last) and store_complete(out_dir):
        extended = extend_store(raw_dir, Path(out_dir), entries, inputs, last, run, options, say)
        if extended is not None:
            return extended
    processed = run(entries)
    parsed = [result.parsed for result in processed]
    recoded = sum(result.recoded for result in processed)
    say(f"coded {recoded} of {len(processed)} documents (the rest unchanged, from the cache)")
    parse_warnings = {doc.meeting["meeting_id"]: doc.warnings for doc in parsed}
    tables, unregistered = document_tables(processed, register)
    documents = len(processed)
    # the tables now hold all that is needed: the documents' objects, most of a large build's memory, go here
    del processed, parsed
    tables["unregistered_organisations"], org_warnings = unregistered_table(unregistered)
    coded, error, code_warnings = code_tables(tables["segments"], tables.pop("auto"), codebook, manual_path, hand_path)
    tables.update(coded)
    warnings = [w for found in parse_warnings.values() for w in found] + org_warnings + code_warnings
    if analyses:
        warnings += analysis_tables(tables, options, error, say)
    csv = documents <= CSV_MAX_DOCUMENTS
    keys = {name: meeting_keys(tables[name], tables["segments"]) for name in PARTITIONED}
    summaries = document_summaries(entries, parse_warnings, keys, unregistered)
    with replaced_directory(out_dir) as staging:
        written = write_store(tables, keys, staging, Path(out_dir), csv)
        counts = in_contract_order({name: len(table) for name, table in tables.items()})
        _write_record(staging, inputs, counts, warnings, code_warnings, summaries)
    say(_written_line(written, csv))
    return BuildResult(tables, warnings, counts)


@dataclass(frozen=True)
class Options:
    """What a build reads besides the documents, and whether it runs the corpus analyses."""

    codebook: Codebook
    register: Register
    manual_path: Path | None
    hand_path: Path | None
    labels_path: Path | None
    analyses: bool
    cache_dir: Path | None


def document_tables(processed: list[Processed], register: Register) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """These documents' per-document tables (codes as `auto`, before corrections) and unregistered names."""
    tables = {name: frame(name, rows) for name, rows in rows_of([result.parsed for result in processed]).items()}
    segments = pa.concat_tables([result.segments for result in processed]) if processed else None
    tables["segments"] = frame("segments", segments.to_pandas() if segments is not None else [])
    enriched, unregistered = organisation_tables(tables, register)
    tables.update(enriched)
    tables["auto"] = auto_codes(processed)
    return tables, unregistered


def analysis_tables(
    tables: dict[str, pd.DataFrame], options: Options, error: CodingError | None, say: Callable[[str], None]
) -> list[str]:
    """Topic models and comparisons added to `tables`; returns their warnings."""
    say("fitting topic models")
    fitted, warnings = topic_tables(tables, options.labels_path, topic_cache_dir(options.cache_dir), say)
    tables.update(fitted)
    say("comparing meetings and actors")
    tables.update(comparison_tables(tables, options.codebook, error))
    return warnings


def meeting_keys(table: pd.DataFrame, segments: pd.DataFrame) -> pd.Series:
    """Each row's meeting: its own meeting_id, or (codes) its sentence's."""
    if PARTITION_KEY in table:
        return table[PARTITION_KEY]
    position = positions(table["segment_id"], segments["segment_id"])
    return pd.Series(segments[PARTITION_KEY].to_numpy()[position], index=table.index)


def document_summaries(
    entries: list[ManifestEntry],
    parse_warnings: dict[str, list[str]],
    keys: dict[str, pd.Series],
    unregistered: pd.DataFrame,
) -> dict[str, dict[str, object]]:
    """Per meeting: its manifest row, parse warnings, rows per table and unregistered names.

    Kept in build.json so that the next build, when only documents changed,
    makes the corpus-level parts without reading the unchanged documents.
    """
    rows = {name: keys[name].value_counts() for name in PARTITIONED}
    unknown = {
        meeting: dict(zip(group["organisation"], group["n_rows"].astype(int).tolist(), strict=True))
        for meeting, group in unregistered.groupby("meeting_id", sort=True)
    }
    summaries = {}
    for entry in entries:
        meeting = meeting_id_for(entry.file)
        summaries[meeting] = {
            "entry": entry_key(entry),
            "warnings": list(parse_warnings.get(meeting, [])),
            "rows": {name: int(rows[name].get(meeting, 0)) for name in PARTITIONED},
            "unregistered": unknown.get(meeting, {}),
        }
    return summaries


def only_documents_changed(inputs: dict[str, object], last: dict[str, object]) -> bool:
    """The last build had the same code, libraries and input files, and recorded its documents."""
    before = last.get("inputs")
    if not isinstance(before, dict) or not isinstance(last.get("documents"), dict):
        return False
    return {k: v for k, v in before.items() if k != "documents"} == {
        k: v for k, v in inputs.items() if k != "documents"
    }


def meetings_named(*paths: Path | None) -> set[str]:
    """The meetings that manual codes or hand codes name (by their segment ids)."""
    named: set[str] = set()
    for path in paths:
        if path and Path(path).is_file():
            table = pd.read_csv(io.StringIO(read_text(path, SAVE_AS_CSV)), dtype=str, keep_default_na=False)
            if "segment_id" in table:
                named.update(meeting_of(segment) for segment in table["segment_id"])
    return named


def extend_store(
    raw_dir: Path,
    out_dir: Path,
    entries: list[ManifestEntry],
    inputs: dict[str, object],
    last: dict[str, object],
    run: Callable[[list[ManifestEntry]], list[Processed]],
    options: Options,
    say: Callable[[str], None],
) -> BuildResult | None:
    """The last build's store with documents added, changed or removed, touching only those documents.

    An unchanged document's partition files are linked from the last build
    and its share of the corpus tables (rows, warnings, unregistered names)
    comes from build.json; only the new documents are processed and written.
    Returns None, for a full build, when a manual code or hand code names a
    changed document: its corrections and agreement must be checked again.
    """
    before: dict[str, dict[str, object]] = last["documents"]  # type: ignore[assignment]
    now = {meeting_id_for(entry.file): entry for entry in entries}
    kept = {
        meeting for meeting, entry in now.items() if meeting in before and before[meeting]["entry"] == entry_key(entry)
    }
    changed = (set(now) | set(before)) - kept
    if changed & meetings_named(options.manual_path, options.hand_path):
        return None
    for meeting in sorted(kept):  # the bytes are checked on every build
        verified_bytes(raw_dir, now[meeting])
    fresh = [entry for meeting, entry in now.items() if meeting not in kept]
    processed = run(fresh)
    say(f"coded {sum(r.recoded for r in processed)} of {len(now)} documents (the rest unchanged, from the store)")
    parse_warnings = {result.parsed.meeting["meeting_id"]: result.parsed.warnings for result in processed}
    tables, unregistered = document_tables(processed, options.register)
    del processed
    # no manual code names a new document (checked above): its codes are the automatic pass, as code_tables sorts it
    tables["codes"] = code_tables(tables["segments"], tables.pop("auto"), options.codebook, None, None)[0]["codes"]
    keys = {name: meeting_keys(tables[name], tables["segments"]) for name in PARTITIONED}
    summaries = {meeting: before[meeting] for meeting in kept} | document_summaries(
        fresh, parse_warnings, keys, unregistered
    )
    summaries = dict(sorted(summaries.items()))
    per_meeting = pd.DataFrame(
        [(m, org, n) for m, summary in summaries.items() for org, n in summary["unregistered"].items()],  # type: ignore[attr-defined]
        columns=["meeting_id", "organisation", "n_rows"],
    )
    unregistered_organisations, org_warnings = unregistered_table(per_meeting)
    code_warnings = list(last.get("code_warnings", []))  # type: ignore[arg-type]
    parse = [w for summary in summaries.values() for w in summary["warnings"]]  # type: ignore[attr-defined]
    warnings = parse + org_warnings + code_warnings
    csv = len(now) <= CSV_MAX_DOCUMENTS
    with replaced_directory(out_dir) as staging:
        total = Written()
        for name in PARTITIONED:
            os.mkdir(staging / name)
            layout, same = batches_kept(name, before, summaries, kept)
            rewritten: set[str] = set()  # the last build's other files: kept meetings of changed batches are read back
            for file_name in partition_names(name, out_dir):
                if partition_owner(file_name) in same:
                    keep_file(os.path.join(out_dir, name, file_name), os.path.join(staging, name, file_name))
                    total.kept += 1
                else:
                    rewritten.add(file_name)
            again = {meeting for meeting in kept if layout.get(meeting) not in same}
            rows, row_keys = stored_rows(out_dir / name, sorted(rewritten), name, again)
            table = pd.concat([rows, tables[name]], ignore_index=True) if len(rows) else tables[name]
            table_keys = pd.concat([row_keys, keys[name]], ignore_index=True) if len(rows) else keys[name]
            total.written += write_partitions(table, name, staging, table_keys, out_dir, layout).written
        unchanged = ("agreement", "coder_agreement")  # from hand codes of unchanged documents only
        for name in unchanged:
            keep_file(out_dir / f"{name}.parquet", staging / f"{name}.parquet")
        write_table(unregistered_organisations, "unregistered_organisations", staging, csv=False)
        counts = {name: sum(s["rows"][name] for s in summaries.values()) for name in PARTITIONED}  # type: ignore[index]
        counts |= {name: int(last["counts"][name]) for name in unchanged}  # type: ignore[index]
        counts["unregistered_organisations"] = len(unregistered_organisations)
        if options.analyses or csv:  # both need the whole tables: read from the new store
            stored = {name: load(name, staging) for name in (*PARTITIONED, *unchanged)}
            stored["unregistered_organisations"] = unregistered_organisations
            if options.analyses:
                error = coding_error(stored["segments"], [now[m] for m in sorted(kept)], run, options)
                ready = set(stored)
                warnings += analysis_tables(stored, options, error, say)
                for name in sorted(set(stored) - ready):
                    write_table(stored[name], name, staging, csv=False)
                    counts[name] = len(stored[name])
            if csv:
                for name, table in stored.items():
                    write_csv(table, name, staging)
        write_datapackage(staging)
        counts = in_contract_order(counts)
        _write_record(staging, inputs, counts, warnings, code_warnings, summaries)
    say(_written_line(total, csv))
    return BuildResult(StoredTables(out_dir, list(counts)), warnings, counts)


def batches_kept(
    name: str, before: dict[str, dict[str, object]], after: dict[str, dict[str, object]], kept: set[str]
) -> tuple[dict[str, str], set[str]]:
    """The table's batches now (each meeting's) and those whose file the last build wrote as they must be:
    the same meetings as then, none of them changed."""

    def members(summaries: dict[str, dict[str, object]]) -> tuple[dict[str, str], dict[str, set[str]]]:
        layout = batches(m for m, summary in summaries.items() if summary["rows"][name])  # type: ignore[index]
        grouped: dict[str, set[str]] = defaultdict(set)
        for meeting, label in layout.items():
            grouped[label].add(meeting)
        return layout, grouped

    layout, now = members(after)
    _, then = members(before)
    return layout, {label for label, meetings in now.items() if then.get(label) == meetings and meetings <= kept}


def coding_error(
    segments: pd.DataFrame,
    kept: list[ManifestEntry],
    run: Callable[[list[ManifestEntry]], list[Processed]],
    options: Options,
) -> CodingError | None:
    """The coder's error rates for corrected prevalence, from the hand-coded documents' cached automatic codes.

    Only called when no changed document is hand-coded, so these are the
    rates the last build used.
    """
    if not options.hand_path or not Path(options.hand_path).is_file():
        return None
    named = meetings_named(options.hand_path)
    coded = [entry for entry in kept if meeting_id_for(entry.file) in named]
    auto = auto_codes(run(coded))
    return validation_tables(segments, auto, options.codebook, Path(options.hand_path))[1]


def in_contract_order(counts: dict[str, int]) -> dict[str, int]:
    """Rows per table, tables in the contract's order: the same record whichever way the build went."""
    return {name: counts[name] for name in COLUMNS if name in counts}


def _write_record(
    staging: Path,
    inputs: dict[str, object],
    counts: dict[str, int],
    warnings: list[str],
    code_warnings: list[str],
    documents: dict[str, dict[str, object]],
) -> None:
    record = {
        "inputs": inputs,
        "counts": counts,
        "warnings": warnings,
        "code_warnings": code_warnings,
        "documents": documents,
    }
    (staging / BUILD_RECORD).write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _written_line(written: Written, csv: bool) -> str:
    return f"per-document tables: wrote {written.written} file(s), kept {written.kept} unchanged" + (
        "" if csv else f"; no CSV files above {CSV_MAX_DOCUMENTS} documents (`analysis export csv TABLE`)"
    )


class StoredTables(Mapping[str, pd.DataFrame]):
    """A build's tables read from the store when first asked for: a build that kept them holds none in memory."""

    def __init__(self, folder: Path, names: list[str]) -> None:
        self._folder, self._names, self._read = Path(folder), list(names), {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._names:
            raise KeyError(name)
        if name not in self._read:
            self._read[name] = load(name, self._folder)
        return self._read[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def write_store(
    tables: dict[str, pd.DataFrame], keys: dict[str, pd.Series], staging: Path, previous: Path, csv: bool
) -> Written:
    """Every table into `staging`: per-document tables partitioned by meeting, the rest as one file each.

    A partition whose rows are unchanged since the build in `previous` is
    linked from it rather than rewritten. `csv` adds the contract's CSV files.
    """
    total = Written()
    for name, table in tables.items():
        if name in PARTITIONED:
            done = write_partitions(table, name, staging, keys[name], previous if previous.is_dir() else None)
            total = Written(total.written + done.written, total.kept + done.kept)
            if csv:
                write_csv(table, name, staging)
        else:
            write_table(table, name, staging, csv=csv)
    write_datapackage(staging)
    return total
