"""Read the head of a document: labelled fields, the attendance lists and the title.

The labels are matched anywhere on a header line because converted minutes
often run two fields together ("Referent: … Møteleder: …").
"""

import re
from collections import Counter
from dataclasses import replace

from analysis.base.records import Header, Person
from analysis.language.dates import date_alone, find_date, leading_when, parse_time_span
from analysis.language.layout import alternation, layout
from analysis.language.norwegian import CAPITALS, SHORT_DOUBLE, SMALL, STOP_WORDS, split_enumeration
from analysis.language.wordlists import ROLES
from analysis.parse.clean import caption_text

# canonical field -> the labels that introduce it, from data/layout.yml
LABELS: dict[str, tuple[str, ...]] = dict(layout().labels)
STATUS = {"present": "present", "absent": "absent", "copy": "copy", "facilitator": "present", "group": "present"}
MAX_TITLE_WORDS = 20
_LABEL_TO_FIELD = {label.lower(): name for name, labels in LABELS.items() for label in labels}
_LABEL_ALTERNATIVES = alternation(_LABEL_TO_FIELD)
# A group in an attendance list ("Fra styret:", "Administrasjonen:", "Frå departementet:"): the organisation, of
# two words at most or two joined by "og" ("Fra pasient og brukerombudet:", "Fra Arbeids- og velferdsdirektoratet:").
_GROUP_LABEL = (
    r"(?:(?:" + alternation(layout().group_lead) + r")\s+(?P<lead_group>[\w-]+(?:\s(?:og\s)?[\w-]+)?)"
    r"|(?P<group>" + alternation(layout().groups) + r"))"
)
# A note in brackets between a label and its colon: "Tilstede (ifølge Spond):", "Til stede (digitalt):"; or the
# words that say in what capacity or besides whom: "Til stades som delegatar:", "Til stades elles:".
_LABEL_NOTE = (
    r"(?:\s*\([^()\n:]{1,40}\)"
    r"|\s+(?:som(?:\s+[a-zæøå]+){1,2}|elles|ellers|dessuten|også|i\s+tillegg|i\s+tillegg\s+til\s+styret))?"
)
# "Fraværende:" and, with a stray full stop, "Fraværende.:"
LABEL_RE = re.compile(
    r"(?<![\w/-])(?:(?P<label>" + _LABEL_ALTERNATIVES + r")|" + _GROUP_LABEL + r")\.?" + _LABEL_NOTE + r"\s*:",
    re.IGNORECASE,
)
COPY_LABEL_RE = re.compile(
    r"(?<![\w/-])(?:" + alternation(LABELS["copy"]) + r")\s*:",
    re.IGNORECASE,
)
LABEL_ONLY = re.compile(r"^(?P<label>" + _LABEL_ALTERNATIVES + r")" + _LABEL_NOTE + r"\s*:?\s*$", re.IGNORECASE)
# Where the agenda starts in a run-on header ("… Johansen Saksliste 19/13 …"): capitalised, colon or not.
AGENDA_LABEL_RE = re.compile(r"(?<![\w/-])(?:" + alternation(layout().labels["agenda"]) + r")\b:?")
# An unknown label opening a line ("Kontekst: …", "Transkripsjon: …") ends the value of the field above it.
_ANY_LABEL = r"^\s*[A-ZÆØÅ][\w /-]{0,40}:"
_OTHER_LABEL_LINE = re.compile(rf"{_ANY_LABEL}(?:\s|$)")
# ... or stands inside a line a PDF or web page ran together ("… kl. 15.00 Besøk: Ingen Vedlegg: …").
_OTHER_LABEL_INLINE = re.compile(r"(?<=\s)[A-ZÆØÅ][a-zæøå-]{1,30}:(?=\s|$)")  # not an acronym's 'NAV: Ola Dahl'
_MARKERS = {word.casefold(): name for name, words in layout().name_markers.items() for word in words}
_NOBODY = layout().nobody
TITLE_RE = re.compile(r"^(?:Referat|Møtereferat|Protokoll|Møteprotokoll|Møtebok)\b", re.IGNORECASE)
# "Postet av Kari Lie den 27. Okt 2014", "Publisert dato: 18.04.2008": when a web page was put out
_STAMP = re.compile(rf"^\s*(?:{alternation(layout().publication_stamps, spaced=True)})\b", re.IGNORECASE)
MAX_STAMP_WORDS = 12


def names_meeting(text: str) -> bool:
    """'Kort referat fra årsmøtet', 'Styremøte nr. 07-2014': the text holds a word for a meeting or its record
    (`meeting_stems`), which no person's name does."""
    return any(stem in text.casefold() for stem in layout().meeting_stems)


def publication_stamp(paragraph: str) -> bool:
    """A short line that opens with a word of `publication_stamps` and holds a date. Its date is the page's, not
    the meeting's; it may still give the year of a meeting the text dates by day and month only."""
    line = paragraph.strip()
    if not _STAMP.match(line):  # most paragraphs end here
        return False
    return "\n" not in line and len(line.split()) <= MAX_STAMP_WORDS and bool(find_date(line))


_NAME_WORD = re.compile(rf"^(?:(?:[{CAPITALS}]\.)+|[{CAPITALS}][{SMALL}{CAPITALS}'’-]*\.?)$")
_VIA = r"\s+(?:v/|v\.\s)\s*"  # "NAV Vestfold v/Trine Moe", "4H Norge v. Simen Saxebøl"
_ORG_VIA_PERSON = re.compile(rf"^(?P<org>[^,()]{{2,80}}?){_VIA}(?P<name>[^,()]+)$")
# "NAV: Kari Nordmann, Ola Hansen", "Amnesty International Norge v. Harald Askebakke, Sven Mollekleiv":
# an organisation's people on one line of a list
_ORG_LINE = re.compile(rf"^(?P<org>[A-ZÆØÅ0-9][^:\n]{{0,60}}?)(?::|{_VIA})\s*(?P<names>\S.*)$")
_PAREN_PERSON = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<org>[^)]+)\)\s*[.;,]?$")

_ROLE_RE = re.compile(r"^(?P<role>" + alternation(ROLES) + r")\b\s*", re.IGNORECASE)


def canonical_role(text: str) -> str:
    for role in ROLES:
        if role.lower() == text.lower():
            return role
    return text


def split_role(text: str) -> tuple[str, str]:
    """('Statsråd', 'Anniken Hauglie') from 'Statsråd Anniken Hauglie'; role '' when none."""
    match = _ROLE_RE.match(text.strip())
    if not match:
        return "", text.strip()
    return canonical_role(match["role"]), text[match.end() :].strip()


# "vara Kari-Janne Hansen" in an attendance list: one who came as a substitute (`substitute_words`), ranked or not
# ("1. vara Lars Johan Tveit": substitutes are called in order)
_SUBSTITUTE = rf"(?:\d\.\s*)?(?i:{alternation(layout().substitute_words)})"
_SUBSTITUTE_WORD = re.compile(rf"^(?P<word>{_SUBSTITUTE})\s+(?=[{CAPITALS}])")


def _substitute_role(text: str) -> tuple[str, str]:
    """'vara Kari Hansen' → ('Vara', 'Kari Hansen'), '1. vara Kari Hansen' → ('1. vara', …); ('', text) without."""
    match = _SUBSTITUTE_WORD.match(text.strip())
    return (match["word"].capitalize(), text.strip()[match.end() :]) if match else ("", text)


# Lower-case words before a name in a list ("nasjonal talsperson Hanna E. Marcussen", "dagleg leiar Kari Lie"):
# the title a list item gives its person, known to the layout file or not.
_LOWER_TITLE = rf"[{SMALL}][\w-]*(?:\s+[{SMALL}][\w-]*){{0,2}}"
_LOWER_TITLE_RE = re.compile(rf"^(?P<title>{_LOWER_TITLE})\s+(?=[{CAPITALS}])")


def _lower_title(text: str) -> tuple[str, str]:
    """('Nasjonal talsperson', 'Hanna E. Marcussen') from 'nasjonal talsperson Hanna E. Marcussen'; ('', text) where
    no lower-case title opens a name, or it is only function words ('og Kari Lie')."""
    match = _LOWER_TITLE_RE.match(text.strip())
    if not match or match["title"].split()[-1] in STOP_WORDS:
        return "", text
    rest = text.strip()[match.end() :]
    return (match["title"].capitalize(), rest) if looks_like_name(rest) else ("", text)


def looks_like_name(text: str, min_words: int = 2) -> bool:
    """Two to five capitalised words ("Kari Nordmann", "Leni Buljo Hemminghytt"), after any title."""
    _, name = split_role(_substitute_role(text)[1])
    words = name.split()
    acronym = any(w.isupper() and len(w) > 1 and "." not in w for w in words)  # "NAV Oslo" is an organisation
    inner = layout().name_particles  # "Katarina de Brisis": a particle inside a name, never first or last
    return (
        min_words <= len(words) <= 5
        and all(_NAME_WORD.match(w) or (0 < k < len(words) - 1 and w in inner) for k, w in enumerate(words))
        and not acronym
    )


# "Jonas Skjærpe pva Hans Christian Holte", "Egil (vara for Svein Lorents)": the one who came, for one who did not
# (substitute_markers in layout.yml)
_MARKER = alternation(layout().substitute_markers)
_ON_BEHALF = re.compile(rf"\s+(?:{_MARKER})\s+(?P<for>[^,(]+)|\s*\(\s*(?:{_MARKER})\s+(?P<bracketed>[^)]+)\)", re.I)


def _who_came(name_part: str) -> str:
    """'Jonas Skjærpe pva Hans Christian Holte' → 'Jonas Skjærpe'; a name without a substitute marker as it is."""
    return _ON_BEHALF.sub("", name_part, count=1)


def _stood_in_for(part: str) -> str:
    """'Egil (vara for Svein Lorents)' → 'Svein Lorents': the member someone came for, when a name (not 'pva FFO')."""
    match = _ON_BEHALF.search(part)
    name = (match["for"] or match["bracketed"]).strip().rstrip(".") if match else ""
    return name if looks_like_name(name) or first_name(name) else ""


# A remark after an attendee's organisation: a comma, then a lower-case word ("Digdir, alle saker").
_REMARK = re.compile(r",\s*[a-zæøå].*$")


# Item or clock numbers in a bracket say when someone was there, not where from: "(S 7.1 S 7.4)", "(sak 3.2–3.5)",
# "(10.30–12)". An organisation's name holds no such number ("(4H Norge)" does not count).
_NUMBERED_REMARK = re.compile(r"\d+[./:]\d+")


def _is_remark(bracketed: str) -> bool:
    """'ferie', 'per telefon', 'fra kl 18': a remark of the layout file, as the whole bracket or its first words;
    'S 7.1 S 7.4': the items someone was there for."""
    folded = " ".join(bracketed.casefold().split())
    return bool(_NUMBERED_REMARK.search(folded)) or any(
        folded == remark or folded.startswith(remark + " ")
        for remark in (*layout().remarks, *layout().substitute_markers)
    )


def first_name(text: str) -> bool:
    """'Bastian': one capitalised word that is not an acronym ('NAV') — a list of these is a list of first names;
    'Amanda (Skype)' too, the bracket a remark."""
    paren = _PAREN_PERSON.match(text.strip())
    word = paren["name"].strip() if paren and _is_remark(paren["org"]) else text.strip()
    return bool(_NAME_WORD.match(word)) and not word.rstrip(".").isupper() and " " not in word


def _first_name_of(part: str) -> bool:
    """'Alvhild (FIN)', 'Kristin (Leder)': a first name with its organisation or office in a bracket, as informal
    minutes list their members; 'Bastian' alone too."""
    paren = _PAREN_PERSON.match(part.strip())
    return first_name(paren["name"] if paren else part)


# Where one "Name (Org)" of a list ends and the next begins when the commas between them are gone:
# "Trond (FA) Tonje (FIN) Olav Christian (FLKI/Nestleder)".
_AFTER_BRACKET = re.compile(rf"(?<=\))\s+(?=[{CAPITALS}])")


def _bracketed_parts(parts: list[str]) -> list[str]:
    """Each part that runs several bracketed names together, split into them."""
    return [piece for part in parts for piece in (_AFTER_BRACKET.split(part) if part.count("(") > 1 else [part])]


# "Kari Lie fra NAV", "Stine-Marie fra stab BOAT": a name, then the body it came from, which names something
# ("fra kl. 19", "fra sak 3", "fra starten" say when).
_FROM_BODY = re.compile(
    rf"^(?P<name>[^,()]+?)\s+(?:fra|frå)\s+(?!(?:kl|sak|saka|saken|pkt|punkt)\b)(?P<org>(?=.*(?-i:[{CAPITALS}]))[^\d,()].*)$",
    re.IGNORECASE,
)


# "Kine Therese Sandvik- 2.klasse", "Bjørn Framnes-rektor", "Hilde Jørgensen - fauleder": a name, a dash, then what the
# member is (a class, an office) in lower case or digits; a capital after the dash opens the next name or a body.
_DASH_DESCRIPTION = re.compile(r"^(?P<name>[^,()]+?)\s*[-–]\s*(?P<org>[0-9a-zæøå][^,()]*)$")


def _described(part: str) -> tuple[str, str, bool] | None:
    """The name, what follows it and whether that is a body it came from, of 'Kari Lie fra NAV', 'Jon frå
    Meglergården' or 'Kine Sandvik- 2.klasse', where the first part is a name (or a first name)."""
    text = part.strip().rstrip(".")
    for pattern in (_FROM_BODY, _DASH_DESCRIPTION):
        match = pattern.match(text)
        if match and (looks_like_name(match["name"]) or first_name(match["name"])):
            return match["name"], match["org"], pattern is _FROM_BODY
    return None


def parse_person(line: str, status: str) -> Person | None:
    """'[Role] Name, Organisation' or '[Role] Name (Organisation)' → Person; an empty line gives None.

    A bracket that holds an office word of the layout file ("Are Halland (referent)") is the person's role.
    """
    line = line.strip().strip(";").strip().rstrip(".")
    if not line:
        return None
    via = _ORG_VIA_PERSON.match(line)
    if via:  # "NAV Vestfold v/Trine Heibø Holm"
        role, name = split_role(via["name"])
        return Person(name=name, role=role, organisation=via["org"].strip(), status=status)
    paren = _PAREN_PERSON.match(line) if "," not in line else None
    described = _described(line) if not paren and "," not in line else None
    from_body = bool(described and described[2])
    if paren:
        name_part, organisation = paren["name"], paren["org"]
    elif described:
        name_part, organisation, _ = described
    else:
        name_part, _, organisation = line.partition(",")
    role, name = split_role(_who_came(name_part))
    if not role:
        role, name = _substitute_role(name)
    if not role:
        role, name = _lower_title(name)
    organisation = _REMARK.sub("", organisation).strip().rstrip(".")  # "SKE, sak 1/22": the remark is no name
    if paren and _is_remark(organisation):  # "(ferie)", "(per telefon)": why or how, not which body
        organisation = ""
    if organisation.casefold() in _MARKERS:
        return Person(name=name.strip(), role=organisation.strip().capitalize(), organisation="", status=status)
    if not role:
        org_role, rest = split_role(organisation)
        if org_role:  # "Statssekretær i Landbruks- og matdepartementet": the office, then its body
            role, organisation = org_role, _ORG_LEAD.sub("", rest)
    if organisation[:1].islower() and not role and not from_body:  # "Karin Finnerud, styrets nestleder": an office
        role, organisation = organisation, ""
    return Person(name=name.strip(), role=role, organisation=organisation, status=status)


def _names_a_person(part: str) -> bool:
    """'Kari Nordmann', 'Kari Nordmann (Fellesorganisasjonen)', 'Kari Nordmann fra NAV' or 'Kari Nordmann- 2.klasse'."""
    paren = _PAREN_PERSON.match(part)
    described = _described(part) if not paren else None
    return looks_like_name(paren["name"] if paren else described[0] if described else part)


def _list_item(line: str) -> str:
    """A line of a list without its bullet ('- Kari Nordmann, NAV' → 'Kari Nordmann, NAV')."""
    return re.sub(r"^[-*•]\s+", "", line.strip())


def _first_entry(value: str) -> str:
    """The first line of a field's value without its bullet ('- Andreas' under '### Referent')."""
    return _list_item(value.strip().split("\n")[0])


def _organisation_line(line: str) -> re.Match[str] | None:
    """'NAV: Kari Nordmann, Ola Hansen': an organisation heading its people, every part a name."""
    match = _ORG_LINE.match(line.strip())
    names = split_enumeration(match["names"].rstrip(".")) if match else []
    return match if names and all(map(_names_a_person, names)) else None


_HEADINGS = sorted((tuple(h.split()) for h in layout().table_headings), key=len, reverse=True)
# Headings of a column that holds the party or body: a row may end with its short name ("Ida Stuberg SP").
_BODY_COLUMNS = frozenset({"rep.", "rep", "repr.", "parti", "representerer"})
_SECOND_NAME_COLUMNS = frozenset({"møtte for"})
MIN_TABLE_HEADINGS = 2
MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 4  # a table's names: 'Edel Johanne Aaland Brøndbo'


def _leading_headings(words: list[str]) -> list[str]:
    """The column headings a table's words open with ('Navn Rep. Navn Rep.'), each once per column; [] if none."""
    folded, found, k = [w.casefold() for w in words], [], 0
    while k < len(folded):
        heading = next((h for h in _HEADINGS if tuple(folded[k : k + len(h)]) == h), None)
        if heading is None:
            break
        found.append(" ".join(heading))
        k += len(heading)
    return found if len(found) >= MIN_TABLE_HEADINGS else []


def _table_heading(line: str) -> bool:
    """'Namn Funksjon Representerer': a line of column headings only (`table_headings`), two or more."""
    words = line.split()
    headings = _leading_headings(words)
    return bool(headings) and sum(len(h.split()) for h in headings) == len(words)


# A party's or body's short name ending a row: "SP", "KRF", "H", "Ap", "KrF".
_PARTY = re.compile(r"^(?:[A-ZÆØÅ]{1,4}|[A-ZÆØÅ][a-zæøå]|[A-ZÆØÅ][a-zæøå]+[A-ZÆØÅ][a-zæøå]*)$")


_OFFICES = frozenset(role.casefold() for role in ROLES if " " not in role)
_OFFICE_ENDINGS = tuple(suffix.casefold() for suffix in layout().role_suffixes)


def lone_first_name(text: str) -> bool:
    """'Astrid', 'Cecilie': a first name alone, never an office word ('Leder', 'Sekretær') standing where a name
    would, as an officer signs or a field names one."""
    return first_name(text) and not is_office_word(text)


def is_office_word(word: str) -> bool:
    """'Leiar', 'Medlem', 'forbundsleder': one word that is a title of the layout file or ends as one does."""
    folded = word.casefold()
    return folded in _OFFICES or folded.endswith(_OFFICE_ENDINGS)


def _table_row(words: list[str], status: str, *, body_column: bool) -> tuple[Person | None, int]:
    """One row of an attendance table from its words, and how many words it took: the name up to an office word
    ('Monica Molvær Leiar H': office, then the body, here its last word), or, where a column holds the party, up
    to the party's short name ('Ida Stuberg SP'). A row that is neither is not read: its columns cannot be told
    apart."""
    for k in range(MIN_NAME_WORDS, min(len(words), MAX_NAME_WORDS + 1)):
        name = " ".join(words[:k])
        if is_office_word(words[k]):
            body = words[k + 1] if k + 1 < len(words) else ""
            return (Person(name, words[k], body, status) if looks_like_name(name) else None), k + 2
        if body_column and _PARTY.match(words[k]) and looks_like_name(name):
            return Person(name, "", words[k], status), k + 1
    return None, 0


def table_people(value: str, status: str) -> tuple[list[Person], str] | None:
    """The people of an attendance table under its column headings and the text after it, or None when the value
    opens with no headings. A table is one row a line ('Namn Funksjon Representerer' / 'Monica Molvær Leiar H' /
    …; the body the rest of the line), or its rows run into one line as a PDF gives them ('Navn Rep. Navn Rep.
    Ida Stuberg SP Ole Anders Iversen SP …'); reading stops at the first words that make no row."""
    words = value.split()
    headings = _leading_headings(words)
    if not headings:
        return None
    body_column = bool(_BODY_COLUMNS & set(headings))
    lines = [line.split() for line in value.strip().split("\n")[1:] if line.strip()]
    if _SECOND_NAME_COLUMNS & set(headings):  # "Namn Møtte for Representerer": two names a row, not told apart
        return [], "" if lines else " ".join(words[sum(len(h.split()) for h in headings) :])
    if lines:  # one row a line: the body is the rest of the line
        people = []
        for line in lines:
            person, used = _table_row(line, status, body_column=body_column)
            if person and person.role:  # the body is all that follows the office: "Medlem Norges Blindeforbund"
                person = replace(person, organisation=" ".join(line[used - 1 :]))
            if person:
                people.append(person)
        return people, ""
    rest = words[sum(len(h.split()) for h in headings) :]
    people = []
    while rest:
        person, used = _table_row(rest, status, body_column=body_column)
        if not person:
            break
        people.append(person)
        rest = rest[used:]
    return people, " ".join(rest)


# "…, B og" / "C", "…, B," / "C og D": one list over two lines
_LIST_GOES_ON = re.compile(rf"\n\s*(?=og\s)|(?<=\sog)[ \t]*\n\s*|(?<=,)[ \t]*\n\s*(?=[{CAPITALS}])")


def parse_people(value: str, status: str, role: str = "", organisation: str = "") -> list[Person]:
    """One person per line or per ';'-part, or names run together in prose ("A, B (Org) og C").

    A list continued on the next line ("…, C (Org)" / "og D (Org)") is one list. A list of first names
    only ("Rita, Bastian, Are") is a list of people too. `organisation` is the group a sub-label named.
    """
    people = []
    table = table_people(value, status)
    if table is not None:  # an attendance table under its column headings
        return table[0]
    value = _LIST_GOES_ON.sub(" ", value)
    for line in _rejoin_wrapped_names(value.replace(";", "\n").split("\n")):
        line = _list_item(line).rstrip(".")
        org_line = _organisation_line(line)
        if org_line:
            people += parse_people(org_line["names"], status, role, org_line["org"].strip())
            continue
        parts = _bracketed_parts([part for part in split_enumeration(line) if part.strip()])  # "A, , B": a stray comma
        prose = len(parts) >= 2 and (
            (bool(organisation) and all(map(_names_a_person, parts)))  # under a group label, 'A, B' are two people
            or (
                (" og " in f" {line} " or len(parts) >= 3 or bool(_PAREN_PERSON.match(parts[0])))  # "A (Org), B"
                and all(map(_names_a_person, parts))
            )
            or all(map(_first_name_of, parts))  # "Oliv, Kjell og Helge (referent)": an office in a bracket too
            # "John Oddleif, Rolf, Kjellaug, Liv": full names and first names mixed; four parts or more, since
            # "Kari Nordmann, Velferdsalliansen" is a name and a body
            or (len(parts) >= MIXED_LIST_PARTS and all(_names_a_person(p) or _first_name_of(p) for p in parts))
            or _two_people(parts)
        )
        substitutes = status == "present" and _ON_BEHALF.search(line) is not None
        for part in parts if prose else [line]:
            if " ".join(part.split()).strip(" .").casefold() in _NOBODY:  # "Forfall: Ingen"
                continue
            person = parse_person(part, status)
            if person and person.name:
                if role and not person.role:
                    person = replace(person, role=role)
                if organisation and not person.organisation:
                    person = replace(person, organisation=organisation)
                people.append(person)
                absentee = _stood_in_for(part) if substitutes else ""
                if absentee:
                    people.append(Person(name=absentee, status="absent"))
    return people


MIXED_LIST_PARTS = 4


def _two_people(parts: list[str]) -> bool:
    """'Brit, Kjell Erik', 'Vegard Tørstad, Kari Lie': two names, not a name and a body, when the second opens
    with a common first name (`first_names`); 'Per Holm, Røde Kors' stays a name and a body."""
    return (
        len(parts) == 2
        and bool(parts[1].split())
        and parts[1].split()[0].casefold() in layout().first_names  # the cheap test first
        and looks_like_name(parts[1])
        and (_names_a_person(parts[0]) or _first_name_of(parts[0]))
    )


MIN_WRAPPED_LIST_PARTS = 3


def _surname_goes_on(line: str) -> bool:
    """'Gunnerød, Toril Krogsund, Bjørn': a line of a list that opens with one capitalised word, no common first
    name (`first_names`), before a comma: the end of a name the line before began."""
    first, comma, _ = line.strip().partition(",")
    return bool(comma) and first_name(first) and first.strip().casefold() not in layout().first_names


def _rejoin_wrapped_names(lines: list[str]) -> list[str]:
    """A list of names in a sentence that a line break cut inside a name ("…, Inger Kristin Myhren, Anne" / "Sætre
    Kaasa.", "…, Kjell Jensen, Rune Hansen" / "Gunnerød, Toril Krogsund, …"): the line of three names or more ends
    in a first name alone, or the next opens with a surname alone, so the name goes on there. A list one 'Name,
    Organisation' a line never ends so. Nor does any entry end inside a bracket ("Bjørn Rishov Rund (sak" /
    "51/15), …"): the line after goes on with it."""
    joined: list[str] = []
    for line in lines:
        if joined and line.strip() and joined[-1].count("(") > joined[-1].count(")"):
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
            continue
        if joined and line.strip()[:1].isupper():
            parts = [part.strip() for part in split_enumeration(joined[-1]) if part.strip()]
            if (
                len(parts) >= MIN_WRAPPED_LIST_PARTS
                and not joined[-1].rstrip().endswith((",", "."))
                and (first_name(parts[-1]) or _surname_goes_on(line))
                and all(map(_names_a_person, parts[:-1]))
            ):
                joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
                continue
        joined.append(line)
    return joined


# One name word: capitalised, or an initial ("F.", "T.B."), or a double first name cut short ("Anne-Cath. Grimstad");
# a full stop after a longer word ends the name.
_W = rf"(?:[A-ZÆØÅ](?:\.(?:[A-ZÆØÅ]\.)*|[a-zæøå'’]+{SHORT_DOUBLE}(?= )|[\wæøå'’-]*))"
_LISTED_PERSON = rf"(?:{_SUBSTITUTE}\s+|{_LOWER_TITLE}\s+(?=[{CAPITALS}]))?{_W}(?:[ ]{_W}){{0,4}}(?:\s*\([^)\n]*\))?"
# "A, , B"; "Atle Nyborg. og Hildegun Nordli": a stray full stop before "og" ends no list
LEADING_PEOPLE = re.compile(rf"^\s*{_LISTED_PERSON}(?:(?:(?:\s*,)+\s*|\.?\s+og\s+|\s*&\s*){_LISTED_PERSON})*")
RUN_ON_WORDS = 25  # a one-line value longer than this has lost its line breaks (a PDF transcript)


# After one name, another: two capitalised words (or a marker in capitals, "GJEKK") with no comma between.
_NAME_RUN_GOES_ON = re.compile(rf"^(?:[{CAPITALS}]{{3,}}\s+)?[{CAPITALS}][{SMALL}-]+\s+[{CAPITALS}]")
_INITIAL = re.compile(rf"^(?:[{CAPITALS}]\.)+$")
_CAPITALS_MARK = re.compile(rf"^[{CAPITALS}]{{3,}}$")  # "GJEKK" beside names in a flattened table


def _name_lengths(words: int) -> list[int]:
    """How a run of capitalised words with nothing between its names divides: three words or fewer are one
    name, four are two names of two words ('Kristoffer Spissøy Erik Bloch'); longer runs stay whole."""
    return [2, 2] if words == 4 else [words]


def split_name_run(value: str) -> tuple[list[str], str]:
    """Names a PDF ran together without commas ('Ingvild Ask (vara) Lena Folkedal (vara) GJEKK Emma H. Pedersen
    Kristoffer Spissøy …'), and the text after them.

    A bracket or a marker in capitals ends a name; an initial stands between a first name and the surname
    that ends the name ('Emma H. Pedersen'), and a run without either divides as `_name_lengths` says.
    """
    names: list[str] = []
    run: list[str] = []

    def close(remark: str = "") -> None:
        initial = next((k for k, word in enumerate(run) if _INITIAL.match(word)), None)
        if initial is not None and initial >= 3:  # "Sunniva Grov Framnes Marie K. Bruntveit": the name before
            names.extend(_divided(run[: initial - 1]))
            del run[: initial - 1]
        names.extend(_divided(run) if initial is None else [" ".join(run)])
        if remark and names:
            names[-1] = f"{names[-1]} {remark}"
        run.clear()

    words = value.split()
    skip = -1
    for index, word in enumerate(words):
        if word.startswith("("):
            end = next((k for k in range(index, len(words)) if words[k].endswith(")")), index)
            bracket = " ".join(words[index : end + 1])
            if run:
                close(bracket)
            elif names:  # "Oda B. L. Lund (vara)": the name closed at its surname
                names[-1] = f"{names[-1]} {bracket}"
            skip = end
            continue
        if index <= skip:
            continue  # the rest of a bracket read above
        if _CAPITALS_MARK.match(word):
            close()
            continue
        if _INITIAL.match(word) or (word[:1].isupper() and _NAME_WORD.match(word)):
            run.append(word)
            if len(run) >= 2 and _INITIAL.match(run[-2]) and not _INITIAL.match(word):
                close()  # the surname after the initials ends the name
            continue
        break
    else:
        index = len(words)
    leftover = run[:1] if len(run) == 1 else []  # "Ingen innspel …": a capital opening the text after the list
    if len(run) >= 2:
        close()
    return names, " ".join([*leftover, *words[index:]])


# A body a flattened list gives after each name: an acronym ("HOOK", "RFF"), or a capitalised word the list repeats
# ("Eldreråd" three times or more).
_ACRONYM_TOKEN = re.compile(rf"^[{CAPITALS}]{{2,}}$")
MIN_ENTRIES = 3
MAX_ENTRY_NAME_WORDS = 4


def split_entry_run(value: str) -> tuple[list[str], str] | None:
    """Entries a PDF ran together as 'Name [, role] Body' without commas between them ('Kjell Engebretsen,
    utvalgsleder HOOK Thora Bakka - HOOK … May Granum leder Eldreråd Einar Olsen Eldreråd …'): each 'Name (Body)',
    and the text after the last; None when fewer than three entries end in a body that way, or when the list
    has a comma for every other entry or more."""
    words = value.split()
    bare = [word.strip(",.;:-–()") for word in words]
    counts = Counter(bare)
    bodies = {w for w in bare if _ACRONYM_TOKEN.match(w) or (counts[w] >= MIN_ENTRIES and w[:1].isupper())}
    if sum(counts[w] for w in bodies) < MIN_ENTRIES:
        return None
    entries: list[str] = []
    name: list[str] = []
    described = False  # a role or other words after the name: a capital there is no longer the name's
    end = 0
    for index, word in enumerate(bare):
        if word in bodies:
            if 2 <= len(name) <= MAX_ENTRY_NAME_WORDS:
                entries.append(f"{' '.join(name)} ({word})")
                end = index + 1
            name, described = [], False
        elif word and word[:1].isupper() and _NAME_WORD.match(word) and not described:
            name.append(word)
        elif word and name:
            described = True
    if len(entries) < MIN_ENTRIES or 2 * value.count(",") >= len(entries):
        return None  # a list with its commas ('Vigdis Tverberg (Tromsø), Ola Melby (Tromsø), …') reads as one
    return entries, " ".join(words[end:])


def _divided(run: list[str]) -> list[str]:
    if len(run) < 2:
        return []
    names, start = [], 0
    for length in _name_lengths(len(run)):
        names.append(" ".join(run[start : start + length]))
        start += length
    return names


def leading_people(value: str) -> tuple[str, str]:
    """('A, B og C', 'rest') from a run-on value 'A, B og C. Per fratrådte …': the names, then the rest."""
    match = LEADING_PEOPLE.match(value)
    if not match:
        return "", value
    return match[0].strip(), value[match.end() :].lstrip(" .;").rstrip()  # the rest keeps its full stop


def _ends_value(line: str) -> bool:
    """An unknown label opening a line ends a value, unless it is an organisation heading its people."""
    return not _organisation_line(line) and bool(_OTHER_LABEL_LINE.match(line))


# A case-numbered item run into a header value: where the value ends.
_CASE_START = re.compile(r"\s(?=(?:SAK|Sak|PS|OS|DS|RS)\s+\d{1,3}/\d{2,4}\b)")
# Names a web page's list lost its breaks between: "Nina TveterLars BjørndalLise Bakkan".
_GLUED = re.compile(r"(?<=[a-zæøå]{2})(?=[A-ZÆØÅ][a-zæøå])")
MIN_GLUED = 2


_GLUED_BRACKET = re.compile(r"(?<=[a-zæøå])\((?=[A-Za-zÆØÅæøå])")


# A dash between two names of a list typed without commas ("Ragnar Elias Bakken - Stine Ødegård Urke –Siv Krokfoss"),
# never the hyphen inside a name ("Nilsen-Nygaard").
_NAME_DASH = re.compile(rf"(?<=[{SMALL}.)])(?:\s+[-–]\s*|\s*[-–]\s+)(?=[{CAPITALS}])")
_LEADING_DASH = re.compile(r"^\s*[-–]\s+")


def dashes_as_commas(value: str) -> str:
    """'- Frode Dyrkorn - Anne Sofie Valgermo', 'A - B – C': a list whose names dashes part, its dashes as commas;
    a value with commas of its own, or one dash only ('Kari Lie - NAV'), as it is."""
    led = bool(_LEADING_DASH.match(value))
    if "," in value or len(_NAME_DASH.findall(value)) < (1 if led else 2):
        return value
    return _NAME_DASH.sub(", ", _LEADING_DASH.sub("", value))


_BRACKET_THEN_NAME = re.compile(rf"(?<=\))\s+(?=[{CAPITALS}][{SMALL}]+[ -][{CAPITALS}])")


def _unglued(value: str) -> str:
    """'Nina TveterLars BjørndalLise Bakkan' → 'Nina Tveter, Lars Bjørndal, Lise Bakkan'; a value with its own
    commas, or with one such join only ('McDonald'), as it is. A bracket glued to a name opens apart from it:
    'Amanda(Skype)' → 'Amanda (Skype)'; in a list of 'Name (body), …' a name after a bracket without the comma is
    the next entry."""
    value = _GLUED_BRACKET.sub(" (", value)
    if "), " in value:  # "Randi T. Aamelfot (Skogmus) Hayat Bouhmedi (Piggsvin), …": the list's comma lost at a wrap
        value = _BRACKET_THEN_NAME.sub(", ", value)
    if "," in value or len(_GLUED.findall(value)) < MIN_GLUED:
        return value
    return _GLUED.sub(", ", value)


_ENTRY_NUMBER = re.compile(r"(?<!\S)(?P<number>\d{1,3})\.\s+(?=[A-ZÆØÅ0-9])")
MIN_NUMBERED_ENTRIES = 3


def numbered_entries(value: str) -> list[str]:
    """The entries of a numbered list a transcript ran into one line ('1. 4H Norge v. Simen Saxebøl 2. Actis
    Norge v. Andreas N. Uhre 3. …'), found by their numbers counting up from 1; [] when there are fewer than three.

    A number out of turn stays inside its entry ('storsalen i 3. etasje'); what stands before '1.' is the list's
    heading and is left out.
    """
    starts: list[re.Match[str]] = []
    for match in _ENTRY_NUMBER.finditer(value):
        if int(match["number"]) == len(starts) + 1:
            starts.append(match)
    if len(starts) < MIN_NUMBERED_ENTRIES:
        return []
    ends = [m.start() for m in starts[1:]] + [len(value)]
    return [value[m.end() : end].strip() for m, end in zip(starts, ends, strict=True)]


# The end of a list, then another: "… Isabel Bergerseter og Torgrim Bilstad. Gro-Helen …" (a full stop), or the
# name after "og" running into the next list's first name before its comma ("… og Rune Engeseth Guro Røen, Heidi …").
_LIST_END = re.compile(rf"(?<=[{SMALL}])\.\s+(?=[{CAPITALS}])")
_AND_RUN = re.compile(rf"\bog\s+(?P<run>(?:[{CAPITALS}][\w'’-]*\s+){{3}}[{CAPITALS}][\w'’-]*)(?=\s*,)")


def _attendance_groups(value: str, wanted: int) -> list[str] | None:
    """The lists a value holds one after another, for `wanted` labels stacked over it; None if it holds fewer."""
    groups: list[str] = []
    for part in _LIST_END.split(value.strip()):
        while len(groups) < wanted - 1 and (run := _AND_RUN.search(part)) is not None:
            first, second = _divided(run["run"].split())  # four words: two names of two
            groups.append(f"{part[: run.start('run')]}{first}")
            part = f"{second}{part[run.end('run') :]}"
        groups.append(part)
    if len(groups) < wanted:
        return None
    names = [leading_people(group)[0] for group in groups[:wanted]]
    return None if not all(names) else [*groups[: wanted - 1], ". ".join(groups[wanted - 1 :])]


def unstacked(text: str, matches: list[re.Match[str]] | None = None) -> str:
    """Labels a PDF set over one another with their lists after the last ('Til stede: Forfall: Fra adm.: A, B og
    C. D og E F G, H og I.'), each with its own list in turn: the lists end at a full stop or where the name after
    'og' runs into the next list's first name. Only attendance labels; as it is where the lists are too few.
    `matches` are the text's label matches, where the caller has them already."""
    matches = list(LABEL_RE.finditer(text)) if matches is None else matches
    for first in range(len(matches)):
        last = first
        while last + 1 < len(matches) and not text[matches[last].end() : matches[last + 1].start()].strip():
            last += 1
        stacked = matches[first : last + 1]
        if len(stacked) < 2 or not all(
            m["group"] or m["lead_group"] or _LABEL_TO_FIELD[m["label"].lower()] in STATUS for m in stacked
        ):
            continue
        end = matches[last + 1].start() if last + 1 < len(matches) else len(text)
        line_end = text.find("\n", stacked[-1].end())
        end = min(end, line_end) if line_end >= 0 else end
        groups = _attendance_groups(text[stacked[-1].end() : end], len(stacked))
        if groups is None:
            continue
        paired = ". ".join(f"{m[0]} {group.strip()}" for m, group in zip(stacked, groups, strict=True))
        return unstacked(text[: stacked[0].start()] + paired + text[end:])
    return text


# A label alone on its line, known or not ("Møte:", "Møtedato:"), as a table's label column comes out of a PDF.
_LABEL_LINE = re.compile(rf"{_ANY_LABEL}\s*$")


def _fits(field_name: str, value: str) -> bool:
    """A value that can be the field's: a date or time for those, people for an attendance list, a name for an
    office; any value for another field."""
    if field_name in ("date", "time"):
        return bool(find_date(value) or any(parse_time_span(value)))
    if field_name in STATUS:
        return _is_people_list(value)
    if field_name in ("chair", "minute_taker"):
        name = re.split(r"[,(]", _first_entry(value))[0].strip()
        return looks_like_name(name) or bool(first_name(name))
    return True


_TYPED_FIELDS = frozenset({"date", "time", "chair", "minute_taker", *STATUS})


def unstacked_lines(text: str) -> str:
    """A header table a PDF gave a column at a time: labels alone on their lines ('Møte:', 'Møtedato:', 'Sted:',
    'Møteleder:'), then their values a line each ('Brukerutvalget', '19.10.2015', 'Møterom Glitre 1,' /
    'Wergelandsgate 10,' / 'Drammen', 'Anne Helene Lindseth'; a line ending in a comma goes on, and so does one
    opening with a bracket or in lower case), paired again as 'Label: value' lines. Where the values are as many
    as the labels, none opening with a label of its own ('Dato:' / 'Sted:' / 'Tilstede: Kari Lie' is a form left
    empty), and no attendance label, whose list may run over several lines (`unstacked` reads those). Where there
    are more lines than labels (the text goes on below the table) or an attendance label, only where each value
    fits its label: a date or time, people, a name for an office ('Møtetid:' / 'Deltakere:' / 'Referent:' over
    '4. april 2011 kl. 19:00' / 'Shamaila H. Saleemi (Hare), …' / 'Kristin Vigdal (Mår)'); the lines after the
    last value stay text."""
    lines = text.split("\n")
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and _LABEL_LINE.match(lines[end]):
            end += 1
        known = [LABEL_ONLY.match(line.strip()) for line in lines[k:end]]
        names = [_LABEL_TO_FIELD[m["label"].lower()] if m else "" for m in known]
        fields = [name for name in names if name]
        if len([f for f in fields if f not in STATUS]) >= 2:
            values: list[tuple[str, int]] = []  # each value, and the line after its last
            stop = end
            while stop < len(lines) and lines[stop].strip() and not _OTHER_LABEL_LINE.match(lines[stop]):
                line = lines[stop].strip()
                if values and (values[-1][0].endswith(",") or line[:1] == "(" or line[:1].islower()):
                    values[-1] = (f"{values[-1][0]} {line}", stop + 1)
                else:
                    values.append((line, stop + 1))
                stop += 1
            count = end - k
            plain = len(values) == count and not any(field in STATUS for field in fields)
            fitting = (
                len(values) >= count
                and any(name in _TYPED_FIELDS for name in names)
                and all(_fits(name, value) for name, (value, _) in zip(names, values[:count], strict=False))
            )
            if plain or fitting:
                after = values[count - 1][1]
                paired = [f"{label.strip()} {value}" for label, (value, _) in zip(lines[k:end], values, strict=False)]
                lines[k:after] = paired
        k = max(end, k + 1)
    return "\n".join(lines)


# A capitalised label glued to the last word of the value before it, where a web page lost the line break between.
_GLUED_LABEL = re.compile(rf"(?<=[{SMALL}])(?=[{CAPITALS}])(?=(?i:{_LABEL_ALTERNATIVES})\s*:)")


def labelled_fields(text: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Every (field, value, label or group as written) in header text, in order, and the text that is not a value.

    A value runs to the next label, to an unknown label opening a line, or to
    the agenda's label; in a run-on line the value of an attendance field is
    the names at its start. What is cut off is returned as body text.
    """
    text = _GLUED_LABEL.sub(" ", text)  # "… Øystein HenriksenForfall: Hege …": a web page lost the break
    matches = list(LABEL_RE.finditer(text))
    if (unstacked_text := unstacked(text, matches)) != text:  # labels stacked over their lists: read anew
        text, matches = unstacked_text, list(LABEL_RE.finditer(unstacked_text))
    pairs = []
    rest: list[str] = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        value = text[match.end() : end]
        lines = value.split("\n")
        cut = next((n for n, line in enumerate(lines[1:], 1) if _ends_value(line)), len(lines))
        value, after = "\n".join(lines[:cut]), "\n".join(lines[cut:])
        agenda = AGENDA_LABEL_RE.search(value)
        if agenda:
            value, after = value[: agenda.start()], value[agenda.start() :] + after
        if match["label"]:
            field_name, label = _LABEL_TO_FIELD[match["label"].lower()], match["label"]
        else:
            field_name, label = "group", (match["lead_group"] or match["group"])
        case = _CASE_START.search(value)
        if case:  # "Sekretær: Liv Saur Sak 50/23 Godkjenning …": the first item ends the value
            value, after = value[: case.start()], value[case.start() :] + after
        value = dashes_as_commas(_unglued(value.strip())) if field_name in STATUS else value.strip()
        numbered = numbered_entries(value) if field_name in STATUS and "\n" not in value else []
        if numbered:  # "MEDLEMSFORENINGER 1. 4H Norge v. Simen Saxebøl 2. Actis Norge v. …": one entry a line
            value = "\n".join(numbered)
        table = table_people(value, "present") if field_name in STATUS and "\n" not in value else None
        if table is not None:  # "Navn Rep. Navn Rep. Ida Stuberg SP …": rows run into one line, then other text
            value, spill = " ".join(value.split()), table[1]
            value, after = value[: len(value) - len(spill)].strip(), f"{spill} {after}"
        run_on = table is None and "\n" not in value and (len(value.split()) > RUN_ON_WORDS or ". " in value)
        if field_name == "agenda" and run_on:  # "Faste punkter: Informasjon fra andre møter …": the body, kept
            value, after = "", f"{value} {after}"
        if field_name in ("chair", "minute_taker") and run_on:
            names, spill = leading_people(value)
            value, after = names, f"{spill} {after}"
        other = _OTHER_LABEL_INLINE.search(value) if run_on or value.endswith(":") else None
        if other:  # "Tidspunkt: Kl. 09.00 til kl. 15.00 Besøk: Ingen Vedlegg: …": the unknown label and the body after
            value, after = value[: other.start()].strip(), f"{value[other.start() :]} {after}"
        if run_on and field_name in ("date", "time"):  # "Tidspunkt: Orientering om …": no time, and body text
            value, spill = leading_when(value)
            after = f"{spill} {after}"
        entries = split_entry_run(value) if field_name in STATUS and field_name != "copy" and run_on else None
        if entries:  # "Erik Berge HOOK Grethe Reinhardtsen HOOK …": one 'Name (Body)' an entry
            listed, spill = entries
            value, after = "; ".join(listed), f"{spill} {after}"
        elif field_name in STATUS and field_name != "copy" and run_on:  # a copy list names organisations
            names, spill = leading_people(value)
            parts = split_enumeration(names)  # every part is a name here, never 'Name, Organisation'
            after_names = value.lstrip()[len(names) :].lstrip()  # LEADING_PEOPLE took `names` from the start
            if len(parts) == 1 and not after_names.startswith(".") and _NAME_RUN_GOES_ON.match(spill):
                # "Ingvild Ask (vara) Lena Folkedal …", never "Geir Andreassen. Per Arthur Christensen fratrådte …"
                parts, spill = split_name_run(value)
            value = "; ".join(parts)
            after = f"{spill} {after}"
        pairs.append((field_name, value, label))
        if len(after.split()) >= 3:
            rest.append(" ".join(after.split()))
    return pairs, rest


def _names_agenda(label: str | None) -> bool:
    """The label (as written) is one of the agenda's ("Saksliste", "Saker")."""
    return bool(label) and _LABEL_TO_FIELD[label.lower()] == "agenda"


def agenda_label_alone(line: str) -> bool:
    """The agenda's label alone on its line ("Saker", "Saksliste:"), as web minutes set it over their items."""
    match = LABEL_ONLY.match(line.strip())
    return bool(match) and _names_agenda(match["label"])


def _opens_agenda(paragraph: str) -> bool:
    """The paragraph opens with the agenda's label over its items ("Saker:" / "1. Budsjett 2010: …")."""
    match = LABEL_RE.match(paragraph.strip())
    return bool(match) and _names_agenda(match["label"])


def _field_opens(paragraphs: list[str]) -> bool:
    """The next paragraph opens with a labelled field that is not the agenda ("Tilstede: …", "Referent: …")."""
    match = LABEL_RE.match(paragraphs[0].strip()) if paragraphs else None
    return bool(match) and not _names_agenda(match["label"])


def _first_label_line(paragraph: str) -> int | None:
    """Index of the first line that starts with a label, if any."""
    for number, line in enumerate(paragraph.split("\n")):
        if LABEL_RE.match(line.strip()):
            return number
    return None


def _run_on_title(paragraph: str) -> int | None:
    """Where the first label stands in a document's run-on first line ('1 MØTEBOK STYREMØTE … Tid: …'), if it does."""
    first = paragraph.split("\n")[0]
    match = LABEL_RE.search(first)
    if not match or match.start() == 0:
        return None
    if _names_agenda(match["label"]) and match["label"].islower():
        return None  # "Pkt. 1 Godkjenning av innkalling og saksliste: Leder informerte …" is an item, no title
    before = first[: match.start()]
    if len(before.split()) > MAX_TITLE_WORDS or re.search(r"[.!?]\s+[A-ZÆØÅ][a-zæøå]", before):
        return None
    return match.start()


def _opens_header(line: str, following: list[str]) -> bool:
    """A short first line without a full stop, right above the labelled fields, is the meeting's title."""
    return (
        len(line.split()) <= MAX_TITLE_WORDS
        and not line.rstrip().endswith(".")
        and bool(following)
        and (_first_label_line(following[0]) is not None or bool(LABEL_ONLY.match(following[0])))
    )


# A verb of taking part (`took_part_words`): "deltok", "var til stede"
TOOK_PART_WORDS = alternation(layout().took_part_words, spaced=True)
_TOOK_PART = re.compile(rf"^(?:{TOOK_PART_WORDS})\b", re.IGNORECASE)


def _names_then_sentence(paragraph: str) -> bool:
    """'Lars Erik Wallin, Anne Grimstad og Signe Dahl deltok som sekretærer.': names opening a sentence before a
    verb of taking part (`took_part_words`) are text about them, not the list above going on."""
    names, rest = leading_people(paragraph.strip())
    return "\n" not in paragraph.strip() and bool(names) and bool(_TOOK_PART.match(rest))


def _is_people_list(paragraph: str) -> bool:
    """Every line starts with a person's name ("Kari Nordmann, NAV", "Ola Hansen (Fretex)"), or each is a first name;
    a line that a PDF's wrapping cut inside a name ("…, Anne Sundt og Leif" / "Bjørklund.") goes on the line above."""
    lines = _rejoin_wrapped_names([line for line in paragraph.split("\n") if line.strip()])
    return all(_lists_people(line) for line in lines) or (
        len(lines) <= 30 and all(first_name(re.split(r"[,(]", line)[0]) for line in lines)
    )


_CONTINUES = frozenset({"og", "i", "for", "-", "–", "av", "&"})
_LEGAL_FORMS = frozenset({"AS", "ASA", "SA", "BA", "DA", "ANS", "KF", "IKS"})
RUN_ON_LIST_WORDS = 6


def split_capitalised_run(line: str) -> list[str]:
    """A list whose line breaks a PDF transcript lost ('Styremedlemmene Varamedlemmene Lokale musikkråd VOFO Hedmark'):

    each capitalised word starts an entry, unless it follows a word that
    joins ('og', 'i', '-'), a comma, or an acronym ('VOFO Hedmark'), or is a
    legal form ('Lokalrevisjon AS').
    """
    entries: list[list[str]] = []
    for word in line.split():
        previous = entries[-1][-1] if entries else ""
        starts = (
            word[:1].isupper()
            and previous.casefold() not in _CONTINUES
            and not previous.endswith(",")
            and not (previous.isupper() and len(previous) > 1)
            and word not in _LEGAL_FORMS
        )
        if starts or not entries:
            entries.append([word])
        else:
            entries[-1].append(word)
    return [" ".join(words) for words in entries]


def copy_list(value: str) -> list[Person]:
    """'Kopi til: Prosjektteam, styringsgruppe, Kari Nordmann': people by name, the rest organisations."""
    listed = []
    for line in value.split("\n"):
        line = _list_item(line).rstrip(".")
        parts = split_enumeration(line)
        if max((len(part.split()) for part in parts), default=0) > RUN_ON_LIST_WORDS:
            parts = split_capitalised_run(line)
        for part in parts:
            person = parse_person(part, "copy") if _names_a_person(part) else None
            listed.append(person or Person(name="", organisation=part, status="copy"))
    return listed


def _opens_with_name(line: str) -> bool:
    """'Kari Nordmann, NAV', 'Ola Hansen (Fretex)', 'Jonas Skjærpe pva …': a list line that starts with a full name."""
    return looks_like_name(_who_came(re.split(r"[,(]", _list_item(line))[0]))


def _lists_people(line: str) -> bool:
    """'Kari Nordmann, NAV', 'NAV Vestfold v/Trine Moe' or 'KS: Eva Dahl, Tor Berg'."""
    line = _list_item(line)
    via = _ORG_VIA_PERSON.match(line)
    return bool(_opens_with_name(line) or (via and looks_like_name(via["name"])) or _organisation_line(line))


# An attendance value that counts people instead of naming them: "41medlemmer.", "ca. 40 personer", "51 betalende"
# (`about_words` in the layout file).
_HEAD_COUNT = re.compile(
    rf"^\s*(?:{alternation(layout().about_words)})?\s*\d+"
    rf"(?:\s*[{SMALL}]|\s+[{CAPITALS}][{SMALL}]+(?:\s*[.,;]|\s*$|\s+[{SMALL}]))"
)


def counts_people(value: str) -> bool:
    """'Tilstede: 41medlemmer.', 'Tilstede: 40 Medlemmer.' name nobody: the value is a head count (never '4H Norge
    v. …', an organisation's name)."""
    return bool(_HEAD_COUNT.match(value))


def _without_office(text: str) -> str:
    """'Sekretær Linn Tove Lid' → 'Linn Tove Lid': the name an officer's field gives, without the office before it
    (a role of the layout, or an office word of `name_markers`)."""
    name = split_role(text)[1]
    first, _, rest = name.partition(" ")
    if first.casefold().rstrip(".:") in _MARKERS and looks_like_name(rest):  # "Ref. Frode Bygdnes"
        name = rest
    return " ".join(name.split())


def _undated(line: str) -> str:
    """'Ellen HF, 13.08.23' → 'Ellen HF': an officer signing with the day the minutes were written, which is no
    organisation of theirs."""
    head, comma, tail = line.rpartition(",")
    return head.strip() if comma and head.strip() and date_alone(tail.strip()) else line


def _apply(header: Header, field_name: str, value: str, label: str = "") -> None:
    if field_name in STATUS and field_name != "copy" and counts_people(value):
        return
    if field_name == "copy":
        header.people.extend(copy_list(value))
    elif field_name in STATUS:
        role = (label or LABELS[field_name][0]).capitalize() if field_name == "facilitator" else ""
        group = label if field_name == "group" else ""
        listed = {(p.name, p.status) for p in header.people}
        people = []
        for person in parse_people(value, STATUS[field_name], role, group):
            if (person.name, person.status) not in listed:  # a name a list gives twice is one person
                listed.add((person.name, person.status))
                people.append(person)
        header.people.extend(people)
        for person in people:
            # "Stefan Blanckeart (leder valgkomiteen)": the office of a committee named with it, not of the meeting
            committee = person.organisation[:1].islower()
            office = _MARKERS.get(person.role.casefold()) if not committee else None
            if office and not getattr(header, office):
                setattr(header, office, person.name)
    elif field_name == "agenda":
        return  # the agenda's items are read from the body by the outline
    elif field_name == "date":
        header.date = header.date or find_date(value)
    elif field_name == "time":
        header.time_start, header.time_end = parse_time_span(value)
        header.date = header.date or find_date(value)  # "Tid: Fredag 4. april 2014, kl 10:00"
    elif field_name in ("chair", "minute_taker"):
        first_line = _undated(_first_entry(value))  # a name, never a paragraph of text
        # never the meeting's name: "REFERAT" over "Styremøte nr. 07-2014" is the document's type over its title
        names = leading_people(first_line)[0]
        if names and not names_meeting(names) and not getattr(header, field_name):
            setattr(header, field_name, _without_office(first_line))
        if "\n" in value.strip() and _is_people_list(value):  # "Sekretariat" over four names: all four were there
            header.people.extend(parse_people(value, "present", (label or LABELS[field_name][0]).capitalize()))
    else:
        setattr(header, field_name, " ".join(value.split()))


FOOTER_PARAGRAPHS = 4  # "Referent: …", "Distribuert til: …" closing a document
MAX_CLOSING_NOTES = 2  # "Neste møte: …" under the minute-taker's line
# The labels of a case's text ("Vedtak: …", `text_labels`): what one closes is the body, not a footer
TEXT_LABELS = alternation(layout().text_labels, spaced=True)
_TEXT_LABEL_LINE = re.compile(rf"^(?:{TEXT_LABELS})\s?:", re.IGNORECASE)


def _closing_note(paragraph: str) -> bool:
    """'Neste møte: tirsdag 5. mai', 'Tilleggsopplysninger: …': one line under a label the layout does not know,
    neither a case text's label nor an office ('Kasserer: Eva Berg, ikke på valg' is an election's result), as
    minutes may close with below the minute-taker's line."""
    line = paragraph.strip()
    return (
        "\n" not in line
        and not LABEL_RE.match(line)
        and bool(_OTHER_LABEL_LINE.match(line))
        and not _TEXT_LABEL_LINE.match(line)
        and not _ROLE_RE.match(line)
    )


_CLOSING_FIELDS = frozenset({"minute_taker", "copy"})  # what may stand over closing notes: who wrote it, who gets it


def _footer_count(paragraphs: list[str]) -> int:
    """How many paragraphs close the document with labelled lines only, at least one label known in each
    ("Godkjent av:" may stand beside "Referent:")."""
    count = 0
    for paragraph in reversed(paragraphs[-FOOTER_PARAGRAPHS:]):
        lines = [line.strip().strip("*_") for line in paragraph.split("\n") if line.strip()]
        labelled = [line for line in lines if LABEL_RE.match(line)]
        if not labelled or not all(LABEL_RE.match(line) or _OTHER_LABEL_LINE.match(line) for line in lines):
            break
        count += 1
    return count


def _closing_notes(paragraphs: list[str]) -> tuple[int, int]:
    """How many closing notes end the document below a footer that says who wrote or gets the minutes ('Ref.:
    Rigmor Sollie Holmebukt' over 'Tilleggsopplysninger: Neste styremøte blir …'), and how many paragraphs that
    footer is; no notes where no such footer stands over them, as under an election's results ('Leder: Liv Hansen,
    gjenvalgt' over 'Kasserer: …'), and the footer the document closes with."""
    notes = 0
    while notes < min(MAX_CLOSING_NOTES, len(paragraphs) - 1) and _closing_note(paragraphs[-1 - notes]):
        notes += 1
    if notes:
        above = paragraphs[: len(paragraphs) - notes]
        count = _footer_count(above)
        fields = {
            _LABEL_TO_FIELD[match["label"].lower()]
            for paragraph in above[len(above) - count :]
            for match in LABEL_RE.finditer(paragraph)
            if match["label"]
        }
        if count and fields <= _CLOSING_FIELDS:
            return notes, count
    return 0, _footer_count(paragraphs)


def parse_footer(paragraphs: list[str], header: Header) -> tuple[int, int]:
    """Labelled lines closing the document fill what the header left empty; returns how many paragraphs they are,
    and how many closing notes below them stay in the body after them (`_closing_notes`)."""
    notes, count = _closing_notes(paragraphs)
    above = paragraphs[: len(paragraphs) - notes]
    for paragraph in above[len(above) - count :] if count else []:
        lines = [line.strip().strip("*_") for line in paragraph.split("\n")]
        fields, _ = labelled_fields("\n".join(line for line in lines if LABEL_RE.match(line)))
        for field_name, value, label in fields:
            if field_name in STATUS and any(p.status == STATUS[field_name] for p in header.people):
                continue
            _apply(header, field_name, value, label)
    if not count and paragraphs:
        lines = [line.strip() for p in paragraphs[-2:] for line in p.strip().split("\n") if line.strip()]
        _signed_off(lines[-1], header, lines[-2] if len(lines) > 1 else "")
    return count, notes


MAX_SIGNATURE_WORDS = 4


# "Liv Nymoen, ref.", "Kari Nordmann (referent)": a name signing the last line with its office (name_markers)
_SIGNATURE = re.compile(r"^(?P<name>[^,()]{2,60}?)\s*(?:,|\()\s*(?P<office>[A-Za-zÆØÅæøå]+)\.?\s*\)?\s*$")


# Two signatures side by side on the last line, as a table's cells run together: "Mai Britt Løken, leder Hans
# Krugerud, sekretær".
_TWO_SIGNATURES = re.compile(
    r"^(?P<name1>[^,()]{2,60}?),\s*(?P<office1>[A-Za-zÆØÅæøå]+)\.?\s+(?P<name2>[^,()]{2,60}?),\s*(?P<office2>[A-Za-zÆØÅæøå]+)\.?\s*$"
)


# An office word before the name that signs the last line: "Referent Eyolf Dannevig", "Ref. Frode Bygdnes".
_OFFICE_THEN_NAME = re.compile(r"^(?P<office>[A-Za-zÆØÅæøå]+)\.?:?\s+(?P<name>[^,.()]{3,60}?)\s*$")


def _officer(word: str) -> str:
    """'chair' or 'minute_taker' for an office word of `name_markers` ('Referent', 'ref.', 'leder'); '' otherwise."""
    office = _MARKERS.get(word.strip(" .:()").casefold(), "")
    return office if office in ("chair", "minute_taker") else ""


# Two names signing the last line, parted by a slash: "Johan Westgaard/Mai Britt Løken".
_SLASHED_SIGNATURES = re.compile(r"^(?P<name1>[^/,()]{3,60}?)\s*/\s*(?P<name2>[^/,()]{3,60}?)\s*$")


_SIGNING_INITIALS = re.compile(rf"^[{CAPITALS}]{{2,3}}$")


def _office_then_name(line: str) -> tuple[str, str]:
    """('minute_taker', 'Eyolf Dannevig') from 'Referent Eyolf Dannevig' or 'Ref. Frode Bygdnes sekretær': the
    office an office word before a name gives, and the name without office words; ('', '') for another line."""
    signed = _OFFICE_THEN_NAME.match(line.strip())
    if not signed:
        return "", ""
    return _officer(signed["office"]), " ".join(w for w in signed["name"].split() if w.casefold() not in _MARKERS)


def _signed_off(line: str, header: Header, above: str = "") -> None:
    """'Ole Bjørn takket for møtet. Referent: Oddveig': a minute-taker or chair run into the last sentence, or
    'Liv Nymoen, ref.' signing the last line, or a name over its office ('Kurt Jan Kvernmo' / 'Referent') or under
    it ('Referent' / 'Olav Christian Ruus') as a signature sets them, when the header left the field empty; two
    names parted by a slash ('Johan Westgaard/Mai Britt Løken') sign without an office, and were there. The
    lines stay in the body."""
    slashed = _SLASHED_SIGNATURES.match(line)
    if slashed and looks_like_name(slashed["name1"]) and looks_like_name(slashed["name2"]):
        header.signers.extend([slashed["name1"], slashed["name2"]])
        return
    pair = _TWO_SIGNATURES.match(line)
    offices = [_officer(pair[f"office{n}"]) for n in (1, 2)] if pair else []
    if pair and all(offices):
        for n, office in enumerate(offices, 1):
            if looks_like_name(pair[f"name{n}"]):
                _apply(header, office, pair[f"name{n}"])
        return
    signature = _SIGNATURE.match(line)
    signed_office, signer = _office_then_name(line)
    for office, name in (
        (_officer(signature["office"]) if signature else "", signature["name"] if signature else ""),
        (_officer(line), above),  # "Kurt Jan Kvernmo" / "Referent"
        (_officer(above), line),  # "Referent" / "Olav Christian Ruus"
        (signed_office, signer),  # "Referent Eyolf Dannevig"
    ):
        # "Ref. AHS": an attendee's initials; "Referent Astrid": a first name, never an office word ("Referent Leder")
        signs = looks_like_name(name) or _SIGNING_INITIALS.match(name) or lone_first_name(name)
        if office and signs:
            _apply(header, office, name)
            return
    if ":" not in line:
        return  # a label ends in a colon: a last line without one, most of them, is not searched for labels
    matches = list(LABEL_RE.finditer(line))
    if not matches or not matches[-1]["label"] or not line[: matches[-1].start()].rstrip().endswith((".", "!", "?")):
        return
    value = line[matches[-1].end() :].strip().rstrip(".")
    field_name = _LABEL_TO_FIELD[matches[-1]["label"].lower()]
    if field_name in ("chair", "minute_taker") and len(value.split()) <= MAX_SIGNATURE_WORDS:
        _apply(header, field_name, value, matches[-1]["label"])


def distribution_list(paragraphs: list[str], header: Header) -> None:
    """A copy list anywhere ('… 5 Hamar, Kåre Haugli (s.) styreleder Protokoll sendes til: …'), when none was read.

    Its labels are distinctive enough to be trusted outside the header: a
    transcript may put the distribution list after the agenda or the signature.
    """
    if any(p.status == "copy" for p in header.people):
        return
    for paragraph in paragraphs:
        match = COPY_LABEL_RE.search(paragraph) if ":" in paragraph else None  # a label needs its colon
        if match:
            fields, _ = labelled_fields(paragraph[match.start() :])
            for field_name, value, label in fields:
                if field_name == "copy":
                    _apply(header, field_name, value, label)
            return


SUB_HEADING_WORDS = 6
SUB_HEADING_CHARS = 80


def has_words(text: str) -> bool:
    """Whether a line says anything: a rule ('---') does not."""
    return any(c.isalpha() for c in text)


def _sub_heading(paragraph: str, following: list[str]) -> bool:
    """A short line of words over a list of full names that names none itself ("Medlemmer av Skate",
    "Observatør i møtet"); a label ("Referent") is a field, and a rule ("---") no heading."""
    line = paragraph.strip()
    if "\n" in line or len(line) > SUB_HEADING_CHARS:
        return False  # the common case, a paragraph of text, answered without splitting it
    return (
        0 < len(line.split()) <= SUB_HEADING_WORDS
        and has_words(line)
        and not line.endswith(".")
        and "," not in line
        and not LABEL_ONLY.match(line)
        and _first_label_line(line) is None
        and not _lists_people(line)
        and bool(following)
        and _is_people_list(following[0])
        and any(map(_opens_with_name, following[0].split("\n")))
    )


LEAD_BEFORE_HEADER = 1  # the title's index: one summary paragraph after it may stand above the fields


def _title_over_fields(paragraph: str) -> bool:
    """The paragraph is the meeting's title line with the labelled fields under it ("Referat fra 12. november 1996" /
    "Tilstede: …") or run into it ("Referat fra 9. september 2014 Tilstede: …")."""
    if _run_on_title(paragraph) is not None:
        return True
    first, _, rest = paragraph.partition("\n")
    return _first_label_line(paragraph) == 1 and _opens_header(first, [rest])


def _labels_follow(paragraphs: list[str]) -> bool:
    """The next paragraph opens with labelled fields, or with a title over them: what stands above them is a summary
    or a letterhead, not the body."""
    return any(_first_label_line(p) == 0 or LABEL_ONLY.match(p) or _title_over_fields(p) for p in paragraphs)


def _unknown_field(paragraph: str) -> bool:
    """One short line 'Label: value' whose label the layout does not know ('Ref: Anne', 'Vedlegg: Ingen')."""
    line = paragraph.strip()
    return "\n" not in line and len(line.split()) <= MAX_TITLE_WORDS and bool(_OTHER_LABEL_LINE.match(line))


MAX_LEAD_LINES = 8
_WORD_STOP = re.compile(r"[a-zæøå]{2}\.\s*$")  # a line that ends as a sentence does: a word in lower case, a full stop


def _short_line(paragraph: str) -> bool:
    """One line of a title's length that is no sentence ("Onsdag 23. januar 2019 kl. 19.00.", "STYREMØTE – ØRSKOG
    I.L." close with a full stop after a number or an abbreviation, not after a word)."""
    return (
        "\n" not in paragraph.strip() and len(paragraph.split()) <= MAX_TITLE_WORDS and not _WORD_STOP.search(paragraph)
    )


def _title_over_summary(line: str, following: list[str]) -> bool:
    """'FAU-møte den 15. oktober 2012' over a summary paragraph, then short lines over the fields ('REFERAT FRA
    MØTET 15. OKTOBER 2012.' / 'Tilstede: …'): the line is the meeting's title."""
    return (
        len(line.split()) <= MAX_TITLE_WORDS
        and not line.rstrip().endswith(".")
        and len(following) > 1
        and not _short_line(following[0])
        and _short_lines_then_labels(following[1:]) > 0
    )


def _short_lines_then_labels(paragraphs: list[str]) -> int:
    """How many short lines (a subtitle, a date and place, a web page's name; eight at most) stand above the
    labelled fields, as web minutes set them under their title; 0 when the fields do not follow them."""
    for count in range(1, MAX_LEAD_LINES + 1):
        lead = paragraphs[:count]
        if len(lead) == count and all(map(_short_line, lead)) and _labels_follow(paragraphs[count : count + 1]):
            return count
    return 0


_PLACE_LEAD = re.compile(r"^(?:i|på|hos)\s+", re.IGNORECASE)


def _lead_time(header: Header, line: str) -> bool:
    """A short line over the fields that opens with the meeting's hours ('Kl. 12.30 til kl. 15.00 i
    formannskapssalen') gives the time and the place, as 'Tid:' and 'Sted:' would; it is no programme item."""
    when, rest = leading_when(line)
    if header.time_start or not all(parse_time_span(when)):
        return False
    _apply(header, "time", when)
    if not header.place:
        _apply(header, "place", _PLACE_LEAD.sub("", rest))
    return True


def _lead_officer(header: Header, line: str) -> bool:
    """A short line over the fields that names an officer by the office word before the name ('Ref. Marit
    Horgen', as a web page puts its minute-taker under the title) fills that field, as a label would."""
    office, name = _office_then_name(line)
    if not office or getattr(header, office) or not looks_like_name(name):
        return False
    _apply(header, office, name)
    return True


def attendance_block(paragraphs: list[str]) -> tuple[int, int, list[Person]] | None:
    """An attendance label alone (or an absence or copy label), its list in the next paragraph, below text that opens
    the document ("Styremøte ble holdt på Grue Service 18. februar 2020." / … / "Til stede var:" / "Knut Lilleåsen,
    Bjørn Seigerud og …"): where it starts and ends, and its people."""
    for index, paragraph in enumerate(paragraphs[:-1]):
        label = LABEL_ONLY.match(paragraph)
        if label is None or _LABEL_TO_FIELD[label["label"].lower()] not in STATUS:
            continue
        if not _is_people_list(paragraphs[index + 1]) or _names_then_sentence(paragraphs[index + 1]):
            return None
        block = parse_header(paragraphs[index:])
        return (index, index + block.body_start, block.people) if block.people else None
    return None


def parse_header(paragraphs: list[str]) -> Header:
    """Fields from the leading labelled paragraphs, with a title line before or after them.

    A label may open a line ("Dato: …", two on one line), stand alone as a
    heading with its list in the next paragraph ("## Til stede" over a
    bullet list), follow a first title line in the same paragraph, or stand
    inside the run-on first line of a PDF transcript.
    """
    header = Header()
    index = 0
    fields_at = 1  # the last paragraph a run-on title may open: the second, or the one after a letterhead
    subtitles: list[str] = []  # lines over the fields below the title, which may carry the date
    last_field = last_label = ""
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        if publication_stamp(paragraph):  # among the lines over the fields, yet no field, title or dated subtitle
            header.leftover.append(paragraph)
            index += 1
            fields_at = max(fields_at, index)
            continue
        label_only = LABEL_ONLY.match(paragraph)
        if label_only and index == 0 and TITLE_RE.match(paragraph) and not paragraph.rstrip().endswith(":"):
            label_only = None  # "Referat" over the document is its title, not the minute-taker's label
        if (
            last_field in STATUS
            and not label_only
            and _first_label_line(paragraph) is None
            and _is_people_list(paragraph)
            and not _names_then_sentence(paragraph)
        ):
            _apply(header, last_field, paragraph, last_label)  # a list a word processor split into paragraphs
            index += 1
            continue
        if label_only:
            field_name = _LABEL_TO_FIELD[label_only["label"].lower()]
            if field_name == "agenda":
                if _field_opens(paragraphs[index + 1 : index + 2]):
                    index += 1  # "Dagsorden" over "Tilstede: …": a heading with nothing under it, the fields go on
                    continue
                break
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
            heading_style = not paragraph.rstrip().endswith(":")
            one_value = field_name not in STATUS and "\n" not in following and len(following.split()) <= MAX_TITLE_WORDS
            consumed = (
                bool(following)
                and _first_label_line(following) is None
                and not LABEL_ONLY.match(following)
                and not (field_name in STATUS and _sub_heading(following, paragraphs[index + 2 : index + 3]))
                and (heading_style or _is_people_list(following) or one_value)
                # "Leder" alone (a web page's section: the editorial) over a headline names no chair
                and not (heading_style and field_name == "chair" and not _fits(field_name, following))
            )
            if consumed:
                _apply(header, field_name, following, label_only["label"])
            header.found = True
            last_field, last_label = field_name, label_only["label"]
            index += 2 if consumed else 1
            continue
        if index == 0 and len(paragraphs) > 1 and date_alone(paragraph.strip()):
            subtitles.append(paragraph)  # "14. november 2022" over "Referat fra styremøte 10.11.22": a stamp, no title
            index += 1
            continue
        # "Referat: Brukerforum …" names the meeting, not a minute-taker; "Møteprotokoll Utvalg: … Dato: …" runs on
        if index == 0 and "\n" not in paragraph.strip() and TITLE_RE.match(paragraph) and not _run_on_title(paragraph):
            header.title = " ".join(paragraph.split())
            index += 1
            continue
        first = _first_label_line(paragraph)
        if first == 0 and _opens_agenda(paragraph):
            break  # "Saker:" / "1. Budsjett 2010: Finn Madsen informerte …": the body starts with its agenda
        run_on = _run_on_title(paragraph) if first is None and index <= fields_at else None
        if first is not None or run_on is not None:
            lines = paragraph.split("\n")
            if run_on is not None:
                title, fields_text = paragraph[:run_on], paragraph[run_on:]
            else:
                title, fields_text = "\n".join(lines[:first]), "\n".join(lines[first:])
            if title.strip() and not header.title:
                header.title = " ".join(title.split())
            elif title.strip():
                subtitles.append(title)  # "Møtereferat Ungdomsrådet" / "Ungdomsrådsmøte 18.08.09" / "Tilstede: …"
            fields, rest = labelled_fields(fields_text)
            for field_name, value, label in fields:
                _apply(header, field_name, value, label)
                last_field, last_label = field_name, label  # "Fra ViG:" over its list: the group goes on
                if counts_people(value):
                    last_field = ""  # "Tilstede: 41medlemmer." over "Åpning.": no list goes on below a count
            header.leftover.extend(rest)
            header.found = True
            index += 1
            continue
        if last_field in STATUS and _sub_heading(paragraph, paragraphs[index + 1 : index + 2]):
            index += 1  # "Medlemmer av Skate", "Observatør i møtet": a heading inside the list, no person
            last_label = ""  # nor the group of the list above it
            continue
        if (
            not header.title
            and "\n" not in paragraph.strip()
            and (
                TITLE_RE.match(paragraph)
                or (index == 0 and _opens_header(paragraph, paragraphs[1:2]))
                or (index == 0 and _opens_header(paragraph, paragraphs[2:3]))  # a summary between
                or (index == 0 and _title_over_summary(paragraph, paragraphs[1:]))
            )
        ):
            header.title = " ".join(paragraph.split())
            index += 1
            continue
        if (
            index <= LEAD_BEFORE_HEADER
            and not last_field
            # the fields follow, or short lines over them ("REFERAT FRA MØTET 15. OKTOBER 2012." / "Tilstede: …")
            and (
                _labels_follow(paragraphs[index + 1 : index + 2])
                or (not _short_line(paragraph) and _short_lines_then_labels(paragraphs[index + 1 :]) > 0)
            )
        ):
            header.leftover.append(paragraph)  # a summary above the labelled fields stays in the body
            if "\n" not in paragraph.strip() and len(paragraph.split()) <= MAX_TITLE_WORDS:
                subtitles.append(paragraph)  # or a dated subtitle: "Ungdomsrådsmøte 18.08.09"
            index += 1
            fields_at = index
            continue
        if last_field and _unknown_field(paragraph) and _labels_follow(paragraphs[index + 1 : index + 2]):
            index += 1  # "Ref: Anne" between "Møteleder: Håvard" and "Tilstede: …": a field not known, not the body
            continue
        lead = _short_lines_then_labels(paragraphs[index:]) if index <= fields_at and not last_field else 0
        if lead:  # "REFERAT FRA STYREMØTE I …" / "27. september 2016 på …" over the fields: they stay in the body
            for line in paragraphs[index : index + lead]:
                # "Kl. 12.30 til kl. 15.00 i formannskapssalen", "Ref. Marit Horgen": a field's
                if not _lead_time(header, line) and not _lead_officer(header, line):
                    header.leftover.append(line)
                    subtitles.append(line)
            index += lead
            fields_at = index
            continue
        break
    for line in (header.title, *subtitles) if not header.date else ():
        header.date = header.date or ("" if publication_stamp(line) else find_date(line))
    header.found = header.found or bool(header.title)
    header.body_start = index
    return header


_ORG_LEAD = re.compile(r"^(?:i|fra|frå|ved|for|hos)\s+", re.IGNORECASE)
MAX_ORG_WORDS = 8


# "… Monica Osvold i NAV Ørsta Volda. Kristin Vik frå …": a full stop between a caption's entries
_CAPTION_ENTRY_END = re.compile(r"(?<=[a-zæøå])\.\s+(?=[A-ZÆØÅ])")


def _caption_person(part: str) -> Person | None:
    """'Anne Kristiansen statssekretær KUD', 'Bjørn Haugen, generalsekretær i Frivillighet Norge', 'leiar Monica
    Osvold i NAV Ørsta Volda' (the office before the name), 'Tanja Skretting (Filadelfia)' (what one is in brackets,
    read as in an attendance list)."""
    if part.endswith(")") and "(" in part:
        person = parse_person(part, "present")
        return person if person and len(person.name.split()) >= 2 else None
    lead_role, part = split_role(part) if part[:1].islower() else ("", part)
    words = part.split()
    n = 0
    while n < min(len(words), 5) and _NAME_WORD.match(words[n]) and not _ROLE_RE.match(words[n]):
        n += 1
    if n < 2:
        return None
    role, organisation = split_role(" ".join(words[n:]))
    organisation = _ORG_LEAD.sub("", organisation).strip(" ,.")
    if len(organisation.split()) > MAX_ORG_WORDS:
        organisation = ""
    return Person(name=" ".join(words[:n]), role=role or lead_role, organisation=organisation, status="present")


def caption_people(caption: str) -> list[Person]:
    """The people of a photo caption.

    Either 'Name, Organisation; Name, role Organisation; …' or a running list
    'Name role Org, Name role i Org og Name …, som deltok …': the list ends at
    the first part that names nobody, so a trailing clause never becomes an
    organisation.
    """
    text = caption_text(caption)
    if ";" in text:
        people = [parse_person(part, "present") for part in text.split(";")]
        return [p for p in people if p and p.name]
    people: list[Person] = []
    parts = [part for piece in _CAPTION_ENTRY_END.split(text) for part in split_enumeration(piece)]
    for number, part in enumerate(parts):
        person = _caption_person(part)
        if person:
            people.append(person)
        elif people and part[:1].islower() and number + 1 < len(parts) and _caption_person(parts[number + 1]):
            continue  # "Hazar Kamil, representerer flyktningane, Jan Ove Haukås …": what the one before is
        elif people and not people[-1].organisation and part[:1].isupper() and len(part.split()) <= MAX_ORG_WORDS:
            role, organisation = split_role(part)
            people[-1] = replace(people[-1], role=people[-1].role or role, organisation=organisation)
        else:
            break
    return people
