"""`analysis add`: documents enter the raw folder byte for byte and are registered with their sha256."""

import hashlib

from corpus import CORPUS

from analysis.cli import main
from analysis.ingest.documents import load_documents
from analysis.ingest.manifest import read_manifest


def test_add_copies_bytes_and_registers(raw_copy, tmp_path, capsys) -> None:
    source = tmp_path / "2021-03-04_brukerrad_referat.txt"
    data = "Dato: 4. mars 2021\r\n\r\nTil stede: Kari Nordmann, Fretex\r\n\r\nKari Nordmann sa at æøå virker.\r\n"
    source.write_bytes(data.encode("utf-8-sig"))
    code = main(["add", str(source), "--raw", str(raw_copy), "--kind", "minutes", "--source", "brukerrådet, e-post"])
    assert code == 0, capsys.readouterr().err
    copied = raw_copy / source.name
    assert copied.read_bytes() == source.read_bytes()
    entry = {e.file: e for e in read_manifest(raw_copy)}[source.name]
    assert entry.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert entry.source == "brukerrådet, e-post" and entry.date == ""
    documents = {d.entry.file: d for d in load_documents(raw_copy)}
    assert documents[source.name].text.startswith("Dato: 4. mars 2021\n")  # BOM and CRLF handled


def test_manifest_stays_sorted_and_keeps_existing_rows(raw_copy, tmp_path) -> None:
    before = read_manifest(raw_copy)
    source = tmp_path / "0001_first.txt"
    source.write_text("Referat fra møtet.", encoding="utf-8")
    assert main(["add", str(source), "--raw", str(raw_copy), "--date", "2020-02"]) == 0
    after = read_manifest(raw_copy)
    assert [e.file for e in after] == sorted(e.file for e in after)
    assert set(before) <= set(after)


def test_add_refuses_duplicates_and_bad_dates(raw_copy, tmp_path, capsys) -> None:
    twin = tmp_path / "twin.txt"
    twin.write_bytes((raw_copy / "2019-12-06_kontaktutvalget_referat.txt").read_bytes())
    assert main(["add", str(twin), "--raw", str(raw_copy)]) == 2
    assert "same bytes as the registered 2019-12-06_kontaktutvalget_referat.txt" in capsys.readouterr().err
    other = tmp_path / "other.txt"
    other.write_text("Noe annet.", encoding="utf-8")
    assert main(["add", str(other), "--raw", str(raw_copy), "--date", "6.12.2019"]) == 2
    assert "is not YYYY-MM-DD, YYYY-MM or YYYY" in capsys.readouterr().err
    assert not (raw_copy / "other.txt").exists()


def test_add_refuses_empty_and_missing_files(raw_copy, tmp_path, capsys) -> None:
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    assert main(["add", str(empty), "--raw", str(raw_copy)]) == 2
    assert "file is empty" in capsys.readouterr().err
    assert main(["add", str(tmp_path / "finnes-ikke.txt"), "--raw", str(raw_copy)]) == 2
    assert "no such file" in capsys.readouterr().err


def test_test_corpus_files_match_their_manifest() -> None:
    documents = load_documents(CORPUS)
    assert [d.entry.kind for d in documents] == ["news", "minutes"]


def test_add_never_overwrites_a_different_file_with_the_same_name(raw_copy, tmp_path, capsys) -> None:
    registered = raw_copy / "2019-12-06_kontaktutvalget_referat.txt"
    original = registered.read_bytes()
    impostor = tmp_path / registered.name
    impostor.write_text("Et annet referat med samme navn.", encoding="utf-8")
    assert main(["add", str(impostor), "--raw", str(raw_copy)]) == 2
    assert "already registered" in capsys.readouterr().err
    assert registered.read_bytes() == original
    stray = raw_copy / "2021-01-01_uregistrert.txt"
    stray.write_text("Ligger allerede i mappen.", encoding="utf-8")
    newcomer = tmp_path / stray.name
    newcomer.write_text("Et nytt dokument.", encoding="utf-8")
    assert main(["add", str(newcomer), "--raw", str(raw_copy)]) == 2
    assert "a different unregistered file has this name" in capsys.readouterr().err
    assert stray.read_text(encoding="utf-8") == "Ligger allerede i mappen."
