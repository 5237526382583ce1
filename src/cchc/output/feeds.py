"""RSS 2.0 and Atom 1.0 feeds with feedgen: all news, each category, and procedure changes, per language.

Deterministic: no clock is read. A feed's date is its newest entry's; every entry's id comes from a stable key
(a story's ``khoa``, a decision's id and a procedure code), never from a title or a date.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]  # feedgen's own XML library

from cchc.content.catalogue import Catalogue
from cchc.content.news import VIETNAM, Story, category_dir
from cchc.i18n import t
from cchc.site.addresses import FEEDS_DIR, feed_paths, page_url

ATOM = "http://www.w3.org/2005/Atom"
FEED_LIMIT = 50
# The tag URI date (RFC 4151) is part of every id: it must never change.
TAG_DATE = "2025"
# Material's script fetches "sitemap.xml" beside every <link rel="alternate">; an empty one in the feeds folder
# answers it in one small response instead of a 404.
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)
_ATTR_URL = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>')




def absolute_urls(html: str, base: str) -> str:
    """Resolve every href/src of rendered HTML against ``base``, so feed readers elsewhere can follow them."""
    html = _HEADERLINK.sub("", html)  # the ¶ permalinks mean nothing outside the page
    return _ATTR_URL.sub(lambda m: m.group(1) + urljoin(base, m.group(2)) + m.group(3), html)


@dataclass(frozen=True)
class FeedContext:
    site_url: str  # this language's base URL, ending in '/'
    site_name: str
    lang: str
    limit: int = FEED_LIMIT

    @property
    def host(self) -> str:
        return urlsplit(self.site_url).netloc

    def tag(self, path: str) -> str:
        return f"tag:{self.host},{TAG_DATE}:{self.lang}/{path}"


def _new_feed(ctx: FeedContext, cat: Catalogue, key: str, title: str, subtitle: str, home: str,
              rss_path: str) -> FeedGenerator:
    fg = FeedGenerator()
    fg.load_extension("dc")
    fg.id(ctx.tag(f"feeds/{key}"))
    fg.title(f"{title} – {ctx.site_name}")
    fg.subtitle(subtitle)
    fg.language(ctx.lang)
    fg.author(name=cat.province.co_quan_chu_tri.get(ctx.lang), email=cat.province.email)
    fg.generator("cchc-site (python-feedgen)")
    fg.rights(cat.province.co_quan_chu_tri.get(ctx.lang))
    return fg


def _write(fg: FeedGenerator, ctx: FeedContext, home: str, rss_path: str, atom_path: str,
           newest: dt.datetime, subtitle: str) -> dict[str, bytes]:
    fg.updated(newest)  # also the RSS lastBuildDate; never the clock
    home_url = urljoin(ctx.site_url, home)
    fg.link(href=home_url, rel="alternate", replace=True)
    fg.link(href=urljoin(ctx.site_url, atom_path), rel="self")
    atom = _restore_entry_links(fg.atom_str(pretty=True), fg.entry())
    # RSS takes its channel <link> from the last link given, and its atom:link rel=self must be the RSS file.
    fg.link(href=urljoin(ctx.site_url, rss_path), rel="self", replace=True)
    fg.link(href=home_url, rel="alternate")
    fg.subtitle(escape(subtitle))  # readers render the RSS channel description as HTML; Atom's is text
    return {rss_path: fg.rss_str(pretty=True), atom_path: atom}


def _restore_entry_links(atom: bytes, entries: list[Any]) -> bytes:
    """Put back the rel, type and length of every entry link, which feedgen 1.0.0 drops from Atom output
    (lkiesow/python-feedgen#135): without them an enclosure reads as a second "alternate" link."""
    root = etree.fromstring(atom)
    for element, entry in zip(root.findall(f"{{{ATOM}}}entry"), entries, strict=True):
        for link, data in zip(element.findall(f"{{{ATOM}}}link"), entry.link(), strict=True):
            for key in ("rel", "type", "hreflang", "title", "length"):
                if data.get(key):
                    link.set(key, str(data[key]))
    return bytes(etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8"))


def _story_entry(fg: FeedGenerator, ctx: FeedContext, cat: Catalogue, story: Story, content: str,
                 docs_dir: Path) -> None:
    item = story.item
    url = urljoin(ctx.site_url, page_url(story.address))
    fe = fg.add_entry(order="append")
    fe.id(ctx.tag(f"tin-tuc/{item.khoa}"))
    fe.title(item.tieu_de)
    fe.link(href=url, rel="alternate", type="text/html")
    fe.published(story.published)
    fe.updated(story.updated)
    category = cat.categories[item.chuyen_muc]
    fe.category(term=item.chuyen_muc, label=category.ten.get(ctx.lang),
                scheme=urljoin(ctx.site_url, category_dir(item.chuyen_muc)))
    for tag in item.the:
        fe.category(term=tag)
    byline = item.tac_gia or item.nguon or ""
    fe.author(name=byline)
    fe.dc.dc_creator(byline)
    if item.nguon:
        fe.dc.dc_source(item.nguon)
    # Feed readers render RSS descriptions as HTML: the lead goes in as escaped HTML, so it stays text.
    fe.summary(escape(item.sapo), type="html")
    fe.content(absolute_urls(content, url), type="html")
    if item.anh is not None:
        image = docs_dir / item.anh.tep
        kind = mimetypes.guess_type(image.name)[0] or "application/octet-stream"
        fe.enclosure(urljoin(ctx.site_url, item.anh.tep), str(image.stat().st_size), kind)


def news_feeds(cat: Catalogue, ctx: FeedContext, contents: dict[str, str], docs_dir: Path) -> dict[str, bytes]:
    """The all-news feed pair and one pair per category. ``contents`` maps a story's address to its HTML body."""
    stories = cat.stories_in(ctx.lang)
    paths = feed_paths(cat)
    out: dict[str, bytes] = {}
    groups: list[tuple[str, list[Story], str, str, str]] = [
        ("news", stories, t("feed_news", ctx.lang), t("news_intro", ctx.lang), "tin-tuc/")
    ]
    for cid, category in cat.categories.items():
        desc = category.mo_ta.get(ctx.lang) if category.mo_ta else category.ten.get(ctx.lang)
        groups.append((cid, [s for s in stories if s.item.chuyen_muc == cid], category.ten.get(ctx.lang), desc,
                       category_dir(cid)))
    for key, members, title, subtitle, home in groups:
        rss_path, atom_path = paths[key]
        fg = _new_feed(ctx, cat, key, title, subtitle, home, rss_path)
        chosen = members[: ctx.limit]  # newest first
        for story in chosen:
            _story_entry(fg, ctx, cat, story, contents.get(story.address, ""), docs_dir)
        newest = max((s.updated for s in chosen), default=_EPOCH)
        out.update(_write(fg, ctx, home, rss_path, atom_path, newest, subtitle))
    return out


_EPOCH = dt.datetime(2025, 7, 1, tzinfo=VIETNAM)  # the date of an empty feed: the two-level reform


def change_feed(cat: Catalogue, ctx: FeedContext, procedure_url: Callable[[str], str],
                set_url: Callable[[str], str]) -> dict[str, bytes]:
    """One entry per procedure per decision: newly published, amended, replaced or abolished."""
    rss_path, atom_path = feed_paths(cat)["changes"]
    fg = _new_feed(ctx, cat, "changes", t("feed_changes", ctx.lang), t("feed_changes_intro", ctx.lang),
                   "thu-tuc/", rss_path)
    entries = []
    for set_id, pset in cat.sets.items():
        changes: list[tuple[str, str, str | None]] = [("cong_bo_moi", c, None) for c in pset.cong_bo_moi]
        changes += [("sua_doi", c, None) for c in pset.sua_doi]
        changes += [("thay_the", r.ma_thu_tuc, r.thay_cho) for r in pset.thay_the]
        changes += [("bai_bo", c, None) for c in pset.bai_bo]
        for kind, code, other in changes:
            entries.append((pset.ngay_ban_hanh, set_id, kind, code, other))
    entries.sort(key=lambda e: (e[0], e[1], e[2], e[3]), reverse=True)
    chosen = entries[: ctx.limit]
    prefix = "Quyết định số" if ctx.lang == "vi" else "Decision No."
    for day, set_id, kind, code, other in chosen:
        pset = cat.sets[set_id]
        proc = cat.procedures[code]
        moment = dt.datetime(day.year, day.month, day.day, tzinfo=VIETNAM)
        fe = fg.add_entry(order="append")
        fe.id(ctx.tag(f"thu-tuc/{set_id}/{kind}/{code}"))
        label = t("change_" + kind, ctx.lang)
        fe.title(f"{label}: {proc.ten.get(ctx.lang)} ({code})")
        fe.link(href=urljoin(ctx.site_url, procedure_url(code)), rel="alternate")
        fe.published(moment)
        fe.updated(moment)
        fe.category(term=kind, label=label)
        field = cat.fields[proc.linh_vuc]
        fe.category(term=proc.linh_vuc, label=field.ten.get(ctx.lang))
        issuer = cat.agencies[pset.co_quan_ban_hanh].ten.get(ctx.lang)
        fe.author(name=issuer)
        fe.dc.dc_creator(issuer)
        decision = f"{prefix} {pset.so_hieu}: {pset.trich_yeu.get(ctx.lang)}"
        summary = decision
        if other:
            summary += f" ({t('change_thay_the', ctx.lang)} {cat.procedures[other].ten.get(ctx.lang)}, {other})"
        fe.summary(escape(summary), type="html")
        fe.content(escape(summary) + f' <a href="{urljoin(ctx.site_url, set_url(set_id))}">'
                   f"{escape(prefix + ' ' + pset.so_hieu)}</a>", type="html")
    newest = max((dt.datetime(e[0].year, e[0].month, e[0].day, tzinfo=VIETNAM) for e in chosen), default=_EPOCH)
    return _write(fg, ctx, "thu-tuc/", rss_path, atom_path, newest, t("feed_changes_intro", ctx.lang))


def empty_sitemap() -> dict[str, bytes]:
    return {f"{FEEDS_DIR}/sitemap.xml": EMPTY_SITEMAP.encode()}


def autodiscovery_links(cat: Catalogue, lang: str, src_uri: str) -> list[dict[str, str]]:
    """The feeds a page announces: all news and procedure changes everywhere, and a category's own feeds on
    that category's pages."""
    paths = feed_paths(cat)
    chosen = [("news", t("feed_news", lang)), ("changes", t("feed_changes", lang))]
    for cid, category in cat.categories.items():
        if src_uri.startswith(category_dir(cid)):
            chosen.insert(0, (cid, category.ten.get(lang)))
    links = []
    for key, title in chosen:
        rss, atom = paths[key]
        links.append({"type": "application/rss+xml", "title": f"{title} (RSS)", "href": rss})
        if key != "changes":
            links.append({"type": "application/atom+xml", "title": f"{title} (Atom)", "href": atom})
    return links
