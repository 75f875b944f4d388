"""The Dutch interface catalog: what to translate, and the compiled file the package reads.

    python tools/catalog.py update    # add new strings to the .po (empty), drop ones no longer used
    python tools/catalog.py compile   # write the .mo beside the .po
    python tools/catalog.py check     # exit 1 if a string lacks its Dutch or the .mo is stale

What to translate is found two ways, so nothing the user reads is missed:
- in the source, every literal passed to ``_()``, ``N_()`` or ``ngettext()``;
- in the command tree itself (the Typer app, built as the console script builds it): every
  command's help, short help and every parameter's help, exactly as Click holds them.

The compiler writes the GNU .mo format (the one :mod:`gettext` reads): no tool beyond Python.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "vr2018"
PO = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "vr2018.po"
MO = PO.with_suffix(".mo")
HEADER = (
    "Project-Id-Version: vr2018\n"
    "Language: nl\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\n"
)

Key = tuple[str, str | None]  # (msgid, msgid_plural)


def source_strings() -> dict[Key, str]:
    """Every literal given to _(), N_() or ngettext() in the package: {(msgid, plural): where}."""
    found: dict[Key, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if node.func.id in ("_", "N_") and args and args[0]:
                found.setdefault((args[0], None), where)
            elif node.func.id == "ngettext" and len(args) >= 2 and args[0] and args[1]:
                found.setdefault((args[0], args[1]), where)
    return found


def command_strings() -> dict[Key, str]:
    """Every help text of the command tree, as Click holds it: {(msgid, None): where}."""
    sys.path.insert(0, str(PACKAGE.parent))
    import typer

    from vr2018.cli.main import app

    group = typer.main.get_command(app)
    found: dict[Key, str] = {}

    def add(text: str | None, where: str) -> None:
        if text:
            found.setdefault((text, None), where)

    commands = [("vr2018", group), *[(f"vr2018 {n}", c) for n, c in getattr(group, "commands", {}).items()]]
    for path, command in commands:
        add(command.help, f"{path} (help)")
        add(command.short_help, f"{path} (short help)")
        add(getattr(command, "options_metavar", None), f"{path} (usage)")
        for param in command.params:
            add(getattr(param, "help", None), f"{path} {param.name}")
            add(getattr(param, "metavar", None), f"{path} {param.name} (metavar)")
    return found


def wanted() -> dict[Key, str]:
    return {**command_strings(), **source_strings()}


# ── the .po file ──────────────────────────────────────────────────────────


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\b", "\\b")
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{p}"' for p in parts)


def _unquote(chunks: list[str]) -> str:
    out = []
    for chunk in chunks:
        body = chunk.strip()[1:-1]
        i = 0
        while i < len(body):
            ch = body[i]
            if ch == "\\" and i + 1 < len(body):
                nxt = body[i + 1]
                out.append({"n": "\n", "t": "\t", "b": "\b", '"': '"', "\\": "\\"}.get(nxt, nxt))
                i += 2
            else:
                out.append(ch)
                i += 1
    return "".join(out)


def read_po(path: Path = PO) -> dict[Key, list[str]]:
    """{(msgid, msgid_plural): [msgstr] or [msgstr[0], msgstr[1]]}, the header left out."""
    entries: dict[Key, list[str]] = {}
    if not path.exists():
        return entries
    current: dict[str, list[str]] = {}
    field = ""

    def flush() -> None:
        if "msgid" in current:
            msgid = _unquote(current["msgid"])
            plural = _unquote(current["msgid_plural"]) if "msgid_plural" in current else None
            if plural is None:
                strs = [_unquote(current.get("msgstr", []))]
            else:
                strs = [_unquote(current.get(f"msgstr[{i}]", [])) for i in range(2)]
            if msgid:
                entries[(msgid, plural)] = strs
        current.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            if not stripped and current:
                flush()
            continue
        if stripped.startswith('"'):
            current.setdefault(field, []).append(stripped)
            continue
        field, _, rest = stripped.partition(" ")
        if field == "msgid" and "msgid" in current:
            flush()
        current[field] = [rest]
    flush()
    return entries


def write_po(entries: dict[Key, list[str]], where: dict[Key, str], path: Path = PO) -> None:
    lines = [
        "# Dutch interface of vr2018: labels, help and messages (not the letter, which is Dutch).",
        "# Official Dutch government style: u-form, 'Kamerstuk', 'motie', 'vindplaats'.",
        'msgid ""',
        "msgstr " + _quote(HEADER),
        "",
    ]
    for key in sorted(entries, key=lambda k: (where.get(k, "~"), k)):
        msgid, plural = key
        if key in where:
            lines.append(f"#: {where[key]}")
        lines.append("msgid " + _quote(msgid))
        if plural is None:
            lines.append("msgstr " + _quote(entries[key][0]))
        else:
            lines.append("msgid_plural " + _quote(plural))
            lines += [f"msgstr[{i}] " + _quote(s) for i, s in enumerate(entries[key])]
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


# ── the .mo file ──────────────────────────────────────────────────────────


def compile_mo(entries: dict[Key, list[str]]) -> bytes:
    """The GNU .mo bytes for the translated entries (untranslated ones are left out: gettext
    then shows the English), the header first, ids sorted as gettext expects."""
    pairs: dict[bytes, bytes] = {b"": HEADER.encode()}
    for (msgid, plural), strs in entries.items():
        if not all(strs):
            continue
        if plural is None:
            pairs[msgid.encode()] = strs[0].encode()
        else:
            pairs[msgid.encode() + b"\0" + plural.encode()] = b"\0".join(s.encode() for s in strs)
    ids = sorted(pairs)
    n = len(ids)
    key_start = 7 * 4
    value_start = key_start + n * 8
    data_start = value_start + n * 8
    keys_table, values_table, blob = [], [], b""
    for original in ids:
        keys_table.append((len(original), data_start + len(blob)))
        blob += original + b"\0"
    for original in ids:
        translated = pairs[original]
        values_table.append((len(translated), data_start + len(blob)))
        blob += translated + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, n, key_start, value_start, 0, 0)
    tables = b"".join(struct.pack("<2I", *pair) for pair in keys_table + values_table)
    return header + tables + blob


def problems(entries: dict[Key, list[str]], needed: dict[Key, str]) -> list[str]:
    out = [f"untranslated: {key[0][:70]!r} ({needed[key]})" for key in needed if not all(entries.get(key, [""]))]
    out += [f"not used any more: {key[0][:70]!r}" for key in entries if key not in needed]
    if not MO.exists() or MO.read_bytes() != compile_mo(entries):
        out.append(f"{MO.relative_to(ROOT)} is not compiled from {PO.name}: run python tools/catalog.py compile")
    return out


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    entries = read_po()
    if command == "update":
        needed = wanted()
        kept = {key: entries.get(key, [""] if key[1] is None else ["", ""]) for key in needed}
        write_po(kept, needed)
        MO.write_bytes(compile_mo(kept))
        missing = sum(1 for strs in kept.values() if not all(strs))
        print(f"{len(kept)} strings, {missing} without Dutch; {len(set(entries) - set(needed))} dropped")
        return 0
    if command == "compile":
        MO.write_bytes(compile_mo(entries))
        return 0
    found = problems(entries, wanted())
    print("\n".join(found) or "the catalog is complete")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
