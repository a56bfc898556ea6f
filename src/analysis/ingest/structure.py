"""What the readers of PDF, Word and web pages share: a table as Markdown, an attribute's number, the notes a
parser logs, and one line for a file the parser gave up on."""

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from analysis.base.errors import InputError


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


def whole_number(value: object, default: int) -> int:
    """An HTML attribute's whole number ('3'), or `default` for one that is missing or is none ('iii')."""
    try:
        return int(str(value))
    except ValueError:
        return default


class _Notes(logging.Handler):
    """Collects what a parser logs, so its repair notes do not interleave with the build's progress lines."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collected(logger_name: str) -> Iterator[list[str]]:
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


def damaged(where: str, what: str, error: Exception, notes: Sequence[str] = ()) -> InputError:
    """A file the parser gave up on: its first note ("EOF marker not found") says more than most exceptions."""
    detail = notes[0] if notes else (str(error).strip() or type(error).__name__)
    return InputError(where, f"{what} is damaged or incomplete ({detail})", "download or export it again")
