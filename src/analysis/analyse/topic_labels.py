"""A researcher's own names for topics, which replace the generated "term · term · term" labels."""

import csv
import io
from pathlib import Path

from analysis.base.config import display_path
from analysis.base.errors import InputError
from analysis.base.handfiles import read_csv_text


def read_topic_labels(path: Path) -> dict[tuple[str, int, int], str]:
    """{(model, k, topic_id): label}. Keyed by k too: topic 2 of a 3-topic model is not topic 2 of a 5-topic one."""
    path = Path(path)
    if not path.is_file():
        return {}
    where = display_path(path)
    labels = {}
    reader = csv.DictReader(io.StringIO(read_csv_text(path, ("model", "k", "topic_id", "label"))))
    for line_no, row in enumerate(reader, start=2):
        try:
            key = (row["model"].strip(), int(row["k"]), int(row["topic_id"]))
        except (KeyError, TypeError, ValueError):
            raise InputError(
                f"{where}:{line_no}",
                "needs model, k (a number), topic_id (a number) and label",
                "copy model, k and topic_id from data/processed/topics.csv",
            ) from None
        if not (row.get("label") or "").strip():
            raise InputError(f"{where}:{line_no}", "label is empty", "write the topic's name")
        labels[key] = row["label"].strip()
    return labels
