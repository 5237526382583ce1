"""Build the site in every language (in parallel processes) into site/, replacing it only on success."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from cchc.i18n import LANGUAGE_PREFIXES, LANGUAGES, config_file  # noqa: E402
from cchc.output.completeness import missing_from_search  # noqa: E402
from cchc.output.pdf import Printer  # noqa: E402
from cchc.output.publish import assemble, previous_site, swap_into  # noqa: E402
from cchc.output.search import INDEX_LATER, run_pagefind  # noqa: E402
from cchc.site.leaflet import leaflet_pdfs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def build_language(config_file: str, site_dir: str) -> None:
    """Build one language, leaving its search index to the caller (``build_all``); runs in a worker process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO, force=True)
    before = os.environ.get(INDEX_LATER)
    os.environ[INDEX_LATER] = "1"
    try:
        config = load_config(config_file=config_file, site_dir=site_dir)
        build(config)
    finally:
        if before is None:
            del os.environ[INDEX_LATER]


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




def _build_in_processes(jobs: dict[str, tuple[str, str]], built: Callable[[str], None]) -> None:
    """Build each language in its own worker process; as each finishes, its worker exits (its memory goes
    with it) and ``built(lang)`` is called, while the other language may still be building."""
    pools = {lang: ProcessPoolExecutor(max_workers=1) for lang in jobs}
    try:
        building = {pools[lang].submit(build_language, *job): lang for lang, job in jobs.items()}
        for future in as_completed(building):
            lang = building[future]
            future.result()
            pools[lang].shutdown()
            built(lang)
    finally:
        for pool in pools.values():
            pool.shutdown(cancel_futures=True)


def build_all(root: Path, site: Path, parallel: bool = True) -> None:
    """Build every language into a temporary folder, then swap it into ``site``.

    Each language is indexed by Pagefind as soon as its build is done, on the core that build has freed, while
    the other may still be building; Chromium prints the leaflets once both are built and quits when done.
    The site replaced by the last build (``site.previous``) is deleted while this one renders: deleting some
    30,000 files waits on the disk, rendering on the processors. This build's replaced site is kept in its turn.
    """
    previous = previous_site(site)
    clearing = threading.Thread(target=shutil.rmtree, args=(previous,), kwargs={"ignore_errors": True})
    if previous.exists():
        clearing.start()
    work = Path(tempfile.mkdtemp(prefix=".build-", dir=root))
    timer = _Timer()
    printer = Printer()
    try:
        outputs = {lang: work / lang for lang in LANGUAGES}
        jobs = {lang: (str(root / config_file(lang)), str(outputs[lang])) for lang in LANGUAGES}
        with ThreadPoolExecutor(max_workers=2 * len(jobs)) as threads:
            searching, printing = [], []

            def built(lang: str) -> None:
                """One language is built: Pagefind indexes it on the core its build has freed and, in the CLI's
                parallel build, Chromium launches (once) and prints that language's leaflet from its own folder
                at once, while the other language may still build: after a worker has exited, so Chromium's
                memory is not added to both builds'."""
                searching.append(threads.submit(run_pagefind, outputs[lang], lang))
                if parallel:
                    printing.append(threads.submit(leaflet_pdfs, root, {lang: outputs[lang]}, printer))

            if parallel:
                _build_in_processes(jobs, built)
            else:  # in-process (the tests); Chromium starts only once the builds are done
                for lang, job in jobs.items():
                    build_language(*job)
                    built(lang)
                printing.append(threads.submit(leaflet_pdfs, root, outputs, printer))
            timer.lap("languages built")
            # Chromium quits as soon as the leaflets are printed: its memory is not kept alongside Pagefind's,
            # which peaks at the end.
            try:
                for future in printing:
                    future.result()
            finally:
                printer.close()
            for future in searching:
                future.result()
        search_check(outputs)
        timer.lap("search indexed and leaflets printed")
        assemble(outputs, LANGUAGE_PREFIXES, work / "site")
        if clearing.is_alive():
            clearing.join()
            timer.lap("previous site deleted")
        swap_into(work / "site", site, previous)
        timer.lap("published")
    finally:
        printer.close()
        if clearing.is_alive():
            clearing.join()
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", default=str(ROOT), help="the site's folder (default: this repository)")
    parser.add_argument("--site-dir", help="where the finished site goes (default: ROOT/site)")
    parser.add_argument("--serial", action="store_true", help="build the languages one after the other")
    args = parser.parse_args()
    try:
        root = Path(args.root)
        args.site_dir = args.site_dir or str(root / "site")
        build_all(root, Path(args.site_dir), parallel=not args.serial)
    except Exception as exc:  # mkdocs' Abort/PluginError, or a worker's failure
        print(f"ERROR   -  build failed, site/ was left as it was: {exc}", file=sys.stderr)
        return 1
    print(f"INFO    -  site built in {args.site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
