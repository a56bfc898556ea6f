"""Get the text out of PDF, Word and HTML files; the raw file itself is never changed.

PDFs need repair before their text reads like minutes: page furniture
("Side 2 av 5", a running header) is dropped, words hyphenated at a line end
are rejoined ("arbeids-" / "markedet" → "arbeidsmarkedet", while a
suspended compound such as "Arbeids- og sosialdepartementet" keeps its
hyphen), and a paragraph cut by a page break is left for the cleaner to
join. A PDF without a text layer is refused: it needs OCR first.
"""

import io
import logging
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.base.errors import InputError
from analysis.ingest.encoding import Decoded, decode, reads_as_text
from analysis.ingest.filetype import KINDS, check_kind, identify

if TYPE_CHECKING:
    from bs4 import Tag
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx", ".html", ".htm"}
_PAGE_NUMBER = re.compile(r"^(?:(?:side|page|s\.)\s*)?-?\s*\d{1,4}\s*-?(?:\s*(?:av|of|/)\s*\d{1,4})?$", re.IGNORECASE)
_HYPHEN_BREAK = re.compile(r"([a-zæøå])-\n(?!(?:og|eller|samt|enn|til|som)\b)([a-zæøå])")
_SUSPENDED_BREAK = re.compile(r"([A-Za-zÆØÅæøå])-\n((?:og|eller|samt|enn|til|som)\b)")
_BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "figcaption", "pre", "tr"]
_NOT_CONTENT = ["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "button", "svg"]
# A header or footer inside an <article> is the article's own: its title and date, its publication stamp
_OWN_PARTS = frozenset({"header", "footer"})


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


class _Notes(logging.Handler):
    """Collects what a parser logs, so its repair notes do not interleave with the build's progress lines."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _collected(logger_name: str) -> Iterator[list[str]]:
    """The messages the named logger (and its children) emit inside the block, kept from the terminal."""
    logger, notes = logging.getLogger(logger_name), _Notes()
    propagate = logger.propagate
    logger.addHandler(notes)
    logger.propagate = False
    try:
        yield notes.messages
    finally:
        logger.removeHandler(notes)
        logger.propagate = propagate


def _damaged(where: str, what: str, error: Exception, notes: Sequence[str] = ()) -> InputError:
    """A file the parser gave up on: its first note ("EOF marker not found") says more than most exceptions."""
    detail = notes[0] if notes else (str(error).strip() or type(error).__name__)
    return InputError(where, f"{what} is damaged or incomplete ({detail})", "download or export it again")


def pdf_text(data: bytes, where: str) -> str:
    """The PDF's text, page furniture removed.

    A reader of untrusted bytes can fail in any way (pypdf raises index and
    attribute errors on some damaged files, not only its own): every
    failure means the file cannot be read, and says so in one line.
    """
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    with _collected("pypdf") as notes:
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
            raise _damaged(where, "PDF", error, notes) from None
    if not any(pages):
        raise InputError(where, "PDF has no text layer (a scan?)", "run OCR first, then add the OCR'd PDF or its text")
    return join_pages([unwrap_lines(lines) for lines in remove_page_furniture(pages)])


def markdown_table(rows: list[list[str]], heading: bool = False) -> str:
    """A table's rows as a Markdown table ('| Kari Nordmann | X |  |'), empty cells kept in their column, so the
    cleaner can tell which column a mark stands in; a rule under the first row only when the source marks it as
    the heading row. '' for a table with no text."""
    width = max((len(row) for row in rows), default=0)
    cells = [[" ".join(cell.split()).replace("|", "/") for cell in row] + [""] * (width - len(row)) for row in rows]
    if not any(any(row) for row in cells):
        return ""
    lines = ["| " + " | ".join(row) + " |" for row in cells]
    if heading:
        lines.insert(1, "|" + " --- |" * width)
    return "\n".join(lines)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A paragraph's text as Word shows it: its runs, also those inside a content control ('Klikk her for å skrive inn
# dato'), a tracked insertion or a field, but not deleted text (w:delText), text moved away from here (w:moveFrom)
# or a text box anchored in it.
_RUN_TEXT = "(.//w:t | .//w:tab | .//w:br | .//w:cr)[not(ancestor::w:txbxContent or ancestor::w:moveFrom)]"
_BREAKS = {f"{_W}tab": " ", f"{_W}br": "\n", f"{_W}cr": "\n"}


def _paragraph_text(paragraph: "BaseOxmlElement") -> str:
    """A Word paragraph's visible text. python-docx's own skips runs inside content controls and tracked
    insertions, which templates and circulated drafts are full of."""
    return "".join(_BREAKS.get(node.tag, node.text or "") for node in paragraph.xpath(_RUN_TEXT)).strip()


# How Word draws a list level's counter (numFmt): the formats an agenda is numbered in; any other draws none
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _roman(number: int) -> str:
    digits = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        digits.append(letters * count)
    return "".join(digits)


def _letters(number: int) -> str:
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


_COUNTER_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}


def _val(element: "BaseOxmlElement | None") -> str | None:
    """A WordprocessingML element's w:val, or None where the element is missing."""
    return element.get(f"{_W}val") if element is not None else None


class WordNumbering:
    """The numbers Word draws before its numbered paragraphs ('1.', '2.', 'a)', 'Sak 3'): they are not in the
    paragraph's text but in the numbering definitions, and an agenda is read by them. Each list (w:num) counts on
    its own from its start, a level counting again after a higher one; a bullet or an unknown format draws
    nothing."""

    def __init__(self, document: "DocxDocument") -> None:
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering = None
        abstract = {}
        for definition in numbering.iterchildren(f"{_W}abstractNum") if numbering is not None else ():
            levels = {}
            for level in definition.iterchildren(f"{_W}lvl"):
                start, fmt, text = (_val(level.find(f"{_W}{tag}")) for tag in ("start", "numFmt", "lvlText"))
                levels[_number(level.get(f"{_W}ilvl"), 0)] = (_number(start or 1, 1), fmt or "decimal", text or "")
            abstract[definition.get(f"{_W}abstractNumId")] = levels
        self.lists: dict[str, dict[int, tuple[int, str, str]]] = {}
        for instance in numbering.iterchildren(f"{_W}num") if numbering is not None else ():
            levels = dict(abstract.get(_val(instance.find(f"{_W}abstractNumId")) or "", {}))
            for override in instance.iterchildren(f"{_W}lvlOverride"):
                start, ilvl = _val(override.find(f"{_W}startOverride")), _number(override.get(f"{_W}ilvl"), 0)
                if start is not None and ilvl in levels:
                    levels[ilvl] = (_number(start, 1), *levels[ilvl][1:])
            self.lists[instance.get(f"{_W}numId")] = levels
        self.styles = {style.style_id: style.element for style in document.styles if style.style_id}
        self.counters: dict[str, dict[int, int]] = {}

    def _numbered_as(self, paragraph: "BaseOxmlElement") -> tuple[str, int] | None:
        """The list and level of a paragraph, set on it or on its style (or a style that style is based on)."""
        numbered = paragraph.find(f"{_W}pPr/{_W}numPr")
        style_id = _val(paragraph.find(f"{_W}pPr/{_W}pStyle"))
        seen: set[str] = set()
        while numbered is None or numbered.find(f"{_W}numId") is None:
            if not style_id or style_id in seen or style_id not in self.styles:
                return None
            seen.add(style_id)
            numbered = self.styles[style_id].find(f"{_W}pPr/{_W}numPr")
            style_id = _val(self.styles[style_id].find(f"{_W}basedOn"))
        return _val(numbered.find(f"{_W}numId")) or "0", _number(_val(numbered.find(f"{_W}ilvl")) or 0, 0)

    def label(self, paragraph: "BaseOxmlElement") -> str:
        """The number Word draws before the paragraph, with what follows it ('3. '), or '' for none."""
        where = self._numbered_as(paragraph)
        if where is None or where[0] == "0" or where[0] not in self.lists:
            return ""
        list_id, level = where
        levels = self.lists[list_id]
        counters = self.counters.setdefault(list_id, {})
        start, fmt, text = levels.get(level, (1, "none", ""))  # a level the list does not define draws nothing
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if fmt not in _COUNTER_FORMATS or not text:
            return ""
        drawn = text
        for k in range(level + 1):
            k_start, k_fmt, _ = levels.get(k, (1, "decimal", ""))
            drawn = drawn.replace(f"%{k + 1}", _COUNTER_FORMATS.get(k_fmt, str)(counters.get(k, k_start)))
        return f"{drawn} "


def _docx_rows(table: "Table") -> list[list[str]]:
    """A Word table's rows, a cell merged across columns once (python-docx repeats it in each column it spans)."""
    rows = []
    for row in table.rows:
        kept: list = []
        for cell in row.cells:
            if not any(cell._tc is other._tc for other in kept):
                kept.append(cell)
        rows.append([" ".join(_paragraph_text(p) for p in cell._tc.iter(f"{_W}p")) for cell in kept])
    return rows


def _docx_blocks(container: "BaseOxmlElement", document: "DocxDocument", numbering: WordNumbering) -> list[str]:
    """The paragraphs and tables under the document's body, in their order, also those a content control holds
    (a template's 'Dato' or 'Deltakere' block); a numbered paragraph with the number Word draws before it."""
    from docx.table import Table

    blocks = []
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            number, text = numbering.label(child), _paragraph_text(child)
            blocks.append(f"{number}{text}" if text else "")
        elif child.tag == f"{_W}tbl":
            blocks.append(markdown_table(_docx_rows(Table(child, document))))
        elif child.tag == f"{_W}sdt":
            for content in child.iterchildren(f"{_W}sdtContent"):
                blocks.extend(_docx_blocks(content, document, numbering))
    return blocks


def docx_text(data: bytes, where: str) -> str:
    """The Word document's paragraphs and tables in their order; a damaged archive or part is one line, whatever
    layer noticed it. A table is kept as a Markdown table: minutes often list who came in one ('Navn | Tilstede |
    Forfall'), and its header fields in another ('Dato | 12.03.2024')."""
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
        blocks = _docx_blocks(document.element.body, document, WordNumbering(document))
    except MemoryError:
        raise
    except Exception as error:
        raise _damaged(where, "Word file", error) from None
    return "\n\n".join(b for b in blocks if b)


_CELLS = ["td", "th"]
_CELL_BLOCKS = ["p", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"]


def _data_rows(table: "Tag") -> tuple[list[list[str]], bool] | None:
    """A web page's table of data as rows of cells, and whether its first row is headings (th); None for a table
    that lays out the page: one with a table inside, or a cell of more than one paragraph."""
    if table.find("table"):
        return None
    rows = []
    for tr in table.find_all("tr"):
        cells = tr.find_all(_CELLS, recursive=False)
        if any(len(cell.find_all(_CELL_BLOCKS)) > 1 for cell in cells):
            return None
        rows.append(cells)
    heading = bool(rows) and all(cell.name == "th" for cell in rows[0])
    return [[_block_text(cell).replace("\n", " ") for cell in row] for row in rows], heading


_LINE_BREAK = "\ue000"  # a <br> while the text is gathered: get_text's stripping would take a plain "\n" away


def _block_text(element: "Tag") -> str:
    """A block's text with the page's line breaks kept ('Tilstede: Tove Kjevik<br>Ikke tilstede: Jacob Sverdrup'
    is two lines, as the reader sees them), spaces within a line made one."""
    text = element.get_text(" ", strip=True)
    return "\n".join(line for part in text.split(_LINE_BREAK) if (line := " ".join(part.split())))


def _number(value: object, default: int) -> int:
    """An HTML attribute's whole number ('3'), or `default` for one that is missing or is none ('iii')."""
    try:
        return int(str(value))
    except ValueError:
        return default


def number_list_items(soup: "Tag") -> None:
    """Write each numbered list item's number into its text ('1. Godkjenning av innkalling'), as the browser shows
    it: a page's text has none, and an agenda is read by its numbers. The list's `start` and an item's `value`
    count, as in HTML."""
    for ordered in soup("ol"):
        number = _number(ordered.get("start", 1), 1)
        for item in ordered.find_all("li", recursive=False):
            number = _number(item.get("value", number), number)
            item.insert(0, f"{number}. ")
            number += 1


# Elements that start a block of their own where a browser draws them: text before, inside and after each is a
# paragraph of its own. Inline elements (a, span, strong …) and bare text run on in the block they stand in.
_BLOCK_LEVEL = frozenset(
    _BLOCKS
    + "div section article main ul ol dl dt dd table thead tbody tfoot td th hr address details summary".split()
    + "figure center fieldset body".split()
)


def _html_blocks(root: "Tag") -> list[str]:
    """The text blocks under `root` in the order a reader meets them: text is gathered into the block it stands
    in, whether a paragraph holds it or a <div> (as many sites write their articles), or it stands bare between
    blocks; a block ends where another starts. A table of data is one Markdown table (see `markdown_table`); in a
    table laying out the page, each cell's text is read as the page's."""
    from bs4.element import NavigableString, PreformattedString

    blocks: list[str] = []
    running: list[str] = []

    def close() -> None:  # the running block ends; an empty line (<br><br>) within it parts two paragraphs
        lines = [" ".join(part.split()) for part in "".join(running).split(_LINE_BREAK)]
        running.clear()
        blocks.extend(part.strip("\n") for part in re.split(r"\n{2,}", "\n".join(lines)) if part.strip())

    def walk(node: "Tag") -> None:
        for child in node.children:
            if isinstance(child, PreformattedString):  # a comment, CDATA, a doctype: not the page's text
                continue
            if isinstance(child, NavigableString):
                running.append(str(child))
                continue
            if child.name not in _BLOCK_LEVEL:
                walk(child)
                continue
            close()
            data = _data_rows(child) if child.name == "table" else None
            if data is not None:
                blocks.append(markdown_table(*data))
            else:  # any other block, a table laying out the page too: its text, its blocks, in their order
                walk(child)
            close()

    walk(root)
    close()
    return blocks


def html_text(data: bytes, where: str) -> str:
    """The article's own text: navigation, menus, headers and footers around it are left out."""
    from bs4 import BeautifulSoup

    markup = decode(data, where).text
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(_NOT_CONTENT):
        if not (tag.name in _OWN_PARTS and tag.find_parent("article")):  # an article's own title or stamp stays
            tag.decompose()
    for br in soup("br"):
        br.replace_with(_LINE_BREAK)
    number_list_items(soup)
    candidates = soup.find_all(["article", "main"]) or [soup.body or soup]
    root = max(candidates, key=lambda el: len(el.get_text(" ", strip=True)))
    return "\n\n".join(b for b in _html_blocks(root) if b.strip())


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
