"""MkDocs' events for one language's build, each a call into the core: load and check the content, add the
pages the core planned, localise, sanitise and index what MkDocs renders, check the output, write the feeds.

``hooks/cchc_hooks.py`` hands these to MkDocs; nothing here keeps state between builds (see
:mod:`cchc_mkdocs.state`).
"""

from __future__ import annotations

from html import escape, unescape
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from cchc.content.catalogue import load_catalogue
from cchc.content.lastmod import content_date, git_last_changed, head_date, last_updated
from cchc.content.news import NEWS_DIR
from cchc.content.problems import ContentError, bilingual
from cchc.content.sanitize import sanitize_html
from cchc.i18n import DEFAULT_LANGUAGE, LANGUAGE_PREFIXES, alternate_links, plan_localized_docs, t
from cchc.output.admin import write_admin
from cchc.output.completeness import missing_from_open_data, missing_from_outputs, missing_from_search
from cchc.output.coverage import translation_coverage
from cchc.output.csp import with_csp
from cchc.output.feeds import (
    FEED_LIMIT,
    FeedContext,
    autodiscovery_links,
    change_feed,
    empty_sitemap,
    news_feeds,
)
from cchc.output.opendata import open_data_files
from cchc.output.search import run_pagefind
from cchc.output.share_images import write_share_images
from cchc.site.addresses import FINDER_DATA, SYNONYMS_DATA, page_url, procedure_uri, set_uri
from cchc.site.admin import cms_config
from cchc.site.documents import plan_document_pages
from cchc.site.finder import finder_data, header_box, plan_search_pages, synonyms_data
from cchc.site.htmlout import label_table_cells
from cchc.site.index_markup import folded_block
from cchc.site.leaflet import leaflet_page
from cchc.site.news import news_alternates, plan_news_pages, story_body
from cchc.site.opendata import open_data_page
from cchc.site.portal import footer, plan_portal_pages, report_link
from cchc.site.procedures import decorative_checkboxes, plan_procedure_pages
from cchc.site.sharing import Site, page_head
from cchc.site.writer import missing_outputs, published_procedures
from cchc.text import format_date
from cchc_mkdocs import fragments
from cchc_mkdocs.render import HtmlPage, nav_titles
from cchc_mkdocs.state import STATE_KEY, BuildState, options, share_cards, state

log = get_plugin_logger("cchc")


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
    specs.append(open_data_page(catalogue, lang))
    config.extra[STATE_KEY] = BuildState(
        lang, catalogue, specs, set(), news_alternates(catalogue, lang), {}, options(config),
        root, git_last_changed(root), head_date(root) or content_date(catalogue),
        {spec.src_uri: (spec.edit_uri, spec.record) for spec in specs})
    # Theme templates such as 404.html render before any page: give them the home page's links.
    config.extra["alternate"] = alternate_links(config.site_url or "/", lang, "")
    config.extra["feeds"] = autodiscovery_links(catalogue, lang, "")
    config.extra["cchc_footer"] = footer(catalogue, lang)
    config.extra["cchc_search_box"] = header_box(lang)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = state(config)
    # News sources are rendered by the core (front matter, dates, related stories), one language per build.
    for news_file in [f for f in files if f.src_uri.startswith(NEWS_DIR + "/") and f.src_uri.endswith(".md")]:
        files.remove(news_file)
    docs = {f.src_uri: f for f in files if f.src_uri.endswith(".md")}
    chosen, build.fallback_pages = plan_localized_docs(sorted(docs), build.lang)
    for uri in docs:
        files.remove(docs[uri])
    for address, source in sorted(chosen.items()):
        if address == source:
            files.append(docs[source])
        else:
            files.append(File.generated(config, address, abs_src_path=docs[source].abs_src_path or ""))
    files.append(File.generated(config, FINDER_DATA, content=finder_data(build.catalogue, build.lang)))
    files.append(File.generated(config, SYNONYMS_DATA, content=synonyms_data(build.catalogue, build.lang)))
    # The open data has one public address, the Vietnamese site's; each language's build carries the same files.
    public = (config.site_url or "/").removesuffix(LANGUAGE_PREFIXES[build.lang])
    for rel, data in open_data_files(build.catalogue, public).items():
        files.append(File.generated(config, rel, content=data))
    titles = dict(nav_titles(config.nav or []))
    for spec in build.specs:
        generated = File.generated(config, spec.src_uri, content=spec.markdown)
        generated.edit_uri = spec.edit_uri
        files.append(generated)
        if spec.html is not None:
            # MkDocs keeps a file's existing page when it builds the nav, without the nav's title for it.
            HtmlPage(spec, generated, config, titles.get(spec.src_uri))
    return files


def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    build = state(config)
    build.nav, build.nav_urls = nav, [page.url for page in nav.pages]
    return nav


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    build = state(config)
    build.env, build.files = env, files
    fragments.install(env, set(build.nav_urls))
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = state(config)
    if page.file.src_uri not in build.fallback_pages:
        return markdown
    notice = t("untranslated_notice", build.lang)
    return f'!!! info "{notice}"\n\n<div lang="vi" markdown="1">\n\n{markdown}\n\n</div>\n'


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # MkDocs takes the title from the rendered heading: entities stay as written ("&lt;") but backslash escapes
    # come back as raw characters ("\\<" gives "<"), and Material prints page.meta.title unescaped in <title> and
    # the header. Reduce it to plain text, then escape it exactly once.
    if page.title is not None:
        page.meta["title"] = escape(unescape(page.title), quote=True)
    build = state(config)
    # Editors' HTML keeps only allow-listed tags and attributes: whole hand-written pages, and a story's text.
    body = story_body(html) if page.file.src_uri.startswith(NEWS_DIR + "/") else None
    if page.file.src_uri not in build.sources:
        html = sanitize_html(html)
    elif body is not None:
        text = sanitize_html(html[body[0] : body[1]])
        html = html[: body[0]] + text + html[body[1] :]
        build.story_html[page.file.src_uri] = text.strip()  # the feeds carry the sanitized text
    html = decorative_checkboxes(html)
    html = label_table_cells(html)  # each cell's column heading, for phones' stacked rows
    search = page.meta.get("search")
    if not (isinstance(search, dict) and search.get("exclude")):
        # Pagefind folds Vietnamese marks itself except đ: add the accent-free forms of đ-words, hidden.
        html += folded_block(unescape(page.title or ""), html)
    return html


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    # Material renders config.extra.alternate as the language switcher and as hreflang links; pointing it at
    # this page's counterparts makes the switch land on the same page in the other language.
    build = state(config)
    targets = build.alternates.get(page.file.src_uri)
    config.extra["alternate"] = alternate_links(config.site_url or "/", build.lang, page.url, targets)
    config.extra["feeds"] = autodiscovery_links(build.catalogue, build.lang, page.file.src_uri)
    source, record = build.sources.get(page.file.src_uri, (None, None))
    if page.file.src_uri not in build.sources and page.file.abs_src_path:
        source = Path(page.file.abs_src_path).resolve().relative_to(build.root.resolve()).as_posix()
    when = last_updated(build.catalogue, source, record, build.lastmod, build.newest)
    if page.canonical_url:
        page.meta["cchc_report"] = report_link(build.catalogue, page.canonical_url, unescape(page.title or ""),
                                               build.lang)
    page.meta["cchc_updated"] = None if when is None else {
        "label": t("last_updated", build.lang), "iso": when.isoformat(), "text": format_date(when, build.lang)}
    set_head(build, page, config, record)
    return context


def set_head(build: BuildState, page: Page, config: MkDocsConfig, record: str | None) -> None:
    """The page's own description, link-preview tags and JSON-LD (cchc.site.sharing), for main.html."""
    site = Site(config.site_url or "/", config.site_name, config.site_description or "")
    own = page.meta.get("description")
    head = page_head(build.catalogue, build.lang, site, page.file.src_uri, record, unescape(page.title or ""),
                     own if isinstance(own, str) else None)
    page.meta["description"] = head.description
    page.meta["cchc_head"] = {"meta": head.meta, "jsonld": head.jsonld}
    build.share_cards[head.card.path] = head.card


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_csp(output, preview=options(config).preview)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return with_csp(output, preview=options(config).preview) if template_name.endswith(".html") else output


def on_post_build(config: MkDocsConfig) -> None:
    build = state(config)
    missing = missing_outputs(build.specs, Path(config.site_dir))
    if missing:
        raise PluginError(f"pages missing from the output: {', '.join(missing)}")
    write_feeds(build, config)
    if build.options.share_images:
        drawn = write_share_images(build.root, Path(config.site_dir), share_cards(config))
        log.info(f"[{build.lang}] share images: {len(build.share_cards)}, {drawn} drawn anew")
    options = config.extra.get("cchc") or {}
    ctx = FeedContext(config.site_url or "/", config.site_name, build.lang,
                      int(options.get("feed_limit", FEED_LIMIT)))
    lost = missing_from_outputs(build.catalogue, build.lang, Path(config.site_dir), ctx.limit, ctx.tag(""))
    lost += missing_from_open_data(build.catalogue, Path(config.site_dir))
    if build.options.index_search:
        run_pagefind(Path(config.site_dir), build.lang)
        lost += missing_from_search(Path(config.site_dir))
    if lost:
        for line in lost:
            log.error(f"[{build.lang}] {line}")
        raise PluginError(f"{len(lost)} record(s) missing from the outputs; the site was not published.")
    if build.lang == DEFAULT_LANGUAGE:  # one form for the site, at /admin/
        cms, shapes = cms_config(build.catalogue, options.get("github_repo"), config.site_url or "/")
        write_admin(Path(config.site_dir), cms, shapes, config.site_name)
    published = published_procedures(build.specs)
    log.info(f"[{build.lang}] published {published} of {len(build.catalogue.procedures)} procedures")
    if build.lang != "vi":
        for cov in translation_coverage(build.catalogue):
            log.info(f"[{build.lang}] translation coverage, {cov}")
        log.info(f"[{build.lang}] hand-written pages shown in Vietnamese: {len(build.fallback_pages)}")


def write_feeds(build: BuildState, config: MkDocsConfig) -> None:
    cat = build.catalogue
    options = config.extra.get("cchc") or {}
    ctx = FeedContext(config.site_url or "/", config.site_name, build.lang, int(options.get("feed_limit", FEED_LIMIT)))
    missing = [s.address for s in cat.stories_in(build.lang) if s.address not in build.story_html]
    if missing:
        raise PluginError(f"story text missing from the feeds: {', '.join(missing)}")
    outputs = news_feeds(cat, ctx, build.story_html, Path(config.docs_dir))
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
    log.info(f"[{build.lang}] wrote {len(outputs) - 1} feeds with {len(cat.stories_in(build.lang))} stories")
