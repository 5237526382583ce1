"""List the imported procedures whose text was kept for review (can_ra_soat): file:line, code, field, reason.

    python scripts/review.py            # procedures/ of this site
    python scripts/review.py --root DIR

Work through them one by one: put the text into the record's structured fields, then delete the item.
Exits 0; prints the count last.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc.content.importer.review import review_lines

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT, help="site folder (default: this repository)")
    args = parser.parse_args(argv)
    lines = review_lines(args.root)
    print("\n".join(lines))
    records = len({line.split(":", 1)[0] for line in lines})
    print(f"{len(lines)} items to review in {records} records / {len(lines)} mục cần rà soát trong {records} thủ tục")
    return 0


if __name__ == "__main__":
    sys.exit(main())
