"""Bad input: one clear line naming the file, a non-zero exit, and nothing already built lost."""

import hashlib
import random
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import PROJECT_ARGUMENTS, build_corpus, store_snapshot

from analysis.cli import main


@pytest.fixture
def built_copy(raw_copy: Path, tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    out = tmp_path / "processed"
    build_corpus(raw_copy, out, analyses=False)
    return raw_copy, out, store_snapshot(out)


def _register(raw: Path, name: str, data: bytes) -> None:
    """Replace a document and its manifest sha256, as if it had been added with these bytes."""
    path = raw / name
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_bytes(data)
    manifest = raw / "manifest.csv"
    new = hashlib.sha256(data).hexdigest()
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


MINUTES = "2019-12-06_kontaktutvalget_referat.txt"


def _break_empty(raw: Path) -> str:
    _register(raw, MINUTES, b"")
    return f"{MINUTES}: file is empty"


def _break_sha(raw: Path) -> str:
    path = raw / "2019-12-06_kontaktutvalget_referat.txt"
    path.write_bytes(path.read_bytes().replace("Strømmen".encode(), b"Strommen"))
    return "sha256 mismatch"


def _break_unregistered(raw: Path) -> str:
    (raw / "2020-01-01_nytt_referat.txt").write_text("Referat fra møte", encoding="utf-8")
    return "analysis add"


def _break_missing(raw: Path) -> str:
    (raw / "2018-10_innspillsmote_tiltaksarrangorer_nyhet.txt").unlink()
    return "listed in manifest.csv but missing"


def _break_malformed_row(raw: Path) -> str:
    with open(raw / "manifest.csv", "a", encoding="utf-8") as handle:
        handle.write("x.txt,abc,minutes\n")
    return "manifest.csv:4"


def _break_bad_kind(raw: Path) -> str:
    manifest = raw / "manifest.csv"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(",news,", ",nyhet,"), encoding="utf-8")
    return "kind 'nyhet'"


def _break_nonsense(raw: Path) -> str:
    rng = random.Random(7)
    _register(raw, MINUTES, bytes(rng.randrange(1, 256) for _ in range(4000)))
    return f"{MINUTES}: decodes (latin_1) to text that does not read as any language"


def _break_binary(raw: Path) -> str:
    _register(raw, MINUTES, b"\x00\x01\x02\x03binary\x00")
    return f"{MINUTES}: file is binary"


def _break_pdf_as_text(raw: Path) -> str:
    _register(raw, MINUTES, b"%PDF-1.4\x00\x01\x02")
    return f"{MINUTES}: file is a PDF, though its name ends in .txt — rename it to .pdf"


@pytest.mark.parametrize(
    "breaker",
    [
        _break_empty,
        _break_sha,
        _break_unregistered,
        _break_missing,
        _break_malformed_row,
        _break_bad_kind,
        _break_nonsense,
        _break_binary,
        _break_pdf_as_text,
    ],
)
def test_bad_input_gives_one_line_and_keeps_previous_tables(built_copy, breaker, capsys) -> None:
    raw, out, before = built_copy
    expected = breaker(raw)
    code = main(["build", "--raw", str(raw), "--out", str(out), "--quiet", "--no-analyses", *PROJECT_ARGUMENTS])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1 and err[0].startswith("error: "), err
    assert expected in err[0]
    assert "Traceback" not in err[0]
    assert store_snapshot(out) == before


def test_failure_after_a_good_build_leaves_no_staging_folder(built_copy) -> None:
    raw, out, _ = built_copy
    _break_sha(raw)
    main(["build", "--raw", str(raw), "--out", str(out), "--quiet", "--no-analyses", *PROJECT_ARGUMENTS])
    assert not [p.name for p in out.parent.iterdir() if p.name.startswith(".processed")]  # no staging left


def test_verbose_shows_the_traceback(built_copy, capsys) -> None:
    raw, out, _ = built_copy
    _break_sha(raw)
    assert main(["--verbose", "build", "--raw", str(raw), "--out", str(out), "--no-analyses", *PROJECT_ARGUMENTS]) == 2
    assert "Traceback" in capsys.readouterr().err


def test_console_command_exits_non_zero_without_traceback(built_copy) -> None:
    raw, out, before = built_copy
    _break_sha(raw)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "build",
            "--raw",
            str(raw),
            "--out",
            str(out),
            "--no-analyses",
            *PROJECT_ARGUMENTS,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines()[-1].startswith("error: ")
    assert store_snapshot(out) == before
