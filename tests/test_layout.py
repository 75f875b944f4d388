"""The package's rooms: each folder one layer, no import cycles, no module too long to read.

The layers, from the data up (docs/development.md): ``corpus`` and ``text`` at the bottom,
then the engines (``letter``, ``search``, ``people``, ``timeline``, ``themes``, ``motions``),
then ``views``, ``serialize`` and ``export``, and ``cli`` on top. A module may import only
from its own layer or below; the engines never import the command line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "vr2018"
MAX_LINES = 450

# the layer of each top-level room (a module or a folder of the package)
LAYERS = {
    "problems": 0,
    "version": 0,
    "i18n": 0,
    "corpus": 1,
    "text": 1,
    "letter": 2,
    "search": 2,
    "people": 2,
    "timeline": 2,
    "themes": 2,
    "motions": 2,
    "views": 3,
    "serialize": 3,
    "export": 4,
    "cli": 5,
    "__main__": 6,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """Every module of ours that ``name`` imports, anywhere in it (in functions and type-only blocks too)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("vr2018"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if not module.startswith("vr2018"):
                continue
            for alias in node.names:  # `from vr2018.cli import status`: the module status
                sub = f"{module}.{alias.name}"
                found.add(sub if sub in MODULES else module)
    found.discard(name)
    return {m for m in found if m in MODULES}


GRAPH = {name: _imports(name) for name in MODULES}


def _room(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_there_is_no_import_cycle_counting_every_import():
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for dep in sorted(GRAPH[name]):
            if state.get(dep) == 1:
                cycles.append(path[path.index(dep) :] + [dep] if dep in path else [name, dep])
            elif dep not in state:
                visit(dep, [*path, dep])
        state[name] = 2

    for name in MODULES:
        if name not in state:
            visit(name, [name])
    assert not cycles, "\n".join(" → ".join(c) for c in cycles)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_module_imports_only_from_its_own_layer_or_below(name):
    room = _room(name)
    if room == "__init__":  # the package's public API: load_corpus, lazily
        return
    upward = [dep for dep in GRAPH[name] if _room(dep) != "__init__" and LAYERS[_room(dep)] > LAYERS[room]]
    assert not upward, f"{name} imports from a higher layer: {upward}"


def test_every_room_has_a_layer():
    rooms = {_room(name) for name in MODULES} - {"__init__"}
    assert rooms == set(LAYERS)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_450_lines(name):
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name}: {lines} lines"
