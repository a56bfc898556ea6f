"""Meeting metadata and attendance, checked against what the real texts say."""

import pytest

from analysis.language.dates import date_in_name, find_date, parse_time_span
from analysis.parse.header import parse_header, parse_person

PRESENT_AT_MINUTES = [
    ("Anniken Hauglie", "Statsråd", "ASD"),
    ("Guro Angell Gimse", "Statssekretær", "ASD"),
    ("Leni Buljo Hemminghytt", "", "KREM Kreativt og Mangfoldig arbeidsliv"),
    ("Johan Lothe", "", "Wayback"),
    ("Fredrik Nilsson", "", "RIO"),
    ("Nasreen Begum", "", "Bydelsmødre"),
    ("Olav Strømmen", "", "Velferdsalliansen"),
    ("Ellen Bachmann", "", "Batteriet Oslo"),
    ("Tea Skogsrud", "", "Batteriet Oslo"),
    ("Vibeke Trålim", "", "ASD/Velferdspolitisk avdeling"),
    ("Marte Kristine Bjertnæs", "", "ASD/Arbeidsmarkedsavdelingen"),
    ("Emma Helen Rasmussen", "", "ASD/Velferdspolitisk avdeling"),
]
IN_NEWS_PHOTO = [
    ("Marie Harbo Dahle", "", "SoCentral"),
    ("Hilde Dalen", "", "Senter for Sosialt Entreprenørskap og Innovasjon"),
    ("Morten Bakke", "Statssekretær", "Arbeids- og sosialdepartementet"),
    ("Rita Sandnes", "", "ASVL"),
    ("Roar Vikvang", "", "Arbeid & Inkludering"),
    ("Per Christian Langset", "", "Arbeid & Inkludering"),
    ("Jan Erik Grundtjernlien", "", "Arbeids- og velferdsdirektoratet"),
    ("Tormod Moland", "", "Arbeids- og velferdsdirektoratet"),
    ("Bodil Løkken Bendiksen", "", "ASVL"),
]


def _meeting(built, kind: str) -> dict:
    meetings = built[1].tables["meetings"]
    return meetings[meetings["kind"] == kind].iloc[0].to_dict()


def test_minutes_header(built) -> None:
    row = _meeting(built, "minutes")
    assert row["date"] == "2019-12-06"  # from the text: the manifest leaves it empty
    assert (row["time_start"], row["time_end"]) == ("12:15", "14:15")
    assert row["chair"] == "Anniken Hauglie"
    assert row["minute_taker"] == "Emma Helen Rasmussen"
    assert row["case_number"] == "11/2714"
    assert row["title"].startswith("Referat fra møte 6. desember 2019 i Kontaktutvalget mellom regjeringen")
    assert row["source_file"] == "2019-12-06_kontaktutvalget_referat.txt"


def test_news_metadata_comes_from_the_manifest(built) -> None:
    row = _meeting(built, "news")
    assert row["date"] == "2018-10"  # the text never states the year
    assert row["title"] == "– Vi må gjøre det enkelt for arbeidsgiverne"
    assert row["chair"] == "" and row["case_number"] == ""
    assert row["photo_credit"] == "ASD"


@pytest.mark.parametrize("kind, expected", [("minutes", PRESENT_AT_MINUTES), ("news", IN_NEWS_PHOTO)])
def test_attendees(built, kind: str, expected: list) -> None:
    meeting_id = _meeting(built, kind)["meeting_id"]
    attendees = built[1].tables["attendees"]
    rows = attendees[attendees["meeting_id"] == meeting_id]
    assert list(zip(rows["name"], rows["role"], rows["organisation"], strict=True)) == expected
    assert set(rows["status"]) == {"present"}


@pytest.mark.parametrize(
    "line, status, name, role, organisation",
    [
        ("Statsråd Anniken Hauglie, ASD", "present", "Anniken Hauglie", "Statsråd", "ASD"),
        ("Johan Lothe, Wayback", "absent", "Johan Lothe", "", "Wayback"),
        (
            "Morten Bakke, statssekretær Arbeids- og sosialdepartementet",
            "present",
            "Morten Bakke",
            "Statssekretær",
            "Arbeids- og sosialdepartementet",
        ),
        ("Politisk rådgiver Ola Nordmann, ASD", "copy", "Ola Nordmann", "Politisk rådgiver", "ASD"),
        # a lower-case title the layout file does not know, and a bracket saying how she took part
        (
            "nasjonal talsperson Hanna E. Marcussen (via Skype)",
            "present",
            "Hanna E. Marcussen",
            "Nasjonal talsperson",
            "",
        ),
        ("dagleg leiar Kari Lie, Frivilligsentralen", "present", "Kari Lie", "Dagleg leiar", "Frivilligsentralen"),
    ],
)
def test_parse_person(line, status, name, role, organisation) -> None:
    person = parse_person(line, status)
    assert (person.name, person.role, person.organisation, person.status) == (
        name,
        role,
        organisation,
        status,
    )


@pytest.mark.parametrize(
    "text, iso",
    [
        ("6. desember 2019 Fra/til: 1215-1415", "2019-12-06"),
        ("Referat fra 20. mars 2001", "2001-03-20"),
        ("Møte – 16.04.2024", "2024-04-16"),
        ("møte 08. januar 2018", "2018-01-08"),
        ("Medlemsmøte 25/10-23", "2023-10-25"),  # day/month-year, as written by hand
        ("Møte 4/12-2023 kl. 19", "2023-12-04"),
        ("Arkivsak 19/1234-5", ""),  # a case number, no date
        ("Julekonserten blir den 4/12 kl. 19", ""),  # no year
        ("31. februar 2019", ""),  # no such day
        ("Tid: Torsdag 15. mai 1200 fredag 16. mai", ""),  # a clock time where the year would stand
        ("i slutten av oktober", ""),
    ],
)
def test_find_date(text: str, iso: str) -> None:
    assert find_date(text) == iso


def test_a_date_alone_over_the_title_is_a_stamp_and_the_title_s_date_is_the_meeting_s() -> None:
    """A blog's posting date over 'Referat fra styremøte 10.11.22' is no title; alone, it still dates the meeting."""
    header = parse_header(["14. november 2022", "Referat fra styremøte 10.11.22", "Tilstede: Kari Lie, Ola Dahl"])
    assert (header.title, header.date) == ("Referat fra styremøte 10.11.22", "2022-11-10")
    alone = parse_header(["09.12.09", "Referat fra møte i Ungdomsrådet", "Tilstede: Kari Lie, Ola Dahl"])
    assert (alone.title, alone.date) == ("Referat fra møte i Ungdomsrådet", "2009-12-09")


def test_parse_time_span() -> None:
    assert parse_time_span("1215-1415") == ("12:15", "14:15")
    assert parse_time_span("09.00–11.30") == ("09:00", "11:30")
    assert parse_time_span("2515-2615") == ("", "")


def test_a_list_going_on_with_a_lower_case_title_keeps_that_person_and_loses_no_text() -> None:
    """'Tilstede: A, B, nasjonal talsperson Hanna E. Marcussen (via Skype).': the list ended at the title, and its end
    became a paragraph of the body opening with a comma."""
    header = parse_header(
        ["Årsmøte", "Tilstede: Tor Mikalsen, Karen Lone, nasjonal talsperson Hanna E. Marcussen (via Skype)."]
    )
    assert [(p.name, p.role) for p in header.people] == [
        ("Tor Mikalsen", ""),
        ("Karen Lone", ""),
        ("Hanna E. Marcussen", "Nasjonal talsperson"),
    ]
    assert not [line for line in header.leftover if "Marcussen" in line]


def test_a_note_in_brackets_between_a_label_and_its_colon_leaves_it_a_label() -> None:
    """'Tilstede (ifølge Spond): …', 'Forfall (meldt på e-post): …': the note says where the list came from."""
    header = parse_header(
        ["Referat FAU", "Tilstede (ifølge Spond): Elin Mari Skjong, Siv Berger\nForfall (meldt på e-post): Per Holm"]
    )
    assert [(p.name, p.status) for p in header.people] == [
        ("Elin Mari Skjong", "present"),
        ("Siv Berger", "present"),
        ("Per Holm", "absent"),
    ]


def test_labels_stacked_over_their_lists_each_take_their_own_list_in_turn() -> None:
    """A PDF's header column read before its values: 'Til stede: Forfall: Fra adm.: A, B og C. D og E F G, H og I.'.
    The lists end at a full stop, or where the name after 'og' runs into the next list's first name."""
    line = (
        "1 PROTOKOLL FRA STYREMØTE 05/14 Til stede: Forfall: Fra adm.: Sven E. Maamoen, Jon Syversen og Rune "
        "Engeseth. Oda Marie Often og Vidar Bøe Guro Røen, Kent Simonsen og Runar Sveen. A: DISKUSJONSSAK Ingen."
    )
    header = parse_header(["Protokoll", line])
    assert [(p.name, p.status, p.organisation) for p in header.people] == [
        ("Sven E. Maamoen", "present", ""),
        ("Jon Syversen", "present", ""),
        ("Rune Engeseth", "present", ""),
        ("Oda Marie Often", "absent", ""),
        ("Vidar Bøe", "absent", ""),
        ("Guro Røen", "present", "adm"),
        ("Kent Simonsen", "present", "adm"),
        ("Runar Sveen", "present", "adm"),
    ]
    # one list under two labels says nothing of who is which: the labels are read as before
    few = parse_header(["Protokoll", "Til stede: Forfall: Kari Lie og Per Holm"])
    assert [p.name for p in few.people] == ["Kari Lie", "Per Holm"]


def test_words_of_capacity_between_an_attendance_label_and_its_colon_leave_it_a_label() -> None:
    """'Til stades som delegatar:' over 'Org: Name' lines, and 'Til stades elles:': who came, and from where."""
    header = parse_header(
        [
            "Referat av årsmøtet 2004",
            "Til stades som delegatar:\nSarpsborg Mållag: Ragnhild Løken og Borgny Elena Bjørneskaret",
            "Til stades elles: Ingar Arnøy",
        ]
    )
    assert [(p.name, p.status, p.organisation) for p in header.people] == [
        ("Ragnhild Løken", "present", "Sarpsborg Mållag"),
        ("Borgny Elena Bjørneskaret", "present", "Sarpsborg Mållag"),
        ("Ingar Arnøy", "present", ""),
    ]


def test_facilitators_are_present_with_the_label_as_their_role() -> None:
    header = parse_header(["Referat fra møtet", "Moderator: Line Berg (ASD)", "Møteleder: Trond Vik"])
    assert [(p.name, p.role, p.organisation, p.status) for p in header.people] == [
        ("Line Berg", "Moderator", "ASD", "present")
    ]
    assert header.chair == "Trond Vik"


@pytest.mark.parametrize(
    "name, found",
    [
        ("venstre_minihoring_fattige_barn_agenda_2014-09-29.txt", "2014-09-29"),
        ("2021-03_it_arbeidsgruppe_referat.txt", "2021-03"),
        ("rad_eldre_moteinnkalling_2019_PARTIAL.txt", "2019"),
        ("referat_2022-13-40.txt", "2022"),  # no month 13: only the year is a date
        ("skann20230504123456.txt", ""),  # digits of a scanner's counter are no date
        ("motte_arbeidsministeren_budsjett2016_news_2015.txt", "2015"),  # the budget's year is not the meeting's
        ("referat.txt", ""),
    ],
)
def test_a_date_in_the_file_name_is_found_for_the_warning(name: str, found: str) -> None:
    assert date_in_name(name) == found
