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
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from cchc.completeness import missing_from_search  # noqa: E402
from cchc.i18n import LANGUAGE_PREFIXES, LANGUAGES, config_file  # noqa: E402
from cchc.leaflet import leaflet_pdfs  # noqa: E402
from cchc.pdf import Printer  # noqa: E402
from cchc.publish import assemble, previous_site, swap_into  # noqa: E402
from cchc.search import INDEX_LATER, run_pagefind  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def build_language(config_file: str, site_dir: str) -> None:
    """Build one language, leaving its search index to the caller (``index_search``); runs in a worker process."""
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


def index_search(outputs: dict[str, Path]) -> None:
    """Pagefind over every language's build, in parallel, once the builds (and their memory) are gone; then the
    check that every page marked for search is in the index."""
    with ThreadPoolExecutor(max_workers=len(outputs)) as pool:
        list(pool.map(lambda lang: run_pagefind(outputs[lang], lang), outputs))
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


def build_all(root: Path, site: Path, parallel: bool = True) -> None:
    """Build every language into a temporary folder, then swap it into ``site``.

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
        jobs = [(str(root / config_file(lang)), str(outputs[lang])) for lang in LANGUAGES]
        if parallel:
            with ProcessPoolExecutor(max_workers=len(jobs)) as pool:
                futures = [pool.submit(build_language, *job) for job in jobs]
                printer.start()  # once the workers are forked: Chromium's launch overlaps the builds
                for future in futures:
                    future.result()
        else:  # in-process (the tests): Chromium starts only once the builds are done
            for job in jobs:
                build_language(*job)
        timer.lap("languages built")
        # Chromium prints the leaflets while Pagefind indexes (each language's build still in its own folder).
        with ThreadPoolExecutor(max_workers=2) as pool:
            done = [pool.submit(index_search, outputs), pool.submit(leaflet_pdfs, root, outputs, printer)]
            for future in done:
                future.result()
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
