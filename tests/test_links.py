"""Clickable links: an OSC 8 hyperlink on a terminal, the plain URL in a pipe or under NO_COLOR."""

from __future__ import annotations

import pytest
from conftest import run

from vr2018 import load_corpus

OSC8 = "\x1b]8;"
CORPUS = load_corpus()
KAMERSTUK_URLS = [r.url for r in CORPUS.references if r.url and r.kind == "kamerstuk"]
UN_URLS = [r.url for r in CORPUS.references if r.url and r.kind == "resolutie"]


def printed(args: list[str], **env: str) -> str:
    """What ``vr2018 ARGS`` prints, 100 columns wide (a successful run)."""
    result = run(args, {"COLUMNS": "100", **env})
    assert result.returncode == 0 and result.stderr == b"", result.stderr
    return result.stdout.decode("utf-8")


# Every view that shows a URL, and the URLs it must link.
VIEWS = [
    (["refs"], KAMERSTUK_URLS + UN_URLS),
    (["motions"], [CORPUS.reference(m.reference).url for m in CORPUS.motions if CORPUS.reference(m.reference).url]),
    (["motions", "--kamerstuk"], [u for u in KAMERSTUK_URLS if "26150" not in u]),
    (["show", "myanmar-rohingya"], ["https://zoek.officielebekendmakingen.nl/kst-22045-290.html"]),
    (["show", "conflict-en-honger"], ["https://undocs.org/S/RES/2417(2018)"]),
    (["show", "inleiding"], [CORPUS.letter.results_url.rstrip(".")]),
    (["info"], [CORPUS.letter.results_url]),
    (["read"], [CORPUS.letter.results_url.rstrip(".")]),
]


@pytest.mark.parametrize(("args", "urls"), VIEWS, ids=lambda v: " ".join(v) if isinstance(v[0], str) else "")
def test_a_terminal_gets_hyperlinks(args, urls):
    out = printed(args, FORCE_COLOR="1", TERM="xterm-256color")
    assert urls
    for url in urls:
        assert f"{OSC8}id=" in out
        assert any(part.startswith("id=") and f";{url}\x1b\\" in part for part in out.split(OSC8)), url


@pytest.mark.parametrize(("args", "urls"), VIEWS, ids=lambda v: " ".join(v) if isinstance(v[0], str) else "")
@pytest.mark.parametrize("env", [{}, {"NO_COLOR": "1", "FORCE_COLOR": "1"}], ids=["pipe", "NO_COLOR"])
def test_a_pipe_gets_the_plain_url_whole(args, urls, env):
    out = printed(args, **env)
    assert "\x1b" not in out
    for url in urls:
        assert url in out


def test_every_kamerstuk_label_with_a_link_is_a_link():
    out = printed(["refs"], FORCE_COLOR="1", TERM="xterm-256color")
    for ref in CORPUS.references:
        if ref.url and ref.kind == "kamerstuk":  # the label itself opens the document, not only the URL under it
            assert f"{ref.url}\x1b\\\x1b[1m{ref.as_written}" in out


def test_a_resolutions_link_goes_with_its_symbol_not_with_the_letters_words():
    """The letter's words ("de resolutie over Conflict en Honger") do not say which document
    they mean; the symbol, marked as not in the letter, does, and it is what opens the UN's link."""
    out = printed(["refs"], FORCE_COLOR="1", TERM="xterm-256color")
    for ref in CORPUS.references:
        if ref.kind == "resolutie":
            assert f"{ref.url}\x1b\\\x1b[1m{ref.symbol}" in out
            assert f"{ref.url}\x1b\\\x1b[1m{ref.as_written}" not in out


def test_link_helper():
    from io import StringIO

    from rich.console import Console

    from vr2018.views.layout import link, linked, plain

    def render(text, **kwargs):
        buffer = StringIO()
        Console(file=buffer, **kwargs).print(text)
        return buffer.getvalue()

    assert OSC8 in render(link("Kamerstuk", "https://x.nl/a"), force_terminal=True, color_system="standard")
    assert render(link("Kamerstuk", "https://x.nl/a"), color_system=None) == "Kamerstuk\n"
    assert OSC8 not in render(link("no link", None), force_terminal=True, color_system="standard")
    # an escape hidden in a URL from the data cannot end the link early
    hostile = render(link("x", "https://x.nl/\x1b]8;;\x1b\\evil"), force_terminal=True, color_system="standard")
    assert hostile.count(OSC8) == 2
    text = linked(plain("zie https://a.nl/b/c. En (https://d.nl/e)."))
    assert [s.style.link for s in text.spans] == ["https://a.nl/b/c", "https://d.nl/e"]
