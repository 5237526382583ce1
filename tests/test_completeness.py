"""The completeness check after every build finds a record dropped from any output it belongs to."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from cchc.content.catalogue import load_catalogue
from cchc.output.completeness import missing_from_outputs, missing_from_search

TAG = "tag:cchc.khanhhoa.gov.vn,2025:vi/"


@pytest.fixture
def vi_site(built_site: Path, tmp_path: Path) -> Path:
    """The Vietnamese build alone (what one language's build checks), safe to damage."""
    site = tmp_path / "vi"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("en"))
    return site


def test_the_sample_build_is_complete(vi_site: Path) -> None:
    assert missing_from_outputs(load_catalogue(ROOT), "vi", vi_site, 50, TAG) == []


def test_a_procedure_dropped_from_a_list(vi_site: Path) -> None:
    page = vi_site / "thu-tuc/linh-vuc/ho-tich/index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace('href="../../dang-ky-khai-sinh-1.001193/"', 'href="#"'), encoding="utf-8")
    assert missing_from_outputs(load_catalogue(ROOT), "vi", vi_site, 50, TAG) == [
        "procedure 1.001193 is missing from the list thu-tuc/linh-vuc/ho-tich.md"
    ]


def test_a_story_dropped_from_a_feed(vi_site: Path) -> None:
    feed = vi_site / "feeds/tin-tuc.rss.xml"
    text = feed.read_text(encoding="utf-8")
    guid = TAG + "tin-tuc/chinh-quyen-hai-cap-van-hanh"
    feed.write_text(text.replace(guid, TAG + "tin-tuc/khac"), encoding="utf-8")
    assert missing_from_outputs(load_catalogue(ROOT), "vi", vi_site, 50, TAG) == [
        "story chinh-quyen-hai-cap-van-hanh is missing from the feed feeds/tin-tuc.rss.xml"
    ]


def test_the_finder_and_the_search_index(vi_site: Path) -> None:
    data_file = vi_site / "thu-tuc/tim-thu-tuc/thu-tuc.json"
    data = json.loads(data_file.read_text(encoding="utf-8"))
    data["items"] = [row for row in data["items"] if row[2] != "1.000894"]
    data_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    entry = vi_site / "pagefind/pagefind-entry.json"
    info = json.loads(entry.read_text(encoding="utf-8"))
    info["languages"]["vi"]["page_count"] -= 1
    entry.write_text(json.dumps(info), encoding="utf-8")
    found = missing_from_outputs(load_catalogue(ROOT), "vi", vi_site, 50, TAG)
    assert "procedure 1.000894 is missing from the finder's data thu-tuc/tim-thu-tuc/thu-tuc.json" in found
    # The search index is checked once Pagefind has run (by the hook, or by build_site after its workers).
    [line] = missing_from_search(vi_site)
    assert line.startswith("the search index holds ") and line.endswith(" pages are marked for it")
