"""Shared fixtures: a copy of the sample site built once in-process, and cheap broken copies."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def make_site_copy(dest: Path) -> Path:
    """A site folder with its own content (safe to break) and the repository's hooks, templates and pages."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / name, dest / name)
    for name in ("hooks", "overrides"):
        (dest / name).symlink_to(ROOT / name)
    for name in ("data", "procedures", "documents", "docs"):
        shutil.copytree(ROOT / name, dest / name)
    return dest


def build_site(root: Path) -> Path:
    from build_site import build_all

    site = root / "site"
    build_all(root, site, parallel=False)
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample content built in both languages, once per test session."""
    return build_site(make_site_copy(tmp_path_factory.mktemp("sample")))


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    return make_site_copy(tmp_path / "site-src")
