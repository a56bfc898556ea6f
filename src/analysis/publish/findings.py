"""Findings a figure shows, computed from the tables, in the reader's language.

A sentence that states a result (the largest share, who spoke most, the
least answered theme) is only true for the corpus it was written on, so
nothing here is typed: each function reads a built table and words the
result with `analysis.publish.words`. Alt texts are a figure's form (fixed)
plus its finding (computed), one sentence, so they change with the corpus.

Counts are always shown; a percentage only from MIN_PERCENT_N sentences,
so a reader never meets "100 %" that stands for two sentences. Names of
people and organisations are set in «», which also keeps an abbreviation's
full stop ("St. Olavs") from ending the sentence.
"""

import pandas as pd

from analysis.publish.words import text

MIN_PERCENT_N = 5  # below this many sentences a share is given as a count only
MAX_NAMED_GROUPS = 4  # groups named one by one in a finding; beyond, the corpus-wide pattern is named


# How each language writes the percent sign after a number: Norwegian with a (non-breaking) space, '38 %'
PERCENT_SIGN = {"nb": "\u00a0%", "en": "%"}


def decimal_mark(number: str, lang: str = "nb") -> str:
    """A number written with a full stop ('0.25'), as `lang` writes it: '0,25' in Norwegian, '0.25' in English."""
    return number.replace(".", ",") if lang == "nb" else number


def percent(value: float, lang: str = "nb") -> str:
    """'38 %' (nb) or '38%' (en), whole percent."""
    return f"{value:.0%}".replace("%", PERCENT_SIGN[lang])


def decimal(value: float, lang: str = "nb", digits: int = 2) -> str:
    return decimal_mark(f"{value:.{digits}f}", lang)


def share_phrase(k: int, n: int, lang: str = "nb") -> str:
    """'38 % (12 av 32 setninger)', or only '3 av 4 setninger' below MIN_PERCENT_N."""
    counted = text("k_of_n_sentences", lang, k=k, n=n)
    return counted if n < MIN_PERCENT_N else f"{percent(k / n, lang)} ({counted})"


def quoted(name: str) -> str:
    return f"«{name}»"


def top_speaker(by_speaker: pd.DataFrame, lang: str = "nb") -> str:
    """Who is credited with most sentences in the corpus, and how many sentences have no speaker."""
    no_speaker = text("no_speaker", lang)  # as views.sentences_per_speaker wrote it in `lang`
    spoken = by_speaker[by_speaker["speaker"] != no_speaker]
    total = int(by_speaker["n_sentences"].sum())
    if spoken.empty:
        return text("finding_no_speakers", lang, n=total)
    per_person = spoken.groupby(["speaker", "organisation"], sort=True)["n_sentences"].sum()
    (speaker, organisation), k = per_person.sort_values(ascending=False, kind="stable").index[0], per_person.max()
    who = quoted(speaker) + (f" ({quoted(organisation)})" if organisation else "")
    unattributed = total - int(spoken["n_sentences"].sum())
    return text("finding_top_speaker", lang, who=who, share=share_phrase(int(k), total, lang), none=unattributed)


def largest_theme_per_group(
    comparison: pd.DataFrame, group_type: str, labels: dict[str, str], group_labels: dict[str, str], lang: str = "nb"
) -> str:
    """Each group's most coded theme (up to MAX_NAMED_GROUPS groups named), or the theme that leads most groups."""
    rows = comparison[comparison["group_type"] == group_type].astype({"n_segments": int, "n_group": int})
    rows = rows[rows["n_segments"] > 0]
    if rows.empty:
        return text("finding_nothing_coded", lang)
    order = {t: i for i, t in enumerate(labels)}
    leaders = rows.sort_values(
        ["group", "n_segments", "theme"],
        ascending=[True, False, True],
        key=lambda c: c.map(order) if c.name == "theme" else c,
        kind="stable",
    ).drop_duplicates("group")
    if len(leaders) <= MAX_NAMED_GROUPS:
        parts = [
            text(
                "finding_group_leader",
                lang,
                group=group_labels.get(g, g),
                theme=labels.get(t, t),
                share=share_phrase(k, n, lang),
            )
            for g, t, k, n in leaders[["group", "theme", "n_segments", "n_group"]].itertuples(index=False)
        ]
        return "; ".join(parts)
    counts = leaders["theme"].value_counts()
    theme = min(counts[counts == counts.max()].index, key=lambda t: order.get(t, len(order)))
    return text("finding_common_leader", lang, theme=labels.get(theme, theme), k=int(counts.max()), n=len(leaders))


def standout_group(
    comparison: pd.DataFrame,
    group_type: str,
    labels: dict[str, str],
    min_group: int = MIN_PERCENT_N,
    lang: str = "nb",
) -> str:
    """The (group, theme) whose share lies furthest above that theme's share in the whole corpus.

    Only groups with at least `min_group` sentences compete, and the
    result is given in counts beside the corpus-wide share, so a reader
    sees both what stands out and on how much it rests.
    """
    meetings = comparison[comparison["group_type"] == "meeting"].astype({"n_segments": int, "n_group": int})
    overall = meetings.groupby("theme")["n_segments"].sum() / meetings.groupby("theme")["n_group"].sum()
    rows = comparison[comparison["group_type"] == group_type].astype({"n_segments": int, "n_group": int})
    rows = rows[(rows["n_group"] >= min_group) & (rows["n_segments"] > 0)]
    if rows.empty:
        return text("finding_no_standout", lang, n=min_group)
    lift = rows["n_segments"] / rows["n_group"] - rows["theme"].map(overall)
    best = rows.loc[lift.sort_values(ascending=False, kind="stable").index[0]]
    return text(
        "finding_standout",
        lang,
        group=quoted(best["group"]),
        theme=labels.get(best["theme"], best["theme"]),
        k=int(best["n_segments"]),
        n=int(best["n_group"]),
        overall=percent(float(overall[best["theme"]]), lang),
    )


def largest_correction(
    comparison: pd.DataFrame,
    group_type: str,
    labels: dict[str, str],
    group_labels: dict[str, str],
    lang: str = "nb",
) -> str:
    """Where correcting for coding error moves a share most (groups of at least MIN_PERCENT_N sentences)."""
    rows = comparison[comparison["group_type"] == group_type]
    if rows.empty:  # no speaker of any actor type (agendas, news without speakers)
        return text("finding_no_groups", lang, group=text(f"group_{group_type}", lang))
    rows = rows.assign(corrected=pd.to_numeric(rows["corrected"], errors="coerce"), share=rows["share"].astype(float))
    rows = rows[rows["corrected"].notna() & (rows["n_group"].astype(int) >= MIN_PERCENT_N)]
    if rows.empty:
        return text("finding_no_correction", lang)
    gap = (rows["corrected"] - rows["share"]).abs()
    best = rows.loc[gap.sort_values(ascending=False, kind="stable").index[0]]
    return text(
        "finding_correction",
        lang,
        theme=labels.get(best["theme"], best["theme"]),
        group=group_labels.get(best["group"], best["group"]),
        raw=percent(float(best["share"]), lang),
        corrected=percent(float(best["corrected"]), lang),
    )


def chosen_models(selection: pd.DataFrame, lang: str = "nb") -> str:
    """The k each model chose, with its coherence and seed stability."""
    chosen = selection[selection["chosen"] == "yes"]
    if chosen.empty:
        return text("finding_no_topics", lang)
    return "; ".join(
        text(
            "finding_chosen_k",
            lang,
            model=str(m).upper(),
            k=int(k),
            coherence=decimal(float(c), lang),
            stability=decimal(float(s), lang),
        )
        for m, k, c, s in chosen[["model", "k", "coherence", "stability"]].itertuples(index=False)
    )


def stable_topics(quality: pd.DataFrame, model: str | None = None, lang: str = "nb") -> str:
    """How many topics of each model (or of `model`) other subsamples and seeds reproduce."""
    rows = quality if model is None else quality[quality["model"] == model]
    if rows.empty:
        return text("finding_no_topics", lang)
    return "; ".join(
        text(
            "finding_stable_topics",
            lang,
            model=str(m).upper(),
            k=int((part["stable"] == "yes").sum()),
            n=len(part),
        )
        for m, part in rows.groupby("model", sort=False)
    )


def heaviest_terms(topics: pd.DataFrame, model: str, lang: str = "nb", n_terms: int = 3) -> str:
    """Each topic's heaviest terms (up to MAX_NAMED_GROUPS topics)."""
    rows = topics[topics["model"] == model].astype({"topic_id": int, "rank": int})
    if rows.empty:
        return text("finding_no_topics", lang)
    parts = [
        text("finding_topic_terms", lang, topic=t, terms=", ".join(part.sort_values("rank")["term"].head(n_terms)))
        for t, part in rows.groupby("topic_id", sort=True)
    ]
    more = len(parts) - MAX_NAMED_GROUPS
    return "; ".join(parts[:MAX_NAMED_GROUPS]) + (text("finding_and_more", lang, n=more) if more > 0 else "")


def crosswalk_leaning(matrix: pd.DataFrame, uncoded: str, lang: str = "nb") -> str:
    """The topic–theme pair with the largest weight share, and the topic most on uncoded sentences."""
    if matrix.empty:
        return text("finding_no_topics", lang)
    themes = matrix.drop(columns=[uncoded], errors="ignore")
    stacked = themes.stack()
    topic, theme = stacked.sort_values(ascending=False, kind="stable").index[0]
    found = text("finding_crosswalk", lang, topic=topic, theme=theme, share=percent(float(stacked.max()), lang))
    if uncoded in matrix.columns:
        column = matrix[uncoded].sort_values(ascending=False, kind="stable")
        found += text(
            "finding_crosswalk_uncoded", lang, topic=column.index[0], share=percent(float(column.iloc[0]), lang)
        )
    return found


def least_answered(rates: pd.DataFrame, lang: str = "nb") -> str:
    """The theme civil society raised most, and the one the government side took up least, with counts."""
    if rates.empty:
        return text("finding_nothing_raised", lang)
    most = rates.sort_values("raised", ascending=False, kind="stable").iloc[0]
    least = (
        rates.assign(rate=rates["answered"] / rates["raised"])
        .sort_values(["rate", "raised"], ascending=[True, False], kind="stable")
        .iloc[0]
    )
    return text(
        "finding_answered",
        lang,
        most=most["label"],
        raised=int(most["raised"]),
        answered=int(most["answered"]),
        least=least["label"],
        least_raised=int(least["raised"]),
        least_answered=int(least["answered"]),
    )


def periods(trends: pd.DataFrame, lang: str = "nb") -> str:
    """How many periods the time axis has, and whether that is enough for a trend."""
    rows = trends[trends["group_type"] == "all"]
    if rows.empty:
        return text("finding_no_dates", lang)
    n = int(rows["period_order"].nunique())
    unit = text(f"unit_{rows['resolution'].iloc[0]}", lang, n=n)
    return text("finding_periods", lang, n=n, unit=unit) + (
        text("finding_too_few_periods", lang) if rows["smoothed"].isna().all() else ""
    )


def recurring_themes(trends: pd.DataFrame, lang: str = "nb") -> str:
    """How many themes were raised in more than one period of the time axis."""
    if not (trends["group_type"] == "all").any():  # no dated document: no period, whatever was coded
        return text("finding_no_dates", lang)
    rows = trends[(trends["group_type"] == "all") & (trends["n_meetings_raised"].astype(int) > 0)]
    if rows.empty:
        return text("finding_nothing_coded", lang)
    per_theme = rows.groupby("theme")["period"].nunique()
    return text(
        "finding_recurring",
        lang,
        k=int((per_theme > 1).sum()),
        n=len(per_theme),
        periods=int(trends["period_order"].nunique()),
    )


def alt_text(figure: str, finding: str, lang: str = "nb", **values: object) -> str:
    """A figure's alt text: its form (`alt_<figure>` in the string table), a colon, and its computed finding."""
    return text(f"alt_{figure}", lang, **values) + ": " + finding.rstrip(".") + "."
