"""environment.yml and pyproject.toml must ask for the same packages in the same ranges."""

import re
import tomllib

import yaml

from analysis.base.config import PROJ_ROOT


def _normalise(requirement: str) -> str:
    return "".join(requirement.split()).lower()


def _conda_names(requirement: str) -> list[str]:
    """A pip requirement as conda-forge spells it: `dask[distributed]` is two packages there."""
    name = re.split(r"[<>=\[]", requirement)[0]
    spec = requirement[len(name) :].replace("[distributed]", "")
    return [f"dask{spec}", f"distributed{spec}"] if name == "dask" else [requirement]


def test_environment_matches_pyproject() -> None:
    """Every requirement of pyproject.toml is in environment.yml, from conda-forge or (where named) from pip."""
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = set(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted |= set(extra)
    env = yaml.safe_load((PROJ_ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    from_pip = {_normalise(d) for d in pip_section if not d.startswith("-e")}
    from_conda = {_normalise(d) for d in env["dependencies"] if isinstance(d, str) and d not in ("pip", "python=3.11")}
    expected = {_normalise(c) for r in wanted if _normalise(r) not in from_pip for c in _conda_names(r)}
    assert from_conda == expected
    assert from_pip <= {_normalise(r) for r in wanted}
    assert len(from_pip) <= 3, "the scientific stack comes from conda-forge, pip only for what it lacks"
    assert "-e ." in pip_section
    assert "python=3.11" in env["dependencies"]


def test_lock_pins_every_direct_dependency() -> None:
    lock = (PROJ_ROOT / "requirements.lock").read_text(encoding="utf-8")
    pinned = {line.split("==")[0].lower() for line in lock.splitlines() if "==" in line and not line.startswith("#")}
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    direct = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        direct += extra
    names = {re.split(r"[<>=\[]", r)[0].strip().lower() for r in direct}
    assert names <= pinned


def _make_variable(name: str) -> str:
    return re.search(rf"^{name} := (.+)$", (PROJ_ROOT / "Makefile").read_text(encoding="utf-8"), re.M)[1].strip()


def test_notebooks_name_the_project_kernel_and_make_installs_it() -> None:
    """A researcher with several environments sees which one runs the notebooks."""
    import json
    import sys
    from pathlib import Path

    name, display = _make_variable("KERNEL_NAME"), _make_variable("KERNEL_DISPLAY")
    for path in sorted((PROJ_ROOT / "notebooks").glob("[0-9]*.ipynb")):
        spec = json.loads(path.read_text(encoding="utf-8"))["metadata"]["kernelspec"]
        assert (spec["name"], spec["display_name"]) == (name, display), path.name
    installed = Path(sys.prefix) / "share" / "jupyter" / "kernels" / name / "kernel.json"
    assert installed.is_file(), "make installs the kernel into the environment"
    argv = json.loads(installed.read_text(encoding="utf-8"))["argv"]
    assert Path(argv[0]).resolve() == Path(sys.executable).resolve()


def _stale(tmp_path, shebang_venv: str) -> str:
    import shutil
    import subprocess

    tmp_path.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJ_ROOT / "Makefile", tmp_path / "Makefile")
    script = tmp_path / ".venv" / "bin" / "analysis"
    script.parent.mkdir(parents=True)
    script.write_text(f"#!{shebang_venv}/bin/python\n", encoding="utf-8")
    done = subprocess.run(
        ["make", "-s", "--no-print-directory", "--eval", "show-stale: ; @echo [$(STALE_VENV)]", "show-stale"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_a_moved_environment_is_noticed(tmp_path) -> None:
    """Scripts of a .venv made in another folder point there: make rebuilds it, and only then."""
    assert _stale(tmp_path / "moved", "/somewhere/else/.venv") == "[yes]"
    here = tmp_path / "here"
    assert _stale(here, str(here / ".venv")) == "[]"


def test_lab_starts_at_the_project_root_and_takes_options() -> None:
    import subprocess

    done = subprocess.run(
        ["make", "-n", "--no-print-directory", "lab", "LAB_ARGS=--no-browser --port 8890"],
        cwd=PROJ_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    lab = next(line for line in done.stdout.splitlines() if "jupyter lab" in line)
    assert f'--ServerApp.root_dir="{PROJ_ROOT}"' in lab and "--no-browser --port 8890" in lab
