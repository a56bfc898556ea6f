"""A web page's text: the article's own, in the blocks a browser draws, its line breaks, list numbers and tables
kept."""

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from analysis.ingest.encoding import decode
from analysis.ingest.structure import markdown_table, whole_number

if TYPE_CHECKING:
    from bs4 import Tag

_BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "figcaption", "pre", "tr"]
_NOT_CONTENT = ["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "button", "svg"]
# A header or footer inside an <article> is the article's own: its title and date, its publication stamp
_OWN_PARTS = frozenset({"header", "footer"})


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
    # a line break in a cell is a space there; `markdown_table` makes each cell's spaces one
    return [[cell.get_text(" ").replace(_LINE_BREAK, " ") for cell in row] for row in rows], heading


_LINE_BREAK = "\ue000"  # a <br> while the text is gathered: get_text's stripping would take a plain "\n" away


def number_list_items(soup: "Tag") -> None:
    """Write each numbered list item's number into its text ('1. Godkjenning av innkalling'), as the browser shows
    it: a page's text has none, and an agenda is read by its numbers. The list's `start` and an item's `value`
    count, as in HTML."""
    for ordered in soup("ol"):
        number = whole_number(ordered.get("start", 1), 1)
        for item in ordered.find_all("li", recursive=False):
            number = whole_number(item.get("value", number), number)
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

    # The walk keeps its own stack, not Python's: old pages nest thousands of unclosed tags (<font> after <font>)
    # and a recursive walk would stop at the interpreter's recursion limit. Each entry: the children still to
    # read, and whether leaving that element ends a block.
    stack: list[tuple[Iterator, bool]] = [(iter(root.children), False)]
    while stack:
        child = next(stack[-1][0], None)
        if child is None:
            if stack.pop()[1]:
                close()
            continue
        if isinstance(child, PreformattedString):  # a comment, CDATA, a doctype: not the page's text
            continue
        if isinstance(child, NavigableString):
            running.append(str(child))
            continue
        if child.name not in _BLOCK_LEVEL:
            stack.append((iter(child.children), False))
            continue
        close()
        data = _data_rows(child) if child.name == "table" else None
        if data is not None:
            blocks.append(markdown_table(*data))
        else:  # any other block, a table laying out the page too: its text, its blocks, in their order
            stack.append((iter(child.children), True))
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
