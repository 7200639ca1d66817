# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The markdown subset and search folding, without a database."""

from __future__ import annotations

import pytest

from welkom.services.content import MarkdownError, normalise, render_markdown, search_words
from welkom.services.reading import language_chain


@pytest.mark.parametrize(
    "dangerous",
    [
        "<script>alert(1)</script>tekst",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>tekst",
        '<a href="JaVaScRiPt:alert(1)">tekst</a>',
        '<a href="  javascript:alert(1)">tekst</a>',
        "[tekst](javascript:alert%281%29)",
        "[tekst](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        '<img src="x" onerror="alert(1)">tekst',
        '<svg onload="alert(1)"><text>x</text></svg>tekst',
        '<iframe src="https://evil.example"></iframe>tekst',
        '<p style="background:url(javascript:alert(1))" onmouseover="alert(1)">tekst</p>',
        "<style>body{display:none}</style>tekst",
        "<!-- <script>alert(1)</script> -->tekst",
    ],
)
def test_dangerous_markup_is_removed(dangerous: str) -> None:
    html = render_markdown(dangerous)
    lowered = html.lower()
    for bad in ("<script", "javascript:", "data:", "onerror", "onload", "onmouseover", "<iframe", "<svg", "<style", "style=", "alert"):  # fmt: skip
        assert bad not in lowered, (dangerous, html)
    assert "tekst" in html


def test_the_subset_survives() -> None:
    html = render_markdown(
        "## Kop\n\nEen **vette** en *schuine* tekst met [een link](https://welkom.example/a?b=1).\n\n"
        "- een\n- twee\n\n1. eerst\n2. dan\n\n> citaat\n\nBel [14 033](tel:14033) of "
        "[mail](mailto:info@welkom.example)."
    )
    for fragment in (
        "<h2>Kop</h2>",
        "<strong>vette</strong>",
        "<em>schuine</em>",
        '<a href="https://welkom.example/a?b=1" rel="noopener noreferrer nofollow">een link</a>',
        "<ul>",
        "<ol>",
        "<blockquote>",
        'href="tel:14033"',
        'href="mailto:info@welkom.example"',
    ):
        assert fragment in html


@pytest.mark.parametrize(
    "malformed",
    ["tekst\x00", "tekst\x1b[31m", ">" * 20 + " diep", "<script>alleen script</script>"],
)
def test_malformed_markdown_is_refused(malformed: str) -> None:
    with pytest.raises(MarkdownError):
        render_markdown(malformed)


def test_folding_for_search() -> None:
    assert normalise("الإِيجَار") == normalise("الايجار")
    assert normalise("مدرسة") == normalise("مدرسه")
    assert normalise("ЖИТЛО") == "житло"
    assert normalise("Їжа та обʼєкт") == normalise("їжа та об'єкт")
    assert normalise("Ещё") == normalise("еще")
    assert normalise("ﻻ") == normalise("لا")  # presentation forms (NFKC)
    assert search_words("huur, HUUR; toeslag!") == ["huur", "toeslag"]


def test_language_chain_order_and_fallbacks() -> None:
    assert language_chain("ar", ["uk", "en"], default="nl") == ["ar", "uk", "en", "nl"]
    assert language_chain(None, ["fa-af", "xx", "en-GB"], default="nl") == ["prs", "en", "nl"]
    assert language_chain("ti", ["ti-ER"], default="en") == ["ti", "en", "nl"]
    assert language_chain(None, [], default="nl") == ["nl"]
