"""Manual corrections: added and vetoed codes reach codes.csv; a bad row stops the build by line."""

from pathlib import Path

import pytest
from corpus import CORPUS, HAND_CODES, build_corpus, store_snapshot

from analysis.cli import main

LOTHE = "2019-12-06_kontaktutvalget_referat-p013-s07"  # "Ruskontakten hans i hjelp fulgte ham godt opp …"
BAKKE = "2018-10_innspillsmote_tiltaksarrangorer_nyhet-p009-s02"  # "Dette har jeg fått mange eksempler på i dag."


def _manual(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "manual_codes.csv"
    path.write_text("segment_id,theme,action,coder,note\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _codes(result) -> set[tuple[str, str, str]]:
    codes = result.tables["codes"]
    return set(zip(codes["segment_id"], codes["theme"], codes["source"], strict=True))


def test_manual_add_and_remove_are_applied(tmp_path: Path) -> None:
    before = build_corpus(CORPUS, tmp_path / "before", manual_path=None, analyses=False)
    assert (LOTHE, "substance_prison", "auto") in _codes(before)
    assert not [c for c in _codes(before) if c[0] == BAKKE]
    manual = _manual(
        tmp_path,
        [
            f"{LOTHE},substance_prison,remove,ÅØ,a contact person is not about substance use",
            f"{BAKKE},employer_measures,add,ÅØ,the examples are employers' needs (context)",
        ],
    )
    after = build_corpus(CORPUS, tmp_path / "after", manual_path=manual, analyses=False)
    codes = _codes(after)
    assert not [c for c in codes if c[:2] == (LOTHE, "substance_prison")]
    assert (BAKKE, "employer_measures", "manual") in codes
    row = after.tables["codes"].query("segment_id == @BAKKE").iloc[0]
    assert (row["coder"], row["note"]) == ("ÅØ", "the examples are employers' needs (context)")
    # everything else is untouched
    assert codes - {(BAKKE, "employer_measures", "manual")} == _codes(before) - {(LOTHE, "substance_prison", "auto")}


def test_agreement_measures_the_automatic_pass_not_the_corrections(tmp_path: Path) -> None:
    manual = _manual(tmp_path, [f"{BAKKE},employer_measures,add,ÅØ,"])
    plain = build_corpus(CORPUS, tmp_path / "a", manual_path=None, analyses=False).tables["agreement"]
    corrected = build_corpus(CORPUS, tmp_path / "b", manual_path=manual, analyses=False).tables["agreement"]
    assert plain.equals(corrected)


def test_removing_a_code_that_is_not_there_warns(tmp_path: Path) -> None:
    manual = _manual(tmp_path, [f"{BAKKE},wage_subsidy,remove,ÅØ,"])
    result = build_corpus(CORPUS, tmp_path / "out", manual_path=manual, analyses=False)
    assert any("matches no code" in w for w in result.warnings)


@pytest.mark.parametrize(
    "row, message",
    [
        ("no-such-segment,wage_subsidy,add,ÅØ,", "manual_codes.csv:2: unknown segment_id 'no-such-segment'"),
        (f"{BAKKE},lonnstilskudd,add,ÅØ,", "manual_codes.csv:2: unknown theme 'lonnstilskudd'"),
        (f"{BAKKE},wage_subsidy,veto,ÅØ,", "action 'veto' is not add or remove"),
        (f"{BAKKE},wage_subsidy,add,,", "coder is empty"),
    ],
)
def test_bad_manual_rows_stop_the_build_and_keep_the_tables(tmp_path: Path, capsys, row: str, message: str) -> None:
    out = tmp_path / "processed"
    build_corpus(CORPUS, out, manual_path=None, analyses=False)
    before = store_snapshot(out)
    manual = _manual(tmp_path, [row])
    inputs = ["--raw", str(CORPUS), "--manual-codes", str(manual), "--hand-codes", str(HAND_CODES)]
    code = main(["build", *inputs, "--out", str(out), "--quiet", "--no-analyses"])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
    assert store_snapshot(out) == before
