"""Check the built site's links: broken internal links and anchors fail; external links are listed.

    python scripts/check_links.py            # builds the site into a temporary folder first
    python scripts/check_links.py --site site
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from cchc.output.linkcheck import check_site  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _site_url(root: Path) -> str:
    """The published address from mkdocs.yml, so absolute links to the site are checked as internal."""
    for line in (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return line.split(":", 1)[1].strip()
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", help="an already built site (default: build one now, into a temporary folder)")
    parser.add_argument("--root", default=str(ROOT))
    parser.add_argument("--quiet-external", action="store_true", help="do not list external links")
    args = parser.parse_args(argv)
    work = None
    try:
        if args.site:
            site = Path(args.site)
        else:
            from cchc.build import build_site

            work = Path(tempfile.mkdtemp(prefix="cchc-links-"))
            site = work / "site"
            build_site(Path(args.root), site)
        report = check_site(site, _site_url(Path(args.root)))
        if not args.quiet_external:
            print(f"Liên kết ra ngoài / external links ({len(report.external)}, not checked):")
            for link in sorted(report.external):
                print(f"  {link}")
        for line in report.broken:
            print(f"Liên kết hỏng / broken link: {line}")
        if report.broken:
            print(f"{len(report.broken)} liên kết hỏng / broken link(s).", file=sys.stderr)
            return 1
        print("OK: không có liên kết nội bộ hỏng / no broken internal links.")
        return 0
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
