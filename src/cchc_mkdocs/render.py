"""The page-rendering shortcut: pages the core wrote as HTML skip MkDocs' Markdown pass, and a story's own Markdown
goes through one converter for the whole build.

Both stand in for ``mkdocs.structure.pages.Page.render`` and so lean on what it uses. MkDocs' private names used
here, and why (``tests/test_mkdocs_adapter.py`` fails if MkDocs 1.6 changes any of them):

- ``_RawHTMLPreprocessor``, ``_ExtractAnchorsTreeprocessor``, ``_RelativePathTreeprocessor``,
  ``_ExtractTitleTreeprocessor``: the processors ``Page.render`` registers on a fresh converter for every page
  (they check and rewrite a story's links, collect its anchors and title). Building a converter costs about as
  much as converting a story, so :class:`StoryMarkdown` registers them once and resets what they collect.
- ``Processor._register``: how ``Page.render`` registers them (it also sets their priority).
- ``Page._title_from_render``: where ``Page.title`` looks for the title a render found.
"""

from __future__ import annotations

import logging
from typing import Any

from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

from cchc.site.htmlout import MARKDOWN_SLOT, contents
from cchc.site.writer import PageSpec
from cchc_mkdocs.state import state


def nav_titles(items: Any) -> list[tuple[str, str]]:
    """(page source, title) for every page the nav configuration names with a title."""
    out: list[tuple[str, str]] = []
    for item in items if isinstance(items, list) else [items]:
        if isinstance(item, dict):
            for title, target in item.items():
                if isinstance(target, str):
                    out.append((target, title))
                else:
                    out += nav_titles(target)
    return out


class HtmlPage(Page):
    """A page the core wrote as HTML (cchc.site.htmlout): MkDocs' Markdown pass is skipped, except for the Markdown
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
            build = state(config)
            if build.story_markdown is None:
                build.story_markdown = StoryMarkdown(config, files, self.file)
            build.story_markdown.render(self)
            self.content = self.spec.html.replace(MARKDOWN_SLOT, self.content or "", 1)
            inserted = flat_tokens(self.toc)
            self.present_anchor_ids = set(self.spec.anchors) | (self.present_anchor_ids or set())
        else:
            self.content = self.spec.html.replace(MARKDOWN_SLOT, "", 1)
            self.present_anchor_ids = set(self.spec.anchors)
            self.links_to_anchors = {}
        self.toc = get_toc(contents(self.spec.headings, self.spec.slot, inserted))  # type: ignore[arg-type]
        self._title_from_render = self.spec.title


class StoryMarkdown:
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


def flat_tokens(toc: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in toc:
        out.append({"level": item.level, "id": item.id, "name": item.title, "children": []})
        out += flat_tokens(item.children)
    return out
