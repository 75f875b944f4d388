"""Plain JSON data for ``--json`` and the exports; never imports Rich."""
