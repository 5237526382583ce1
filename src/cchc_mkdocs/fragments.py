"""Page fragments shared by the pages of one folder, rendered once (``{% call cchc_shared(page, "part") %}`` in
``overrides/main.html``), and the Jinja environment's template cache as a plain dict."""

from __future__ import annotations

import posixpath
import re
from html import unescape
from typing import Any
from urllib.parse import urlsplit

from mkdocs.structure.pages import Page

_LINK = re.compile(r'(?:href|src|action)="([^"]*)"')


def link_targets(fragment: str, page_url: str) -> frozenset[str]:
    """The site addresses the relative links of a fragment (rendered for ``page_url``) point at, as 'a/b/'."""
    out = set()
    for link in _LINK.findall(fragment):
        path = urlsplit(unescape(link)).path
        if not path or urlsplit(link).scheme or link.startswith(("/", "#")):
            continue
        target = posixpath.normpath(posixpath.join(page_url, path))
        out.add("" if target == "." else target.strip("/") + "/")
    return frozenset(out)


def links_into(targets: frozenset[str], page_url: str) -> bool:
    return any(target.startswith(page_url) for target in targets)


def install(env: Any, nav_urls: set[str]) -> None:
    """Give the templates ``cchc_shared`` (a fresh table every build) and a template cache that does not reorder."""
    table: dict[str, tuple[str, frozenset[str]]] = {}

    def shared(page: Page | None, part: str, caller: Any) -> str:
        """``{% call cchc_shared(page, "part") %}...{% endcall %}``: the body rendered for the first page of a
        folder, reused for the other pages of that folder when it reads the same from them.

        A page in the nav (the nav marks it as the current page) or one that hides a sidebar renders it every
        time. Links in a fragment are relative, and read the same from every page of one folder unless they
        point into the page's own address (``./`` from the page itself): a page that a fragment links into
        renders it afresh."""
        if page is None or page.url in nav_urls or (page.meta and page.meta.get("hide")):
            return str(caller())
        key = f"{part}:{posixpath.dirname(page.url.rstrip('/'))}"
        if key in table:
            fragment, targets = table[key]
            if not links_into(targets, page.url):
                return fragment
            return str(caller())
        fragment = str(caller())
        targets = link_targets(fragment, page.url)
        if not links_into(targets, page.url):
            table[key] = (fragment, targets)
        return fragment

    env.globals.update(cchc_shared=shared)
    # Jinja's template cache is a locked LRU that reorders itself on every lookup, and Material's templates look
    # up some twenty partials per page; the theme's few dozen templates fit in a plain dict.
    env.cache = dict(env.cache.items()) if env.cache is not None else {}
