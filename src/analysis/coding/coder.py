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

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np

from analysis.coding.codebook import Codebook
from analysis.coding.lexicon import Lexicon
from analysis.coding.patterns import GENERIC, SEPARATOR, UNSAFE_CASE, WordPatterns, required_literal, theme_of
from analysis.language.norwegian import WORD, lemma


class Match(NamedTuple):
    theme: str
    start: int
    end: int
    text: str


class TokenIds(NamedTuple):
    joined: str  # the batch's sentences joined by SEPARATOR
    full: set[int]  # sentences that held SEPARATOR themselves, so go to the exact matcher
    lexicon: Lexicon  # the language's lexicon, with every token of the batch in it
    ids: np.ndarray  # each whitespace token's id in `lexicon.raw_index`; SEPARATOR is 0


def _dedupe(words: Iterable[str]) -> str:
    """Distinct evidence words in reading order; a word inside one already listed adds nothing."""
    kept: list[str] = []
    for word in words:
        if word not in kept and not any(word in other for other in kept):
            kept.append(word)
    return "; ".join(kept)


def _by_sentence(positions: np.ndarray, sentence_of: np.ndarray, ids: np.ndarray) -> dict[int, list[tuple[int, int]]]:
    """(position, form) of the given letter runs, grouped by sentence, in reading order."""
    grouped: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for position, sentence, form in zip(
        positions.tolist(), sentence_of[positions].tolist(), ids[positions].tolist(), strict=True
    ):
        grouped[sentence].append((position, form))
    return grouped


def _resolve_generic(
    by_theme: dict[str, list[tuple[int, int]]], context: list[tuple[int, int]], lexicon: Lexicon
) -> dict[str, list[tuple[int, int]]]:
    """`Coder._in_context` on (position, form) pairs: a generic hit becomes its theme beside the sentence's first
    context word for it, which joins the evidence, and is dropped without one."""
    found = {t: list(hits) for t, hits in by_theme.items() if not t.endswith(GENERIC)}
    for generic, hits in by_theme.items():
        if not generic.endswith(GENERIC):
            continue
        theme_id = theme_of(generic)
        first = next((entry for entry in context if theme_id in lexicon.context[entry[1]]), None)
        if first is not None:
            found.setdefault(theme_id, []).extend([*hits, first])
    return found


class Coder:
    """Codes sentences, many at a time, with the sentence-level matcher only where a sentence needs it."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.words = WordPatterns(codebook)
        self._patterns = [(t.id, p, required_literal(p)) for t in codebook.themes for p in t.patterns]
        self._exclusions = {t.id: t.exclude for t in codebook.themes if t.exclude}
        self._lexicons: dict[str, Lexicon] = {}

    def _lexicon_of(self, lang: str) -> Lexicon:
        """The language's lexicon, made on first use (a new one per sentence would cost more than the sentence)."""
        lexicon = self._lexicons.get(lang)
        if lexicon is None:
            lexicon = self._lexicons[lang] = Lexicon(lang)
        return lexicon

    def _lexicon(self, lang: str, tokens: Iterable[str]) -> Lexicon:
        lexicon = self._lexicon_of(lang)
        for token in sorted(set(tokens).difference(lexicon.raw_index)):
            lexicon.add_raw(token, self.words, lang)
        return lexicon

    def token_ids(self, texts: Sequence[str], lang: str = "nb") -> TokenIds:
        """Coding's first step: the sentences joined by SEPARATOR, split on white space, each token looked up.

        The least a coder that looks up every word does. `analysis bench` times it alone
        beside the whole coder, so a reader sees how much of the floor it
        leaves for everything else (lemmas, phrases, patterns, evidence).
        """
        joined = f" {SEPARATOR} ".join(texts)
        full: set[int] = set()
        if joined.count(SEPARATOR) != len(texts) - 1:  # a sentence holding the separator itself
            full = {number for number, text in enumerate(texts) if SEPARATOR in text}
            joined = f" {SEPARATOR} ".join(text.replace(SEPARATOR, " ") for text in texts)
        raw = joined.split()
        lexicon = self._lexicon(lang, raw)
        ids = np.fromiter(map(lexicon.raw_index.__getitem__, raw), dtype=np.int64, count=len(raw))
        return TokenIds(joined, full, lexicon, ids)

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

        Word hits and context words are found on integer token arrays; a
        sentence with a phrase, a pattern, an exclusion or a hyphenated hit
        goes to `code_full`.
        """
        texts = list(texts)
        if not texts:
            return []
        joined, full, lexicon, raw_ids = self.token_ids(texts, lang)
        known = lexicon.arrays()
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
                length = len(self.words.phrase_list[number][1])
                if (
                    position + length <= len(ids)
                    and sentence_of[position + length - 1] == sentence
                    and all((number, k) in lexicon.phrase_words[ids[position + k]] for k in range(1, length))
                ):
                    full.add(int(sentence))
        full.update(self._pattern_sentences(texts, joined, bool(known.unsafe_case[raw_ids].any())))

        results: list[list[tuple[str, str]]] = [[] for _ in texts]
        by_sentence = _by_sentence(np.flatnonzero(known.hit[ids]), sentence_of, ids)
        context = _by_sentence(np.flatnonzero(known.context[ids]), sentence_of, ids)
        for sentence, hits in by_sentence.items():
            if sentence in full:
                continue
            by_theme: dict[str, list[tuple[int, int]]] = defaultdict(list)  # (position, form) in reading order
            for position, form in hits:
                for theme_id in lexicon.themes[form]:
                    by_theme[theme_id].append((position, form))
            if any(
                pattern.search(texts[sentence])
                for theme_id in {theme_of(t) for t in by_theme} & self._exclusions.keys()
                for pattern in self._exclusions[theme_id]
            ):
                full.add(sentence)
                continue
            found = _resolve_generic(by_theme, context.get(sentence, []), lexicon)
            results[sentence] = [
                (t, _dedupe(lexicon.forms[form] for _, form in sorted(found[t])))
                for t in sorted(found, key=self.words.rank.__getitem__)
            ]
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
        lexicon = self._lexicon_of(lang)
        found: list[Match] = []
        runs: list[tuple[int, int, int]] = []  # (form, start, end)
        form_of, position = lexicon.form_index.get, 0
        for word in WORD.findall(text):
            start = text.find(word, position)  # only non-letters lie between two words: the next one is it
            position = start + len(word)
            if "-" in word:
                for theme_id in self.words.themes_of(word.lower(), lemma(word, lang)):
                    found.append(Match(theme_id, start, position, word))
                for part in word.split("-"):
                    runs.append((lexicon.form(part, self.words, lang), start, start + len(part)))
                    start += len(part) + 1
            else:
                form = form_of(word)
                runs.append((lexicon.form(word, self.words, lang) if form is None else form, start, position))
        themes, starts = lexicon.themes, lexicon.phrase_starts
        for i, (form, start, end) in enumerate(runs):
            for theme_id in themes[form]:
                found.append(Match(theme_id, start, end, text[start:end]))
            for number in starts[form]:
                theme_id, phrase = self.words.phrase_list[number]
                window = runs[i : i + len(phrase)]
                if len(window) == len(phrase) and all(
                    (number, k) in lexicon.phrase_words[f] for k, (f, _, _) in enumerate(window)
                ):
                    last = window[-1][2]
                    found.append(Match(theme_id, start, last, text[start:last]))
        lower = text.lower() if not UNSAFE_CASE.search(text) else None
        for theme_id, pattern, literal in self._patterns:
            if lower is not None and literal is not None and literal not in lower:
                continue  # cannot match: saves running the expression
            for m in pattern.finditer(text):
                found.append(Match(theme_id, m.start(), m.end(), m.group(0)))
        excluded = {
            theme_id: [m.span() for pattern in self._exclusions[theme_id] for m in pattern.finditer(text)]
            for theme_id in {theme_of(m.theme) for m in found} & self._exclusions.keys()
        }
        kept = [
            m
            for m in found
            if not any(start <= m.start and m.end <= end for start, end in excluded.get(theme_of(m.theme), ()))
        ]
        return self._in_context(kept, runs, lexicon)

    def _in_context(self, found: list[Match], runs: list[tuple[int, int, int]], lexicon: Lexicon) -> list[Match]:
        """Generic words become their theme where a context word gives them its sense; elsewhere they are dropped.

        The sentence's first context word joins the evidence, so a reader sees why the general word counted.
        """
        if not any(m.theme.endswith(GENERIC) for m in found):
            return found
        context: dict[str, list[Match]] = defaultdict(list)
        for form, start, end in runs:
            word = lexicon.forms[form]
            for theme_id in self.words.context_of(word.lower(), lemma(word, lexicon.lang)):
                context[theme_id].append(Match(theme_id, start, end, word))
        kept = [m for m in found if not m.theme.endswith(GENERIC)]
        for m in found:
            theme_id = theme_of(m.theme)
            if m.theme.endswith(GENERIC) and context.get(theme_id):
                kept.append(m._replace(theme=theme_id))
                if context[theme_id][0] not in kept:  # the first context word in the sentence says enough
                    kept.append(context[theme_id][0])
        return kept

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
