"""The page-writer kit every section's page plans use: a page as data (:class:`PageSpec`), a writer that renders one
page in one language as Markdown (:class:`Writer`) or HTML (:class:`HtmlWriter`), links between pages, and the
finishing step that puts the "not yet translated" notice under the title.

Every text value from content goes through the writer's ``escape``/``paragraphs``, so content never becomes markup.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc.content.catalogue import Catalogue
from cchc.content.models import BilingualText, Fee, TimeLimit
from cchc.i18n import t, tn
from cchc.site.addresses import output_path, page_url, procedure_uri
from cchc.site.htmlout import HtmlBody, page_href, paragraphs, text
from cchc.text import format_date, format_number, md_escape, md_paragraphs, quote_url


@dataclass(frozen=True)
class PageSpec:
    src_uri: str  # path inside the docs tree, e.g. thu-tuc/dang-ky-khai-sinh-1.001193.md
    markdown: str
    edit_uri: str | None = None  # repository path of the record the page comes from
    record: str | None = None  # record key (as in Catalogue.sources) for completeness checks
    # Pages written as HTML directly (cchc.site.htmlout) carry it here, with their title, contents and anchors;
    # ``markdown`` is then empty and MkDocs' Markdown pass is skipped for them.
    html: str | None = None
    title: str | None = None
    headings: tuple[dict[str, Any], ...] = ()  # flat toc tokens (cchc.site.htmlout.contents nests them)
    slot: int | None = None  # where the headings of ``markdown`` go among them, when the page has a Markdown slot
    anchors: frozenset[str] = frozenset()
    search_exclude: bool = False


def missing_outputs(specs: Iterable[PageSpec], site_dir: Path) -> list[str]:
    """Planned pages whose HTML is not in ``site_dir``: the completeness check after a build."""
    return [spec.src_uri for spec in specs if not (site_dir / output_path(spec.src_uri)).is_file()]


def published_procedures(specs: Iterable[PageSpec]) -> int:
    return sum(1 for spec in specs if spec.record is not None and spec.record.startswith("procedure:"))


def md_url(url: str) -> str:
    """A URL safe inside Markdown's ``(...)``."""
    return quote_url(url)


@functools.lru_cache(maxsize=131072)
def _relative(to_uri: str, from_dir: str) -> str:
    return md_url(posixpath.relpath(to_uri, from_dir))


def link(from_uri: str, to_uri: str, text: str) -> str:
    """Markdown link between two pages by relative path, which MkDocs checks and rewrites."""
    return f"[{text}]({_relative(to_uri, posixpath.dirname(from_uri) or '.')})"


class Writer:
    """Renders one page in one language (Markdown); remembers whether any Vietnamese fallback was shown."""

    escape = staticmethod(md_escape)  # one line of plain text, made safe
    paragraphs = staticmethod(md_paragraphs)  # multi-line plain text, made safe
    vi_block = '<div lang="vi" markdown="1">\n\n{}\n\n</div>'

    def __init__(self, catalogue: Catalogue, lang: str, uri: str):
        self.cat = catalogue
        self.lang = lang
        self.uri = uri
        self.fell_back = False

    def tr(self, value: BilingualText) -> str:
        """Escaped text in the page language; untranslated English falls back to Vietnamese, marked lang=vi."""
        if self.lang == "en" and value.en is None:
            self.fell_back = True
            return f'<span lang="vi">{self.escape(value.vi)}</span>'
        return self.escape(value.get(self.lang))

    def name(self, value: str) -> str:
        """A Vietnamese proper name (a person's), the same in every language: marked lang=vi on other pages."""
        return self.escape(value) if self.lang == "vi" else f'<span lang="vi">{self.escape(value)}</span>'

    def tr_block(self, value: BilingualText) -> str:
        if self.lang == "en" and value.en is None:
            self.fell_back = True
            return self.vi_block.format(self.paragraphs(value.vi))
        return self.paragraphs(value.get(self.lang))

    def s(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def count(self, key: str, n: int) -> str:
        """A count with its noun, singular or plural (cchc.i18n.tn)."""
        return tn(key, n, self.lang)

    def date(self, day: dt.date) -> str:
        return format_date(day, self.lang)

    def number(self, value: float) -> str:
        return format_number(value, self.lang, 1)

    def time_limit(self, limit: TimeLimit) -> str:
        out = tn("unit_" + limit.don_vi, limit.so, self.lang, self.number(limit.so))
        return out + (f" ({self.tr(limit.ghi_chu)})" if limit.ghi_chu else "")

    def fee(self, fee: Fee) -> str:
        amount = self.number(fee.so_tien)
        money = f"{amount} {'đồng' if fee.tien_te == 'VND' and self.lang == 'vi' else fee.tien_te}"
        if fee.so_tien == 0:
            money = self.s("free")
        per = f"/{self.tr(fee.tinh_theo)}" if fee.tinh_theo else ""
        note = f" ({self.tr(fee.mo_ta)})" if fee.mo_ta else ""
        return f"{self.tr(fee.ten)}: {money}{per}{note}"

    def link_to(self, to_uri: str, text: str) -> str:
        return link(self.uri, to_uri, text)

    def rel(self, to_path: str) -> str:
        """Relative path from this page's source to another file of the docs tree."""
        return posixpath.relpath(to_path, posixpath.dirname(self.uri) or ".")

    def procedure_link(self, code: str) -> str:
        proc = self.cat.procedures[code]
        return self.link_to(procedure_uri(proc), self.tr(proc.ten)) + f" ({md_escape(code)})"

    def set_title(self, set_id: str) -> str:
        pset = self.cat.sets[set_id]
        prefix = "Quyết định số" if self.lang == "vi" else "Decision No."
        return md_escape(f"{prefix} {pset.so_hieu}")


class HtmlWriter(Writer):
    """The same page in HTML (cchc.site.htmlout) instead of Markdown: text escaped for HTML, links as page URLs."""

    escape = staticmethod(text)
    paragraphs = staticmethod(paragraphs)
    vi_block = '<div lang="vi">\n{}\n</div>'

    def link_to(self, to_uri: str, label: str) -> str:
        return f'<a href="{_href(self.uri, to_uri)}">{label}</a>'

    def procedure_link(self, code: str) -> str:
        proc = self.cat.procedures[code]
        return self.link_to(procedure_uri(proc), self.tr(proc.ten)) + f" ({text(code)})"

    def set_title(self, set_id: str) -> str:
        prefix = "Quyết định số" if self.lang == "vi" else "Decision No."
        return text(f"{prefix} {self.cat.sets[set_id].so_hieu}")


@functools.lru_cache(maxsize=131072)
def _href(from_uri: str, to_uri: str) -> str:
    target, _, fragment = to_uri.partition("#")
    return page_href(page_url(from_uri), page_url(target)) + (f"#{fragment}" if fragment else "")


def exclude_from_search(spec: PageSpec) -> PageSpec:
    """Keep a list page out of search results (Material's front-matter convention, read by our template)."""
    if spec.html is not None:
        return dataclasses.replace(spec, search_exclude=True)
    return PageSpec(spec.src_uri, "---\nsearch:\n  exclude: true\n---\n\n" + spec.markdown, spec.edit_uri, spec.record)


def finish_markdown(w: Writer, out: list[str], edit_uri: str | None, record: str | None) -> PageSpec:
    if w.fell_back:
        # The notice goes right under the title so screen-reader users hear it before the Vietnamese text.
        out[1:1] = ["", f'!!! info "{w.s("untranslated_notice")}"', ""]
    return PageSpec(w.uri, "\n".join(out).rstrip() + "\n", edit_uri, record)


def finish_html(w: Writer, page: HtmlBody, edit_uri: str | None, record: str | None) -> PageSpec:
    if w.fell_back:
        # The notice goes right under the title so screen-reader users hear it before the Vietnamese text.
        notice = HtmlBody()
        notice.admonition("info", w.s("untranslated_notice"), "")
        page.parts[1:1] = notice.parts
    return PageSpec(w.uri, "", edit_uri, record, page.html, page.title, page.headings, page.slot, frozenset(page.anchors))
