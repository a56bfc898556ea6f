"""Other ministries', councils' and groups' minutes: invented fixtures in each common style."""

from pathlib import Path

import pytest
from corpus import build_corpus

from analysis.ingest.manifest import add_document

FORMATS = Path(__file__).parent / "fixtures" / "formats"


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory):
    raw = tmp_path_factory.mktemp("formats") / "raw"
    raw.mkdir()
    for path in sorted(FORMATS.iterdir()):
        add_document(path, raw, kind="minutes", origin="invented fixture")
    result = build_corpus(raw, raw.parent / "out", analyses=False, hand_path=None, manual_path=None)
    return result


def _meeting(variants, meeting_id: str) -> dict:
    return variants.tables["meetings"].set_index("meeting_id").loc[meeting_id].to_dict()


def _people(variants, meeting_id: str) -> list[tuple[str, str, str, str]]:
    rows = variants.tables["attendees"].query("meeting_id == @meeting_id")
    return list(zip(rows["name"], rows["role"], rows["organisation"], rows["status"], strict=True))


def _agenda(variants, meeting_id: str) -> list[tuple[str, str]]:
    rows = variants.tables["agenda"].query("meeting_id == @meeting_id")
    return list(zip(rows["item_no"], rows["title"], strict=True))


def test_markdown_headings_bullets_and_bold_labels(variants) -> None:
    meeting = _meeting(variants, "markdown_brukerrad")
    assert (meeting["title"], meeting["date"]) == ("Referat fra møte i Brukerrådet 08. januar 2018", "2018-01-08")
    assert (meeting["chair"], meeting["minute_taker"]) == ("Kari Nordmann", "Per Olsen")
    assert _people(variants, "markdown_brukerrad") == [
        ("Kari Nordmann", "", "NAV Grorud", "present"),
        ("Ola Hansen", "", "Fontenehuset", "present"),  # "Name (Organisation)"
        ("Siri Berg", "", "Mental Helse", "present"),
        ("Jon Dahl", "", "Kirkens Bymisjon", "absent"),  # "Meldt forfall"
        ("Per Olsen", "Referent", "", "present"),  # the minute-taker, not in the list, was there
    ]
    assert _agenda(variants, "markdown_brukerrad") == [
        ("1/18", "Godkjenning av innkalling"),
        ("2/18", "Lønnstilskudd og oppfølging"),
    ]


def test_names_run_together_in_prose_and_date_in_title(variants) -> None:
    meeting = _meeting(variants, "prose_arbeidsgruppe")
    assert meeting["title"] == "Møte i arbeidsgruppen for inkludering – 16.04.2024"
    assert meeting["date"] == "2024-04-16"
    assert (meeting["chair"], meeting["minute_taker"]) == ("Anne Lie", "Bjørn Vik")  # Møte-leder, Sekretær
    assert _people(variants, "prose_arbeidsgruppe") == [
        ("Anne Lie", "", "", "present"),
        ("Bjørn Vik", "", "", "present"),
        ("Camilla Ås", "", "", "present"),
        ("Didrik Berg", "", "", "present"),
        ("Eva Moe", "", "", "absent"),  # Ikke møtt
    ]
    assert _agenda(variants, "prose_arbeidsgruppe") == [("1", "Opprop"), ("2", "Fagbrev for voksne")]  # Pkt. 1


def test_council_style_case_numbers_and_roles(variants) -> None:
    meeting = _meeting(variants, "numbered_kommunestyre")
    assert (meeting["date"], meeting["place"]) == ("2001-03-20", "Rådhuset")  # Møtedato, Sted
    assert _people(variants, "numbered_kommunestyre") == [
        ("Liv Holm", "Ordfører", "Ap", "present"),
        ("Per Strand", "", "H", "present"),
        ("Nils Bakken", "", "Sp", "absent"),
    ]
    assert _agenda(variants, "numbered_kommunestyre") == [
        ("08/00", "Godkjenning av protokoll"),
        ("09/00", "Sosialhjelp og bostøtte"),
    ]
    speakers = variants.tables["segments"].query("meeting_id == 'numbered_kommunestyre'")["speaker"].tolist()
    assert speakers == ["", "Liv Holm", "Per Strand"]


def test_nynorsk_is_recognised_and_lemmatised_as_nynorsk(variants) -> None:
    meeting = _meeting(variants, "nynorsk_radet")
    assert meeting["language"] == "nn"
    assert (meeting["chair"], meeting["date"]) == ("Ingrid Fjell", "2022-05-03")  # Møteleiar
    assert [p[0] for p in _people(variants, "nynorsk_radet")] == ["Ingrid Fjell", "Tor Lid", "Marit Haug"]
    segments = variants.tables["segments"].query("meeting_id == 'nynorsk_radet'")
    assert segments.iloc[-1]["speaker"] == "Marit Haug"  # "fortalde": a Nynorsk verb of saying
    codes = variants.tables["codes"]
    coded = set(codes[codes["segment_id"] == segments.iloc[-1]["segment_id"]]["theme"])
    assert {"training_qualifications", "employer_measures", "mentoring_followup"} <= coded
    assert set(variants.tables["meetings"].query("meeting_id != 'nynorsk_radet'")["language"]) == {"nb"}


def test_document_without_header_builds_with_a_warning(variants) -> None:
    meeting = _meeting(variants, "no_header")
    # no date or chair; its first heading is its title, as a news item's is
    assert (meeting["date"], meeting["chair"], meeting["title"]) == ("", "", "Notater fra samtalen")
    assert any(w.startswith("no_header.txt: no recognisable header") for w in variants.warnings)
    assert len(variants.tables["segments"].query("meeting_id == 'no_header'")) == 2


def test_off_topic_minutes_are_not_theme_coded(variants) -> None:
    segments = variants.tables["segments"].query("meeting_id == 'offtopic_it'")
    assert len(segments) == 6
    codes = variants.tables["codes"]
    assert codes[codes["segment_id"].isin(segments["segment_id"])].empty
