"""Kamerstuk parsing: every notation people type, and a clean error for anything else."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from vr2018.cli import messages
from vr2018.letter.kamerstuk import KamerstukKey, looks_like, parse
from vr2018.problems import NotAKamerstuk

K = KamerstukKey

NOTATIONS = [
    # dossier only
    ("22045", K("22045")),
    ("22 045", K("22045")),
    ("22.045", K("22045")),
    ("  22045 ", K("22045")),
    ("35000", K("35000")),
    ("35 000", K("35000")),
    ("Kamerstuk 22 045", K("22045")),
    ("Kamerstuk 22045", K("22045")),  # not the year 2204 and dossier 5
    ("kst 22045", K("22045")),
    ("Kamerstuk 35000", K("35000")),
    ("Kamerstuk 2018", K("2018")),  # a year only comes before a dossier
    # dossier and number
    ("22045-290", K("22045", "290")),
    ("22045 290", K("22045", "290")),
    ("22 045 290", K("22045", "290")),
    ("22045/290", K("22045", "290")),
    ("22045, nr 290", K("22045", "290")),
    ("kst-22045-290", K("22045", "290")),
    ("KST-22045-290", K("22045", "290")),
    ("kst-22045-0290", K("22045", "290")),
    ("22 045, nr. 290", K("22045", "290")),
    ("22 045; nr. 290", K("22045", "290")),
    ("Kamerstuk 22 045, nr. 290", K("22045", "290")),
    ("Kamerstukken II 2017/18, 22 045, nr. 290", K("22045", "290")),
    ("Kamerstukken II 2018, 22045-290", K("22045", "290")),
    ("Kamerstuk 22045-290", K("22045", "290")),
    ("https://zoek.officielebekendmakingen.nl/kst-22045-290.html", K("22045", "290")),
    ("zoek.officielebekendmakingen.nl/kst-22045-290.html", K("22045", "290")),
    ("Kamerstuk 26 150; nr. 168", K("26150", "168")),
    # Eerste Kamer letters
    ("34550-D", K("34550", "D")),
    ("34550-d", K("34550", "D")),
    ("34550 D", K("34550", "D")),
    ("34 550, D", K("34550", "D")),
    ("Kamerstuk 34 550, D", K("34550", "D")),
    ("kst-34550-D", K("34550", "D")),
    # budget chapters
    ("35000-XVII", K("35000", chapter="XVII")),
    ("35000 XVII", K("35000", chapter="XVII")),
    ("35 000; nr. XVII", K("35000", chapter="XVII")),
    ("Kamerstuk 35 000; nr. XVII", K("35000", chapter="XVII")),
    ("kst-35000-xvii", K("35000", chapter="XVII")),
    ("35 000 XVII, nr. 12", K("35000", "12", "XVII")),
    ("35000-XVII-12", K("35000", "12", "XVII")),
]


@pytest.mark.parametrize(("text", "expected"), NOTATIONS)
def test_parse_notation(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty Kamerstuk"),
        ("   ", "empty Kamerstuk"),
        ("Kuzu", "expected a dossier number first"),
        ("kst", "expected a dossier number first"),
        ("kst-", "expected a dossier number first"),
        ("nr. 290", "expected a dossier number first"),
        ("0", "one to six digits"),
        ("1234567", "one to six digits"),
        ("22045a", "put a space or '-' between dossier and document"),
        ("22045-290-3", "unexpected '3'"),
        ("22045-290-D", "unexpected 'd'"),
        ("22045-ABC", "unexpected 'abc'"),
        ("22045-12345", "unexpected '12345'"),
        ("22045-0", "unexpected '0'"),
        ("22045 #290", "unexpected '#290'"),
    ],
)
def test_parse_rejects_with_a_one_line_reason(text, reason):
    with pytest.raises(NotAKamerstuk) as caught:
        parse(text)
    assert isinstance(caught.value, ValueError)
    line = messages.line(caught.value)
    assert reason in line and "\n" not in line


def test_error_shows_long_input_shortened():
    with pytest.raises(NotAKamerstuk) as caught:
        parse("x" * 500)
    assert len(messages.line(caught.value)) < 200


def test_non_text_is_a_type_error():
    with pytest.raises(TypeError):
        parse(22045)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("key", "compact", "label"),
    [
        (K("22045", "290"), "22045-290", "22 045, nr. 290"),
        (K("34550", "D"), "34550-D", "34 550, D"),
        (K("35000", chapter="XVII"), "35000-XVII", "35 000 XVII"),
        (K("35000", "12", "XVII"), "35000-XVII-12", "35 000 XVII, nr. 12"),
        (K("22045"), "22045", "22 045"),
        (K("168"), "168", "168"),
    ],
)
def test_compact_and_label(key, compact, label):
    assert key.compact == compact
    assert key.label == label


def test_matching_rules():
    assert K("22045").matches("22045", "290")  # a dossier matches all its documents
    assert K("22045", "290").matches("22045", "290")
    assert not K("22045", "291").matches("22045", "290")
    assert not K("22046").matches("22045", "290")
    assert K("35000").matches("35000", None, "XVII")
    assert K("35000", chapter="XVII").matches("35000", None, "XVII")
    assert not K("35000", chapter="XVI").matches("35000", None, "XVII")
    assert not K("35000", "12", "XVII").matches("35000", None, "XVII")  # the letter gives no number
    assert K("35000", "V").matches("35000", None, "V")  # a lone Roman letter may be a chapter
    assert not K("22045").matches(None)


def test_looks_like():
    assert looks_like("22045") and looks_like("kst-34550-D") and looks_like("Kamerstuk 35 000; nr. XVII")
    assert not looks_like("Kuzu") and not looks_like("22045a") and not looks_like("")


# ── properties ──────────────────────────────────────────────────────────────

_ROMAN_CHAPTERS = ["II", "III", "IV", "VI", "VII", "VIII", "IX", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII"]

keys = st.builds(
    KamerstukKey,
    dossier=st.integers(1, 999_999).map(str),
    number=st.none() | st.integers(1, 9999).map(str) | st.sampled_from(list("ABDEFGHJKNOPQRSTUWYZ")),
    chapter=st.none() | st.sampled_from(_ROMAN_CHAPTERS),
)


def valid(key: KamerstukKey) -> bool:
    return (
        re.fullmatch(r"[1-9][0-9]{0,5}", key.dossier) is not None
        and (key.number is None or re.fullmatch(r"[1-9][0-9]{0,3}|[A-Z]{1,2}", key.number) is not None)
        and (
            key.chapter is None
            or re.fullmatch(r"[IVXLCDM]{2,}", key.chapter) is not None
            or (key.chapter in ("I", "V", "X") and key.number is not None)
        )  # "34550 V D"
    )


@given(st.text(max_size=60))
@example("22 045, nr. 290")
@example("٢٢٠٤٥")  # Arabic-Indic digits are not a dossier
@example("²²⁰⁴⁵")
@example("22045-ⅩⅦ")
@example("\x00kst-1\n")
def test_any_text_parses_to_a_valid_key_or_a_clean_value_error(text):
    try:
        key = parse(text)
    except ValueError as exc:
        message = str(exc)
        assert message and "\n" not in message and len(message) < 200
    else:
        assert valid(key), key


@given(st.lists(st.sampled_from("0123456789 .,;-/:kstnrDXVIabc"), max_size=20).map("".join))
def test_kamerstuk_like_text_parses_to_a_valid_key_or_a_clean_value_error(text):
    try:
        key = parse(text)
    except ValueError as exc:
        assert "\n" not in str(exc)
    else:
        assert valid(key), key


@given(keys)
def test_every_notation_of_a_key_parses_back_to_it(key):
    assert parse(key.compact) == key
    assert parse(key.label) == key
    assert parse(f"kst-{key.compact}") == key
    assert parse(f"Kamerstuk {key.label}") == key
    assert parse(f"https://zoek.officielebekendmakingen.nl/kst-{key.compact}.html") == key
