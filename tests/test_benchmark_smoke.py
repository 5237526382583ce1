"""The benchmark's smoke run (500 procedures, one build of each kind), so scripts/benchmark.py cannot rot.

No timing is asserted here: budgets are the benchmark's business (`make bench`, benchmarks/RESULTS.md). The
smoke checks that every figure is produced, that the two builds built what they should, and that the page and
search measurements saw real traffic."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser

FIGURES = [
    "build wall, ours (500 procedures",
    "build wall, ours, first build: leaflet PDFs printed (500 procedures)",
    "build wall, plain Material (500 procedures",
    "ratio ours / plain Material (500 procedures)",
    "build CPU, ours (500 procedures)",
    "peak memory, all build processes (500 procedures)",
    "build cost per page (500 procedures)",
    "HTML bytes per page (500 procedures)",
    "procedure page, first visit, every transfer (gzip, fonts included)",
    "procedure page, requests outside the site",
    "search: transferred for the search before the first result (worst query, gzip)",
    "search: the same with the search page itself",
    "search: first result at 4× CPU slowdown (worst query)",
    "one procedure edit visible under make serve",
]


def test_benchmark_smoke(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    result = subprocess.run([sys.executable, str(ROOT / "scripts/benchmark.py"), "--sizes", "500", "--runs", "1",
                             "--out", str(out)], capture_output=True, text=True, check=False, timeout=900)
    assert result.returncode in (0, 1), result.stderr[-3000:]  # 1: a budget missed, which the report says
    text = out.read_text(encoding="utf-8")
    rows = {line.split(" | ")[0].lstrip("| "): line for line in text.splitlines() if line.startswith("| ")}
    for name in FIGURES:
        assert any(key.startswith(name) for key in rows), name
    ours = next(v for k, v in rows.items() if k.startswith("build wall, ours (500 procedures"))
    pages = int(re.search(r"procedures, ([\d,]+) pages\)", ours).group(1).replace(",", ""))  # type: ignore[union-attr]
    assert pages > 2 * (500 + 750), "both languages' procedure and news pages were built"
    outside = next(v for k, v in rows.items() if k.startswith("procedure page, requests outside the site"))
    assert float(outside.split(" | ")[1].split()[0]) == 0
    first_visit = next(v for k, v in rows.items() if k.startswith("procedure page, first visit"))
    assert float(first_visit.split(" | ")[1].split()[0].replace(",", "")) > 20, "the page, its CSS, JS and fonts"
    assert "Machine:" in text and "commit" in text
