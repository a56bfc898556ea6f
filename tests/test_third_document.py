"""A third meeting enters every table and comparison without code changes (invented fixture minutes)."""

from pathlib import Path

import pytest
from corpus import CORPUS, build_corpus

from analysis.ingest.manifest import add_document

FIXTURE = Path(__file__).parent / "fixtures" / "2020-03-12_kontaktutvalget_referat.txt"
THIRD = "2020-03-12_kontaktutvalget_referat"


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory):
    import shutil

    raw = tmp_path_factory.mktemp("three") / "raw"
    shutil.copytree(CORPUS, raw)
    add_document(FIXTURE, raw, kind="minutes", origin="invented test fixture")
    return build_corpus(raw, raw.parent / "processed")


def test_third_meeting_is_parsed(three) -> None:
    meetings = three.tables["meetings"]
    assert THIRD in set(meetings["meeting_id"])
    row = meetings.set_index("meeting_id").loc[THIRD]
    assert (row["date"], row["chair"], row["minute_taker"]) == ("2020-03-12", "Anniken Hauglie", "Kari Nordmann")


def test_comparison_tables_include_it(three) -> None:
    comparison = three.tables["theme_comparison"]
    meetings = comparison[comparison["group_type"] == "meeting"]
    assert set(meetings["group"]) == set(three.tables["meetings"]["meeting_id"])
    differences = three.tables["theme_differences"]
    meeting_tests = differences[differences["group_type"] == "meeting"]
    assert set(meeting_tests["test"]) <= {"permutation chi-square", "none (theme absent or everywhere)"}


def test_wage_subsidy_recurs_and_is_answered_again(three) -> None:
    recurring = three.tables["recurring_issues"].set_index("theme")
    assert recurring.loc["wage_subsidy", "n_meetings"] == 2
    assert recurring.loc["wage_subsidy", "recurs"] == "yes"
    assert recurring.loc["wage_subsidy", "first_meeting"] == "2019-12-06_kontaktutvalget_referat"
    responses = three.tables["responses"]
    row = responses[(responses["meeting_id"] == THIRD) & (responses["theme"] == "wage_subsidy")].iloc[0]
    assert (row["raised_by"], row["answered"], row["answered_by"]) == ("Johan Lothe", "yes", "Anniken Hauglie")
    housing = responses[(responses["meeting_id"] == THIRD) & (responses["theme"] == "benefits_income")].iloc[0]
    assert (housing["raised_by"], housing["answered_by"]) == ("Olav Strømmen", "Anniken Hauglie")


def test_unregistered_organisation_is_reported_not_guessed(three) -> None:
    unknown = three.tables["unregistered_organisations"]
    assert list(unknown["organisation"]) == ["Fontenehuset Oslo"]
    written = [three.tables[name]["organisation"].str.strip() for name in ("attendees", "segments")]
    rows = sum(int((column == "Fontenehuset Oslo").sum()) for column in written)
    rows += int(three.tables["agenda"]["organisations"].str.split("; ").explode().eq("Fontenehuset Oslo").sum())
    assert unknown["n_rows"].tolist() == [rows] and rows > 1
    assert unknown["meeting_ids"].tolist() == [THIRD]
    assert any("Fontenehuset Oslo" in w and "organisations.csv" in w for w in three.warnings)
    attendees = three.tables["attendees"]
    fjell = attendees[attendees["name"] == "Siri Fjell"].iloc[0]
    assert (fjell["organisation_canonical"], fjell["actor_type"]) == ("", "")
