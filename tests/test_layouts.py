"""Every layout the parser reads, each with its fixture: the facts a careful reader extracts must come out.

The fixtures and their gold are in tests/fixtures/layouts/ (invented documents and real ones whose
licence allows copying); the scorer is the one `analysis evaluate` uses.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from corpus import CORPUS

from analysis.base.config import LAYOUT_PATH, PROJ_ROOT
from analysis.base.errors import InputError
from analysis.evaluate.gold import read_gold
from analysis.evaluate.run import evaluate
from analysis.language.layout import OPTIONAL_SECTIONS, alternation, parse_layout

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"
GOLD = LAYOUTS / "gold.json"
LICENSED = ("regjeringen_", "inf112_")
INVENTED = sorted(d.file for d in read_gold(GOLD) if not d.file.startswith(LICENSED))


@pytest.fixture(scope="module")
def evaluation():
    return evaluate(GOLD, LAYOUTS)


@pytest.mark.parametrize("file", INVENTED)
def test_each_invented_layout_is_read_completely(evaluation, file: str) -> None:
    misses = evaluation.misses[evaluation.misses["file"] == file]
    assert misses.empty, misses.to_string()


def test_the_licensed_real_documents_are_read_nearly_completely(evaluation) -> None:
    """Real layouts nobody wrote for us: a regression guard on the share of their facts found."""
    real = evaluation.misses[evaluation.misses["file"].str.startswith(LICENSED)]
    gold = [d for d in read_gold(GOLD) if d.file.startswith(LICENSED)]
    facts = sum(
        len(d.present)
        + len(d.absent)
        + len(d.copy)
        + len(d.agenda)
        + len(d.speakers)
        + bool(d.date)
        + bool(d.chair)
        + bool(d.minute_taker)
        for d in gold
    )
    missed = int((real["problem"] != "extra").sum())
    assert 1 - missed / facts >= 0.9, real.to_string()


def test_a_researcher_adds_a_label_in_the_layout_file_without_touching_code(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "lokal.txt").write_text(
        "Referat fra møte\n\nDato: 5. mars 2024\nPåmeldte som kom: Kari Nordmann, Ola Hansen og Per Olsen\n\n"
        "1. Velkommen\n\nNordmann ønsket velkommen.\n",
        encoding="utf-8",
    )
    gold = tmp_path / "gold.json"
    gold.write_text(
        json.dumps(
            [
                {
                    "file": "lokal.txt",
                    "kind": "minutes",
                    "present": [
                        {"name": "Kari Nordmann", "organisation": None},
                        {"name": "Ola Hansen", "organisation": None},
                        {"name": "Per Olsen", "organisation": None},
                    ],
                }
            ]
        ),
        encoding="utf-8",
    )
    layout = tmp_path / "layout.yml"
    shutil.copy(LAYOUT_PATH, layout)

    def present_found(layout_file: Path) -> str:
        out = tmp_path / "evaluation.csv"
        env = {**os.environ, "ANALYSIS_LAYOUT": str(layout_file)}
        command = [sys.executable, "-m", "analysis", "evaluate", "--gold", str(gold), "--docs", str(docs)]
        subprocess.run([*command, "--out", str(out), "--quiet"], check=True, env=env, capture_output=True)
        return next(line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("present,"))

    assert present_found(layout).startswith("present,3,0,0,")
    text = layout.read_text(encoding="utf-8").replace(
        "    - Tilstedeværende\n", "    - Tilstedeværende\n    - Påmeldte som kom\n"
    )
    layout.write_text(text, encoding="utf-8")
    assert present_found(layout).startswith("present,3,3,3,")


def test_a_broken_layout_file_is_refused_in_one_line(tmp_path: Path) -> None:
    layout = tmp_path / "layout.yml"
    layout.write_text(
        LAYOUT_PATH.read_text(encoding="utf-8").replace("speech_verbs:", "speech_verb:"), encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "build", "--raw", str(CORPUS), "--out", str(tmp_path / "out")],
        env={**os.environ, "ANALYSIS_LAYOUT": str(layout)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "layout.yml: section 'speech_verbs' is missing" in lines[0], lines
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda text: (text + "\tbad: [x]\n").encode("utf-8"), r"YAML syntax error at line \d+, column 1: found "),
        # saved by an editor in the Windows code page, which writes '?' for what it cannot hold ('✓')
        (lambda text: text.encode("cp1252", "replace"), r"not UTF-8 \(.* at byte \d+\) — save it as UTF-8 text"),
    ],
    ids=["a-tab", "windows-code-page"],
)
def test_a_layout_file_that_is_not_yaml_or_not_utf8_says_where(tmp_path: Path, damage, message: str) -> None:
    """As the codebook does: the line and column of a YAML error (before, the parser's whole message on one line,
    called "not UTF-8 YAML" even for a tab), or the byte where the text stops being UTF-8."""
    from analysis.base.errors import InputError
    from analysis.language.layout import read_layout

    layout = tmp_path / "layout.yml"
    layout.write_bytes(damage(LAYOUT_PATH.read_text(encoding="utf-8")))
    with pytest.raises(InputError, match=message):
        read_layout(layout)


def test_a_layout_file_written_before_its_optional_sections_still_reads() -> None:
    """An optional section added later: a researcher's edited copy without it is read, and the rule is off."""
    text = LAYOUT_PATH.read_text(encoding="utf-8")
    document = yaml.safe_load(text)
    assert parse_layout(document, "layout.yml").presentation_nouns >= {"orientering", "innlegg"}
    assert parse_layout(document, "layout.yml").hosting_verbs >= {"arrangere"}
    for section in OPTIONAL_SECTIONS:
        del document[section]
    older = parse_layout(document, "layout.yml")
    assert all(getattr(older, section) == frozenset() for section in OPTIONAL_SECTIONS)


def test_a_layout_word_list_reads_its_longest_words_first_and_an_empty_one_matches_nothing() -> None:
    """'Politisk rådgiver' is found whole whatever order the researcher wrote the list in; an optional section left
    empty ('substitute_markers: []') turns its rule off rather than matching everywhere."""
    assert re.match(alternation(["rådgiver", "politisk rådgiver", "p.v.a."]), "politisk rådgiver Eva")[0] == (
        "politisk rådgiver"
    )
    assert re.search(alternation(["p.v.a."]), "pxvxa") is None  # its full stops are full stops
    assert re.search(alternation([]), "Kari Nordmann p.v.a. NAV") is None


def test_a_misspelt_optional_section_is_named_with_the_sections_there_are() -> None:
    document = yaml.safe_load(LAYOUT_PATH.read_text(encoding="utf-8"))
    document["hosting_verb"] = document.pop("hosting_verbs")
    with pytest.raises(InputError, match=r"unknown section 'hosting_verb'.*hosting_verbs"):
        parse_layout(document, "layout.yml")


def test_the_readme_names_every_optional_layout_section() -> None:
    """A researcher with an older copy of layout.yml learns from the README which sections to copy across."""
    readme = (PROJ_ROOT / "README.md").read_text(encoding="utf-8")
    assert [section for section in OPTIONAL_SECTIONS if f"`{section}`" not in readme] == []
