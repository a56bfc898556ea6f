"""`analysis notebooks`: a failing notebook must leave notebooks/ and reports/figures/ exactly as they were."""

import os
import stat
from pathlib import Path

import nbformat
import pytest

from analysis.base.errors import InputError
from analysis.publish.notebooks import run_notebooks

DRAW = """
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from analysis.publish.figures import save_figure
fig, ax = plt.subplots()
ax.plot([1, 2], [3, 4])
save_figure(fig, "{name}", pd.DataFrame({{"x": [1, 2]}}), title="T", caption="C.", alt="A line.")
"""


def _notebook(folder: Path, name: str, *sources: str) -> Path:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / name
    nbformat.write(notebook, path)
    return path


def _snapshot(*folders: Path) -> dict[str, bytes]:
    return {
        p.relative_to(p.anchor).as_posix(): p.read_bytes() for f in folders for p in sorted(f.rglob("*")) if p.is_file()
    }


def test_a_failing_notebook_leaves_notebooks_and_figures_byte_identical(tmp_path: Path) -> None:
    notebooks, figures = tmp_path / "notebooks", tmp_path / "reports" / "figures"
    notebooks.mkdir()
    figures.mkdir(parents=True)
    (figures / "01-old.png").write_bytes(b"committed figure")
    (figures / "index.csv").write_text(
        "name,title,caption,alt_text,notebook,files\n01-old,Ø,Å,Æ,x,y\n", encoding="utf-8"
    )
    _notebook(notebooks, "01-draws.ipynb", DRAW.format(name="01-new"))
    _notebook(notebooks, "02-fails.ipynb", "meetings = {'a': 1}\nmeetings['2019-12-06']")
    before = _snapshot(notebooks, tmp_path / "reports")
    with pytest.raises(InputError) as error:
        run_notebooks(notebooks, figures_dir=figures, progress=lambda _m: None)
    message = str(error.value)
    assert "02-fails.ipynb: cell 1 failed: KeyError" in message
    assert "\x1b[" not in message  # no terminal colour codes in the one line
    assert _snapshot(notebooks, tmp_path / "reports") == before
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["figures"]  # no staging folder left


def test_a_successful_run_replaces_the_figures_and_saves_outputs(tmp_path: Path) -> None:
    notebooks, figures = tmp_path / "notebooks", tmp_path / "reports" / "figures"
    notebooks.mkdir()
    figures.mkdir(parents=True)
    (figures / "01-stale.png").write_bytes(b"a figure no notebook draws any more")
    path = _notebook(notebooks, "01-draws.ipynb", DRAW.format(name="01-new"))
    run_notebooks(notebooks, figures_dir=figures, progress=lambda _m: None)
    assert sorted(p.name for p in figures.iterdir()) == [
        "01-new.csv",
        "01-new.png",
        "01-new.svg",
        "01-new.txt",
        "index.csv",
    ]
    assert nbformat.read(path, as_version=4).cells[0].outputs  # saved with its outputs
    for written in (path, figures / "index.csv"):
        assert stat.S_IMODE(written.stat().st_mode) == 0o644


@pytest.mark.parametrize("folder_name", ["no-such-folder", "empty"])
def test_a_folder_without_notebooks_stops_before_touching_the_figures(tmp_path: Path, folder_name: str) -> None:
    (tmp_path / "empty").mkdir()
    figures = tmp_path / "reports" / "figures"
    figures.mkdir(parents=True)
    (figures / "01-kept.png").write_bytes(b"a researcher's committed figure")
    with pytest.raises(InputError) as error:
        run_notebooks(tmp_path / folder_name, figures_dir=figures, progress=lambda _: None)
    assert "no numbered notebooks" in error.value.line()
    assert [p.name for p in figures.iterdir()] == ["01-kept.png"]
    assert (figures / "01-kept.png").read_bytes() == b"a researcher's committed figure"
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["figures"]  # no staging folder left


def test_a_run_of_some_notebooks_replaces_only_their_figures(tmp_path: Path) -> None:
    """`--dir` holding only notebook 02: notebook 01's committed figures and index rows stay as they were."""
    notebooks, figures = tmp_path / "notebooks", tmp_path / "reports" / "figures"
    notebooks.mkdir()
    figures.mkdir(parents=True)
    (figures / "01-keep.png").write_bytes(b"notebook 01's figure")
    (figures / "02-old.png").write_bytes(b"notebook 02's old figure")
    (figures / "index.csv").write_text(
        'name,title,caption,alt_text,notebook,files\n01-keep,Ø,"Å, med\nlinjeskift",Æ,x,y\n02-old,T,C,A,x,y\n',
        encoding="utf-8",
    )
    _notebook(notebooks, "02-draws.ipynb", DRAW.format(name="02-new"))
    run_notebooks(notebooks, figures_dir=figures, progress=lambda _m: None)
    assert (figures / "01-keep.png").read_bytes() == b"notebook 01's figure"
    assert not (figures / "02-old.png").exists()
    index = (figures / "index.csv").read_text(encoding="utf-8")
    assert '01-keep,Ø,"Å, med\nlinjeskift",Æ,x,y' in index and "02-new" in index and "02-old" not in index


@pytest.mark.skipif(os.name != "posix", reason="Windows kernels keep TCP: ZeroMQ has no IPC transport there")
def test_a_notebook_runs_in_a_kernel_on_unix_sockets_without_the_tcp_warning(tmp_path: Path, capfd) -> None:
    """`make report` must not print ipykernel's "susceptible to eavesdropping" line for each notebook; the
    kernel runs in the notebook's folder and still finds its sockets, which are removed afterwards."""
    import tempfile

    from analysis.publish.notebooks import execute_notebook

    before = set(Path(tempfile.gettempdir()).glob("analysis-kernel-*"))
    path = _notebook(tmp_path, "01-ipc.ipynb", "import os\nprint(os.getcwd(), 'æøå')")
    notebook = execute_notebook(path)
    assert notebook.cells[0].outputs[0]["text"] == f"{tmp_path} æøå\n"
    assert "without encryption" not in capfd.readouterr().err
    assert set(Path(tempfile.gettempdir()).glob("analysis-kernel-*")) == before
    assert not list(tmp_path.glob("kernel*"))


def test_notebooks_refuse_tables_coded_with_another_codebook(built, tmp_path: Path) -> None:
    """After an edit to the codebook without a rebuild, the notebooks would read theme ids from one codebook and
    codes from another, and fail in a cell far from the cause: they stop first, in one line."""
    from analysis.base.config import CODEBOOK_PATH
    from analysis.pipeline.build import require_built_with

    out = built[0]
    require_built_with(CODEBOOK_PATH, out)  # the build's own codebook: nothing to say
    edited = tmp_path / "codebook.yml"
    edited.write_text(CODEBOOK_PATH.read_text(encoding="utf-8").replace("Lønnstilskudd", "Lønnstilskot"), "utf-8")
    with pytest.raises(InputError, match=r"changed since .* was built .* — run `analysis build` first"):
        require_built_with(edited, out)
    require_built_with(edited, tmp_path / "never-built")  # no build record: the notebooks say what is missing
