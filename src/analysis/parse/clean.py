"""Repair what conversion and copy-paste did to the documents, one defect per function.

Each function is `str -> str` or works on the paragraph list, and none drops a
word of body text: what leaves the body (a duplicated photo caption) is
returned beside it, so a test can account for every word of the raw file.
"""

import re
import unicodedata
from dataclasses import dataclass, field

import yaml
from unidecode import unidecode

from analysis.language.layout import alternation, layout
from analysis.language.wordlists import PHOTO_CREDIT_LABEL

_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_BLANKS = "\t\u00a0\u2007\u202f\u2009\u200a\u3000"  # blanks other than the space
# a run of blanks that is not already one plain space: what `normalize_spaces` replaces (matching every single space
# between words too, to put the same space back, took half the cleaning time)
_SPACES = re.compile(rf" [ {_BLANKS}]+|[{_BLANKS}][ {_BLANKS}]*")
_BLANK_LINES = re.compile(r"\n[ \t]*\n+")
# A caption's lead-in: "Bilde fra venstre:", "F.v.", and "Fra venstre:" (its colon optional where `_CAPTION_LEAD`
# strips a caption found by its closing credit)
_LEAD_IN = r"(?:gruppe)?bilde\b[^:\n]*?fr[aå] venstre:|f\.v\.:?"
# "Fra venstre Anne Marie Koland (A-larm), …": without its colon only before a capital, and never "Fra Venstre"
# (the party)
_CAPTION = re.compile(rf"^(?:{_LEAD_IN}|fr[aå] venstre:|(?-i:[Ff]r[aå] venstre)\s+(?=[A-ZÆØÅ]))\s*", re.IGNORECASE)
# Where a caption places a person ("til venstre", "i midten"; `caption_positions`): no part of the name or the body
_POSITION = re.compile(rf"\s+(?:{alternation(layout().caption_positions, spaced=True)})(?=\s*(?:[,.;]|\s+og\s|$))")
_CAPTION_NAME = r"[A-ZÆØÅ][\w'-]*\.?(?:\s+[A-ZÆØÅ][\w'-]*\.?){1,4}"
# A line of names, each with what they are in brackets, and nothing else ("Tanja Skretting (Filadelfia) til venstre,
# Ingunn Lyngseth Holme (KUP) og Alf Eikaas (Redd Barna)."; "Morten Bakke (politisk rådgiver) og Anniken Hauglie
# (statsråd)"): a photo's caption without its lead-in, two people or more
_BRACKETED_ENTRY = rf"{_CAPTION_NAME}\s+\([^()\n]{{2,60}}\)"
_BRACKETED_NAMES = re.compile(rf"^{_BRACKETED_ENTRY}(?:(?:,\s+|\s+og\s+){_BRACKETED_ENTRY})+\.?$")
# "(Foto: Janne Ringstad)" closing the caption, in brackets or not
_PHOTO_CREDIT = re.compile(rf"\s*\(?\b{PHOTO_CREDIT_LABEL}\s*:\s*(?P<credit>[^.;\n)]+)\)?\.?\s*$")
# A caption inside a paragraph, without its colon: "… konstituerande møte: Frå venstre leiar Monica Osvold …, Kristin
# Vik frå Ørsta kommune … (Foto: Janne Ringstad)" — the names from "Fra/Frå venstre" to the credit closing the line
_INLINE_CAPTION = re.compile(r"(?:^|(?<=[.:!?])\s+)(?P<caption>[Ff]r[aå] venstre\b.*)$")


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("LATIN"):
        return "latin"
    return "other"


def fix_homoglyphs(text: str) -> str:
    """Replace Cyrillic letters that stand inside otherwise Latin words.

    Text pasted through some editors carries Cyrillic look-alikes
    ("hjemmевærende"); they break lemmatising and search. A word written
    wholly in Cyrillic is left alone: it is Cyrillic, not a defect.
    """

    if not _CYRILLIC.search(text):
        return text

    def repair(match: re.Match[str]) -> str:
        word = match.group(0)
        scripts = {_script(c) for c in word}
        if "cyrillic" not in scripts or "latin" not in scripts:
            return word
        return "".join(unidecode(c) if _script(c) == "cyrillic" else c for c in word)

    return _WORD.sub(repair, text)


_ESCAPED_BREAK = "\\n"


def unescape_line_breaks(text: str) -> str:
    """An export that wrote line breaks as the two characters '\\n' ("…familier:\\n\\nOnsdag …") gets real ones.

    Only where the text has at least two paragraph breaks written so: a lone
    backslash-n is more likely a file path or code than a lost line break.
    """
    if text.count(_ESCAPED_BREAK * 2) < 2:
        return text
    return text.replace(_ESCAPED_BREAK, "\n")


def normalize_spaces(text: str) -> str:
    """Line ends become \\n, non-breaking and repeated spaces one space; lines lose trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = _SPACES.sub(" ", text).split("\n")
    return "\n".join([line.rstrip(" \t") for line in lines[:-1]] + lines[-1:])  # the last line keeps its end


_MD_HEADING = re.compile(r"^[ \t]{0,3}(?:#{1,6}(?=[ \t]|$)[ \t]*)+(.*?)[ \t#]*$", re.MULTILINE)
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
MAX_PASSES = 5
_BULLET = re.compile(r"^[ \t]*[-*•][ \t]+")


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)---[ \t]*\n", re.DOTALL)


def _front_value(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(_front_value(v) for v in value)  # one item each, as lines of a list would be
    if isinstance(value, dict):
        return ", ".join(f"{_front_value(v)} ({k})" for k, v in value.items())
    return " ".join(str(value).split()) if value is not None else ""


# A header label typed with a semicolon for its colon, opening a line: "Til stede; Bård Bergsrønning, …".
_SEMICOLON_LABEL = re.compile(
    r"^(?P<label>[ \t]*(?:"
    + alternation(label for labels in layout().labels.values() for label in labels)
    + r"))[ \t]*;",
    re.IGNORECASE | re.MULTILINE,
)


def label_semicolons(text: str) -> str:
    """'Til stede; Bård Bergsrønning, …' → 'Til stede: Bård Bergsrønning, …': the label's colon mistyped."""
    return _SEMICOLON_LABEL.sub(r"\g<label>:", text) if ";" in text else text


def front_matter_as_labels(text: str) -> str:
    """YAML front matter ('---\\ndato: 2024-03-01\\ndeltakere: [A, B]\\n---') becomes 'Label: value' lines.

    The header parser then reads it like any labelled header; a key it does
    not know stays an unknown label. Front matter that is not a YAML
    mapping is left as text.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return text
    try:
        fields = yaml.safe_load(match["yaml"])
    except yaml.YAMLError:
        return text
    if not isinstance(fields, dict):
        return text
    lines = [f"{str(key).strip().capitalize()}: {_front_value(value)}" for key, value in fields.items()]
    return "\n".join(lines) + "\n\n" + text[match.end() :]


_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_TABLE_ROW = re.compile(r"^\s*\|(?P<cells>.*)\|\s*$")


# An attendance table's status columns and cells: a label of `fields` present or absent ("Tilstede", "Forfall",
# "Møtt"), and what a ticked cell holds (`table_marks`)
_ATTENDANCE = {label.casefold(): field for field in ("present", "absent") for label in layout().labels[field]}
_MARKS = layout().table_marks
_NAME_COLUMNS = layout().table_headings
_KNOWN_LABELS = frozenset(label.casefold() for labels in layout().labels.values() for label in labels)
MAX_LABEL_WORDS = 4  # a label-and-value table's labels: 'Møtedato', 'Neste møte'


def _attendance(cell: str) -> str | None:
    """'present' for 'Tilstede' or 'Møtt:', 'absent' for 'Forfall'; None for anything else."""
    return _ATTENDANCE.get(cell.casefold().rstrip(":").strip())


def _named_columns(heading: list[str], status: list[int]) -> list[int]:
    """The columns headed by `table_headings` words only ('Navn', 'Navn , Organisasjon', 'Verv'): those a row's
    person is read from, leaving out contact columns ('Mobil', 'E-post')."""
    return [
        k
        for k, cell in enumerate(heading)
        if k not in status and (words := re.findall(r"[^\s,/]+", cell.casefold())) and set(words) <= _NAME_COLUMNS
    ]


def _status_word(cells: list[str], heading: list[str], status: list[int]) -> str | None:
    """The word that gives a row its status: a status its cell names ('Møtt', 'Forfall'), or the heading of the
    status column its mark stands in ('X' under 'Tilstede'); None for a row that gives none."""
    named = next((cells[k] for k in status if _attendance(cells[k])), None)
    return named or next((heading[k] for k in status if cells[k].casefold() in _MARKS), None)


def _attendance_lines(rows: list[list[str]]) -> list[str] | None:
    """An attendance table read as the labelled lists the header parser reads ('Tilstede:' / 'Kari Nordmann, NAV'),
    or None when no column of its heading row is a status ('Navn | Tilstede | Forfall', 'Namn | Verv | Oppmøte').

    A row has the status of the column its mark stands in ('X', `table_marks`), or the status its cell names
    ('Møtt', 'Forfall'). Where the table has one status column only, a row without its mark has the other status
    ('Navn | Møtt' over 'Ola Hansen |' : Ola Hansen did not come). A title row above the headings ('Deltakere',
    one cell) is left out, and so is a row that gives no status. The headings name the person's columns
    (`table_headings`), or the rows hold marks: a status label with a list beside it is a field, not a table.
    """
    start = next((k for k, row in enumerate(rows[:2]) if any(map(_attendance, row)) and sum(map(bool, row)) > 1), None)
    if start is None or any(sum(map(bool, row)) > 1 for row in rows[:start]):
        return None
    heading = rows[start]
    status = [k for k, cell in enumerate(heading) if _attendance(cell)]
    table = [[row[k] if k < len(row) else "" for k in range(len(heading))] for row in rows[start + 1 :]]
    columns = _named_columns(heading, status)
    if not columns and not any(row[k].casefold() in _MARKS for row in table for k in status):
        return None  # 'Tilstede: | Kari Nordmann, Ola Hansen': a table of labels and their values
    columns = columns or [k for k in range(len(heading)) if k not in status]
    groups: dict[str, tuple[str, list[str]]] = {}
    for cells in table:
        word = _status_word(cells, heading, status)
        if word is None and len(status) == 1:
            other = "absent" if _attendance(heading[status[0]]) == "present" else "present"
            word = layout().labels[other][0]
        person = ", ".join(cells[k] for k in columns if cells[k])
        listed_as = _attendance(word) if word else None
        if word and listed_as and person:
            groups.setdefault(listed_as, (word.rstrip(":").strip(), []))[1].append(person)
    lines = [""]  # each list a paragraph of its own
    for listed in sorted(groups, key=("present", "absent").index):  # who came first, as minutes list them
        label, people = groups[listed]
        lines += [f"{label}:", *people, ""]
    return lines


def _label_lines(rows: list[list[str]]) -> list[str] | None:
    """A table of labels and their values ('Møtedato | 22.03.2021', 'Referent | Unni Wikstrøm') as the lines
    'Møtedato: 22.03.2021': two columns, short labels, one of them a label of `fields`. None for any other table."""
    if any(len(row) != 2 or len(row[0].split()) > MAX_LABEL_WORDS for row in rows):
        return None
    if not any(row[0].casefold().rstrip(":").strip() in _KNOWN_LABELS for row in rows):
        return None
    return [f"{label.rstrip(':').strip()}: {value}".strip() if label else value for label, value in rows]


# A cell of a table laid out by spaces (a PDF's text layer, `pdftotext -layout`): words one space apart; two spaces
# or more part the cells.
_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")
ALIGN_SLACK = 2  # characters a cell may stand left of its column's heading, or run into the next column


def _aligned_heading(line: str) -> list[tuple[int, str]] | None:
    """The columns of an attendance table's heading line laid out by spaces ('Navn     Organisasjon     Tilstede
    Forfall'), as (start, heading); None for any other line: it must name a status and a person's column."""
    cells = [(m.start(), m.group()) for m in _ALIGNED_CELL.finditer(line)]
    if len(cells) < 2 or not any(_attendance(cell) for _, cell in cells):
        return None
    status = [k for k, (_, cell) in enumerate(cells) if _attendance(cell)]
    return cells if _named_columns([cell for _, cell in cells], status) else None


def _aligned_row(line: str, columns: list[tuple[int, str]]) -> list[str] | None:
    """A row's cells in the heading's columns, by where each cell starts; None for a line that does not fit them
    (text running across a column's edge) or gives no status (no mark, no 'Møtt' under a status heading): either
    ends the table, so a line of text below it is never read as a person."""
    row = [""] * len(columns)
    for match in _ALIGNED_CELL.finditer(line):
        k = max((k for k, (start, _) in enumerate(columns) if start <= match.start() + ALIGN_SLACK), default=None)
        edge = columns[k + 1][0] + ALIGN_SLACK if k is not None and k + 1 < len(columns) else None
        if k is None or row[k] or (edge is not None and match.end() > edge):
            return None
        row[k] = match.group()
    headings = [heading for _, heading in columns]
    return row if _status_word(row, headings, [k for k, h in enumerate(headings) if _attendance(h)]) else None


def aligned_tables(text: str) -> str:
    """An attendance table laid out by spaces, as a PDF's text gives it ('Roger Svendsen     FFO          X' under
    'Navn     Organisasjon     Tilstede     Forfall'), becomes a Markdown table, each cell in the column it stands
    under, so `tables_as_lines` reads it as it reads a Word or web table. Blank lines between rows are passed
    over; the first line that does not fit the columns, or gives no status, ends the table and stays text
    ('Sak 1/24 Godkjenning …' below it). So a row without its mark in a table of one status column ends it too:
    unlike a Word table's, its columns are only as sure as the spaces."""
    if "   " not in text:
        return text
    lines = text.split("\n")
    result: list[str] = []
    k = 0
    while k < len(lines):
        columns = _aligned_heading(lines[k]) if "  " in lines[k] else None
        if columns is None:
            result.append(lines[k])
            k += 1
            continue
        rows, taken, end = [[cell for _, cell in columns]], [k], k + 1
        while end < len(lines):
            row = _aligned_row(lines[end], columns) if lines[end].strip() else None
            if lines[end].strip() and row is None:
                break
            if row is not None:
                rows.append(row)
                taken.append(end)
            end += 1
        if len(rows) == 1:  # headings with no row under them: a line of text after all
            result.append(lines[k])
            k += 1
            continue
        result += ["", *("| " + " | ".join(row) + " |" for row in rows), ""]
        k = taken[-1] + 1
    return "\n".join(result)


def _table_rule(line: str) -> bool:
    return bool(_TABLE_RULE.match(line)) and "-" in line and "|" in line


def _cells(line: str) -> list[str] | None:
    """A Markdown table row's cells; None for the rule under the header row ('| --- | --- |') or any other line."""
    row = None if _table_rule(line) else _TABLE_ROW.match(line)
    return [" ".join(c.split()) for c in row["cells"].split("|")] if row else None


def _table_as_lines(block: list[str]) -> list[str]:
    """One Markdown table as lines: an attendance table as labelled lists, a table of labels as 'Label: value', any
    other as one line a row ('Kari Nordmann, NAV'), its header row (the row above the rule) left out."""
    rows = [cells for line in block if (cells := _cells(line)) is not None]
    read = _attendance_lines(rows)
    if read is None:
        read = _label_lines(rows)
    if read is not None:
        return read
    lines = []
    for k, line in enumerate(block):
        cells = _cells(line)
        heading = k + 1 < len(block) and _table_rule(block[k + 1])
        if cells is not None and not heading:
            lines.append(", ".join(c for c in cells if c))
    return lines


def tables_as_lines(text: str) -> str:
    """A Markdown table becomes lines (see `_table_as_lines`): a table of names ('| Kari Nordmann | NAV |') the
    lines 'Kari Nordmann, NAV', its header row gone.

    A list of attendees is the usual table in minutes; as lines, the header
    parser reads it like any list of 'Name, Organisation'. Word and web
    tables come here as Markdown tables too (`analysis.ingest.word`, `analysis.ingest.web`).
    """
    if "|" not in text:
        return text
    lines = text.split("\n")
    result: list[str] = []
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and (_TABLE_ROW.match(lines[end]) or _table_rule(lines[end])):
            end += 1
        if end == k:
            result.append(lines[k])
            k += 1
            continue
        result.extend(_table_as_lines(lines[k:end]))
        k = end
    return "\n".join(result)


def strip_markdown(text: str) -> str:
    """Minutes written in Markdown: '## Til stede' is the label, '**Dato:**' the field; the marks go, the words stay.

    A heading is a paragraph of its own even when no blank line follows it, so
    '#### Sak 2' never runs into the first sentence below it.
    """
    text = _MD_HEADING.sub(lambda m: f"\n\n{m[1]}\n\n" if m[1] else "", text)
    return _MD_STRONG.sub(r"\2", text)


# A ditto mark under the case word above, before the next number: "Sak 1. Referat" / "«  2.  Skriv frå forbundet".
_DITTO = re.compile(r"(?m)^([ \t]*)[«»\"”〃][ \t]+(?=\d{1,3}\.[ \t])")
_DITTO_HINT = re.compile(r"[«»\"”〃][ \t]+\d")  # one scan: most texts have no such mark before a number


def drop_ditto_marks(text: str) -> str:
    """'«  2.  Skriv frå forbundet' → '2.  Skriv frå forbundet': a typed list repeats its case word ('Sak') with a
    ditto mark, which would hide the item's number."""
    return _DITTO.sub(r"\1", text) if _DITTO_HINT.search(text) else text


def strip_list_markers(paragraphs: list[str]) -> list[str]:
    """Bullets of a list ('- Kari Nordmann, NAV') go; a lone '- ' line is left alone, since it may open a quote.

    An item may go on over indented lines ("• 1/22 Kun én gang" over " Digdir/Knut Bjørgaas"): still a list.
    """
    result = []
    for paragraph in paragraphs:
        lines = paragraph.split("\n")
        bulleted = bool(_BULLET.match(lines[0])) and all(
            _BULLET.match(line) or line[:1] in (" ", "\t") for line in lines
        )
        if bulleted and (len(lines) > 1 or not lines[0].lstrip().startswith("-")):
            paragraph = "\n".join(_BULLET.sub("", line).strip() for line in lines)
        result.append(paragraph)
    return result


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks inside one are kept (lists need them)."""
    return [p.strip() for p in _BLANK_LINES.split(text.strip()) if p.strip()]


# A labelled list cut after a comma ('Tilstede: Tove Kjevik, Per Gulbrandsen, Anne Balstad,'): a writer who ends
# every line with Enter, as many do in Word, gives its next line a paragraph of its own. A sentence cut after a
# comma is not joined: its next paragraph may be another's ('… ble ønsket velkommen,' / 'Berly Engen hadde …').
_LABELLED_LIST_GOES_ON = re.compile(r"^[^\n:]{1,40}:(?s:.*),$")


def join_broken_paragraphs(paragraphs: list[str]) -> list[str]:
    """Join a paragraph that a page break cut mid-sentence to the paragraph it belongs to.

    A paragraph cannot start with a lower-case letter in these documents
    unless it continues the previous one ("… personer med hull" / "i CV-en
    og …", "… f.eks." / "arbeidsgiveravgift og så videre").
    """
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and paragraph[:1].islower():
            joined[-1] = f"{joined[-1]} {paragraph}"
        elif joined and _LABELLED_LIST_GOES_ON.match(joined[-1]):  # 'Tilstede: A, B,' / 'C og D': its next line
            joined[-1] = f"{joined[-1]}\n{paragraph}"
        else:
            joined.append(paragraph)
    return joined


# What a web page prints around an article: share buttons, print links, "back to top", publication stamps.
_FURNITURE = re.compile(
    r"^(?:\s*(?:Del(?: denne)?(?: siden| artikkelen| saken)?(?: på| via)? (?:Facebook|Twitter|X|LinkedIn|e-post|epost)"
    r"|Del denne siden|Skriv ut(?: siden)?|(?:Tilbake )?til toppen(?: av siden)?"
    r"|(?:Hopp|Gå) til (?:hoved)?innhold(?:et)?"
    r"|Tilbake til (?:hovedsiden|forsiden|oversikten)|Logg inn for å (?:skrive en kommentar|kommentere)"
    # a blog's closing lines: "Tagged , .Bokmerk permalink.", "Kommentarer er stengt."
    r"|(?:Tagged\b[^.\n]{0,80}\.\s*)?Bokmerk (?:permalink|permalenken)|Kommentarer er (?:stengt|lukket)"
    # a news site's advertising and layout notes: "Annonse", "Saken fortsetter under annonsen"
    r"|Annonse|(?:Saken|Artikkelen) fortsetter under (?:annonsen|bildet)|\(Artikkelen fortsetter under bildet\.?\)"
    r"|Sist (?:oppdatert|endret):?\s*[\d. :]*|Oppdatert:\s*[\d. :]*|Publisert:?\s*[\d. :]*)[.!]?)+\s*$",
    re.IGNORECASE,
)


# A page's footer left at the end of a line when a PDF's text was run together: "… sendes til: Side 1 av 5".
# As printed, capitalised: a sentence that ends "… se side 3 av 5" keeps its words.
_PAGE_STAMP = re.compile(r"(?:^|\s+)(?P<stamp>(?:Side \d{1,4} av|SIDE \d{1,4} AV) \d{1,4})\s*$")
# Without "av N" only at the end of a run-on line, where a page ended: "… endring av namn i Gloppen Side 1",
# or alone on its line ("Side – 2"), where it would read as a heading
_PAGE_NUMBER = re.compile(r"\s+(?P<stamp>(?:Side|SIDE) \d{1,4})\s*$")
_PAGE_LINE = re.compile(r"^\s*(?:Side|SIDE)(?: [–-])? \d{1,4}\s*$")
RUN_ON_LINE_WORDS = 40


def separate_furniture(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Lines that are only web-page furniture, and page stamps ending a line, leave the body; they are returned,
    never dropped unseen."""
    body: list[str] = []
    removed: list[str] = []
    for paragraph in paragraphs:
        kept = []
        for line in paragraph.split("\n"):
            stamp = _PAGE_STAMP.search(line) if line.rstrip()[-1:].isdigit() else None  # most lines end otherwise
            if not stamp and line.rstrip()[-1:].isdigit() and len(line.split()) >= RUN_ON_LINE_WORDS:
                stamp = _PAGE_NUMBER.search(line)
            if stamp:
                removed.append(stamp["stamp"])
                line = line[: stamp.start()]
            furniture = _FURNITURE.match(line) or (line[-1:].isdigit() and _PAGE_LINE.match(line))
            (removed if line.strip() and furniture else kept).append(line)
        if any(line.strip() for line in kept):
            body.append("\n".join(kept))
    return body, removed


_CAPTION_LEAD = re.compile(rf"^(?:{_LEAD_IN}|fr[aå] venstre:?)\s*", re.IGNORECASE)


def caption_text(caption: str) -> str:
    """The list part of a caption, without its lead-in ("Fra venstre:", "Frå venstre"), photo credit, or the places
    it gives people ("til venstre")."""
    text = _POSITION.sub("", _PHOTO_CREDIT.sub("", _CAPTION_LEAD.sub("", caption.strip())))
    return " ".join(text.split()).rstrip(".")


def photo_credit(caption: str) -> str:
    match = _PHOTO_CREDIT.search(caption)
    return match.group("credit").strip() if match else ""


@dataclass
class CleanText:
    """Body paragraphs plus what was moved out of the body, so no word goes unaccounted."""

    paragraphs: list[str]
    captions: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    photo_credit: str = ""
    # Markdown headings as (level, text), a wholly bold line as level 7: the outline reads sections from them.
    headings: list[tuple[int, str]] = field(default_factory=list)
    # Names set in bold at the head of a paragraph ("**Pål** har arbeidet med …"): who that paragraph reports.
    lead_names: list[str] = field(default_factory=list)


def separate_captions(paragraphs: list[str]) -> CleanText:
    """Move photo captions out of the body and keep one copy of a caption printed twice.

    Web pages print a caption under the picture and again in the picture's
    text alternative; quoting it twice would double its people and words.
    """
    body: list[str] = []
    captions: list[str] = []
    removed: list[str] = []
    credit = ""
    seen: set[str] = set()
    for paragraph in paragraphs:
        kept_lines = []
        for line in paragraph.split("\n"):
            inline = _INLINE_CAPTION.search(line) if "venstre" in line and _PHOTO_CREDIT.search(line) else None
            if inline and not _CAPTION.match(line):  # the text before it stays the body's
                line, before = inline["caption"], line[: inline.start("caption")].rstrip()
                if before:
                    kept_lines.append(before)
            elif not _CAPTION.match(line) and not (
                "(" in line and "\n" not in paragraph and _BRACKETED_NAMES.match(_POSITION.sub("", line.strip()))
            ):
                kept_lines.append(line)
                continue
            credit = credit or photo_credit(line)
            key = caption_text(line).casefold()
            if key in seen:
                removed.append(line)
            else:
                seen.add(key)
                captions.append(line)
        if kept_lines:
            body.append("\n".join(kept_lines))
    return CleanText(body, captions, removed, credit)


_HEADING_LINE = re.compile(r"^[ \t]{0,3}(?P<marks>#{1,6})[ \t]+(?P<text>.*?)[ \t#]*$", re.MULTILINE)
# A wholly bold line that is no sentence ("**OBS! Denne artikkelen …**" is a banner, not a section).
_BOLD_LINE = re.compile(r"^[ \t]*(?:\*\*|__)(?P<text>[^*_\n]+?[^.!?*_\n])(?:\*\*|__)[ \t]*$", re.MULTILINE)
BOLD_LEVEL = 7


def markdown_headings(text: str) -> list[tuple[int, str]]:
    """'## 1. Status' → (2, '1. Status'); a line that is wholly bold → (7, its text); in document order."""
    found = [(m.start(), len(m["marks"]), m["text"]) for m in _HEADING_LINE.finditer(text)]
    found += [(m.start(), BOLD_LEVEL, m["text"]) for m in _BOLD_LINE.finditer(text)]
    return [(level, " ".join(_MD_STRONG.sub(r"\2", heading).split())) for _, level, heading in sorted(found)]


_LEAD_NAME = re.compile(
    r"^[ \t]*(?:\*\*|__)(?P<name>[A-ZÆØÅ][\wæøå-]+(?:[ ][A-ZÆØÅ][\wæøå-]+){0,2})(?:\*\*|__)[ \t]+(?=[a-zæøå])",
    re.MULTILINE,
)


def lead_names(text: str) -> list[str]:
    """'**Pål** har som planlagt …' → ['Pål']: each name once, in order."""
    return list(dict.fromkeys(m["name"] for m in _LEAD_NAME.finditer(text)))


def clean(text: str) -> CleanText:
    """The whole cleaner: characters first, then spaces, then paragraph structure."""
    text = drop_ditto_marks(normalize_spaces(aligned_tables(unescape_line_breaks(fix_homoglyphs(text)))))
    text = tables_as_lines(front_matter_as_labels(label_semicolons(text)))
    headings = markdown_headings(text)
    names = lead_names(text)
    text = strip_markdown(text)
    separated = separate_captions(split_paragraphs(text))
    separated.headings = headings
    separated.lead_names = names
    paragraphs, furniture = separate_furniture(separated.paragraphs)
    separated.removed.extend(furniture)
    # Markup can nest ("* ## Title") and joins can expose more of it, so these steps run until nothing changes.
    for _ in range(MAX_PASSES):
        again = join_broken_paragraphs(strip_list_markers(split_paragraphs(strip_markdown("\n\n".join(paragraphs)))))
        again = [normalize_spaces(p).strip() for p in again if p.strip()]
        if again == paragraphs:
            break
        paragraphs = again
    separated.paragraphs = paragraphs
    return separated
