"""Export: the whole corpus for other tools.

Each command parses, calls an engine, hands the result to a view or a
serialiser and returns its exit status (see :mod:`vr2018.cli.main`).
"""

# No `from __future__ import annotations` here (see vr2018.cli.main).
from typing import Annotated

import typer

from vr2018.cli import options as opt
from vr2018.cli.app import app, load_letter
from vr2018.cli.status import ExitStatus
from vr2018.corpus.lang import Lang


@app.command("export", short_help="Everything as Markdown, CSV, JSON Lines or an SQLite database.")
def export_(
    ctx: typer.Context,
    format_: opt.ExportFormat,
    target: opt.ExportTarget = None,
    output: Annotated[
        str | None, typer.Option("-o", "--output", metavar="FILE", help="Write to FILE instead of stdout.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    bom: Annotated[bool, typer.Option("--bom", help="csv: start with a byte order mark, for Excel.")] = False,
    lang: opt.LangOption = Lang.nl,
) -> ExitStatus:
    """Export the whole letter, and what vr2018 knows about it, for other tools.

    markdown and jsonl are the whole corpus in one document; csv is one table
    per call; sqlite writes a database with keys and full-text indexes, and
    metadata Datasette's description of it. Text goes to stdout unless -o FILE
    is given. A file is written whole or not at all, and an existing file is
    kept unless --force.

    \b
    Examples:
      vr2018 export markdown -o vr2018.md
      vr2018 export csv paragraphs -o paragraphs.csv
      vr2018 export jsonl | jq -c 'select(.type == "motion")'
      vr2018 export sqlite vr2018.db
      vr2018 export metadata -o metadata.json && datasette vr2018.db -m metadata.json
    """
    from vr2018 import export
    from vr2018.cli.streams import emit_bytes, run_state, write_file

    refused = run_state(ctx).altered  # names whose control characters the command line took out

    table, path = export.check(format_, target, output, bom)
    corpus = load_letter()
    if format_ == "sqlite" and path is not None:  # check() names a FILE for sqlite
        from vr2018.export.sqlite import write_sqlite

        write_file(path, lambda temporary: write_sqlite(corpus, temporary), force, refused)
        return ExitStatus.OK
    if format_ == "csv":
        text = export.csv_text(corpus, table, bom=bom)
    elif format_ == "metadata":
        from vr2018.export.metadata import database_name, metadata_json

        text = metadata_json(corpus, database_name(table))
    else:
        text = export.markdown(corpus, lang) if format_ == "markdown" else export.jsonl(corpus)
    data = text.encode("utf-8")
    if path is None:
        emit_bytes(data)
    else:
        from pathlib import Path

        write_file(path, lambda temporary: Path(temporary).write_bytes(data), force, refused)
    return ExitStatus.OK
