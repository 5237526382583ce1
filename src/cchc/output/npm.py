"""Browser-side packages from the npm registry: pinned in pyproject.toml ([tool.cchc.npm]) with their registry
integrity hash, fetched once into .venv/npm/<name>-<version>/ (``make npm``, which every make target that builds
runs). Each pin names the files it needs inside the package: ``file`` (one path) or ``files`` (glob patterns).

The build copies what it publishes from there (the editors' form at /admin/); it never fetches.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import io
import tarfile
import tomllib
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]  # the checkout this package is installed from (pip install -e .)
REGISTRY = "https://registry.npmjs.org"


def pins(repo: Path = REPO) -> dict[str, dict[str, Any]]:
    """{package name: its pin} from pyproject.toml."""
    data = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(data["tool"]["cchc"]["npm"])


def package_dir(name: str, repo: Path = REPO) -> Path:
    return repo / ".venv" / "npm" / f"{name.replace('/', '-')}-{pins(repo)[name]['version']}"


def _patterns(spec: dict[str, Any]) -> list[str]:
    return list(spec["files"]) if "files" in spec else [spec["file"]]


def package_files(name: str, repo: Path = REPO) -> dict[str, Path]:
    """{path inside the package: fetched file} for every file the pin names. A missing package is an error
    that says how to fetch it."""
    folder = package_dir(name, repo)
    marker = folder / ".complete"
    if not marker.exists():
        raise FileNotFoundError(f"{name} is not fetched: run `make npm` (scripts/fetch_npm.py)")
    return {line: folder / line for line in marker.read_text(encoding="utf-8").split()}


def fetch(name: str, repo: Path = REPO) -> Path:
    """Download the pinned tarball, check its integrity hash and unpack the named files; already there: nothing
    to do. Returns the package's folder."""
    spec = pins(repo)[name]
    folder = package_dir(name, repo)
    if (folder / ".complete").exists():
        return folder
    url = f"{REGISTRY}/{name}/-/{name.split('/')[-1]}-{spec['version']}.tgz"
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - a fixed https registry URL
        data = response.read()
    algorithm, expected = spec["integrity"].split("-", 1)
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode("ascii")
    if digest != expected:
        raise SystemExit(f"{name} {spec['version']}: integrity mismatch ({algorithm}-{digest}); not installed")
    taken: list[str] = []
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member in tar.getmembers():
            inner = member.name.removeprefix("package/")
            if not member.isfile() or not any(fnmatch.fnmatchcase(inner, p) for p in _patterns(spec)):
                continue
            source = tar.extractfile(member)
            if source is None or ".." in Path(inner).parts:
                continue
            target = folder / inner
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read())
            taken.append(inner)
    missing = [p for p in _patterns(spec) if not any(fnmatch.fnmatchcase(t, p) for t in taken)]
    if missing:
        raise SystemExit(f"{name} {spec['version']}: no {', '.join(missing)} in the package")
    (folder / ".complete").write_text("\n".join(sorted(taken)) + "\n", encoding="utf-8")
    return folder
