"""Create documents/<id>.yml with every field and a Vietnamese comment per field; never overwrites.

    python scripts/new_document.py 118-2025-nd-cp
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc.content.scaffold import new_document, run_cli

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("id", help="tên tệp, e.g. 118-2025-nd-cp")
    parser.add_argument("--root", default=str(ROOT))
    args = parser.parse_args(argv)
    return run_cli(lambda: new_document(Path(args.root), args.id))


if __name__ == "__main__":
    sys.exit(main())
