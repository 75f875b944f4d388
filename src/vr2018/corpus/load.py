"""The public way in: :func:`load_corpus` and :func:`data_dir`.

``load_corpus()`` reads the data bundled with the package (or the folder named
by ``VR2018_DATA``) through the cache (:mod:`vr2018.corpus.cache`), which falls back
to reading and validating the TOML (:mod:`vr2018.corpus.loader`). Any fault in the
data raises :class:`DataError` whose message is one line naming the file, the
record and the field.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from vr2018.corpus.model import Corpus
from vr2018.problems import DataError

__all__ = ["DATA_ENV", "Corpus", "DataError", "data_dir", "load_corpus"]


DATA_ENV = "VR2018_DATA"


_lock = threading.Lock()


_loaded: dict[Path, Corpus] = {}


def data_dir() -> Path:
    """Where the data files are: ``$VR2018_DATA``, the installed package, or a checkout."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    # Installed from a wheel, the package is a plain folder and its data sits
    # beside this file: exactly what importlib.resources.files() would return,
    # without importing importlib.resources, which costs every command
    # (python -X importtime). Any other kind of installation goes through it.
    bundled = Path(__file__).parent.parent / "data"
    if bundled.is_dir():
        return bundled
    checkout = Path(__file__).resolve().parents[3] / "data"  # an editable install or a checkout
    if checkout.is_dir():
        return checkout
    from importlib.resources import files

    return Path(str(files("vr2018") / "data"))  # any other loader that keeps files on disk


def load_corpus(path: str | os.PathLike[str] | None = None) -> Corpus:
    """The corpus, loaded and validated on first use and kept per folder."""
    folder = Path(path) if path is not None else data_dir()
    with _lock:
        corpus = _loaded.get(folder)
        if corpus is None:
            from vr2018.corpus.cache import load_cached

            corpus = _loaded[folder] = load_cached(folder)
        return corpus
