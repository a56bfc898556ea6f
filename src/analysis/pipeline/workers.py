"""Run the per-document stages over all cores, or on a Dask cluster, with their results cached.

One document goes: `ingest` (verify and decode) → the parse stages of
`analysis.parse.document.PARSE_STAGES`, in their order → `code_document`.
`analysis bench` times exactly these functions, stage by stage.

Results come back in manifest order whatever the number of workers, so one
worker and two give byte-identical tables. Small corpora stay in-process:
starting workers costs more than it saves below `MIN_PARALLEL_DOCUMENTS`.
"""

import dataclasses
import os
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
from joblib import Parallel, delayed, parallel_config
from tqdm import tqdm

from analysis.base.cache import Cache, code_version, digest_text
from analysis.base.config import LAYOUT_PATH
from analysis.base.errors import InputError
from analysis.base.tables import COLUMNS, arrow_type, not_built, stored_files
from analysis.coding.codebook import Codebook
from analysis.coding.coder import Coder
from analysis.coding.codes import code_rows
from analysis.coding.masking import NameMask
from analysis.ingest.documents import ingest, verified_bytes
from analysis.ingest.manifest import ManifestEntry
from analysis.parse.document import ParsedDocument, parse_document
from analysis.parse.segment import Segment

MIN_PARALLEL_DOCUMENTS = 50
# The code that shapes a document's parse and codes: a change anywhere in it (recursively) misses the cache;
# a change to the analyses, figures or exports does not.
PER_DOCUMENT_CODE = ("base", "language", "ingest", "parse", "coding")
BATCH_SIZE = 16


Codes = list[tuple[str, str, str]]  # (segment_id, theme, evidence) of the automatic pass


@dataclass
class Processed:
    parsed: ParsedDocument  # without its sentences, which travel as `segments`
    segments: pa.Table  # the document's sentences as columns: see `segment_table`
    codes: Codes
    recoded: bool  # False when the codes came from the cache


SEGMENT_FIELDS = [field.name for field in dataclasses.fields(Segment)]


def segment_table(segments: list[Segment]) -> pa.Table:
    """A document's sentences as Arrow columns, the contract's types.

    The sentences are most of what a worker sends back: as columns the main
    process unpickles them three times faster than as objects, and joins the
    documents' into the table without turning two million strings into
    pandas' once more (a sixth of a 10,000-document build's main process).
    """
    return pa.table(
        [[getattr(segment, name) for segment in segments] for name in SEGMENT_FIELDS],
        schema=pa.schema([(name, arrow_type(name)) for name in SEGMENT_FIELDS]),
    )


def _processed(parsed: ParsedDocument, codes: Codes, recoded: bool) -> Processed:
    return Processed(dataclasses.replace(parsed, segments=[]), segment_table(parsed.segments), codes, recoded)


_coders: dict[str, Coder] = {}  # one per codebook in each worker: its word lexicon grows across documents


def _keys(entry: ManifestEntry) -> tuple[str, ...]:
    return (entry.sha256, entry.kind, entry.date, digest_text(entry.title + "\0" + entry.source + "\0" + entry.file))


def document_cache(cache_dir: Path | None) -> Cache:
    """Per-document results, versioned by the code that computes them and the layout file the parser reads."""
    layout = digest_text(LAYOUT_PATH.read_text(encoding="utf-8")) if LAYOUT_PATH.is_file() else ""
    return Cache(cache_dir, f"{code_version(*PER_DOCUMENT_CODE)}{layout}")


def cached(
    raw_dir: Path, entry: ManifestEntry, codebook: Codebook, mask: NameMask, cache_dir: Path | None
) -> Processed | None:
    """The document's parse and codes when both are in the cache (its bytes verified all the same), else None."""
    verified_bytes(raw_dir, entry)  # the bytes are checked on every build, cached or not
    if cache_dir is None:
        return None
    store, keys = document_cache(cache_dir), _keys(entry)
    parsed = store.get("parsed", *keys)
    if parsed is None:
        return None
    codes = store.get("codes", *keys, codebook.sha256[:16], mask.digest, parsed.meeting["language"])
    return None if codes is None else _processed(parsed, codes, recoded=False)


def process(
    raw_dir: Path, entry: ManifestEntry, codebook: Codebook, mask: NameMask, cache_dir: Path | None = None
) -> Processed:
    """One document parsed and coded, each from the cache unless it or (for codes) the codebook or mask changed."""
    data = verified_bytes(raw_dir, entry)  # the bytes are checked on every build, cached or not
    store = document_cache(cache_dir)
    keys = _keys(entry)
    parsed = store.get("parsed", *keys)
    if parsed is None:
        parsed = parse_document(ingest(raw_dir, entry, data))
        store.put("parsed", parsed, *keys)
    lang = parsed.meeting["language"]
    code_keys = (*keys, codebook.sha256[:16], mask.digest, lang)
    codes = store.get("codes", *code_keys)
    if codes is not None:
        return _processed(parsed, codes, recoded=False)
    coder = _coders.get(codebook.sha256)
    if coder is None:
        coder = _coders[codebook.sha256] = Coder(codebook)
    codes = code_document(parsed, coder, mask)
    store.put("codes", codes, *code_keys)
    return _processed(parsed, codes, recoded=True)


def document_names(parsed: ParsedDocument) -> set[str]:
    """The names a document gives: its attendees, their organisations and its speakers."""
    people = {name for p in parsed.people for name in (p.name, p.organisation)}
    speakers = {name for s in parsed.segments for name in (s.speaker, s.organisation)}
    return {name for name in people | speakers if name}


def code_document(parsed: ParsedDocument, coder: Coder, mask: NameMask, texts: list[str] | None = None) -> Codes:
    """The last per-document stage: every sentence coded in the document's language, its names masked first.

    `texts` codes other sentences in this document's context (its names and
    language) instead of its own; their ids are their positions.
    """
    if texts is None:
        ids, texts = [s.segment_id for s in parsed.segments], [s.text for s in parsed.segments]
    else:
        ids = [str(number) for number in range(len(texts))]
    coded = coder.code_many(mask.mask(texts, document_names(parsed)), parsed.meeting["language"])
    return code_rows(ids, coded)


DASK_INSTALL = "pip install 'dask[distributed]' (or install the project with its extra: pip install -e '.[dask]')"


def require_dask() -> None:
    """Say in one line how to get Dask when a scheduler is asked for without it, before any work is done."""
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        raise InputError("--scheduler", "needs dask.distributed, which is not installed", DASK_INSTALL) from None


def dask_client(scheduler: str):
    require_dask()
    from dask.distributed import Client

    return Client(scheduler)


def dask_table(name: str, processed_dir: Path):
    """A table of the store as a Dask DataFrame, one partition per file, for corpus analyses past one machine.

    Files come in meeting order, so `.compute()` gives the rows, columns and
    (through `contract_types`) the types that `analysis.base.tables.load` gives.
    """
    require_dask()
    import dask.dataframe as dd

    files = stored_files(name, processed_dir)
    if not files:
        raise not_built(name)
    return dd.read_parquet([str(path) for path in files], columns=COLUMNS[name], split_row_groups=False)


def default_jobs() -> int:
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8))


def process_all(
    raw_dir: Path,
    entries: list[ManifestEntry],
    codebook: Codebook,
    mask: NameMask,
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[str], None] | None = None,
    bar: bool = False,
    cache_dir: Path | None = None,
) -> list[Processed]:
    """Results in `entries` order; `scheduler` is a Dask scheduler address (tcp://host:8786).

    Documents whose parse and codes are cached are read here, in this
    process; only the others go to the workers, so an unchanged document
    is not shipped to a worker and back.
    """
    results = [cached(raw_dir, entry, codebook, mask, cache_dir) for entry in entries]
    todo = [entry for entry, result in zip(entries, results, strict=True) if result is None]
    fresh = iter(
        _process(
            raw_dir,
            todo,
            codebook,
            mask,
            jobs=jobs,
            scheduler=scheduler,
            progress=progress,
            bar=bar and len(todo) >= MIN_PARALLEL_DOCUMENTS,
            cache_dir=cache_dir,
        )
    )
    return [result if result is not None else next(fresh) for result in results]


def _process(
    raw_dir: Path,
    entries: list[ManifestEntry],
    codebook: Codebook,
    mask: NameMask,
    *,
    jobs: int | None,
    scheduler: str | None,
    progress: Callable[[str], None] | None,
    bar: bool,
    cache_dir: Path | None,
) -> list[Processed]:
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if not entries:
        return []
    if scheduler is None and (jobs == 1 or len(entries) < MIN_PARALLEL_DOCUMENTS):
        parsed = []
        for number, entry in enumerate(entries, 1):
            if progress and not bar:
                progress(f"[{number}/{len(entries)}] {entry.file}")
            parsed.append(process(raw_dir, entry, codebook, mask, cache_dir))
        return parsed
    client = None
    if scheduler is not None:
        client = dask_client(scheduler)
    try:
        context = parallel_config(backend="dask") if client else nullcontext()
        with context:
            runner = Parallel(n_jobs=-1 if client else jobs, batch_size=BATCH_SIZE, return_as="generator")
            results = runner(delayed(process)(raw_dir, entry, codebook, mask, cache_dir) for entry in entries)
            if bar:
                results = tqdm(results, total=len(entries), unit="doc", desc="parse", mininterval=1.0)
            return list(results)
    finally:
        if client is not None:
            client.close()
