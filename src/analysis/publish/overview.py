"""Corpus-at-a-glance tables for the first notebook: what is in the corpus and who speaks in it."""

import pandas as pd

from analysis.publish.words import text

NO_SPEAKER = text("no_speaker")


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


def sentences_per_speaker(segments: pd.DataFrame) -> pd.DataFrame:
    """Sentences attributed to each speaker per meeting, with the share of that meeting's sentences."""
    table = segments.assign(speaker=segments["speaker"].replace("", NO_SPEAKER))
    counts = (
        table.groupby(["meeting_id", "speaker", "organisation"], sort=True).size().rename("n_sentences").reset_index()
    )
    totals = counts.groupby("meeting_id")["n_sentences"].transform("sum")
    counts["share"] = (counts["n_sentences"] / totals).round(3)
    return counts.sort_values(
        ["meeting_id", "n_sentences", "speaker"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)


def attribution_rules(segments: pd.DataFrame) -> pd.DataFrame:
    """How each sentence got its speaker, so a reader can judge how much rests on inference."""
    rules = segments.assign(attribution=segments["attribution"].replace("", "(none)"))
    return rules.groupby(["meeting_id", "attribution"], sort=True).size().rename("n_sentences").reset_index()
