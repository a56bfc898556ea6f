"""Get the text out of PDF, Word and HTML files; the raw file itself is never changed.

Each format has its reader (`pdf`, `word`, `web`); a table comes out of each as a Markdown table, so the cleaner
reads all of them alike.
"""

from pathlib import Path

from analysis.base.errors import InputError
from analysis.ingest.encoding import Decoded, decode, reads_as_text
from analysis.ingest.filetype import KINDS, check_kind, identify
from analysis.ingest.pdf import pdf_text
from analysis.ingest.web import html_text
from analysis.ingest.word import docx_text

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx", ".html", ".htm"}


def unsupported(suffix: str, data: bytes, where: str) -> InputError:
    """The error for a file type no extractor reads, with what the file is when its bytes tell."""
    kind = identify(data)
    formats = ", ".join(sorted(s for s in SUFFIXES if s))
    if kind is None:
        return InputError(where, f"file type {suffix} is not supported", f"convert it to one of {formats}")
    what, remedy = KINDS[kind]
    return InputError(where, f"file type {suffix} is not supported; the file is {what}", remedy)


def extract(path: Path, data: bytes, where: str) -> Decoded:
    """The document's text by file type; text files are decoded, others extracted.

    The bytes must be what the name says (see `filetype`), so a web page
    saved as .pdf is named as one instead of failing inside the PDF reader.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise unsupported(suffix, data, where)
    if data.strip():
        check_kind(data, suffix, where)
    elif suffix not in TEXT_SUFFIXES:  # an empty text file is refused by `decode`, which knows BOMs and NULs
        raise InputError(where, "file is empty", "replace it with the document's real file")
    if suffix in TEXT_SUFFIXES:
        return decode(data, where)
    extractors = {".pdf": pdf_text, ".docx": docx_text, ".html": html_text, ".htm": html_text}
    text = extractors[suffix](data, where)
    if not text.strip():
        raise InputError(where, "no text found in the document", "check the file, or convert it to text")
    if not reads_as_text(text):
        raise InputError(where, "extracted text does not read as any language", "check the file, or run OCR")
    return Decoded(text.replace("\r\n", "\n"), suffix.lstrip("."), False)
