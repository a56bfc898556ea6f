"""`analysis add`: documents enter the raw folder byte for byte and are registered with their sha256."""

import hashlib
import os
import sys
from pathlib import Path

import pytest
from corpus import CORPUS, MINUTES

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


NOT_UTF8_NAME = b"m\xf8te_2020-01-01.txt"  # "møte" in Latin-1, as an archive made on Windows unpacks


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux file systems keep names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_refused_in_one_line_and_nothing_is_copied(raw_copy, tmp_path, capsys) -> None:
    folder = tmp_path / "unpacked"
    folder.mkdir()
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), NOT_UTF8_NAME)))
    path.write_bytes((CORPUS / MINUTES).read_bytes().replace(b"Kontaktutvalget", b"Brukerutvalget"))
    before = sorted(os.listdir(raw_copy))
    assert main(["add", str(path), "--raw", str(raw_copy), "--kind", "minutes"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "file name 'm\ufffdte_2020-01-01.txt' is not text the manifest can hold" in err[0], err
    assert sorted(os.listdir(raw_copy)) == before
    assert main(["add", str(path), "--raw", str(raw_copy), "--kind", "minutes", "--name", "mote_2020-01-01.txt"]) == 0
    assert "mote_2020-01-01.txt" in {entry.file for entry in read_manifest(raw_copy)}


def test_a_manifest_that_cannot_be_written_takes_the_copied_file_back(raw_copy, tmp_path, monkeypatch) -> None:
    """`add` copies the file, then writes the manifest: if the second fails (a full disk), the first is undone,
    so the raw folder never holds a file the manifest does not list (the next build would refuse it)."""
    from analysis.ingest import manifest

    def full_disk(path: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(manifest, "write_text_atomic", full_disk)
    source = tmp_path / "2020-05-05_brukerutvalget_referat.txt"
    source.write_bytes((CORPUS / MINUTES).read_bytes().replace(b"Kontaktutvalget", b"Brukerutvalget"))
    before = sorted(os.listdir(raw_copy))
    with pytest.raises(OSError, match="No space left"):
        manifest.add_document(source, raw_copy, kind="minutes")
    assert sorted(os.listdir(raw_copy)) == before


def test_a_manifest_that_cannot_be_written_puts_a_removed_file_back(raw_copy, tmp_path, monkeypatch) -> None:
    from analysis.ingest import manifest

    def full_disk(path: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(manifest, "write_text_atomic", full_disk)
    before = sorted(os.listdir(raw_copy))
    with pytest.raises(OSError, match="No space left"):
        manifest.remove_document(raw_copy, MINUTES, removed_dir=tmp_path / "removed")
    assert sorted(os.listdir(raw_copy)) == before and MINUTES in {e.file for e in read_manifest(raw_copy)}
    assert not (tmp_path / "removed" / MINUTES).exists()


def test_adds_run_at_once_register_every_document(tmp_path: Path) -> None:
    """`analysis add` in a loop sent to the background (or `xargs -P`): each add read the manifest, checked its
    document and wrote the manifest back with its row, dropping the rows other adds wrote meanwhile (two processes
    adding 30 documents each left 60 files and 30 rows). Adds now take turns, so every document is registered."""
    import subprocess

    adding = (
        "import sys; from pathlib import Path; from analysis.ingest.manifest import add_document\n"
        "raw, prefix = Path(sys.argv[1]), sys.argv[2]\n"
        "for k in range(15):\n"
        "    source = raw.parent / f'{prefix}-{k:02d}.txt'\n"
        "    source.write_text(f'Referat fra møtet {prefix} nummer {k}. Til stede var Kari Lie og Per Dahl.\\n', "
        "encoding='utf-8')\n"
        "    add_document(source, raw)\n"
    )
    raw = tmp_path / "raw"
    raw.mkdir()
    runs = [subprocess.Popen([sys.executable, "-c", adding, str(raw), prefix]) for prefix in ("a", "b")]
    assert [run.wait() for run in runs] == [0, 0]
    registered = sorted(entry.file for entry in read_manifest(raw))
    assert registered == sorted(f"{prefix}-{k:02d}.txt" for prefix in ("a", "b") for k in range(15))
    assert sorted(p.name for p in raw.iterdir()) == sorted([*registered, "manifest.csv"])
