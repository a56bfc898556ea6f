"""The manifest is the provenance record: which file, which bytes, and what the text cannot say."""

import csv
import hashlib
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from analysis.base.atomic import copy_atomic, taking_turns, write_text_atomic
from analysis.base.config import MANIFEST_NAME, RAW_DIR, display_path, readable_name
from analysis.base.errors import InputError
from analysis.base.handfiles import read_csv_text

KINDS = ("minutes", "news", "agenda", "other")
# A full date, a month or only a year: "2019" is what a researcher often knows about a news item.
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
# Files in the raw folder that are documentation, not documents.
NOT_DOCUMENTS = {MANIFEST_NAME, "README.md"}


@dataclass(frozen=True)
class ManifestEntry:
    """One registered document; empty strings mean 'let the text say it'."""

    file: str
    sha256: str
    kind: str
    date: str = ""
    title: str = ""
    source: str = ""


COLUMNS = [f.name for f in fields(ManifestEntry)]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def validate_entry(entry: ManifestEntry, where: str) -> None:
    """Refuse rows a build could only guess about."""
    if not entry.file or "/" in entry.file or "\\" in entry.file:
        raise InputError(
            where,
            f"file name {entry.file!r} is not a plain file name",
            "name the file as it lies in the raw folder",
        )
    if readable_name(entry.file) != entry.file:  # bytes the file system could not decode as UTF-8
        raise InputError(
            where,
            f"file name {readable_name(entry.file)!r} is not text the manifest can hold (its bytes are not UTF-8, "
            "as names unpacked from an archive made on another system can be)",
            "rename the file, or give the name it should have with --name",
        )
    if not re.fullmatch(r"[0-9a-f]{64}", entry.sha256):
        raise InputError(
            where,
            f"sha256 of {entry.file} is not 64 hex digits",
            "register the file again with `analysis add`",
        )
    if entry.kind not in KINDS:
        raise InputError(
            where,
            f"kind {entry.kind!r} of {entry.file} is not one of {', '.join(KINDS)}",
            "correct the kind column",
        )
    if entry.date and not DATE_RE.match(entry.date):
        raise InputError(
            where,
            f"date {entry.date!r} of {entry.file} is not YYYY-MM-DD, YYYY-MM or YYYY",
            "correct the date column or leave it empty",
        )


def read_manifest(raw_dir: Path = RAW_DIR) -> list[ManifestEntry]:
    path = Path(raw_dir) / MANIFEST_NAME
    where = display_path(path)
    if not path.is_file():
        raise InputError(where, "manifest not found", "register documents with `analysis add FILE`")
    reader = csv.DictReader(io.StringIO(read_csv_text(path, COLUMNS, required=("file", "sha256", "kind"))))
    entries: list[ManifestEntry] = []
    seen: set[str] = set()
    for line_no, row in enumerate(reader, start=2):
        if None in row or any(value is None for value in row.values()):
            raise InputError(
                f"{where}:{line_no}",
                "row has a different number of fields than the header",
                "quote values that contain commas",
            )
        entry = ManifestEntry(**{c: (row.get(c) or "").strip() for c in COLUMNS})
        validate_entry(entry, f"{where}:{line_no}")
        if entry.file in seen:
            raise InputError(f"{where}:{line_no}", f"{entry.file} is listed twice", "keep one row per file")
        seen.add(entry.file)
        entries.append(entry)
    return entries


def format_manifest(entries: list[ManifestEntry]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in sorted(entries, key=lambda e: e.file):
        writer.writerow(asdict(entry))
    return buffer.getvalue()


def add_document(
    source: Path,
    raw_dir: Path = RAW_DIR,
    *,
    kind: str = "minutes",
    date: str = "",
    title: str = "",
    origin: str = "",
    name: str | None = None,
) -> ManifestEntry:
    """Copy a document into the raw folder byte for byte and register it.

    The copy happens before the manifest is rewritten, and both are atomic,
    so an interrupted add leaves at worst an unregistered copy that the next
    build names. Adds run at once take turns (`_one_writer`).
    """
    source = Path(source)
    raw_dir = Path(raw_dir)
    if not source.is_file():
        raise InputError(display_path(source), "no such file", "check the path")
    target_name = name or source.name
    entry = ManifestEntry(file=target_name, sha256=sha256_of(source), kind=kind, date=date, title=title, source=origin)
    validate_entry(entry, display_path(source))
    if target_name in NOT_DOCUMENTS or target_name.startswith("."):
        raise InputError(display_path(source), f"{target_name!r} is reserved in the raw folder", "rename the file")
    from analysis.ingest.extract import extract

    extract(source, source.read_bytes(), display_path(source))  # refuse now what the build would refuse
    raw_dir.mkdir(parents=True, exist_ok=True)
    with _one_writer(raw_dir):
        return _register(source, raw_dir, entry)


def _register(source: Path, raw_dir: Path, entry: ManifestEntry) -> ManifestEntry:
    """`add_document`'s checks against the manifest, the copy and the new manifest, for one writer at a time."""
    manifest_path = raw_dir / MANIFEST_NAME
    entries = read_manifest(raw_dir) if manifest_path.exists() else []
    target_name = entry.file
    for existing in entries:
        if existing.file == target_name:
            raise InputError(
                display_path(source),
                f"{target_name} is already registered",
                "give the new document another name with --name",
            )
        if existing.sha256 == entry.sha256:
            raise InputError(display_path(source), f"same bytes as the registered {existing.file}", "nothing to add")
    target = raw_dir / target_name
    if target.exists() and target.resolve() != source.resolve():
        raise InputError(
            display_path(target),
            "a different unregistered file has this name",
            "move it away or choose another name with --name",
        )
    copied = target.resolve() != source.resolve()
    if copied:
        copy_atomic(source, target)
    try:
        write_text_atomic(manifest_path, format_manifest([*entries, entry]))
    except BaseException:
        if copied:  # never a file in the raw folder that the manifest does not list
            target.unlink(missing_ok=True)
        raise
    return entry


@contextmanager
def _one_writer(raw_dir: Path) -> Iterator[None]:
    """The manifest read, checked and rewritten by one `analysis add`, `edit` or `remove` at a time.

    Run at once (adds in a loop sent to the background, `xargs -P`), each
    would write back the manifest it had read and drop the others' rows:
    two processes adding 30 documents each left 60 files and 30 rows. Where
    there is no raw folder yet, nothing is registered to lose, and the
    caller says what is missing.
    """
    if not raw_dir.is_dir():
        yield
        return
    with taking_turns(raw_dir):
        yield


def _registered(raw_dir: Path, file: str) -> tuple[list[ManifestEntry], ManifestEntry]:
    entries = read_manifest(raw_dir)
    name = Path(file).name
    for entry in entries:
        if entry.file == name:
            return entries, entry
    raise InputError(
        display_path(Path(raw_dir) / name),
        "not registered in manifest.csv",
        f"registered files: {', '.join(e.file for e in entries) or 'none'}",
    )


def edit_document(raw_dir: Path = RAW_DIR, file: str = "", **changes: str | None) -> ManifestEntry:
    """Correct what the manifest says about a registered document (kind, date, title, source).

    The document's bytes are never touched; only the given fields change,
    and an empty string clears a field so the text decides again.
    """
    raw_dir = Path(raw_dir)
    with _one_writer(raw_dir):
        entries, entry = _registered(raw_dir, file)
        updates = {k: v.strip() for k, v in changes.items() if v is not None}
        edited = replace(entry, **updates)
        validate_entry(edited, display_path(raw_dir / MANIFEST_NAME))
        write_text_atomic(raw_dir / MANIFEST_NAME, format_manifest([edited if e is entry else e for e in entries]))
    return edited


def remove_document(raw_dir: Path = RAW_DIR, file: str = "", removed_dir: Path | None = None) -> Path:
    """Unregister a document and move its file out of the raw folder (never delete a source).

    The file goes to `removed_dir` (default: data/removed/ next to the raw
    folder) first, the manifest is rewritten after; if that fails, the file
    is moved back, and a hard kill between the two leaves at worst a
    registered file that is missing, which the build names.
    """
    raw_dir = Path(raw_dir)
    with _one_writer(raw_dir):
        return _unregister(raw_dir, file, Path(removed_dir) if removed_dir else raw_dir.parent / "removed")


def _unregister(raw_dir: Path, file: str, removed_dir: Path) -> Path:
    """`remove_document`'s move and new manifest, for one writer at a time."""
    entries, entry = _registered(raw_dir, file)
    source = raw_dir / entry.file
    target = removed_dir / entry.file
    if target.exists():
        raise InputError(display_path(target), "a removed file with this name already exists", "move it away first")
    removed_dir.mkdir(parents=True, exist_ok=True)
    moved = source.exists()
    if moved:
        source.replace(target)
    try:
        write_text_atomic(raw_dir / MANIFEST_NAME, format_manifest([e for e in entries if e is not entry]))
    except BaseException:
        if moved:
            target.replace(source)
        raise
    return target
