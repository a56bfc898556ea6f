"""Shared fixtures: the real corpus, read and built once per test session."""

import shutil
from pathlib import Path

import pytest

from analysis.build import build
from analysis.paths import RAW_DIR

MINUTES = "2019-12-06_kontaktutvalget_referat.txt"
NEWS = "2018-10_innspillsmote_tiltaksarrangorer_nyhet.txt"


@pytest.fixture(scope="session")
def minutes_text() -> str:
    return (RAW_DIR / MINUTES).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def news_text() -> str:
    return (RAW_DIR / NEWS).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory):
    """The real corpus built into a temporary folder (the repository's data/ stays untouched)."""
    out = tmp_path_factory.mktemp("processed") / "processed"
    result = build(RAW_DIR, out)
    return out, result


@pytest.fixture(scope="session")
def segments(built):
    return built[1].tables["segments"]


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A private copy of data/raw that a test may break."""
    target = tmp_path / "raw"
    shutil.copytree(RAW_DIR, target)
    return target
