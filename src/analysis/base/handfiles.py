"""The files a researcher edits by hand (manifest, register, codes, codebook, layout): read, or refused in one line.

Most researchers edit these files in Excel, and Excel on Windows saves
"CSV" in the Windows code page and, in a Norwegian locale, with semicolons
between the columns. Read as UTF-8 with commas, the first ended in a
traceback and the second in "header lacks column(s)". Every such file is
read here, so each says which file it is and which way of saving fixes it.
"""

import csv
from collections.abc import Sequence
from pathlib import Path

import yaml

from analysis.base.config import display_path
from analysis.base.errors import InputError

SAVE_AS_CSV = "save it as UTF-8 CSV (in Excel: Save As → CSV UTF-8 (Comma delimited))"
SAVE_AS_TEXT = "save it as UTF-8 text"


def yaml_document(text: str, where: str) -> object:
    """The YAML file's content, or one line with the line and column where its syntax fails (a tab, a colon)."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise InputError(where, f"YAML syntax error{line}: {problem}", "check indentation and quoting there") from None


def read_text(path: Path, remedy: str = SAVE_AS_TEXT) -> str:
    """The file's text, UTF-8 with or without a byte-order mark; other bytes are one line naming where they fail."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(display_path(path), f"not UTF-8 ({error.reason} at byte {error.start})", remedy) from None


def read_csv_text(path: Path, columns: Sequence[str], required: Sequence[str] | None = None) -> str:
    """The CSV file's text, once its header holds the `required` columns (all `columns` unless given).

    The text is returned, not rows, so each reader keeps its own parser
    (the csv module or pandas) and its own line numbers in messages.
    """
    text = read_text(path, SAVE_AS_CSV)
    header = next(csv.reader([text.split("\n", 1)[0]]), [])
    missing = [column for column in (columns if required is None else required) if column not in header]
    if not missing:
        return text
    where = display_path(path)
    if len(header) == 1 and ";" in header[0]:
        raise InputError(where, "columns are separated by semicolons, not commas", SAVE_AS_CSV)
    raise InputError(where, f"header lacks column(s) {', '.join(missing)}", f"the header must be {','.join(columns)}")
