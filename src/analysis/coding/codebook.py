"""Load the theme codebook and refuse one a researcher could not trust, naming the entry at fault."""

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from analysis.base.config import CODEBOOK_PATH, display_path
from analysis.base.errors import InputError
from analysis.base.handfiles import yaml_document
from analysis.language.norwegian import lemma, lemmatize_phrase

PATTERN_KEYS = ("lemmas", "prefixes", "parts", "suffixes", "phrases", "patterns")
THEME_KEYS = {"id", "label_nb", "label_en", "definition", "exclude", "generic", *PATTERN_KEYS}
GENERIC_KEYS = {"words", "context"}
TOP_KEYS = {"version", "date", "language", "organisation_words", "themes"}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Theme:
    id: str
    label_nb: str
    label_en: str
    definition: str
    lemmas: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    phrases: tuple[tuple[tuple[str, str], ...], ...]  # words as (lemma, written form)
    patterns: tuple[re.Pattern[str], ...]
    exclude: tuple[re.Pattern[str], ...]
    parts: tuple[str, ...] = ()  # found anywhere in a word: the head or middle of a compound
    # words with a general sense as well as the theme's: they count only beside a context word
    generic_lemmas: frozenset[str] = frozenset()
    generic_suffixes: tuple[str, ...] = ()  # written "*strategi": the head of a compound ("Jobbstrategien")
    generic_phrases: tuple[tuple[tuple[str, str], ...], ...] = ()
    context: tuple[str, ...] = ()  # starts of words (lemma or as written) that give a generic word the theme's sense


@dataclass(frozen=True)
class Codebook:
    themes: tuple[Theme, ...]
    sha256: str  # of the file's bytes: codes are only comparable under the same codebook
    source: str
    version: str = ""
    date: str = ""  # of this version, so a reported score names the codebook it was measured with
    organisation_words: tuple[str, ...] = ()  # names built on them are masked before coding (coding.masking)

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.themes]

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)

    def labels(self, lang: str = "nb") -> dict[str, str]:
        """Theme id → label in `lang` (nb or en), in codebook order: the one map every view and export uses."""
        return {t.id: t.label_nb if lang == "nb" else t.label_en for t in self.themes}


def _strings(value: object, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(where, f"{key} must be a list of non-empty strings", "write it as [a, b] or as a YAML list")
    return [v.strip() for v in value]


def _compile(pattern: str, where: str, key: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise InputError(
            where, f"{key} pattern {pattern!r} does not compile ({error})", "fix the regular expression"
        ) from None


def _theme(entry: object, number: int, where: str) -> Theme:
    if not isinstance(entry, dict):
        raise InputError(
            f"{where}: theme {number}",
            "is not a mapping of keys to values",
            "see the header of data/codebook.yml for the form",
        )
    theme_id = entry.get("id")
    label = f"{where}: theme {theme_id!r}" if theme_id else f"{where}: theme {number}"
    unknown = sorted(set(entry) - THEME_KEYS)
    if unknown:
        raise InputError(
            label,
            f"unknown key(s) {', '.join(map(str, unknown))}",
            f"allowed keys are {', '.join(sorted(THEME_KEYS))}",
        )
    if not isinstance(theme_id, str) or not _ID.match(theme_id):
        raise InputError(
            label,
            "id must be lower-case letters a–z (not æ, ø, å), digits and underscores, beginning with a letter",
            "give every theme an id such as wage_subsidy or okonomi_bolig; its Norwegian name goes in label_nb",
        )
    for key in ("label_nb", "label_en", "definition"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise InputError(label, f"{key} is missing", "every theme needs both labels and a definition")
    values = {key: _strings(entry.get(key), label, key) for key in (*PATTERN_KEYS, "exclude")}
    if not any(values[key] for key in PATTERN_KEYS):
        raise InputError(label, "has no patterns", f"give at least one of {', '.join(PATTERN_KEYS)}")
    generic = _generic(entry.get("generic"), label)
    return Theme(
        id=theme_id,
        label_nb=entry["label_nb"].strip(),
        label_en=entry["label_en"].strip(),
        definition=" ".join(entry["definition"].split()),
        lemmas=_lemmas(values["lemmas"]),
        prefixes=tuple(p.lower() for p in values["prefixes"]),
        suffixes=tuple(s.lower() for s in values["suffixes"]),
        phrases=tuple(lemmatize_phrase(p) for p in values["phrases"]),
        patterns=tuple(_compile(p, label, "patterns") for p in values["patterns"]),
        exclude=tuple(_compile(p, label, "exclude") for p in values["exclude"]),
        parts=tuple(p.lower() for p in values["parts"]),
        generic_lemmas=_lemmas(w for w in generic["words"] if len(w.split()) == 1 and not w.startswith("*")),
        generic_suffixes=tuple(w[1:].lower() for w in generic["words"] if w.startswith("*")),
        generic_phrases=tuple(lemmatize_phrase(w) for w in generic["words"] if len(w.split()) > 1),
        # as written, not lemmatised: "bruker" (user) would become the verb "bruke" and reach "brukte"
        context=tuple(sorted({w.lower() for w in generic["context"]})),
    )


def _lemmas(words: Iterable[str]) -> frozenset[str]:
    """Each word as written and as its Bokmål lemma.

    A Nynorsk sentence is lemmatised in Nynorsk, so the codebook's Nynorsk
    forms ("utgreiing", "yting") meet it as written. Lemmatising every
    Bokmål word in Nynorsk as well was tried and dropped: "gjeld" (debt)
    becomes the verb "gjelde" (apply to) there.
    """
    return frozenset({word.lower() for word in words} | {lemma(word) for word in words})


def _generic(value: object, label: str) -> dict[str, list[str]]:
    """`generic: {words: [...], context: [...]}`: both lists needed, or neither."""
    if value is None:
        return {"words": [], "context": []}
    if not isinstance(value, dict) or set(value) - GENERIC_KEYS:
        raise InputError(
            label, "generic must hold `words` and `context` only", "write generic: {words: […], context: […]}"
        )
    found = {key: _strings(value.get(key), label, f"generic {key}") for key in sorted(GENERIC_KEYS)}
    if not found["words"] or not found["context"]:
        raise InputError(
            label, "generic needs both words and context", "list the general words and their context words"
        )
    return found


def load_codebook(path: Path = CODEBOOK_PATH) -> Codebook:
    path = Path(path)
    where = display_path(path)
    if not path.is_file():
        raise InputError(where, "codebook not found", "pass an existing file with --codebook")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(where, "not UTF-8", "save the codebook as UTF-8") from None
    document = yaml_document(text, where)
    if not isinstance(document, dict) or not isinstance(document.get("themes"), list):
        raise InputError(where, "has no list of themes", "the file needs a top-level `themes:` list")
    unknown = sorted(set(document) - TOP_KEYS)
    if unknown:
        raise InputError(
            where,
            f"unknown top-level key(s) {', '.join(map(str, unknown))}",
            f"allowed keys are {', '.join(sorted(TOP_KEYS))}",
        )
    themes = [_theme(entry, n, where) for n, entry in enumerate(document["themes"], 1)]
    seen: set[str] = set()
    for theme in themes:
        if theme.id in seen:
            raise InputError(f"{where}: theme {theme.id!r}", "duplicate id", "every id must be unique")
        seen.add(theme.id)
    version, date = (str(document.get(key) or "").strip() for key in ("version", "date"))
    if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise InputError(where, f"date {date!r} is not YYYY-MM-DD", "write the date of this version as 2026-12-03")
    return Codebook(
        tuple(themes),
        hashlib.sha256(data).hexdigest(),
        where,
        version=version,
        date=date,
        organisation_words=tuple(
            w.lower() for w in _strings(document.get("organisation_words"), where, "organisation_words")
        ),
    )
