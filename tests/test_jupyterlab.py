"""JupyterLab as a researcher uses it: open each notebook in a real browser, Run All Cells, no error, repository clean.

Drives Debian's Chromium (`/usr/bin/chromium`) with Playwright against a
JupyterLab server started from the project's environment, the way `make lab`
starts it. Where no Chromium is installed the test is skipped with the reason.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from analysis.base.config import NOTEBOOKS_DIR, PROJ_ROOT
from analysis.publish.notebooks import numbered_notebooks

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
RUN_TIMEOUT_MS = 120_000

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine (Debian: apt-get install chromium); JupyterLab not driven"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _git_status() -> str:
    done = subprocess.run(
        ["git", "status", "--porcelain", "--", "notebooks", "reports", "data"],
        cwd=PROJ_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout if done.returncode == 0 else ""


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory):
    port, token = _free_port(), secrets.token_hex(16)
    home = tmp_path_factory.mktemp("lab-home")  # no user settings, no workspace of the developer's own
    env = os.environ | {"JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime")}
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "jupyter"),
            "lab",
            f"--ServerApp.root_dir={PROJ_ROOT}",
            "--no-browser",
            f"--port={port}",
            f"--IdentityProvider.token={token}",
            "--LabApp.workspaces_dir=" + str(home / "workspaces"),
            "--allow-root",
        ],
        cwd=PROJ_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("JupyterLab did not start within a minute")
    yield url, token
    server.terminate()
    server.wait(timeout=30)


@pytest.mark.parametrize("name", [p.name for p in numbered_notebooks(NOTEBOOKS_DIR)])
def test_run_all_cells_in_jupyterlab(lab, name: str) -> None:
    from playwright.sync_api import sync_playwright

    url, token = lab
    before = _git_status()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        workspace = name.split("-")[0]  # a fresh workspace each: no tab of another notebook is restored
        page.goto(
            f"{url}/lab/workspaces/nb{workspace}/tree/notebooks/{name}?reset&token={token}", timeout=RUN_TIMEOUT_MS
        )
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=RUN_TIMEOUT_MS)
        page.wait_for_function(  # the kernel starts: 'No Kernel' gives way to its name
            """() => {
                const name = document.querySelector('.jp-Toolbar-kernelName');
                const shown = name ? name.textContent.trim() : '';
                return shown !== '' && shown !== 'No Kernel';
            }""",
            timeout=RUN_TIMEOUT_MS,
        )
        kernel = page.locator(".jp-Toolbar-kernelName").first.inner_text()
        assert "Inkluderingsdugnaden (analysis)" in kernel, f"the notebook runs on the project's kernel, not {kernel!r}"
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=RUN_TIMEOUT_MS)
        page.locator(".jp-Notebook .jp-Cell").first.click()
        page.click("text=Run", timeout=RUN_TIMEOUT_MS)  # the menu bar, as a researcher does
        page.click("text=Run All Cells", timeout=RUN_TIMEOUT_MS)
        cells = page.locator(".jp-Notebook .jp-CodeCell")
        n_cells = cells.count()
        # every code cell has run: a number in its prompt, none waiting ('[*]') or never run ('[ ]')
        page.wait_for_function(
            """n => {
                const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')];
                return prompts.length === n && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
            }""",
            arg=n_cells,
            timeout=RUN_TIMEOUT_MS,
        )
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        tracebacks = [t for t in errors.all_inner_texts() if "Traceback" in t or "Error" in t]
        browser.close()
    assert tracebacks == [], tracebacks[0][:500] if tracebacks else ""
    assert _git_status() == before, "running the notebook in JupyterLab left the repository as it was"
