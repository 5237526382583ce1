"""make check reads the built site's links: broken internal links and anchors fail, external ones are listed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from cchc.output.linkcheck import check_site


def test_the_sample_site_has_no_broken_links(built_site: Path) -> None:
    report = check_site(built_site, "https://cchc.khanhhoa.gov.vn/")
    assert report.broken == []
    assert any(link.startswith("https://dichvucong.gov.vn/") for link in report.external)
    assert not any(link.startswith("https://cchc.khanhhoa.gov.vn/") for link in report.external)


def test_broken_links_and_anchors_are_reported(built_site: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from check_links import main as check_links

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "gioi-thieu/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</article>", '<a href="../thu-tuc/khong-co/">x</a><a href="../thu-tuc/#khong-co">y</a>'
        '<a href="../thu-tuc/#linh-vuc">z</a></article>', 1), encoding="utf-8")
    assert check_links(["--site", str(site)]) == 1
    out = capsys.readouterr().out
    assert "Liên kết hỏng / broken link: gioi-thieu/index.html: ../thu-tuc/khong-co/: no such page or file" in out
    assert "gioi-thieu/index.html: ../thu-tuc/#khong-co: no anchor #khong-co on thu-tuc/index.html" in out
    assert "#linh-vuc" not in out, "a valid anchor is not reported"
    assert "  https://dichvucong.gov.vn/" in out  # listed, not failed


def test_make_check_and_pre_commit_run_the_checks() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    check = makefile.split("\ncheck: ", 1)[1].split("\n\n", 1)[0]
    assert "scripts/check_content.py" in check and "scripts/check_links.py" in check
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    entries = {hook["id"]: hook["entry"] for hook in hooks}
    assert entries["content-check"].endswith("scripts/check_content.py") and "ruff check" in entries["ruff"]
    assert "scripts/check_links.py" in entries["link-check"]
