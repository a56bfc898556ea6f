"""One document from verified text to the rows of every data-contract table."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from analysis.base.records import AgendaEntry, Header, Person
from analysis.ingest.documents import RawDocument
from analysis.language.dates import find_date, find_day_month, resolve_date
from analysis.language.norwegian import detect_language
from analysis.parse.agenda import is_heading, outline
from analysis.parse.clean import clean
from analysis.parse.header import caption_people, parse_header
from analysis.parse.paragraphs import split_hard_breaks
from analysis.parse.segment import Segment, segment_blocks
from analysis.parse.speakers import Roster


@dataclass
class ParsedDocument:
    meeting: dict[str, str]
    people: list[Person]
    agenda: list[AgendaEntry]
    segments: list[Segment]
    warnings: list[str] = field(default_factory=list)


def _choose(field_name: str, manifest_value: str, text_value: str, where: str, warnings: list[str]) -> str:
    """The manifest wins where it gives a value; a disagreement is worth a warning."""
    if manifest_value and text_value and manifest_value != text_value:
        warnings.append(f"{where}: manifest {field_name} {manifest_value!r} overrides {text_value!r} found in the text")
    return manifest_value or text_value


DATE_PARAGRAPHS = 3  # where a date in prose still dates the meeting ("… innspillsmøte mandag 8. april 2019")


def text_date(header: Header, title: str, body: list[str]) -> str:
    """The header's date, else the title's, else the first full date in the opening paragraphs."""
    return header.date or find_date(title) or find_date("\n".join(body[:DATE_PARAGRAPHS]))


def _day_month(title: str, body: list[str]) -> tuple[int, int] | None:
    return find_day_month(title) or find_day_month("\n".join(body[:DATE_PARAGRAPHS]))


def _first_of_each_item(entries: Iterable[AgendaEntry]) -> Iterator[AgendaEntry]:
    """An agenda listed under 'Dagsorden' and then repeated as section headings is one agenda."""
    seen: set[str] = set()
    for entry in entries:
        if entry.item_no not in seen:
            seen.add(entry.item_no)
            yield entry


def parse_document(raw: RawDocument) -> ParsedDocument:
    entry = raw.entry
    where = entry.file
    warnings: list[str] = []
    cleaned = clean(raw.text)
    paragraphs = split_hard_breaks(cleaned.paragraphs)
    language = detect_language("\n".join(paragraphs))
    header = parse_header(paragraphs)
    if raw.repaired_mojibake:
        warnings.append(f"{where}: repaired mis-decoded characters (mojibake such as 'Ã¸' for 'ø') in the text")
    if entry.kind == "minutes" and not header.found:
        warnings.append(f"{where}: no recognisable header (date, chair, attendance); its metadata stay empty")
    body = paragraphs[header.body_start :]
    text_title = header.title
    if not text_title and entry.kind == "news" and body and is_heading(body[0]):
        text_title, body = body[0], body[1:]
    people = list(header.people)
    for caption in cleaned.captions:
        known = {p.name for p in people}
        people.extend(p for p in caption_people(caption) if p.name not in known)
    if entry.kind == "minutes" and header.found and not header.people:
        warnings.append(f"{where}: no attendance list found; attendees and speakers stay empty")
    date, note = resolve_date(entry.date, text_date(header, text_title, body), _day_month(text_title, body))
    if note:
        warnings.append(f"{where}: {note}")
    elif not date:
        warnings.append(f"{where}: no date in the text or the manifest; give one with `analysis edit FILE --date`")
    blocks = outline(body, people)
    agenda = list(_first_of_each_item(b.entry for b in blocks if b.entry is not None))
    segments = segment_blocks(raw.meeting_id, blocks, Roster(people), narrative=entry.kind == "news", lang=language)
    if not segments:
        warnings.append(
            f"{where}: no sentences found after the header, so it adds nothing to the theme or topic tables; "
            "check that it is the whole document (see README, 'What documents are understood')"
        )
    meeting = {
        "meeting_id": raw.meeting_id,
        "date": date,
        "kind": entry.kind,
        "title": _choose("title", entry.title, text_title, where, warnings),
        "chair": header.chair,
        "minute_taker": header.minute_taker,
        "case_number": header.case_number,
        "source_file": entry.file,
        "sha256": entry.sha256,
        "time_start": header.time_start,
        "time_end": header.time_end,
        "place": header.place,
        "source": entry.source,
        "photo_caption": cleaned.captions[0] if cleaned.captions else "",
        "photo_credit": cleaned.photo_credit,
        "n_attendees": str(sum(p.status == "present" for p in people)),
        "n_segments": str(len(segments)),
        "language": language,
        "encoding": raw.encoding,
    }
    return ParsedDocument(meeting, people, agenda, segments, warnings)
