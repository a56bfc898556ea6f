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


def test_a_file_an_old_mac_saved_is_read_as_mac_roman_whether_as_bytes_or_already_misread() -> None:
    text = "Referat frå årsmøte i mållaget. Til stades: Bjørnar Østgård, Åse Ærø og Sigrun Høgetveit Berg.\n" * 3
    raw = decode(text.encode("mac_roman"), "x")  # the file's own bytes
    assert raw.text == text and raw.encoding == "mac_roman" and raw.repaired_mojibake
    no_big_aa = text.replace("Åse", "Ane")  # Mac Roman's Å is a byte Windows-1252 has no letter for
    misread = no_big_aa.encode("mac_roman").decode("cp1252").encode("utf-8")  # "frŒ Œrsm¿te"
    assert "m¿te".encode() in misread
    again = decode(misread, "x")
    assert again.text == no_big_aa and again.encoding == "utf-8" and again.repaired_mojibake
    spanish = "Hola, ¿qué tal? Él dijo: «no sé». Vi snakket spansk på møtet, og alle forsto hva de sa om saken.\n"
    assert decode(spanish.encode("utf-8"), "x").text == spanish  # a text with æ, ø or å of its own is left alone


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
