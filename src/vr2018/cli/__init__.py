"""The command line, the one edge: the Typer app, the commands, options, console and pager,
messages and exit statuses."""
