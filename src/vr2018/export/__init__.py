"""Take the letter elsewhere: the whole corpus as Markdown, CSV, JSON Lines or SQLite (with
Datasette's metadata for it, :mod:`vr2018.export.metadata`).

Pure functions from a :class:`~vr2018.corpus.load.Corpus` to text (``markdown``,
``csv_text``, ``jsonl``); the one writer, :func:`~vr2018.export.sqlite.write_sqlite`,
takes a path because sqlite3 writes files. Where the text goes (stdout, or a
file written whole or not at all) is the command line's business.

Every record passes through the builders behind ``--json`` (:mod:`vr2018.serialize`),
so field names are the same everywhere, and a field added there (the English
``_en`` siblings) reaches ``jsonl`` and ``csv`` with no change here.
Nothing here imports Rich.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from vr2018.problems import Conflict, Unknown
from vr2018.text.clean import clean

if TYPE_CHECKING:
    from vr2018.corpus.lang import Lang
    from vr2018.corpus.load import Corpus

FORMATS = ("markdown", "csv", "jsonl", "sqlite", "metadata")
TABLES = (
    "letter",
    "sections",
    "paragraphs",
    "sentences",
    "gaps",
    "themes",
    "points",
    "statements",
    "events",
    "people",
    "motions",
    "references",
)
LIST_SEPARATOR = ";"  # between the items of a list of ids or names in one CSV cell


class ExportError(Conflict):
    """A request that cannot be exported as asked (``reason``: bom-not-csv, csv-without-table,
    two-files, sqlite-without-file, metadata-given-file, takes-no-target; ``facts`` the values
    the message quotes); an unknown format or table is :class:`~vr2018.problems.Unknown`."""

    def __init__(self, reason: str, *facts: str) -> None:
        super().__init__("export", reason, *facts)


def check(fmt: str, target: str | None, output: str | None, bom: bool) -> tuple[str, str | None]:
    """What to export where: ``(table, path)``: table "" but for csv (the table) and metadata
    (the database it describes), path None for stdout (never for sqlite); else ExportError or
    Unknown.

    ``csv TABLE`` names a table; ``sqlite FILE`` names the database (or ``-o FILE``);
    ``metadata [DATABASE]`` the database file it is for (``vr2018.db`` unless given);
    the text formats write to stdout unless ``-o FILE`` is given (``-o -`` is stdout).
    """
    if fmt not in FORMATS:
        raise Unknown("format", fmt, choices=FORMATS)
    if bom and fmt != "csv":
        raise ExportError("bom-not-csv", fmt)
    path = None if output in (None, "-") else output
    if fmt == "csv":
        if target is None:
            raise ExportError("csv-without-table", *TABLES)
        if target not in TABLES:
            raise Unknown("table", target, choices=TABLES)
        return target, path
    if fmt == "sqlite":
        if target is not None and output is not None and target != output:
            raise ExportError("two-files", target, output)
        path = target or output
        if path in (None, "-"):
            raise ExportError("sqlite-without-file")
        return "", path
    if fmt == "metadata":
        if target is not None and target.lower().endswith((".json", ".yaml", ".yml")):
            raise ExportError("metadata-given-file", target)
        return target or "vr2018.db", path
    if target is not None:
        raise ExportError("takes-no-target", fmt, target)
    return "", path


# ── records: what --json gives, one kind at a time ─────────────────────────


def records(corpus: Corpus) -> Iterator[dict[str, Any]]:
    """Every record of every kind, each as its ``--json`` object with a ``type`` field first."""
    from vr2018 import motions, themes
    from vr2018.serialize.letter import read_json, references_json
    from vr2018.serialize.motions import motion_json
    from vr2018.serialize.people import event_json, people_json
    from vr2018.serialize.themes import theme_json

    whole = read_json(corpus)
    yield {"type": "letter", **whole["letter"]}
    for kind, items in (("section", whole["sections"]), ("paragraph", whole["paragraphs"]), ("gap", whole["gaps"])):
        for item in items:
            yield {"type": kind, **item}
    for sentence in sentence_rows(corpus):  # each also a record of its own, for select(.type == "sentence")
        yield {"type": "sentence", **sentence}
    for theme in corpus.themes:
        yield {"type": "theme", **theme_json(corpus, themes.detail(corpus, theme))}
    for reference in references_json(corpus, motions.references(corpus)):
        yield {"type": "reference", **reference}
    for motion in corpus.motions:
        yield {"type": "motion", **motion_json(corpus, motion)}
    for event in corpus.events:
        yield {"type": "event", **event_json(event)}
    for person in people_json(corpus, corpus.people):
        yield {"type": "person", **person}


def jsonl(corpus: Corpus) -> str:
    """JSON Lines: one object per line, UTF-8 as is, terminal-active characters escaped as in --json."""
    import json

    from vr2018.text.clean import escape_terminal_active

    return "".join(escape_terminal_active(json.dumps(r, ensure_ascii=False)) + "\n" for r in records(corpus))


def table(corpus: Corpus, name: str) -> list[dict[str, Any]]:
    """The rows of one CSV table, as ``--json`` objects (before flattening)."""
    from vr2018 import motions, themes
    from vr2018.serialize.letter import read_json, references_json, statement_json
    from vr2018.serialize.motions import motion_json
    from vr2018.serialize.people import event_json, people_json
    from vr2018.serialize.themes import theme_json

    if name == "letter":
        return [letter_row(corpus)]
    if name in ("sections", "paragraphs", "gaps"):
        rows: list[dict[str, Any]] = read_json(corpus)[name]
        return rows
    if name == "statements":
        return statement_rows(corpus)
    if name == "sentences":
        return sentence_rows(corpus)
    if name == "themes":
        return [theme_json(corpus, themes.detail(corpus, t)) for t in corpus.themes]
    if name == "points":  # the points of theme --json (statement_json), each with its theme and number
        return [
            {"theme": t.id, "number": n, **statement_json(p.text, p.text_en, p.sources)}
            for t in corpus.themes
            for n, p in enumerate(t.points, 1)
        ]
    if name == "events":
        return [event_json(e) for e in corpus.events]
    if name == "people":
        return people_json(corpus, corpus.people)
    if name == "motions":
        return [motion_json(corpus, m) for m in corpus.motions]
    if name == "references":
        return references_json(corpus, motions.references(corpus))
    raise Unknown("table", name, choices=TABLES)


def sentence_rows(corpus: Corpus) -> list[dict[str, Any]]:
    """Every sentence of every paragraph as ``--json`` gives it (``sentence_json``),
    addressable as ``ID:N`` (N from 1 within the paragraph): ``text`` is the paragraph's
    ``text[start:end]``, ``text_en`` its English twin; ``cut`` marks the sentence a missing page cuts."""
    from vr2018.letter.sentences import of
    from vr2018.serialize.letter import sentence_json

    return [sentence_json(s) for paragraph in corpus.paragraphs for s in of(paragraph)]


def letter_row(corpus: Corpus) -> dict[str, Any]:
    """The letter's metadata (``read --json``'s ``letter``) as one row: the address blocks one
    line each; the signatories as their names, offices (``_en``) and person ids, one for one;
    the earlier letter as its reference id; the fragments as ``first_line-last_line``."""
    from vr2018.serialize.letter import letter_json

    letter = letter_json(corpus)
    signatories = letter.pop("signatories")
    row: dict[str, Any] = {}
    for key, value in letter.items():
        if key in ("addressee", "addressee_en", "sender", "sender_en"):
            value = "\n".join(value)
        elif key == "earlier_letter":
            value = value["id"] if value else None
        elif key == "fragments":
            value = [f"{f['first_line']}-{f['last_line']}" for f in value]
        row[key] = value
        if key == "sender_en":  # the signatories follow the addresses, as in the letter
            row["signatories"] = [s["name"] for s in signatories]
            row["signatory_offices"] = [s["office"] for s in signatories]
            row["signatory_offices_en"] = [s["office_en"] or "" for s in signatories]
            row["signatory_people"] = [s["person"] or "" for s in signatories]
    return row


def statement_rows(corpus: Corpus) -> list[dict[str, Any]]:
    """Every statement of ours that rests on paragraphs, one row per paragraph it cites (one row,
    with no paragraph, for a statement that cites none): theme points (``kind`` point, ``owner``
    the theme), what was done on a motion (done, the motion), what a person did (did, the person)
    and the timeline's events (event, no owner). ``number`` counts from 1 within the owner (for an
    event: its row in ``csv events``)."""
    rows = []

    def add(kind: str, owner: str | None, number: int, text: str, text_en: str | None, cited: Any) -> None:
        for paragraph in dict.fromkeys(cited) or (None,):
            rows.append(
                {
                    "kind": kind,
                    "owner": owner,
                    "number": number,
                    "paragraph": paragraph,
                    "text": text,
                    "text_en": text_en,
                }
            )

    for theme in corpus.themes:
        for n, point in enumerate(theme.points, 1):
            add("point", theme.id, n, point.text, point.text_en, point.sources)
    for motion in corpus.motions:
        for n, done in enumerate(motion.done, 1):
            add("done", motion.id, n, done.text, done.text_en, done.paragraphs)
    for person in corpus.people:
        for n, did in enumerate(person.did, 1):
            add("did", person.id, n, did.text, did.text_en, did.paragraphs)
    for n, event in enumerate(corpus.events, 1):
        add("event", None, n, event.label, event.label_en, (event.paragraph,) if event.paragraph else ())
    return rows


STATEMENT = {"text", "text_en", "paragraphs"}  # the keys of statement_json

# Nested lists that are a table of their own (or live in jsonl), not a cell.
NOT_A_CELL = {"themes": ("points", "events", "gaps"), "paragraphs": ("sentences",)}


# Fields that hold a list of statements (a person's did, a motion's done): two cells, Dutch and English.
STATEMENT_FIELDS = ("did", "done")


def cells(row: dict[str, Any], skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """A ``--json`` object as CSV cells (:func:`cell`), but for the fields in ``skip``; a list of
    statements (``did``, ``done``) becomes two: its Dutch and, beside it, ``_en`` its English."""
    out = {}
    for key, value in row.items():
        if key in skip:
            continue
        out[key] = cell(value)
        if key in STATEMENT_FIELDS:
            out[key + "_en"] = clean("\n".join(v["text_en"] or "" for v in value))
    return out


def cell(value: Any) -> Any:
    """One JSON value as one CSV cell: lists of ids or names joined with ';', statements
    (``{"text", "text_en", "paragraphs"}``, whose ids are in the row's ``paragraphs``) one per line,
    in Dutch (:func:`cells` puts their English beside them)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):  # no escape sequence or control character in a cell (newlines stay)
        return clean(value)
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return clean(LIST_SEPARATOR.join(str(v) for v in value))
    if isinstance(value, list) and all(isinstance(v, dict) and "id" in v for v in value):
        return clean(LIST_SEPARATOR.join(v["id"] for v in value))
    if isinstance(value, list) and all(isinstance(v, dict) and set(v) == STATEMENT for v in value):
        return clean("\n".join(v["text"] for v in value))
    raise TypeError(f"no CSV cell for {value!r}")  # a new nested field: decide where it goes


def csv_text(corpus: Corpus, name: str, bom: bool = False) -> str:
    """One table as CSV: a header row, RFC 4180 quoting, CRLF line ends; a BOM only if asked."""
    import csv
    import io

    skip = NOT_A_CELL.get(name, ())
    rows = [cells(row, skip) for row in table(corpus, name)]
    header = list(dict.fromkeys(k for row in rows for k in row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([row.get(k, "") for k in header] for row in rows)
    return ("\ufeff" if bom else "") + out.getvalue()


def markdown(corpus: Corpus, lang: Lang | None = None) -> str:
    """The whole corpus as Markdown: in Dutch, or (``en``, ``both``) with our English
    rendering labelled as an unofficial translation (:func:`vr2018.export.md.document`)."""
    from vr2018.corpus.lang import NL
    from vr2018.export.md import document

    # A document for people: no escape sequence or control character from the data reaches it
    # (or the terminal it is printed on), as in every view.
    return clean(document(corpus, lang or NL))


__all__ = [
    "FORMATS",
    "TABLES",
    "ExportError",
    "check",
    "records",
    "jsonl",
    "table",
    "letter_row",
    "statement_rows",
    "csv_text",
    "markdown",
]
