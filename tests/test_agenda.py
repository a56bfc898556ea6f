"""Agenda items and the presentations inside them, from the real minutes."""

from analysis.base.records import Person
from analysis.parse.agenda import parse_presenters


def test_agenda_of_the_minutes(built) -> None:
    agenda = built[1].tables["agenda"]
    rows = agenda[agenda["meeting_id"] == "2019-12-06_kontaktutvalget_referat"]
    got = list(zip(rows["item_no"], rows["title"], rows["presenters"], rows["organisations"], strict=True))
    assert got == [
        ("1", "Velkommen og innledning", "", ""),
        ("2", "Orientering om inkluderingsdugnaden", "", ""),
        ("3", "Innlegg v/Samarbeidsforum", "", "Samarbeidsforum"),
        ("3.1", "Varig arbeid som målsetning i inkluderingsdugnaden", "Leni Buljo Hemminghytt", "KREM"),
        (
            "3.2",
            "Domfelte og rusmisbrukeres vei inn i arbeidslivet",
            "Johan Lothe; Fredrik Nilsson",
            "Wayback; RIO",
        ),
        ("3.3", "Inkluderingsdugnaden – hvem skal omfattes av tiltakene?", "Nasreen Begum", "Bydelsmødre"),
        (
            "3.4",
            "Samspill med offentlige ytelser, og behov for styrket informasjonsflyt og oppfølging i Nav",
            "Olav Strømmen",
            "Velferdsalliansen",
        ),  # organisation from the attendee list
        ("4", "Dialog", "", ""),
        ("5", "Avslutning", "", ""),
    ]
    assert set(rows[rows["item_no"].str.contains(".", regex=False)]["parent_item"]) == {"3"}


def test_news_item_has_no_agenda(built) -> None:
    agenda = built[1].tables["agenda"]
    assert not agenda["meeting_id"].str.contains("nyhet").any()


def test_presenter_not_in_attendee_list_keeps_given_organisation() -> None:
    people = [Person("Kari Nordmann", organisation="NAV")]
    names, orgs = parse_presenters("Ola Hansen (Fretex) og Kari Nordmann", people)
    assert names == ("Ola Hansen", "Kari Nordmann")
    assert orgs == ("Fretex", "NAV")


def test_organisation_with_og_inside_parentheses_is_one_organisation() -> None:
    names, orgs = parse_presenters("Leni Buljo Hemminghytt (KREM Kreativt og Mangfoldig arbeidsliv)", [])
    assert names == ("Leni Buljo Hemminghytt",)
    assert orgs == ("KREM Kreativt og Mangfoldig arbeidsliv",)


def test_minutes_numbering_what_attendees_did_have_no_items_but_an_agenda_keeps_them() -> None:
    """'2) Siv tok en gjennomgang av …' in minutes is what Siv did, said by her, no item's title; the same line in an
    invitation's programme ('3. Siv orienterer om budsjettet') is an item."""
    from analysis.parse.agenda import outline

    people = [Person("Siv Berger"), Person("Kari Lie")]
    paragraphs = ["1) Valg av leder", "2) Siv tok en gjennomgang av arrangementet.", "3) Kari orienterer om budsjettet"]
    minutes = outline(paragraphs, people, headed=True)
    assert [b.entry.title for b in minutes if b.kind == "item"] == ["Valg av leder"]
    invitation = outline(paragraphs, people, headed=False)
    assert len([b for b in invitation if b.kind == "item"]) == 3


def test_who_is_responsible_for_an_item_in_a_bracket_after_its_title_presents_it() -> None:
    """'Idrettsskole i Tana (Saksansvarlige: Kine og Ella)' is the item 'Idrettsskole i Tana', presented by Kine
    (the one Kine present) and Ella; a bracket of another kind stays in the title."""
    from analysis.parse.agenda import outline

    people = [Person("Kine Elise Haugen")]
    paragraphs = ["1. Idrettsskole i Tana (Saksansvarlige: Kine og Ella)", "2. Budsjett (utkast)", "Tekst."]
    items = [b.entry for b in outline(paragraphs, people) if b.kind == "item"]
    assert [(e.title, e.presenters) for e in items] == [
        ("Idrettsskole i Tana", ("Kine Elise Haugen", "Ella")),
        ("Budsjett (utkast)", ()),
    ]


def test_numbered_decisions_of_minutes_are_no_items_but_questions_and_matters_are() -> None:
    """'3. Innkallinga vart godkjend', '5. Saklista blei godkjent.': what an annual meeting decided, told with a
    passive auxiliary, is no item's title; 'Hva er nytt?' and 'Godkjenning av innkalling' are items."""
    from analysis.parse.agenda import outline

    paragraphs = [
        "1. Godkjenning av innkalling",
        "2. Innkallinga vart godkjend",
        "3. Saklista blei godkjent.",
        "4. Hva er nytt fra styret?",
        "5. Kari Lie ble valgt til leder.",
    ]
    items = [b.entry.title for b in outline(paragraphs, [], headed=True) if b.kind == "item"]
    assert items == ["Godkjenning av innkalling", "Hva er nytt fra styret?"]


def test_a_numbered_point_telling_what_an_attendee_did_is_text_of_the_minutes() -> None:
    """'1. Leiaren, Magne Aasbrenn, opna og ynskte velkome': no item and no heading, a sentence of the minutes."""
    from analysis.parse.agenda import outline

    people = [Person("Magne Aasbrenn")]
    paragraphs = ["1. Leiaren, Magne Aasbrenn, opna og ynskte velkome", "2. Val av leiar", "Tekst om valet."]
    kinds = [(b.kind, b.text[:9]) for b in outline(paragraphs, people, headed=True)]
    assert kinds == [("text", "1. Leiare"), ("item", "2. Val av"), ("text", "Tekst om ")]
