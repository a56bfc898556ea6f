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
from analysis.language.norwegian import MIN_STEM

# between the sentences of a batch: a private-use character that `str.split` keeps as a token of its own
SEPARATOR = "\ue000"
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


class WordPatterns:
    """The lemma, prefix, suffix and phrase patterns of a codebook, each word answered once."""

    def __init__(self, codebook: Codebook) -> None:
        self.rank = {theme_id: number for number, theme_id in enumerate(codebook.ids)}  # codebook order
        # word patterns as lookups: a lemma or form, and the lengths of prefixes and suffixes to slice
        self._by_word: dict[str, set[str]] = defaultdict(set)
        self._by_prefix: dict[str, set[str]] = defaultdict(set)
        self._by_suffix: dict[str, set[str]] = defaultdict(set)
        for theme in codebook.themes:
            for word in theme.lemmas:
                self._by_word[word].add(theme.id)
            for prefix in theme.prefixes:
                self._by_prefix[prefix].add(theme.id)
            for suffix in theme.suffixes:
                self._by_suffix[suffix].add(theme.id)
        self._prefix_lengths = sorted({len(p) for p in self._by_prefix})
        self._suffix_lengths = sorted({len(s) for s in self._by_suffix})
        self._form_cache: dict[tuple[str, str], tuple[str, ...]] = {}
        # phrases: the (phrase, word position) pairs a form can stand for, by lemma, written form or stem
        self.phrase_list = [(theme.id, phrase) for theme in codebook.themes for phrase in theme.phrases]
        self._phrase_keys: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for number, (_, phrase) in enumerate(self.phrase_list):
            for position, (word_lemma, written) in enumerate(phrase):
                self._phrase_keys["lemma", word_lemma].append((number, position))
                self._phrase_keys["form", written].append((number, position))
                if len(written) >= MIN_STEM:
                    self._phrase_keys["stem", written].append((number, position))

    def themes_of(self, lower: str, lem: str) -> tuple[str, ...]:
        """Themes a word reaches by lemma, written form, prefix (of either) or suffix (of the lemma)."""
        key = (lower, lem)
        hit = self._form_cache.get(key)
        if hit is None:
            found = self._by_word.get(lem, set()) | self._by_word.get(lower, set())
            for length in self._prefix_lengths:
                found |= self._by_prefix.get(lem[:length], set()) | self._by_prefix.get(lower[:length], set())
            for length in self._suffix_lengths:
                if len(lem) >= length:
                    found |= self._by_suffix.get(lem[-length:], set())
            hit = tuple(sorted(found, key=self.rank.__getitem__))
            self._form_cache[key] = hit
        return hit

    def phrase_words(self, lower: str, lem: str) -> frozenset[tuple[int, int]]:
        """Phrase words this form matches by lemma, written form or stem; a phrase's first word not by stem."""
        keys = self._phrase_keys
        found = set(keys.get(("lemma", lem), ())) | set(keys.get(("form", lower), ()))
        for length in range(MIN_STEM, len(lower) + 1):
            found.update(keys.get(("stem", lower[:length]), ()))
        return frozenset(
            (number, position)
            for number, position in found
            if position or lem in self.phrase_list[number][1][0] or lower in self.phrase_list[number][1][0]
        )
