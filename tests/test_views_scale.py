"""What a reader sees stays right on corpora unlike ours: many meetings on one day, no hand codes of its own."""

import math

import pandas as pd

from analysis.publish import views
from analysis.publish.plots import MAX_SHARE_PANELS
from analysis.publish.words import text


def test_meeting_labels_stay_unique_when_documents_share_date_and_kind() -> None:
    meetings = pd.DataFrame(
        {
            "meeting_id": ["b", "a", "c", "d"],
            "date": ["2020-01-01", "2020-01-01", "2020-01-01", "2020-02-01"],
            "kind": ["minutes", "minutes", "news", "minutes"],
        }
    )
    labels = views.meeting_labels(meetings, "nb")
    assert list(labels) == ["b", "a", "c", "d"]  # the table's order
    assert labels["a"] == "2020-01-01 referat" and labels["b"] == "2020-01-01 referat #2"
    assert len(set(labels.values())) == 4


def test_undated_documents_are_labelled_by_their_file_names_words() -> None:
    """Twenty undated news items were 'nyhetssak' to 'nyhetssak #20', and sorted '#10' before '#2'."""
    ids = [f"ffo_ledermote_{n}" for n in ("hvor_gar_ffo", "budsjett")] + ["2019-12-06_kontaktutvalget_referat"]
    meetings = pd.DataFrame({"meeting_id": ids, "date": ["", "", "2019-12-06"], "kind": ["news", "news", "minutes"]})
    labels = views.meeting_labels(meetings, "nb")
    assert labels == {
        "ffo_ledermote_hvor_gar_ffo": "nyhetssak · ffo ledermote hvor gar…",  # shortened whole
        "ffo_ledermote_budsjett": "nyhetssak · ffo ledermote budsjett",
        "2019-12-06_kontaktutvalget_referat": "2019-12-06 referat",  # dated: as before
    }


def _comparison(groups: int, corrected: float) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "group_type": "meeting", "group": f"m{g:03d}", "theme": theme, "n_group": 10 + g, "share": 0.1,
                "ci_low": 0.05, "ci_high": 0.2, "corrected": corrected, "corrected_low": corrected,
                "corrected_high": corrected,
            }
            for g in range(groups)
            for theme in ("t1", "t2")
        ]
    )  # fmt: skip


def test_without_hand_codes_the_reader_is_shown_raw_shares_and_told_so() -> None:
    raw = _comparison(3, math.nan)
    assert views.shown_share(raw) == "share"
    assert views.share_note("share", "nb") == ""
    assert views.share_words("caption_theme_by_meeting", "share", "en") == text("caption_theme_by_meeting_raw", "en")
    corrected = _comparison(3, 0.12)
    assert views.shown_share(corrected) == "corrected"
    assert text("corrected", "nb") in views.share_note("corrected", "nb")


def test_the_raw_and_corrected_table_shows_the_largest_groups_like_its_chart() -> None:
    comparison = _comparison(40, 0.12)
    table = views.raw_and_corrected(comparison, "meeting", {"t1": "T1", "t2": "T2"}, lang="en")
    shown = {column.split(" (n")[0] for column in table.columns}
    assert shown == {f"m{g:03d}" for g in range(40 - MAX_SHARE_PANELS, 40)}  # the largest groups


def test_meetings_are_shown_in_time_order_whatever_their_ids() -> None:
    """Ids need not start with the date (synthetic or renamed files): the reader still sees time run left to right."""
    meetings = pd.DataFrame(
        {"meeting_id": ["m000", "m001", "m002"], "date": ["2020-03-01", "2019-01-15", "2020-01-01"], "kind": "minutes"}
    )
    codebook = type("Codebook", (), {"ids": ["t1", "t2"], "labels": lambda self: {"t1": "T1", "t2": "T2"}})()
    table = views.theme_by_group(_comparison(3, 0.1), "meeting", codebook, views.meeting_labels(meetings, "en"))
    assert [c.split(" ")[0] for c in table.columns] == ["2019-01-15", "2020-01-01", "2020-03-01"]
