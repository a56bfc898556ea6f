"""Who said what: attribution on the real documents, sentence by sentence where it matters."""

import pytest

from analysis.base.records import Person
from analysis.parse.agenda import outline
from analysis.parse.participants import prose_people
from analysis.parse.segment import segment_blocks
from analysis.parse.speakers import CAPTION, NOBODY, Attribution, Roster, attribute_paragraph, subject_of

# (start of the sentence in the real document, the person it belongs to)
EXPECTED = [
    ("Statsråd Anniken Hauglie ønsket velkommen", "Anniken Hauglie"),
    ("Statsråden orienterte om status", "Anniken Hauglie"),
    ("Hun understreket at inkluderingsdugnaden", "Anniken Hauglie"),
    ("Regjeringens bevilgning på 125 mill.", "Anniken Hauglie"),
    ("Hemminghytt startet med å fortelle", "Leni Buljo Hemminghytt"),
    # a finance minister quoted in passing is not a speaker
    ("Dette gjør det til et spesielt stort problem", "Leni Buljo Hemminghytt"),
    ("KREM snakker mye med kvinner", "Leni Buljo Hemminghytt"),
    # another ministry's state secretary is mentioned, not present
    ("Statssekretær Tom Erlend Skaug i Kunnskapsdepartementet", "Leni Buljo Hemminghytt"),
    ("Johan Lothe begynte sin presentasjon", "Johan Lothe"),
    ("Så til utfordringene.", "Johan Lothe"),
    ("Han etterlyste også mer psykososial innsats", "Johan Lothe"),
    ("Nasreen Begum begynte med å stille spørsmål", "Nasreen Begum"),
    ("Som Statsminister Erna Solberg har sagt", "Nasreen Begum"),
    ("Bydelsmødrene bidrar her", "Nasreen Begum"),
    ("Strømmen startet sitt innlegg", "Olav Strømmen"),
    ("Velferdsalliansen mener at regjeringen", "Olav Strømmen"),
    ("Statsråd Hauglie takket så for gode innlegg", "Anniken Hauglie"),
    ("Hun ønsket først å kommentere Velferdsalliansens innspill", "Anniken Hauglie"),
    ("Johan Lothe fra Wayback kommenterte", "Johan Lothe"),
    ("Marte Kristine Bjertnæs fra ASD kommenterte", "Marte Kristine Bjertnæs"),
    ("Statsråd Hauglie kommenterte at dette er fortsatt", "Anniken Hauglie"),
    ("Ellen Bachmann ga uttrykk for", "Ellen Bachmann"),
    ("Fredrik Nilsson fra RIO uttalte", "Fredrik Nilsson"),
    ("Hauglie kommenterte at man jobber med bedre samarbeid", "Anniken Hauglie"),
    ("Strømmen ønsket å kommentere på HOLF-prosjektet", "Olav Strømmen"),
    ("Begum kommenterte at ressursene", "Nasreen Begum"),
    ("Dette brakte statssekretær Gimse til å kommentere", "Guro Angell Gimse"),
    ("Bjertnæs fra Arbeidsmarkedsavdelingen i ASD ønsket", "Marte Kristine Bjertnæs"),
    ("Hun fortalte at lønnstilskudd gis for tre måneder", "Marte Kristine Bjertnæs"),
    ("Velferdsalliansen spurte om det gjøres noe", "Olav Strømmen"),
    ("Statsråd Hauglie fortalte at det ikke vurderes redusert arbeidsgiveravgift", "Anniken Hauglie"),
    ("Til slutt takket statsråd Hauglie", "Anniken Hauglie"),
    # the news item: the quote and the quoted lines next to the attribution are Bakke's
    ("– Det er nyttig å møte aktører", "Morten Bakke"),
    ("Innspillene er viktige bidrag", "Morten Bakke"),
    ("Statssekretær Bakke avsluttet møtet", "Morten Bakke"),
    ("– For å lykkes med arbeidsinkludering", "Morten Bakke"),
    ("Dette har jeg fått mange eksempler på i dag.", "Morten Bakke"),
    # narrative sentences of the news item are the journalist's
    ("I slutten av oktober inviterte statssekretær Morten Bakke", ""),
    ("De sosiale entreprenørene påpekte", ""),
]


@pytest.mark.parametrize("start, speaker", EXPECTED)
def test_speaker_of_real_sentence(segments, start: str, speaker: str) -> None:
    rows = segments[segments["text"].str.startswith(start)]
    assert len(rows) == 1, f"{start!r} should start exactly one sentence"
    assert rows.iloc[0]["speaker"] == speaker


def test_speakers_are_always_present_attendees(built, segments) -> None:
    attendees = built[1].tables["attendees"]
    present = set(zip(attendees["meeting_id"], attendees["name"], strict=True))
    spoken = {(m, s) for m, s in zip(segments["meeting_id"], segments["speaker"], strict=True) if s}
    assert spoken <= present
    assert not {"Siv Jensen", "Erna Solberg", "Tom Erlend Skaug"} & {s for _, s in spoken}


def test_organisation_follows_the_speaker(segments) -> None:
    lothe = segments[segments["speaker"] == "Johan Lothe"]
    assert set(lothe["organisation"]) == {"Wayback"}


def test_presentation_sentences_default_to_presenter(segments) -> None:
    krem = segments[segments["item_no"] == "3.1"]
    assert set(krem["speaker"]) == {"Leni Buljo Hemminghytt"}
    assert set(krem["section"]) == {"Varig arbeid som målsetning i inkluderingsdugnaden"}


def test_every_minutes_sentence_has_a_speaker(segments) -> None:
    minutes = segments[segments["meeting_id"] == "2019-12-06_kontaktutvalget_referat"]
    assert (minutes["speaker"] != "").all()
    assert set(minutes["attribution"]) <= {"named", "pronoun", "carried", "presenter"}


def test_organisation_with_several_attendees_is_not_pinned_on_one_of_them() -> None:
    roster = Roster(
        [
            Person("Ellen Bachmann", organisation="Batteriet Oslo"),
            Person("Tea Skogsrud", organisation="Batteriet Oslo"),
        ]
    )
    result = attribute_paragraph(["Batteriet Oslo mener at dette er viktig."], roster, NOBODY, narrative=False)
    assert (result[0].speaker, result[0].organisation) == ("", "Batteriet Oslo")


def test_absent_people_never_speak() -> None:
    roster = Roster(
        [
            Person("Ola Nordmann", organisation="NAV", status="absent"),
            Person("Kari Nordmann", organisation="ASD"),
        ]
    )
    result = attribute_paragraph(["Ola Nordmann kommenterte at dette er viktig."], roster, NOBODY, narrative=False)
    assert result[0].speaker == ""


def _minutes_speakers(sentences: list[str], roster: Roster, current: Attribution = NOBODY) -> list[str]:
    """Who speaks each of a minutes paragraph's sentences."""
    return [a.speaker for a in attribute_paragraph(sentences, roster, current, narrative=False)]


def test_a_middle_name_or_initial_the_list_left_out_is_still_the_listed_person() -> None:
    """'Til stede: Stig Moe' over 'Stig Raymond Moe informerte …': the same person, not a stranger whose sentence
    goes on the speech before; never one whose first and last names two listed people share, or an absent one's."""
    roster = Roster([Person("Johanna Engen"), Person("Stig Moe"), Person("Eva Dahl"), Person("Eva Lie Dahl")])
    engen = Attribution("Johanna Engen", "", "named")
    for sentence in ("Stig Raymond Moe informerte om Bikuben.", "Nestleder Stig R. Moe informerte om Bikuben."):
        assert _minutes_speakers([sentence], roster, engen) == ["Stig Moe"]
    # someone else, or one of two: nobody present speaks
    assert _minutes_speakers(["Stig Raymond Moe Hansen informerte om Bikuben."], roster, engen) == [""]
    assert _minutes_speakers(["Eva Marie Dahl informerte om saken."], roster, engen) == [""]
    absent = Roster([Person("Johanna Engen"), Person("Stig Moe"), Person("Stig Berg Moe", status="absent")])
    assert _minutes_speakers(["Stig Raymond Moe informerte om Bikuben."], absent, engen) == [""]


def test_a_bracketed_aside_between_the_name_and_its_verb_of_saying_keeps_the_name_the_subject() -> None:
    """'Driftsmodellen: Organisatorisk nestleder Stig Moe (daglig leder i Bikuben) informerte om …' is his."""
    roster = Roster([Person("Johanna Engen"), Person("Stig Moe")])
    engen = Attribution("Johanna Engen", "", "named")
    sentence = "Driftsmodellen: Organisatorisk nestleder Stig Moe (daglig leder i Bikuben) informerte om Bikuben."
    assert _minutes_speakers([sentence], roster, engen) == ["Stig Moe"]
    # the verb inside the bracket is no verb of the name's
    aside = "Driftsmodellen: Vi møtte Stig Moe (som informerte om Bikuben) og gikk videre."
    assert _minutes_speakers([aside], roster, engen) == ["Johanna Engen"]


def test_a_full_name_on_no_list_speaking_ends_the_speech_before() -> None:
    """'Marvin Wiseth startet med å si …' in minutes that do not list him: his words, not those of the member who
    spoke before; the sentences after it are nobody's until someone present is named. So after one word of a
    name's shape ('Åke orienterte …') or a title the list gives nobody. A label before a body ('Vedtak: Styret ber
    om …'), a capitalised phrase, a word put first or an inflected noun is no such name."""
    roster = Roster([Person("Johanna Engen"), Person("Stig Moe")])
    engen = Attribution("Johanna Engen", "", "named")
    said = (
        "Marvin Wiseth startet med å si at Churchill var hans lidenskap.",
        "Rådgiver Per Holm sa nei.",
        "Åke orienterte om turer.",  # one word of a name's shape: someone the list does not name
        "Wiseth syntes det var et godt forslag.",
        "Kasserer orienterte om regnskapet.",  # a title the list gives nobody: not the speaker before either
    )
    for sentence in said:
        assert _minutes_speakers([sentence, "Det ble stille."], roster, engen) == ["", ""]
    kept = (
        "Vedtak: Styret ber om en ny sak.",
        "Per Holm leste et dikt.",
        "Johanna Engen informerte om året.",
        "Regnskapet viste et overskudd.",  # an inflected noun, no name
        "Deretter orienterte hun om året.",  # a word put first
        "Alle syntes det var bra.",
    )
    for sentence in kept:
        assert _minutes_speakers([sentence], roster, engen) == ["Johanna Engen"]
    assert len(_minutes_speakers(["* * *", "– –"], roster, engen)) == 2  # no word at all: no name, and no failure


def test_a_body_opening_the_sentence_speaks_through_the_person_after_ved() -> None:
    """'Idrettsrådet, ved Anne-Lise Bratsberg, ønsket velkommen' is hers, not the body's one other member present;
    'Kari Lie ved NAV sa …' is Kari Lie's."""
    roster = Roster([Person("Anne-Lise Bratsberg"), Person("Frøydis Eriksen", organisation="Idrettsrådet")])
    sentence = "Idrettsrådet, ved Anne-Lise Bratsberg, ønsket så velkommen."
    assert _minutes_speakers([sentence], roster) == ["Anne-Lise Bratsberg"]
    assert _minutes_speakers(["Idrettsrådet orienterte om året."], roster) == ["Frøydis Eriksen"]
    at_body = Roster([Person("Kari Lie", organisation="NAV"), Person("Per Holm", organisation="NAV Drammen")])
    assert _minutes_speakers(["Kari Lie ved NAV sa at saken haster."], at_body) == ["Kari Lie"]


def test_a_name_right_after_a_definite_title_is_who_holds_it_there() -> None:
    """'Den nye presidenten Hege Valås ønsket velkommen' is hers, though the list gave the title to another."""
    roster = Roster([Person("Agneta Bolinder", "President"), Person("Hege Valås")])
    assert _minutes_speakers(["Den nye presidenten Hege Valås ønsket velkommen."], roster) == ["Hege Valås"]
    assert _minutes_speakers(["Presidenten ønsket velkommen."], roster) == ["Agneta Bolinder"]


def test_a_point_s_number_before_the_name_leaves_the_name_the_subject() -> None:
    """'2) Siv tok en gjennomgang av …' is Siv's, as 'Siv tok en gjennomgang av …' is."""
    roster = Roster([Person("Siv Berger"), Person("Kari Lie")])
    for sentence in ("2) Siv tok en gjennomgang av arrangementet.", "3. Siv tok en gjennomgang av arrangementet."):
        assert _minutes_speakers([sentence], roster) == ["Siv Berger"]
    assert _minutes_speakers(["2) Vi så på arrangementet til Siv."], roster) == [""]


def test_a_verb_of_saying_and_a_pronoun_closing_a_news_sentence_give_it_to_the_person_last_named() -> None:
    """'Under møtene har organisasjonene vært bidragsytere, forteller han.' after a paragraph naming Birame Diouf is
    his, and the quote after it too; a sentence closed by a pronoun without a verb of saying is nobody's."""
    roster = Roster([Person("Birame Diouf")])
    diouf = Attribution("Birame Diouf", "", "named")
    told = attribute_paragraph(
        ["Under møtene har organisasjonene vært bidragsytere, forteller han."],
        roster,
        NOBODY,
        narrative=True,
        mentioned=diouf,
    )
    assert [a.speaker for a in told] == ["Birame Diouf"]
    quote = attribute_paragraph(["– Her har det vært viktig å lytte."], roster, told[-1], narrative=True)
    assert [a.speaker for a in quote] == ["Birame Diouf"]
    other = attribute_paragraph(["Møtet var nyttig for han."], roster, NOBODY, narrative=True, mentioned=diouf)
    assert [a.speaker for a in other] == [""]


def test_an_interviewer_s_question_between_a_news_interview_s_answers_leaves_the_answer_the_interviewee_s() -> None:
    """'Er det noen temaer som vil løftes frem?' then '– Innspillsmøtene er lagt opp slik …': his answer; a statement
    between ('Møtet ble avlyst.') still ends his speech."""
    from analysis.parse.agenda import Block

    roster = Roster([Person("Birame Diouf")])
    opening = "– Vi er i gang med arbeidet, sier Birame Diouf."
    for between, answer in (("Er det noen temaer som vil løftes frem?", "Birame Diouf"), ("Møtet ble avlyst.", "")):
        blocks = [Block("text", text) for text in (opening, between, "– Innspillsmøtene er lagt opp slik.")]
        segments = segment_blocks("m", blocks, roster, narrative=True)
        assert [s.speaker for s in segments] == ["Birame Diouf", "", answer]


NEWS_ROSTER = [
    Person("Kari Lunde", "Forbundsleder", "Pensjonistforbundet"),
    Person("Ola Berg", "Statsråd"),
    Person("Eva Dahl", "Leder", "NHFU"),
]


def test_a_photo_credit_and_the_caption_it_closes_are_nobodys_speech() -> None:
    roster = Roster(NEWS_ROSTER)
    caption = ["Forbundsleder Kari Lunde og statsråd Ola Berg signerer avtalen.", "(Foto: Per Hansen/NTB)"]
    assert attribute_paragraph(caption, roster, NOBODY, narrative=True) == [CAPTION, CAPTION]
    assert attribute_paragraph(caption, roster, NOBODY, narrative=False) == [CAPTION, CAPTION]
    block = ["Kari Lunde.", "Foto: Pensjonistforbundet", "Ola Berg (t.h.) tok imot kravene.", "Illustrasjon: NTB"]
    assert attribute_paragraph(block, roster, NOBODY, narrative=True) == [CAPTION] * 4
    # a credit printed after running text: the text before it stays the speaker's
    running = ["Ola Berg sa at regjeringen vil lytte.", "Kari Lunde takket for møtet.", "Foto: Per Hansen"]
    said = attribute_paragraph(running, roster, NOBODY, narrative=True)
    assert [a.speaker for a in said] == ["Ola Berg", "Kari Lunde", ""] and said[2] == CAPTION


def test_in_news_a_line_of_names_is_a_caption_but_in_minutes_it_still_names_the_speaker() -> None:
    roster = Roster(NEWS_ROSTER)
    names = ["Leder i NHFU, Eva Dahl", "Forbundsleder Kari Lunde"]
    assert attribute_paragraph(names, roster, NOBODY, narrative=True) == [CAPTION, CAPTION]
    heading = ["Eva Dahl", "Hun la vekt på universell utforming."]  # minutes: a name line heads what follows
    assert {a.speaker for a in attribute_paragraph(heading, roster, NOBODY, narrative=False)} == {"Eva Dahl"}
    # names over a name are no pulled quote signed below
    assert attribute_paragraph(["Kari Lunde", "Ola Berg"], roster, NOBODY, narrative=True) == [CAPTION, CAPTION]


def test_a_quote_after_a_photo_is_the_speaker_of_the_paragraph_before_it() -> None:
    paragraphs = [
        "Statsråd Ola Berg understreket at pensjonene skal sikres.",
        "Forbundsleder Kari Lunde (t.h.) og statsråd Ola Berg signerer avtalen om drøftingsmøtene. (Foto: NTB)",
        "- Vi skal lytte til organisasjonene.",
    ]
    segments = segment_blocks("m1", outline(paragraphs, []), Roster(NEWS_ROSTER), narrative=True)
    assert [(s.speaker, s.attribution) for s in segments] == [
        ("Ola Berg", "named"),
        ("", "caption"),
        ("", "caption"),
        ("Ola Berg", "quote"),
    ]


def test_a_quote_ends_with_the_clause_that_closes_it_and_a_sentence_of_who_was_there_is_nobodys() -> None:
    roster = Roster(NEWS_ROSTER)
    paragraph = [
        "- Regjeringen tar pensjonene på alvor, sa Berg.",
        "Han understreket at ingen skal falle utenfor.",
        "Tolv organisasjoner var til stede på møtet.",
        "De fikk presentere sitt arbeid.",
    ]
    said = attribute_paragraph(paragraph, roster, NOBODY, narrative=True)
    assert [a.speaker for a in said] == ["Ola Berg", "Ola Berg", "", ""]
    minutes = [
        "Kari Lunde orienterte om budsjettet.",
        "Fra kontrollkomiteen møtte Per Vik og Eva Dahl.",
        "Budsjettet er stramt.",
    ]
    assert _minutes_speakers(minutes, roster) == ["Kari Lunde", "", ""]
    reported = ["Kari Lunde orienterte om kurset.", "Hun viste til at 40 personer deltok på kurset."]
    assert _minutes_speakers(reported, roster) == ["Kari Lunde"] * 2


def test_a_turn_to_the_floor_is_nobodys_until_someone_is_named() -> None:
    roster = Roster(NEWS_ROSTER)
    paragraph = [
        "Statsråd Ola Berg hadde en kort innledning om pensjonene.",
        "Deretter var det spørsmål og kommentarer fra salen: eldresentre og vikarbruk.",
        "Vi savner etterslepet fra 2021.",
        "Kari Lunde takket for besøket.",
    ]
    said = attribute_paragraph(paragraph, roster, NOBODY, narrative=False)
    assert [a.speaker for a in said] == ["Ola Berg", "", "", "Kari Lunde"]
    answered = ["«Vi er for få» svares det frå salen.", "Det var en god kveld."]
    assert _minutes_speakers(answered, roster, said[-1]) == ["", ""]
    # a pronoun keeps the speaker: she answered the floor
    replied = ["Kari Lunde orienterte om kurset.", "Hun svarte på spørsmål fra salen."]
    assert _minutes_speakers(replied, roster) == ["Kari Lunde"] * 2


def test_a_member_leaving_the_meeting_says_nothing_and_ends_the_speech_before() -> None:
    roster = Roster(NEWS_ROSTER)
    minutes = [
        "Kari Lunde orienterte om budsjettet.",
        "Eva Dahl fratrådte møtet før behandlingen av sak 32.",
        "Saken ble vedtatt enstemmig.",
        "Hun kom tilbake etter pausen.",
    ]
    assert _minutes_speakers(minutes, roster) == ["Kari Lunde", "", "", "Eva Dahl"]
    # one who spoke as she left said something; one who met someone is the actor of what the sentence reports
    spoke = ["Eva Dahl takket for seg og forlot møtet.", "Statsråd Ola Berg møtte Pensjonistforbundet i går."]
    assert _minutes_speakers(spoke, roster) == ["Eva Dahl", "Ola Berg"]


def test_a_title_the_layout_knows_only_by_its_ending_opens_the_subject() -> None:
    roster = Roster([Person("Helene Dahl", "Kommunalsjef", "Vestnes kommune"), Person("Kari Lunde")])
    sentence = "Kommunalsjef Helene Dahl i Vestnes kommune, forklarte at det skal lages en ny plan."
    mention, rule = subject_of(sentence, roster)
    assert (mention.person.name, rule) == ("Helene Dahl", "named")
    # the surname after such a title is hers, not part of another name
    assert subject_of("Kommunalsjef Dahl forklarte planen.", roster)[0].person.name == "Helene Dahl"


def test_a_turn_named_before_its_holder_makes_the_holder_speak_and_attend() -> None:
    roster = Roster([Person("Kari Lunde"), Person("Per Holm")])
    paragraph = ["Kari Lunde ønsket velkommen.", "Ord for dagen hadde Per Holm.", "Han minnet om at det var vår."]
    assert _minutes_speakers(paragraph, roster) == ["Kari Lunde", "Per Holm", "Per Holm"]
    assert [p.name for p in prose_people(["Møtet startet presis. Ordet hadde Eva Moe.", "Boka har Tor Dahl."])] == [
        "Eva Moe"
    ]
    # in the passive too; a book written by someone is no talk
    passive = [
        "Ord for dagen vart halde ved Liv Berg.",
        "Boka ble skrevet av Arne Sand.",
        "Foredraget ble holdt av Per Holm.",
    ]
    assert [p.name for p in prose_people(passive)] == ["Liv Berg", "Per Holm"]
