"""Norwegian dates as the minutes write them, turned into ISO 8601."""

import re
from collections.abc import Iterable
from datetime import date

from analysis.language.layout import alternation

MONTHS = {
    "januar": 1,
    "februar": 2,
    "mars": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "desember": 12,
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "des": 12,
}
MONTH_NAMES = alternation(MONTHS)
WRITTEN = re.compile(rf"\b(?P<day>\d{{1,2}})\.?\s*(?P<month>{MONTH_NAMES})\.?\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
# "6.3.2014", "14/04/2021", "20-03-2020": one separator throughout.
NUMERIC = re.compile(r"\b(?P<day>\d{1,2})(?P<sep>[./-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})\b")
# "6. 12. 2018": a date typed with a space after each full stop.
NUMERIC_SPACED = re.compile(r"\b(?P<day>\d{1,2})\. (?P<month>\d{1,2})\. (?P<year>\d{4})\b(?!-)")
# "06.03.14": a two-digit year, read as 2000–2049 or 1950–1999.
NUMERIC_SHORT = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{2})\b(?![.\d])")
# "25/10-23", "4/12-2023": day and month with a slash, the year after a hyphen, as Norwegian is written by hand;
# never a case number ("19/1234-5", no such month) or a day without its year ("4/12").
SLASH_HYPHEN = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})-(?P<year>\d{4}|\d{2})\b(?![-/.]?\d)")
# "4.–5. desember 2023", "4. og 5. desember 2023": a meeting over several days is dated by its first.
MULTI_DAY = re.compile(
    rf"\b(?P<day>\d{{1,2}})\.?\s*(?:[-–]|og)\s*\d{{1,2}}\.\s*(?P<month>{MONTH_NAMES})\.?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
# "22 og 23.03.2021", "4.–5.12.2023": the same with the month in figures
MULTI_DAY_NUMERIC = re.compile(
    r"\b(?P<day>\d{1,2})\.?\s*(?:[-–]|og)\s*\d{1,2}(?P<sep>[./])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})\b"
)
ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
# "mandag 8. januar", "8. jan." — a day and month with no year after them.
DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH_NAMES})\b\.?(?!\s*\d)", re.IGNORECASE)
WEEKDAYS = (
    "mandag",
    "måndag",
    "tirsdag",
    "tysdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "laurdag",
    "søndag",
    "sundag",
)
# "Lørdag 9. mai", "Tysdag 13. desember": the day a meeting is announced for, its year left to the context.
WEEKDAY_DAY_MONTH = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS)})\s+(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH_NAMES})\b\.?(?!\s*\d)", re.IGNORECASE
)
# A word of a date or a time: "Fredag", "4.", "april", "2014,", "kl.", "10:00", "til", "–".
_WHEN_WORD = re.compile(
    rf"^(?:\d[\d.:/–-]*|kl|klokka|fra|frå|til|og|[-–]|{'|'.join(WEEKDAYS)}|{MONTH_NAMES})[.,]?$", re.IGNORECASE
)


def leading_when(text: str) -> tuple[str, str]:
    """The words `text` opens with that say when ("Fredag 4. april 2014, kl 10:00"), and the text after them: the
    value of a date or time field in a line a PDF ran together goes on with other text, which is not lost."""
    words = text.split()
    count = 0
    while count < len(words) and _WHEN_WORD.match(words[count]):
        count += 1
    return " ".join(words[:count]), " ".join(words[count:])


# "12.15–14.15", "1215-1415", "Kl. 14.00 til kl. 17.00"
TIME_SPAN = re.compile(
    r"(?P<h1>\d{1,2})[.:]?(?P<m1>\d{2})\s*(?:[-–]|\btil\b)\s*(?:kl\.?\s*)?(?P<h2>\d{1,2})[.:]?(?P<m2>\d{2})",
    re.IGNORECASE,
)


def _full_year(year: str) -> str:
    """'14' → '2014', '97' → '1997' (a two-digit year read as 2000–2049 or 1950–1999); four digits as written."""
    if len(year) == 4:
        return year
    short = int(year)
    return str(2000 + short if short < 50 else 1900 + short)


# The years a meeting's date may have: "Torsdag 15. mai 1200 fredag 16. mai" holds a clock time (12:00) where a year
# would stand, and no minutes of 1200 are read here.
MIN_YEAR, MAX_YEAR = 1900, 2100


def _iso(year: str, month: int | str, day: str) -> str | None:
    if not MIN_YEAR <= int(year) <= MAX_YEAR:
        return None
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


# a date standing as a part of the name ("_2014-09-29.", "2019_"), not a year inside a word ("budsjett2016")
_NAME_DATE = re.compile(
    r"(?<![^\W_])(?P<year>(?:19|20)[0-9]{2})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?(?![^\W_])"
)


def date_in_name(name: str) -> str:
    """The most precise ISO date (YYYY-MM-DD, YYYY-MM or YYYY) a file name holds, or ''.

    Only offered to the researcher in a warning, never used by itself: a
    file name may carry the day it was downloaded, not the day of the meeting.
    """
    found = []
    for match in _NAME_DATE.finditer(name):
        year, month, day = match["year"], match["month"], match["day"]
        if day and _iso(year, month, day):
            found.append(f"{year}-{month}-{day}")
        elif month and 1 <= int(month) <= 12:
            found.append(f"{year}-{month}")
        else:
            found.append(year)
    return max(found, key=len, default="")


def find_date(text: str) -> str:
    """The first real calendar date in the text as YYYY-MM-DD, or '' when there is none."""
    candidates = []
    for match in MULTI_DAY.finditer(text):
        candidates.append((match.start(), _iso(match["year"], MONTHS[match["month"].lower()], match["day"])))
    for match in MULTI_DAY_NUMERIC.finditer(text):
        candidates.append((match.start(), _iso(match["year"], match["month"], match["day"])))
    for pattern in (NUMERIC_SHORT, SLASH_HYPHEN):
        for match in pattern.finditer(text):
            candidates.append((match.start(), _iso(_full_year(match["year"]), match["month"], match["day"])))
    for match in WRITTEN.finditer(text):
        month = MONTHS[match["month"].lower()]
        candidates.append((match.start(), _iso(match["year"], month, match["day"])))
    for pattern in (NUMERIC, NUMERIC_SPACED, ISO):
        for match in pattern.finditer(text):
            candidates.append((match.start(), _iso(match["year"], match["month"], match["day"])))
    valid = sorted((pos, iso) for pos, iso in candidates if iso)
    return valid[0][1] if valid else ""


def meeting_day(full: str, text: str) -> str:
    """The date of 'Lørdag 9. mai' in the year of `full`, a full date found nearby (often a publication stamp).

    A news item dated '15.05.2015' that reports 'Lørdag 9. mai' describes a
    meeting on 2015-05-09; '' when the text names no such day or it does not
    exist in that year.
    """
    match = WEEKDAY_DAY_MONTH.search(text)
    if not match or not full:
        return ""
    return _iso(full[:4], MONTHS[match["month"].lower()], match["day"]) or ""


def event_day(full: str, text: str, event_words: Iterable[str], other_words: Iterable[str] = ()) -> str:
    """'Årsmøtet startet så tidlig som kl.17 den 20.februar' → that day in the year of `full` (often the publication
    stamp): a day and month after 'den' in the clause that names the event; '' for another event ('Neste møte blir
    den 5. mars')."""
    if not full:
        return ""
    pattern = (
        rf"(?P<before>\w*)\s*\b[\wæøåÆØÅ-]*(?:{alternation(event_words)})\b(?:[^.!?\n]|\.(?=\d)){{0,60}}?"
        rf"\bden\s+(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH_NAMES})\b\.?(?!\s*\d)"
    )
    others = {word.casefold() for word in other_words}
    for match in re.finditer(pattern, text, re.IGNORECASE):
        if match["before"].casefold() not in others:
            return _iso(full[:4], MONTHS[match["month"].lower()], match["day"]) or ""
    return ""


def event_year(text: str, event_words: tuple[str, ...]) -> str:
    """'dialogkonferansen 2015' → '2015': a year named right after a word for the event (compounds count)."""
    words = alternation(event_words)
    match = re.search(rf"\b[\wæøåÆØÅ-]*(?:{words})\s+(?P<year>(?:19|20)\d{{2}})\b(?![./-]\d)", text, re.IGNORECASE)
    return match["year"] if match else ""


def find_day_month(text: str) -> tuple[int, int] | None:
    """(month, day) of the first date written without its year, e.g. 'mandag 8. januar'."""
    for match in DAY_MONTH.finditer(text):
        month, day = MONTHS[match["month"].lower()], int(match["day"])
        if _iso("2000", month, str(day)):  # 2000 is a leap year: 29. februar is a possible date
            return month, day
    return None


def resolve_date(given: str, in_text: str, day_month: tuple[int, int] | None) -> tuple[str, str]:
    """The meeting date from the manifest (`given`: YYYY, YYYY-MM or YYYY-MM-DD) and what the text says.

    The manifest wins where it is as precise as the text. A partial manifest
    date is completed by a text date that agrees with it, or by a day and
    month from the text ("mandag 8. mars" + "2021" → 2021-03-08). Returns the
    date and a note for the build's warnings ('' when nothing is doubtful).
    """
    if given and in_text:
        if in_text.startswith(given):
            return in_text, ""
        return given, f"manifest date {given!r} overrides {in_text!r} found in the text"
    if given:
        if day_month and len(given) < 10:
            month, day = day_month
            completed = _iso(given[:4], month, str(day))
            if completed and completed.startswith(given):
                return completed, ""
        return given, ""
    if in_text:
        return in_text, ""
    if day_month:
        month, day = day_month
        return "", (
            f"the text gives the date as {day}.{month} without a year; "
            "give the year with `analysis edit FILE --date YYYY`"
        )
    return "", ""


# "kl. 14-17": whole hours, only after "kl", since "14-17" alone may be anything
HOURS_SPAN = re.compile(r"\bkl\.?\s*(?P<h1>\d{1,2})\s*(?:[-–]|\btil\b)\s*(?P<h2>\d{1,2})\b(?![.:]\d)", re.IGNORECASE)


def parse_time_span(text: str) -> tuple[str, str]:
    """'1215-1415', '12.15–14.15', '12.15 til kl. 14.15' or 'kl. 12-14' as ('12:15', '14:15'); ('', '') when absent
    or impossible."""
    match = TIME_SPAN.search(text)
    if not match:
        hours = HOURS_SPAN.search(text)
        if not hours or not (int(hours["h1"]) < 24 and int(hours["h2"]) < 24):
            return "", ""
        return f"{int(hours['h1']):02d}:00", f"{int(hours['h2']):02d}:00"
    h1, m1, h2, m2 = (int(match[k]) for k in ("h1", "m1", "h2", "m2"))
    if not (h1 < 24 and h2 < 24 and m1 < 60 and m2 < 60):
        return "", ""
    return f"{h1:02d}:{m1:02d}", f"{h2:02d}:{m2:02d}"


# A line that is a date and nothing more: "17.02.22", "17. februar 2022".
_DATE_ALONE = re.compile(
    rf"^\s*(?:\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{1,2}}\.\s*(?:{MONTH_NAMES})\.?\s+\d{{4}})\s*$", re.IGNORECASE
)


def date_alone(line: str) -> str:
    """The ISO date of a line that holds a date and nothing else ('17.02.22'); '' for any other line."""
    return find_date(line) if _DATE_ALONE.match(line) else ""
