"""Topic-model selection: coherence and stability on hand-checkable inputs, and the fitted tables."""

import math

import numpy as np
import pandas as pd
import pytest

from analysis.analyse.topics import choose_k, fit_topics, modelling_units, npmi_coherence, stability


def test_npmi_by_hand() -> None:
    documents = [{"a", "b"}, {"a", "b"}, {"c"}, {"a"}]
    # P(a)=3/4, P(b)=1/2, P(a,b)=1/2: log(0.5 / 0.375) / -log(0.5)
    assert npmi_coherence([["a", "b"]], documents) == pytest.approx(math.log(0.5 / 0.375) / math.log(2))
    assert npmi_coherence([["a", "c"]], documents) == -1.0  # never together
    assert npmi_coherence([["a", "b"], ["a", "c"]], documents) == pytest.approx(
        (math.log(0.5 / 0.375) / math.log(2) - 1) / 2
    )


def test_stability_by_hand() -> None:
    first = [["a", "b"], ["c", "d"]]
    second = [["c", "d"], ["a", "x"]]  # same topics, other order; one term differs
    assert stability([first, second]) == pytest.approx((1 + 1 / 3) / 2)
    assert stability([first, first, first]) == 1.0


def test_choose_k_by_mean_rank_ties_to_smaller_k() -> None:
    table = pd.DataFrame({"k": [2, 3, 4], "coherence": [0.1, 0.3, 0.2], "stability": [0.9, 0.5, 0.9]})
    assert choose_k(table) == 4
    tied = pd.DataFrame({"k": [2, 3], "coherence": [0.2, 0.3], "stability": [0.9, 0.8]})
    assert choose_k(tied) == 2


def test_modelling_units_are_speaker_turns(segments) -> None:
    units = modelling_units(segments)
    assert sum(len(ids) for ids in units["segment_ids"]) == len(segments)
    dialogue = units[units["unit_id"].str.startswith("2019-12-06_kontaktutvalget_referat-p029")]
    # the first dialogue paragraph holds turns by Hauglie, Lothe, Bjertnæs and Hauglie again
    assert list(dialogue["speaker"]) == ["Anniken Hauglie", "Johan Lothe", "Marte Kristine Bjertnæs", "Anniken Hauglie"]


def test_topic_tables(built) -> None:
    tables = built[1].tables
    selection = tables["topic_selection"]
    assert set(selection["model"]) == {"nmf", "lda"}
    assert (selection.groupby("model")["chosen"].apply(lambda c: (c == "yes").sum()) == 1).all()
    assert selection["coherence"].between(-1, 1).all() and selection["stability"].between(0, 1).all()
    topics = tables["topics"]
    for model, row in selection[selection["chosen"] == "yes"].set_index("model").iterrows():
        assert topics[topics["model"] == model]["topic_id"].nunique() == row["k"]
    names = {w.lower() for n in tables["attendees"]["name"] for w in n.split()}
    assert not names & set(topics["term"]), "attendees' names must not make topics"
    weights = tables["segment_topics"].groupby(["segment_id", "model"])["weight"].sum()
    assert weights.between(0.95, 1.0001).all()
    crosswalk = tables["topic_theme_crosswalk"]
    assert set(crosswalk["theme"]) - {"(uncoded)"} <= set(tables["codes"]["theme"])


def test_label_override_is_applied_and_stale_ones_reported(tmp_path, built) -> None:
    """Labels apply to the fitted models, so the grid the build fitted is read back from the run's shared cache
    (refitting it here would cost a quarter of a minute and test nothing more)."""
    from analysis.pipeline.build import topic_cache_dir, topic_tables

    chosen = built[1].tables["topic_selection"].query("model == 'nmf' and chosen == 'yes'").iloc[0]
    labels = tmp_path / "labels.csv"
    labels.write_text(
        f"model,k,topic_id,label\nnmf,{chosen['k']},1,Tiltak og NAV\nnmf,99,1,Foreldet\n", encoding="utf-8"
    )
    out, warnings = topic_tables(built[1].tables, labels, topic_cache_dir(None))
    assert set(out["topics"].query("model == 'nmf' and topic_id == 1")["label"]) == {"Tiltak og NAV"}
    assert any("('nmf', 99, 1)" in w for w in warnings)


def test_large_corpus_path_is_deterministic_and_says_what_it_did(built, monkeypatch) -> None:
    """Above the size limit: k chosen on a sample, MiniBatchNMF on all turns, no LDA — and the build is told."""
    from analysis.analyse import topics

    tables = built[1].tables
    monkeypatch.setattr(topics, "LARGE_CORPUS_UNITS", 20)
    monkeypatch.setattr(topics, "SELECTION_SAMPLE", 40)
    first = topics.fit_topics(tables["segments"], tables["codes"], set())
    second = topics.fit_topics(tables["segments"], tables["codes"], set())
    assert first.notes and "random sample of 40 turns" in first.notes[0] and "LDA was not fitted" in first.notes[0]
    assert set(first.selection["model"]) == {"nmf"} and (first.selection["chosen"] == "yes").sum() == 1
    k = int(first.selection.loc[first.selection["chosen"] == "yes", "k"].iloc[0])
    assert first.topics["topic_id"].nunique() == k
    weights = first.segment_topics.groupby("segment_id")["weight"].sum()
    assert weights.between(0.95, 1.0001).all() and len(weights) > 100
    for name in ("selection", "topics", "stability", "segment_topics", "crosswalk"):
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name))


def test_a_fitted_grid_is_read_back_only_for_identical_input(built, tmp_path) -> None:
    tables = built[1].tables
    fit = lambda segments: fit_topics(segments, tables["codes"], set(), k_range=range(2, 4), cache_dir=tmp_path)  # noqa: E731
    first = fit(tables["segments"])
    folder = tmp_path / "topics"  # the grids live in the one content-addressed cache, kind "topics"
    entries = sorted(folder.iterdir())
    assert [p.name.split("-")[0] for p in entries] == ["lda", "nmf"]
    again = fit(tables["segments"])
    assert again.selection.equals(first.selection) and again.topics.equals(first.topics)
    assert sorted(folder.iterdir()) == entries  # read back, nothing new written
    entries[0].write_bytes(b"not a pickle")  # a damaged entry is refitted, not trusted
    assert fit(tables["segments"]).selection.equals(first.selection)
    fewer = tables["segments"].iloc[: len(tables["segments"]) // 2]
    fit(fewer)
    assert len(list(folder.iterdir())) == 4  # other turns, other matrix: fitted and kept apart


def test_topic_models_say_what_they_fit_and_nothing_when_read_back(built, tmp_path) -> None:
    """Minutes of LDA on a mid-sized corpus must not look like a hang; a grid read from the cache is not fitted."""
    tables = built[1].tables
    heard: list[str] = []
    result = fit_topics(
        tables["segments"], tables["codes"], set(), k_range=range(2, 4), cache_dir=tmp_path, progress=heard.append
    )
    turns = len(modelling_units(tables["segments"]))
    chosen = result.selection[result.selection["chosen"] == "yes"].set_index("model")["k"].astype(int)
    assert heard == [
        line
        for kind in ("nmf", "lda")
        for line in (
            f"topic models: {kind.upper()}, 10 fits (k = 2–3, 5 seeds) on {turns:,} speaker turns",
            f"topic models: {kind.upper()} k = {chosen[kind]} chosen, 4 stability refits on 80 % of the turns",
        )
    ]
    heard.clear()
    again = fit_topics(
        tables["segments"], tables["codes"], set(), k_range=range(2, 4), cache_dir=tmp_path, progress=heard.append
    )
    assert heard == [] and again.selection.equals(result.selection)


def test_topic_stability_by_hand() -> None:
    """Matched one to one whatever the order: a reproduced topic scores 1, one no other fit finds scores low."""
    from analysis.analyse.selection import topic_stability

    reference = np.array([[5.0, 4, 0, 0, 0, 0], [0, 0, 5, 4, 0, 0], [0, 0, 0, 0, 5, 4]])
    shuffled = reference[[2, 0, 1]] * 3  # the same topics in another order and scale
    assert topic_stability(reference, [shuffled, shuffled]).tolist() == pytest.approx([1, 1, 1])
    merged = np.array([[5.0, 4, 0, 0, 0, 0], [0, 0, 5, 4, 5, 4], [1, 1, 1, 1, 1, 1]])  # topics 2 and 3 merged
    scores = topic_stability(reference, [shuffled, merged])
    assert scores[0] == pytest.approx(1.0) and (scores[1:] < 0.9).all()
    assert np.isnan(topic_stability(reference, [])).all()


def test_a_constructed_stable_topic_scores_high_and_refits_are_deterministic() -> None:
    """Turns drawn from two separate vocabularies: both NMF topics survive other subsamples and seeds."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from analysis.analyse.selection import make_model, perturbed_fits, topic_stability

    rng = np.random.default_rng(5)
    words = [
        ["lønn", "tilskudd", "arbeidsgiver", "ansette", "lønnstilskudd"],
        ["bolig", "leie", "husbank", "bostøtte", "bydel"],
    ]
    turns = [" ".join(rng.choice(words[i % 2], size=6)) + " og det" for i in range(80)]
    matrix = TfidfVectorizer().fit_transform(turns)
    reference = make_model("nmf", 2, 20191206).fit(matrix).components_
    fits = perturbed_fits("nmf", 2, matrix, None)
    assert len(fits) == 4 and all(
        np.array_equal(a, b) for a, b in zip(fits, perturbed_fits("nmf", 2, matrix, None), strict=True)
    )
    assert (topic_stability(reference, fits) > 0.95).all()


def test_each_chosen_topic_has_a_stability_and_coherence(built) -> None:
    from analysis.analyse.selection import STABLE_TOPIC

    tables = built[1].tables
    quality = tables["topic_stability"]
    chosen = tables["topic_selection"][tables["topic_selection"]["chosen"] == "yes"].set_index("model")["k"]
    assert quality.groupby("model").size().to_dict() == chosen.astype(int).to_dict()
    assert quality["stability"].between(0, 1).all() and quality["coherence"].between(-1, 1).all()
    assert ((quality["stability"] >= STABLE_TOPIC) == (quality["stable"] == "yes")).all()


def test_an_lda_grid_fitted_in_two_processes_is_the_grid_fitted_in_one(monkeypatch) -> None:
    """A corpus of thousands of turns fits LDA's grid on two cores; the models must be exactly the serial ones
    (two seeds of the five are enough to give each process fits of its own)."""
    from scipy import sparse

    from analysis.analyse import selection

    monkeypatch.setattr(selection, "SEEDS", selection.SEEDS[:2])
    rng = np.random.default_rng(3)
    matrix = sparse.csr_matrix(rng.poisson(0.3, (80, 120)).astype(float))
    vocabulary = np.array([f"ord{i}" for i in range(120)])
    monkeypatch.setattr(selection, "PARALLEL_GRID_ROWS", 10**9)
    serial = selection.fit_grid("lda", matrix, vocabulary, [2, 3], None)
    monkeypatch.setattr(selection, "PARALLEL_GRID_ROWS", 0)
    parallel = selection.fit_grid("lda", matrix, vocabulary, [2, 3], None)
    for k in (2, 3):
        assert serial[k][0] == parallel[k][0] and serial[k][1] == parallel[k][1]
        assert np.array_equal(serial[k][2].components_, parallel[k][2].components_)


def test_lda_stability_refits_in_two_processes_are_the_serial_ones_and_its_grid_says_each_k(monkeypatch) -> None:
    """The chosen k's refits share the grid's two processes; a grid fitted there reports each k as it is done."""
    from scipy import sparse

    from analysis.analyse import selection

    rng = np.random.default_rng(4)
    matrix = sparse.csr_matrix(rng.poisson(0.3, (60, 90)).astype(float))
    monkeypatch.setattr(selection, "PARALLEL_GRID_ROWS", 10**9)
    serial = selection.perturbed_fits("lda", 3, matrix, None)
    monkeypatch.setattr(selection, "PARALLEL_GRID_ROWS", 0)
    parallel = selection.perturbed_fits("lda", 3, matrix, None)
    assert len(serial) == len(selection.SEEDS) - 1
    assert all(np.array_equal(a, b) for a, b in zip(serial, parallel, strict=True))
    heard: list[str] = []
    selection.fit_grid("lda", matrix, np.array([f"ord{i}" for i in range(90)]), [2, 3], None, heard.append)
    assert heard[1:] == ["topic models: LDA k = 2 fitted (5/10 fits)", "topic models: LDA k = 3 fitted (10/10 fits)"]
