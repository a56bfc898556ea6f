"""Find the document's outline: numbered agenda items, presentations and plain headings.

The outline gives every body paragraph its section, and its presenters are
the default speakers of the paragraphs under them.
"""

import re
from dataclasses import dataclass

from analysis.base.records import AgendaEntry, Person, find_person, present_by_first_name
from analysis.language.dates import MONTH_NAMES
from analysis.language.layout import alternation, layout
from analysis.language.norwegian import split_enumeration
from analysis.language.wordlists import PHOTO_CREDIT_LABEL
from analysis.parse.header import (
    LABEL_ONLY,
    TEXT_LABELS,
    agenda_label_alone,
    has_words,
    is_office_word,
    split_role,
)
from analysis.parse.participants import same_person, shows_there

MAX_ITEM_CHARS = 200  # a longer line after a number is a sentence, unless its title ends early (`run_in_title`)
# "1. Velkommen", "Sak 3/24 Budsjett", "08/00 Godkjenning", "Pkt. 1: Referat", "Sak 2 – Orientering".
# A bare number needs its full stop or slash: "99 prosent av bedriftene …" is a sentence, not item 99.
# A title may open with the day it is about: "Sak 5: 17. mai arrangement".
_TITLE = (
    rf"(?P<title>(?:[A-ZÆØÅa-zæøå\"«][^\n]{{1,{MAX_ITEM_CHARS}}}"
    rf"|\d{{1,2}}\.\s?(?:{MONTH_NAMES})\b[^\n]{{0,{MAX_ITEM_CHARS}}}))$"
)
# A timed programme: "10:00: Velkommen", "Kl. 09.00–09.15 Innledning", "09.00 - 09.30 Lunsj".
_TIME = r"(?:kl\.?\s*)?(?P<time>\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?)(?:\s*[:.–-])?"
_CASE_WORD = r"(?:Sak|Pkt\.?|Punkt|Post)"  # the words a numbered item opens with: "Sak 3/24", "Pkt. 1"
ITEM_RE = re.compile(
    # "Sak 41 / 23": a space either side of the slash too; "Sak 39/04/2015": the case, the meeting and the year;
    # "Sak nr. 1.2010 – Websidene": the year after a full stop
    rf"^(?:(?:{_CASE_WORD}|PS|OS|DS)\s+(?:nr\.?\s*)?(?P<no1>\d{{1,3}}(?:(?:\s?/\s?\d{{2,4}}){{1,2}}|\.(?:19|20)\d\d)?)"
    # "Sak 1, Årsmøte 2020.": a comma after the number before a capital; "Sak 1, 2 og 3 …" is prose
    r"(?:[.:]|,(?=\s+(?-i:[A-ZÆØÅ])))?"
    r"(?:\s*[-–]\s*\d{1,2}\.\d{1,2}\.\d{2,4})?(?:\s*[-–])?"  # "Sak 1 – 23.01.19 - Title": the meeting's date
    # "07 – 2022 Title", "22.2009 Title": a case number with its year after a dash or a full stop, before a capital
    # "S 7.1/07 Protokoll …": a decimal case number, perhaps after the letter of its series
    r"|(?:(?-i:[A-ZÆØÅ])\s+(?=\d{1,3}\.\d{1,2}/))?"
    r"(?P<no2>\d{0,3}/\d{2,4}|\d{1,3}\.\d{1,2}/\d{2,4}|\d{1,3}(?:\s+[-–]\s+|\.)(?:19|20)\d\d(?=\s+(?-i:[A-ZÆØÅ])))"
    r"[.:]?(?:\s*[-–])?"
    r"|(?P<no3>\d{1,2})[.)](?!\s+(?:" + MONTH_NAMES + r")\b)"  # "17. oktober" is a date, not item 17
    r"|" + _TIME + r")\s+(?!(?:PS|RS|Sak)\s+\d)" + _TITLE,
    re.IGNORECASE,
)
# A heading numbered without a full stop ("1 Godkjenning av referat"): an item only in sequence from 1, since
# "2 representanter …" or a page number may open a line too.
_BARE_ITEM = re.compile(r"^(?P<no3>\d{1,2})\s+(?P<title>[A-ZÆØÅ][^\n]{1,120})$")
# A number typed against its title ("2.Jubileumsfeiring"): an item only as the next number after the item before
# (or as item 1), since "3.Mai" or a version number may open a line too.
_GLUED_ITEM = re.compile(r"^(?P<no3>\d{1,2})\.(?!(?i:" + MONTH_NAMES + r")\b)(?P<title>[A-ZÆØÅ][a-zæøå][^\n]{1,120})$")


# A case number alone on its line, its title the paragraph below: "Sak nr. 5 [13:09:08]" / "Innstilling fra …";
# "Sak 39/04/2015": the case, the meeting and the year.
_CASE_ONLY = re.compile(
    rf"^{_CASE_WORD}\s+(?:nr\.?\s*)?(?P<no3>\d{{1,3}}(?:/\d{{2,4}}){{0,2}})[.:]?\s*(?:\[[^\]\n]*\])?\s*$",
    re.IGNORECASE,
)
MAX_TITLE_BELOW = 300  # characters: a longer paragraph below a case number is its text, not its title
MAX_CASE_LINE = 40  # characters of a line that holds a case number and a time only


def item_number(match: re.Match[str]) -> str:
    """The number of an item matched by `ITEM_RE` or `_BARE_ITEM`, whichever of their number groups holds it."""
    groups = match.groupdict()
    number = groups.get("no1") or groups.get("no2") or groups.get("no3") or groups.get("time") or ""
    return number.replace(" / ", "/") if groups.get("no1") else number


PRESENTATION_RE = re.compile(r"^(?P<title>[^\n]{3,200}?)\s+v/\s*(?P<who>[^\n]{2,150})$")
_PAREN = re.compile(r"\(([^)]*)\)")
_SENTENCE_END = (".", "!", "?", ":", ";", "…", '"', "»", "”")
MAX_HEADING_WORDS = 10
_QUOTE_START = (">", '"', "«", "“")
# An archive case number a flattened table left after the title ("Årsrapport 2018 … 2018/445").
_ARCHIVE_NUMBER = re.compile(r"\s+\d{4}/\d+\s*$")


# A line that announces the agenda in prose, over an unnumbered list: "Foreløpig program:", "Program for dagen:".
_PROGRAMME = re.compile(
    r"^[^\n:]{0,40}?\b(?:" + alternation(layout().labels["agenda"]) + r")\b[^\n:]{0,40}:$", re.IGNORECASE
)
# A listed item with its presenter after "ved": "Innledning ved statssekretær Sveinung Rotevatn".
_PRESENTED_BY = re.compile(r"^(?P<title>[^\n]{3,200}?)\s+ved\s+(?P<who>[^\n]{2,150})$")
MAX_LISTED_ITEM_WORDS = 12
MAX_PROGRAMME_LINE = 90


# Where a numbered item's title ends and its text runs on: a full stop after a word or a number, then a capital;
# or a colon there, when sentences follow it ("Pkt. 1 Godkjenning av innkalling og saksliste: Leder informerte om
# …. Sak 30/09 ble …"; one sentence after it may be the title's own, "Innledning: Hvor står vi?").
_RUN_IN = re.compile(r"(?:(?<=[a-zæøå]{3})|(?<=\d))\.\s+(?=[A-ZÆØÅ])")
_COLON_CUT = re.compile(r"(?:(?<=[a-zæøå]{3})|(?<=\d))\s?:\s+(?=[A-ZÆØÅ])")
# A sentence's end with more text after it, a closing quote allowed ("… mer med ”fiskelogo”. Forslaget er …"),
# never an initial's full stop ("Benthe K. Jansson").
_SENTENCES = re.compile(r"(?:(?<=[a-zæøå]{3})|(?<=\d)|(?<=[”\"»’)]))[.!?][”\"»’)]?\s+(?=[A-ZÆØÅ])")
MAX_TITLE_WORDS = 15  # a line closed by a full stop and longer than this is a sentence, not an item's title


# A label of the case's text after the title's words ("… saksliste Vedtak: Godkjent", `text_labels`), capitalised
_TEXT_LABEL = re.compile(rf"(?<=\S)\s+(?=(?i:{TEXT_LABELS})\s?:\s)")


def _text_label_at(line: str) -> int | None:
    """Where a label of the case's text starts after an item's title ('1/2016 Godkjenning av saksliste Vedtak:
    …'), its first letter a capital; None without one."""
    for match in _TEXT_LABEL.finditer(line):
        if line[match.end()].isupper():
            return match.start()
    return None


def run_in_title(line: str) -> tuple[str, str]:
    """A numbered item's title and what the line goes on with after it, if it does: "Eldrerådet. Orientering ved
    rådets leder Rigmor Thokle." or "Aksjonspunkter. Ole Bjørn har skrevet …" is the item "Eldrerådet" or
    "Aksjonspunkter" and a sentence of its text, and so is a title before a colon and two sentences or more
    ("Eventuelt: Kari meldte sak. Per …"); a title of more than a heading's words stays whole. A label of the case's
    text ends the title ("Godkjenning av saksliste Vedtak: Godkjent")."""
    labelled = _text_label_at(line)
    if labelled is not None:
        line, after = line[:labelled], line[labelled:].strip()
        title, run_in = run_in_title(line)
        return title, " ".join(part for part in (run_in, after) if part)
    cut = _RUN_IN.search(line)
    colon = _COLON_CUT.search(line, 0, cut.start() if cut else len(line))
    if colon and _SENTENCES.search(line, colon.end()) and len(line[: colon.start()].split()) <= MAX_HEADING_WORDS:
        return line[: colon.start()], line[colon.end() :]
    if cut is None or len(line[: cut.start()].split()) > MAX_HEADING_WORDS:
        return line, ""
    return line[: cut.start()], line[cut.end() :]


# What an item's line opens with: a number, or a case word before one. Most long lines open otherwise.
_NUMBERED_START = re.compile(rf"^(?:{_CASE_WORD}|PS|OS|DS|[A-ZÆØÅ])?\s*\d", re.IGNORECASE)


_RUN_ON_CUT = re.compile(rf"{_RUN_IN.pattern}|{_COLON_CUT.pattern}")  # in a line too long for a title, either


def _run_on_item(line: str, pattern: re.Pattern[str] = ITEM_RE) -> tuple[re.Match[str] | None, str]:
    """A numbered line too long for an item whose title ends early, its text running on ("2. Medlems og åpne møter.
    Oddveig har vært i kontakt med …", or with the number typed against the title: "1.Innkommet sak fra Odd Eilerås.
    Saken er …"): the item up to its title's end, and the text; (None, "") if it is not one."""
    labelled = _text_label_at(line)
    if labelled is not None and len(line[:labelled].split()) <= MAX_HEADING_WORDS + 1:
        item = pattern.match(line[:labelled])
        if item:
            return item, line[labelled:].strip()
    for cut in _RUN_ON_CUT.finditer(line):
        head = line[: cut.start()]
        if len(head.split()) > MAX_HEADING_WORDS + 1:  # the number, then a heading's words at most
            break
        item = pattern.match(head)
        if item:
            return item, line[cut.end() :]
    return None, ""


def _is_sentences(text: str) -> bool:
    """'Det planlegges et samarbeidsmøte med alle idrettslagene i bygda angående bruk og vedlikehold av baner og
    utstyr.': longer than a title and closed by a full stop, or two sentences: what the minutes say, no item's title
    ('Protokoll fra styremøte 9. mars og referat fra medlemsmøte 25. mars 2015.' is one)."""
    text = text.strip()
    return bool(_SENTENCES.search(text)) or (text.endswith((".", "!", "?")) and len(text.split()) > MAX_TITLE_WORDS)


def _listable(line: str) -> bool:
    """A line short enough to be an agenda item of an unnumbered list, and no sentence ('Åpning og velkomst')."""
    return len(line.split()) <= MAX_LISTED_ITEM_WORDS and not line.endswith(".")


def _listed_items(paragraph: str) -> list[str]:
    """The lines of an unnumbered list short enough to be agenda items ('Åpning og velkomst'); [] otherwise."""
    lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
    return lines if len(lines) >= 2 and all(map(_listable, lines)) else []


def _first_heading(line: str, people: list[Person]) -> bool:
    """The first heading under the agenda's label, which may close with a full stop ("Faste punkter:" /
    "Godkjenning av referat nummer 180." / "Referatet ble godkjent.")."""
    return _heading(line.rstrip().removesuffix("."), people)


def _items_by_heading(label: str, following: list[str], people: list[Person]) -> bool:
    """The agenda's label over a heading with its text below it ("Saker" / "Godkjenning av innkalling og saksliste" /
    "Ingen kommentarer …"): the headings that follow are the agenda's items, until a numbered one. A list of short
    lines under the label (a programme) or a numbered item below it reads as before."""
    return (
        agenda_label_alone(label)
        and len(following) == 2
        and _first_heading(following[0], people)
        and not ITEM_RE.match(following[0].strip())
        and not LABEL_ONLY.match(following[0].strip())
        and not is_heading(following[1])
    )


@dataclass(frozen=True)
class Block:
    """One body paragraph (or heading line) in reading order with the entry it opens, if any."""

    kind: str  # item | presentation | heading | text | line (a heading over nothing: a sentence, nobody's)
    text: str
    entry: AgendaEntry | None = None


def _heading_item(number: str, heading: str, paragraph: int) -> Block:
    """A plain heading that is an agenda item, its words the title ('Referat fra andre møter')."""
    return Block("item", heading, AgendaEntry(number, heading.strip(), "item", "", (), (), paragraph))


def is_heading(paragraph: str) -> bool:
    """A short single line without closing punctuation reads as a heading ("Koordinering")."""
    return (
        "\n" not in paragraph
        and len(paragraph.split()) <= MAX_HEADING_WORDS
        and not paragraph.rstrip().endswith(_SENTENCE_END)
        and not paragraph.lstrip().startswith(_QUOTE_START)  # '> "Folk må finne …" - Kim' is a quotation
    )


_BULLET = re.compile(r"^\s*[-–—•*]\s+(?P<first>\S+)")
# Two sentences on a short line, the first ending after a word (never "1. Book møte …", a numbered point):
# "Ole Bjørn takket for møtet. Referent: Oddveig"; "… åpnet årets dialogkonferanse. Foto: BLD" is a caption.
_INNER_SENTENCE_END = re.compile(rf"(?<=[a-zæøå]{{3}})[.!?]\s+(?!{PHOTO_CREDIT_LABEL}\s*:)(?=[A-ZÆØÅ])")


def _did_by_attendee(title: str, people: list[Person]) -> bool:
    """'Leiaren, Magne Aasbrenn, opna og ynskte velkome': an attendee named in full, then a verb of saying or doing
    at the meeting (`speech_verbs`, `acting_verbs`), what the minutes tell, never an item's title."""
    for person in people:
        at = title.find(person.name) if person.status == "present" and " " in person.name else -1
        after = title[at + len(person.name) :].lstrip(" ,").split(maxsplit=1) if at >= 0 else []
        if after and after[0][:1].islower() and shows_there(after[0]):
            return True
    return False


def _said_by_attendee(paragraph: str, people: list[Person]) -> bool:
    """A short line that says what an attendee does is text of the minutes, never a heading: a point of a list
    that opens with their first name ("– Helèn tar ansvar for vaktlisten"), or a line that opens with it before a
    word in lower case ("Oddveig har lovet å møte henne på Asker stasjon (v/Narvesen)", with no full stop)."""
    bullet = _BULLET.match(paragraph)
    if bullet:
        return bool(present_by_first_name(bullet["first"], people))
    words = paragraph.split()
    return len(words) > 1 and any(w[0].islower() for w in words[1:3]) and bool(present_by_first_name(words[0], people))


# The passive auxiliary of a decision reported ("Innkallinga vart godkjend", "Saklista blei godkjent", "Kari Lie ble
# valgt til leder"): a sentence of the minutes, never a title, which names the matter ("Godkjenning av innkalling").
_RESULT = re.compile(r"\s(?:ble|blei|vart)\s+[a-zæøå]")


def _reports_a_result(title: str) -> bool:
    """'Utsendingane vart godkjende': what the meeting did, told with a passive auxiliary; never a question."""
    return not title.rstrip().endswith("?") and bool(_RESULT.search(title))


def _tells_what_happened(line: str, people: list[Person]) -> bool:
    """'1. Leiaren, Magne Aasbrenn, opna …', '2. Innkallinga vart godkjend': what an attendee did or the meeting
    decided, text of the minutes."""
    return _did_by_attendee(line, people) or _reports_a_result(line)


def _heading(paragraph: str, people: list[Person]) -> bool:
    """A heading line, unless it is two sentences, an attendee's doing, or a numbered point telling what an attendee
    did or what was decided (a caption, 'Erna Solberg åpnet konferansen. Foto: BLD', stays apart)."""
    numbered = POINT_NUMBER.match(paragraph) is not None  # "1. Leiaren, Magne Aasbrenn, opna …": a point told
    return (
        is_heading(paragraph)
        and not _INNER_SENTENCE_END.search(paragraph)
        and not _said_by_attendee(paragraph, people)
        and not (numbered and _tells_what_happened(paragraph, people))
    )


# A point's number opening a line or sentence: "1. Leiaren …", "2) Siv tok …", "8 Årsmeldinga …"
POINT_NUMBER = re.compile(r"^\s*\d{1,3}[.)]?\s")


# "(Saksansvarlige: Ella og Kristine)" closing an item's title (`responsible_labels` in the layout file)
_RESPONSIBLE = re.compile(
    rf"\s*\((?i:{alternation(layout().responsible_labels)})\s*:\s*(?P<who>[^()\n]{{2,150}})\)\s*$"
)


def without_responsible(title: str) -> tuple[str, str]:
    """('Idrettsskole i Tana', 'Sebastian og Kine') from 'Idrettsskole i Tana (Saksansvarlige: Sebastian og
    Kine)': the title, and who is responsible for the item; (title, '') without such a bracket."""
    match = _RESPONSIBLE.search(title)
    return (title[: match.start()].rstrip(), match["who"].strip()) if match else (title, "")


# Words after which a name is what the item is about, not who answers for it: "Besøk av Kari", "Hilsen til Per".
_ABOUT_WORDS = frozenset("av for til med fra frå om hos ved v/ i og på".split())
MAX_RESPONSIBLE_WORDS = 3


def responsible_after(title: str, people: list[Person]) -> tuple[str, str]:
    """('Økonomi', 'Jørg') from 'Økonomi Jørg', 'Økonomi – Jørg' or 'Medlemsstatus, Ole Bjørn': an item's title
    closed by the name of one who was there, the one who answers for the item; (title, '') where the last words
    name nobody present, or stand after a word that makes the name the item's subject ('Besøk av Kari')."""
    words = title.rstrip(" .").split()
    people = list({p.name: p for p in people if p.name and p.status == "present"}.values())  # listed and named: once
    names = [p.name for p in people]
    if not names or " ".join(words).casefold() in {name.casefold() for name in names}:
        return title, ""  # "Kari Lie": a title that is a name is no title with its speaker after it
    for n in range(min(MAX_RESPONSIBLE_WORDS, len(words) - 1), 0, -1):
        who, rest = " ".join(words[-n:]), " ".join(words[:-n]).rstrip(" ,–-")
        if not all(word[:1].isupper() for word in words[-n:]) or not has_words(rest):
            continue
        before = rest.split()[-1]
        if before.casefold() in _ABOUT_WORDS or is_office_word(before):
            return title, ""  # "Besøk av Kari", "… og utvalsleiar Arnfinn Midtbøen": the name is what the item is about
        if _named_present(who, people, names):
            return rest, who
    return title, ""


def _named_present(reference: str, people: list[Person], names: list[str]) -> bool:
    """One present is meant: by full name, surname or first name ('Jørg'), or by the first names of a full one
    ('Ole Bjørn' for Ole Bjørn Andersen)."""
    return _attendee(reference, people) is not None or (" " in reference and same_person(reference, names) is not None)


def _attendee(reference: str, people: list[Person]) -> Person | None:
    """The listed person a reference names ('Kine' for the one Kine Haugen present); None if not one."""
    person = find_person(reference, people)
    same = present_by_first_name(reference, people) if person is None else [person]
    return same[0] if len(same) == 1 else None


def parse_presenters(who: str, people: list[Person]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """'A (Org1) og B (Org2)' → names and organisations; an attendee's organisation fills a gap.

    A single word that names nobody present ("v/Samarbeidsforum") is a
    presenting body, not a person, and goes to the organisations.
    """
    names: list[str] = []
    organisations: list[str] = []
    for part in split_enumeration(who, ampersand=True):
        bracket = _PAREN.search(part)
        org = bracket[1].strip() if bracket else ""
        name = _PAREN.sub("", part).strip()
        person = find_person(name, people) if name else None
        if person:
            names.append(person.name)
            organisations.append(org or person.organisation)
        elif len(name.split()) == 1 and not org:
            organisations.append(name)
        else:
            names.append(name)
            organisations.append(org)
    return tuple(names), tuple(o for o in organisations)


def _key(text: str) -> str:
    return " ".join(text.replace("*", "").split()).casefold()


def markdown_sections(headings: list[tuple[int, str]]) -> tuple[set[str], set[str]]:
    """The agenda items and the other section headings of a Markdown document, as comparison keys.

    The items are the headings of the shallowest level below the document's
    title, apart from header labels ('## Oppmøte'); where some of them are
    numbered ('## 1. Status'), only the numbered ones ('## Samandrag' and
    '## Vedlegg' are sections, not items).
    """
    kept = [(level, text) for level, text in headings if not LABEL_ONLY.match(text)]
    if kept and sum(level == kept[0][0] for level, _ in kept) == 1 and kept[0][0] == min(lv for lv, _ in kept):
        kept = kept[1:]  # the title
    if not kept:
        return set(), set()
    top = min(level for level, _ in kept)
    items = [text for level, text in kept if level == top]
    numbered = [text for text in items if ITEM_RE.match(text)]
    chosen = {_key(text) for text in (numbered or items)}
    return chosen, {_key(text) for _, text in kept} - chosen


def outline(
    paragraphs: list[str],
    people: list[Person],
    headings: list[tuple[int, str]] | None = None,
    *,
    items: bool = True,
    headed: bool = False,
) -> list[Block]:
    """Classify body paragraphs; a presentation line at the head of a paragraph is split off.

    In a Markdown document the items are its section headings (`markdown_sections`), and a numbered
    line inside a section is a list. Without `items` (a news item) nothing is an agenda item. With `headed`
    (minutes), plain headings over their text are the items of minutes that number none (`_headings_as_items`).
    """
    blocks: list[Block] = []
    item_no = ""
    sub_no = 0
    item_keys, section_keys = markdown_sections(headings or [])
    marked = {_key(text) for _, text in headings or []}
    listing = False  # under a Markdown document's agenda label, whose lines are the agenda its items repeat
    count = 0
    bare_next = 1  # the number a heading numbered without a full stop must have to be the next item
    titled_below: set[int] = set()  # paragraphs that are the title of the case number above them
    programme_count = 0  # items listed so far under the line that announced a programme
    by_heading = 0  # items so far that are headings under the agenda's label ("Saker"), 0 when they are not
    heading_blocks: dict[int, int] = {}  # the blocks that are plain headings, and their paragraphs
    for index, paragraph in enumerate(paragraphs):
        if index in titled_below:
            continue
        if items and not item_keys and _items_by_heading(paragraph, paragraphs[index + 1 : index + 3], people):
            blocks.append(Block("heading", paragraph))
            by_heading = 1
            continue
        label, _, first_item = paragraph.partition("\n")
        below = paragraphs[index + 1 : index + 2]
        if items and not item_keys and first_item and _items_by_heading(label, [first_item, *below], people):
            # the label and the first heading in one paragraph ("Faste punkter:" / "Godkjenning av referat …")
            blocks += [Block("heading", label), _heading_item("1", first_item, index)]
            item_no, sub_no, by_heading = "1", 0, 2
            continue
        before = paragraphs[index - 1] if index else ""
        announced = (
            items
            and not by_heading
            and before.endswith(":")
            and len(before) < MAX_PROGRAMME_LINE
            and _PROGRAMME.match(before)
        )
        listed = _listed_items(paragraph) if announced else []
        # a list split into one paragraph a line: each short line after the programme's is the next item
        one_line = (
            (announced or programme_count)
            and "\n" not in paragraph.strip()
            and not re.search(r"[.!?]\s", paragraph)  # "Velkommen! Det blir servering …" is a sentence
            and _listable(paragraph.strip())
            and not ITEM_RE.match(paragraph.strip())  # "Saksliste:" over "Sak 1: …" / text / "Sak 2: …": numbered
        )
        if not listed and one_line:
            listed = [paragraph.strip()]
        programme_count = 0 if announced else programme_count
        for line in listed:  # "Foreløpig program:" over "Åpning og velkomst / …"
            programme_count += 1
            item_no, sub_no = str(programme_count), 0
            by = _PRESENTED_BY.match(line)
            presenters, orgs = parse_presenters(split_role(by["who"])[1], people) if by else ((), ())
            title = by["title"] if by else line
            blocks.append(Block("item", line, AgendaEntry(item_no, title, "item", "", presenters, orgs, index)))
        if listed:
            continue
        programme_count = 0
        short = len(paragraph) < MAX_CASE_LINE
        case = _CASE_ONLY.match(paragraph.strip()) if short and items and not item_keys else None
        below = paragraphs[index + 1].strip() if index + 1 < len(paragraphs) else ""
        if case and below and len(below) <= MAX_TITLE_BELOW and "\n" not in below and not ITEM_RE.match(below):
            if _is_sentences(below):  # "Sak 2." over what the minutes say of it: an item without a title
                blocks.append(Block("heading", paragraph))
                continue
            item_no, sub_no = case["no3"], 0
            titled_below.add(index + 1)
            blocks.append(Block("item", below, AgendaEntry(item_no, below, "item", "", (), (), index)))
            continue
        first, _, rest = paragraph.partition("\n")
        key = _key(paragraph) if item_keys or section_keys else ""
        if key in marked:  # a marked heading ends the agenda listed under its label, or is that label, before any item
            listing = not count and bool(agenda_label_alone(paragraph))
        if items and key in item_keys:
            count += 1
            numbered = ITEM_RE.match(paragraph)
            item_no, sub_no = (item_number(numbered), 0) if numbered else (str(count), 0)
            title = numbered["title"].strip() if numbered else paragraph.strip()
            blocks.append(Block("item", paragraph, AgendaEntry(item_no, title, "item", "", (), (), index)))
            continue
        if key in section_keys:
            blocks.append(Block("heading", paragraph))
            continue
        # an item whose title goes on over the next line after a comma is one line ("11:55 Innlegg om …," / "NAV …")
        # an indented list item keeps its indent when the list is split into paragraphs (" 2. Medlemsmøter")
        line = " ".join(paragraph.split()) if first.rstrip().endswith(",") else paragraph.strip()
        item = ITEM_RE.match(line) if "\n" not in line and items and not item_keys else None
        run_on = ""
        if item is None and items and not item_keys and "\n" not in line and len(line) > MAX_ITEM_CHARS:
            item, run_on = _run_on_item(line) if _NUMBERED_START.match(line) else (None, "")
        bare = _BARE_ITEM.match(paragraph) if items and not item_keys else None
        if bare and is_heading(paragraph) and int(bare["no3"]) == bare_next:
            bare_next += 1
            item = bare
        glued, glued_on = None, ""
        if items and not item_keys and not item:
            glued = _GLUED_ITEM.match(line)
            if glued is None and line[:1].isdigit() and "\n" not in line:
                glued, glued_on = _run_on_item(line, _GLUED_ITEM)  # "1.Innkommet sak fra Odd. Saken er …"
        if glued and int(glued["no3"]) == (int(item_no) + 1 if item_no.isdigit() else 1):
            item, run_on = glued, glued_on
        title, run_in = run_in_title(_ARCHIVE_NUMBER.sub("", item["title"]).strip()) if item else ("", "")
        if item and not run_in and not item.groupdict().get("time") and _is_sentences(title):
            # "Punkt 5. Svarbrev til ett medlem ble vi enig om at …": what the minutes say; a timed programme's
            # line is its item whatever its length
            item = None
        if item and headed and (_said_by_attendee(title, people) or _tells_what_happened(title, people)):
            # "2) Siv tok en gjennomgang av …", "3. Innkallinga vart godkjend": minutes numbering what attendees did
            # or what the meeting decided, no item's title
            item = None
        if item:
            by_heading = 0
            item_no, sub_no = item_number(item), 0
            title, responsible = without_responsible(title)
            presentation = PRESENTATION_RE.match(title)
            if not responsible and not presentation:
                title, responsible = responsible_after(title, people)
            presenters, orgs = parse_presenters(presentation["who"], people) if presentation else ((), ())
            if responsible and not presentation:  # people, a first name alone too ("Ella og Kristine")
                named = [(part.strip(), _attendee(part, people)) for part in split_enumeration(responsible)]
                presenters = tuple(person.name if person else part for part, person in named)
                orgs = tuple(person.organisation if person else "" for _, person in named)
            blocks.append(Block("item", paragraph, AgendaEntry(item_no, title, "item", "", presenters, orgs, index)))
            text = " ".join(part for part in (run_in, run_on) if part)
            if text:
                blocks.append(Block("text", text))
            continue
        presentation = PRESENTATION_RE.match(first)
        if presentation and not first.rstrip().endswith("."):
            sub_no += 1
            presenters, orgs = parse_presenters(presentation["who"], people)
            number = f"{item_no}.{sub_no}" if item_no else f"0.{sub_no}"
            blocks.append(
                Block(
                    "presentation",
                    first,
                    AgendaEntry(
                        number,
                        presentation["title"].strip(),
                        "presentation",
                        item_no,
                        presenters,
                        orgs,
                        index,
                    ),
                )
            )
            if rest.strip():
                blocks.append(Block("text", rest.strip()))
            continue
        closing = _CLOSING_ITEM.match(paragraph.strip()) if items and item_no else None
        if closing:  # "Eventuelt" / "Ymse:" after numbered items: the agenda's last item, numbered in turn or not
            item_no, sub_no = (str(int(item_no) + 1) if item_no.isdigit() else ""), 0
            blocks.append(Block("item", paragraph, AgendaEntry(item_no, closing["title"], "item", "", (), (), index)))
            continue
        if item_keys or section_keys:
            # Markdown marks its headings ('# Tittel' too): a short line unmarked is text, a list's point ('- Trenger
            # mindre veiledning' under '### Tilbakemeldingar'), except the agenda listed under its label ('## Dagsorden'
            # over '1. Velkommen'); a rule ('---') says nothing and heads as before
            heading = key in marked or listing or not has_words(paragraph)
        else:
            heading = _first_heading(paragraph, people) if by_heading == 1 else _heading(paragraph, people)
        agenda_label = agenda_label_alone(paragraph)  # "Saker:" over the items: a heading, no sentence
        # a heading over another heading heads no text: "Nr.253" over "Brev til gruppen"
        if (
            heading
            and by_heading
            and not agenda_label
            and not (index + 1 < len(paragraphs) and _heading(paragraphs[index + 1], people))
        ):
            item_no, sub_no = str(by_heading), 0
            by_heading += 1
            blocks.append(_heading_item(item_no, paragraph, index))
            continue
        if heading and not agenda_label:
            heading_blocks[len(blocks)] = index
        blocks.append(Block("heading" if heading or agenda_label else "text", paragraph))
    blocks = _headings_as_items(blocks, heading_blocks) if headed and items and not item_keys else blocks
    return _lines_heading_nothing(blocks)


def _lines_heading_nothing(blocks: list[Block]) -> list[Block]:
    """A line read as a heading that heads no text is a line of its own: a point of a list or a label with its value
    over another heading or an item ('- Noreg som nummer to' over '- Danmark seinare', 'Leder: Liv Hansen, gjenvalgt'
    over 'Nestleder: …'), or any heading the document ends with ('– Kurver og hyller'). A heading's words are kept
    only as the section of the text under it, so such a line would be left out of every table. A label over the
    items ('Faste punkter:'), a letterhead over the title and a heading over a subheading still head them; a field's
    label alone at the end ('Referent' under a signature) is the signature's."""
    kept = list(blocks)
    for k, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        after = blocks[k + 1].kind if k + 1 < len(blocks) else ""
        alone = LABEL_ONLY.match(block.text.strip())  # "Referent" under a signature
        pointed = after and after != "text" and _POINT_OR_VALUE.match(block.text)
        if has_words(block.text) and ((not after and not alone) or pointed):
            kept[k] = Block("line", block.text)
    return kept


# A point of a list opening a line: "- Sveits først", "• Redd Barna"
_LIST_POINT = r"[-–—•·*]\s"
# A point of a list, or a label with its value ("Kasserer: Arvid Meløy, gjenvalgt"; never a sentence before a
# colon: "Statsråden åpnet konferansen. Foto: NTB")
_POINT_OR_VALUE = re.compile(rf"^\s*(?:{_LIST_POINT}|[^:.!?\n]{{1,40}}:\s*\S)")


# "Eventuelt", "Ymse:" alone on a line after numbered items (`closing_items`)
_CLOSING_ITEM = re.compile(rf"^(?P<title>{alternation(layout().closing_items, spaced=True)})\s*[:.]?$", re.IGNORECASE)
MIN_HEADED_ITEMS = 3
# "Foto: …", "Møterom: K-248", "• Redd Barna ved …": a label with its value, or a point of a list, heads nothing
_LABELLED_OR_LISTED = re.compile(rf"^\s*(?:{_LIST_POINT}|[^:]*:)")


def _headings_as_items(blocks: list[Block], headed: dict[int, int]) -> list[Block]:
    """Minutes that number nothing, set under plain headings each over its text ('Driftsmidler' / 'Idrettsrådet har
    i oppgave …'): the headings, three or more, are the agenda's items, numbered in order. A label ('Handling:')
    is no heading; minutes with any numbered item keep their items."""
    if any(block.kind == "item" for block in blocks):
        return blocks
    over_text = [
        k
        for k in headed
        if k + 1 < len(blocks)
        and blocks[k + 1].kind == "text"
        and not blocks[k + 1].text.rstrip().endswith(":")  # "Andre roller til fordeling:" is a list's label
        and not _LABELLED_OR_LISTED.match(blocks[k].text)
    ]
    if len(over_text) < MIN_HEADED_ITEMS:
        return blocks
    numbered = {k: n for n, k in enumerate(over_text, 1)}
    return [
        _heading_item(str(numbered[k]), block.text, headed[k]) if k in numbered else block
        for k, block in enumerate(blocks)
    ]
