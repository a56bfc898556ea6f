"""Every way a Norwegian document gets saved decodes to the same text; nonsense is refused."""

import random

import pytest
from corpus import CORPUS

from analysis.base.errors import InputError
from analysis.ingest.encoding import decode, reads_as_text

TEXT = (CORPUS / "2019-12-06_kontaktutvalget_referat.txt").read_text(encoding="utf-8")
PLAIN = TEXT.replace("\u0435", "e").replace("\u0432", "v")  # the Cyrillic letters cannot go into 8-bit code pages


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("utf-8", PLAIN.encode("utf-8"), "utf-8"),
        ("utf-8 with BOM", PLAIN.encode("utf-8-sig"), "utf-8 with BOM"),
        ("utf-16 with BOM", PLAIN.encode("utf-16"), "utf-16"),
        ("utf-16-le without BOM", PLAIN.encode("utf-16-le"), "utf-16-le"),
        ("utf-16-be without BOM", PLAIN.encode("utf-16-be"), "utf-16-be"),
        ("windows-1252", PLAIN.encode("cp1252"), "cp1252"),
        ("windows-1252 with CRLF", PLAIN.replace("\n", "\r\n").encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_decode_to_the_same_text(name: str, data: bytes, expected: str) -> None:
    decoded = decode(data, name)
    assert decoded.text == PLAIN
    assert decoded.encoding == expected
    assert "Olav Strømmen" in decoded.text and "Bjertnæs" in decoded.text


def test_latin1_keeps_norwegian_letters() -> None:
    sample = "Til stede: Olav Strømmen, Velferdsalliansen\nBjertnæs på møtet om sårbare overganger.\n" * 5
    assert decode(sample.encode("latin-1"), "x").text == sample


def test_mojibake_is_repaired_and_reported() -> None:
    broken = PLAIN.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    assert "StrÃ¸mmen".encode() in broken
    decoded = decode(broken, "x")
    assert decoded.repaired_mojibake and "Olav Strømmen" in decoded.text and "Ã" not in decoded.text


def test_clean_text_is_not_marked_repaired() -> None:
    assert not decode(PLAIN.encode("utf-8"), "x").repaired_mojibake


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "file is empty"),
        (b"  \r\n\t ", "file is empty"),
        (b"%PDF-1.7\n\x00\x01\x02\x03binary", "file is binary"),
        (bytes(random.Random(3).randrange(1, 256) for _ in range(4000)), "does not read as any language"),
        (bytes(random.Random(4).randrange(32, 127) for _ in range(4000)), "does not read as any language"),
    ],
)
def test_bad_bytes_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as error:
        decode(data, "dok.txt")
    assert error.value.line().startswith("dok.txt: ") and message in error.value.line()


def test_short_texts_and_english_read_as_text() -> None:
    assert reads_as_text("Strømmen")
    assert reads_as_text("The meeting discussed wage subsidies and training for people outside the labour market. " * 3)


def test_over_long_letter_runs_are_left_out_of_the_language_sample() -> None:
    """Minutes with an embedded blob of letters (an exported signature, a mangled link) still read as text:
    the sample of words that must be known skips runs longer than any word."""
    blob = " ".join(["QmFzZVNpeHRGbVckVuYkZWRTaWduYXRcmVCbGiRGFYQ"] * 30)
    text = " ".join([f"Vi snakket om arbeid og inkludering i kommunen. {blob}"] * 40)
    assert reads_as_text(text)
    assert not reads_as_text(text.replace("Vi snakket om arbeid og inkludering i kommunen.", "Xq zv."))
