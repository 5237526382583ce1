"""Preview the site with live reload at http://127.0.0.1:8000 (Vietnamese) and /en/ (English).

An edit to a procedure's own details shows on its pages about a second after saving; then the whole site is
rebuilt and put in place in one step (cchc_mkdocs.preview).

    python scripts/serve.py [--root DIR] [--port N]
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST, PORT = "127.0.0.1", 8000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=str(ROOT), help="the site's folder (default: this repository)")
    parser.add_argument("--port", type=int, default=PORT)
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # MkDocs' own notice about its 2.0, not our state
    from cchc_mkdocs.preview import serve

    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    work = Path(tempfile.mkdtemp(prefix="cchc-serve-"))
    try:
        serve(Path(args.root), HOST, args.port, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
