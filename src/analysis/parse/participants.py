"""People the text names as taking part, where no attendance list does: news items and minutes written as prose.

Each recogniser is anchored on words the layout file lists, never on a
capitalised run alone (organisation names are capitalised runs too):
- a title before one or more names: "statsråd Robert Eriksson og
  statssekretær Torkil Åmland", "NAV-direktør i Vestfold, Trine Heibø Holm";
- a name next to a verb of saying: "Trine Heibø Holm trakk fram …",
  "…, sa Tor Arne Gangsø";
- an attendance phrase before a list of names: "Fra Kontrollkomiteen møtte
  A, B og C", "Til stede i møtet var både A og B".
Someone only mentioned ("leste et dikt av Arne Garborg") is none of these.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from analysis.base.records import Person, present_by_one_name
from analysis.language.layout import alternation, layout
from analysis.language.norwegian import (
    CAPITALS,
    SHORT_DOUBLE,
    SMALL,
    STOP_WORDS,
    known_word,
    lemma,
    split_enumeration,
)
from analysis.language.screen import WordBits
from analysis.language.wordlists import PRESENCE_PHRASES, SUBJECT_PRONOUNS, Phrases
from analysis.parse.header import (
    TOOK_PART_WORDS,
    is_office_word,
    lone_first_name,
    looks_like_name,
    parse_person,
)

# one name word: an initial ("M."), or a word, a double name perhaps cut short ("Anne-Cath.")
_DOUBLE = rf"(?:{SHORT_DOUBLE}|-[{CAPITALS}][{SMALL}'’]+)"
_W = rf"(?:[{CAPITALS}](?:\.(?:[{CAPITALS}]\.)*|[{SMALL}'’]+{_DOUBLE}?))"
NAME = rf"{_W}(?:[ ]{_W}){{1,4}}"
_INFLECTED = r"(?:mene|mer|ene|ne|en|er|e|n)?"  # sentralstyremedlemmene, rådgiverne, lederen
ROLE = (
    r"(?i:(?<![\w-])(?:"
    + alternation(layout().roles)
    + r"|[\wæøå-]*(?:"
    + alternation(layout().role_suffixes)
    + rf")){_INFLECTED})(?![\wæøå])"
)
# A word with two capitals or more: an acronym ("KS", "IMDi", "NHFU")
_ACRONYM_WORD = r"[A-ZÆØÅ][\wæøå]*[A-ZÆØÅ][\wæøåÆØÅ]*"
# The endings that make a capitalised run an organisation's name (`organisation_endings` in the layout file).
_ORG_ENDINGS = tuple(layout().organisation_endings)
# Capitalised words, the last perhaps a suspended compound completed after "og": "Norges Kvinne- og familieforbund"
_ORG = r"(?:[A-ZÆØÅ][\wæøåÆØÅ-]*(?:\s(?:og\s)?[A-ZÆØÅ][\wæøåÆØÅ-]*){0,3}(?:(?<=-)\s+og\s+[a-zæøå][\wæøå]*)?)"
# A body named the Norwegian way, as coordinated compounds: "Arbeids- og sosialdepartementet",
# "Barne-, ungdoms- og familiedirektoratet". Its last word is lower-case, so where it ends and a
# capitalised name begins is plain without a comma.
COMPOUND_BODY = r"[A-ZÆØÅ][\wæøå]*-,?(?:\s+[\wæøå]+-,?)*\s+og\s+[a-zæøå][\wæøå]*"
# A listed person's own organisation, after "i"/"fra": never joined by "og", which joins the next person.
_OWN_ORG = rf"(?:{COMPOUND_BODY}|[A-ZÆØÅ][\wæøåÆØÅ-]*(?:\s[A-ZÆØÅ][\wæøåÆØÅ-]*){{0,2}})"
_OWN_ORG_AT_END = re.compile(rf"\s+(?:i|fra|frå)\s+(?P<org>{_OWN_ORG})$")
# A title may take an adjective: "juridisk rådgiver Hedvig Ekberg", "politisk rådgiver Morten Bakke".
_ADJECTIVE = r"(?:[a-zæøå]+(?:isk|ig)\s+)"
_PERSON = rf"(?:{_ADJECTIVE}?{ROLE}\s+)?{NAME}(?:\s*\([^)\n]{{1,40}}\))?"
# People joined by commas and "og", each but the last perhaps with an organisation of their own ("statssekretærene
# Dilek Ayhan i NFD, Cecilie Brein-Karlsen i HOD, og Bjørn Haugstad"); one after the last is read after the list,
# and is everyone's where no other names one ("Jan Davidsen og Harald Norman fra Pensjonistforbundet").
_LIST = rf"(?:{_PERSON}(?:\s+(?:i|fra|frå)\s+{_OWN_ORG})?(?:\s*,\s*(?:og\s+)?|\s+og\s+))*{_PERSON}"
# "forbundsleder Harald M. Kvame Hansen", "NAV-direktør i Vestfold, Trine Heibø Holm", "leder Anna Jakobsen",
# "Statssekretær i Arbeids- og sosialdepartementet Kristian Dahlberg Hauge"
# "Styreleder i KS Gunn Marit Helgesen", "generalsekretær i Frivillighet Norge Birgitte Brekke": without a comma, a
# body whose last word is an acronym or ends as an organisation's does, so that the name after it stands apart.
_PLAIN_UNIT = (
    r"(?:[A-ZÆØÅ][\wæøåÆØÅ-]*\s){0,2}(?:(?-i:"
    + _ACRONYM_WORD
    + r")|(?=[A-ZÆØÅ])[\wæøå-]*(?i:"
    + alternation(_ORG_ENDINGS)
    + r"))(?![\wæøå-])"
)
# A word of an office's field: no function word ("er") and no title ("… er professor Kjell …")
_FIELD_WORD = r"(?!(?:" + alternation(STOP_WORDS | {"og"}) + rf")(?![\wæøå-]))(?!{ROLE})[a-zæøå][\wæøå-]*"
TITLED = re.compile(
    rf"(?P<role>{ROLE})(?:\s+(?:i|for|av|fra|frå)\s+"
    rf"(?:(?P<body>{COMPOUND_BODY})|(?P<plain>{_PLAIN_UNIT})|(?P<unit>[^,.;:\n]{{1,60}}?),(?=\s+[A-ZÆØÅ])"
    # "daglig leder i Fafo Tone Fløtten, …": one word, then a name the list's punctuation closes
    rf"|(?P<word>[A-ZÆØÅ][\wæøåÆØÅ-]*)(?=\s+{NAME}(?:\s*[,.;]|\s+og\s|\s*$))"
    # "kommunalsjef for kultur og oppvekst Marianne Mortensen": the office's field in lower case, no body
    rf"|(?P<field>{_FIELD_WORD}(?:,?\s+(?:og\s+)?{_FIELD_WORD}){{0,4}})(?=\s+[A-ZÆØÅ])))?"
    rf"\s+(?P<list>{_LIST})"
)
# The attendance phrases of the layout file, longest first, as one alternation.
_PHRASE_ALTERNATION = alternation(layout().attendance_phrases)
ATTENDING = re.compile(
    r"(?:(?:Fra|Frå)\s+(?P<group>[A-ZÆØÅ][\wæøå-]+)\s+)?(?<![\w-])(?:"
    + _PHRASE_ALTERNATION
    + rf")(?:[^.\n]{{0,80}}?\bvar)?:?\s+(?:både\s+)?(?P<list>{_LIST})"
)
NAMED = re.compile(rf"(?P<name>{NAME})")
# "Tove-Linnea Brandvik – forbundsleder i NHF", "Grete Crowo, rådgiver FFO nasjonalt"
APPOSITION = re.compile(rf"(?P<name>{NAME})\s*[,–-]\s+(?P<role>{ROLE})")
_NOT_NAME_WORDS = (
    frozenset(w.casefold() for labels in layout().labels.values() for label in labels for w in label.split())
    | layout().pronouns
)
_AFTER_ORG = re.compile(rf"^\s*(?:\([^)]*\)\s*)?(?:i|fra|frå|hos)\s+(?P<org>{_ORG})")
_TOKEN = re.compile(r"[\wæøåÆØÅ-]+")
_ROLE_START = re.compile(rf"^(?P<role>{_ADJECTIVE}?{ROLE})\s+")
_BRIDGE = frozenset("også så videre derfor først imidlertid i dag både".split())


def _speaks(word: str) -> bool:
    return lemma(word.casefold(), "nb+nn") in layout().speech_verbs


def shows_there(word: str) -> bool:
    """A verb of saying, or of doing something at the meeting ('leste', 'opna', 'fremførte'): either shows the
    person named beside it there."""
    return lemma(word.casefold(), "nb+nn") in _THERE_VERBS


_THERE_VERBS = layout().speech_verbs | layout().acting_verbs


_AGENT = frozenset({"av", "ved"})
_JOINED = re.compile(r"\s*,?\s+og\s+|\s*,\s*")  # "Kari Lie og Ola Dahl", "Jon Inge Holmøyvik, Dagfinn Lågeide og …"


# Endings a compound talk noun may carry: "åpningsinnlegget", "hovudinnleiinga".
_NOUN_ENDINGS = ("", "et", "en", "a", "ene", "ane", "ar", "er")
_BY = frozenset("av ved fra frå".split())
MAX_TITLE_TOKENS = 4  # words of a title before a name: "sa barne-, likestillings- og inkluderingsminister …"


def is_presentation_noun(word: str) -> bool:
    """'foredrag', 'orienteringen', and a compound ending in one ('inspirasjonsforedrag', 'åpningsinnlegget'):
    `presentation_nouns` in the layout file."""
    return _is_noun_of(word, layout().presentation_nouns)


def _is_noun_of(word: str, nouns: frozenset[str]) -> bool:
    """One of `nouns` in any form, or a compound ending in one ('tilleggsforslaget')."""
    folded = word.casefold()
    if lemma(folded, "nb+nn") in nouns:
        return True
    return any(
        folded.endswith(noun + ending) and len(folded) > len(noun + ending) + 2
        for noun in nouns
        for ending in _NOUN_ENDINGS
    )


MAX_TALK_OBJECT = 3  # words between a verb of giving and its talk noun: "ga en svært omfattende redegjørelse"


_TALK_OR_PROPOSAL = layout().presentation_nouns | layout().proposal_nouns


def _talk_noun_within(words: list[str]) -> bool:
    """A talk or what one puts to the meeting ('ei oppsummering', 'følgende spørsmål') among the next few words."""
    for word in words[: MAX_TALK_OBJECT + 1]:
        if _is_noun_of(word, _TALK_OR_PROPOSAL):
            return True
        if not word.islower():
            return False
    return False


def talk_given(before: list[str], after: list[str]) -> bool:
    """'Kari Lie ga en omfattende redegjørelse', 'Til slutt gjorde Torbjørn Reisæter ei oppsummering', 'Kari Lie
    stilte følgende spørsmål': a verb of giving, holding or putting (`talk_verbs`) right after or right before the
    name, then a talk noun or a proposal noun; `before` and `after` are the words either side of the name."""
    verbs = layout().talk_verbs
    if after and lemma(after[0].casefold(), "nb+nn") in verbs:
        return _talk_noun_within(after[1:])
    return bool(before) and lemma(before[-1].casefold(), "nb+nn") in verbs and _talk_noun_within(after)


def presentation_before(tokens: list[str], start: int) -> bool:
    """'en orientering av leder Anna Jakobsen', 'inspirasjonsforedrag av Harald Norman': the name at `start`
    gives a talk (a talk noun, then av/ved/fra, then at most a title in lower case)."""
    by = start - 1
    while by > 0 and start - by <= MAX_TITLE_TOKENS and tokens[by].islower() and tokens[by].casefold() not in _BY:
        by -= 1
    return by > 0 and tokens[by].casefold() in _BY and is_presentation_noun(tokens[by - 1])


def had_the_turn(words: list[str]) -> bool:
    """'Ord for dagen hadde …', 'Ordet hadde …', 'Foredraget ble holdt av …', 'Ord for dagen vart halde ved …': the
    words of a sentence before a name open with a talk noun or a turn to speak (`turn_nouns`) and a few words of
    its own, then 'hadde'/'har', or a passive and 'av'/'ved': the name gives it."""
    if len(words) >= 4 and words[-1].casefold() in _AGENT and words[-3].casefold() in _PASSIVE:
        opening = words[:-3]
    elif words and words[-1].casefold() in _HAD:
        opening = words[:-1]
    else:
        return False
    return (
        1 <= len(opening) <= MAX_TITLE_TOKENS
        and all(word.islower() for word in opening[1:])
        and (opening[0].casefold() in layout().turn_nouns or is_presentation_noun(opening[0]))
    )


_HAD = frozenset({"hadde", "har"})
_PASSIVE = frozenset({"ble", "blei", "vart"})
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)(?=[A-ZÆØÅ])")


def _is_name(name: str, *, introduced: bool = False) -> bool:
    """Two or more name words whose first is no function word ('Både Eriksson'), none a title, and none with an
    organisation's ending ('Norske Kvinners Sanitetsforening', 'Pensjonistforbundet Andebu').

    An `introduced` name follows a title or an attendance phrase, so it
    cannot be capitalised for opening a sentence: there a first word that is
    also a function word or a label's word is a first name ('direktør Hans
    Christian Holte', 'Dag Iver Sonerud'). A common first name (`first_names`)
    that is also a label's word is a first name anywhere.
    """
    words = name.split()
    # after a title or a roll call "Dag" is a first name, not a label; so is a common first name anywhere
    # ('før Dag Westerheim (VA) snakket om …'; `first_names`)
    checked = words[1:] if introduced or words[0].casefold() in layout().first_names else words
    return (
        len(words) >= 2
        and not any(w.casefold() in _NOT_NAME_WORDS for w in checked)
        and (introduced or words[0].casefold() not in STOP_WORDS)
        and not any(re.fullmatch(ROLE, w) for w in words)
        and not all(w.isupper() for w in words)
        and not any(w.casefold().endswith(_ORG_ENDINGS) for w in words)  # "Pensjonistforbundet Andebu"
    )


def split_title(text: str) -> tuple[str, str]:
    """('forbundsleder', 'Jan Davidsen') from 'forbundsleder Jan Davidsen'; ('', text) without a title."""
    own = _ROLE_START.match(text)
    return (own["role"], text[own.end() :]) if own else ("", text)


def _capitalised(role: str) -> str:
    return role[:1].upper() + role[1:]


def _people_of(listed: str, role: str, organisation: str, *, leading: bool = False) -> list[Person]:
    """The people of a list, each with the organisation named after them or else the list's, and the last title
    before them.

    A `leading` organisation stood before the list, with its first title ("statssekretær i Helse- og
    omsorgsdepartementet A, kulturminister B"): it ends where a name brings a title of its own.
    """
    people = []
    parts = split_enumeration(listed)
    owns = [_OWN_ORG_AT_END.search(part) for part in parts]
    for number, (part, own) in enumerate(zip(parts, owns, strict=True)):
        own_role, name = split_title(re.sub(r"\s*\([^)]*\)$", "", part[: own.start()] if own else part).strip())
        if leading and own_role and number:
            organisation = ""
        role = own_role or role  # a title goes on to the names after it: "hovedstyremedlemmene A, B og C"
        # where some name their own organisation, the one after the list is the last person's only:
        # "statssekretær A i Justisdepartementet og statssekretær B i Helse- og omsorgsdepartementet"
        shared = organisation if not any(owns) or number == len(parts) - 1 else ""
        # a title of one's own compounded with its body names the body: "… og NAV-direktør Sigrun Vågeng"
        shared = _role_owner(own_role) or shared if own_role else shared
        if _is_name(name, introduced=True):
            people.append(Person(name=name, role=_capitalised(role), organisation=own["org"] if own else shared))
    return people


def _organisation_after(text: str, end: int) -> str:
    match = _AFTER_ORG.match(text[end:])
    return match["org"] if match else ""


Hit = tuple[int, Person]  # where in the paragraph, whom
Recogniser = Callable[[str], list[Hit]]  # a paragraph's people of one kind of mention


def _refers_back(role: str) -> bool:
    """'statsråden', 'lederen': a title in the definite singular names someone the text has named already."""
    folded = role.casefold()
    return folded.endswith("en") and not folded.endswith("ene") and bool(re.fullmatch(ROLE, folded[:-2]))


_SUBSTITUTE_MARKERS = tuple(layout().substitute_markers)


def titled(text: str) -> list[Hit]:
    """'statsråd Robert Eriksson og statssekretær Torkil Åmland', 'NAV-direktør i Vestfold, Trine Heibø Holm'.

    'statsråden i debatt med A fra Virke, B …' introduces no B: a title that refers back takes no body before
    the names, so the search goes on after it.
    """
    hits = []
    match = TITLED.search(text)
    while match:
        if match["unit"] and _refers_back(match["role"]):
            match = TITLED.search(text, match.end("role"))
            continue
        if text[: match.start()].rstrip().casefold().endswith(_SUBSTITUTE_MARKERS):
            match = TITLED.search(text, match.end())  # "orienterte på vegne av avdelingsdirektør X": X was not there
            continue
        # a unit before a comma is the organisation when it plainly is one ("generalsekretær i Frivillighet Norge,
        # Tor Lunde"), and may be a place otherwise ("NAV-direktør i Vestfold, Trine Heibø Holm")
        unit = next((u for u in (match["unit"], match["word"]) if u and _plainly_organisation(u)), "")
        after = _organisation_after(text, match.end())
        organisation = (
            after
            or match["body"]
            or match["plain"]
            or _body_as_field(match["field"])
            or _owner(unit)
            or _genitive_before(text, match.start())
            or _role_owner(match["role"])
        )
        listed = _people_of(match["list"], match["role"], organisation, leading=not after)
        hits += [(match.start(), p) for p in listed]
        match = TITLED.search(text, match.end())
    return hits


def _body_as_field(field: str | None) -> str:
    """'eldrerådet' in 'Leder av eldrerådet Rigmor Thokle': one word in lower case after the title that ends as
    an organisation does is the body the office is in, not its field ('kommunalsjef for kultur og oppvekst')."""
    return field if field and " " not in field and _plainly_organisation(field) else ""


# An organisation in the genitive before a title: "Virkes direktør …", "Arbeiderpartiets ordførerkandidat …".
_GENITIVE = re.compile(r"(?<![\wæøåÆØÅ-])(?P<owner>[A-ZÆØÅ][\wæøåÆØÅ-]*?)(?:s|'s|’s)\s+$")
# A unit of an acronym's organisation in the genitive: "FFOs hovedstyre" is FFO's.
_OWNED_UNIT = re.compile(rf"^(?P<owner>{_ACRONYM_WORD})s\s+[a-zæøå]")
# A title compounded with its organisation: "NAV-direktør", "FFO-leder", "Unio-leder".
_ROLE_OWNER = re.compile(r"^(?P<owner>[A-ZÆØÅ][\wæøåÆØÅ]*)-[a-zæøå]")


def _genitive_before(text: str, start: int) -> str:
    """'Virke' in 'Virkes direktør for …, Inger Lise Blyverket'; '' where no capitalised genitive stands before the
    title, or the word is a function word ('Hans leder' is his)."""
    match = _GENITIVE.search(text[max(0, start - WORD_BEFORE) : start])
    if not match or f"{match['owner']}s".casefold() in STOP_WORDS or match["owner"].casefold() in STOP_WORDS:
        return ""
    return match["owner"]


def _owner(organisation: str) -> str:
    """'FFOs hovedstyre' → 'FFO': the organisation a unit belongs to, as comparisons across organisations count it."""
    match = _OWNED_UNIT.match(organisation)
    return match["owner"] if match else organisation


def _role_owner(role: str) -> str:
    """'NAV' from 'NAV-direktør'; '' from a plain title."""
    match = _ROLE_OWNER.match(role)
    return match["owner"] if match else ""


_PHRASES = tuple(phrase.casefold() for phrase in layout().attendance_phrases)
PRESENCE_WINDOW = 12  # words: an attendance phrase this near the start is the sentence's own predicate


def reports_presence(tokens: list[str], phrases: Phrases = PRESENCE_PHRASES) -> bool:
    """'Tolv organisasjoner var til stede på møtet', 'Fra Kontrollkomiteen møtte A og B', 'Per Vik fratrådte
    møtet': the sentence says who was there, came or left, not what anyone said — an attendance or leaving phrase
    among its first words, with no 'at' or 'som' before it
    ('Hun viste til at 40 personer deltok') and no verb of saying in it. Read from the tokens attribution has
    already made; `phrases` narrows the phrases looked for (only leaving, for a sentence with a named subject)."""
    if phrases.first_forms.isdisjoint(tokens[: PRESENCE_WINDOW + 1]):
        return False  # most sentences end here, in one lookup per word and no case folding
    words = [token.casefold() for token in tokens[: PRESENCE_WINDOW + phrases.longest]]
    for position, word in enumerate(words[: PRESENCE_WINDOW + 1]):
        if word in _CLAUSE_OPENERS:
            return False
        if phrases.starts_at(words, position):
            return not any(map(_speaks, tokens))
    return False


_CLAUSE_OPENERS = frozenset({"at", "som"})
_VERB_BE = r"(?:var|ble|er|blir|vart|vert)"
# "NFU var representert ved A og B", "På møtet var LUPE representert ved A, B og C": the people are the body's.
_REPRESENTED_BY = re.compile(
    rf"(?:(?P<before>{_ORG})\s+{_VERB_BE}|{_VERB_BE}\s+(?P<after>{_ORG}))\s+representert\s+(?:ved|av)\s+(?P<list>{_LIST})"
)
# The verbs of having come: "stilte", "møtte", "var til stede" …
_CAME = r"(?:stilte|møtte|deltok|var\s+til\s+stede|var\s+med)"
# "Fagrådet var invitert og var til stede med leder Jan Gunnar Skoftedalen og rådgiver Torhild Kielland", "FFO
# stilte med generalsekretær Liv Arum": the body came with its people (a few words may stand between).
_CAME_WITH = re.compile(rf"(?P<org>{_ORG})\s+(?:[{SMALL}]+\s+){{0,3}}?{_CAME}\s+med\s+(?P<list>{_LIST})")
_CAME_WITH_VERB = re.compile(rf"{_CAME}\s+med\s")
# "statssekretær Karl Kristian Bekeng stilte på vegne av Helse- og omsorgsdepartementet"
_ON_BEHALF = re.compile(
    rf"(?P<name>{NAME})\s+{_CAME}\s+på\s+vegne\s+av\s+"
    rf"(?P<org>{COMPOUND_BODY}|{_ORG})"
)


# A roll call by group after an attendance phrase and a colon: "Følgende møtte: Østfold avdeling: A, B, C. Hedmark
# avdeling: D, E." Each group is the organisation of the names after it.
_GROUP = re.compile(rf"\s*(?P<group>[A-ZÆØÅ][\wæøåÆØÅ-]*(?:\s+[\wæøåÆØÅ-]+){{0,3}}):\s+(?P<list>{_LIST})\s*[.;]?")


def roll_call(text: str) -> list[Hit]:
    """The people of a roll call by group, each with the group's name as organisation."""
    hits: list[Hit] = []
    if ":" not in text:
        return hits
    for phrase in _ATTENDANCE_PHRASE.finditer(text):
        if not text[: phrase.end()].rstrip().endswith(":"):
            continue
        at = phrase.end()
        while (group := _GROUP.match(text, at)) is not None:
            hits += [(group.start(), p) for p in _people_of(group["list"], "", group["group"])]
            at = group.end()
    return hits


def _name_hits(
    pattern: re.Pattern[str], text: str, *groups: str, keep: Callable[[re.Match[str]], bool] | None = None
) -> list[Hit]:
    """The person each match of `pattern` names in the first of `groups` it filled, title left off, where that is
    a name (and `keep` accepts the match)."""
    hits: list[Hit] = []
    for match in pattern.finditer(text):
        _, name = split_title(next((match[group] for group in groups if match[group]), ""))
        if _is_name(name) and (keep is None or keep(match)):
            hits.append((match.start(), Person(name=name)))
    return hits


# "Forhandlingsutvalget ved Are Hilstad informerte om …": a body speaking through a person, who took part.
_SPOKE_FOR = re.compile(rf"[{CAPITALS}][\w-]*\s+ved\s+(?:{ROLE}\s+)?(?P<name>{NAME})\s+(?P<verb>[{SMALL}]+)")


# what each of `represented_by`'s readings needs the text to hold before its pattern is tried
_BY_MARK, _REPRESENTED_MARK, _WITH_MARK, _BEHALF_MARK = " ved ", "representert", " med ", "vegne av"


def represented_by(text: str) -> list[Hit]:
    """People a body was represented by, each with the body; people a body came with ('Fagrådet var til stede med
    leder Jan Gunnar Skoftedalen'), with it; a person who came on a body's behalf, with it; one a body spoke
    through ('Forhandlingsutvalget ved Are Hilstad informerte'), without it: a committee is no organisation."""
    hits: list[Hit] = []
    if _BY_MARK in text:
        hits += _name_hits(_SPOKE_FOR, text, "name", keep=lambda match: _speaks(match["verb"]))
    if _REPRESENTED_MARK in text:
        for match in _REPRESENTED_BY.finditer(text):
            organisation = match["before"] or match["after"]
            hits += [(match.start(), p) for p in _people_of(match["list"], "", organisation)]
    if _WITH_MARK in text and _CAME_WITH_VERB.search(text):  # the whole pattern only where its verb stands
        for match in _CAME_WITH.finditer(text):
            if _plainly_organisation(match["org"]):
                hits += [(match.start(), p) for p in _people_of(match["list"], "", match["org"])]
    if _BEHALF_MARK in text:  # one cheap test: the name pattern is tried only where it can end
        for match in _ON_BEHALF.finditer(text):
            _, name = split_title(match["name"])
            if _is_name(name):
                hits.append((match.start(), Person(name=name, organisation=match["org"])))
    return hits


# "Finn Madsen deltok under sak 1.": a name that took part in this meeting, or part of it; never "deltok på
# konferansen", another event (`took_part_words`, `took_part_parts` in the layout file).
_TOOK_PART = re.compile(
    rf"(?P<name>{NAME})\s+(?:{TOOK_PART_WORDS})"
    rf"(?:\s+(?:under|i|på)\s+(?:{alternation(layout().took_part_parts, spaced=True)})\b"
    r"|\s+(?:fra|frå|til)\s+kl\b|\s*[.,;])"
)


# "Lars Erik Wallin, Anne-Cath. Grimstad og Signe Dahl deltok som sekretærer": people who took part in an office
_TOOK_PART_AS = re.compile(rf"(?P<list>{_LIST})\s+(?:{TOOK_PART_WORDS})\s+som\s+(?=[a-zæøå])")


def attending(text: str) -> list[Hit]:
    """'Fra Kontrollkomiteen møtte A, B og C', 'Til stede i møtet var både A og B', 'Finn Madsen deltok under
    sak 1'."""
    hits: list[Hit] = []
    folded = text.casefold()
    if not any(phrase in folded for phrase in _PHRASES):
        return hits  # no attendance phrase at all: skip the pattern, which tries every position
    for match in ATTENDING.finditer(text):
        organisation = match["group"] or _organisation_after(text, match.end())
        hits += [(match.start(), p) for p in _people_of(match["list"], "", organisation)]
    took_part_as = [
        (match.start(), person)
        for match in (_TOOK_PART_AS.finditer(text) if " som " in text else ())  # the list pattern only where it can end
        for person in _people_of(match["list"], "", "")
        if _is_name(person.name)
    ]
    return hits + _name_hits(_TOOK_PART, text, "name") + took_part_as


# "Saksansvarlig: Bente Smedbråten, for Helsetilsynet": a line naming who is responsible for the case in hand
# (`responsible_labels`), who presents it at the meeting.
_RESPONSIBLE_LINE = re.compile(
    rf"^\s*(?P<label>(?i:{alternation(layout().responsible_labels)}))\s*:\s*(?:{ROLE}\s+)?(?P<name>{NAME})(?=\s*(?:[,.(]|$))",
    re.MULTILINE,
)


def responsible(text: str) -> list[Hit]:
    """The person a line names as responsible for the case ('Saksansvarlig: Bente Smedbråten, for …'), who took part,
    the label as their role."""
    if ":" not in text:
        return []
    return [
        (match.start(), Person(name=name, role=match["label"].capitalize()))
        for match in _RESPONSIBLE_LINE.finditer(text)
        if _is_name(name := split_title(match["name"])[1])
    ]


_ACRONYM_AFTER = re.compile(rf"\s+(?P<org>{_ACRONYM_WORD})(?![\wæøåÆØÅ-])")


# "Lokallagets leder, Liv A. Hansen, åpnet møtet", "orienterte fylkesfadder, Oddrun Beyer-Holm, om …": a title, then
# the name between commas; never inside a list ("Kari Lie, leder, Per Holm, nestleder"), where a comma precedes it.
# "Seniorrådgiver i Barne-, likestillings- og inkluderingsdepartementet, Birame Diouf, er glad …": the title's body
# between them, its own commas inside a coordinated compound.
_TITLE_APPOSITION = re.compile(
    rf"(?:^|(?<=[^,\s])\s+)(?P<role>{ROLE})(?:\s+(?:i|for|ved|hos)\s+(?P<org>{COMPOUND_BODY}|{_OWN_ORG}))?,"
    rf"\s+(?P<name>{NAME}),"
)


def appositions(text: str) -> list[Hit]:
    """'Tove-Linnea Brandvik – forbundsleder i NHF', 'Grete Crowo, rådgiver FFO nasjonalt', 'Lokallagets leder,
    Liv A. Hansen, åpnet møtet'."""
    hits = [
        (
            match.start("name"),
            Person(name=match["name"], role=_capitalised(match["role"]), organisation=match["org"] or ""),
        )
        for match in _TITLE_APPOSITION.finditer(text)
        if _is_name(match["name"])
    ]
    for match in APPOSITION.finditer(text):
        _, name = split_title(match["name"])
        # "Hadia Tajik, generalsekretær i Frivillighet Norge Birgitte Brekke": the title opens the next person's entry
        if _is_name(name) and not TITLED.match(text, match.start("role")):
            acronym = _ACRONYM_AFTER.match(text, match.end())  # "Grete Crowo, rådgiver FFO nasjonalt"
            organisation = _organisation_after(text, match.end()) or (acronym["org"] if acronym else "")
            hits.append((match.start(), Person(name=name, role=_capitalised(match["role"]), organisation=organisation)))
    return hits


_SENTENCE_CLOSES = re.compile(r"\s*[.!?](?:\s|$)")
# Where a sentence opens: the paragraph's start, or after a full stop, mark or colon and a space.
_SENTENCE_OPENS = r"(?:^|(?<=[.!?:]\s))"


def _goes_on_as(words: list[str]) -> bool:
    """'fortsetter som nestleder', 'held fram som leiar': a verb, then 'som' and an office, says who holds it, as an
    election's result does, not who came."""
    return len(words) >= 3 and words[1] == "som" and is_office_word(words[2])


def _takes_the_turn(words: list[str]) -> bool:
    """'tok ordet', 'fekk ordet': a verb of taking (`turn_verbs`) before a turn noun (`turn_nouns`)."""
    return (
        len(words) >= 2  # a verb and its noun
        and words[1].casefold() in layout().turn_nouns
        and lemma(words[0].casefold(), "nb+nn") in layout().turn_verbs
    )


def speaking(text: str) -> list[Hit]:
    """A name beside a verb of saying or of doing something at the meeting: 'Trine Heibø Holm trakk fram …',
    '…, sa Tor Arne Gangsø', 'Torleif Aasen leste diktet', 'Dernest opna Randi Vik', the one a thing was done by
    ('solosang fremført av Per Ivar Lunde'), and a name joined by 'og' to the subject of such a verb ('Kari Lie og
    Ola Dahl underheldt'), or by a comma to one so joined ('Jon Inge Holmøyvik, Dagfinn Lågeide og Anders Larson
    spela'; never a comma alone: 'Per Vik, Kari Lie informerte' may be two clauses)."""
    hits = []
    talky = may_name_a_talk(text)  # substring tests first: most paragraphs name no talk
    subject_next, next_start = False, 0  # the name after this one is the subject of a verb after it; where it starts
    for match in reversed(list(NAMED.finditer(text))):  # from the end: a joined name learns of the verb after
        _, name = split_title(match["name"])
        before = _TOKEN.findall(text[max(0, match.start() - WORD_BEFORE * 2) : match.start()])[-2:]
        organisation, end = _organisation_beside(text, match.end())  # "A fra Velferdsalliansen holdt", "B (VA) snakket"
        # the verb after a name is in its sentence: "… endret til Mental Helse Ytre Namdal. I følge …" names no one
        ended = _SENTENCE_CLOSES.match(text, end) is not None
        after = [] if ended else [t for t in _TOKEN.findall(text[end : end + 60])[:3] if t.casefold() not in _BRIDGE]
        by = (
            len(before) == 2
            and before[1].casefold() in _AGENT
            and lemma(before[0].casefold(), "nb+nn") in layout().acting_verbs
        )
        subject = bool(after) and (shows_there(after[0]) or _takes_the_turn(after)) and not _goes_on_as(after)
        joined = subject_next and _JOINED.fullmatch(text, match.end(), next_start) is not None
        talk = talky and talk_given(before, _TOKEN.findall(text[end : end + 60])[: MAX_TALK_OBJECT + 2])
        # a verb before the name has the name for its subject ("Dernest opna Randi Vik"), unless a pronoun before
        # it is the subject ("Vi savnet Marianne …", "Han takket Kari …": the name is who was missed or thanked)
        by_pronoun = len(before) == 2 and before[0].casefold() in SUBJECT_PRONOUNS
        inverted = bool(before) and shows_there(before[-1]) and not by_pronoun
        if _is_name(name) and (inverted or subject or by or joined or talk):
            hits.append((match.start(), Person(name=name, organisation=organisation)))
        after_og = bool(before) and before[-1].casefold() == "og"
        listed = joined and text[: match.start()].rstrip().endswith(",")  # the list goes on before it
        subject_next = _is_name(name) and (subject or joined) and (after_og or listed)
        next_start = match.start()
    hits.reverse()
    return hits


# A transcript's speaker label opening a paragraph: a name or a title in the definite form, perhaps a party or
# body in brackets, a time in square brackets and an office in brackets, then a colon and the speech:
# "Marit Nybakk (A) [13:09:42]: (ordfører for saken): Det er …", "Presidenten []: Etter ønske …".
SPEAKER_LABEL = re.compile(
    rf"^(?P<who>(?:{ROLE}\s+)?{NAME}|(?P<title>{ROLE}))"
    r"(?:\s*\((?P<party>[^()\n]{1,40})\))?(?:\s*\[[^\]\n]*\])?(?:\s*\((?P<office>[^()\n]{1,60})\))?\s*:"
    r"(?:\s*\([^()\n]{1,60}\)\s*:)?\s+(?=\S)"
)


_LABEL_COLON = re.compile(r"[A-ZÆØÅ][^:\n]{0,120}:")


def speaker_label(text: str) -> re.Match[str] | None:
    """The label a transcript opens a speaker's paragraph with, when it names a person or a definite title
    ("Presidenten"); not a header label ("Referent: …"), whose words are no name."""
    if not _LABEL_COLON.match(text):  # a colon near the start, or no label: most paragraphs end here
        return None
    match = SPEAKER_LABEL.match(text)
    if not match:
        return None
    if match["title"]:
        return match if match["who"].casefold().endswith(("en", "n")) else None
    return match if _is_name(labelled_name(match), introduced=True) else None


def labelled_name(label: re.Match[str]) -> str:
    """The name of a speaker label without a title before it ('Statsråd Hadia Tajik' → 'Hadia Tajik')."""
    return split_title(label["who"])[1]


def labelled(text: str) -> list[Hit]:
    """A person a transcript's label gives the floor to ('Marit Nybakk (A) [13:09:42]: …'); the bracket's short
    party or body name is the organisation."""
    match = speaker_label(text)
    if not match or match["title"]:
        return []
    party = (match["party"] or "").strip()
    organisation = party if party[:1].isupper() and len(party.split()) <= MAX_TITLE_TOKENS else ""
    role = split_title(match["who"])[0]
    return [(0, Person(name=labelled_name(match), role=_capitalised(role), organisation=organisation))]


def chair_title(paragraphs: list[str]) -> str:
    """The chair's office when a transcript gives the chair the floor by it ('Presidenten []: …' under
    'President: Ingrid Fiskaa'): the chair label of the layout file whose definite form labels a paragraph."""
    titles = {match["who"].casefold() for text in paragraphs if (match := speaker_label(text)) and match["title"]}
    return next(
        (label for label in layout().labels["chair"] if {f"{label}en".casefold(), f"{label}n".casefold()} & titles),
        "",
    )


_TURN_OPENINGS = tuple(f"{noun.capitalize()} " for noun in layout().turn_nouns)  # "Ord for dagen hadde …"
_TALK_NOUNS = tuple(sorted(_TALK_OR_PROPOSAL))


def may_name_a_talk(text: str) -> bool:
    """A talk or proposal noun, also inside a compound ('inspirasjonsforedrag'), or a turn noun opening a sentence:
    substring tests in C, where most paragraphs name no talk."""
    lowered = text.lower()  # the nouns are case-folded already; lower() is enough for Norwegian and cheaper
    return any(noun in lowered for noun in _TALK_NOUNS) or any(opening in text for opening in _TURN_OPENINGS)


def presenting(text: str) -> list[Hit]:
    """A name who gives a talk: 'Etter en liten benstrekk var det inspirasjonsforedrag av Harald Norman.', 'Ord for
    dagen hadde Kari Lie.'"""
    hits: list[Hit] = []
    if not may_name_a_talk(text):
        return hits  # no talk named: skip trying every name
    for match in NAMED.finditer(text):
        just_before = text[max(0, match.start() - WORD_BEFORE * 2) : match.start()]
        if not may_name_a_talk(just_before):
            continue  # the talk, if any, is named elsewhere in the paragraph
        _, name = split_title(match["name"])
        before = _TOKEN.findall(just_before)  # the words just before
        given = presentation_before([*before, name], len(before)) or had_the_turn(_sentence_before(text, match.start()))
        if _is_name(name) and given:
            organisation, _ = _organisation_beside(text, match.end())
            hits.append((match.start(), Person(name=name, organisation=organisation)))
    return hits


def _sentence_before(text: str, at: int) -> list[str]:
    """The words of the sentence before `at`, when it starts close enough to be a talk's opening; else none."""
    starts = list(_SENTENCE_START.finditer(text, max(0, at - WORD_BEFORE), at))
    return _TOKEN.findall(text[starts[-1].end() : at]) if starts else []


# An acronym or a party's short name in brackets after a name: "(VA)", "(MdG)", "(Sp)", "(V)", "(Rødt)".
_BRACKETED_ACRONYM = re.compile(rf"^\s*\((?P<org>{_ACRONYM_WORD}|[A-ZÆØÅ][a-zæøå]{{0,3}})\)")


def _organisation_beside(text: str, end: int) -> tuple[str, int]:
    """The organisation right after a name ('fra Velferdsalliansen', '(VA)') and where the text goes on after it,
    past a relative clause the name takes ('Inger Fredriksen som er leder av eldrerådet, ønsket velkommen')."""
    after = _AFTER_ORG.match(text[end:])
    if after:
        return after["org"], end + after.end()
    bracket = _BRACKETED_ACRONYM.match(text[end:])
    if bracket:
        return bracket["org"], end + bracket.end()
    return "", _relative_clause_end(text, end)


# "Inger Fredriksen som er leder av eldrerådet, ønsket …", "Ingeborg, som eldreråd, hadde …": a clause on the
# name, closed by a comma before the verb that goes on with the name
_RELATIVE_CLAUSE = re.compile(r",?\s+som\s+[^,.;:!?\n]{1,60},")


def _relative_clause_end(text: str, end: int) -> int:
    """Where the text goes on after a relative clause right after `end`; `end` itself without one."""
    clause = _RELATIVE_CLAUSE.match(text, end)
    return clause.end() if clause else end


_ACRONYM_ENTRY = re.compile(r"^(?P<acronym>[A-ZÆØÅ][\wæøå]*[A-ZÆØÅ][\wæøå]*)\s*[-–]\s+[A-ZÆØÅ]")
MIN_LISTED_ORGANISATIONS = 3


def _spells_on(entry: str, part: str) -> bool:
    """'LIM - Likestilling' and 'Integrering': a part whose initial is the acronym's next letter after the initials
    its full name has so far belongs to that name ('LIM - Likestilling, Integrering, Mangfold')."""
    match = _ACRONYM_ENTRY.match(entry)
    if not match or _ACRONYM_ENTRY.match(part):
        return False
    letters = "".join(c for c in match["acronym"] if c.isupper())
    initials = "".join(word[0] for word in re.split(r"[\s,]+", entry[match.end() - 1 :]) if word[:1].isupper())
    return len(initials) < len(letters) and letters.startswith(initials) and part[:1] == letters[len(initials)]


def organisation_list(paragraph: str) -> list[Person]:
    """'ARS - Antirasistisk Senter, HRS - Human Rights Service, …, Utrop og IMDi': organisations that took part.

    A paragraph that is nothing but a list of 'ACRONYM - Full name' entries
    (three or more); a part that starts in lower case continues the name
    before it ('… for innvandrere og flyktninger').
    """
    parts = split_enumeration(paragraph.strip().rstrip("."))
    entries: list[str] = []
    for part in parts:
        if entries and part[:1].islower():
            entries[-1] = f"{entries[-1]} og {part}"
        elif entries and _spells_on(entries[-1], part):
            entries[-1] = f"{entries[-1]}, {part}"
        else:
            entries.append(part)
    if sum(bool(_ACRONYM_ENTRY.match(e)) for e in entries) < MIN_LISTED_ORGANISATIONS:
        return []
    if not all(e[:1].isupper() and len(e.split()) <= 8 for e in entries):
        return []
    return [Person(name="", organisation=e) for e in entries]


# An organisation as news names its host: a ministry's coordinated name, or a run of capitalised words holding an
# acronym ("FFO Vestfold", "IMDi"): a run without one may be a person's name.
# Or a name whose last word ends as an organisation's does ("Funksjonshemmedes Fellesorganisasjon", "Frivillighet
# Norge", "Oslo kommune"; `organisation_endings`), which no person's name does.
_ENDING = alternation(_ORG_ENDINGS)
# Its inner words are capitalised or the small words of names ("Forbundet mot Rusgift"), never "fra": in
# "Representanter fra Samarbeidsforum har møter" the people are not a body.
_PREPOSITIONS_IN_NAMES = frozenset("for mot av til i".split())  # "Landsforeningen for hjerte- og lungesyke"
_NAME_INNER = rf"(?:[A-ZÆØÅ][\wæøåÆØÅ-]*|og|{'|'.join(sorted(_PREPOSITIONS_IN_NAMES))})"
_ENDED_NAME = (
    rf"(?=[A-ZÆØÅ])(?:[A-ZÆØÅ][\wæøåÆØÅ-]*\s+(?:{_NAME_INNER}\s+){{0,2}})?[\wæøåÆØÅ-]*(?i:{_ENDING})"
    if _ENDING
    else r"(?!)"
)
_HOST = (
    rf"(?<![\wæøåÆØÅ-])(?:{COMPOUND_BODY}|(?:[A-ZÆØÅ][\wæøå-]*\s)?{_ACRONYM_WORD}(?:\s[A-ZÆØÅ][\wæøå-]*)?"
    rf"|{_ENDED_NAME}(?:\s+i\s+[A-ZÆØÅ][\wæøå-]*(?:\s+og\s+[A-ZÆØÅ][\wæøå-]*)?)?)(?![\wæøåÆØÅ-])"
)  # "Statsforvalteren i Vestland", "Fylkesmannen i Oslo og Viken": the office with its place
_HOSTS = rf"{_HOST}(?:\s*,\s*{_HOST})*(?:\s+og\s+{_HOST})?"
# Each shape on its own, so that one does not consume the text another needs ("da FFO Vestfold … hadde").
_HOSTING = (
    re.compile(rf"(?P<hosts>{_HOSTS})\s+(?P<verb>[a-zæøå]+)\s+(?P<rest>[^.;:\n]{{0,80}})"),  # X hadde konferanse
    # arrangerer X; "inviterte vi i X til …"
    re.compile(rf"(?<![\wæøå])(?P<verb>[a-zæøå]+)\s+(?:vi\s+i\s+)?(?P<hosts>{_HOSTS})\s+(?P<rest>[^.;:\n]{{0,80}})"),
)
# "innspillsmøte hos X", "konsultasjonsmøte mellom X og Y", "dialogmøte med X"
_HELD_AT = re.compile(rf"(?<![\wæøå])(?P<event>[\wæøå]+)\s+(?:hos|mellom|med)\s+(?P<hosts>{_HOSTS})")
_EVENT_WINDOW = 6  # words between the verb and the event it hosts: "arrangerer … det fyrste av fire møter"
WORD_BEFORE = 40  # characters before an event in which the word that may make it another meeting stands


def _is_event(word: str) -> bool:
    """'møte', 'møter', 'innspillsmøte', 'erfaringskonferanse': an event word of the layout file or a compound."""
    folded = word.casefold()
    return any(form.endswith(event) for form in (folded, lemma(folded, "nb+nn")) for event in layout().event_words)


def _this_event(words: list[str]) -> bool:
    """An event word among the words, with no word before it that makes it another meeting ('neste møte')."""
    for word in words:
        if word.casefold() in layout().other_meeting_words:
            return False
        if _is_event(word):
            return True
    return False


def hosts(text: str) -> list[Hit]:
    """'FFO Vestfold og FFO Telemark hadde erfaringskonferanse', 'I dag arrangerer Barne-, likestillings- og
    inkluderingsdepartementet det fyrste av fire møter', 'innspillsmøte hos Integrerings- og mangfoldsdirektoratet':
    the organisations that hold the meeting took part in it; not those of another ('Neste møte hos NAV')."""
    folded = text.casefold()
    if not any(event in folded for event in layout().event_words):
        return []  # no event named (an inflected event word holds its stem): nothing hosted, no pattern run
    found = [
        match
        for pattern in _HOSTING
        for match in pattern.finditer(text)
        if lemma(match["verb"], "nb+nn") in layout().hosting_verbs
        and _this_event(_TOKEN.findall(match["rest"])[:_EVENT_WINDOW])
    ]
    if " hos " in folded or " mellom " in folded or " med " in folded:
        found += [
            match
            for match in _HELD_AT.finditer(text)
            if _this_event(
                [*_TOKEN.findall(text[max(0, match.start() - WORD_BEFORE) : match.start()])[-1:], match["event"]]
            )
        ]
    return [
        (match.start("hosts") + host.start(), Person(name="", organisation=host[0]))
        for match in found
        for host in re.finditer(_HOST, match["hosts"])
    ]


# An organisation opening a news item with a verb of meeting: "FFO møtte arbeidsministeren" (`meeting_verbs`).
_MEETING_BODY = re.compile(
    rf"^\s*(?P<body>{_HOST})\s+(?i:{alternation(layout().meeting_verbs, spaced=True)})(?![\wæøå])"
)

_DEFINITE_PLURAL = ("ene", "ane")  # "yrkesorganisasjonene", "organisasjonane": several bodies, not one


def meeting_body(openings: Iterable[str]) -> str:
    """The organisation whose news item this is, by its title or first paragraph ('FFO møtte arbeidsministeren',
    'SAFO møter ny leder i Arbeids- og sosialkomiteen'); none where a person ('Statsråd Solveig Horne møtte …') or
    several bodies met ('Pensjonist- og yrkesorganisasjonene møtte …', a definite plural)."""
    for text in openings:
        match = _MEETING_BODY.match(text)
        if match:
            return "" if match["body"].endswith(_DEFINITE_PLURAL) else match["body"]
    return ""


def with_own_organisation(people: Iterable[Person], body: str) -> list[Person]:
    """The people of an organisation's own news item that it names by an office of its own alone ('Styreleder Knut
    Magne Ellingsen', `own_offices`) hold that office in it: the item says so to its own readers, who know whose
    office it is. One with an organisation keeps it, and an office of the other side (a minister) stays without."""
    offices = layout().own_offices
    return [
        replace(p, organisation=body) if body and p.name and not p.organisation and p.role.casefold() in offices else p
        for p in people
    ]


# "representanter fra Norsk kvinnesaksforening, Norske Kvinners Sanitetsforening og Norges kvinne- og familieforbund"
_REPRESENTED = re.compile(
    r"\b[Rr]epresentant(?:er|ar|ene|ane)?\s+(?:fra|frå|for)\s+(?P<orgs>[A-ZÆØÅ][^.;:!?\n]{1,200})"
)


def _organisation_name(part: str) -> str:
    """The organisation a part of a list names, up to the first lower-case word that is neither an organisation's
    word nor the end of a suspended compound ('KS i møtet' → 'KS'); '' when it opens in lower case."""
    words = part.split()
    if not words or not words[0][:1].isupper():
        return ""
    kept = [words[0]]
    for word in words[1:]:
        suspended = word.endswith("-") or (word == "og" and kept[-1].endswith("-")) or kept[-1] == "og"
        if not (word[:1].isupper() or suspended or word.casefold().endswith(_ORG_ENDINGS)):
            break
        kept.append(word)
    return " ".join(kept)


MAX_ORGANISATION_WORDS = 8
# A name that is plainly an organisation's: an acronym ("KS", "IMDi"), an acronym in brackets after it, a ministry's
# coordinated name, or a word with an organisation's ending ("Helsedirektoratet", "MS-forbundet").
_PLAIN_ORGANISATION = re.compile(
    rf"(?<![\wæøåÆØÅ]){_ACRONYM_WORD}(?![\wæøåÆØÅ])|\({_ACRONYM_WORD}\)$|^{COMPOUND_BODY}$"
)


def _plainly_organisation(name: str) -> bool:
    return bool(_PLAIN_ORGANISATION.search(name)) or any(
        word.casefold().rstrip(",").endswith(_ORG_ENDINGS) for word in name.split()
    )


_UP_TO_BRACKET = re.compile(r"^\s*[A-ZÆØÅ][^()]*\([A-ZÆØÅ][^()]*\)")


def _listed_name(part: str) -> str:
    """A list part's organisation: the whole part where its first word ends like an organisation's and goes on
    with a preposition ('Landsforeningen for pårørende innen psykisk helse'), else what `_organisation_name` keeps."""
    words = part.split()
    bracketed = _UP_TO_BRACKET.match(part)
    if bracketed and len(bracketed[0].split()) <= MAX_ORGANISATION_WORDS:
        return bracketed[0].strip()  # "Unge funksjonshemmede (UF)", "… (NFU) for å lytte til …"
    if (
        len(words) > 1
        and len(words) <= MAX_ORGANISATION_WORDS
        and words[0][:1].isupper()
        and words[0].casefold().endswith(_ORG_ENDINGS)
        and words[1] in _PREPOSITIONS_IN_NAMES
    ):
        # "Samarbeidsforum mot fattigdom i Norge for innspill": the name ends at its last capitalised word when it
        # has one after the first; "Landsforeningen for hjerte- og lungesyke" has none and is whole
        capitals = [k for k, word in enumerate(words) if k and word[:1].isupper()]
        return " ".join(words[: capitals[-1] + 1]) if capitals else part.strip()
    return _organisation_name(part)


MIN_PLAIN_ORGANISATIONS = 2


def organisations_listed(rest: str) -> list[str]:
    """The organisations a list names after words that say they took part ('dialogmøte med KS, NAV,
    Helsedirektoratet, Husbanken og UDI'), up to the sentence's end or the first part in lower case.

    A list counts only when at least two of its names are plainly organisations' (an acronym, a ministry's name,
    an organisation's ending), or all are; then its other capitalised names are organisations too ('Husbanken',
    'Mental Helse'): a list names one kind of thing.
    """
    sentence = re.split(r"(?<![A-ZÆØÅa-zæøå]\.[a-zæøå])[.;:!?\n]", rest, maxsplit=1)[0]
    parts: list[str] = []
    for part in split_enumeration(sentence):
        if parts and part[:1].islower():  # the "og" was inside a name: "… for utviklingshemmede og pårørende (LUPE)"
            parts[-1] = f"{parts[-1]} og {part}"
        else:
            parts.append(part)
    names = []
    for part in parts:
        name = _listed_name(part)
        if not name:
            break
        names.append(name)
    plain = sum(_plainly_organisation(name) for name in names)
    return names if names and (plain >= MIN_PLAIN_ORGANISATIONS or plain == len(names)) else []


def _opened(text: str, start: int) -> int:
    """Where an attendance phrase's list begins: after a list opener in the same clause ('deltok på møtet,
    deriblant …'), else right after the phrase."""
    window = re.split(r"[.;:!?\n]", text[start : start + WORD_BEFORE * 2], maxsplit=1)[0]
    for opener in sorted(layout().list_openers, key=len, reverse=True):
        found = re.search(rf"(?<![\wæøå]){re.escape(opener)}(?![\wæøå])\s+", window, re.IGNORECASE)
        if found:
            return start + found.end()
    return start


_ATTENDANCE_PHRASE = re.compile(r"(?<![\wæøå])(?:" + _PHRASE_ALTERNATION + r")(?![\wæøå])\s*:?\s*")


def attending_organisations(text: str) -> list[Hit]:
    """'På møtet deltok FFO, SAFO og KS', '8 organisasjoner deltok på stiftelsesmøtet, deriblant
    Revmatikerforbundet, Blindeforbundet og Mental Helse', '… dialogmøte med KS, NAV, Helsedirektoratet og UDI',
    '… startet med innlegg fra Frivillighet Norge, LNU, KS og Røde Kors' (bodies that gave a talk)."""
    hits: list[Hit] = []
    folded = text.casefold()
    if any(phrase in folded for phrase in _PHRASES):
        for match in _ATTENDANCE_PHRASE.finditer(text):
            begin = _opened(text, match.end())
            names = organisations_listed(text[begin:])
            if len(names) >= MIN_PLAIN_ORGANISATIONS:  # one name after "stilte på vegne av" is the subject's own
                hits += [(begin, Person(name="", organisation=name)) for name in names]
    if " fra " in folded or " frå " in folded:  # "startet med innlegg fra Frivillighet Norge, LNU, KS og …"
        for match in _TALK_FROM.finditer(text):
            if is_presentation_noun(match["noun"]):
                begin = match.start("rest")
                hits += [(begin, Person(name="", organisation=name)) for name in organisations_listed(text[begin:])]
    if " med " in folded:  # "hos X" and "mellom X og Y" name hosts, which `hosts` reads
        for match in _EVENT_WITH.finditer(text):
            before = _TOKEN.findall(text[max(0, match.start() - WORD_BEFORE) : match.start()])[-1:]
            if _this_event([*before, match["event"]]):
                begin = match.start("rest")
                hits += [(begin, Person(name="", organisation=name)) for name in organisations_listed(text[begin:])]
    return hits


_EVENT_WITH = re.compile(r"(?<![\wæøå])(?P<event>[\wæøå]+)\s+med\s+(?P<rest>[A-ZÆØÅ])")
_TALK_FROM = re.compile(r"(?<![\wæøå])(?P<noun>[\wæøå]+)\s+(?:fra|frå)\s+(?P<rest>[A-ZÆØÅ])")


def represented(text: str) -> list[Hit]:
    """Organisations whose representatives took part, named after 'representanter fra'."""
    hits: list[Hit] = []
    for match in _REPRESENTED.finditer(text):
        for part in split_enumeration(match["orgs"]):
            name = _organisation_name(part)
            if not name:
                break  # "… og andre organisasjoner": the list of names has ended
            hits.append((match.start("orgs"), Person(name="", organisation=name)))
    return hits


MIN_NAME_START = 2


def _tail_of(short: str, full: str) -> bool:
    """'Røe Isaksen' is how news names 'Torbjørn Røe Isaksen' again, and 'Marte Mjøs' may be 'Marte Mjøs Persen'
    cut short; 'Lise Johnsen' is not 'Ole-Marius Johnsen', nor 'Marte' anyone."""
    short_words, full_words = short.casefold().split(), full.casefold().split()
    if len(short_words) >= len(full_words):
        return False
    cut_short = len(short_words) >= MIN_NAME_START and len(full_words) - len(short_words) < MIN_NAME_START
    return (cut_short and _starts(short, full)) or full_words[-len(short_words) :] == short_words


def surname_initial(words: Sequence[str]) -> tuple[str, ...]:
    """('Nils', 'Steinvik') → ('Nils', 'S'): a name with its surname cut to its initial, as minutes sign or name a
    member again ('Nils S', 'Tor A. orienterte'); () for a name of one word, or whose surname is an initial already."""
    if len(words) < MIN_NAME_START or len(words[-1].rstrip(".")) < 2:
        return ()
    return (*words[:-1], words[-1][0])


MAX_INITIALS = 3


def initials(name: str) -> str:
    """'MS' for 'Morten Steinsrud', 'AHS' for 'Asbjørg Holt Samuelsen': the initials of a name of two or three
    words, as minutes mark who does what or who wrote them; '' for other names."""
    words = name.split()
    return "".join(w[0] for w in words).upper() if MIN_NAME_START <= len(words) <= MAX_INITIALS else ""


def _initialled(short: str, full: str) -> bool:
    """'Nils S' and 'Ingebjørg H.' name 'Nils Steinvik' and 'Ingebjørg Hovde', and 'Ellen HF' names 'Ellen Holtan
    Folkestad' (the initials of each word after the first names given); 'Ingebjørg B.' is someone else."""
    short_words, full_words = short.split(), full.split()
    if len(short_words) < MIN_NAME_START or short_words == full_words:
        return False
    given, letters = short_words[:-1], short_words[-1].replace(".", "")
    rest = full_words[len(given) :]
    return (
        full_words[: len(given)] == given
        and 0 < len(rest) <= MAX_INITIALS
        and all(len(word.rstrip(".")) > 1 for word in rest)
        and letters == "".join(word[0] for word in rest)
    )


def _middle_initials_left_out(one: str, other: str) -> bool:
    """'Bjørn F. Framnes' signing minutes that list 'Bjørn Framnes': the same name with a middle initial left out
    (one name has it, the other not; first and last words the same)."""

    def core(name: str) -> list[str]:
        words = name.split()
        return words[:1] + [w for w in words[1:-1] if len(w.rstrip(".")) > 1] + words[-1:]

    return (
        one != other
        and len(one.split()) != len(other.split())
        and len(core(one)) >= MIN_NAME_START
        and (core(one) == core(other))
    )


def _two_names(run: str, known: Iterable[str]) -> tuple[str, str] | None:
    """'Gerd Misfjord Olav Venås' in 'presenterte Gerd Misfjord Olav Venås og Rudi Rødseth': a run of capitals that
    opens with a full name the text gives on its own and goes on for a name's length is that person and another,
    the comma between them lost."""
    words = run.split()
    for other in known:
        start = other.split()
        rest = words[len(start) :]
        if len(start) >= MIN_NAME_START and len(rest) >= MIN_NAME_START and words[: len(start)] == start:
            return other, " ".join(rest)
    return None


def same_person(name: str, known: Iterable[str]) -> str | None:
    """The one name already known that `name` repeats in part, or that repeats `name` in part; None if not one."""
    known = list(known)
    if name in known:
        return name
    matches = [
        other
        for other in known
        if _tail_of(name, other)
        or _tail_of(other, name)
        or _initialled(name, other)
        or _initialled(other, name)
        or _middle_initials_left_out(name, other)
    ]
    return matches[0] if len(matches) == 1 else None


def _first_mentions(paragraphs: list[str], recognisers: tuple[Recogniser, ...]) -> list[Person]:
    """Everyone the recognisers find, in order of first mention, each once; a later mention adds a missing role
    or organisation. A surname repeated alone ('sier Røe Isaksen') is the person named in full, whichever came
    first; the entry keeps the full name."""
    found: dict[str, Person] = {}
    screen = recogniser_screen(recognisers)
    for text in paragraphs:
        hits = [hit for recognise in screen.able(text) for hit in recognise(text)]
        for _, person in sorted(hits, key=lambda hit: hit[0]):
            key = same_person(person.name, found)
            if key is None:
                found[person.name] = person
                continue
            known = found[key]
            name = max(known.name, person.name, key=lambda n: (len(n.split()), len(n)))  # 'Nils Steinvik', not 'Nils S'
            merged = Person(name, known.role or person.role, known.organisation or person.organisation, known.status)
            found = {(name if k == key else k): (merged if k == key else v) for k, v in found.items()}
    people = []
    for name, person in found.items():
        split = _two_names(name, [other for other in found if other != name])
        # the run's first name is an entry of its own already; the run stands for the second
        people.append(replace(person, name=split[1]) if split else person)
    return people


# "… ønsket velkommen til forbundsleder Arne Jenssen", "Leiar ynskte Kari Lie velkomen": a guest the meeting welcomed
# (`welcome_verbs`, `welcome_words` in the layout file).
_WELCOME_VERB = alternation(layout().welcome_verbs)
_WELCOME_WORDS = tuple(sorted(layout().welcome_words, key=len, reverse=True))
_WELCOME_WORD = alternation(_WELCOME_WORDS)
_WARM_WORDS = "hjertelig|hjarteleg|spesielt|særleg"  # "ønsket hjertelig velkommen", "vart særleg ønska velkomen"
_WARMLY = rf"(?:(?:{_WARM_WORDS})\s+)*"
_WELCOMED = re.compile(
    rf"(?:{_WELCOME_VERB})\s+(?:(?:alle|{_WARM_WORDS})\s+)*(?:{_WELCOME_WORD})\s+til\s+"
    rf"(?:{ROLE}\s+)?(?P<after>{NAME})"
    rf"|(?:{_WELCOME_VERB})\s+(?:{ROLE}\s+)?(?P<before>{NAME})\s+(?:hjertelig\s+|hjarteleg\s+)?(?:{_WELCOME_WORD})"
    # in the passive, opening the sentence, perhaps with an aside: "Ole Stokke, opprinneleg frå Ørskog, vart ønska
    # velkomen" (never "Gjestene fra Ørskog Pensjonistlag ble ønsket velkommen": the guests, not a name)
    rf"|(?:^|(?<=[.!?:;]\s)|(?<=\n))(?P<passive>{NAME})(?:\s*,[^,.;:\n]{{1,60}},)?\s+(?:ble|blei|vart|vert)\s+{_WARMLY}(?:{_WELCOME_VERB})\s+"
    rf"{_WARMLY}(?:{_WELCOME_WORD})"
)


def welcomed(text: str) -> list[Hit]:
    """A person the meeting welcomed was there: 'Marie ønsket velkommen til forbundsleder Arne Jenssen', 'Ole
    Stokke vart ønska velkomen'."""
    return _name_hits(_WELCOMED, text, "after", "before", "passive") if any(w in text for w in _WELCOME_WORDS) else []


# "… introduserte Stein Arne Sæther og Dag Ågren som underholdt": guests introduced to the meeting were there
# (`introducing_verbs` in the layout file).
_INTRODUCING_VERBS = tuple(layout().introducing_verbs)
_INTRODUCED = re.compile(
    rf"(?<![\wæøå])(?:{alternation(_INTRODUCING_VERBS)})\s+(?:{ROLE}\s+)?(?P<list>{_LIST})", re.IGNORECASE
)


def introduced(text: str) -> list[Hit]:
    """People the meeting was introduced to were there: 'Marie … introduserte Stein Arne Sæther og Dag Ågren'."""
    if not any(verb in text for verb in _INTRODUCING_VERBS):  # one cheap test, as the verbs are written
        return []
    return [
        (match.start(), person)
        for match in _INTRODUCED.finditer(text)
        for person in _people_of(match["list"].split(" som ")[0], "", "")  # "… og Dag Ågren som underholdt"
        if looks_like_name(person.name) and _is_name(person.name)
    ]


# A turn noun as a word of its own ("ordet", not "ordfører"), and as it is written before a space: the tests before
# looking for a floor given.
_TURN_NOUN = re.compile(rf"(?<![\wæøå])(?:{alternation(layout().turn_nouns)})(?![\wæøå])", re.IGNORECASE)
_TURN_NOUN_FORMS = tuple(form for noun in layout().turn_nouns for form in (f"{noun} ", f"{noun.capitalize()} "))
_FLOOR_WORDS = 4  # words before "til" that hold the turn noun and the verb: "Leif kunne gi ordet til …"


def may_give_the_floor(text: str) -> bool:
    """A turn noun as a word of its own anywhere in the text, a substring test in C first: most paragraphs give
    nobody the floor."""
    return any(map(text.__contains__, _TURN_NOUN_FORMS)) and bool(_TURN_NOUN.search(text))


def gives_the_floor(words: Sequence[str]) -> bool:
    """'… gav ordet til', 'Ordet ble deretter gitt til dagens kåsør': the words before a name end with 'til' and
    at most a few words of a title in lower case, and the few words before 'til' hold a turn noun (`turn_nouns`)
    and a verb of giving (`giving_verbs`). The name after them has the floor next."""
    end = len(words)
    while end > 0 and len(words) - end < MAX_TITLE_TOKENS and words[end - 1].islower() and words[end - 1] != "til":
        end -= 1
    if end == 0 or words[end - 1].casefold() != "til":
        return False
    before = [word.casefold() for word in words[max(0, end - 1 - _FLOOR_WORDS) : end - 1]]
    return not layout().turn_nouns.isdisjoint(before) and any(
        lemma(word, "nb+nn") in layout().giving_verbs for word in before
    )


def given_the_floor(text: str) -> list[Hit]:
    """A person the meeting gave the floor spoke at it: 'Leif kunne gi ordet til dagens foredragsholder, Harald
    Olimb Norman fra Pensjonistforbundet', 'Ordet ble deretter gitt til dagens kåsør, Marvin Wiseth'."""
    hits: list[Hit] = []
    if not may_give_the_floor(text):
        return hits
    for match in NAMED.finditer(text):
        _, name = split_title(match["name"])
        before = _TOKEN.findall(text[max(0, match.start() - WORD_BEFORE * 2) : match.start()])
        if _is_name(name) and gives_the_floor(before):
            organisation, _ = _organisation_beside(text, match.end())
            hits.append((match.start(), Person(name=name, organisation=organisation)))
    return hits


# "Knut ønsket alle velkomne", "Kirsten orienterte om …": a first name opening a sentence, then a verb of saying or
# doing; a capital after it would make it a full name, which the other recognisers read. The word after the verb
# tells the subject from a word put first: "Deretter holdt Rabia …", "Derimot synes de …".
FIRST_NAME_OPENING = re.compile(
    rf"{_SENTENCE_OPENS}(?P<name>[{CAPITALS}][{SMALL}]+)\s+(?P<verb>[{SMALL}]+)\b(?:\s+(?P<after>[\wæøå]+))?"
)


# Words after a verb that make the word before it no subject: a subject pronoun the verb comes before ("Derimot
# synes de …"), or "av"/"ved" before the one who did it.
_SUBJECT_OR_AGENT = layout().pronouns | {"jeg", "eg", "du", "vi", "me", "de", "dei", "dere", "man"} | _AGENT


def name_shaped(word: str, after: str | None) -> bool:
    """'Åke orienterte om turer', 'Tordis leste referat': a word opening a sentence before a verb has a first name's
    shape when it has no inflection the dictionary knows ('Regnskapet', 'Fattighuset'), is no function word ('Alle',
    'Ingen') and no office ('Leder'), and is the verb's subject: not a word put first ('Deretter holdt Rabia …',
    'Derimot synes de …'), nor a thing done by someone ('Regnskap referert av kasserer'); `after` is the word after
    the verb."""
    folded = word.casefold()
    inverted = after is not None and (after[:1].isupper() or after.casefold() in _SUBJECT_OR_AGENT)
    return folded not in STOP_WORDS and not inverted and lemma(folded, "nb+nn") == folded and not is_office_word(word)


def first_named(text: str) -> list[Hit]:
    """A member informal minutes name by first name alone, doing something: 'Knut leste opp takkekort', where
    `first_names` lists the name, or 'Tordis leste referat', a name's shape no dictionary knows as a word (not
    'Kasserer', 'Rektor')."""
    return [
        (match.start(), Person(name=match["name"]))
        for match in FIRST_NAME_OPENING.finditer(text)
        if (
            match["name"].casefold() in layout().first_names
            or (name_shaped(match["name"], match["after"]) and not known_word(match["name"]))
        )
        and shows_there(match["verb"])
    ]


def _first_name_of_another(people: list[Person]) -> list[Person]:
    """Without a first name alone that is the first name of someone the text names in full ('Knut' beside 'Knut
    Hansen' is he)."""
    full = {person.first_name for person in people if " " in person.name}
    return [person for person in people if " " in person.name or person.name not in full]


def attending_people(paragraphs: list[str]) -> list[Person]:
    """Only what an attendance phrase introduces, a talk the text says someone gave ('Orientering ved rådets leder
    Rigmor Thokle') or a guest it welcomed: explicit enough to add to a header's list, which names the members, not
    their guests."""
    return _first_mentions(paragraphs, BESIDE_A_LIST)


def listed_below(paragraphs: list[str]) -> list[Person]:
    """People a line ending in a colon announces with a verb of taking part or of saying ('Følgende informerte under
    møtet:'), one 'Name, Organisation' a paragraph below it, until a paragraph that is not one."""
    people: list[Person] = []
    for index, paragraph in enumerate(paragraphs):
        announced = paragraph.rstrip().endswith(":") and "\n" not in paragraph.strip()
        words = _TOKEN.findall(paragraph.casefold())
        if not announced or not (any(map(_speaks, words)) or any(p in paragraph.casefold() for p in _PHRASES)):
            continue
        for line in (p.strip() for p in paragraphs[index + 1 :]):
            plain = "\n" not in line and line[:1].isupper() and not _LABELLED.match(line)  # "Foto: …" is no person
            person = parse_person(line, "present") if plain else None
            name = (
                _ROLE_WORD.split(person.name)[0].strip() if person else ""
            )  # "Per Olaf Lundteigen Stortingsrepresentant Sp"
            if not person or not (looks_like_name(name) and _is_name(name, introduced=True)):
                break
            people.append(Person(name=name, role=person.role, organisation=person.organisation))
    return people


_ROLE_WORD = re.compile(rf"\s+(?={ROLE})")
_LABELLED = re.compile(r"^[^\s:]+:")


def prose_people(paragraphs: list[str]) -> list[Person]:
    """Everyone the text names as taking part, then the organisations a list names or that hold the meeting."""
    people = _first_name_of_another(_first_mentions(paragraphs, IN_PROSE))
    known = [person.name for person in people]
    people += [person for person in listed_below(paragraphs) if same_person(person.name, known) is None]
    organisations = [org for text in paragraphs for org in organisation_list(text)]
    listed = {org.organisation for org in organisations}
    found = (hit for text in paragraphs for hit in (*hosts(text), *represented(text), *attending_organisations(text)))
    for _, host in found:
        if host.organisation not in listed:
            organisations.append(host)
            listed.add(host.organisation)
    return people + _unrepeated(organisations, people)


_BRACKETED = re.compile(r"^(?P<full>.*?)\s*\((?P<short>[^()]+)\)$")


def _forms(organisation: str) -> set[str]:
    """'Unge funksjonshemmede (UF)' is also 'UF' and 'Unge funksjonshemmede'; 'IMDi i Oslo' is also 'IMDi'."""
    match = _BRACKETED.match(organisation)
    forms = {organisation, match["full"], match["short"]} if match else {organisation}
    forms |= {form.split(" i ")[0] for form in forms}
    return {form.casefold() for form in forms if form}


def _body_referred_back(organisation: str) -> bool:
    """'Forumet', 'Utvalget', 'Foreningen': one word that is itself a body's common ending (`organisation_endings`),
    the text's way back to a body named before, never a body's name."""
    return " " not in organisation.strip() and organisation.strip().casefold() in layout().organisation_endings


def _unrepeated(organisations: list[Person], people: list[Person]) -> list[Person]:
    """The organisations taking part, each once, and none a person present already stands for: 'FFO' after
    'Funksjonshemmedes fellesorganisasjon (FFO)' adds nothing, nor does 'Helse- og omsorgsdepartementet' after
    the state secretary who came on its behalf, nor a person's own name ('… sammen med statsrådene Monica Mæland
    og Anniken Hauglie' read as a list of bodies)."""
    seen = {form for person in people if person.organisation for form in _forms(person.organisation)}
    seen |= {person.name.casefold() for person in people if person.name}
    kept: list[Person] = []
    for organisation in organisations:
        forms = _forms(organisation.organisation)
        if forms & seen or _body_referred_back(organisation.organisation):
            continue
        # "Samarbeidsforum" and "Samarbeidsforum mot fattigdom i Norge": one body, named in full once
        longer = next((k for k, o in enumerate(kept) if _starts(organisation.organisation, o.organisation)), None)
        shorter = next((k for k, o in enumerate(kept) if _starts(o.organisation, organisation.organisation)), None)
        if shorter is not None:
            kept[shorter] = organisation
        elif longer is None:
            kept.append(organisation)
        seen |= forms
    return kept


def _starts(short: str, full: str) -> bool:
    """'Samarbeidsforum' opens 'Samarbeidsforum mot fattigdom i Norge' word for word."""
    short_words, full_words = short.casefold().split(), full.casefold().split()
    return len(short_words) < len(full_words) and full_words[: len(short_words)] == short_words


_CHAIR_AFTER = alternation(layout().chair_after_name)
_CHAIR_PHRASES = (*layout().chair_after_name, *layout().chair_before_name)
_CHAIR = re.compile(
    rf"(?P<after>{NAME})\s*,?\s+(?:{_CHAIR_AFTER})\b"
    # "Leder Ingebjørg Hovde ønsket velkommen og ledet møtet": a short clause between, joined by "og"
    rf"|(?P<joined>{NAME})\s+[^.,;:\n]{{1,40}}?\s+og\s+(?:{_CHAIR_AFTER})\b"
    # "… ble medlemsmøtet ledet av vår nestleder Johan Westgaard": a word before the title ('vår', 'lagets')
    rf"|(?:{alternation(layout().chair_before_name)})\s+(?:(?:[a-zæøå]+\s+)?{ROLE}\s+)?(?P<before>{NAME})"
)


_ELECTED_WORDS = r"valgt|valt|valde|vald"  # "vart valde": Nynorsk, more than one
_ELECTED = rf"(?:ble|blei|vart|var|er)\s+(?:{_ELECTED_WORDS})"
# One name word alone, no capital after it: a first name, as informal minutes elect by it ("Tor ble valgt til
# møteleder, Karen ble valgt til referent").
_FIRST = rf"[{CAPITALS}][{SMALL}]+(?![\wæøå'’-])(?!\s+[{CAPITALS}])"


def _election_patterns(who: str) -> tuple[re.Pattern[str], ...]:
    """The patterns of an election to run the meeting, with `who` for those elected: the clause that names the
    first, then the clauses that go on to elect others (`elected`)."""
    role = r"[\wæøå-]+(?:\s+[\wæøå-]+){0,3}?"
    return (
        # "Magne Aasbrenn blei valt til møteleiar", "Arne Hovden og John Heien blei valt til å skrive under
        # møteboka"; the role ends where another name's election goes on ("… til ordstyrar og Mads Langnes til
        # referent")
        re.compile(
            rf"(?P<list>{who})\s+{_ELECTED}\s+(?:til|som)\s+"
            rf"(?P<role>(?:(?!\s+med\s)(?!\s+og\s+[{CAPITALS}])[^.,;:\n]){{2,60}})"
        ),
        # "Til møtedirigent ble valgt Randi Myhre, og til referent Grete Loeshagen"; the agenda item that elects,
        # with its result after a colon: "Valg av referent: Øystein Eeg" (never two offices, "… og referent: A og B")
        re.compile(
            rf"(?<![\wæøå])(?:(?:[Tt]il|[Ss]om)\s+(?P<role>[\wæøåÆØÅ-]+(?:\s+[\wæøå-]+){{0,3}}?)\s+{_ELECTED}\s*:?"
            rf"|(?:[Vv]alg|[Vv]al)\s+av\s+(?P<item_role>[\wæøå-]+(?:\s+(?!og\b)[\wæøå-]+){{0,3}}?)\s*[:,])\s+"
            rf"(?P<list>{who})"
        ),
        # ", og til referent Grete Loeshagen"
        re.compile(rf"\s*,?\s*og\s+til\s+(?P<role>{role})\s+(?P<list>{who})"),
        # "… vart valt til møteleiar med Jorunn Vestre som årsmøtesekretær": another elected with the first
        re.compile(rf"\s+med\s+(?P<list>{who})\s+som\s+(?P<role>{role})(?![\wæøå-])"),
        # "… vart valt til ordstyrar og Mads Langnes til referent": another name, then its office
        re.compile(rf"\s*,?\s*og\s+(?P<list>{who})\s+til\s+(?P<role>{role})(?![\wæøå-])"),
    )


_ELECTIONS = {False: _election_patterns(_LIST), True: _election_patterns(_FIRST)}
# one cheap test before the list patterns, which try every position: "ble valgt", "vart vald", "Valg av referent:"
_ELECTION_WORD = re.compile(rf"{_ELECTED}\b|\b[Vv]alg?\s+av\s+[^:\n]{{1,40}}[:,]")


def _function_of(role: str) -> str | None:
    """What a meeting elects someone to do at it, by `meeting_functions`: 'chair' or 'minute_taker' where the
    function is also a label of that header field, '' for another ('tellekorps'), None for no function of the
    meeting ('styremedlem', elected for the year, perhaps in absentia)."""
    folded = " ".join(role.casefold().replace("/", " ").split())  # "møtesordförande/møteleder": alternatives
    words = folded.split()
    found = [
        f for f in layout().meeting_functions if (f in folded if " " in f else any(w.startswith(f) for w in words))
    ]
    if not found:
        return None
    for field in ("chair", "minute_taker"):
        if any(label.casefold() in found for label in layout().labels[field]):
            return field
    return ""


def elected(text: str, *, by_first_name: bool = False) -> list[tuple[int, Person, str]]:
    """People a meeting elects to run it ('Til møtedirigent ble valgt Randi Myhre', 'Magne Aasbrenn blei valt til
    møteleiar', '… til å skrive under møteboka'), where they stand and what they were elected to: they are there.

    `by_first_name` reads those elected by a first name alone instead ('Tor ble valgt til møteleder'), never the
    surname of a full name; who it is needs the attendance list (`elected_officers`).
    """
    found: list[tuple[int, Person, str]] = []
    if ("val" not in text and "Val" not in text) or not _ELECTION_WORD.search(text):  # "valgt", "Valg av": in C first
        return found  # one cheap test: the list patterns try every position
    after, before, *goes_on = _ELECTIONS[by_first_name]
    for pattern in (after, before):
        for match in pattern.finditer(text):
            if by_first_name and _ends_a_name(text[: match.start("list")]):
                continue  # "Kari Lie ble valgt": 'Lie' is her surname, which the full-name patterns read
            clauses = [match]
            while (more := next((m for p in goes_on if (m := p.match(text, clauses[-1].end()))), None)) is not None:
                clauses.append(more)
            for clause in clauses:
                field = _function_of(clause["role"] or clause.groupdict().get("item_role") or "")
                if field is None:
                    continue
                listed = [Person(clause["list"])] if by_first_name else _people_of(clause["list"], "", "")
                if len(listed) > 1:
                    field = ""  # "Val av ordstyrarar, Ingrid Hovstad og Arild Reigstad": there, but no one chair
                found += [(clause.start(), person, field) for person in listed]
    return sorted(found, key=lambda hit: hit[0])


def _ends_a_name(before: str) -> bool:
    """The text before a word ends in a capitalised word within a sentence: the word goes on a name."""
    words = before.split()
    return bool(words) and words[-1][:1].isupper() and words[-1][-1] not in ".:;!?,"


def electing(text: str) -> list[Hit]:
    """`elected` as a recogniser of who took part."""
    return [(at, person) for at, person, _ in elected(text)]


# The recognisers of who took part, in the order their hits at one place are taken: beside an attendance list, only
# what says plainly that someone came, spoke or was welcomed; without one, every way the text names a participant.
BESIDE_A_LIST = (attending, represented_by, roll_call, presenting, welcomed, introduced, responsible, given_the_floor)
IN_PROSE = (
    labelled,
    titled,
    attending,
    appositions,
    speaking,
    presenting,
    represented_by,
    roll_call,
    electing,
    welcomed,
    introduced,
    given_the_floor,
    first_named,
    responsible,
)


# What a paragraph must hold, case-folded, for each recogniser to find anyone in it: what its own first test looks
# for. A recogniser not named here reads every paragraph.
RECOGNISER_NEEDS: dict[Recogniser, tuple[str, ...]] = {
    attending: _PHRASES,
    represented_by: (_BY_MARK, _REPRESENTED_MARK, _WITH_MARK, _BEHALF_MARK),
    roll_call: (":",),
    presenting: (*_TALK_NOUNS, *_TURN_OPENINGS),
    welcomed: _WELCOME_WORDS,
    introduced: _INTRODUCING_VERBS,
    responsible: (":",),
    given_the_floor: _TURN_NOUN_FORMS,
    labelled: (":",),
    electing: ("val",),
}


class _Screen:
    """Which of a sequence of recognisers can find anyone in a paragraph, from one pass over it.

    Each recogniser first tests the paragraph for its own words, and most
    paragraphs hold none of them; with every recogniser of BESIDE_A_LIST or
    IN_PROSE testing every paragraph, those tests were most of what finding
    people cost. A compiled multi-pattern matcher reads the case-folded paragraph
    once for all their words (each word case-folded: whatever a test finds as
    written, the folded paragraph holds folded), and only the recognisers
    whose words it holds are called, in their order, each still making its own
    test; so the people found are the same.
    """

    def __init__(self, recognisers: tuple[Recogniser, ...]) -> None:
        self.recognisers = recognisers
        self.always = 0  # the recognisers that read every paragraph, as bits
        bits: dict[str, int] = {}
        for number, recognise in enumerate(recognisers):
            if recognise not in RECOGNISER_NEEDS:
                self.always |= 1 << number
            for word in RECOGNISER_NEEDS.get(recognise, ()):
                bits[word.casefold()] = bits.get(word.casefold(), 0) | 1 << number
        self._words = WordBits(bits)

    def able(self, text: str) -> list[Recogniser]:
        """The recognisers whose words the paragraph holds, and those that read every paragraph, in order."""
        able = self.always | self._words.bits_in(text.casefold())
        return [recognise for number, recognise in enumerate(self.recognisers) if able >> number & 1]


@lru_cache(maxsize=8)
def recogniser_screen(recognisers: tuple[Recogniser, ...]) -> _Screen:
    """The screen for these recognisers in this order, compiled once."""
    return _Screen(recognisers)


def elected_officers(paragraphs: list[str], people: Sequence[Person] = ()) -> dict[str, str]:
    """The first person the text says the meeting elected as its chair and as its minute-taker, by field.

    One elected by one name alone ('Karen ble valgt til referent', 'Mikalsen …') is the one attendee of `people`
    with that first name or surname, or, where none has it, that first name if it is one (`first_names`); else no
    one ('Styret ble valgt …').
    """
    officers: dict[str, str] = {}
    present = [person for person in people if person.status == "present"]
    for text in paragraphs:
        hits = [(at, person.name, field) for at, person, field in elected(text)]
        for at, person, field in elected(text, by_first_name=True):
            known = present_by_one_name(person.name, present)  # "Mikalsen ble valgt …": the one attendee so called
            if len(known) == 1:
                hits.append((at, known[0].name, field))
            elif not known and person.name.casefold() in layout().first_names and not is_office_word(person.name):
                hits.append((at, person.name, field))
        for _, name, field in sorted(hits, key=lambda hit: hit[0]):
            if field:
                officers.setdefault(field, name)
    return officers


def prose_chair(paragraphs: list[str]) -> str:
    """'… Sveinung Rotevatn som leder høringen', 'Ekspertgruppa ledes av professor Mari Rege' → the name; '' if none."""
    for text in paragraphs:
        if not any(phrase in text for phrase in _CHAIR_PHRASES):
            continue  # no phrase that names a chair: the pattern, which tries every name, is not run
        for match in _CHAIR.finditer(text):
            _, name = split_title(match["after"] or match["joined"] or match["before"])
            if _is_name(name):
                return name
    return ""


# "Frida hadde meldt forfall.", "Per Holm var fraværende.": a name opening a sentence, then an absence phrase.
_ABSENCE_PHRASES = tuple(sorted(layout().absence_phrases, key=len, reverse=True))
_ABSENCE = re.compile(
    rf"{_SENTENCE_OPENS}(?P<who>{NAME}|[{CAPITALS}][{SMALL}]+)\s+(?i:" + alternation(_ABSENCE_PHRASES) + r")\b"
)


# "Erling Sporsheim fikk også takk for lang og tro innsats, men han var ikke til stede": a name opening the sentence,
# then in lower case only a pronoun for it and the phrase.
_ABSENCE_BY_PRONOUN = re.compile(
    rf"{_SENTENCE_OPENS}(?P<who>{NAME})\s+[{SMALL}][^.!?\n{CAPITALS}]{{0,100}},\s+(?:men\s+)?(?:{alternation(layout().pronouns)})\s+"
    r"(?i:" + alternation(_ABSENCE_PHRASES) + r")\b"
)


def absent_in_text(paragraphs: list[str]) -> list[Person]:
    """People the text says were not there ("Frida hadde meldt forfall."; `absence_phrases` in the layout file),
    a first name alone too, but never a function word, a title or a body that opens the sentence ("Leder var
    fraværende", "Styret var ikke til stede", "Kommunen møtte ikke opp"; `groups`, `organisation_endings`); also a
    full name the phrase refers to by a pronoun later in its sentence ("Erling Sporsheim fikk takk, men han var ikke
    til stede")."""
    people: list[Person] = []
    for text in paragraphs:
        if not any(phrase in text for phrase in _ABSENCE_PHRASES):  # lower case after the name, as written
            continue  # most paragraphs say nothing of who was away: the pattern is not tried on them
        for match in [*_ABSENCE.finditer(text), *_ABSENCE_BY_PRONOUN.finditer(text)]:
            who = match["who"]
            single = " " not in who
            folded = who.casefold()
            if single and (folded in STOP_WORDS or re.fullmatch(ROLE, folded) or _names_a_body(folded)):
                continue
            if (single or _is_name(who)) and who not in {p.name for p in people}:
                people.append(Person(who, status="absent"))
    return people


_GROUP_WORDS = frozenset(group.casefold() for group in layout().groups)


def _names_a_body(word: str) -> bool:
    """'styret', 'kommunen': a group of an attendance list or a word that ends as an organisation does."""
    return word in _GROUP_WORDS or _plainly_organisation(word)


OFFICES = ("chair", "minute_taker")


def officers_attend(officers: dict[str, str], people: list[Person]) -> tuple[dict[str, str], list[Person]]:
    """The chair and minute-taker of minutes were at the meeting, listed or not.

    One the attendance list leaves out ("Referent: Lars Ole Bolneset" under a
    list without him) joins it; one named by a first name alone ("Møteleder:
    Per") is the one listed attendee of that first name, else of that surname
    ("Møteleiar: Aasland"), and the field takes the full name, or joins by
    that name when no one listed has it; one a list
    of first names gives by that name ("Deltakarar: Rita, Are" over "Are
    Halland, ref.") is listed already; one signing with an initial for a
    surname ("Nils S") is the listed attendee it abbreviates, and the field
    takes the full name; so does one signing with initials that one attendee
    has ("Ref. AHS"). One named with a body ("Referent: Kristin Vigdal (Mår)") is named so in the list; the field
    takes the name. Returns the fields and the people, both updated.
    """
    officers, people = dict(officers), list(people)
    for office in OFFICES:
        value = officers.get(office, "")
        person = parse_person(value, "present")
        if person is None or not person.name:
            continue
        first, names = person.first_name, [p.name for p in people if p.name]
        by_initials = [name for name in names if initials(name) == person.name] if person.name.isupper() else []
        if len(by_initials) == 1:  # "Ref. AHS": the one attendee with those initials
            officers[office] = by_initials[0]
            continue
        role = layout().name_markers[office][0].capitalize()
        if first == person.name:
            same = present_by_one_name(first, people)  # "Møteleiar: Aasland": by a surname too, as elections name them
            if len(same) == 1:
                officers[office] = same[0].name
            elif not same and first not in names and lone_first_name(first):
                people.append(Person(first, role=role))  # "Møteleder: Cecilie" over no list naming her
            continue
        known = same_person(person.name, names)
        if known is not None and _initialled(person.name, known):
            officers[office] = known  # "Nils S" signing as "Referent" under "Tilstede Nils Steinvik, …"
        elif looks_like_name(person.name) and first not in names and known is None:
            people.append(Person(person.name, role=role, organisation=person.organisation))
        if person.organisation and officers[office] == value and looks_like_name(person.name):
            officers[office] = person.name  # "Referent: Kristin Vigdal (Mår)": the name; the people keep the body
    return officers, people
