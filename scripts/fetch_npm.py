"""Fetch the npm packages pinned in pyproject.toml ([tool.cchc.npm]) into .venv/npm/<name>/, checking each
tarball against its registry integrity hash. Already fetched and matching: nothing to do.

    python scripts/fetch_npm.py
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import tomllib
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = "https://registry.npmjs.org"


def npm_path(name: str, root: Path = ROOT) -> Path:
    """Where the pinned file of package ``name`` lives once fetched."""
    spec = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["cchc"]["npm"][name]
    return root / ".venv" / "npm" / f"{name}-{spec['version']}" / spec["file"]


def fetch(name: str, spec: dict[str, str], root: Path = ROOT) -> Path:
    target = npm_path(name, root)
    if target.exists():
        return target
    url = f"{REGISTRY}/{name}/-/{name.split('/')[-1]}-{spec['version']}.tgz"
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - a fixed https registry URL
        data = response.read()
    algorithm, expected = spec["integrity"].split("-", 1)
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode("ascii")
    if digest != expected:
        raise SystemExit(f"{name} {spec['version']}: integrity mismatch ({algorithm}-{digest}); not installed")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        member = tar.extractfile(f"package/{spec['file']}")
        if member is None:
            raise SystemExit(f"{name} {spec['version']}: no {spec['file']} in the package")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(member.read())
    return target


def main(argv: list[str] | None = None) -> int:
    pins = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["cchc"]["npm"]
    for name, spec in pins.items():
        print(f"{name} {spec['version']}: {fetch(name, spec).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
