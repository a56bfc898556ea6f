"""A blind, stratified sample of sentences for hand coding, and the design that weights it back to the corpus.

A simple random sample of a few hundred sentences holds almost none of a
rare theme, so its precision and recall cannot be judged. The sample is
therefore stratified by what the automatic coder predicted: one stratum per
theme (a sentence with several themes goes to its rarest one), each given
an equal share, and one for sentences it left uncoded, given its
proportional share where it can (`allocate`). Within a stratum the draw is
systematic down the sentences sorted by meeting, so every sentence of the
stratum has the same chance and every meeting its proportional share. Each
drawn sentence's design weight (stratum size / sentences drawn from it) turns the
over-sampling back into corpus estimates (see `analysis.coding.agreement`).

The file for the coders carries no automatic codes and no stratum, and its
rows are in text order, so nothing in it tells a coder what the machine
said. The design goes to a separate file for the analyst.
"""

import io
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.base.atomic import write_text_atomic
from analysis.base.config import display_path
from analysis.base.errors import InputError
from analysis.base.handfiles import read_csv_text
from analysis.base.tables import to_csv_text
from analysis.coding.agreement import Design
from analysis.coding.codes import theme_indicators

SAMPLE_COLUMNS = ["segment_id", "coder", "themes", "text"]  # the hand-codes file's columns, so rows carry over
DESIGN_COLUMNS = ["segment_id", "stratum", "stratum_size", "stratum_sampled", "weight", "seed"]
UNCODED_STRATUM = "(uncoded)"
DESIGN_SUFFIX = ".design.csv"


def design_path(sample_path: Path) -> Path:
    """The design that belongs to a sample or hand-codes file: `hand_codes.csv` → `hand_codes.design.csv`."""
    sample_path = Path(sample_path)
    return sample_path.with_name(sample_path.stem + DESIGN_SUFFIX)


def strata(codes: pd.DataFrame, segment_ids: list[str], theme_ids: list[str]) -> list[str]:
    """Each sentence's stratum: its rarest predicted theme (ties in codebook order), or uncoded."""
    matrix = theme_indicators(codes, segment_ids, theme_ids)
    sizes = matrix.sum(axis=0)
    rarity = np.argsort(sizes, kind="stable")  # theme columns, rarest first
    rank = np.empty(len(theme_ids), dtype=np.int64)
    rank[rarity] = np.arange(len(theme_ids))
    ranked = np.where(matrix > 0, rank[None, :], len(theme_ids))
    best = ranked.min(axis=1) if len(theme_ids) else np.full(len(segment_ids), 0)
    return [theme_ids[rarity[b]] if b < len(theme_ids) else UNCODED_STRATUM for b in best]


def allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    """Sentences to draw per stratum.

    The uncoded stratum, where the sentences the coder missed hide (they
    decide recall), gets its proportional share as long as every theme
    stratum keeps an equal share; the theme strata share the rest equally, so a rare theme gets as many sentences as a
    common one. What a small stratum cannot use goes to the others, in turn.
    """
    total = sum(sizes.values())
    allocation = dict.fromkeys(sizes, 0)
    if UNCODED_STRATUM in sizes and total:
        equal = n // len(sizes)
        proportional = round(n * sizes[UNCODED_STRATUM] / total)
        themes_first = sum(min(size, equal) for s, size in sizes.items() if s != UNCODED_STRATUM)
        allocation[UNCODED_STRATUM] = min(sizes[UNCODED_STRATUM], max(proportional, equal), n - themes_first)
    left = n - allocation[UNCODED_STRATUM] if UNCODED_STRATUM in sizes else n
    open_strata = [s for s in sizes if s != UNCODED_STRATUM and sizes[s] > 0]
    while True:
        while left > 0 and open_strata:
            share, extra = divmod(left, len(open_strata))
            for i, stratum in enumerate(open_strata):
                take = min(share + (i < extra), sizes[stratum] - allocation[stratum])
                allocation[stratum] += take
                left -= take
            open_strata = [s for s in open_strata if allocation[s] < sizes[s]]
        if left > 0 and UNCODED_STRATUM in sizes and allocation[UNCODED_STRATUM] < sizes[UNCODED_STRATUM]:
            open_strata = [UNCODED_STRATUM]  # the theme strata are exhausted: the rest comes from the uncoded
            continue
        return allocation


def draw_sample(
    segments: pd.DataFrame, codes: pd.DataFrame, theme_ids: list[str], n: int, seed: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the blind file for coders, the design for the analyst), both in text order."""
    segments = segments.reset_index(drop=True)
    segment_ids = segments["segment_id"].tolist()
    frame = pd.DataFrame(
        {
            "segment_id": segment_ids,
            "meeting_id": segments["meeting_id"].to_numpy(),
            "stratum": strata(codes, segment_ids, theme_ids),
        }
    )
    order = [*theme_ids, UNCODED_STRATUM]
    sizes = frame["stratum"].value_counts().reindex(order, fill_value=0).astype(int).to_dict()
    allocation = allocate(sizes, n)
    rng = np.random.default_rng(seed)
    frame["draw"] = rng.permutation(len(frame))  # one shuffle for the whole corpus: the seed fixes everything
    # systematic sampling down each stratum's sentences sorted by meeting: every sentence of a stratum has the same
    # chance (so its weight is exact) and every meeting gets its proportional share (±1) of the stratum's draws
    frame = frame.sort_values(["stratum", "meeting_id", "draw"], kind="stable")
    picked = []
    for stratum in order:
        members = frame.index[frame["stratum"] == stratum]
        if allocation[stratum]:
            step = len(members) / allocation[stratum]
            positions = np.floor((rng.random() + np.arange(allocation[stratum])) * step).astype(int)
            picked += members[positions].tolist()
    chosen = frame.loc[picked]
    chosen = chosen.sort_index()  # back to text order
    texts = segments["text"].to_numpy()
    sample = pd.DataFrame(
        {"segment_id": chosen["segment_id"], "coder": "", "themes": "", "text": texts[chosen.index]},
        columns=SAMPLE_COLUMNS,
    )
    design = pd.DataFrame(
        {
            "segment_id": chosen["segment_id"],
            "stratum": chosen["stratum"],
            "stratum_size": chosen["stratum"].map(sizes),
            "stratum_sampled": chosen["stratum"].map(allocation),
            "seed": seed,
        }
    )
    design["weight"] = design["stratum_size"] / design["stratum_sampled"]
    return sample.reset_index(drop=True), design[DESIGN_COLUMNS].reset_index(drop=True)


def read_design(path: Path, segment_ids: list[str]) -> Design:
    """The weights and strata of `segment_ids` (the hand-coded sentences), from a design file.

    Every hand-coded sentence must be in the design: weights of one sample
    cannot be mixed with sentences chosen some other way.
    """
    path = Path(path)
    where = display_path(path)
    text = read_csv_text(path, DESIGN_COLUMNS, required=("segment_id", "stratum", "weight"))
    table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    table = table.drop_duplicates("segment_id").set_index("segment_id")
    absent = [s for s in segment_ids if s not in table.index]
    if absent:
        raise InputError(
            where,
            f"{len(absent)} hand-coded sentence(s) are not in the sample design, first {absent[0]}",
            "hand-code only sentences of this sample, or delete the design file to count every sentence once",
        )
    weights = pd.to_numeric(table.loc[segment_ids, "weight"], errors="coerce").to_numpy(float)
    if np.isnan(weights).any() or (weights <= 0).any():
        raise InputError(where, "a weight is not a positive number", "re-draw the sample with analysis sample")
    return Design(weights, table.loc[segment_ids, "stratum"].to_numpy())


def write_sample(sample: pd.DataFrame, design: pd.DataFrame, out: Path) -> Path:
    """The blind file at `out` and its design beside it; neither may exist, so no coder's work is overwritten."""
    out = Path(out)
    for path in (out, design_path(out)):
        if path.exists():
            raise InputError(
                display_path(path), "exists and may hold coders' work", "choose another --out, or move the file away"
            )
    write_text_atomic(design_path(out), to_csv_text(design))
    write_text_atomic(out, to_csv_text(sample))
    return design_path(out)
