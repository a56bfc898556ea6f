"""`analysis evaluate`: the scorer itself on small hand-made gold files, and one clear line for a bad gold file."""

import json
from pathlib import Path

import pandas as pd
import pytest
from corpus import PROJECT_ARGUMENTS

from analysis.base.config import PROJ_ROOT, REPORTS_DIR
from analysis.cli import main
from analysis.evaluate.gold import GoldDocument, GoldPerson, GoldSpeaker, read_gold
from analysis.evaluate.run import bundled_scores, parse_scores_block, readme_scores_block
from analysis.evaluate.score import Parsed, agenda_words, describe, names_match, score, scores_markdown

MINUTES = """Referat fra møte i brukerrådet

Dato: 14. mars 2024
Møteleder: Kari Nordmann
Referent: Ola Hansen
Til stede: Kari Nordmann (Fellesorganisasjonen), Ola Hansen (NAV) og Per Olsen (KS)
Forfall: Lise Berg (FFO)

1. Godkjenning av innkalling

Nordmann orienterte om budsjettet for neste år.

2. Eventuelt

Olsen foreslo et nytt møte i mai.
"""

GOLD = {
    "file": "brukerrad.txt",
    "kind": "minutes",
    "date": "2024-03-14",
    "title": "Referat fra møte i brukerrådet",
    "chair": "Kari Nordmann",
    "minute_taker": "Ola Hansen",
    "present": [
        {"name": "Kari Nordmann", "organisation": "Fellesorganisasjonen"},
        {"name": "Ola Hansen", "organisation": "NAV"},
        {"name": "Per Olsen", "organisation": "KS"},
    ],
    "absent": [{"name": "Lise Berg", "organisation": "FFO"}],
    "copy": [],
    "agenda": ["Godkjenning av innkalling", "Eventuelt"],
    "speakers": [
        {"sentence_start": "Nordmann orienterte om budsjettet", "speaker": "Nordmann"},
        {"sentence_start": "Olsen foreslo et nytt møte i mai.", "speaker": "Olsen"},
    ],
}


def _folder(tmp_path: Path, gold: list[dict]) -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "brukerrad.txt").write_text(MINUTES, encoding="utf-8")
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return docs, gold_path


def test_a_perfect_parse_scores_one_on_every_field(tmp_path: Path) -> None:
    docs, gold_path = _folder(tmp_path, [GOLD])
    out = tmp_path / "evaluation.csv"
    assert main(["evaluate", "--gold", str(gold_path), "--docs", str(docs), "--out", str(out), "--quiet"]) == 0
    rows = {line.split(",")[0]: line.split(",") for line in out.read_text(encoding="utf-8").splitlines()[1:]}
    assert rows["all"][1:4] == ["11", "11", "11"], rows  # 3 present, 1 absent, 2 agenda, 2 speakers, 3 single
    for field in ("present", "absent", "agenda", "speakers", "date", "chair", "minute_taker"):
        assert float(rows[field][5]) == 1.0, field  # recall


def test_a_known_miss_is_listed_with_its_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = dict(GOLD, present=[*GOLD["present"], {"name": "Anne Viken", "organisation": "Blå Kors"}])
    docs, gold_path = _folder(tmp_path, [gold])
    misses = tmp_path / "misses.csv"
    assert (
        main(
            [
                "evaluate",
                "--gold",
                str(gold_path),
                "--docs",
                str(docs),
                "--out",
                str(tmp_path / "e.csv"),
                "--misses",
                str(misses),
            ]
        )
        == 0
    )
    assert "brukerrad.txt: present missed: Anne Viken (Blå Kors)" in capsys.readouterr().err
    assert "brukerrad.txt,present,missed,Anne Viken (Blå Kors)," in misses.read_text(encoding="utf-8")


def test_scores_are_precision_and_recall_per_field() -> None:
    gold = GoldDocument(
        file="a.txt",
        date="2024-03-14",
        present=(GoldPerson("Kari Nordmann", "NAV"), GoldPerson("", "Blå Kors")),
        agenda=("Budsjett", "Eventuelt"),
        speakers=(GoldSpeaker("Hun mente at", "Nordmann"),),
    )
    parsed = Parsed(
        date="2024-03-15",
        people={"present": (("Kari Nordmann", "NAV"), ("Per Olsen", "KS"), ("", "Blå Kors"))},
        agenda=("Sak 3/24 Budsjett", "Kl. 09.00–09.15 Kaffe"),
        segments=(("Hun mente at dette var viktig.", "Per Olsen", "KS"),),
    )
    evaluation = score([gold], {"a.txt": parsed})
    summary = evaluation.summary.set_index("field")
    assert summary.loc["present", ["gold", "parsed", "found"]].tolist() == [2, 3, 2]
    assert summary.loc["present", "precision"] == pytest.approx(0.667)
    assert summary.loc["agenda", ["found", "recall", "precision"]].tolist() == [1, 0.5, 0.5]
    assert summary.loc["speakers", "found"] == 0
    assert summary.loc["date", "found"] == 0
    problems = set(zip(evaluation.misses["field"], evaluation.misses["problem"], strict=True))
    assert {("present", "extra"), ("agenda", "missed"), ("speakers", "wrong"), ("date", "wrong")} <= problems


def test_matching_rules() -> None:
    assert names_match("Persen", "Marte Mjøs Persen")
    assert names_match("Eivind mai", "Eivind Mai")
    assert not names_match("Kari Nordmann", "Kari Hansen")
    assert agenda_words("Sak 12/24 Budsjett 2025") == agenda_words("Budsjett 2025")
    assert agenda_words("PS 6/19 Referatsaker") == ("referatsaker",)
    assert agenda_words("Kl. 09.00–09.15 Velkommen") == ("velkommen",)
    assert agenda_words("10:05: Velkommen") == ("velkommen",)
    assert agenda_words("3. linje-effektivisering") == ("linje", "effektivisering")


@pytest.mark.parametrize(
    ("gold", "problem"),
    [
        ("not json", "is not UTF-8 JSON"),
        ([dict(GOLD, speaker=[])], "unknown key 'speaker'"),
        ([dict(GOLD, file="missing.txt")], "missing.txt: is in the gold file but not in the folder"),
        ([dict(GOLD, date="14.03.2024")], "date '14.03.2024' is not YYYY-MM-DD"),
        ([dict(GOLD, kind="referat")], "kind 'referat' is not one of"),
        ([dict(GOLD, present=["Kari Nordmann"])], "present item 1 is not {name, organisation}"),
    ],
)
def test_a_malformed_gold_file_is_refused_in_one_line_before_anything_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], gold: object, problem: str
) -> None:
    docs, gold_path = _folder(tmp_path, [])
    gold_path.write_text(gold if isinstance(gold, str) else json.dumps(gold), encoding="utf-8")
    out = tmp_path / "evaluation.csv"
    assert main(["evaluate", "--gold", str(gold_path), "--docs", str(docs), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and problem in err[0] and "Traceback" not in err[0], err
    assert not out.exists()


def test_gold_entries_are_named_in_errors(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([GOLD, dict(GOLD, file="b.txt", date="2024-13-01")]), encoding="utf-8")
    with pytest.raises(Exception, match=r"entry 2 \(b.txt\): date '2024-13-01'"):
        read_gold(path)


def test_without_docs_the_current_build_is_scored_once_there_is_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, gold_path = _folder(tmp_path, [GOLD])
    processed = tmp_path / "processed"
    assert (
        main(["evaluate", "--gold", str(gold_path), "--processed", str(processed), "--out", str(tmp_path / "e.csv")])
        == 2
    )
    assert "run `analysis build` first" in capsys.readouterr().err


def test_gold_documents_not_in_the_build_are_left_out_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A researcher who removed the bundled documents still gets a report: the scores are of what is built."""
    docs, gold = _folder(tmp_path, [GOLD])
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    assert main(["add", str(docs / "brukerrad.txt"), "--raw", str(raw)]) == 0
    build = ["build", "--raw", str(raw), "--out", str(processed), "--no-analyses", "--quiet", *PROJECT_ARGUMENTS]
    assert main(build) == 0
    both = tmp_path / "both.json"
    both.write_text(json.dumps([GOLD, dict(GOLD, file="removed.txt")], ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    out = tmp_path / "e.csv"
    assert main(["evaluate", "--gold", str(both), "--processed", str(processed), "--out", str(out), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "1 document(s) of" in err and "not in the build, left out of the scores: removed.txt" in err
    alone = tmp_path / "alone.csv"
    assert main(["evaluate", "--gold", str(gold), "--processed", str(processed), "--out", str(alone), "--quiet"]) == 0
    assert out.read_bytes() == alone.read_bytes()  # the scores of the built document, as if the other were not there
    assert pd.read_csv(out).set_index("field").loc["all", "gold"] > 0
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps([dict(GOLD, file="removed.txt")], ensure_ascii=False), encoding="utf-8")
    assert main(["evaluate", "--gold", str(elsewhere), "--processed", str(processed), "--out", str(out)]) == 0
    assert "is in the build: nothing scored" in capsys.readouterr().err
    assert pd.read_csv(out).set_index("field").loc["all", "gold"] == 0


def test_the_notebook_sentence_is_computed_from_the_scores() -> None:
    gold = GoldDocument(
        file="a.txt", date="2024-03-14", present=(GoldPerson("Kari Nordmann", ""),), agenda=("Budsjett", "Eventuelt")
    )
    evaluation = score([gold], {"a.txt": Parsed(date="2024-03-14", agenda=("Budsjett",))})
    assert describe(evaluation, 1) == (
        "The parse recovers 2 of the 4 facts (50%) a careful reader wrote down for 1 document; "
        "the weakest field is attendees present (0 of 1)."
    )


def test_the_readme_states_the_parse_scores_the_tables_give(built) -> None:
    """The README's parse scores are written by `make evaluate-devset`, never typed: the devset's are the committed
    reports/evaluation-devset.csv, and the bundled documents' are the build's against data/gold.json."""
    devset = pd.read_csv(REPORTS_DIR / "evaluation-devset.csv")
    expected = parse_scores_block(devset, bundled_scores(built[0]))
    assert readme_scores_block((PROJ_ROOT / "README.md").read_text(encoding="utf-8")) == expected
    assert "development corpus" in expected and "bundled documents" in expected


def test_the_score_table_shows_recall_per_field_and_a_dash_where_there_is_no_gold() -> None:
    gold = GoldDocument(file="a.txt", date="2024-03-14", present=(GoldPerson("Kari Nordmann", ""),), agenda=("A", "B"))
    evaluation = score([gold], {"a.txt": Parsed(date="2024-03-14", agenda=("A",))})
    table = scores_markdown([("mine", evaluation.summary)]).splitlines()
    assert table[0].startswith("| | gold facts | found | present | absent |")
    assert table[2] == "| mine | 4 | 2 (50%) | 0% | – | – | 50% | – | 100% | – | – | – |"


def test_a_found_persons_organisation_is_scored_apart_from_the_facts() -> None:
    gold = GoldDocument(
        file="a.txt",
        present=(
            GoldPerson("Kari Nordmann", "FFO"),
            GoldPerson("Per Olsen", "NAV Vestfold"),
            GoldPerson("Ola Hansen", "KS"),
            GoldPerson("Eva Dahl", ""),  # no organisation in the gold: not scored for one
            GoldPerson("Liv Berg", "Virke"),  # not found: no organisation to score
        ),
    )
    parsed = Parsed(
        people={
            "present": (
                ("Kari Nordmann", "valgkomiteen i FFO"),
                ("Per Olsen", ""),
                ("Ola Hansen", "NAV"),
                ("Eva Dahl", "Fafo"),
            )
        }
    )
    evaluation = score([gold], {"a.txt": parsed})
    summary = evaluation.summary.set_index("field")
    assert summary.loc["organisation", ["gold", "parsed", "found", "accuracy"]].tolist() == [3, 2, 1, 0.333]
    assert summary.loc["all", ["gold", "found"]].tolist() == [5, 4]  # the organisations are no facts of the total
    wrong = evaluation.misses[evaluation.misses["field"] == "organisation"]
    assert wrong[["problem", "expected", "parsed"]].values.tolist() == [
        ["missed", "Per Olsen (NAV Vestfold)", ""],
        ["wrong", "Ola Hansen (KS)", "NAV"],
    ]
    table = scores_markdown([("mine", evaluation.summary)]).splitlines()
    assert table[0].endswith("| minute-taker | their organisations |") and table[2].endswith("| 33% |")


def test_an_organisation_listed_alone_is_matched_to_one_listed_alone_before_to_a_persons() -> None:
    gold = GoldDocument(file="a.txt", present=(GoldPerson("", "FFO Vestfold"), GoldPerson("Grete Crowo", "FFO")))
    parsed = Parsed(people={"present": (("Grete Crowo", "FFO"), ("", "FFO Vestfold"))})
    evaluation = score([gold], {"a.txt": parsed})
    assert evaluation.misses.empty  # greedily, 'FFO Vestfold' would take Grete Crowo (FFO) and leave her unmatched
    alone = score(
        [GoldDocument(file="a.txt", present=(GoldPerson("", "FFO"),))],
        {"a.txt": Parsed(people={"present": (("Grete Crowo", "FFO"),)})},
    )
    assert alone.summary.set_index("field").loc["present", "found"] == 1  # a person may still stand for a body
