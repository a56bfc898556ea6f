"""Read the registered documents, verify their bytes and decode them, refusing what we cannot trust."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from analysis.base.config import RAW_DIR, display_path
from analysis.base.errors import InputError
from analysis.ingest.extract import extract
from analysis.ingest.manifest import NOT_DOCUMENTS, ManifestEntry, read_manifest


@dataclass(frozen=True)
class RawDocument:
    """A document's verified text with the manifest row it came with."""

    meeting_id: str
    entry: ManifestEntry
    text: str
    encoding: str = "utf-8"
    repaired_mojibake: bool = False


def meeting_id_for(file_name: str) -> str:
    """Derive the id from the file name so it is stable across rebuilds and readable in tables."""
    return Path(file_name).stem


def unregistered_files(raw_dir: Path, entries: list[ManifestEntry]) -> list[str]:
    known = {e.file for e in entries}
    return sorted(
        p.name
        for p in Path(raw_dir).iterdir()
        if p.is_file() and p.name not in known and p.name not in NOT_DOCUMENTS and not p.name.startswith(".")
    )


def registered_entries(raw_dir: Path = RAW_DIR) -> list[ManifestEntry]:
    """The manifest's rows, after checking that the folder holds exactly the registered files."""
    raw_dir = Path(raw_dir)
    entries = read_manifest(raw_dir)
    stray = unregistered_files(raw_dir, entries)
    if stray:
        raise InputError(
            display_path(raw_dir / stray[0]),
            "file is not registered in manifest.csv",
            f"run `analysis add {display_path(raw_dir / stray[0])}` or move it out",
        )
    return sorted(entries, key=lambda e: meeting_id_for(e.file))


def verified_bytes(raw_dir: Path, entry: ManifestEntry) -> bytes:
    """The file's bytes, once they are shown to be the registered ones."""
    path = Path(raw_dir) / entry.file
    if not path.is_file():
        raise InputError(
            display_path(path), "listed in manifest.csv but missing", "restore the file or remove its manifest row"
        )
    data = path.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if actual != entry.sha256:
        raise InputError(
            display_path(path),
            f"sha256 mismatch (manifest {entry.sha256[:12]}…, file {actual[:12]}…)",
            "restore the original bytes; raw files are never edited",
        )
    return data


def ingest(raw_dir: Path, entry: ManifestEntry, data: bytes | None = None) -> RawDocument:
    """One document: present, the registered bytes, and text we can read."""
    path = Path(raw_dir) / entry.file
    where = display_path(path)
    data = verified_bytes(raw_dir, entry) if data is None else data
    decoded = extract(path, data, where)
    return RawDocument(meeting_id_for(entry.file), entry, decoded.text, decoded.encoding, decoded.repaired_mojibake)


def load_documents(raw_dir: Path = RAW_DIR) -> list[RawDocument]:
    """Every manifest row must have its file with the registered bytes, and every file its row."""
    return [ingest(raw_dir, entry) for entry in registered_entries(raw_dir)]
