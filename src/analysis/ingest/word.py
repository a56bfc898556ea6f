"""A Word document's text: its paragraphs, tables and numbered lists as the reader sees them."""

import io
from typing import TYPE_CHECKING

from analysis.ingest.structure import damaged, markdown_table, whole_number

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table

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
                levels[whole_number(level.get(f"{_W}ilvl"), 0)] = (
                    whole_number(start or 1, 1),
                    fmt or "decimal",
                    text or "",
                )
            abstract[definition.get(f"{_W}abstractNumId")] = levels
        self.lists: dict[str, dict[int, tuple[int, str, str]]] = {}
        for instance in numbering.iterchildren(f"{_W}num") if numbering is not None else ():
            levels = dict(abstract.get(_val(instance.find(f"{_W}abstractNumId")) or "", {}))
            for override in instance.iterchildren(f"{_W}lvlOverride"):
                start, ilvl = _val(override.find(f"{_W}startOverride")), whole_number(override.get(f"{_W}ilvl"), 0)
                if start is not None and ilvl in levels:
                    levels[ilvl] = (whole_number(start, 1), *levels[ilvl][1:])
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
        return _val(numbered.find(f"{_W}numId")) or "0", whole_number(_val(numbered.find(f"{_W}ilvl")) or 0, 0)

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
        raise damaged(where, "Word file", error) from None
    return "\n\n".join(b for b in blocks if b)
