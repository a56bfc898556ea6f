"""Run the pipeline over the raw folder and swap the new tables in only when all succeeded."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.atomic import replaced_directory
from analysis.document import ParsedDocument, parse_document
from analysis.ingest import load_documents
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


def build(
    raw_dir: Path = RAW_DIR,
    out_dir: Path = PROCESSED_DIR,
    *,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Ingest → clean → parse → segment for every document, then write all tables at once.

    Every document is verified and parsed before anything is written, and
    the tables are written into a staging folder that replaces `out_dir` in
    one rename: a failed build leaves the previous tables exactly as they were.
    """
    documents = load_documents(raw_dir)
    parsed = []
    for number, document in enumerate(documents, 1):
        if progress:
            progress(f"[{number}/{len(documents)}] {document.entry.file}")
        parsed.append(parse_document(document))
    tables = {name: frame(name, rows) for name, rows in rows_of(parsed).items()}
    with replaced_directory(out_dir) as staging:
        for name, table in tables.items():
            write_table(table, name, staging)
    return BuildResult(tables, [w for doc in parsed for w in doc.warnings])
