"""Execute the numbered notebooks in order and render them for readers.

Used by `make report`: each notebook runs in a fresh kernel from its own
folder and is saved with its outputs (so nbval can compare them);
`analysis.report` then renders them for readers.
"""

import shutil
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from analysis.errors import InputError
from analysis.paths import FIGURES_DIR, NOTEBOOKS_DIR, display_path

TIMEOUT_SECONDS = 600


def numbered_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    return sorted(p for p in Path(folder).glob("[0-9]*.ipynb"))


def execute_notebook(path: Path) -> nbformat.NotebookNode:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT_SECONDS,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
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
        reason = str(error).strip().splitlines()[-1] if str(error).strip() else "error"
        raise InputError(
            display_path(path),
            f"{cell} failed: {reason}",
            "open it with `make lab` and run it to see the traceback",
        ) from None
    return notebook


def _scrub(notebook: nbformat.NotebookNode) -> None:
    """Drop execution timestamps so a re-run changes no byte of an unchanged notebook."""
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("execution", None)
    notebook.metadata.pop("widgets", None)


def run_notebooks(
    folder: Path = NOTEBOOKS_DIR,
    *,
    figures_dir: Path = FIGURES_DIR,
    progress: Callable[[str], None] = print,
) -> list[Path]:
    """Execute every numbered notebook in order and save it with its outputs.

    The figure folder is emptied first, so it holds exactly what these
    notebooks draw and its index lists nothing stale.
    """
    paths = numbered_notebooks(folder)
    shutil.rmtree(figures_dir, ignore_errors=True)
    for number, path in enumerate(paths, 1):
        progress(f"[{number}/{len(paths)}] {display_path(path)}")
        notebook = execute_notebook(path)
        _scrub(notebook)
        nbformat.write(notebook, path)
    return paths
