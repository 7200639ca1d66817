# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The safe markdown subset, sanitised on save, and text normalisation for search.

Markdown is parsed with markdown-it-py (CommonMark) and the HTML it produces is cleaned by nh3
(ammonia) with an allowlist: paragraphs, emphasis, lists, headings h2–h4, block quotes, line
breaks and links to ``https:``, ``http:``, ``mailto:`` and ``tel:``. Raw HTML in the source is
parsed and then cleaned: ``<script>``/``<style>`` vanish with their content, event handler
attributes and ``javascript:`` URLs are dropped, images and tables are not in the subset.
"""

from __future__ import annotations

import re
import unicodedata

import nh3
from markdown_it import MarkdownIt

from welkom.core.i18n import N_

ALLOWED_TAGS = frozenset(
    {"p", "br", "em", "strong", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a", "code"}
)
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = frozenset({"https", "http", "mailto", "tel"})
#: Lists and quotes nested deeper than this are refused as malformed.
MAX_NESTING = 6

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_markdown = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
_markdown.options["maxNesting"] = 20
# Let every link through the parser: nh3 decides which URL schemes survive (the link text stays).
_markdown.validateLink = lambda url: True  # type: ignore[method-assign]


class MarkdownError(ValueError):
    """The text is not acceptable markdown; ``reason`` is a gettext msgid."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def render_markdown(source: str) -> str:
    """Sanitised HTML for a markdown body. Raises :class:`MarkdownError` when malformed."""
    if _CONTROL.search(source):
        raise MarkdownError(N_("The text contains control characters."))
    tokens = _markdown.parse(source)
    depth = max((token.level for token in tokens if token.block), default=0)
    if depth > MAX_NESTING * 2:
        raise MarkdownError(N_("Lists or quotes are nested too deeply."))
    html = nh3.clean(
        _markdown.renderer.render(tokens, _markdown.options, {}),
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        clean_content_tags={"script", "style"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()
    if source.strip() and not plain_text(html).strip():
        raise MarkdownError(N_("Nothing is left of the text after removing unsafe content."))
    return html


def plain_text(html: str) -> str:
    """Text content of sanitised HTML (for search)."""
    return (
        nh3.clean(html, tags=set()).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    )


# Arabic-script diacritics (harakat), tatweel; Ukrainian/Russian apostrophe variants.
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ک": "ك",
        "ة": "ه", "ۀ": "ه", "ؤ": "و", "ё": "е", "ʼ": "'", "’": "'", "`": "'",
    }
)  # fmt: skip
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*", re.UNICODE)


def normalise(text: str) -> str:
    """Fold text for matching in any of the product's scripts (same on every database)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _ARABIC_MARKS.sub("", text).translate(_FOLD)
    return " ".join(_WORD.findall(text))


def search_words(query: str, *, limit: int = 8) -> list[str]:
    """The distinct normalised words of a search query (at most ``limit``)."""
    words: list[str] = []
    for word in normalise(query).split():
        if word not in words:
            words.append(word)
    return words[:limit]
