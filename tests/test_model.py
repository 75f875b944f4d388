"""Record: the read-only record type every model class is built on."""

from __future__ import annotations

import pytest

from vr2018.corpus.model import Event, Paragraph, Reference
from vr2018.corpus.record import Record


class Pair(Record):
    left: str
    right: int = 0


def test_fields_in_declaration_order_with_defaults():
    assert Pair._fields == ("left", "right")
    assert Pair("a").right == 0
    assert Pair("a", 2) == Pair(left="a", right=2)


def test_missing_unknown_and_doubled_fields_are_errors():
    with pytest.raises(TypeError, match="missing field 'left'"):
        Pair()
    with pytest.raises(TypeError, match="unexpected field 'middle'"):
        Pair("a", middle=1)
    with pytest.raises(TypeError, match="given twice"):
        Pair("a", left="b")
    with pytest.raises(TypeError, match="takes 2 fields"):
        Pair("a", 1, 2)


def test_read_only():
    pair = Pair("a", 1)
    with pytest.raises(AttributeError):
        pair.left = "b"
    with pytest.raises(AttributeError):
        del pair.right


def test_value_equality_and_hashing():
    assert Pair("a", 1) == Pair("a", 1) and Pair("a", 1) != Pair("a", 2)
    assert len({Pair("a", 1), Pair("a", 1)}) == 1
    assert Pair("a") != ("a", 0)
    assert repr(Pair("a", 1)) == "Pair(left='a', right=1)"


def test_subclass_inherits_fields():
    class Triple(Pair):
        extra: bool = False

    assert Triple._fields == ("left", "right", "extra")


def test_model_defaults_and_derived_properties():
    paragraph = Paragraph(id="p", section="s", fragment=1, text="t")
    assert paragraph.cut is None and paragraph.themes == ()
    assert Reference("r", "kamerstuk", "Kamerstuk 22 045, nr. 290", "d", dossier="22045", number="290").url == (
        "https://zoek.officielebekendmakingen.nl/kst-22045-290.html"
    )
    assert Reference("r", "kamerstuk", "35 000; nr. XVII", "d", dossier="35000", chapter="XVII").url is None
    assert [Event(d, "", "", "p").precision for d in ("1945", "2018-04", "2018-07-09", "2033/2034")] == [
        "year",
        "month",
        "day",
        "range",
    ]


def test_replace_copies_with_some_fields_changed():
    p = Pair("a", 2)
    q = p.replace(right=5)
    assert (q.left, q.right, p.right) == ("a", 5, 2) and type(q) is Pair
    with pytest.raises(TypeError, match="unexpected field 'middle'"):
        p.replace(middle=1)
