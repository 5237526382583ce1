"""Generated pages written as HTML directly, the way Python-Markdown would have rendered their Markdown.

Pages built from data (a procedure, a news article's frame, a list of news) have nothing for Markdown to parse:
sending them through it cost about half of a province-scale build (benchmarks/RESULTS.md). This module gives
the same HTML straight away: text escaped once, headings with the ids, permalinks and table of contents the
``toc`` extension makes (our slugify, its de-duplication), admonitions, task lists and tables as the
extensions write them. Nothing here knows MkDocs; the hook hands the result to the theme.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from html import unescape
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, unique

from cchc.text import nfc, paragraph_blocks, quote_url, slugify

_HTML_TABLE = str.maketrans({"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"})
_TAG = re.compile(r"<[^>]+>")
_slug = functools.lru_cache(maxsize=65536)(slugify)  # the same headings recur on thousands of pages
# Where a page written as HTML takes rendered Markdown (an editor's story text), see HtmlBody.markdown_slot.
MARKDOWN_SLOT = "<!-- cchc:markdown -->"


def text(value: str) -> str:
    """Plain text made safe as HTML text or attribute value; line breaks fold to spaces (as ``md_escape``)."""
    return " ".join(nfc(value).split()).translate(_HTML_TABLE)


def paragraphs(value: str) -> str:
    """Multi-line plain text as HTML: blank-line paragraphs, and '- ' bullet lines as a list (as
    ``md_paragraphs`` renders through Markdown)."""
    return "\n".join(bullet_list([text(item) for item in items]) if bullets else f"<p>{text(items[0])}</p>"
                     for bullets, items in paragraph_blocks(value) if items[0])


def href(url: str) -> str:
    """An outside URL for an href: unsafe characters percent-encoded (``quote_url``), then escaped."""
    return quote_url(url).translate(_HTML_TABLE)


def page_href(from_url: str, to_url: str) -> str:
    """Relative link between two directory URLs ('' is the home page), as MkDocs writes them."""
    source = [part for part in from_url.split("/") if part not in ("", ".")]
    target = [part for part in to_url.split("/") if part not in ("", ".")]
    shared = 0
    while shared < min(len(source), len(target)) and source[shared] == target[shared]:
        shared += 1
    rel = [".."] * (len(source) - shared) + target[shared:]
    return "/".join(rel) + "/" if rel else "./"


@dataclass
class HtmlBody:
    """One page's HTML, built in order, with the table of contents its headings make."""

    parts: list[str] = field(default_factory=list)
    title: str | None = None  # the page title as plain text (the first h1)
    _ids: set[str] = field(default_factory=set)
    _tokens: list[dict[str, Any]] = field(default_factory=list)
    slot: int | None = None  # how many headings come before the Markdown slot, if there is one

    def add(self, *html: str) -> None:
        self.parts.extend(html)

    def heading(self, level: int, html: str) -> None:
        """``<hN>`` with the toc extension's id and permalink; ``html`` is already-escaped inline HTML."""
        name = _TAG.sub("", html)
        anchor = unique(_slug(unescape(name), "-"), self._ids)  # adds it to the set
        if level == 1 and self.title is None:
            self.title = unescape(name)
        self._tokens.append({"level": level, "id": anchor, "name": name, "children": []})
        self.parts.append(f'<h{level} id="{anchor}">{html}<a class="headerlink" href="#{anchor}" '
                          f'title="Permanent link">&para;</a></h{level}>')

    def admonition(self, kind: str, title: str, body: str, collapsible: bool = False) -> None:
        """An admonition (``!!! kind "title"``), or with ``collapsible`` a closed details block (``???``)."""
        if collapsible:
            self.parts.append(f'<details class="{kind}">\n<summary>{title}</summary>\n{body}\n</details>')
        else:
            self.parts.append(f'<div class="admonition {kind}">\n<p class="admonition-title">{title}</p>\n'
                              f"{body}\n</div>")

    def markdown_slot(self) -> None:
        """Mark where Markdown rendered later (with MkDocs' link checks) goes; its headings join the contents."""
        self.parts.append(MARKDOWN_SLOT)
        self.slot = len(self._tokens)

    @property
    def html(self) -> str:
        return "\n".join(self.parts)

    @property
    def headings(self) -> tuple[dict[str, Any], ...]:
        """The headings in order, as flat toc tokens (see ``contents``)."""
        return tuple(self._tokens)

    @property
    def anchors(self) -> set[str]:
        return set(self._ids)


def contents(headings: tuple[dict[str, Any], ...], slot: int | None = None,
             inserted: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Nested toc tokens, as the ``toc`` extension gives them, from flat headings; ``inserted`` (flat) goes in at
    ``slot``, for the headings of Markdown rendered into the page."""
    flat = list(headings)
    if slot is not None and inserted:
        flat[slot:slot] = inserted
    nested: list[dict[str, Any]] = nest_toc_tokens([dict(token, children=[]) for token in flat])
    return nested


def task_list(items: list[tuple[bool, str]]) -> str:
    """A list as pymdownx.tasklist (custom checkboxes) renders ``- [ ] item`` (a True item) beside plain ``- item``
    lines; items are inline HTML."""
    rows = [f'<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>'
            f'<span class="task-list-indicator"></span></label> {item}</li>' if box else f"<li>{item}</li>"
            for box, item in items]
    kind = ' class="task-list"' if any(box for box, _ in items) else ""
    return f"<ul{kind}>\n" + "\n".join(rows) + "\n</ul>"


def bullet_list(items: list[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>\n" + "\n".join(f"<li>{item}</li>" for item in items) + f"\n</{tag}>"


def table(head: list[str], rows: list[list[str]]) -> str:
    """A table as the ``tables`` extension writes it; cells are inline HTML."""
    out = ["<table>", "<thead>", "<tr>", *(f"<th>{h}</th>" for h in head), "</tr>", "</thead>", "<tbody>"]
    for row in rows:
        out += ["<tr>", *(f"<td>{c}</td>" for c in row), "</tr>"]
    return "\n".join(out + ["</tbody>", "</table>"])


_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_BODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
_DATA_CELL = re.compile(r"<td(?=[\s>])")
CARD_COLUMNS = 3  # from this many columns a table is too wide for a 360 px phone (cchc.css: stacked cards)


def label_table_cells(html: str) -> str:
    """Every data cell of a table with ``CARD_COLUMNS`` or more columns, labelled with its column's heading
    (``data-label``), so a phone can show each row as a card with the labels beside the values (cchc.css).

    Applies to tables as Python-Markdown's ``tables`` extension and ``table`` above write them: one heading row
    in ``<thead>``, plain cells. A table with merged cells, nested tables or no heading row is left as it is.
    """
    if "<table" not in html:
        return html

    def label(m: re.Match[str]) -> str:
        whole = m.group(0)
        head = whole[: whole.find("<tbody>")] if "<tbody>" in whole else ""
        labels = [" ".join(_TAG.sub("", cell).split()).replace('"', "&quot;") for cell in _HEAD_CELL.findall(head)]
        if (len(labels) < CARD_COLUMNS or whole.count("<table") > 1 or "data-label=" in whole
                or re.search(r"\b(?:colspan|rowspan)=", whole)):
            return whole

        def row(r: re.Match[str]) -> str:
            cells = iter(labels)
            return _DATA_CELL.sub(lambda c: f'<td data-label="{next(cells, "")}"', r.group(0))

        def body(b: re.Match[str]) -> str:
            return "<tbody>" + _ROW.sub(row, b.group(1)) + "</tbody>"

        return _BODY.sub(body, whole)

    return _TABLE.sub(label, html)
