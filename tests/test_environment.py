"""environment.yml and pyproject.toml must ask for the same packages in the same ranges."""

import re
import tomllib

import yaml

from analysis.base.config import PROJ_ROOT


def _normalise(requirement: str) -> str:
    return "".join(requirement.split()).lower()


def test_environment_matches_pyproject() -> None:
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = set(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted |= set(extra)
    env = yaml.safe_load((PROJ_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = {d for d in pip_section if not d.startswith("-e")}
    assert {_normalise(r) for r in listed} == {_normalise(r) for r in wanted}
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
