"""Theme codes that hold on documents the codebook was not written from.

Names are masked before coding, Nynorsk sentences meet the codebook's Nynorsk
forms, general words count only in the sense the definitions mean, and the
coder is scored against sentences two people coded blind (real documents
whose licence allows copying them here).
"""

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from corpus import CORPUS

from analysis.base.config import PROJ_ROOT, REPORTS_DIR
from analysis.base.errors import InputError
from analysis.coding.codebook import load_codebook
from analysis.coding.coder import Coder
from analysis.coding.masking import MASK, NameMask, name_mask
from analysis.evaluate.coding import read_coding_gold, validity_markdown
from analysis.evaluate.run import evaluate_coding, readme_validity_block

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(load_codebook())


@pytest.fixture(scope="module")
def mask() -> NameMask:
    return name_mask(load_codebook())


def coded(coder: Coder, mask: NameMask, text: str, names: tuple[str, ...] = (), lang: str = "nb") -> dict[str, str]:
    """Theme → evidence for one sentence, masked as the build masks it."""
    return dict(coder.code(mask.mask([text], names)[0], lang))


# --- names are masked -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Forum mot barnefattigdom møtte statsråden i går.",  # an organisation word and what it is for
        "Rusmisbrukernes interesseorganisasjon hadde med seg tre personer.",  # the register, and a genitive name
        "Arbeids- og integreringsminister Kari Nordmann åpnet møtet.",  # an office named by its field
        "Fra Norsk Forbund For Flyktninger møtte to representanter.",  # a run of capitalised words
        "INLO - Innvandrernes landsorganisasjon og ARS - Antirasistisk Senter deltok.",  # acronyms spelled out
        "• Samarbeidsforumet av funksjonshemmedes organisasjoner (SAFO) • Oslo kommune",  # an acronym glossing its name
    ],
)
def test_a_sentence_that_only_names_an_organisation_is_not_coded_for_its_field(
    coder: Coder, mask: NameMask, sentence: str
) -> None:
    assert coded(coder, mask, sentence) == {}


def test_the_theme_word_outside_the_name_still_counts(coder: Coder, mask: NameMask) -> None:
    result = coded(coder, mask, "Forum mot barnefattigdom mener at fattigdom blant barn må ned.")
    assert result == {"benefits_income": "fattigdom"}


def test_the_documents_own_names_are_masked_as_written(coder: Coder, mask: NameMask) -> None:
    """An attendee's organisation is hidden where the text writes it; the same word in lower case is not a name."""
    names = ("Integrering Nord",)
    assert coded(coder, mask, "Integrering Nord var representert.", names) == {}
    assert "immigrants_minorities" in coded(coder, mask, "Vi må snakke om integrering i kommunen.", names)


def test_an_acronym_in_brackets_hides_the_name_it_spells_and_nothing_before_it(coder: Coder, mask: NameMask) -> None:
    """'Landsforbundet for utviklingshemmede og pårørende (LUPE)' is a name; the clause before it, a party's short
    name ('(Sp)'), an acronym the words before it do not spell ('(ABC)'), a clause citing its source and a
    programme or benefit without an organisation word ('(KVP)', '(AAP)') are not."""
    sentence = "Fattigdom ble tatt opp av Landsforbundet for utviklingshemmede og pårørende (LUPE)."
    assert mask.mask([sentence]) == [f"Fattigdom ble tatt opp av {MASK}."]
    assert coded(coder, mask, sentence) == {"benefits_income": "Fattigdom"}
    assert coded(coder, mask, "Samarbeidsforumet av funksjonshemmedes organisasjoner (SAFO) vil ha flere i jobb.") == {}
    # a programme or a benefit glossed the same way is what the sentence is about: no organisation word, no name
    assert coded(coder, mask, "Kvalifiseringsprogrammet (KVP) hjelper mange.") == {
        "training_qualifications": "Kvalifiseringsprogrammet"
    }
    for unchanged in (
        "Arbeidsavklaringspenger (AAP) er viktig for mange.",
        "Innspill om fattigdom (Sp) kom sent.",
        "Ledighet og arbeid (ABC) var tema.",
        "Kommunene har ansvar for arbeidet med bolig (KSU).",
    ):
        assert mask.mask([unchanged]) == [unchanged]


def test_a_web_address_is_where_the_text_points_not_what_it_says(coder: Coder, mask: NameMask) -> None:
    """The page's slug in 'Les mer her: https://…/ekspertgruppe-for-barn-i-fattige-familiar/' codes no poverty; the
    sentence's own words still count, and the full stop after the address stays the sentence's."""
    address = "https://www.regjeringen.no/no/aktuelt/ekspertgruppe-for-barn-i-fattige-familiar/id2921913/"
    assert coded(coder, mask, f"Les mer om ekspertgruppa her: {address}") == {}
    assert mask.mask([f"Se {address}."]) == [f"Se {MASK}."]
    assert coded(coder, mask, "Fattigdom blant barn øker, se www.ssb.no.") == {"benefits_income": "Fattigdom"}


def test_a_capitalised_run_at_the_start_keeps_its_first_word(mask: NameMask) -> None:
    """'Statsråd Gjelsvik': the title is an ordinary word capitalised by its place; only the name is hidden."""
    assert mask.mask(["Statsråd Kari Nordmann inviterte til innspillsmøte."]) == [
        f"Statsråd {MASK} inviterte til innspillsmøte."
    ]


def test_masking_can_be_switched_off_and_leaves_other_text_alone() -> None:
    sentence = "Forum mot barnefattigdom møtte statsråden."
    assert NameMask(enabled=False).mask([sentence]) == [sentence]
    masked = NameMask(("forum",)).mask([sentence])[0]
    assert masked == f"{MASK} møtte statsråden."


def test_the_mask_and_so_the_codes_cache_key_do_not_depend_on_the_string_hash_seed() -> None:
    """A build run outside make (any PYTHONHASHSEED) must find the codes the last build cached."""
    script = "from analysis.coding.codebook import load_codebook; from analysis.coding.masking import name_mask; "
    script += "print(name_mask(load_codebook()).digest)"
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1, digests


def test_screened_masking_equals_running_every_expression_on_every_sentence(mask: NameMask, tmp_path: Path) -> None:
    """The one-pass word screen only skips sentences the names' expression cannot match: same output, always."""
    from analysis.bench.synth import synth_corpus
    from analysis.ingest.documents import ingest, registered_entries
    from analysis.parse.document import parse_document
    from analysis.pipeline.workers import document_names

    hard = [
        "INLO - Innvandrernes landsorganisasjon og ARS – Antirasistisk Senter deltok.",
        "Arbeids- og integreringsministeren og Barne-, likestillings- og inkluderingsdepartementet møttes.",
        "Forum mot barnefattigdom og rådet for personer med funksjonsnedsettelse kom.",
        "Mental\tHelse og KIRKENS BYMISJON og nav-kontoret og Nav.",
        "ſkole og İPS hos NAV: ſ and İ fold differently under the regex engine",
        "Rusmisbrukernes interesseorganisasjon hadde med seg tre personer.",
        "En setning uten navn.",
        "",
    ]
    documents = [("", hard)]
    for raw in (CORPUS, synth_corpus(8, tmp_path / "raw")):
        for entry in registered_entries(raw):
            parsed = parse_document(ingest(raw, entry))
            documents.append((document_names(parsed), [s.text for s in parsed.segments]))
    assert sum(len(texts) for _, texts in documents) > 500
    for names, texts in documents:
        assert mask.mask(texts, names) == mask.mask(texts, names, screen=False)


# --- general words count in the definition's sense ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, theme",
    [
        ("Vi følger opp saken på neste møte.", "mentoring_followup"),
        ("Møtet var en oppfølging av regjeringens arbeid.", "mentoring_followup"),
        ("Ledergruppen støtter prosjektet.", "mentoring_followup"),
        ("Les mer informasjon om konferansen her.", "information_access"),
        ("Vi vil ha en inkluderende skole og universell utforming.", "training_qualifications"),
        ("Primære målgrupper for nettsiden er utøvere og produsenter.", "target_groups"),
        ("To-spor-strategien er etablert i prosjektet.", "funding_policy"),
    ],
)
def test_a_general_word_without_its_context_is_not_coded(coder: Coder, sentence: str, theme: str) -> None:
    assert theme not in {t for t, _ in coder.code(sentence)}


@pytest.mark.parametrize(
    "sentence, theme, evidence",
    [
        ("Deltakerne trenger tett oppfølging.", "mentoring_followup", "Deltakerne; oppfølging"),
        ("De savner informasjon om tiltakene i NAV.", "information_access", "informasjon; tiltakene"),
        ("Regjeringen vil revitalisere Jobbstrategien.", "funding_policy", "Regjeringen; Jobbstrategien"),
        ("Målgruppen for inkluderingsdugnaden er bred.", "target_groups", "Målgruppen; inkluderingsdugnaden"),
    ],
)
def test_a_general_word_with_its_context_is_coded_and_the_context_is_evidence(
    coder: Coder, sentence: str, theme: str, evidence: str
) -> None:
    assert dict(coder.code(sentence)).get(theme) == evidence


def test_the_fast_path_agrees_with_the_reference_on_general_words(coder: Coder) -> None:
    sentences = [
        "Deltakerne trenger tett oppfølging.",
        "Vi følger opp saken.",
        "Informasjon om tiltak og informasjon om konferansen.",
        "Helse og arbeid må ses sammen, og helse er viktig for jobb.",
    ]
    assert coder.code_many(sentences) == [coder.code_full(s) for s in sentences]


# --- Nynorsk ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, theme",
    [
        ("Utgreiinga vart overlevert til statsråden tysdag.", "funding_policy"),
        ("Utvalet har sett på situasjonen for arbeidsinnvandrarar og familiane deira.", "immigrants_minorities"),
        ("Mange får ikkje bustøtte når dei byrjar i jobb.", "benefits_income"),
        ("Kommunen treng fleire arbeidsgjevarar som vil tilsette folk.", "employer_measures"),
        ("Dei ideelle organisasjonane og brukarorganisasjonane kom med innspel.", "civil_society"),
    ],
)
def test_nynorsk_sentences_meet_the_codebooks_nynorsk_forms(coder: Coder, sentence: str, theme: str) -> None:
    assert theme in {t for t, _ in coder.code(sentence, "nn")}


def test_debt_is_not_confused_with_the_verb_to_apply(coder: Coder) -> None:
    """'gjeld' (debt) is a benefits word; lemmatising it as Nynorsk too made 'gjelder' (applies) one."""
    assert coder.code("Dette gjelder alle som var på møtet.") == []
    assert coder.code("Dette gjelder alle som var på møtet.", "nn") == []


# --- scored against blind hand coding --------------------------------------------------------------------------


def test_the_coder_agrees_with_blind_hand_coding_of_real_documents() -> None:
    """Seven real documents (NLOD and MIT), 97 sentences two coders coded blind: the coder must stay close to them,
    and code nothing in the off-topic software-project minutes."""
    evaluation = evaluate_coding(LAYOUTS / "coding_gold.csv", LAYOUTS / "gold.json", LAYOUTS)
    measures = dict(evaluation.summary.itertuples(index=False))
    assert measures["gold_sentences"] == 97 and measures["documents"] == 7
    assert measures["micro_f1"] >= 0.75
    assert measures["off_topic_sentences"] > 0 and measures["off_topic_share_coded"] <= 0.03
    agreement = evaluation.agreement.set_index("theme")
    assert agreement.loc["micro", "n_hand"] == 42
    # every disagreement is listed with its sentence, for the researcher to read, and only disagreements
    misses = evaluation.misses
    assert len(misses) and (misses["gold"] != misses["coded"]).all() and misses["sentence"].str.len().gt(0).all()


def test_a_coding_gold_with_an_unknown_theme_is_refused_by_line(tmp_path: Path) -> None:
    path = tmp_path / "coding.csv"
    path.write_text("doc,sentence_id,themes,sentence\na.txt,1,wage_subsidy;nonsense,Tekst.\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_coding_gold(path, load_codebook().ids)
    assert "coding.csv:2" in error.value.line()
    assert "'nonsense' is not in the codebook" in error.value.line()


def test_a_coding_gold_without_its_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "coding.csv"
    path.write_text("doc,themes\na.txt,\n", encoding="utf-8")
    with pytest.raises(InputError, match="header lacks column"):
        read_coding_gold(path, load_codebook().ids)


def test_the_readme_states_the_coding_scores_the_tables_give(built) -> None:
    """The README's coding scores are written from the tables (`make evaluate-devset`), never typed: the block must
    be what the committed development-set scores and the bundled documents' agreement give today."""
    codebook = load_codebook()
    summary = pd.read_csv(REPORTS_DIR / "coding-devset-summary.csv", dtype=str, keep_default_na=False)
    measured_with = dict(summary.itertuples(index=False))["codebook_sha256"]
    if measured_with != codebook.sha256[:16]:
        pytest.skip("the codebook changed since the development set was scored; `make evaluate-devset` re-scores it")
    devset = pd.read_csv(REPORTS_DIR / "coding-devset.csv")
    expected = validity_markdown(built[1].tables["agreement"], devset, summary, codebook)
    assert readme_validity_block((PROJ_ROOT / "README.md").read_text(encoding="utf-8")) == expected
    assert float(dict(summary.itertuples(index=False))["micro_f1"]) >= 0.80


def test_a_theme_added_to_the_codebook_is_shown_as_not_yet_measured(built, tmp_path: Path) -> None:
    """A researcher adds a theme: notebook 02 stopped with KeyError, since the development-set scores (and the
    last build's agreement) have no row for it. Its row now says it is not measured, beside the stale note."""
    from analysis.base.config import CODEBOOK_PATH

    extended = tmp_path / "codebook.yml"
    extended.write_text(
        CODEBOOK_PATH.read_text(encoding="utf-8")
        + "  - id: housing\n    label_nb: Bolig\n    label_en: Housing\n    definition: Housing.\n"
        + "    lemmas: [bolig]\n",
        encoding="utf-8",
    )
    codebook = load_codebook(extended)
    summary = pd.read_csv(REPORTS_DIR / "coding-devset-summary.csv", dtype=str, keep_default_na=False)
    devset = pd.read_csv(REPORTS_DIR / "coding-devset.csv")
    table = validity_markdown(built[1].tables["agreement"], devset, summary, codebook, "nb")
    assert "| Bolig | ikke målt (nytt tema) | ikke målt (nytt tema) |" in table.splitlines()
    assert "kodeboken er" in table  # the note that the scores were measured with another codebook
