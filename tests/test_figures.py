"""Figure files: complete, reproducible byte for byte, Norwegian letters, one colour per theme."""

import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from fontTools.ttLib import TTFont
from matplotlib.font_manager import FontProperties, findfont

from analysis.base.config import FIGURES_DIR, PROJ_ROOT
from analysis.coding.codebook import load_codebook
from analysis.publish.figures import read_index, save_figure
from analysis.publish.style import FONT, NORWEGIAN_LETTERS, theme_colours, use_style
from analysis.publish.words import WORDS


def _draw() -> plt.Figure:
    use_style()
    fig, ax = plt.subplots(figsize=(4, 2))
    ax.barh(["Lønnstilskudd", "Bydelsmødre", "Opplæring og fagbrev"], [3, 2, 1])
    ax.set_title("Æ Ø Å æ ø å")
    return fig


def _save(folder: Path, name: str = "09-test"):
    return save_figure(
        _draw(),
        name,
        pd.DataFrame({"tema": ["Lønnstilskudd"], "n": [3]}),
        title="Prøve",
        caption="En prøvefigur.",
        alt="Et søylediagram med tre søyler.",
        figures_dir=folder,
    )


def test_one_call_writes_every_file_and_the_index(tmp_path: Path) -> None:
    saved = _save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "09-test.csv",
        "09-test.png",
        "09-test.svg",
        "09-test.txt",
        "index.csv",
    ]
    assert (tmp_path / "09-test.txt").read_text(encoding="utf-8") == "Et søylediagram med tre søyler.\n"
    assert (tmp_path / "09-test.csv").read_text(encoding="utf-8") == "tema,n\nLønnstilskudd,3\n"
    row = read_index(tmp_path).iloc[0]
    assert (row["name"], row["title"], row["alt_text"]) == ("09-test", "Prøve", "Et søylediagram med tre søyler.")
    html = saved._repr_html_()
    assert 'alt="Et søylediagram med tre søyler."' in html and "data:image/png;base64," in html


def test_files_are_byte_identical_when_redrawn(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _save(first)
    _save(second)
    for name in ("09-test.png", "09-test.svg", "09-test.csv", "index.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    svg = (first / "09-test.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert b"Software" not in (first / "09-test.png").read_bytes()


def test_index_keeps_one_row_per_figure_sorted(tmp_path: Path) -> None:
    _save(tmp_path, "09-b")
    _save(tmp_path, "09-a")
    _save(tmp_path, "09-b")
    assert list(read_index(tmp_path)["name"]) == ["09-a", "09-b"]


def test_alt_text_must_be_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="one sentence"):
        save_figure(
            _draw(),
            "09-x",
            pd.DataFrame(),
            title="T",
            caption="C",
            alt="Første setning. Andre setning.",
            figures_dir=tmp_path,
        )


def test_the_figure_font_has_the_norwegian_letters() -> None:
    use_style()
    path = findfont(FontProperties(family=FONT), fallback_to_default=False)
    cmap = TTFont(path).getBestCmap()
    assert all(ord(letter) in cmap for letter in NORWEGIAN_LETTERS)


def test_a_theme_has_the_same_colour_everywhere() -> None:
    ids = load_codebook().ids
    colours = theme_colours(ids)
    assert len({colours[t] for t in ids}) == len(ids)  # fifteen different colours
    assert theme_colours(list(ids)) == colours  # the same call in any notebook gives the same map


def test_english_has_every_norwegian_label() -> None:
    assert set(WORDS["nb"]) == set(WORDS["en"])


def test_committed_figures_are_complete_and_indexed() -> None:
    index = read_index(FIGURES_DIR)
    pngs = sorted(p.stem for p in FIGURES_DIR.glob("*.png"))
    assert sorted(index["name"]) == pngs and len(pngs) >= 8
    for row in index.itertuples():
        for ext in ("png", "svg", "csv", "txt"):
            assert (FIGURES_DIR / f"{row.name}.{ext}").is_file()
        assert (PROJ_ROOT / row.notebook).is_file()
        assert row.alt_text.endswith(".") and not re.search(r"\.\s+[A-ZÆØÅ]", re.sub(r"«[^»]*»", "", row.alt_text))


def _tick_texts(fig: plt.Figure) -> list[str]:
    fig.canvas.draw()  # tick labels are written when the figure is drawn
    return [t.get_text() for ax in fig.axes for t in (*ax.get_xticklabels(), *ax.get_yticklabels()) if t.get_text()]


def test_a_figure_writes_its_numbers_as_its_language_does() -> None:
    """The Norwegian report says '0,25' and '38 %' in its text; its figures said '0.25' on their axes and '38%' in
    a heat map's cells, beside a colour scale of fractions ('0.4') for the same shares. A figure now writes its
    numbers as its language does, and a heat map's scale is in percent like its cells."""
    from analysis.publish.plots import heatmap, topic_quality_chart

    use_style()
    quality = pd.DataFrame(
        {"model": "nmf", "topic_id": [1, 2], "label": ["tiltak", "nav"], "coherence": [0.3, -0.1]}
        | {"stability": [0.9, 0.5], "stable": ["yes", "no"]}
    )
    shares = pd.DataFrame({"2019-12-06": [0.125, 0.4], "2020-03-12": [0.0, 0.25]}, index=["Lønnstilskudd", "IPS"])
    norwegian, english = (topic_quality_chart(quality, 0.8, lang) for lang in ("nb", "en"))
    assert {"0,25", "−0,50", "0,6"} <= set(_tick_texts(norwegian))
    assert {"0.25", "−0.50", "0.6"} <= set(_tick_texts(english))
    assert not [t for t in _tick_texts(norwegian) if "." in t]
    for lang, sign in (("nb", "\u00a0%"), ("en", "%")):
        fig = heatmap(shares, "Temaer", "Møte", "Andel", lang=lang)
        cells = [t.get_text() for t in fig.axes[0].texts]
        assert cells == [f"12{sign}", f"0{sign}", f"40{sign}", f"25{sign}"]
        scale = [t for t in _tick_texts(fig) if t.endswith("%")]  # the colour bar's ticks
        assert f"20{sign}" in scale and f"40{sign}" in scale and not [t for t in scale if t[0] == "0" and "." in t]
        plt.close("all")


def test_notebooks_saving_figures_at_once_keep_each_others_index_rows(tmp_path: Path) -> None:
    """Two notebooks run at once in JupyterLab each read the figure index, add their row and write it back; the
    index lost the rows of one when both did so together (214 of 400 rows were left in a trial). Each now waits its
    turn, so every row stays."""
    import subprocess
    import sys

    saving = (
        "import sys; from pathlib import Path; from analysis.publish.figures import _update_index\n"
        "for k in range(100):\n"
        "    _update_index(Path(sys.argv[1]), {'name': f'{sys.argv[2]}-{k:03d}', 'title': 't', 'caption': 'c', "
        "'alt_text': 'a.', 'notebook': '', 'files': ''})\n"
    )
    runs = [subprocess.Popen([sys.executable, "-c", saving, str(tmp_path), prefix]) for prefix in ("03", "04")]
    assert [run.wait() for run in runs] == [0, 0]
    names = list(read_index(tmp_path)["name"])
    assert names == sorted(f"{prefix}-{k:03d}" for prefix in ("03", "04") for k in range(100))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.csv"]  # no lock file beside the figures
