"""The one place that knows where things live and which seed every random draw uses.

No notebook or module hard-codes a path or a seed: they import them from here.
"""

import os
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[3]  # src/analysis/base/config.py → the project
DATA_DIR = PROJ_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
MANIFEST_NAME = "manifest.csv"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
NUMBERED_NOTEBOOKS = "[0-9]*.ipynb"  # the notebooks `analysis notebooks` runs, in name order
REPORTS_DIR = PROJ_ROOT / "reports"
FIGURES_DIR = REPORTS_DIR / "figures"
# The researcher's editable inputs and the report: every module and the command line take their defaults from here.
REPORT_PATH = REPORTS_DIR / "report.html"
TOPIC_STOPWORDS_PATH = DATA_DIR / "topic_stopwords.txt"
TOPIC_LABELS_PATH = DATA_DIR / "topic_labels.csv"
HAND_CODES_PATH = DATA_DIR / "hand_codes.csv"
MANUAL_CODES_PATH = DATA_DIR / "manual_codes.csv"
CODEBOOK_PATH = DATA_DIR / "codebook.yml"
REGISTER_PATH = DATA_DIR / "organisations.csv"
# Header labels, group labels, titles and verbs of saying the parser reads documents by.
# ANALYSIS_LAYOUT points a run at another layout file (a variant to try, or a test's).
LAYOUT_PATH = Path(os.environ.get("ANALYSIS_LAYOUT") or DATA_DIR / "layout.yml")
# What a careful reader extracted from some of the researcher's documents: `analysis evaluate` scores the parse on it.
GOLD_PATH = DATA_DIR / "gold.json"
# The two bundled documents, frozen: the tests and the synthetic corpus are made from them, so a
# researcher's own documents in data/raw never change either.
REFERENCE_CORPUS = PROJ_ROOT / "tests" / "fixtures" / "corpus"
FIGURES_ENV = "ANALYSIS_FIGURES_DIR"
LANGUAGE_ENV = "ANALYSIS_LANG"  # the language the notebooks write in (nb or en); `analysis notebooks --lang` sets it
NARRATIVE_PATH = NOTEBOOKS_DIR / "narrative.yml"  # the notebooks' method text, once per language
# Every random draw (bootstrap, topic-model fits, synthetic corpora, samples) starts from this seed, passed explicitly.
RANDOM_STATE = 20191206
# periods on a time axis before a smoothed line is drawn and a change is described (analyse.trends, publish.views)
MIN_TREND_PERIODS = 8


def figures_dir() -> Path:
    """Where `save_figure` writes now: `analysis notebooks` points it at a staging folder.

    The notebooks run in separate kernels, so the staging folder reaches them
    through the environment; a failed run then never touches reports/figures.
    """
    return Path(os.environ.get(FIGURES_ENV) or FIGURES_DIR)


def readable_name(name: str) -> str:
    """A name as a reader can see it: bytes the file system could not decode as UTF-8 shown as '�', so a
    message about the file can be printed and written at all."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def display_path(path: Path) -> str:
    """Paths in messages and generated files are shown relative to the project, never absolute."""
    path = Path(path)
    try:
        shown = path.resolve().relative_to(PROJ_ROOT).as_posix()
    except ValueError:
        try:
            shown = path.resolve().relative_to(Path.cwd()).as_posix()
        except ValueError:
            shown = path.as_posix()
    return readable_name(shown)
