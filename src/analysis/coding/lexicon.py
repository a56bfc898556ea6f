"""What is known about every word met so far, in NumPy columns, so a batch of sentences is coded as arrays.

Each distinct word form is lemmatised and classified once per corpus (its
themes, the phrase words it can stand for); each distinct whitespace token
once (the forms it holds). The coder turns a batch's tokens into integer
ids and finds hits and phrase starts with NumPy on these columns.
"""

from typing import NamedTuple

import numpy as np

from analysis.coding.patterns import SEPARATOR, UNSAFE_CASE, WordPatterns
from analysis.language.norwegian import LETTER_RUN, WORD, lemma


class _Column:
    """A NumPy array that grows by doubling, so adding a document's new words costs only those words."""

    def __init__(self, dtype: type) -> None:
        self.data = np.zeros(1 << 12, dtype=dtype)
        self.size = 0

    def extend(self, values: list) -> None:
        end = self.size + len(values)
        if end > len(self.data):
            bigger = np.zeros(max(end, 2 * len(self.data)), dtype=self.data.dtype)
            bigger[: self.size] = self.data[: self.size]
            self.data = bigger
        self.data[self.size : end] = values
        self.size = end

    def view(self) -> np.ndarray:
        return self.data[: self.size]


class _Arrays(NamedTuple):
    hit: np.ndarray  # per form: reaches a theme
    context: np.ndarray  # per form: gives some theme's generic words their sense
    starts_phrase: np.ndarray  # per form: can begin a phrase
    run_start: np.ndarray  # per raw token: where its forms begin in `runs`
    run_count: np.ndarray  # per raw token: how many letter runs it holds
    needs_full: np.ndarray  # per raw token: a hyphenated word with a hit in it
    unsafe_case: np.ndarray  # per raw token: a character `str.lower` does not fold as the regex engine does
    runs: np.ndarray  # the form ids of every raw token's letter runs, in order


_INT_COLUMNS = {"run_start", "run_count", "runs"}


class Lexicon:
    """What is known about every word met so far in one language, each worked out once.

    Two levels: letter runs ("forms": lemma, themes, the phrase words they can
    stand for) and whitespace-separated tokens ("raw", e.g. "CV-en," or
    "2020"), which `str.split` produces at C speed and which map to the
    forms they contain.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.form_index: dict[str, int] = {}
        self.forms: list[str] = []
        self.themes: list[tuple[str, ...]] = []
        self.context: list[frozenset[str]] = []  # the themes whose generic words each form gives their sense
        self.phrase_words: list[frozenset[tuple[int, int]]] = []
        self.phrase_starts: list[tuple[int, ...]] = []  # the phrases a form can begin
        self.raw_index: dict[str, int] = {SEPARATOR: 0}
        self._n_runs = 0
        # what arrays() has not yet moved into the NumPy columns
        self._new_forms: list[int] = []
        self._new_raw: list[tuple[int, int, bool, bool]] = [(0, 0, False, False)]
        self._new_runs: list[int] = []
        self._columns = {name: _Column(bool if name not in _INT_COLUMNS else np.int64) for name in _Arrays._fields}

    def form(self, text: str, patterns: WordPatterns, lang: str) -> int:
        number = self.form_index.get(text)
        if number is None:
            number = len(self.forms)
            lower, lem = text.lower(), lemma(text, lang)
            words = patterns.phrase_words(lower, lem)
            self.form_index[text] = number
            self.forms.append(text)
            self.themes.append(patterns.themes_of(lower, lem))
            self.context.append(patterns.context_of(lower, lem))
            self.phrase_words.append(words)
            self.phrase_starts.append(tuple(sorted(n for n, position in words if position == 0)))
            self._new_forms.append(number)
        return number

    def add_raw(self, token: str, patterns: WordPatterns, lang: str) -> None:
        forms = [self.form(run, patterns, lang) for run in LETTER_RUN.findall(token)]
        needs_full = "-" in token and any(
            "-" in word and (patterns.themes_of(word.lower(), lemma(word, lang)) or any(self.themes[f] for f in forms))
            for word in WORD.findall(token)
        )
        self.raw_index[token] = len(self.raw_index)
        self._new_raw.append((self._n_runs, len(forms), needs_full, bool(UNSAFE_CASE.search(token))))
        self._new_runs.extend(forms)
        self._n_runs += len(forms)

    def arrays(self) -> _Arrays:
        columns = self._columns
        if self._new_forms:
            columns["hit"].extend([bool(self.themes[f]) for f in self._new_forms])
            columns["context"].extend([bool(self.context[f]) for f in self._new_forms])
            columns["starts_phrase"].extend([bool(self.phrase_starts[f]) for f in self._new_forms])
            self._new_forms = []
        if self._new_raw:
            starts, counts, full, unsafe = zip(*self._new_raw, strict=True)
            for name, values in zip(
                ("run_start", "run_count", "needs_full", "unsafe_case"), (starts, counts, full, unsafe), strict=True
            ):
                columns[name].extend(list(values))
            columns["runs"].extend(self._new_runs)
            self._new_raw, self._new_runs = [], []
        return _Arrays(*(columns[name].view() for name in _Arrays._fields))
