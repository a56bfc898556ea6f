"""The README's workflow on a copy of the compendium: add three documents, `make report`, commit, `make test`.

This is what a researcher does with their own minutes, so both commands
must pass there exactly as on the bundled corpus. The copy builds its own
environment from requirements.lock (uv's cache makes that quick) and runs
its own `make test`, in which this test skips itself and the unit tests,
which read only tests/fixtures and so cannot differ from this run, are left
out (see conftest.py); the copy's build, lint, import layers, environment
check, strict nbval and figure check all run.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from corpus import FIXTURES, INSIDE_COMPENDIUM_COPY

from analysis.base.config import PROJ_ROOT

NESTED = INSIDE_COMPENDIUM_COPY
DOCUMENTS = [
    ("2021-01-14_samarbeidsforum_referat.txt", ["--kind", "minutes"]),
    ("2021-02_brukerforum_referat.md", ["--kind", "minutes"]),
    ("2019_kud_innspill_nyhet.txt", ["--kind", "news"]),
]

pytestmark = pytest.mark.skipif(
    bool(os.environ.get(NESTED)) or shutil.which("git") is None or not (PROJ_ROOT / ".git").exists(),
    reason="runs only in the compendium's own checkout, not inside the copy it makes",
)


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def _copy_compendium(target: Path) -> None:
    """The files a clean clone would have, as they are now in the working tree.

    Copied by `cp` in a subprocess: this test process may not open the
    researcher's data/ (see conftest.py), but the copy must hold it all.
    """
    target.mkdir(parents=True)
    subprocess.run(
        "git ls-files -z --cached --others --exclude-standard | "
        f'xargs -0 -I{{}} sh -c \'test ! -f "{{}}" || cp --parents -p "{{}}" "$0"\' \'{target}\'',
        shell=True,
        cwd=PROJ_ROOT,
        check=True,
    )


def test_three_added_documents_then_make_report_and_make_test_pass(tmp_path: Path) -> None:
    copy = tmp_path / "compendium"
    _copy_compendium(copy)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "VIRTUAL_ENV"))}
    env[NESTED] = "1"
    git = ["git", "-c", "user.name=Researcher", "-c", "user.email=researcher@example.org"]
    _run(["git", "init", "-q"], copy, env)
    _run([*git, "add", "-A"], copy, env)
    _run([*git, "commit", "-q", "-m", "compendium as cloned"], copy, env)
    _run(["make", "venv"], copy, env)
    for name, options in DOCUMENTS:
        _run([".venv/bin/analysis", "add", str(FIXTURES / "own" / name), *options], copy, env)
    _run(["make", "report"], copy, env)
    meetings = (copy / "data" / "processed" / "meetings.csv").read_text(encoding="utf-8")
    assert all(Path(name).stem in meetings for name, _ in DOCUMENTS)
    assert (copy / "reports" / "report.html").is_file()
    _run([*git, "add", "-A"], copy, env)  # the README: commit the documents and what make report rendered
    _run([*git, "commit", "-q", "-m", "three documents of my own"], copy, env)
    tested = _run(["make", "test"], copy, env)
    assert "every figure redrawn byte for byte" in tested.stdout
    assert "0 broken" in tested.stdout  # the import layers were checked in the copy too
