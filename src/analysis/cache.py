"""Per-document results kept between builds, so adding one document does not redo the others.

A document's parse is stored under its sha256 and the pipeline's version
(a hash of this package's source and the lemmatiser's version); its codes
also under the codebook's sha256. Any change to the code, the document or
the codebook therefore misses the cache and is redone; nothing stale can be
read back. Entries are written atomically, so an interrupted build leaves
no half-written entry.
"""

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

import simplemma

PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def pipeline_version() -> str:
    digest = hashlib.sha256(simplemma.__version__.encode())
    for path in sorted(PACKAGE_DIR.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class Cache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = Path(folder) if folder else None

    def _path(self, kind: str, *keys: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / kind / f"{'-'.join(keys)}-{pipeline_version()}.pickle"

    def get(self, kind: str, *keys: str):
        path = self._path(kind, *keys)
        if path is None or not path.is_file():
            return None
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None  # a damaged entry is simply recomputed

    def put(self, kind: str, value, *keys: str) -> None:
        path = self._path(kind, *keys)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".entry.", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
