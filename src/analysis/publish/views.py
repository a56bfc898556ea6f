"""Reader-facing views of the analysis tables for notebooks 03 and 04: pivots with Norwegian labels."""

import pandas as pd

from analysis.coding.codebook import Codebook
from analysis.coding.codes import UNCODED
from analysis.publish.words import kind_label


def meeting_labels(meetings: pd.DataFrame) -> dict[str, str]:
    """Short column labels: the date and kind of document ('2019-12-06 referat')."""
    return {
        m: f"{d} {kind_label(k)}"
        for m, d, k in zip(meetings["meeting_id"], meetings["date"], meetings["kind"], strict=True)
    }


def theme_by_group(
    comparison: pd.DataFrame,
    group_type: str,
    codebook: Codebook,
    column_labels: dict[str, str] | None = None,
    min_group: int = 1,
) -> pd.DataFrame:
    """Share of each group's sentences coded with each theme: themes as rows (codebook order), groups as columns."""
    rows = comparison[(comparison["group_type"] == group_type) & (comparison["n_group"].astype(int) >= min_group)]
    table = rows.pivot(index="theme", columns="group", values="share").astype(float)
    table = table.reindex(codebook.ids)
    table.index = [codebook.labels()[t] for t in table.index]
    sizes = rows.drop_duplicates("group").set_index("group")["n_group"].astype(int)
    labels = column_labels or {}
    table.columns = [f"{labels.get(c, c)} (n\u00a0=\u00a0{sizes[c]})" for c in table.columns]
    table.columns.name = None
    return table


def crosswalk_matrix(crosswalk: pd.DataFrame, model: str, codebook: Codebook) -> pd.DataFrame:
    """Topics (rows) × themes (columns): the share of each topic's weight on sentences with each theme."""
    rows = crosswalk[crosswalk["model"] == model]
    rows = rows.assign(topic=rows["topic_id"].astype(str) + ": " + rows["label"])
    table = rows.pivot(index="topic", columns="theme", values="weight_share").astype(float)
    order = [t for t in [*codebook.ids, UNCODED] if t in table.columns]
    table = table[order].fillna(0.0)
    table.columns = [codebook.labels().get(c, "(ukodet)") for c in table.columns]
    table = table.loc[sorted(table.index, key=lambda label: int(label.split(":")[0]))]
    table.index.name = None
    return table


def responses_overview(responses: pd.DataFrame, codebook: Codebook, meetings: pd.DataFrame) -> pd.DataFrame:
    """Who raised which theme, and whether and by whom the government side took it up."""
    labels = meeting_labels(meetings)
    view = responses.assign(
        møte=responses["meeting_id"].map(labels),
        tema=responses["theme"].map(codebook.labels()),
        reist_av=responses["raised_by"] + " (" + responses["raised_organisation"] + ")",
        besvart=responses["answered"].map({"yes": "ja", "no": "nei"}),
        besvart_av=responses["answered_by"],
        n_setninger=responses["raised_segment_ids"].str.count(";") + 1,
    )
    return view[["møte", "tema", "reist_av", "n_setninger", "besvart", "besvart_av"]].reset_index(drop=True)


def response_rates(responses: pd.DataFrame, codebook: Codebook, lang: str = "nb") -> pd.DataFrame:
    """Per theme: civil-society speakers who raised it, and how many of them the government side answered."""
    grouped = responses.groupby("theme").agg(
        raised=("raised_by", "size"), answered=("answered", lambda a: int((a == "yes").sum()))
    )
    grouped = grouped.reindex([t for t in codebook.ids if t in grouped.index]).reset_index()
    grouped.insert(1, "label", grouped["theme"].map(codebook.labels(lang)))
    grouped["share_answered"] = (grouped["answered"] / grouped["raised"]).round(2)
    return grouped
