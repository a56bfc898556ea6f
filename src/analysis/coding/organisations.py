"""The organisation register: one canonical name and actor type for every way a document writes it.

Minutes write the same ministry as "ASD", "ASD/Velferdspolitisk avdeling"
and "Arbeids- og sosialdepartementet"; comparisons by organisation need one
name. An organisation the register does not know is reported, never guessed.
"""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from analysis.base.config import REGISTER_PATH, display_path
from analysis.base.errors import InputError
from analysis.base.handfiles import read_csv_text
from analysis.base.records import organisation_forms

ACTOR_TYPES = ("government", "agency", "civil_society", "measure_provider", "employer", "research", "other")

REGISTER_COLUMNS = ("organisation", "actor_type", "aliases")  # and an optional note


@dataclass(frozen=True)
class Organisation:
    name: str
    actor_type: str


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


class Register:
    def __init__(self, organisations: dict[str, Organisation]) -> None:
        self._by_alias = organisations

    def aliases(self) -> list[str]:
        """Every name and alias, case-folded, sorted: what the coder masks (`analysis.coding.masking`)."""
        return sorted(self._by_alias)

    def lookup(self, written: str) -> Organisation | None:
        """By alias; a sub-unit written 'ORG/Department' falls back to ORG."""
        for form in organisation_forms(written, acronym=False):
            found = self._by_alias.get(_key(form))
            if found is not None:
                return found
        return None


def load_register(path: Path = REGISTER_PATH) -> Register:
    path = Path(path)
    where = display_path(path)
    if not path.is_file():
        raise InputError(
            where, "organisation register not found", "create it with columns organisation,actor_type,aliases"
        )
    text = read_csv_text(path, (*REGISTER_COLUMNS, "note"), required=REGISTER_COLUMNS)
    reader = csv.DictReader(io.StringIO(text))
    by_alias: dict[str, Organisation] = {}
    for line_no, row in enumerate(reader, start=2):
        name = (row["organisation"] or "").strip()
        actor_type = (row["actor_type"] or "").strip()
        at = f"{where}:{line_no}"
        if not name:
            raise InputError(at, "organisation is empty", "give the canonical name")
        if actor_type not in ACTOR_TYPES:
            raise InputError(at, f"actor_type {actor_type!r} is not one of {', '.join(ACTOR_TYPES)}", "correct it")
        organisation = Organisation(name, actor_type)
        for alias in {name, *(a.strip() for a in (row["aliases"] or "").split(";") if a.strip())}:
            previous = by_alias.get(_key(alias))
            if previous and previous != organisation:
                raise InputError(
                    at, f"alias {alias!r} also belongs to {previous.name}", "an alias names one organisation"
                )
            by_alias[_key(alias)] = organisation
    return Register(by_alias)


def canonical_columns(written: list[str], register: Register) -> tuple[list[str], list[str], list[str]]:
    """Canonical names and actor types for a column of written names, and the names not registered.

    Each distinct name is looked up once: a corpus of millions of sentences
    writes a few hundred organisations.
    """
    found = {text: register.lookup(text) for text in set(written)}
    names = [found[text].name if found[text] else "" for text in written]
    types = [found[text].actor_type if found[text] else "" for text in written]
    unknown = {text.strip() for text, organisation in found.items() if text.strip() and not organisation}
    return names, types, sorted(unknown)
