"""Shared fixtures: a copy of the sample site built once in-process, and cheap broken copies."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))  # the benchmarks package
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# A minimal valid news story, for tests that write their own (line 10 is the text, with a link).
STORY = """---
tieu_de: Tin thử
khoa: tin-thu
ngay_dang: 2026-02-02T08:00:00+07:00
chuyen_muc: tin-chung
sapo: Một câu dẫn.
nguon: Sở Nội vụ
---

Nội dung tin, có [một liên kết](https://dichvucong.gov.vn/).
"""


def site_pages(site: Path, name: str = "*.html") -> list[Path]:
    """The site's pages: every HTML file but the editors' form (admin/), which is not a page of the site (it is
    checked by tests/test_admin.py)."""
    return sorted(p for p in site.rglob(name) if p.relative_to(site).parts[0] != "admin")


def make_site_copy(dest: Path) -> Path:
    """A site folder with its own content (safe to break) and the repository's hooks, templates and pages."""
    from benchmarks.generate import copy_site

    return copy_site(dest)


def leaflet_of_one(root: Path, code: str = "1.001193") -> None:
    """For fixture sites with a single procedure: the leaflet lists just that one."""
    leaflet = root / "data/leaflet.yml"
    text = leaflet.read_text(encoding="utf-8")
    leaflet.write_text(text[: text.index("thu_tuc:")] + f'thu_tuc: ["{code}"]\n' + text[text.index("diem_tiep_nhan"):],
                       encoding="utf-8")


def build_site(root: Path) -> Path:
    """The site of ``root`` built by the build every caller uses (cchc.build), its languages in this process."""
    from cchc import build

    site = root / "site"
    build.build_site(root, site, parallel=False)
    return site


@pytest.fixture(scope="session")
def vocabulary() -> None:
    """The repository's data/vocabulary.yml in use (load_catalogue does this for every build), for tests that name
    units, channels or statuses without loading the content."""
    import yaml

    from cchc.content.models import Vocabulary
    from cchc.i18n import use_vocabulary

    vocab = Vocabulary.model_validate(yaml.safe_load((ROOT / "data/vocabulary.yml").read_text(encoding="utf-8")))
    use_vocabulary(vocab.strings(), vocab.singular_en())


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample content built in both languages, once per test session."""
    return build_site(make_site_copy(tmp_path_factory.mktemp("sample")))


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    return make_site_copy(tmp_path / "site-src")


# Browser tests share one built site, one local server and one Chromium.
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's signature
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """A built site served on a free local port, as its address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make test`, which installs it"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()
