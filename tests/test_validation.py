"""Validation a researcher can publish: a blind stratified sample, agreement with intervals, corrected prevalence.

The central test constructs a corpus whose true prevalence is known, codes it
with a coder of known sensitivity and specificity, hand-codes a stratified
sample drawn by `draw_sample`, and checks that the corrected share recovers
the truth within its interval where the raw share does not.
"""

import math

import krippendorff
import numpy as np
import pandas as pd
import pytest
from corpus import HAND_CODES, build_corpus

from analysis.analyse.compare import coded_matrix, theme_comparison
from analysis.base.errors import InputError
from analysis.cli import main
from analysis.coding.agreement import (
    POOLED,
    Design,
    agreement_matrix,
    coder_agreement,
    read_hand_codes,
    rogan_gladen,
    weak_themes,
)
from analysis.coding.codebook import load_codebook
from analysis.coding.sample import DESIGN_COLUMNS, SAMPLE_COLUMNS, UNCODED_STRATUM, draw_sample, read_design
from analysis.pipeline.build import validation_tables
from analysis.publish import views
from analysis.publish.plots import MAX_SHARE_PANELS, raw_and_corrected_chart


@pytest.fixture(scope="module")
def drawn(built):
    """A 60-sentence sample of the test corpus, drawn from its built codes."""
    tables = built[1].tables
    ids = load_codebook().ids
    return draw_sample(tables["segments"], tables["codes"], ids, 60, seed=7), tables, ids


def test_sample_is_blind(drawn) -> None:
    (sample, _design), tables, ids = drawn
    assert list(sample.columns) == SAMPLE_COLUMNS
    assert (sample["coder"] == "").all() and (sample["themes"] == "").all()
    # rows in text order, so their order says nothing about strata
    order = {s: i for i, s in enumerate(tables["segments"]["segment_id"])}
    assert sample["segment_id"].map(order).is_monotonic_increasing
    leaked = set(ids) | set(tables["codes"]["evidence"]) - {""}
    assert not any(word in " ".join(sample.columns) for word in leaked)


def test_sample_is_stratified_by_prediction_and_spread_over_meetings(drawn) -> None:
    (sample, design), tables, _ids = drawn
    assert list(design.columns) == DESIGN_COLUMNS and len(design) == len(sample) == 60
    assert design["segment_id"].tolist() == sample["segment_id"].tolist()
    coded = set(tables["codes"]["segment_id"])
    uncoded = design[design["stratum"] == UNCODED_STRATUM]
    assert not set(uncoded["segment_id"]) & coded  # the uncoded stratum holds only sentences without codes
    themed = design[design["stratum"] != UNCODED_STRATUM]
    codes = tables["codes"].groupby("segment_id")["theme"].agg(set)
    assert all(t in codes[s] for s, t in zip(themed["segment_id"], themed["stratum"], strict=True))
    # every theme the coder predicted is a stratum, with an equal share (or all of it when smaller)
    per_stratum = design.groupby("stratum").agg(drawn=("segment_id", "size"), size=("stratum_size", "first"))
    assert set(per_stratum.index) == set(tables["codes"]["theme"]) | {UNCODED_STRATUM}
    equal = 60 // len(per_stratum)
    assert (per_stratum["drawn"] >= per_stratum["size"].clip(upper=equal)).all()
    # weights turn the sample back into the corpus
    assert design.groupby("stratum")["weight"].sum().to_dict() == pytest.approx(per_stratum["size"].to_dict())
    assert design["weight"].sum() == pytest.approx(per_stratum["size"].sum())  # sentences of strata drawn from
    # the draw goes round the meetings: the uncoded stratum spans both meetings, and so does its sample
    population = tables["segments"][~tables["segments"]["segment_id"].isin(coded)]
    assert population["meeting_id"].nunique() == 2 and len(uncoded) >= 2
    assert uncoded["segment_id"].str.rsplit("-p", n=1).str[0].nunique() == 2


def test_sample_is_reproducible_and_seeded(drawn) -> None:
    (sample, design), tables, ids = drawn
    again, again_design = draw_sample(tables["segments"], tables["codes"], ids, 60, seed=7)
    pd.testing.assert_frame_equal(sample, again)
    pd.testing.assert_frame_equal(design, again_design)
    other, _ = draw_sample(tables["segments"], tables["codes"], ids, 60, seed=8)
    assert other["segment_id"].tolist() != sample["segment_id"].tolist()


def test_sample_command_writes_both_files_and_never_overwrites(built, tmp_path, capsys) -> None:
    out = tmp_path / "utvalg.csv"
    assert main(["sample", "--n", "30", "--seed", "3", "--out", str(out), "--processed", str(built[0])]) == 0
    sample = pd.read_csv(out, dtype=str, keep_default_na=False)
    design = pd.read_csv(tmp_path / "utvalg.design.csv", dtype=str, keep_default_na=False)
    assert len(sample) == len(design) == 30 and list(sample.columns) == SAMPLE_COLUMNS
    assert "keep it from the coders" in capsys.readouterr().err
    before = out.read_bytes()
    assert main(["sample", "--n", "30", "--out", str(out), "--processed", str(built[0])]) == 2
    assert "exists" in capsys.readouterr().err and out.read_bytes() == before


def _corpus(truth: dict[str, float], sensitivity: float, specificity: float, n_per_group: int, seed: int):
    """Sentences in groups with a known true share of one theme, coded by a coder with known error rates."""
    rng = np.random.default_rng(seed)
    rows = []
    for group, share in truth.items():
        true = rng.random(n_per_group) < share
        auto = np.where(true, rng.random(n_per_group) < sensitivity, rng.random(n_per_group) > specificity)
        for i in range(n_per_group):
            rows.append(
                {
                    "segment_id": f"{group}-p{i // 4 + 1:03d}-s{i % 4 + 1:02d}",
                    "meeting_id": group,
                    "paragraph_no": i // 4 + 1,
                    "organisation_canonical": "",
                    "actor_type": "",
                    "text": f"setning {group} {i}",
                    "true": int(true[i]),
                    "t": int(auto[i]),
                }
            )
    return pd.DataFrame(rows)


def test_corrected_prevalence_recovers_a_known_truth() -> None:
    truth = {"m1": 0.10, "m2": 0.40}
    corpus = _corpus(truth, sensitivity=0.7, specificity=0.9, n_per_group=6000, seed=1)
    codes = pd.DataFrame({"segment_id": corpus.loc[corpus["t"] == 1, "segment_id"], "theme": "t"})
    sample, design = draw_sample(corpus, codes, ["t"], 800, seed=2)
    picked = corpus.set_index("segment_id").loc[sample["segment_id"]]
    weights = Design(design["weight"].to_numpy(float), design["stratum"].to_numpy())
    table, error = agreement_matrix(picked[["t"]].to_numpy(), picked[["true"]].to_numpy(), ["t"], weights)
    row = table.set_index("theme").loc["t"]
    # the design weights undo the over-sampling of coded sentences: recall is the coder's sensitivity in the corpus
    sensitivity = corpus.loc[corpus["true"] == 1, "t"].mean()
    specificity = 1 - corpus.loc[corpus["true"] == 0, "t"].mean()
    assert row["recall_low"] <= sensitivity <= row["recall_high"]
    assert row["specificity_low"] <= specificity <= row["specificity_high"]
    unweighted, _ = agreement_matrix(picked[["t"]].to_numpy(), picked[["true"]].to_numpy(), ["t"])
    assert unweighted.set_index("theme").loc["t", "recall_low"] > sensitivity  # without them recall is inflated
    shares = theme_comparison(corpus.drop(columns=["true", "text"]), ["t"], error)
    shares = shares[shares["group_type"] == "meeting"].set_index("group")
    for group in truth:
        true_share = corpus.loc[corpus["meeting_id"] == group, "true"].mean()
        got = shares.loc[group]
        assert got["correction"] == "rogan-gladen"
        assert got["corrected_low"] <= true_share <= got["corrected_high"], (group, got.to_dict())
        assert not got["ci_low"] <= true_share <= got["ci_high"]  # the raw share misses it
        assert got["corrected_high"] - got["corrected_low"] > got["ci_high"] - got["ci_low"]  # coding error widens


def test_rogan_gladen_known_values() -> None:
    observed = 0.10 * 0.8 + 0.90 * 0.05  # true 0.10, sensitivity 0.8, specificity 0.95
    assert rogan_gladen(np.array(observed), np.array(0.8), np.array(0.95)) == pytest.approx(0.10)
    assert rogan_gladen(np.array(0.01), np.array(0.8), np.array(0.95)) == 0.0  # clipped, never negative
    assert math.isnan(rogan_gladen(np.array(0.3), np.array(0.5), np.array(0.5)))  # a coder no better than chance


def test_two_coders_give_alpha_and_kappa() -> None:
    themes = ["a", "b"]
    ids = ["s1", "s2", "s3", "s4"]
    coder_a = {"s1": {"a"}, "s2": {"a"}, "s3": set(), "s4": {"b"}}
    coder_b = {"s1": {"a"}, "s2": set(), "s3": {"a"}, "s4": {"b"}}
    table = coder_agreement({"A": coder_a, "B": coder_b}, themes).set_index("theme")
    row = table.loc["a"]
    # theme a: A says yes on s1, s2; B on s1, s3 → kappa 0, alpha 0.125 (as in test_agreement)
    assert row["cohen_kappa"] == 0.0 and row["krippendorff_alpha"] == 0.125 and row["percent_agreement"] == 0.5
    assert table.loc["b", "krippendorff_alpha"] == 1.0 and table.loc["b", "percent_agreement"] == 1.0
    expected = krippendorff.alpha(
        reliability_data=[[1, 0, 1, 0, 0, 0, 0, 1], [1, 0, 0, 0, 1, 0, 0, 1]], level_of_measurement="nominal"
    )
    assert table.loc["micro", "krippendorff_alpha"] == pytest.approx(expected, abs=5e-4)
    assert table.loc["a", "coders"] == "A;B" and table.loc["a", "n_sentences"] == len(ids)
    assert coder_agreement({"A": coder_a}, themes).empty  # one coder: nothing to compare


def test_build_with_two_coders_and_a_design(tmp_path, raw_copy) -> None:
    """A second coder's rows and a sample design reach agreement.csv (per coder and pooled) and coder_agreement.csv."""
    hand = pd.read_csv(HAND_CODES, dtype=str, keep_default_na=False)
    second = hand.iloc[::2].assign(coder="hand-B")
    second.loc[second.index[:10], "themes"] = ""  # coder B disagrees on ten sentences
    waiting = hand.iloc[1:4].assign(coder="")  # not coded yet
    both = pd.concat([hand, second, waiting])
    path = tmp_path / "hand_codes.csv"
    both.to_csv(path, index=False)
    design = pd.DataFrame(
        {
            "segment_id": hand["segment_id"],
            "stratum": "s",
            "stratum_size": len(hand),
            "stratum_sampled": len(hand),
            "weight": 1.0,
            "seed": 1,
        }
    )
    design.to_csv(tmp_path / "hand_codes.design.csv", index=False)
    result = build_corpus(raw_copy, tmp_path / "out", hand_path=path, analyses=False, cache=False)
    agreement = result.tables["agreement"]
    assert set(agreement["coder"]) == {"hand-A", "hand-B", POOLED}
    pooled = agreement[agreement["coder"] == POOLED].set_index("theme")
    assert pooled.loc["micro", "n_sentences"] == len(hand)
    assert math.isnan(pooled.loc["micro", "cohen_kappa"])  # kappa compares two raters, not a pool
    between = result.tables["coder_agreement"].set_index("theme")
    assert between.loc["micro", "n_sentences"] == len(second)
    assert 0 < between.loc["micro", "krippendorff_alpha"] < 1
    assert any("3 sentence(s) of the hand-coding sample have no coder yet" in w for w in result.warnings)
    # a hand-coded sentence outside the design is refused: one sample's weights cannot cover it
    design.iloc[1:].to_csv(tmp_path / "hand_codes.design.csv", index=False)
    with pytest.raises(InputError, match="not in the sample design"):
        build_corpus(raw_copy, tmp_path / "out2", hand_path=path, analyses=False, cache=False)


def test_hand_codes_are_checked(tmp_path, segments) -> None:
    first = segments.iloc[0]
    path = tmp_path / "hand.csv"
    row = f'{first["segment_id"]},X,,"{first["text"]}"\n'
    path.write_text("segment_id,coder,themes,text\n" + row + row, encoding="utf-8")
    with pytest.raises(InputError, match=r"coded .* twice"):
        read_hand_codes(path, segments, ["wage_subsidy"])
    path.write_text("segment_id,themes\n", encoding="utf-8")
    with pytest.raises(InputError, match="header lacks"):
        read_hand_codes(path, segments, ["wage_subsidy"])
    design = tmp_path / "d.csv"
    design.write_text("segment_id,stratum,weight\nx,s,zero\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a positive number"):
        read_design(design, ["x"])


def test_weak_themes_are_low_f1_or_too_few(built) -> None:
    agreement = built[1].tables["agreement"]
    ids = load_codebook().ids
    rows = agreement.set_index("theme")
    expected = [t for t in ids if rows.loc[t, "judged"] != "yes" or rows.loc[t, "f1"] < 0.9]
    assert weak_themes(agreement, ids, threshold=0.9) == expected and expected  # the bar decides
    assert weak_themes(agreement.iloc[0:0], ids) == []  # no hand codes: nothing can be said


def test_agreement_intervals_cover_the_estimate_and_flag_too_few(built) -> None:
    agreement = built[1].tables["agreement"].set_index("theme")
    for score in ("precision", "recall", "f1", "specificity"):
        values = agreement[[f"{score}_low", score, f"{score}_high"]].astype(float)
        assert (values[f"{score}_low"] <= values[score] + 1e-9).all() and (
            values[score] <= values[f"{score}_high"] + 1e-9
        ).all()
    assert ((agreement["n_hand"] >= 5) == (agreement["judged"] == "yes")).all()


def test_corrected_share_needs_enough_hand_codes(built, tmp_path) -> None:
    """A theme with fewer than five hand-coded sentences gets no corrected share, and says why."""
    tables = built[1].tables
    codebook = load_codebook()
    hand = pd.read_csv(HAND_CODES, dtype=str, keep_default_na=False)
    rare = hand["themes"].str.contains("health_and_work")
    path = tmp_path / "hand_codes.csv"
    hand[~rare | (rare.cumsum() <= 3)].to_csv(path, index=False)
    auto = tables["codes"][tables["codes"]["source"] == "auto"]
    _tables, error, _warnings = validation_tables(tables["segments"], auto, codebook, path)
    shares = theme_comparison(coded_matrix(tables["segments"], tables["codes"], codebook.ids), codebook.ids, error)
    rows = shares[shares["theme"] == "health_and_work"]
    assert (rows["correction"] == "too-few-hand-codes").all() and rows["corrected"].isna().all()
    corrected = shares[shares["correction"] == "rogan-gladen"]
    assert (corrected["theme"] == "wage_subsidy").any()
    assert (corrected["corrected_low"] <= corrected["corrected"]).all()
    assert (corrected["corrected"] <= corrected["corrected_high"]).all()


def test_the_verdict_per_theme_follows_the_tables(built) -> None:
    """Notebook 02's verdict and every theme label change when the agreement table does."""
    agreement = built[1].tables["agreement"].copy()
    codebook = load_codebook()
    labels = codebook.labels()
    assert views.weak_note(codebook, agreement) == "" or weak_themes(agreement, codebook.ids)
    row = agreement["theme"] == "coordination"
    agreement.loc[row, ["f1", "f1_low", "f1_high"]] = [0.5, 0.3, 0.7]
    few = agreement["theme"] == "health_and_work"
    agreement.loc[few, ["n_hand", "judged"]] = [3, "no"]
    verdict = views.trust_markdown(agreement, built[1].tables["coder_agreement"], codebook)
    weak_line = next(line for line in verdict.splitlines() if line.startswith("- **Svake"))
    few_line = next(line for line in verdict.splitlines() if line.startswith("- **For få"))
    assert f"{labels['coordination']} 0,50 (0,30–0,70)" in weak_line
    assert f"{labels['health_and_work']} (3)" in few_line
    assert "Bare én håndkoder" in verdict
    english = views.trust_markdown(agreement, built[1].tables["coder_agreement"], codebook, "en")
    assert "Only one hand coder" in english and "0.50 (0.30–0.70)" in english
    marked = views.theme_labels(codebook, agreement)
    assert marked["coordination"].endswith("†") and marked["health_and_work"].endswith("†")
    assert marked["wage_subsidy"] == labels["wage_subsidy"]
    assert "†" in views.weak_note(codebook, agreement) and "0,70" in views.weak_note(codebook, agreement)
    comparison = built[1].tables["theme_comparison"]
    fig = raw_and_corrected_chart(comparison, "actor_type", marked, views.actor_labels())
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert marked["coordination"] in ticks and len(fig.axes) <= MAX_SHARE_PANELS
    table = views.raw_and_corrected(comparison, "actor_type", marked, views.actor_labels())
    assert marked["coordination"] in table.index and table.shape[1] == 2 * len(fig.axes)
