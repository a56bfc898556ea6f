"""The one content-addressed cache: results kept between builds under the hash of what made them.

Every entry is stored under keys that name all it depends on (a document's
sha256, the codebook's sha256, a term matrix's digest, …) plus a version: the
hash of the code that computes it (`code_version`). Any change to the input
or to that code misses the cache and is recomputed, so nothing stale can be
read back. Entries are written atomically (temporary file, then rename), so an
interrupted build leaves no half-written entry, and a damaged entry is simply
recomputed. The per-document parses and codes, the fitted topic-model grids
and the codebook a build last used all live here.
"""

import hashlib
import pickle
from functools import cache
from pathlib import Path

import simplemma

from analysis.base.atomic import write_bytes_atomic

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # src/analysis


@cache
def code_version(*packages: str, root: Path = PACKAGE_DIR) -> str:
    """A hash of every source file in these sub-packages of `analysis` (recursively) and of the lemmatiser.

    Only the code that shapes a cached result belongs in its version: a change
    to a figure must not throw away every parsed document.
    """
    digest = hashlib.sha256(simplemma.__version__.encode())
    for package in sorted(packages):
        folder = root / package
        if not folder.is_dir():
            raise ValueError(f"analysis.{package} is not a package; the cache version would hash nothing")
        for path in sorted(folder.rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def digest_text(text: str) -> str:
    """A short, stable key for a text (a title, a path, a setting)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


class Cache:
    """Pickled values under `folder/KIND/KEY-…-VERSION.pickle`; a cache without a folder stores nothing."""

    def __init__(self, folder: Path | None, version: str = "") -> None:
        self.folder = Path(folder) if folder else None
        self.version = version

    def _path(self, kind: str, *keys: str) -> Path | None:
        if self.folder is None:
            return None
        name = "-".join((*keys, self.version) if self.version else keys)
        return self.folder / kind / f"{name}.pickle"

    def get(self, kind: str, *keys: str):
        path = self._path(kind, *keys)
        if path is None or not path.is_file():
            return None
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError):
            return None  # a damaged or outdated entry is simply recomputed

    def put(self, kind: str, value, *keys: str) -> None:
        path = self._path(kind, *keys)
        if path is None:
            return
        write_bytes_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
