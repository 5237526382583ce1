"""The whole build, one path for every caller (``make build``, ``make serve``, the tests, the benchmark): every
language built (in worker processes, or in this process for the preview), each indexed by Pagefind as soon as
it is built, its share images drawn and its leaflet printed, the languages put together and swapped into place.

This is the composition root: the one module of ``cchc`` that calls the MkDocs adapter (``cchc_mkdocs``), and
only from inside the function that builds a language, so importing ``cchc`` never imports MkDocs.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from cchc.i18n import LANGUAGE_PREFIXES, LANGUAGES, config_file
from cchc.output.completeness import missing_from_search
from cchc.output.leaflet_pdf import leaflet_pdfs
from cchc.output.pdf import Printer
from cchc.output.publish import assemble, previous_site, swap_into
from cchc.output.search import run_pagefind
from cchc.output.share_images import write_share_images
from cchc.site.sharing import ShareCard


def build_language(config: str, site_dir: str, preview_url: str | None = None) -> tuple[Any, list[ShareCard]]:
    """Build one language into ``site_dir``, leaving its search index and its share images to :func:`build_site`;
    returns the MkDocs config the build used and the share cards its pages use (planned, not drawn).
    ``preview_url`` is the preview server's address for this language (``make serve``)."""
    import logging

    from cchc_mkdocs.builder import build_language as mkdocs_build
    from cchc_mkdocs.state import BuildOptions, share_cards

    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO, force=True)
    options = BuildOptions(index_search=False, preview=preview_url is not None, share_images=False)
    built = mkdocs_build(config, site_dir, options, site_url=preview_url, serve_url=preview_url)
    return built, share_cards(built)


def _worker(config: str, site_dir: str) -> list[ShareCard]:
    """A language's build in a worker process; only its share cards travel back (its config does not: the
    worker exits with it)."""
    return build_language(config, site_dir)[1]


def draw_share_images(root: Path, lang: str, site_dir: Path, cards: list[ShareCard]) -> None:
    """Draw a built language's share images into its output (those kept from an earlier build are copied)."""
    drawn = write_share_images(root, site_dir, cards)
    print(f"INFO    -  [{lang}] share images: {len(cards)}, {drawn} drawn anew", flush=True)


def search_check(outputs: dict[str, Path]) -> None:
    """Every page marked for search is in its language's index (run once Pagefind has indexed each language)."""
    lost = [f"[{lang}] {line}" for lang, out in outputs.items() for line in missing_from_search(out)]
    if lost:
        raise RuntimeError("; ".join(lost))


class _Timer:
    """Logs how long each phase of a build took (the benchmark's notes read them)."""

    def __init__(self) -> None:
        self.last = time.perf_counter()

    def lap(self, what: str) -> None:
        now = time.perf_counter()
        print(f"INFO    -  {what} in {now - self.last:.1f} s", flush=True)
        self.last = now


def _build_in_processes(jobs: dict[str, tuple[str, str]], built: Callable[[str, list[ShareCard]], None]) -> None:
    """Build each language in its own worker process; as each finishes, its worker exits (its memory goes
    with it) and ``built(lang, its share cards)`` is called, while the other language may still be building."""
    pools = {lang: ProcessPoolExecutor(max_workers=1) for lang in jobs}
    try:
        building = {pools[lang].submit(_worker, *job): lang for lang, job in jobs.items()}
        for future in as_completed(building):
            lang = building[future]
            cards = future.result()
            pools[lang].shutdown()
            built(lang, cards)
    finally:
        for pool in pools.values():
            pool.shutdown(cancel_futures=True)


def _build_index_and_print(root: Path, jobs: dict[str, tuple[str, str]], outputs: dict[str, Path], parallel: bool,
                           preview_url: str | None) -> dict[str, Any]:
    """Build every language; as each is built, Pagefind indexes it, Chromium prints its leaflet and its share
    images are drawn, in threads, while the other language may still build. Returns the configs of in-process
    builds."""
    printer = Printer()
    configs: dict[str, Any] = {}
    try:
        # One thread draws: the languages' cards one language after the other, never two writers of a kept image.
        with ThreadPoolExecutor(max_workers=2 * len(jobs)) as threads, ThreadPoolExecutor(max_workers=1) as drawer:
            searching, printing, drawing = [], [], []

            def built(lang: str, cards: list[ShareCard]) -> None:
                searching.append(threads.submit(run_pagefind, outputs[lang], lang))
                printing.append(threads.submit(leaflet_pdfs, root, {lang: outputs[lang]}, printer))
                drawing.append(drawer.submit(draw_share_images, root, lang, outputs[lang], cards))

            if parallel:
                _build_in_processes(jobs, built)
            else:
                for lang, job in jobs.items():
                    url = None if preview_url is None else preview_url + LANGUAGE_PREFIXES[lang]
                    configs[lang], cards = build_language(*job, preview_url=url)
                    built(lang, cards)
            # Chromium quits as soon as the leaflets are printed: its memory is not kept alongside Pagefind's,
            # which peaks at the end.
            try:
                for future in printing:
                    future.result()
            finally:
                printer.close()
            for future in searching + drawing:
                future.result()
    finally:
        printer.close()
    return configs


def build_site(root: Path, site: Path, parallel: bool = True, preview_url: str | None = None) -> dict[str, Any]:
    """Build every language into a temporary folder, then swap it into ``site``; returns each language's MkDocs
    config when the languages were built in this process (``parallel=False``: the preview keeps them for its
    fast path), else an empty dict.

    Each language is indexed by Pagefind as soon as its build is done, on the core that build has freed, and
    Chromium prints that language's leaflet at once, while the other may still be building (after a worker has
    exited, so Chromium's memory is not added to both builds'); Chromium quits once both are printed. The share
    images a worker planned are drawn here, in one thread, once that worker has exited: on a first build some
    1,300 cards, which drawn inside the workers kept each at its largest memory beside Chromium's print. The site
    replaced by the last build (``site.previous``) is deleted while this one renders: deleting some 30,000 files
    waits on the disk, rendering on the processors. This build's replaced site is kept in its turn.
    """
    previous = previous_site(site)
    clearing = threading.Thread(target=shutil.rmtree, args=(previous,), kwargs={"ignore_errors": True})
    if previous.exists():
        clearing.start()
    site.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".build-", dir=site.parent))  # beside the site: moved into it by renames
    timer = _Timer()
    try:
        outputs = {lang: work / lang for lang in LANGUAGES}
        jobs = {lang: (str(root / config_file(lang)), str(outputs[lang])) for lang in LANGUAGES}
        configs = _build_index_and_print(root, jobs, outputs, parallel, preview_url)
        search_check(outputs)
        timer.lap("languages built, search indexed and leaflets printed")
        assemble(outputs, LANGUAGE_PREFIXES, work / "site")
        if clearing.is_alive():
            clearing.join()
            timer.lap("previous site deleted")
        swap_into(work / "site", site, previous)
        timer.lap("published")
    finally:
        if clearing.is_alive():
            clearing.join()
        shutil.rmtree(work, ignore_errors=True)
    return configs
