"""What pages carry for the search index: the parts left out of it, hidden result metadata, folded đ-words.

Pagefind matches Vietnamese tone and letter marks loosely by itself, but not the letter đ, which Unicode does
not decompose: every page therefore carries, hidden, the accent-free form of its words that contain đ, and the
browser script folds đ in the query the same way. Exact accented matches are ranked first by the browser
script, which compares the query with each result's own text.
"""

from __future__ import annotations

import re
from html import escape

from cchc.text import fold_accents, nfc

# Generated pages index what readers search for (titles, codes, fields, summaries), not every document list,
# step and table: Vietnamese syllables are so common that indexing whole pages makes each query word's
# index chunk hundreds of kilobytes at province scale (benchmarks/SEARCH.md).
NOINDEX_OPEN = '<!-- cchc:noindex -->\n<div data-pagefind-ignore="all" markdown="1">'
NOINDEX_CLOSE = "</div>\n<!-- /cchc:noindex -->"
NOINDEX_OPEN_HTML = "<!-- cchc:noindex -->\n<div data-pagefind-ignore>"  # the same, in pages written as HTML
_NOINDEX = re.compile(r"<!-- cchc:noindex -->.*?<!-- /cchc:noindex -->", re.S)
# Words that hold the letter đ; Pagefind folds every other Vietnamese mark itself.
_D_WORD = re.compile(r"\w*[đĐ]\w*")
_TAG = re.compile(r"<[^>]+>")


def d_words(html: str) -> list[str]:
    """The accent-free forms of the words with đ in ``html``'s indexed text, once each, in order."""
    text = nfc(_TAG.sub(" ", _NOINDEX.sub(" ", html)))
    seen: dict[str, None] = {}
    for word in _D_WORD.findall(text):
        seen.setdefault(fold_accents(word).lower(), None)
    return list(seen)


def folded_block(title: str, html: str) -> str:
    """Hidden HTML holding the folded title (weighted like a heading) and the folded đ-words of the text."""
    parts = []
    if _D_WORD.search(title):
        parts.append(f'<p data-pagefind-weight="7">{escape(fold_accents(nfc(title)).lower())}</p>')
    words = d_words(html)
    if words:
        parts.append(f"<p>{escape(' '.join(words))}</p>")
    if not parts:
        return ""
    return '<div class="cchc-folded" hidden aria-hidden="true">' + "".join(parts) + "</div>"


def search_data(
    meta: dict[str, str | list[str]],
    weighted: list[str],
    indexed: list[str] | None = None,
) -> str:
    """Hidden HTML for Pagefind: a result's metadata (shown in results, not searched), ``weighted`` terms such as procedure codes (searched, ten times a word's weight) and other ``indexed``
    text (searched, e.g. a procedure's field and level).

    Metadata is read from attributes, so it adds nothing to the index: every word indexed on thousands of
    pages makes the index chunk of that word larger for every query.
    """
    out = ['<div class="cchc-search-data" hidden aria-hidden="true">']
    for key, value in meta.items():
        text = ", ".join(value) if isinstance(value, list) else value
        out.append(f'<span data-pagefind-meta="{escape(key)}[data-value]" data-value="{escape(text)}"></span>')
    if weighted:
        out.append(f'<p data-pagefind-weight="10">{escape(" ".join(weighted))}</p>')
    if indexed:
        out.append(f"<p>{escape(' '.join(indexed))}</p>")
    out.append("</div>")
    return "".join(out)
