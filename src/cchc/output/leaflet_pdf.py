"""The leaflet's PDF: each language's built leaflet page printed by Chromium (cchc.output.pdf), for print shops.

A print is kept between builds and reused while everything it loaded is unchanged (cchc.output.pdf.PdfCache).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from cchc.content.lastmod import head_date
from cchc.i18n import LANGUAGE_PREFIXES, LANGUAGES
from cchc.output.pdf import PdfCache, Printer, print_pdfs
from cchc.site.addresses import LEAFLET
from cchc.site.leaflet import PDF_NAME

CACHE = ".cache/leaflet-pdf"  # kept prints, in the site's folder (cchc.output.pdf.PdfCache); not committed


def _shown_date(page: Path) -> dt.date | None:
    found = re.search(r'class="cchc-last-updated">.*?<time datetime="(\d{4}-\d{2}-\d{2})"',
                      page.read_text(encoding="utf-8"), re.S) if page.exists() else None
    return dt.date.fromisoformat(found.group(1)) if found else None


def leaflet_pdfs(root: Path, site: Path | dict[str, Path], printer: Printer | None = None,
                 cache: bool = True) -> None:
    """Print each language's leaflet page to its PDF, dated by the checked-out commit or, without git, by the
    last-updated date the built page shows (see cchc.output.pdf): no second load of the content. ``site`` is the
    assembled site (every language), or the builds of the languages to print by language, each in its own
    folder (the build prints a language as soon as it is built); ``printer``, a Chromium started ahead. With
    ``cache``, a leaflet whose page, styles, fonts and images are unchanged since it was last printed (for the
    same date, Chromium and printing code) gets that print again, and Chromium is not started for it."""
    if isinstance(site, dict):
        builds, folders = site, {LANGUAGE_PREFIXES[lang]: out for lang, out in site.items()}
    else:
        builds, folders = {lang: site / LANGUAGE_PREFIXES[lang] for lang in LANGUAGES}, {"": site}
    shown = _shown_date(next(iter(builds.values())) / LEAFLET.replace(".md", ".html"))
    when = head_date(root) or shown or dt.date(2000, 1, 1)
    jobs = []
    for lang in builds:
        folder = LANGUAGE_PREFIXES[lang] + LEAFLET.removesuffix("index.md")
        jobs.append((folder, folder + PDF_NAME[lang]))
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(r"^site_url:\s*(\S+)", config, re.M)
    print_pdfs(folders, found.group(1) if found else "https://localhost/", jobs, when, printer,
               PdfCache(root / CACHE) if cache else None)
