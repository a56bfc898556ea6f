"""Documents typed without blank lines: find the paragraph breaks that their line breaks stand for.

Most minutes separate paragraphs with blank lines, and a single line break
inside a paragraph is a soft wrap or a list. Minutes pasted from e-mail or
typed in a plain editor often have no blank line anywhere: every field,
agenda line and paragraph simply starts on a new line, and the whole
document would be read as one header paragraph. A line break is a paragraph
break here when the next line opens a header field or an agenda item, when
the line before it is an agenda item or a heading (a short line without
closing punctuation), or when the line before it ends a sentence and the
next starts a new one. A heading split from its text changes no segment id:
headings are not numbered paragraphs.
"""

import itertools
import re

from analysis.parse.agenda import ITEM_RE, is_heading
from analysis.parse.header import LABEL_RE

_SENTENCE_END = re.compile(r"[.!?…»”\"]$")
# A capital (or a figure, quote or dash) opening a line, perhaps after an icon a web page sets before a heading
# ("@ E-post", "► Saker")
_STARTS_NEW = re.compile(r"^(?:[@►▶■□✉☎]\s*)?[A-ZÆØÅÄÖÜÉ0-9«\"“–-]")
_OPEN_END = re.compile(r"[,(\-–]$|\b(?:og|eller|i|på|av|til|for|med|som|at)$")
# A numbered line, however long ("1. Budsjett 2010: Finn Madsen informerte om …"): an item with its text run in.
_NUMBERED_LINE = re.compile(r"^\d{1,2}[.)]\s+[A-ZÆØÅ]")


def _is_heading_line(line: str) -> bool:
    """'Lønnstilskudd og oppfølging': a heading by the outline's test, capitalised, not continued below."""
    return is_heading(line) and bool(_STARTS_NEW.match(line)) and not _OPEN_END.search(line) and "," not in line


def _breaks_before(previous: str, line: str) -> bool:
    previous, line = previous.strip(), line.strip()
    if not previous or not line:
        return False
    return bool(
        LABEL_RE.match(line)
        or ITEM_RE.match(line)
        or _NUMBERED_LINE.match(line)
        or (ITEM_RE.match(previous) and not previous.endswith(","))  # "11:55 Innlegg om …," / "NAV … ved …"
        or (_is_heading_line(previous) and _STARTS_NEW.match(line) and not LABEL_RE.match(previous))
        or (_SENTENCE_END.search(previous) and _STARTS_NEW.match(line))
    )


LIST_ITEM_WORDS = 6


def _is_short_list(lines: list[str]) -> bool:
    """'Andreas / Elias / Bo', a list of names under '## Oppmøte': short lines, none a sentence or a label."""
    return len(lines) >= 2 and all(
        len(line.split()) <= LIST_ITEM_WORDS
        and not line.rstrip().endswith((".", "!", "?", ":"))
        and not LABEL_RE.match(line)
        and not ITEM_RE.match(line)
        for line in lines
    )


RUN_ON_WORDS = 60  # a line this long has lost its line breaks (a PDF transcript)
RUN_ON_CHARS = 600  # … and a line a PDF ran its page into is longer than this, before case words are looked for
# A case-numbered item inside such a line: "SAK 29/14 GODKJENNING AV …", "PS 6/19 Referatsaker", "/13 HØRINGSUTTALELSE".
# A marked item may also be glued to the text before it, as a web page's flattened list leaves it
# ("… ble godkjent:Sak 50/23 Godkjenning … saklisteSak 51/23 Referat").
_CASE_ITEM = re.compile(
    r"(?<=[\s:a-zæøå\d])(?=(?-i:SAK|Sak|PS|OS|DS)\s+\d{1,3}/\d{2,4}\b(?!\s+[a-zæøå]))"  # "Sak 30/09 ble …": prose
    r"|(?<=\s)(?=(?<!SAK )(?<!Sak )(?<!PS )(?<!OS )(?<!DS )(?<!RS )\d{0,3}/\d{2,4}\s+[A-ZÆØÅ]{2,}\b(?![a-zæøå]))"
)
# An upper-case item title after its case number ends where ordinary text starts, or at the dot leader of a
# table of contents ("/13 REFERAT- OG ORIENTERINGSSAKER... 5").
_CAPS_TITLE = re.compile(
    r"^(?P<head>(?:(?:SAK|Sak|PS|OS|DS)\s+)?\d{0,3}/\d{2,4}\s+(?:[A-ZÆØÅ][A-ZÆØÅ-]*[.]*\s+)*[A-ZÆØÅ][A-ZÆØÅ-]+)"
    r"(?:\.{3,}\s*|\.*\s+(?=\S*[a-zæøå]))"
)


_SLASH_NUMBER = re.compile(r"/\d\d")
# A case number in a run-on agenda whatever its title's case: "001/15 Godkjenning av …", "S 7.1/07 Protokoll …"
# (a decimal number may carry a one-letter series). One alone may be an archive number ("Arkivsaksnr.: 15/40");
# three or more that count up one by one, in one year, are the agenda.
_NUMBERED = re.compile(
    r"(?<![\w/.-])(?:(?-i:[A-ZÆØÅ])\s+(?=\d{1,3}\.\d))?(?P<major>\d{1,3})(?:\.(?P<minor>\d{1,2}))?/(?P<year>\d{2,4})"
    r"\s+(?=[A-ZÆØÅ])"
)
MIN_SEQUENCE = 3
MIN_MARKED = 2


def _follows(before: re.Match[str], after: re.Match[str]) -> bool:
    """'002/15' after '001/15'; 'S 7.2/07' after 'S 7.1/07', 'S 8.1/07' after 'S 7.5/07'."""
    if before["year"] != after["year"] or bool(before["minor"]) != bool(after["minor"]):
        return False
    major, next_major = int(before["major"]), int(after["major"])
    if not before["minor"]:
        return next_major == major + 1
    minor, next_minor = int(before["minor"]), int(after["minor"])
    return (next_major == major and next_minor == minor + 1) or (next_major == major + 1 and next_minor == 1)


# A case number whose number a transcript lost, its year kept: "… 89/09 Godkjenning … /09 Budsjett /09 …".
_LOST_NUMBER = re.compile(r"(?<![\w/.-])/(?P<year>\d{2,4})\s+(?=[A-ZÆØÅ])")


def _lost_between(lost: list[re.Match[str]], before: re.Match[str], after: re.Match[str]) -> list[int]:
    """Where the case numbers a transcript lost between two it kept begin ('89/09 … /09 … /09 … 92/09'): only as
    many markers of that year as numbers are missing between the two; else none."""
    if before["minor"] or after["minor"] or before["year"] != after["year"]:
        return []
    between = [m.start() for m in lost if before.end() <= m.start() < after.start() and m["year"] == before["year"]]
    return between if len(between) == int(after["major"]) - int(before["major"]) - 1 else []


def _counted_items(paragraph: str) -> list[int]:
    """Where each case number of a run of three or more counting up one by one begins, the numbers a transcript
    lost inside the run counted in."""
    starts: list[int] = []
    run: list[int] = []
    lost = list(_LOST_NUMBER.finditer(paragraph)) if "/" in paragraph else []
    before: re.Match[str] | None = None
    for match in _NUMBERED.finditer(paragraph):
        broken = before is not None and not _follows(before, match)
        gap = _lost_between(lost, before, match) if broken and before is not None else []
        if broken and not gap:
            starts += run if len(run) >= MIN_SEQUENCE else []
            run = []
        run += [*gap, match.start()]
        before = match
    return starts + (run if len(run) >= MIN_SEQUENCE else [])


# An item a case word numbers inside a run-on line: "… sakslista. Pkt. 2 Godkjenning av protokoll …".
_POINT_ITEM = re.compile(r"(?:Pkt\.?|Punkt|Sak|SAK)\s+(?P<no>\d{1,2})\.?\s+(?=[A-ZÆØÅ])")


def _points(paragraph: str) -> list[str]:
    """A run-on line split before each item a case word numbers ('Pkt. 1 … Pkt. 2 … Pkt. 3'), when two or more
    count up one by one; the line as it is otherwise."""
    if len(paragraph) < RUN_ON_CHARS:  # most paragraphs end here, unscanned
        return [paragraph]
    cased = "Sak" in paragraph or "Pkt" in paragraph or "SAK" in paragraph or "Punkt" in paragraph
    if not cased or paragraph.count(" ") < RUN_ON_WORDS:
        return [paragraph]  # no case word, or fewer words than a run-on line
    run: list[re.Match[str]] = []
    for match in _POINT_ITEM.finditer(paragraph):
        if not match.start() or not paragraph[match.start() - 1].isspace():
            continue  # the case word opens the line or ends another word ('Forsak 2 …'): no item inside the line
        if run and int(match["no"]) != int(run[-1]["no"]) + 1:
            if len(run) >= MIN_MARKED:
                break
            run = []
        run.append(match)
    if len(run) < MIN_MARKED:
        return [paragraph]
    bounds = [0, *(m.start() for m in run), len(paragraph)]
    return [piece for a, b in itertools.pairwise(bounds) if (piece := paragraph[a:b].strip())]


def split_run_on(paragraph: str) -> list[str]:
    """A PDF transcript's run-on line, split before each case-numbered item and after an upper-case item title."""
    if "\n" in paragraph:
        return [paragraph]
    if not _SLASH_NUMBER.search(paragraph):
        return _points(paragraph)  # no case number at all: the common case, answered by cheap searches
    counted = [] if len(_CASE_ITEM.findall(paragraph)) >= MIN_MARKED else _counted_items(paragraph)
    if counted:  # no items marked "Sak"/"PS" or titled in capitals: numbers that count up mark them
        bounds = [0, *counted, len(paragraph)]
        pieces = [paragraph[a:b].strip() for a, b in itertools.pairwise(bounds)]
        return [q for piece in pieces for q in _split_marked(piece) if q]
    return [q for piece in _split_marked(paragraph) for q in _points(piece)]


def _split_marked(paragraph: str) -> list[str]:
    """Split before each marked case item ('SAK 29/14', '/13 HØRINGSUTTALELSE') and after an upper-case title."""
    markers = len(_CASE_ITEM.findall(paragraph))
    titled = any(_CAPS_TITLE.match(piece) for piece in _CASE_ITEM.split(paragraph)[1:])
    if "\n" in paragraph or not markers or (len(paragraph.split()) < RUN_ON_WORDS and markers < 2 and not titled):
        return [paragraph]
    pieces = []
    for piece in _CASE_ITEM.split(paragraph):
        caps = _CAPS_TITLE.match(piece)
        if caps:
            pieces += [caps["head"], piece[caps.end() :]]
        else:
            pieces.append(piece)
    return [p.strip() for p in pieces if p.strip()]


def _is_list_line(line: str) -> bool:
    return _is_short_list([line, line])


def _opens_list(line: str) -> bool:
    """'Til stede:' with nothing after it: the lines below are its list."""
    match = LABEL_RE.match(line.strip())
    return bool(match) and not line.strip()[match.end() :].strip()


def split_hard_breaks(paragraphs: list[str]) -> list[str]:
    """Split each paragraph where a line break is really a paragraph break; lists stay whole."""
    result: list[str] = []
    for paragraph in [piece for p in paragraphs for piece in split_run_on(p)]:
        lines = paragraph.split("\n")
        if _is_short_list(lines):
            result.append(paragraph)
            continue
        current = [lines[0]]
        for previous, line in itertools.pairwise(lines):
            listing = _is_list_line(line) and (_opens_list(current[0]) or _is_short_list(current))
            if listing and len(current) > 1:
                current.append(line)  # the list under 'Til stede:' goes on
            elif _breaks_before(previous, line):
                result.append("\n".join(current))
                current = [line]
            else:
                current.append(line)
        result.append("\n".join(current))
    return [p for p in result if p.strip()]
