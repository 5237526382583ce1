"""Import procedure records from the national public-service database into procedures/ (or --out DIR).

    python scripts/import_procedures.py ../shared/corpus/dichvucong/procedures
    python scripts/import_procedures.py --out procedures path/to/1.001193.json

SOURCE is a JSON record file or a folder of them: detail pages scraped from dichvucong.gov.vn or records
parsed from the national database's exports. New fields, levels, audiences and agencies are added to data/.
Ends with a summary; exits 1 if any record failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from cchc.content.importer import run_import

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", nargs="+", type=Path, metavar="SOURCE", help="JSON record file or folder")
    parser.add_argument("--out", type=Path, help="folder for the YAML records (default: procedures/)")
    parser.add_argument("--root", type=Path, default=ROOT, help="site folder whose data/ gets new entries")
    parser.add_argument("--date", type=dt.date.fromisoformat, help="date checked for new records (default today)")
    args = parser.parse_args(argv)
    outcomes, report = run_import(args.root, args.sources, args.out, args.date)
    print(report)
    return 1 if any(o.status == "failed" for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
