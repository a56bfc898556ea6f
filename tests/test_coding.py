"""The automatic coder on real sentences: lemmas, compounds, phrases, exclusions, evidence."""

import re

import pytest

from analysis.coding.codebook import load_codebook
from analysis.coding.coder import Coder


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(load_codebook())


def themes(coder: Coder, text: str) -> set[str]:
    return {theme for theme, _ in coder.code(text)}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Regjeringen har bl.a. forenklet lønnstilskuddsordningen ved å gjøre den lettere og mindre "
            "byråkratisk, og legger til rette for økt bruk av mentorordningen.",
            {"wage_subsidy", "mentoring_followup"},
        ),
        (
            "Fortsatt bevilges lønnstilskudd til tre måneder av gangen, noe som gir uforutsigbart både for "
            "arbeidsgiver og arbeidstaker.",
            {"wage_subsidy"},
        ),
        ("Her styrker regjeringen blant annet individuell jobbstøtte-tiltakene i NAV.", {"health_and_work"}),
        (
            "Regjeringens bevilgning på 125 mill. kroner til inkluderingsdugnaden styrkes med om lag 50 mill. "
            "kroner i 2020.",
            {"funding_policy"},
        ),
        (
            "Det er positivt at personer med hull i CV-en er en prioritert gruppe i inkluderingsdugnaden.",
            {"target_groups"},
        ),
        (
            "Mange kvinner som har blitt veiledet av Bydelsmødrene, har fullført videreutdanning, tatt fagbrev "
            "og fått fast jobb.",
            {"training_qualifications", "permanent_employment"},
        ),
        (
            "En videre bekymring er at informasjon ikke automatisk blir videreformidlet dersom det er bytte av "
            "veileder.",
            {"coordination"},
        ),
        (
            "Ruskontakten hans i hjelp fulgte ham godt opp og så hele mennesket.",
            {"mentoring_followup", "substance_prison"},
        ),
        # a sentence that merely names an organisation is not coded for its field
        (
            "Velferdsalliansen hadde til slutt noen kommentarer til konkrete tiltak i inkluderingsdugnaden.",
            set(),
        ),
        ("Statsråd Hauglie takket så for gode innlegg og inviterte til dialog.", set()),
        # abuse of wage subsidies is wage_subsidy, not work training
        ("Likevel ser man at folk på lønnstilskudd blir utnyttet som billig arbeidskraft.", {"wage_subsidy"}),
        (
            "Her kommenterte hun at akkurat for lønnstilskudd er dette et mindre problem, men at problemer med "
            "utnyttelse er noe man ser mye når det kommer til arbeidstrening.",
            {"wage_subsidy", "work_training_exploitation"},
        ),
    ],
)
def test_real_sentences(coder: Coder, sentence: str, expected: set[str]) -> None:
    assert themes(coder, sentence) == expected


def test_inflected_and_compound_forms_reach_the_theme(coder: Coder) -> None:
    for form in ("lønnstilskudd", "lønnstilskuddet", "lønnstilskuddene", "lønnstilskuddsordningen"):
        assert themes(coder, f"Vi snakket om {form}.") == {"wage_subsidy"}, form
    for form in ("arbeidsgiverne", "arbeidsgivers", "arbeidsgiver"):
        assert "employer_measures" in themes(coder, f"Det handler om {form} behov."), form


def test_a_suffix_codes_a_compound_only_after_a_part_that_can_be_a_word(coder: Coder) -> None:
    """'styreform' is 'styre' + 'form': read as 'sty' + 'reform' it was coded as a policy reform."""
    assert "funding_policy" not in themes(coder, "Styret vil få en mer effektiv styreform.")
    assert "funding_policy" not in themes(coder, "Vi lærte en ny kjøreform på kurset.")
    for compound in ("Kommunereformen", "IA-reformen", "Arvelov", "Pensjonsreformen"):
        assert "funding_policy" in themes(coder, f"{compound} ble drøftet."), compound


def test_evidence_is_the_words_as_written(coder: Coder) -> None:
    coded = dict(coder.code("Fagbrev er en god løsning for innpass i ordinært arbeid, og fagbrevet er nærmere."))
    assert coded["training_qualifications"] == "Fagbrev; fagbrevet"
    assert coded["permanent_employment"] == "ordinært arbeid"


def test_exclusion_removes_only_matches_inside_it(coder: Coder) -> None:
    # "fra … målgrupper" is a passing mention, but "hull i CV-en" in the same sentence still counts
    sentence = (
        "Blant disse ble kvotering av personer med hull i CV-en og å innkalle en person fra "
        "inkluderingsdugnadens målgrupper til intervju nevnt."
    )
    coded = dict(coder.code(sentence))
    assert coded == {"target_groups": "hull i CV"}


def test_off_topic_sentences_stay_uncoded(coder: Coder) -> None:
    for sentence in (
        "Møtet startet klokken ti og ble avsluttet med lunsj.",
        "IT-gruppen diskuterte nye servere og oppgradering av nettverkskabler i kjelleren.",
        "Referatet ble godkjent uten merknader.",
    ):
        assert themes(coder, sentence) == set(), sentence


def test_batch_coding_gives_exactly_the_sentence_matchers_codes(coder: Coder, segments) -> None:
    """The vectorised batch path must never change a code or its evidence, on any sentence of the corpus."""
    texts = segments["text"].tolist()
    assert coder.code_many(texts) == [coder.code_full(text) for text in texts]
    assert coder.code_many(texts[::-1]) == [coder.code_full(text) for text in texts[::-1]]  # order-independent


@pytest.mark.parametrize(
    "text",
    [
        "Han nevnte arbeidsgiverne og lønnstilskuddsordningen.",
        "NAV-kontoret ga oppfølging-tiltak.",  # a hit inside a hyphenated word
        "Lønnstilskudd-ordningen og IPS-arbeid.",
        "Fast ansettelse etter arbeidstrening, sa hun.",  # phrase
        "Det handler om helse og arbeid.",
        "Vi må følge\nopp dem, og følge\ue000opp.",  # the batch separators inside a sentence
        "Han fulgte ham godt opp, med 5 pst. av lønnstilskudd.",  # pattern
        "Arbeidsgiverne fikk lønnstilskudd, ikke arbeidstrening.",  # exclusion in the same sentence
        "ſkole og İPS: ſ and İ fold differently under the regex engine",
        "",
        "2020 – 2024: 125 mill. kroner",
    ],
)
def test_batch_path_on_the_hard_cases(coder: Coder, text: str) -> None:
    batch = ["Oppfølging av arbeidsgivere.", text, "Helse og arbeid er viktig."]
    assert coder.code_many(batch) == [coder.code_full(t) for t in batch]


def test_batch_path_on_a_synthetic_corpus(tmp_path) -> None:
    """Thousands of word types the real documents do not have, through both paths."""
    from analysis.bench.synth import synth_corpus
    from analysis.ingest.documents import ingest, registered_entries
    from analysis.parse.document import parse_document

    raw = synth_corpus(8, tmp_path / "raw")
    texts = [s.text for entry in registered_entries(raw) for s in parse_document(ingest(raw, entry)).segments]
    assert len(texts) > 300
    fresh = Coder(load_codebook())
    reference = Coder(load_codebook())
    assert fresh.code_many(texts) == [reference.code_full(t) for t in texts]


def test_case_folding_shortcut_is_safe() -> None:
    """Characters the pattern pre-filter lower-cases must fold exactly as the regex engine's IGNORECASE does.

    Otherwise a pattern could match a sentence whose lower-cased text lacks the
    pattern's literal, and the pre-filter would skip it.
    """
    from analysis.coding.patterns import UNSAFE_CASE

    every = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
    safe = [ch for ch in every if not UNSAFE_CASE.match(ch)]
    assert "ø" in safe and "Å" in safe and "ſ" not in safe and "ı" not in safe and "İ" not in safe
    for ch in safe:
        assert len(ch.lower()) == 1, ch
        for other in re.compile(re.escape(ch), re.IGNORECASE).findall(every):
            # only safe characters enter a pattern's literal, so only those need to agree
            assert UNSAFE_CASE.match(other) or other.lower() == ch.lower(), (ch, other)


def test_token_ids_are_each_whitespace_token_looked_up_with_the_separator_between_sentences() -> None:
    """Coding's first step, which the bench times alone: every token of every sentence, in order, found again."""
    from analysis.coding.patterns import SEPARATOR

    coder = Coder(load_codebook())
    texts = ["Hull i CV-en er et problem.", "Arbeidsgivere møter språkkrav", f"Et {SEPARATOR} inni"]
    batch = coder.token_ids(texts, "nb")
    tokens = list(batch.lexicon.raw_index)
    assert [tokens[i] for i in batch.ids] == batch.joined.split()
    assert batch.joined.split()[:7] == ["Hull", "i", "CV-en", "er", "et", "problem.", SEPARATOR]
    assert batch.full == {2}  # a sentence holding the separator goes to the exact matcher, its separator blanked
    assert (batch.ids == 0).sum() == len(texts) - 1
