"""Code sentences into codebook themes, keeping the words that matched as evidence.

Word-level patterns are resolved once per distinct word form (set lookups
and a cached prefix/suffix check), phrases by walking lemma n-grams from an
index on their first lemma, and only the few regular expressions run over the
sentence text. An excluded span removes the matches inside it, so a known
false hit can be switched off without losing the rest of the sentence.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from analysis.codebook import Codebook
from analysis.norwegian import MIN_STEM, Token, lemma, lemma_sequence, tokenize, word_matches

CODE_COLUMNS = ["segment_id", "theme", "evidence", "source", "coder", "note"]


@dataclass(frozen=True)
class Match:
    theme: str
    start: int
    end: int
    text: str


_PARTS = re.compile(r"[^\W\d_]+")


class Coder:
    """Codes sentences; most of them through set operations in C, the rest through the full matcher.

    The fast path takes a sentence's distinct lower-case word forms (one
    `findall`), classifies forms never seen before (lemma and themes, once
    per form for the whole corpus), and intersects them with the forms that
    can hit. A sentence goes to the full, token-by-token matcher only when it
    may hold a phrase, a regular-expression pattern, an exclusion or a hit
    inside a hyphenated word — so the two paths give the same codes and
    evidence (a test checks this on every sentence of the corpus).
    """

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self._form_cache: dict[tuple[str, str], tuple[str, ...]] = {}
        self._classified: dict[str, dict[str, tuple[str, ...]]] = {}  # lang -> form -> themes
        self._hit_forms: dict[str, set[str]] = {}
        self._lemma_of: dict[str, dict[str, str]] = {}
        patterns = [p.pattern for t in codebook.themes for p in t.patterns]
        self._any_pattern = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None
        self._excluding = {t.id for t in codebook.themes if t.exclude}
        # a phrase can only match if each of its words is present somewhere in the sentence
        self._phrases_all = [phrase for theme in codebook.themes for phrase in theme.phrases]
        self._anchor_index: dict[str, list[int]] = defaultdict(list)  # longest word's lemma/form -> phrases
        for number, phrase in enumerate(self._phrases_all):
            anchor = max(phrase, key=lambda word: len(word[1]))
            for key in set(anchor):
                self._anchor_index[key].append(number)
        self._anchor_keys = frozenset(self._anchor_index)
        self._exclusions = {t.id: t.exclude for t in codebook.themes if t.exclude}
        # phrases indexed by their first word's lemma and written form
        self._phrases: dict[str, list[tuple[tuple[tuple[str, str], ...], str]]] = defaultdict(list)
        for theme in codebook.themes:
            for phrase in theme.phrases:
                for key in dict.fromkeys(phrase[0]):
                    self._phrases[key].append((phrase, theme.id))

    def _word_themes(self, token: Token) -> tuple[str, ...]:
        key = (token.lower, token.lemma)
        hit = self._form_cache.get(key)
        if hit is None:
            hit = tuple(
                theme.id
                for theme in self.codebook.themes
                if token.lemma in theme.lemmas
                or token.lower in theme.lemmas
                or any(token.lemma.startswith(p) or token.lower.startswith(p) for p in theme.prefixes)
                or any(token.lemma.endswith(s) for s in theme.suffixes)
            )
            self._form_cache[key] = hit
        return hit

    def matches(self, text: str, lang: str = "nb") -> list[Match]:
        """Every pattern match in the sentence that no exclusion covers, in reading order."""
        tokens = tokenize(text, lang)
        found: list[Match] = []
        for token in tokens:
            for theme_id in self._word_themes(token):
                found.append(Match(theme_id, token.start, token.end, token.text))
        sequence = lemma_sequence(tokens)
        for i, first in enumerate(sequence):
            candidates = self._phrases.get(first.lemma, []) + self._phrases.get(first.lower, [])
            for phrase, theme_id in dict.fromkeys(candidates):
                window = sequence[i : i + len(phrase)]
                if len(window) == len(phrase) and all(map(word_matches, window, phrase)):
                    start, end = window[0].start, window[-1].end
                    found.append(Match(theme_id, start, end, text[start:end]))
        for theme in self.codebook.themes:
            for pattern in theme.patterns:
                for m in pattern.finditer(text):
                    found.append(Match(theme.id, m.start(), m.end(), m.group(0)))
        return [m for m in found if not self._excluded(m, text)]

    def _excluded(self, match: Match, text: str) -> bool:
        theme = self.codebook.theme(match.theme)
        return any(
            e.start() <= match.start and match.end <= e.end()
            for pattern in theme.exclude
            for e in pattern.finditer(text)
        )

    def _classify(self, forms: set[str], lang: str) -> None:
        classified = self._classified.setdefault(lang, {})
        hits = self._hit_forms.setdefault(lang, set())
        lemmas = self._lemma_of.setdefault(lang, {})
        for form in forms:
            lem = lemma(form, lang)
            lemmas[form] = lem
            themes = self._word_themes(Token(form, 0, len(form), lem))
            classified[form] = themes
            if themes:
                hits.add(form)

    def _phrase_possible(self, forms: set[str], lemmas: set[str]) -> bool:
        """Whether every word of some phrase is in the sentence (by lemma, form or stem), order aside."""
        keys = forms | lemmas
        anchored = keys & self._anchor_keys
        if not anchored and not any(len(f) > MIN_STEM for f in forms):
            return False
        keys |= {f[:k] for f in forms for k in range(MIN_STEM, len(f))}
        anchored = keys & self._anchor_keys
        candidates = {number for key in anchored for number in self._anchor_index[key]}
        return any(
            all(lem in keys or written in keys for lem, written in self._phrases_all[number]) for number in candidates
        )

    def _needs_full_match(self, text: str, lower: str, forms: set[str], hit_forms: set[str], lang: str) -> bool:
        if len(lower) != len(text) or (self._any_pattern and self._any_pattern.search(text)):
            return True
        lemmas = self._lemma_of[lang]
        if self._phrase_possible(forms, {lemmas[f] for f in forms}):
            return True
        if "-" in text and any(re.search(rf"-{re.escape(f)}\b|\b{re.escape(f)}-", lower) for f in hit_forms):
            return True
        classified = self._classified[lang]
        themes = {t for f in hit_forms for t in classified[f]}
        return any(p.search(text) for t in themes & self._exclusions.keys() for p in self._exclusions[t])

    def code(self, text: str, lang: str = "nb") -> list[tuple[str, str]]:
        """(theme, evidence) pairs in codebook order; evidence is the matched words as written."""
        lower = text.lower()
        forms = set(_PARTS.findall(lower))
        classified = self._classified.get(lang, {})
        unseen = forms.difference(classified)
        if unseen:
            self._classify(unseen, lang)
            classified = self._classified[lang]
        hit_forms = forms & self._hit_forms.get(lang, set())
        if self._needs_full_match(text, lower, forms, hit_forms, lang):
            return self.code_full(text, lang)
        if not hit_forms:
            return []
        by_theme: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for form in hit_forms:
            for m in re.finditer(rf"\b{re.escape(form)}\b", lower):
                for theme in classified[form]:
                    by_theme[theme].append((m.start(), text[m.start() : m.end()]))
        result = []
        for theme_id in self.codebook.ids:
            if theme_id in by_theme:
                words: list[str] = []
                for _, word in sorted(by_theme[theme_id]):
                    if word not in words and not any(word in w for w in words):
                        words.append(word)
                result.append((theme_id, "; ".join(words)))
        return result

    def code_full(self, text: str, lang: str = "nb") -> list[tuple[str, str]]:
        """The token-by-token matcher: phrases, patterns, exclusions and evidence spans in full."""
        by_theme: dict[str, list[Match]] = defaultdict(list)
        for match in self.matches(text, lang):
            by_theme[match.theme].append(match)
        result = []
        for theme_id in self.codebook.ids:
            if theme_id in by_theme:
                spans = sorted(by_theme[theme_id], key=lambda m: (m.start, -m.end))
                words: list[str] = []
                for m in spans:
                    if m.text not in words and not any(m.text in w for w in words):
                        words.append(m.text)
                result.append((theme_id, "; ".join(words)))
        return result


def code_segments(
    segments: pd.DataFrame, codebook: Codebook, languages: dict[str, str] | None = None, coder: Coder | None = None
) -> pd.DataFrame:
    """The automatic pass: one row per (sentence, theme), in segment order then codebook order.

    `languages` maps meeting_id to 'nb' or 'nn', so a Nynorsk meeting is lemmatised as Nynorsk.
    """
    coder = coder or Coder(codebook)
    languages = languages or {}
    rows = [
        {"segment_id": sid, "theme": theme, "evidence": evidence, "source": "auto", "coder": "", "note": ""}
        for sid, meeting_id, text in zip(segments["segment_id"], segments["meeting_id"], segments["text"], strict=True)
        for theme, evidence in coder.code(text, languages.get(meeting_id, "nb"))
    ]
    return pd.DataFrame(rows, columns=CODE_COLUMNS)


def themes_by_segment(codes: pd.DataFrame, segment_ids: Iterable[str]) -> dict[str, set[str]]:
    grouped: dict[str, set[str]] = {sid: set() for sid in segment_ids}
    for sid, theme in zip(codes["segment_id"], codes["theme"], strict=True):
        if sid in grouped:
            grouped[sid].add(theme)
    return grouped
