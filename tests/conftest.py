"""Shared fixtures: the test copy of the real corpus (tests/fixtures/corpus), read and built once per session."""

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from corpus import CORPUS, INSIDE_COMPENDIUM_COPY, MINUTES, NEWS, build_corpus

from analysis.base.config import DATA_DIR, PROCESSED_DIR, RAW_DIR

# The researcher's corpus and codes: a test that reads them would pass or fail with their documents.
RESEARCHERS_FILES = tuple(
    str(p) for p in (RAW_DIR, PROCESSED_DIR, DATA_DIR / "manual_codes.csv", DATA_DIR / "hand_codes.csv")
)


def _refuse_researchers_files(event: str, args: tuple) -> None:
    if event not in ("open", "os.listdir", "os.scandir") or not args or not isinstance(args[0], str | bytes | Path):
        return
    path = os.path.abspath(os.fsdecode(args[0]))
    if any(path == f or path.startswith(f + os.sep) for f in RESEARCHERS_FILES):
        raise PermissionError(f"a test read {path}: tests use tests/fixtures/corpus and tests/fixtures/project")


sys.addaudithook(_refuse_researchers_files)


def pytest_configure(config: pytest.Config) -> None:
    """One topic-model cache for the whole run, shared by the xdist workers and the compendium copy's own run.

    Fitted grids are keyed by everything they depend on, so sharing changes
    no result; it saves refitting the same two documents in every test that
    builds them. test_rebuild_is_byte_identical refits without it.
    """
    if not hasattr(config, "workerinput") and "ANALYSIS_TOPIC_CACHE" not in os.environ:
        folder = tempfile.mkdtemp(prefix="analysis-topic-cache-")
        os.environ["ANALYSIS_TOPIC_CACHE"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.fixture(autouse=True)
def _close_figures():
    """Each test's figures closed after it: pyplot keeps every figure until closed, and a worker runs hundreds."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")  # a test that drew nothing does not import matplotlib here
    if pyplot is not None:
        pyplot.close("all")


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


# What the copy's own `make test` still runs of the unit tests: the unit tests read only tests/fixtures (the
# audit hook above refuses the researcher's documents and codes), so their outcome in the copy is the outer
# run's, already known. What the copy must prove is its own: the build of its documents, lint, the import
# layers, its environment, strict nbval of its notebooks and the figure check, all of which it still runs.
RUN_INSIDE_COPY = ("test_environment.py",)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Inside the copy the other unit-test modules are not even imported: importing them costs half a minute."""
    if (
        os.environ.get(INSIDE_COMPENDIUM_COPY)
        and not config.getoption("--nbval", default=False)
        and collection_path.suffix == ".py"
        and collection_path.name.startswith("test_")
        and collection_path.name not in RUN_INSIDE_COPY
    ):
        return True
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The compendium-copy test takes minutes in one worker: start it first so the rest runs beside it."""
    if os.environ.get(INSIDE_COMPENDIUM_COPY) and not config.getoption("--nbval", default=False):
        deselected = [item for item in items if item.path.name not in RUN_INSIDE_COPY]
        items[:] = [item for item in items if item.path.name in RUN_INSIDE_COPY]
        config.hook.pytest_deselected(items=deselected)
    items.sort(key=lambda item: 0 if item.path.name == "test_own_compendium.py" else 1)
