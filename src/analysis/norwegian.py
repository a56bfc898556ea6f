"""Norwegian word handling shared by coding and topic models: tokens, lemmas, stop words.

Lemmas come from simplemma's Bokmål dictionary (measured on our corpus: 91 %
of word types are in it; the rest are names and compounds, which the codebook
reaches with prefixes). Each distinct word form is lemmatised once and cached,
so coding cost grows with the vocabulary, not with the text.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import simplemma
from simplemma.language_detector import LanguageDetector
from simplemma.strategies import DefaultStrategy, LemmatizationStrategy
from simplemma.token_sampler import MostCommonTokenSampler, RelaxedMostCommonTokenSampler
from stop_words import get_stop_words

LANGUAGE = "nb"
LANGUAGES = ("nb", "nn")
# simplemma tries these dictionaries in order: Nynorsk text falls back to Bokmål for words it lacks
_DICTIONARIES = {"nb": "nb", "nn": ("nn", "nb")}
# a word, a hyphenated one whole ("NAV-tiltakene"); and the letter runs phrases and topic terms are made of
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
LETTER_RUN = re.compile(r"[^\W\d_]+")
STOP_WORDS: frozenset[str] = frozenset(get_stop_words("norwegian"))


@lru_cache(maxsize=1 << 18)
def lemma(form: str, lang: str = LANGUAGE) -> str:
    """The Bokmål lemma of a word form, lower-cased; unknown words come back as they are."""
    return simplemma.lemmatize(form.lower(), lang=_DICTIONARIES[lang]).lower() if form else ""


class _RememberedLemmas(LemmatizationStrategy):
    """simplemma's default strategy, remembering each answer: the most common words recur in every document."""

    def __init__(self) -> None:
        self._strategy = DefaultStrategy()
        self._answers: dict[tuple[str, str], str | None] = {}

    def get_lemma(self, token: str, lang: str) -> str | None:
        key = (token, lang)
        if key not in self._answers:
            if len(self._answers) > 1 << 18:
                self._answers.clear()
            self._answers[key] = self._strategy.get_lemma(token, lang)
        return self._answers[key]


_DETECTORS = [
    LanguageDetector(LANGUAGES, sampler, _RememberedLemmas())
    for sampler in (MostCommonTokenSampler(), RelaxedMostCommonTokenSampler())
]


def detect_language(text: str) -> str:
    """'nn' when simplemma scores the text as more Nynorsk than Bokmål, else 'nb' (ties and short texts).

    The same procedure as `simplemma.langdetect` (a relaxed sample breaks a
    tie), with the dictionary look-ups remembered across documents.
    """
    for detector in _DETECTORS:
        scores = detector.proportion_in_each_language(text[:20000])
        if scores.get("nn", 0) != scores.get("nb", 0):
            break
    return "nn" if scores.get("nn", 0) > scores.get("nb", 0) else "nb"


@dataclass(frozen=True)
class Token:
    text: str  # as it stands in the sentence
    start: int
    end: int
    lemma: str

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str, lang: str = LANGUAGE) -> list[Token]:
    """Word tokens with their character spans; a hyphenated word also yields its parts.

    "NAV-tiltakene" gives "NAV-tiltakene", "NAV" and "tiltakene", so both the
    compound and its head can be matched.
    """
    tokens: list[Token] = []
    for match in WORD.finditer(text):
        word = match.group(0)
        tokens.append(Token(word, match.start(), match.end(), lemma(word, lang)))
        if "-" in word:
            offset = match.start()
            for part in word.split("-"):
                if part:
                    tokens.append(Token(part, offset, offset + len(part), lemma(part, lang)))
                offset += len(part) + 1
    return tokens


def lemma_sequence(tokens: list[Token]) -> list[Token]:
    """Tokens in reading order for phrase matching: hyphenated words replaced by their parts."""
    sequence: list[Token] = []
    for token in tokens:
        if sequence and sequence[-1].start <= token.start < sequence[-1].end and "-" in sequence[-1].text:
            sequence.pop()  # the hyphenated whole gives way to its parts
        sequence.append(token)
    return sequence


def lemmatize_phrase(phrase: str) -> tuple[tuple[str, str], ...]:
    """Each word of a phrase as (lemma, written form), so either may match a token."""
    return tuple((lemma(word), word.lower()) for word in WORD.findall(phrase))


MIN_STEM = 5


def word_matches(token: Token, word: tuple[str, str]) -> bool:
    """A phrase word matches by lemma, by written form, or as the stem of a longer written form.

    The stem rule covers forms the lemmatiser resolves to another part of
    speech ("kontakter" → the verb "kontakte"); it needs five letters so that
    short words ("på", "i") stay exact.
    """
    word_lemma, written = word
    return (
        token.lemma == word_lemma
        or token.lower == written
        or (len(written) >= MIN_STEM and token.lower.startswith(written))
    )
