"""One document from verified text to the rows of every data-contract table, as an ordered list of named stages.

Like a spaCy pipeline, the order is data (`PARSE_STAGES`): each stage takes
the draft so far and returns it with its own fields filled, so the build,
the benchmark and the synthetic corpus run the same sequence.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from analysis.base.records import AgendaEntry, Header, Person
from analysis.ingest.documents import RawDocument
from analysis.language.dates import (
    date_alone,
    date_in_name,
    event_day,
    event_year,
    find_date,
    find_day_month,
    meeting_day,
    resolve_date,
)
from analysis.language.layout import layout
from analysis.language.norwegian import detect_language
from analysis.parse.agenda import Block, is_heading, outline
from analysis.parse.clean import clean
from analysis.parse.header import (
    LABEL_RE,
    attendance_block,
    caption_people,
    distribution_list,
    labelled_fields,
    names_meeting,
    parse_footer,
    parse_header,
    publication_stamp,
    unstacked_lines,
)
from analysis.parse.paragraphs import split_hard_breaks
from analysis.parse.participants import (
    OFFICES,
    absent_in_text,
    attending_people,
    chair_title,
    elected_officers,
    meeting_body,
    officers_attend,
    prose_chair,
    prose_people,
    same_person,
    with_own_organisation,
)
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
PROSE_WORDS = 6  # a paragraph this long is prose; shorter ones ("Innlegg:", a byline) do not count as opening


def _opening(title: str, body: list[str]) -> str:
    """The title and the first paragraphs of prose: where a news item says when the meeting was."""
    prose = [p for p in body if len(p.split()) >= PROSE_WORDS and not publication_stamp(p)][:DATE_PARAGRAPHS]
    return "\n".join([title, *prose])


def _labelled_date(body: list[str]) -> str:
    """A full date on a labelled line below the top, as an invitation sets it: 'Når: Mandag 4. desember 2023, …'."""
    for paragraph in body:
        for line in paragraph.split("\n"):
            if not LABEL_RE.match(line.strip()):
                continue
            fields, _ = labelled_fields(line.strip())
            date = next((find_date(value) for field, value, _ in fields if field in ("date", "time")), "")
            if date:
                return date
    return ""


MAX_DATED_LINE_WORDS = 12


def _dated_meeting_line(body: list[str]) -> str:
    """The date of a short line near the top that names the meeting ('Kort referat fra årsmøtet 20.02.2020'),
    under a title without one and a publication stamp ('Nyhetssak fra 24. februar 2020')."""
    for paragraph in body[:DATE_PARAGRAPHS]:
        line = paragraph.strip()
        if "\n" not in line and len(line.split()) <= MAX_DATED_LINE_WORDS and names_meeting(line):
            date = find_date(line)
            if date:
                return date
    return ""


def text_date(header: Header, title: str, body: list[str]) -> str:
    """The header's date, else the title's, else the first full date in the opening paragraphs, else that of a
    short line near the top naming the meeting, else a date alone on the last line.

    A weekday and day in the opening ('Lørdag 9. mai'), or a day and month after 'den' where the opening names the
    event ('Årsmøtet startet kl.17 den 20.februar'), is the meeting's day, in the year of a full date
    nearby (often the publication stamp), else of a year named with the event ('Årsmøte 2016' over 'Laurdag
    12. mars'); without any day, that year ('dialogkonferansen 2015') is all the text says.
    """
    if header.date:
        return header.date
    labelled = _labelled_date(body)
    if labelled:
        return labelled
    opening = _opening(title, body)
    full = find_date(title) or find_date(opening)
    year = event_year(opening, layout().event_words)
    year_from = full or find_date("\n".join(body)) or year
    # a short line under the title may say the day ("Årsmøte 2016" / "Laurdag 12. mars kl 1130")
    first_line = body[0] if body and not publication_stamp(body[0]) else ""
    day = meeting_day(year_from, f"{opening}\n{first_line}") or event_day(
        year_from, opening, layout().event_words, layout().other_meeting_words
    )
    closing = date_alone(body[-1]) if body else ""  # "17.02.22" under the text, as a web page stamps it
    return day or full or _dated_meeting_line(body) or closing or year


def _day_month(title: str, body: list[str]) -> tuple[int, int] | None:
    return find_day_month(title) or find_day_month(_opening("", body))


def _first_of_each_item(entries: Iterable[AgendaEntry]) -> Iterator[AgendaEntry]:
    """An agenda listed under 'Dagsorden' and then repeated as section headings is one agenda."""
    seen: set[str] = set()
    for entry in entries:
        if entry.item_no.startswith("/"):  # a case number a PDF transcript lost ("/13"): no repeat to detect
            yield entry
        elif entry.item_no not in seen:
            seen.add(entry.item_no)
            yield entry


@dataclass(frozen=True)
class Draft:
    """One document part-way through the parse stages; each stage returns a new draft with its fields filled."""

    raw: RawDocument
    warnings: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    headings: tuple[tuple[int, str], ...] = ()
    lead_names: tuple[str, ...] = ()
    photo_credit: str = ""
    language: str = "nb"
    header: Header = field(default_factory=Header)
    title: str = ""
    body: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    named: tuple[Person, ...] = ()  # people the text names as taking part: speakers, attendees unless an agenda
    date: str = ""
    blocks: tuple[Block, ...] = ()
    segments: tuple[Segment, ...] = ()

    @property
    def where(self) -> str:
        return self.raw.entry.file

    def warn(self, *messages: str) -> tuple[str, ...]:
        return self.warnings + tuple(f"{self.where}: {m}" for m in messages)


def clean_text(draft: Draft) -> Draft:
    """Cleaned paragraphs, running photo captions set aside."""
    cleaned = clean(draft.raw.text)
    warnings = draft.warnings
    if draft.raw.repaired_mojibake:
        warnings = draft.warn("repaired mis-decoded characters (mojibake such as 'Ã¸' for 'ø') in the text")
    return replace(
        draft,
        paragraphs=tuple(cleaned.paragraphs),
        captions=tuple(cleaned.captions),
        headings=tuple(cleaned.headings),
        lead_names=tuple(cleaned.lead_names),
        photo_credit=cleaned.photo_credit,
        warnings=warnings,
    )


def find_paragraphs(draft: Draft) -> Draft:
    """Line breaks that stand for paragraph breaks (minutes typed without blank lines) become them, once a header
    table a PDF gave a column at a time is paired again (`unstacked_lines`; only a paragraph with a label alone on
    a line can hold one)."""
    paragraphs = [unstacked_lines(p) if ":\n" in p else p for p in draft.paragraphs]
    return replace(draft, paragraphs=tuple(split_hard_breaks(paragraphs)))


def find_language(draft: Draft) -> Draft:
    return replace(draft, language=detect_language("\n".join(draft.paragraphs)))


def read_header(draft: Draft) -> Draft:
    """The meeting's fields and attendance list; a news item's or headerless document's first heading is its title."""
    paragraphs = list(draft.paragraphs)
    header = parse_header(paragraphs)
    footer, notes = parse_footer(paragraphs[header.body_start :], header)
    distribution_list(paragraphs[header.body_start :], header)
    entry = draft.raw.entry
    warnings = draft.warnings
    if entry.kind == "minutes" and not header.found:
        warnings = draft.warn("no recognisable header (date, chair, attendance); its metadata stay empty")
    end = len(paragraphs) - notes  # the closing notes under the footer stay in the body
    body = (*header.leftover, *draft.paragraphs[header.body_start : end - footer], *draft.paragraphs[end:])
    block = attendance_block(list(body)) if not header.people else None
    if block:  # the attendance list under text that opens the document: the meeting's, and no body text
        start, end, people = block
        header = replace(header, people=people)
        body = (*body[:start], *body[end:])
    title = header.title
    # a news item's first heading is its title, and so is that of minutes without a header ("Medlemsmøte 14.02.2024")
    if (
        not title
        and (entry.kind == "news" or (entry.kind == "minutes" and not header.found))
        and body
        and is_heading(body[0])
    ):
        title, body = body[0], body[1:]
    return replace(draft, header=header, title=title, body=body, warnings=warnings)


def _with_signers(found: list[Person], signers: list[str]) -> list[Person]:
    """The people found, and those who signed the last line ('Johan Westgaard/Mai Britt Løken'): one already found
    is the same person, by the fuller of the two names ('Mai Britt' overtok som møteleder is Mai Britt Løken)."""
    found = list(found)
    for name in signers:
        same = same_person(name, [p.name for p in found])
        if same is None:
            found.append(Person(name))
        elif len(name.split()) > len(same.split()):
            found = [replace(p, name=name) if p.name == same else p for p in found]
    return found


def find_people(draft: Draft) -> Draft:
    """The attendance list, the people a photo caption names, and, without a list, those the text names as taking part.

    An agenda or invitation names people who are expected, not who came: they
    may speak in its text, but they are not listed as attendees.
    """
    people = list(draft.header.people)
    for caption in draft.captions:
        known = {p.name for p in people}
        people.extend(p for p in caption_people(caption) if p.name not in known)
    known = {p.name for p in people}
    if any(p.status == "present" for p in draft.header.people):
        found = attending_people(list(draft.body))  # beside a list, only what an attendance phrase introduces
    else:
        found = prose_people([draft.title, *draft.body])
        found += [Person(name) for name in draft.lead_names if name not in {p.name for p in found}]
    found = _with_signers(found, draft.header.signers)
    named = []
    for person in found:
        same = same_person(person.name, known) if person.name else None  # "Marte Mjøs": the caption's Marte Mjøs Persen
        if same is None:
            named.append(person)
            continue
        at = next(k for k, p in enumerate(people) if p.name == same)  # the text may say what a caption left out
        known_person = people[at]
        people[at] = replace(
            known_person,
            role=known_person.role or person.role,
            organisation=known_person.organisation or person.organisation,
        )
    if draft.raw.entry.kind != "agenda":
        people.extend(named)
    if draft.raw.entry.kind == "news":  # "FFO møtte arbeidsministeren": its styreleder is FFO's
        people = with_own_organisation(people, meeting_body([draft.title, *draft.body[:1]]))
    header = draft.header
    elected = elected_officers(list(draft.body), people)  # "Til møtedirigent ble valgt …, og til referent …"
    if not header.chair:
        header = replace(header, chair=prose_chair([draft.title, *draft.body]) or elected.get("chair", ""))
    if not header.minute_taker:
        header = replace(header, minute_taker=elected.get("minute_taker", ""))
    title = chair_title(list(draft.body)) if header.chair else ""
    if title:  # a transcript gives the chair the floor by the office ("Presidenten: …"): the chair takes part
        at = next((k for k, p in enumerate(people) if p.name == header.chair and p.status == "present"), None)
        if at is None:
            people.append(Person(header.chair, role=title))
        elif not people[at].role:
            people[at] = replace(people[at], role=title)
    if draft.raw.entry.kind == "minutes":
        officers, people = officers_attend({office: getattr(header, office) for office in OFFICES}, people)
        header = replace(header, **officers)
    if draft.raw.entry.kind != "agenda":  # an agenda tells who is invited, never who stayed away
        known = [p.name for p in people if p.name]  # "Frida hadde meldt forfall.": absent, unless listed already
        people += [p for p in absent_in_text(list(draft.body)) if same_person(p.name, known) is None]
    warnings = draft.warnings
    if draft.raw.entry.kind == "minutes" and draft.header.found and not people:
        warnings = draft.warn("no attendance list found; attendees and speakers stay empty")
    return replace(draft, header=header, people=tuple(people), named=tuple(named), warnings=warnings)


def find_meeting_date(draft: Draft) -> Draft:
    """The manifest's date, completed or confirmed by the text's."""
    body = list(draft.body)
    date, note = resolve_date(
        draft.raw.entry.date, text_date(draft.header, draft.title, body), _day_month(draft.title, body)
    )
    if not date and not note:
        note = "no date in the text or the manifest; give one with `analysis edit FILE --date`"
    named = date_in_name(draft.raw.entry.file) if not date else ""
    if named:  # offered, not taken: a file name may carry the day it was downloaded
        note += f" (the file name says {named}: `--date {named}` if that is the meeting's date)"
    warnings = draft.warn(note) if note else draft.warnings
    return replace(draft, date=date, warnings=warnings)


def find_outline(draft: Draft) -> Draft:
    """Agenda items, presentations and headings, each body paragraph in its section."""
    blocks = outline(
        list(draft.body),
        [*draft.people, *draft.named],
        list(draft.headings),
        items=draft.raw.entry.kind != "news",  # a news item's numbered lines are not the meeting's agenda
        headed=draft.raw.entry.kind == "minutes",  # an agenda's or an invitation's headings are its own sections
    )
    return replace(draft, blocks=tuple(blocks))


def _speakers(draft: Draft) -> list[Person]:
    """Everyone who may speak: the attendees and, in an agenda, the people it names."""
    listed = {p.name for p in draft.people}
    return [*draft.people, *(p for p in draft.named if p.name not in listed)]


def find_sentences(draft: Draft) -> Draft:
    """Sentences with their section and speaker."""
    entry = draft.raw.entry
    segments = segment_blocks(
        draft.raw.meeting_id,
        list(draft.blocks),
        Roster(_speakers(draft), {"chair": draft.header.chair, "minute_taker": draft.header.minute_taker}),
        narrative=entry.kind in ("news", "agenda"),  # a news item's or invitation's own sentences are nobody's
        lang=draft.language,
    )
    warnings = draft.warnings
    if not segments:
        warnings = draft.warn(
            "no sentences found after the header, so it adds nothing to the theme or topic tables; "
            "check that it is the whole document (see README, 'What documents are understood')"
        )
    return replace(draft, segments=tuple(segments), warnings=warnings)


Stage = tuple[str, Callable[[Draft], Draft]]
# The parse of one document, in order. The build (through `parse_document`), `analysis bench` (stage by
# stage, timed) and `analysis synth` (up to the header) all run this sequence, so a benchmark describes
# the code the build runs.
PARSE_STAGES: tuple[Stage, ...] = (
    ("clean", clean_text),
    ("paragraphs", find_paragraphs),
    ("language", find_language),
    ("header", read_header),
    ("people", find_people),
    ("date", find_meeting_date),
    ("outline", find_outline),
    ("sentences", find_sentences),
)


def run_stages(draft: Draft, stages: tuple[Stage, ...] = PARSE_STAGES) -> Draft:
    for _name, stage in stages:
        draft = stage(draft)
    return draft


def stages_until(last: str) -> tuple[Stage, ...]:
    """The parse stages up to and including `last`."""
    names = [name for name, _ in PARSE_STAGES]
    return PARSE_STAGES[: names.index(last) + 1]


def finish(draft: Draft) -> ParsedDocument:
    """The parsed document's rows: the meeting record (the manifest wins over the text), people, agenda, sentences."""
    raw, entry, header = draft.raw, draft.raw.entry, draft.header
    warnings = list(draft.warnings)
    agenda = list(_first_of_each_item(b.entry for b in draft.blocks if b.entry is not None))
    meeting = {
        "meeting_id": raw.meeting_id,
        "date": draft.date,
        "kind": entry.kind,
        "title": _choose("title", entry.title, draft.title, draft.where, warnings),
        "chair": header.chair,
        "minute_taker": header.minute_taker,
        "case_number": header.case_number,
        "source_file": entry.file,
        "sha256": entry.sha256,
        "time_start": header.time_start,
        "time_end": header.time_end,
        "place": header.place,
        "source": entry.source,
        "photo_caption": draft.captions[0] if draft.captions else "",
        "photo_credit": draft.photo_credit,
        "n_attendees": str(sum(p.status == "present" for p in draft.people)),
        "n_segments": str(len(draft.segments)),
        "language": draft.language,
        "encoding": raw.encoding,
    }
    return ParsedDocument(meeting, list(draft.people), agenda, list(draft.segments), warnings)


def parse_document(raw: RawDocument) -> ParsedDocument:
    """Every parse stage on one document, in order."""
    return finish(run_stages(Draft(raw)))
