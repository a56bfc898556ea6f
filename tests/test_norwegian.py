"""Lemmas, tokens and stop words on words and sentences from the real minutes."""

import pytest

from analysis.norwegian import STOP_WORDS, lemma, lemma_sequence, tokenize, word_matches


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
    lemmas = [t.lemma for t in tokenize(sentence)]
    assert "regjering" in lemmas and "forenkle" in lemmas and "legge" in lemmas
    assert any(lem.startswith("lønnstilskudd") for lem in lemmas)


def test_hyphenated_words_yield_their_parts() -> None:
    tokens = tokenize("For arbeidssøkeren er NAV-tiltakene vanskelige.")
    texts = [t.text for t in tokens]
    assert "NAV-tiltakene" in texts and "NAV" in texts and "tiltakene" in texts
    part = next(t for t in tokens if t.text == "tiltakene")
    assert "For arbeidssøkeren er NAV-tiltakene vanskelige."[part.start : part.end] == "tiltakene"
    assert [t.text for t in lemma_sequence(tokens)][-3:] == ["NAV", "tiltakene", "vanskelige"]


def test_norwegian_letters_survive_tokenising() -> None:
    assert [t.text for t in tokenize("Strømmen, Bjertnæs og Trålim")] == [
        "Strømmen",
        "Bjertnæs",
        "og",
        "Trålim",
    ]


def test_phrase_words_match_by_lemma_form_or_stem() -> None:
    kontakter = tokenize("kontakter")[0]
    assert word_matches(kontakter, ("kontakt", "kontakt"))  # lemmatiser says "kontakte"
    assert not word_matches(tokenize("påpeke")[0], ("på", "på"))  # short words stay exact


def test_stop_words_come_from_the_maintained_list() -> None:
    assert {"og", "ikke", "det", "som", "på"} <= STOP_WORDS
    assert "arbeid" not in STOP_WORDS and "lønnstilskudd" not in STOP_WORDS
