"""Decide who each sentence reports: the heart of "who raised what".

Minutes narrate in the third person ("Lothe understrekte at …", "Hun
påpekte …", "Velferdsalliansen mener …"). A sentence belongs to the attendee
who is its subject; without a named subject it keeps the current speaker,
which a presentation heading sets to its presenter. Only people listed as
present can speak: a quoted prime minister or another ministry's state
secretary is never a speaker. Every decision is recorded in `attribution`
so a researcher can audit it.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from analysis.base.records import Person, find_person, organisation_forms
from analysis.language.layout import layout
from analysis.language.norwegian import STOP_WORDS, lemma
from analysis.language.wordlists import (
    FIRST_PERSON,
    FLOOR_PHRASES,
    LEAVING_PHRASES,
    PHOTO_CREDIT_LABEL,
    PRONOUNS,
    REPORTING_LEMMAS,
)
from analysis.parse.agenda import POINT_NUMBER
from analysis.parse.header import is_office_word, looks_like_name
from analysis.parse.participants import (
    FIRST_NAME_OPENING,
    MAX_TITLE_TOKENS,
    NAME,
    gives_the_floor,
    had_the_turn,
    initials,
    may_give_the_floor,
    may_name_a_talk,
    name_shaped,
    presentation_before,
    reports_presence,
    shows_there,
    speaker_label,
    surname_initial,
    talk_given,
)

_TOKEN = re.compile(r"[\wÆØÅæøå]+(?:[-/][\wÆØÅæøå]+)*", re.UNICODE)
# Words that may stand between a subject and its verb ("Lothe fra Wayback kommenterte",
# "Gimse til å kommentere", "Hemminghytt trakk også frem").
_BRIDGE = frozenset("så også videre derfor først dessuten deretter til å fra i ved og seg er var".split())
_MODALS = frozenset("å skal vil kan må bør skulle ville kunne måtte burde".split())
# endings of a plural organisation name in the definite plural: "Bydelsmødre" → "Bydelsmødrene"
_DEFINITE_PLURAL = ("ne", "en", "n")
QUOTE_OPENERS = ("–", "-", "−", "—", "«", '"', "“")  # web pages set the dash as a minus sign or an em dash too


@dataclass(frozen=True)
class Mention:
    start: int  # first token (a role word before a name is included)
    end: int  # one past the last token
    person: Person | None
    organisation: str
    body: bool = False  # a speaking body of the layout file ("Styret"): speaks only beside a verb of saying


def _org_token_matches(token: str, alias_token: str, last: bool) -> bool:
    if token == alias_token:
        return True
    if token[:1].isupper() and token.casefold() == alias_token.casefold():
        return True
    # definite plural of a plural name: "Bydelsmødre" → "Bydelsmødrene"
    return (
        last
        and token[:1].isupper()
        and token.casefold() in {alias_token.casefold() + suffix for suffix in _DEFINITE_PLURAL}
    )


class Roster:
    """The people present at one meeting and every way the text may refer to them."""

    def __init__(self, people: list[Person], officers: dict[str, str] | None = None) -> None:
        self.people = [p for p in people if p.status == "present" and p.name]
        # Listed but not present (absent, copy): their names must not reach a namesake who is.
        # a name as a sentence's tokens give it: "Liv A. Hansen" is read as "Liv A Hansen"
        self._blocked = [tuple(tokens_of(p.name)) for p in people if p.status != "present" and p.name]
        self._names = [(tuple(tokens_of(p.name)), p) for p in self.people]
        # A double surname repeated without the first name: "Røe Isaksen" for Torbjørn Røe Isaksen.
        tails: dict[tuple[str, ...], list[Person]] = {}
        for parts, person in self._names:
            for k in range(2, len(parts)):
                tails.setdefault(parts[-k:], []).append(person)
        full = {parts for parts, _ in self._names}
        self._names += [(tail, ps[0]) for tail, ps in tails.items() if len(ps) == 1 and tail not in full]
        surnames: dict[str, list[Person]] = {}
        for person in self.people:
            surnames.setdefault(person.surname, []).append(person)
        self._surnames = {s: ps[0] for s, ps in surnames.items() if len(ps) == 1}
        # Informal minutes name people by first name ("Jonas fortalte …"): only a first name that one
        # person present has, that nobody has as a surname and that no absent person shares.
        first_names: dict[str, list[Person]] = {}
        for person in self.people:
            if len(person.name.split()) >= 2:
                first_names.setdefault(person.first_name, []).append(person)
        taken = set(surnames) | {parts[0] for parts in self._blocked if parts}
        self._first_names = {f: ps[0] for f, ps in first_names.items() if len(ps) == 1 and f not in taken}
        # A double first name, the surname left out ("Ole Bjørn har skrevet …", "Så sa Lars Ole at …"), as a
        # first name: one person present has it, and nobody listed has it with another surname.
        given: dict[tuple[str, ...], list[Person]] = {}
        for person in self.people:
            parts = tuple(person.name.split())
            if len(parts) >= 3:
                given.setdefault(parts[:-1], []).append(person)
        blocked_given = {parts[:-1] for parts in self._blocked}
        self._given_names = {
            g: ps[0] for g, ps in given.items() if len(ps) == 1 and g not in blocked_given and g not in full
        }
        self._names += self._abbreviated(full)
        # A middle name or initial the list left out, given in the text ("Stig Raymond Moe", "Stig R. Moe" for Stig
        # Moe): the first and last word of one person present, and of nobody else listed.
        ends: dict[tuple[str, str], list[Person]] = {}
        for person in self.people:
            parts = tuple(tokens_of(person.name))
            if len(parts) >= 2:
                ends.setdefault((parts[0], parts[-1]), []).append(person)
        blocked_ends = {(parts[0], parts[-1]) for parts in self._blocked if len(parts) >= 2}
        self._middle_left_out = {e: ps[0] for e, ps in ends.items() if len(ps) == 1 and e not in blocked_ends}
        roles: dict[str, list[Person]] = {}
        for person in self.people:
            if person.role:
                roles.setdefault(person.role.casefold(), []).append(person)
        self._definite_roles = {}
        forms: dict[str, set[Person]] = {}
        for role, holders in roles.items():
            for form in _definite_forms(role):
                forms.setdefault(form, set()).update(holders)
        self._definite_roles = {form: next(iter(h)) for form, h in forms.items() if len(h) == 1}
        # "Rådmann orienterte om …", "Kommunalsjef for kultur og oppvekst var opptatt av …": a bare title opening
        # the sentence is its one holder present
        self._bare_roles = {role: holders[0] for role, holders in roles.items() if len(holders) == 1}
        # "Leder takket for fremmøtet", "Sekretæren orienterte": the meeting's chair or minute-taker, by a word of
        # their field label that names an office, where no one present holds it as a title of their own
        self._officers = {
            form: person
            for office, name in (officers or {}).items()
            if name and (person := find_person(name, self.people))
            for form in _office_forms(office)
        }
        self._bodies = {body.casefold(): body for body in layout().speaking_bodies}
        self._memo: dict[tuple[str, ...], list[Mention]] = {}
        self._read: dict[str, tuple[list[str], list[Mention]]] = {}
        orgs: dict[str, list[Person]] = {}
        for person in self.people:
            for alias in organisation_forms(person.organisation):
                orgs.setdefault(alias, []).append(person)
        # An organisation that took part without a named person speaks as itself ("Bufdir orienterte om …").
        for body in people:
            if body.status == "present" and not body.name and body.organisation:
                for alias in organisation_forms(body.organisation):
                    orgs.setdefault(alias, [])
        self._orgs = sorted(
            ((tuple(alias.split()), alias, members) for alias, members in orgs.items()),
            key=lambda item: -len(item[0]),
        )
        self._initials = self._initials_of_one()
        self._names.sort(key=lambda item: -len(item[0]))
        # The names, blocked names and organisations by their first token, in the order they are tried:
        # a token is compared with the few that can begin at it, not with every name of the meeting.
        self._blocked_at: dict[str, list[tuple[str, ...]]] = {}
        for parts in self._blocked:
            if parts:
                self._blocked_at.setdefault(parts[0], []).append(parts)
        self._names_at: dict[str, list[tuple[tuple[str, ...], Person]]] = {}
        for parts, person in self._names:
            if parts:
                self._names_at.setdefault(parts[0], []).append((parts, person))
        self._orgs_at: dict[str, list[tuple[tuple[str, ...], str, list[Person]]]] = {}
        for parts, alias, members in self._orgs:
            if not parts:
                continue
            first = parts[0].casefold()  # what `_org_token_matches` lets open it
            openers = {first} | ({first + suffix for suffix in _DEFINITE_PLURAL} if len(parts) == 1 else set())
            for opener in openers:
                self._orgs_at.setdefault(opener, []).append((parts, alias, members))
        # Every token that can open a mention, casefolded: the rest of a sentence is skipped in one lookup.
        self._triggers = {first.casefold() for first in (*self._blocked_at, *self._names_at)} | set(self._orgs_at)
        self._triggers |= {s.casefold() for s in self._surnames} | set(self._definite_roles)
        self._triggers |= {f.casefold() for f in self._first_names} | set(self._bodies)
        self._triggers |= {i.casefold() for i in self._initials}
        self._ends_at: dict[str, list[tuple[str, str]]] = {}
        for first, last in self._middle_left_out:
            self._ends_at.setdefault(first, []).append((first, last))
        self._given_at: dict[str, list[tuple[str, ...]]] = {}
        for parts in self._given_names:
            self._given_at.setdefault(parts[0], []).append(parts)
        self._triggers |= {first.casefold() for first in self._given_at}

    def _abbreviated(self, full: set[tuple[str, ...]]) -> list[tuple[tuple[str, ...], Person]]:
        """'Tor A' (from 'Tor A.') for Tor Aas: the surname cut to its initial, as minutes name a member again; only
        a form one person present has and nobody listed otherwise."""
        forms: dict[tuple[str, ...], list[Person]] = {}
        for parts, person in self._names:
            if tokens_of(person.name) == list(parts) and surname_initial(parts):  # a full name, not a tail
                forms.setdefault(surname_initial(parts), []).append(person)
        taken = full | {surname_initial(parts) for parts in self._blocked}
        return [(form, ps[0]) for form, ps in forms.items() if len(ps) == 1 and form not in taken]

    def _initials_of_one(self) -> dict[str, Person]:
        """'MS' for Morten Steinsrud: the initials of a name of two or three words, as minutes mark who does what
        ('MS orienterte om saken', '(NS)'); only those one person present has, no one listed otherwise, and no
        organisation there."""

        present: dict[str, list[Person]] = {}
        for person in self.people:
            present.setdefault(initials(person.name), []).append(person)
        taken = {initials(" ".join(parts)) for parts in self._blocked} | {alias for _, alias, _ in self._orgs}
        return {k: ps[0] for k, ps in present.items() if k and len(ps) == 1 and k not in taken}

    def titled_opening(self, tokens: list[str]) -> Mention | None:
        """The one present holder of the bare title a sentence opens with ('Rådmann orienterte …'); else the
        meeting's chair or minute-taker, by their office before a verb of saying or doing ('Leder takket …')."""
        if not tokens or not tokens[0][:1].isupper() or (len(tokens) > 1 and tokens[1][:1].isupper()):
            return None  # "Statssekretær Tom Erlend Skaug …" names someone else
        opening = tokens[0].casefold()
        person = self._bare_roles.get(opening)
        if person is None and opening in self._officers and len(tokens) > 1 and shows_there(tokens[1]):
            person = self._officers[opening]
        return Mention(0, 1, person, person.organisation) if person else None

    def person_named(self, name: str) -> Person | None:
        """A present person by full name, else by a surname only one of them has."""
        return find_person(name, self.people)

    def read(self, sentence: str) -> tuple[list[str], list[Mention]]:
        """A sentence's tokens and mentions, worked out once: attribution reads each sentence two or three times."""
        found = self._read.get(sentence)
        if found is None:
            tokens = tokens_of(sentence)
            found = self._read[sentence] = (tokens, self.mentions(tokens))
        return found

    def mentions(self, tokens: list[str]) -> list[Mention]:
        """Non-overlapping references to present people or their organisations, left to right.

        Remembered per sentence: attribution asks about the same sentence more than once.
        """
        key = tuple(tokens)
        if key not in self._memo:
            self._memo[key] = self._find_mentions(tokens)
        return self._memo[key]

    def _find_mentions(self, tokens: list[str]) -> list[Mention]:
        """Only a trigger token can open a mention, so only those positions are tried, left to right."""
        triggers = self._triggers
        if triggers.isdisjoint(map(str.casefold, tokens)):
            return []  # most sentences name nobody present: one pass in C, not a Python loop over their words
        found: list[Mention] = []
        index = 0
        for position in [i for i, token in enumerate(tokens) if token.casefold() in triggers]:
            if position < index:
                continue  # inside the mention found before
            mention = self._mention_at(tokens, position)
            if mention and not mention.person and not mention.organisation:
                index = mention.end  # a blocked name: skip it
            elif mention:
                start = mention.start
                if start > 0 and is_office_word(tokens[start - 1]) and mention.person:
                    start -= 1
                found.append(Mention(start, mention.end, mention.person, mention.organisation, mention.body))
                index = mention.end
        return found

    def _mention_at(self, tokens: list[str], i: int) -> Mention | None:
        token = tokens[i]
        folded = token.casefold()
        if folded not in self._triggers:
            return None
        for parts in self._blocked_at.get(token, ()):
            if tuple(tokens[i : i + len(parts)]) == parts:
                return Mention(i, i + len(parts), None, "")
        for parts, person in self._names_at.get(token, ()):
            if tuple(tokens[i : i + len(parts)]) == parts:
                return Mention(i, i + len(parts), person, person.organisation)
        for first, last in self._ends_at.get(token, ()):
            for end in range(i + 2, min(i + 2 + MAX_MIDDLE_NAMES, len(tokens))):
                if tokens[end] == last and all(_name_word(t) for t in tokens[i + 1 : end]):
                    if end + 1 < len(tokens) and tokens[end + 1][:1].isupper():
                        break  # "Stig Raymond Moe Hansen" is someone else
                    person = self._middle_left_out[first, last]
                    return Mention(i, end + 1, person, person.organisation)
        if token in self._surnames and not _part_of_other_name(tokens, i):
            person = self._surnames[token]
            return Mention(i, i + 1, person, person.organisation)
        for parts in self._given_at.get(token, ()):
            end = i + len(parts)
            if tuple(tokens[i:end]) == parts and not (end < len(tokens) and tokens[end][:1].isupper()):
                person = self._given_names[parts]  # not "Ole Bjørn Hansen", who is someone else
                return Mention(i, end, person, person.organisation)
        if token in self._first_names and not (i + 1 < len(tokens) and tokens[i + 1][:1].isupper()):
            person = self._first_names[token]  # not "Jonas Dahl", who is someone else
            return Mention(i, i + 1, person, person.organisation)
        if token in self._initials:
            person = self._initials[token]  # "MS orienterte om saken"
            return Mention(i, i + 1, person, person.organisation)
        if folded in self._definite_roles:
            # "Den nye presidenten Hege Valås …": a name right after the title says who holds it
            named = self._mention_at(tokens, i + 1) if i + 1 < len(tokens) and tokens[i + 1][:1].isupper() else None
            if named and named.person:
                return Mention(i, named.end, named.person, named.person.organisation)
            person = self._definite_roles[folded]
            return Mention(i, i + 1, person, person.organisation)
        if folded in self._bodies:
            return Mention(i, i + 1, None, token, body=True)
        for parts, alias, members in self._orgs_at.get(folded, ()):
            window = tokens[i : i + len(parts)]
            if len(window) == len(parts) and all(
                _org_token_matches(t, a, k == len(parts) - 1)
                for k, (t, a) in enumerate(zip(window, parts, strict=True))
            ):
                person = members[0] if len(members) == 1 else None
                # a body no attendee stands for speaks only beside a verb of saying, as a layout's body does
                return Mention(i, i + len(parts), person, alias, body=not members)
        return None


MAX_MIDDLE_NAMES = 2  # "Anne Marie Kristine Dahl": more words between than this are no name the list shortened


def _name_word(token: str) -> bool:
    """'Raymond', 'R' (an initial, its full stop dropped): a word that can stand inside a name."""
    return token[:1].isupper() and (len(token) == 1 or token[1:].islower())


def _definite_forms(role: str) -> set[str]:
    """'statsråd' → statsråden, statsrådn…; an office equivalent to it ('minister') and its last part
    ('sosialminister' → ministeren) name it too."""
    stems = {role}
    for group in layout().role_equivalents:
        if any(role.endswith(member.casefold()) for member in group):
            stems |= {member.casefold() for member in group}
    stems |= {suffix.casefold() for suffix in layout().role_suffixes if role.endswith(suffix.casefold())}
    return {stem + ending for stem in stems for ending in ("en", "n")}


def _office_forms(office: str) -> set[str]:
    """'leder', 'lederen', 'leiaren', 'sekretæren': the words of an office's field labels (`fields` in the layout
    file) that name a person's office (`roles`, `role_suffixes`, `meeting_functions`), bare and definite; not
    'Referat' or 'Sekretariat'."""
    words = {
        label.casefold()
        for label in layout().labels.get(office, ())
        if " " not in label and (is_office_word(label) or label.casefold() in layout().meeting_functions)
    }
    return words | {form for word in words for form in _definite_forms(word)}


def _part_of_other_name(tokens: list[str], i: int) -> bool:
    """'Ola Nordmann' is not Kari Nordmann: a surname after another capitalised name is someone else's.

    A role ("Statsråd Hauglie") is no first name, nor is a function word
    capitalised only because it opens the sentence ("Så Hauglie …").
    """
    if i == 0:
        return False
    before = tokens[i - 1]
    if not before[:1].isupper() or is_office_word(before):
        return False
    return not (i == 1 and before.casefold() in STOP_WORDS)


def tokens_of(sentence: str) -> list[str]:
    return _TOKEN.findall(sentence)


def _is_reporting(token: str) -> bool:
    return lemma(token, "nb+nn") in REPORTING_LEMMAS


def _followed_by_reporting_verb(tokens: list[str], end: int, window: int = 4) -> bool:
    for token in tokens[end : end + window]:
        if _is_reporting(token):
            return True
        if token.casefold() not in _BRIDGE and not token[:1].isupper():
            return False
    return False


def _proposed_by(tokens: list[str], start: int) -> bool:
    """'Forslag fra Lars Ole om at …', 'Spørsmål frå Kari Lie': the sentence opens with what the person put to the
    meeting (`proposal_nouns`) and 'fra'/'frå' before the name."""
    return (
        start == 2
        and tokens[1].casefold() in ("fra", "frå")
        and lemma(tokens[0].casefold(), "nb+nn") in layout().proposal_nouns
    )


def _presented_by(tokens: list[str], start: int) -> bool:
    """'en orientering av leder Anna Jakobsen', 'innlegg ved Kari Nordmann': the person gives the talk, and what
    follows is theirs as after 'Anna Jakobsen orienterte'. Not in 'Etter en orientering ved X ble det åpnet for
    spørsmål': what comes after the talk is someone else's."""
    return tokens[0].casefold() != "etter" and (presentation_before(tokens, start) or had_the_turn(tokens[:start]))


def _opens_with_full_name(sentence: str, tokens: list[str], mention: Mention) -> bool:
    """'Barne-, ungdoms- og familiedirektoratet (Bufdir) orienterte …': the mention is the bracketed short name of
    the capitalised full name the sentence opens with, no verb of saying before it."""
    short = " ".join(tokens[mention.start : mention.end])
    bracket = re.match(rf"^(?P<full>[A-ZÆØÅ][^()]{{1,80}}?)\s*\(\s*{re.escape(short)}\s*\)", sentence)
    return bool(bracket) and not any(_is_reporting(t) for t in tokens_of(bracket["full"]))


# A sentence opened by a full name, then a word: "Per Holm sa …"
_OPENING_NAME = re.compile(rf"\s*(?P<name>{NAME})\s+(?P<verb>[a-zæøå]+)\b")


def _spoken_through(tokens: list[str], mentions: list[Mention]) -> Mention | None:
    """'Idrettsrådet, ved Anne-Lise Bratsberg, ønsket velkommen': the person a body opening the sentence speaks
    through, never the body's one member present; None where the sentence names no one so."""
    if len(mentions) < 2 or mentions[0].end >= len(tokens) or tokens[mentions[0].end] != "ved":
        return None  # most sentences: no one after 'ved'
    body, after = mentions[0], mentions[1]
    if " ".join(tokens[body.start : body.end]).casefold() != body.organisation.casefold():
        return None  # "Kari Lie ved NAV sa …": a person at a body, who speaks herself
    return after if after.person is not None and after.start - body.end in (1, 2) else None


# "…, forteller han.", "…, sa ho til avisa.": a verb of saying and a pronoun closing the sentence
_CLOSING_PRONOUN = re.compile(r",\s*(?P<verb>[a-zæøå]+)\s+(?P<pronoun>[a-zæøå]+)\b[^,]{0,30}[.!]?\s*$")


def _closed_by_pronoun(sentence: str) -> bool:
    """'Under møtene har organisasjonene bidratt, forteller han.': the person last named said it."""
    match = _CLOSING_PRONOUN.search(sentence)
    return bool(match) and match["pronoun"] in PRONOUNS and _is_reporting(match["verb"])


def _may_open_with_a_name(tokens: list[str]) -> bool:
    """A capital on the second or third word: most sentences have none there, and no name opens them."""
    return len(tokens) > 2 and (tokens[1][:1].isupper() or tokens[2][:1].isupper())


def _stranger_speaks(sentence: str, tokens: list[str]) -> bool:
    """'Per Holm informerte om …', 'Rådgiver Per Holm sa …': a sentence opened by a full name nobody present has,
    perhaps after its title, then a verb of saying; or 'Åke orienterte om turer', 'Dahl syntes …': by one word of a
    name's shape (`name_shaped`), then a verb of saying. Someone the attendance list does not name speaks (a guest, an
    absent member, a person the text named in passing)."""
    if not _may_open_with_a_name(tokens):
        # one word, then its verb of saying (`tokens[1]`, the cheap test first)
        alone = FIRST_NAME_OPENING.match(sentence.lstrip()) if len(tokens) > 1 and _is_reporting(tokens[1]) else None
        return bool(alone) and name_shaped(alone["name"], alone["after"])
    title, _, rest = sentence.lstrip().partition(" ")
    for opening in (sentence, rest) if is_office_word(title) else (sentence,):
        match = _OPENING_NAME.match(opening)
        if match and looks_like_name(match["name"]) and _is_reporting(match["verb"]):
            return True
    return False


def _aside_after(sentence: str, end: int) -> int:
    """The number of tokens in a bracket right after the token before `end` ('Stig Moe (daglig leder i Bikuben)
    informerte'): an aside the verb of saying comes after."""
    spans = [match.span() for match in _TOKEN.finditer(sentence)]
    if not 0 < end < len(spans) or "(" not in sentence[spans[end - 1][1] : spans[end][0]]:
        return 0
    close = sentence.find(")", spans[end][0])
    return sum(1 for start, _ in spans[end:] if start < close) if close >= 0 else 0


# A speaker's turn written as a label opening the sentence: "Kari: Vi bør vente.", "Ole Bjørn: Nei."
MAX_TURN_LABEL = 60  # characters: a label's colon stands this near the start, most sentences have none there
_TURN_LABEL = re.compile(r"^\s*(?P<who>[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’.-]*){0,3})\s*:\s+\S")


# An attendee's name between commas after a title opening the sentence, then the verb: "Kasseraren, Berit Krogh, la
# fram rekneskapen", "Medlem av valgkomiteen i FFO, Anders Høgre, følgte opp".
MAX_APPOSITION = 60  # characters of the title and the name: the first comma stands this near the start
MAX_APPOSITION_TITLE = 6  # words of the title
_APPOSITION = re.compile(r"\s*(?P<title>[^,]{1,60}),\s+(?P<name>[^,]{3,60}),\s+(?P<next>[a-zæøå]+)\b")


def _apposed(sentence: str, mentions: list[Mention]) -> Mention | None:
    """The attendee named between commas after a title opening the sentence, then a word that goes on with it (not
    'og': "Per Holm, Kari Lie og …" lists names); the title is no name itself, and the mention may take in its last
    word ('leder Liv A. Hansen')."""
    match = _APPOSITION.match(sentence)
    if match is None or match["next"] in _NAMES_GO_ON or looks_like_name(match["title"]):
        return None
    title = len(tokens_of(match["title"]))
    end = title + len(tokens_of(match["name"]))
    return next((m for m in mentions if m.person and m.end == end and m.start <= title <= MAX_APPOSITION_TITLE), None)


_NAMES_GO_ON = frozenset({"og", "eller", "samt"})  # "Per Holm, Kari Lie og …"


def subject_of(sentence: str, roster: Roster) -> tuple[Mention | None, str]:
    """The mention the sentence reports and the rule that found it ('named', 'pronoun' or '')."""
    tokens, mentions = roster.read(sentence)
    if not tokens:
        return None, ""
    # "2) Siv tok en gjennomgang …": the point's number first (a digit tested before the pattern)
    opening = 1 if tokens[0].isdigit() and POINT_NUMBER.match(sentence) else 0
    if mentions and mentions[0].start == opening and not mentions[0].body:
        through = _spoken_through(tokens, mentions)
        return through or mentions[0], "named"
    apposed = _apposed(sentence, mentions) if mentions and "," in sentence[:MAX_APPOSITION] else None
    if apposed:
        return apposed, "named"  # "Lokallagets leder, Liv A. Hansen, åpnet møtet"
    turn = _TURN_LABEL.match(sentence) if ":" in sentence[:MAX_TURN_LABEL] else None
    if turn:  # "Kari: Vi bør vente.": the label's first name is an attendee's, the capital after it no surname
        label_tokens, label_mentions = roster.read(turn["who"])
        if len(label_mentions) == 1 and label_mentions[0].person and label_mentions[0].end == len(label_tokens):
            return label_mentions[0], "named"
    titled = roster.titled_opening(tokens)
    if titled:
        return titled, "named"
    if tokens[0].casefold() in PRONOUNS or (not PRONOUNS.isdisjoint(tokens[-4:]) and _closed_by_pronoun(sentence)):
        return None, "pronoun"  # "Han sa …", "…, forteller han." (a pronoun among the last words tested first)
    if mentions and mentions[0].person and _proposed_by(tokens, mentions[0].start):
        return mentions[0], "named"  # "Forslag fra Lars Ole om at …"
    talky: bool | None = None  # whether the sentence names a talk: tested once, when a mention needs it
    for mention in mentions:
        if mention.person and _presented_by(tokens, mention.start):
            return mention, "named"
        before = tokens[mention.start - 1] if mention.start > 0 else ""
        infinitive = mention.start > 1 and tokens[mention.start - 2].casefold() in _MODALS  # "skal gi regjeringen råd"
        if before and _is_reporting(before) and not (mention.body and infinitive):
            return mention, "named"
        if mention.person and closes_quote(sentence, tokens, mention.start):
            return mention, "named"
        # a body speaks as the sentence's subject ("Styret er enig …"), not inside a clause ("… at regjeringen løfter");
        # its short name in brackets after the full one opens the sentence too ("Barne-, … direktoratet (Bufdir) …")
        subject = mention.start == 0 or not mention.body or _opens_with_full_name(sentence, tokens, mention)
        aside = _aside_after(sentence, mention.end) if "(" in sentence else 0  # "… Moe (daglig leder i X) informerte"
        if subject and _followed_by_reporting_verb(tokens, mention.end + aside):
            return mention, "named"
        if mention.person and talky is None:
            talky = may_name_a_talk(sentence)  # substring tests first: most sentences name no talk
        if mention.person and talky and talk_given(tokens[: mention.start], tokens[mention.end + aside :]):
            return mention, "named"  # "… gjorde Torbjørn Reisæter ei oppsummering", "Kari Lie (V) stilte …"
    return None, ""


# "…, skriver IMDi": an organisation written with two capitals or more, after a verb of saying.
_QUOTED_BODY = re.compile(r"\b(?P<verb>[a-zæøå]+)\s+(?P<body>[A-ZÆØÅ][\wæøå]*[A-ZÆØÅ][\wæøåÆØÅ]*)\b")
# '"Vi må finne balansen." - Are': a quotation signed after its closing mark.
_SIGNED = re.compile(r"[\"”»]\s*[-–]\s*(?P<who>[A-ZÆØÅ][\wæøå-]+(?:\s[A-ZÆØÅ][\wæøå-]+){0,3})\s*$")


# A title with its organisation between a closing verb of saying and the name: "…, sier generalsekretær i
# Frivillighet Norge, Stian Slotterøy Johnsen", "…, sier arbeids- og sosialminister Torbjørn Røe Isaksen".
MAX_CLOSING_TITLE_TOKENS = 8
_UNIT_PREPOSITIONS = frozenset("i for ved hos fra frå på".split())


def closes_quote(sentence: str, tokens: list[str], start: int) -> bool:
    """Whether the mention at `start` is named by the clause that closes a quotation: a comma, a verb of saying,
    then at most a title and the title's organisation ('…, sier leder i Mental Helse Ole Hansen').

    The comma and the title keep out a name the verb governs otherwise: '… sier at Kari Nordmann …',
    '… sa til Kari Nordmann'.
    """
    for k in range(start - 1, max(-1, start - MAX_CLOSING_TITLE_TOKENS - 2), -1):
        if not _is_reporting(tokens[k]):
            continue
        between = tokens[k + 1 : start]
        if between and (not between[0].islower() or between[0].casefold() in STOP_WORDS):
            return False
        in_unit = False
        for token in between[1:]:
            in_unit = in_unit or token.casefold() in _UNIT_PREPOSITIONS
            if not in_unit and not token.islower():
                return False
        return re.search(rf",\s*{re.escape(tokens[k])}\b", sentence) is not None
    return False


def quote_speaker(sentences: list[str], roster: Roster) -> Mention | None:
    """In '– …, sier statssekretær Morten Bakke.' the whole quote is his; in '– …, skriver IMDi.' the body's.

    A person the quote is attributed to comes before a body: in '– … Nå ønsker regjeringen å …, sier
    kulturminister Hadia Tajik.' the body is what she speaks about.
    """
    attributed = list(_quote_attributions(sentences, roster))
    return next((mention for mention in attributed if mention.person), attributed[0] if attributed else None)


def _quote_attributions(sentences: list[str], roster: Roster) -> Iterator[Mention]:
    """Every mention a quote paragraph attributes itself to, in reading order."""
    for sentence in sentences:
        tokens, mentions = roster.read(sentence)
        for mention in mentions:
            after = tokens[mention.end] if mention.end < len(tokens) else ""
            before = tokens[max(0, mention.start - MAX_TITLE_TOKENS - 1) : mention.start]  # the verb, then the title
            verb_before = next((k for k in range(len(before) - 1, -1, -1) if _is_reporting(before[k])), None)
            titled = verb_before is not None and all(t[:1].islower() for t in before[verb_before + 1 :])
            if titled or (after and _is_reporting(after)) or closes_quote(sentence, tokens, mention.start):
                yield mention
        for match in _QUOTED_BODY.finditer(sentence):
            if _is_reporting(match["verb"]) and not roster.mentions([match["body"]]):
                yield Mention(0, 0, None, match["body"])


def said_by_pronoun(sentences: list[str]) -> bool:
    """'– …, sa han.': a quotation closed by a verb of saying and a pronoun.

    The pronoun's antecedent is the last person the text named, as a reader takes it.
    """
    return any(
        _is_reporting(verb) and pronoun.casefold() in PRONOUNS
        for sentence in sentences
        for verb, pronoun in pairwise(tokens_of(sentence))
    )


def signed_by(sentences: list[str], roster: Roster) -> Mention | None:
    """The person who signs a quotation after it ('"…" - Kim'), when the roster knows them."""
    match = _SIGNED.search(" ".join(sentences)) if sentences else None  # the splitter may part '- Kim' from it
    if not match:
        return None
    mentions = roster.mentions(tokens_of(match["who"]))
    return mentions[0] if mentions and mentions[0].person else None


def unmarked_quote(sentences: list[str], roster: Roster) -> Mention | None:
    """The attendee a news paragraph quotes without its opening dash: it speaks in the first person, names no
    attendee before its last sentence, and that sentence closes with a verb of saying and the name ('Noe av det
    viktigste for meg … Derfor er arbeidet viktig for meg, sa Erna Solberg i si innledning.')."""
    if len(sentences) < MIN_SIGNED or sentences[0].startswith(QUOTE_OPENERS):
        return None
    earlier = [roster.read(sentence) for sentence in sentences[:-1]]
    if any(mentions for _, mentions in earlier):
        return None
    if not any(token.casefold() in FIRST_PERSON for tokens, _ in earlier for token in tokens):
        return None
    tokens, mentions = roster.read(sentences[-1])
    return next((m for m in mentions if m.person and closes_quote(sentences[-1], tokens, m.start)), None)


MIN_SIGNED = 2


def signed_below(sentences: list[str], roster: Roster) -> Mention | None:
    """A pulled quote over its speaker's full name alone on the line below ('… flere i jobb' / 'Erna Solberg'),
    when the name is an attendee's: news sets quotes so."""
    if len(sentences) < MIN_SIGNED:  # a name and what it signs
        return None
    if any(names_only(roster.read(sentence)[0]) for sentence in sentences[:-1]):
        return None  # names over a name are a photo's caption, not a quote
    tokens, mentions = roster.read(sentences[-1])
    whole = [m for m in mentions if m.person and m.start == 0 and m.end == len(tokens)]
    named_in_full = whole and len(tokens) == len(tokens_of(whole[0].person.name))
    return whole[0] if named_in_full else None


@dataclass(frozen=True)
class Attribution:
    speaker: str
    organisation: str
    rule: str  # named | pronoun | carried | presenter | quote | caption | ''


NOBODY = Attribution("", "", "")
# A photo's credit or caption: nobody's speech, and no change to who speaks around it.
CAPTION = Attribution("", "", "caption")

# A sentence that is a photo credit: "Foto: NHF", "(Foto: Bjørg Karin Buttedahl)".
_CREDIT = re.compile(rf"^\(?\s*{PHOTO_CREDIT_LABEL}\s*:")
# Words that join the names of a caption line: "Leder i NHFU, Gabriel Wilhelmsen Hoff".
_CAPTION_LINKS = _UNIT_PREPOSITIONS | {"og"}


def photo_lines(sentences: list[str]) -> list[bool]:
    """Which of a paragraph's sentences belong to a photo: each credit, and the caption just before it where the
    caption opens the paragraph or follows another photo's credit ('Rune Jensen FNDB. Foto: FNDB').

    A sentence before a credit at the end of running text stays text: a flattened page may print the credit
    after the paragraph the photo stood beside.
    """
    credits = [bool(_CREDIT.match(sentence)) for sentence in sentences]
    photo = list(credits)
    for k in range(len(sentences) - 1):
        if credits[k + 1] and not credits[k] and (k == 0 or photo[k - 1]):
            photo[k] = True
    return photo


def names_only(tokens: list[str]) -> bool:
    """'Leder i NHFU, Gabriel Wilhelmsen Hoff', 'Rune Jensen FNDB.': names, titles and organisations with no verb,
    so nothing said; in news such a line is a photo's caption."""
    return len(tokens) >= MIN_SIGNED and all(
        token[:1].isupper() or len(token) == 1 or token in _CAPTION_LINKS or is_office_word(token) for token in tokens
    )


def _from_mention(mention: Mention, rule: str) -> Attribution:
    name = mention.person.name if mention.person else ""
    organisation = mention.person.organisation if mention.person else mention.organisation
    return Attribution(name, organisation, rule)


def attribute_paragraph(
    sentences: list[str],
    roster: Roster,
    current: Attribution,
    *,
    narrative: bool,
    mentioned: Attribution = NOBODY,
) -> list[Attribution]:
    """Attributions for one paragraph's sentences, given the speaker in force before it.

    `narrative` is for news items and invitations: their unattributed
    sentences are the journalist's, so a paragraph starts with nobody
    speaking, and a quote paragraph belongs to the person it is attributed to
    or, failing that, to the speaker of the paragraph before it. A sentence
    opened by a pronoun with nobody speaking refers to `mentioned`, the last
    attendee the text named. A quotation signed after it ('"…" - Kim') is the
    signer's in any document.
    """
    label = speaker_label(sentences[0]) if sentences else None
    said_by = roster.read(label["who"])[1] if label else []
    if said_by and said_by[0].start == 0 and not said_by[0].body:  # a transcript's "Marit Nybakk (A) [13:09:42]: …"
        return [_from_mention(said_by[0], "named")] * len(sentences)
    photo = photo_lines(sentences)
    if any(photo):  # the rest is read as if the photo were not there
        text = [sentence for sentence, pictured in zip(sentences, photo, strict=True) if not pictured]
        said = iter(attribute_paragraph(text, roster, current, narrative=narrative, mentioned=mentioned))
        return [CAPTION if pictured else next(said) for pictured in photo]
    signer = signed_by(sentences, roster)
    if signer:
        return [_from_mention(signer, "quote")] * len(sentences)
    if narrative:
        signature = signed_below(sentences, roster)
        if signature:
            return [_from_mention(signature, "quote")] * len(sentences)
        unmarked = unmarked_quote(sentences, roster)
        if unmarked:
            return [_from_mention(unmarked, "quote")] * len(sentences)
        is_quote = bool(sentences) and sentences[0].startswith(QUOTE_OPENERS)
        who = NOBODY
        if is_quote:
            quoted = quote_speaker(sentences, roster)
            if quoted:
                who = _from_mention(quoted, "quote")
            elif current.speaker:
                who = Attribution(current.speaker, current.organisation, "quote")
            elif mentioned.speaker and said_by_pronoun(sentences):
                who = Attribution(mentioned.speaker, mentioned.organisation, "quote")
        if who != NOBODY:
            # "– …, sa Horne. Tolv organisasjoner var til stede.": the quote ends with the clause that closes it
            end = quote_end(sentences) + 1
            rest = _narrate(sentences[end:], roster, who, mentioned, narrative=narrative)
            return [who] * end + rest
        current = NOBODY
    return _narrate(sentences, roster, current, mentioned, narrative=narrative)


# ", sa Horne.", ", sier han": a comma, then a verb of saying, closing a quotation
_CLOSING = re.compile(r",\s*(?P<verb>[a-zæøå]+)\s")


def quote_end(sentences: list[str]) -> int:
    """The index of the sentence whose closing clause ends a quote paragraph's quotation; the last if none does."""
    for k, sentence in enumerate(sentences):
        if any(_is_reporting(match["verb"]) for match in _CLOSING.finditer(sentence)):
            return k
    return len(sentences) - 1


def _narrate(
    sentences: list[str], roster: Roster, current: Attribution, mentioned: Attribution, *, narrative: bool
) -> list[Attribution]:
    """Sentence by sentence: a named subject speaks, a pronoun or an unnamed sentence keeps the speaker in force."""
    result = []
    for sentence in sentences:
        tokens = roster.read(sentence)[0]
        if narrative and names_only(tokens):
            result.append(CAPTION)
            continue
        mention, rule = subject_of(sentence, roster)
        speaking = current.speaker or current.organisation
        said_nothing = reports_presence(tokens, LEAVING_PHRASES) if mention else speaking and reports_presence(tokens)
        if said_nothing:
            # "Tolv organisasjoner var til stede", "Per Vik fratrådte møtet": nobody's speech, and the speech before
            # it has ended; a pronoun after it still finds the person it named. ("Statsråden møtte LUPE" is hers:
            # the actor of what the sentence reports.)
            current = current if rule == "pronoun" else NOBODY
            result.append(NOBODY)
        elif not mention and speaking and rule != "pronoun" and FLOOR_PHRASES.in_tokens(tokens):
            # "Deretter var det spørsmål fra salen: …": the floor speaks, until someone is named
            current = NOBODY
            result.append(NOBODY)
        elif mention:
            current = _from_mention(mention, rule)
            result.append(current)
        elif not mention and speaking and tokens and tokens[0][:1].isupper() and _stranger_speaks(sentence, tokens):
            current = NOBODY  # "Per Holm informerte om …", Per Holm on no list: his speech, not the one before
            result.append(NOBODY)
        elif current.speaker or current.organisation:
            kept = "pronoun" if rule == "pronoun" else ("presenter" if current.rule == "presenter" else "carried")
            result.append(Attribution(current.speaker, current.organisation, kept))
        elif rule == "pronoun" and mentioned.speaker:
            current = Attribution(mentioned.speaker, mentioned.organisation, "pronoun")
            result.append(current)
        else:
            result.append(NOBODY)
        mentioned = last_mentioned([sentence], roster, mentioned)
        floor = _given_the_floor(sentence, roster)
        if floor:
            current = mentioned = floor  # "… gav ordet til dagens foredragsholder, Harald Norman.": he speaks next
    return result


_FLOOR_GIVEN_BEFORE = 3  # tokens before a name given the floor at least: a turn noun, a verb, "til"


def _given_the_floor(sentence: str, roster: Roster) -> Attribution | None:
    """The attendee a sentence gives the floor to ('Leif kunne gi ordet til dagens foredragsholder, Harald Olimb
    Norman'), who speaks the sentences after it; None where it gives nobody the floor."""
    tokens, mentions = roster.read(sentence)
    later = [m for m in mentions if m.person and m.start >= _FLOOR_GIVEN_BEFORE]
    if not later or not may_give_the_floor(sentence):  # most sentences name nobody after their opening
        return None
    given = next((m for m in later if gives_the_floor(tokens[: m.start])), None)
    return _from_mention(given, "named") if given else None


def last_mentioned(sentences: list[str], roster: Roster, before: Attribution) -> Attribution:
    """The last attendee these sentences name, else `before`: what a pronoun after them refers to."""
    for sentence in reversed(sentences):
        named = [m for m in roster.read(sentence)[1] if m.person]
        if named:
            return _from_mention(named[-1], "named")
    return before
