"""Every command's --json validates against its published JSON Schema (docs/schema/).

The schemas are draft 2020-12, share their objects through ``defs.schema.json``
(resolved with a :class:`referencing.Registry`, as a user's validator would from
the files side by side) and forbid fields they do not name, so a field added,
renamed or dropped in :mod:`vr2018.serialize` fails here until the schema (and
docs/json.md) say the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMAS = Path(__file__).resolve().parent.parent / "docs" / "schema"
FILES = sorted(p.name for p in SCHEMAS.glob("*.json"))

# schema file → argument variants of the command it describes (each run with --json)
CASES: dict[str, list[tuple[str, ...]]] = {
    "read.schema.json": [("read",)],
    "show.schema.json": [
        ("show", "rutte-26-september"),
        ("show", "iran-2231", "-C", "2"),
        ("show", "inleiding", "--context", "1"),
        ("show", "myanmar-rohingya"),
        ("show", "contraterrorisme-trip"),
        ("show", "conflict"),
        ("show", "myanmar-rohingya:2"),
        ("show", "myanmar-rohingya:3"),
        ("show", "europese-samenwerking-legacy:1"),
    ],
    "cite.schema.json": [
        ("cite",),
        ("cite", "iran-2231"),
        ("cite", "myanmar-rohingya", "-f", "bibtex"),
        ("cite", "myanmar-rohingya:2"),
        ("cite", "europese-samenwerking-legacy:1"),
    ],
    "info.schema.json": [("info",)],
    "timeline.schema.json": [
        ("timeline",),
        ("timeline", "--theme", "caribisch"),
        ("timeline", "--theme", "klimaat"),
        ("timeline", "--from", "2018-09", "--to", "2018-12"),
        ("timeline", "--person", "rutte"),
        ("timeline", "--from", "2030", "--to", "2031"),
    ],
    "toc.schema.json": [("toc",)],
    "people.schema.json": [
        ("people",),
        ("people", "minister-president"),
        ("people", "kaag"),
        ("people", "zzzz"),
        ("people", "prime", "minister"),
    ],
    "themes.schema.json": [("theme",)],
    "theme.schema.json": [
        ("theme", "klimaat"),
        ("theme", "curacao", "--full"),
        ("theme", "myanmar", "--full"),
        ("theme", "sancties"),
    ],
    "motions.schema.json": [
        ("motions",),
        ("motions", "--kamerstuk", "22045"),
        ("motions", "rohingya"),
        ("motions", "--kamerstuk", "99999"),
        ("motions", "zzzz"),
    ],
    "refs.schema.json": [("refs",)],
    "search.schema.json": [
        ("search", "human trafficking"),
        ("search", "resolutie", "2396"),
        ("search", "klimaat", "--limit", "50"),
        ("search", '"nucleaire deal met Iran"'),
        ("search", "Trmp"),
        ("search", "rohingya", "--theme", "klimaat"),
        ("search", "curaçao", "--theme", "caribisch"),
    ],
}
SHARED = {"defs.schema.json"}  # used through $ref by the others
JSONL = "export-jsonl.schema.json"  # one line of `export jsonl`


def _registry() -> Registry:
    resources = [
        (name, Resource.from_contents(json.loads((SCHEMAS / name).read_text(encoding="utf-8")))) for name in FILES
    ]
    return Registry().with_resources(resources)


REGISTRY = _registry()


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((SCHEMAS / name).read_text(encoding="utf-8")), registry=REGISTRY)


def errors(name: str, instance: object) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in validator(name).iter_errors(instance)
    ]


@pytest.mark.parametrize("name", FILES)
def test_every_schema_is_a_valid_draft_2020_12_schema(name):
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == name  # refs between the files resolve side by side
    Draft202012Validator.check_schema(schema)


def test_every_schema_file_is_used_by_a_test():
    assert set(FILES) == set(CASES) | SHARED | {JSONL}


def _objects(schema: object):
    if isinstance(schema, dict):
        if schema.get("type") == "object":
            yield schema
        for value in schema.values():
            yield from _objects(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _objects(value)


@pytest.mark.parametrize("name", FILES)
def test_every_object_is_closed_and_lists_what_it_requires(name):
    for obj in _objects(json.loads((SCHEMAS / name).read_text(encoding="utf-8"))):
        # closed itself, or one of several closed shared objects (a line of export jsonl)
        closed = obj.get("additionalProperties") is False or all("$ref" in o for o in obj.get("oneOf", [{}]))
        assert closed, obj.get("description")
        assert set(obj["required"]) <= set(obj["properties"]), obj.get("description")


@pytest.mark.parametrize(
    ("name", "args"),
    [(n, a) for n, variants in CASES.items() for a in variants],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else v,
)
def test_command_json_validates_against_its_schema(invoke, name, args):
    result = invoke(*args, "--json")
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(result.stdout)
    if result.exit_code == 1:
        assert data == []  # nothing found still prints an (empty, valid) array
    assert errors(name, data) == []


def test_export_jsonl_validates_line_by_line(invoke, corpus):
    result = invoke("export", "jsonl")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    kinds = set()
    for line in lines:
        record = json.loads(line)
        kinds.add(record["type"])
        assert errors(JSONL, record) == [], record["type"]
    assert kinds == {
        "letter",
        "section",
        "paragraph",
        "gap",
        "sentence",
        "theme",
        "reference",
        "motion",
        "event",
        "person",
    }


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("refs.schema.json", lambda d: d[0].update(kind="resolutie")),  # JSON values are English
        ("refs.schema.json", lambda d: d[0].update(extra=1)),  # no field the schema does not name
        ("theme.schema.json", lambda d: d["points"][0].update(sources=d["points"][0].pop("paragraphs"))),
        ("timeline.schema.json", lambda d: d[0].pop("precision")),
        ("show.schema.json", lambda d: d["paragraph"].pop("text_en")),  # the English always travels along
        ("search.schema.json", lambda d: d[0].update(d[0].pop("paragraph"))),  # the paragraph is nested, as in show
        ("read.schema.json", lambda d: d.pop("translation_notice")),  # an object output says it once
        ("theme.schema.json", lambda d: d.pop("translation_notice")),
        ("show.schema.json", lambda d: d["paragraph"].update(translation_notice="x")),  # never a record
        ("search.schema.json", lambda d: d[0].update(translation_notice="x")),  # nor an array's items
        ("people.schema.json", lambda d: d[0].update(translation_notice="x")),
    ],
)
def test_the_schemas_reject_the_old_drift(invoke, name, bad):
    args = next(a for a in CASES[name] if invoke(*a, "--json").exit_code == 0)
    data = json.loads(invoke(*args, "--json").stdout)
    assert errors(name, data) == []
    bad(data)
    assert errors(name, data) != []
