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
  Innvandrernes landsorganisasjon"), an office named by its field
  ("integreringsminister"), and an organisation word with what it is for or
  whose it is ("Forum mot barnefattigdom", "rådet for personer med
  funksjonsnedsettelse", "Rusmisbrukernes interesseorganisasjon"), the
  organisation words being listed in the codebook (`organisation_words`).

The mask keeps every other character where it was, so the evidence a code
carries is the sentence's own words. Only the coder sees masked text; the
tables keep the sentence as written.
"""

import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from analysis.base.config import REGISTER_PATH
from analysis.coding.codebook import Codebook
from analysis.coding.organisations import load_register

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
_MIN_NAME = 3  # shorter written names ("Ny", initials) would mask ordinary words


def _name_after_first(match: re.Match[str]) -> str:
    """A capitalised run at the start of a sentence may begin with an ordinary word ("Statsråd Gjelsvik
    inviterer"): there the first word stays."""
    if match.string[: match.start()].strip(" -–«\"'*#"):
        return MASK
    first = match.group(0).split()[0]
    return f"{first} {MASK}"


def _alternation(names: Iterable[str]) -> str:
    """Longest first, so "Mental Helse Ungdom" is hidden whole before "Mental Helse".

    Names of equal length are in alphabetical order, so the pattern (and the
    digest the codes are cached under) is the same in every process, whatever
    Python's string-hash seed; before, each build missed the cache.
    """
    escaped = {re.escape(" ".join(n.split())) for n in names if len(n.strip()) >= _MIN_NAME}
    return "|".join(name.replace(r"\ ", r"\s+") for name in sorted(escaped, key=lambda name: (-len(name), name)))


class NameMask:
    """Replaces names in sentences before they are coded; the register's and the layout's names are compiled once."""

    def __init__(
        self, organisation_words: Iterable[str] = (), register_names: Iterable[str] = (), *, enabled: bool = True
    ) -> None:
        self.enabled = enabled
        words = "|".join(sorted(map(re.escape, organisation_words), key=len, reverse=True))
        # a word ending in an organisation word, then what it is for: "for", "mot" or "til" and a lower-case word,
        # continued by "og", "med" or "i" and another ("for personer med funksjonsnedsettelse")
        # what it is for ends where another organisation begins ("råd for eldre og råd for personer med …")
        run = rf"\s+\w+(?:\s+(?:og|med|i|av)\s+(?!(?i:{words})\b)[{_LOWER}]+)*"
        organisation = rf"\w*(?i:{words})\s+(?:for|mot){run}" if words else ""
        # a genitive before an organisation word: "Rusmisbrukernes interesseorganisasjon"
        genitive = rf"[{_UPPER}]\w+s\s+\w*(?:{words})\w*" if words else ""
        register = _alternation(register_names)
        named = (register and f"(?i:{register})", _ACRONYM_NAME, _OFFICE, organisation, genitive)
        parts = [p for p in named if p]
        self._fixed = re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)") if parts else None
        self._capitalised = re.compile(rf"(?<!\w){_CAPITALISED_RUN}(?!\w)")
        # codes are cached under this: a change to the register or the organisation words recodes
        self.digest = hashlib.sha256(f"{enabled}\0{self._fixed and self._fixed.pattern}".encode()).hexdigest()[:16]

    def names_in(self, names: Iterable[str]) -> re.Pattern[str] | None:
        """A document's own names as one pattern, case as written (None when it names nobody).

        Case counts: "Integrering" in a list of organisations does not hide
        the word "integrering" in a sentence.
        """
        alternation = _alternation(names)
        return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)") if alternation else None

    def mask(self, texts: Sequence[str], names: Iterable[str] = ()) -> list[str]:
        """The sentences with every name replaced by MASK (all of them as they are when masking is off)."""
        if not self.enabled:
            return list(texts)
        own = self.names_in(names)
        masked = []
        for text in texts:
            if own is not None:
                text = own.sub(MASK, text)
            if self._fixed is not None:
                text = self._fixed.sub(MASK, text)
            text = self._capitalised.sub(_name_after_first, text)
            masked.append(text)
        return masked


def name_mask(codebook: Codebook, register_path: Path = REGISTER_PATH) -> NameMask:
    """The mask the build uses: the codebook's organisation words and the register's names."""
    return NameMask(codebook.organisation_words, load_register(register_path).aliases())
