"""What one language's build carries from event to event, and the options its caller gave it.

MkDocs never reloads a hook module under ``mkdocs serve``, so nothing is kept in module globals: the state lives
in ``config.extra`` and is made anew by ``on_config`` on every build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from cchc.content.catalogue import Catalogue
from cchc.site.sharing import ShareCard
from cchc.site.writer import PageSpec

STATE_KEY = "_cchc"
OPTIONS_KEY = "_cchc_options"


@dataclass(frozen=True)
class BuildOptions:
    """How the caller wants this language built (given by :func:`cchc_mkdocs.builder.build_language`; a bare
    ``mkdocs build`` gets the defaults): ``index_search`` runs Pagefind at the end of the build (the whole-site
    build indexes each language itself once its worker has exited); ``preview`` allows MkDocs' inline
    live-reload script in the pages' Content-Security-Policy (``make serve`` only); ``share_images`` draws the
    link-preview images at the end of the build (the whole-site build only plans them here, :func:`share_cards`,
    and draws them once the language's worker has exited, so Pillow's work is not added to the worker's
    largest memory)."""

    index_search: bool = True
    preview: bool = False
    share_images: bool = True


@dataclass
class BuildState:
    lang: str
    catalogue: Catalogue
    specs: list[PageSpec]
    fallback_pages: set[str]
    alternates: dict[str, dict[str, tuple[str, bool]]]  # news page -> {language: (url, exact)}
    story_html: dict[str, str]  # story address -> rendered body, for the feeds
    options: BuildOptions = BuildOptions()
    root: Path = Path(".")
    lastmod: dict[str, dt.date] | None = None  # repository path -> last commit date; None without history
    newest: dt.date | None = None  # the date of pages drawn from many records (see cchc.content.lastmod.last_updated)
    # Every page the core wrote: src_uri -> (its source file, its record key).
    sources: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    nav_urls: list[str] = field(default_factory=list)  # the pages in the nav, by URL
    # What the build rendered pages with, kept for the preview's fast path (cchc_mkdocs.preview re-renders the
    # page of an edited procedure with them, then rebuilds everything).
    nav: Any = None
    env: Any = None
    files: Files | None = None
    story_markdown: Any = None  # the build's converter for stories (cchc_mkdocs.render.StoryMarkdown)
    share_cards: dict[str, ShareCard] = field(default_factory=dict)  # image path -> the card a page uses


def state(config: MkDocsConfig) -> BuildState:
    found = config.extra[STATE_KEY]
    assert isinstance(found, BuildState)
    return found


def options(config: MkDocsConfig) -> BuildOptions:
    given = config.extra.get(OPTIONS_KEY)
    return given if isinstance(given, BuildOptions) else BuildOptions()


def share_cards(config: MkDocsConfig) -> list[ShareCard]:
    """The share images a built language's pages use, one per image path, in the order of their paths: the plan
    :func:`cchc.output.share_images.write_share_images` draws (in the build's ``on_post_build``, or by the caller
    when ``BuildOptions.share_images`` is off)."""
    cards = state(config).share_cards
    return [cards[path] for path in sorted(cards)]
