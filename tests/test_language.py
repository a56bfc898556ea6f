"""One language per report: the Norwegian report holds no English, `--lang en` no Norwegian, from one string table."""

import re
from html import unescape
from pathlib import Path

import pytest
from corpus import CORPUS

from analysis.base.config import LANGUAGE_ENV, NARRATIVE_PATH, NOTEBOOKS_DIR
from analysis.base.errors import InputError
from analysis.publish.notebooks import numbered_notebooks, run_in_language
from analysis.publish.report import render_report
from analysis.publish.words import WORDS, language, narrative_texts

# words that give a language away; names (in «»), quotes (lang="no"), code and file names are left out
ENGLISH = (
    r"\b(the|and|of|with|which|sentences|theme|themes|meeting|meetings|share|who|raised|coded|not|topics?"
    r"|exact)\b"
)
NORWEGIAN = r"\b(og|av|med|som|setninger|tema|temaer|møte|møter|andel|hvem|reist|kodet|ikke|eller|ja|nei)\b"


def _reader_text(report: str, cells: bool = False) -> list[str]:
    """Headings, paragraphs, list items, table headers (and, with `cells`, table cells), captions and alt texts, as
    a reader sees them. Cells hold the corpus's own names ('Arbeids- og velferdsdirektoratet'), Norwegian in any
    report, so only the Norwegian report is read cell by cell."""
    for pattern in (r"<style.*?</style>", r"<code[^>]*>.*?</code>", r'<span lang="no">.*?</span>', r"<pre>.*?</pre>"):
        report = re.sub(pattern, " ", report, flags=re.S)
    texts = [a for a in re.findall(r'alt="([^"]*)"', report)]
    for tag in ("h1", "h2", "h3", "h4", "p", "li", "th", "figcaption", "summary", *(("td",) if cells else ())):
        texts += re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", report, re.S)
    return [re.sub(r"«[^»]*»", "", unescape(re.sub(r"<[^>]+>", " ", t))) for t in texts]


def _giveaways(report: str, pattern: str, cells: bool = False) -> list[str]:
    return [t.strip()[:120] for t in _reader_text(report, cells) if re.search(pattern, t, re.I)]


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    reports = tmp_path_factory.mktemp("reports")
    before = {p.name: p.read_bytes() for p in numbered_notebooks(NOTEBOOKS_DIR)}
    executed = run_in_language("en", NOTEBOOKS_DIR, reports=reports, progress=lambda _m: None)
    assert {p.name: p.read_bytes() for p in numbered_notebooks(NOTEBOOKS_DIR)} == before, "committed ones untouched"
    return render_report(notebooks_dir=executed, raw_dir=CORPUS, lang="en"), reports


def test_the_norwegian_report_has_no_english() -> None:
    assert _giveaways(render_report(raw_dir=CORPUS), ENGLISH, cells=True) == []


def test_the_english_report_has_no_norwegian(english) -> None:
    report, _ = english
    assert '<html lang="en">' in report
    assert _giveaways(report, NORWEGIAN) == []
    assert "Change over time" in report and "Which topics are stable" in report


def test_english_figures_are_drawn_beside_not_over_the_committed_ones(english) -> None:
    _, reports = english
    index = (reports / "en" / "figures" / "index.csv").read_text(encoding="utf-8")
    assert "Sentences per speaker" in index and "Setninger per taler" not in index
    assert sorted(p.name for p in (reports / "en").iterdir()) == ["figures", "notebooks"]


def test_the_check_would_catch_a_mixed_report() -> None:
    mixed = "<h2>Temaer per møte</h2><p>Share of the meeting's sentences.</p><p>«The Salvation Army»</p>"
    assert _giveaways(mixed, ENGLISH) == ["Share of the meeting's sentences."]
    assert _giveaways(mixed, NORWEGIAN) == ["Temaer per møte"]
    table = "<table><tr><th>Test</th></tr><tr><td>fisher exact</td></tr></table>"  # a test named as the table has it
    assert _giveaways(table, ENGLISH) == [] and _giveaways(table, ENGLISH, cells=True) == ["fisher exact"]


def test_every_narrative_has_both_languages_with_the_same_headings() -> None:
    texts = narrative_texts(NARRATIVE_PATH)
    for key, versions in texts.items():
        assert set(versions) == set(WORDS), key
        levels = {lang: re.findall(r"^(#+) ", text, re.M) for lang, text in versions.items()}
        assert levels["nb"] == levels["en"], key


def test_every_narrative_a_notebook_says_exists_and_none_is_unused() -> None:
    said = set()
    for path in numbered_notebooks(NOTEBOOKS_DIR):
        said |= set(re.findall(r'say\(\\?"([^"\\]+)\\?"', path.read_text(encoding="utf-8")))
    assert said == set(narrative_texts(NARRATIVE_PATH))


def test_an_unknown_language_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, "de")
    with pytest.raises(InputError, match="'de' is not one of nb, en"):
        language()
    monkeypatch.setenv(LANGUAGE_ENV, "en")
    assert language() == "en"
