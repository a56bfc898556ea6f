"""Read the head of a document: labelled fields, the attendance lists and the title.

The labels are matched anywhere on a header line because converted minutes
often run two fields together ("Referent: … Møteleder: …").
"""

import re
from dataclasses import replace

from analysis.base.records import Header, Person
from analysis.language.dates import find_date, parse_time_span
from analysis.language.norwegian import split_enumeration
from analysis.language.layout import layout
from analysis.language.wordlists import ROLES
from analysis.parse.clean import caption_text

# canonical field -> the labels that introduce it, from data/layout.yml
LABELS: dict[str, tuple[str, ...]] = {name: labels for name, labels in layout().labels.items() if name != "agenda"}
STATUS = {"present": "present", "absent": "absent", "copy": "copy", "facilitator": "present"}
MAX_TITLE_WORDS = 20
_LABEL_TO_FIELD = {label.lower(): name for name, labels in LABELS.items() for label in labels}
LABEL_RE = re.compile(
    r"(?<![\w/-])(?P<label>"
    + "|".join(re.escape(label) for label in sorted(_LABEL_TO_FIELD, key=len, reverse=True))
    + r")\s*:",
    re.IGNORECASE,
)
_LABEL_ONLY = re.compile(
    r"^(?P<label>"
    + "|".join(re.escape(label) for label in sorted(_LABEL_TO_FIELD, key=len, reverse=True))
    + r")\s*:?\s*$",
    re.IGNORECASE,
)
TITLE_RE = re.compile(r"^(?:Referat|Møtereferat|Protokoll|Møteprotokoll|Møtebok)\b", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-ZÆØÅ][a-zæøåA-ZÆØÅéèüöä'-]*\.?$")
_PAREN_PERSON = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<org>[^)]+)\)\s*[.;,]?$")

_ROLE_RE = re.compile(r"^(?P<role>" + "|".join(sorted(ROLES, key=len, reverse=True)) + r")\b\s*", re.IGNORECASE)


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


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words ("Kari Nordmann", "Leni Buljo Hemminghytt"), after any title."""
    _, name = split_role(text)
    words = name.split()
    return 2 <= len(words) <= 5 and all(_NAME_WORD.match(w) for w in words)


def parse_person(line: str, status: str) -> Person | None:
    """'[Role] Name, Organisation' or '[Role] Name (Organisation)' → Person; an empty line gives None."""
    line = line.strip().strip(";").strip().rstrip(".")
    if not line:
        return None
    paren = _PAREN_PERSON.match(line) if "," not in line else None
    if paren:
        name_part, organisation = paren["name"], paren["org"]
    else:
        name_part, _, organisation = line.partition(",")
    role, name = split_role(name_part)
    organisation = organisation.strip().rstrip(".")
    if not role:
        org_role, rest = split_role(organisation)
        if org_role:
            role, organisation = org_role, rest
    return Person(name=name.strip(), role=role, organisation=organisation, status=status)


def _names_a_person(part: str) -> bool:
    """'Kari Nordmann' or 'Kari Nordmann (Fellesorganisasjonen)'."""
    paren = _PAREN_PERSON.match(part)
    return looks_like_name(paren["name"] if paren else part)


def parse_people(value: str, status: str, role: str = "") -> list[Person]:
    """One person per line or per ';'-part, or names run together in prose ("A, B (Org) og C").

    A list continued on the next line ("…, C (Org)" / "og D (Org)") is one list.
    """
    people = []
    value = re.sub(r"\n\s*(?=og\s)", " ", value)
    for line in value.replace(";", "\n").split("\n"):
        line = re.sub(r"^[-*•]\s+", "", line.strip()).rstrip(".")
        parts = split_enumeration(line)
        prose = (
            len(parts) >= 2
            and (" og " in f" {line} " or len(parts) >= 3 or all(_PAREN_PERSON.match(p) for p in parts))
            and all(map(_names_a_person, parts))
        )
        for part in parts if prose else [line]:
            person = parse_person(part, status)
            if person and person.name:
                if role and not person.role:
                    person = replace(person, role=role)
                people.append(person)
    return people


def labelled_fields(text: str) -> list[tuple[str, str, str]]:
    """Every (field, value, label as written) in header text, in order; a value runs to the next label."""
    matches = list(LABEL_RE.finditer(text))
    pairs = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        pairs.append((_LABEL_TO_FIELD[match["label"].lower()], text[match.end() : end].strip(), match["label"]))
    return pairs


def _first_label_line(paragraph: str) -> int | None:
    """Index of the first line that starts with a label, if any."""
    for number, line in enumerate(paragraph.split("\n")):
        if LABEL_RE.match(line.strip()):
            return number
    return None


def _opens_header(line: str, following: list[str]) -> bool:
    """A short first line without a full stop, right above the labelled fields, is the meeting's title."""
    return (
        len(line.split()) <= MAX_TITLE_WORDS
        and not line.rstrip().endswith(".")
        and bool(following)
        and (_first_label_line(following[0]) is not None or bool(_LABEL_ONLY.match(following[0])))
    )


def _is_people_list(paragraph: str) -> bool:
    """Every line starts with a person's name ("Kari Nordmann, NAV", "Ola Hansen (Fretex)")."""
    return all(looks_like_name(re.split(r"[,(]", line)[0]) for line in paragraph.split("\n") if line.strip())


def _apply(header: Header, field_name: str, value: str, label: str = "") -> None:
    if field_name in STATUS:
        role = (label or LABELS[field_name][0]).capitalize() if field_name == "facilitator" else ""
        header.people.extend(parse_people(value, STATUS[field_name], role))
    elif field_name == "date":
        header.date = header.date or find_date(value)
    elif field_name == "time":
        header.time_start, header.time_end = parse_time_span(value)
    else:
        setattr(header, field_name, " ".join(value.split()))


def parse_header(paragraphs: list[str]) -> Header:
    """Fields from the leading labelled paragraphs, with a title line before or after them.

    A label may open a line ("Dato: …", two on one line), stand alone as a
    heading with its list in the next paragraph ("## Til stede" over a
    bullet list), or follow a first title line in the same paragraph.
    """
    header = Header()
    index = 0
    last_field = ""
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        if last_field in STATUS and _first_label_line(paragraph) is None and _is_people_list(paragraph):
            _apply(header, last_field, paragraph)  # a list that a word processor split into paragraphs
            index += 1
            continue
        label_only = _LABEL_ONLY.match(paragraph)
        if label_only:
            field_name = _LABEL_TO_FIELD[label_only["label"].lower()]
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
            heading_style = not paragraph.rstrip().endswith(":")
            consumed = (
                bool(following)
                and _first_label_line(following) is None
                and not _LABEL_ONLY.match(following)
                and (heading_style or _is_people_list(following))
            )
            if consumed:
                _apply(header, field_name, following, label_only["label"])
            header.found = True
            last_field = field_name
            index += 2 if consumed else 1
            continue
        first = _first_label_line(paragraph)
        if first is not None:
            lines = paragraph.split("\n")
            if first > 0 and not header.title:
                header.title = " ".join(" ".join(lines[:first]).split())
            for field_name, value, label in labelled_fields("\n".join(lines[first:])):
                _apply(header, field_name, value, label)
                last_field = field_name
            header.found = True
            index += 1
            continue
        if (
            not header.title
            and "\n" not in paragraph.strip()
            and (TITLE_RE.match(paragraph) or (index == 0 and _opens_header(paragraph, paragraphs[1:2])))
        ):
            header.title = " ".join(paragraph.split())
            index += 1
            continue
        break
    if not header.date and header.title:
        header.date = find_date(header.title)
    header.found = header.found or bool(header.title)
    header.body_start = index
    return header


_ORG_LEAD = re.compile(r"^(?:i|fra|ved|for|hos)\s+", re.IGNORECASE)
MAX_ORG_WORDS = 8


def _caption_person(part: str) -> Person | None:
    """'Anne Kristiansen statssekretær KUD', 'Bjørn Haugen, generalsekretær i Frivillighet Norge'."""
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
    return Person(name=" ".join(words[:n]), role=role, organisation=organisation, status="present")


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
    for part in split_enumeration(text):
        person = _caption_person(part)
        if person:
            people.append(person)
        elif people and not people[-1].organisation and part[:1].isupper() and len(part.split()) <= MAX_ORG_WORDS:
            role, organisation = split_role(part)
            people[-1] = replace(people[-1], role=people[-1].role or role, organisation=organisation)
        else:
            break
    return people
