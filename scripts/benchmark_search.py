"""Search at province scale: generate the reference site, build it, and measure our search (Pagefind) and,
with --material, Material's built-in search on the same pages. Exits 1 when a budget is missed or an
acceptance query misses its procedure. The recorded results and the reasons are in benchmarks/SEARCH.md.

    python scripts/benchmark_search.py [--procedures 2000] [--news 3000] [--material] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from benchmarks.search import BUDGET_KB, BUDGET_MS, EXPECTED, measure, top_results  # noqa: E402

MATERIAL_CONFIG = "INHERIT: mkdocs.yml\nsite_dir: site-material\nplugins:\n  - search:\n      lang: vi\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--procedures", type=int, default=2000)
    parser.add_argument("--news", type=int, default=3000, help="stories per language")
    parser.add_argument("--material", action="store_true", help="also build and measure Material's search")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="cchc-bench-"))
    try:
        if work.exists():
            shutil.rmtree(work)
        generate(work, args.procedures, args.news)
        started = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "scripts/build_site.py"), "--root", str(work)], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"built in {time.perf_counter() - started:.0f} s")
        ours = measure(work / "site", runs=args.runs)
        report = {"pagefind": ours["per_query"], "pagefind_worst": ours["worst"]}
        failed = False
        for query, top in top_results(work / "site").items():
            ok = any(url.startswith(EXPECTED[query]) for url in top)
            failed |= not ok
            print(f"{'ok  ' if ok else 'MISS'} {query!r} -> {top[0] if top else 'nothing'}")
        for name, budget in (("kb_search", BUDGET_KB), ("first_result_ms", BUDGET_MS)):
            value = ours["worst"][name]
            failed |= value > budget
            print(f"{'ok  ' if value <= budget else 'OVER'} Pagefind {name}: {value:.0f} (budget {budget})")
        if args.material:
            (work / "mkdocs.material.yml").write_text(MATERIAL_CONFIG, encoding="utf-8")
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs.material.yml")],
                           check=True, cwd=work)
            index = (work / "site-material/search/search_index.json").read_bytes()
            report["material_index_kb"] = {"raw": len(index) / 1024, "gzip": len(gzip.compress(index)) / 1024}
            report["material"] = measure(work / "site-material", material=True, runs=1,
                                         queries=["thủ tục đăng ký khai sinh", "ho kinh doanh"])["per_query"]
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 1 if failed else 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
