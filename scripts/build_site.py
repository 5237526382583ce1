"""Build the site in every language (in parallel processes) into site/, replacing it only on success.

    python scripts/build_site.py [--root DIR] [--site-dir DIR] [--serial]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from cchc.build import build_site

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=str(ROOT), help="the site's folder (default: this repository)")
    parser.add_argument("--site-dir", help="where the finished site goes (default: ROOT/site)")
    parser.add_argument("--serial", action="store_true", help="build the languages one after the other")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # MkDocs' own notice about its 2.0, not our state
    try:
        root = Path(args.root)
        site_dir = Path(args.site_dir) if args.site_dir else root / "site"
        build_site(root, site_dir, parallel=not args.serial)
    except Exception as exc:  # mkdocs' Abort/PluginError, or a worker's failure
        print(f"ERROR   -  build failed, site/ was left as it was: {exc}", file=sys.stderr)
        return 1
    print(f"INFO    -  site built in {site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
