"""Decode a document's bytes whatever tool saved them, and refuse what is not text.

Order of trust: a byte-order mark; strict UTF-8; UTF-16 without a mark
(recognised by its zero bytes); then the 8-bit code pages Norwegian
documents are actually saved in (Windows-1252, ISO-8859-1/-15), chosen by
`charset-normalizer` among those only, since an unconstrained guess calls a
short Latin-1 file Baltic. Mojibake from a wrong decode somewhere upstream
("StrÃ¸mmen") is repaired with `ftfy`. Text that still does not read as a
language is refused rather than parsed into nonsense.
"""

import codecs
import re
import string
import unicodedata
from dataclasses import dataclass

import ftfy
from charset_normalizer import from_bytes

from analysis.base.errors import InputError
from analysis.language.norwegian import STOP_WORDS, known_in

EIGHT_BIT = ["cp1252", "iso8859_15", "latin_1"]
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
KNOWN_LANGUAGES = ("nb", "nn", "en")  # each dictionary costs a second to load; these three suffice here
MIN_WORDS_FOR_LANGUAGE_CHECK = 20
MIN_KNOWN_SHARE = 0.3
MAX_CONTROL_SHARE = 0.01
MIN_ASCII_LETTER_SHARE = 0.7
MAX_WORD_LENGTH = 40
WORD_SAMPLE = 300
# characters that only turn up in Norwegian text when UTF-8 was decoded as Latin-1 or Windows-1252
_MOJIBAKE_HINT = re.compile("[ÃÂ][\u0080-\u00bf]|â€")
# æ, ø, å (and Æ, Ø) saved by an old Mac (Mac Roman) and read as Windows-1252: "frŒ Œrsm¿te" for "frå årsmøte".
# Inside a word, between letters, these signs are no Norwegian; ftfy leaves one-byte mistakes like this alone.
_MAC_ROMAN_HINT = re.compile(r"(?<=[A-Za-z])[Œ¿¾]|[Œ¿¾¯®](?=[a-z])")
_NORWEGIAN_LETTERS = re.compile("[æøåÆØÅ]")
MIN_MAC_ROMAN_HINTS = 3
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    repaired_mojibake: bool


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has a zero in every other byte for Latin letters; pick the side the zeros are on."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) / 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


_ASCII_LETTERS = bytes(string.ascii_letters, "ascii")


def _control_share(text: str, characters: set[str]) -> float:
    controls = sum(
        text.count(c)
        for c in characters
        if c == "\ufffd" or (unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn") and c not in "\n\r\t\f")
    )
    return controls / max(1, len(text))


def _enough_known(sample: list[str]) -> bool:
    """At least MIN_KNOWN_SHARE of the sample known in one of the languages, taken one at a time.

    Norwegian stop words are tried first, then one dictionary after the
    other; a dictionary is loaded (a second each) only when what came
    before did not suffice, so registering an ordinary Norwegian document
    with `analysis add` loads none.
    """
    known = set(sample) & STOP_WORDS  # Norwegian function words alone carry most texts past the bar
    if sum(word in known for word in sample) / len(sample) >= MIN_KNOWN_SHARE:
        return True
    for lang in KNOWN_LANGUAGES:
        known |= {word for word in set(sample) - known if known_in(word, lang)}
        if sum(word in known for word in sample) / len(sample) >= MIN_KNOWN_SHARE:
            return True
    return False


def reads_as_text(text: str) -> bool:
    """Few control characters, mostly plain Latin letters, and words a dictionary of a nearby language knows.

    Norwegian, with æ, ø and å, is still over 90 % ASCII letters; bytes
    decoded with the wrong table, or no text at all, are not.
    """
    characters = set(text)  # each distinct character is looked at once; counting is done by C loops
    if _control_share(text, characters) > MAX_CONTROL_SHARE:
        return False
    other_letters = sum(text.count(c) for c in characters if c.isalpha() and not c.isascii())
    encoded = text.encode("ascii", "replace")
    ascii_letters = len(encoded) - len(encoded.translate(None, _ASCII_LETTERS))
    letters = ascii_letters + other_letters
    if letters and ascii_letters / letters < MIN_ASCII_LETTER_SHARE:
        return False
    words = [w for w in _WORD.findall(text) if len(w) <= MAX_WORD_LENGTH]
    if len(words) < MIN_WORDS_FOR_LANGUAGE_CHECK:
        return len(text) < 1000 and (bool(words) or not text.strip())
    sample = words[:: max(1, len(words) // WORD_SAMPLE)][:WORD_SAMPLE]  # spread over the document
    return _enough_known([w.lower() for w in sample])


def _decode_bytes(data: bytes) -> tuple[str, str] | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", " with BOM")
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:  # no text encoding but UTF-16/32 puts zero bytes in a Norwegian text
        encoding = _utf16_without_bom(data)
        if encoding is None:
            return None
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=EIGHT_BIT).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return data.decode("latin_1"), "latin_1"


def decode(data: bytes, where: str) -> Decoded:
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError(where, "file is empty", "replace it with the document's real text")
    decoded = _decode_bytes(data)
    if decoded is None:
        raise InputError(
            where,
            "file is binary, not text (it has zero bytes and is not UTF-16)",
            "export the document as text (PDF and Word files need conversion first)",
        )
    text, encoding = decoded
    text = from_mac_roman(text)  # before the language check: "Œrsm¿te" reads as no language
    if text != decoded[0] and encoding in (*EIGHT_BIT, "latin_1"):
        encoding = "mac_roman"  # the file's own bytes were Mac Roman, not a mistake upstream
    if not reads_as_text(text):
        raise InputError(
            where,
            f"decodes ({encoding}) to text that does not read as any language",
            "check that the file is the document itself, saved as text",
        )
    repaired = ftfy.fix_encoding(text) if _MOJIBAKE_HINT.search(text) else text
    text = repaired.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding, repaired != decoded[0])


def from_mac_roman(text: str) -> str:
    """Text an old Mac saved (Mac Roman) that was read as Windows-1252 or Latin-1, read again as Mac Roman:
    only when it has no æ, ø or å of its own and at least MIN_MAC_ROMAN_HINTS signs standing for them."""
    if _NORWEGIAN_LETTERS.search(text) or len(_MAC_ROMAN_HINT.findall(text)) < MIN_MAC_ROMAN_HINTS:
        return text
    for table in ("cp1252", "latin_1"):
        try:
            return text.encode(table).decode("mac_roman")
        except UnicodeError:
            continue
    return text
