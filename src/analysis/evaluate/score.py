"""Score parsed tables against a gold file: precision and recall per field, and every miss with its document.

Matching rules (the README repeats them for researchers):
- names match by their words, in any case: the gold name's words all in the
  parsed name's, or the other way round ("Persen" finds "Marte Mjøs Persen");
  each parsed person counts for one gold person only;
- an organisation listed without a person matches a parsed entry whose
  organisation (or name) matches it by the same rule;
- agenda titles match without their numbers, case numbers and times, by
  their words (the same words in the same order, punctuation aside); a gold
  title that goes on with its presenter ("… v/ Kari Nordmann") matches the
  parsed title, which keeps presenters apart; presentations inside an
  item are not agenda items and are not scored;
- a speaker fact is the sentence that starts with the gold text; it is found
  when that sentence's speaker or speaking organisation contains the gold
  speaker's words;
- dates match exactly, as ISO text; chair and minute-taker match as names;
- a found person's organisation is right when it matches the gold one by the
  rule for names ("valgkomiteen i FFO" holds "FFO"); this is reported as its
  own row, `organisation`, over the found people the gold gives one, and is
  not a gold fact of the totals.
"""

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd

from analysis.evaluate.gold import PEOPLE_FIELDS, GoldDocument, GoldPerson
from analysis.publish.findings import percent
from analysis.publish.words import text

LIST_FIELDS = (*PEOPLE_FIELDS, "agenda", "speakers")
SINGLE_FIELDS = ("date", "chair", "minute_taker")
FIELDS = (*LIST_FIELDS, *SINGLE_FIELDS)
SUMMARY_COLUMNS = ["field", "gold", "parsed", "found", "precision", "recall", "f1", "accuracy"]
MISS_COLUMNS = ["file", "field", "problem", "expected", "parsed"]
ALL = "all"
ORGANISATION = "organisation"  # the found people's organisations, scored apart from the facts

_WORD = re.compile(r"\w+")
# What the reader leaves off an agenda title: "Sak 12/24", "PS 6/19", "3.", "Kl. 09.00–09.15", "10:05:".
_ITEM_PREFIX = re.compile(
    r"^\s*(?:(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s*:?"
    r"|(?:sak|pkt\.?|punkt|post|ps|ds|os)?\s*\d{0,4}(?:[./]\d{1,4})*[.:)]?\s*(?:[-–]\s+)?)\s*",
    re.IGNORECASE,
)


def words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(html.unescape(text).casefold()))


def names_match(gold: str, parsed: str) -> bool:
    """'Persen' and 'Marte Mjøs Persen', 'Kari  Nordmann' and 'kari nordmann': one's words inside the other's."""
    g, p = set(words(gold)), set(words(parsed))
    return bool(g) and bool(p) and (g <= p or p <= g)


def agenda_words(title: str) -> tuple[str, ...]:
    return words(_ITEM_PREFIX.sub("", title, count=1))


def agenda_match(gold: tuple[str, ...], parsed: tuple[str, ...]) -> bool:
    if not gold or not parsed:
        return False
    if gold == parsed:
        return True
    rest = gold[len(parsed) :]
    return gold[: len(parsed)] == parsed and rest[0] in ("v", "ved")


def sentence_key(text: str) -> str:
    """Sentences compared as a reader sees them: no Markdown emphasis, entities decoded, spaces collapsed, any case."""
    return " ".join(html.unescape(text).replace("*", "").split()).casefold()


@dataclass(frozen=True)
class Parsed:
    """One document's parse, as the fields the gold describes."""

    date: str = ""
    chair: str = ""
    minute_taker: str = ""
    people: dict[str, tuple[tuple[str, str], ...]] | None = None  # status -> ((name, organisation), …)
    agenda: tuple[str, ...] = ()
    segments: tuple[tuple[str, str, str], ...] = ()  # (text, speaker, organisation)


@dataclass
class Tally:
    gold: int = 0
    parsed: int = 0
    found: int = 0
    agree: int = 0  # single fields: documents where gold and parse agree, both empty included
    documents: int = 0


def _person_matches(gold: GoldPerson, name: str, organisation: str) -> bool:
    if gold.name:
        return names_match(gold.name, name)
    return names_match(gold.organisation, organisation) or (not organisation and names_match(gold.organisation, name))


def _same_kind(gold: GoldPerson, name: str, organisation: str) -> bool:
    """The first pass of matching people: a person for a person, an organisation listed alone for one listed alone,
    so that 'FFO Vestfold' does not take the FFO adviser a person of the gold needs."""
    return bool(gold.name) == bool(name) and _person_matches(gold, name, organisation)


def _one_to_one(
    gold: Iterable[object],
    parsed: list,
    matches: Callable[[object, object], bool],
    first: Callable[[object, object], bool] | None = None,
) -> tuple[list, list, list[tuple[object, object]]]:
    """Greedy one-to-one matching in gold order: each parsed item answers for one gold item at most; with `first`,
    a pass by that stricter test comes before the pass by `matches`.

    Returns the gold items nobody matched, the parsed items that matched no gold item, and the matched pairs.
    """
    free = list(range(len(parsed)))
    wanted = list(gold)
    pairs: dict[int, tuple[object, object]] = {}
    for test in (first, matches) if first else (matches,):
        for index, item in enumerate(wanted):
            if index in pairs:
                continue
            hit = next((k for k in free if test(item, parsed[k])), None)
            if hit is not None:
                free.remove(hit)
                pairs[index] = (item, parsed[hit])
    missed = [item for index, item in enumerate(wanted) if index not in pairs]
    return missed, [parsed[k] for k in free], [pairs[index] for index in sorted(pairs)]


def _segment_for(start: str, segments: tuple[tuple[str, str, str], ...]) -> tuple[str, str, str] | None:
    """The parsed sentence the gold sentence starts: it starts with the gold text, holds it, or is a prefix of it."""
    key = sentence_key(start)
    keys = [sentence_key(text) for text, _, _ in segments]
    for test in (
        lambda k: k.startswith(key),
        lambda k: key in k,
        lambda k: len(k) >= 12 and key.startswith(k),
    ):
        for k, segment in zip(keys, segments, strict=True):
            if test(k):
                return segment
    return None


def score_document(gold: GoldDocument, parsed: Parsed, tallies: dict[str, Tally], misses: list[dict]) -> None:
    """Add one document's counts to `tallies` and its misses to `misses`."""

    def miss(field: str, problem: str, expected: str, got: str) -> None:
        misses.append({"file": gold.file, "field": field, "problem": problem, "expected": expected, "parsed": got})

    def score_list(
        field: str, wanted: list, listed: list, matches: Callable, shown: Callable, first: Callable | None = None
    ) -> list:
        missed, extra, pairs = _one_to_one(wanted, listed, matches, first)
        tally = tallies[field]
        tally.gold += len(wanted)
        tally.parsed += len(listed)
        tally.found += len(wanted) - len(missed)
        for item in missed:
            miss(field, "missed", shown(item), "")
        for item in extra:
            miss(field, "extra", "", shown(item))
        return pairs

    people = parsed.people or {}
    for field in PEOPLE_FIELDS:
        pairs = score_list(
            field,
            [(p.name, p.organisation) for p in getattr(gold, field)],
            list(people.get(field, ())),
            lambda g, p: _person_matches(GoldPerson(*g), *p),
            lambda person: _shown_person(*person),
            lambda g, p: _same_kind(GoldPerson(*g), *p),
        )
        for (name, expected), (_, got) in pairs:
            if name and expected:  # a found person whose organisation the gold gives
                tallies[ORGANISATION].gold += 1
                tallies[ORGANISATION].parsed += bool(got)
                if names_match(expected, got):
                    tallies[ORGANISATION].found += 1
                else:
                    miss(ORGANISATION, "wrong" if got else "missed", f"{name} ({expected})", got)
    score_list(
        "agenda",
        [(title, agenda_words(title)) for title in gold.agenda],
        [(title, agenda_words(title)) for title in parsed.agenda],
        lambda g, p: agenda_match(g[1], p[1]),
        lambda item: item[0],
    )

    tally = tallies["speakers"]
    for fact in gold.speakers:
        tally.gold += 1
        segment = _segment_for(fact.sentence_start, parsed.segments)
        if segment is None:
            miss("speakers", "no such sentence", f"{fact.speaker}: {fact.sentence_start}", "")
            continue
        _, speaker, organisation = segment
        if speaker or organisation:
            tally.parsed += 1
        if set(words(fact.speaker)) <= set(words(f"{speaker} {organisation}")):
            tally.found += 1
        else:
            miss(
                "speakers",
                "wrong" if speaker or organisation else "missed",
                f"{fact.speaker}: {fact.sentence_start}",
                _shown_person(speaker, organisation),
            )

    for field in SINGLE_FIELDS:
        expected, got = getattr(gold, field), getattr(parsed, field)
        ok = expected == got if field == "date" else names_match(expected, got)
        tally = tallies[field]
        tally.documents += 1
        tally.gold += bool(expected)
        tally.parsed += bool(got)
        tally.found += bool(expected) and ok
        tally.agree += ok or (not expected and not got)
        if expected and not ok:
            miss(field, "wrong" if got else "missed", expected, got)
        elif got and not expected:
            miss(field, "extra", "", got)


def _shown_person(name: str, organisation: str) -> str:
    return f"{name} ({organisation})" if name and organisation else name or organisation


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 3) if denominator else float("nan")


@dataclass(frozen=True)
class Evaluation:
    summary: pd.DataFrame  # one row per field and a last row 'all'
    misses: pd.DataFrame
    documents: int = 0  # gold documents scored
    left_out: tuple[str, ...] = ()  # gold documents not in the build, not scored

    @property
    def share_found(self) -> float:
        return float(self.summary.set_index("field").loc[ALL, "recall"])


def score(gold: list[GoldDocument], parsed: dict[str, Parsed]) -> Evaluation:
    """Every gold document against its parse (a document the parse lacks scores nothing)."""
    tallies = {field: Tally() for field in (*FIELDS, ORGANISATION)}
    misses: list[dict] = []
    for document in gold:
        score_document(document, parsed.get(document.file, Parsed()), tallies, misses)
    rows = []
    for field in FIELDS:
        tally = tallies[field]
        precision, recall = _ratio(tally.found, tally.parsed), _ratio(tally.found, tally.gold)
        f1 = round(2 * precision * recall / (precision + recall), 3) if precision + recall > 0 else float("nan")
        accuracy = _ratio(tally.agree, tally.documents) if field in SINGLE_FIELDS else float("nan")
        rows.append([field, tally.gold, tally.parsed, tally.found, precision, recall, f1, accuracy])
    facts = [tallies[field] for field in FIELDS]
    total_gold = sum(t.gold for t in facts)
    total_found = sum(t.found for t in facts)
    total_parsed = sum(t.parsed for t in facts)
    precision, recall = _ratio(total_found, total_parsed), _ratio(total_found, total_gold)
    f1 = round(2 * precision * recall / (precision + recall), 3) if precision + recall > 0 else float("nan")
    rows.append([ALL, total_gold, total_parsed, total_found, precision, recall, f1, float("nan")])
    own = tallies[ORGANISATION]  # of the found people the gold gives an organisation: how many have it right
    rows.append(
        [
            ORGANISATION,
            own.gold,
            own.parsed,
            own.found,
            float("nan"),
            float("nan"),
            float("nan"),
            _ratio(own.found, own.gold),
        ]
    )
    summary = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    missed = pd.DataFrame(misses, columns=MISS_COLUMNS).sort_values(["file", "field"], kind="stable")
    return Evaluation(summary, missed.reset_index(drop=True), documents=len(gold))


def _text_columns(table: pd.DataFrame, *columns: str) -> Iterable:
    return table[list(columns)].astype(object).fillna("").itertuples(index=False)


def parsed_from_tables(tables: dict[str, pd.DataFrame]) -> dict[str, Parsed]:
    """The fields the gold describes, per source file, from built tables (meetings, attendees, agenda, segments)."""
    meetings = (
        tables["meetings"][["meeting_id", "source_file", "date", "chair", "minute_taker"]].astype(object).fillna("")
    )
    files = dict(zip(meetings["meeting_id"], meetings["source_file"], strict=True))
    people: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for row in _text_columns(tables["attendees"], "meeting_id", "name", "organisation", "status"):
        people.setdefault(row.meeting_id, {}).setdefault(row.status, []).append((row.name, row.organisation))
    agenda: dict[str, list[str]] = {}
    for row in _text_columns(tables["agenda"], "meeting_id", "title", "kind", "parent_item"):
        if not (row.kind == "presentation" and row.parent_item):  # a talk inside an item is not an agenda item
            agenda.setdefault(row.meeting_id, []).append(row.title)
    segments: dict[str, list[tuple[str, str, str]]] = {}
    for row in _text_columns(tables["segments"], "meeting_id", "text", "speaker", "organisation"):
        segments.setdefault(row.meeting_id, []).append((row.text, row.speaker, row.organisation))
    result = {}
    for row in meetings.itertuples(index=False):
        mid = row.meeting_id
        result[files[mid]] = Parsed(
            date=row.date,
            chair=row.chair,
            minute_taker=row.minute_taker,
            people={status: tuple(listed) for status, listed in people.get(mid, {}).items()},
            agenda=tuple(agenda.get(mid, ())),
            segments=tuple(segments.get(mid, ())),
        )
    return result


def describe(evaluation: Evaluation, documents: int, lang: str = "en") -> str:
    """One computed sentence for a notebook: the share of gold facts found and the weakest field."""
    summary = evaluation.summary.set_index("field")
    total = summary.loc[ALL]
    scored = summary.loc[list(FIELDS)]  # the facts; the organisation row is scored apart
    scored = scored[scored["gold"] > 0]
    weakest = scored.sort_values(["recall", "gold"], ascending=[True, False]).iloc[0]
    return text(
        "parse_described",
        lang,
        found=int(total["found"]),
        gold=int(total["gold"]),
        share=percent(float(total["recall"]), lang),
        documents=documents,
        field=text(f"field_{weakest.name}", lang),
        field_found=int(weakest["found"]),
        field_gold=int(weakest["gold"]),
    )


_README_HEADINGS = {
    "present": "present",
    "absent": "absent",
    "copy": "copy",
    "agenda": "agenda",
    "speakers": "speakers",
    "date": "dates",
    "chair": "chair",
    "minute_taker": "minute-taker",
    ORGANISATION: "their organisations",
}


def scores_markdown(rows: list[tuple[str, pd.DataFrame]]) -> str:
    """The README's table of parse scores, one row per scored corpus, from the summaries `analysis evaluate` wrote.

    Written, never typed: a score in the README is the one the committed
    `reports/evaluation*.csv` hold. Recall per field; a field without gold
    facts shows "–".
    """

    def recall(summary: pd.DataFrame, field: str) -> str:
        row = summary.loc[field]
        return percent(float(row["recall"]), "en") if int(row["gold"]) else "–"

    def right(summary: pd.DataFrame) -> str:  # a summary written before the row existed has none
        if ORGANISATION not in summary.index or not int(summary.loc[ORGANISATION, "gold"]):
            return "–"
        return percent(float(summary.loc[ORGANISATION, "accuracy"]), "en")

    lines = [
        "| | gold facts | found | " + " | ".join(_README_HEADINGS[f] for f in (*FIELDS, ORGANISATION)) + " |",
        "|---" * (len(FIELDS) + 4) + "|",
    ]
    for label, summary in rows:
        indexed = summary.set_index("field")
        total = indexed.loc[ALL]
        found = f"{int(total['found'])} ({recall(indexed, ALL)})"
        cells = [label, str(int(total["gold"])), found, *(recall(indexed, f) for f in FIELDS), right(indexed)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
