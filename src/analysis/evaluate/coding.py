"""Score the theme coder against sentences two people coded blind (a coding gold file), on documents it never saw.

The gold's sentence split is a reader's, not the parser's, so a gold sentence
is matched to the parser's sentences by text: equal to one, inside one, or
containing one or more. Its automatic themes are the union of theme codes of
the sentences it matches; a gold sentence no parsed sentence matches (a
header line the parser keeps out of the sentences) is coded as it stands, in
its document's context, and counted, so the score measures the coder and the
count says how often the split differed. The same agreement table as for the
project's own hand codes (`analysis.coding.agreement`) makes the two scores
comparable, and the share of sentences coded in off-topic documents says how
much noise a researcher's unrelated minutes would add.
"""

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.base.config import display_path
from analysis.base.errors import InputError
from analysis.base.handfiles import SAVE_AS_CSV, read_csv_text
from analysis.coding.agreement import MIN_JUDGED, agreement_table, trusted_rows
from analysis.coding.codebook import Codebook
from analysis.coding.coder import Coder
from analysis.coding.masking import NameMask
from analysis.evaluate.gold import GoldDocument
from analysis.parse.document import ParsedDocument
from analysis.pipeline.workers import code_document
from analysis.publish.findings import decimal, percent
from analysis.publish.words import text

GOLD_COLUMNS = ("doc", "sentence_id", "themes", "sentence")
# a parsed sentence this short inside a gold sentence is too common ("Ja.") to tie the two together by itself
MIN_CONTAINED = 12
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class GoldSentence:
    doc: str
    sentence_id: str
    themes: frozenset[str]
    text: str

    @property
    def key(self) -> str:
        return f"{self.doc}#{self.sentence_id}"


@dataclass(frozen=True)
class CodingEvaluation:
    agreement: pd.DataFrame  # agreement_table columns: a row per theme, then micro and macro
    summary: pd.DataFrame  # measure, value: sentences, matching, off-topic coding, the codebook scored
    misses: pd.DataFrame  # doc, sentence_id, gold, coded, evidence, sentence: every disagreement


def _match_key(text: str) -> str:
    """Letters and digits only, lower-cased: a gold sentence keeps Markdown and '\\n' escapes the parse removes."""
    return " ".join(_NOT_WORD.sub(" ", text.replace("\\n", " ")).lower().split())


def read_coding_gold(path: Path, theme_ids: list[str]) -> list[GoldSentence]:
    """Every coded sentence of the file, each theme known to the codebook, or one line naming the first bad row."""
    path = Path(path)
    shown = display_path(path)
    if not path.is_file():
        raise InputError(shown, "no such coding gold file", "pass a CSV with columns doc,sentence_id,themes,sentence")
    reader = csv.DictReader(io.StringIO(read_csv_text(path, GOLD_COLUMNS)))
    try:
        rows = list(reader)
    except csv.Error as error:
        raise InputError(shown, f"is not a CSV file ({error})", SAVE_AS_CSV) from None
    known, sentences, seen = set(theme_ids), [], set()
    for line_no, row in enumerate(rows, start=2):
        at = f"{shown}:{line_no}"
        doc, sentence_id, text = (row[c] or "" for c in ("doc", "sentence_id", "sentence"))
        if not doc.strip() or not sentence_id.strip() or not text.strip():
            raise InputError(at, "doc, sentence_id or sentence is empty", "fill all three")
        themes = frozenset(t.strip() for t in (row["themes"] or "").split(";") if t.strip())
        unknown = sorted(themes - known)
        if unknown:
            raise InputError(at, f"theme {unknown[0]!r} is not in the codebook", "use the codebook's theme ids")
        sentence = GoldSentence(doc.strip(), sentence_id.strip(), themes, text)
        if sentence.key in seen:
            raise InputError(at, f"{doc} {sentence_id} appears twice", "keep one row per sentence")
        seen.add(sentence.key)
        sentences.append(sentence)
    if not sentences:
        raise InputError(shown, "holds no sentences", "add coded sentences")
    return sentences


def _segment_matches(gold: str, segments: list[tuple[str, str]]) -> list[str]:
    """Ids of the parsed sentences the gold sentence equals, lies inside, or contains."""
    if not gold:  # a rule or a line of symbols: nothing to match by
        return []
    return [
        sid
        for sid, key in segments
        if key and (key == gold or gold in key or (len(key) >= MIN_CONTAINED and key in gold))
    ]


def code_gold_sentences(
    sentences: list[GoldSentence], parsed: list[ParsedDocument], coder: Coder, mask: NameMask
) -> tuple[dict[str, set[str]], dict[str, str], int]:
    """Each gold sentence's automatic themes and evidence, and how many had to be coded as they stand."""
    by_file = {document.meeting["source_file"]: document for document in parsed}
    auto: dict[str, set[str]] = {}
    evidence: dict[str, str] = {}
    unmatched = 0
    coded = {file: code_document(document, coder, mask) for file, document in by_file.items()}
    for sentence in sentences:
        document = by_file[sentence.doc]
        codes = coded[sentence.doc]
        keys = [(s.segment_id, _match_key(s.text)) for s in document.segments]
        ids = set(_segment_matches(_match_key(sentence.text), keys))
        if ids:
            found = [(theme, words) for sid, theme, words in codes if sid in ids]
        else:
            unmatched += 1
            found = [(theme, words) for _, theme, words in code_document(document, coder, mask, [sentence.text])]
        auto[sentence.key] = {theme for theme, _ in found}
        evidence[sentence.key] = "; ".join(f"{theme}: {words}" for theme, words in found)
    return auto, evidence, unmatched


def off_topic_share(parsed: list[ParsedDocument], off_topic: set[str], coder: Coder, mask: NameMask) -> tuple[int, int]:
    """Sentences of the off-topic documents, and how many of them got a theme."""
    total = coded = 0
    for document in parsed:
        if document.meeting["source_file"] in off_topic:
            total += len(document.segments)
            coded += len({sid for sid, _, _ in code_document(document, coder, mask)})
    return total, coded


def score_coding(
    sentences: list[GoldSentence],
    gold: list[GoldDocument],
    parsed: list[ParsedDocument],
    codebook: Codebook,
    mask: NameMask,
    progress: Callable[[str], None] | None = None,
) -> CodingEvaluation:
    """The coder against the gold sentences, theme by theme, and its noise on off-topic documents."""
    files = {document.file for document in gold}
    for sentence in sentences:
        if sentence.doc not in files:
            raise InputError(sentence.doc, "is in the coding gold but not in the gold file", "add it to the gold file")
    coder = Coder(codebook)
    if progress:
        progress(f"coding {len(sentences)} gold sentences of {len(files)} documents")
    auto, evidence, unmatched = code_gold_sentences(sentences, parsed, coder, mask)
    hand = {s.key: set(s.themes) for s in sentences}
    keys = [s.key for s in sentences]
    agreement = agreement_table(auto, hand, keys, codebook.ids).drop(columns=["cohen_kappa", "krippendorff_alpha"])
    off_topic = {document.file for document in gold if document.in_domain is False}
    total, coded = off_topic_share(parsed, off_topic, coder, mask)
    micro = agreement.set_index("theme").loc["micro"]
    summary = pd.DataFrame(
        [
            ("documents", len({s.doc for s in sentences})),
            ("gold_sentences", len(sentences)),
            ("gold_sentences_coded_as_they_stand", unmatched),
            ("micro_f1", round(float(micro["f1"]), 3)),
            ("off_topic_documents", len(off_topic)),
            ("off_topic_sentences", total),
            ("off_topic_sentences_coded", coded),
            ("off_topic_share_coded", round(coded / total, 3) if total else ""),
            ("codebook_version", codebook.version),
            ("codebook_date", codebook.date),
            ("codebook_sha256", codebook.sha256[:16]),
        ],
        columns=["measure", "value"],
    )
    misses = [
        {
            "doc": s.doc,
            "sentence_id": s.sentence_id,
            "gold": ";".join(sorted(s.themes)),
            "coded": ";".join(sorted(auto[s.key])),
            "evidence": evidence[s.key],
            "sentence": " ".join(s.text.replace("\\n", " ").split()),
        }
        for s in sentences
        if auto[s.key] != set(s.themes)
    ]
    columns = ["doc", "sentence_id", "gold", "coded", "evidence", "sentence"]
    return CodingEvaluation(agreement, summary, pd.DataFrame(misses, columns=columns))


def _f1_cell(row: pd.Series, lang: str) -> str:
    n, coded = int(float(row["n_hand"])), int(float(row["n_auto"]))
    if n == 0:
        return text("validity_none_hand", lang, coded=coded) if coded else "–"
    return f"{decimal(float(row['f1']), lang)} ({n})" if n >= MIN_JUDGED else text("validity_too_few", lang, n=n)


def validity_markdown(
    bundled: pd.DataFrame,
    devset: pd.DataFrame,
    devset_summary: pd.DataFrame,
    codebook: Codebook,
    lang: str = "en",
) -> str:
    """The coder's score on the documents its codebook was written from beside its score on unseen ones.

    `bundled` is an agreement table (`agreement.csv`; the pooled block if
    there are several coders, else the one coder), `devset` and `devset_summary` are what `analysis evaluate --coding`
    wrote for the development set. Every number comes from these tables, so
    the notebook and the README say the same and change with them.
    """
    measures = dict(devset_summary.itertuples(index=False))
    own = trusted_rows(bundled).set_index("theme")
    if own.empty:
        return text("validity_no_hand_codes", lang)
    coder = str(own["coder"].iloc[0])
    unseen = devset.set_index("theme")
    off_share = float(measures["off_topic_share_coded"] or 0)
    lines = [
        text(
            "validity_head",
            lang,
            version=codebook.version or "?",
            date=codebook.date or text("no_date", lang),
            n_own=int(own.loc["micro", "n_sentences"]),
            coder=coder,
            f1_own=decimal(float(own.loc["micro", "f1"]), lang, 3),
            n_unseen=int(measures["gold_sentences"]),
            documents=int(measures["documents"]),
            f1_unseen=decimal(float(measures["micro_f1"]), lang, 3),
            off_coded=int(measures["off_topic_sentences_coded"]),
            off=int(measures["off_topic_sentences"]),
            off_share=percent(off_share, lang),
            off_documents=int(measures["off_topic_documents"]),
        )
    ]
    if measures["codebook_sha256"] != codebook.sha256[:16]:
        lines.append(
            "\n" + text("validity_stale", lang, version=measures["codebook_version"], date=measures["codebook_date"])
        )
    lines += ["", text("validity_table_head", lang), "|---|---|---|"]
    labels = codebook.labels(lang)
    for theme in codebook.ids:  # a theme added since the development set was scored has no score there yet
        cells = [
            _f1_cell(table.loc[theme], lang) if theme in table.index else text("validity_not_measured", lang)
            for table in (own, unseen)
        ]
        lines.append(f"| {labels[theme]} | {cells[0]} | {cells[1]} |")
    lines.append("\n" + text("validity_min", lang, n=MIN_JUDGED))
    return "\n".join(lines)
