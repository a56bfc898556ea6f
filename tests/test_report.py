"""The HTML report: self-contained, navigable, citable, and the same bytes on every rebuild."""

import re

import pytest
from corpus import CORPUS

from analysis.base.errors import InputError
from analysis.ingest.manifest import read_manifest
from analysis.publish.report import render_report
from analysis.publish.words import WORDS


@pytest.fixture(scope="module")
def report() -> str:
    return render_report(raw_dir=CORPUS)


def test_report_is_byte_identical_on_rebuild(report: str) -> None:
    assert render_report(raw_dir=CORPUS) == report


def test_report_is_self_contained(report: str) -> None:
    assert not re.search(r'(src|href)="(https?:)?//', report), "nothing may be fetched from the network"
    assert "<script" not in report
    images = re.findall(r'<img src="([^"]+)"', report)
    assert images and all(src.startswith("data:image/png;base64,") for src in images)


def test_report_has_no_code_cells(report: str) -> None:
    assert "from analysis" not in report and 'load("' not in report


def test_table_of_contents_links_resolve(report: str) -> None:
    nav = report[report.index("<nav>") : report.index("</nav>")]
    targets = re.findall(r'href="#([^"]+)"', nav)
    assert len(targets) >= 10
    for target in targets:
        assert f'id="{target}"' in report, target


def test_figures_carry_alt_text_and_captions(report: str) -> None:
    figures = re.findall(r'<figure id="fig-([^"]+)"[^>]*><img [^>]*alt="([^"]+)"', report)
    assert {name for name, _ in figures} >= {
        "01-sentences-per-speaker",
        "02-theme-frequencies",
        "03-topic-selection",
        "04-raised-and-answered",
    }
    assert all(alt for _, alt in figures)


def test_report_cites_sources_and_versions(report: str) -> None:
    for entry in read_manifest(CORPUS):
        assert f'<code class="sha">{entry.sha256}</code>' in report and entry.file in report  # whole, wrapped
    assert re.search(r"<td>pandas</td><td>\d", report) and re.search(r"<td>scikit-learn</td><td>\d", report)
    assert "/work/" not in report and "/root/" not in report  # no absolute paths


def test_computed_findings_are_rendered_not_their_repr(report: str) -> None:
    """A finding a notebook displays as Markdown reaches the reader as text (it was shown as an object's repr)."""
    assert "IPython.core.display" not in report and "&lt;IPython" not in report
    assert re.search(r"<p>[^<]*\b\d+ (of|av) (the )?\d+\b", report), "the parse score sentence is in the report"


def test_pandas_row_numbers_are_not_shown_as_a_column(report: str) -> None:
    tables = re.findall(r'<table border="1" class="dataframe">.*?</table>', report, re.DOTALL)
    assert tables
    for table in tables:
        if re.search(r"<tbody>\s*<tr>\s*<th>\d+</th>", table):
            assert re.search(r"<thead>.*<tr[^>]*>\s*<th[^>]*>[^<]+</th>", table, re.DOTALL), "a named index stays"
            continue
        head_cells = re.search(r"<thead>\s*<tr[^>]*>(.*?)</tr>", table, re.DOTALL)[1].count("<th")
        first_row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", table, re.DOTALL)[1]
        assert head_cells == first_row.count("<td") + first_row.count("<th"), "header and rows line up"


def test_one_language_throughout() -> None:
    english = render_report(raw_dir=CORPUS, lang="en")
    assert '<html lang="en">' in english and "Every installed package" in english
    norwegian = render_report(raw_dir=CORPUS)
    for key in ("provenance", "documents", "software", "package", "contents"):
        assert WORDS["nb"][key] in norwegian and WORDS["en"][key] not in norwegian, key
    with pytest.raises(InputError):
        render_report(raw_dir=CORPUS, lang="de")
