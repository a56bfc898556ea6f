"""Split Norwegian paragraphs into sentences without breaking at abbreviations or dates.

simplemma's splitter does the work and already keeps "5 pst. av" or
"6. desember" together when a lower-case word follows. It has no Norwegian
abbreviation list, so a sentence cut after an abbreviation that never ends a
sentence ("som f.eks. Bydelsmødrene") is glued back here.
"""

import re

import simplemma

from analysis.language.layout import layout
from analysis.language.norwegian import CAPITALS, SHORT_DOUBLE, SMALL

# Abbreviations that stand before what they qualify, so they cannot close a sentence.
# ("mv.", "osv." and "m.m." often do close one and are left to the splitter.)
NON_FINAL_ABBREVIATIONS = frozenset(
    "f.eks bl.a mill mrd pst ca jf jfr dvs nr kl iht ift evt ev inkl ekskl vs dr prof "
    "st.meld prop mht vedr ang tlf ref kap pkt "
    "meld st innst st.prp ot.prp".split()  # a document of the Storting by its number: "Meld. St. 45 (2012–2013)"
)
_LAST_TOKEN = re.compile(r"(\S+)\.$")
# simplemma keeps a one-letter word and its full stop with what follows, as it should an initial ("Harald M.
# Kvame"); a lower-case one is a word ending a sentence ("… vi går inn i. Kompetanse er …")
_AFTER_SHORT_WORD = re.compile(r"(?<=\s[a-zæøå]\.)\s+(?=[A-ZÆØÅ])")
# A double first name cut short ("Anne-Cath. Grimstad", "Hans-Chr. Holm") goes on with the surname.
_SHORT_DOUBLE_NAME = re.compile(rf"(?P<first>[{CAPITALS}][{SMALL}]+){SHORT_DOUBLE}")
# A line break before a capital, a digit or a list mark is a hard break (a list, an agenda); before a
# lower-case word it is a soft wrap inside a sentence.
_HARD_BREAK = re.compile(r"(?<![-,;])\n(?=\s*(?:[-*•–]\s|[A-ZÆØÅÄÖÜÉ0-9«\"“]))")


def _ends_with_non_final_abbreviation(sentence: str) -> bool:
    """Whether the sentence's last word, up to its closing full stop, is a NON_FINAL_ABBREVIATION.

    What `_LAST_TOKEN.search` finds, without a regular expression that tries
    every position of the sentence: a tenth of the splitting time.
    """
    text = sentence.removesuffix("\n")  # `$` matches before a final line break too
    if not text.endswith(".") or len(text) < 2 or text[-2].isspace():
        return False
    last = text[:-1].rsplit(None, 1)[-1]
    return last.lstrip('("«“”').lower() in NON_FINAL_ABBREVIATIONS


def _ends_with_short_double_name(sentence: str) -> bool:
    """'… Lars Erik Wallin, Anne-Cath.': the last word a double first name cut short, its surname to come; its
    first part is a common first name (`first_names`), so 'Nord-Norge.' ends a sentence."""
    text = sentence.rstrip()
    if not text.endswith(".") or "-" not in text:
        return False
    match = _SHORT_DOUBLE_NAME.fullmatch(text.rsplit(None, 1)[-1])
    return match is not None and match["first"].casefold() in layout().first_names


def split_sentences(paragraph: str, lang: str = "nb") -> list[str]:
    # the two splits below need a line break and a ". " (lines have single spaces): most text has neither
    lines = [" ".join(line.split()) for line in (_HARD_BREAK.split(paragraph) if "\n" in paragraph else [paragraph])]
    pieces = [
        part
        for line in lines
        if line
        for piece in simplemma.split_sentences(line, lang=lang)
        for part in (_AFTER_SHORT_WORD.split(piece) if ". " in piece else [piece])
    ]
    sentences: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if sentences and (
            _ends_with_non_final_abbreviation(sentences[-1])
            or piece[:1].islower()
            or (piece[:1].isupper() and _ends_with_short_double_name(sentences[-1]))
        ):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences
