"""vr2018: the Dutch government's letter on the Kingdom's 2018 UN Security Council seat, as data.

    >>> from vr2018 import load_corpus
    >>> corpus = load_corpus()
    >>> corpus.letter.reference
    'BZDOC-151021554-15'

Importing this package is cheap: the data is read and validated on the first
call to :func:`load_corpus`, once.
"""

__all__ = ["DataError", "load_corpus", "__version__"]


TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers read the name)
if TYPE_CHECKING:  # what __getattr__ hands out, as type checkers should see it
    from vr2018.corpus.load import DataError, load_corpus
    from vr2018.version import __version__


def __getattr__(name: str) -> object:  # lazy: `import vr2018` imports nothing else, and stays cheap for the CLI
    if name == "__version__":
        from vr2018.version import __version__

        return __version__
    if name in ("load_corpus", "DataError"):
        from vr2018.corpus import load as corpus

        return getattr(corpus, name)
    raise AttributeError(f"module 'vr2018' has no attribute {name!r}")
