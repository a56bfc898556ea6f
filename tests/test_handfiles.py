"""The files a researcher edits by hand, saved as Excel on Windows saves them: one line naming the file and the fix."""

import csv
import io

import pandas as pd
import pytest
from corpus import CORPUS, HAND_CODES, PROJECT_ARGUMENTS, TOPIC_LABELS

from analysis.analyse.topic_labels import read_topic_labels
from analysis.analyse.topics import genre_words
from analysis.base.config import REGISTER_PATH, TOPIC_STOPWORDS_PATH
from analysis.base.errors import InputError
from analysis.cli import main
from analysis.coding.agreement import read_hand_codes
from analysis.coding.manual_codes import read_manual_codes
from analysis.coding.organisations import load_register
from analysis.coding.sample import read_design
from analysis.evaluate.coding import read_coding_gold
from analysis.ingest.manifest import read_manifest

NO_SEGMENTS = pd.DataFrame({"segment_id": [], "meeting_id": [], "text": []})
MANUAL = "segment_id,theme,action,coder,note\n2019-12-06_kontaktutvalget_referat-p001-s01,poverty,add,Åse,rettet\n"
DESIGN = "segment_id,stratum,stratum_size,stratum_sampled,weight,seed\nx,økonomi,10,2,5.0,1\n"
GOLD = "doc,sentence_id,themes,sentence\nd.txt,s1,poverty,Fattigdom blant barn øker.\n"

# (the file's name, its text as the project keeps it, the reader that reads it)
FILES = [
    ("manifest.csv", (CORPUS / "manifest.csv").read_text(encoding="utf-8"), lambda p: read_manifest(p.parent)),
    ("organisations.csv", REGISTER_PATH.read_text(encoding="utf-8"), load_register),
    ("manual_codes.csv", MANUAL, lambda p: read_manual_codes(p, set(), [])),
    ("hand_codes.csv", HAND_CODES.read_text(encoding="utf-8"), lambda p: read_hand_codes(p, NO_SEGMENTS, [])),
    (
        "topic_labels.csv",
        TOPIC_LABELS.read_text(encoding="utf-8") + "nmf,4,0,Fattigdom og økonomi\n",
        read_topic_labels,
    ),
    ("design.csv", DESIGN, lambda p: read_design(p, ["x"])),
    ("coding_gold.csv", GOLD, lambda p: read_coding_gold(p, ["poverty"])),
]
IDS = [name for name, _, _ in FILES]


def _as_excel_saves(text: str, *, encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    rows = list(csv.reader(io.StringIO(text)))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


@pytest.mark.parametrize("name, text, read", FILES, ids=IDS)
def test_the_file_as_the_project_keeps_it_is_read_also_from_excels_utf8_with_bom(tmp_path, name, text, read) -> None:
    """The reference the two failures below are held to: Excel's "CSV UTF-8" (a BOM, CRLF) reads too."""
    path = tmp_path / name
    path.write_bytes(_as_excel_saves(text, encoding="utf-8-sig"))
    read(path)


@pytest.mark.parametrize("name, text, read", FILES, ids=IDS)
def test_a_file_saved_in_the_windows_code_page_is_one_line(tmp_path, name, text, read) -> None:
    path = tmp_path / name
    assert not text.isascii(), "the sample needs a Norwegian letter, or both encodings give the same bytes"
    path.write_bytes(_as_excel_saves(text, encoding="cp1252"))
    with pytest.raises(InputError) as error:
        read(path)
    line = error.value.line()
    assert line.startswith(f"{path}: not UTF-8 (") and "Save As → CSV UTF-8" in line, line


@pytest.mark.parametrize("name, text, read", FILES, ids=IDS)
def test_a_file_saved_with_semicolons_is_one_line(tmp_path, name, text, read) -> None:
    """Excel in a Norwegian locale separates columns with semicolons; read with commas, no column was found."""
    path = tmp_path / name
    path.write_bytes(_as_excel_saves(text, delimiter=";"))
    with pytest.raises(InputError) as error:
        read(path)
    assert error.value.line() == (
        f"{path}: columns are separated by semicolons, not commas — "
        "save it as UTF-8 CSV (in Excel: Save As → CSV UTF-8 (Comma delimited))"
    )


def test_the_topic_stopwords_in_the_windows_code_page_are_one_line(tmp_path) -> None:
    path = tmp_path / "topic_stopwords.txt"
    path.write_bytes(TOPIC_STOPWORDS_PATH.read_text(encoding="utf-8").encode("cp1252"))
    with pytest.raises(InputError, match=r"topic_stopwords\.txt: not UTF-8 \(.* at byte \d+\) — save it as UTF-8 text"):
        genre_words(path)


def test_build_with_hand_codes_from_excel_stops_in_one_line(raw_copy, tmp_path, capsys) -> None:
    """From the command line: exit 2, one line, no traceback, nothing built."""
    hand = tmp_path / "hand_codes.csv"
    hand.write_bytes(_as_excel_saves(HAND_CODES.read_text(encoding="utf-8"), encoding="cp1252"))
    arguments = [*PROJECT_ARGUMENTS[:2], "--hand-codes", str(hand)]
    out = tmp_path / "processed"
    assert main(["build", "--raw", str(raw_copy), "--out", str(out), "--quiet", "--no-analyses", *arguments]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"error: {hand}: not UTF-8"), err
    assert not out.exists()
