"""Province-scale benchmark against DESIGN.md §4; writes benchmarks/RESULTS.md and exits 1 when a budget is missed.

    python scripts/benchmark.py                    # 500, 2,000 (reference) and 8,000 procedures, 3 runs each
    python scripts/benchmark.py --sizes 500 --runs 1 --out /tmp/RESULTS.md   # the CI smoke

Each size is generated deterministically (benchmarks/generate.py), built the way `make build` does and, in the
same run, as a plain Material site of the same pages; reader and editor figures are taken on the reference size.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench import report, run, workdir  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="500,2000,8000", help="procedure counts, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind per size")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/RESULTS.md")
    parser.add_argument("--no-editor", action="store_true", help="skip the make serve edit timing")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    work = workdir()
    try:
        res = run(sizes, args.runs, work, editor=not args.no_editor)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    text = report(res, sizes, args.runs)
    header = "# Benchmark results\n\nWritten by `make bench` (scripts/benchmark.py); budgets from DESIGN.md §4.\n\n"
    previous = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    notes = previous.split("<!-- notes -->", 1)[1] if "<!-- notes -->" in previous else ""
    args.out.write_text(header + text + "\n<!-- notes -->" + notes, encoding="utf-8")
    print(text)
    for figure in res.failed:
        print(f"budget missed: {figure.name}: {figure.value:.2f} {figure.unit} (budget {figure.budget})")
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())
