"""The codebook's word patterns as lookups: which themes a word form reaches, which phrase words it can be.

A form reaches a theme by its lemma or written form, by a prefix of either,
or by a suffix of its lemma; it can stand for a phrase word by lemma,
written form or (from MIN_STEM letters on) as a stem. Regular-expression
patterns get the literal every match must contain, so they run only on
sentences that contain it.
"""

import re
from collections import defaultdict

from analysis.coding.codebook import Codebook
from analysis.language.norwegian import MIN_STEM, known_word, lemma

# between the sentences of a batch: a private-use character that `str.split` keeps as a token of its own
SEPARATOR = "\ue000"
GENERIC = "?"  # marks a theme id found through a generic word (see `generic_id`)
# characters outside Latin-1, Latin Extended-A and punctuation, plus the few whose case-insensitive
# matching differs from comparing `str.lower` (µ, İ, ı, ſ): a batch holding one is searched sentence by sentence
UNSAFE_CASE = re.compile("[^\x00-\xb4\xb6-\u012f\u0132-\u017e\u2000-\u206f\u20a0-\u20cf\ue000]")


def required_literal(pattern: re.Pattern[str]) -> str | None:
    """The longest run of literal characters every match must contain, lower-cased (None if there is none)."""
    try:
        from re import _parser  # the standard library's own regular-expression parser

        items = list(_parser.parse(pattern.pattern, pattern.flags))
    except (ImportError, re.error):
        return None
    runs, current = [], ""
    for op, value in items:
        if op is _parser.LITERAL and not UNSAFE_CASE.match(chr(value)):
            current += chr(value).lower()
        else:
            runs.append(current)
            current = ""
    runs.append(current)
    longest = max(runs, key=len)
    return longest or None


# Bokmål and Nynorsk noun endings (definite, plural): a compound the lemmatiser does not know comes back as
# written, "jobbstrategien", and reaches a suffix ("strategi") only without its ending
ENDINGS = ("ene", "ane", "en", "et", "er", "ar", "a")


def uninflected(word: str) -> list[str]:
    """The word without each ending it may carry, keeping at least four letters."""
    return [word[: -len(e)] for e in ENDINGS if word.endswith(e) and len(word) - len(e) >= 4]


def generic_id(theme_id: str) -> str:
    """The id under which a theme's generic words match: they become the theme only beside a context word."""
    return theme_id + GENERIC


def theme_of(found_id: str) -> str:
    return found_id.removesuffix(GENERIC)


def _first_part(rest: str) -> bool:
    """What stands before a suffix can be a compound's first part: nothing, a hyphenated part ('IA-'), one of a
    stem's length, or a word the dictionary knows, its linking letter left off ('arve', 'skatte', 'stat'). 'sty' is
    none: 'styreform' is 'styre' + 'form', no reform."""
    if not rest or rest.endswith("-") or len(rest) >= MIN_STEM:
        return True
    return known_word(rest) or (rest[-1] in "se" and len(rest) > 1 and known_word(rest[:-1]))


class WordPatterns:
    """The lemma, prefix, part, suffix and phrase patterns of a codebook, each word answered once.

    A theme's generic words are patterns of their own, under `generic_id`, so
    the coder can tell a match that needs a context word from one that does not.
    """

    def __init__(self, codebook: Codebook) -> None:
        # codebook order; a theme's generic words rank with it
        self.rank = {i: n for n, t in enumerate(codebook.ids) for i in (t, generic_id(t))}
        # word patterns as lookups: a lemma or form, and the lengths of prefixes and suffixes to slice
        self._by_word: dict[str, set[str]] = defaultdict(set)
        self._by_prefix: dict[str, set[str]] = defaultdict(set)
        self._by_suffix: dict[str, set[str]] = defaultdict(set)
        self._by_part: dict[str, set[str]] = defaultdict(set)
        self._context: dict[str, set[str]] = defaultdict(set)
        for theme in codebook.themes:
            for word in theme.lemmas:
                self._by_word[word].add(theme.id)
            for word in theme.generic_lemmas:
                self._by_word[word].add(generic_id(theme.id))
            for prefix in theme.prefixes:
                self._by_prefix[prefix].add(theme.id)
            for suffix in theme.suffixes:
                self._by_suffix[suffix].add(theme.id)
            for suffix in theme.generic_suffixes:
                self._by_suffix[suffix].add(generic_id(theme.id))
            for part in theme.parts:
                self._by_part[part].add(theme.id)
            for word in theme.context:
                self._context[word].add(theme.id)
        self._prefix_lengths = sorted({len(p) for p in self._by_prefix})
        self._suffix_lengths = sorted({len(s) for s in self._by_suffix})
        self._context_lengths = sorted({len(c) for c in self._context})
        self._form_cache: dict[tuple[str, str], tuple[str, ...]] = {}
        self._context_cache: dict[tuple[str, str], frozenset[str]] = {}
        # phrases: the (phrase, word position) pairs a form can stand for, by lemma (Bokmål or Nynorsk),
        # written form or stem
        self.phrase_list = [(theme.id, phrase) for theme in codebook.themes for phrase in theme.phrases] + [
            (generic_id(theme.id), phrase) for theme in codebook.themes for phrase in theme.generic_phrases
        ]
        self._phrase_keys: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for number, (_, phrase) in enumerate(self.phrase_list):
            for position, (word_lemma, written) in enumerate(phrase):
                for key in {word_lemma, lemma(written, "nn")}:
                    self._phrase_keys["lemma", key].append((number, position))
                self._phrase_keys["form", written].append((number, position))
                if len(written) >= MIN_STEM:
                    self._phrase_keys["stem", written].append((number, position))

    def themes_of(self, lower: str, lem: str) -> tuple[str, ...]:
        """Themes a word reaches by lemma or written form, a prefix or part of either, or a suffix of its lemma."""
        key = (lower, lem)
        hit = self._form_cache.get(key)
        if hit is None:
            found = self._by_word.get(lem, set()) | self._by_word.get(lower, set())
            for length in self._prefix_lengths:
                found |= self._by_prefix.get(lem[:length], set()) | self._by_prefix.get(lower[:length], set())
            for stem in {lem, *uninflected(lower)}:
                for length in self._suffix_lengths:
                    ids = self._by_suffix.get(stem[-length:]) if len(stem) >= length else None
                    if ids and _first_part(stem[:-length]):
                        found |= ids
            for part, ids in self._by_part.items():
                if part in lower or part in lem:
                    found |= ids
            hit = tuple(sorted(found, key=lambda i: (self.rank[i], i)))
            self._form_cache[key] = hit
        return hit

    def context_of(self, lower: str, lem: str) -> frozenset[str]:
        """Themes whose generic words this word gives their sense, by the start of its lemma or written form."""
        key = (lower, lem)
        hit = self._context_cache.get(key)
        if hit is None:
            found: set[str] = set()
            for length in self._context_lengths:
                found |= self._context.get(lem[:length], set()) | self._context.get(lower[:length], set())
            hit = self._context_cache[key] = frozenset(found)
        return hit

    def phrase_words(self, lower: str, lem: str) -> frozenset[tuple[int, int]]:
        """Phrase words this form matches by lemma, written form or stem; a phrase's first word not by stem."""
        keys = self._phrase_keys
        found = set(keys.get(("lemma", lem), ())) | set(keys.get(("form", lower), ()))
        for length in range(MIN_STEM, len(lower) + 1):
            found.update(item for item in keys.get(("stem", lower[:length]), ()) if item[1])
        return frozenset(found)
