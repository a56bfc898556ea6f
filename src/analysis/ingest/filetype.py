"""What a file really is, read from its first bytes, so a file whose name promises something else is refused by name.

Documents reach a researcher under the wrong name more often than one
would think: a download from a ministry's site that returned a web page
under the PDF's name, a Word 97–2003 file renamed to .docx, a PDF saved
as .txt. Without this, each gives a parser's complaint ("EOF marker not
found", "File is not a zip file") or is called "binary"; with it, the
line says what the file is and what to do with it.
"""

import io
import zipfile

from analysis.base.errors import InputError

# what a file is → (how a reader calls it, what to do with a file of that kind)
KINDS: dict[str, tuple[str, str]] = {
    "pdf": ("a PDF", "rename it to .pdf"),
    "docx": ("a Word document (.docx)", "rename it to .docx"),
    "html": ("a web page (HTML)", "rename it to .html, or download the document itself again"),
    "ole": (
        "an old Office file (Word .doc or another Office 97–2003 format)",
        "open it in Word or LibreOffice and save it as .docx",
    ),
    "odt": ("an OpenDocument text (.odt)", "open it in LibreOffice or Word and save it as .docx"),
    "xlsx": ("an Excel workbook", "copy the document's text into a .txt or .docx file"),
    "pptx": ("a PowerPoint presentation", "save it as PDF"),
    "zip": ("a zip archive", "unpack it and add the documents inside"),
    "office": ("an Office file", "save it as .docx or PDF"),
    "damaged_zip": ("a damaged zip archive (a Word document?)", "download or export it again"),
    "rtf": ("rich text (RTF)", "open it in Word or LibreOffice and save it as .docx"),
}
# the kinds each file name accepts; None is "none of the kinds above" (text, or bytes of no known format)
ACCEPTED: dict[str, set[str | None]] = {
    ".pdf": {"pdf"},
    ".docx": {"docx", "office", "damaged_zip"},  # the last two: the Word reader says what is wrong
    ".html": {"html", None},
}
ACCEPTED[".htm"] = ACCEPTED[".html"]
TEXT_ACCEPTS: set[str | None] = {None}

# signatures at the very start; PDF readers also accept a header within the first kilobyte
_MAGIC = ((b"PK\x03\x04", "zip"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"), (b"{\\rtf", "rtf"))
_PDF_HEADER, _PDF_WINDOW = b"%PDF-", 1024
_HTML_STARTS = (b"<!doctype html", b"<html")
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_OFFICE_TYPES = "[Content_Types].xml"  # every Office Open XML package has it
_ZIP_MAIN_PARTS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx"))


def _zip_kind(data: bytes) -> str:
    """A zip archive's document kind by the parts inside.

    An Office package whose main part is not where Word puts it, and an
    archive too damaged to list, are left to the Word reader to judge.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").startswith(_ODT_MIMETYPE):
                return "odt"
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, NotImplementedError):
        return "damaged_zip"
    found = next((kind for part, kind in _ZIP_MAIN_PARTS if part in names), None)
    return found or ("office" if _OFFICE_TYPES in names else "zip")


def identify(data: bytes) -> str | None:
    """The file's kind from its bytes (a key of KINDS), or None for text and bytes of no known format."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return _zip_kind(data) if kind == "zip" else kind
    if _PDF_HEADER in data[:_PDF_WINDOW]:
        return "pdf"
    start = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" if start.startswith(_HTML_STARTS) else None


def check_kind(data: bytes, suffix: str, where: str) -> None:
    """Refuse a file whose bytes are not what its name ends in, saying what it is and what to do.

    A `.txt` or `.md` file is text: a PDF, an Office file, RTF or a saved web
    page under that name would be read as its markup or refused as binary.
    """
    kind = identify(data)
    accepted = ACCEPTED.get(suffix, TEXT_ACCEPTS)
    if kind in accepted:
        return
    named = f"its name ends in {suffix}" if suffix else "its name has no extension"
    if kind is None:
        expected = {".pdf": "a PDF (it does not begin with %PDF)", ".docx": "a Word document (it is not a zip archive)"}
        raise InputError(
            where,
            f"file is not {expected[suffix]}, though {named}",
            "check that it is the document itself: download or export it again",
        )
    what, remedy = KINDS[kind]
    raise InputError(where, f"file is {what}, though {named}", remedy)
