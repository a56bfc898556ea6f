"""What the notebooks show a reader: the corpus at a glance, the coding and its evidence, comparisons as pivots.

Each function takes built tables and returns a table (or HTML) ready to
display, with labels from `analysis.publish.words` and themes in codebook
order; the notebooks hold no table logic of their own.
"""

import html
import re

import pandas as pd

from analysis.base.config import MIN_TREND_PERIODS
from analysis.coding.agreement import MIN_JUDGED, POOLED, WEAK_F1, trusted_rows, weak_themes
from analysis.coding.codebook import Codebook
from analysis.coding.codes import UNCODED
from analysis.coding.organisations import ACTOR_TYPES
from analysis.language.layout import alternation
from analysis.publish.findings import decimal, share_phrase
from analysis.publish.findings import percent as as_percent
from analysis.publish.plots import MAX_SHARE_PANELS, file_words, largest_groups
from analysis.publish.words import DEFAULT_LANGUAGE, WORDS, kind_label, text

# Any table, as a reader sees it


def column_label(column: object, lang: str = DEFAULT_LANGUAGE) -> object:
    """A table column's name in the reader's words (`col_<name>` in the string table), else as it is."""
    return text(f"col_{column}", lang) if isinstance(column, str) and f"col_{column}" in WORDS[lang] else column


MAX_DECIMALS = 6  # as many as pandas shows of a float
NOT_APPLICABLE = "–"  # a value a table cannot have there (a precision with nothing found), where pandas says NaN


def _written_decimals(values: pd.Series, lang: str) -> pd.Series:
    """A column of numbers as `lang` writes them, each with as many decimals as the column's most precise value needs
    (at least one, at most MAX_DECIMALS, as pandas shows a float column): '0,0363', '1,0000' in Norwegian; a missing
    one as NOT_APPLICABLE."""
    present = values.dropna().astype(float)
    places = next((d for d in range(1, MAX_DECIMALS) if all(round(v, d) == v for v in present)), MAX_DECIMALS)
    return values.map(lambda v: NOT_APPLICABLE if pd.isna(v) else decimal(float(v), lang, places))


def for_reader(table: pd.DataFrame, lang: str = DEFAULT_LANGUAGE, themes: dict[str, str] | None = None) -> pd.DataFrame:
    """The table with its column names, yes/no values, document kinds, the names of tests, (given `themes`) theme
    ids and its numbers in `lang`.

    The built tables keep their stable English names and codes for code
    that reads them; only what is displayed is translated, so a reader of
    the Norwegian report meets no `chosen`/`yes` beside `besvart`/`ja`,
    and no '0.25' (pandas' decimal point) in a table beside '0,25' in the text, nor pandas' NaN.
    """
    shown = table.copy()
    for column in shown.columns:
        values = shown[column]
        textual = pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)
        if textual and len(values) and set(values.dropna().astype(str)) <= {"yes", "no"}:
            shown[column] = values.map(lambda v: text(v, lang) if v in ("yes", "no") else v)
        elif textual and any(f"value_{v}" in WORDS[lang] for v in values.dropna().astype(str)):
            shown[column] = values.map(lambda v: text(f"value_{v}", lang) if f"value_{v}" in WORDS[lang] else v)
        elif pd.api.types.is_float_dtype(values):
            shown[column] = _written_decimals(values, lang)  # pandas writes a point, and NaN, in every language
    if "kind" in shown.columns:
        shown["kind"] = shown["kind"].map(lambda k: kind_label(k, lang))
    if themes and "theme" in shown.columns:
        shown["theme"] = shown["theme"].map(lambda t: themes.get(t, t))
    shown = shown.rename(columns=lambda c: column_label(c, lang))
    shown.columns.names = [column_label(n, lang) for n in shown.columns.names]
    shown.index.names = [column_label(n, lang) for n in shown.index.names]
    return shown


# The corpus at a glance (notebook 01)


def documents(meetings: pd.DataFrame) -> pd.DataFrame:
    """One line per document with the counts a reader checks first."""
    columns = ["meeting_id", "date", "kind", "title", "chair", "n_attendees", "n_segments"]
    return meetings[columns].sort_values(["date", "meeting_id"]).reset_index(drop=True)


def attendees_by_organisation(attendees: pd.DataFrame) -> pd.DataFrame:
    """People present per organisation and meeting, largest delegations first."""
    present = attendees[attendees["status"] == "present"]
    table = (
        present.groupby(["meeting_id", "organisation"], sort=True)
        .agg(n_people=("name", "size"), people=("name", lambda names: "; ".join(names)))
        .reset_index()
    )
    return table.sort_values(
        ["meeting_id", "n_people", "organisation"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)


def sentences_per_speaker(segments: pd.DataFrame, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """Sentences attributed to each speaker per meeting, with the share of that meeting's sentences."""
    table = segments.assign(speaker=segments["speaker"].replace("", text("no_speaker", lang)))
    counts = (
        table.groupby(["meeting_id", "speaker", "organisation"], sort=True).size().rename("n_sentences").reset_index()
    )
    totals = counts.groupby("meeting_id")["n_sentences"].transform("sum")
    counts["share"] = (counts["n_sentences"] / totals).round(3)
    return counts.sort_values(
        ["meeting_id", "n_sentences", "speaker"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)


def attribution_rules(segments: pd.DataFrame, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """How each sentence got its speaker, so a reader can judge how much rests on inference."""
    rules = segments.assign(attribution=segments["attribution"].replace("", text("no_attribution", lang)))
    return rules.groupby(["meeting_id", "attribution"], sort=True).size().rename("n_sentences").reset_index()


# The theme coding and its evidence (notebook 02)


def codebook_table(codebook: Codebook, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """The codebook as a reader sees it, with how many patterns of each kind find a theme.

    The definitions are written in English only (`data/codebook.yml`, after
    `docs/codebook-spec.md`), so the Norwegian view leaves them out rather
    than mix languages; the narrative points to the specification.
    """
    rows = []
    for t in codebook.themes:
        row = {"id": t.id, "label": t.label_nb if lang == "nb" else t.label_en}
        if lang == "en":
            row["definition"] = t.definition
        rows.append(
            row
            | {
                "lemmas": len(t.lemmas),
                "prefixes": len(t.prefixes) + len(t.suffixes),
                "phrases": len(t.phrases),
                "patterns": len(t.patterns),
                "exclusions": len(t.exclude),
            }
        )
    return pd.DataFrame(rows)


def parse_summary(summary: pd.DataFrame, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """The parse scores per field (`Evaluation.summary`), fields named in `lang`, for `for_reader`."""
    names = summary["field"].map(lambda f: text(f"field_{f}", lang) if f"field_{f}" in WORDS[lang] else f)
    return summary.assign(field=names).set_index("field")


def theme_frequencies(
    codes: pd.DataFrame, segments: pd.DataFrame, codebook: Codebook, labels: dict[str, str] | None = None
) -> pd.DataFrame:
    """Coded sentences per meeting and theme, with their share of the meeting's sentences.

    Long format (meeting_id, theme, label_nb, n_segments, share): every
    theme appears for every meeting, zero included, so a plot or a
    comparison never silently drops an absent theme.
    """
    merged = codes.merge(segments[["segment_id", "meeting_id"]], on="segment_id", how="left")
    counts = merged.groupby(["meeting_id", "theme"]).size()
    totals = segments.groupby("meeting_id").size()
    labels = labels or codebook.labels()
    rows = []
    for meeting_id in sorted(totals.index):
        for t in codebook.themes:
            n = int(counts.get((meeting_id, t.id), 0))
            rows.append(
                {
                    "meeting_id": meeting_id,
                    "theme": t.id,
                    "label_nb": labels[t.id],
                    "n_segments": n,
                    "share": round(n / int(totals[meeting_id]), 3),
                }
            )
    return pd.DataFrame(rows)


def highlight(sentence: str, evidence: str) -> str:
    """The sentence as HTML with each evidence string marked."""
    words = sorted((w for w in evidence.split("; ") if w), key=len, reverse=True)
    if not words:
        return html.escape(sentence)
    pattern = re.compile(alternation(words))
    parts, last = [], 0
    for m in pattern.finditer(sentence):
        parts += [html.escape(sentence[last : m.start()]), f"<mark>{html.escape(m.group(0))}</mark>"]
        last = m.end()
    parts.append(html.escape(sentence[last:]))
    return "".join(parts)


def evidence_html(
    codes: pd.DataFrame, segments: pd.DataFrame, codebook: Codebook, per_theme: int = 3, lang: str = DEFAULT_LANGUAGE
) -> str:
    """For each theme, its first coded sentences with speaker and the matched words marked."""
    merged = codes.merge(segments, on="segment_id", how="left")
    out = []
    for t in codebook.themes:
        rows = merged[merged["theme"] == t.id]
        count = text("n_sentences_short", lang, n=len(rows))
        label = t.label_nb if lang == "nb" else t.label_en
        out.append(f"<h4>{html.escape(label)} <small>({t.id}, {count})</small></h4>")
        if rows.empty:
            out.append(f"<p><em>{text('no_coded_sentences', lang)}</em></p>")
            continue
        items = []
        for r in rows.head(per_theme).itertuples(index=False):
            who = html.escape(r.speaker) + ", " if r.speaker else ""  # a narrative sentence has no speaker to name
            items.append(
                f'<li><span lang="no">{highlight(r.text, r.evidence)}</span> '  # a quote: Norwegian in any report
                f"<small>— {who}<code>{r.segment_id}</code>"
                f"{' · ' + text('manual', lang) if r.source == 'manual' else ''}</small></li>"
            )
        out.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join(out)


WEAK_MARK = "\u2009†"


def theme_labels(codebook: Codebook, agreement: pd.DataFrame, lang: str = "nb") -> dict[str, str]:
    """Each theme's label, with † after the weak ones (`weak_themes`), for every table and figure that shows themes."""
    weak = set(weak_themes(agreement, codebook.ids))
    return {t: label + (WEAK_MARK if t in weak else "") for t, label in codebook.labels(lang).items()}


def weak_note(codebook: Codebook, agreement: pd.DataFrame, lang: str = "nb") -> str:
    """The caption's key to †, or nothing when no theme is marked."""
    if not weak_themes(agreement, codebook.ids):
        return ""
    threshold = decimal(WEAK_F1, lang)
    return " " + text("weak_note", lang, threshold=threshold, min_judged=MIN_JUDGED)


def _with_interval(value: float, low: float, high: float, percent: bool = False, lang: str = DEFAULT_LANGUAGE) -> str:
    """'6 % (0 %–17 %)', '0,78 (0,62–0,86)': a value and its interval as `lang` writes numbers."""
    if pd.isna(value):
        return NOT_APPLICABLE
    shown = (lambda x: as_percent(x, lang)) if percent else (lambda x: decimal(x, lang))
    return f"{shown(value)} ({shown(low)}–{shown(high)})" if not pd.isna(low) else shown(value)


def agreement_summary(agreement: pd.DataFrame, codebook: Codebook, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """agreement.csv as a reader scans it: each score with its 95 % interval, themes in codebook order."""
    labels = codebook.labels(lang) | {"micro": text("micro", lang), "macro": text("macro", lang)}
    view = pd.DataFrame({"coder": agreement["coder"], "theme": agreement["theme"].map(labels)})
    view["n_hand"] = agreement["n_hand"].astype(int)
    view["n_auto"] = agreement["n_auto"].astype(int)
    for score in ("precision", "recall", "f1"):
        view[score] = [
            _with_interval(*values, lang=lang)
            for values in agreement[[score, f"{score}_low", f"{score}_high"]].astype(float).itertuples(index=False)
        ]
    view["cohen_kappa"] = agreement["cohen_kappa"].astype(float)
    view["krippendorff_alpha"] = agreement["krippendorff_alpha"].astype(float)
    view["judged"] = agreement["judged"]
    return view.reset_index(drop=True)


def trust_markdown(
    agreement: pd.DataFrame, coder_agreement: pd.DataFrame, codebook: Codebook, lang: str = DEFAULT_LANGUAGE
) -> str:
    """How far each theme can be trusted, computed from the validation tables, as Markdown.

    Names the hand coders and the sentences they coded, the themes that
    reach WEAK_F1 (with their intervals), the weak ones and the ones with too
    few hand-coded sentences to judge, and the agreement between coders.
    """
    if agreement.empty:
        return text("trust_none", lang)
    rows = trusted_rows(agreement).set_index("theme")
    coders = sorted(c for c in agreement["coder"].unique() if c != POOLED)
    labels = codebook.labels(lang)
    micro = rows.loc["micro"]
    judged = [t for t in codebook.ids if rows.loc[t, "judged"] == "yes"]
    strong = [t for t in judged if float(rows.loc[t, "f1"]) >= WEAK_F1]
    weak = [t for t in judged if float(rows.loc[t, "f1"]) < WEAK_F1]
    few = [t for t in codebook.ids if t not in judged]
    bar = decimal(WEAK_F1, lang)

    def interval(row: pd.Series, score: str) -> str:
        return _with_interval(float(row[score]), float(row[f"{score}_low"]), float(row[f"{score}_high"]), lang=lang)

    def scored(theme: str) -> str:
        return f"{labels[theme]} {interval(rows.loc[theme], 'f1')}"

    who = (
        f"`{coders[0]}`"
        if len(coders) == 1
        else text("trust_coders", lang, n=len(coders), names=", ".join(f"`{c}`" for c in coders))
    )
    lines = [text("trust_head", lang, n=int(micro["n_sentences"]), who=who, f1=interval(micro, "f1"))]
    if strong:
        lines.append("\n" + text("trust_strong", lang, bar=bar, n=len(strong), themes="; ".join(map(scored, strong))))
    if weak:
        lines.append(text("trust_weak", lang, bar=bar, n=len(weak), themes="; ".join(map(scored, weak))))
    if few:
        counts = "; ".join(f"{labels[t]} ({int(rows.loc[t, 'n_hand'])})" for t in few)
        lines.append(text("trust_few", lang, min_judged=MIN_JUDGED, themes=counts))
    if weak or few:
        lines.append("\n" + text("trust_marked", lang, n=len(weak) + len(few)))
    if coder_agreement.empty:
        lines.append("\n" + text("trust_one_coder", lang))
    else:
        pooled = coder_agreement.set_index("theme").loc["micro"]
        lines.append(
            "\n"
            + text(
                "trust_between",
                lang,
                n=int(pooled["n_sentences"]),
                alpha=decimal(float(pooled["krippendorff_alpha"]), lang),
                kappa=decimal(float(pooled["cohen_kappa"]), lang),
            )
        )
    return "\n".join(lines)


def raw_and_corrected(
    comparison: pd.DataFrame,
    group_type: str,
    labels: dict[str, str],
    column_labels: dict[str, str] | None = None,
    min_group: int = 1,
    lang: str = "nb",
) -> pd.DataFrame:
    """Themes as rows; for each group the raw share and the share corrected for coding error, each with its interval.

    A corrected cell reads "–" where the theme had too few hand-coded
    sentences to be corrected (`theme_comparison.csv` says why in `correction`).
    Only the MAX_SHARE_PANELS largest groups are shown, as in the chart
    beside it; `theme_comparison.csv` has them all.
    """
    rows = comparison[(comparison["group_type"] == group_type) & (comparison["n_group"].astype(int) >= min_group)]
    rows = rows[rows["group"].isin(largest_groups(rows, MAX_SHARE_PANELS))]
    names = column_labels or {}
    raw, corrected = text("raw_short", lang), text("corrected_short", lang)
    view = pd.DataFrame(
        {
            "theme": rows["theme"].map(labels),
            "group": [
                f"{names.get(g, g)} (n\u00a0=\u00a0{n})" for g, n in zip(rows["group"], rows["n_group"], strict=True)
            ],
            raw: [
                _with_interval(*v, percent=True, lang=lang)
                for v in rows[["share", "ci_low", "ci_high"]].astype(float).itertuples(index=False)
            ],
            corrected: [
                _with_interval(*v, percent=True, lang=lang)
                for v in rows[["corrected", "corrected_low", "corrected_high"]]
                .apply(pd.to_numeric, errors="coerce")
                .itertuples(index=False)
            ],
        }
    )
    table = view.pivot(index="theme", columns="group", values=[raw, corrected])
    groups = list(dict.fromkeys(view["group"]))
    table = table[[(kind, g) for g in groups for kind in (raw, corrected)]]
    table.columns = [f"{g}: {kind}" for kind, g in table.columns]  # one header row: reads in HTML and CSV alike
    table = table.reindex([labels[t] for t in labels if labels[t] in table.index])
    table.index.name = None
    return table


# Topics and comparisons as pivots (notebooks 03 and 04)


def actor_labels(lang: str = "nb") -> dict[str, str]:
    """Actor types (the register's `actor_type`) in the reader's words."""
    return {a: text(f"actor_{a}", lang) for a in ACTOR_TYPES}


def meeting_labels(meetings: pd.DataFrame, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Short column labels: the date and kind of document ('2019-12-06 referat').

    An undated document has its kind and its file name's words instead
    ('nyhetssak · ffo ledermote hvor gar…'): twenty undated news items are
    not 'nyhetssak' to 'nyhetssak #20'. Labels stay unique, as columns must:
    a second document of the same label is '… #2', numbered in meeting-id order.
    """
    labels, seen = {}, {}
    for m, d, k in sorted(zip(meetings["meeting_id"], meetings["date"], meetings["kind"], strict=True)):
        label = f"{d} {kind_label(k, lang)}" if d else f"{kind_label(k, lang)} · {file_words(m)}"
        seen[label] = seen.get(label, 0) + 1
        labels[m] = label if seen[label] == 1 else f"{label} #{seen[label]}"
    return {m: labels[m] for m in meetings["meeting_id"]}


def shown_share(comparison: pd.DataFrame) -> str:
    """The share a reader is shown: "corrected" where hand codes allow any correction, else the raw "share".

    A corpus without hand codes of its own has no corrected share at all; a
    chart of blanks would say nothing, so it shows raw shares and says so.
    """
    corrected = pd.to_numeric(comparison.get("corrected", pd.Series(dtype=float)), errors="coerce")
    return "corrected" if corrected.notna().any() else "share"


def share_words(key: str, shown: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A caption in the reader's language for the share shown: `key` for corrected shares, `key_raw` for raw ones."""
    return text(key if shown == "corrected" else f"{key}_raw", lang)


def share_note(shown: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """What a colour bar adds to its label: " (corrected for coding error)", or nothing for raw shares."""
    return f" ({text('corrected', lang)})" if shown == "corrected" else ""


def theme_by_group(
    comparison: pd.DataFrame,
    group_type: str,
    codebook: Codebook,
    column_labels: dict[str, str] | None = None,
    min_group: int = 1,
    labels: dict[str, str] | None = None,
    value: str = "share",
) -> pd.DataFrame:
    """Share of each group's sentences coded with each theme: themes as rows (codebook order), groups as columns
    (meetings in the order of their labels, so by date; other groups by name).

    `value="corrected"` gives the shares corrected for coding error (blank
    where a theme has too few hand codes to correct).
    """
    rows = comparison[(comparison["group_type"] == group_type) & (comparison["n_group"].astype(int) >= min_group)]
    rows = rows.assign(**{value: pd.to_numeric(rows[value], errors="coerce")})
    table = rows.pivot(index="theme", columns="group", values=value).astype(float)
    table = table.reindex(codebook.ids)
    table.index = [(labels or codebook.labels())[t] for t in table.index]
    sizes = rows.drop_duplicates("group").set_index("group")["n_group"].astype(int)
    labels = column_labels or {}
    if group_type == "meeting":  # a meeting's label starts with its date: meetings read in time order
        table = table[sorted(table.columns, key=lambda c: (labels.get(c, c), c))]
    table.columns = [f"{labels.get(c, c)} (n\u00a0=\u00a0{sizes[c]})" for c in table.columns]
    table.columns.name = None
    return table


def unstable_topics(quality: pd.DataFrame, model: str) -> frozenset[int]:
    """Topic ids of `model` that other subsamples and seeds do not reproduce (`topic_stability.csv`)."""
    rows = quality[(quality["model"] == model) & (quality["stable"] == "no")]
    return frozenset(int(t) for t in rows["topic_id"])


def unstable_note(quality: pd.DataFrame, model: str, lang: str = "nb") -> str:
    """The caption's key to the unstable mark, or nothing when every topic of `model` is stable."""
    return " " + text("unstable_note", lang) if unstable_topics(quality, model) else ""


def stability_markdown(quality: pd.DataFrame, threshold: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """Which topics of each chosen model are stable, computed from `topic_stability.csv`, as Markdown."""
    if quality.empty:
        return text("finding_no_topics", lang).capitalize() + "."
    lines = []
    for model, part in quality.groupby("model", sort=False):
        part = part.sort_values("topic_id")
        unstable = part[part["stable"] == "no"]
        named = "; ".join(
            f"{t} *{label}* ({decimal(float(score), lang)})"
            for t, label, score in unstable[["topic_id", "label", "stability"]].itertuples(index=False)
        )
        line = text(
            "stability_line",
            lang,
            model=str(model).upper(),
            k=len(part),
            stable=len(part) - len(unstable),
            threshold=decimal(threshold, lang),
        )
        lines.append(line + (text("stability_unstable", lang, topics=named) if len(unstable) else "."))
    lines.append("\n" + text("stability_note", lang, mark=text("unstable", lang)))
    return "\n".join(lines)


def crosswalk_matrix(
    crosswalk: pd.DataFrame,
    model: str,
    codebook: Codebook,
    labels: dict[str, str] | None = None,
    unstable: frozenset[int] = frozenset(),
    lang: str = DEFAULT_LANGUAGE,
) -> pd.DataFrame:
    """Topics (rows) × themes (columns): the share of each topic's weight on sentences with each theme."""
    rows = crosswalk[crosswalk["model"] == model]
    mark = rows["topic_id"].astype(int).isin(unstable).map({True: f" ({text('unstable', lang)})", False: ""})
    rows = rows.assign(topic=rows["topic_id"].astype(str) + ": " + rows["label"] + mark)
    table = rows.pivot(index="topic", columns="theme", values="weight_share").astype(float)
    order = [t for t in [*codebook.ids, UNCODED] if t in table.columns]
    table = table[order].fillna(0.0)
    table.columns = [(labels or codebook.labels(lang)).get(c, text("uncoded", lang)) for c in table.columns]
    table = table.loc[sorted(table.index, key=lambda label: int(label.split(":")[0]))]
    table.index.name = None
    return table


def responses_overview(
    responses: pd.DataFrame, codebook: Codebook, meetings: pd.DataFrame, lang: str = DEFAULT_LANGUAGE
) -> pd.DataFrame:
    """Who raised which theme, and whether and by whom the government side took it up."""
    view = responses.assign(
        meeting=responses["meeting_id"].map(meeting_labels(meetings, lang)),
        theme=responses["theme"].map(codebook.labels(lang)),
        raised_by=responses["raised_by"] + " (" + responses["raised_organisation"] + ")",
        n_sentences=responses["raised_segment_ids"].str.count(";") + 1,
    )
    return view[["meeting", "theme", "raised_by", "n_sentences", "answered", "answered_by"]].reset_index(drop=True)


def response_rates(responses: pd.DataFrame, codebook: Codebook, lang: str = "nb") -> pd.DataFrame:
    """Per theme: civil-society speakers who raised it, and how many of them the government side answered."""
    grouped = responses.groupby("theme").agg(
        raised=("raised_by", "size"), answered=("answered", lambda a: int((a == "yes").sum()))
    )
    grouped = grouped.reindex([t for t in codebook.ids if t in grouped.index]).reset_index()
    grouped = grouped.astype({"raised": int, "answered": int})  # counts, also when nobody raised anything
    grouped.insert(1, "label", grouped["theme"].map(codebook.labels(lang)))
    grouped["share_answered"] = (grouped["answered"] / grouped["raised"]).round(2)
    return grouped


# Change over time (notebook 04)


def raised_by_period(trends: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Themes (rows) × periods (columns): the share of the period's meetings in which the theme was raised."""
    rows = trends[trends["group_type"] == "all"]
    rows = rows.assign(raised=rows["n_meetings_raised"].astype(float) / rows["n_meetings"].astype(float))
    table = rows.pivot(index="theme", columns="period_order", values="raised")
    names = rows.drop_duplicates("period_order").set_index("period_order")["period_label"]
    counts = rows.drop_duplicates("period_order").set_index("period_order")["n_meetings"].astype(int)
    table = table.reindex([t for t in labels if t in table.index])
    table.index = [labels[t] for t in table.index]
    table.columns = [f"{names[p]} (n\u00a0=\u00a0{counts[p]})" if counts[p] > 1 else names[p] for p in table.columns]
    return table


def trend_markdown(
    trends: pd.DataFrame, meetings: pd.DataFrame, labels: dict[str, str], lang: str = DEFAULT_LANGUAGE
) -> str:
    """What the time axis can and cannot say, computed from `theme_trends.csv` and the meetings, as Markdown.

    Counts the meetings placed and left out; below MIN_TREND_PERIODS periods
    it says there is no trend to read; from there on it names the largest
    rise and fall between the first and last third of the periods (pooled
    shares with their sentence counts), as a description, not a test.
    """
    rows = trends[trends["group_type"] == "all"]
    if not len(rows):
        return text("trend_no_dates", lang, n=len(meetings))
    placed = set(rows["period"]) if rows["resolution"].eq("meeting").all() else None
    n_periods = rows["period_order"].nunique()
    resolution = str(rows["resolution"].iloc[0])
    n_placed = len(placed) if placed is not None else int(rows.drop_duplicates("period")["n_meetings"].sum())
    left_out = len(meetings) - n_placed
    first, last = rows["period_label"].iloc[0], rows.sort_values("period_order")["period_label"].iloc[-1]
    unit = text(f"unit_{resolution}", lang, n=n_periods)
    lines = [
        text("trend_placed", lang, n=n_placed, first=first, last=last, periods=n_periods, unit=unit)
        + (text("trend_left_out", lang, n=left_out) if left_out else ".")
    ]
    if n_periods < MIN_TREND_PERIODS:
        between = text("trend_these_meetings" if resolution == "meeting" else "trend_these_periods", lang)
        lines.append("\n" + text("trend_too_few", lang, n=n_periods, unit=unit, min=MIN_TREND_PERIODS, between=between))
        return "\n".join(lines)
    third = max(1, n_periods // 3)
    early = rows[rows["period_order"] < third].groupby("theme")[["n_segments", "n_sentences"]].sum()
    late = rows[rows["period_order"] >= n_periods - third].groupby("theme")[["n_segments", "n_sentences"]].sum()
    change = (late["n_segments"] / late["n_sentences"] - early["n_segments"] / early["n_sentences"]).dropna()
    if change.empty:
        return "\n".join(lines)

    def described(theme: str) -> str:
        a, b = early.loc[theme], late.loc[theme]
        return text(
            "trend_change",
            lang,
            theme=labels.get(theme, theme),
            before=share_phrase(int(a["n_segments"]), int(a["n_sentences"]), lang),
            after=share_phrase(int(b["n_segments"]), int(b["n_sentences"]), lang),
        )

    lines.append(
        "\n"
        + text(
            "trend_rise_fall",
            lang,
            n=third,
            unit=text(f"unit_{resolution}", lang, n=third),
            rise=described(change.idxmax()),
            fall=described(change.idxmin()),
        )
    )
    return "\n".join(lines)
