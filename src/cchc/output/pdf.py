"""The leaflet's PDF, printed at build time by Chromium from the built leaflet page.

Chromium rather than WeasyPrint: it is the browser the office prints from and the one the tests drive, so the
PDF, the browser print and the screen preview come from one layout engine and one stylesheet (WeasyPrint has
its own CSS engine and needs Pango from the system). Chromium stamps the print time into the PDF; the stamps
are rewritten to the content's date, byte for byte the same length, so rebuilding gives the same file.

Since a print is reproducible, it is kept (``PdfCache``, in the site's ``.cache/leaflet-pdf/``) with the address
and content hash of every file Chromium loaded for it: the next build whose page, styles, fonts and images are
the same, for the same Chromium, Playwright and printing code, reuses the PDF and does not start Chromium.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import mimetypes
import os
import re
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

CHROMIUM = os.environ.get("CCHC_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:[^)]*\)")


class PdfError(Exception):
    pass


def _file_for(site: Path, path: str) -> Path | None:
    target = (site / path.lstrip("/")).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() and target.is_relative_to(site.resolve()) else None


def stable_dates(pdf: bytes, when: dt.date) -> bytes:
    """Rewrite the creation and modification stamps to ``when`` (same length, so offsets stay valid)."""
    def stamp(m: re.Match[bytes]) -> bytes:
        old = m.group(0)
        new = f"/{m.group(1).decode()} (D:{when:%Y%m%d}000000+00'00')".encode()
        return new.ljust(len(old))[: len(old)] if len(new) <= len(old) else old
    return _DATE.sub(stamp, pdf)


class PdfCache:
    """Prints kept by page: the PDF, the print's key (Chromium's binary, Playwright's version, this module's code,
    the public address, the page and its date) and every file the print loaded (address -> SHA-256, or None for a
    request that was refused). A print is reused only when its key is the same and every one of those addresses
    gives the same bytes now (or is still refused): a change to any of them prints again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def key(site_url: str, path: str, when: dt.date) -> str:
        parts = [*_printing_tools(), site_url, path, when.isoformat()]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()

    def _entry(self, path: str) -> Path:
        return self.folder / hashlib.sha256(path.encode()).hexdigest()[:24]

    def reuse(self, folders: dict[str, Path], site_url: str, path: str, when: dt.date) -> bytes | None:
        """The kept PDF of ``path`` if nothing it was printed from has changed; None otherwise."""
        entry = self._entry(path)
        try:
            record = json.loads((entry / "print.json").read_text(encoding="utf-8"))
            if record.get("key") != self.key(site_url, path, when):
                return None
            for url, digest in record["loaded"].items():
                found = _served(folders, site_url, url)
                if (None if found is None else _sha256(found.read_bytes())) != digest:
                    return None
            pdf = (entry / "print.pdf").read_bytes()
        except (OSError, ValueError, KeyError, AttributeError):
            return None
        return pdf if _sha256(pdf) == record.get("pdf") else None

    def keep(self, site_url: str, path: str, when: dt.date, loaded: dict[str, str | None], pdf: bytes) -> None:
        entry = self._entry(path)
        entry.mkdir(parents=True, exist_ok=True)
        record = {"key": self.key(site_url, path, when), "page": path, "loaded": loaded, "pdf": _sha256(pdf)}
        (entry / "print.pdf").write_bytes(pdf)
        (entry / "print.json").write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")


@functools.cache
def _printing_tools() -> tuple[object, ...]:
    """What a print depends on besides its files, read once per process: Chromium's binary (Debian's upgrade
    replaces it), Playwright's version, the flags and this module's code."""
    chromium = Path(CHROMIUM).resolve().stat()
    return (CHROMIUM, chromium.st_size, chromium.st_mtime_ns, version("playwright"), FLAGS,
            _sha256(Path(__file__).read_bytes()))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Printer:
    """Chromium for printing, started ahead (``start``) so that its launch overlaps other work, such as the
    language builds; ``print`` waits for it. One thread owns the browser: Playwright's sync API is bound to the
    thread that started it, and refuses to start where an event loop already runs (a caller that drives a
    browser itself, like the test suite)."""

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1)
        self._ready: Future[None] | None = None
        self._playwright: Any = None
        self._browser: Any = None
        self._closed = False
        self._starting = threading.Lock()  # the build's languages may ask for it from two threads at once

    def start(self) -> Printer:
        with self._starting:
            if self._ready is None:
                if not Path(CHROMIUM).exists():
                    raise PdfError(f"Chromium is needed to print the leaflet PDF and {CHROMIUM} is missing; "
                                   "`make build` installs Debian's chromium (or set CCHC_CHROMIUM)")
                self._ready = self._thread.submit(self._launch)
        return self

    @property
    def started(self) -> bool:
        """Whether Chromium was asked to start (a print that reused kept PDFs never starts it)."""
        return self._ready is not None

    def _launch(self) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)

    def print(self, site: Path | dict[str, Path], site_url: str, jobs: list[tuple[str, str]], when: dt.date,
              cache: PdfCache | None = None) -> None:
        """See ``print_pdfs``."""
        folders = site if isinstance(site, dict) else {"": site}
        if cache is not None:
            jobs = [job for job in jobs if not _reused(cache, folders, site_url, job, when)]
        if not jobs:
            return
        self.start()
        assert self._ready is not None
        self._ready.result()
        self._thread.submit(_print, self._browser, folders, site_url, jobs, when, cache).result()

    def close(self) -> None:
        """Stop Chromium and the thread that drives it; calling it again does nothing."""
        if self._closed:
            return
        self._closed = True

        def stop() -> None:
            if self._browser is not None:
                self._browser.close()
            if self._playwright is not None:
                self._playwright.stop()

        if self._ready is not None:
            wait([self._ready])  # a failed launch may have started Playwright all the same
            self._thread.submit(stop).result()
        self._thread.shutdown()

    def __enter__(self) -> Printer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def print_pdfs(site: Path | dict[str, Path], site_url: str, jobs: list[tuple[str, str]], when: dt.date,
               printer: Printer | None = None, cache: PdfCache | None = None) -> None:
    """For each (page path, PDF path) relative to the site's root, print the page as the browser would.

    The browser loads the page at its public address (``site_url``), answered from the built files with no
    network, so links inside the PDF point at the public site and the file does not depend on a local port.
    ``site`` is the built site's folder, or the folders of a site not yet assembled by the address prefix each
    one serves (``{"": vi_build, "en/": en_build}``): the build prints while Pagefind indexes the languages.
    ``printer``: a Chromium already started (and closed by the caller); otherwise one is started and closed here,
    if any page is to be printed: with a ``cache``, a page whose print is kept and whose files are unchanged is
    not printed again.
    """
    if not jobs:
        return
    if printer is not None:
        printer.print(site, site_url, jobs, when, cache)
        return
    with Printer() as own:
        own.print(site, site_url, jobs, when, cache)


def _reused(cache: PdfCache, folders: dict[str, Path], site_url: str, job: tuple[str, str], when: dt.date) -> bool:
    pdf = cache.reuse(folders, site_url, job[0], when)
    if pdf is None:
        return False
    folder, rel = _locate(folders, job[1])
    (folder / rel).write_bytes(pdf)
    return True


def _locate(folders: dict[str, Path], path: str) -> tuple[Path, str]:
    """The folder serving ``path`` (relative to the site's root) and the path inside it: longest prefix wins."""
    prefix = max((p for p in folders if path.startswith(p)), key=len, default=None)
    if prefix is None:
        raise PdfError(f"no built folder serves {path}")
    return folders[prefix], path[len(prefix):]


def _served(folders: dict[str, Path], site_url: str, url: str) -> Path | None:
    """The built file that answers ``url`` when it is under the public address ``site_url``; None otherwise."""
    parts, origin = urlsplit(url), urlsplit(site_url)
    if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
        return None
    try:
        return _file_for(*_locate(folders, unquote(parts.path).lstrip("/")))
    except PdfError:
        return None


def _print(browser: Any, folders: dict[str, Path], site_url: str, jobs: list[tuple[str, str]], when: dt.date,
           cache: PdfCache | None = None) -> None:
    from playwright.sync_api import Route

    origin = urlsplit(site_url)
    base = f"{origin.scheme}://{origin.netloc}/"
    loaded: dict[str, str | None] = {}  # what the current print loaded, for the cache

    def answer(route: Route) -> None:
        found = _served(folders, site_url, route.request.url)
        if found is None:
            loaded[route.request.url] = None
            route.abort()  # nothing outside the built site
            return
        body = found.read_bytes()
        loaded[route.request.url] = _sha256(body)
        kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=body, content_type=kind)

    # Scripts off: the print stylesheet alone lays the leaflet out (the PDFs are byte for byte those printed with
    # scripts on, checked on the sample and the 500-procedure site), and Material's scripts no longer fetch the
    # sitemap or run on each print: less of Chromium's time on the build's critical path.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.route("**/*", answer)
        for path, out in jobs:
            loaded.clear()
            page.goto(base + path, wait_until="load")  # fonts awaited below; networkidle only added 0.5 s of quiet
            page.evaluate("() => document.fonts.ready.then(() => true)")
            page.emulate_media(media="print")
            pdf = page.pdf(prefer_css_page_size=True, print_background=True)
            pdf = stable_dates(pdf, when)
            folder, rel = _locate(folders, out)
            (folder / rel).write_bytes(pdf)
            if cache is not None:
                cache.keep(site_url, path, when, dict(loaded), pdf)
    finally:
        context.close()
