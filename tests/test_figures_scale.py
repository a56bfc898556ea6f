"""Figures stay readable as a researcher's corpus grows: from 2 to 200 meetings of the synthetic corpus."""

import itertools
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from corpus import build_corpus
from matplotlib.figure import Figure

from analysis.analyse.compare import coded_matrix
from analysis.analyse.trends import theme_trends
from analysis.bench.synth import synth_corpus
from analysis.coding.codebook import load_codebook
from analysis.coding.manual_codes import meeting_of
from analysis.publish import views
from analysis.publish.plots import heatmap, sentences_per_speaker_chart, theme_frequency_chart, trends_chart
from analysis.publish.style import theme_colours, use_style

matplotlib.use("Agg")
MAX_INCHES = (16.5, 24)
MIN_FONT_PT = 6.5


@pytest.fixture(scope="module")
def hundred(tmp_path_factory: pytest.TempPathFactory):
    raw = synth_corpus(200, tmp_path_factory.mktemp("synth") / "raw", seed=7)
    tables = build_corpus(raw, raw.parent / "processed", analyses=False, hand_path=None).tables
    return tables


def _first(tables: dict, n: int) -> dict:
    keep = set(sorted(tables["meetings"]["meeting_id"])[:n])
    return {
        "meetings": tables["meetings"][tables["meetings"]["meeting_id"].isin(keep)],
        "segments": tables["segments"][tables["segments"]["meeting_id"].isin(keep)],
        "codes": tables["codes"][tables["codes"]["segment_id"].map(meeting_of).isin(keep)],
    }


def _assert_readable(fig: Figure, where: Path) -> None:
    """Within a printable size, every text inside the canvas, big enough, and no two tick labels overlapping."""
    width, height = fig.get_size_inches()
    assert width <= MAX_INCHES[0] and height <= MAX_INCHES[1], (width, height)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    drawn = fig.get_tightbbox(renderer)  # in inches; only what is drawn
    tolerance = 0.02
    assert drawn.x0 >= -tolerance and drawn.y0 >= -tolerance, "cut off at the left or bottom"
    assert drawn.x1 <= width + tolerance and drawn.y1 <= height + tolerance, "cut off at the right or top"
    for text in fig.findobj(matplotlib.text.Text):
        if text.get_visible() and text.get_text().strip():
            assert text.get_fontsize() >= MIN_FONT_PT, text.get_text()
    for ax in fig.axes:
        for labels in (ax.get_xticklabels(), ax.get_yticklabels()):
            boxes = [t.get_window_extent(renderer) for t in labels if t.get_visible() and t.get_text().strip()]
            for a, b in itertools.pairwise(boxes):
                assert not a.overlaps(b), "tick labels overlap"
    fig.savefig(where)  # kept under the test's tmp_path for a look


@pytest.mark.parametrize("n", [5, 20, 100])
def test_theme_and_speaker_figures_stay_readable(hundred, n: int, tmp_path: Path) -> None:
    use_style()
    tables = _first(hundred, n)
    codebook = load_codebook()
    freq = views.theme_frequencies(tables["codes"], tables["segments"], codebook)
    fig = theme_frequency_chart(freq, tables["meetings"], theme_colours(codebook.ids))
    _assert_readable(fig, tmp_path / "themes.png")
    fig = sentences_per_speaker_chart(views.sentences_per_speaker(tables["segments"]), tables["meetings"])
    _assert_readable(fig, tmp_path / "speakers.png")
    table = freq.pivot(index="label_nb", columns="meeting_id", values="share")
    _assert_readable(heatmap(table, "Temaer per møte", "Møte", "Andel"), tmp_path / "heatmap.png")


def test_a_meeting_without_sentences_is_left_out_not_an_error(hundred) -> None:
    tables = _first(hundred, 3)
    codebook = load_codebook()
    empty = tables["meetings"].iloc[:1].assign(meeting_id="tom", date="2030-01-01", n_segments="0")
    meetings = pd.concat([tables["meetings"], empty], ignore_index=True)
    freq = views.theme_frequencies(tables["codes"], tables["segments"], codebook)
    fig = theme_frequency_chart(freq, meetings, theme_colours(codebook.ids))
    assert len(fig.axes) == 3


@pytest.mark.parametrize("n", [2, 20, 200])
def test_change_over_time_stays_readable(hundred, n: int, tmp_path: Path) -> None:
    """Themes, actor types and recurring issues over time at 2, 20 and 200 meetings."""
    use_style()
    tables = _first(hundred, n)
    codebook = load_codebook()
    trends = theme_trends(
        coded_matrix(tables["segments"], tables["codes"], codebook.ids), tables["meetings"], codebook.ids
    )
    labels = codebook.labels()
    _assert_readable(trends_chart(trends, labels), tmp_path / "over-time.png")
    _assert_readable(trends_chart(trends, labels, "actor_type", views.actor_labels()), tmp_path / "actors.png")
    raised = views.raised_by_period(trends, labels)
    _assert_readable(heatmap(raised, "Tema reist", "Periode", "Andel"), tmp_path / "raised.png")
    assert raised.shape[1] <= 24  # the axis is grouped before it stops reading


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes if ax.get_visible() for t in ax.texts]


def test_a_corpus_of_one_undated_news_item_draws_every_figure_saying_what_is_missing(tmp_path: Path) -> None:
    """The bundled news item without its date: no period to place it in, no civil-society speaker. The
    figures of notebook 04 used to stop `make report` (a legend of no columns) or show bare axes."""
    from corpus import CORPUS, NEWS

    from analysis.analyse.compare import responses, theme_comparison
    from analysis.ingest.manifest import add_document
    from analysis.publish import findings
    from analysis.publish.plots import raw_and_corrected_chart, responses_chart

    raw = tmp_path / "raw"
    source = tmp_path / "nyhet.txt"  # no date in the name, none in the manifest
    source.write_bytes((CORPUS / NEWS).read_bytes())
    add_document(source, raw, kind="news")
    tables = build_corpus(raw, tmp_path / "processed", analyses=False, hand_path=None, manual_path=None).tables
    codebook = load_codebook()
    matrix = coded_matrix(tables["segments"], tables["codes"], codebook.ids)
    trends = theme_trends(matrix, tables["meetings"], codebook.ids)
    labels = codebook.labels("nb")
    assert trends.empty
    assert findings.recurring_themes(trends) == "ingen dokumenter har dato"  # not "no sentence is coded"
    for group_type in ("all", "actor_type"):
        assert "Ingen dokumenter har dato" in _texts(trends_chart(trends, labels, group_type))
    raised = views.raised_by_period(trends, labels)
    assert _texts(heatmap(raised, "T", "Periode", "Andel", empty="ingen dokumenter har dato")) == [
        "Ingen dokumenter har dato"
    ]
    rates = views.response_rates(responses(matrix, tables["segments"], codebook.ids), codebook)
    assert rates.empty and rates[["raised", "answered"]].dtypes.tolist() == ["int64", "int64"]
    assert _texts(responses_chart(rates, theme_colours(codebook.ids))) == [
        "Ingen taler fra sivilsamfunnet reiste et kodet tema"
    ]
    # panels are named by title, or the file's words, where there is no date (they read "· …" and " (n = 12)")
    speakers = sentences_per_speaker_chart(views.sentences_per_speaker(tables["segments"]), tables["meetings"])
    frequencies = theme_frequency_chart(
        views.theme_frequencies(tables["codes"], tables["segments"], codebook),
        tables["meetings"],
        theme_colours(codebook.ids),
    )
    assert [ax.get_title(loc="left") for ax in speakers.axes] == [tables["meetings"]["title"].iloc[0]]  # not "· …"
    assert [ax.get_title(loc="left") for ax in frequencies.axes] == [
        "nyhet (n\u00a0=\u00a0" + f"{len(tables['segments'])})"
    ]
    # no speaker of any actor type (an agenda): the raw-and-corrected chart says so
    comparison = theme_comparison(matrix, codebook.ids)
    without_actors = comparison[comparison["group_type"] != "actor_type"]
    assert _texts(raw_and_corrected_chart(without_actors, "actor_type", labels)) == ["Ingen setninger har aktørtype"]
    assert findings.largest_correction(without_actors, "actor_type", labels, {}) == "ingen setninger har aktørtype"
