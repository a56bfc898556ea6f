"""Read a gold file: what a careful reader extracts from each document, checked entry by entry before anything runs.

The format is the development corpus's (`../shared/devset/gold.json`): a JSON
list with one object per document. A malformed entry is refused with one line
naming it, so a typo never turns into a silently lower score.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from analysis.base.config import display_path
from analysis.base.errors import InputError
from analysis.ingest.manifest import DATE_RE, KINDS

PEOPLE_FIELDS = ("present", "absent", "copy")
KEYS = frozenset(
    {"file", "kind", "in_domain", "date", "title", "chair", "minute_taker", "agenda", "speakers", *PEOPLE_FIELDS}
)


@dataclass(frozen=True)
class GoldPerson:
    name: str  # '' for an organisation listed without a person
    organisation: str


@dataclass(frozen=True)
class GoldSpeaker:
    sentence_start: str
    speaker: str


@dataclass(frozen=True)
class GoldDocument:
    file: str
    kind: str = ""
    in_domain: bool | None = None  # False for an off-topic control: its sentences should get no theme
    date: str = ""
    title: str = ""
    chair: str = ""
    minute_taker: str = ""
    present: tuple[GoldPerson, ...] = ()
    absent: tuple[GoldPerson, ...] = ()
    copy: tuple[GoldPerson, ...] = ()
    agenda: tuple[str, ...] = ()
    speakers: tuple[GoldSpeaker, ...] = ()


def _text(value: object, where: str, key: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(where, f"{key} is {type(value).__name__}, not text or null", "write it as a string or null")
    return " ".join(value.split())


def _people(value: object, where: str, key: str) -> tuple[GoldPerson, ...]:
    if not isinstance(value, list):
        raise InputError(where, f"{key} is not a list", 'write it as [{"name": …, "organisation": …}, …]')
    people = []
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict) or set(item) - {"name", "organisation"}:
            raise InputError(
                where, f"{key} item {number} is not {{name, organisation}}", "give each person a name and organisation"
            )
        person = GoldPerson(_text(item.get("name"), where, key), _text(item.get("organisation"), where, key))
        if not person.name and not person.organisation:
            raise InputError(where, f"{key} item {number} has neither name nor organisation", "fill one or drop it")
        people.append(person)
    return tuple(people)


def _speakers(value: object, where: str) -> tuple[GoldSpeaker, ...]:
    if not isinstance(value, list):
        raise InputError(where, "speakers is not a list", 'write it as [{"sentence_start": …, "speaker": …}, …]')
    speakers = []
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict) or set(item) != {"sentence_start", "speaker"}:
            raise InputError(
                where,
                f"speakers item {number} is not {{sentence_start, speaker}}",
                "give the sentence's first characters and its speaker",
            )
        start = _text(item["sentence_start"], where, "sentence_start")
        speaker = _text(item["speaker"], where, "speaker")
        if not start or not speaker:
            raise InputError(where, f"speakers item {number} is empty", "fill sentence_start and speaker")
        speakers.append(GoldSpeaker(start, speaker))
    return tuple(speakers)


def parse_gold_entry(item: object, where: str, *, need_kind: bool) -> GoldDocument:
    """One gold object, validated: known keys only, an ISO date, lists where lists belong."""
    if not isinstance(item, dict):
        raise InputError(where, "is not a JSON object", "write one object per document")
    unknown = sorted(set(item) - KEYS)
    if unknown:
        raise InputError(where, f"unknown key {unknown[0]!r}", f"use only {', '.join(sorted(KEYS))}")
    file = item.get("file")
    if not isinstance(file, str) or not file.strip() or "/" in file:
        raise InputError(where, "has no plain file name in 'file'", "name the document's file as it lies in its folder")
    where = f"{where} ({file})"
    kind = _text(item.get("kind"), where, "kind")
    if (kind or need_kind) and kind not in KINDS:
        raise InputError(where, f"kind {kind!r} is not one of {', '.join(KINDS)}", "correct the kind")
    date = _text(item.get("date"), where, "date")
    if date and not DATE_RE.match(date):
        raise InputError(where, f"date {date!r} is not YYYY-MM-DD, YYYY-MM or YYYY", "write the date in ISO form")
    agenda = item.get("agenda", [])
    if not isinstance(agenda, list) or not all(isinstance(title, str) for title in agenda):
        raise InputError(where, "agenda is not a list of item titles", 'write it as ["title", …]')
    in_domain = item.get("in_domain")
    if in_domain is not None and not isinstance(in_domain, bool):
        raise InputError(where, "in_domain is not true, false or null", "write it as true or false")
    return GoldDocument(
        file=file,
        kind=kind,
        in_domain=in_domain,
        date=date,
        title=_text(item.get("title"), where, "title"),
        chair=_text(item.get("chair"), where, "chair"),
        minute_taker=_text(item.get("minute_taker"), where, "minute_taker"),
        agenda=tuple(" ".join(title.split()) for title in agenda),
        speakers=_speakers(item.get("speakers", []), where),
        **{key: _people(item.get(key, []), where, key) for key in PEOPLE_FIELDS},
    )


def read_gold(path: Path, *, need_kind: bool = False) -> list[GoldDocument]:
    """Every entry of a gold file, or an InputError naming the first bad one."""
    path = Path(path)
    shown = display_path(path)
    if not path.is_file():
        raise InputError(
            shown, "no such gold file", "write one (README, 'How well does it read your minutes?') or pass --gold"
        )
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(shown, f"is not UTF-8 JSON ({error})", "fix the file; a JSON linter shows where") from None
    if not isinstance(items, list) or not items:
        raise InputError(shown, "is not a non-empty JSON list", "write one object per document inside [ … ]")
    documents = [
        parse_gold_entry(item, f"{shown}: entry {number}", need_kind=need_kind) for number, item in enumerate(items, 1)
    ]
    seen: set[str] = set()
    for number, document in enumerate(documents, 1):
        if document.file in seen:
            raise InputError(f"{shown}: entry {number}", f"{document.file} appears twice", "keep one entry each")
        seen.add(document.file)
    return documents
