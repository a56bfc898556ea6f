"""Topic models (NMF on TF-IDF, LDA on counts) with k chosen by coherence and stability.

Modelling unit: the speaker turn — consecutive sentences of one paragraph
with the same speaker (a paragraph of narrative in a news item). A sentence
(≈18 words here) is too short for word co-occurrence to mean much, while a
whole paragraph of the dialogue mixes several speakers; the turn is the
longest stretch of text that still belongs to one voice, which is what "who
raised what" needs. Models are fitted on turns; every sentence then gets its
own topic weights from the fitted model, so `segment_topics.csv` stays per
sentence.

k is chosen per model by coherence and stability (`analysis.analyse.selection`).
"""

import itertools
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.decomposition import MiniBatchNMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from analysis.analyse.selection import (
    K_RANGE,
    STABLE_TOPIC,
    TOP_N,
    choose_k,
    fit_grid,
    npmi_coherence,
    perturbed_fits,
    stability,
    topic_stability,
)
from analysis.base.config import RANDOM_STATE, TOPIC_STOPWORDS_PATH
from analysis.base.handfiles import read_text
from analysis.coding.codes import UNCODED, themes_by_segment
from analysis.language.norwegian import LETTER_RUN, STOP_WORDS, lemma
from analysis.language.wordlists import REPORTING_LEMMAS

MIN_TERM_LENGTH = 3
MODELS = ("nmf", "lda")
# Above this many speaker turns, k is chosen on a random sample of SELECTION_SAMPLE turns, the chosen NMF
# is refitted on all turns with MiniBatchNMF, and LDA is not fitted: scikit-learn's LDA infers each
# document in a Python loop, hours for a corpus of thousands of meetings.
LARGE_CORPUS_UNITS = 5000
SELECTION_SAMPLE = 2000


def modelling_units(segments: pd.DataFrame) -> pd.DataFrame:
    """Speaker turns: unit_id (its first segment_id), meeting_id, speaker, text, segment_ids."""
    units = []
    keys = zip(segments["meeting_id"], segments["paragraph_no"], segments["speaker"], strict=True)
    previous = None
    for key, sid, text in zip(keys, segments["segment_id"], segments["text"], strict=True):
        if key != previous:
            units.append({"unit_id": sid, "meeting_id": key[0], "speaker": key[2], "texts": [], "segment_ids": []})
            previous = key
        units[-1]["texts"].append(text)
        units[-1]["segment_ids"].append(sid)
    frame = pd.DataFrame(units, columns=["unit_id", "meeting_id", "speaker", "texts", "segment_ids"])
    frame["text"] = frame["texts"].map(" ".join)
    return frame.drop(columns="texts")


def genre_words(path=TOPIC_STOPWORDS_PATH) -> set[str]:
    """The editable list of minutes' genre words, plus the verbs of saying."""
    words = set(REPORTING_LEMMAS)
    if path.is_file():
        for line in read_text(path).splitlines():
            word = line.split("#")[0].strip().lower()
            if word:
                words.add(word)
    return words


_ADDRESS = re.compile(r"^\W*(?:https?://|www\.)|@\w|\w\.(?:no|com|org|net|io)\b", re.IGNORECASE)


def make_analyzer(excluded: set[str]):
    """Lemmas without stop words, short words or excluded words (attendees' names would make topics of people).

    Terms are the lemmas of the letter runs (a hyphenated word gives its
    parts), worked out once per distinct whitespace-separated token: a
    corpus of millions of tokens has only tens of thousands of distinct ones.
    """

    class Terms(dict):
        def __missing__(self, token: str) -> tuple[str, ...]:
            if _ADDRESS.search(token):  # "https://github.com/…", "post@nav.no": not words of the discussion
                self[token] = ()
                return ()
            terms = []
            for run in LETTER_RUN.findall(token):
                term, lower = lemma(run), run.lower()
                if (
                    len(term) >= MIN_TERM_LENGTH
                    and term not in STOP_WORDS
                    and lower not in STOP_WORDS
                    and term not in excluded
                    and lower not in excluded
                ):
                    terms.append(term)
            self[token] = found = tuple(terms)
            return found

    known = Terms()

    def analyze(text: str) -> list[str]:
        return list(itertools.chain.from_iterable(map(known.__getitem__, text.split())))

    return analyze


def _refit(k: int, matrix):
    """The chosen NMF on every turn of a large corpus, in mini-batches (fixed seed: the same topics every run)."""
    model = MiniBatchNMF(n_components=k, init="nndsvdar", random_state=RANDOM_STATE, batch_size=2048, max_iter=50)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return model.fit(matrix)


def _vectorizer(kind: str, analyzer):
    cls = TfidfVectorizer if kind == "nmf" else CountVectorizer
    return cls(analyzer=analyzer, min_df=2, max_df=0.5)


@dataclass
class TopicResult:
    selection: pd.DataFrame
    topics: pd.DataFrame
    stability: pd.DataFrame  # per topic of the chosen k: how closely other seeds reproduce it
    segment_topics: pd.DataFrame
    crosswalk: pd.DataFrame
    applied_labels: set[tuple[str, int, int]]
    notes: list[str]  # what was done differently for a large corpus, for the build's messages


def fit_topics(
    segments: pd.DataFrame,
    codes: pd.DataFrame,
    excluded_words: set[str],
    labels: dict[tuple[str, int, int], str] | None = None,
    k_range: range = K_RANGE,
    cache_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> TopicResult:
    """Fit, select and describe the topic models; `cache_dir` keeps fitted grids for identical input.

    `progress` hears what each model is about to fit: on a few thousand turns
    LDA takes minutes, and a researcher should see that it is working.
    """
    units = modelling_units(segments)
    analyzer = make_analyzer({w.lower() for w in excluded_words} | genre_words())
    large = len(units) > LARGE_CORPUS_UNITS
    # the turns k is chosen on: all of them, or a fixed random sample of a large corpus
    chosen_units = (
        np.sort(np.random.default_rng(RANDOM_STATE).choice(len(units), SELECTION_SAMPLE, replace=False))
        if large
        else np.arange(len(units))
    )
    documents = [set(analyzer(units["text"].iat[i])) for i in chosen_units]
    notes = [_large_corpus_note(len(units))] if large else []
    labels = labels or {}
    selection_rows, topic_rows, segment_frames, crosswalk_rows, stability_rows = [], [], [], [], []
    applied: set[tuple[str, int, int]] = set()
    themes_of = themes_by_segment(codes, segments["segment_id"].tolist())
    for kind in ("nmf",) if large else MODELS:
        vectorizer = _vectorizer(kind, analyzer)
        full_matrix = vectorizer.fit_transform(units["text"])
        matrix = full_matrix[chosen_units] if large else full_matrix
        vocabulary = vectorizer.get_feature_names_out()
        usable = [k for k in k_range if k < min(matrix.shape)]
        grid = fit_grid(kind, matrix, vocabulary, usable, cache_dir, progress)
        rows = _selection_rows(kind, grid, usable, documents)
        selection_rows += rows
        if not usable:
            continue
        k = choose_k(pd.DataFrame(rows))
        for row in rows:
            row["chosen"] = "yes" if row["k"] == k else "no"
        model = _refit(k, full_matrix) if large else grid[k][2]
        described, topic_labels = _topic_rows(kind, k, model, vocabulary, labels)
        topic_rows += described
        scores = topic_stability(model.components_, perturbed_fits(kind, k, matrix, cache_dir, progress))
        own_terms = {int(r["topic_id"]): [] for r in described}
        for r in described:
            own_terms[int(r["topic_id"])].append(r["term"])
        stability_rows += [
            {
                "model": kind,
                "topic_id": t,
                "label": topic_labels[t],
                "coherence": round(npmi_coherence([own_terms[t]], documents), 4),
                "stability": round(float(score), 4),
                "stable": "yes" if score >= STABLE_TOPIC else "no",
            }
            for t, score in enumerate(scores, start=1)
        ]
        applied |= {(kind, k, t) for t in topic_labels if (kind, k, t) in labels}
        weights, doc_topic, has_terms = _segment_weights(kind, model, vectorizer, segments)
        segment_frames.append(weights)
        crosswalk_rows += _crosswalk(
            kind, segments["segment_id"].tolist(), doc_topic, has_terms, themes_of, topic_labels
        )
    return TopicResult(
        pd.DataFrame(selection_rows).round({"coherence": 4, "stability": 4}),
        pd.DataFrame(topic_rows),
        pd.DataFrame(stability_rows),
        pd.concat(segment_frames, ignore_index=True) if segment_frames else pd.DataFrame(),
        pd.DataFrame(crosswalk_rows),
        applied,
        notes,
    )


def _large_corpus_note(units: int) -> str:
    return (
        f"topic models: {units:,} speaker turns is above {LARGE_CORPUS_UNITS:,}, so k was chosen on a random "
        f"sample of {SELECTION_SAMPLE:,} turns, the chosen NMF was refitted on all turns with MiniBatchNMF, "
        "and LDA was not fitted (its inference runs document by document in Python)"
    )


def _selection_rows(kind: str, grid: dict[int, tuple], usable: list[int], documents: list[set[str]]) -> list[dict]:
    """One row per k: coherence of the first seed's top terms, stability across seeds, convergence."""
    return [
        {
            "model": kind,
            "k": k,
            "coherence": npmi_coherence(grid[k][0][0], documents),
            "stability": stability(grid[k][0]),
            "chosen": "no",
            "converged": "yes" if grid[k][1] else "no",
        }
        for k in usable
    ]


def _topic_rows(
    kind: str, k: int, model, vocabulary: np.ndarray, labels: dict[tuple[str, int, int], str]
) -> tuple[list[dict], dict[int, str]]:
    """Each topic's top terms with their normalised weights, and its label (an override, else its top 3 terms)."""
    weights = model.components_ / model.components_.sum(axis=1, keepdims=True)
    rows, topic_labels = [], {}
    for t, row in enumerate(weights, start=1):
        order = np.argsort(-row, kind="stable")[:TOP_N]
        topic_labels[t] = labels.get((kind, k, t), " · ".join(vocabulary[order[:3]]))
        for rank, index in enumerate(order, start=1):
            rows.append(
                {
                    "model": kind,
                    "topic_id": t,
                    "label": topic_labels[t],
                    "rank": rank,
                    "term": vocabulary[index],
                    "weight": round(float(row[index]), 4),
                }
            )
    return rows, topic_labels


def _segment_weights(
    kind: str, model, vectorizer, segments: pd.DataFrame
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Every sentence's topic weights from the fitted model (rows of at least 0.01, for sentences with terms)."""
    sentence_matrix = vectorizer.transform(segments["text"])
    doc_topic = model.transform(sentence_matrix)
    has_terms = np.asarray(sentence_matrix.sum(axis=1)).ravel() > 0
    totals = doc_topic.sum(axis=1, keepdims=True)
    doc_topic = np.divide(doc_topic, totals, out=np.zeros_like(doc_topic), where=totals > 0)
    rows, topics = np.nonzero((doc_topic >= 0.01) & has_terms[:, None])  # segment order, then topic
    frame = pd.DataFrame(
        {
            "segment_id": segments["segment_id"].to_numpy()[rows],
            "model": kind,
            "topic_id": topics + 1,
            "weight": np.round(doc_topic[rows, topics], 4),
        }
    )
    return frame, doc_topic, has_terms


def _crosswalk(kind, segment_ids, doc_topic, has_terms, themes_of, topic_labels) -> list[dict[str, object]]:
    """For each topic, the share of its weight that falls on sentences coded with each theme."""
    themes = sorted({t for found in themes_of.values() for t in found} | {UNCODED})
    column_of = {theme: number for number, theme in enumerate(themes)}
    rows_, columns = [], []
    for row, sid in enumerate(segment_ids):
        for theme in themes_of.get(sid) or (UNCODED,):
            rows_.append(row)
            columns.append(column_of[theme])
    indicator = sparse.csr_matrix(
        (np.ones(len(rows_)), (rows_, columns)), shape=(len(segment_ids), len(themes))
    ).T.tocsr()
    present = np.asarray(indicator.sum(axis=1)).ravel() > 0  # a theme on no sentence gets no row
    weighted = doc_topic * has_terms[:, None]
    shares = indicator @ weighted
    counts = indicator @ (weighted >= 0.5).astype(float)
    rows = []
    for t in range(doc_topic.shape[1]):
        total = weighted[:, t].sum()
        if total == 0:
            continue
        ordered = sorted(
            ((themes[i], shares[i, t], int(counts[i, t])) for i in np.flatnonzero(present)),
            key=lambda item: (-item[1], item[0]),
        )
        for rank, (theme, share, count) in enumerate(ordered, start=1):
            rows.append(
                {
                    "model": kind,
                    "topic_id": t + 1,
                    "label": topic_labels[t + 1],
                    "rank": rank,
                    "theme": theme,
                    "weight_share": round(float(share / total), 4),
                    "n_segments": count,
                }
            )
    return rows
