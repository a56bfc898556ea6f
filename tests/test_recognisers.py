"""The recognisers one by one, on the shapes each is for (and the near misses each must leave alone)."""

from pathlib import Path

from corpus import CORPUS

from analysis.base.records import Person
from analysis.ingest.documents import RawDocument
from analysis.ingest.manifest import ManifestEntry
from analysis.language.dates import date_alone, event_year, find_date, meeting_day, parse_time_span
from analysis.parse.agenda import markdown_sections, outline
from analysis.parse.clean import (
    clean,
    front_matter_as_labels,
    label_semicolons,
    lead_names,
    tables_as_lines,
    unescape_line_breaks,
)
from analysis.parse.document import Draft, ParsedDocument, parse_document, run_stages, stages_until, text_date
from analysis.parse.header import (
    counts_people,
    dashes_as_commas,
    leading_people,
    numbered_entries,
    parse_footer,
    parse_header,
    split_capitalised_run,
    unstacked_lines,
)
from analysis.parse.paragraphs import split_hard_breaks, split_run_on
from analysis.parse.participants import (
    BESIDE_A_LIST,
    IN_PROSE,
    RECOGNISER_NEEDS,
    appositions,
    attending_organisations,
    chair_title,
    hosts,
    listed_below,
    organisation_list,
    prose_chair,
    prose_people,
    recogniser_screen,
    represented,
    represented_by,
    roll_call,
    same_person,
    speaking,
)
from analysis.parse.speakers import NOBODY, Roster, attribute_paragraph, last_mentioned, subject_of


def test_a_pdf_transcripts_run_on_line_is_split_at_its_case_numbers() -> None:
    line = (
        "Forfall: Geir Andreassen "
        + "og mer tekst " * 25
        + "SAK 29/14 GODKJENNING AV INNKALLING OG SAKLISTE Inger-Johanne Molven orienterte. PS 7/19 Referatsaker"
    )
    pieces = split_run_on(line)
    assert "SAK 29/14 GODKJENNING AV INNKALLING OG SAKLISTE" in pieces
    assert "PS 7/19 Referatsaker" in pieces
    assert split_run_on("Vi møttes 12/3 og ble enige.") == ["Vi møttes 12/3 og ble enige."]
    glued = "Sakliste ble godkjent:Sak 51/23 Referat 04/23Sak 52/23 Regnskapsrapport per oktober 2023"
    assert split_run_on(glued)[-2:] == ["Sak 51/23 Referat 04/23", "Sak 52/23 Regnskapsrapport per oktober 2023"]
    contents = "Saksliste 19/13 ÅRSMØTE /13 HØRINGSUTTALELSE PRNS /13 REFERAT- OG ORIENTERINGSSAKER... 5 Hamar, Kåre"
    assert split_run_on(contents)[-2:] == ["/13 REFERAT- OG ORIENTERINGSSAKER", "5 Hamar, Kåre"]  # a dot leader


def test_run_on_header_fields_keep_names_and_give_back_the_rest() -> None:
    header = parse_header(
        [
            "1 MØTEBOK STYREMØTE Tid: Fredag 4. april 2014 Tilstede: Anne Lie, Per T.B. Dahl "
            "Forfall: Geir Moen. Per T.B. Dahl fratrådte møtet kl 12. Fra adm: Rune Vik"
        ]
    )
    people = {(p.name, p.status, p.organisation) for p in header.people}
    assert people == {
        ("Anne Lie", "present", ""),
        ("Per T.B. Dahl", "present", ""),
        ("Geir Moen", "absent", ""),
        ("Rune Vik", "present", "adm"),
    }
    assert header.date == "2014-04-04" and header.title == "1 MØTEBOK STYREMØTE"
    assert any("fratrådte" in rest for rest in header.leftover)
    assert leading_people("Anne Lie og Per Dahl. Resten") == ("Anne Lie og Per Dahl", "Resten")


def test_a_distribution_list_that_lost_its_line_breaks_is_split_at_capitals() -> None:
    assert split_capitalised_run(
        "Styremedlemmene Lokale musikkråd VOFO Hedmark NMF Hedmark og Oppland Lokalrevisjon AS"
    ) == ["Styremedlemmene", "Lokale musikkråd", "VOFO Hedmark", "NMF Hedmark og Oppland", "Lokalrevisjon AS"]


def test_a_list_of_acronym_organisations_is_a_list_of_attendees() -> None:
    found = organisation_list(
        "ARS - Antirasistisk Senter, HRS - Human Rights Service, SEIF - Selvhjelp for "
        "innvandrere og flyktninger, Utrop og IMDi."
    )
    assert [p.organisation for p in found] == [
        "ARS - Antirasistisk Senter",
        "HRS - Human Rights Service",
        "SEIF - Selvhjelp for innvandrere og flyktninger",
        "Utrop",
        "IMDi",
    ]
    assert organisation_list("Vi møtte NAV, KS og FFO i går.") == []
    spelled = organisation_list(
        "ARS - Antirasistisk Senter, HRS - Human Rights Service, LIM - Likestilling, Integrering, Mangfold, "
        "Utrop og IMDi."
    )
    assert [p.organisation for p in spelled] == [
        "ARS - Antirasistisk Senter",
        "HRS - Human Rights Service",
        "LIM - Likestilling, Integrering, Mangfold",  # the acronym's letters, spelled on after commas
        "Utrop",
        "IMDi",
    ]


def test_people_are_taken_from_prose_only_where_a_title_a_verb_of_saying_or_attendance_anchors_them() -> None:
    people = prose_people(
        [
            "FFO møtte både statsråd Robert Eriksson og statssekretær Torkil Åmland denne uken.",
            "Turid Mæhre Olsen ønsket velkommen og leste et dikt av Arne Garborg.",
            "Fra Kontrollkomiteen møtte Harold Jenssen og Olav Sørebø.",
            "NAV-direktør i Vestfold, Trine Heibø Holm, skrøt av samarbeidet.",
            "Statssekretær i Arbeids- og sosialdepartementet Kristian Dahlberg Hauge (FrP) holdt innlegg.",
            "Leder i Norsk Folkehjelp Kari Nordmann var ikke der.",
            "Direktør for Arbeids- og velferdsdirektoratet Hans Christian Holte svarte.",
            "Hans Olsen kom ikke.",
            "Horne møtte representanter fra Norsk kvinnesaksforening, Norske Kvinners Sanitetsforening og andre.",
            "Hun møtte forbundsleder Elisabeth Rusdal i Norges Kvinne- og familieforbund.",
            "Her er statsråden i debatt med Ivar Kristensen fra Virke, Ragnhild Lie fra Unio.",
        ]
    )
    assert [(p.name, p.role, p.organisation) for p in people] == [
        ("Robert Eriksson", "Statsråd", ""),
        ("Torkil Åmland", "Statssekretær", ""),
        ("Turid Mæhre Olsen", "", ""),
        ("Harold Jenssen", "", "Kontrollkomiteen"),
        ("Olav Sørebø", "", "Kontrollkomiteen"),
        ("Trine Heibø Holm", "NAV-direktør", "NAV"),  # the title names its body
        ("Kristian Dahlberg Hauge", "Statssekretær", "Arbeids- og sosialdepartementet"),
        ("Hans Christian Holte", "Direktør", "Arbeids- og velferdsdirektoratet"),  # "Hans" after a title: a name
        ("Elisabeth Rusdal", "Forbundsleder", "Norges Kvinne- og familieforbund"),
        ("", "", "Norsk kvinnesaksforening"),  # organisations whose representatives came
        ("", "", "Norske Kvinners Sanitetsforening"),
    ]
    # Arne Garborg, only mentioned, is not among them; nor a name a body without a comma may run into ("Leder i
    # Norsk Folkehjelp Kari Nordmann"), nor an organisation's name after a title ("… Sanitetsforening"), nor
    # names after a title that refers back ("statsråden i debatt med …, Ragnhild Lie")


def test_the_chair_named_in_prose() -> None:
    assert prose_chair(["– Målet er innspill, sier stortingsrepresentant Sveinung Rotevatn som leder høringen."]) == (
        "Sveinung Rotevatn"
    )
    assert prose_chair(["Ekspertgruppa ledes av professor Mari Rege."]) == "Mari Rege"
    assert prose_chair(["Kari Nordmann leder Fellesorganisasjonen."]) == ""
    led = "Da vår leder var forhindret, ble medlemsmøtet ledet av vår nestleder Johan Westgaard."
    assert prose_chair([led]) == "Johan Westgaard"


def test_markdown_sections_numbered_ones_win_labels_and_title_are_no_items() -> None:
    items, others = markdown_sections(
        [
            (1, "Oppfølgingsmøte"),
            (2, "Til stede"),
            (2, "Samandrag"),
            (2, "1. Status"),
            (3, "Oppgåver"),
            (2, "2. Neste steg"),
            (2, "Vedlegg"),
        ]
    )
    assert items == {"1. status", "2. neste steg"} and {"samandrag", "oppgåver", "vedlegg"} <= others
    items, _ = markdown_sections([(1, "Videomøte"), (4, "Oppmøte"), (2, "Hva har skjedd"), (2, "Eventuelt")])
    assert items == {"hva har skjedd", "eventuelt"}


def test_dates_a_weekday_in_the_year_of_a_stamp_and_a_year_named_with_the_event() -> None:
    assert meeting_day("2015-05-15", "Lørdag 9. mai ble det avholdt innspillsmøte") == "2015-05-09"
    assert meeting_day("2015-05-15", "Det ble avholdt møte") == ""
    assert event_year("sa Solberg da hun åpnet dialogkonferansen 2015.", ("konferansen",)) == "2015"
    assert event_year("krav til statsbudsjettet 2016", ("konferansen", "møtet")) == ""
    assert find_date("samling 4.–5. desember 2023") == "2023-12-04"
    assert find_date("Møtedato: 22 og 23.03.2021") == "2021-03-22"  # the month in figures too
    assert find_date("samling 4.–5.12.2023") == "2023-12-04"
    assert find_date("Møtedato: 06.03.14") == "2014-03-06"
    assert find_date("Referat fra styremøte 2. febr. 2016") == "2016-02-02"  # "febr." as "feb."


def test_cleaning_front_matter_tables_escaped_breaks_and_bold_lead_names() -> None:
    assert front_matter_as_labels("---\ndato: 2024-01-18\ndeltakere:\n  - A B\n  - C D\n---\nTekst").startswith(
        "Dato: 2024-01-18\nDeltakere: A B; C D\n"
    )
    assert tables_as_lines("| Navn | Org |\n|---|---|\n| Kari Nordmann | NAV |") == "Kari Nordmann, NAV"
    assert unescape_line_breaks(r"Tittel:\n\nAvsnitt.\n\nNeste.") == "Tittel:\n\nAvsnitt.\n\nNeste."
    assert unescape_line_breaks(r"C:\new\nfil") == r"C:\new\nfil"
    assert lead_names("**Pål** har arbeidet.\n\n**Status:** ferdig\n**Sigve** har testet.") == ["Pål", "Sigve"]


def test_speakers_offices_bodies_signatures_and_pronouns() -> None:
    roster = Roster(
        [
            Person("Hadia Tajik", "Arbeids- og sosialminister"),
            Person("Kim Skarning Andersen"),
            Person("Inger-Johanne Molven"),
        ]
    )
    assert subject_of("Statsråden trakk fram forhandlingsretten.", roster)[0].person.name == "Hadia Tajik"
    assert subject_of("Styret er enig om at e-postene er informasjon.", roster)[0].organisation == "Styret"
    assert subject_of("Styret består av syv personer.", roster)[0] is None
    assert subject_of("Skal gi regjeringen råd om barn.", roster)[0] is None
    signed = attribute_paragraph(
        ['> "Det er to spor.', 'Det andre er merkevare."', "- Kim"], roster, NOBODY, narrative=False
    )
    assert {a.speaker for a in signed} == {"Kim Skarning Andersen"}
    carried = attribute_paragraph(
        ["Hun informerte om lovproposisjonen."],
        roster,
        NOBODY,
        narrative=True,
        mentioned=attribute_paragraph(["Tajik orienterte."], roster, NOBODY, narrative=True)[0],
    )
    assert carried[0].speaker == "Hadia Tajik" and carried[0].rule == "pronoun"


def test_a_quote_closed_by_sa_han_is_the_last_named_persons_where_nobody_speaks() -> None:
    roster = Roster([Person("Kristian Dahlberg Hauge", "Statssekretær"), Person("Anders Høgre")])
    introduced = attribute_paragraph(
        ["Statssekretær Kristian Dahlberg Hauge holdt innlegg om arbeidsledigheten."], roster, NOBODY, narrative=True
    )
    assert introduced[0].speaker == "Kristian Dahlberg Hauge"  # "holdt innlegg": presenting, a verb of the layout
    quote = ["- Vi har vært gjennom en gullalder.", "De gode årene er brukt opp, sa han."]
    mentioned = last_mentioned(["Statssekretær Kristian Dahlberg Hauge snakket om ledighet."], roster, NOBODY)
    assert [a.speaker for a in attribute_paragraph(quote, roster, NOBODY, narrative=True, mentioned=mentioned)] == [
        "Kristian Dahlberg Hauge"
    ] * 2
    unsaid = ["- Vi har vært gjennom en gullalder.", "De gode årene er brukt opp."]
    assert attribute_paragraph(unsaid, roster, NOBODY, narrative=True, mentioned=mentioned)[0] == NOBODY


def test_a_quote_is_said_by_a_minister_whose_title_takes_four_words() -> None:
    roster = Roster([Person("Solveig Horne", "Inkluderingsminister")])
    quote = [
        "- Dere er viktige ressurspersoner.",
        "Dere vet hvordan det er, sa barne-, likestillings- og inkluderingsminister Solveig Horne i sin tale.",
    ]
    assert {a.speaker for a in attribute_paragraph(quote, roster, NOBODY, narrative=True)} == {"Solveig Horne"}
    too_far = [
        "- Dere er viktige.",
        "Det sa han til barne-, ungdoms-, likestillings- og inkluderingsminister Solveig Horne.",
    ]
    assert attribute_paragraph(too_far, roster, NOBODY, narrative=True)[0] == NOBODY


def test_a_talk_named_by_a_noun_is_given_by_the_present_person_after_it() -> None:
    roster = Roster([Person("Turid Mæhre Olsen"), Person("Anna Jakobsen", "Leder"), Person("Arne Garborg")])
    talk = "Hovedtemaet på møtet var en orientering av leder Anna Jakobsen om Eldrerådet."
    mention, rule = subject_of(talk, roster)
    assert mention.person.name == "Anna Jakobsen" and rule == "named"
    assert subject_of("Hun leste et dikt av Arne Garborg.", roster)[0] is None  # a poem is no talk
    after = "Etter en gjennomgang av Anna Jakobsen ble det åpnet for spørsmål fra salen."
    assert subject_of(after, roster)[0] is None  # what follows the talk is not the presenter's
    paragraphs = [["Turid Mæhre Olsen ønsket velkommen.", talk], ["Eldrerådet består av syv personer."]]
    first = attribute_paragraph(paragraphs[0], roster, NOBODY, narrative=False)
    assert [a.speaker for a in first] == ["Turid Mæhre Olsen", "Anna Jakobsen"]
    assert attribute_paragraph(paragraphs[1], roster, first[-1], narrative=False)[0].speaker == "Anna Jakobsen"


def test_the_organisations_that_hold_the_meeting_took_part() -> None:
    def held_by(text: str) -> list[str]:
        return [person.organisation for _, person in hosts(text)]

    assert held_by("Det var fullt da FFO Vestfold og FFO Telemark hadde erfaringskonferanse sist uke.") == [
        "FFO Vestfold",
        "FFO Telemark",
    ]
    assert held_by(
        "I dag arrangerer Barne-, likestillings- og inkluderingsdepartementet det fyrste av fire møter."
    ) == ["Barne-, likestillings- og inkluderingsdepartementet"]
    assert held_by("Lørdag ble det avholdt innspillsmøte hos Integrerings- og mangfoldsdirektoratet i Oslo.") == [
        "Integrerings- og mangfoldsdirektoratet"
    ]
    assert held_by("NAV hadde ansvar for saken.") == []  # no event: holding nothing
    assert held_by("Kari Nordmann hadde møte med kommunen.") == []  # a person's name is no organisation
    assert held_by("Vi fikk brev hos NAV om møtet.") == []  # "hos" after no event word
    assert held_by("Neste møte hos NAV Vestland blir i mars.") == []  # another meeting
    assert held_by("Det ble holdt et konsultasjonsmøte mellom Landbruks- og matdepartementet og KS.") == [
        "Landbruks- og matdepartementet",
        "KS",
    ]
    assert held_by("Statsråden hadde et dialogmøte med FFO i dag.") == ["FFO"]
    assert held_by("Kirkens Bymisjon BUA hadde et tidligere seminar om dette.") == []
    # a host named without an acronym, by the ending of its last word (`organisation_endings`)
    assert held_by("Tirsdag arrangerte Frivillighet Norge dialogmøte med mange.") == ["Frivillighet Norge"]
    assert held_by("Denne helgen inviterte vi i Funksjonshemmedes Fellesorganisasjon til representantskapsmøte.") == [
        "Funksjonshemmedes Fellesorganisasjon"
    ]
    assert held_by("Tirsdag arrangerte Kari Nordmann et seminar om dette.") == []  # a person's name ends otherwise
    assert held_by("Statsforvalteren i Vestland arrangerte et innspillsmøte om bolig.") == [
        "Statsforvalteren i Vestland"
    ]  # the state's office in a county, with its place
    assert held_by("I går hadde Fylkesmannen dialogmøte med kommunene.") == ["Fylkesmannen"]


def test_a_page_stamp_run_into_a_line_leaves_the_text_and_is_accounted_for() -> None:
    cleaned = clean(
        "Protokoll sendes til: Styret Utskrift sendes til: Side 1 av 5\n\nSide 2 av 5\n\nLes mer, se side 3 av 5"
    )
    assert cleaned.paragraphs == ["Protokoll sendes til: Styret Utskrift sendes til:", "Les mer, se side 3 av 5"]
    assert cleaned.removed == ["Side 1 av 5", "Side 2 av 5"]


def test_a_list_of_people_gives_each_their_own_organisation_or_the_lists() -> None:
    def found(text: str) -> list[tuple[str, str]]:
        return [(p.name, p.organisation) for p in prose_people([text])]

    assert found(
        "NNN møtte statssekretærene Dilek Ayhan i NFD, Cecilie Brein-Karlsen i HOD, og Bjørn Haugstad i KD."
    ) == [
        ("Dilek Ayhan", "NFD"),
        ("Cecilie Brein-Karlsen", "HOD"),
        ("Bjørn Haugstad", "KD"),  # the comma before "og" is one separator, not a name's part
    ]
    assert found(
        "Til stede var forbundsleder Jan Davidsen og generalsekretær Harald Norman fra Pensjonistforbundet."
    ) == [
        ("Jan Davidsen", "Pensjonistforbundet"),
        ("Harald Norman", "Pensjonistforbundet"),
    ]
    assert found("Leder Kari Nordmann i Vestfold og Telemark holdt innlegg.") == [
        ("Kari Nordmann", "Vestfold og Telemark")
    ]


def test_a_heading_inside_an_attendance_list_is_no_person_and_a_label_or_rule_is_no_heading() -> None:
    listed = parse_header(
        ["Rådsmøte - referat", "Deltakelse", "Medlemmer av rådet", "Siri Aune Lind, Datatilsynet", "Saksliste"]
    )
    assert [p.name for p in listed.people] == ["Siri Aune Lind"]
    ruled = parse_header(
        ["Oppfølgingsmøte", "Dato: 4. desember 2025\nDeltakarar: Rita, Bastian, Are", "---", "Samandrag"]
    )
    assert [p.name for p in ruled.people] == ["Rita", "Bastian", "Are"]  # "---" is no heading over "Samandrag"
    labelled = parse_header(["Samtale", "Oppmøte", "Endre S Tønnessen\nJakob Svemo", "Referant", "Jakob Svemo", "Hva"])
    assert labelled.minute_taker == "Jakob Svemo" and len(labelled.people) == 2  # "Referant" is a label, no heading


def test_a_summary_above_the_fields_stays_in_the_body() -> None:
    header = parse_header(
        ["Rådsmøte - referat", "På dagsordenen sto datadeling.", "Møtested: Tromsø\nMøtetid: kl. 09:00 - 12:00"]
    )
    assert (header.title, header.place, header.time_start) == ("Rådsmøte - referat", "Tromsø", "09:00")
    assert header.leftover == ["På dagsordenen sto datadeling."]


def test_headings_numbered_without_a_stop_are_items_only_in_sequence_and_a_date_never() -> None:
    def items(paragraphs: list[str]) -> list[tuple[str, str]]:
        return [(b.entry.item_no, b.entry.title) for b in outline(paragraphs, []) if b.kind == "item"]

    assert items(["1 Godkjenning av referat", "Godkjent.", "2 Datoer", "17. oktober", "3 Eventuelt"]) == [
        ("1", "Godkjenning av referat"),
        ("2", "Datoer"),
        ("3", "Eventuelt"),
    ]
    assert items(["3 Eventuelt", "2 representanter fra NAV møtte.", "17. oktober"]) == []  # no run from 1
    assert parse_time_span("Tidspunkt: Kl. 14.00 til kl. 17.00") == ("14:00", "17:00")


def test_a_title_goes_on_to_the_names_after_it_and_a_minus_sign_opens_a_quote() -> None:
    found = prose_people(
        [
            "Statsråd Olaug Bollestad møtte nestleder Gunn Marit Helgesen og hovedstyremedlemmene "
            "Mette Gundersen, Bjørn Ropstad og Terje Søviknes."
        ]
    )
    assert [(p.name, p.role) for p in found][-3:] == [
        ("Mette Gundersen", "Hovedstyremedlemmene"),
        ("Bjørn Ropstad", "Hovedstyremedlemmene"),
        ("Terje Søviknes", "Hovedstyremedlemmene"),
    ]
    roster = Roster([Person("Erna Solberg", "Statsminister")])
    quote = ["− Vi står foran den største jobben.", "Derfor ønsker vi innspill, sier statsminister Erna Solberg."]
    assert [a.speaker for a in attribute_paragraph(quote, roster, NOBODY, narrative=True)] == ["Erna Solberg"] * 2


def test_organisations_whose_representatives_came_took_part() -> None:
    def came(text: str) -> list[str]:
        return [person.organisation for _, person in represented(text)]

    assert came(
        "Horne møtte representanter fra Norsk kvinnesaksforening, Norske Kvinners Sanitetsforening og Norges kvinne- "
        "og familieforbund. Horne ønsker tett dialog."
    ) == ["Norsk kvinnesaksforening", "Norske Kvinners Sanitetsforening", "Norges kvinne- og familieforbund"]
    assert came("Det møtte representanter fra NAV og KS i møtet om saken.") == ["NAV", "KS"]
    assert came("Representanter fra lokale innvandrerorganisasjoner og andre var til stede.") == []  # no names


def test_names_a_web_list_glued_together_and_a_value_run_into_the_first_item_are_parted() -> None:
    header = parse_header(
        [
            "Referat nr. 6",
            "Tid:11:00–15:00 Til stede:Nina TveterLars BjørndalLise Bakkan Sekretær: Liv Kristin Saur "
            "Sak 50/23 Godkjenning av innkalling og sakliste Innkalling og sakliste ble godkjent.",
        ]
    )
    assert [p.name for p in header.people] == ["Nina Tveter", "Lars Bjørndal", "Lise Bakkan"]
    assert header.minute_taker == "Liv Kristin Saur"
    assert any(rest.startswith("Sak 50/23 Godkjenning") for rest in header.leftover)
    items = [
        b.entry.item_no
        for b in outline(["07 – 2022 Gjennomgang av årsmelding.", "3 - 2021 ble et godt år"], [])
        if b.kind == "item"
    ]
    assert items == ["07 – 2022"]


def test_an_unnumbered_list_under_a_programme_line_is_the_agenda() -> None:
    blocks = outline(
        [
            "Foreløpig program:",
            "Åpning og velkomst\nInnledning ved statssekretær Sveinung Rotevatn\nAvslutning",
            "Møtet arrangeres i samarbeid med fylkeskommunen.",
            "Vi drøftet:",
            "Budsjett\nPlaner",  # a list under a line that names no programme stays text
        ],
        [],
    )
    entries = [(b.entry.item_no, b.entry.title, b.entry.presenters) for b in blocks if b.kind == "item"]
    assert entries == [
        ("1", "Åpning og velkomst", ()),
        ("2", "Innledning", ("Sveinung Rotevatn",)),
        ("3", "Avslutning", ()),
    ]
    assert parse_time_span("Tirsdag 18. desember 2018 kl. 14-17") == ("14:00", "17:00")
    assert parse_time_span("Møtet 14-17") == ("", "")  # hours alone only after "kl"


def test_a_group_label_alone_over_its_list_names_the_group_and_a_bracket_may_be_a_remark() -> None:
    header = parse_header(
        [
            "Protokoll fra styremøte 9. mars 2015",
            "Tilstede:",
            "Jan Kleppe, styreleder\nKarin Finnerud, styrets nestleder\nInger Lysa (per telefon)",
            "Fra ViG:",
            "Hanne Gro Haugland\nJørn Roar Bamble",
            "Andre:",
            "Revisor Odd Knustad",
        ]
    )
    assert [(p.name, p.role, p.organisation) for p in header.people] == [
        ("Jan Kleppe", "Styreleder", ""),
        ("Karin Finnerud", "styrets nestleder", ""),  # an office where the organisation would stand
        ("Inger Lysa", "", ""),  # "(per telefon)" says how, not which body
        ("Hanne Gro Haugland", "", "ViG"),
        ("Jørn Roar Bamble", "", "ViG"),
        ("Odd Knustad", "Revisor", ""),  # a heading ends the group above it
    ]
    assert header.chair == "Jan Kleppe"  # the board's chair, by the office after the name
    assert parse_header(["Møte", "Til stede: Roar Vikvang (Arbeid & Inkludering)"]).people[0].organisation == (
        "Arbeid & Inkludering"  # a body whose name opens like a remark is still a body
    )


def test_a_closing_verb_of_saying_names_the_speaker_after_a_title_and_its_organisation() -> None:
    roster = Roster([Person("Stian Slotterøy Johnsen", "Generalsekretær"), Person("Torbjørn Røe Isaksen", "Minister")])
    quote = [
        "- For få kommuner har vedtatt en helhetlig frivillighetspolitikk.",
        "Da utnyttes ikke potensialet, sier generalsekretær i Frivillighet Norge, Stian Slotterøy Johnsen.",
    ]
    said = attribute_paragraph(quote, roster, NOBODY, narrative=True)
    assert [a.speaker for a in said] == ["Stian Slotterøy Johnsen"] * 2
    unmarked = (
        "Hvis vi ikke gir folk sjansen, sløser vi med ressurser, sier arbeids- og sosialminister Torbjørn Røe Isaksen."
    )
    assert subject_of(unmarked, roster)[0].person.name == "Torbjørn Røe Isaksen"
    # the verb governs the name otherwise: the person is spoken to or about, not speaking
    assert subject_of("Det er bra, sa hun til generalsekretær Stian Slotterøy Johnsen.", roster)[0] is None
    assert subject_of("Rapporten sier at arbeids- og sosialminister Torbjørn Røe Isaksen tar feil.", roster)[0] is None


def test_nynorsk_seier_and_verbs_of_claiming_are_verbs_of_saying() -> None:
    roster = Roster([Person("Anniken Hauglie"), Person("Kari Hansen")])
    quote = ["– Det var Noreg på sitt beste: Samarbeid og solidaritet, seier Hauglie."]
    assert attribute_paragraph(quote, roster, NOBODY, narrative=True)[0].speaker == "Anniken Hauglie"
    assert subject_of("Kari Hansen hevdet at ordningen virker.", roster)[0].person.name == "Kari Hansen"
    assert subject_of("Kari Hansen poengterte behovet for tiltak.", roster)[0].person.name == "Kari Hansen"


def test_a_double_surname_repeated_alone_is_the_person_named_in_full() -> None:
    paragraphs = [
        "Det seier næringsminister Torbjørn Røe Isaksen og FFO-leder Lise Johnsen.",
        "– Gi folk ein sjanse, seier Røe Isaksen.",
        "– Vi skal bli hørt, sa Ole-Marius Johnsen.",
    ]
    people = prose_people(paragraphs)
    assert [p.name for p in people] == ["Torbjørn Røe Isaksen", "Lise Johnsen", "Ole-Marius Johnsen"]
    roster = Roster(people)
    quote = ["– Gi folk ein sjanse, ta ein for laget, seier Røe Isaksen."]
    assert attribute_paragraph(quote, roster, NOBODY, narrative=True)[0].speaker == "Torbjørn Røe Isaksen"


def test_a_list_of_organisations_after_words_of_taking_part_names_one_kind_of_thing() -> None:
    def took_part(text: str) -> list[str]:
        return [person.organisation for _, person in attending_organisations(text)]

    assert took_part(
        "Tirsdag arrangerte Frivillighet Norge dialogmøte med KS, NAV, Helsedirektoratet, Bufdir, Husbanken og UDI."
    ) == ["KS", "NAV", "Helsedirektoratet", "Bufdir", "Husbanken", "UDI"]  # 'Husbanken' and 'Bufdir' by their list
    assert took_part(
        "8 ulike organisasjoner deltok på stiftelsesmøtet, deriblant Landsforeningen for hjerte- og lungesyke, "
        "Revmatikerforbundet, Mental Helse og MS-forbundet."
    ) == ["Landsforeningen for hjerte- og lungesyke", "Revmatikerforbundet", "Mental Helse", "MS-forbundet"]
    assert took_part(
        "Statsråden møtte Landsforbundet for utviklingshemmede og pårørende (LUPE) og Norsk forbund for "
        "utviklingshemmede (NFU) for å lytte til dem."
    ) == ["Landsforbundet for utviklingshemmede og pårørende (LUPE)", "Norsk forbund for utviklingshemmede (NFU)"]
    assert took_part("Statsråden hadde møte med Kari Nordmann og Ola Hansen om saken.") == []  # people, not bodies
    assert took_part("Hun deltok på møtet med Mental Helse og Redd Barna.") == []  # nothing says these are bodies
    assert took_part("Bekeng stilte på vegne av Helse- og omsorgsdepartementet.") == []  # the subject's own


def test_an_organisation_a_person_present_stands_for_is_not_listed_again() -> None:
    people = prose_people(
        [
            "Statsråd Solveig Horne møtte Landsforbundet for utviklingshemmede og pårørende (LUPE) og Norsk forbund "
            "for utviklingshemmede (NFU).",
            "Fra LUPE møtte forbundsleder Harald Hansen. Fra NFU møtte forbundsleder Jens Gitlesen.",
            "Det var et møte med Unge funksjonshemmede (UF), SAFO og Bufdir, og UF var godt forberedt.",
        ]
    )
    organisations = [p.organisation for p in people if not p.name]
    assert "Unge funksjonshemmede (UF)" in organisations and "SAFO" in organisations
    assert not any("LUPE" in o or "NFU" in o for o in organisations)  # Harald Hansen and Jens Gitlesen stand for them
    assert len(organisations) == len(set(organisations))


def test_a_run_on_agenda_is_split_where_its_case_numbers_count_up() -> None:
    line = (
        "Møteleiar: Aasland Sakliste: Vedtakssaker S 7.1/07 Protokoll frå styremøtet 3. mai 2007 "
        "S 7.2/07 Rekneskap per 31. juli 2007 S 7.3/07 Revisjon av rettskrivinga for nynorsk"
    )
    assert split_run_on(line)[1:] == [
        "S 7.1/07 Protokoll frå styremøtet 3. mai 2007",
        "S 7.2/07 Rekneskap per 31. juli 2007",
        "S 7.3/07 Revisjon av rettskrivinga for nynorsk",
    ]
    plain = "SAKLISTE Sak nr. Sakstittel 001/15 Godkjenning av sakliste 002/15 Valet i haust 003/15 Framlegg om namn"
    assert split_run_on(plain)[1:] == [
        "001/15 Godkjenning av sakliste",
        "002/15 Valet i haust",
        "003/15 Framlegg om namn",
    ]
    archive = "Arkivsaknr.: 15/40 Leiaren ber om godkjenning, jf. 16/40 Sak og 19/40 Vedtak i saka."
    assert split_run_on(archive) == [archive]  # numbers that do not count up one by one are no agenda
    blocks = outline(split_run_on(line)[1:], [])  # the decimal number and its series letter
    assert [(b.entry.item_no, b.entry.title) for b in blocks if b.entry][:2] == [
        ("7.1/07", "Protokoll frå styremøtet 3. mai 2007"),
        ("7.2/07", "Rekneskap per 31. juli 2007"),
    ]


def test_a_page_number_ending_a_run_on_line_leaves_it_and_a_bracket_of_item_numbers_is_a_remark() -> None:
    line = "Sak " + "ord " * 45 + "Framlegg om endring av namn i Gloppen Side 1"
    cleaned = clean(line)
    assert cleaned.paragraphs[0].endswith("i Gloppen") and cleaned.removed == ["Side 1"]
    assert clean("Dette står på Side 1").paragraphs == ["Dette står på Side 1"]  # a short line keeps it
    header = parse_header(["Til stades: Ola Breivega, Magni Øvrebotten (S 7.1 S 7.4) og Tora Aasland"])
    assert [(p.name, p.organisation) for p in header.people] == [
        ("Ola Breivega", ""),
        ("Magni Øvrebotten", ""),
        ("Tora Aasland", ""),
    ]


def test_a_numbered_attendance_list_run_into_one_line_gives_one_person_an_entry() -> None:
    header = parse_header(
        [
            "Til stede: MEDLEMSFORENINGER 1. 4H Norge v. Simen Saxebøl 2. Actis Norge v. Andreas N. Uhre "
            "3. Amnesty International Norge v. Harald Askebakke, Sven Mollekleiv 4. Blå Kors Norge v. Geir Gundersen"
        ]
    )
    assert [(p.name, p.organisation) for p in header.people] == [
        ("Simen Saxebøl", "4H Norge"),
        ("Andreas N. Uhre", "Actis Norge"),
        ("Harald Askebakke", "Amnesty International Norge"),
        ("Sven Mollekleiv", "Amnesty International Norge"),
        ("Geir Gundersen", "Blå Kors Norge"),
    ]
    # numbers that do not count up from 1 are no list: "i 3. etasje" stays text
    assert numbered_entries("Kari Nordmann, storsalen i 3. etasje, og Ola Hansen 5. rad") == []


def test_where_some_in_a_list_name_their_organisation_the_one_after_it_is_the_last_persons() -> None:
    people = prose_people(
        [
            "Arbeids- og inkluderingsminister Marte Mjøs, statssekretær Erik Idsøe i Justis- og "
            "beredskapsdepartementet og statssekretær Ole Bjørkholt i Helse- og omsorgsdepartementet møtte FFO.",
            "Fra venstre sitter Marte Mjøs Persen og forbundsleder Eva Buschmann.",
            "– Det var et godt møte, sa Marte Mjøs Persen.",
        ]
    )
    assert [(p.name, p.organisation) for p in people if p.name] == [
        ("Marte Mjøs Persen", ""),  # named cut short first, then in full: one person
        ("Erik Idsøe", "Justis- og beredskapsdepartementet"),
        ("Ole Bjørkholt", "Helse- og omsorgsdepartementet"),
        ("Eva Buschmann", ""),
    ]
    shared = prose_people(["Forbundsleder Jan Davidsen og Harald Norman fra Pensjonistforbundet møtte statsråden."])
    assert {p.organisation for p in shared if p.name} == {"Pensjonistforbundet"}  # nobody names their own: everyone's


def test_a_titles_unit_before_a_comma_is_the_organisation_only_when_it_plainly_is_one() -> None:
    def found(text: str) -> list[tuple[str, str]]:
        return [(p.name, p.organisation) for p in prose_people([text])]

    assert found("– Vi må samarbeide, sier generalsekretær i Frivillighet Norge, Stian Slotterøy Johnsen.") == [
        ("Stian Slotterøy Johnsen", "Frivillighet Norge")
    ]
    assert found("Det sa fylkesdirektør i Vestfold, Trine Heibø Holm.") == [("Trine Heibø Holm", "")]  # maybe a place


def test_a_persons_organisation_from_a_genitive_a_compound_title_a_body_represented_or_on_whose_behalf() -> None:
    def found(text: str) -> list[tuple[str, str]]:
        return [(p.name, p.organisation) for p in prose_people([text]) if p.name]

    assert found("Virkes direktør for forhandlinger, Inger Lise Blyverket, ga sitt syn.") == [
        ("Inger Lise Blyverket", "Virke")
    ]
    assert found("Arbeiderpartiets ordførerkandidat Guro Brandshaug takket for besøket.") == [
        ("Guro Brandshaug", "Arbeiderpartiet")
    ]
    assert found("Medlem av FFOs hovedstyre, Morten Buan, oppfordret organisasjonene.") == [("Morten Buan", "FFO")]
    assert found("Det sa NAV-direktør i Vestfold, Trine Heibø Holm.") == [("Trine Heibø Holm", "NAV")]
    assert found("Det samme var helsedirektør Bjørn Guldvog og NAV-direktør Sigrun Vågeng.") == [
        ("Bjørn Guldvog", ""),
        ("Sigrun Vågeng", "NAV"),
    ]  # a title of one's own inside a list names one's own body
    assert found("NFU var representert ved forbundsleder Jens Gitlesen og juridisk rådgiver Hedvig Ekberg.") == [
        ("Jens Gitlesen", "NFU"),
        ("Hedvig Ekberg", "NFU"),
    ]
    assert found("På møtet var LUPE representert ved Thor Henriksen og Yngvar Hurlen.") == [
        ("Thor Henriksen", "LUPE"),
        ("Yngvar Hurlen", "LUPE"),
    ]
    assert found("Statssekretær Karl Kristian Bekeng stilte på vegne av Helse- og omsorgsdepartementet i møtet.") == [
        ("Karl Kristian Bekeng", "Helse- og omsorgsdepartementet")
    ]
    assert found("Grete Crowo, rådgiver FFO nasjonalt, presenterte et bilde av arbeidet.") == [("Grete Crowo", "FFO")]
    assert found("Hans leder Kari Nordmann kom også.") == [("Kari Nordmann", "")]  # a function word owns nothing


def test_an_organisation_that_took_part_alone_speaks_only_beside_a_verb_of_saying() -> None:
    roster = Roster(
        [Person("Maria Hoff Aanes", "Statssekretær", "BLD"), Person("", "", "Bufdir"), Person("", "", "ARS")]
    )
    said = subject_of("Barne-, ungdoms- og familiedirektoratet (Bufdir) orienterte om direktoratets rolle.", roster)
    assert said[0].organisation == "Bufdir" and said[0].person is None
    assert subject_of("Bufdir mener at samarbeidet er godt.", roster)[0].organisation == "Bufdir"
    assert subject_of("ARS - Antirasistisk Senter, HRS - Human Rights Service og IMDi.", roster)[0] is None  # a list
    assert subject_of("Statsråden sa at Bufdir (Bufdir) orienterte godt.", roster)[0] is None  # inside a clause


def test_a_pulled_quote_over_its_speakers_name_alone_is_theirs_in_news() -> None:
    roster = Roster([Person("Erna Solberg", "Statsminister"), Person("Siv Jensen")])
    pulled = ["Det står altfor mange utenfor arbeidslivet.", "Norge trenger en felles innsats", "Erna Solberg"]
    said = attribute_paragraph(pulled, roster, NOBODY, narrative=True)
    assert [a.speaker for a in said] == ["Erna Solberg"] * 3
    assert attribute_paragraph(pulled, roster, NOBODY, narrative=False)[0] == NOBODY  # minutes sign otherwise
    surname = ["Det står altfor mange utenfor arbeidslivet.", "Solberg"]  # a surname alone signs nothing
    assert attribute_paragraph(surname, roster, NOBODY, narrative=True)[0] == NOBODY


def test_a_name_then_its_organisation_then_a_verb_of_saying_and_a_body_named_short_and_in_full() -> None:
    def found(text: str) -> list[tuple[str, str]]:
        return [(p.name, p.organisation) for p in prose_people([text])]

    assert found(
        "Cathrine Austrheim fra Aleneforeldreforeningen holdt innlegg om mobilitet, og Lars Erik Andersen fra "
        "Velferdsalliansen holdt innlegg om arbeid."
    ) == [("Cathrine Austrheim", "Aleneforeldreforeningen"), ("Lars Erik Andersen", "Velferdsalliansen")]
    assert found("Deretter snakket Rabia Musavi (LIN) om inkluderingspolitikk.") == [("Rabia Musavi", "LIN")]
    people = prose_people(
        [
            "Statsråden har møtt med Samarbeidsforum mot fattigdom i Norge for innspill.",
            "Både statsråden og representanter fra Samarbeidsforum hadde gode innspill.",
        ]
    )
    assert [p.organisation for p in people] == ["Samarbeidsforum mot fattigdom i Norge"]  # one body, in full


def test_first_names_with_a_glued_remark_a_date_on_a_labelled_line_and_an_item_going_on_after_a_comma() -> None:
    header = parse_header(["Tilstede: Bjørn, Sandra, Amanda(Skype)\nReferent: Bjørn"])
    assert [(p.name, p.organisation) for p in header.people] == [("Bjørn", ""), ("Sandra", ""), ("Amanda", "")]
    body = ["Innspillsmøte i Bergen.", "Når: Mandag 4. desember 2023, kl. 10.30-14.15\nHvor: Kulturhuset i Bergen"]
    assert text_date(parse_header([]), "Innspillsmøte", body) == "2023-12-04"
    paragraphs = split_hard_breaks(
        ["11:45 Innlegg om bolig\n11:55 Innlegg om oppfølging av familier,\n    NAV Bergenhus ved Gitle Lund"]
    )
    items = [b.entry.title for b in outline(paragraphs, []) if b.entry]
    assert items == ["Innlegg om bolig", "Innlegg om oppfølging av familier, NAV Bergenhus ved Gitle Lund"]


def test_a_news_paragraph_in_the_first_person_closed_by_a_verb_and_a_name_is_a_quote_without_its_dash() -> None:
    roster = Roster([Person("Erna Solberg", "Statsminister"), Person("Siv Jensen")])
    paragraph = [
        "Noe av det viktigste for meg er å skape et samfunn med muligheter for alle.",
        "Et samfunn der ingen skal bli stående utenfor.",
        "Derfor er arbeidet viktig, sa Erna Solberg i si innledning.",
    ]
    assert [a.speaker for a in attribute_paragraph(paragraph, roster, NOBODY, narrative=True)] == ["Erna Solberg"] * 3
    reported = [  # the journalist's third person: only the closing sentence is hers
        "Planen ble kjent i dag.",
        "Dette er en god dag, sa Erna Solberg.",
    ]
    assert attribute_paragraph(reported, roster, NOBODY, narrative=True)[0] == NOBODY
    other = ["Vi må gjøre mer, mener Siv Jensen.", "Det er vi enige i, sa Erna Solberg."]  # someone else is named
    assert attribute_paragraph(other, roster, NOBODY, narrative=True)[0].speaker == "Siv Jensen"


def test_a_roll_call_by_group_in_prose_gives_each_name_its_group_and_a_label_word_may_be_a_first_name() -> None:
    text = (
        "Generalsekretæren foretok navneopprop. Følgende møtte: Østfold avdeling: Svein Norheim, Thor Haugsten. "
        "Hedmark avdeling: Aslaug Røhr, Dag Iver Sonerud. Vedtak: Navneoppropet ble godkjent."
    )
    assert [(p.name, p.organisation) for _, p in roll_call(text)] == [
        ("Svein Norheim", "Østfold avdeling"),
        ("Thor Haugsten", "Østfold avdeling"),
        ("Aslaug Røhr", "Hedmark avdeling"),
        ("Dag Iver Sonerud", "Hedmark avdeling"),  # "Dag" is a date label's word and a first name
    ]
    assert roll_call("Følgende møtte ikke: 3 medlemmer.") == []


def test_a_subtitle_and_a_date_line_over_the_fields_leave_the_header_read() -> None:
    header = parse_header(
        [
            "Referat fra styremøtet 27. september 2016",
            "REFERAT FRA STYREMØTE I SENIORSAKEN LOKALLAG ASKER",
            "27. september 2016 på Hasselbakken",
            "Tilstede: Ole Bjørn, leder",
            "Axel",
            "Inger",
            "Forfall: Jørg",
            "1. EKSTERN KOMMUNIKASJON",
        ]
    )
    assert [(p.name, p.status) for p in header.people] == [
        ("Ole Bjørn", "present"),
        ("Axel", "present"),
        ("Inger", "present"),
        ("Jørg", "absent"),
    ]
    assert header.chair == "Ole Bjørn" and header.body_start == 7
    assert header.leftover[:2] == [
        "REFERAT FRA STYREMØTE I SENIORSAKEN LOKALLAG ASKER",
        "27. september 2016 på Hasselbakken",
    ]


def test_an_indented_numbered_list_gives_every_item() -> None:
    paragraphs = split_hard_breaks(
        ["Dagsorden", " 1. Diskusjonsmøte med Eldrerådet\n 2. Medlemsmøter\n 3. Økonomi\n 4. Eventuelt."]
    )
    items = [(b.entry.item_no, b.entry.title) for b in outline(paragraphs, []) if b.entry]
    assert items == [
        ("1", "Diskusjonsmøte med Eldrerådet"),
        ("2", "Medlemsmøter"),
        ("3", "Økonomi"),
        ("4", "Eventuelt."),
    ]


def test_people_listed_one_a_paragraph_under_a_line_that_announces_them() -> None:
    paragraphs = [
        "Før møtet var statssekretæren på befaring.",
        "Følgende informerte under møtet:",
        "Gunn Eide, Statens landbruksforvaltning, se presentasjon.",
        "Per Olaf Lundteigen Stortingsrepresentant Sp",
        "Harald Buttedahl, Statssekretær i Landbruks- og matdepartementet",
        "Møtet varte i tre timer.",
        "Kari Nordmann, NAV",
    ]
    assert [(p.name, p.role, p.organisation) for p in listed_below(paragraphs)] == [
        ("Gunn Eide", "", "Statens landbruksforvaltning"),
        ("Per Olaf Lundteigen", "", ""),
        ("Harald Buttedahl", "Statssekretær", "Landbruks- og matdepartementet"),
    ]  # the list ends at the first paragraph that is not one; a photo credit ("Foto: …") is none
    assert listed_below(["Møteplanen er som følger:", "Foto: Hans Dahle/Radio"]) == []


def test_a_minute_taker_run_into_the_last_sentence_fills_an_empty_field() -> None:
    header = parse_header(["Referat fra styremøtet 27. september 2016", "Tilstede: Ole Bjørn, Axel"])
    paragraphs = ["1. EKSTERN KOMMUNIKASJON", "Ole Bjørn takket for møtet. Referent: Oddveig"]
    assert parse_footer(paragraphs, header) == (0, 0) and header.minute_taker == "Oddveig"
    said = parse_header(["Referat", "Tilstede: Ole Bjørn, Axel"])
    parse_footer(["Vi drøftet saken. Neste møte: Tirsdag 1. november"], said)
    assert said.minute_taker == "" and said.date == ""  # only a chair or minute-taker signs off so
    signed = parse_header(["Styremøte 14.09.22", "Tilstede: Ola, Kari"])
    parse_footer(["Styret forbereder seg til oktobermøtet.", "Kari Lund, ref."], signed)
    assert signed.minute_taker == "Kari Lund"
    unsigned = parse_header(["Styremøte", "Tilstede: Ola, Kari"])
    parse_footer(["Kari Lund, Oslo"], unsigned)  # a name and a place sign nothing
    assert unsigned.minute_taker == "" and unsigned.chair == ""


def test_full_and_first_names_mixed_a_substitute_in_brackets_and_an_item_number_typed_against_its_title() -> None:
    def people(line: str) -> list[tuple[str, str, str]]:
        return [(p.name, p.organisation, p.status) for p in parse_header([line]).people]

    assert people("Tilstede: John Oddleif, Rolf, Kjellaug, Liv, Egil (vara for Svein Lorents)") == [
        ("John Oddleif", "", "present"),
        ("Rolf", "", "present"),
        ("Kjellaug", "", "present"),
        ("Liv", "", "present"),
        ("Egil", "", "present"),
        ("Svein Lorents", "", "absent"),  # the member a substitute came for did not come
    ]
    assert people("Til stede: Karin Hval pva Tor Einar Strand, Statens vegvesen") == [
        ("Karin Hval", "Statens vegvesen", "present"),
        ("Tor Einar Strand", "", "absent"),
    ]
    assert people("Til stede: Kari Nordmann, Velferdsalliansen") == [("Kari Nordmann", "Velferdsalliansen", "present")]
    assert people("Til stede: Kari pva FFO") == [("Kari", "", "present")]  # on behalf of a body: nobody absent
    paragraphs = ["1. Eldredagen 01.10.", "Vi har fått avslag.", "2.Jubileumsfeiring.", "3.Regnskap pr 31.8."]
    items = [(b.entry.item_no, b.entry.title) for b in outline(paragraphs, []) if b.entry]
    assert items == [("1", "Eldredagen 01.10."), ("2", "Jubileumsfeiring."), ("3", "Regnskap pr 31.8.")]
    out_of_turn = [b.entry for b in outline(["Vi møttes.", "3.Mai var en fin dag.", "1.Mai feires."], []) if b.entry]
    assert out_of_turn == []  # a glued number is an item only as the next one, and never a date


def test_a_person_who_gives_a_talk_takes_part_and_a_compound_talk_noun_names_the_speaker_too() -> None:
    text = "Etter en liten benstrekk var det inspirasjonsforedrag av Harald Norman. Han snakket om pensjon."
    assert [(p.name, p.organisation) for p in prose_people([text])] == [("Harald Norman", "")]
    assert [p.name for p in prose_people(["Vi fikk et åpningsinnlegg ved daglig leder Kari Lunde fra FFO."])] == [
        "Kari Lunde"
    ]
    assert prose_people(["Vi leste en rapport av Kari Lunde."]) == []  # a report is no talk
    roster = Roster([Person("Harald Norman"), Person("Eva Dahl")])
    said = attribute_paragraph(
        ["Så fulgte hovedinnlegget av Harald Norman.", "Han snakket om pensjon."], roster, NOBODY, narrative=False
    )
    assert [a.speaker for a in said] == ["Harald Norman", "Harald Norman"]


def test_a_quote_is_the_persons_it_is_attributed_to_though_a_body_speaks_inside_it() -> None:
    roster = Roster([Person("Hadia Tajik", "Kulturminister"), Person("Birgitte Brekke", "", "Frivillighet Norge")])
    quote = [
        "- Mange utfordringer kan ikke løses av det offentlige alene.",
        "Nå ønsker regjeringen å starte en ny tradisjon med frivilligheten, sier kulturminister Hadia Tajik.",
    ]
    assert {a.speaker for a in attribute_paragraph(quote, roster, NOBODY, narrative=True)} == {"Hadia Tajik"}
    body_only = ["- Vi vil lytte til frivilligheten, skriver regjeringen."]
    assert attribute_paragraph(body_only, roster, NOBODY, narrative=True)[0].organisation.casefold() == "regjeringen"


def test_organisations_that_gave_a_talk_take_part_but_people_after_a_talk_noun_are_no_organisations() -> None:
    text = "Seminaret startet med innlegg fra Frivillighet Norge, LNU, KS, Norsk Folkehjelp og Røde Kors."
    found = [p.organisation for _, p in attending_organisations(text)]
    assert found == ["Frivillighet Norge", "LNU", "KS", "Norsk Folkehjelp", "Røde Kors"]
    assert attending_organisations("Vi fikk innlegg fra Kari Nordmann og Ola Hansen.") == []
    assert attending_organisations("Vi fikk brev fra FFO og KS.") == []  # a letter is no talk


def test_a_title_then_its_body_then_the_name_without_a_comma_and_the_body_stays_with_its_own_title() -> None:
    text = (
        "Styreleder i KS Gunn Marit Helgesen, statssekretær i Helse- og omsorgsdepartementet Kjell Erik Øie, "
        "kulturminister Hadia Tajik, generalsekretær i Frivillighet Norge Birgitte Brekke og adm.dir. i KS "
        "Sigrun Vågeng"
    )
    assert [(p.name, p.organisation) for p in prose_people([text])] == [
        ("Gunn Marit Helgesen", "KS"),
        ("Kjell Erik Øie", "Helse- og omsorgsdepartementet"),
        ("Hadia Tajik", ""),  # her own title: the ministry before it is the state secretary's
        ("Birgitte Brekke", "Frivillighet Norge"),
        ("Sigrun Vågeng", "KS"),
    ]
    # one word before a name the list closes: the name is apart, and the word her body only when plainly one
    found = prose_people(["Til stede var leder i Bergen Kari Nordmann, daglig leder i FFO Ola Hansen."])
    assert [(p.name, p.organisation) for p in found] == [("Kari Nordmann", ""), ("Ola Hansen", "FFO")]


def test_a_transcripts_labels_give_the_floor_and_a_case_number_alone_takes_its_title_from_below() -> None:
    paragraphs = [
        "Presidenten []: Etter ønske fra utvalget vil presidenten foreslå en taletid på 3 minutter.",
        "Ragnhild Sætre Lund (SV) [10:03:02] (ordfører for saken): Jeg vil takke utvalget.",
        "Vi foreslår derfor et fritidskort.",
        "Statsråd Henrik Moe Aas (H) [10:06:40]: Regjeringen deler målet.",
    ]
    people = prose_people(paragraphs)
    assert [(p.name, p.organisation, p.role) for p in people] == [
        ("Ragnhild Sætre Lund", "SV", ""),
        ("Henrik Moe Aas", "H", "Statsråd"),
    ]
    assert chair_title(paragraphs) == "President"  # "Presidenten" gives the chair the floor
    roster = Roster([*people, Person("Solveig Brattli", "President")])
    said, current = [], NOBODY
    for paragraph in paragraphs:
        who = attribute_paragraph([paragraph], roster, current, narrative=False)
        said.append(who[0].speaker)
        current = who[-1]
    assert said == ["Solveig Brattli", "Ragnhild Sætre Lund", "Ragnhild Sætre Lund", "Henrik Moe Aas"]
    # header labels and a case are no speakers
    assert prose_people(["Referent: Kari Nordmann", "Sak 3: Budsjett", "Vedtak: Godkjent."]) == []
    items = outline(["Sak nr. 3 [10:02:11]", "Innstilling om tiltak mot barnefattigdom", "Talere"], [])
    assert [(b.entry.item_no, b.entry.title) for b in items if b.entry] == [
        ("3", "Innstilling om tiltak mot barnefattigdom")
    ]


def test_a_programme_split_into_one_paragraph_a_line_is_read_item_by_item_until_a_sentence() -> None:
    paragraphs = [
        "Program:",
        "Velkomst v/ordførar",
        "Fakta om frivilligheit",
        "Kafedialog der organisasjonane kan komme med innspel",
        "Velkommen! Det blir servering av kaffe.",
        "Oppsummering",
    ]
    items = [(b.entry.item_no, b.entry.title) for b in outline(paragraphs, []) if b.entry]
    assert items == [
        ("1", "Velkomst v/ordførar"),
        ("2", "Fakta om frivilligheit"),
        ("3", "Kafedialog der organisasjonane kan komme med innspel"),
    ]


def test_an_attendance_table_one_row_a_line_under_its_column_headings() -> None:
    header = parse_header(
        [
            "Faste medlemer som møtte:\nNamn Funksjon Representerer\n"
            "Ingrid Nese Bakke Leiar FFO\nTor Inge Sylte Medlem KS",
            "Faste medlemer som ikkje møtte:\nNamn Funksjon Representerer\nSigrun Hoel Medlem H",
        ]
    )
    assert [(p.name, p.role, p.organisation, p.status) for p in header.people] == [
        ("Ingrid Nese Bakke", "Leiar", "FFO", "present"),
        ("Tor Inge Sylte", "Medlem", "KS", "present"),
        ("Sigrun Hoel", "Medlem", "H", "absent"),  # the longer label wins over "møtte"
    ]
    substitutes = parse_header(["Varamedlemer som møtte:\nNamn Møtte for Representerer\nTor Lie Per Vik AP"])
    assert substitutes.people == []  # two names and no office word: the columns cannot be told apart


def test_a_title_with_its_field_in_lower_case_and_a_bare_title_opening_a_sentence_is_its_one_holder() -> None:
    text = "Også kommunalsjef for kultur og oppvekst Marianne Mortensen og rådmann Tore Isaksen deltok."
    people = prose_people([text])
    assert [(p.name, p.role) for p in people] == [("Marianne Mortensen", "Kommunalsjef"), ("Tore Isaksen", "Rådmann")]
    # one word that ends as an organisation does is the body the office is in, not its field
    bodies = prose_people(["Rådgiver i fylkeskommunen Rebeka Holmes-Farmen ønsket velkommen."])
    assert [(p.role, p.organisation) for p in bodies] == [("Rådgiver", "fylkeskommunen")]
    # a verb and a title are no field: "er professor" belongs to the name after it
    members = prose_people(["Medlemmene av gruppa er professor Kari Nordmann og professor Ola Hansen."])
    assert [(p.name, p.role) for p in members] == [("Kari Nordmann", "Professor"), ("Ola Hansen", "Professor")]
    # a field ends before "og": the name after it is someone else's, of another clause
    assert prose_people(["Eva Moe var trufast medlem i laget og Tor Dahl har mange år underhaldt oss."]) == []
    roster = Roster([*people, Person("Guro Lie", "Statssekretær")])
    said = attribute_paragraph(
        ["Kommunalsjef for kultur og oppvekst var opptatt av innspillene."], roster, NOBODY, narrative=True
    )
    assert said[0].speaker == "Marianne Mortensen"
    other = attribute_paragraph(["Statssekretær Tom Skaug har foreslått fagbrev."], roster, NOBODY, narrative=False)
    assert other[0] == NOBODY  # the title names someone else, who was not there


def test_the_chair_or_minute_taker_by_office_before_a_verb_speaks_where_no_attendee_holds_that_title() -> None:
    text = (
        "Referat fra medlemsmøte 12.03.2019\n\nMøteleder: Eva Moe\nReferent: Per Holm\n\n"
        "Tilstede: Eva Moe, Per Holm, Kari Lie og Ola Dahl\n\n"
        "1. Turer\n\nOla Dahl orienterte om turene. Sekretæren leste opp brevet fra kommunen.\n\n"
        "2. Avslutning\n\nKari Lie takket for maten. Leder takket for fremmøtet. Referat godkjent."
    )
    assert [(s.text, s.speaker) for s in _parsed(text, "minutes").segments] == [
        ("Ola Dahl orienterte om turene.", "Ola Dahl"),
        ("Sekretæren leste opp brevet fra kommunen.", "Per Holm"),
        ("Kari Lie takket for maten.", "Kari Lie"),
        ("Leder takket for fremmøtet.", "Eva Moe"),
        ("Referat godkjent.", "Eva Moe"),  # the field 'Referat' names no one: the chair goes on
    ]


def test_an_attendee_named_between_commas_after_a_title_opening_the_sentence_speaks_it() -> None:
    text = (
        "Referat fra årsmøte 12.03.2019\n\nTilstede: Eva Moe, Kari Lie og Ola Dahl\n\n"
        "Lokallagets leder, Eva Moe, åpnet møtet. Alle var fornøyd.\n\n"
        "Kassereren, Kari Lie, la fram regnskapet.\n\n"
        "Kjell Vik, Ola Dahl, og Per Holm ble valgt. Ingen andre stilte."
    )
    assert [s.speaker for s in _parsed(text, "minutes").segments] == [
        "Eva Moe",
        "Eva Moe",
        "Kari Lie",
        "Kari Lie",  # a list of names, not a title and a name: Ola Dahl is one of those elected, and says nothing
        "Kari Lie",
    ]


def test_one_who_goes_on_in_an_office_is_not_thereby_present() -> None:
    text = (
        "Referat fra generalforsamling 2016\n\nKari Lie orienterte om året. Per Holm fortsetter som nestleder, "
        "og Eva Moe fortsatte med regnskapet."
    )
    assert _present(_parsed(text, "minutes")) == ["Kari Lie", "Eva Moe"]  # an election's result, not attendance


def test_a_school_s_and_a_parish_s_staff_are_titled_by_the_layout_file() -> None:
    text = "Frå skulen møtte rektor Harald Voster og inspektør Jostein Moldsvor. Til stede var sokneprest Rut Ugland."
    assert [(p.name, p.role) for p in prose_people([text])] == [
        ("Harald Voster", "Rektor"),
        ("Jostein Moldsvor", "Inspektør"),
        ("Rut Ugland", "Sokneprest"),
    ]


def test_a_nynorsk_attendance_label_and_a_stray_comma_in_a_long_list() -> None:
    header = parse_header(
        [
            "Referat frå styremøte 11.04.2024",
            "Desse møtte: Ane Landøy, , Marie Morken, Solveig Grønlien, Endre Helland Gujord, Arild Reigstad, "
            "Torstein Vik Aarhus og Brit S. Fosse Reigstad.",
        ]
    )
    guests = parse_header(["Referat", "Tilstede: Kari Nordmann, Ola Hansen og Per Berg Innbudte gjester: Vinjar Tufte"])
    assert [p.name for p in guests.people] == ["Kari Nordmann", "Ola Hansen", "Per Berg", "Vinjar Tufte"]
    assert [p.name for p in header.people] == [
        "Ane Landøy",
        "Marie Morken",
        "Solveig Grønlien",
        "Endre Helland Gujord",
        "Arild Reigstad",
        "Torstein Vik Aarhus",
        "Brit S. Fosse Reigstad",
    ]


def test_an_attendance_table_run_into_one_line_and_a_protocol_title_run_into_its_fields() -> None:
    line = (
        "Møteprotokoll Utvalg: Kommunestyret Dato: 19.05.2014 Følgende faste medlemmer møtte: Navn Rep. Navn Rep. "
        "Ida Stuberg SP Ole Anders Iversen SP Trine Berg Fines H Følgende medlemmer hadde meldt forfall: Navn Rep. "
        "Petter Vesterås H Merknader Ordfører gjorde oppmerksom på at møtet ble overført på web-tv."
    )
    header = parse_header([line])
    assert [(p.name, p.organisation, p.status) for p in header.people] == [
        ("Ida Stuberg", "SP", "present"),
        ("Ole Anders Iversen", "SP", "present"),
        ("Trine Berg Fines", "H", "present"),
        ("Petter Vesterås", "H", "absent"),
    ]
    assert header.date == "2014-05-19" and header.title.startswith("Møteprotokoll Utvalg: Kommunestyret")
    assert any("Ordfører gjorde oppmerksom" in text for text in header.leftover)  # no word of the text is lost
    # a row whose party is no short name ends the table: its columns cannot be told apart
    assert [p.name for p in parse_header(["Møtte: Navn Parti Kari Lie Venstre Ola Dal H"]).people] == []


def test_one_who_does_something_at_the_meeting_took_part_though_not_speaking() -> None:
    paragraphs = [
        "Torleif Aasen leste diktet «Vinter» av Liv Strand som ord for dagen.",
        "Dernest opna Randi Vik med ord for dagen.",
        "Etter pausen fikk vi solosang fremført av Per Ivar Lunde.",
        "Boka til Tor Olsen ble omtalt i avisa.",
    ]
    assert [p.name for p in prose_people(paragraphs)] == ["Torleif Aasen", "Randi Vik", "Per Ivar Lunde"]


def test_a_run_of_two_names_is_split_where_the_text_names_the_first_on_its_own() -> None:
    paragraphs = [
        "Randi Vik åpnet møtet og ønsket alle velkommen.",
        "Som underholdere presenterte Randi Vik Olav Dahl og Per Holm.",
        "Randi Vik sa at det blir to turer i år.",
    ]
    # Per Holm, the other one presented, was there too (`introducing_verbs`)
    assert [p.name for p in prose_people(paragraphs)] == ["Randi Vik", "Olav Dahl", "Per Holm"]
    # a name cut short by its last word is still the one person
    cut = ["Marte Mjøs Persen orienterte om pensjonene.", "Etterpå sa Marte Mjøs at dialogen fortsetter."]
    assert [p.name for p in prose_people(cut)] == ["Marte Mjøs Persen"]


def test_a_name_joined_by_og_to_the_subject_of_a_verb_took_part_too() -> None:
    paragraphs = [
        "Kari Lie og Ola Dahl underheldt med sang og musikk.",
        "Boka til Per Holm og Liv Berg ble omtalt.",
        "Vi minnes Eva Moe og Tor Bakke, som begge har gått bort.",
        "Jon Inge Holmøyvik, Dagfinn Lågeide og Anders Larson spela kjende melodiar.",  # a list ending in 'og'
        "Per Vik, Kari Lie informerte om saka.",  # a comma alone joins no subject: perhaps two clauses
    ]
    assert [p.name for p in prose_people(paragraphs)] == [
        "Kari Lie",
        "Ola Dahl",
        "Jon Inge Holmøyvik",
        "Dagfinn Lågeide",
        "Anders Larson",
    ]


def _parsed(text: str, kind: str) -> ParsedDocument:
    """One document parsed from its text, as the build parses a file of this kind."""
    return parse_document(RawDocument("m", ManifestEntry(file="m.txt", sha256="0" * 64, kind=kind), text))


def test_in_markdown_only_the_marked_headings_head_and_a_list_s_points_are_text() -> None:
    """A list's points under '#### Bo' came as short lines without their marker and read as headings over the next
    heading, in no table. Markdown marks its headings: every other line is text. Real minutes (MIT licence)."""
    path = Path(__file__).parent / "fixtures" / "layouts" / "inf112_gunit_videomote_minutes_2020-03-13.txt"
    text = path.read_text(encoding="utf-8")
    parsed = _parsed(text, "minutes")
    said = " ".join(s.text for s in parsed.segments)
    body = text[text.index("## Hva har skjedd") :]  # below the attendance lists, which are the header's
    points = [line[2:].strip() for line in body.splitlines() if line.startswith("- ")]
    assert len(points) > 3
    assert [point for point in points if point not in said] == []
    assert "#" not in said and all(s.text.strip("-") for s in parsed.segments)  # headings and rules are no text


def test_a_line_that_heads_no_text_is_kept_as_text() -> None:
    """Election results a line each, a list's points, a closing line: each short line reads as a heading, and a
    heading's words are kept only as the section of the text under it. With no text under it, it is text itself,
    so every line of the body is in the segments or the agenda; a label over the items still heads them."""
    text = (
        "Referat fra årsmøtet 20.02.2020\n\nTilstede: Liv Hansen, Jan Moe og Eva Berg\n\n"
        "Liv Hansen ønsket velkommen.\n\nUtrulling:\n- Sveits først\n\n- Noreg som nummer to\n\n- Danmark seinare"
        "\n\nTakk for i kveld\n\nValg\n\nLeder: Liv Hansen, gjenvalgt for 1 år\n\n"
        "Nestleder: Jan Moe, ny, valgt for 2 år\n\nKasserer: Eva Berg, ikke på valg"
    )
    parsed = _parsed(text, "minutes")
    kept = [s.text for s in parsed.segments] + [a.title for a in parsed.agenda]
    for line in ("- Noreg som", "- Danmark", "Leder: Liv Hansen", "Nestleder: Jan Moe", "Kasserer: Eva Berg"):
        assert any(piece.startswith(line) for piece in kept), line
    items = "Møtebok 3. mai 2021\n\nFaste punkter:\n\n1. Godkjenning av innkalling\n\n2. Referatsaker\n\nGodkjent."
    assert "Faste punkter:" not in [s.text for s in _parsed(items, "minutes").segments]


def test_minutes_without_a_header_take_their_first_heading_as_title_and_its_date() -> None:
    text = "Medlemsmøte 14.02.2024\n\nKari Lie åpnet møtet og ønsket alle velkommen.\n\nDet ble servert kaffe."
    # an agenda's first heading is no title, but the short line naming the meeting still dates it
    for kind, title, date in (("minutes", "Medlemsmøte 14.02.2024", "2024-02-14"), ("agenda", "", "2024-02-14")):
        parsed = _parsed(text, kind)
        assert (parsed.meeting["title"], parsed.meeting["date"]) == (title, date)
        if kind == "minutes":  # the title is no sentence of the minutes' body
            assert parsed.segments[0].text.startswith("Kari Lie")


def test_a_weekday_and_day_in_the_year_the_title_names_with_the_event_is_the_meeting_date() -> None:
    """'Årsmøte 2016' over 'Laurdag 12. mars kl 1130': the day in the year of the event; a day and month with no
    weekday ('Fristen er 1. mars') may be any deadline, so the year is all the text says."""
    for text, date in (
        ("Årsmøte 2016\n\nLaurdag 12. mars kl 1130\n\nOpning ved leiar Astrid Olsen.", "2016-03-12"),
        ("ÅRSMØTE 2023\n\nMøtet var på Anne Marits catering torsdag 2. februar.\n\nKari Lie kom.", "2023-02-02"),
        ("Årsmøte 2016\n\nFristen for forslag er 1. mars.\n\nKari Lie ønsket velkommen.", "2016"),
    ):
        assert _parsed(text, "minutes").meeting["date"] == date


def test_the_one_a_line_names_responsible_for_the_case_took_part_and_speaks_by_that_title() -> None:
    """'Saksansvarlig: Bente Smedbråten, for Helsetilsynet' under a case: she presented it, and 'Saksansvarlig
    ønsket velkommen' is hers; beside an attendance list too. A line naming no one ('Ansvarlig: Kommunen') adds none."""
    body = (
        "SAK 1: Konstituering\n\nSaksansvarlig: Bente Smedbråten, for Helsetilsynet.\n\n"
        "Saksansvarlig ønsket velkommen til nytt brukerråd.\n\nSAK 2: Budsjett\n\nAnsvarlig: Kommunen\n\nOk."
    )
    for header in ("Møtereferat\n\nMøteleder: Vebjørn Leite Olsen\n\n", "Referat\n\nTil stede: Kari Lie, Per Holm\n\n"):
        parsed = _parsed(header + body, "minutes")
        assert ("Bente Smedbråten", "Saksansvarlig") in [(p.name, p.role) for p in parsed.people]
        assert "Kommunen" not in [p.name for p in parsed.people]
        welcome = next(s for s in parsed.segments if s.text.startswith("Saksansvarlig ønsket"))
        assert welcome.speaker == "Bente Smedbråten"


def test_those_an_annual_meeting_elects_to_run_it_were_there_and_fill_chair_and_minute_taker() -> None:
    text = (
        "Årsmøte i Bygdelaget 2024\n\n"
        "Innkallingen ble godkjent. Til møtedirigent ble valgt Kari Lie, og til referent Ola Dahl. "
        "Til tellekorps ble valgt Eva Moe og Tor Bakke.\n\n"
        "Per Holm og Liv Berg blei valt til å skrive under møteboka.\n\n"
        "Arne Sand ble valgt til styremedlem for to år."
    )
    parsed = _parsed(text, "minutes")
    assert [p.name for p in parsed.people] == ["Kari Lie", "Ola Dahl", "Eva Moe", "Tor Bakke", "Per Holm", "Liv Berg"]
    assert (parsed.meeting["chair"], parsed.meeting["minute_taker"]) == ("Kari Lie", "Ola Dahl")


def test_an_officer_elected_by_first_name_is_the_attendee_of_that_first_name() -> None:
    """'Tor ble valgt til møteleder, Karen ble valgt til referent': informal minutes elect by first name, and the
    attendance list says who is meant; a surname is never read as a first name, nor a word that names no one."""
    listed = (
        "Årsmøte 2010\n\nTilstede: Tor Mikalsen, Karen Lone og Gunter Scholz.\n\n"
        "Sak 2 Valg av møteleder og referent\n\n"
    )
    for election in (
        "Tor ble valgt til møteleder, Karen ble valgt til referent.",
        "Til møteleder ble valgt Tor, og til referent Karen.",
        "Valg av møteleder og referent Tor ble valgt til møteleder, Karen ble valgt til referent.",  # a PDF transcript
    ):
        parsed = _parsed(listed + election, "minutes")
        assert (parsed.meeting["chair"], parsed.meeting["minute_taker"]) == ("Tor Mikalsen", "Karen Lone")
        assert _present(parsed) == ["Tor Mikalsen", "Karen Lone", "Gunter Scholz"]
    parsed = _parsed(listed + "Karen Lone var vald til skrivar.", "minutes")  # "var vald": Nynorsk, was elected
    assert parsed.meeting["minute_taker"] == "Karen Lone"
    parsed = _parsed(listed + "Scholz ble valgt til møteleder.", "minutes")  # by surname: the attendee
    assert parsed.meeting["chair"] == "Gunter Scholz"
    no_one = ("Styret ble valgt til møteleder.", "Han ble valgt til referent.", "Leder ble valgt til ordstyrer.")
    for election in no_one:
        parsed = _parsed(listed + election, "minutes")
        assert (parsed.meeting["chair"], parsed.meeting["minute_taker"]) == ("", "")


def test_an_agenda_item_that_elects_with_its_result_after_a_colon_fills_the_office() -> None:
    """'Valg av referent: Øystein Eeg' under a case heading: he took the minutes; two offices in one item ('Valg av
    møteleder og referent: A og B') do not say who holds which, nor two people in one office who is the chair."""
    listed = "Referat FAU 2015\n\nTil stede: Elisa Åsa Uhr, Øystein Eeg og Per Holm\n\nSak 1\n"
    parsed = _parsed(listed + "Valg av referent: Øystein Eeg\nInnkalling godkjent.\n\nSak 2 Trafikk\nOk.", "minutes")
    assert (parsed.meeting["chair"], parsed.meeting["minute_taker"]) == ("", "Øystein Eeg")
    both = "Valg av møteleder og referent: Per Holm og Øystein Eeg\nGodkjent.\n\nSak 2 Trafikk\nOk."
    assert _parsed(listed + both, "minutes").meeting["minute_taker"] == ""
    # after a comma too; two elected to one office were there, but neither is the chair
    two = "Val av ordstyrarar, Ingrid Hovstad og Arild Reigstad\n\nOpning ved leiar.\n\nSak 2 Trafikk\nOk."
    parsed = _parsed("Årsmøte 2016\n\n" + two, "minutes")
    assert parsed.meeting["chair"] == ""
    assert {"Ingrid Hovstad", "Arild Reigstad"} <= {p.name for p in parsed.people}


def test_one_elected_with_another_by_med_and_som_and_an_annual_meetings_own_offices() -> None:
    """'… vart valt til møteleiar med Jorunn Vestre som årsmøtesekretær': both were there, and she took the minutes."""
    text = (
        "Årsmøte 2020\n\nIngrid Løset vart valt til møteleiar med Jorunn Vestre som årsmøtesekretær. "
        "Ingrid tok over og leia møtet med stø hand."
    )
    parsed = _parsed(text, "news")
    assert _present(parsed) == ["Ingrid Løset", "Jorunn Vestre"]
    assert (parsed.meeting["chair"], parsed.meeting["minute_taker"]) == ("Ingrid Løset", "Jorunn Vestre")
    header = parse_header(["Protokoll årsmøte", "Årsmøteleder: Kari Lie\nÅrsmøtesekretær: Ola Dahl"])
    assert (header.chair, header.minute_taker) == ("Kari Lie", "Ola Dahl")


def test_a_title_with_its_body_then_a_name_between_commas_is_that_person_of_that_body() -> None:
    """'Seniorrådgiver i Barne-, likestillings- og inkluderingsdepartementet, Birame Diouf, er glad …': the body's own
    commas do not end the title, and 'sier Diouf' after is his."""
    text = (
        "Innspillsmøte i Bodø\n\nSeniorrådgiver i Barne-, likestillings- og inkluderingsdepartementet, Birame Diouf, "
        "er glad for å være i Bodø.\n\n– Det er veldig riktig å møte folk der de er, sier Diouf."
    )
    parsed = _parsed(text, "news")
    assert [(p.name, p.role, p.organisation) for p in parsed.people] == [
        ("Birame Diouf", "Seniorrådgiver", "Barne-, likestillings- og inkluderingsdepartementet")
    ]
    assert parsed.segments[-1].speaker == "Birame Diouf"


def test_a_title_then_a_name_between_commas_is_that_person_never_inside_a_list() -> None:
    text = "Årsmøte 2020\n\nEtter årsmøtesakene orienterte fylkesfadder, Oddrun Beyer-Holm, om oppgåver og mål."
    parsed = _parsed(text, "news")
    assert [(p.name, p.role) for p in parsed.people] == [("Oddrun Beyer-Holm", "Fylkesfadder")]
    assert parsed.segments[-1].speaker == "Oddrun Beyer-Holm"
    listed = "Styret: Kari Lie, leder, Per Holm, nestleder, og Eva Moe."
    assert [hit[1].role for hit in appositions(listed) if hit[1].name == "Per Holm"] in ([], ["Nestleder"])


def test_a_name_with_an_initial_and_its_full_stop_is_found_in_the_sentences() -> None:
    """'Liv A. Hansen takket for tilliten': the sentence's words drop the initial's full stop, so must her name's."""
    text = (
        "Årsmøte 2020\n\nTil stede: Liv A. Hansen og Per Holm\n\nSak 1: Valg\n\n"
        "Liv A. Hansen takket for tilliten.\n\nPer Holm takket henne for innsatsen."
    )
    assert [s.speaker for s in _parsed(text, "minutes").segments] == ["Liv A. Hansen", "Per Holm"]


def test_a_name_closing_a_sentence_is_no_subject_of_the_next_sentences_verb() -> None:
    """'… endret til Mental Helse Ytre Namdal. I følge vedtektene …': the verb after a full stop is another
    sentence's."""
    text = "Navnet ble endret til Mental Helse Ytre Namdal. I følge vedtektene heter det: «Mental Helse …»."
    assert speaking(text) == []
    named = speaking("Møtet ble åpnet av Kari Lie. Deretter orienterte Per Holm om saken.")
    assert [p.name for _, p in named] == ["Kari Lie", "Per Holm"]


def test_a_day_and_month_after_den_where_the_opening_names_the_event_is_the_meetings_day() -> None:
    stamp = "11. feb 2020 Mental Helse Ytre Namdal\n\nÅrsmøtet den 20.februar\n\n"
    opening = "Årsmøtet startet så tidlig som kl.17 den 20.februar, slik at det ble tid til hyggetreff etter årsmøtet."
    assert _parsed(stamp + opening, "news").meeting["date"] == "2020-02-20"
    other = "Styret møttes og la planer for våren og sommeren. Neste møte blir den 5. mars, hos Kari."
    assert _parsed("11. feb 2020 Mental Helse Ytre Namdal\n\nStyremøte\n\n" + other, "news").meeting["date"] == (
        "2020-02-11"
    )


def test_a_date_typed_with_spaces_and_functions_written_as_alternatives() -> None:
    assert find_date("Protokoll fra ekstraordinært årsmøte torsdag 6. 12. 2018.") == "2018-12-06"
    assert find_date("Saker fra 3. 2. 2000-tallet") == ""  # a century, not a date
    text = (
        "Eva Moe ble valgt til ordförande/møteleder. Tor Bakke og Liv Berg ble valgt til justeringsmän/stemmetellere."
    )
    assert [p.name for p in prose_people([text])] == ["Eva Moe", "Tor Bakke", "Liv Berg"]
    assert parse_header(["Møte", "Møtesekretær: Kari Lie\nTil stede: Kari Lie, Ola Dahl"]).minute_taker == "Kari Lie"


def _present(parsed: ParsedDocument, status: str = "present") -> list[str]:
    """The names listed with `status` (present unless said), in the order the document gives them."""
    return [p.name for p in parsed.people if p.status == status]


def test_an_officer_a_label_names_by_surname_is_the_attendee_of_that_surname() -> None:
    """'Møteleiar: Aasland', 'Referent: Runnestø' under a list naming them in full: the listed people fill the
    fields, and no second attendee 'Aasland' joins; a surname two attendees share names neither."""
    text = (
        "Protokoll frå styremøtet 13. september 2007\n\nTil stades: Ola Breivega, Tor Fuglevik og Tora Aasland\n"
        "Frå sekretariatet: Eilov Runnestø (rådgjevar)\nMøteleiar: Aasland\nReferent: Runnestø\n\n"
        "Styret godkjende protokollen."
    )
    parsed = _parsed(text, "minutes")
    assert (parsed.meeting["chair"], parsed.meeting["minute_taker"]) == ("Tora Aasland", "Eilov Runnestø")
    assert _present(parsed) == ["Ola Breivega", "Tor Fuglevik", "Tora Aasland", "Eilov Runnestø"]
    shared = _parsed(text.replace("Tor Fuglevik", "Kari Aasland"), "minutes")
    assert shared.meeting["chair"] != "Tora Aasland"


def test_fields_under_a_letterhead_of_three_lines_and_a_title_run_into_them_are_the_header() -> None:
    lines = (
        "Brukergruppa i Eikvik\n\nNr. 12 – Referat fra 3. mars 2020\n\nReferat fra 3. mars 2020\n"
        "Tilstede: Kari Lie, Ola Dahl og Per Holm\nMøteleder: Per\nReferent: Liv Berg\nSted: Rådhuset\n\n"
        "Ola fortalte om våren.\nKari syntes det var bra."
    )
    run_on = (
        "Brukergruppa i Eikvik\n\nNr. 13 – Referat fra 7. april 2020\n\n"
        "Referat fra 7. april 2020 Tilstede: Kari Lie, Ola Dahl og Per Holm Ikke tilstede: Eva Moe "
        "Møte-leder: Kari Lie Sted: Rådhuset Tidspunkt: Kl. 09.00 til kl. 15.00 Vedlegg: Ingen. Ola fortalte om våren."
    )
    parsed = _parsed(lines, "minutes")
    assert (parsed.meeting["chair"], parsed.meeting["minute_taker"]) == ("Per Holm", "Liv Berg")
    assert _present(parsed) == ["Kari Lie", "Ola Dahl", "Per Holm", "Liv Berg"]  # the minute-taker was there
    assert [s.speaker for s in parsed.segments] == ["Ola Dahl", "Kari Lie"]
    parsed = _parsed(run_on, "minutes")
    assert parsed.meeting["chair"] == "Kari Lie"
    assert _present(parsed) == ["Kari Lie", "Ola Dahl", "Per Holm"]
    assert _present(parsed, "absent") == ["Eva Moe"]
    assert (parsed.meeting["time_start"], parsed.meeting["time_end"]) == ("09:00", "15:00")
    # the unknown label ends the time, and what follows it is the body, not lost in the field
    assert [(s.text, s.speaker) for s in parsed.segments] == [
        ("Vedlegg: Ingen.", ""),
        ("Ola fortalte om våren.", "Ola Dahl"),
    ]
    # a minute-taker a list of first names gives by hers is listed once
    parsed = _parsed("Referat\n\nDeltakarar: Rita, Are\n\nVi gjekk gjennom planen.\n\nAre Halland, ref.", "minutes")
    assert (_present(parsed), parsed.meeting["minute_taker"]) == (["Rita", "Are"], "Are Halland")


def test_a_numbered_item_whose_line_runs_on_after_its_title_is_that_title_and_a_sentence_of_its_text() -> None:
    long_text = "Eva har vært i kontakt med Per Holm som har lovet å komme til årsmøtet, og han tar med seg " * 2
    text = (
        "Referat fra styremøte 5. mai 2015\n\nTilstede: Kari Lie, Ola Dahl og Eva Moe\n\nSaksliste\n\n"
        "1. Eldrerådet. Orientering ved rådets leder Tone Vik.\n2. Økonomi. Orienteringssak, Ola\n"
        "3. Evaluering av årsmøtet 15.4. Orienteringssak\n4. FN´s eldredag 1. okt 2015.\n"
        f"5. Medlemsmøter. {long_text.strip()}.\n"
        "6. Styret drøftet hvordan foreningen kan nå flere nye medlemmer i løpet av høsten. Det tok tid.\n\n"
        "Tone Vik ga en redegjørelse for rådets arbeid. Hun delte ut årsrapporten."
    )
    parsed = _parsed(text, "minutes")
    assert [a.title for a in parsed.agenda] == [
        "Eldrerådet",
        "Økonomi",
        "Evaluering av årsmøtet 15.4",  # a date's full stop before the capital ends the title
        "FN´s eldredag 1. okt 2015.",  # "1. okt": no capital after the full stop
        "Medlemsmøter",  # a line too long for a title, but its title ends early
    ]  # more than a heading's words before the full stop, and another sentence: what the minutes say, no item
    segments = {s.text: s.speaker for s in parsed.segments}
    assert "6. Styret drøftet hvordan foreningen kan nå flere nye medlemmer i løpet av høsten." in segments
    # the long line's text is a sentence of the body, with its speaker
    assert [speaker for text, speaker in segments.items() if text.startswith("Eva har vært")] == ["Eva Moe"]
    # the guest who gave a talk came, though the list names the members only, and her speech is hers
    assert _present(parsed) == ["Kari Lie", "Ola Dahl", "Eva Moe", "Tone Vik"]
    assert (segments["Orientering ved rådets leder Tone Vik."], segments["Hun delte ut årsrapporten."]) == (
        "Tone Vik",
        "Tone Vik",
    )


def test_a_double_first_name_without_the_surname_is_the_one_attendee_who_has_it() -> None:
    def speakers(absent: str, text: str) -> list[str]:
        header = f"Referat fra styremøte 3. november 2015\n\nTilstede: Ole Bjørn Andersen og Lars Ole Berg\n\n{absent}"
        return [s.speaker for s in _parsed(f"{header}\n\n{text}", "minutes").segments]

    text = "Ole Bjørn har skrevet til alle partiene.\n\nSå sa Lars Ole at vi bør vente."
    assert speakers("Meldt forfall: Kari Lie", text) == ["Ole Bjørn Andersen", "Lars Ole Berg"]
    # an absent member with the same first names: either may be meant, so neither is
    assert speakers("Meldt forfall: Ole Bjørn Dahl", text) == ["", "Lars Ole Berg"]
    # another surname after them names someone else
    assert speakers("Meldt forfall: Kari Lie", "Lars Ole Hansen sa at han kommer.") == [""]


def test_a_run_on_date_or_time_field_keeps_only_its_date_or_time_and_the_text_after_it_stays_in_the_body() -> None:
    text = (
        "Orientering om budsjettet\n\n"
        "1 Møteinnkalling Utvalg: Møtested: Rådhuset Dato: Tidspunkt: Orientering om budsjettet v/rådmann Kari Lie "
        "Eventuelt forfall meldes snarest. Vararepresentanter møter etter nærmere beskjed.\n\n"
        "Dato: Tirsdag 4. juni 2019 kl. 10.00 til 12.00 Sakene ble lagt fram."
    )
    parsed = _parsed(text, "agenda")
    assert parsed.meeting["place"] == "Rådhuset"
    assert parsed.meeting["date"] == "2019-06-04"
    body = " ".join(s.text for s in parsed.segments)
    assert "Orientering om budsjettet v/rådmann Kari Lie Eventuelt forfall meldes snarest." in body
    assert body.endswith("Sakene ble lagt fram.")


def test_names_in_letters_from_other_languages_and_everyone_under_a_secretariat_label() -> None:
    text = (
        "Referat fra møte 3. mars 2022\n\nDeltakere\n\nKari Lie, NAV\n\nSekretariat\n\n"
        "Ismail Özkan, Digdir\nAna Šimić, Digdir\n\n"
        "Ismail Özkan orienterte om saken. Šimić sa at hun er enig."
    )
    parsed = _parsed(text, "minutes")
    assert [(p.name, p.role, p.organisation) for p in parsed.people] == [
        ("Kari Lie", "", "NAV"),
        ("Ismail Özkan", "Sekretariat", "Digdir"),
        ("Ana Šimić", "Sekretariat", "Digdir"),
    ]
    assert [s.speaker for s in parsed.segments] == ["Ismail Özkan", "Ana Šimić"]


def test_a_club_board_s_minutes_wrapped_names_spaced_case_numbers_guests_nobody_and_points_by_attendees() -> None:
    text = (
        "Referat fra styremøte lørdag 12.august 2023\n\nSted: Frivilligsentralen\n"
        "Følgende møtte: Kari Lie, Ola Dahl, Per Holm, Eva Moe, Anne\nSætre Kaasa.\nForfall: Ingen\nBesøk: Jon Berg\n\n"
        "Sak 41 / 23 Godkjenning av referat\nReferatet er godkjent.\n\n"
        "Sak 42 / 23 Dugnad\n– Anne tar ansvar for vaktlisten\n– Ola ordner med kurver\n– Kurver og hyller"
    )
    parsed = _parsed(text, "minutes")
    # a name the line broke inside is one person; "Ingen" absent is nobody; a visitor was there
    assert [(p.name, p.status) for p in parsed.people] == [
        ("Kari Lie", "present"),
        ("Ola Dahl", "present"),
        ("Per Holm", "present"),
        ("Eva Moe", "present"),
        ("Anne Sætre Kaasa", "present"),
        ("Jon Berg", "present"),
    ]
    assert [(a.item_no, a.title) for a in parsed.agenda] == [("41/23", "Godkjenning av referat"), ("42/23", "Dugnad")]
    # a point that opens with an attendee's first name is what they do; one that does not heads nothing and is
    # nobody's line
    assert [(s.text, s.speaker) for s in parsed.segments][1:] == [
        ("– Anne tar ansvar for vaktlisten", "Anne Sætre Kaasa"),
        ("– Ola ordner med kurver", "Ola Dahl"),
        ("– Kurver og hyller", ""),
    ]


def test_a_list_a_narrow_column_wrapped_after_a_full_name_goes_on_with_the_surname() -> None:
    """A PDF's narrow column broke 'Rune Hansen Gunnerød' after 'Hansen': the next line opens with the rest of the
    name, one word before a comma. A line that opens with a common first name is a name of its own."""
    text = (
        "Referat\n\nMøtedato: 19.10.2015\nTilstede:\nArne Moe, Kjell Jensen, Rune Hansen\nGunnerød, Toril Krogsund, "
        "Bjørn\nTolpinrud, Franck Tore Larsen\nForfall: Eva Moe, Kari Lie, Ola Dahl\nPer, Anne Li\n\nSak 1 Budsjett"
    )
    parsed = _parsed(text, "minutes")
    assert [(p.name, p.status) for p in parsed.people] == [
        ("Arne Moe", "present"),
        ("Kjell Jensen", "present"),
        ("Rune Hansen Gunnerød", "present"),
        ("Toril Krogsund", "present"),
        ("Bjørn Tolpinrud", "present"),
        ("Franck Tore Larsen", "present"),
        ("Eva Moe", "absent"),
        ("Kari Lie", "absent"),
        ("Ola Dahl", "absent"),
        ("Per", "absent"),
        ("Anne Li", "absent"),
    ]


def test_a_header_table_a_pdf_gave_a_column_at_a_time_is_paired_again() -> None:
    """'Møte:' / 'Møtedato:' / 'Sted:' / 'Møteleder:' alone on their lines, then a value a line (an address goes on
    after its commas): the chair is the fourth value, not the first. Where the values are not as many as the
    labels, nothing is paired."""
    text = (
        "Referat\nMøte:\nMøtedato:\nSted:\nMøteleder:\nBrukerutvalget\n19.10.2015\nMøterom Glitre 1,\n"
        "Wergelandsgate 10,\nDrammen\nAnne Helene Lindseth\nTilstede:\nArne Moe, Kjell Jensen\n\nSak 1 Budsjett"
    )
    parsed = _parsed(text, "minutes")
    assert (parsed.meeting["date"], parsed.meeting["chair"]) == ("2015-10-19", "Anne Helene Lindseth")
    assert [p.name for p in parsed.people] == ["Arne Moe", "Kjell Jensen", "Anne Helene Lindseth"]
    assert unstacked_lines("Møtedato:\nSted:\n19.10.2015") == "Møtedato:\nSted:\n19.10.2015"
    # a form whose fields were left empty: the labelled lines below are their own fields, never values
    form = "Dato:\nSted:\nTilstede: Kari Lie, Ola Dahl\nForfall: Per Vik"
    assert unstacked_lines(form) == form
    empty = _parsed(f"Referat\n\n{form}\n\nSak 1 Budsjett", "minutes")
    assert [(p.name, p.status) for p in empty.people] == [
        ("Kari Lie", "present"),
        ("Ola Dahl", "present"),
        ("Per Vik", "absent"),
    ]


def test_an_entry_a_line_break_cut_inside_a_bracket_goes_on_on_the_next_line() -> None:
    """'Bjørn Rund (sak' / '51/15)': no entry ends inside a bracket, so '51/15)' is no person of its own."""
    text = "Referat\n\nTilstede:\nBjørn Rund (sak\n51/15)\nKari Lie (til\nkl. 12)\nOla Dahl\n\nSak 1 Budsjett"
    assert [(p.name, p.role) for p in _parsed(text, "minutes").people] == [
        ("Bjørn Rund", ""),
        ("Kari Lie", "til kl. 12"),
        ("Ola Dahl", ""),
    ]


def test_a_group_label_may_name_two_bodies_joined_by_og() -> None:
    """'Fra pasient og brukerombudet:' is a group of the attendance list like 'Fra administrasjonen:', its people
    there with it; before, the three words made no label and the list under it was lost."""
    text = (
        "Referat\n\nTilstede:\nFra pasient og brukerombudet:\nAnne-Lene Egeland Arnesen\n"
        "Fra Arbeids- og velferdsdirektoratet:\nKari Lie\nFra administrasjonen:\nOla Dahl\n\nSak 1 Budsjett"
    )
    assert [(p.name, p.organisation) for p in _parsed(text, "minutes").people] == [
        ("Anne-Lene Egeland Arnesen", "pasient og brukerombudet"),
        ("Kari Lie", "Arbeids- og velferdsdirektoratet"),
        ("Ola Dahl", "administrasjonen"),
    ]


def test_a_guest_label_run_into_an_unknown_one_names_nobody_and_the_rest_keeps_its_full_stop() -> None:
    text = (
        "Referat\n\nReferat fra 9. mai 2014 Tilstede: Kari Lie og Ola Dahl Besøk: Ingen Vedlegg: Ingen. Ola var glad."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Kari Lie", "Ola Dahl"]
    assert [(s.text, s.speaker) for s in parsed.segments] == [("Vedlegg: Ingen.", ""), ("Ola var glad.", "Ola Dahl")]


def test_referat_over_the_document_is_its_title_not_a_minute_taker_label_that_swallows_the_next_paragraph() -> None:
    parsed = _parsed(
        "Referat\n\nMøte i brukerrådet 3. mars 2020\n\nTil stede: Kari Lie og Ola Dahl\n\nOla var glad.", "minutes"
    )
    assert (parsed.meeting["title"], parsed.meeting["minute_taker"]) == ("Referat", "")
    assert _present(parsed) == ["Kari Lie", "Ola Dahl"]
    assert [s.text for s in parsed.segments][-1] == "Ola var glad."


def test_a_dated_subtitle_over_the_fields_dates_the_meeting_and_a_signature_over_its_office_is_the_minute_taker() -> (
    None
):
    text = (
        "Møtereferat Ungdomsrådet\n\nUngdomsrådsmøte 18.08.09\nTilstede: Kari Lie og Ola Dahl\n\n"
        "1. Logo\nVi har fått et forslag.\n\nKurt Jan Kvernmo\n\nReferent"
    )
    parsed = _parsed(text, "minutes")
    assert (parsed.meeting["date"], parsed.meeting["minute_taker"]) == ("2009-08-18", "Kurt Jan Kvernmo")
    assert _present(parsed) == ["Kari Lie", "Ola Dahl", "Kurt Jan Kvernmo"]


def test_names_a_pdf_ran_together_without_commas_divide_at_brackets_markers_and_initials() -> None:
    text = (
        "REFERAT FRÅ UNGDOMSRÅD MØTE 17.APRIL 2015 TIL STADES: Kari Lie (vara) Ola Dahl GJEKK Eva H. Moe Per Holm "
        "Tor Bakke (vara) Anne Sofie E. Berg (Nestleiar) Liv Grov Moen Siri K. Dal Ingen innspel til saksliste. "
        "Eva snakka om budsjettet."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == [
        "Kari Lie",
        "Ola Dahl",
        "Eva H. Moe",
        "Per Holm",  # four words with nothing between: two names of two
        "Tor Bakke",
        "Anne Sofie E. Berg",
        "Liv Grov Moen",  # the words before the next name's first name and initial
        "Siri K. Dal",
    ]
    assert [(s.text, s.speaker) for s in parsed.segments][-1] == ("Eva snakka om budsjettet.", "Eva H. Moe")
    # names that a full stop ends are a list of one; the next sentence is text
    parsed = _parsed(
        "Referat\n\nTilstede: Kari Lie og Ola Dahl Forfall: Geir Andreassen. Per Arthur Christensen fratrådte møtet "
        "kl 12 før behandlingen av sakene 31, 32, 10, 28, 23, 34, 35 og 36.",
        "minutes",
    )
    assert _present(parsed, "absent") == ["Geir Andreassen"]


def test_a_titled_name_someone_spoke_on_behalf_of_did_not_take_part() -> None:
    paragraphs = ["Seksjonsleder Mirza Hodzic orienterte på vegne av avdelingsdirektør Silje Olsen om saken."]
    assert [p.name for p in prose_people(paragraphs)] == ["Mirza Hodzic"]


def test_a_turn_labelled_with_an_attendees_first_name_is_theirs() -> None:
    text = "Referat\n\nTil stede: Emma Moe, Kari Lie og Ola Dahl\n\nKari: Vi bør vente. Ola: Det er jeg enig i."
    assert [s.speaker for s in _parsed(text, "minutes").segments] == ["Kari Lie", "Ola Dahl"]


def test_one_the_text_says_was_not_there_is_absent_unless_listed_or_a_title() -> None:
    text = (
        "Ungdomsrådsmøte 18.08.09\nTilstede: Karoline, Vanja og Silje. Frida hadde meldt forfall.\n\n"
        "1. Logo\nVi har fått et forslag. Leder var fraværende. Per Holm kunne ikke komme. Silje var fraværende."
    )
    people = [(p.name, p.status) for p in _parsed(text, "minutes").people]
    assert [name for name, status in people if status == "absent"] == ["Frida", "Per Holm"]
    assert ("Silje", "present") in people  # listed as there: the list stands


def test_one_a_news_item_says_did_not_take_part_is_absent_but_not_one_who_kept_out_of_a_debate() -> None:
    """'Astrid Tvedten deltok ikke i møtet.' in a news item: absent, as in minutes; 'Kari Lie deltok ikke i
    debatten' says nothing of the meeting, and a body ('Styret', 'Kommunen') is no absent person."""
    text = (
        "Nytt brukerutvalg\n\nUtvalget hadde sitt første møte i juni. Astrid Tvedten deltok ikke i møtet. "
        "Kari Lie deltok ikke i debatten. Ola Dahl var ikke til stede. Styret var ikke til stede. "
        "Kommunen møtte ikke opp."
    )
    people = [(p.name, p.status) for p in _parsed(text, "news").people]
    assert [name for name, status in people if status == "absent"] == ["Astrid Tvedten", "Ola Dahl"]


def test_one_who_gives_or_holds_a_talk_takes_part_and_speaks_in_either_word_order() -> None:
    text = (
        "Referat etter ope møte 10. februar 2016\n\nReferent: Gertrud Korff\n\n"
        "Kari Lie heldt eit kort føredrag om arbeidet.\n\n"
        "Til slutt gjorde Torbjørn Reisæter ei oppsummering frå møtet.\n\nPer Holm gjorde reint etter møtet."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Kari Lie", "Torbjørn Reisæter", "Gertrud Korff"]  # 'gjorde reint' is no talk
    assert [s.speaker for s in parsed.segments][:2] == ["Kari Lie", "Torbjørn Reisæter"]


def test_one_who_puts_a_question_or_a_proposal_takes_part_and_speaks_past_a_party_bracket() -> None:
    text = (
        "Referat fra kommunestyret 4. mars 2019\n\nReferent: Gertrud Korff\n\n"
        "Sak 12/19 Skolebruksplan\n\nKari Lie (Sp) stilte følgende spørsmål til rådmannen: Når kommer planen?\n\n"
        "Ola Dahl fremmet forslag om utsettelse. Forslaget falt.\n\n"
        "Per Holm stiller til gjenvalg. Pensjonistforbundet Andebu stilte spørsmål om bussen."
    )
    parsed = _parsed(text, "minutes")
    # 'stiller til gjenvalg' says nothing, and an organisation's name is no person's
    assert _present(parsed) == ["Kari Lie", "Ola Dahl", "Gertrud Korff"]
    assert [(s.text[:14], s.speaker) for s in parsed.segments][:3] == [
        ("Kari Lie (Sp) ", "Kari Lie"),
        ("Ola Dahl fremm", "Ola Dahl"),
        ("Forslaget falt", "Ola Dahl"),
    ]


def test_a_proposal_or_question_from_an_attendee_opening_the_sentence_is_theirs() -> None:
    text = (
        "Referat\n\nTil stede: Lars Ole Berg, Renne Hubertus og Kari Lie\n\n"
        "Kari Lie orienterte om planen. Forslag fra Lars Ole om at vi venter. Spørsmål fra Renne om kostnadene."
    )
    assert [s.speaker for s in _parsed(text, "minutes").segments] == ["Kari Lie", "Lars Ole Berg", "Renne Hubertus"]


def test_a_short_line_that_is_two_sentences_or_an_attendees_doing_is_text_not_a_heading() -> None:
    text = (
        "Referat fra styremøte 27. september 2016\n\nTilstede: Ole Bjørn Dahl, Axel Berg og Oddveig Lie\n\n"
        "2. Møtevirksomhet\n\nOddveig har lovet å møte henne på stasjonen (v/Narvesen)\n\nKurs og møter\n\n"
        "Statsråden åpnet konferansen. Foto: NTB\n\n7. Eventuelt\n\nOle Bjørn takket for møtet. Referent: Oddveig"
    )
    parsed = _parsed(text, "minutes")
    assert [(s.text, s.speaker) for s in parsed.segments] == [
        ("Oddveig har lovet å møte henne på stasjonen (v/Narvesen)", "Oddveig Lie"),
        ("Ole Bjørn takket for møtet.", "Ole Bjørn Dahl"),
        ("Referent: Oddveig", "Ole Bjørn Dahl"),
    ]  # "Kurs og møter" is a heading, and a caption with its photo credit is none of the minutes' sentences
    assert parsed.meeting["minute_taker"] == "Oddveig Lie"


def test_a_field_the_layout_does_not_know_between_header_fields_does_not_end_the_header() -> None:
    text = (
        "Møtereferat styremøte 19.10.09 Golia vel\n\nSted: Velhuset\n\nMøteleder: Håvard Lie\n\nRef: Anne Berg\n\n"
        "Vedlegg: Ingen\n\nTilstede: Kari Dahl, Håvard Lie, Anne Berg.\n\nForfall: Astrid Moe og Gry Holm\n\n"
        "Sak nr. 20.2009 Referat 21. sept\n\nReferat godkjent."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Kari Dahl", "Håvard Lie", "Anne Berg"]
    assert _present(parsed, "absent") == ["Astrid Moe", "Gry Holm"]
    assert (parsed.meeting["chair"], parsed.meeting["minute_taker"]) == ("Håvard Lie", "Anne Berg")  # 'Ref:' its label
    assert "Vedlegg: Ingen" not in [s.text for s in parsed.segments]


def test_items_numbered_with_their_year_numbered_under_a_programme_label_or_headings_under_the_agendas_label() -> None:
    year = "Referat\n\nTilstede: Kari Dahl, Anne Berg\n\nSaker\n\nSak nr. 1.2010 – Websidene\n\nAnne har lært det."
    year += "\n\nSak nr 2.2010 Årsmøte 2010;\n\nAnne har bestilt velhuset.\n\n3.2010 Orienteringssaker\n\nIngen."
    assert [(a.item_no, a.title) for a in _parsed(year, "minutes").agenda] == [
        ("1.2010", "Websidene"),
        ("2.2010", "Årsmøte 2010;"),
        ("3.2010", "Orienteringssaker"),
    ]
    numbered = (
        "Referat styremøte 25. mars 2020\n\nDeltagere: Kari Dahl, Anne Berg\n\nSaksliste:\n\n"
        "Sak 1: Arbeidstid\n\nStyret diskuterte dokumentet\n\nSak 2: Tidspunkt for årsmøtet\n\nÅrsmøtet blir i april."
    )
    # the line under an item is no item of the programme the label announced
    assert [(a.item_no, a.title) for a in _parsed(numbered, "minutes").agenda] == [
        ("1", "Arbeidstid"),
        ("2", "Tidspunkt for årsmøtet"),
    ]
    headings = (
        "Styremøte\n\nTil stede\n\n • Kari Dahl\n • Anne Berg\n\nSaker\n\n • Godkjenning av innkalling\n\n"
        "  Ingen kommentarer.\n\n • Politisk plattform\n\n  Utkastet ble presentert.\n\n"
        "Vedtak:\n\n - Utkastet sendes videre."
    )
    assert [(a.item_no, a.title) for a in _parsed(headings, "minutes").agenda] == [
        ("1", "Godkjenning av innkalling"),
        ("2", "Politisk plattform"),
    ]


def test_standing_items_under_the_agenda_label_come_before_the_numbered_cases() -> None:
    text = (
        "Referat fra 25. februar 2003\nTilstede: Jon Erling Hagen og Bente Nygaard\nMøte-leder: Bente Nygaard\n"
        "Faste punkter:\nGodkjenning av referat nummer 180.\nReferatet ble godkjent.\nReferat fra andre møter\n"
        "Bente har vært på møte om Løkkeåsveien 2.\nNr.181\nSide – 2\nBrev til gruppen\nBrev fra sosial-ministeren.\n"
        "SAKER\n04/00 LA KLUBBEN LEVE\nVedtak: Vi må snakke videre.\n02/03 UNIKE MÅLE-KART\nVedtak: Utsettes."
    )
    assert [(a.item_no, a.title) for a in _parsed(text, "minutes").agenda] == [
        ("1", "Godkjenning av referat nummer 180."),  # the first under the label may close with a full stop
        ("2", "Referat fra andre møter"),
        ("3", "Brev til gruppen"),  # "Side – 2", a page's number, is no heading; "Nr.181" heads no text
        ("04/00", "LA KLUBBEN LEVE"),
        ("02/03", "UNIKE MÅLE-KART"),
    ]
    # without the label the lines are the text of the minutes, and the cases are the agenda
    unlabelled = text.replace("Faste punkter:\n", "")
    assert [a.item_no for a in _parsed(unlabelled, "minutes").agenda] == ["04/00", "02/03"]


def test_an_icon_a_web_page_sets_before_a_heading_leaves_it_a_heading() -> None:
    """'@ E-post' (or '@E-post') over 'Ingen e-post.' under the standing items is the item 'E-post', as 'Brev til
    gruppen' is; before, the line ran into the text of the item above it."""
    for icon in ("@ ", "@"):
        text = (
            "Referat fra 25. februar 2003\nTilstede: Jon Erling Hagen og Bente Nygaard\n"
            f"Faste punkter:\nBrev til gruppen\nIngen brev.\n{icon}E-post\nIngen e-post.\n"
            "SAKER\n04/00 LA KLUBBEN LEVE\nOk."
        )
        titles = [a.title for a in _parsed(text, "minutes").agenda]
        assert titles == ["Brev til gruppen", f"{icon}E-post", "LA KLUBBEN LEVE"]


def test_an_attendance_list_below_the_text_that_opens_the_minutes_is_the_meetings() -> None:
    text = (
        "Styremøte\n\nStyremøte ble holdt på Grue Service 18. februar 2020.\n\nDette er det siste styremøte før "
        "årsmøtet.\n\nTil stede var:\n\nKnut Lilleåsen, Bjørn Seigerud, Liv Rolsdorph og Leif Bjørklund.\n\n"
        "Sak 1.  Hyggetreff.\n\nLeder åpner møtet på vanlig måte."
    )
    parsed = _parsed(text, "minutes")
    assert [(p.name, p.organisation, p.status) for p in parsed.people] == [
        ("Knut Lilleåsen", "", "present"),  # never one person whose organisation is the rest of the list
        ("Bjørn Seigerud", "", "present"),
        ("Liv Rolsdorph", "", "present"),
        ("Leif Bjørklund", "", "present"),
    ]
    assert not any("Seigerud" in s.text for s in parsed.segments)  # the list is no text of the minutes
    assert [s.text for s in parsed.segments][:2] == [
        "Styremøte ble holdt på Grue Service 18. februar 2020.",
        "Dette er det siste styremøte før årsmøtet.",
    ]
    # a label that names no list of people below it leaves the text as it was
    prose = text.replace("Knut Lilleåsen, Bjørn Seigerud, Liv Rolsdorph og Leif Bjørklund.", "Hele styret.")
    assert [p.name for p in _parsed(prose, "minutes").people] == []
    copies = _parsed(text.replace("Til stede var:", "Kopi:"), "minutes")  # who gets the minutes, who did not come
    assert {p.status for p in copies.people} == {"copy"} and len(copies.people) == 4
    absent = _parsed(text.replace("Til stede var:", "Forfall:"), "minutes")
    assert {p.status for p in absent.people} == {"absent"} and len(absent.people) == 4
    # a PDF's wrapping cuts the list inside a name: the list goes on below (97 outside pages rebuilt as PDFs, their
    # lines wrapped: 983 of 1,147 facts before, 990 after; their text versions 1,007)
    wrapped = _parsed(text.replace("Liv Rolsdorph og Leif Bjørklund.", "Liv Rolsdorph og Leif\nBjørklund."), "minutes")
    assert [p.name for p in wrapped.people] == ["Knut Lilleåsen", "Bjørn Seigerud", "Liv Rolsdorph", "Leif Bjørklund"]


def test_a_name_an_attendance_list_gives_twice_is_one_person() -> None:
    text = (
        "Styremøte 15. oktober 2019\n\nTil stede\n\n • Tina Øyås\n • Berit By\n • Tina Øyås\n • Kjell Berg\n\n"
        "Forfall\n\n • Svanhild Aune\n • Svanhild Aune\n\nKjell Berg orienterte om økonomien."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Tina Øyås", "Berit By", "Kjell Berg"]
    assert _present(parsed, "absent") == ["Svanhild Aune"]


def test_first_names_each_with_a_bracket_are_a_list_of_people_also_where_the_commas_are_gone() -> None:
    text = (
        "Referat styremøte 25. mars 2020\n\n"
        "Deltagere: Kristin (Leder), Alvhild (FIN), Ellen Johanne (FHS), Trond (FA) Tonje (FIN) Øyvind (FIN)\n\n"
        "Sak 1: Arbeidstid\n\nStyret diskuterte dokumentet."
    )
    people = [(p.name, p.role, p.organisation) for p in _parsed(text, "minutes").people]
    assert people == [
        ("Kristin", "Leder", ""),
        ("Alvhild", "", "FIN"),
        ("Ellen Johanne", "", "FHS"),
        ("Trond", "", "FA"),
        ("Tonje", "", "FIN"),
        ("Øyvind", "", "FIN"),
    ]


def test_an_office_over_a_name_closing_the_minutes_signs_them() -> None:
    text = (
        "Referat styremøte 25. mars 2020\n\nDeltagere: Kari Dahl, Olav Christian Ruus\n\n"
        "Sak 1: Arbeidstid\n\nStyret diskuterte dokumentet.\n\nReferent\n\nOlav Christian Ruus"
    )
    parsed = _parsed(text, "minutes")
    assert parsed.meeting["minute_taker"] == "Olav Christian Ruus"
    assert _present(parsed) == ["Kari Dahl", "Olav Christian Ruus"]


def test_one_a_body_spoke_through_took_part_and_speaks() -> None:
    text = (
        "Styremøte 15. oktober 2019\n\nTil stede\n\n • Kari Dahl\n • Per Holm\n\n"
        "1. Plattform\n\nForhandlingsutvalget ved Are Hilstad informerte om prosessen.\n\n"
        "Utkastet ble lagt fram ved Eva Moe i fjor."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Kari Dahl", "Per Holm", "Are Hilstad"]  # 'ved Eva Moe i fjor': no verb of saying
    assert parsed.segments[0].speaker == "Are Hilstad"


def test_items_a_case_word_numbers_inside_a_run_on_line_each_end_their_title_at_a_colon() -> None:
    filler = "Rådet drøftet saken grundig og ga en enstemmig uttalelse om tilbudet til brukerne i kommunen. "
    line = (
        "Pkt. 1 Godkjenning av innkalling og saksliste: Leder informerte om en orientering fra rådgiver Mette Lie. "
        "Sak 30/09 ble opprinnelig satt opp til orientering. "
        + filler * 3
        + "Pkt. 2 Godkjenning av protokoll fra møte : Det ble vist til feil i protokollen. "
        + filler * 2
        + "Pkt. 3 Melding av saker til eventuelt: Terje Johnsen meldte sak. "
        + filler
    )
    text = "Møteprotokoll Kommunalt råd Møtested: Formannskapssalen Til stede: Kari Dahl, Terje Johnsen\n\n" + line
    parsed = _parsed(text, "minutes")
    assert [(a.item_no, a.title) for a in parsed.agenda] == [
        ("1", "Godkjenning av innkalling og saksliste"),
        ("2", "Godkjenning av protokoll fra møte"),
        ("3", "Melding av saker til eventuelt"),
    ]  # "Sak 30/09 ble …" names a case in a sentence: no item
    texts = [s.text for s in parsed.segments]
    assert texts[0].startswith("Leder informerte") and "Sak 30/09 ble opprinnelig satt opp til orientering." in texts


def test_a_stray_full_stop_before_og_in_a_run_on_list_ends_no_list() -> None:
    text = (
        "Referat fra møte i Ungdomsrådet 09.12.09\n\nTil stede: Linn Breivik, Vanja Gomo, Silje Tveråli, Atle Nyborg. "
        "og Hildegun Nordli. Forfall: Frida Øyen, Karoline Inndahl. Finn Madsen hadde med seg kake.\n\n"
        "1. Budsjett\n\nHildegun la frem oversikt over utgiftene."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Linn Breivik", "Vanja Gomo", "Silje Tveråli", "Atle Nyborg", "Hildegun Nordli"]
    assert _present(parsed, "absent") == ["Frida Øyen", "Karoline Inndahl"]
    assert parsed.segments[-1].speaker == "Hildegun Nordli"


def test_a_paragraph_that_opens_with_the_agendas_label_is_the_bodys_not_the_headers() -> None:
    text = (
        "Referat fra møte i Ungdomsrådet 09.12.09\n\nTil stede: Linn Breivik og Vanja Gomo\n\n"
        "Saker:\n1. Budsjett\nLinn Breivik orienterte om budsjettet."
    )
    parsed = _parsed(text, "minutes")
    assert [(s.text, s.speaker) for s in parsed.segments] == [
        ("Linn Breivik orienterte om budsjettet.", "Linn Breivik"),
    ]
    assert [a.title for a in parsed.agenda] == ["Budsjett"]


def test_a_long_numbered_line_opens_its_own_paragraph_and_its_title_may_end_at_a_colon_after_a_number() -> None:
    text = (
        "Referat fra møte i Ungdomsrådet 09.12.09\n\nTil stede: Linn Breivik, Finn Madsen og Hildegun Nordli\n\n"
        "Saker:\n1. Budsjett 2010: Finn Madsen informerte om årets budsjett, saksgang og om kommunens økonomiske "
        "situasjon. Vårt innspill til budsjettet er blitt hørt.\nVedtak: Vi venter.\n\n"
        "2. Logo: Johannes har arbeidet mer med ”fiskelogo”. Forslaget er sendt til oss.\n\n"
        "3. Innledning: Hvor står vi?"
    )
    parsed = _parsed(text, "minutes")
    assert [a.title for a in parsed.agenda] == ["Budsjett 2010", "Logo", "Innledning: Hvor står vi?"]
    assert parsed.segments[0].text.startswith("Finn Madsen informerte") and parsed.segments[0].speaker == "Finn Madsen"


def test_a_name_that_took_part_in_the_meeting_or_part_of_it_attends_one_at_another_event_does_not() -> None:
    text = (
        "Referat fra møte i Ungdomsrådet 09.12.09\n\nTil stede: Linn Breivik og Vanja Gomo\n\n"
        "Finn Madsen deltok under sak 1. Eva Moe deltok på konferansen i Oslo.\n\n1. Budsjett\n\n"
        "Finn Madsen informerte om budsjettet."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Linn Breivik", "Vanja Gomo", "Finn Madsen"]
    assert parsed.segments[-1].speaker == "Finn Madsen"


def test_an_attendance_value_that_counts_people_names_nobody_and_no_list_goes_on_below_it() -> None:
    text = (
        "Referat fra medlemsmøte 25.01.17\n\nTilstede: 41medlemmer.\n\nÅpning.\n\n"
        "Leder Mai Britt Løken ønsket alle velkommen.\n\nMai Britt leste et dikt."
    )
    parsed = _parsed(text, "minutes")
    assert [(p.name, p.role) for p in parsed.people] == [("Mai Britt Løken", "Leder")]  # from the text, no list
    assert [s.speaker for s in parsed.segments][-2:] == ["Mai Britt Løken", "Mai Britt Løken"]
    # a count with its noun capitalised counts too ('40 Medlemmer.' was a person); an organisation's name does not
    counted = _parsed(text.replace("41medlemmer.", "40 Medlemmer."), "minutes")
    assert [p.name for p in counted.people] == ["Mai Britt Løken"]
    assert not counts_people("4H Norge v. Simen Saxebøl") and not counts_people("3 Kari Lie")


def test_two_signatures_side_by_side_on_the_last_line_sign_the_minutes() -> None:
    text = (
        "Referat fra medlemsmøte 25.01.17\n\nTil stede: Kari Dahl og Ola Berg\n\nLeder takket for fremmøtet.\n\n"
        "Mai Britt Løken, leder                                    Hans Krugerud, sekretær"
    )
    parsed = _parsed(text, "minutes")
    assert (parsed.meeting["chair"], parsed.meeting["minute_taker"]) == ("Mai Britt Løken", "Hans Krugerud")
    assert _present(parsed) == ["Kari Dahl", "Ola Berg", "Mai Britt Løken", "Hans Krugerud"]


def test_a_guest_the_meeting_welcomed_was_there_and_speaks() -> None:
    text = (
        "Medlemsmøte 25. januar 2017\n\nTilstede fra styret: Marie Dahl og Brit Lie\n\n"
        "Marie Dahl ønsket velkommen til forbundsleder Arne Jenssen og overlot ordet til han.\n\n"
        "Leder for landsstyret, Arne Jenssen takket for invitasjonen.\n\nMøtet ønsket velkommen til våren."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Marie Dahl", "Brit Lie", "Arne Jenssen"]
    assert parsed.segments[1].speaker == "Arne Jenssen"


def test_a_guest_welcomed_in_the_passive_was_there_and_a_pronoun_after_it_is_theirs() -> None:
    """'Ole Stokke, opprinneleg frå Ørskog, vart ønska velkomen … Han orienterte …': he is there, and 'Han' is
    him, not the member who spoke before; 'Alle ble ønsket velkommen' names no one, nor does the passive after a
    body the guests came from ('Gjestene fra Ørskog Pensjonistlag ble ønsket velkommen')."""
    text = (
        "Medlemsmøte 1. februar 2024\n\nDernest opna Karin Vestre med ord for dagen.\n\n"
        "Ole Stokke, opprinneleg frå Ørskog, vart ønska velkomen til møtet. Han orienterte om arbeidet.\n\n"
        "Alle ble ønsket velkommen. Kari Lie ble hjertelig ønsket velkommen av leder. "
        "Gjestene fra Ørskog Pensjonistlag ble ønsket velkommen."
    )
    parsed = _parsed(text, "news")
    assert _present(parsed) == ["Karin Vestre", "Ole Stokke", "Kari Lie"]
    assert parsed.segments[2].speaker == "Ole Stokke"


def test_entries_a_pdf_ran_together_as_name_and_body_are_one_person_each_a_comma_list_reads_as_before() -> None:
    run_on = (
        "REFERAT FRA FELLESMØTE Tilstede: Kjell Engebretsen, utvalgsleder HOOK Thora Bakka - HOOK Erik Berge HOOK "
        "May Granum leder Eldreråd Einar Olsen Eldreråd Aina Valand Eldreråd Terje Nordahl RFF Anita Hansen - RFF "
        "Paul Lorentz HOOK Fra administrasjonen: "
        "Ane Nordskar kommunalsjef. Thora Bakka hadde innspill om rådene."
    )
    parsed = _parsed(run_on, "minutes")
    assert [(p.name, p.organisation) for p in parsed.people][:7] == [
        ("Kjell Engebretsen", "HOOK"),
        ("Thora Bakka", "HOOK"),
        ("Erik Berge", "HOOK"),
        ("May Granum", "Eldreråd"),
        ("Einar Olsen", "Eldreråd"),
        ("Aina Valand", "Eldreråd"),
        ("Terje Nordahl", "RFF"),
    ]
    assert parsed.segments[-1].speaker == "Thora Bakka"
    commas = "Årsmøte 2003\n\nTil stades: Vigdis Tverberg (Tromsø), Ola Melby (Tromsø), Borghild Gramstad (Tromsø)."
    assert [(p.name, p.organisation) for p in _parsed(commas, "minutes").people] == [
        ("Vigdis Tverberg", "Tromsø"),
        ("Ola Melby", "Tromsø"),
        ("Borghild Gramstad", "Tromsø"),
    ]


def test_a_numbered_point_whose_line_is_a_long_sentence_keeps_it_as_text_not_as_an_items_title() -> None:
    text = (
        "Styremøte tirsdag 21.10.2008.\n\nTil stede: Bård Bergsrønning, Ragnar Waalen og Anne Lise Eriksen.\n\n"
        "Sak 2.\n\nDet planlegges et samarbeidsmøte med alle idrettslagene i bygda om bruk og vedlikehold av baner og "
        "utstyr.\n\nSak 4.\n\nRyddedugnad.\n\nDet blir dugnad mandag.\n\n"
        "Punkt 5. Svarbrev til ett medlem ble vi enig om at Anne Lise skriver og legger det ut til godkjenning."
        "\n\nSak 6. Protokoll fra styremøte 9. mars og referat fra medlemsmøte 25. mars 2015."
    )
    parsed = _parsed(text, "minutes")
    assert [(a.item_no, a.title) for a in parsed.agenda] == [
        ("4", "Ryddedugnad."),
        ("6", "Protokoll fra styremøte 9. mars og referat fra medlemsmøte 25. mars 2015."),
    ]
    texts = [s.text for s in parsed.segments]
    assert texts[1].startswith("Det planlegges et samarbeidsmøte") and texts[-1].startswith("Punkt 5. Svarbrev")


def test_a_header_label_typed_with_a_semicolon_is_its_label() -> None:
    text = "Styremøte tirsdag 21.10.2008.\n\nTil stede; Bård Bergsrønning og Ragnar Waalen.\n\nRagnar fremmet forslag."
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Bård Bergsrønning", "Ragnar Waalen"]
    assert (parsed.meeting["date"], parsed.segments[-1].speaker) == ("2008-10-21", "Ragnar Waalen")
    assert label_semicolons("Vi var til stede; det var bra.") == "Vi var til stede; det var bra."  # no label there


def test_up_to_four_short_lines_over_the_fields_a_dated_one_or_an_abbreviation_closing_with_a_full_stop() -> None:
    text = (
        "Møtebok styret 23.01.19.\n\nMØTEBOK\n\nSTYREMØTE – ØRSKOG I.L.\n\nOnsdag 23. januar 2019 kl. 19.00.\n\n"
        "Ørskoghallen\n\nTil stades: Ragnar Bakken, Stine Urke og Linn Tove Lid\n\n"
        "Ref. på møtet: Sekretær Linn Tove Lid\n\nSak 1 – 23.01.19 - Møtebok frå styremøte 04.12.18\n\nGodkjend."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Ragnar Bakken", "Stine Urke", "Linn Tove Lid"]
    assert parsed.meeting["minute_taker"] == "Linn Tove Lid"
    assert parsed.meeting["date"] == "2019-01-23"


def test_up_to_eight_short_lines_over_the_fields_and_one_with_the_hours_gives_the_time_and_place() -> None:
    """A web page's name, the meeting's name twice, what its acronym stands for, its day and its hours stand over
    'Møteleder:' and the rest; the hours are no programme item."""
    text = (
        "Brukerrådet\n\nBR-møte 12. mars 2023\n\nReferat fra møte i BR\n\nReferat fra møte i BR\n\n"
        "BR = Brukerrådet for boliger og arbeid\n\nTirsdag 12. mars 2023\n\n Kl. 10.00 til kl. 12.00 i kantina\n\n"
        "Møteleder:\t\tTrine Vik\n\nReferent:\t\tPål Berg\n\nTilstede:\t\tTrine Vik, Pål Berg og Aud Lie\n\n"
        "Sak 1: Runde rundt bordet\n\nAlle fortalte om sitt råd."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Trine Vik", "Pål Berg", "Aud Lie"]
    assert (parsed.meeting["chair"], parsed.meeting["minute_taker"]) == ("Trine Vik", "Pål Berg")
    assert [(a.item_no, a.title) for a in parsed.agenda] == [("1", "Runde rundt bordet")]
    assert [parsed.meeting[k] for k in ("date", "time_start", "time_end", "place")] == [
        "2023-03-12",
        "10:00",
        "12:00",
        "kantina",
    ]


def test_an_officer_named_by_first_name_alone_joins_the_present_when_no_one_listed_has_that_name() -> None:
    """'Møteleder: Trine' over a head count: Trine chaired and was there; an office word in the field is nobody, and
    one listed with that first name is the one meant."""
    text = (
        "Referat fra møte i brukerrådet 3. mai 2023\n\nMøteleder: Trine\n\nReferent: Sekretær\n\n"
        "Tilstede: 12 brukere\n\nSak 1: Runde rundt bordet\n\nAlle fortalte om sitt råd."
    )
    parsed = _parsed(text, "minutes")
    assert (parsed.meeting["chair"], _present(parsed)) == ("Trine", ["Trine"])
    listed = _parsed(text.replace("12 brukere", "Trine Vik og Aud Lie"), "minutes")
    assert (listed.meeting["chair"], _present(listed)) == ("Trine Vik", ["Trine Vik", "Aud Lie"])


def test_a_member_named_again_by_initials_or_with_the_surname_cut_to_its_initial_is_the_one_listed() -> None:
    """'Randi H' signing as 'Referent', 'Tor A. orienterte', 'EB orienterte': Randi Holm, Tor Aas, Eli Berg. Initials
    two people present share, or an organisation's, name nobody."""
    text = (
        "Styremøte 4. april 2022\n\nTil stede: Randi Holm, Tor Aas og Eli Berg\n\nSak 1: Økonomi\n\n"
        "Tor A. orienterte om økonomien.\n\nEB orienterte om kurset.\n\nRandi H\n\nReferent"
    )
    parsed = _parsed(text, "minutes")
    assert (parsed.meeting["minute_taker"], _present(parsed)) == ("Randi Holm", ["Randi Holm", "Tor Aas", "Eli Berg"])
    assert [s.speaker for s in parsed.segments] == ["Tor Aas", "Eli Berg"]
    shared = _parsed(text.replace("Tor Aas og Eli Berg", "Tor Aas, Eli Berg og Even Brun"), "minutes")
    assert shared.segments[1].speaker not in ("Eli Berg", "Even Brun")
    body = _parsed(text.replace("Tor Aas og", "Tor Aas (EB) og"), "minutes")  # EB is Tor's organisation
    assert body.segments[1].speaker == "Tor Aas"


def test_a_title_over_a_summary_then_a_short_line_over_the_fields() -> None:
    """A web page's heading, a summary of three sentences, the minutes' own title line, then 'Tilstede:'."""
    text = (
        "FAU-møte den 15. oktober 2012\n\nHer følger referat fra FAU. Det er satt opp et nytt møte. Foreldre kan "
        "sende inn saker.\n\nREFERAT FRA MØTET 15. OKTOBER 2012.\n\nTilstede: Camilla Vonheim, vara Andreas Josefsen, "
        "Mona Skanke\n\nSak 1/ 2012 Konstituering av møtet.\n\nFAU konstituerer seg ikke."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Camilla Vonheim", "Andreas Josefsen", "Mona Skanke"]  # read as the header's list
    assert (parsed.meeting["title"], parsed.meeting["date"]) == ("FAU-møte den 15. oktober 2012", "2012-10-15")
    assert parsed.segments[0].text.startswith("Her følger referat fra FAU.")  # the summary stays in the body


def test_a_signature_with_a_middle_initial_the_list_leaves_out_is_the_listed_person() -> None:
    text = (
        "Referat fra FAU-møte 22.10.2019\n\nTilstede: Kine Sandvik, Hilde Jørgensen og Bjørn Framnes\n\n"
        "Sak 15/19 Valg av leder\n\nKine Sandvik ble valgt.\n\nReferent\n\nBjørn F. Framnes"
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Kine Sandvik", "Hilde Jørgensen", "Bjørn Framnes"]
    assert parsed.meeting["minute_taker"] == "Bjørn F. Framnes"
    other = _parsed(text.replace("Bjørn F. Framnes", "Bjørn K. Hansen"), "minutes")
    assert _present(other)[-1] == "Bjørn K. Hansen"  # another surname: another person, who joins


def test_a_common_first_name_opening_a_sentence_before_a_verb_of_saying_or_doing_is_a_member() -> None:
    """Informal minutes without a list: 'Knut ønsket alle velkomne', 'Unni leste opp referatet'; 'Per i dag …' is
    no one, and 'Knut' beside 'Knut Hansen' is he."""
    text = (
        "Medlemsmøte 29. oktober 2019\n\nKnut ønsket alle velkomne til møtet.\n\n"
        "Unni leste opp referatet fra forrige møte.\n\nPer i dag har foreningen 80 medlemmer."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Knut", "Unni"]
    assert [s.speaker for s in parsed.segments] == ["Knut", "Unni", "Unni"]
    full = _parsed(text.replace("Knut ønsket", "Knut Hansen ønsket").replace("Unni leste", "Knut leste"), "minutes")
    assert _present(full) == ["Knut Hansen"]


def test_a_first_name_no_dictionary_knows_opening_a_sentence_before_a_verb_is_a_member() -> None:
    """'Tordis leste referat': a first name beyond `first_names`, by its shape; 'Kasserer orienterte …' (a title),
    'Regnskapet viste …' (an inflected noun) and 'Deretter holdt Kari Lie …' (a word put first) are no one."""
    text = (
        "Medlemsmøte 25. oktober 2023\n\nBente ønsket velkommen.\n\nTordis leste referat fra forrige møte.\n\n"
        "Kasserer orienterte om regnskapet. Regnskapet viste et lite overskudd.\n\n"
        "Deretter holdt Kari Lie et innlegg om turer."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Bente", "Tordis", "Kari Lie"]
    assert [s.speaker for s in parsed.segments[:2]] == ["Bente", "Tordis"]
    assert parsed.segments[-1].speaker == "Kari Lie"
    known = _parsed(text.replace("Tordis", "Liv"), "minutes")  # a word the dictionary knows needs the list
    assert _present(known) == ["Bente", "Liv", "Kari Lie"]
    verb = _parsed(text.replace("Tordis", "Åke"), "minutes")  # 'åke' is a verb: no member by its shape alone
    assert "Åke" not in _present(verb)


def test_a_person_given_the_floor_was_there_and_speaks_next() -> None:
    """'… kunne gi ordet til dagens foredragsholder, Harald Berg fra Pensjonistforbundet': he took part, with his
    organisation, and 'Han innledet …' is his, not the member who spoke before; so after 'Ordet ble gitt til …'."""
    text = (
        "Medlemsmøte 26. september 2017\n\nLeif åpnet møtet.\n\nKari orienterte om vandringsgruppa. Neste tur er i "
        "oktober.\n\nDet var ingen saker under Eventuelt, så Leif kunne gi ordet til dagens foredragsholder, Harald "
        "Berg fra Pensjonistforbundet. Han innledet med å fortelle om pensjonen. Forbundet vil ha forhandlingsrett."
    )
    parsed = _parsed(text, "minutes")
    assert ("Harald Berg", "Pensjonistforbundet") in [(p.name, p.organisation) for p in parsed.people]
    assert [s.speaker for s in parsed.segments[-2:]] == ["Harald Berg", "Harald Berg"]
    passive = _parsed(text.replace("så Leif kunne gi ordet til", "og ordet ble deretter gitt til"), "minutes")
    assert [s.speaker for s in passive.segments[-2:]] == ["Harald Berg", "Harald Berg"]
    taken = _parsed(text.replace("så Leif kunne gi ordet til", "så Leif takket"), "minutes")  # no floor given
    assert "Harald Berg" not in [s.speaker for s in taken.segments]


def test_referring_is_a_verb_of_reporting() -> None:
    """'Under foreningsaker refererte Leif til brev fra Forbundet': Leif reports, the verb before his name."""
    text = (
        "Medlemsmøte 29. oktober 2019\n\nTil stede: Leif Berg og Unni Dahl\n\nUnni Dahl leste opp referatet.\n\n"
        "Under foreningsaker refererte Leif Berg til brev fra Forbundet."
    )
    assert [s.speaker for s in _parsed(text, "minutes").segments] == ["Unni Dahl", "Leif Berg"]


def test_two_names_parted_by_a_slash_under_the_text_signed_and_were_there() -> None:
    text = (
        "Referat fra medlemsmøte 30.11.16\n\nTilstede: 45 medlemmer\n\nJohan Westgaard ønsket alle velkommen.\n\n"
        "Mai Britt overtok som møteleder.\n\nMai Britt takket for godt fremmøte.\n\n"
        "Sarpsborg/Moss, den 6. des. 2016\n\nJohan Westgaard/Mai Britt Løken"
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == ["Johan Westgaard", "Mai Britt Løken"]
    assert parsed.segments[2].speaker == "Mai Britt Løken"


def test_a_person_present_is_never_also_a_body_that_took_part() -> None:
    """'Representanter fra Samarbeidsforum mot fattigdom sammen med statsrådene Monica Mæland og Anniken Hauglie'
    names a body and two ministers, not a body called Anniken Hauglie."""
    text = (
        "Arbeids- og sosialminister Anniken Hauglie og kommunalminister Monica Mæland møtte Samarbeidsforum mot "
        "fattigdom.\n\nRepresentanter fra Samarbeidsforum mot fattigdom sammen med statsrådene Monica Mæland og "
        "Anniken Hauglie."
    )
    people = _parsed(text, "news").people
    assert "Anniken Hauglie" not in [p.organisation for p in people]
    assert [p.name for p in people if p.name] == ["Anniken Hauglie", "Monica Mæland"]


def test_a_common_first_name_that_is_also_a_label_word_opens_a_name() -> None:
    """'Dag' is a date label and a first name: 'før Dag Westerheim (VA) snakket om …' names him."""
    text = "Statsråd Anniken Hauglie ønsket velkommen før Dag Westerheim (VA) snakket om arbeidsfattigdom."
    assert [(p.name, p.organisation) for _, p in speaking(text)] == [("Anniken Hauglie", ""), ("Dag Westerheim", "VA")]


def test_names_a_list_parts_with_dashes_are_a_list_a_hyphen_or_one_dash_to_a_body_are_not() -> None:
    text = (
        "Møtebok styret 23.01.19.\n\nTil stades:  Ragnar Elias Bakken - Stine Ødegård Urke – Gro-Helen Lid –Siv "
        "Krokfoss - Jan Petter Øvstedal - Kjell Petter Braute - Emma Karoline Hanssen - Anne Grete Refsnes Tennfjord "
        "- Ola Mogstad – Frank Urke (vara).\n\nForfall: - Frode Dyrkorn - Anne Sofie Valgermo. Ingen vara for Anne "
        "Sofie. 11 røysteføre.\n\nSak 1 – Møtebok frå styremøte 04.12.18\n\nGodkjend."
    )
    parsed = _parsed(text, "minutes")
    assert _present(parsed) == [
        "Ragnar Elias Bakken",
        "Stine Ødegård Urke",
        "Gro-Helen Lid",
        "Siv Krokfoss",
        "Jan Petter Øvstedal",
        "Kjell Petter Braute",
        "Emma Karoline Hanssen",
        "Anne Grete Refsnes Tennfjord",
        "Ola Mogstad",
        "Frank Urke",
    ]
    assert _present(parsed, "absent") == ["Frode Dyrkorn", "Anne Sofie Valgermo"]
    assert dashes_as_commas("Kari Lie - NAV") == "Kari Lie - NAV"


def test_a_case_number_with_the_meetings_date_before_its_title() -> None:
    text = (
        "Møtebok styret 23.01.19.\n\nTil stades: Ragnar Bakken og Linn Lid\n\n"
        "Sak 1 – 23.01.19 - Møtebok frå styremøte 04.12.18\n\nGodkjend.\n\n"
        "Sak 2 – 23.01.19 - Nytt frå dei sju gruppene i ØIL.\n\nGodt nytt."
    )
    assert [(a.item_no, a.title) for a in _parsed(text, "minutes").agenda] == [
        ("1", "Møtebok frå styremøte 04.12.18"),
        ("2", "Nytt frå dei sju gruppene i ØIL."),
    ]


def test_a_case_number_with_a_comma_before_its_title_and_never_before_prose() -> None:
    text = (
        "Tilstede: Ole Hansen og Tore Knudsen.\n\nSak 1, Årsmøte 2020.\n\nDet ble diskutert.\n\n"
        "Sak 2, Økonomi\n\nGodt nytt.\n\nSak 1, 2 og 3 ble behandlet samlet.\n\nSak 3, og sak 4 ble utsatt."
    )
    assert [(a.item_no, a.title) for a in _parsed(text, "minutes").agenda] == [("1", "Årsmøte 2020."), ("2", "Økonomi")]


def test_a_name_then_the_body_it_came_from_after_fra_is_a_person_of_that_body() -> None:
    text = (
        "Styremøte 4. april 2022\n\nTil stede: Kari Lie fra NAV, Per Holm frå KS og Ola Dahl\n\n"
        "Besøk: Stine-Marie fra stab BOAT\n\nForfall: Eva Berg fra kl. 19\n\nSak 1: Økonomi\n\nGodkjent."
    )
    parsed = _parsed(text, "minutes")
    assert [(p.name, p.organisation, p.status) for p in parsed.people] == [
        ("Kari Lie", "NAV", "present"),
        ("Per Holm", "KS", "present"),
        ("Ola Dahl", "", "present"),
        ("Stine-Marie", "stab BOAT", "present"),
        ("Eva Berg", "", "absent"),  # "fra kl. 19" says when, a remark
    ]


def test_a_name_then_a_dash_and_what_the_member_is_in_lower_case_or_digits() -> None:
    text = (
        "Referat fra FAU-møte 22.10.2019\n\nTilstede: Kine Therese Sandvik- 2.klasse, Hilde Jørgensen- fauleder,"
        "Rune Nordstrand-1.klasse, Bjørn Framnes-rektor\n\nForfall:  Anita Bakkejord-6.klasse\n\n"
        "Sak 16/19 Forventninger.\n\nRektor la fram sine forventninger til samarbeidet."
    )
    parsed = _parsed(text, "minutes")
    assert [(p.name, p.role, p.organisation, p.status) for p in parsed.people] == [
        ("Kine Therese Sandvik", "", "2.klasse", "present"),
        ("Hilde Jørgensen", "fauleder", "", "present"),
        ("Rune Nordstrand", "", "1.klasse", "present"),
        ("Bjørn Framnes", "Rektor", "", "present"),  # a title of the layout file, as it spells it
        ("Anita Bakkejord", "", "6.klasse", "absent"),
    ]
    assert parsed.segments[-1].speaker == "Bjørn Framnes"  # the one rektor present
    names = [
        p.name
        for p in _parsed(
            "Til stede: Ellen Kavlie-Borge, Per Holm og Kari-Janne Hansen\n\nSak 1: Budsjett", "minutes"
        ).people
    ]
    assert names == ["Ellen Kavlie-Borge", "Per Holm", "Kari-Janne Hansen"]  # a hyphen inside a name is no dash


def test_a_substitute_word_before_a_name_in_a_list_is_the_role_of_one_who_came_never_in_prose() -> None:
    text = (
        "Referat FAU 15.10.2012\n\nTilstede: Camilla Vonheim, vara Kari-Janne Hansen, vararepresentant Per Frantsvold, "
        "Mona Skanke\n\nSak 1: Valg\n\nDet vart valt nye representantar til styret: Kåre Ystanes – vara Ingvild Hauso."
    )
    people = _parsed(text, "minutes").people
    assert [(p.name, p.role) for p in people][:4] == [
        ("Camilla Vonheim", ""),
        ("Kari-Janne Hansen", "Vara"),
        ("Per Frantsvold", "Vararepresentant"),
        ("Mona Skanke", ""),
    ]
    assert "Ingvild Hauso" not in [p.name for p in people]


def test_a_date_alone_on_the_last_line_dates_minutes_that_give_no_other() -> None:
    text = (
        "Tilstede: Oddbjørn Kaasa og Arvid Wold.\n\n07 – 2022    Gjennomgang av årsmelding.\n\nGjennomgått.\n\n17.02.22"
    )
    assert _parsed(text, "minutes").meeting["date"] == "2022-02-17"
    assert (date_alone("17. februar 2022"), date_alone("Oslo, 17.02.22"), date_alone("Møtet 17.02.22")) == (
        "2022-02-17",
        "",
        "",
    )


def test_an_office_word_before_the_name_on_the_last_line_signs_the_minutes() -> None:
    one_line = "Lokallagsmøte 24. januar 2017\n\nLeder Ingebjørg Hovde ønsket velkommen.\n\nReferent Eyolf Dannevig"
    assert _parsed(one_line, "minutes").meeting["minute_taker"] == "Eyolf Dannevig"
    web_page = (
        "Styremøte 10.01.11\n\nTilstede: Per Lien og Frode Bygdnes\n\nMøtet hevet kl. 20.45\n\n"
        "Ref. Frode Bygdnes\n\nsekretær\n\nTilbake til hovedsiden"
    )
    parsed = _parsed(web_page, "minutes")
    assert parsed.meeting["minute_taker"] == "Frode Bygdnes"
    assert "Tilbake til hovedsiden" not in " ".join(s.text for s in parsed.segments)  # the page's link, no text


def test_a_short_line_near_the_top_naming_the_meeting_with_its_date_dates_it() -> None:
    text = (
        "Drammen og omegn lokallag - referat fra årsmøte\n\nNyhetssak fra 24. februar 2020\n\n"
        "Kort referat fra årsmøtet 20.02.2020\n\nFolkets hus, Drammen\n\n"
        "Lokallagets leder, Liv A. Hansen, åpnet møtet med å ønske alle velkommen."
    )
    assert _parsed(text, "minutes").meeting["date"] == "2020-02-20"


def test_the_chair_who_welcomed_everyone_and_led_the_meeting() -> None:
    text = "Lokallagsmøte 24. januar 2017\n\nLeder Ingebjørg Hovde ønsket velkommen og ledet møtet. Tone forklarte."
    assert _parsed(text, "minutes").meeting["chair"] == "Ingebjørg Hovde"


def test_a_sentence_naming_who_came_labels_the_attendees_also_run_into_other_fields() -> None:
    nynorsk = (
        "Referat styremøte\n\nDesse var med: Reidar Kallestad, Kjetil Rødland og Svanhild Aksnes.\n\nSak 06/24 Val"
    )
    assert [p.name for p in _parsed(nynorsk, "minutes").people] == [
        "Reidar Kallestad",
        "Kjetil Rødland",
        "Svanhild Aksnes",
    ]
    flattened = (
        "Styremøte 20. oktober 2009\n\nMøtested: Quality Airport Hotel, Gardermoen Følgende deltok: Ove Ommundsen, "
        "Magnhild Nymo og Aslak Snarteland. Forfall: Tone Edland.\n\nSak 88/09 Godkjenning av innkalling"
    )
    people = _parsed(flattened, "minutes").people
    assert [(p.name, p.status) for p in people] == [
        ("Ove Ommundsen", "present"),
        ("Magnhild Nymo", "present"),
        ("Aslak Snarteland", "present"),
        ("Tone Edland", "absent"),
    ]


def test_a_substitute_ranked_by_number_before_a_name_in_a_list_came_as_that_substitute() -> None:
    text = "Referat styremøte\n\nTil stades: Reidar Kallestad, Kato Hilleren og 1. vara Lars Johan Tveit.\n\nSak 1 Val"
    people = _parsed(text, "minutes").people
    assert [(p.name, p.role) for p in people] == [
        ("Reidar Kallestad", ""),
        ("Kato Hilleren", ""),
        ("Lars Johan Tveit", "1. vara"),
    ]


def test_a_web_pages_publication_stamp_never_dates_the_meeting() -> None:
    over_the_fields = (
        "Lunner Idrettsråd møte nr. 1/2013\n\nPostet av Fredrik Georg Grøndahl den 27. Okt 2014\n\n"
        "Referat møte idrettsrådet 18.april 2013\n\nTilstede:\nBjørn Johannesen\nVegard Tørstad\n\nDriftsmidler\n\n"
        "Det er kr 80.000,- til fordeling."
    )
    assert _parsed(over_the_fields, "minutes").meeting["date"] == "2013-04-18"
    news = (
        "Historisk møte mellom minister og brukere\n\nPublisert dato:  18.04.2008\n\n"
        "Det første møtet i dialogforumet fant sted på statsrådens møterom torsdag."
    )
    assert _parsed(news, "news").meeting["date"] == ""  # a weekday alone: the text does not say which
    assert _parsed(news.replace("torsdag.", "torsdag 17. april."), "news").meeting["date"] == "2008-04-17"


def test_a_case_number_with_the_meeting_and_the_year_over_its_title_opens_an_item() -> None:
    text = (
        "Styremøte nr. 07-2014\n\nTilstede: Arild Olsnes og Randi Opøyen\n\nSak 39/04/2015\n\n"
        "Godkjenning av referat fra forrige møte\n\nReferatet ble godkjent.\n\n"
        "Sak 40/04/2015 Kommuneplan for idrett\n\nHøringsutkast foreligger."
    )
    assert [(a.item_no, a.title) for a in _parsed(text, "minutes").agenda] == [
        ("39/04/2015", "Godkjenning av referat fra forrige møte"),
        ("40/04/2015", "Kommuneplan for idrett"),
    ]


def test_the_documents_type_over_its_title_names_no_minute_taker() -> None:
    text = (
        "REFERAT: Styremøte nr. 07-2014\n\nREFERAT\n\nStyremøte nr. 07-2014\n\nTid: 10.12.2014 kl. 1700\n\n"
        "Tilstede: Arild Olsnes og Randi Opøyen\n\nSak 1 Valg\n\nStyret er enig."
    )
    parsed = _parsed(text, "minutes")
    assert parsed.meeting["minute_taker"] == ""
    assert [p.name for p in parsed.people] == ["Arild Olsnes", "Randi Opøyen"]
    assert (
        _parsed(text.replace("REFERAT\n\nStyremøte", "Referent\n\nKari Lie\n\nStyremøte"), "minutes").meeting[
            "minute_taker"
        ]
        == "Kari Lie"
    )


def test_an_office_in_brackets_with_a_committee_is_that_committees_not_the_meetings() -> None:
    text = (
        "Styremøte\n\nTilstede: Arild Olsnes, Stefan Blanckeart (leder valgkomiteen) og Torbjørn Hovland.\n\nSak 1 Valg"
    )
    parsed = _parsed(text, "minutes")
    assert parsed.meeting["chair"] == ""
    assert ("Stefan Blanckeart", "Leder", "valgkomiteen") in [(p.name, p.role, p.organisation) for p in parsed.people]
    assert _parsed(text.replace("leder valgkomiteen", "leder"), "minutes").meeting["chair"] == "Stefan Blanckeart"


def test_case_numbers_a_transcript_lost_inside_a_counted_run_are_items_when_the_count_fills_the_gap() -> None:
    line = (
        "Forfall: Tone Edland. " + "Lars Erik Wallin og Signe Dahl deltok som sekretærer. " * 6 + "Sakliste: "
        "88/09 Godkjenning av innkalling 89/09 Godkjenning av protokoll /09 Terminliste /09 Budsjett "
        "92/09 Jordbruksforhandlingene 93/09 Handlingsplan Rovvilt"
    )
    assert split_run_on(line)[1:] == [
        "88/09 Godkjenning av innkalling",
        "89/09 Godkjenning av protokoll",
        "/09 Terminliste",
        "/09 Budsjett",
        "92/09 Jordbruksforhandlingene",
        "93/09 Handlingsplan Rovvilt",
    ]
    one_too_many = line.replace("/09 Budsjett", "/09 Budsjett /09 Rovvilt")  # three lost where two are missing
    assert "/09 Terminliste" not in split_run_on(one_too_many)


def test_a_label_of_the_cases_text_ends_the_items_title() -> None:
    text = (
        "Protokoll fra styremøte 7. april 2016\n\nTilstede: Oddvar Mikkelsen og Gunnhild Overvoll\n\n"
        "1/2016 Godkjenning av saksliste Orienteringssak: Organisering av rådgivningen Vedtak: Godkjent\n\n"
        "2/2016 Godkjenning av protokoll fra styremøte 1. mars 2016 Vedlegg: Protokoll var tidligere utsendt. "
        "Vedtak: Protokoll frå styremøtet godkjent.\n\n3/2016 Medlemsutvikling: Tala går ned."
    )
    parsed = _parsed(text, "minutes")
    assert [a.title for a in parsed.agenda] == [
        "Godkjenning av saksliste",
        "Godkjenning av protokoll fra styremøte 1. mars 2016",
        "Medlemsutvikling: Tala går ned.",  # a colon after the title's own word opens no text of a label
    ]
    assert "Vedlegg: Protokoll var tidligere utsendt." in [s.text for s in parsed.segments]


def test_plain_headings_over_their_text_are_the_items_of_minutes_that_number_none() -> None:
    text = (
        "Referat møte idrettsrådet 18.april 2013\n\nTilstede:\nBjørn Johannesen\nMarit Horgen\n\n"
        "Kommunedelplan for kultur\n\nDet er kommet inn få planer.\n\nHandling:\n\nVære proaktive.\n\n"
        "Driftsmidler\n\nDet er kr 80.000,- til fordeling.\n\nLeder og nestleder valgt på årsmøte\n\n"
        "Andre roller til fordeling:\n\nKasserer: Yvonne Nabben\n\nArbeidsoppgaver frem til neste møte\n\n"
        "Alle setter seg inn i arbeidsoppgavene.\n\nKommentarer\n\nLogg inn for å skrive en kommentar."
    )
    items = [(a.item_no, a.title) for a in _parsed(text, "minutes").agenda]
    assert items == [
        ("1", "Kommunedelplan for kultur"),
        ("2", "Driftsmidler"),
        ("3", "Arbeidsoppgaver frem til neste møte"),
    ]
    assert _parsed(text, "agenda").agenda == []  # an invitation's headings are its own sections
    numbered = text.replace("Driftsmidler\n\n", "2. Driftsmidler\n\n")
    assert [a.title for a in _parsed(numbered, "minutes").agenda] == ["Driftsmidler"]  # numbered items win


def test_an_office_word_before_a_name_over_the_fields_names_that_officer() -> None:
    text = (
        "Lunner Idrettsråds møte nr. 6\n\nRef. Marit Horgen\n\nReferat møte nr 5/2013 idrettsrådet 4.des. 2013\n\n"
        "Sted: Lunnerhallen\nTilstede:\nMarit Horgen, Yvonne S. Nabben\n\n1. Orientering fra klubben\n\nKort info."
    )
    parsed = _parsed(text, "minutes")
    assert (parsed.meeting["minute_taker"], parsed.meeting["date"]) == ("Marit Horgen", "2013-12-04")
    assert parsed.meeting["chair"] == ""


def test_a_list_whose_line_ends_in_a_comma_goes_on_on_the_next_line() -> None:
    text = (
        "Referat fra 11. mars 2014\nTilstede: John-Harald Wangen, Gro Kristine Sjønnesen,\nTove Kjevik, Cora Maria "
        "Galucio og Erik Songstad\nSted: Emma Hjorth\n\nSAKER\n\n05/10 FN-KONVENSJONEN\nUtsatt."
    )
    assert [(p.name, p.organisation) for p in _parsed(text, "minutes").people] == [
        ("John-Harald Wangen", ""),
        ("Gro Kristine Sjønnesen", ""),
        ("Tove Kjevik", ""),
        ("Cora Maria Galucio", ""),
        ("Erik Songstad", ""),
    ]


def test_first_names_only_with_an_office_in_a_bracket_are_a_list_of_people() -> None:
    text = (
        "Referat frå styremøte 04.10.2016\n\nTil stades: Oliv, Kjell og Helge (referent)\n\nSak 1. Referat førre møte."
    )
    parsed = _parsed(text, "minutes")
    assert [(p.name, p.role, p.organisation) for p in parsed.people] == [
        ("Oliv", "", ""),
        ("Kjell", "", ""),
        ("Helge", "Referent", ""),
    ]
    assert parsed.meeting["minute_taker"] == "Helge"


def test_two_names_when_the_second_opens_with_a_common_first_name_never_a_name_and_a_body() -> None:
    text = "Referat fra medlemsmøte 11.03.2020\n\nTilstede: Marie og Jan\n\nForfall: Brit, Kjell Erik\n\nMarie takket."
    assert [(p.name, p.organisation, p.status) for p in _parsed(text, "minutes").people][2:] == [
        ("Brit", "", "absent"),
        ("Kjell Erik", "", "absent"),
    ]
    body = text.replace("Brit, Kjell Erik", "Per Holm, Røde Kors")
    assert [(p.name, p.organisation) for p in _parsed(body, "minutes").people][2:] == [("Per Holm", "Røde Kors")]


def test_a_minute_taker_signing_with_initials_is_the_one_attendee_who_has_them() -> None:
    text = (
        "Styremøte 31. august 2013\n\nTil stede: Berit Olafsen, Else Bjerke og Asbjørg Holt Samuelsen.\n\n"
        "1. Godkjenning av protokoller\n\nGodkjent.\n\nRef.  AHS"
    )
    assert _parsed(text, "minutes").meeting["minute_taker"] == "Asbjørg Holt Samuelsen"
    two = text.replace("Else Bjerke", "Anne Hilde Strand")  # two attendees with those initials: as written
    assert _parsed(two, "minutes").meeting["minute_taker"] == "AHS"


def test_a_ditto_mark_repeating_the_case_word_keeps_the_items_number() -> None:
    text = (
        "Referat frå styremøte 04.10.2016\n\nTil stades: Oliv og Kjell\n\nSak 1.  Referat førre møte.\nIngen merknader."
        "\n\n«  2.  Skriv frå forbundet\nGjennomgått.\n\n  «  3.  Eventuelt\nJulelunsjen vart diskutert."
    )
    assert [(a.item_no, a.title) for a in _parsed(text, "minutes").agenda] == [
        ("1", "Referat førre møte."),
        ("2", "Skriv frå forbundet"),
        ("3", "Eventuelt"),
    ]
    assert clean('«Fint», sa hun.\n" 2 ganger i året').paragraphs == ['«Fint», sa hun.\n" 2 ganger i året']  # quotes


def test_fixed_points_label_the_agenda_and_in_a_run_on_line_the_body_after_it_stays() -> None:
    text = (
        "Referat fra 11. mars 2014\nTilstede: Tove Kjevik og Erik Songstad\nSted: Emma Hjorth\n\nFaste punkter:\n\n"
        "Informasjon fra andre møter\nIngen møter siden sist.\n\nBrev til gruppen\nIngen brev.\n\nSAKER\n\n"
        "05/10 FN-KONVENSJONEN\nUtsatt på grunn av besøk til KS."
    )
    assert [a.title for a in _parsed(text, "minutes").agenda] == [
        "Informasjon fra andre møter",
        "Brev til gruppen",
        "FN-KONVENSJONEN",
    ]
    run_on = (
        "Referat fra 9. september 2014 Tilstede: Tove Kjevik og Erik Songstad Besøk: Ingen Vedlegg: Faste punkter: "
        "Informasjon fra andre møter og konferanser Lars Ole har hatt møte med Randi Krogstad på høgskolen. "
        + "Tove syntes det var lett å forstå. "
        * 12
    )
    parsed = _parsed(run_on, "minutes")
    assert [p.name for p in parsed.people] == ["Tove Kjevik", "Erik Songstad"]
    assert "Tove syntes det var lett å forstå." in [s.text for s in parsed.segments]


def test_names_opening_a_sentence_of_taking_part_under_a_list_are_not_the_list_going_on() -> None:
    text = (
        "Styremøte 20. oktober 2009\n\nFølgende deltok: Ove Ommundsen og Aslak Snarteland. Forfall: Tone Edland.\n\n"
        "Lars Erik Wallin, Anne Grimstad og Signe Dahl deltok som sekretærer.\n\nSak 88/09 Godkjenning\n\nGodkjent."
    )
    absent = [(p.name, p.organisation) for p in _parsed(text, "minutes").people if p.status == "absent"]
    assert absent == [("Tone Edland", "")]
    listed = text.replace(" deltok som sekretærer.", "")  # a list a word processor split into paragraphs goes on
    assert [p.name for p in _parsed(listed, "minutes").people if p.status == "absent"][1:] == [
        "Lars Erik Wallin",
        "Anne Grimstad",
        "Signe Dahl",
    ]


def test_two_elected_in_one_sentence_each_to_an_office_and_several_elected_in_nynorsk() -> None:
    text = (
        "REFERAT FRÅ ÅRSMØTE 9. MARS 2021\n\nTil stades: 24 personar\n\nVal av ordstyrar\n\nBjørn Austigard vart valt "
        "til ordstyrar og Mads Langnes til referent. Målfrid Nordhaug og Arne Sandøy vart valde til å underskrive "
        "protokollen."
    )
    parsed = _parsed(text, "minutes")
    assert (parsed.meeting["chair"], parsed.meeting["minute_taker"]) == ("Bjørn Austigard", "Mads Langnes")
    assert [p.name for p in parsed.people] == ["Bjørn Austigard", "Mads Langnes", "Målfrid Nordhaug", "Arne Sandøy"]


def test_guests_introduced_to_the_meeting_were_there() -> None:
    text = (
        "REFERAT FRA MEDLEMSMØTE 11.03.2020\n\nTilstede fra styret: Marie, Fridtjof og Jan\n\nMarie ønsket velkommen "
        "til medlemsmøtet og introduserte Stein Arne Sæther og Dag Ågren som underholdt med innhold fra boka."
    )
    assert [p.name for p in _parsed(text, "minutes").people][3:] == ["Stein Arne Sæther", "Dag Ågren"]
    report = text.replace("introduserte Stein Arne Sæther og Dag Ågren", "presenterte Rapporten")
    assert [p.name for p in _parsed(report, "minutes").people] == ["Marie", "Fridtjof", "Jan"]


def test_a_double_first_name_cut_short_is_one_name_and_ends_no_sentence() -> None:
    from analysis.language.sentences import split_sentences

    assert split_sentences(
        "Forfall: Tone Edland. Lars Erik Wallin, Anne-Cath. Grimstad og Signe Dahl kom. Ferdig."
    ) == [
        "Forfall: Tone Edland.",
        "Lars Erik Wallin, Anne-Cath. Grimstad og Signe Dahl kom.",
        "Ferdig.",
    ]
    assert split_sentences("Vi møtte Nord-Norge. Det var fint.") == ["Vi møtte Nord-Norge.", "Det var fint."]
    # a whole double name ends a sentence: the part cut short ends in a consonant
    assert split_sentences("Ordet gikk til Anne-Mari. Hun takket.") == ["Ordet gikk til Anne-Mari.", "Hun takket."]


def test_people_who_took_part_in_an_office_were_there() -> None:
    text = (
        "Styremøte 20. oktober 2009\n\nFølgende deltok: Ove Ommundsen og Aslak Snarteland. Forfall: Tone Edland.\n\n"
        "Lars Erik Wallin, Anne-Cath. Grimstad og Signe Dahl deltok som sekretærer.\n\nSak 88/09 Godkjenning\n\nOk."
    )
    present = [p.name for p in _parsed(text, "minutes").people if p.status == "present"]
    assert present == ["Ove Ommundsen", "Aslak Snarteland", "Lars Erik Wallin", "Anne-Cath. Grimstad", "Signe Dahl"]


def test_a_closing_item_left_unnumbered_after_the_numbered_ones_is_the_next_item() -> None:
    text = (
        "Referat styremøte\n\nDesse var med: Reidar Kallestad og Kato Hilleren.\n\nSak 09/24 Jordbruksavtalen 2024.\n\n"
        "Arbeidet er i gang.\n\nYmse:\n\nNeste styremøte er 15. februar."
    )
    assert [(a.item_no, a.title) for a in _parsed(text, "minutes").agenda] == [
        ("09/24", "Jordbruksavtalen 2024."),
        ("", "Ymse"),
    ]
    numbered = "Møte\n\nTilstede: Per Holm og Kari Lie\n\n1. Budsjett\n\nVedtatt.\n\nEventuelt\n\nIngen saker."
    assert [(a.item_no, a.title) for a in _parsed(numbered, "minutes").agenda] == [
        ("1", "Budsjett"),
        ("2", "Eventuelt"),
    ]
    unnumbered = "Møte\n\nTilstede: Per Holm og Kari Lie\n\nEventuelt\n\nIngen saker."  # no numbered item before it
    assert _parsed(unnumbered, "minutes").agenda == []


def test_an_office_word_before_a_first_name_alone_under_the_text_signs_the_minutes() -> None:
    text = (
        "MEDLEMSMØTE I Trondheim lokallag 20.okt 2016\n\nGodt frammøte i festsalen.\n\n"
        "John Sandvik holdt et interessant kåseri om maleren Arthur Meyer.\n\nReferent Astrid"
    )
    parsed = _parsed(text, "minutes")
    assert parsed.meeting["minute_taker"] == "Astrid"
    assert "Astrid" in [p.name for p in parsed.people]
    assert _parsed(text.replace("Referent Astrid", "Referent Leder"), "minutes").meeting["minute_taker"] == ""


def test_a_name_that_took_the_turn_spoke_and_was_there() -> None:
    text = (
        "Medlemsmøte 25/10-23\n\nBente ønsket velkommen, 25 medlemmer hadde møtt frem.\n\n"
        "Kjell Moy tok ordet og takket for blomster og hyggelig hilsen i anledning 90-årsdagen."
    )
    parsed = _parsed(text, "minutes")
    assert "Kjell Moy" in [p.name for p in parsed.people]
    assert [s.speaker for s in parsed.segments if s.text.startswith("Kjell Moy")] == ["Kjell Moy"]
    other = text.replace("tok ordet og takket", "tok toget og reiste hjem")  # a taking, no turn
    assert "Kjell Moy" not in [p.name for p in _parsed(other, "minutes").people]


def test_a_caption_inside_a_paragraph_without_its_colon_names_the_people_in_the_photo() -> None:
    text = (
        "NAV Ørsta Volda har fått nytt brukarutval\n\nBrukarutvalet hadde konstituerande møte: Frå venstre leiar "
        "Monica Osvold i NAV Ørsta Volda. Kristin Vik frå Ørsta kommune, Jan Osborg frå LPP, Hazar Kamil, "
        "representerer flyktningane, og Jan Ove Haukås. (Foto: Janne Ringstad)\n\n- Vi gler oss, fortel Monica Osvold."
    )
    parsed = _parsed(text, "news")
    assert [(p.name, p.organisation) for p in parsed.people if p.name] == [
        ("Monica Osvold", "NAV Ørsta Volda"),
        ("Kristin Vik", "Ørsta kommune"),
        ("Jan Osborg", "LPP"),
        ("Hazar Kamil", ""),
        ("Jan Ove Haukås", ""),
    ]
    first = parsed.segments[0].text
    assert first == "Brukarutvalet hadde konstituerande møte:"  # the text before the caption stays
    no_credit = text.replace(" (Foto: Janne Ringstad)", "")  # without a credit closing it, the line is text
    assert "Kristin Vik" not in [p.name for p in _parsed(no_credit, "news").people]


def test_a_line_of_names_each_with_a_bracket_is_a_caption_and_so_is_one_led_in_without_a_colon() -> None:
    text = (
        "Engasjement på nettverkssamling\n\nEngasjerte deltakere deltok på samlingen mot barnefattigdom.\n\n"
        "IMG_0048.JPG\n\nTanja Skretting (Filadelfia) til venstre, Ingunn Lyngseth Holme (KUP) og Alf Eikaas "
        "(Redd Barna).\n\nDet var stor enighet om å fortsette samarbeidet.\n\n"
        "Fra venstre Anne Marie Koland (A-larm) og Elva Nziza (Afrikansk kulturforening).\n\n"
        "Morten Bakke (politisk rådgiver) og Anniken Hauglie (statsråd)"
    )
    parsed = _parsed(text, "news")
    assert [(p.name, p.role, p.organisation) for p in parsed.people if p.name] == [
        ("Tanja Skretting", "", "Filadelfia"),  # "til venstre" is where she stands, no part of her body
        ("Ingunn Lyngseth Holme", "", "KUP"),
        ("Alf Eikaas", "", "Redd Barna"),
        ("Anne Marie Koland", "", "A-larm"),
        ("Elva Nziza", "", "Afrikansk kulturforening"),
        ("Morten Bakke", "Politisk rådgiver", ""),
        ("Anniken Hauglie", "Statsråd", ""),
    ]
    assert not any("Skretting" in s.text for s in parsed.segments)  # a caption leaves the body
    # one name alone, a name line inside a paragraph and "Fra Venstre" (the party) are no captions
    other = (
        "Møte om inkludering\n\nIngrid Røed Bech (DNT)\n\nFra Venstre møtte Kari Holm (leder) og Per Dahl (NAV).\n\n"
        "Vi snakket om saken.\nOla Vik (FFO) og Eva Berg (NHF)"
    )
    parsed = _parsed(other, "news")
    assert [p.name for p in parsed.people if p.name] == ["Kari Holm", "Per Dahl"]  # they came from the party
    assert parsed.segments[0].text.startswith("Fra Venstre møtte")  # text, not a caption


def test_a_word_that_refers_back_to_a_body_is_no_body_that_took_part() -> None:
    text = (
        "To statsråder møtte Samarbeidsforum mot fattigdom\n\nSamarbeidsforum mot fattigdom var til stede med "
        "representanter fra Leieboerforeningen, Bikuben og Aleneforeldreforeningen. Forumet har faste møter med "
        "statsråder fire ganger i året."
    )
    bodies = [p.organisation for p in _parsed(text, "news").people if not p.name]
    assert "Forumet" not in bodies
    assert {"Leieboerforeningen", "Bikuben", "Aleneforeldreforeningen"} <= set(bodies)


def test_one_who_gave_a_causerie_spoke_and_was_there() -> None:
    text = (
        "Medlemsmøte 29. oktober 2019\n\nLeder ønsket velkommen.\n\nOdd Georg Murud kåserte om ekteparet Hamsun. "
        "Et interessant foredrag om oppveksten deres."
    )
    assert "Odd Georg Murud" in [p.name for p in _parsed(text, "minutes").people]


def test_an_agenda_heading_over_the_attendance_fields_heads_nothing_and_the_fields_are_read() -> None:
    """A web page's 'Dagsorden' (a link to the agenda) stood over 'Tilstede:' and 'Referent:': the header ended there,
    nobody was read and the fields became agenda items."""
    text = (
        "Referat fra styremøte 1. mars 2016\n\nDagsorden\n\nTilstede: Kari Lie, Per Dahl.\n\n"
        "Meldt forfall: Eva Berg.\n\nReferent: Per Dahl\n\n1. Økonomi\n\nKari gikk gjennom regnskapet.\n\n"
        "2. Medlemsstatus\n\nVi har 247 medlemmer."
    )
    parsed = _parsed(text, "minutes")
    assert [(p.name, p.status) for p in parsed.people] == [
        ("Kari Lie", "present"),
        ("Per Dahl", "present"),
        ("Eva Berg", "absent"),
    ]
    assert parsed.meeting["minute_taker"] == "Per Dahl"
    assert [a.title for a in parsed.agenda] == ["Økonomi", "Medlemsstatus"]
    # an agenda listed under its heading is still the agenda
    listed = _parsed("Referat\n\nTilstede: Kari Lie\n\nDagsorden\n\n1. Økonomi\n\n2. Valg", "minutes")
    assert [a.title for a in listed.agenda] == ["Økonomi", "Valg"]


def test_a_number_typed_against_a_title_whose_text_runs_on_is_an_item() -> None:
    paragraphs = [
        "Saker:",
        "1.Innkommet sak fra Odd Eilerås. Saken er kommet inn innen fristen for innsendte saker. Styret diskuterer "
        "hvordan saken skal legges fram, og ønsker ikke å komme med noen egen innstilling i saken før "
        "sentralstyret har behandlet den.",
    ]
    blocks = outline(paragraphs, [])
    assert [(b.entry.item_no, b.entry.title) for b in blocks if b.entry] == [("1", "Innkommet sak fra Odd Eilerås")]
    assert any(b.kind == "text" and b.text.startswith("Saken er kommet inn") for b in blocks)
    # out of turn it is no item: "3.Mai …" is a date
    late = outline(
        [
            "Saker:",
            "3.Mai var en fin dag. Vi gikk i tog gjennom hele byen og sang, og etterpå spiste vi "
            "is sammen med alle barna i bygda, som hadde pyntet seg til dagen med flagg og bånd.",
        ],
        [],
    )
    assert [b.entry for b in late if b.entry] == []


def test_a_minute_taker_signing_with_initials_and_a_date_is_the_attendee_so_named() -> None:
    text = (
        "Referat fra styremøte 9. august 2023\n\nDeltakere: Tom Ole Øren, Ellen Holtan Folkestad og Mats Foshaug.\n\n"
        "Saker:\n\n1. Årsmøtet\n\nStyret drøftet saken.\n\nReferent: Ellen HF, 13.08.23"
    )
    parsed = _parsed(text, "minutes")
    assert parsed.meeting["minute_taker"] == "Ellen Holtan Folkestad"
    assert [p.name for p in parsed.people] == ["Tom Ole Øren", "Ellen Holtan Folkestad", "Mats Foshaug"]
    assert same_person("Ellen HF", ["Ellen Holtan Folkestad", "Ellen Berg"]) == "Ellen Holtan Folkestad"
    assert same_person("Nils S", ["Nils Steinvik"]) == "Nils Steinvik"
    assert same_person("Ellen HB", ["Ellen Holtan Folkestad"]) is None  # other initials, someone else


def test_a_minute_takers_line_over_closing_notes_and_a_blogs_closing_lines_is_read() -> None:
    """'Ref.: …' over 'Tilleggsopplysninger: …' and a blog's 'Tagged , .Bokmerk permalink.' / 'Kommentarer er stengt.':
    the minute-taker was not read, since the document's last lines were no labelled ones."""
    text = (
        "Referat fra styremøte IL Kampen\n\nDeltakere: Elin Strand, Hege Dahl, Rigmor Sollie Holmebukt\n\n"
        "Sak 1: Dugnad\n\nElin ordner med info på hjemmesida.\n\nRef.: Rigmor Sollie Holmebukt\n\n"
        "Tilleggsopplysninger: Neste styremøte blir etter sommerferien.\n\nTagged , .Bokmerk permalink.\n\n"
        "Kommentarer er stengt."
    )
    parsed = _parsed(text, "minutes")
    assert parsed.meeting["minute_taker"] == "Rigmor Sollie Holmebukt"
    texts = [s.text for s in parsed.segments]
    assert texts[-1] == "Tilleggsopplysninger: Neste styremøte blir etter sommerferien."  # the note stays text
    assert not any("Ref.:" in t or "permalink" in t or "stengt" in t for t in texts)
    # a case's decision closing the minutes is no note under a footer: 'Referent:' above it is text too
    header = parse_header(["Referat", "Tilstede: Ola, Kari"])
    assert parse_footer(["Leder: Kari orienterte.", "Vedtak: Tatt til orientering."], header) == (0, 0)
    assert header.chair == ""
    # nor is an election's result, and only who wrote or gets the minutes stands over notes
    assert parse_footer(["Leder: Liv Hansen, gjenvalgt", "Kasserer: Eva Berg, ikke på valg"], header) == (0, 0)
    assert parse_footer(["Leder: Liv Hansen", "Neste møte: 5. mai"], header) == (0, 0) and header.chair == ""


def test_a_label_glued_to_the_last_name_before_it_opens_its_own_field() -> None:
    """A web page lost the break: 'Deltakere: … Øystein HenriksenForfall: Hege Fosslund …'."""
    header = parse_header(
        ["Referat", "Deltakere: Elin Strand, Line Henriksen og Øystein HenriksenForfall: Hege Fosslund og Stig Hansen"]
    )
    assert [(p.name, p.status) for p in header.people] == [
        ("Elin Strand", "present"),
        ("Line Henriksen", "present"),
        ("Øystein Henriksen", "present"),
        ("Hege Fosslund", "absent"),
        ("Stig Hansen", "absent"),
    ]


def test_an_item_title_may_open_with_the_day_it_is_about() -> None:
    paragraphs = ["Sak 4: Dugnad", "Den går som planlagt.", "Sak 5: 17. mai arrangement", "Sak 8/2011: 17. mai"]
    items = [(b.entry.item_no, b.entry.title) for b in outline(paragraphs, []) if b.entry]
    assert items == [("4", "Dugnad"), ("5", "17. mai arrangement"), ("8/2011", "17. mai")]
    assert [b.entry for b in outline(["Vi møttes.", "17. mai arrangement"], []) if b.entry] == []  # a date, no item


def test_a_stacked_header_table_with_a_wrapped_list_and_text_below_is_paired_where_each_value_fits() -> None:
    """'Møtested:' / 'Møtetid:' / 'Deltakere:' / 'Referent:' / 'Neste møte:' over their values, the list of names
    wrapped over three lines at its brackets and commas, then the minutes' text with no blank line between."""
    text = (
        "Møtereferat\n\nMøtegruppe:\nMøtested:\nMøtetid:\nDeltakere:\nReferent:\nNeste møte:\nFAU\n"
        "Skolens personalrom\n4. april 2011 kl. 19:00\nKari Lie (Hare), Per Dahl (Skogmus), Eva T. Berg\n"
        "(Skogmus) Tarik Osmani (Mår), Siri Moe\n(Mår).\nSiri Moe (Mår)\nFAU-leder innkaller til neste møte.\n"
        "Referat fra forrige møte ble godkjent.\nSak 7/11: Temakveld\nVi planla kvelden."
    )
    parsed = _parsed(text, "minutes")
    assert [(p.name, p.organisation) for p in parsed.people] == [
        ("Kari Lie", "Hare"),
        ("Per Dahl", "Skogmus"),
        ("Eva T. Berg", "Skogmus"),
        ("Tarik Osmani", "Mår"),  # after a bracket the list's comma was lost at the wrap
        ("Siri Moe", "Mår"),
    ]
    meeting = parsed.meeting
    assert (meeting["date"], meeting["place"], meeting["minute_taker"]) == (
        "2011-04-04",
        "Skolens personalrom",
        "Siri Moe",  # the field takes the name; the list keeps her body
    )
    assert parsed.segments[1].text == "Referat fra forrige møte ble godkjent."  # text below the table stays text
    # a value that does not fit its label pairs nothing: no time under 'Møtetid:'
    misfit = "Møtested:\nMøtetid:\nReferent:\nSkolens personalrom\nKari Lie\nPer Dahl\nVi møttes."
    assert unstacked_lines(misfit) == misfit


def test_people_a_body_came_with_are_its_people() -> None:
    text = (
        "Fagrådet var invitert og var til stede med leder Jan Gunnar Skoftedalen og rådgiver Torhild Kielland. "
        "FFO stilte med generalsekretær Liv Arum. Regjeringen stilte med et solid lag."
    )
    assert [(p.name, p.role, p.organisation) for _, p in represented_by(text)] == [
        ("Jan Gunnar Skoftedalen", "Leder", "Fagrådet"),
        ("Torhild Kielland", "Rådgiver", "Fagrådet"),
        ("Liv Arum", "Generalsekretær", "FFO"),
    ]
    assert represented_by("Det var til stede med Kari Lie og Per Dahl.") == []  # no body's name before it


def test_fastslo_and_konstaterte_are_verbs_of_saying() -> None:
    text = (
        "Innspillsmøte om inkludering\n\nStatsminister Erna Solberg og Nav-direktør Sigrun Vågeng deltok.\n\n"
        "– Dette er et av regjeringens viktigste prosjekter, fastslo Solberg.\n\n"
        "– Vi må samarbeide bedre, konstaterte Vågeng."
    )
    speakers = {s.text[:10]: s.speaker for s in _parsed(text, "news").segments if s.text.startswith("–")}
    assert speakers == {"– Dette er": "Erna Solberg", "– Vi må sa": "Sigrun Vågeng"}


def test_a_chair_label_alone_over_a_headline_names_no_chair() -> None:
    """A magazine's section 'Leder' (the editorial) over the headline made the headline the meeting's chair."""
    header = parse_header(["Leder", "Inkludering - et spørsmål om vilje?", "Viljen var det ikke noe å si på."])
    assert header.chair == ""
    assert parse_header(["Referat", "Møteleder", "Kari Lie", "Tilstede: Per Dahl"]).chair == "Kari Lie"


def test_one_a_pronoun_later_in_the_sentence_says_was_away_is_absent() -> None:
    text = (
        "Referat fra medlemsmøtet 1. februar 2022\n\nKnut leste opp takkekort.\n\n"
        "Erling Sporsheim fikk også takk for lang og tro innsats, men han var ikke til stede så bukett ble brakt hjem."
        "\n\nReferent: Magnhild Grydeland"
    )
    assert [(p.name, p.status) for p in _parsed(text, "minutes").people if p.status == "absent"] == [
        ("Erling Sporsheim", "absent")
    ]
    # another name before the pronoun may be the one it refers to: nobody is made absent
    other = _parsed("Referat\n\nKari Lie takket Per Dahl for innsatsen, men han var ikke til stede.", "minutes")
    assert [p for p in other.people if p.status == "absent"] == []


def test_an_item_closed_by_the_name_of_one_present_names_who_answers_for_it() -> None:
    people = [Person("Jørg Kempf"), Person("Kari Lie"), Person("Arnfinn Midtbøen")]
    lines = [
        "4. Økonomi Jørg",
        "5. Medlemsstatus – Kari Lie",
        "6. Besøk av Kari",  # the item is about her
        "7. Kari Lie",  # a title that is a name
        "8. Intervju med utvalsleiar Arnfinn Midtbøen",  # a name after its title belongs to it
    ]
    entries = [b.entry for b in outline(["Saksliste:", *lines], people) if b.entry]
    assert [(e.title, e.presenters) for e in entries] == [
        ("Økonomi", ("Jørg Kempf",)),
        ("Medlemsstatus", ("Kari Lie",)),
        ("Besøk av Kari", ()),
        ("Kari Lie", ()),
        ("Intervju med utvalsleiar Arnfinn Midtbøen", ()),
    ]


def test_a_relative_clause_between_a_name_and_its_verb_leaves_the_name_the_subject() -> None:
    """'Inger Fredriksen som er leder av eldrerådet, ønsket velkommen': without a list she was not found."""
    for text in (
        "Inger Fredriksen som er leder av eldrerådet, ønsket velkommen.",
        "Inger Fredriksen, som er leder av eldrerådet, ønsket velkommen.",
    ):
        assert [p.name for p in prose_people([text])] == ["Inger Fredriksen"], text
    # a clause not closed by a comma before the verb is no such aside: the name is no subject of it
    assert prose_people(["Møtet ble holdt hos Inger Fredriksen som er leder av eldrerådet."]) == []


def test_a_name_after_a_pronoun_and_its_verb_is_the_verbs_object_not_one_who_spoke() -> None:
    """'Vi savnet Marianne Rosseid Bjelland … på møtet' made her present: the name after a verb of saying is its
    subject only where no pronoun before the verb is ('Så sa Kari Lie …')."""
    assert prose_people(["Vi savnet Marianne Rosseid Bjelland og Sven Gustavsson på møtet."]) == []
    assert [p.name for p in prose_people(["Så sa Kari Lie at hun var enig."])] == ["Kari Lie"]
    assert [p.name for p in prose_people(["Deretter orienterte Per Dahl om saken."])] == ["Per Dahl"]


def test_an_organisations_own_news_item_gives_its_officers_named_by_office_alone_its_name() -> None:
    """'FFO møtte arbeidsministeren' / 'Styreleder Knut Magne Ellingsen …': an organisation's news about its own
    meeting names its people by an office alone, as its readers know whose office it is (two devset items, FFO's and
    SAFO's). The other side's offices (a minister, a state secretary) stay without, as does one with a body of its
    own; a plural of bodies that met, or a minister who met, makes no item anyone's own."""
    title = "Kreftforeningen møtte helseministeren"
    lead = "Kreftforeningen møtte både statsråd Eva Lund og statssekretær "
    rest = (
        "Per Holm denne uken.\n\nStyreleder Kari Lie la fram våre krav. Generalsekretær Ola Dahl fulgte opp, og hans "
        "rådgiver Tor Vik noterte. Forbundsleder Liv Moe i NHF var også med."
    )
    text = f"{title}\n\n{lead}{rest}"
    people = {p.name: p.organisation for p in _parsed(text, "news").people}
    assert people == {
        "Eva Lund": "",
        "Per Holm": "",
        "Kari Lie": "Kreftforeningen",
        "Ola Dahl": "Kreftforeningen",
        "Tor Vik": "",  # the minister's adviser: not an office of the item's own
        "Liv Moe": "NHF",
    }
    assert {p.name: p.organisation for p in _parsed(f"Møte om kreft\n\n{lead}{rest}", "news").people} == people
    for opening in ("Pasient- og brukerorganisasjonene møtte", "Statsråd Eva Lund møtte Kreftforeningen og"):
        other = f"{opening} helseministeren\n\n{opening} statssekretær {rest}"
        assert {p.organisation for p in _parsed(other, "news").people if p.name == "Kari Lie"} == {""}
    assert {p.organisation for p in _parsed(text, "minutes").people if p.name == "Kari Lie"} == {""}


def _bodies(files: list[Path]) -> list[str]:
    """The body paragraphs of each file, as the people stage reads them (each file as minutes and as news)."""
    paragraphs = []
    for path in files:
        for kind in ("minutes", "news"):
            entry = ManifestEntry(file=path.name, sha256="0" * 64, kind=kind)
            draft = run_stages(Draft(RawDocument("m", entry, path.read_text(encoding="utf-8"))), stages_until("header"))
            paragraphs += [draft.title, *draft.body]
    return paragraphs


def test_the_one_pass_screen_calls_every_recogniser_that_finds_anyone(tmp_path: Path) -> None:
    """Finding people reads each paragraph once for the words of all the recognisers and calls only those whose
    words it holds: on every paragraph of the bundled corpus, the layout and own-document fixtures and a synthetic
    corpus, each recogniser that finds anyone is among those called, so the people are those every recogniser
    would find; and each recogniser the screen can skip finds someone somewhere here, so each is checked."""
    from analysis.bench.synth import synth_corpus

    fixtures = Path(__file__).parent / "fixtures"
    files = sorted(
        path
        for folder in (CORPUS, fixtures / "layouts", fixtures / "own", synth_corpus(8, tmp_path / "raw"))
        for path in folder.iterdir()
        if path.suffix in (".txt", ".md")
    )
    paragraphs = [
        *_bodies(files),
        # the kinds of mention no file here has: each recogniser's own examples
        "Følgende møtte: Østfold avdeling: Kari Lie, Per Dahl. Hedmark avdeling: Ola Vik.",
        "Saksansvarlig: Bente Smedbråten, for Helsetilsynet",
        "Saksordførar: Kari Lie.",
        "Leif kunne gi ordet til dagens foredragsholder, Harald Olimb Norman fra Pensjonistforbundet.",
        "Ordet ble deretter gitt til dagens kåsør, Marvin Wiseth.",
        "Marie ønsket velkommen til forbundsleder Arne Jenssen.",
        "Ole Stokke vart ønska velkomen.",
    ]
    assert len(paragraphs) > 1000
    found_by: dict[str, int] = {}
    for recognisers in (BESIDE_A_LIST, IN_PROSE):
        screen = recogniser_screen(recognisers)
        for text in paragraphs:
            called = screen.able(text)
            for recognise in recognisers:
                if recognise(text):
                    assert recognise in called, (recognise.__name__, text)
                    found_by[recognise.__name__] = found_by.get(recognise.__name__, 0) + 1
    assert {r.__name__ for r in RECOGNISER_NEEDS} <= set(found_by), found_by
