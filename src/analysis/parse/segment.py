"""Turn a parsed document's body into sentence rows, each with its section and speaker."""

from dataclasses import dataclass

from analysis.language.sentences import split_sentences
from analysis.parse.agenda import Block
from analysis.parse.speakers import (
    CAPTION,
    NOBODY,
    QUOTE_OPENERS,
    Attribution,
    Roster,
    attribute_paragraph,
    last_mentioned,
)


@dataclass(frozen=True)
class Segment:
    segment_id: str
    meeting_id: str
    paragraph_no: int
    sentence_no: int
    item_no: str
    section: str
    speaker: str
    organisation: str
    attribution: str
    text: str


def _interviewer_asks(sentences: list[str], attributions: list[Attribution]) -> bool:
    """'Er det noen spesielle temaer som vil løftes frem?' between the answers of a news interview: a question nobody
    named asks, after which the quote that answers is still the interviewee's."""
    return (
        bool(sentences)
        and not sentences[0].startswith(QUOTE_OPENERS)
        and all(sentence.rstrip().endswith("?") for sentence in sentences)
        and all(who == NOBODY for who in attributions)
    )


def segment_id(meeting_id: str, paragraph_no: int, sentence_no: int) -> str:
    """Position-derived, so ids survive a rebuild and other documents being added."""
    return f"{meeting_id}-p{paragraph_no:03d}-s{sentence_no:02d}"


def segment_blocks(
    meeting_id: str, blocks: list[Block], roster: Roster, *, narrative: bool, lang: str = "nb"
) -> list[Segment]:
    """Walk the outline: headings set the section, presentations the default speaker; a line that heads nothing is
    a sentence row of its own."""
    segments: list[Segment] = []
    section, item_no = "", ""
    current = NOBODY
    mentioned = NOBODY  # the last attendee named, for a pronoun that opens a paragraph
    paragraph_no = 0
    for block in blocks:
        if block.kind in ("item", "presentation"):
            entry = block.entry
            assert entry is not None
            section, item_no = entry.title, entry.item_no
            current = NOBODY
            for name in entry.presenters:
                person = roster.person_named(name)
                if person:
                    current = Attribution(person.name, person.organisation, "presenter")
                    break
            continue
        if block.kind == "heading":
            section = block.text.lstrip("–- ").strip()
            current = NOBODY
            continue
        sentences = split_sentences(block.text, lang)
        if not sentences:
            continue
        paragraph_no += 1
        if block.kind == "line":  # a heading over nothing: its words kept, nobody's, and the speech before has ended
            current = NOBODY
            attributions = [NOBODY] * len(sentences)
        else:
            attributions = attribute_paragraph(sentences, roster, current, narrative=narrative, mentioned=mentioned)
        mentioned = last_mentioned(sentences, roster, mentioned)
        for sentence_no, (sentence, who) in enumerate(zip(sentences, attributions, strict=True), 1):
            segments.append(
                Segment(
                    segment_id(meeting_id, paragraph_no, sentence_no),
                    meeting_id,
                    paragraph_no,
                    sentence_no,
                    item_no,
                    section,
                    who.speaker,
                    who.organisation,
                    who.rule,
                    sentence,
                )
            )
        if not (narrative and _interviewer_asks(sentences, attributions)):  # nor does an interviewer's question
            current = next(
                (who for who in reversed(attributions) if who != CAPTION), current
            )  # a photo's words end nothing
    return segments
