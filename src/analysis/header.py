"""Read the head of a document: labelled fields, the attendance lists and the title.

The labels are matched anywhere on a header line because converted minutes
often run two fields together ("Referent: … Møteleder: …").
"""

import re

from analysis.clean import caption_text
from analysis.dates import find_date, parse_time_span
from analysis.model import Header, Person

# canonical field -> the labels that introduce it
LABELS: dict[str, tuple[str, ...]] = {
    "date": ("Dato", "Møtedato"),
    "time": ("Fra/til", "Tid", "Tidspunkt", "Klokkeslett"),
    "minute_taker": ("Referent", "Sekretær", "Sekretariat"),
    "chair": ("Møteleder", "Møte-leder", "Ordstyrer", "Leder"),
    "case_number": ("Saksnr.", "Saksnr", "Saksnummer", "Sak nr.", "Vår ref.", "Vår ref"),
    "place": ("Sted", "Møtested"),
    "present": ("Til stede", "Tilstede", "Deltakere"),
    "absent": ("Fraværende", "Meldt forfall", "Forfall"),
    "copy": ("Kopi til", "Kopi"),
}
STATUS = {"present": "present", "absent": "absent", "copy": "copy"}
_LABEL_TO_FIELD = {label.lower(): name for name, labels in LABELS.items() for label in labels}
_LABEL_RE = re.compile(
    r"(?<![\w/-])(?P<label>"
    + "|".join(re.escape(label) for label in sorted(_LABEL_TO_FIELD, key=len, reverse=True))
    + r")\s*:",
    re.IGNORECASE,
)
TITLE_RE = re.compile(r"^(?:Referat|Møtereferat|Protokoll|Møteprotokoll)\b", re.IGNORECASE)

# Titles that stand before a name in attendee lists, longest first so "Politisk rådgiver" wins.
ROLES = (
    "Statsråd",
    "Statssekretær",
    "Politisk rådgiver",
    "Departementsråd",
    "Ekspedisjonssjef",
    "Avdelingsdirektør",
    "Fagdirektør",
    "Seniorrådgiver",
    "Rådgiver",
    "Direktør",
    "Generalsekretær",
    "Daglig leder",
    "Nestleder",
    "Styreleder",
    "Leder",
    "Ordfører",
    "Varaordfører",
    "Kommunedirektør",
    "Seksjonssjef",
    "Underdirektør",
    "Prosjektleder",
)
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


def parse_person(line: str, status: str) -> Person | None:
    """'[Role] Name, Organisation' → Person; an empty line gives None."""
    line = line.strip().strip(";").strip()
    if not line:
        return None
    name_part, _, organisation = line.partition(",")
    role, name = split_role(name_part)
    organisation = organisation.strip().rstrip(".")
    if not role:
        org_role, rest = split_role(organisation)
        if org_role:
            role, organisation = org_role, rest
    return Person(name=name.strip(), role=role, organisation=organisation, status=status)


def labelled_fields(text: str) -> list[tuple[str, str]]:
    """Every (field, value) pair in header text, in order; a value runs to the next label."""
    matches = list(_LABEL_RE.finditer(text))
    pairs = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        pairs.append((_LABEL_TO_FIELD[match["label"].lower()], text[match.end() : end].strip()))
    return pairs


def starts_with_label(paragraph: str) -> bool:
    match = _LABEL_RE.match(paragraph)
    return bool(match)


def parse_header(paragraphs: list[str]) -> Header:
    """Fields from the leading labelled paragraphs, then the title line if one follows."""
    header = Header()
    index = 0
    while index < len(paragraphs) and starts_with_label(paragraphs[index]):
        for field_name, value in labelled_fields(paragraphs[index]):
            if field_name in STATUS:
                for line in value.split("\n"):
                    person = parse_person(line, STATUS[field_name])
                    if person:
                        header.people.append(person)
            elif field_name == "date":
                header.date = find_date(value)
            elif field_name == "time":
                header.time_start, header.time_end = parse_time_span(value)
            else:
                setattr(header, field_name, " ".join(value.split()))
        index += 1
    if index < len(paragraphs) and TITLE_RE.match(paragraphs[index]):
        header.title = " ".join(paragraphs[index].split())
        index += 1
    if not header.date and header.title:
        header.date = find_date(header.title)
    header.body_start = index
    return header


def caption_people(caption: str) -> list[Person]:
    """The people of a photo caption ('Name, Organisation; Name, role Organisation; …')."""
    people = []
    for part in caption_text(caption).split(";"):
        person = parse_person(part, "present")
        if person and person.name:
            people.append(person)
    return people
