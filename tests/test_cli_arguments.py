"""Every argument of every subcommand is checked before any work: one line naming it, exit 2, nothing changed.

The cases are not listed by hand: each checked argument type carries the
values it must refuse (`bad`) and a way to make one it accepts (`good`), and
the sweep below calls every registered subcommand with every bad value of
every checked argument. A new subcommand joins by being registered; an
argument that takes a path or a count without a check fails the audit test.
"""

import argparse
import os
from pathlib import Path

import pytest

from analysis.base.config import DATA_DIR, PROJ_ROOT
from analysis.cli import main, parser

# Arguments that take free text (or an optional file the command reads only if it is there), so no check applies.
FREE_TEXT = {
    ("add", "title"),
    ("add", "source"),
    ("add", "name"),
    ("edit", "file"),  # a name registered in the manifest, checked against it
    ("edit", "title"),
    ("edit", "source"),
    ("remove", "file"),
    ("build", "manual_codes"),  # optional: read when present
    ("build", "hand_codes"),
    ("build", "scheduler"),
    ("import-qdpx", "coder"),
    ("evaluate", "processed"),  # read only without --docs; the evaluation says "run analysis build first"
}


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    top = parser()
    return next(a for a in top._actions if isinstance(a, argparse._SubParsersAction)).choices


def _arguments(sub: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in sub._actions if not isinstance(a, argparse._HelpAction | argparse._StoreTrueAction)]


def _flag(action: argparse.Action) -> list[str]:
    return [action.option_strings[0]] if action.option_strings else []


def _good(action: argparse.Action, tmp: Path) -> str:
    if getattr(action.type, "good", None):
        return action.type.good(tmp)
    if action.choices:
        return next(iter(action.choices))
    return "dokument.txt"


def _cases() -> list[tuple[str, str, str]]:
    """(subcommand, argument dest, bad value) for every checked argument of every subcommand."""
    cases = []
    for name, sub in _subcommands().items():
        for action in _arguments(sub):
            bad = list(getattr(action.type, "bad", ()))
            if action.choices:
                bad.append("not-one-of-them")
            cases += [(name, action.dest, value) for value in bad]
    return cases


def _argv(name: str, dest: str, value: str, tmp: Path) -> list[str]:
    argv = [name]
    for action in _arguments(_subcommands()[name]):
        if action.dest == dest:
            argv += [*_flag(action), value]
        elif action.required:
            argv += [*_flag(action), _good(action, tmp)]
    return argv


def _state() -> dict[str, tuple[int, int]]:
    """Size and modification time of every project file a command could write (stat only: the researcher's corpus
    and tables are not read by tests)."""
    state = {}
    for folder in (PROJ_ROOT / "reports", PROJ_ROOT / "notebooks", DATA_DIR):
        for root, dirs, files in os.walk(folder):
            if Path(root) == DATA_DIR:
                dirs[:] = [d for d in dirs if d not in ("raw", "processed", "removed")]
            for file in files:
                info = os.stat(os.path.join(root, file))
                state[os.path.join(root, file)] = (info.st_size, info.st_mtime_ns)
    for path in (DATA_DIR / "raw", DATA_DIR / "processed", DATA_DIR / "raw" / "manifest.csv"):
        if path.exists():
            info = os.stat(path)
            state[str(path)] = (info.st_size, info.st_mtime_ns)
    return state


def test_every_subcommand_has_checked_arguments_and_every_path_or_count_is_checked() -> None:
    names = _subcommands()
    assert {"build", "add", "edit", "remove", "notebooks", "synth", "bench", "evaluate", "import-qdpx"} <= set(names)
    unchecked = [
        (name, action.dest)
        for name, sub in names.items()
        for action in _arguments(sub)
        if not getattr(action.type, "bad", None) and not action.choices and (name, action.dest) not in FREE_TEXT
    ]
    assert unchecked == [], "give these arguments a checked type in analysis/cli.py (or list them as free text)"
    assert {name for name, _, _ in _cases()} == set(names)  # every subcommand is swept


@pytest.mark.parametrize("name, dest, value", _cases(), ids=lambda v: str(v))
def test_a_bad_argument_gets_one_line_exit_2_and_changes_nothing(
    name: str, dest: str, value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = _argv(name, dest, value, tmp_path)
    before = _state()
    assert main(argv) == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    flag = next(a for a in _arguments(_subcommands()[name]) if a.dest == dest)
    assert (flag.option_strings[0] if flag.option_strings else dest) in lines[0]
    assert _state() == before
    assert list(tmp_path.glob("out*")) == []  # nothing written where the good values point either


@pytest.mark.parametrize(
    "argv, names",
    [
        (["import-qdpx", "/no/such/file.qdpx"], "file"),
        (["synth", "--docs", "-5", "--out", "OUT"], "--docs"),
        (["bench", "--docs", "0"], "--docs"),
        (["notebooks", "--dir", "/no/such/folder"], "--dir"),
    ],
)
def test_the_four_reported_cases(argv: list[str], names: str, tmp_path: Path, capsys) -> None:
    """The issue's cases: a traceback, a wrong success, and a run that emptied reports/figures."""
    argv = [str(tmp_path / "out") if a == "OUT" else a for a in argv]
    before = _state()
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2 and names in err and len(err.strip().splitlines()) == 1
    assert _state() == before and not (tmp_path / "out").exists()
