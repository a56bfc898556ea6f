"""Findings and alt texts are computed from the tables: another corpus, other findings, and never a bare percentage."""

import re
from pathlib import Path

import pandas as pd
import pytest
from corpus import build_corpus

from analysis.analyse.compare import coded_matrix, responses, theme_comparison
from analysis.analyse.trends import theme_trends
from analysis.bench.synth import synth_corpus
from analysis.coding.codebook import load_codebook
from analysis.publish import findings, views


def _tables(tmp: Path, seed: int, n_docs: int) -> dict[str, pd.DataFrame]:
    raw = synth_corpus(n_docs, tmp / f"raw-{seed}", seed=seed)
    tables = dict(build_corpus(raw, tmp / f"processed-{seed}", analyses=False, hand_path=None).tables)
    ids = load_codebook().ids
    matrix = coded_matrix(tables["segments"], tables["codes"], ids)
    tables["comparison"] = theme_comparison(matrix, ids)
    tables["trends"] = theme_trends(matrix, tables["meetings"], ids)
    tables["responses"] = responses(matrix, tables["segments"], ids)
    return tables


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    tmp = tmp_path_factory.mktemp("findings")
    return _tables(tmp, 3, 3), _tables(tmp, 11, 3)


def _all_findings(tables: dict, lang: str = "nb") -> list[str]:
    codebook = load_codebook()
    labels = codebook.labels(lang)
    meetings = views.meeting_labels(tables["meetings"], lang)
    return [
        findings.top_speaker(views.sentences_per_speaker(tables["segments"], lang), lang),
        findings.largest_theme_per_group(tables["comparison"], "meeting", labels, meetings, lang),
        findings.standout_group(tables["comparison"], "organisation", labels, lang=lang),
        findings.least_answered(views.response_rates(tables["responses"], codebook, lang), lang),
        findings.recurring_themes(tables["trends"], lang),
    ]


def test_another_corpus_gives_other_findings(corpora) -> None:
    first, second = (_all_findings(tables) for tables in corpora)
    assert first != second
    assert sum(a != b for a, b in zip(first, second, strict=True)) >= 3, list(zip(first, second, strict=True))


def test_each_meeting_is_named_with_its_most_coded_theme(corpora) -> None:
    labels = load_codebook().labels()
    for tables in corpora:
        meetings = views.meeting_labels(tables["meetings"])
        said = findings.largest_theme_per_group(tables["comparison"], "meeting", labels, meetings)
        rows = tables["comparison"][tables["comparison"]["group_type"] == "meeting"]
        for meeting, part in rows.groupby("group"):
            counts = part["n_segments"].astype(int)
            if counts.max() == 0:
                continue
            best = part.loc[counts.idxmax()]
            n = int(best["n_group"])
            assert f"{meetings[meeting]} har flest setninger om {labels[best['theme']]}" in said, said
            assert f"{int(best['n_segments'])} av {n} setninger" in said


def test_the_standout_organisation_is_quoted_with_its_counts(corpora) -> None:
    labels = load_codebook().labels()
    for tables in corpora:
        said = findings.standout_group(tables["comparison"], "organisation", labels)
        group, k, n = re.search(r"«(.+?)» skiller seg mest ut på .+?, med (\d+) av (\d+) setninger", said).groups()
        rows = tables["comparison"][
            (tables["comparison"]["group_type"] == "organisation") & (tables["comparison"]["group"] == group)
        ]
        assert int(rows["n_group"].iloc[0]) == int(n) >= findings.MIN_PERCENT_N
        assert int(k) == rows["n_segments"].astype(int).max() or int(k) in set(rows["n_segments"].astype(int))


def test_no_percentage_of_fewer_than_five_sentences() -> None:
    assert findings.share_phrase(3, 4) == "3 av 4 setninger"
    assert findings.share_phrase(12, 32) == "38\u00a0% (12 av 32 setninger)"
    assert findings.share_phrase(12, 32, "en") == "38% (12 of 32 sentences)"


def test_english_findings_hold_no_norwegian(corpora) -> None:
    for said in _all_findings(corpora[0], "en"):
        words = re.sub(r"«[^»]*»", "", said)  # names stay as written
        assert not re.search(r"\b(av|setninger|og|har|ble|temaer)\b", words), said


def test_alt_text_is_one_sentence_even_with_a_full_stop_in_a_name(tmp_path: Path) -> None:
    import matplotlib.pyplot as plt

    from analysis.publish.figures import save_figure

    fig, ax = plt.subplots()
    ax.bar([1, 2], [1, 2])
    alt = findings.alt_text("theme_by_organisation", "«St. Olavs hospital» skiller seg mest ut på tema A")
    saved = save_figure(
        fig, "09-test", pd.DataFrame({"a": [1]}), title="T", caption="C.", alt=alt, figures_dir=tmp_path
    )
    assert (tmp_path / "09-test.txt").read_text(encoding="utf-8").strip() == alt
    assert saved is not None


def test_evidence_names_a_speaker_only_where_there_is_one(corpora) -> None:
    tables = corpora[0]
    shown = views.evidence_html(tables["codes"], tables["segments"], load_codebook(), per_theme=50)
    assert "— –" not in shown and "— , " not in shown
    spoken = tables["segments"][tables["segments"]["speaker"] != ""].iloc[0]
    if spoken["segment_id"] in shown:
        assert f"— {spoken['speaker']}, <code>{spoken['segment_id']}</code>" in shown
    narrative = set(tables["segments"].loc[tables["segments"]["speaker"] == "", "segment_id"])
    assert any(f"— <code>{s}</code>" in shown for s in narrative & set(tables["codes"]["segment_id"]))


def test_tables_for_readers_speak_one_language(corpora) -> None:
    rates = views.response_rates(corpora[0]["responses"], load_codebook())
    overview = views.responses_overview(corpora[0]["responses"], load_codebook(), corpora[0]["meetings"])
    for lang, yes_no, absent in (("nb", {"ja", "nei"}, {"yes", "no"}), ("en", {"yes", "no"}, {"ja", "nei"})):
        shown = views.for_reader(overview, lang)
        answered = views.column_label("answered", lang)
        assert set(shown[answered]) <= yes_no and not set(shown[answered]) & absent
        assert "answered" not in shown.columns or lang == "en"
        themed = views.for_reader(rates.drop(columns="label"), lang, themes=load_codebook().labels(lang))
        assert set(themed[views.column_label("theme", lang)]) <= set(load_codebook().labels(lang).values())


def test_a_tables_numbers_and_test_names_are_written_in_the_readers_language() -> None:
    """The Norwegian report's text said '0,25' and '38 %' while its tables said '0.0363' (pandas' decimal point),
    '6% (0%–17%)' and 'fisher exact'. A table shown to a reader now writes its numbers as the language does, with
    the decimals the column had, a missing one as a dash (not pandas' NaN), and names the test in the language."""
    table = pd.DataFrame(
        {
            "test": ["fisher exact", "permutation chi-square"],
            "p_value": [0.0055, 0.25],
            "coherence": [1.0, float("nan")],
            "n_coded": [11, 9],
        }
    )
    shown = views.for_reader(table, "nb")
    assert shown[views.column_label("test", "nb")].tolist() == ["Fishers eksakte test", "permutasjonstest (kjikvadrat)"]
    assert shown[views.column_label("p_value", "nb")].tolist() == ["0,0055", "0,2500"]
    coherence = shown[views.column_label("coherence", "nb")]
    assert coherence.tolist() == ["1,0", "–"]
    assert shown[views.column_label("n_coded", "nb")].tolist() == [11, 9]
    english = views.for_reader(table, "en")
    assert english[views.column_label("p_value", "en")].tolist() == ["0.0055", "0.2500"]
    assert english[views.column_label("test", "en")].tolist() == ["Fisher's exact test", "permutation chi-square test"]
    comparison = pd.DataFrame(
        {"group_type": "meeting", "group": "m1", "n_group": 16, "theme": "wage_subsidy"}
        | {"share": [0.0625], "ci_low": [0.0], "ci_high": [0.17], "corrected": [0.06]}
        | {"corrected_low": [0.0], "corrected_high": [0.2], "correction": [""]}
    )
    for lang, cell in (("nb", "6\u00a0% (0\u00a0%–17\u00a0%)"), ("en", "6% (0%–17%)")):
        view = views.raw_and_corrected(comparison, "meeting", {"wage_subsidy": "Lønnstilskudd"}, lang=lang)
        assert cell in view.to_numpy().ravel().tolist(), view


# a count of one before a plural noun: what a corpus of one meeting used to read in captions and alt text
ONE_BEFORE_PLURAL = re.compile(
    r"(?<![\d.,])1 (?:møter|dokumenter|setninger|temaer|perioder|måneder|kvartaler|meetings|documents|sentences|"
    r"themes|topics|periods|months|quarters|years)\b|(?<![\d.,])1 (?:meeting|document) are\b"
)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_corpus_of_one_meeting_counts_in_the_singular(tmp_path: Path, lang: str) -> None:
    tables = _tables(tmp_path, 5, 1)
    labels = load_codebook().labels(lang)
    computed = [
        *_all_findings(tables, lang),
        findings.periods(tables["trends"], lang),
        views.trend_markdown(tables["trends"], tables["meetings"], labels, lang),
    ]
    assert any(re.search(r"(?<![\d.,])1 (?:møte|meeting)\b", sentence) for sentence in computed), computed
    assert not [sentence for sentence in computed if ONE_BEFORE_PLURAL.search(sentence)]


def test_every_count_in_the_string_table_chooses_its_noun() -> None:
    """Each template filled with ones (and the unit words with their count) holds no "1 <plural>"."""
    from string import Formatter

    from analysis.publish.words import WORDS, text

    names_not_counts = {"model", "who", "group", "theme", "unit"}
    never_one = {"stability_line": "k", "finding_no_standout": "n"}  # topics come two or more; n is a minimum
    for lang, words in WORDS.items():
        for key, template in words.items():
            names = {name for _, name, _, _ in Formatter().parse(template) if name}
            values = {name: "NMF" if name in names_not_counts else 1 for name in names}
            if "unit" in names:
                values["unit"] = text("unit_meeting", lang, n=1)
            if key in never_one:
                values[never_one[key]] = 2
            assert not ONE_BEFORE_PLURAL.search(text(key, lang, **values)), (lang, key, text(key, lang, **values))
    assert text("unit_meeting", "nb", n=2) == "møter" and text("finding_and_more", "nb", n=1) == " og 1 tema til"
