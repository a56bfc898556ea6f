"""Compare theme prevalence across meetings and actors, and follow issues through a meeting.

Counts here are small (a meeting has a few hundred sentences, a theme a few
dozen), so every share comes with an interval and every difference with an
exact or permutation test and an effect size, never an asymptotic chi-square:

- shares: 95 % cluster-bootstrap intervals (scipy.stats.bootstrap, paragraphs
  resampled, since sentences of one paragraph are not independent); where
  a share is 0 or 1 the bootstrap has nothing to resample and the exact
  Clopper–Pearson interval (scipy.stats.binomtest) is given instead; a
  group of more than BOOTSTRAP_MAX_CLUSTERS paragraphs gets the
  cluster-robust normal interval the bootstrap converges to (`ci_method`
  says which);
- differences between two groups: Fisher's exact test with the risk
  difference and odds ratio; between more groups: a permutation test of
  the chi-square statistic with Cramér's V; Benjamini–Hochberg q-values
  across themes (scipy.stats.false_discovery_control).
"""

import math
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
from scipy import stats

from analysis.base.config import RANDOM_STATE
from analysis.base.tables import COLUMNS
from analysis.coding.agreement import CodingError, percentile_interval, rogan_gladen
from analysis.coding.codes import theme_indicators

N_RESAMPLES = 2000
CONFIDENCE = 0.95
GROUP_TYPES = ("meeting", "organisation", "actor_type")
MIN_GROUP_SIZE = 5  # sentences; smaller groups get a share and interval but no test


def coded_matrix(segments: pd.DataFrame, codes: pd.DataFrame, theme_ids: list[str]) -> pd.DataFrame:
    """One row per sentence with its groups and a 0/1 column per theme."""
    table = segments[["segment_id", "meeting_id", "paragraph_no", "organisation_canonical", "actor_type"]].copy()
    indicators = theme_indicators(codes, table["segment_id"].tolist(), theme_ids)
    for column, theme in enumerate(theme_ids):
        table[theme] = indicators[:, column]
    return table


def _group_positions(keys: np.ndarray) -> list[tuple[str, np.ndarray]]:
    """(group, row positions) for every non-empty key, groups in sorted order, rows in table order."""
    named = np.flatnonzero(keys != "")
    # pandas' hash-based factorize, not np.unique: sorting a million strings costs seconds
    inverse, groups = pd.factorize(keys[named], sort=True)
    if not len(groups):
        return []  # no sentence has a group of this kind (no organisation named anywhere, say)
    order = np.argsort(inverse, kind="stable")
    bounds = np.cumsum(np.bincount(inverse, minlength=len(groups)))[:-1]
    return list(zip(list(groups), np.split(named[order], bounds), strict=True))


def _group_column(group_type: str) -> str:
    return {"meeting": "meeting_id", "organisation": "organisation_canonical", "actor_type": "actor_type"}[group_type]


# Above this many paragraphs a group's interval is the cluster-robust normal one: there the bootstrap's draws are
# normal to well within the 4 decimals reported (a test compares the two), and 2,000 resamples of 300,000
# paragraphs cost seconds per group for nothing.
BOOTSTRAP_MAX_CLUSTERS = 5_000
BOOTSTRAP_BLOCK = 4_000_000  # resampled cluster indices held at once (32 MB), however large a group


def share_intervals(hits: np.ndarray, clusters: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """95 % interval for each theme's share (columns of `hits`), resampling clusters (paragraphs).

    This is scipy.stats.bootstrap's paired percentile interval, drawn once
    for all themes of a group: the same seed, the same resampled indices and
    the same quantiles, so each interval equals `scipy.stats.bootstrap` on
    that theme alone. A group of many paragraphs is resampled in blocks
    (scipy's `batch`), so memory stays flat however large the corpus. Where
    a share is 0 or 1 (or the group is one paragraph) resampling has nothing
    to vary, and the exact Clopper–Pearson interval is given instead.
    """
    n, n_themes = hits.shape
    k = hits.sum(axis=0)
    codes, inverse = np.unique(clusters, return_inverse=True)
    low, high = np.empty(n_themes), np.empty(n_themes)
    exact = (k == 0) | (k == n) | (len(codes) < 2)
    methods = ["clopper-pearson" if e else "cluster-bootstrap" for e in exact]
    for t in np.flatnonzero(exact):
        ci = stats.binomtest(int(k[t]), n).proportion_ci(confidence_level=CONFIDENCE, method="exact")
        low[t], high[t] = ci.low, ci.high
    drawn = np.flatnonzero(~exact)
    if len(drawn) and len(codes) > BOOTSTRAP_MAX_CLUSTERS:
        low[drawn], high[drawn] = cluster_normal_interval(hits[:, drawn], inverse, len(codes))
        for t in drawn:
            methods[t] = "cluster-normal"
    elif len(drawn):
        sums = np.zeros((len(codes), len(drawn)))
        np.add.at(sums, inverse, hits[:, drawn])
        sizes = np.bincount(inverse, minlength=len(codes)).astype(float)
        rng = np.random.default_rng(RANDOM_STATE)
        batch = max(1, min(N_RESAMPLES, BOOTSTRAP_BLOCK // len(codes)))
        theta = []
        for start in range(0, N_RESAMPLES, batch):
            rows = min(batch, N_RESAMPLES - start)
            index = rng.integers(0, len(codes), (rows, len(codes)))
            counts = np.bincount(
                (index + len(codes) * np.arange(rows)[:, None]).ravel(), minlength=rows * len(codes)
            ).reshape(rows, len(codes))
            theta.append((counts @ sums) / (counts @ sizes)[:, None])
        tail = (1 - CONFIDENCE) / 2
        bounds = stats.quantile(np.vstack(theta).T, np.tile([tail, 1 - tail], (len(drawn), 1)), axis=-1)
        low[drawn], high[drawn] = bounds[:, 0], bounds[:, 1]
    return low, high, methods


def cluster_normal_interval(hits: np.ndarray, inverse: np.ndarray, n_clusters: int) -> tuple[np.ndarray, np.ndarray]:
    """95 % interval of each column's share, Wald with the cluster-robust (linearised ratio) standard error.

    The share is Σ hits / Σ sentences over clusters; its variance is
    Σ_c (hits_c − share · sentences_c)² / (Σ sentences)², the variance the
    cluster bootstrap estimates, clipped to [0, 1].
    """
    sums = np.zeros((n_clusters, hits.shape[1]))
    np.add.at(sums, inverse, hits)
    sizes = np.bincount(inverse, minlength=n_clusters).astype(float)
    share = sums.sum(axis=0) / sizes.sum()
    error = np.sqrt(((sums - sizes[:, None] * share) ** 2).sum(axis=0)) / sizes.sum()
    z = stats.norm.ppf(1 - (1 - CONFIDENCE) / 2)
    return np.clip(share - z * error, 0, 1), np.clip(share + z * error, 0, 1)


def _share_draws(hits: np.ndarray, clusters: np.ndarray, n_draws: int, rng: np.random.Generator) -> np.ndarray:
    """Draws × themes: the group's share of each theme when its clusters (paragraphs) are resampled.

    Where a share is 0 or 1 (or the group is one paragraph) resampling has
    nothing to vary, and the draws come from the Jeffreys Beta(k + ½, n − k + ½)
    instead, as the raw interval falls back to an exact one there.
    """
    codes, inverse = np.unique(clusters, return_inverse=True)
    sums = np.zeros((len(codes), hits.shape[1]))
    np.add.at(sums, inverse, hits)
    sizes = np.bincount(inverse, minlength=len(codes)).astype(float)
    draws = np.empty((n_draws, hits.shape[1]))
    for start in range(0, n_draws, 100):  # in blocks, so a group of many paragraphs stays small in memory
        stop = min(start + 100, n_draws)
        counts = rng.multinomial(len(codes), np.full(len(codes), 1 / len(codes)), size=stop - start)
        draws[start:stop] = (counts @ sums) / (counts @ sizes)[:, None]
    k, n = hits.sum(axis=0), len(hits)
    for t in np.flatnonzero((k == 0) | (k == n) | (len(codes) < 2)):
        draws[:, t] = rng.beta(k[t] + 0.5, n - k[t] + 0.5, size=n_draws)
    return draws


def corrected_shares(
    hits: np.ndarray, clusters: np.ndarray, error: CodingError, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Per theme: the share corrected for coding error, its 95 % interval, and how it was corrected.

    Each draw pairs a resample of the group's paragraphs with a resample of
    the hand-coded validation sentences, so the interval holds both the
    group's sampling error and the uncertainty in the coder's error rates.
    """
    observed = hits.mean(axis=0)
    point = rogan_gladen(observed, error.sensitivity, error.specificity)
    draws = rogan_gladen(
        _share_draws(hits, clusters, len(error.sensitivity_draws), rng),
        error.sensitivity_draws,
        error.specificity_draws,
    )
    low, high = percentile_interval(draws)
    methods = []
    for t in range(len(point)):
        finite = int((~np.isnan(draws[:, t])).sum())
        if not error.judged[t]:
            methods.append("too-few-hand-codes")
        elif np.isnan(point[t]) or finite < len(draws) / 2:
            methods.append("coder-no-better-than-chance")
        else:
            methods.append("rogan-gladen")
            # a skewed percentile interval can miss its own estimate by a hair; a reader expects it inside
            low[t], high[t] = min(low[t], point[t]), max(high[t], point[t])
    corrected = np.array([m == "rogan-gladen" for m in methods])
    low, high = np.where(corrected, low, np.nan), np.where(corrected, high, np.nan)
    point = np.where([m == "rogan-gladen" for m in methods], point, np.nan)
    return point, low, high, methods


def theme_comparison(matrix: pd.DataFrame, theme_ids: list[str], error: CodingError | None = None) -> pd.DataFrame:
    """theme_comparison.csv: prevalence of each theme per meeting, organisation and actor type.

    Each share is given raw (the automatic codes as they are) and, with hand
    codes to measure the coder's error, corrected for it; a theme with too
    few hand-coded sentences, or without any hand codes, has no corrected share.
    Every group is one pass over its own sentences, so time and memory grow
    with the corpus and not faster.
    """
    rows = []
    rng = np.random.default_rng(RANDOM_STATE)
    # paragraphs numbered once, in the order of their "meeting#paragraph" names, which the resampling follows
    clusters = pd.factorize(matrix["meeting_id"] + "#" + matrix["paragraph_no"].astype(str), sort=True)[0]
    hits_all = matrix[theme_ids].to_numpy(float)
    for group_type in GROUP_TYPES:
        column = _group_column(group_type)
        for group, at in _group_positions(matrix[column].to_numpy(object)):
            hits, group_clusters = hits_all[at], clusters[at]
            low, high, ci_methods = share_intervals(hits, group_clusters)
            if error is not None:
                corrected, low_c, high_c, methods = corrected_shares(hits, group_clusters, error, rng)
            counts, shares = hits.sum(axis=0), hits.mean(axis=0)
            for t, theme in enumerate(theme_ids):
                row = {
                    "group_type": group_type,
                    "group": group,
                    "theme": theme,
                    "n_segments": int(counts[t]),
                    "share": round(float(shares[t]), 4),
                    "n_group": len(hits),
                    "ci_low": round(float(low[t]), 4),
                    "ci_high": round(float(high[t]), 4),
                    "ci_method": ci_methods[t],
                    "correction": "no-hand-codes",
                }
                if error is not None:
                    row |= {
                        "corrected": round(float(corrected[t]), 4),
                        "corrected_low": round(float(low_c[t]), 4),
                        "corrected_high": round(float(high_c[t]), 4),
                        "correction": methods[t],
                    }
                rows.append(row)
    return pd.DataFrame(rows)


def _chi_square_counts(hits: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Pearson's chi-square of a groups × (coded, not coded) table from its coded counts per group.

    `hits` is (…, groups): one table per leading index, all with the group
    sizes `sizes`; the statistic is the textbook sum of
    (observed − expected)² / expected over both columns.
    """
    hits = hits.astype(float)
    total_hits = hits.sum(axis=-1, keepdims=True)
    n = sizes.sum()
    expected_hit = sizes * total_hits / n
    expected_miss = sizes * (n - total_hits) / n
    misses = sizes - hits
    return ((hits - expected_hit) ** 2 / expected_hit + (misses - expected_miss) ** 2 / expected_miss).sum(axis=-1)


def _chi_square(*samples: np.ndarray, axis: int = -1) -> np.ndarray:
    """The chi-square of one sample of 0/1 codes per group, vectorised over resamples (for scipy)."""
    hits = np.stack([np.sum(s, axis=axis) for s in samples], axis=-1)
    return _chi_square_counts(hits, np.array([np.shape(s)[axis] for s in samples], dtype=float))


def _cramers_v(table: np.ndarray) -> float:
    chi2 = stats.chi2_contingency(table, correction=False).statistic
    n = table.sum()
    r, c = table.shape
    return float(math.sqrt(chi2 / (n * (min(r, c) - 1)))) if n and min(r, c) > 1 else math.nan


def theme_differences(matrix: pd.DataFrame, theme_ids: list[str]) -> pd.DataFrame:
    """For each grouping and theme: does prevalence differ between groups? Exact or permutation test.

    Groups smaller than MIN_GROUP_SIZE sentences are left out; p-values are
    adjusted for the number of themes within each grouping (Benjamini–Hochberg).
    """
    rows = []
    rng = np.random.default_rng(RANDOM_STATE)  # one stream across groupings, so the results are reproducible
    hits_all = matrix[theme_ids].to_numpy(int)
    for group_type in GROUP_TYPES:
        named = _group_positions(matrix[_group_column(group_type)].to_numpy(object))
        tested_groups = [(g, at) for g, at in named if len(at) >= MIN_GROUP_SIZE]
        if len(tested_groups) < 2:
            continue
        groups = [g for g, _ in tested_groups]
        samples = [hits_all[at] for _, at in tested_groups]
        drawn = _drawn_permutation_tests(samples, theme_ids, GROUP_TYPES.index(group_type))
        type_rows = [
            {
                "group_type": group_type,
                "theme": theme,
                "groups": "; ".join(groups),
                **_difference_test([sample[:, t] for sample in samples], groups, rng, drawn.get(t)),
            }
            for t, theme in enumerate(theme_ids)
        ]
        tested = [r for r in type_rows if not math.isnan(r["p_value"])]
        if tested:
            qs = stats.false_discovery_control([r["p_value"] for r in tested])
            for r, q in zip(tested, qs, strict=True):
                r["q_value"] = float(q)
        rows += type_rows
    table = pd.DataFrame(rows)
    for column in ("statistic", "p_value", "q_value", "effect_size"):
        if column in table:
            table[column] = table[column].astype(float).round(4)
    return table


PERMUTE_LABELS_MAX = 5_000  # sentences; above, the permutation null is drawn as coded counts per group


def _permutation_p_value(samples: list[np.ndarray], rng: np.random.Generator) -> tuple[float, float]:
    """Chi-square and its permutation p-value (one-sided: differences at least as large).

    Up to PERMUTE_LABELS_MAX sentences this is scipy.stats.permutation_test,
    which permutes every sentence's group label (or enumerates all
    partitions when there are fewer than N_RESAMPLES). Above it, permuting
    labels costs sentences × resamples; the statistic depends only on how
    many coded sentences land in each group, which under permutation is
    multivariate hypergeometric, so those counts are drawn directly (one
    draw per group, not per sentence) and the p-value is scipy's (count + 1)
    / (resamples + 1), with its tolerance for ties.
    """
    sizes = np.array([len(s) for s in samples], dtype=float)
    if sizes.sum() <= PERMUTE_LABELS_MAX:
        perm = stats.permutation_test(
            samples,
            _chi_square,
            permutation_type="independent",
            vectorized=True,
            n_resamples=N_RESAMPLES,
            alternative="greater",
            random_state=rng,
        )
        return float(perm.statistic), float(perm.pvalue)
    return _counts_p_value(np.array([int(s.sum()) for s in samples]), sizes, rng)


def _counts_p_value(hits: np.ndarray, sizes: np.ndarray, rng: np.random.Generator) -> tuple[float, float]:
    """The permutation chi-square from coded counts per group (`hits`) and group sizes: see `_permutation_p_value`."""
    observed = float(_chi_square_counts(hits, sizes))
    gamma = abs(np.finfo(float).eps * 100 * observed)
    exceeding = 0
    for start in range(0, N_RESAMPLES, 100):  # in blocks, so many groups stay small in memory
        draws = rng.multivariate_hypergeometric(
            sizes.astype(np.int64), int(hits.sum()), size=min(100, N_RESAMPLES - start)
        )
        exceeding += int((_chi_square_counts(draws, sizes) >= observed - gamma).sum())
    return observed, (exceeding + 1) / (N_RESAMPLES + 1)


def _drawn_permutation_tests(
    samples: list[np.ndarray], theme_ids: list[str], group_type_no: int
) -> dict[int, tuple[float, float]]:
    """Each theme's permutation chi-square where its null is drawn as counts (above PERMUTE_LABELS_MAX sentences).

    Each theme draws from its own generator, seeded by (RANDOM_STATE, group
    type, theme), so the themes run side by side on two threads (NumPy draws
    outside the GIL) and give the same p-values in any order.
    """
    sizes = np.array([len(s) for s in samples], dtype=float)
    if len(samples) < 3 or sizes.sum() <= PERMUTE_LABELS_MAX:
        return {}
    hits = np.array([s.sum(axis=0) for s in samples], dtype=np.int64)  # groups × themes
    themes = [t for t in range(len(theme_ids)) if 0 < hits[:, t].sum() < sizes.sum()]

    def test(t: int) -> tuple[float, float]:
        return _counts_p_value(hits[:, t], sizes, np.random.default_rng([RANDOM_STATE, group_type_no, t]))

    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        return dict(zip(themes, pool.map(test, themes), strict=True))


def _difference_test(
    samples: list[np.ndarray],
    groups: list[str],
    rng: np.random.Generator,
    drawn: tuple[float, float] | None = None,
) -> dict[str, object]:
    """One theme's 0/1 codes per group: Fisher's exact test for two groups, a permutation chi-square for more.

    `drawn` is the permutation test's (statistic, p-value) where
    `_drawn_permutation_tests` already ran it.
    """
    table = np.array([[int(s.sum()), len(s) - int(s.sum())] for s in samples])
    counts = {"n": int(table.sum()), "n_coded": int(table[:, 0].sum())}
    if table[:, 0].sum() == 0 or table[:, 1].sum() == 0:
        return counts | {
            "test": "none (theme absent or everywhere)",
            "statistic": math.nan,
            "p_value": math.nan,
            "effect": "",
            "effect_size": math.nan,
        }
    if len(groups) == 2:
        fisher = stats.fisher_exact(table)
        shares = table[:, 0] / table.sum(axis=1)
        return counts | {
            "test": "fisher exact",
            "statistic": float(fisher.statistic),
            "p_value": float(fisher.pvalue),
            "effect": f"risk difference ({groups[0]} − {groups[1]})",
            "effect_size": float(shares[0] - shares[1]),
        }
    statistic, p_value = drawn if drawn is not None else _permutation_p_value(samples, rng)
    return counts | {
        "test": "permutation chi-square",
        "statistic": statistic,
        "p_value": p_value,
        "effect": "Cramér's V",
        "effect_size": _cramers_v(table),
    }


def recurring_issues(
    matrix: pd.DataFrame, segments: pd.DataFrame, meetings: pd.DataFrame, theme_ids: list[str]
) -> pd.DataFrame:
    """Per theme: where it was raised, first raised when and by whom, and whether it recurs."""
    dates = dict(zip(meetings["meeting_id"], meetings["date"], strict=True))
    info = segments.set_index("segment_id")
    rows = []
    for theme in theme_ids:
        coded = matrix[matrix[theme] == 1]
        # in date order; a meeting without a date comes last: it can be neither first nor again
        meeting_ids = sorted(coded["meeting_id"].unique(), key=lambda m: (dates[m] == "", dates[m], m))
        dated = [m for m in meeting_ids if dates[m]]
        row = {
            "theme": theme,
            "n_meetings": len(meeting_ids),
            "meetings": "; ".join(meeting_ids),
            "n_segments": len(coded),
            "recurs": "yes" if len(meeting_ids) > 1 else "no",
            "only_in": meeting_ids[0] if len(meeting_ids) == 1 else "",
            "first_date": "",
            "first_meeting": "",
            "first_segment_id": "",
            "first_speaker": "",
            "first_organisation": "",
            "again_date": dates[dated[1]] if len(dated) > 1 else "",
            "last_date": dates[dated[-1]] if dated else "",
        }
        if meeting_ids:
            first = meeting_ids[0]
            in_first = coded[coded["meeting_id"] == first]["segment_id"]
            attributed = [s for s in in_first if info.loc[s, "speaker"]]
            first_sid = attributed[0] if attributed else in_first.iloc[0]
            row |= {
                "first_date": dates[first],
                "first_meeting": first,
                "first_segment_id": first_sid,
                "first_speaker": info.loc[first_sid, "speaker"],
                "first_organisation": info.loc[first_sid, "organisation_canonical"],
            }
        rows.append(row)
    return pd.DataFrame(rows)


def responses(matrix: pd.DataFrame, segments: pd.DataFrame, theme_ids: list[str]) -> pd.DataFrame:
    """responses.csv: for each theme a civil-society speaker raised, did a government speaker take it up later?

    One row per (meeting, theme, civil-society speaker). The answer is every
    later sentence in the same meeting coded with the same theme and spoken
    by someone whose organisation is `government`; the segment ids on both
    sides are the evidence a researcher checks. `matrix` has the rows of
    `segments`, in their order; each meeting is looked at once, on its own.
    """
    speaker = segments["speaker"].to_numpy(object)
    actor = segments["actor_type"].to_numpy(object)
    segment_id = segments["segment_id"].to_numpy(object)
    organisation = segments["organisation_canonical"].to_numpy(object)
    raiser = (actor == "civil_society") & (speaker != "")
    answerer = (actor == "government") & (speaker != "")
    coded_all = matrix[theme_ids].to_numpy(bool)
    rows = []
    for meeting_id, at in _group_positions(matrix["meeting_id"].to_numpy(object)):
        for t, theme in enumerate(theme_ids):
            coded = at[coded_all[at, t]]
            raisers: dict[str, list[int]] = {}  # in the order each first raised it
            for position in coded[raiser[coded]]:
                raisers.setdefault(speaker[position], []).append(position)
            answers_all = coded[answerer[coded]]
            for name, raised in raisers.items():
                answers = answers_all[answers_all > raised[0]]
                rows.append(
                    {
                        "meeting_id": meeting_id,
                        "theme": theme,
                        "raised_by": name,
                        "raised_organisation": organisation[raised[0]],
                        "raised_segment_ids": "; ".join(segment_id[raised]),
                        "answered": "yes" if len(answers) else "no",
                        "answered_by": "; ".join(dict.fromkeys(speaker[answers])),
                        "answer_segment_ids": "; ".join(segment_id[answers]),
                    }
                )
    return pd.DataFrame(rows, columns=COLUMNS["responses"])
