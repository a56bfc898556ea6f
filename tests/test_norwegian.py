"""Lemmas, tokens and stop words on words and sentences from the real minutes."""

import pytest

from analysis.language.norwegian import STOP_WORDS, WORD, lemma


@pytest.mark.parametrize(
    "forms",
    [
        ("arbeidsgiverne", "arbeidsgivers", "arbeidsgiver", "Arbeidsgiver"),
        ("lønnstilskudd", "lønnstilskuddet"),
        ("fagbrev", "fagbrevet"),
        ("målgruppe", "målgruppen", "målgruppene"),
        ("sosialhjelp", "sosialhjelpen"),
        ("ytelse", "ytelser"),
        ("innvandrer", "innvandrere"),
        ("understreket", "understrekte"),
    ],
)
def test_forms_share_a_lemma(forms: tuple[str, ...]) -> None:
    assert len({lemma(f) for f in forms}) == 1


def test_lemmas_of_a_real_sentence() -> None:
    sentence = "Regjeringen har bl.a. forenklet lønnstilskuddsordningen og legger til rette for mentorordningen."
    lemmas = [lemma(word) for word in WORD.findall(sentence)]
    assert "regjering" in lemmas and "forenkle" in lemmas and "legge" in lemmas
    assert any(lem.startswith("lønnstilskudd") for lem in lemmas)


def test_words_keep_norwegian_letters_and_hyphenated_compounds_whole() -> None:
    assert WORD.findall("Strømmen, Bjertnæs og NAV-tiltakene") == ["Strømmen", "Bjertnæs", "og", "NAV-tiltakene"]


@pytest.mark.parametrize(
    "form, lang, expected", [("sa", "nb+nn", "si"), ("peikte", "nb+nn", "peika"), ("peikte", "nb", "peikte")]
)
def test_verbs_of_saying_are_lemmatised_in_either_written_standard(form: str, lang: str, expected: str) -> None:
    assert lemma(form, lang) == expected


def test_stop_words_come_from_the_maintained_list() -> None:
    assert {"og", "ikke", "det", "som", "på"} <= STOP_WORDS
    assert "arbeid" not in STOP_WORDS and "lønnstilskudd" not in STOP_WORDS
