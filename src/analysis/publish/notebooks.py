"""Execute the numbered notebooks in order and render them for readers.

Used by `make report`: each notebook runs in a fresh kernel from its own
folder and is saved with its outputs (so nbval can compare them);
`analysis.publish.report` then renders them for readers.
"""

import csv
import io
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from unittest.mock import patch

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from traitlets.config import Config

from analysis.base.atomic import replaced_directory, write_text_atomic
from analysis.base.config import (
    FIGURES_DIR,
    FIGURES_ENV,
    LANGUAGE_ENV,
    NOTEBOOKS_DIR,
    NUMBERED_NOTEBOOKS,
    REPORTS_DIR,
    display_path,
)
from analysis.base.errors import InputError
from analysis.publish.words import DEFAULT_LANGUAGE

TIMEOUT_SECONDS = 600
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def numbered_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    return sorted(p for p in Path(folder).glob(NUMBERED_NOTEBOOKS))


def _local_kernel(folder: str) -> Config:
    """Kernels talk to us over Unix sockets in `folder`, not TCP ports.

    ipykernel 7 warns on every TCP start that the traffic is unencrypted
    ("susceptible to eavesdropping"): four alarming lines per `make report`
    for a kernel nobody else can reach. The sockets' path must be absolute,
    because the kernel runs in the notebook's folder. Windows keeps TCP:
    ZeroMQ's IPC transport is not available there.
    """
    config = Config()
    if os.name != "posix":
        return config
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = os.path.join(folder, "kernel")
    return config


def execute_notebook(path: Path) -> nbformat.NotebookNode:
    notebook = nbformat.read(path, as_version=4)
    try:
        with tempfile.TemporaryDirectory(prefix="analysis-kernel-", ignore_cleanup_errors=True) as sockets:
            NotebookClient(
                notebook,
                timeout=TIMEOUT_SECONDS,
                kernel_name="python3",
                resources={"metadata": {"path": str(path.parent)}},
                config=_local_kernel(sockets),
            ).execute()
    except CellExecutionError as error:
        failing = next(
            (
                i
                for i, c in enumerate(notebook.cells)
                if any(o.get("output_type") == "error" for o in c.get("outputs", []))
            ),
            None,
        )
        cell = f"cell {failing + 1}" if failing is not None else "a cell"
        message = _ANSI.sub("", str(error)).strip()
        reason = message.splitlines()[-1] if message else "error"
        raise InputError(
            display_path(path),
            f"{cell} failed: {reason}",
            "open it with `make lab` and run it to see the traceback; notebooks/ and reports/ were left as they were",
        ) from None
    return notebook


def _scrub(notebook: nbformat.NotebookNode) -> None:
    """Drop execution timestamps so a re-run changes no byte of an unchanged notebook."""
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("execution", None)
    notebook.metadata.pop("widgets", None)


def _carry_over(figures_dir: Path, staging: Path, ran: tuple[str, ...]) -> None:
    """Copy into the staging folder the figures (and index rows) of the notebooks that are not run.

    A run of some notebooks (`--dir` holding only `02-….ipynb`) replaces
    only their figures; the others' stay, listed in the index as before.
    """
    if not figures_dir.is_dir():
        return
    for path in sorted(figures_dir.iterdir()):
        if path.is_file() and path.name != "index.csv" and not path.name.startswith(ran):
            shutil.copy2(path, staging / path.name)
    index = figures_dir / "index.csv"
    if index.is_file():
        header, *rows = list(csv.reader(io.StringIO(index.read_text(encoding="utf-8"))))
        kept = [row for row in rows if row and not row[0].startswith(ran)]
        if kept:
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows([header, *kept])
            write_text_atomic(staging / "index.csv", buffer.getvalue())


def language_dir(lang: str, reports: Path = REPORTS_DIR) -> Path:
    """Where a language's report, figures and executed notebooks go: reports/ for nb, reports/en/ for English.

    The committed notebooks and figures are the Norwegian ones (nbval checks
    them); another language is executed from copies, so it never touches them.
    """
    return Path(reports) if lang == DEFAULT_LANGUAGE else Path(reports) / lang


def run_in_language(
    lang: str,
    folder: Path = NOTEBOOKS_DIR,
    *,
    reports: Path = REPORTS_DIR,
    progress: Callable[[str], None] = print,
) -> Path:
    """Execute the notebooks in `lang`; returns the folder holding the executed notebooks.

    nb runs them in place (as `make report`); another language runs copies
    in `reports/<lang>/notebooks/`, drawing its figures into `reports/<lang>/figures/`.
    """
    if lang == DEFAULT_LANGUAGE:
        run_notebooks(folder, progress=progress, lang=lang)
        return Path(folder)
    target = language_dir(lang, reports) / "notebooks"
    target.mkdir(parents=True, exist_ok=True)
    for old in numbered_notebooks(target):
        old.unlink()
    for path in numbered_notebooks(folder):
        shutil.copy2(path, target / path.name)
    run_notebooks(target, figures_dir=language_dir(lang, reports) / "figures", progress=progress, lang=lang)
    return target


def run_notebooks(
    folder: Path = NOTEBOOKS_DIR,
    *,
    figures_dir: Path = FIGURES_DIR,
    progress: Callable[[str], None] = print,
    lang: str = DEFAULT_LANGUAGE,
) -> list[Path]:
    """Execute every numbered notebook in order, then save them and their figures together.

    Figures are drawn into a fresh staging folder (holding the figures of
    the notebooks not run) that replaces `figures_dir` only when every
    notebook has run, and the notebooks are saved only then:
    a failing cell leaves notebooks/ and reports/figures/ byte for byte as
    they were, and the figure index never lists a stale or missing figure.
    """
    paths = numbered_notebooks(folder)
    if not paths:  # before anything is touched: an empty staging folder would replace every figure
        raise InputError(
            display_path(Path(folder)),
            "no numbered notebooks (01-….ipynb) found",
            "give the folder that holds them with --dir; reports/figures was left as it was",
        )
    executed = []
    # kernels inherit the environment: their save_figure writes into the staging folder
    with (
        replaced_directory(figures_dir) as staging,
        patch.dict(os.environ, {FIGURES_ENV: str(staging), LANGUAGE_ENV: lang}),
    ):
        _carry_over(Path(figures_dir), staging, tuple(f"{p.name.split('-')[0]}-" for p in paths))
        for number, path in enumerate(paths, 1):
            progress(f"[{number}/{len(paths)}] {display_path(path)}")
            notebook = execute_notebook(path)
            _scrub(notebook)
            executed.append((path, nbformat.writes(notebook) + "\n"))
    for path, text in executed:
        write_text_atomic(path, text)
    return paths
