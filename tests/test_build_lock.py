"""One build at a time writes a folder, and a build killed at any moment leaves the previous tables readable."""

import signal
import subprocess
import sys
import time
from pathlib import Path

from corpus import PROJECT_ARGUMENTS, build_corpus, store_snapshot

from analysis.base.atomic import exclusive
from analysis.base.tables import load
from analysis.cli import main


def _build_arguments(raw: Path, out: Path) -> list[str]:
    return [
        "build", "--raw", str(raw), "--out", str(out), "--quiet", "--no-analyses", *PROJECT_ARGUMENTS,
    ]  # fmt: skip


def _build_command(raw: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "analysis", *_build_arguments(raw, out)]


def _remove_first_document(raw: Path, aside: Path) -> str:
    """Take the manifest's first document out of the corpus (file and row), as a researcher removes one."""
    manifest = raw / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    name = lines[1].split(",")[0]
    aside.mkdir(exist_ok=True)
    (raw / name).rename(aside / name)
    (aside / "manifest.csv").write_text("".join(lines), encoding="utf-8")
    manifest.write_text("".join(lines[:1] + lines[2:]), encoding="utf-8")
    return name


def _put_back(raw: Path, aside: Path, name: str) -> None:
    (aside / name).rename(raw / name)
    (aside / "manifest.csv").replace(raw / "manifest.csv")


def test_a_second_build_while_one_runs_stops_with_one_line(raw_copy: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "processed"
    build_corpus(raw_copy, out, analyses=False)
    before = store_snapshot(out)
    with exclusive(out):  # as a running build holds it
        code = main(_build_arguments(raw_copy, out))
        err = capsys.readouterr().err.strip().splitlines()
        other = subprocess.run(_build_command(raw_copy, out), capture_output=True, text=True)
    assert code == 2 and len(err) == 1 and "another build is writing this folder now" in err[0], err
    assert other.returncode == 2 and len(other.stderr.strip().splitlines()) == 1, other.stderr
    assert "Traceback" not in other.stderr
    assert store_snapshot(out) == before
    assert main(_build_arguments(raw_copy, out)) == 0  # released


def test_a_removed_documents_rows_disappear(raw_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "processed"
    build_corpus(raw_copy, out, analyses=False)
    removed = _remove_first_document(raw_copy, tmp_path / "aside").removesuffix(".txt")
    build_corpus(raw_copy, out, analyses=False)
    for table in ("meetings", "attendees", "agenda", "segments"):
        frame = load(table, out)
        assert len(frame) and removed not in set(frame["meeting_id"]), table
        assert not [path for path in (out / table).iterdir() if path.name.startswith(removed)], table
    assert not load("codes", out)["segment_id"].str.startswith(removed).any()
    assert removed not in (out / "segments.csv").read_text(encoding="utf-8")


def test_a_build_killed_at_any_moment_leaves_the_previous_tables_readable(raw_copy: Path, tmp_path: Path) -> None:
    """Kill a build (SIGKILL) at moments spread over its run; the folder is always the whole previous build or the
    whole new one, never a mix, and the next build cleans up whatever the killed one left."""
    out = tmp_path / "processed"
    build_corpus(raw_copy, out, analyses=False)
    before = store_snapshot(out)
    aside = tmp_path / "aside"
    name = _remove_first_document(raw_copy, aside)  # the new build has one document less
    start = time.perf_counter()
    subprocess.run(_build_command(raw_copy, tmp_path / "reference"), check=True)
    took = time.perf_counter() - start
    after = store_snapshot(tmp_path / "reference")
    assert after != before
    outcomes = set()
    for fraction in (0.3, 0.6, 0.85, 0.95):
        _put_back(raw_copy, aside, name)
        build_corpus(raw_copy, out, analyses=False)  # the previous tables again (from the cache: quick)
        assert store_snapshot(out) == before
        _remove_first_document(raw_copy, aside)
        build = subprocess.Popen(_build_command(raw_copy, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(took * fraction)
        build.send_signal(signal.SIGKILL)
        build.wait()
        if out.is_dir():
            state = store_snapshot(out)
            assert state in (before, after)
            outcomes.add("new" if state == after else "previous")
        else:  # killed between the two renames: the previous folder waits beside it and is put back under the lock
            assert (out.parent / ".processed.old").is_dir()
            outcomes.add("between")
        with exclusive(out):
            assert store_snapshot(out) in (before, after)
            assert not list(out.parent.glob(".processed.new.*"))  # a killed build's staging folder is removed
    print(sorted(outcomes))
    assert "previous" in outcomes, outcomes
