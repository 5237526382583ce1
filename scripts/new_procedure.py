"""Create procedures/<code>.yml with every field and a Vietnamese comment per field; never overwrites.

    python scripts/new_procedure.py 1.000894
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc.content.scaffold import new_procedure, run_cli

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("code", help="mã thủ tục, e.g. 1.000894")
    parser.add_argument("--root", default=str(ROOT))
    args = parser.parse_args(argv)
    return run_cli(lambda: new_procedure(Path(args.root), args.code))


if __name__ == "__main__":
    sys.exit(main())
