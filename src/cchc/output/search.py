"""Search: running Pagefind on a language's build (what the pages carry for it: cchc.site.index_markup).

Pagefind (chosen over Material's built-in search by measurement, see benchmarks/SEARCH.md) loads only the
index chunks a query needs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cchc.site.addresses import PAGEFIND_DIR


def run_pagefind(site_dir: Path, lang: str) -> None:
    """Index one language's build in place (``site_dir/pagefind``); raises with Pagefind's output on failure."""
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir),
        "--output-subdir", PAGEFIND_DIR,
        "--exclude-selectors", ".headerlink",
        # Only the page's own content is indexed (overrides/main.html marks it): starting Pagefind's parse there
        # instead of at <html> skips the theme's header, navigation and footer on every page (half its CPU time
        # at province scale; the bundle is byte for byte the same, benchmarks/RESULTS.md).
        "--root-selector", "[data-pagefind-body]",
        "--force-language", lang,
        "--quiet",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"Pagefind failed ({done.returncode}): {done.stdout}{done.stderr}")
