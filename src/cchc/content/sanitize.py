"""Editors' Markdown may hold HTML: keep an allow-listed set (with nh3, the Rust ammonia sanitizer) and refuse
links that run code.

Generated pages never need this (every value in them is escaped); hand-written pages and news stories do.
"""

from __future__ import annotations

import re

import nh3

from cchc.content.problems import Problem
from cchc.messages import msg

# What Python-Markdown, our extensions (admonition, attr_list, md_in_html, tables, toc, tasklist) and an
# editor's plain HTML produce; no script, style, form, iframe, object or event attributes.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins",
    "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "aria-label", "aria-hidden", "role"},
    "a": {"href", "hreflang", "rel", "target"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "checked", "disabled"},  # task lists' check boxes
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "reversed", "type"},
    "time": {"datetime"},
    "details": {"open"},
    "abbr": {"title"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(html: str) -> str:
    """``html`` with only allow-listed tags and attributes, and links only to http(s), mailto, tel or relative
    addresses. Text is kept; a disallowed element's content is kept as text, a script's or style's is dropped."""
    return str(nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=False,  # our own markers (<!-- cchc:body -->) live in comments
    ))


_UNSAFE_TARGET = re.compile(
    r"(?:\]\(\s*<?|\b(?:href|src)\s*=\s*[\"']?)\s*((?:javascript|data|vbscript|file)\s*:[^)\s\"'>]*)",
    re.IGNORECASE,
)


def unsafe_links(markdown: str, path: str, first_line: int = 1, field: str = "") -> list[Problem]:
    """A problem for every Markdown link or HTML href/src whose target would run code or embed data."""
    problems = []
    for match in _UNSAFE_TARGET.finditer(markdown):
        line = first_line + markdown.count("\n", 0, match.start())
        target = match.group(1)
        shown = target if len(target) <= 40 else target[:37] + "..."
        problems.append(Problem(path, line, field, msg("unsafe_link", target=repr(shown))))
    return problems
