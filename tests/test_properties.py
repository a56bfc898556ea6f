"""Property-based tests: cleaning, sentence splitting and parsing hold for any text, not just ours."""

import os
import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.ingest.documents import RawDocument
from analysis.ingest.manifest import ManifestEntry
from analysis.language.sentences import split_sentences
from analysis.parse.clean import clean, fix_homoglyphs
from analysis.parse.document import parse_document

# Text shaped like minutes: Norwegian words, Cyrillic look-alikes, NBSP, punctuation, line and paragraph breaks,
# Markdown marks, label-like words and numbers.
WORDS = st.sampled_from(
    [
        "Lothe",
        "understrekte",
        "at",
        "lønnstilskudd",
        "f.eks.",
        "bl.a.",
        "5",
        "pst.",
        "6.",
        "desember",
        "1.1.2020",
        "Til stede:",
        "Dato:",
        "Fraværende:",
        "Kopi:",
        "Referent:",
        "1.",
        "Sak",
        "3/24",
        "v/Kari",
        "Nordmann",
        "(NAV)",
        "Hun",
        "Statsråden",
        "hjemmевærende",
        "Fra venstre:",
        "Foto:",
        "–",
        "«sitat»",
        "?",
        "!",
        ".",
        ",",
        "og",
        "**Dato:**",
        "##",
        "-",
        "*",
        "ÆØÅ",
        "æøå",
        "Gruppebilde",
        "sier",
        "mill.",
        "kroner",
        "CV-en",
        "i",
    ]
)
SEPARATORS = st.sampled_from([" ", " ", " ", "\u00a0", "  ", "\n", "\n\n", "\r\n", "\t"])
MINUTES_LIKE = st.lists(st.tuples(WORDS, SEPARATORS), max_size=120).map(lambda pairs: "".join(w + s for w, s in pairs))
PROPERTY = settings(
    derandomize=True,  # the same examples on every run, so CI is reproducible
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")),  # raise it locally for a deeper search
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def words(text: str) -> Counter:
    return Counter(re.findall(r"[^\W_]+", text))


@PROPERTY
@given(MINUTES_LIKE)
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean(text)
    twice = clean("\n\n".join(once.paragraphs))
    assert twice.paragraphs == once.paragraphs


@PROPERTY
@given(st.one_of(MINUTES_LIKE, st.text(max_size=400)))
def test_cleaning_never_drops_a_word(text: str) -> None:
    cleaned = clean(text)
    assert words("\n".join(cleaned.paragraphs + cleaned.captions + cleaned.removed)) == words(fix_homoglyphs(text))


@PROPERTY
@given(st.one_of(MINUTES_LIKE, st.text(max_size=400)))
def test_sentences_join_back_to_the_paragraph(paragraph: str) -> None:
    assert " ".join(split_sentences(paragraph)) == " ".join(paragraph.split())
    assert all(sentence.strip() == sentence and sentence for sentence in split_sentences(paragraph))


@PROPERTY
@given(st.one_of(MINUTES_LIKE, st.text(max_size=600)), st.sampled_from(["minutes", "news", "other"]))
def test_parser_never_raises(text: str, kind: str) -> None:
    entry = ManifestEntry(file="x.txt", sha256="0" * 64, kind=kind)
    parsed = parse_document(RawDocument("x", entry, text))
    assert parsed.meeting["meeting_id"] == "x"
    assert all(s.text for s in parsed.segments)
