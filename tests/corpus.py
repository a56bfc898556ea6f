"""The test corpus: copies of the two bundled documents and of the project files that describe them.

Tests never read `data/raw/`, `data/manual_codes.csv` or `data/hand_codes.csv`:
those belong to the researcher, who adds documents and codes to them. The
library is tested on these frozen copies, so a researcher's corpus can never
break `make test` (nbval then validates whatever corpus `make report` last
rendered).
"""

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.pipeline.build import BuildResult

FIXTURES = Path(__file__).parent / "fixtures"
# Set by test_own_compendium.py for the `make test` it runs inside a copy of the compendium.
INSIDE_COMPENDIUM_COPY = "ANALYSIS_INSIDE_COMPENDIUM_TEST"
CORPUS = FIXTURES / "corpus"
PROJECT = FIXTURES / "project"
MINUTES = "2019-12-06_kontaktutvalget_referat.txt"
NEWS = "2018-10_innspillsmote_tiltaksarrangorer_nyhet.txt"
HAND_CODES = PROJECT / "hand_codes.csv"
MANUAL_CODES = PROJECT / "manual_codes.csv"
TOPIC_LABELS = PROJECT / "topic_labels.csv"
# `analysis build` arguments that point it at the test project's codes instead of the researcher's data/ files
PROJECT_ARGUMENTS = ["--manual-codes", str(MANUAL_CODES), "--hand-codes", str(HAND_CODES)]


def build_corpus(raw_dir: Path = CORPUS, out_dir: Path | None = None, **options) -> "BuildResult":
    """`analysis.pipeline.build.build` with the test project's hand codes, manual codes and topic labels.

    Imported here, not at the top: the compendium copy's own test run loads this module without
    building anything, and the build's imports (scikit-learn, pandas) cost it a quarter of a minute.
    """
    from analysis.pipeline.build import build

    options.setdefault("hand_path", HAND_CODES)
    options.setdefault("manual_path", MANUAL_CODES)
    options.setdefault("labels_path", TOPIC_LABELS)
    if out_dir is None:
        raise TypeError("build_corpus needs an output folder")
    return build(raw_dir, out_dir, **options)


def store_snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a built store, partitions included, by its path in the folder: equal means the same bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}
