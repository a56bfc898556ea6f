"""REFI-QDA out and back in, Excel and Parquet out: checked against the official schema and by round trips."""

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import xmlschema
from corpus import CORPUS, build_corpus
from openpyxl import load_workbook

from analysis.base.errors import InputError
from analysis.coding.codebook import load_codebook
from analysis.exchange.qdpx import NS, export_codebook, export_qdpx, guid, import_qdpx
from analysis.exchange.spreadsheet import export_xlsx

SCHEMA = Path(__file__).parent / "fixtures" / "refi-qda" / "Project.xsd"  # copy of shared/refi-qda (MIT)
LOTHE = "2019-12-06_kontaktutvalget_referat-p013-s07"
BAKKE = "2018-10_innspillsmote_tiltaksarrangorer_nyhet-p009-s02"


@pytest.fixture(scope="module")
def tables(built):
    return built[1].tables


@pytest.fixture(scope="module")
def exported(tables, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_qdpx(tables, load_codebook(), tmp_path_factory.mktemp("qdpx") / "prosjekt.qdpx")


def _project(path: Path) -> tuple[ET.Element, dict[str, str]]:
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        texts = {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("sources/")}
    return root, texts


def test_export_validates_against_the_refi_qda_schema(exported: Path) -> None:
    with zipfile.ZipFile(exported) as archive:
        xmlschema.XMLSchema(str(SCHEMA)).validate(archive.read("project.qde").decode("utf-8"))


def test_every_selection_slices_out_exactly_its_sentence(exported: Path, tables) -> None:
    root, texts = _project(exported)
    sentences = dict(zip(tables["segments"]["segment_id"], tables["segments"]["text"], strict=True))
    selections = 0
    for source in root.iter(f"{{{NS}}}TextSource"):
        text = texts["sources/" + source.get("plainTextPath").removeprefix("internal://")]
        for selection in source.iter(f"{{{NS}}}PlainTextSelection"):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            assert text[start:end] == sentences[selection.get("name")]
            selections += 1
    assert selections == tables["codes"]["segment_id"].nunique()
    codings = sum(1 for _ in root.iter(f"{{{NS}}}Coding"))
    assert codings == len(tables["codes"])


def test_codebook_cases_and_variables_are_exported(exported: Path) -> None:
    root, _ = _project(exported)
    codes = list(root.iter(f"{{{NS}}}Code"))
    assert [c.get("name") for c in codes] == [t.label_nb for t in load_codebook().themes]
    assert all(re.fullmatch(r"#[0-9A-Fa-f]{6}", c.get("color")) for c in codes)
    cases = {c.get("name") for c in root.iter(f"{{{NS}}}Case")}
    assert {"Johan Lothe", "Anniken Hauglie", "Wayback", "Arbeids- og sosialdepartementet"} <= cases
    assert {v.get("name") for v in root.iter(f"{{{NS}}}Variable")} >= {"dato", "organisasjon", "aktørtype"}


def test_export_is_byte_identical(tables, exported: Path, tmp_path: Path) -> None:
    again = export_qdpx(tables, load_codebook(), tmp_path / "igjen.qdpx")
    assert again.read_bytes() == exported.read_bytes()


def test_codebook_alone(tmp_path: Path) -> None:
    path = export_codebook(load_codebook(), tmp_path / "kodebok.qdc")
    root = ET.fromstring(path.read_bytes())
    assert root.tag == "{urn:QDA-XML:codebook:1.0}CodeBook"
    names = [c.get("name") for c in root.iter("{urn:QDA-XML:codebook:1.0}Code")]
    assert names == [t.label_nb for t in load_codebook().themes]


def _edit_in_another_tool(source: Path, target: Path, tables) -> None:
    """What a researcher does in NVivo: un-code one sentence, code another one, as user 'Kari (NVivo)'."""
    ET.register_namespace("", NS)
    with zipfile.ZipFile(source) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    root = ET.fromstring(files["project.qde"])
    users = root.find(f"{{{NS}}}Users")
    ET.SubElement(users, f"{{{NS}}}User", guid="11111111-2222-3333-4444-555555555555", name="Kari (NVivo)")
    for selection in root.iter(f"{{{NS}}}PlainTextSelection"):
        if selection.get("name") == LOTHE:
            for coding in list(selection):
                if coding.find(f"{{{NS}}}CodeRef").get("targetGUID") == guid("code", "substance_prison"):
                    selection.remove(coding)
    news = next(s for s in root.iter(f"{{{NS}}}TextSource") if s.get("name").startswith("2018-10"))
    text = files["sources/" + news.get("plainTextPath").removeprefix("internal://")].decode("utf-8")
    sentence = tables["segments"].set_index("segment_id").loc[BAKKE, "text"]
    start = text.index(sentence)
    selection = ET.Element(
        f"{{{NS}}}PlainTextSelection",
        guid="aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        startPosition=str(start),
        endPosition=str(start + len(sentence)),
    )
    coding = ET.SubElement(
        selection,
        f"{{{NS}}}Coding",
        guid="aaaaaaaa-bbbb-cccc-dddd-ffffffffffff",
        creatingUser="11111111-2222-3333-4444-555555555555",
    )
    ET.SubElement(coding, f"{{{NS}}}CodeRef", targetGUID=guid("code", "employer_measures"))
    news.insert(1, selection)
    files["project.qde"] = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)


def test_round_trip_through_another_tool(tables, exported: Path, tmp_path: Path) -> None:
    edited = tmp_path / "kodet-i-nvivo.qdpx"
    _edit_in_another_tool(exported, edited, tables)
    manual = tmp_path / "manual_codes.csv"
    manual.write_text("segment_id,theme,action,coder,note\n", encoding="utf-8")
    added, removed = import_qdpx(edited, tables, load_codebook(), manual, coder="Kari (NVivo)")
    assert (added, removed) == (1, 1)
    rows = pd.read_csv(manual, dtype=str, keep_default_na=False)
    assert set(zip(rows["segment_id"], rows["theme"], rows["action"], rows["coder"], strict=True)) == {
        (BAKKE, "employer_measures", "add", "Kari (NVivo)"),
        (LOTHE, "substance_prison", "remove", "Kari (NVivo)"),
    }
    rebuilt = build_corpus(CORPUS, tmp_path / "out", manual_path=manual, analyses=False).tables["codes"]
    pairs = set(zip(rebuilt["segment_id"], rebuilt["theme"], rebuilt["source"], strict=True))
    assert (BAKKE, "employer_measures", "manual") in pairs
    assert not any(s == LOTHE and t == "substance_prison" for s, t, _ in pairs)
    # importing the original export again would undo both corrections
    assert import_qdpx(exported, rebuilt_tables(tables, rebuilt), load_codebook(), manual) == (1, 1)


def rebuilt_tables(tables, codes):
    return {**tables, "codes": codes}


def test_import_refuses_a_project_whose_text_changed(tables, exported: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(exported) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    name = next(n for n in files if n.startswith("sources/"))
    files[name] = files[name].replace("Statsråd".encode(), "Statsrådinne".encode())
    changed = tmp_path / "endret.qdpx"
    with zipfile.ZipFile(changed, "w") as archive:
        for n, data in files.items():
            archive.writestr(n, data)
    with pytest.raises(InputError, match="differs from the current build"):
        import_qdpx(changed, tables, load_codebook(), tmp_path / "m.csv")


def test_excel_workbook(tables, tmp_path: Path) -> None:
    first = export_xlsx(tables, load_codebook(), tmp_path / "a.xlsx")
    second = export_xlsx(tables, load_codebook(), tmp_path / "b.xlsx")
    assert first.read_bytes() == second.read_bytes()
    workbook = load_workbook(first, read_only=True)
    assert workbook.sheetnames == ["kodede_setninger", "meetings", "attendees", "agenda", "segments", "codes"]
    coded = list(workbook["kodede_setninger"].values)
    assert coded[0][:2] == ("segment_id", "meeting_id") and len(coded) - 1 == tables["codes"]["segment_id"].nunique()
    assert any("Lønnstilskudd" in (row[6] or "") for row in coded[1:])


def test_parquet_copies_match_the_csv(built) -> None:
    """pandas (pyarrow) opens a table's file, or its folder of per-document files, as one table."""
    out = built[0]
    for csv_path in sorted(out.glob("*.csv")):
        csv_table = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
        folder = csv_path.with_suffix("")
        parquet = pd.read_parquet(folder if folder.is_dir() else csv_path.with_suffix(".parquet"))
        assert list(parquet.columns)[: len(csv_table.columns)] == list(csv_table.columns), csv_path.name
        assert len(parquet) == len(csv_table), csv_path.name
    segments = pd.read_parquet(out / "segments")
    assert segments["paragraph_no"].dtype == "int64" and "Strømmen" in " ".join(segments["text"])
