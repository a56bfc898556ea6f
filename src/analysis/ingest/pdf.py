"""A PDF's text, repaired before it reads like minutes.

Page furniture ("Side 2 av 5", a running header) is dropped, words
hyphenated at a line end are rejoined ("arbeids-" / "markedet" →
"arbeidsmarkedet", while a suspended compound such as "Arbeids- og
sosialdepartementet" keeps its hyphen), lines the page's width wrapped are
joined again, and a paragraph cut by a page break is left for the cleaner to
join. A PDF without a text layer is refused: it needs OCR first.
"""

import io
import re
from collections import Counter

from analysis.base.errors import InputError
from analysis.ingest.structure import collected, damaged

_PAGE_NUMBER = re.compile(r"^(?:(?:side|page|s\.)\s*)?-?\s*\d{1,4}\s*-?(?:\s*(?:av|of|/)\s*\d{1,4})?$", re.IGNORECASE)
_HYPHEN_BREAK = re.compile(r"([a-zæøå])-\n(?!(?:og|eller|samt|enn|til|som)\b)([a-zæøå])")
_SUSPENDED_BREAK = re.compile(r"([A-Za-zÆØÅæøå])-\n((?:og|eller|samt|enn|til|som)\b)")


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
        edges = Counter(line for lines in pages if lines for line in {lines[0], lines[-1]})  # blank pages too
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


# A line the page's width ended ('… sier generalsekretær i' / 'Frivillighetsalliansen, Tor Bakke Lunde.'): nearly
# as long as the page's longest, no sentence ending it, and the next line no item of a list of its own
WRAP_SHARE = 0.8
_ENDS_SENTENCE = (".", ":", "!", "?", ";", "-")  # a hyphen: a word `dehyphenate` keeps split ('NAV-' / 'kontoret')
_COLUMN_GAP = "   "
_OWN_LINE = re.compile(r"^\s*(?:[-–•*·▪]\s|\d{1,3}[.)]\s|[A-ZÆØÅ][\w .-]{0,30}:)")


def unwrap_lines(lines: list[str]) -> list[str]:
    """A page's lines, those its width wrapped joined again, so a phrase cut at a line end ('… sier
    generalsekretær i' / 'Frivillighetsalliansen, Tor Bakke Lunde.') is read whole. A line shorter than the page's
    longest ends where the writer ended it and is kept: a list's line, a label's value, a paragraph's last line; so
    is a line of a table, whose columns stand apart by several spaces."""
    lines = dehyphenate("\n".join(lines)).split("\n")  # 'arbeids-' / 'markedet' is one word first
    width = max((len(line.rstrip()) for line in lines), default=0)
    joined: list[str] = []
    for line in lines:
        above = joined[-1].rstrip() if joined else ""
        if (
            above
            and line.strip()
            and len(above) >= WRAP_SHARE * width
            and not above.endswith(_ENDS_SENTENCE)
            and not _OWN_LINE.match(line)
            and _COLUMN_GAP not in above.strip() + line.strip()  # a table's row, its columns laid out by spaces
        ):
            joined[-1] = f"{above} {line.strip()}"
        else:
            joined.append(line)
    return joined


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
    """The PDF's text, page furniture removed.

    A reader of untrusted bytes can fail in any way (pypdf raises index and
    attribute errors on some damaged files, not only its own): every
    failure means the file cannot be read, and says so in one line.
    """
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    with collected("pypdf") as notes:
        try:
            reader = PdfReader(io.BytesIO(data))
            pages = [_page_lines(page.extract_text(extraction_mode="layout") or "") for page in reader.pages]
        except FileNotDecryptedError:
            raise InputError(
                where, "PDF is protected by a password", "save a copy without the password and add that"
            ) from None
        except MemoryError:
            raise
        except Exception as error:
            raise damaged(where, "PDF", error, notes) from None
    if not any(pages):
        raise InputError(where, "PDF has no text layer (a scan?)", "run OCR first, then add the OCR'd PDF or its text")
    return join_pages([unwrap_lines(lines) for lines in remove_page_furniture(pages)])
