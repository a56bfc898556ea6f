"""The records the parser produces; each maps to one row of a data-contract table."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Person:
    """Someone listed at a meeting; `status` is present, absent or copy."""

    name: str
    role: str = ""
    organisation: str = ""
    status: str = "present"

    @property
    def surname(self) -> str:
        return self.name.split()[-1] if self.name else ""

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name else ""


def present_by_first_name(first: str, people: list[Person]) -> list[Person]:
    """The people present whose first name is `first`: informal minutes name them so ("Møteleder: Per", "– Helèn tar
    ansvar for vaktlisten"), and only one of them is meant by it."""
    return [p for p in people if p.status == "present" and p.first_name == first]


def present_by_one_name(name: str, people: list[Person]) -> list[Person]:
    """The people present one name alone may mean: those of that first name ('Møteleder: Per'), else the one
    present with that surname ('Møteleiar: Aasland', 'Mikalsen ble valgt …'); none if neither."""
    present = [person for person in people if person.status == "present"]
    by_surname = find_person(name, present)
    return present_by_first_name(name, present) or ([by_surname] if by_surname else [])


def find_person(reference: str, people: list[Person]) -> Person | None:
    """A person by full name (any case), else by a surname only one of `people` has."""
    reference = " ".join(reference.split())
    if not reference:
        return None
    for person in people:
        if person.name.casefold() == reference.casefold():
            return person
    matches = [p for p in people if p.surname.casefold() == reference.split()[-1].casefold()]
    return matches[0] if len(matches) == 1 else None


def organisation_forms(written: str, *, acronym: bool = True) -> list[str]:
    """The ways a document may write one organisation, most specific first.

    'ASD/Velferdspolitisk avdeling' is also 'ASD' (a unit falls back to its
    organisation); 'KREM Kreativt og …' is also 'KREM' (a leading acronym),
    unless `acronym` is False. The register looks names up through this, and
    speaker attribution finds an organisation's members in the text by it.
    """
    written = written.strip()
    if not written:
        return []
    forms = [written]
    unit_of = written.split("/")[0].strip()
    if unit_of and unit_of not in forms:
        forms.append(unit_of)
    first = unit_of.split()[0] if unit_of else ""
    if acronym and first.isupper() and len(first) > 1 and first not in forms:
        forms.append(first)
    return forms


@dataclass(frozen=True)
class AgendaEntry:
    """A numbered agenda item, or a presentation given inside one."""

    item_no: str
    title: str
    kind: str  # "item" or "presentation"
    parent_item: str = ""
    presenters: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    paragraph_index: int = -1  # position in the body, so sections know where they start


@dataclass
class Header:
    """What the head of a minutes document says about the meeting."""

    date: str = ""
    time_start: str = ""
    time_end: str = ""
    chair: str = ""
    minute_taker: str = ""
    case_number: str = ""
    place: str = ""
    title: str = ""
    people: list[Person] = field(default_factory=list)
    body_start: int = 0  # index of the first body paragraph
    found: bool = False  # whether any header field or title was recognised
    leftover: list[str] = field(default_factory=list)  # text a run-on header line held besides its fields: body text
    signers: list[str] = field(default_factory=list)  # names signing the last line without an office: they were there
