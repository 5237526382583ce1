"""What a page tells the sites it is shared to (Zalo, Facebook) and search engines: its own description, its
OpenGraph and Twitter tags with its share image, and its structured data (cchc.site.structured).

The share image of a page: a story's own card (its headline on its lead picture), a procedure's field card, or its
section's card. The cards are planned here as data (:class:`ShareCard`); cchc.output.share_images draws them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any

from cchc.content.catalogue import Catalogue
from cchc.content.models import Procedure
from cchc.i18n import LANGUAGES, t, tn
from cchc.site import structured
from cchc.site.addresses import OPEN_DATA, page_url, share_image_path
from cchc.site.opendata import dataset_entry
from cchc.text import format_number

IMAGE_WIDTH, IMAGE_HEIGHT = 1200, 630


@dataclass(frozen=True)
class ShareCard:
    path: str  # inside the language's build, e.g. assets/chia-se/tin/hoi-nghi.jpg
    title: str  # the headline drawn on it
    kicker: str  # the line above it: the section
    site: str  # the line under it: the site's name
    photo: str | None = None  # a picture inside docs/ to draw it on
    alt: str = ""  # og:image:alt


@dataclass(frozen=True)
class PageHead:
    description: str
    meta: list[tuple[str, str, str]]  # (attribute, its value, content): ("property", "og:title", "...")
    jsonld: str  # the <script type="application/ld+json"> element
    card: ShareCard
    graph: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Site:
    """The language's build as the head sees it."""

    url: str  # the language's base URL, ending in /
    name: str
    description: str


def section_of(src_uri: str) -> str:
    """The top folder of a page ('thu-tuc', 'tin-tuc'...), 'home' for the home page, the file's stem otherwise."""
    first = src_uri.split("/", 1)[0]
    return "home" if src_uri == "index.md" else first.removesuffix(".md")


def section_title(section: str, lang: str, site: Site) -> str:
    key = f"share_section_{section}"
    found = t(key, lang) if _has(key) else None
    return found or site.name


def _has(key: str) -> bool:
    try:
        t(key, "vi")
    except KeyError:
        return False
    return True


def procedure_summary(cat: Catalogue, lang: str, proc: Procedure) -> str:
    """One line: field, level, where, time, fee."""
    parts = [cat.fields[proc.linh_vuc].ten.get(lang)]
    parts.append(", ".join(cat.levels[lv].ten.get(lang) for lv in proc.cap_thuc_hien if lv in cat.levels))
    if proc.dia_chi_tiep_nhan:
        parts.append(proc.dia_chi_tiep_nhan.get(lang))
    elif proc.co_quan_thuc_hien and proc.co_quan_thuc_hien[0] in cat.agencies:
        parts.append(cat.agencies[proc.co_quan_thuc_hien[0]].ten.get(lang))
    limits = [ch.thoi_han for ch in proc.cach_thuc if ch.thoi_han]
    if limits:
        limit = limits[0]
        parts.append(f"{t('share_time', lang)}: "
                     f"{tn('unit_' + limit.don_vi, limit.so, lang, format_number(limit.so, lang, 1))}")
    fees = [fee for ch in proc.cach_thuc for fee in ch.phi or []]
    if any(ch.phi is not None for ch in proc.cach_thuc):
        money = (t("free", lang) if all(f.so_tien == 0 for f in fees)
                 else ", ".join(f"{format_number(f.so_tien, lang, 0)} {f.tien_te}" for f in fees if f.so_tien))
        parts.append(f"{t('share_fee', lang)}: {money}")
    return " · ".join(p for p in parts if p)


def _record(cat: Catalogue, record: str | None) -> tuple[str, str]:
    kind, _, key = (record or "").partition(":")
    return kind, key


def page_card(cat: Catalogue, lang: str, site: Site, src_uri: str, record: str | None) -> ShareCard:
    """The share image a page uses."""
    kind, key = _record(cat, record)
    if kind == "story":
        story = cat.story(*key.split(":", 1))
        if story is not None:
            photo = story.item.anh
            return ShareCard(share_image_path("tin", story.item.khoa), story.item.tieu_de,
                             section_title("tin-tuc", lang, site), site.name, photo.tep if photo else None,
                             photo.mo_ta if photo else story.item.tieu_de)
    if kind == "procedure" and key in cat.procedures:
        field_id = cat.procedures[key].linh_vuc
        name = cat.fields[field_id].ten.get(lang)
        return ShareCard(share_image_path("linh-vuc", field_id), name, section_title("thu-tuc", lang, site),
                         site.name, None, name)
    section = section_of(src_uri)
    title = site.name if section == "home" else section_title(section, lang, site)
    kicker = cat.province.ten_day_du.get(lang) if section == "home" else site.name
    return ShareCard(share_image_path("muc", section), title, kicker, site.name, None, title)


def description(cat: Catalogue, lang: str, site: Site, record: str | None, title: str, own: str | None) -> str:
    """The page's own one-line description: front matter's when given, else drawn from its record, else its
    title within the site."""
    kind, key = _record(cat, record)
    if own:
        return own
    if kind == "story":
        story = cat.story(*key.split(":", 1))
        if story is not None:
            return story.item.sapo
    if kind == "procedure" and key in cat.procedures:
        return procedure_summary(cat, lang, cat.procedures[key])
    if kind == "document" and key in cat.documents:
        doc = cat.documents[key]
        return f"{doc.so_hieu}: {doc.trich_yeu.get(lang)}"
    if kind == "set" and key in cat.sets:
        return f"{cat.sets[key].so_hieu}: {cat.sets[key].trich_yeu.get(lang)}"
    return f"{title} – {site.name}" if title and title != site.name else site.description


def _trail(lang: str, site: Site, src_uri: str, title: str) -> list[tuple[str, str]]:
    trail = [(t("share_section_home", lang), site.url)]
    section = section_of(src_uri)
    index = f"{section}/index.md"
    if section != "home" and "/" in src_uri and src_uri != index:
        trail.append((section_title(section, lang, site), site.url + page_url(index)))
    if src_uri != "index.md":
        trail.append((title, site.url + page_url(src_uri)))
    return trail


def _graph(cat: Catalogue, lang: str, site: Site, src_uri: str, record: str | None, title: str,
           image: str) -> list[dict[str, Any]]:
    url = site.url + page_url(src_uri)
    home = site.url
    kind, key = _record(cat, record)
    graph: list[dict[str, Any]] = [structured.organization(cat, lang, home)]
    if kind == "procedure" and key in cat.procedures:
        graph.append(structured.service(cat, lang, cat.procedures[key], url, home))
    elif kind == "story" and (story := cat.story(*key.split(":", 1))) is not None:
        graph.append(structured.article(story, url, image, home))
    elif kind == "document" and key in cat.documents:
        graph.append(structured.legislation(cat.documents[key], lang, url))
    if src_uri == OPEN_DATA:
        graph.append(dataset_entry(cat, lang, site.url))
    graph.append(structured.breadcrumbs(_trail(lang, site, src_uri, title)))
    return graph


def page_head(cat: Catalogue, lang: str, site: Site, src_uri: str, record: str | None, title: str,
              own_description: str | None = None) -> PageHead:
    """Description, OpenGraph/Twitter tags and JSON-LD for one page."""
    card = page_card(cat, lang, site, src_uri, record)
    text = description(cat, lang, site, record, title, own_description)
    url = site.url + page_url(src_uri)
    image = site.url + card.path
    meta = [("property", "og:type", "article" if record and record.startswith("story:") else "website"),
            ("property", "og:site_name", site.name), ("property", "og:title", title or site.name),
            ("property", "og:description", text), ("property", "og:url", url),
            ("property", "og:image", image), ("property", "og:image:type", structured.IMAGE_TYPE),
            ("property", "og:image:width", str(IMAGE_WIDTH)), ("property", "og:image:height", str(IMAGE_HEIGHT)),
            ("property", "og:image:alt", card.alt), ("property", "og:locale", structured.LOCALES[lang])]
    meta += [("property", "og:locale:alternate", structured.LOCALES[other]) for other in LANGUAGES if other != lang]
    kind, key = _record(cat, record)
    if kind == "story" and (story := cat.story(*key.split(":", 1))) is not None:
        meta += [("property", "article:published_time", story.published.isoformat()),
                 ("property", "article:modified_time", story.updated.isoformat()),
                 ("property", "article:section", cat.categories[story.item.chuyen_muc].ten.get(lang))
                 if story.item.chuyen_muc in cat.categories else ("property", "article:section", "")]
    meta += [("name", "twitter:card", "summary_large_image"), ("name", "twitter:title", title or site.name),
             ("name", "twitter:description", text), ("name", "twitter:image", image),
             ("name", "twitter:image:alt", card.alt)]
    graph = _graph(cat, lang, site, src_uri, record, title, image)
    return PageHead(text, [m for m in meta if m[2]], structured.script(graph), card, graph)


def relative_image(src_uri: str, card: ShareCard) -> str:
    """The card's path relative to the page (for the page's own links to it)."""
    return posixpath.relpath(card.path, page_url(src_uri).rstrip("/") or ".")
