"""Loading the codebook: the real one implements the spec, broken ones are refused by name."""

import re
from pathlib import Path

import pytest

from analysis.base.config import CODEBOOK_PATH, PROJ_ROOT
from analysis.base.errors import InputError
from analysis.coding.codebook import load_codebook

SPEC = PROJ_ROOT / "docs" / "codebook-spec.md"  # the research design the codebook implements

GOOD_THEME = """\
  - id: {id}
    label_nb: Lønnstilskudd
    label_en: Wage subsidies
    definition: Wage subsidies to employers.
    prefixes: [lønnstilskudd]
"""


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "codebook.yml"
    path.write_text("version: 1\nthemes:\n" + body, encoding="utf-8")
    return path


def test_real_codebook_has_every_theme_of_the_spec() -> None:
    codebook = load_codebook(CODEBOOK_PATH)
    spec_ids = re.findall(r"^\| `([a-z_]+)` \|", SPEC.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert codebook.ids == spec_ids
    labels = re.findall(r"^\| `[a-z_]+` \| ([^|]+) \| ([^|]+) \|", SPEC.read_text(encoding="utf-8"), re.M)
    assert [(t.label_nb, t.label_en) for t in codebook.themes] == [(a.strip(), b.strip()) for a, b in labels]


def test_codebook_hash_identifies_the_file(tmp_path: Path) -> None:
    a = load_codebook(_write(tmp_path, GOOD_THEME.format(id="wage_subsidy")))
    b = load_codebook(_write(tmp_path, GOOD_THEME.format(id="wage_subsidy") + "# changed\n"))
    assert a.sha256 != b.sha256 and len(a.sha256) == 64


@pytest.mark.parametrize(
    "body, message",
    [
        (GOOD_THEME.format(id="a") + "    colour: red\n", "theme 'a': unknown key(s) colour"),
        (GOOD_THEME.format(id="a") + GOOD_THEME.format(id="a"), "theme 'a': duplicate id"),
        (
            GOOD_THEME.format(id="a") + "    patterns: ['(unclosed']\n",
            "theme 'a': patterns pattern '(unclosed'",
        ),
        (GOOD_THEME.format(id="a") + "    exclude: ['[z-a]']\n", "theme 'a': exclude pattern '[z-a]'"),
        (
            GOOD_THEME.format(id="a").replace("    prefixes: [lønnstilskudd]\n", ""),
            "theme 'a': has no patterns",
        ),
        (
            GOOD_THEME.format(id="a").replace("    label_en: Wage subsidies\n", ""),
            "theme 'a': label_en is missing",
        ),
        (GOOD_THEME.format(id="Bad Id"), "id must be lower-case"),
        (GOOD_THEME.format(id="økonomi"), "not æ, ø, å"),
        (GOOD_THEME.format(id="a").replace("[lønnstilskudd]", "lønnstilskudd"), "prefixes must be a list"),
        ("  - id: a\n    label_nb: [unclosed\n", "YAML syntax error at line 5"),
        (GOOD_THEME.format(id="a") + "    generic: {words: [støtte]}\n", "generic needs both words and context"),
        (GOOD_THEME.format(id="a") + "    generic: [støtte]\n", "generic must hold `words` and `context`"),
        (
            GOOD_THEME.format(id="a") + "    generic: {words: [støtte], context: [bruker], why: x}\n",
            "generic must hold `words` and `context`",
        ),
    ],
)
def test_broken_codebooks_are_refused_with_the_entry_named(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        load_codebook(_write(tmp_path, body))
    assert message in error.value.line()
    assert error.value.line().startswith(str(tmp_path / "codebook.yml")) or "codebook.yml" in error.value.line()


def test_missing_codebook_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="codebook not found"):
        load_codebook(tmp_path / "nope.yml")


def test_a_version_date_that_is_not_a_date_is_refused(tmp_path: Path) -> None:
    """The date names the codebook a reported score was measured with, so it must be one."""
    path = _write(tmp_path, GOOD_THEME.format(id="a"))
    path.write_text("date: last week\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="date 'last week' is not YYYY-MM-DD"):
        load_codebook(path)


def test_the_real_codebook_names_its_version_and_date() -> None:
    codebook = load_codebook()
    assert codebook.version and re.fullmatch(r"\d{4}-\d{2}-\d{2}", codebook.date)
