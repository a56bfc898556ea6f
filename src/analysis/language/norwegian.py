"""Norwegian word handling shared by coding and topic models: tokens, lemmas, stop words.

Lemmas come from simplemma's Bokmål dictionary (measured on our corpus: 91 %
of word types are in it; the rest are names and compounds, which the codebook
reaches with prefixes). Each distinct word form is lemmatised once and cached,
so coding cost grows with the vocabulary, not with the text.
"""

import re
from functools import lru_cache

import simplemma
from simplemma.language_detector import LanguageDetector
from simplemma.strategies import DefaultStrategy, LemmatizationStrategy
from simplemma.token_sampler import MostCommonTokenSampler, RelaxedMostCommonTokenSampler
from stop_words import get_stop_words

LANGUAGE = "nb"
LANGUAGES = ("nb", "nn")
# simplemma tries these dictionaries in order: Nynorsk text falls back to Bokmål for words it lacks;
# "nb+nn" is for words that may come in either (the verbs of saying): Bokmål first, then Nynorsk.
_DICTIONARIES = {"nb": "nb", "nn": ("nn", "nb"), "nb+nn": ("nb", "nn")}
# The letters of names, for character classes: Norwegian ones and those of names from other languages written
# in Latin letters ("Ismail Özkan", "Ana Šimić", "Zoë Dubois"), capital and small.
CAPITALS = "A-ZÆØÅÀ-ÖØ-ÞĆČĐŁŃŚŠŹŻŽ"
SMALL = "a-zæøåß-öø-ÿćčđłńśšźżž"
# The second part of a double first name cut short, with its hyphen ("Anne-Cath.", "Hans-Chr.", "Karl-Fr."): a
# capital, at most three letters more, the last a consonant, so a whole name ("Anne-Mari.") ends a sentence.
SHORT_DOUBLE = rf"-[{CAPITALS}][{SMALL}]{{0,2}}[bcdfghjklmnpqrstvwxz]\."
# a word, a hyphenated one whole ("NAV-tiltakene"); and the letter runs phrases and topic terms are made of
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
LETTER_RUN = re.compile(r"[^\W\d_]+")
STOP_WORDS: frozenset[str] = frozenset(get_stop_words("norwegian"))


@lru_cache(maxsize=1 << 18)
def lemma(form: str, lang: str = LANGUAGE) -> str:
    """The lemma of a word form in `lang` (nb, nn or nb+nn), lower-cased; unknown words come back as they are."""
    return simplemma.lemmatize(form.lower(), lang=_DICTIONARIES[lang]).lower() if form else ""


@lru_cache(maxsize=1 << 16)
def known_in(form: str, lang: str) -> bool:
    """Whether simplemma's dictionary of `lang` ('nb', 'nn') has the word form as written."""
    return simplemma.is_known(form, lang=lang)


def known_word(form: str) -> bool:
    """Whether the Bokmål or the Nynorsk dictionary has the word form: a name mostly is in neither ('Tordis'), a
    common noun, a title or an adverb is ('Kasserer', 'Rektor', 'Deretter')."""
    folded = form.lower()
    return known_in(folded, "nb") or known_in(folded, "nn")


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


_BRACKETED = re.compile(r"\([^()]*\)")
_MASKED = re.compile(r"\x00(\d+)\x00")


def split_enumeration(text: str, *, ampersand: bool = False) -> list[str]:
    """'A (Arbeids- og sosialdepartementet), B og C' → three parts: never split inside '(…)'.

    Splits at commas and at 'og' (and at '&' when `ampersand`), a comma before
    'og' counting once ("A, B, og C"), but not in a suspended compound
    ("Arbeids- og sosialdepartementet" is one name).
    """
    groups: list[str] = []

    def hide(match: re.Match[str]) -> str:
        groups.append(match[0])
        return f"\x00{len(groups) - 1}\x00"

    masked = _BRACKETED.sub(hide, text)
    separators = r",\s*(?:og\s+)?|(?<!-)\s+og\s+" + (r"|\s*&\s*" if ampersand else "")
    parts = re.split(separators, masked)
    return [_MASKED.sub(lambda m: groups[int(m[1])], p).strip() for p in parts if p.strip()]


def lemmatize_phrase(phrase: str) -> tuple[tuple[str, str], ...]:
    """Each word of a phrase as (lemma, written form), so either may match a token."""
    return tuple((lemma(word), word.lower()) for word in WORD.findall(phrase))


# A phrase word also matches a longer written form it is the stem of ("kontakt" in "kontakter", which the
# lemmatiser reads as the verb "kontakte"), from five letters on, so that short words ("på", "i") stay exact.
MIN_STEM = 5
