"""Run the pipeline over the raw folder and swap the new tables in only when all succeeded."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.agreement import HAND_CODES_PATH, agreement_table, hand_codes_by_coder, read_hand_codes
from analysis.atomic import replaced_directory
from analysis.codebook import CODEBOOK_PATH, Codebook, load_codebook
from analysis.coding import code_segments, themes_by_segment
from analysis.document import ParsedDocument, parse_document
from analysis.ingest import load_documents
from analysis.manual_codes import MANUAL_CODES_PATH, apply_manual_codes, read_manual_codes
from analysis.paths import PROCESSED_DIR, RAW_DIR
from analysis.tables import frame, write_table


@dataclass
class BuildResult:
    tables: dict[str, pd.DataFrame]
    warnings: list[str] = field(default_factory=list)


def rows_of(parsed: list[ParsedDocument]) -> dict[str, list[dict[str, object]]]:
    """Flatten per-document records into per-table rows."""
    rows: dict[str, list[dict[str, object]]] = {"meetings": [], "attendees": [], "agenda": [], "segments": []}
    for doc in parsed:
        meeting_id = doc.meeting["meeting_id"]
        rows["meetings"].append(doc.meeting)
        for number, person in enumerate(doc.people, 1):
            rows["attendees"].append(
                {
                    "meeting_id": meeting_id,
                    "name": person.name,
                    "role": person.role,
                    "organisation": person.organisation,
                    "status": person.status,
                    "attendee_no": number,
                }
            )
        for order, entry in enumerate(doc.agenda):
            rows["agenda"].append(
                {
                    "meeting_id": meeting_id,
                    "item_no": entry.item_no,
                    "title": entry.title,
                    "presenters": "; ".join(entry.presenters),
                    "organisations": "; ".join(o for o in entry.organisations if o),
                    "kind": entry.kind,
                    "parent_item": entry.parent_item,
                    "order": order,
                }
            )
        rows["segments"].extend(vars(segment) for segment in doc.segments)
    return rows


def code_tables(
    segments: pd.DataFrame,
    codebook: Codebook,
    manual_path: Path | None,
    hand_path: Path | None,
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """codes.csv (automatic pass, then manual corrections) and agreement.csv (automatic vs hand)."""
    auto = code_segments(segments, codebook)
    manual = read_manual_codes(manual_path, set(segments["segment_id"]), codebook.ids) if manual_path else []
    codes, warnings = apply_manual_codes(auto, manual)
    tables = {"codes": frame("codes", codes.to_dict("records"), order=_code_order(segments, codebook))}
    if hand_path and Path(hand_path).is_file():
        hand = read_hand_codes(hand_path, segments, codebook.ids)
        rows = []
        for coder, coded in sorted(hand_codes_by_coder(hand).items()):
            ids = [s for s in segments["segment_id"] if s in coded]
            table = agreement_table(themes_by_segment(auto, ids), coded, ids, codebook.ids)
            rows.append(table.assign(coder=coder))
        tables["agreement"] = frame("agreement", pd.concat(rows).to_dict("records"))
    return tables, warnings


def _code_order(segments: pd.DataFrame, codebook: Codebook) -> dict[str, dict[str, int]]:
    return {
        "segment_id": {s: i for i, s in enumerate(segments["segment_id"])},
        "theme": {t: i for i, t in enumerate(codebook.ids)},
    }


def build(
    raw_dir: Path = RAW_DIR,
    out_dir: Path = PROCESSED_DIR,
    *,
    codebook_path: Path = CODEBOOK_PATH,
    manual_path: Path | None = MANUAL_CODES_PATH,
    hand_path: Path | None = HAND_CODES_PATH,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Ingest → clean → parse → segment → code for every document, then write all tables at once.

    Every input (documents, codebook, manual codes, hand codes) is read and
    checked before anything is written, and the tables are written into a
    staging folder that replaces `out_dir` in one rename: a failed build
    leaves the previous tables exactly as they were.
    """
    codebook = load_codebook(codebook_path)
    documents = load_documents(raw_dir)
    parsed = []
    for number, document in enumerate(documents, 1):
        if progress:
            progress(f"[{number}/{len(documents)}] {document.entry.file}")
        parsed.append(parse_document(document))
    tables = {name: frame(name, rows) for name, rows in rows_of(parsed).items()}
    coded, code_warnings = code_tables(tables["segments"], codebook, manual_path, hand_path)
    tables.update(coded)
    with replaced_directory(out_dir) as staging:
        for name, table in tables.items():
            write_table(table, name, staging)
    return BuildResult(tables, [w for doc in parsed for w in doc.warnings] + code_warnings)
