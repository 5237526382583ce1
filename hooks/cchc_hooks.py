"""MkDocs adapter for the cchc core: load content once, add generated pages, localise, check output.

Keeps no state in this module (``mkdocs serve`` never reloads hooks): per-build state lives in
``config.extra["_cchc"]``, rebuilt by ``on_config`` on every build.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import posixpath
import re
from dataclasses import dataclass, field
from html import escape, unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

from cchc.catalogue import Catalogue, load_catalogue
from cchc.completeness import missing_from_outputs, missing_from_search
from cchc.coverage import translation_coverage
from cchc.csp import with_csp
from cchc.document_pages import plan_document_pages
from cchc.feeds import (
    FEED_LIMIT,
    FeedContext,
    autodiscovery_links,
    change_feed,
    empty_sitemap,
    news_feeds,
)
from cchc.htmlout import MARKDOWN_SLOT, contents
from cchc.i18n import alternate_links, plan_localized_docs, t
from cchc.lastmod import content_date, git_last_changed, head_date, last_updated
from cchc.leaflet import leaflet_page
from cchc.news import NEWS_DIR
from cchc.news_pages import news_alternates, plan_news_pages, story_body
from cchc.pages import (
    PageSpec,
    decorative_checkboxes,
    missing_outputs,
    page_url,
    plan_procedure_pages,
    procedure_uri,
    published_procedures,
    set_uri,
)
from cchc.portal_pages import footer, plan_portal_pages, report_link
from cchc.problems import ContentError, bilingual
from cchc.sanitize import sanitize_html
from cchc.search import INDEX_LATER, folded_block, run_pagefind
from cchc.search_pages import FINDER_DATA, finder_data, plan_search_pages
from cchc.text import format_date

log = get_plugin_logger("cchc")


@dataclass
class BuildState:
    lang: str
    catalogue: Catalogue
    specs: list[PageSpec]
    fallback_pages: set[str]
    alternates: dict[str, dict[str, tuple[str, bool]]]  # news page -> {language: (url, exact)}
    story_html: dict[str, str]  # story address -> rendered body, for the feeds
    root: Path = Path(".")
    lastmod: dict[str, dt.date] | None = None  # repository path -> last commit date; None without history
    newest: dt.date | None = None  # the date of pages drawn from many records (see cchc.lastmod.last_updated)
    # Every page the core wrote: src_uri -> (its source file, its record key).
    sources: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    nav_urls: list[str] = field(default_factory=list)  # the pages in the nav, by URL
    # What the build rendered pages with, kept for the preview's fast path (scripts/serve.py re-renders the page
    # of an edited procedure with them, then rebuilds everything).
    nav: Any = None
    env: Any = None
    files: Files | None = None
    story_markdown: Any = None  # the build's converter for stories (_StoryMarkdown), made on first use


def _state(config: MkDocsConfig) -> BuildState:
    state = config.extra["_cchc"]
    assert isinstance(state, BuildState)
    return state


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    lang = config.theme["language"]
    try:
        catalogue = load_catalogue(root)
    except ContentError as exc:
        for problem in exc.problems:
            log.error(bilingual(problem))
        raise PluginError(f"{len(exc.problems)} content problem(s) found; the site was not built.") from None
    specs = plan_procedure_pages(catalogue, lang)
    specs += plan_document_pages(catalogue, lang)
    specs += plan_news_pages(catalogue, lang)
    specs += plan_search_pages(catalogue, lang)
    specs += plan_portal_pages(catalogue, lang)
    specs.append(leaflet_page(catalogue, lang, config.site_url or "/"))
    state = BuildState(lang, catalogue, specs, set(), news_alternates(catalogue, lang), {},
                       root, git_last_changed(root), head_date(root) or content_date(catalogue),
                       {spec.src_uri: (spec.edit_uri, spec.record) for spec in specs})
    config.extra["_cchc"] = state
    # Theme templates such as 404.html render before any page: give them the home page's links.
    config.extra["alternate"] = alternate_links(config.site_url or "/", lang, "")
    config.extra["feeds"] = autodiscovery_links(catalogue, lang, "")
    config.extra["cchc_footer"] = footer(catalogue, lang)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    state = _state(config)
    # News sources are rendered by the core (front matter, dates, related stories), one language per build.
    for news_file in [f for f in files if f.src_uri.startswith(NEWS_DIR + "/") and f.src_uri.endswith(".md")]:
        files.remove(news_file)
    docs = {f.src_uri: f for f in files if f.src_uri.endswith(".md")}
    chosen, state.fallback_pages = plan_localized_docs(sorted(docs), state.lang)
    for uri in docs:
        files.remove(docs[uri])
    for address, source in sorted(chosen.items()):
        if address == source:
            files.append(docs[source])
        else:
            files.append(File.generated(config, address, abs_src_path=docs[source].abs_src_path or ""))
    files.append(File.generated(config, FINDER_DATA, content=finder_data(state.catalogue, state.lang)))
    nav_titles = dict(_nav_titles(config.nav or []))
    for spec in state.specs:
        generated = File.generated(config, spec.src_uri, content=spec.markdown)
        generated.edit_uri = spec.edit_uri
        files.append(generated)
        if spec.html is not None:
            # MkDocs keeps a file's existing page when it builds the nav, without the nav's title for it.
            _HtmlPage(spec, generated, config, nav_titles.get(spec.src_uri))
    return files


def _nav_titles(items: Any) -> list[tuple[str, str]]:
    """(page source, title) for every page the nav configuration names with a title."""
    out: list[tuple[str, str]] = []
    for item in items if isinstance(items, list) else [items]:
        if isinstance(item, dict):
            for title, target in item.items():
                if isinstance(target, str):
                    out.append((target, title))
                else:
                    out += _nav_titles(target)
    return out


class _HtmlPage(Page):
    """A page the core wrote as HTML (cchc.htmlout): MkDocs' Markdown pass is skipped, except for the Markdown
    the page carries (a story's text), which MkDocs renders as usual (its links checked and rewritten) into
    the page's Markdown slot. Everything else (theme, events, anchors) is as for any page."""

    def __init__(self, spec: PageSpec, file: File, config: MkDocsConfig, title: str | None = None) -> None:
        super().__init__(title, file, config)
        self.spec = spec

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = self.spec.markdown
        self.meta = {"search": {"exclude": True}} if self.spec.search_exclude else {}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        assert self.spec.html is not None
        inserted: list[dict[str, Any]] = []
        if self.markdown:
            state = _state(config)
            if state.story_markdown is None:
                state.story_markdown = _StoryMarkdown(config, files, self.file)
            state.story_markdown.render(self)
            self.content = self.spec.html.replace(MARKDOWN_SLOT, self.content or "", 1)
            inserted = _flat_tokens(self.toc)
            self.present_anchor_ids = set(self.spec.anchors) | (self.present_anchor_ids or set())
        else:
            self.content = self.spec.html.replace(MARKDOWN_SLOT, "", 1)
            self.present_anchor_ids = set(self.spec.anchors)
            self.links_to_anchors = {}
        self.toc = get_toc(contents(self.spec.headings, self.spec.slot, inserted))
        self._title_from_render = self.spec.title


class _StoryMarkdown:
    """MkDocs' Markdown pass (``Page.render``: the configured extensions plus MkDocs' own link checking, anchor
    and title processors) with one converter for the whole build instead of one per page: building a converter
    costs about as much as converting a story. Each page resets what the processors collect."""

    def __init__(self, config: MkDocsConfig, files: Files, file: File) -> None:
        self.md = Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})
        self.raw_html = _RawHTMLPreprocessor()
        self.raw_html._register(self.md)
        self.anchors = _ExtractAnchorsTreeprocessor(file, files, config)
        self.anchors._register(self.md)
        self.relative = _RelativePathTreeprocessor(file, files, config)
        self.relative._register(self.md)
        self.title = _ExtractTitleTreeprocessor()
        self.title._register(self.md)

    def render(self, page: Page) -> None:
        self.md.reset()
        self.anchors.present_anchor_ids = set()
        self.relative.file, self.relative.links_to_anchors = page.file, {}
        self.title.title = None
        page.content = self.md.convert(page.markdown or "")
        page.toc = get_toc(getattr(self.md, "toc_tokens", []))
        page._title_from_render = self.title.title
        page.present_anchor_ids = self.anchors.present_anchor_ids | self.raw_html.present_anchor_ids
        if _pages_log.getEffectiveLevel() > logging.DEBUG:  # as Page.render
            page.links_to_anchors = self.relative.links_to_anchors


_pages_log = logging.getLogger("mkdocs.structure.pages")


def _flat_tokens(toc: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in toc:
        out.append({"level": item.level, "id": item.id, "name": item.title, "children": []})
        out += _flat_tokens(item.children)
    return out


def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    state = _state(config)
    state.nav, state.nav_urls = nav, [page.url for page in nav.pages]
    return nav


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    # Fragments shared by the pages of one folder (see overrides/main.html); a fresh table every build.
    table: dict[str, tuple[str, frozenset[str]]] = {}
    state = _state(config)
    state.env, state.files = env, files
    nav_urls = set(state.nav_urls)

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
            if not _links_into(targets, page.url):
                return fragment
            return str(caller())
        fragment = str(caller())
        targets = _link_targets(fragment, page.url)
        if not _links_into(targets, page.url):
            table[key] = (fragment, targets)
        return fragment

    env.globals.update(cchc_shared=shared)
    # Jinja's template cache is a locked LRU that reorders itself on every lookup, and Material's templates look
    # up some twenty partials per page; the theme's few dozen templates fit in a plain dict.
    env.cache = dict(env.cache.items()) if env.cache is not None else {}
    return env


_LINK = re.compile(r'(?:href|src|action)="([^"]*)"')


def _link_targets(fragment: str, page_url: str) -> frozenset[str]:
    """The site addresses the relative links of a fragment (rendered for ``page_url``) point at, as 'a/b/'."""
    out = set()
    for link in _LINK.findall(fragment):
        path = urlsplit(unescape(link)).path
        if not path or urlsplit(link).scheme or link.startswith(("/", "#")):
            continue
        target = posixpath.normpath(posixpath.join(page_url, path))
        out.add("" if target == "." else target.strip("/") + "/")
    return frozenset(out)


def _links_into(targets: frozenset[str], page_url: str) -> bool:
    return any(target.startswith(page_url) for target in targets)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _state(config)
    if page.file.src_uri not in state.fallback_pages:
        return markdown
    notice = t("untranslated_notice", state.lang)
    return f'!!! info "{notice}"\n\n<div lang="vi" markdown="1">\n\n{markdown}\n\n</div>\n'


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # MkDocs takes the title from the rendered heading: entities stay as written ("&lt;") but backslash escapes
    # come back as raw characters ("\\<" gives "<"), and Material prints page.meta.title unescaped in <title> and
    # the header. Reduce it to plain text, then escape it exactly once.
    if page.title is not None:
        page.meta["title"] = escape(unescape(page.title), quote=True)
    state = _state(config)
    # Editors' HTML keeps only allow-listed tags and attributes: whole hand-written pages, and a story's text.
    body = story_body(html) if page.file.src_uri.startswith(NEWS_DIR + "/") else None
    if page.file.src_uri not in state.sources:
        html = sanitize_html(html)
    elif body is not None:
        text = sanitize_html(html[body[0] : body[1]])
        html = html[: body[0]] + text + html[body[1] :]
        state.story_html[page.file.src_uri] = text.strip()  # the feeds carry the sanitized text
    html = decorative_checkboxes(html)
    search = page.meta.get("search")
    if not (isinstance(search, dict) and search.get("exclude")):
        # Pagefind folds Vietnamese marks itself except đ: add the accent-free forms of đ-words, hidden.
        html += folded_block(unescape(page.title or ""), html)
    return html


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    # Material renders config.extra.alternate as the language switcher and as hreflang links; pointing it at
    # this page's counterparts makes the switch land on the same page in the other language.
    state = _state(config)
    targets = state.alternates.get(page.file.src_uri)
    config.extra["alternate"] = alternate_links(config.site_url or "/", state.lang, page.url, targets)
    config.extra["feeds"] = autodiscovery_links(state.catalogue, state.lang, page.file.src_uri)
    source, record = state.sources.get(page.file.src_uri, (None, None))
    if page.file.src_uri not in state.sources and page.file.abs_src_path:
        source = Path(page.file.abs_src_path).resolve().relative_to(state.root.resolve()).as_posix()
    when = last_updated(state.catalogue, source, record, state.lastmod, state.newest)
    if page.canonical_url:
        page.meta["cchc_report"] = report_link(state.catalogue, page.canonical_url, unescape(page.title or ""),
                                               state.lang)
    page.meta["cchc_updated"] = None if when is None else {
        "label": t("last_updated", state.lang), "iso": when.isoformat(), "text": format_date(when, state.lang)}
    return context


PREVIEW = "CCHC_PREVIEW"  # set by scripts/serve.py: MkDocs' live-reload script is inline


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_csp(output, preview=bool(os.environ.get(PREVIEW)))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return with_csp(output, preview=bool(os.environ.get(PREVIEW))) if template_name.endswith(".html") else output


def on_post_build(config: MkDocsConfig) -> None:
    state = _state(config)
    missing = missing_outputs(state.specs, Path(config.site_dir))
    if missing:
        raise PluginError(f"pages missing from the output: {', '.join(missing)}")
    _write_feeds(state, config)
    options = config.extra.get("cchc") or {}
    ctx = FeedContext(config.site_url or "/", config.site_name, state.lang,
                      int(options.get("feed_limit", FEED_LIMIT)))
    lost = missing_from_outputs(state.catalogue, state.lang, Path(config.site_dir), ctx.limit, ctx.tag(""))
    if not os.environ.get(INDEX_LATER):
        run_pagefind(Path(config.site_dir), state.lang)
        lost += missing_from_search(Path(config.site_dir))
    if lost:
        for line in lost:
            log.error(f"[{state.lang}] {line}")
        raise PluginError(f"{len(lost)} record(s) missing from the outputs; the site was not published.")
    published = published_procedures(state.specs)
    log.info(f"[{state.lang}] published {published} of {len(state.catalogue.procedures)} procedures")
    if state.lang != "vi":
        for cov in translation_coverage(state.catalogue):
            log.info(f"[{state.lang}] translation coverage, {cov}")
        log.info(f"[{state.lang}] hand-written pages shown in Vietnamese: {len(state.fallback_pages)}")


def _write_feeds(state: BuildState, config: MkDocsConfig) -> None:
    cat = state.catalogue
    options = config.extra.get("cchc") or {}
    ctx = FeedContext(config.site_url or "/", config.site_name, state.lang, int(options.get("feed_limit", FEED_LIMIT)))
    missing = [s.address for s in cat.stories_in(state.lang) if s.address not in state.story_html]
    if missing:
        raise PluginError(f"story text missing from the feeds: {', '.join(missing)}")
    outputs = news_feeds(cat, ctx, state.story_html, Path(config.docs_dir))
    outputs.update(change_feed(
        cat, ctx,
        lambda code: page_url(procedure_uri(cat.procedures[code])),
        lambda set_id: page_url(set_uri(set_id)),
    ))
    outputs.update(empty_sitemap())
    site = Path(config.site_dir)
    for rel, data in outputs.items():
        target = site / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    log.info(f"[{state.lang}] wrote {len(outputs) - 1} feeds with {len(cat.stories_in(state.lang))} stories")
