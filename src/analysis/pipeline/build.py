"""Run the pipeline over the raw folder and swap the new tables in only when all succeeded.

Stages, each a function from tables to tables: parse and code (per
document, in parallel, cached) → organisations → manual codes → topics →
comparison.
"""

import functools
import gc
import importlib.metadata
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

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
)
from analysis.base.tables import (
    CSV_MAX_DOCUMENTS,
    DATAPACKAGE,
    PARTITION_KEY,
    PARTITIONED,
    Written,
    frame,
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
from analysis.coding.manual_codes import apply_manual_codes, read_manual_codes
from analysis.coding.masking import NameMask
from analysis.coding.organisations import Register, canonical_columns, load_register
from analysis.coding.sample import design_path, read_design
from analysis.ingest.documents import registered_entries, verified_bytes
from analysis.ingest.manifest import ManifestEntry, sha256_of
from analysis.parse.document import ParsedDocument
from analysis.pipeline.workers import MIN_PARALLEL_DOCUMENTS, Processed, process_all, require_dask

CACHE_NAME = ".cache"  # beside the output folder: data/.cache for data/processed


@dataclass
class BuildResult:
    tables: dict[str, pd.DataFrame]
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
        "documents": [[e.file, e.sha256, e.kind, e.date, e.title, e.source] for e in entries],
    }


def store_complete(out_dir: Path) -> bool:
    """Every file datapackage.json lists is there: a table deleted by hand is rebuilt, not reported as kept."""
    try:
        package = json.loads((Path(out_dir) / DATAPACKAGE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    for resource in package.get("resources", []):
        paths = resource["path"] if isinstance(resource["path"], list) else [resource["path"]]
        if not all((Path(out_dir) / path).is_file() for path in paths):
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
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Canonical organisation and actor type on attendees and segments; unknown names listed, not guessed."""
    unknown_rows: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    out = {}
    for name in ("attendees", "segments"):
        table = tables[name].copy()
        canonical, actor_types, unknown = canonical_columns(table["organisation"].tolist(), register)
        table["organisation_canonical"], table["actor_type"] = canonical, actor_types
        written = table["organisation"].str.strip()
        rows = pd.DataFrame({"meeting_id": table["meeting_id"], "organisation": written})[written.isin(unknown)]
        for org, group in rows.groupby("organisation", sort=True):  # one pass, not one scan per organisation
            unknown_rows.setdefault(org, set()).update(group["meeting_id"])
            counts[org] = counts.get(org, 0) + len(group)
        out[name] = table
    agenda = tables["agenda"]
    named = agenda["organisations"].str.split("; ").explode().dropna()
    for org, times in named[named != ""].value_counts(sort=False).items():
        if register.lookup(org) is None:
            meetings = agenda[agenda["organisations"].str.contains(org, regex=False)]["meeting_id"]
            unknown_rows.setdefault(org, set()).update(meetings)
            counts[org] = counts.get(org, 0) + int(times)
    out["unregistered_organisations"] = frame(
        "unregistered_organisations",
        [
            {"organisation": org, "meeting_ids": "; ".join(sorted(ids)), "n_rows": counts[org]}
            for org, ids in unknown_rows.items()
        ],
    )
    warnings = [
        f"organisation {org!r} ({'; '.join(sorted(ids))}) is not in data/organisations.csv; add it with its actor_type"
        for org, ids in sorted(unknown_rows.items())
    ]
    return out, warnings


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
    order = {
        "segment_id": {s: i for i, s in enumerate(segments["segment_id"].tolist())},
        "theme": {t: i for i, t in enumerate(codebook.ids)},
    }
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
    tables: dict[str, pd.DataFrame], labels_path: Path | None, cache_dir: Path | None = None
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    names = {word for name in tables["attendees"]["name"] for word in name.split()}
    from analysis.analyse import topics  # here, not at the top: a build with nothing to redo never needs it
    from analysis.analyse.topic_labels import read_topic_labels

    labels = read_topic_labels(labels_path) if labels_path else {}
    result = topics.fit_topics(tables["segments"], tables["codes"], names, labels, cache_dir=cache_dir)
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
        "theme_comparison": frame(
            "theme_comparison", compare.theme_comparison(matrix, codebook.ids, error).to_dict("records")
        ),
        "theme_differences": frame(
            "theme_differences", compare.theme_differences(matrix, codebook.ids).to_dict("records")
        ),
        "theme_trends": frame("theme_trends", trends.theme_trends(matrix, tables["meetings"], codebook.ids)),
        "recurring_issues": frame(
            "recurring_issues",
            compare.recurring_issues(matrix, tables["segments"], tables["meetings"], codebook.ids).to_dict("records"),
        ),
        "responses": frame("responses", compare.responses(matrix, tables["segments"], codebook.ids).to_dict("records")),
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
    cluster at `scheduler`, with identical output either way.
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
        return BuildResult({}, list(last.get("warnings", [])), dict(last.get("counts", {})), unchanged=True)
    note_codebook(codebook, cache_dir, say)
    processed = process_all(
        raw_dir,
        entries,
        codebook,
        NameMask(codebook.organisation_words, register.aliases()),
        jobs=jobs,
        scheduler=scheduler,
        progress=progress,
        bar=progress is not None and len(entries) >= MIN_PARALLEL_DOCUMENTS,
        cache_dir=cache_dir,
    )
    parsed = [result.parsed for result in processed]
    recoded = sum(result.recoded for result in processed)
    say(f"coded {recoded} of {len(processed)} documents (the rest unchanged, from the cache)")
    warnings = [w for doc in parsed for w in doc.warnings]
    tables = {name: frame(name, rows) for name, rows in rows_of(parsed).items()}
    enriched, found = organisation_tables(tables, register)
    tables.update(enriched)
    warnings += found
    auto, documents = auto_codes(processed), len(processed)
    # the tables now hold all that is needed: the documents' objects, most of a large build's memory, go here
    del processed, parsed
    coded, error, found = code_tables(tables["segments"], auto, codebook, manual_path, hand_path)
    del auto
    tables.update(coded)
    warnings += found
    if analyses:
        say("fitting topic models")
        fitted, found = topic_tables(tables, labels_path, topic_cache_dir(cache_dir))
        tables.update(fitted)
        warnings += found
        say("comparing meetings and actors")
        tables.update(comparison_tables(tables, codebook, error))
    csv = documents <= CSV_MAX_DOCUMENTS
    counts = {name: len(table) for name, table in tables.items()}
    record = {"inputs": inputs, "counts": counts, "warnings": warnings}
    with replaced_directory(out_dir) as staging:
        written = write_store(tables, staging, Path(out_dir), csv)
        (staging / BUILD_RECORD).write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    say(
        f"per-document tables: wrote {written.written} file(s), kept {written.kept} unchanged"
        + ("" if csv else f"; no CSV files above {CSV_MAX_DOCUMENTS} documents (`analysis export csv TABLE`)")
    )
    return BuildResult(tables, warnings, counts)


def write_store(tables: dict[str, pd.DataFrame], staging: Path, previous: Path, csv: bool) -> Written:
    """Every table into `staging`: per-document tables partitioned by meeting, the rest as one file each.

    A partition whose rows are unchanged since the build in `previous` is
    linked from it rather than rewritten. `csv` adds the contract's CSV files.
    """
    meeting_of = pd.Series(tables["segments"][PARTITION_KEY].to_numpy(), index=tables["segments"]["segment_id"])
    total = Written()
    for name, table in tables.items():
        if name in PARTITIONED:
            keys = table[PARTITION_KEY] if PARTITION_KEY in table else table["segment_id"].map(meeting_of)
            done = write_partitions(table, name, staging, keys, previous if previous.is_dir() else None)
            total = Written(total.written + done.written, total.kept + done.kept)
            if csv:
                write_csv(table, name, staging)
        else:
            write_table(table, name, staging, csv=csv)
    write_datapackage(staging)
    return total
