"""Check the links of a built site: every internal link and anchor must resolve; external links are listed.

Reads the written HTML, so it catches links from content, templates and generated pages alike.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

EXTERNAL = ("http", "https", "mailto", "tel")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key) and (key == "id" or tag == "a"):
                self.ids.add(values[key] or "")
        if tag in ("a", "link") and values.get("href"):
            rel = (values.get("rel") or "").split()
            if tag == "link" and not ({"alternate", "stylesheet", "icon"} & set(rel)):
                return
            self.links.append(values["href"] or "")
        if tag in ("img", "script", "source") and values.get("src"):
            self.links.append(values["src"] or "")


@dataclass
class LinkReport:
    broken: list[str] = field(default_factory=list)  # "page: link: what is wrong"
    external: set[str] = field(default_factory=set)


def check_site(site: Path, site_url: str = "") -> LinkReport:
    """``site_url`` (the published address of ``site``) makes absolute links to the site itself internal."""
    pages: dict[str, _Links] = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = parser
    report = LinkReport()
    for page, parser in pages.items():
        for link in parser.links:
            if site_url and link.startswith(site_url):
                link = "/" + link[len(site_url):]
            parts = urlsplit(link)
            if parts.scheme in EXTERNAL or parts.netloc:
                if parts.scheme in ("http", "https"):
                    report.external.add(link)
                continue
            if parts.scheme:
                report.broken.append(f"{page}: {link}: the address type {parts.scheme!r} is not allowed")
                continue
            if page == "404.html" and parts.path.startswith("/"):
                target_path = parts.path.lstrip("/")  # the error page is served at any address
            elif parts.path.startswith("/"):
                target_path = parts.path.lstrip("/")
            elif parts.path:
                target_path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
            else:
                target_path = page
            if target_path in (".", ""):
                target_path = "index.html"
            target = site / target_path
            if target.is_dir() or parts.path.endswith("/"):
                target_path = posixpath.join(target_path, "index.html") if target_path != "index.html" else target_path
                target = site / target_path
            if not target.is_file():
                report.broken.append(f"{page}: {link}: no such page or file")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target_path.endswith(".html") and fragment not in pages[target_path].ids:
                report.broken.append(f"{page}: {link}: no anchor #{fragment} on {target_path}")
    return report
