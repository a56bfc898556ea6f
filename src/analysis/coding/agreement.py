"""Agreement between the automatic coder and hand coding, and the coder's error rates that theme counts inherit.

Each theme is a yes/no decision per hand-coded sentence. Precision, recall
and F1 say how far the automatic codes can be quoted as evidence; Cohen's
kappa (scikit-learn) and Krippendorff's alpha (the `krippendorff` package,
nominal) correct for chance agreement, which matters for rare themes.

Hand codes usually cover a sample, not the corpus. When the sample was drawn
by `analysis sample` (stratified by predicted theme, so rare themes are
over-represented), each sentence carries a design weight, the number of
corpus sentences it stands for, and precision, recall, specificity and F1
are weighted estimates of the corpus values. Without a design every
hand-coded sentence counts once (a census, or a simple random sample).

Every score comes with a 95 % percentile bootstrap interval that resamples
hand-coded sentences within their strata: a theme judged on six sentences
gets the wide interval it deserves, and one with fewer than `MIN_JUDGED`
hand-coded sentences is flagged as too few to judge. The same draws of
sensitivity (recall) and specificity carry the coding error into corrected
prevalence (`rogan_gladen`), so a corrected share's interval includes the
uncertainty of the validation itself.
"""

import io
import itertools
import math
from dataclasses import dataclass
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd

from analysis.base.config import RANDOM_STATE, display_path
from analysis.base.errors import InputError
from analysis.base.handfiles import read_csv_text
from analysis.base.tables import COLUMNS
from analysis.coding.manual_codes import meeting_of

AGREEMENT_COLUMNS = COLUMNS["agreement"][1:]  # the table without its `coder` column
MIN_JUDGED = 5  # hand-coded sentences with a theme before its scores are read as a judgement
WEAK_F1 = 0.70  # below this F1 (or too few to judge) a theme is marked weak wherever it is shown
N_DRAWS = 1000  # bootstrap draws for every interval of the validation and the corrected shares
CONFIDENCE = 0.95
POOLED = "(pooled)"  # the coder value of the block that pools all hand coders
SCORES = ("precision", "recall", "f1", "specificity")


@dataclass(frozen=True)
class Design:
    """How the hand-coded sentences were drawn: a weight (corpus sentences each stands for) and a stratum each."""

    weights: np.ndarray
    strata: np.ndarray

    @classmethod
    def unweighted(cls, n: int) -> "Design":
        """Every sentence counts once, one stratum: a census or a simple random sample."""
        return cls(np.ones(n), np.zeros(n, dtype=np.int64))


@dataclass(frozen=True)
class CodingError:
    """The automatic coder's error rates per theme, with the bootstrap draws a correction needs."""

    theme_ids: list[str]
    sensitivity: np.ndarray  # (themes,)
    specificity: np.ndarray  # (themes,)
    sensitivity_draws: np.ndarray  # (draws, themes)
    specificity_draws: np.ndarray  # (draws, themes)
    n_hand: np.ndarray  # (themes,) hand-coded sentences with the theme

    @property
    def judged(self) -> np.ndarray:
        return self.n_hand >= MIN_JUDGED


HAND_COLUMNS = ("segment_id", "coder", "themes", "text")


def read_hand_codes(path: Path, segments: pd.DataFrame, theme_ids: list[str]) -> tuple[pd.DataFrame, int]:
    """Rows (segment_id, coder, themes, text) of coded sentences, also those with no theme, and how many wait.

    A row with an empty `coder` is a sentence of a drawn sample not coded
    yet: it is left out and counted, so a half-filled sample can be built.
    Each row's text must still equal the sentence's text: if parsing moved a
    sentence, its hand codes would silently describe another one.
    """
    path = Path(path)
    where = display_path(path)
    text = read_csv_text(path, HAND_COLUMNS)
    table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    # hand codes of documents that are not in this build (another raw folder) are left out, not errors
    table = table[table["segment_id"].map(meeting_of).isin(set(segments["meeting_id"].unique()))]
    coded = segments[segments["segment_id"].isin(table["segment_id"])]  # only these texts are compared
    texts = dict(zip(coded["segment_id"], coded["text"], strict=True))
    waiting = int((table["coder"].str.strip() == "").sum())
    table = table[table["coder"].str.strip() != ""]
    seen: set[tuple[str, str]] = set()
    for line_no, row in zip(table.index + 2, table.itertuples(index=False), strict=True):
        if row.segment_id not in texts:
            raise InputError(
                f"{where}:{line_no}",
                f"unknown segment_id {row.segment_id!r}",
                "re-align the hand codes with data/processed/segments.csv",
            )
        if row.text != texts[row.segment_id]:
            raise InputError(
                f"{where}:{line_no}",
                f"text of {row.segment_id} no longer matches segments.csv",
                "the parser changed this sentence; re-check its hand codes",
            )
        if (row.segment_id, row.coder) in seen:
            raise InputError(
                f"{where}:{line_no}",
                f"{row.coder} coded {row.segment_id} twice",
                "keep one row per sentence and coder",
            )
        seen.add((row.segment_id, row.coder))
        for theme in (t.strip() for t in row.themes.split(";") if t.strip()):
            if theme not in theme_ids:
                raise InputError(
                    f"{where}:{line_no}",
                    f"unknown theme {theme!r}",
                    f"use the codebook's ids ({', '.join(theme_ids)})",
                )
    return table, waiting


def hand_codes_by_coder(table: pd.DataFrame) -> dict[str, dict[str, set[str]]]:
    result: dict[str, dict[str, set[str]]] = {}
    for row in table.itertuples(index=False):
        themes = {t.strip() for t in row.themes.split(";") if t.strip()}
        result.setdefault(row.coder, {})[row.segment_id] = themes
    return result


def decision_matrix(codes: dict[str, set[str]], segment_ids: list[str], theme_ids: list[str]) -> np.ndarray:
    """0/1 array, sentences × themes."""
    return np.array([[int(t in codes.get(s, set())) for t in theme_ids] for s in segment_ids]).reshape(
        len(segment_ids), len(theme_ids)
    )


def pooled_hand(by_coder: dict[str, dict[str, set[str]]], segment_ids: list[str], theme_ids: list[str]) -> np.ndarray:
    """Sentences × themes: the share of the sentence's coders who gave it the theme (0, ½, 1 for two coders).

    Pooling lets each coder's judgement count as a vote, so the error rates
    are measured against the hand coders as a group, not against one of them.
    """
    votes = np.zeros((len(segment_ids), len(theme_ids)))
    counts = np.zeros(len(segment_ids))
    for coded in by_coder.values():
        present = np.array([s in coded for s in segment_ids])
        votes += decision_matrix(coded, segment_ids, theme_ids)
        counts += present
    return votes / np.maximum(counts, 1)[:, None]


def _multiplicities(strata: np.ndarray, n_draws: int, rng: np.random.Generator) -> np.ndarray:
    """Draws × sentences: how often each sentence is drawn when resampling within its stratum."""
    draws = np.zeros((n_draws, len(strata)))
    for stratum in np.unique(strata):
        members = np.flatnonzero(strata == stratum)
        draws[:, members] = rng.multinomial(len(members), np.full(len(members), 1 / len(members)), size=n_draws)
    return draws


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1), np.nan)


def _scores(weights: np.ndarray, auto: np.ndarray, hand: np.ndarray) -> dict[str, np.ndarray]:
    """Weighted precision, recall, F1 and specificity per theme and pooled (`micro`, the last column).

    `weights` is sentences long or draws × sentences; each score is NaN where
    it has nothing to divide by.
    """
    tp, fp = weights @ (auto * hand), weights @ (auto * (1 - hand))
    fn, tn = weights @ ((1 - auto) * hand), weights @ ((1 - auto) * (1 - hand))
    tp, fp, fn, tn = (np.concatenate([x, x.sum(axis=-1, keepdims=True)], axis=-1) for x in (tp, fp, fn, tn))
    return {
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "f1": _ratio(2 * tp, 2 * tp + fp + fn),
        "specificity": _ratio(tn, tn + fp),
    }


def percentile_interval(draws: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval per column, ignoring draws where the score was undefined."""
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.full(draws.shape[1], np.nan), np.full(draws.shape[1], np.nan)
    for column in range(draws.shape[1]):
        values = draws[:, column][~np.isnan(draws[:, column])]
        if len(values):
            low[column], high[column] = np.percentile(values, [tail, 100 - tail])
    return low, high


def _alpha(*coders: np.ndarray) -> float:
    data = np.vstack(coders).astype(float)
    if len(np.unique(data[~np.isnan(data)])) < 2:
        return math.nan  # every coder said the same thing everywhere: alpha is undefined
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def _kappa(a: np.ndarray, b: np.ndarray, weights: np.ndarray | None = None) -> float:
    from sklearn.metrics import cohen_kappa_score  # here: scikit-learn takes most of a second to import

    if len(np.unique(np.concatenate([a, b]))) < 2:
        return math.nan
    return float(cohen_kappa_score(a, b, sample_weight=weights))


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def agreement_matrix(
    auto: np.ndarray,
    hand: np.ndarray,
    theme_ids: list[str],
    design: Design | None = None,
    *,
    pooled: bool = False,
    seed: int = RANDOM_STATE,
) -> tuple[pd.DataFrame, CodingError]:
    """One row per theme, then `micro` and `macro`; and the error rates with their draws, for corrections.

    `auto` is 0/1 and `hand` 0/1 or a pooled share (sentences × themes).
    Counts are of sentences (a pooled sentence counts as hand-coded with a
    theme when any coder gave it); scores are weighted by the design.
    Kappa and alpha compare two raters, so they are left out (NaN) when
    `pooled` hand codes stand for several coders.
    """
    design = design or Design.unweighted(len(auto))
    auto, hand = auto.astype(float), hand.astype(float)
    point = _scores(design.weights, auto, hand)
    draws = _scores(_multiplicities(design.strata, N_DRAWS, np.random.default_rng(seed)) * design.weights, auto, hand)
    n_hand = np.append((hand > 0).sum(axis=0), (hand > 0).sum())
    n_auto = np.append(auto.sum(axis=0), auto.sum()).astype(int)
    n_both = np.append(((auto > 0) & (hand > 0)).sum(axis=0), ((auto > 0) & (hand > 0)).sum())
    intervals = {score: percentile_interval(draws[score]) for score in SCORES}
    rows = []
    for column, theme in enumerate([*theme_ids, "micro"]):
        a = auto[:, column] if theme != "micro" else auto.ravel()
        h = hand[:, column] if theme != "micro" else hand.ravel()
        w = design.weights if theme != "micro" else np.repeat(design.weights, len(theme_ids))
        row: dict[str, object] = {
            "theme": theme,
            "n_sentences": len(auto),
            "n_hand": int(n_hand[column]),
            "n_auto": int(n_auto[column]),
            "n_both": int(n_both[column]),
            "cohen_kappa": _kappa(a.astype(int), h.astype(int), w) if not pooled else math.nan,
            "krippendorff_alpha": _alpha(a, h) if not pooled else math.nan,
            "judged": _yes(n_hand[column] >= MIN_JUDGED),
        }
        for score in SCORES:
            value = point[score][column]
            # an undefined precision, recall or F1 reads as 0 (nothing found, or nothing to find), as scikit-learn
            row[score] = 0.0 if math.isnan(value) and score != "specificity" else value
            row[f"{score}_low"], row[f"{score}_high"] = intervals[score][0][column], intervals[score][1][column]
        rows.append(row)
    rows.append(_macro(rows[:-1], draws, n_hand[:-1] > 0, rows[-1]))
    table = pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)
    scores = [c for c in AGREEMENT_COLUMNS if c.startswith(SCORES) or c in ("cohen_kappa", "krippendorff_alpha")]
    table[scores] = table[scores].astype(float).round(3)
    error = CodingError(
        list(theme_ids),
        point["recall"][:-1],
        point["specificity"][:-1],
        draws["recall"][:, :-1],
        draws["specificity"][:, :-1],
        n_hand[:-1],
    )
    return table, error


def _macro(
    rows: list[dict[str, object]], draws: dict[str, np.ndarray], with_codes: np.ndarray, micro: dict[str, object]
) -> dict[str, object]:
    """The mean over themes that have hand codes, per draw for its interval."""
    macro: dict[str, object] = {key: micro[key] for key in ("n_sentences", "n_hand", "n_auto", "n_both", "judged")}
    macro["theme"] = "macro"
    chosen = [r for r, keep in zip(rows, with_codes, strict=True) if keep]
    for key in ("cohen_kappa", "krippendorff_alpha", *SCORES):
        values = [float(r[key]) for r in chosen if not math.isnan(float(r[key]))]  # type: ignore[arg-type]
        macro[key] = sum(values) / len(values) if values else math.nan
    for score in SCORES:
        per_draw = draws[score][:, :-1][:, with_codes]
        defined = ~np.isnan(per_draw)
        means = _ratio(np.where(defined, per_draw, 0).sum(axis=1), defined.sum(axis=1).astype(float))
        low, high = percentile_interval(means[:, None])
        macro[f"{score}_low"], macro[f"{score}_high"] = low[0], high[0]
    return macro


def agreement_table(
    auto: dict[str, set[str]],
    hand: dict[str, set[str]],
    segment_ids: list[str],
    theme_ids: list[str],
    design: Design | None = None,
) -> pd.DataFrame:
    """`agreement_matrix` for codes given as sets of themes per sentence."""
    table, _ = agreement_matrix(
        decision_matrix(auto, segment_ids, theme_ids), decision_matrix(hand, segment_ids, theme_ids), theme_ids, design
    )
    return table


def coder_agreement(by_coder: dict[str, dict[str, set[str]]], theme_ids: list[str]) -> pd.DataFrame:
    """Agreement between hand coders, per theme and pooled, on the sentences at least two of them coded.

    Cohen's kappa is the mean over pairs of coders; Krippendorff's alpha
    takes all coders at once and sentences some of them skipped. Empty with
    fewer than two coders.
    """
    coders = sorted(by_coder)
    shared = sorted(s for s in set().union(*by_coder.values()) if sum(s in by_coder[c] for c in coders) >= 2)
    if len(coders) < 2 or not shared:
        return pd.DataFrame(columns=COLUMNS["coder_agreement"])
    ratings = np.stack(  # coders × sentences × themes, NaN where a coder did not code the sentence
        [
            np.where(
                np.array([s in by_coder[c] for s in shared])[:, None],
                decision_matrix(by_coder[c], shared, theme_ids),
                np.nan,
            )
            for c in coders
        ]
    )
    rows = []
    for column, theme in enumerate([*theme_ids, "micro"]):
        data = ratings[:, :, column] if theme != "micro" else ratings.reshape(len(coders), -1)
        kappas = []
        for i, j in itertools.combinations(range(len(coders)), 2):
            both = ~np.isnan(data[i]) & ~np.isnan(data[j])
            if both.any():
                kappas.append(_kappa(data[i][both].astype(int), data[j][both].astype(int)))
        coded = ~np.isnan(data)
        units = coded.sum(axis=0) >= 2
        agree = [len(set(data[coded[:, u], u])) == 1 for u in np.flatnonzero(units)]
        n_hand = int((np.nan_to_num(data) > 0).any(axis=0).sum())
        rows.append(
            {
                "coders": ";".join(coders),
                "theme": theme,
                "n_sentences": len(shared),
                "n_hand": n_hand,
                "percent_agreement": float(np.mean(agree)) if agree else math.nan,
                "cohen_kappa": float(np.nanmean(kappas)) if kappas and not np.isnan(kappas).all() else math.nan,
                "krippendorff_alpha": _alpha(*data),
                "judged": _yes(n_hand >= MIN_JUDGED),
            }
        )
    table = pd.DataFrame(rows, columns=COLUMNS["coder_agreement"])
    for key in ("percent_agreement", "cohen_kappa", "krippendorff_alpha"):
        table[key] = table[key].astype(float).round(3)
    return table


def rogan_gladen(observed: np.ndarray, sensitivity: np.ndarray, specificity: np.ndarray) -> np.ndarray:
    """The true share implied by an observed share and the coder's error rates, within [0, 1].

    observed = true · sensitivity + (1 − true) · (1 − specificity), solved for
    true (Rogan and Gladen 1978). NaN where the coder does no better than
    chance (sensitivity + specificity ≤ 1): then the observed share says
    nothing about the true one.
    """
    youden = sensitivity + specificity - 1
    with np.errstate(invalid="ignore", divide="ignore"):
        corrected = (observed + specificity - 1) / np.where(youden > 0, youden, np.nan)
    return np.clip(corrected, 0.0, 1.0)


def trusted_rows(agreement: pd.DataFrame) -> pd.DataFrame:
    """The agreement block the corrections rest on: the pooled coders if there are several, else the one coder."""
    if agreement.empty:
        return agreement
    coder = POOLED if POOLED in set(agreement["coder"]) else sorted(agreement["coder"])[0]
    return agreement[agreement["coder"] == coder]


def weak_themes(agreement: pd.DataFrame, theme_ids: list[str], threshold: float = WEAK_F1) -> list[str]:
    """Themes a reader should not lean on: F1 below `threshold`, or too few hand-coded sentences to judge.

    With no hand codes at all nothing can be said, and no theme is marked.
    """
    rows = trusted_rows(agreement).set_index("theme") if not agreement.empty else None
    if rows is None:
        return []
    return [
        t
        for t in theme_ids
        if t in rows.index and (rows.loc[t, "judged"] != "yes" or float(rows.loc[t, "f1"]) < threshold)
    ]
