"""The words minutes use about people: titles, pronouns, and verbs of saying, from `data/layout.yml`.

The header parser reads roles from here, speaker attribution reads all
three, and the topic models leave the reporting verbs out of their terms
(every minute says "understreket" and "påpekte"; no topic is made of them).
One list each, in the layout file a researcher edits, so a word added there
reaches every stage.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from analysis.language.layout import layout

# Longest first, so "Politisk rådgiver" wins over "Rådgiver".
ROLES = tuple(sorted(layout().roles, key=len, reverse=True))
PRONOUNS = layout().pronouns
# Pronouns a clause opens with as its subject (Bokmål and Nynorsk): after one and a verb, a name is the verb's
# object ("Vi savnet Marianne …", "Han takket Kari …"), never its subject as after an adverb ("Så sa Kari …").
SUBJECT_PRONOUNS = frozenset({"jeg", "eg", "du", "vi", "me", "de", "dei", "dere", *PRONOUNS})
FIRST_PERSON = layout().first_person
PHOTO_CREDITS = layout().photo_credits
# The credit labels as a pattern, capitalised or not, longest first ("Fotograf" before "Foto").
PHOTO_CREDIT_LABEL = "(?:{})".format(
    "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in sorted(PHOTO_CREDITS, key=len, reverse=True))
)
REPORTING_LEMMAS = layout().speech_verbs


@dataclass(frozen=True)
class Phrases:
    """Phrases of a few words ('var til stede', 'fra salen'), found among a sentence's tokens by lookup.

    Attribution asks of every sentence whether it holds one; a set lookup of its words answers most sentences in C,
    where a pattern per phrase would search each sentence's text. Words are compared case-folded; a word in mixed
    case ('MØtte') is not looked for.
    """

    by_first: dict[str, tuple[tuple[str, ...], ...]]  # each phrase as its words, under its first word
    first_forms: frozenset[str]  # first words as a sentence writes them: "møtte", "Møtte", "MØTTE"
    last_forms: frozenset[str]
    longest: int

    @classmethod
    def of(cls, phrases: Iterable[str]) -> "Phrases":
        split = sorted({tuple(phrase.casefold().split()) for phrase in phrases if phrase.strip()})
        by_first: dict[str, tuple[tuple[str, ...], ...]] = {}
        for words in split:
            by_first[words[0]] = (*by_first.get(words[0], ()), words)
        return cls(
            by_first, _written(w[0] for w in split), _written(w[-1] for w in split), max(map(len, split), default=0)
        )

    def starts_at(self, words: list[str], position: int) -> bool:
        """Whether a phrase starts at `position` of these case-folded words."""
        return any(tuple(words[position : position + len(p)]) == p for p in self.by_first.get(words[position], ()))

    def in_tokens(self, tokens: list[str]) -> bool:
        """Whether any phrase stands among a sentence's tokens."""
        if self.last_forms.isdisjoint(tokens):
            return False  # most sentences end here
        words = [token.casefold() for token in tokens]
        return any(self.starts_at(words, k) for k in range(len(words)))


def _written(words: Iterable[str]) -> frozenset[str]:
    return frozenset(form for word in words for form in (word, word.capitalize(), word.upper()))


# Who was there or left ("var til stede", "fratrådte møtet"); who left, said even of a named subject.
PRESENCE_PHRASES = Phrases.of((*layout().attendance_phrases, *layout().leaving_phrases))
LEAVING_PHRASES = Phrases.of(layout().leaving_phrases)
FLOOR_PHRASES = Phrases.of(layout().floor_phrases)
