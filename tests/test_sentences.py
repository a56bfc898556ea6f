"""Sentence splitting on real sentences with Norwegian abbreviations, numbers and dates."""

import pytest

from analysis.language.sentences import split_sentences
from analysis.parse.clean import clean


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        (
            "Regjeringens bevilgning på 125 mill. kroner til inkluderingsdugnaden styrkes med om lag "
            "50 mill. kroner i 2020.",
            1,
        ),
        ("Staten har et mål om at 5 pst. av de ansatte skal være fra målgruppen. Det er ambisiøst.", 2),
        ("Det kan også andre organisasjoner som f.eks. Bydelsmødrene. Sosiale entreprenører er flinke.", 2),
        ("Regjeringen har bl.a. forenklet lønnstilskuddsordningen. Her styrker regjeringen IPS.", 2),
        (
            "Møtet 8. november ble avlyst. Det ble utsatt til 3. februar. Hauglie syntes det var synd.",
            3,
        ),
        ("Endringer er trådt i kraft fra 1.1.2020. Blant disse ble kvotering nevnt.", 2),
        ("Referat fra møte 6. desember 2019 i Kontaktutvalget.", 1),
        ('Spørsmål er "hvordan skal jeg ta kontakt med NAV?" og "hva skal jeg si?" Mange er bekymret.', 2),
        ("Mange trenger bistand til gjeld, bolig, jobb mv. Han understrekte viktigheten.", 2),
        ("Hvordan fungerer det med lønnsutbetalinger? Disse tingene kan være vanskelige.", 2),
        # a document of the Storting cited by its number, quoted or not
        ("Stortingsmeldingen ”Meld. St. 45 (2012–2013): Frihet og likeverd” er sendt. Den ble vedtatt.", 2),
        ("Komiteen viste til Innst. 14 S (2024–2025) om saken. Saken er avsluttet.", 2),
    ],
)
def test_split_sentences(paragraph: str, expected: int) -> None:
    sentences = split_sentences(paragraph)
    assert len(sentences) == expected, sentences
    assert " ".join(sentences) == paragraph


def test_real_minutes_sentences_never_end_in_a_non_final_abbreviation(minutes_text: str) -> None:
    sentences = [s for p in clean(minutes_text).paragraphs for s in split_sentences(p)]
    assert not [s for s in sentences if s.endswith(("f.eks.", "bl.a.", "mill.", "pst."))]
    assert not [s for s in sentences if s[:1].islower()]
    joined = [s for s in sentences if s.startswith("Velferdsalliansen spurte")]
    assert joined and joined[0].endswith("f.eks. arbeidsgiveravgift og så videre.")


def test_a_one_letter_word_ends_a_sentence_but_an_initial_does_not() -> None:
    """'… inn i. Kompetanse …' is two sentences (a coder would otherwise give the first the second's themes);
    'Harald M. Kvame' stays one name."""
    assert split_sentences("Dette er et arbeid vi går inn i. Kompetanse er avgjørende. Harald M. Kvame kom.") == [
        "Dette er et arbeid vi går inn i.",
        "Kompetanse er avgjørende.",
        "Harald M. Kvame kom.",
    ]
