"""The layout knowledge a researcher edits: header labels, group labels, titles, pronouns and verbs of saying.

Read once from `data/layout.yml` (LAYOUT_PATH), so a label is added without
touching code. The parse stages take every such word from here; the
document cache's version includes the file's bytes, so editing it re-parses.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.base.config import LAYOUT_PATH, display_path
from analysis.base.errors import InputError
from analysis.base.handfiles import read_text, yaml_document

FIELDS = (
    "date",
    "time",
    "minute_taker",
    "chair",
    "case_number",
    "place",
    "present",
    "absent",
    "copy",
    "facilitator",
    "agenda",
)
SECTIONS = (
    "fields",
    "name_markers",
    "group_lead",
    "groups",
    "roles",
    "role_suffixes",
    "role_equivalents",
    "speaking_bodies",
    "chair_after_name",
    "chair_before_name",
    "event_words",
    "pronouns",
    "speech_verbs",
    "attendance_phrases",
)
# Sections added after researchers had edited their own copies: a layout file without one still reads.
OPTIONAL_SECTIONS = (
    "presentation_nouns",
    "hosting_verbs",
    "other_meeting_words",
    "organisation_endings",
    "substitute_markers",
    "name_particles",
    "remarks",
    "list_openers",
    "first_person",
    "photo_credits",
    "table_headings",
    "floor_phrases",
    "leaving_phrases",
    "acting_verbs",
    "turn_nouns",
    "meeting_functions",
    "nobody",
    "absence_phrases",
    "talk_verbs",
    "proposal_nouns",
    "welcome_verbs",
    "welcome_words",
    "introducing_verbs",
    "took_part_words",
    "took_part_parts",
    "meeting_stems",
    "about_words",
    "publication_stamps",
    "text_labels",
    "closing_items",
    "caption_positions",
    "turn_verbs",
    "substitute_words",
    "first_names",
    "table_marks",
    "responsible_labels",
    "giving_verbs",
    "meeting_verbs",
    "own_offices",
)


@dataclass(frozen=True)
class Layout:
    labels: dict[str, tuple[str, ...]]  # field -> labels
    name_markers: dict[str, tuple[str, ...]]  # field -> words in brackets after a name
    group_lead: tuple[str, ...]
    groups: tuple[str, ...]
    roles: tuple[str, ...]
    role_suffixes: tuple[str, ...]
    role_equivalents: tuple[tuple[str, ...], ...]
    speaking_bodies: tuple[str, ...]
    chair_after_name: tuple[str, ...]
    chair_before_name: tuple[str, ...]
    event_words: tuple[str, ...]
    attendance_phrases: tuple[str, ...]
    pronouns: frozenset[str]
    speech_verbs: frozenset[str]
    presentation_nouns: frozenset[str] = frozenset()
    hosting_verbs: frozenset[str] = frozenset()
    other_meeting_words: frozenset[str] = frozenset()
    organisation_endings: frozenset[str] = frozenset()
    substitute_markers: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    remarks: frozenset[str] = frozenset()
    list_openers: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    photo_credits: frozenset[str] = frozenset()
    table_headings: frozenset[str] = frozenset()
    floor_phrases: frozenset[str] = frozenset()
    leaving_phrases: frozenset[str] = frozenset()
    acting_verbs: frozenset[str] = frozenset()
    turn_nouns: frozenset[str] = frozenset()
    meeting_functions: frozenset[str] = frozenset()
    nobody: frozenset[str] = frozenset()
    absence_phrases: frozenset[str] = frozenset()
    talk_verbs: frozenset[str] = frozenset()
    proposal_nouns: frozenset[str] = frozenset()
    welcome_verbs: frozenset[str] = frozenset()
    welcome_words: frozenset[str] = frozenset()
    introducing_verbs: frozenset[str] = frozenset()
    took_part_words: frozenset[str] = frozenset()
    took_part_parts: frozenset[str] = frozenset()
    meeting_stems: frozenset[str] = frozenset()
    about_words: frozenset[str] = frozenset()
    publication_stamps: frozenset[str] = frozenset()
    text_labels: frozenset[str] = frozenset()
    closing_items: frozenset[str] = frozenset()
    caption_positions: frozenset[str] = frozenset()
    turn_verbs: frozenset[str] = frozenset()
    substitute_words: frozenset[str] = frozenset()
    first_names: frozenset[str] = frozenset()
    table_marks: frozenset[str] = frozenset()
    responsible_labels: frozenset[str] = frozenset()
    giving_verbs: frozenset[str] = frozenset()
    meeting_verbs: frozenset[str] = frozenset()
    own_offices: frozenset[str] = frozenset()


def _words(value: object, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(where, f"{key} is not a list of words", "write it as a YAML list: [Word, Other word]")
    return tuple(" ".join(v.split()) for v in value)


# Sections read as sets of case-folded words (lemmas, pronouns); an optional one left out is empty.
WORD_SETS = ("pronouns", "speech_verbs", *OPTIONAL_SECTIONS)


def _folded(document: dict, key: str, where: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in _words(document.get(key, []), where, key))


def _list(value: object, where: str) -> list:
    if not isinstance(value, list):
        raise InputError(where, "role_equivalents is not a list of lists", "write it as [[statsråd, minister]]")
    return value


def parse_layout(document: object, where: str) -> Layout:
    """A layout from parsed YAML, refused in one line when a section is missing or malformed."""
    if not isinstance(document, dict):
        raise InputError(where, "is not a YAML mapping", f"give the sections {', '.join(SECTIONS)}")
    missing = [s for s in SECTIONS if s not in document]
    unknown = sorted(set(document) - set(SECTIONS) - set(OPTIONAL_SECTIONS))
    if missing or unknown:
        problem = f"section {missing[0]!r} is missing" if missing else f"unknown section {unknown[0]!r}"
        raise InputError(where, problem, f"the sections are {', '.join((*SECTIONS, *OPTIONAL_SECTIONS))}")
    fields, markers = document["fields"], document["name_markers"]
    if not isinstance(fields, dict) or set(fields) != set(FIELDS):
        raise InputError(where, "fields must name exactly these fields", ", ".join(FIELDS))
    if not isinstance(markers, dict) or not set(markers) <= set(FIELDS):
        raise InputError(where, "name_markers must map header fields to words", "see the comments in the file")
    return Layout(
        labels={name: _words(fields[name], where, f"fields.{name}") for name in FIELDS},
        name_markers={name: _words(words, where, f"name_markers.{name}") for name, words in markers.items()},
        group_lead=_words(document["group_lead"], where, "group_lead"),
        groups=_words(document["groups"], where, "groups"),
        roles=_words(document["roles"], where, "roles"),
        role_suffixes=_words(document["role_suffixes"], where, "role_suffixes"),
        role_equivalents=tuple(
            _words(group, where, "role_equivalents") for group in _list(document["role_equivalents"], where)
        ),
        speaking_bodies=_words(document["speaking_bodies"], where, "speaking_bodies"),
        chair_after_name=_words(document["chair_after_name"], where, "chair_after_name"),
        chair_before_name=_words(document["chair_before_name"], where, "chair_before_name"),
        event_words=_words(document["event_words"], where, "event_words"),
        attendance_phrases=_words(document["attendance_phrases"], where, "attendance_phrases"),
        **{key: _folded(document, key, where) for key in WORD_SETS},
    )


def read_layout(path: Path) -> Layout:
    where = display_path(path)
    if not Path(path).is_file():
        raise InputError(where, "layout file is missing", "restore data/layout.yml from the repository")
    return parse_layout(yaml_document(read_text(path), where), where)


def alternation(words: Iterable[str], *, spaced: bool = False) -> str:
    """The words as one regular-expression alternation, longest first: an alternation takes the first that matches,
    so 'Politisk rådgiver' must come before 'Rådgiver'. None gives '(?!)', which matches nothing (an empty
    alternation would match everywhere). `spaced`: the space between a phrase's words stands for any white space,
    as in running text; a label's is one space, as a header line writes it."""
    escaped = (re.escape(word) for word in sorted(words, key=len, reverse=True))
    return "|".join(word.replace(r"\ ", r"\s+") if spaced else word for word in escaped) or "(?!)"


@cache
def layout() -> Layout:
    """The project's layout file, read once per process."""
    return read_layout(LAYOUT_PATH)
