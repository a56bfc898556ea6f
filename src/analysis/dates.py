"""Norwegian dates as the minutes write them, turned into ISO 8601."""

import re
from datetime import date

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
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
WRITTEN = re.compile(rf"\b(?P<day>\d{{1,2}})\.?\s*(?P<month>{_MONTH_NAMES})\.?\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
NUMERIC = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b")
ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
TIME_SPAN = re.compile(r"(?P<h1>\d{1,2})[.:]?(?P<m1>\d{2})\s*[-–]\s*(?P<h2>\d{1,2})[.:]?(?P<m2>\d{2})")


def _iso(year: str, month: int | str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str:
    """The first real calendar date in the text as YYYY-MM-DD, or '' when there is none."""
    candidates = []
    for match in WRITTEN.finditer(text):
        month = MONTHS[match["month"].lower()]
        candidates.append((match.start(), _iso(match["year"], month, match["day"])))
    for pattern in (NUMERIC, ISO):
        for match in pattern.finditer(text):
            candidates.append((match.start(), _iso(match["year"], match["month"], match["day"])))
    valid = sorted((pos, iso) for pos, iso in candidates if iso)
    return valid[0][1] if valid else ""


def parse_time_span(text: str) -> tuple[str, str]:
    """'1215-1415' or '12.15–14.15' as ('12:15', '14:15'); ('', '') when absent or impossible."""
    match = TIME_SPAN.search(text)
    if not match:
        return "", ""
    h1, m1, h2, m2 = (int(match[k]) for k in ("h1", "m1", "h2", "m2"))
    if not (h1 < 24 and h2 < 24 and m1 < 60 and m2 < 60):
        return "", ""
    return f"{h1:02d}:{m1:02d}", f"{h2:02d}:{m2:02d}"
