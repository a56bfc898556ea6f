"""The store: per-document Parquet partitions read through DuckDB, CSV for people, a datapackage.json beside them."""

import hashlib
import shutil
from pathlib import Path

import frictionless
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from corpus import FIXTURES, NEWS, PROJECT_ARGUMENTS, build_corpus, store_snapshot

from analysis.base.config import CODEBOOK_PATH, REGISTER_PATH
from analysis.base.markers import between
from analysis.base.tables import (
    BATCH_DOCUMENTS,
    COLUMNS,
    DATAPACKAGE,
    PARTITIONED,
    batches,
    column_kind,
    columns_markdown,
    contract_types,
    load,
    stored_files,
    table_docs,
    to_csv_text,
)
from analysis.cli import COLUMNS_BEGIN, COLUMNS_END, main
from analysis.coding.codebook import load_codebook
from analysis.pipeline.build import BUILD_RECORD, comparison_tables
from analysis.pipeline.workers import dask_table


def _csv_as_contract(path: Path) -> pd.DataFrame:
    """What a researcher gets from the CSV file with pandas and the contract's column types."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    for column in table.columns:
        if column_kind(column) == "integer":
            table[column] = table[column].astype(int)
        elif column_kind(column) == "number":
            table[column] = pd.to_numeric(table[column].mask(table[column] == "")).astype(float)
    return table


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    """Each partition file of the store with its inode and modification time: a rewritten file changes both."""
    return {
        path.relative_to(folder).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
        for name in PARTITIONED
        for path in stored_files(name, folder)
    }


def test_every_table_loads_as_its_csv_reads(built) -> None:
    out, result = built
    for name in COLUMNS:
        loaded = load(name, out)
        pd.testing.assert_frame_equal(loaded, _csv_as_contract(out / f"{name}.csv"), obj=name)
        assert to_csv_text(loaded) == (out / f"{name}.csv").read_text(encoding="utf-8"), name
        assert len(loaded) == len(result.tables[name]), name


def test_per_document_tables_are_stored_in_batches_of_whole_documents(built) -> None:
    """Each file holds a run of meetings in id order, named by its first; the files come in meeting order."""
    out, result = built
    meetings = set(result.tables["meetings"]["meeting_id"])
    for name in PARTITIONED:
        files = stored_files(name, out)
        held = [pq.read_table(path, columns=["meeting_id"])["meeting_id"].to_pylist() for path in files]
        present = sorted({meeting for rows in held for meeting in rows})
        assert set(present) <= meetings, name
        assert [path.name.rsplit(".", 2)[0] for path in files] == sorted(set(batches(present).values())), name
        for path, rows in zip(files, held, strict=True):
            assert rows == sorted(rows) and rows[0] == path.name.rsplit(".", 2)[0], name
        assert [meeting for rows in held for meeting in dict.fromkeys(rows)] == present, name  # one file each


def test_batches_change_only_where_a_meeting_comes_or_goes() -> None:
    """Adding or removing one meeting changes its own batch (or splits or merges it with the one before)."""
    meetings = [f"{2000 + n % 25}-{n:05d}_referat" for n in range(3000)]
    layout = batches(meetings)
    sizes = pd.Series(layout).value_counts()
    assert 0.5 * BATCH_DOCUMENTS < sizes.mean() < 2 * BATCH_DOCUMENTS

    def grouped(layout: dict[str, str]) -> set[frozenset[str]]:
        return {frozenset(m for m, label in layout.items() if label == first) for first in set(layout.values())}

    for meeting in meetings[::97]:
        fewer = batches(m for m in meetings if m != meeting)
        assert len(grouped(layout) ^ grouped(fewer)) <= 3  # two old batches merged into one, or one shrunk
        more = batches([*meetings, meeting + "b"])
        assert len(grouped(layout) ^ grouped(more)) <= 3


def test_where_selects_rows_in_the_files_and_keeps_reading_order(built) -> None:
    out, _ = built
    segments = load("segments", out)
    chosen = segments["meeting_id"].iloc[-1]
    some = load("segments", out, where=f"meeting_id = '{chosen}' AND paragraph_no <= 3")
    expected = segments[(segments["meeting_id"] == chosen) & (segments["paragraph_no"] <= 3)].reset_index(drop=True)
    pd.testing.assert_frame_equal(some, expected)
    assert len(some) and len(some) < len(segments)
    codes = load("codes", out, where=f"meeting_id = '{chosen}'")  # codes are partitioned by meeting too
    assert len(codes) and codes["segment_id"].str.startswith(chosen).all()
    with pytest.raises(ValueError, match="nosuch"):
        load("segments", out, where="nosuch = 1")
    with pytest.raises(ValueError, match="no table"):
        load("sentences", out)


def test_a_changed_document_rewrites_only_its_partitions(raw_copy: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("analysis.base.tables.BATCH_DOCUMENTS", 1)  # a batch per document
    out = tmp_path / "processed"
    build_corpus(raw_copy, out, analyses=False)
    before = _files(out)
    document = raw_copy / NEWS
    document.write_text(
        document.read_text(encoding="utf-8") + "\nDeltakerne ba om flere lønnstilskudd til unge.\n", encoding="utf-8"
    )
    manifest = raw_copy / "manifest.csv"
    old_sha = next(line.split(",")[1] for line in manifest.read_text(encoding="utf-8").splitlines() if NEWS in line)
    new_sha = hashlib.sha256(document.read_bytes()).hexdigest()
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old_sha, new_sha), encoding="utf-8")
    build_corpus(raw_copy, out, analyses=False)
    after = _files(out)
    changed = NEWS.removesuffix(".txt")
    kept = {path: stat for path, stat in before.items() if changed not in path}
    assert kept and all(after.get(path) == stat for path, stat in kept.items())  # same file: not rewritten
    rewritten = {path.split("/")[0] for path in after if changed in path and after[path] != before.get(path)}
    assert {"meetings", "segments"} <= rewritten  # its sha256 and sentences changed; its attendee list did not
    assert after.get(next(p for p in before if p.startswith(f"attendees/{changed}."))) is not None
    assert "lønnstilskudd til unge" in " ".join(load("segments", out, where=f"meeting_id = '{changed}'")["text"])


def test_a_large_corpus_writes_no_csv_and_exports_it_on_demand(
    built, raw_copy: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setattr("analysis.pipeline.build.CSV_MAX_DOCUMENTS", 1)
    out = tmp_path / "processed"
    build_corpus(raw_copy, out, analyses=False)
    assert not list(out.glob("*.csv"))
    reference, _ = built
    for name in ("meetings", "segments", "codes", "agreement"):
        target = tmp_path / f"{name}.csv"
        assert main(["export", "csv", name, "--processed", str(out), "--out", str(target)]) == 0
        assert target.read_bytes() == (reference / f"{name}.csv").read_bytes(), name
    package = frictionless.Package(str(out / DATAPACKAGE))
    segments = package.get_resource("segments")
    assert segments.format == "parquet" and all((out / path).is_file() for path in segments.paths)
    schema = pq.read_schema(out / segments.paths[0])
    assert [field.name for field in segments.schema.fields] == COLUMNS["segments"]
    assert schema.names[: len(COLUMNS["segments"])] == COLUMNS["segments"]


def test_export_with_a_bad_condition_says_one_line_and_writes_nothing(built, tmp_path: Path, capsys) -> None:
    out, _ = built
    target = tmp_path / "some.csv"
    code = main(
        ["export", "csv", "segments", "--processed", str(out), "--where", "speeker = 'x'", "--out", str(target)]
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "speeker" in err[0] and "Traceback" not in err[0], err
    assert not target.exists()
    assert main(["export", "csv", "sentences", "--processed", str(out), "--out", str(target)]) == 2
    assert not target.exists()


def test_the_datapackage_describes_and_validates_the_tables(built) -> None:
    """The reference implementation of Frictionless checks every CSV against the declared fields and types."""
    out, _ = built
    report = frictionless.validate(str(out / DATAPACKAGE))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])[:5]
    package = frictionless.Package(str(out / DATAPACKAGE))
    assert sorted(resource.name for resource in package.resources) == sorted(COLUMNS)
    for resource in package.resources:
        assert [field.name for field in resource.schema.fields] == COLUMNS[resource.name]
        assert all(field.type == column_kind(field.name) for field in resource.schema.fields)
        assert resource.description and all(field.description for field in resource.schema.fields)
    segment_id = package.get_resource("segments").schema.get_field("segment_id")
    assert "survives rebuilds" in segment_id.description  # the README's words travel with the data


def test_every_column_is_documented_once_and_the_readme_shows_it() -> None:
    """columns.yml names exactly the tables' columns in order; the README's block is what it generates."""
    docs = table_docs()
    assert list(docs) == list(COLUMNS)
    for name, doc in docs.items():
        assert list(doc.columns) == COLUMNS[name], name
        assert doc.rows and all(text.strip() for text in doc.columns.values()), name
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert between(readme, COLUMNS_BEGIN, COLUMNS_END) == columns_markdown(), (
        "run `analysis columns --readme README.md`"
    )


def test_dask_reads_the_same_store_for_identical_corpus_analyses(built) -> None:
    """Past one machine: dask.dataframe on a local cluster reads the partitions; the corpus analyses agree."""
    distributed = pytest.importorskip("dask.distributed")
    out, _ = built
    names = ("meetings", "segments", "codes")
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        on_dask = {name: contract_types(dask_table(name, out).compute()) for name in names}
    in_process = {name: load(name, out) for name in names}
    for name in names:
        pd.testing.assert_frame_equal(on_dask[name], in_process[name], obj=name)
    codebook = load_codebook(CODEBOOK_PATH)
    first, second = comparison_tables(on_dask, codebook), comparison_tables(in_process, codebook)
    for name, table in first.items():
        assert to_csv_text(table) == to_csv_text(second[name]), name
        assert len(table), name


def test_a_build_with_nothing_changed_keeps_the_store_and_says_so(raw_copy: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "processed"
    arguments = ["build", "--raw", str(raw_copy), "--out", str(out), "--no-analyses", *PROJECT_ARGUMENTS]
    assert main(arguments) == 0
    first = capsys.readouterr().err
    before = {**_files(out), "build": (out / BUILD_RECORD).stat().st_ino}
    assert main(arguments) == 0
    again = capsys.readouterr().err
    assert "nothing changed since the last build (2 documents verified)" in again
    assert {**_files(out), "build": (out / BUILD_RECORD).stat().st_ino} == before  # not a file touched
    warnings = [line for line in first.splitlines() if line.startswith("warning:")]
    assert warnings == [line for line in again.splitlines() if line.startswith("warning:")]  # said again
    assert first.splitlines()[-1].split(":", 1)[1] == again.splitlines()[-1].split(":", 1)[1]  # the same counts


@pytest.mark.parametrize("change", ["register", "table deleted", "analyses asked for"])
def test_any_changed_input_rebuilds(raw_copy: Path, tmp_path: Path, change: str) -> None:
    out = tmp_path / "processed"
    register = tmp_path / "organisations.csv"
    shutil.copyfile(REGISTER_PATH, register)
    build_corpus(raw_copy, out, analyses=False, register_path=register)
    analyses = False
    if change == "register":
        register.write_text(register.read_text(encoding="utf-8") + "Forum for testing,civil_society,,\n", "utf-8")
    elif change == "table deleted":
        (out / "segments.csv").unlink()
    else:
        analyses = True
    result = build_corpus(raw_copy, out, analyses=analyses, register_path=register)
    assert not result.unchanged and (out / "segments.csv").is_file()
    assert ("topics" in result.tables) == analyses


def test_a_document_edited_in_place_is_caught_even_when_nothing_else_changed(
    raw_copy: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "processed"
    arguments = ["build", "--raw", str(raw_copy), "--out", str(out), "--no-analyses", "--quiet", *PROJECT_ARGUMENTS]
    assert main(arguments) == 0
    before = store_snapshot(out)
    capsys.readouterr()
    with open(raw_copy / NEWS, "a", encoding="utf-8") as handle:
        handle.write("En setning lagt til uten å registrere endringen.\n")
    assert main(arguments) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "sha256 mismatch" in err[0]
    assert store_snapshot(out) == before


THIRD = FIXTURES / "2020-03-12_kontaktutvalget_referat.txt"
OTHER = FIXTURES / "formats" / "nynorsk_radet.txt"


def _build(raw: Path, out: Path, analyses: bool, **options) -> list[str]:
    """build_corpus, returning what it said."""
    said: list[str] = []
    build_corpus(raw, out, analyses=analyses, progress=said.append, **options)
    return said


@pytest.mark.parametrize("analyses", [False, True])
def test_adding_a_document_writes_only_its_files_and_gives_the_full_builds_store(
    raw_copy: Path, tmp_path: Path, analyses: bool, monkeypatch
) -> None:
    monkeypatch.setattr("analysis.base.tables.BATCH_DOCUMENTS", 1)  # a batch per document
    out = tmp_path / "processed"
    _build(raw_copy, out, analyses)
    before = _files(out)
    assert main(["add", str(THIRD), "--raw", str(raw_copy)]) == 0
    said = _build(raw_copy, out, analyses)
    assert "coded 1 of 3 documents (the rest unchanged, from the store)" in said
    after = _files(out)
    assert all(after[path] == stat for path, stat in before.items())  # every file of the two kept, not rewritten
    assert {path.split("/", 1)[1].split(".")[0] for path in set(after) - set(before)} == {THIRD.stem}
    full = tmp_path / "full"
    _build(raw_copy, full, analyses, cache=False)
    assert store_snapshot(out) == store_snapshot(full)  # tables, CSV files, datapackage.json and build.json


def test_a_document_added_to_a_batch_rewrites_that_batch_only(raw_copy: Path, tmp_path: Path, monkeypatch) -> None:
    """With three documents a batch on average, the new one joins the batch of the meetings around it: that file
    is written again from their stored rows and its own, and the other batch is kept."""
    monkeypatch.setattr("analysis.base.tables.BATCH_DOCUMENTS", 3)
    out = tmp_path / "processed"
    for document in (THIRD, OTHER):
        assert main(["add", str(document), "--raw", str(raw_copy), "--kind", "minutes"]) == 0
    _build(raw_copy, out, False)
    before = _files(out)
    old = sorted(load("meetings", out)["meeting_id"])
    new = FIXTURES / "formats" / "numbered_kommunestyre.txt"
    assert main(["add", str(new), "--raw", str(raw_copy), "--kind", "minutes"]) == 0
    assert "coded 1 of 5 documents (the rest unchanged, from the store)" in _build(raw_copy, out, False)
    after = _files(out)
    joined = batches([*old, new.stem])[new.stem]
    assert joined != new.stem and joined in old  # it joined a batch of stored meetings
    rewritten = {path for path in before if path.split("/")[1].startswith(joined + ".")}
    assert rewritten and all(after[path] == before[path] for path in set(before) - rewritten)
    assert not rewritten & set(after)
    full = tmp_path / "full"
    _build(raw_copy, full, False, cache=False)
    assert store_snapshot(out) == store_snapshot(full)


@pytest.mark.parametrize("name", ["2000-01-01_forste_referat", "2000-01-02_forste_referat"])
def test_a_document_that_sorts_first_gives_the_full_builds_store(
    raw_copy: Path, tmp_path: Path, name: str, monkeypatch
) -> None:
    """The first batch is named by its first meeting: a new first meeting either renames it, taking the old first
    batch's meetings in (01-01 does not begin a batch of three), or begins a batch of its own (01-02 does)."""
    monkeypatch.setattr("analysis.base.tables.BATCH_DOCUMENTS", 3)
    out = tmp_path / "processed"
    _build(raw_copy, out, False)
    first = tmp_path / f"{name}.txt"
    shutil.copyfile(OTHER, first)
    assert main(["add", str(first), "--raw", str(raw_copy), "--kind", "minutes"]) == 0
    assert "coded 1 of 3 documents (the rest unchanged, from the store)" in _build(raw_copy, out, False)
    assert stored_files("segments", out)[0].name.startswith(name + ".")
    full = tmp_path / "full"
    _build(raw_copy, full, False, cache=False)
    assert store_snapshot(out) == store_snapshot(full)


@pytest.mark.parametrize("batch", [1, 3])
def test_removing_and_adding_documents_gives_the_full_builds_store(
    raw_copy: Path, tmp_path: Path, batch: int, monkeypatch
) -> None:
    monkeypatch.setattr("analysis.base.tables.BATCH_DOCUMENTS", batch)
    out = tmp_path / "processed"
    for document in (THIRD, OTHER):
        assert main(["add", str(document), "--raw", str(raw_copy), "--kind", "minutes"]) == 0
    _build(raw_copy, out, False)
    manifest = raw_copy / "manifest.csv"
    manifest.write_text(
        "".join(line for line in manifest.read_text("utf-8").splitlines(True) if THIRD.name not in line), "utf-8"
    )
    (raw_copy / THIRD.name).unlink()
    said = _build(raw_copy, out, False)
    assert "coded 0 of 3 documents (the rest unchanged, from the store)" in said
    assert THIRD.stem not in set(load("segments", out)["meeting_id"])
    assert not any(THIRD.stem in path for path in _files(out))
    full = tmp_path / "full"
    _build(raw_copy, full, False, cache=False)
    assert store_snapshot(out) == store_snapshot(full)


def test_a_changed_document_with_hand_codes_is_built_in_full(raw_copy: Path, tmp_path: Path) -> None:
    """Its hand codes must be checked against its new sentences, and the agreement computed again."""
    out = tmp_path / "processed"
    _build(raw_copy, out, False)
    document = raw_copy / NEWS
    document.write_text(document.read_text(encoding="utf-8") + "\nEn ny setning om arbeid.\n", encoding="utf-8")
    manifest = raw_copy / "manifest.csv"
    old_sha = next(line.split(",")[1] for line in manifest.read_text(encoding="utf-8").splitlines() if NEWS in line)
    new_sha = hashlib.sha256(document.read_bytes()).hexdigest()
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old_sha, new_sha), encoding="utf-8")
    said = _build(raw_copy, out, False)
    assert "coded 1 of 2 documents (the rest unchanged, from the cache)" in said


def test_positions_are_pandas_index_positions_for_every_kind_of_string_column() -> None:
    """The build sorts codes by sentence and finds each code's meeting with `positions`: the same answer as
    `pd.Index.get_indexer`, whether the strings come as a list, an object column, Arrow-backed or chunked."""
    from analysis.base.tables import positions

    rng = np.random.default_rng(7)
    keys = [f"møte-{n:05d}-s{n % 7}" for n in rng.permutation(5_000)]
    values = [keys[i] if i < len(keys) else f"ukjent-{i}" for i in rng.integers(0, 6_000, 20_000)]
    expected = pd.Index(keys).get_indexer(values)
    chunked = pd.Series(pa.chunked_array([values[:7_000], values[7_000:]]), dtype=pd.ArrowDtype(pa.string()))
    for given in (values, pd.Series(values, dtype=object), pd.Series(values, dtype="string[pyarrow]"), chunked):
        np.testing.assert_array_equal(positions(given, pd.Series(keys)), expected)
    assert (expected == -1).any() and (expected >= 0).any()
    np.testing.assert_array_equal(positions(["b", None, "æ"], ["æ", "b"], missing=2), [1, 2, 0])
