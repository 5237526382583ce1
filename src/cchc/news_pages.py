"""Plan the news pages as data: article pages, the paginated index, category and year archives, the feeds page.

News pages stay out of the navigation (DESIGN.md §3); the index, category and year pages link them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from .catalogue import Catalogue
from .feeds import feed_paths
from .i18n import LANGUAGES
from .news import NEWS_DIR, Story, category_dir
from .pages import PageSpec, _finish, _Writer, exclude_from_search, md_url, page_url, url_from_page
from .search import NOINDEX_CLOSE, NOINDEX_OPEN, search_data
from .text import format_datetime, md_escape

NEWS_PER_PAGE = 10
# Around a story's own text in its page: the hook sanitizes what is between them and the feeds carry it.
BODY_START, BODY_END = "<!-- cchc:body -->", "<!-- /cchc:body -->"
RELATED = 5


def news_index_uri(page: int = 1) -> str:
    return f"{NEWS_DIR}/index.md" if page == 1 else f"{NEWS_DIR}/trang-{page}.md"


def category_uri(category: str, page: int = 1) -> str:
    return category_dir(category) + ("index.md" if page == 1 else f"trang-{page}.md")


def year_uri(year: int, page: int = 1) -> str:
    return f"{NEWS_DIR}/{year}/index.md" if page == 1 else f"{NEWS_DIR}/{year}/trang-{page}.md"


def feeds_page_uri() -> str:
    return f"{NEWS_DIR}/kenh-tin.md"


def _time(w: _Writer, story: Story) -> str:
    moment = story.published
    return f'<time datetime="{moment.isoformat()}">{format_datetime(moment, w.lang)}</time>'


def _category_link(w: _Writer, category: str) -> str:
    return w.link_to(category_uri(category), w.tr(w.cat.categories[category].ten))


def _teaser(w: _Writer, story: Story) -> list[str]:
    return [
        f"### {w.link_to(story.address, md_escape(story.item.tieu_de))}",
        "",
        f"{_time(w, story)} · {_category_link(w, story.item.chuyen_muc)}",
        "{ .cchc-news-meta }",
        "",
        md_escape(story.item.sapo),
        "",
    ]


def _pager(w: _Writer, page: int, total: int, uri_of: Callable[[int], str]) -> list[str]:
    if total <= 1:
        return []
    items = []
    if page > 1:
        items.append(w.link_to(uri_of(page - 1), f"« {w.s('previous_page')}"))
    for n in range(1, total + 1):
        if n == page:
            items.append(f'<strong aria-current="page">{n}</strong>')
        elif n in (1, total) or abs(n - page) <= 2:
            items.append(w.link_to(uri_of(n), str(n)))
        elif abs(n - page) == 3:
            items.append("…")
    if page < total:
        items.append(w.link_to(uri_of(page + 1), f"{w.s('next_page')} »"))
    return [f'<nav class="cchc-pager" aria-label="{w.s("pages_nav")}" markdown="1">', "",
            " ".join(items), "", "</nav>", ""]


def _listing(
    cat: Catalogue, lang: str, stories: Sequence[Story], title: str, intro: list[str], uri_of: Callable[[int], str]
) -> list[PageSpec]:
    """A paginated list, newest first: page 1 at ``uri_of(1)``, then ``uri_of(2)``..."""
    total = max(1, math.ceil(len(stories) / NEWS_PER_PAGE))
    specs = []
    for page in range(1, total + 1):
        uri = uri_of(page)
        w = _Writer(cat, lang, uri)
        heading = title if page == 1 else f"{title} – {w.s('page_n', n=page)}"
        out = [f"# {heading}", "", *intro]
        chunk = stories[(page - 1) * NEWS_PER_PAGE : page * NEWS_PER_PAGE]
        if total > 1:
            out += [w.s("page_of", n=page, total=total) + " · " + w.s("count_news", n=len(stories)), ""]
        for story in chunk:
            out += _teaser(w, story)
        if not stories:
            out += [w.s("no_news"), ""]
        out += _pager(w, page, total, uri_of)
        specs.append(exclude_from_search(_finish(w, out, None, None)))
    return specs


def _related(cat: Catalogue, story: Story, stories: Sequence[Story], by_tag: dict[str, list[int]],
             by_category: dict[str, list[int]], position: dict[str, int]) -> list[Story]:
    """Stories sharing tags (two points per tag) or the category (one point); nearest in time breaks ties."""
    me = position[story.item.khoa]
    scores: dict[int, int] = {}
    for tag in story.item.the:
        for i in by_tag.get(tag.casefold(), []):
            scores[i] = scores.get(i, 0) + 2
    same = by_category[story.item.chuyen_muc]
    k = same.index(me)
    for i in same[max(0, k - RELATED) : k + RELATED + 1]:
        scores[i] = scores.get(i, 0) + 1
    scores.pop(me, None)
    ranked = sorted(scores, key=lambda i: (-scores[i], abs(i - me), i))
    return [stories[i] for i in ranked[:RELATED]]


def _article(cat: Catalogue, lang: str, story: Story, related: list[Story],
             older: Story | None, newer: Story | None) -> PageSpec:
    w = _Writer(cat, lang, story.address)
    item = story.item
    out = [f"# {md_escape(item.tieu_de)}", ""]
    meta = [f"{_time(w, story)} · {w.s('category')}: {_category_link(w, item.chuyen_muc)}"]
    if item.ngay_cap_nhat is not None:
        meta[0] += f" · {w.s('updated')}: {format_datetime(story.updated, lang)}"
    credits = []
    if item.nguon:
        credits.append(f"{w.s('source')}: {md_escape(item.nguon)}")
    if item.tac_gia:
        credits.append(f"{w.s('author')}: {md_escape(item.tac_gia)}")
    meta.append(" · ".join(credits))
    out += [NOINDEX_OPEN, "", "  \n".join(meta), "{ .cchc-news-meta }", "", NOINDEX_CLOSE, ""]
    if item.anh is not None:
        out += [f"![{md_escape(item.anh.mo_ta)}]({md_url(w.rel(item.anh.tep))}){{ .cchc-lead-image }}", ""]
    out += [md_escape(item.sapo), "{ .cchc-sapo }", ""]
    if item.the:
        tags = [f"**{w.s('tags')}:** " + ", ".join(md_escape(tag) for tag in item.the), ""]
    else:
        tags = []
    # Search indexes the headline, lead and tags; the story text and the lists below stay out of the index.
    out += [NOINDEX_OPEN, "", BODY_START, "", story.body, "", BODY_END, "", NOINDEX_CLOSE, ""]
    out += tags
    out += [NOINDEX_OPEN, ""]
    if related:
        out += [f"## {w.s('related_news')}", ""]
        out += [f"- {w.link_to(r.address, md_escape(r.item.tieu_de))} ({format_datetime(r.published, lang)})"
                for r in related]
        out.append("")
    if older or newer:
        out += [f'<nav class="cchc-story-nav" aria-label="{w.s("story_nav")}" markdown="1">', ""]
        if newer:
            out += [f"{w.s('newer_story')}: {w.link_to(newer.address, md_escape(newer.item.tieu_de))}", ""]
        if older:
            out += [f"{w.s('older_story')}: {w.link_to(older.address, md_escape(older.item.tieu_de))}", ""]
        out += ["</nav>", ""]
    out += [NOINDEX_CLOSE, ""]
    out += [search_data({"kind": "news", "date": format_datetime(story.published, lang), "summary": item.sapo,
                         "category": w.cat.categories[item.chuyen_muc].ten.get(lang)}, []), ""]
    spec = _finish(w, out, story.source, f"story:{lang}:{item.khoa}")
    return PageSpec(spec.src_uri, spec.markdown, story.source, spec.record)


def _feeds_page(cat: Catalogue, lang: str) -> PageSpec:
    uri = feeds_page_uri()
    w = _Writer(cat, lang, uri)
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
    return exclude_from_search(_finish(w, out, None, None))


def plan_news_pages(cat: Catalogue, lang: str) -> list[PageSpec]:
    """Every news page of ``lang``: articles, index, categories, years and the feeds page."""
    stories = cat.stories_in(lang)
    position = {s.item.khoa: i for i, s in enumerate(stories)}
    by_tag: dict[str, list[int]] = {}
    by_category: dict[str, list[int]] = {c: [] for c in cat.categories}
    for i, story in enumerate(stories):
        for tag in {t.casefold() for t in story.item.the}:
            by_tag.setdefault(tag, []).append(i)
        by_category[story.item.chuyen_muc].append(i)
    specs = []
    for i, story in enumerate(stories):
        related = _related(cat, story, stories, by_tag, by_category, position)
        older = stories[i + 1] if i + 1 < len(stories) else None
        newer = stories[i - 1] if i > 0 else None
        specs.append(_article(cat, lang, story, related, older, newer))

    w = _Writer(cat, lang, news_index_uri())
    ordered = sorted(cat.categories.items(), key=lambda kv: (kv[1].thu_tu, kv[0]))
    years = sorted({s.year for s in stories}, reverse=True)

    def browse(writer: _Writer) -> list[str]:
        lines = [f"**{writer.s('categories')}:** " + " · ".join(_category_link(writer, cid) for cid, _ in ordered)]
        if years:
            lines.append(f"**{writer.s('archive')}:** " + " · ".join(
                writer.link_to(year_uri(y), str(y)) for y in years))
        lines.append(writer.link_to(feeds_page_uri(), writer.s("feeds")))
        return ["  \n".join(lines), "{ .cchc-news-browse }", ""]

    specs += _listing(cat, lang, stories, w.s("news"), [w.s("news_intro"), "", *browse(w)], news_index_uri)
    for cid, category in ordered:
        members = [stories[i] for i in by_category[cid]]
        cw = _Writer(cat, lang, category_uri(cid))
        intro = [cw.tr(category.mo_ta), ""] if category.mo_ta else []
        intro += [cw.link_to(news_index_uri(), cw.s("all_news")), ""]
        specs += _listing(cat, lang, members, cw.tr(category.ten), intro,
                          lambda page, cid=cid: category_uri(cid, page))  # type: ignore[misc]
    for year in years:
        members = [s for s in stories if s.year == year]
        yw = _Writer(cat, lang, year_uri(year))
        specs += _listing(cat, lang, members, yw.s("news_year", year=year),
                          [yw.link_to(news_index_uri(), yw.s("all_news")), ""],
                          lambda page, year=year: year_uri(year, page))  # type: ignore[misc]
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
        out |= {year_uri(year, p) for p in range(1, math.ceil(n / NEWS_PER_PAGE) + 1)}
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
