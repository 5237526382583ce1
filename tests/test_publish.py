"""Putting a finished build in place: merged languages, the site swapped in whole, the replaced site kept for the
next build to delete while it renders."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import ROOT

from cchc.output.publish import assemble, previous_site, swap_into
from cchc.site.leaflet import PDF_NAME

sys.path.insert(0, str(ROOT / "scripts"))


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def make(folder: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text)
    return folder


def test_assemble_puts_the_default_language_at_the_root(tmp_path: Path) -> None:
    vi = make(tmp_path / "vi", {"index.html": "vi", "thu-tuc/a/index.html": "vi a"})
    en = make(tmp_path / "en", {"index.html": "en"})
    assemble({"vi": vi, "en": en}, {"vi": "", "en": "en/"}, tmp_path / "site")
    assert tree(tmp_path / "site") == {"en/index.html": b"en", "index.html": b"vi", "thu-tuc/a/index.html": b"vi a"}
    assert not vi.exists() and not en.exists()  # moved, not copied


def test_swap_keeps_the_replaced_site_for_the_next_build(tmp_path: Path) -> None:
    site = make(tmp_path / "site", {"index.html": "first"})
    keep = previous_site(site)
    assert keep == tmp_path / "site.previous"
    swap_into(make(tmp_path / "new2", {"index.html": "second"}), site, keep)
    assert tree(site) == {"index.html": b"second"} and tree(keep) == {"index.html": b"first"}
    swap_into(make(tmp_path / "new3", {"index.html": "third"}), site, keep)
    assert tree(site) == {"index.html": b"third"} and tree(keep) == {"index.html": b"second"}  # the older one is gone


def test_swap_without_keep_deletes_the_replaced_site(tmp_path: Path) -> None:
    site = make(tmp_path / "site", {"index.html": "first"})
    swap_into(make(tmp_path / "new", {"index.html": "second"}), site)
    assert tree(site) == {"index.html": b"second"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_build_deletes_the_site_the_last_build_replaced(site_copy: Path) -> None:
    from cchc.build import build_site

    site = site_copy / "site"
    build_site(site_copy, site, parallel=False)
    assert not previous_site(site).exists()
    first = tree(site)
    make(previous_site(site), {"stale.html": "what an older build replaced"})
    build_site(site_copy, site, parallel=False)
    assert tree(previous_site(site)) == first  # the older one deleted, the last one kept
    for lang, folder in (("vi", site), ("en", site / "en")):
        assert (folder / "to-roi" / PDF_NAME[lang]).read_bytes().startswith(b"%PDF")
    assert not list(site_copy.glob(".build-*"))
