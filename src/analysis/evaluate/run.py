"""`analysis evaluate`: parse a folder of documents (or read the current build) and score it against a gold file."""

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pandas as pd

from analysis.base.atomic import write_text_atomic
from analysis.base.config import CODEBOOK_PATH, GOLD_PATH, PROCESSED_DIR, REGISTER_PATH, REPORTS_DIR, display_path
from analysis.base.errors import InputError
from analysis.base.markers import between, with_block
from analysis.base.tables import frame, load, to_csv_text
from analysis.coding.codebook import load_codebook
from analysis.coding.masking import name_mask
from analysis.evaluate.coding import CodingEvaluation, read_coding_gold, score_coding, validity_markdown
from analysis.evaluate.gold import GoldDocument, read_gold
from analysis.evaluate.score import Evaluation, parsed_from_tables, score, scores_markdown
from analysis.ingest.documents import ingest
from analysis.ingest.manifest import ManifestEntry, sha256_of
from analysis.parse.document import ParsedDocument, parse_document
from analysis.pipeline.build import rows_of
from analysis.publish.words import text

TABLES = ("meetings", "attendees", "agenda", "segments")


def parse_folder(gold: list[GoldDocument], docs: Path) -> list[ParsedDocument]:
    """Parse every gold document in `docs` as the build would, its kind taken from the gold; nothing registered."""
    docs = Path(docs)
    parsed = []
    for document in gold:
        path = docs / document.file
        entry = ManifestEntry(file=document.file, sha256=sha256_of(path), kind=document.kind)
        parsed.append(parse_document(ingest(docs, entry)))
    return parsed


def parsed_tables(parsed: list[ParsedDocument]) -> dict[str, pd.DataFrame]:
    return {name: frame(name, rows) for name, rows in rows_of(parsed).items()}


def check_folder(gold: list[GoldDocument], docs: Path) -> None:
    """Every gold document is in the folder, before anything is parsed."""
    if not Path(docs).is_dir():
        raise InputError(display_path(docs), "is not a folder", "pass the folder that holds the gold file's documents")
    for document in gold:
        path = Path(docs) / document.file
        if not path.is_file():
            raise InputError(
                display_path(path), "is in the gold file but not in the folder", "fix the gold entry or add the file"
            )


def built_tables(processed: Path) -> dict[str, pd.DataFrame]:
    """The current build's tables."""
    try:
        return {name: load(name, processed) for name in TABLES}
    except FileNotFoundError as error:
        raise InputError(display_path(processed), str(error), "run `analysis build` first") from None


def evaluate(
    gold_path: Path,
    docs: Path | None = None,
    processed: Path = PROCESSED_DIR,
    progress: Callable[[str], None] | None = None,
) -> Evaluation:
    """Score the parse of the gold file's documents: a temporary parse of `docs`, or else the current build.

    Against the build, a gold document that is not in it (removed, or the
    gold file describes another corpus) is left out and named in
    `Evaluation.left_out`, as hand codes of documents not in the build are:
    the scores are of the documents that are there.
    """
    gold = read_gold(gold_path, need_kind=docs is not None)
    left_out: tuple[str, ...] = ()
    if docs is not None:
        check_folder(gold, docs)
        tables = parsed_tables(parse_folder(gold, docs))
    else:
        tables = built_tables(processed)
        built = set(tables["meetings"]["source_file"])
        left_out = tuple(document.file for document in gold if document.file not in built)
        gold = [document for document in gold if document.file in built]
    if progress:
        where = display_path(docs) if docs is not None else f"the build in {display_path(processed)}"
        progress(f"scoring {len(gold)} documents of {where} against {display_path(gold_path)}")
    return replace(score(gold, parsed_from_tables(tables)), left_out=left_out)


def evaluate_coding(
    coding_gold: Path,
    gold_path: Path,
    docs: Path,
    codebook_path: Path = CODEBOOK_PATH,
    register_path: Path = REGISTER_PATH,
    progress: Callable[[str], None] | None = None,
) -> CodingEvaluation:
    """Score the theme coder on the coding gold's sentences of `docs`; kinds and off-topic controls from the gold."""
    codebook = load_codebook(codebook_path)
    sentences = read_coding_gold(coding_gold, codebook.ids)
    gold = read_gold(gold_path, need_kind=True)
    check_folder(gold, docs)
    if progress:
        progress(f"parsing {len(gold)} documents of {display_path(docs)}")
    return score_coding(
        sentences, gold, parse_folder(gold, docs), codebook, name_mask(codebook, register_path), progress
    )


def write_evaluation(evaluation: Evaluation, out: Path, misses: Path | None = None) -> list[Path]:
    """The per-field scores (numbers only, no document text) and, where asked, the misses."""
    write_text_atomic(Path(out), to_csv_text(evaluation.summary))
    written = [Path(out)]
    if misses is not None:
        write_text_atomic(Path(misses), to_csv_text(evaluation.misses))
        written.append(Path(misses))
    return written


def write_coding_evaluation(evaluation: CodingEvaluation, out: Path, misses: Path | None = None) -> list[Path]:
    """Scores per theme (`out`), the measures beside them (`…-summary.csv`), and where asked the disagreements."""
    out = Path(out)
    summary = out.with_name(f"{out.stem}-summary{out.suffix}")
    write_text_atomic(out, to_csv_text(evaluation.agreement))
    write_text_atomic(summary, to_csv_text(evaluation.summary))
    written = [out, summary]
    if misses is not None:
        write_text_atomic(Path(misses), to_csv_text(evaluation.misses))
        written.append(Path(misses))
    return written


README_BEGIN = "<!-- coding-validity: written by `make evaluate-devset`, do not edit by hand -->"
README_END = "<!-- /coding-validity -->"


def with_validity_block(readme: str, block: str) -> str:
    """The README with the text between its coding-validity markers replaced by `block`."""
    return with_block(readme, README_BEGIN, README_END, block)


def readme_validity_block(readme: str) -> str:
    """What the README says between its coding-validity markers."""
    return between(readme, README_BEGIN, README_END)


SCORES_BEGIN = "<!-- parse-scores: written by `make evaluate-devset`, do not edit by hand -->"
SCORES_END = "<!-- /parse-scores -->"
DEVSET_LABEL = "development corpus (real documents nobody here wrote, `../shared/devset`)"
BUNDLED_LABEL = "the bundled documents (`data/gold.json`)"


def parse_scores_block(devset: pd.DataFrame, bundled: pd.DataFrame | None) -> str:
    """The README's parse scores: the devset's summary, then the build's against `data/gold.json` where it has one."""
    rows = [(DEVSET_LABEL, devset)] + ([(BUNDLED_LABEL, bundled)] if bundled is not None else [])
    return scores_markdown(rows)


def bundled_scores(processed: Path = PROCESSED_DIR, gold: Path = GOLD_PATH) -> pd.DataFrame | None:
    """The build's parse scores against the project's gold file, computed now: never a score file that a later
    `make evaluate` of another corpus may have overwritten. None without a gold file."""
    return evaluate(gold, processed=processed).summary if Path(gold).is_file() else None


def readme_scores_block(readme: str) -> str:
    """What the README says between its parse-scores markers."""
    return between(readme, SCORES_BEGIN, SCORES_END)


def update_readme(
    readme: Path, evaluation: CodingEvaluation, codebook_path: Path, processed: Path, parse_scores: pd.DataFrame
) -> Path:
    """Write the parse and coding scores of the devset and the bundled documents into the README, from the tables.

    `parse_scores` is the devset's parse summary this run computed; the
    bundled documents' is scored against the build now.
    """
    try:
        bundled = load("agreement", processed)
    except FileNotFoundError as error:
        raise InputError(display_path(processed), str(error), "run `analysis build` first") from None
    block = validity_markdown(bundled, evaluation.agreement, evaluation.summary, load_codebook(codebook_path))
    scores = parse_scores_block(parse_scores, bundled_scores(processed))
    text_now = with_validity_block(readme.read_text(encoding="utf-8"), block)
    write_text_atomic(readme, with_block(text_now, SCORES_BEGIN, SCORES_END, scores, display_path(readme)))
    return readme


def coding_validity(processed: Path = PROCESSED_DIR, reports: Path = REPORTS_DIR, lang: str = "en") -> str:
    """What notebook 02 says about the coding: the build's agreement beside the committed development-set scores."""
    devset, summary = reports / "coding-devset.csv", reports / "coding-devset-summary.csv"
    if not (devset.is_file() and summary.is_file()):
        return text("validity_missing", lang, path=display_path(devset))
    return validity_markdown(
        load("agreement", processed),
        pd.read_csv(devset),
        pd.read_csv(summary, dtype=str, keep_default_na=False),
        load_codebook(),
        lang,
    )
