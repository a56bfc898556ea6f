"""Hide names from the coder: a sentence that only names an organisation is not about that organisation's field.

"Forum mot barnefattigdom møtte statsråden" is about a meeting, not about
poverty; "Rusmisbrukernes interesseorganisasjon" in a list of attendees is
not about substance use. The coding specification says such a sentence is
not coded for the name's field, so before coding, three kinds of names are
replaced by a neutral word:

- the names the document itself gives: its attendees, their organisations and
  its speakers;
- the organisation register's names and aliases (`data/organisations.csv`);
- names the text marks as names: two or more capitalised words in a row
  ("Mental Helse", "Kirkens Bymisjon"), an acronym spelled out ("INLO -
  Innvandrernes landsorganisasjon") or glossing an organisation's name
  ("Funksjonshemmedes fellesorganisasjon (FFO)"; a programme glossed the same
  way, "Kvalifiseringsprogrammet (KVP)", is kept), an office named by its field
  ("integreringsminister"), and an organisation word with what it is for or
  whose it is ("Forum mot barnefattigdom", "rådet for personer med
  funksjonsnedsettelse", "Rusmisbrukernes interesseorganisasjon"), the
  organisation words being listed in the codebook (`organisation_words`).

A web address is hidden too: a page's address is where the text points, not what it says
("…/regjeringa-set-ned-ekspertgruppe-for-barn-i-fattige-familiar/" would code poverty).

The mask keeps every other character where it was, so the evidence a code
carries is the sentence's own words. Only the coder sees masked text; the
tables keep the sentence as written.
"""

import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import ahocorasick

from analysis.base.config import REGISTER_PATH
from analysis.coding.codebook import Codebook
from analysis.coding.organisations import load_register
from analysis.coding.patterns import UNSAFE_CASE
from analysis.language.norwegian import STOP_WORDS
from analysis.language.screen import WordBits

# what a name becomes: letters (so a phrase cannot run across it) that no codebook pattern reaches
MASK = "Xqx"
_UPPER = "A-ZÆØÅÄÖÜÉ"
_LOWER = "a-zæøåäöüéèóôáà"
# a capitalised word (not an acronym), and a run of two or more of them, "og"/"for"/"i" allowed between
_CAPITALISED = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}{_LOWER}]+)*"
_CAPITALISED_RUN = rf"{_CAPITALISED}(?:\s+(?:(?:og|for|i|mot|av|&)\s+)?{_CAPITALISED})+"
# an office named by its field, with the fields it shares the office with ("arbeids- og integreringsminister",
# "Barne-, likestillings- og inkluderingsdepartementet"); the prime minister's and a minister's titles carry none
_OFFICE = (
    rf"(?:[{_UPPER}{_LOWER}]+-,?\s+)*(?:[{_UPPER}{_LOWER}]+-\s+og\s+)?"
    rf"(?!(?i:stats))[{_UPPER}{_LOWER}]{{3,}}(?:minister|ministeren|departement|departementet|direktorat|direktoratet)"
)
# an acronym with its name spelled out, as organisations are listed: "INLO - Innvandrernes landsorganisasjon"
_ACRONYM_NAME = rf"[{_UPPER}]{{2,}}\s+[-–]\s+[{_UPPER}][^,;.()\n]*"
# an acronym in brackets after the name it abbreviates: "Samarbeidsforumet av funksjonshemmedes organisasjoner (SAFO)";
# at least two capitals, so a party's short name after a person's ("(Sp)") is left alone
_GLOSS = re.compile(rf"\((?P<acronym>(?=(?:[{_LOWER}]*[{_UPPER}]){{2}})[{_UPPER}][{_UPPER}{_LOWER}]{{1,7}})\)")
MAX_GLOSSED_WORDS = 8  # as many words as a name takes ("Landsforbundet for utviklingshemmede og pårørende")
_CLAUSE_ENDS = tuple(',;:.!?»«"•')
_MIN_NAME = 3  # shorter written names ("Ny", initials) would mask ordinary words
# a web address: a scheme or "www.", up to the next space (a full stop or bracket closing the sentence left out)
_ADDRESS = re.compile(r"(?:\b[a-z][a-z+.-]*://|\bwww\.)\S*[^\s.,;:!?)\]»”\"']")


def _name_after_first(match: re.Match[str]) -> str:
    """A capitalised run at the start of a sentence may begin with an ordinary word ("Statsråd Gjelsvik
    inviterer"): there the first word stays."""
    if match.string[: match.start()].strip(" -–«\"'*#"):
        return MASK
    first = match.group(0).split()[0]
    return f"{first} {MASK}"


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether the words, from the first, hold the acronym's letters in order, and no more words than it has
    letters besides function words: "Norsk forbund for Utviklingshemmede" spells NFU, "Arbeids- og velferdsetaten"
    does not spell NAV, and "Kommunen har ansvar for arbeidet (KS)" is a clause with its source, not a name."""
    letters = iter(" ".join(words).casefold())
    return (
        words[0][:1].casefold() == acronym[:1].casefold()
        and sum(word.casefold() not in STOP_WORDS for word in words) <= len(acronym)
        and all(c in letters for c in acronym.casefold())
    )


def _names_a_body(words: list[str], organisation_words: tuple[str, ...]) -> bool:
    """Whether a word ends in an organisation word, singular or plural ("fellesorganisasjon", "landsråd",
    "organisasjoner"): a programme or a benefit glossed the same way ("Kvalifiseringsprogrammet (KVP)",
    "Arbeidsavklaringspenger (AAP)") is what a sentence is about, not a name."""
    return any(word.casefold().strip(",.").removesuffix("er").endswith(organisation_words) for word in words)


def _glossed_start(text: str, end: int, acronym: str, organisation_words: tuple[str, ...]) -> int | None:
    """Where the organisation's name the acronym glosses begins: the nearest capitalised word of the clause before
    it, at most MAX_GLOSSED_WORDS back, from which the words spell the acronym and name a body (None where none
    does)."""
    spans = [m.span() for m in re.finditer(r"\S+", text[:end])][-MAX_GLOSSED_WORDS:]
    for k in range(len(spans) - 1, -1, -1):
        word = text[spans[k][0] : spans[k][1]]
        if k < len(spans) - 1 and word.endswith(_CLAUSE_ENDS) and not word.endswith("-,"):
            return None  # the clause ended: "… kommune, Norsk …" is where a listed name may begin, not before
        if not any(c.isalpha() for c in word):
            return None  # a bullet or a dash between list entries
        words = [text[a:b] for a, b in spans[k:]]
        if word[:1].isupper() and _spells(acronym, words) and _names_a_body(words, organisation_words):
            return spans[k][0]
    return None


def _unglossed(text: str, organisation_words: tuple[str, ...]) -> str:
    """The text with each glossed organisation's name and its acronym hidden: "Funksjonshemmedes fellesorganisasjon
    (FFO)" → MASK."""
    for match in reversed(list(_GLOSS.finditer(text))):
        start = _glossed_start(text, match.start(), match["acronym"], organisation_words)
        if start is not None:
            text = text[:start] + MASK + text[match.end() :]
    return text


def _hidden(names: Iterable[str]) -> set[str]:
    """The names a mask hides, white space made single: those of at least _MIN_NAME characters."""
    return {" ".join(name.split()) for name in names if len(name.strip()) >= _MIN_NAME}


def _alternation(names: Iterable[str]) -> str:
    """Longest first, so "Mental Helse Ungdom" is hidden whole before "Mental Helse".

    Names of equal length are in alphabetical order, so the pattern (and the
    digest the codes are cached under) is the same in every process, whatever
    Python's string-hash seed; before, each build missed the cache.
    """
    escaped = {re.escape(name) for name in _hidden(names)}
    return "|".join(name.replace(r"\ ", r"\s+") for name in sorted(escaped, key=lambda name: (-len(name), name)))


# The fixed names' expression has five branches; each needs a word (lower-cased) that the screen finds in one pass
REGISTER, ACRONYM, OFFICE, ORGANISATION, GENITIVE = 1, 2, 4, 8, 16
EVERY_BRANCH = REGISTER | ACRONYM | OFFICE | ORGANISATION | GENITIVE
_OFFICE_WORDS = ("minister", "departement", "direktorat")
_SPACED_DASH = re.compile(r"\s[-–]\s")  # what a spelled-out acronym needs
_SPACE_CAPITAL = re.compile(rf"\s[{_UPPER}]")  # what a run of capitalised words needs
_FOR_OR_AGAINST = re.compile(r"\s(?:for|mot)\s")  # what an organisation named by its purpose needs besides its word


def _screen(organisation_words: Iterable[str], register_names: Iterable[str]) -> WordBits:
    """Words, each with the branches that need it.

    A register name needs its longest word (its case folds like `str.lower`
    except for the characters `UNSAFE_CASE` marks, which bypass the screen);
    the organisation and genitive forms end in an organisation word; an
    office ends in an office word.
    """
    needs: dict[str, int] = {}
    for name in sorted(_hidden(register_names)):
        word = max(name.split(), key=len).lower()
        needs[word] = needs.get(word, 0) | REGISTER
    for word in organisation_words:
        needs[word.lower()] = needs.get(word.lower(), 0) | ORGANISATION | GENITIVE
    for word in _OFFICE_WORDS:
        needs[word] = needs.get(word, 0) | OFFICE
    return WordBits(needs)


def _first_words(names: Iterable[str]) -> ahocorasick.Automaton:
    """The first word of each name `names_in` hides, as written: a sentence without any cannot hold one of them."""
    automaton = ahocorasick.Automaton()
    for word in sorted({name.split()[0] for name in _hidden(names)}):
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


class NameMask:
    """Replaces names in sentences before they are coded; the register's and the layout's names are compiled once."""

    def __init__(
        self, organisation_words: Iterable[str] = (), register_names: Iterable[str] = (), *, enabled: bool = True
    ) -> None:
        self.enabled = enabled
        self._bodies = tuple(sorted(word.casefold() for word in organisation_words))  # what a glossed name ends in
        words = "|".join(sorted(map(re.escape, organisation_words), key=len, reverse=True))
        # a word ending in an organisation word, then what it is for: "for", "mot" or "til" and a lower-case word,
        # continued by "og", "med" or "i" and another ("for personer med funksjonsnedsettelse")
        # what it is for ends where another organisation begins ("råd for eldre og råd for personer med …")
        run = rf"\s+\w+(?:\s+(?:og|med|i|av)\s+(?!(?i:{words})\b)[{_LOWER}]+)*"
        organisation = rf"\w*(?i:{words})\s+(?:for|mot){run}" if words else ""
        # a genitive before an organisation word: "Rusmisbrukernes interesseorganisasjon"
        genitive = rf"[{_UPPER}]\w+s\s+\w*(?:{words})\w*" if words else ""
        register = _alternation(register_names)
        named = (
            (REGISTER, register and f"(?i:{register})"),
            (ACRONYM, _ACRONYM_NAME),
            (OFFICE, _OFFICE),
            (ORGANISATION, organisation),
            (GENITIVE, genitive),
        )
        self._parts = [(branch, p) for branch, p in named if p]
        self._fixed = self._expression(EVERY_BRANCH) if self._parts else None
        self._screen = _screen(organisation_words, register_names)
        self._by_branches: dict[int, re.Pattern[str] | None] = {EVERY_BRANCH: self._fixed, 0: None}
        self._capitalised = re.compile(rf"(?<!\w){_CAPITALISED_RUN}(?!\w)")
        # codes are cached under this: a change to the register or the organisation words recodes
        fixed = self._fixed and self._fixed.pattern
        glossed = f"{_GLOSS.pattern}\0{'|'.join(self._bodies)}"
        self.digest = hashlib.sha256(f"{enabled}\0{fixed}\0{glossed}".encode()).hexdigest()[:16]

    def names_in(self, names: Iterable[str]) -> re.Pattern[str] | None:
        """A document's own names as one pattern, case as written (None when it names nobody).

        Case counts: "Integrering" in a list of organisations does not hide
        the word "integrering" in a sentence.
        """
        alternation = _alternation(names)
        return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)") if alternation else None

    def _expression(self, branches: int) -> re.Pattern[str] | None:
        """The names' expression with only these branches: where the others cannot match, it matches the same."""
        parts = [p for branch, p in self._parts if branch & branches]
        return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)") if parts else None

    def _for(self, text: str) -> re.Pattern[str] | None:
        """The expression for this sentence: the branches whose words occur in it (None when no branch can match)."""
        if UNSAFE_CASE.search(text):
            return self._fixed
        dashed = ("-" in text or "–" in text) and _SPACED_DASH.search(text)  # most sentences hold no dash at all
        branches = ACRONYM if dashed else 0
        branches |= self._screen.bits_in(text.lower())
        if branches & ORGANISATION and not _FOR_OR_AGAINST.search(text):
            branches &= ~ORGANISATION
        if branches not in self._by_branches:
            self._by_branches[branches] = self._expression(branches)
        return self._by_branches[branches]

    def mask(self, texts: Sequence[str], names: Iterable[str] = (), *, screen: bool = True) -> list[str]:
        """The sentences with every name replaced by MASK (all of them as they are when masking is off).

        The register's names, offices, spelled-out acronyms and organisation
        words are one expression of five branches, slow to run on every
        sentence. A sentence meets only the branches whose words occur in it
        (found for all of them in one pass); a branch that cannot match changes
        nothing, so the result is the same. Likewise the document's own names
        run only where one of their first words occurs.
        `screen=False` runs it on every sentence: the reference the tests hold
        the screened result to.
        """
        if not self.enabled:
            return list(texts)
        names = list(names)
        own = self.names_in(names)
        firsts = _first_words(names) if own is not None and screen else None
        masked = []
        for text in texts:
            if "://" in text or "www." in text:
                text = _ADDRESS.sub(MASK, text)
            if "(" in text and self._bodies:
                text = _unglossed(text, self._bodies)
            if own is not None and (firsts is None or next(firsts.iter(text), None) is not None):
                text = own.sub(MASK, text)
            fixed = self._for(text) if screen else self._fixed
            if fixed is not None:
                text = fixed.sub(MASK, text)
            if not screen or _SPACE_CAPITAL.search(text):  # a run's second word follows a space
                text = self._capitalised.sub(_name_after_first, text)
            masked.append(text)
        return masked


def name_mask(codebook: Codebook, register_path: Path = REGISTER_PATH) -> NameMask:
    """The mask the build uses: the codebook's organisation words and the register's names."""
    return NameMask(codebook.organisation_words, load_register(register_path).aliases())
