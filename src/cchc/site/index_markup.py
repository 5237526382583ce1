"""What a page carries for the search index besides its text: the markers that keep lists and tables out of
it, the hidden metadata of a result, and the accent-free forms of words with đ or a variant spelling.

Pagefind matches Vietnamese tone and letter marks loosely by itself, but not the letter đ, which Unicode does
not decompose: every page therefore carries, hidden, the accent-free form of its words that contain đ, and the
browser script folds đ in the query the same way. Exact accented matches are ranked first by the browser
script, which compares the query with each result's own text.

Vietnamese accepts both i and y at the end of a syllable after most consonants ("ký"/"kí", "lý"/"lí",
"quy"/"qui", "mỹ"/"mĩ"): the index carries the i form of every such word, hidden, and the browser script
searches the i form of the query's, so either spelling finds both.

The hidden block starts with FOLDED_MARK, so the browser script cuts it off a page's text before showing a
snippet: the folded words are for the index only.
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


# A syllable that ends in y after a consonant where i is the accepted other spelling (folded, lower case).
_VARIANT = re.compile(r"(?<![a-z0-9])(qu|[bdhklmnrstvx])y(?![a-z0-9])")


_WORD = re.compile(r"\w+")


FOLDED_MARK = "\u2042"  # ⁂: begins the index-only text; cchc-search.js cuts a page's text there


def fold_variants(folded: str) -> str:
    """The one spelling of folded, lower-case text that search uses: 'ky', 'quy', 'my' -> 'ki', 'qui', 'mi'."""
    return _VARIANT.sub(r"\1i", folded)


def variant_words(html: str) -> list[str]:
    """The i forms of the words in ``html``'s indexed text that have a y spelling, once each, in order."""
    text = fold_accents(nfc(_TAG.sub(" ", _NOINDEX.sub(" ", html)))).lower()
    seen: dict[str, None] = {}
    for word in _WORD.findall(text):
        other = fold_variants(word)
        if other != word:
            seen.setdefault(other, None)
    return list(seen)


def d_words(html: str) -> list[str]:
    """The accent-free forms of the words with đ in ``html``'s indexed text, once each, in order."""
    text = nfc(_TAG.sub(" ", _NOINDEX.sub(" ", html)))
    seen: dict[str, None] = {}
    for word in _D_WORD.findall(text):
        seen.setdefault(fold_accents(word).lower(), None)
    return list(seen)


def folded_block(title: str, html: str) -> str:
    """Hidden HTML holding the folded title (weighted like a heading) and the folded đ-words and i-spelt
    variant words of the text, after FOLDED_MARK."""
    parts = []
    folded_title = fold_accents(nfc(title)).lower()
    if _D_WORD.search(title) or fold_variants(folded_title) != folded_title:
        parts.append(f'<p data-pagefind-weight="7">{escape(fold_variants(folded_title))}</p>')
    words = list(dict.fromkeys([*d_words(html), *variant_words(html)]))
    if words:
        parts.append(f"<p>{escape(' '.join(words))}</p>")
    if not parts:
        return ""
    return (f'<div class="cchc-folded" hidden aria-hidden="true"><p>{FOLDED_MARK}</p>' + "".join(parts)
            + "</div>")


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
