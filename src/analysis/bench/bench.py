"""Benchmark each pipeline stage on a synthetic corpus, next to the floor of reading and splitting the files.

Stages run one after another in this process so each gets its own time:
ingest (read, verify sha256, decode), then the build's own parse stages
(`analysis.parse.document.PARSE_STAGES`, by name and in their order), code
(lemmatise every new word form and match the codebook, as the build's
workers do), topic model, comparisons (the build's `comparison_tables`).
MB/s is the corpus' size in UTF-8 over the stage's
seconds; peak memory is the process's maximum resident size during the
stage, what earlier stages left in memory included (the peak is reset
between stages on Linux; elsewhere it is the process's so far). The floor reads every file and splits it on white
space in plain Python. Then the real build runs end to end on all cores
(ingest → codes, with its cache): cold, unchanged, and with one document
added, in a fresh interpreter; its peak memory is that of the build's main
process (each of the two workers stays near 0.3 GB at 10,000 documents).
"""

import contextlib
import csv
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from analysis.analyse.topics import fit_topics
from analysis.base.config import REPORTS_DIR
from analysis.base.tables import frame, load
from analysis.bench.synth import synth_corpus
from analysis.coding.codebook import load_codebook
from analysis.coding.coder import Coder
from analysis.coding.codes import codes_frame
from analysis.coding.masking import name_mask
from analysis.coding.organisations import load_register
from analysis.ingest.documents import ingest, registered_entries
from analysis.parse.document import PARSE_STAGES, Draft, finish
from analysis.pipeline.build import build, comparison_tables, organisation_tables, rows_of
from analysis.pipeline.workers import code_document

# not a stage: the coder's first step timed alone beside the coding row, the least a coder that looks up every word does
TOKEN_LOOKUP = "reference: split + look up words (coding's first step)"
BENCH_COLUMNS = ["docs", "stage", "seconds", "mb_per_s", "share_of_floor", "peak_rss_mb", "machine"]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    import os

    return f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"


def run_stages(raw_dir: Path, topic_sample: int | None = None, *, topics: bool = True) -> list[dict[str, object]]:
    """Seconds and peak memory of each stage the build runs, over the whole corpus, in the build's order."""
    entries = registered_entries(raw_dir)
    rows = []

    def record(stage: str, seconds: float) -> None:
        rows.append({"stage": stage, "seconds": round(seconds, 3), "peak_rss_mb": round(_own_peak_mb(), 1)})
        _reset_peak()  # the next row's peak is its own stage's, not the largest stage's before it

    _reset_peak()

    start = time.perf_counter()
    size = 0
    for entry in entries:
        text = (Path(raw_dir) / entry.file).read_bytes().decode("utf-8")
        size += len(text.encode("utf-8"))
        text.split()
    record("floor: read + split", time.perf_counter() - start)
    rows[0]["mb"] = size / 1e6

    start = time.perf_counter()
    drafts = [Draft(ingest(raw_dir, entry)) for entry in entries]
    record("ingest", time.perf_counter() - start)

    for name, stage in PARSE_STAGES:  # the build's own parse, in its order, timed stage by stage
        start = time.perf_counter()
        drafts = [stage(draft) for draft in drafts]
        record(name, time.perf_counter() - start)
    parsed = [finish(draft) for draft in drafts]

    codebook = load_codebook()
    coder, mask = Coder(codebook), name_mask(codebook)
    start = time.perf_counter()
    codes = codes_frame([row for document in parsed for row in code_document(document, coder, mask)])
    record("code (lemmatise + match)", time.perf_counter() - start)
    start = time.perf_counter()  # the coder's first step alone, its lexicon now warm: the least this design does
    for document in parsed:
        coder.token_ids([s.text for s in document.segments], document.meeting["language"])
    record(TOKEN_LOOKUP, time.perf_counter() - start)
    table = pd.DataFrame([vars(s) for document in parsed for s in document.segments])

    if not topics:
        return rows
    start = time.perf_counter()
    sample = (
        table
        if topic_sample is None
        else table[table["meeting_id"].isin(sorted(table["meeting_id"].unique())[:topic_sample])]
    )
    fit_topics(sample, codes, set())
    record("topic model" + (f" ({topic_sample} docs)" if topic_sample else ""), time.perf_counter() - start)

    tables = {name: frame(name, table_rows) for name, table_rows in rows_of(parsed).items()}
    tables |= organisation_tables(tables, load_register())[0] | {"codes": codes}
    start = time.perf_counter()
    comparison_tables(tables, codebook)  # the build's own: shares, differences, trends, recurring issues, responses
    record("comparisons and recurring issues", time.perf_counter() - start)
    return rows


def run_builds(raw_dir: Path, work: Path, jobs: int | None = None) -> list[dict[str, object]]:
    """`analysis build --no-analyses` end to end on all cores: cold, again unchanged, and with one document added.

    The corpus' last document is held back from the manifest for the first
    two builds and then registered, as `analysis add` would.
    """
    manifest = Path(raw_dir) / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    last = Path(raw_dir) / next(csv.reader([lines[-1]]))[0]
    held = work / last.name
    out = work / "processed"
    rows = []
    try:
        last.rename(held)
        manifest.write_text("".join(lines[:-1]), encoding="utf-8")
        for stage in ("build, ingest → codes (cold cache)", "rebuild, nothing changed"):
            start = time.perf_counter()
            build(raw_dir, out, analyses=False, jobs=jobs, manual_path=None, hand_path=None)
            rows.append({"stage": stage, "seconds": round(time.perf_counter() - start, 3)})
    finally:
        held.rename(last)
        manifest.write_text("".join(lines), encoding="utf-8")
    start = time.perf_counter()
    build(raw_dir, out, analyses=False, jobs=jobs, manual_path=None, hand_path=None)
    rows.append({"stage": "rebuild, one document added", "seconds": round(time.perf_counter() - start, 3)})
    peak = round(_own_peak_mb(), 1)
    return [{**row, "peak_rss_mb": peak} for row in rows]


def _reset_peak() -> None:
    """Start this process's peak resident memory again from what it holds now (Linux: clear_refs 5).

    Where that is not possible the peak stays the process's since it started,
    and a stage's row shows the largest stage's before it as well.
    """
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _own_peak_mb() -> float:
    """This process's peak resident memory since it started (VmHWM; getrusage also counts a forking parent's)."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return _peak_mb()


COMPARISONS_ALONE = "comparisons and recurring issues, own process"


def run_comparisons(processed: Path) -> list[dict[str, object]]:
    """The build's comparison stage on the tables a build stored, as `analysis build` runs it after the topics.

    Its peak memory is that of a process holding the four tables it reads
    and computing the comparisons: what the target bounds, unlike the stage
    row above, whose process still holds every earlier stage's data.
    """
    tables = {name: load(name, processed) for name in ("meetings", "attendees", "segments", "codes")}
    start = time.perf_counter()
    comparison_tables(tables, load_codebook())
    seconds = round(time.perf_counter() - start, 3)
    return [{"stage": COMPARISONS_ALONE, "seconds": seconds, "peak_rss_mb": round(_own_peak_mb(), 1)}]


def _in_fresh_process(function: str, *paths: Path) -> list[dict[str, object]]:
    """A function of this module in a new interpreter, so its peak memory is its own and not the stages' before it."""
    script = (
        f"import json, sys; from pathlib import Path; from analysis.bench.bench import {function}; "
        f"print(json.dumps({function}(*map(Path, sys.argv[1:]))))"
    )
    done = subprocess.run([sys.executable, "-c", script, *map(str, paths)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


STARTUP_RUNS = 3


def _command() -> list[str]:
    """The `analysis` command as a researcher runs it: the console script beside this interpreter."""
    script = Path(sys.executable).with_name("analysis")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "analysis"]


def startup_rows(work: Path) -> list[dict[str, object]]:
    """Seconds from launch to exit of `analysis --help` and of `analysis add` registering one document.

    The median of a few runs, each a fresh process: what a researcher waits
    for before a command starts its work (imports, argument checks).
    """
    source = synth_corpus(1, work / "startup-source")
    document = next(p for p in source.iterdir() if p.name != "manifest.csv")
    timings: dict[str, list[float]] = {"startup: analysis --help": [], "startup: analysis add (one document)": []}
    for run in range(STARTUP_RUNS):
        for stage, arguments in (
            ("startup: analysis --help", ["--help"]),
            ("startup: analysis add (one document)", ["add", str(document), "--raw", str(work / f"startup-raw-{run}")]),
        ):
            start = time.perf_counter()
            subprocess.run([*_command(), *arguments], capture_output=True, check=True)
            timings[stage].append(time.perf_counter() - start)
    return [{"docs": 0, "stage": stage, "seconds": round(sorted(t)[len(t) // 2], 3)} for stage, t in timings.items()]


def bench(
    sizes: list[int], out: Path = REPORTS_DIR / "benchmarks.csv", topic_sample: int | None = None
) -> pd.DataFrame:
    with tempfile.TemporaryDirectory(prefix="analysis-bench-") as tmp:
        results = [{**row, "machine": machine()} for row in startup_rows(Path(tmp))]
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="analysis-bench-") as tmp:
            raw = synth_corpus(n, Path(tmp) / "raw")
            rows = run_stages(raw, topic_sample)
            floor_seconds, size = rows[0]["seconds"], rows[0]["mb"]
            builds = _in_fresh_process("run_builds", raw, Path(tmp))
            builds += _in_fresh_process("run_comparisons", Path(tmp) / "processed")
            for row in rows + builds:
                row.pop("mb", None)
                row["mb_per_s"] = round(size / row["seconds"], 2) if row["seconds"] else None
                row["share_of_floor"] = round(floor_seconds / row["seconds"], 4) if row["seconds"] else None
                results.append({"docs": n, **row, "machine": machine()})
    table = pd.DataFrame(results, columns=BENCH_COLUMNS)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False, lineterminator="\n")
    return table
