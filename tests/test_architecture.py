"""The package's structure as behaviour: import layers that fail when broken, one cache version per stage set,
and the shared helpers that replaced the copies (names, organisations, enumerations, themes per sentence)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.base.cache import PACKAGE_DIR, Cache, code_version
from analysis.base.config import PROJ_ROOT
from analysis.base.errors import InputError
from analysis.base.records import Person, find_person, organisation_forms
from analysis.coding.codes import theme_indicators, themes_by_segment
from analysis.language.norwegian import split_enumeration
from analysis.pipeline.workers import PER_DOCUMENT_CODE, require_dask

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _package_copy(tmp_path: Path) -> Path:
    root = tmp_path / "src" / "analysis"
    shutil.copytree(PACKAGE_DIR, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _lint_imports(tmp_path: Path) -> subprocess.CompletedProcess:
    shutil.copy(PROJ_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "src"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )


def test_the_layer_contracts_hold_and_catch_an_import_upwards(tmp_path: Path) -> None:
    root = _package_copy(tmp_path)
    kept = _lint_imports(tmp_path)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    assert "0 broken" in kept.stdout
    # coding reaching into the build is exactly what the contracts exist to stop
    codes = root / "coding" / "codes.py"
    codes.write_text(codes.read_text(encoding="utf-8") + "\nimport analysis.pipeline.build  # noqa\n", encoding="utf-8")
    broken = _lint_imports(tmp_path)
    assert broken.returncode != 0
    assert "BROKEN" in broken.stdout and "analysis.coding.codes -> analysis.pipeline.build" in broken.stdout


def test_the_document_cache_version_hashes_exactly_the_per_document_stages(tmp_path: Path) -> None:
    root = _package_copy(tmp_path)
    before = code_version(*PER_DOCUMENT_CODE, root=root)
    assert before == code_version(*PER_DOCUMENT_CODE, root=PACKAGE_DIR)  # same code, same version
    figures = root / "publish" / "figures.py"
    figures.write_text(figures.read_text(encoding="utf-8") + "\n# a figure tweak\n", encoding="utf-8")
    code_version.cache_clear()
    assert code_version(*PER_DOCUMENT_CODE, root=root) == before, "a figure change must keep every parsed document"
    agenda = root / "parse" / "agenda.py"
    agenda.write_text(agenda.read_text(encoding="utf-8") + "\n# a parser change\n", encoding="utf-8")
    code_version.cache_clear()
    assert code_version(*PER_DOCUMENT_CODE, root=root) != before, "a parser change must re-parse"
    nested = root / "coding" / "extra"
    nested.mkdir()
    (nested / "rules.py").write_text("X = 1\n", encoding="utf-8")
    changed = code_version(*PER_DOCUMENT_CODE, root=root)
    code_version.cache_clear()
    assert code_version(*PER_DOCUMENT_CODE, root=root) != changed, "files in sub-folders count too"
    with pytest.raises(ValueError, match="not a package"):
        code_version("nowhere", root=root)


def test_the_cache_gives_back_what_it_stored_and_recomputes_a_damaged_entry(tmp_path: Path) -> None:
    store = Cache(tmp_path, "v1")
    assert store.get("parsed", "abc") is None
    store.put("parsed", {"æøå": [1, 2]}, "abc")
    assert store.get("parsed", "abc") == {"æøå": [1, 2]}
    assert Cache(tmp_path, "v2").get("parsed", "abc") is None, "another code version never reads it"
    (entry,) = (tmp_path / "parsed").iterdir()
    entry.write_bytes(b"\x80 not a pickle")
    assert store.get("parsed", "abc") is None
    assert Cache(None).get("parsed", "abc") is None  # a build without cache stores nothing


@pytest.mark.parametrize(
    "text_in, ampersand, parts",
    [
        (
            "Kari Nordmann (Arbeids- og sosialdepartementet), Ola Hansen og Per Li",
            False,
            ["Kari Nordmann (Arbeids- og sosialdepartementet)", "Ola Hansen", "Per Li"],
        ),
        ("Arbeids- og sosialdepartementet", False, ["Arbeids- og sosialdepartementet"]),  # one name
        ("Lothe (Wayback) & Nilsson (KREM)", True, ["Lothe (Wayback)", "Nilsson (KREM)"]),
        ("Lothe (Wayback) & Nilsson (KREM)", False, ["Lothe (Wayback) & Nilsson (KREM)"]),
        ("Bydelsmødre (Oslo, Bergen og Bærum)", False, ["Bydelsmødre (Oslo, Bergen og Bærum)"]),
        ("Ola Hansen, Per Li, og Kari Nordmann", False, ["Ola Hansen", "Per Li", "Kari Nordmann"]),  # ", og" once
        ("", False, []),
    ],
)
def test_enumerations_split_outside_brackets_only(text_in: str, ampersand: bool, parts: list[str]) -> None:
    assert split_enumeration(text_in, ampersand=ampersand) == parts


PEOPLE = [
    Person("Anniken Hauglie", "Statsråd", "ASD"),
    Person("Kari Lothe", "", "Wayback"),
    Person("Per Olsen", "", "NAV"),
    Person("Åse Olsen", "", "KREM"),
]


@pytest.mark.parametrize(
    "reference, expected",
    [
        ("Anniken Hauglie", "Anniken Hauglie"),
        ("anniken  HAUGLIE", "Anniken Hauglie"),
        ("Lothe", "Kari Lothe"),
        ("Olsen", None),  # two people share it: nobody is guessed
        ("Åse Olsen", "Åse Olsen"),
        ("Jensen", None),
        ("", None),
    ],
)
def test_a_person_is_found_by_full_name_or_a_surname_only_one_has(reference: str, expected: str | None) -> None:
    found = find_person(reference, PEOPLE)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(
    "written, acronym, forms",
    [
        ("ASD/Velferdspolitisk avdeling", True, ["ASD/Velferdspolitisk avdeling", "ASD"]),
        ("KREM Kreativt og Mangfoldig", True, ["KREM Kreativt og Mangfoldig", "KREM"]),
        ("KREM Kreativt og Mangfoldig", False, ["KREM Kreativt og Mangfoldig"]),
        ("Velferdsalliansen", True, ["Velferdsalliansen"]),
        ("  ", True, []),
    ],
)
def test_organisation_forms(written: str, acronym: bool, forms: list[str]) -> None:
    assert organisation_forms(written, acronym=acronym) == forms


def test_themes_per_sentence_come_from_one_place() -> None:
    codes = pd.DataFrame(
        {
            "segment_id": ["m-p001-s01", "m-p001-s01", "m-p002-s01", "other-p001-s01"],
            "theme": ["wage_subsidy", "coordination", "coordination", "wage_subsidy"],
        }
    )
    ids = ["m-p001-s01", "m-p001-s02", "m-p002-s01"]
    matrix = theme_indicators(codes, ids, ["wage_subsidy", "coordination", "funding_policy"])
    assert matrix.tolist() == [[1, 1, 0], [0, 0, 0], [0, 1, 0]]
    assert themes_by_segment(codes, ids) == {
        "m-p001-s01": {"wage_subsidy", "coordination"},
        "m-p001-s02": set(),
        "m-p002-s01": {"coordination"},
    }
    assert themes_by_segment(codes, ids, ["coordination"])["m-p001-s01"] == {"coordination"}


def test_a_scheduler_without_dask_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # as if the optional extra were not installed
    with pytest.raises(InputError) as error:
        require_dask()
    assert error.value.where == "--scheduler" and "pip install" in error.value.line()
