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
