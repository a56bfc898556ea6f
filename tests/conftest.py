"""Shared fixtures: the test copy of the real corpus (tests/fixtures/corpus), read and built once per session."""

import shutil
from pathlib import Path

import pytest
from corpus import CORPUS, MINUTES, NEWS, build_corpus


@pytest.fixture(scope="session")
def minutes_text() -> str:
    return (CORPUS / MINUTES).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def news_text() -> str:
    return (CORPUS / NEWS).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory):
    """The test corpus built into a temporary folder (the repository's data/ is never read or touched)."""
    out = tmp_path_factory.mktemp("processed") / "processed"
    result = build_corpus(CORPUS, out)
    return out, result


@pytest.fixture(scope="session")
def segments(built):
    return built[1].tables["segments"]


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A private copy of the test corpus that a test may break."""
    target = tmp_path / "raw"
    shutil.copytree(CORPUS, target)
    return target
