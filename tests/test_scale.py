"""The synthetic corpus, and parallel processing that never changes a byte of the output."""

import dataclasses
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from corpus import build_corpus, store_snapshot

from analysis.base.tables import frame, to_csv_text
from analysis.bench.synth import synth_corpus
from analysis.ingest.documents import ingest, registered_entries
from analysis.parse.document import parse_document
from analysis.pipeline.build import BUILD_RECORD
from analysis.pipeline.workers import MIN_PARALLEL_DOCUMENTS, segment_table


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synth_corpus(MIN_PARALLEL_DOCUMENTS + 10, tmp_path_factory.mktemp("synth") / "raw")


def _same_tables(first: Path, second: Path) -> None:
    assert store_snapshot(first) == store_snapshot(second)


def test_synthetic_corpus_is_deterministic_and_realistic(synthetic: Path, tmp_path: Path) -> None:
    again = synth_corpus(3, tmp_path / "again")
    for name in ("synth-000001.txt", "synth-000002.txt", "synth-000003.txt"):
        assert (again / name).read_bytes() == (synthetic / name).read_bytes()
    text = " ".join((synthetic / f"synth-{i:06d}.txt").read_text(encoding="utf-8") for i in range(1, 21))
    assert len(set(text.lower().split())) > 3000  # a spread vocabulary (our two real documents have ~1,100 types)
    assert "Til stede:" in text and "Møteleder:" in text and "\n1. " in text


def test_one_or_two_workers_give_identical_tables(synthetic: Path, tmp_path: Path) -> None:
    one = tmp_path / "one"
    two = tmp_path / "two"
    # no cache: both builds must really parse and code every document (they would share tmp_path/.cache)
    result = build_corpus(synthetic, one, jobs=1, analyses=False, cache=False)
    build_corpus(synthetic, two, jobs=2, analyses=False, cache=False)
    _same_tables(one, two)
    assert len(result.tables["meetings"]) == MIN_PARALLEL_DOCUMENTS + 10
    assert (result.tables["segments"]["speaker"] != "").mean() > 0.9


def test_a_dask_cluster_gives_identical_tables(synthetic: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    local = tmp_path / "local"
    build_corpus(synthetic, local, jobs=1, analyses=False, cache=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        build_corpus(synthetic, tmp_path / "dask", scheduler=cluster.scheduler_address, analyses=False, cache=False)
    _same_tables(local, tmp_path / "dask")


def test_cache_gives_identical_tables_and_only_redoes_what_changed(raw_copy: Path, tmp_path: Path) -> None:
    from analysis.ingest.manifest import add_document

    messages: list[str] = []
    cold = build_corpus(raw_copy, tmp_path / "a" / "processed", analyses=False, progress=messages.append)
    assert "coded 2 of 2 documents (the rest unchanged, from the cache)" in messages
    cache = tmp_path / "a" / ".cache"
    snapshot = store_snapshot(tmp_path / "a" / "processed")
    messages.clear()
    build_corpus(raw_copy, tmp_path / "a" / "processed", analyses=False, progress=messages.append)
    assert messages == ["nothing changed since the last build (2 documents verified): the tables stand as they are"]
    (tmp_path / "a" / "processed" / BUILD_RECORD).unlink()  # the record gone, the tables are rebuilt from the cache
    build_corpus(raw_copy, tmp_path / "a" / "processed", analyses=False, progress=messages.append)
    assert "coded 0 of 2 documents (the rest unchanged, from the cache)" in messages
    assert store_snapshot(tmp_path / "a" / "processed") == snapshot
    fixture = Path(__file__).parent / "fixtures" / "2020-03-12_kontaktutvalget_referat.txt"
    add_document(fixture, raw_copy, kind="minutes")
    messages.clear()
    added = build_corpus(raw_copy, tmp_path / "a" / "processed", analyses=False, progress=messages.append)
    assert "coded 1 of 3 documents (the rest unchanged, from the store)" in messages  # only the new one read
    fresh = build_corpus(raw_copy, tmp_path / "b" / "processed", analyses=False, cache=False)
    assert store_snapshot(tmp_path / "a" / "processed") == store_snapshot(tmp_path / "b" / "processed")
    for name in ("segments", "codes", "meetings"):
        assert to_csv_text(added.tables[name]) == to_csv_text(fresh.tables[name]), name
    assert len(list((cache / "parsed").iterdir())) == 3
    assert cold.tables["segments"]["segment_id"].isin(added.tables["segments"]["segment_id"]).all()


def test_a_changed_codebook_recodes_everything_and_says_so(raw_copy: Path, tmp_path: Path) -> None:
    from analysis.base.config import CODEBOOK_PATH

    out = tmp_path / "processed"
    build_corpus(raw_copy, out, analyses=False)
    variant = tmp_path / "variant.yml"
    variant.write_text(
        CODEBOOK_PATH.read_text(encoding="utf-8").replace(
            "prefixes: [lønnstilskudd]", "prefixes: [lønnstilskudd, refusjon]"
        ),
        encoding="utf-8",
    )
    messages: list[str] = []
    result = build_corpus(raw_copy, out, codebook_path=variant, analyses=False, progress=messages.append)
    assert "the codebook changed since the last build: recoding every document" in messages
    assert "coded 2 of 2 documents (the rest unchanged, from the cache)" in messages
    codes = result.tables["codes"]
    assert "refusjonsordningen" in " ".join(codes[codes["theme"] == "wage_subsidy"]["evidence"])


def test_bench_times_the_real_build_cold_unchanged_and_one_added(tmp_path: Path) -> None:
    from analysis.bench.bench import run_builds

    raw = synth_corpus(4, tmp_path / "raw")
    manifest = (raw / "manifest.csv").read_bytes()
    rows = run_builds(raw, tmp_path)
    assert [r["stage"] for r in rows] == [
        "build, ingest → codes (cold cache)",
        "rebuild, nothing changed",
        "rebuild, one document added",
    ]
    assert all(r["seconds"] > 0 and r["peak_rss_mb"] > 0 for r in rows)
    assert (raw / "manifest.csv").read_bytes() == manifest  # the held-back document is registered again
    assert len(pd.read_csv(tmp_path / "processed" / "meetings.csv")) == 4


def test_bench_times_the_stages_the_build_runs_in_their_order(tmp_path: Path) -> None:
    from analysis.bench.bench import TOKEN_LOOKUP, run_stages
    from analysis.parse.document import PARSE_STAGES

    rows = run_stages(synth_corpus(3, tmp_path / "raw"), topics=False)
    stages = [row["stage"] for row in rows]
    build_order = ["floor: read + split", "ingest", *(name for name, _ in PARSE_STAGES), "code (lemmatise + match)"]
    assert stages == [*build_order, TOKEN_LOOKUP]  # the coder's first step alone, as a reference beside coding
    assert all(row["seconds"] >= 0 for row in rows) and rows[0]["mb"] > 0


def test_sentences_sent_back_as_columns_make_the_table_the_objects_make(synthetic: Path) -> None:
    """Workers send a document's sentences as Arrow columns; joined, they are the table its Segment objects give."""
    entries = registered_entries(synthetic)[:6]
    parsed = [parse_document(ingest(synthetic, entry)) for entry in entries]
    parsed[3] = dataclasses.replace(parsed[3], segments=[])  # a document without sentences sends an empty table
    parsed.reverse()  # not in meeting order: the table is sorted all the same
    columns = pa.concat_tables([segment_table(document.segments) for document in parsed]).to_pandas()
    from_columns = frame("segments", columns)
    from_objects = frame("segments", [vars(s) for document in parsed for s in document.segments])
    pd.testing.assert_frame_equal(from_columns, from_objects)
    assert len(from_columns) == sum(len(document.segments) for document in parsed) > 0
    assert "ø" in " ".join(from_columns["text"])  # Norwegian letters survive the trip
