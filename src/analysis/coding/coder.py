"""Code sentences into codebook themes, keeping the words that matched as evidence.

Cost grows with the vocabulary, not with the text: a batch of sentences is
tokenised in one pass, each distinct word form is lemmatised and classified
once for the whole corpus (its themes, and which phrase words it can stand
for), and the tokens become an integer array on which hits and phrase
starts are found with NumPy. Only the few sentences that hold a phrase, a
regular-expression pattern, an exclusion or a hit inside a hyphenated word
go through the full token-by-token matcher (`code_full`), which is the
reference: a test checks the two agree on every sentence of the corpus and
of a synthetic one. An excluded span removes the matches inside it, so a
known false hit can be switched off without losing the rest of the sentence.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np

from analysis.coding.codebook import Codebook
from analysis.language.norwegian import LETTER_RUN, MIN_STEM, WORD, lemma

# between the sentences of a batch: a private-use character that `str.split` keeps as a token of its own
SEPARATOR = "\ue000"
# characters outside Latin-1, Latin Extended-A and punctuation, plus the few whose case-insensitive
# matching differs from comparing `str.lower` (µ, İ, ı, ſ): a batch holding one is searched sentence by sentence
_UNSAFE_CASE = re.compile("[^\x00-\xb4\xb6-\u012f\u0132-\u017e\u2000-\u206f\u20a0-\u20cf\ue000]")


def _required_literal(pattern: re.Pattern[str]) -> str | None:
    """The longest run of literal characters every match must contain, lower-cased (None if there is none)."""
    try:
        from re import _parser  # the standard library's own regular-expression parser

        items = list(_parser.parse(pattern.pattern, pattern.flags))
    except (ImportError, re.error):
        return None
    runs, current = [], ""
    for op, value in items:
        if op is _parser.LITERAL and not _UNSAFE_CASE.match(chr(value)):
            current += chr(value).lower()
        else:
            runs.append(current)
            current = ""
    runs.append(current)
    longest = max(runs, key=len)
    return longest or None


class Match(NamedTuple):
    theme: str
    start: int
    end: int
    text: str


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
    starts_phrase: np.ndarray  # per form: can begin a phrase
    run_start: np.ndarray  # per raw token: where its forms begin in `runs`
    run_count: np.ndarray  # per raw token: how many letter runs it holds
    needs_full: np.ndarray  # per raw token: a hyphenated word with a hit in it
    unsafe_case: np.ndarray  # per raw token: a character `str.lower` does not fold as the regex engine does
    runs: np.ndarray  # the form ids of every raw token's letter runs, in order


_INT_COLUMNS = {"run_start", "run_count", "runs"}


class _Lexicon:
    """What is known about every word met so far in one language, each worked out once.

    Two levels: letter runs ("forms": lemma, themes, the phrase words they can
    stand for) and whitespace-separated tokens ("raw", e.g. "CV-en," or
    "2020"), which `str.split` produces at C speed and which map to the
    forms they contain.
    """

    def __init__(self) -> None:
        self.form_index: dict[str, int] = {}
        self.forms: list[str] = []
        self.themes: list[tuple[str, ...]] = []
        self.phrase_words: list[frozenset[tuple[int, int]]] = []
        self.phrase_starts: list[tuple[int, ...]] = []  # the phrases a form can begin
        self.raw_index: dict[str, int] = {SEPARATOR: 0}
        self._n_runs = 0
        # what arrays() has not yet moved into the NumPy columns
        self._new_forms: list[int] = []
        self._new_raw: list[tuple[int, int, bool, bool]] = [(0, 0, False, False)]
        self._new_runs: list[int] = []
        self._columns = {name: _Column(bool if name not in _INT_COLUMNS else np.int64) for name in _Arrays._fields}

    def form(self, text: str, coder: "Coder", lang: str) -> int:
        number = self.form_index.get(text)
        if number is None:
            number = len(self.forms)
            lower, lem = text.lower(), lemma(text, lang)
            words = coder._phrase_words(lower, lem)
            self.form_index[text] = number
            self.forms.append(text)
            self.themes.append(coder._themes_of(lower, lem))
            self.phrase_words.append(words)
            self.phrase_starts.append(tuple(sorted(n for n, position in words if position == 0)))
            self._new_forms.append(number)
        return number

    def add_raw(self, token: str, coder: "Coder", lang: str) -> None:
        forms = [self.form(run, coder, lang) for run in LETTER_RUN.findall(token)]
        needs_full = "-" in token and any(
            "-" in word and (coder._themes_of(word.lower(), lemma(word, lang)) or any(self.themes[f] for f in forms))
            for word in WORD.findall(token)
        )
        self.raw_index[token] = len(self.raw_index)
        self._new_raw.append((self._n_runs, len(forms), needs_full, bool(_UNSAFE_CASE.search(token))))
        self._new_runs.extend(forms)
        self._n_runs += len(forms)

    def arrays(self) -> _Arrays:
        columns = self._columns
        if self._new_forms:
            columns["hit"].extend([bool(self.themes[f]) for f in self._new_forms])
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


def _dedupe(words: Iterable[str]) -> str:
    """Distinct evidence words in reading order; a word inside one already listed adds nothing."""
    kept: list[str] = []
    for word in words:
        if word not in kept and not any(word in other for other in kept):
            kept.append(word)
    return "; ".join(kept)


class Coder:
    """Codes sentences, many at a time, with the sentence-level matcher only where a sentence needs it."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self._rank = {theme_id: number for number, theme_id in enumerate(codebook.ids)}
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
        self._phrase_list = [(theme.id, phrase) for theme in codebook.themes for phrase in theme.phrases]
        self._phrase_keys: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for number, (_, phrase) in enumerate(self._phrase_list):
            for position, (word_lemma, written) in enumerate(phrase):
                self._phrase_keys["lemma", word_lemma].append((number, position))
                self._phrase_keys["form", written].append((number, position))
                if len(written) >= MIN_STEM:
                    self._phrase_keys["stem", written].append((number, position))
        self._patterns = [(t.id, p, _required_literal(p)) for t in codebook.themes for p in t.patterns]
        self._exclusions = {t.id: t.exclude for t in codebook.themes if t.exclude}
        self._lexicons: dict[str, _Lexicon] = {}

    def _themes_of(self, lower: str, lem: str) -> tuple[str, ...]:
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
            hit = tuple(sorted(found, key=self._rank.__getitem__))
            self._form_cache[key] = hit
        return hit

    def _phrase_words(self, lower: str, lem: str) -> frozenset[tuple[int, int]]:
        """Phrase words this form matches (`word_matches`); a phrase's first word only by lemma or written form."""
        keys = self._phrase_keys
        found = set(keys.get(("lemma", lem), ())) | set(keys.get(("form", lower), ()))
        for length in range(MIN_STEM, len(lower) + 1):
            found.update(keys.get(("stem", lower[:length]), ()))
        return frozenset(
            (number, position)
            for number, position in found
            if position or lem in self._phrase_list[number][1][0] or lower in self._phrase_list[number][1][0]
        )

    def _lexicon(self, lang: str, tokens: Iterable[str]) -> _Lexicon:
        lexicon = self._lexicons.setdefault(lang, _Lexicon())
        for token in sorted(set(tokens).difference(lexicon.raw_index)):
            lexicon.add_raw(token, self, lang)
        return lexicon

    def _pattern_sentences(self, texts: list[str], joined: str, unsafe_case: bool) -> set[int]:
        """The sentences some regular-expression pattern matches in.

        A pattern is run only on the sentences that contain its longest
        required literal (found with `str.find` in the lower-cased batch, a
        fast scan); a pattern without one, or a batch with characters whose
        case folding `str.lower` does not mirror, is run on every sentence.
        """
        found: set[int] = set()
        lower = None if unsafe_case else joined.lower()
        ends = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + len(SEPARATOR) + 2)
        for _, pattern, literal in self._patterns:
            if lower is None or literal is None:
                found.update(number for number, text in enumerate(texts) if pattern.search(text))
                continue
            offsets, start = [], lower.find(literal)
            while start != -1:
                offsets.append(start)
                start = lower.find(literal, start + 1)
            candidates = np.unique(np.searchsorted(ends, offsets, side="right")).tolist()
            found.update(number for number in candidates if pattern.search(texts[number]))
        return found

    def code_many(self, texts: Sequence[str], lang: str = "nb") -> list[list[tuple[str, str]]]:
        """Each sentence's (theme, evidence) pairs, exactly as `code_full` gives them, at a fraction of the cost.

        Word hits are found on integer token arrays; a sentence with a phrase,
        a pattern, an exclusion or a hyphenated hit goes to `code_full`.
        """
        texts = list(texts)
        if not texts:
            return []
        joined = f" {SEPARATOR} ".join(texts)
        full: set[int] = set()
        if joined.count(SEPARATOR) != len(texts) - 1:  # a sentence holding the separator itself
            full = {number for number, text in enumerate(texts) if SEPARATOR in text}
            joined = f" {SEPARATOR} ".join(text.replace(SEPARATOR, " ") for text in texts)
        raw = joined.split()
        lexicon = self._lexicon(lang, raw)
        known = lexicon.arrays()
        raw_ids = np.fromiter(map(lexicon.raw_index.__getitem__, raw), dtype=np.int64, count=len(raw))
        raw_sentence = np.cumsum(raw_ids == 0)
        full.update(raw_sentence[known.needs_full[raw_ids]].tolist())
        # the letter runs in reading order, with their sentence: what phrases are matched on
        counts = known.run_count[raw_ids]
        firsts = np.repeat(known.run_start[raw_ids] - (np.cumsum(counts) - counts), counts)
        ids = known.runs[firsts + np.arange(len(firsts))]
        sentence_of = np.repeat(raw_sentence, counts)
        for position in np.flatnonzero(known.starts_phrase[ids]).tolist():
            sentence = sentence_of[position]
            for number in lexicon.phrase_starts[ids[position]]:
                length = len(self._phrase_list[number][1])
                if (
                    position + length <= len(ids)
                    and sentence_of[position + length - 1] == sentence
                    and all((number, k) in lexicon.phrase_words[ids[position + k]] for k in range(1, length))
                ):
                    full.add(int(sentence))
        full.update(self._pattern_sentences(texts, joined, bool(known.unsafe_case[raw_ids].any())))

        results: list[list[tuple[str, str]]] = [[] for _ in texts]
        positions = np.flatnonzero(known.hit[ids])
        by_sentence: dict[int, list[int]] = defaultdict(list)
        for sentence, form in zip(sentence_of[positions].tolist(), ids[positions].tolist(), strict=True):
            by_sentence[sentence].append(form)
        for sentence, forms in by_sentence.items():
            if sentence in full:
                continue
            by_theme: dict[str, list[str]] = defaultdict(list)
            for form in forms:
                for theme_id in lexicon.themes[form]:
                    by_theme[theme_id].append(lexicon.forms[form])
            if any(
                pattern.search(texts[sentence])
                for theme_id in by_theme.keys() & self._exclusions.keys()
                for pattern in self._exclusions[theme_id]
            ):
                full.add(sentence)
                continue
            results[sentence] = [(t, _dedupe(by_theme[t])) for t in sorted(by_theme, key=self._rank.__getitem__)]
        for sentence in full:
            results[sentence] = self.code_full(texts[sentence], lang)
        return results

    def code(self, text: str, lang: str = "nb") -> list[tuple[str, str]]:
        """(theme, evidence) pairs in codebook order; evidence is the matched words as written."""
        return self.code_many([text], lang)[0]

    def matches(self, text: str, lang: str = "nb") -> list[Match]:
        """Every word, phrase and pattern match in the sentence that no exclusion covers.

        Words are the letter runs and, for a hyphenated word, the whole as
        well ("NAV-tiltakene", "NAV", "tiltakene"), so both a compound and its
        head can match; phrases run over consecutive letter runs.
        """
        lexicon = self._lexicons.setdefault(lang, _Lexicon())
        found: list[Match] = []
        runs: list[tuple[int, int, int]] = []  # (form, start, end)
        form_of, position = lexicon.form_index.get, 0
        for word in WORD.findall(text):
            start = text.find(word, position)  # only non-letters lie between two words: the next one is it
            position = start + len(word)
            if "-" in word:
                for theme_id in self._themes_of(word.lower(), lemma(word, lang)):
                    found.append(Match(theme_id, start, position, word))
                for part in word.split("-"):
                    runs.append((lexicon.form(part, self, lang), start, start + len(part)))
                    start += len(part) + 1
            else:
                form = form_of(word)
                runs.append((lexicon.form(word, self, lang) if form is None else form, start, position))
        themes, starts = lexicon.themes, lexicon.phrase_starts
        for i, (form, start, end) in enumerate(runs):
            for theme_id in themes[form]:
                found.append(Match(theme_id, start, end, text[start:end]))
            for number in starts[form]:
                theme_id, phrase = self._phrase_list[number]
                window = runs[i : i + len(phrase)]
                if len(window) == len(phrase) and all(
                    (number, k) in lexicon.phrase_words[f] for k, (f, _, _) in enumerate(window)
                ):
                    last = window[-1][2]
                    found.append(Match(theme_id, start, last, text[start:last]))
        lower = text.lower() if not _UNSAFE_CASE.search(text) else None
        for theme_id, pattern, literal in self._patterns:
            if lower is not None and literal is not None and literal not in lower:
                continue  # cannot match: saves running the expression
            for m in pattern.finditer(text):
                found.append(Match(theme_id, m.start(), m.end(), m.group(0)))
        excluded = {
            theme_id: [m.span() for pattern in self._exclusions[theme_id] for m in pattern.finditer(text)]
            for theme_id in {m.theme for m in found} & self._exclusions.keys()
        }
        return [
            m for m in found if not any(start <= m.start and m.end <= end for start, end in excluded.get(m.theme, ()))
        ]

    def code_full(self, text: str, lang: str = "nb") -> list[tuple[str, str]]:
        """One sentence through every match and exclusion, evidence in reading order: the reference result."""
        by_theme: dict[str, list[Match]] = defaultdict(list)
        for match in self.matches(text, lang):
            by_theme[match.theme].append(match)
        return [
            (theme_id, _dedupe(m.text for m in sorted(by_theme[theme_id], key=lambda m: (m.start, -m.end))))
            for theme_id in self.codebook.ids
            if theme_id in by_theme
        ]
