"""Get the text out of PDF, Word and HTML files; the raw file itself is never changed.

PDFs need repair before their text reads like minutes: page furniture
("Side 2 av 5", a running header) is dropped, words hyphenated at a line end
are rejoined ("arbeids-" / "markedet" → "arbeidsmarkedet", while a
suspended compound such as "Arbeids- og sosialdepartementet" keeps its
hyphen), and a paragraph cut by a page break is left for the cleaner to
join. A PDF without a text layer is refused: it needs OCR first.
"""

import io
import re
from collections import Counter
from pathlib import Path

from analysis.base.errors import InputError
from analysis.ingest.encoding import Decoded, decode, reads_as_text

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx", ".html", ".htm"}
_PAGE_NUMBER = re.compile(r"^(?:(?:side|page|s\.)\s*)?-?\s*\d{1,4}\s*-?(?:\s*(?:av|of|/)\s*\d{1,4})?$", re.IGNORECASE)
_HYPHEN_BREAK = re.compile(r"([a-zæøå])-\n(?!(?:og|eller|samt|enn|til|som)\b)([a-zæøå])")
_SUSPENDED_BREAK = re.compile(r"([A-Za-zÆØÅæøå])-\n((?:og|eller|samt|enn|til|som)\b)")
_BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "figcaption", "pre", "tr"]
_NOT_CONTENT = ["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "button", "svg"]


def _page_lines(page_text: str) -> list[str]:
    lines = [line.strip() for line in page_text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def remove_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and any first or last line that repeats on most pages (running headers/footers)."""
    repeated: set[str] = set()
    if len(pages) >= 2:
        edges = Counter(line for lines in pages for line in {lines[0], lines[-1]} if lines)
        repeated = {line for line, n in edges.items() if n >= max(2, len(pages) // 2 + 1)}
    cleaned = []
    for lines in pages:
        kept = list(lines)
        for _ in range(2):  # a header and a page number may both sit at an edge
            for edge in (0, -1):
                if kept and (_PAGE_NUMBER.match(kept[edge]) or kept[edge] in repeated):
                    kept.pop(edge)
        cleaned.append(_page_lines("\n".join(kept)))
    return cleaned


def dehyphenate(text: str) -> str:
    """Rejoin words split at a line end; keep the hyphen of a suspended compound ("Arbeids- og …")."""
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    return _SUSPENDED_BREAK.sub(r"\1- \2", text)


def join_pages(pages: list[list[str]]) -> str:
    """Pages become paragraphs; a word hyphenated across the page break is rejoined at once."""
    text = ""
    for lines in pages:
        page = "\n".join(lines)
        if not page:
            continue
        if text and re.search(r"[a-zæøå]-$", text) and page[:1].islower():
            text = text[:-1] + page
        else:
            text = f"{text}\n\n{page}" if text else page
    return dehyphenate(text)


def pdf_text(data: bytes, where: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [_page_lines(page.extract_text(extraction_mode="layout") or "") for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as error:
        raise InputError(where, f"PDF cannot be read ({error})", "check that the file is a complete PDF") from None
    if not any(pages):
        raise InputError(where, "PDF has no text layer (a scan?)", "run OCR first, then add the OCR'd PDF or its text")
    return join_pages(remove_page_furniture(pages))


def docx_text(data: bytes, where: str) -> str:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise InputError(where, f"Word file cannot be read ({error})", "save it again as .docx") from None
    return "\n\n".join(p.text.strip() for p in document.paragraphs if p.text.strip())


def html_text(data: bytes, where: str) -> str:
    """The article's own text: navigation, menus, headers and footers around it are left out."""
    from bs4 import BeautifulSoup

    markup = decode(data, where).text
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(_NOT_CONTENT):
        tag.decompose()
    candidates = soup.find_all(["article", "main"]) or [soup.body or soup]
    root = max(candidates, key=lambda el: len(el.get_text(" ", strip=True)))
    blocks = [el.get_text(" ", strip=True) for el in root.find_all(_BLOCKS) if not el.find_parent(_BLOCKS)]
    return "\n\n".join(" ".join(b.split()) for b in blocks if b.strip())


def extract(path: Path, data: bytes, where: str) -> Decoded:
    """The document's text by file type; text files are decoded, others extracted."""
    suffix = Path(path).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return decode(data, where)
    if not data.strip():
        raise InputError(where, "file is empty", "replace it with the document's real file")
    extractors = {".pdf": pdf_text, ".docx": docx_text, ".html": html_text, ".htm": html_text}
    if suffix not in extractors:
        raise InputError(
            where,
            f"file type {suffix} is not supported",
            f"convert it to one of {', '.join(sorted(s for s in SUFFIXES if s))}",
        )
    text = extractors[suffix](data, where)
    if not text.strip():
        raise InputError(where, "no text found in the document", "check the file, or convert it to text")
    if not reads_as_text(text):
        raise InputError(where, "extracted text does not read as any language", "check the file, or run OCR")
    return Decoded(text.replace("\r\n", "\n"), suffix.lstrip("."), False)
