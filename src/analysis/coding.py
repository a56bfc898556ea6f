"""Code sentences into codebook themes, keeping the words that matched as evidence.

Word-level patterns are resolved once per distinct word form (set lookups
and a cached prefix/suffix check), phrases by walking lemma n-grams from an
index on their first lemma, and only the few regular expressions run over the
sentence text. An excluded span removes the matches inside it, so a known
false hit can be switched off without losing the rest of the sentence.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from analysis.codebook import Codebook
from analysis.norwegian import Token, lemma_sequence, tokenize, word_matches

CODE_COLUMNS = ["segment_id", "theme", "evidence", "source", "coder", "note"]


@dataclass(frozen=True)
class Match:
    theme: str
    start: int
    end: int
    text: str


class Coder:
    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self._form_cache: dict[tuple[str, str], tuple[str, ...]] = {}
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

    def code(self, text: str, lang: str = "nb") -> list[tuple[str, str]]:
        """(theme, evidence) pairs in codebook order; evidence is the matched words as written."""
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


def code_segments(segments: pd.DataFrame, codebook: Codebook, languages: dict[str, str] | None = None) -> pd.DataFrame:
    """The automatic pass: one row per (sentence, theme), in segment order then codebook order.

    `languages` maps meeting_id to 'nb' or 'nn', so a Nynorsk meeting is lemmatised as Nynorsk.
    """
    coder = Coder(codebook)
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
