"""Plan the news pages as data: article pages, the paginated index, category and year archives, the feeds page.

News pages stay out of the navigation (DESIGN.md §3); the index, category and year pages link them.
"""

from __future__ import annotations

import dataclasses
import heapq
import math
import posixpath
from bisect import bisect_left
from collections.abc import Callable, Sequence

from cchc.content.catalogue import Catalogue
from cchc.content.models import Category
from cchc.content.news import Story
from cchc.i18n import LANGUAGES, t
from cchc.site.addresses import (
    category_uri,
    feed_paths,
    feeds_page_uri,
    news_index_uri,
    news_year_uri,
    page_url,
    url_from_page,
)
from cchc.site.htmlout import HtmlBody, bullet_list, href, text
from cchc.site.index_markup import NOINDEX_CLOSE, NOINDEX_OPEN_HTML, search_data
from cchc.site.writer import HtmlWriter, PageSpec, Writer, exclude_from_search, finish_html, finish_markdown
from cchc.text import format_datetime

NEWS_PER_PAGE = 10
# Around a story's own text in its page: the hook sanitizes what is between them and the feeds carry it.
BODY_START, BODY_END = "<!-- cchc:body -->", "<!-- /cchc:body -->"
RELATED = 5
RELATED_HORIZON = 40  # stories on each side, per tag, considered for a story's related list










def _time(w: Writer, story: Story) -> str:
    moment = story.published
    return f'<time datetime="{moment.isoformat()}">{format_datetime(moment, w.lang)}</time>'


def _category_link(w: Writer, category: str) -> str:
    return w.link_to(category_uri(category), w.tr(w.cat.categories[category].ten))


def _teaser(w: HtmlWriter, page: HtmlBody, story: Story) -> None:
    page.heading(3, w.link_to(story.address, text(story.item.tieu_de)))
    page.add(f'<p class="cchc-news-meta">{_time(w, story)} · {_category_link(w, story.item.chuyen_muc)}</p>',
             f"<p>{text(story.item.sapo)}</p>")


def _pager(w: HtmlWriter, page: int, total: int, uri_of: Callable[[int], str]) -> str:
    if total <= 1:
        return ""
    items = []
    if page > 1:
        items.append(w.link_to(uri_of(page - 1), f"« {w.s('previous_page')}"))
    # The numbers shown: the first, the last and three on each side of this page (the third as "…"), not every
    # page of years of news.
    for n in sorted({1, total, *range(max(1, page - 3), min(total, page + 3) + 1)}):
        if n == page:
            items.append(f'<strong aria-current="page">{n}</strong>')
        elif n in (1, total) or abs(n - page) <= 2:
            items.append(w.link_to(uri_of(n), str(n)))
        elif abs(n - page) == 3:
            items.append("…")
    if page < total:
        items.append(w.link_to(uri_of(page + 1), f"{w.s('next_page')} »"))
    return f'<nav aria-label="{w.s("pages_nav")}" class="cchc-pager">\n<p>{" ".join(items)}</p>\n</nav>'


def _listing(
    cat: Catalogue, lang: str, stories: Sequence[Story], title: str,
    intro: Callable[[HtmlWriter], list[str]], uri_of: Callable[[int], str]
) -> list[PageSpec]:
    """A paginated list, newest first: page 1 at ``uri_of(1)``, then ``uri_of(2)``...; ``intro`` gives the HTML
    under the title. Written as HTML directly (cchc.site.htmlout)."""
    total = max(1, math.ceil(len(stories) / NEWS_PER_PAGE))
    specs = []
    for number in range(1, total + 1):
        w = HtmlWriter(cat, lang, uri_of(number))
        page = HtmlBody()
        page.heading(1, title if number == 1 else f"{title} – {w.s('page_n', n=number)}")
        page.add(*intro(w))
        chunk = stories[(number - 1) * NEWS_PER_PAGE : number * NEWS_PER_PAGE]
        if total > 1:
            page.add(f"<p>{w.s('page_of', n=number, total=total)} · {w.s('count_news', n=len(stories))}</p>")
        for story in chunk:
            _teaser(w, page, story)
        if not stories:
            page.add(f"<p>{w.s('no_news')}</p>")
        page.add(_pager(w, number, total, uri_of))
        specs.append(exclude_from_search(finish_html(w, page, None, None)))
    return specs


def _related(cat: Catalogue, story: Story, stories: Sequence[Story], by_tag: dict[str, list[int]],
             by_category: dict[str, list[int]], position: dict[str, int]) -> list[Story]:
    """Stories sharing tags (two points per tag) or the category (one point); nearest in time breaks ties.

    Candidates for a tag are the ``RELATED_HORIZON`` stories nearest in time on each side that carry it, so the
    work per story stays the same however many years of news the site keeps (scanning every story with a
    common tag made the news pages' planning grow with the square of the archive)."""
    me = position[story.item.khoa]
    scores: dict[int, int] = {}
    for tag in story.item.the:
        tagged = by_tag.get(tag.casefold(), [])
        k = bisect_left(tagged, me)
        for i in tagged[max(0, k - RELATED_HORIZON) : k + RELATED_HORIZON + 1]:
            scores[i] = scores.get(i, 0) + 2
    same = by_category[story.item.chuyen_muc]
    k = bisect_left(same, me)
    for i in same[max(0, k - RELATED) : k + RELATED + 1]:
        scores[i] = scores.get(i, 0) + 1
    scores.pop(me, None)
    ranked = heapq.nsmallest(RELATED, scores, key=lambda i: (-scores[i], abs(i - me), i))
    return [stories[i] for i in ranked]


def _article(cat: Catalogue, lang: str, story: Story, related: list[Story],
             older: Story | None, newer: Story | None) -> PageSpec:
    """A story's page, written as HTML around the editor's Markdown text (only that goes through Markdown)."""
    w = HtmlWriter(cat, lang, story.address)
    item = story.item
    page = HtmlBody()
    page.heading(1, text(item.tieu_de))
    meta = [f"{_time(w, story)} · {w.s('category')}: {_category_link(w, item.chuyen_muc)}"]
    if item.ngay_cap_nhat is not None:
        meta[0] += f" · {w.s('updated')}: {format_datetime(story.updated, lang)}"
    credits = []
    if item.nguon:
        credits.append(f"{w.s('source')}: {text(item.nguon)}")
    if item.tac_gia:
        credits.append(f"{w.s('author')}: {text(item.tac_gia)}")
    meta.append(" · ".join(credits))
    page.add(NOINDEX_OPEN_HTML, '<p class="cchc-news-meta">' + "<br />\n".join(meta) + "</p>", NOINDEX_CLOSE)
    if item.anh is not None:
        src = href(posixpath.relpath(item.anh.tep, page_url(story.address).rstrip("/")))
        page.add(f'<p><img alt="{text(item.anh.mo_ta)}" class="cchc-lead-image" src="{src}" /></p>')
    page.add(f'<p class="cchc-sapo">{text(item.sapo)}</p>')
    # Search indexes the headline, lead and tags; the story text and the lists below stay out of the index.
    page.add(NOINDEX_OPEN_HTML, BODY_START)
    page.markdown_slot()
    page.add(BODY_END, NOINDEX_CLOSE)
    if item.the:
        page.add(f"<p><strong>{w.s('tags')}:</strong> " + ", ".join(text(tag) for tag in item.the) + "</p>")
    page.add(NOINDEX_OPEN_HTML)
    if related:
        page.heading(2, w.s("related_news"))
        page.add(bullet_list([f"{w.link_to(r.address, text(r.item.tieu_de))} ({format_datetime(r.published, lang)})"
                              for r in related]))
    if older or newer:
        links = []
        if newer:
            links.append(f"<p>{w.s('newer_story')}: {w.link_to(newer.address, text(newer.item.tieu_de))}</p>")
        if older:
            links.append(f"<p>{w.s('older_story')}: {w.link_to(older.address, text(older.item.tieu_de))}</p>")
        page.add(f'<nav aria-label="{w.s("story_nav")}" class="cchc-story-nav">', *links, "</nav>")
    page.add(NOINDEX_CLOSE)
    page.add(search_data({"kind": "news", "date": format_datetime(story.published, lang), "summary": item.sapo,
                          "category": w.cat.categories[item.chuyen_muc].ten.get(lang)}, []))
    spec = finish_html(w, page, story.source, f"story:{lang}:{item.khoa}")
    return dataclasses.replace(spec, markdown=story.body)


def _feeds_page(cat: Catalogue, lang: str) -> PageSpec:
    uri = feeds_page_uri()
    w = Writer(cat, lang, uri)
    paths = feed_paths(cat)
    out = [f"# {w.s('feeds')}", "", w.s("feeds_intro"), "", w.s("feed_changes_intro"), "", w.s("feed_terms"), ""]
    out += [f"| {w.s('feed')} | RSS 2.0 | Atom 1.0 |", "| --- | --- | --- |"]
    for key, (rss, atom) in paths.items():
        if key == "news":
            name = w.s("feed_news")
        elif key == "changes":
            name = w.s("feed_changes")
        else:
            name = f"{w.s('category')}: {w.tr(cat.categories[key].ten)}"
        # Feeds are written after the pages, so they are linked as plain HTML, relative to the page's URL.
        cells = [f'<a href="{url_from_page(uri, path)}" type="{kind}">{path.rsplit("/", 1)[-1]}</a>'
                 for path, kind in ((rss, "application/rss+xml"), (atom, "application/atom+xml"))]
        out.append(f"| {name} | {cells[0]} | {cells[1]} |")
    out.append("")
    return exclude_from_search(finish_markdown(w, out, None, None))


def plan_news_pages(cat: Catalogue, lang: str) -> list[PageSpec]:
    """Every news page of ``lang``: articles, index, categories, years and the feeds page."""
    stories = cat.stories_in(lang)
    position = {s.item.khoa: i for i, s in enumerate(stories)}
    by_tag: dict[str, list[int]] = {}
    by_category: dict[str, list[int]] = {c: [] for c in cat.categories}
    for i, story in enumerate(stories):
        for tag in {name.casefold() for name in story.item.the}:
            by_tag.setdefault(tag, []).append(i)
        by_category[story.item.chuyen_muc].append(i)
    specs = []
    for i, story in enumerate(stories):
        related = _related(cat, story, stories, by_tag, by_category, position)
        older = stories[i + 1] if i + 1 < len(stories) else None
        newer = stories[i - 1] if i > 0 else None
        specs.append(_article(cat, lang, story, related, older, newer))

    ordered = sorted(cat.categories.items(), key=lambda kv: (kv[1].thu_tu, kv[0]))
    years = sorted({s.year for s in stories}, reverse=True)

    def news_intro(w: HtmlWriter) -> list[str]:
        lines = [f"<strong>{w.s('categories')}:</strong> "
                 + " · ".join(_category_link(w, cid) for cid, _ in ordered)]
        if years:
            lines.append(f"<strong>{w.s('archive')}:</strong> " + " · ".join(
                w.link_to(news_year_uri(y), str(y)) for y in years))
        lines.append(w.link_to(feeds_page_uri(), w.s("feeds")))
        return [f"<p>{w.s('news_intro')}</p>", '<p class="cchc-news-browse">' + "<br />\n".join(lines) + "</p>"]

    def all_news(w: HtmlWriter) -> str:
        return f"<p>{w.link_to(news_index_uri(), w.s('all_news'))}</p>"

    specs += _listing(cat, lang, stories, t("news", lang), news_intro, news_index_uri)
    for cid, category in ordered:
        members = [stories[i] for i in by_category[cid]]

        def category_intro(w: HtmlWriter, category: Category = category) -> list[str]:
            return ([f"<p>{w.tr(category.mo_ta)}</p>"] if category.mo_ta else []) + [all_news(w)]

        specs += _listing(cat, lang, members, HtmlWriter(cat, lang, category_uri(cid)).tr(category.ten),
                          category_intro, lambda page, cid=cid: category_uri(cid, page))  # type: ignore[misc]
    for year in years:
        members = [s for s in stories if s.year == year]
        specs += _listing(cat, lang, members, t("news_year", lang, year=year), lambda w: [all_news(w)],
                          lambda page, year=year: news_year_uri(year, page))  # type: ignore[misc]
    specs.append(_feeds_page(cat, lang))
    return specs


def news_addresses(cat: Catalogue, lang: str) -> set[str]:
    """The addresses of ``lang``'s news pages, without rendering them (for the language switcher)."""
    stories = cat.stories_in(lang)
    out = {s.address for s in stories} | {feeds_page_uri()}
    pages = max(1, math.ceil(len(stories) / NEWS_PER_PAGE))
    out |= {news_index_uri(p) for p in range(1, pages + 1)}
    for cid in cat.categories:
        n = sum(1 for s in stories if s.item.chuyen_muc == cid)
        out |= {category_uri(cid, p) for p in range(1, max(1, math.ceil(n / NEWS_PER_PAGE)) + 1)}
    for year in {s.year for s in stories}:
        n = sum(1 for s in stories if s.year == year)
        out |= {news_year_uri(year, p) for p in range(1, math.ceil(n / NEWS_PER_PAGE) + 1)}
    return out


def news_alternates(cat: Catalogue, lang: str) -> dict[str, dict[str, tuple[str, bool]]]:
    """For each news page of ``lang``: where the language switcher goes in every other language.

    A story goes to its translation (same key); a list page to the same list when that language has it;
    anything else to that language's news index, which is marked as not the same content.
    """
    out: dict[str, dict[str, tuple[str, bool]]] = {}
    others = {code: news_addresses(cat, code) for code in LANGUAGES if code != lang}
    for address in news_addresses(cat, lang):
        targets: dict[str, tuple[str, bool]] = {}
        for code, theirs in others.items():
            if address in theirs and not _is_story(address):
                targets[code] = (page_url(address), True)
            else:
                targets[code] = (page_url(news_index_uri()), False)
        out[address] = targets
    for story in cat.stories_in(lang):
        for code in others:
            twin = cat.counterpart(story, code)
            if twin is not None:
                out[story.address][code] = (page_url(twin.address), True)
    return out


def _is_story(address: str) -> bool:
    name = address.rsplit("/", 1)[-1]
    return address.count("/") == 2 and name != "index.md" and not name.startswith("trang-")


def story_body(html: str) -> tuple[int, int] | None:
    """Where a story's own text lies in its rendered page: (start, end) offsets, markers excluded."""
    start, end = html.find(BODY_START), html.find(BODY_END)
    return (start + len(BODY_START), end) if start >= 0 and end > start else None
