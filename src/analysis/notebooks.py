"""Execute the numbered notebooks in order and render them for readers.

Used by `make report`: each notebook runs in a fresh kernel from its own
folder, is saved with its outputs (so nbval can compare them), and is
rendered to HTML without code cells.
"""

from collections.abc import Callable
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from analysis.errors import InputError
from analysis.paths import NOTEBOOKS_DIR, display_path

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


def render_html(notebook: nbformat.NotebookNode, target: Path) -> None:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(notebook)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")


def run_notebooks(
    folder: Path = NOTEBOOKS_DIR,
    *,
    execute: bool = True,
    html_dir: Path | None = None,
    progress: Callable[[str], None] = print,
) -> list[Path]:
    paths = numbered_notebooks(folder)
    for number, path in enumerate(paths, 1):
        progress(f"[{number}/{len(paths)}] {display_path(path)}")
        if execute:
            notebook = execute_notebook(path)
            _scrub(notebook)
            nbformat.write(notebook, path)
        else:
            notebook = nbformat.read(path, as_version=4)
        if html_dir is not None:
            render_html(notebook, Path(html_dir) / f"{path.stem}.html")
    return paths
