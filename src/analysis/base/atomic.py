"""Write files and folders so a failure never leaves them half-written."""

import fcntl
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from analysis.base.config import display_path
from analysis.base.errors import InputError

FILE_MODE = 0o644  # mkstemp makes files private (0600); outputs are meant to be read by colleagues


def write_text_atomic(path: Path, text: str) -> None:
    """UTF-8 text, written exactly as given (no newline translation) through `write_bytes_atomic`."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Write to a sibling temporary file, then rename over the target in one step."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def deterministic_zip(files: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend only on the files: sorted names, a fixed date and fixed permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def copy_atomic(source: Path, target: Path) -> None:
    """Copy bytes unchanged, never leaving a partial copy behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def lock_path(target: Path) -> Path:
    return Path(target).parent / f".lock.{Path(target).name}"


@contextmanager
def exclusive(target: Path, what: str = "build") -> Iterator[None]:
    """Hold the lock of `target` for the block; a second writer stops at once with one line, never interleaving.

    The lock is the kernel's (flock) on a file beside the target, so it is
    released when the holder exits, even when killed: a lock never outlives
    its build. Readers take no lock: `replaced_directory` swaps whole folders.
    """
    path = lock_path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(
                display_path(Path(target)),
                f"another {what} is writing this folder now",
                "wait for it to finish, then run again",
            ) from None
        try:
            recover_directory(target)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def taking_turns(folder: Path) -> Iterator[None]:
    """Hold the lock of `folder` for the block, waiting while another process holds it.

    For a short read-modify-write of one shared file in the folder: the
    figure index every notebook adds its rows to, the manifest every
    `analysis add` adds its row to. Two processes at once would each read the
    file, add their row and write it back, and the second write would drop
    the first one's row. Waiting, unlike `exclusive`, loses neither. The lock
    is the kernel's (flock) on the folder itself, so no lock file joins the
    folder's files, and it is released when its holder exits, even when killed.
    """
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing the last descriptor releases the lock


def recover_directory(target: Path) -> None:
    """Undo what a killed `replaced_directory` left: restore the previous folder if the swap stopped halfway.

    A build killed between its two renames leaves the previous tables under
    `.NAME.old` and no `NAME`; they are put back. Staging folders of killed
    builds are removed. Call only while holding the lock (`exclusive`).
    """
    target = Path(target)
    backup = target.parent / f".{target.name}.old"
    if backup.is_dir() and not target.exists():
        os.replace(backup, target)
    for staging in target.parent.glob(f".{target.name}.new.*"):
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def replaced_directory(target: Path) -> Iterator[Path]:
    """Yield an empty staging folder that replaces `target` only if the block completes.

    The previous contents of `target` survive any exception untouched; a
    successful block swaps the staging folder in with two renames.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new.", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the tables are meant to be shared
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    backup = target.parent / f".{target.name}.old"
    shutil.rmtree(backup, ignore_errors=True)
    if target.exists():
        os.replace(target, backup)
    os.replace(staging, target)
    shutil.rmtree(backup, ignore_errors=True)
