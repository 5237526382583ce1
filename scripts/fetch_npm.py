"""Fetch the npm packages pinned in pyproject.toml ([tool.cchc.npm]) into .venv/npm/<name>-<version>/, checking
each tarball against its registry integrity hash. Already fetched: nothing to do (cchc.output.npm).

    python scripts/fetch_npm.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from cchc.output.npm import fetch, package_files, pins

ROOT = Path(__file__).resolve().parent.parent


def npm_path(name: str, root: Path = ROOT) -> Path:
    """The one file a single-file pin (``file``) names, once fetched."""
    spec = pins(root)[name]
    return package_files(name, root)[spec["file"]]


def main(argv: list[str] | None = None) -> int:
    for name in pins(ROOT):
        folder = fetch(name, ROOT)
        print(f"{name} {pins(ROOT)[name]['version']}: {len(package_files(name, ROOT))} file(s) in {folder.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
