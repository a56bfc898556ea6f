"""Choosing the number of topics k: fit a grid of models over k and seeds, score coherence and stability.

For each k in the range, a model is fitted with each of five seeds. NPMI
coherence of the top terms (do they co-occur in the same turns?) and
stability across seeds (do other seeds find the same top terms, topics
matched one to one?) are computed on this corpus; the chosen k has the best
mean rank on the two, ties to the smaller k. Fitted grids are kept in the
content-addressed cache, keyed by everything a fit depends on.
"""

import hashlib
import itertools
import math
import os
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn
from joblib import Parallel, delayed
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.exceptions import ConvergenceWarning

from analysis.base.cache import Cache, code_version
from analysis.base.config import RANDOM_STATE

SEEDS = (RANDOM_STATE, 1, 2, 3, 4)
K_RANGE = range(2, 9)
TOP_N = 10


def npmi_coherence(top_terms: list[list[str]], documents: list[set[str]]) -> float:
    """Mean NPMI over all pairs of each topic's top terms, with document co-occurrence.

    NPMI(a, b) = log(P(a,b) / (P(a) P(b))) / -log P(a,b), in [-1, 1];
    a pair that never co-occurs scores -1.
    """
    n = len(documents)
    scores = []
    for terms in top_terms:
        for a, b in itertools.combinations(terms, 2):
            pa = sum(a in d for d in documents) / n
            pb = sum(b in d for d in documents) / n
            pab = sum(a in d and b in d for d in documents) / n
            if pab == 0:
                scores.append(-1.0)
            elif pab == 1:
                scores.append(1.0)
            else:
                scores.append(math.log(pab / (pa * pb)) / -math.log(pab))
    return float(np.mean(scores)) if scores else math.nan


def stability(runs: list[list[list[str]]]) -> float:
    """Mean Jaccard similarity of top-term sets between runs, topics matched one-to-one (Hungarian)."""
    values = []
    for first, second in itertools.combinations(runs, 2):
        sim = np.array([[len(set(a) & set(b)) / len(set(a) | set(b)) for b in second] for a in first])
        rows, cols = linear_sum_assignment(-sim)
        values.append(sim[rows, cols].mean())
    return float(np.mean(values)) if values else math.nan


STABLE_TOPIC = 0.80  # a topic whose matched topics in the other seeds' fits are less similar than this is unstable


def topic_stability(reference: np.ndarray, others: list[np.ndarray]) -> np.ndarray:
    """Per topic of `reference` (topics × terms): how closely the other fits reproduce it, 0…1.

    Each other fit's topics are matched one to one to the reference's
    (Hungarian assignment on the cosine similarity of their term weights);
    a topic's score is its mean similarity to its matches. A topic another
    seed does not find scores low, however coherent its top terms look.
    """
    if not others:
        return np.full(reference.shape[0], np.nan)

    def unit(matrix: np.ndarray) -> np.ndarray:
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return np.divide(matrix, norms, out=np.zeros_like(matrix, dtype=float), where=norms > 0)

    ref = unit(np.asarray(reference, dtype=float))
    matched = []
    for other in others:
        similarity = ref @ unit(np.asarray(other, dtype=float)).T
        rows, columns = linear_sum_assignment(-similarity)
        scores = np.zeros(ref.shape[0])
        scores[rows] = similarity[rows, columns]
        matched.append(scores)
    return np.clip(np.mean(matched, axis=0), 0.0, 1.0)


STABILITY_SHARE = 0.8  # of the turns each stability refit sees


def perturbed_fits(
    kind: str, k: int, matrix, cache_dir: Path | None, progress: Callable[[str], None] | None = None
) -> list[np.ndarray]:
    """Topic-term weights of the chosen k refitted once per other seed, each on a random 80 % of the turns.

    A seed alone barely moves NMF (its NNDSVD start is deterministic), so
    each refit also leaves out a fifth of the turns: a topic that survives
    both is a property of the corpus, not of one start or of a few turns.
    Deterministic (fixed seeds) and cached like the grid.
    """
    store = Cache(cache_dir, code_version("analyse"))
    key = hashlib.sha256(repr(("perturbed", k, STABILITY_SHARE)).encode() + _grid_key(kind, matrix, [], [k]).encode())
    fits = store.get("topic-stability", kind, key.hexdigest())
    if fits is not None:
        return fits
    n = matrix.shape[0]
    if progress:
        progress(
            f"topic models: {kind.upper()} k = {k} chosen, {len(SEEDS) - 1} stability refits "
            f"on {round(STABILITY_SHARE * 100)} % of the turns"
        )
    samples = [
        (seed, np.sort(np.random.default_rng(seed).choice(n, max(2, round(n * STABILITY_SHARE)), replace=False)))
        for seed in SEEDS[1:]
    ]
    fitted = Parallel(n_jobs=_workers(kind, matrix))(
        delayed(_fit)(kind, k, seed, matrix[rows]) for seed, rows in samples
    )
    fits = [model.components_.astype(np.float64) for model, _ in fitted]
    store.put("topic-stability", fits, kind, key.hexdigest())
    return fits


def make_model(kind: str, k: int, seed: int):
    if kind == "nmf":
        return NMF(n_components=k, init="nndsvdar", random_state=seed, max_iter=1000)
    return LatentDirichletAllocation(n_components=k, learning_method="batch", random_state=seed, max_iter=50)


def top_terms(model, vocabulary: np.ndarray, n: int = TOP_N) -> list[list[str]]:
    return [list(vocabulary[np.argsort(-row, kind="stable")[:n]]) for row in model.components_]


def choose_k(selection: pd.DataFrame) -> int:
    """Best mean rank of coherence and stability (higher is better); ties to the smaller k."""
    ranks = selection["coherence"].rank(ascending=False) + selection["stability"].rank(ascending=False)
    order = selection.assign(score=ranks).sort_values(["score", "k"], kind="stable")
    return int(order.iloc[0]["k"])


def _grid_key(kind: str, matrix, vocabulary, usable: list[int]) -> str:
    """Everything a fit depends on: the term matrix, its terms, the grid, the models' settings and versions.

    The matrix is hashed with its column indices sorted: NMF sorts them in
    place when it fits, so otherwise a grid read from the cache, which fits
    nothing, would key the stability refits differently from the build that
    fitted it, and the next build would refit them all.
    """
    digest = hashlib.sha256()
    matrix = matrix.tocsr()
    if not matrix.has_sorted_indices:
        matrix = matrix.sorted_indices()
    for part in (matrix.indptr, matrix.indices, matrix.data):
        digest.update(np.ascontiguousarray(part).tobytes())
    digest.update("\x00".join(vocabulary).encode("utf-8"))
    settings = [repr(make_model(kind, k, seed).get_params()) for k in usable for seed in SEEDS]
    digest.update(repr((kind, matrix.shape, usable, SEEDS, settings, sklearn.__version__, TOP_N)).encode("utf-8"))
    return digest.hexdigest()


def fit_grid(
    kind: str,
    matrix,
    vocabulary,
    usable: list[int],
    cache_dir: Path | None,
    progress: Callable[[str], None] | None = None,
) -> dict[int, tuple]:
    """k → (top terms of each seed's run, all converged?, the model of RANDOM_STATE).

    The fits are deterministic (fixed seeds), so a grid fitted before on the
    same matrix is read back instead of refitted: rebuilding after a manual
    code or a new organisation costs no topic fitting. LDA on a few dozen
    turns takes tens of seconds on two cores; on a few thousand, minutes, so
    a grid fitted in two processes says each k as it is done (`progress`).
    """
    store = Cache(cache_dir, code_version("analyse"))
    key = _grid_key(kind, matrix, vocabulary, usable)
    grid = store.get("topics", kind, key)
    if grid is not None:
        return grid
    jobs = [(k, seed) for k in usable for seed in SEEDS]
    workers = _workers(kind, matrix)
    if progress and jobs:
        progress(
            f"topic models: {kind.upper()}, {len(jobs)} fits (k = {usable[0]}–{usable[-1]}, {len(SEEDS)} seeds) "
            f"on {matrix.shape[0]:,} speaker turns"
        )
    fitted = Parallel(n_jobs=workers, return_as="generator")(delayed(_fit)(kind, k, seed, matrix) for k, seed in jobs)
    by_fit = {}
    for done, (job, fit) in enumerate(zip(jobs, fitted, strict=True), start=1):
        by_fit[job] = fit
        if progress and workers > 1 and job[1] == SEEDS[-1]:
            progress(f"topic models: {kind.upper()} k = {job[0]} fitted ({done}/{len(jobs)} fits)")
    grid = {
        k: (
            [top_terms(by_fit[k, seed][0], vocabulary) for seed in SEEDS],
            all(by_fit[k, seed][1] for seed in SEEDS),
            by_fit[k, RANDOM_STATE][0],
        )
        for k in usable
    }
    store.put("topics", grid, kind, key)
    return grid


# From this many turns LDA's grid (7 k × 5 seeds) and the chosen k's four stability refits are fitted in two
# processes: its per-document Python loop takes minutes on a few thousand turns, and each fit gives the same model
# in any process (tests/test_topics.py). NMF stays in this process: it takes seconds, and its multi-threaded matrix
# products differ in the last bits from a worker's single-threaded ones. Below this size LDA takes seconds too.
PARALLEL_GRID_ROWS = 1000


def _workers(kind: str, matrix) -> int:
    """Two processes for LDA on PARALLEL_GRID_ROWS turns or more (the grid and the stability refits), else one."""
    return min(2, os.cpu_count() or 1) if kind == "lda" and matrix.shape[0] >= PARALLEL_GRID_ROWS else 1


def _fit(kind: str, k: int, seed: int, matrix) -> tuple[object, bool]:
    """One model of the grid, and whether it converged."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        model = make_model(kind, k, seed).fit(matrix)
    return model, not any(issubclass(w.category, ConvergenceWarning) for w in caught)
