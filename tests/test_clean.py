"""Each cleaning step on the defects as they stand in the real documents."""

import re
from collections import Counter

import pytest

from analysis.parse.clean import (
    clean,
    fix_homoglyphs,
    join_broken_paragraphs,
    normalize_spaces,
    separate_captions,
    separate_furniture,
    split_paragraphs,
    tables_as_lines,
)


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text))


@pytest.mark.parametrize(
    "text_in, text_out",
    [
        ("kanskje er hjemmевærende, men", "kanskje er hjemmeværende, men"),
        ("hjulpet hjemmевærende kvinner", "hjulpet hjemmeværende kvinner"),
        ("Strømmen og Bjertnæs", "Strømmen og Bjertnæs"),  # Norwegian letters stay
        ("Москва", "Москва"),  # a wholly Cyrillic word is Cyrillic, not a defect
        ("Москва og Oslo", "Москва og Oslo"),
    ],
)
def test_fix_homoglyphs(text_in: str, text_out: str) -> None:
    assert fix_homoglyphs(text_in) == text_out


def test_no_cyrillic_left_in_real_minutes(minutes_text: str) -> None:
    assert re.search("[\u0400-\u04ff]", minutes_text), "the raw minutes carry the defect"
    cleaned = "\n".join(clean(minutes_text).paragraphs)
    assert not re.search("[\u0400-\u04ff]", cleaned)
    assert cleaned.count("hjemmeværende") == 3


@pytest.mark.parametrize(
    "text_in, text_out",
    [
        ("arbeidsgivere\u00a0bistand", "arbeidsgivere bistand"),
        ("Rita Sandnes,  ASVL;  Per", "Rita Sandnes, ASVL; Per"),
        ("Tiltaksarrangørene\u00a0– virksomheter", "Tiltaksarrangørene – virksomheter"),
        ("linje   \nneste", "linje\nneste"),
        ("uendret tekst", "uendret tekst"),
    ],
)
def test_normalize_spaces(text_in: str, text_out: str) -> None:
    assert normalize_spaces(text_in) == text_out


@pytest.mark.parametrize(
    "end_of_first, start_of_second",
    [
        ("kvotering av personer med hull", "i CV-en og utvidelse"),
        ("og nå er det", "kortere vei til fagbrevet"),
        ("etter lønnstilskudd, f.eks.", "arbeidsgiveravgift og så videre."),
    ],
)
def test_page_break_splits_are_joined(minutes_text: str, end_of_first: str, start_of_second: str) -> None:
    raw_paragraphs = split_paragraphs(normalize_spaces(minutes_text))
    assert any(p.endswith(end_of_first) for p in raw_paragraphs), "the split is in the raw text"
    joined = join_broken_paragraphs(raw_paragraphs)
    assert any(f"{end_of_first} {start_of_second}" in p for p in joined)


def test_paragraphs_starting_upper_case_are_not_joined() -> None:
    paragraphs = ["1. Velkommen og innledning", "Statsråd Anniken Hauglie ønsket velkommen."]
    assert join_broken_paragraphs(paragraphs) == paragraphs


def test_duplicate_caption_kept_once_as_metadata(news_text: str) -> None:
    cleaned = clean(news_text)
    assert len(cleaned.captions) == 1
    assert cleaned.captions[0].startswith("Gruppebilde med følgende personer, fra venstre: Marie Harbo Dahle")
    assert len(cleaned.removed) == 1 and cleaned.removed[0].startswith("Fra venstre:")
    assert cleaned.photo_credit == "ASD"
    body = "\n".join(cleaned.paragraphs)
    assert "Marie Harbo Dahle" not in body and "Fra venstre" not in body


def test_different_captions_are_both_kept() -> None:
    cleaned = separate_captions(["Fra venstre: Ola Nordmann, NAV.", "Fra venstre: Kari Nordmann, ASD."])
    assert len(cleaned.captions) == 2 and not cleaned.removed


@pytest.mark.parametrize("fixture", ["minutes_text", "news_text"])
def test_cleaning_never_drops_a_word(fixture: str, request: pytest.FixtureRequest) -> None:
    raw = request.getfixturevalue(fixture)
    cleaned = clean(raw)
    accounted = words("\n".join(cleaned.paragraphs + cleaned.captions + cleaned.removed))
    assert accounted == words(fix_homoglyphs(raw))


def test_an_attendance_table_becomes_the_labelled_lists_the_header_reads() -> None:
    """A table of who came ('Navn | Tilstede | Forfall', or a column whose cells say 'Møtt' / 'Forfall') becomes
    'Tilstede:' / 'Forfall:' lists; contact columns are no part of a person, and a table of labels and values becomes
    'Label: value' lines."""
    status_cells = (
        "| Namn | Verv | Oppmøte | Mobil | E-post |\n"
        "| Inge Karlsvik | Leiar | Møtt | 900 00 000 | inge@example.no |\n"
        "| Arne Rekkedal | Styremedlem | Forfall | 900 00 001 | arne@example.no |\n"
        "| Gunn Overvoll | Styremedlem | Møtt | | |"
    )
    assert tables_as_lines(status_cells).strip().split("\n\n") == [
        "Møtt:\nInge Karlsvik, Leiar\nGunn Overvoll, Styremedlem",
        "Forfall:\nArne Rekkedal, Styremedlem",
    ]
    # one status column: a row without its mark did not come; a title row above the headings is left out
    one_column = "| Deltakere | |\n| Navn | Møtt |\n| Kari Nordmann | X |\n| Ola Hansen | |"
    assert tables_as_lines(one_column).strip().split("\n\n") == ["Møtt:\nKari Nordmann", "Fraværende:\nOla Hansen"]
    labels = "| Møtedato: | 22.03.2021 |\n| Referent: | Unni Vik |\n| Neste møte: | |"
    assert tables_as_lines(labels) == "Møtedato: 22.03.2021\nReferent: Unni Vik\nNeste møte:"
    # a status label with its list beside it is a field, not a table of marks
    assert tables_as_lines("| Tilstede: | Kari Nordmann, Ola Hansen |\n| Forfall: | Per Vik |") == (
        "Tilstede: Kari Nordmann, Ola Hansen\nForfall: Per Vik"
    )
    # a table that is neither keeps one line a row, as before
    assert tables_as_lines("| Sak | Ansvar |\n| 1/24 Budsjett | Kari |") == "Sak, Ansvar\n1/24 Budsjett, Kari"


def test_an_attendance_table_laid_out_by_spaces_is_read_by_its_columns() -> None:
    """A PDF's or `pdftotext -layout`'s table: each cell in the column it stands under, blank lines between rows
    passed over, the text below the table left as text."""
    text = (
        "Fylkesstyret:\n"
        "Namn                          Verv           Oppmøte    Mobil\n"
        "Inge Martin Karlsvik          Leiar          Møtt       900 00 000\n\n"
        "Arne Rekkedal                 Styremedlem    Forfall    900 00 001\n"
        "Gunn Overvoll                 Styremedlem    Møtt\n\n"
        "Sak 1/15 Budsjett\n"
        "Styret drøfta budsjettet.   Vedtak: Godkjent."
    )
    paragraphs = clean(text).paragraphs
    assert paragraphs == [
        "Fylkesstyret:",
        "Møtt:\nInge Martin Karlsvik, Leiar\nGunn Overvoll, Styremedlem",
        "Forfall:\nArne Rekkedal, Styremedlem",
        "Sak 1/15 Budsjett\nStyret drøfta budsjettet. Vedtak: Godkjent.",
    ]


def test_a_labelled_list_cut_after_its_comma_goes_on_in_the_next_paragraph() -> None:
    """A writer who ends every line with Enter, as many do in Word, gives a list's next line a paragraph of its own;
    a sentence cut after a comma is not joined, as its next paragraph may be about someone else."""
    assert join_broken_paragraphs(
        [
            "Tilstede: Tove Kjevik, Per Gulbrandsen,",
            "Anne Balstad,",
            "Renne Hubertus og Harald Kjeldsberg",
            "Møteleder: Per",
        ]
    ) == [
        "Tilstede: Tove Kjevik, Per Gulbrandsen,\nAnne Balstad,\nRenne Hubertus og Harald Kjeldsberg",
        "Møteleder: Per",
    ]
    prose = ["Dagens kåsør, Torkjell Berulfsen, ble ønsket velkommen,", "Berly Engen hadde et dikt."]
    assert join_broken_paragraphs(prose) == prose


def test_a_skip_link_and_an_empty_update_stamp_are_web_furniture_and_leave_the_body() -> None:
    """'Hopp til hovedinnholdet' over a news item was its title; 'Oppdatert:' with its date lost was a sentence."""
    page = ["Hopp til hovedinnholdet", "NAV og Frivillighet Norge inngår avtale", "Publisert:\nOppdatert:"]
    page.append("Gå til innhold")
    body, furniture = separate_furniture(page)
    assert body == ["NAV og Frivillighet Norge inngår avtale"]
    assert furniture == ["Hopp til hovedinnholdet", "Publisert:", "Oppdatert:", "Gå til innhold"]
    assert clean("\n\n".join(page)).paragraphs == ["NAV og Frivillighet Norge inngår avtale"]
    assert separate_furniture(["Oppdatert kunnskap om arbeid"])[0] == ["Oppdatert kunnskap om arbeid"]  # a heading


def test_a_news_sites_advertising_and_layout_notes_are_web_furniture() -> None:
    page = ["Annonse", "Toppmøte om inkludering", "(Artikkelen fortsetter under bildet.)"]
    page.append("Saken fortsetter under annonsen")
    body, furniture = separate_furniture(page)
    assert body == ["Toppmøte om inkludering"] and len(furniture) == 3
    assert separate_furniture(["Annonse i lokalavisa er bestilt."])[0] == ["Annonse i lokalavisa er bestilt."]
