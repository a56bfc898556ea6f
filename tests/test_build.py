"""The build as a whole: the data contract, determinism and stable ids."""

import re
from collections import Counter

from corpus import CORPUS, build_corpus, store_snapshot

from analysis.base.tables import COLUMNS, load
from analysis.parse.agenda import outline
from analysis.parse.clean import clean
from analysis.parse.header import parse_header

REQUIRED = {
    "meetings": [
        "meeting_id",
        "date",
        "kind",
        "title",
        "chair",
        "minute_taker",
        "case_number",
        "source_file",
        "sha256",
    ],
    "attendees": ["meeting_id", "name", "role", "organisation", "status"],
    "agenda": ["meeting_id", "item_no", "title", "presenters", "organisations"],
    "segments": [
        "segment_id",
        "meeting_id",
        "paragraph_no",
        "sentence_no",
        "section",
        "speaker",
        "organisation",
        "text",
    ],
}


def test_tables_carry_the_contract_columns_in_order(built) -> None:
    out, _ = built
    for name, required in REQUIRED.items():
        header = (out / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header[: len(required)] == required
        assert header == COLUMNS[name]


def test_no_nan_or_none_text_in_any_table(built) -> None:
    out, _ = built
    for name in REQUIRED:
        table = load(name, out)
        for column in table.columns:
            assert not table[column].astype(str).isin(["nan", "None", "NaN"]).any(), (name, column)


def test_rebuild_is_byte_identical(built, tmp_path, monkeypatch) -> None:
    """A second build that really refits the topic models (no cache) gives the same bytes."""
    first, _ = built
    second = tmp_path / "again"
    monkeypatch.delenv("ANALYSIS_TOPIC_CACHE", raising=False)
    build_corpus(CORPUS, second, cache=False)
    assert store_snapshot(first) == store_snapshot(second)


def test_segment_ids_are_unique_and_derived_from_position(segments) -> None:
    assert segments["segment_id"].is_unique
    first = segments.iloc[0]
    assert first["segment_id"] == f"{first['meeting_id']}-p001-s01"


def test_segment_ids_survive_adding_another_document(built, raw_copy, tmp_path) -> None:
    from analysis.ingest.manifest import add_document

    extra = tmp_path / "0000-01-01_tidlig.txt"
    extra.write_text("Dato: 1. januar 2000\n\nTil stede: Ola Nordmann, NAV\n\nOla Nordmann sa hei.\n", encoding="utf-8")
    add_document(extra, raw_copy)
    result = build_corpus(raw_copy, tmp_path / "out", analyses=False)
    before = built[1].tables["segments"]
    after = result.tables["segments"]
    kept = after[after["meeting_id"].isin(before["meeting_id"])].reset_index(drop=True)
    assert kept["segment_id"].tolist() == before["segment_id"].tolist()


def test_sentence_counts_match_the_documents(built) -> None:
    meetings = built[1].tables["meetings"]
    segments = built[1].tables["segments"]
    counts = segments.groupby("meeting_id").size().to_dict()
    for _, row in meetings.iterrows():
        assert int(row["n_segments"]) == counts[row["meeting_id"]]


def test_segmentation_loses_no_body_text(minutes_text, segments) -> None:
    """Sentences + header + headings hold exactly the words of the cleaned minutes."""
    cleaned = clean(minutes_text).paragraphs
    header = parse_header(cleaned)
    blocks = outline(cleaned[header.body_start :], header.people)
    outside_segments = cleaned[: header.body_start] + [b.text for b in blocks if b.kind != "text"]
    sentences = segments[segments["meeting_id"] == "2019-12-06_kontaktutvalget_referat"]["text"]
    words = lambda texts: Counter(w for t in texts for w in re.findall(r"\w+", t))  # noqa: E731
    assert words(list(sentences) + outside_segments) == words(cleaned)
