"""The CCHC section's data files and pages: validation with file:line messages, charts with a text alternative,
phone and map links, the Content-Security-Policy, and the pages built from the data."""

from __future__ import annotations

import base64
import hashlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT

from cchc.content.catalogue import load_catalogue
from cchc.content.problems import ContentError
from cchc.output.csp import policy, script_hashes, with_csp
from cchc.site.applying import osm_link, tel
from cchc.site.charts import chart_summary, index_chart
from cchc.site.portal import report_link


def problems_after(root: Path, rel: str, old: str, new: str) -> list[str]:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_catalogue(root)
    return [str(p) for p in info.value.problems]


def line_of(root: Path, rel: str, needle: str) -> int:
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


@pytest.mark.parametrize(
    ("rel", "old", "new", "needle", "expected"),
    [
        ("data/centres.yml", "  cap: xa\n", "  cap: huyen\n", "mot-cua-phuong-nha-trang:",
         "mot-cua-phuong-nha-trang.cap: unknown level 'huyen'; allowed: tinh, xa"),
        ("data/centres.yml", 'dien_thoai: ["0258 3821 300"]', 'dien_thoai: ["gọi tổng đài"]', "gọi tổng đài",
         "mot-cua-phuong-nha-trang.dien_thoai[0]: got 'gọi tổng đài'; must match"),
        ("data/centres.yml", "vi_do: 12.2446", "vi_do: 48.85", "vi_do: 48.85",
         "trung-tam-phvhcc.vi_do: must be from 8 to 24, got 48.85"),
        ("data/indices.yml", "{nam: 2025, diem: 90.10, xep_hang: 12, tong_so: 34}",
         "{nam: 2025, diem: 90.10, xep_hang: 40, tong_so: 34}", "xep_hang: 40",
         "par-index.nam[4]: xep_hang 40 is above tong_so 34"),
        ("data/indices.yml", "{nam: 2022, diem: 84.35,", "{nam: 2021, diem: 84.35,", "par-index:",
         "par-index: a year is listed twice in nam"),
        ("data/feedback.yml", "he_thong_quoc_gia: https://pakn.dichvucong.gov.vn/",
         "he_thong_quoc_gia: pakn.dichvucong.gov.vn", "he_thong_quoc_gia",
         "he_thong_quoc_gia: must be a web address starting with https:// or http://"),
        ("data/faq.yml", "  thu_tu: 1\n", "  thu_tu: 1\n  cau_hoi: []\n", "cau_hoi: []",
         "nop-ho-so.cau_hoi: duplicate key"),
    ],
)
def test_portal_data_errors_name_file_line_and_field(site_copy: Path, rel: str, old: str, new: str, needle: str,
                                                     expected: str) -> None:
    found = problems_after(site_copy, rel, old, new)
    assert any(p.startswith(f"{rel}:") and expected in p for p in found), found
    line = line_of(site_copy, rel, needle)
    assert any(p.startswith(f"{rel}:{line}:") for p in found) or "duplicate key" in expected, found


def test_missing_portal_file_is_reported(site_copy: Path) -> None:
    (site_copy / "data/feedback.yml").unlink()
    with pytest.raises(ContentError) as info:
        load_catalogue(site_copy)
    assert [str(p) for p in info.value.problems] == ["data/feedback.yml: file is missing; the site needs it"]


def test_chart_has_a_text_alternative_and_a_bar_per_year() -> None:
    index = load_catalogue(ROOT).portal.indices["par-index"]  # type: ignore[union-attr]
    svg = index_chart(index, "par-index", "vi")
    tree = ET.fromstring(svg)
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert tree.get("role") == "img"
    assert tree.get("aria-labelledby") == "chart-par-index-title chart-par-index-desc"
    assert tree.find("s:title", ns).text == "Chỉ số cải cách hành chính"  # type: ignore[union-attr]
    desc = tree.find("s:desc", ns).text  # type: ignore[union-attr]
    assert desc == chart_summary(index, "vi")
    assert "năm 2025: 90,1 điểm, hạng 12/34" in desc
    assert len(tree.findall("s:rect", ns)) == len(index.nam)
    # Bar heights follow the scores on the index's own scale.
    heights = [float(r.get("height")) for r in tree.findall("s:rect", ns)]  # type: ignore[arg-type]
    scores = [y.diem for y in sorted(index.nam, key=lambda y: y.nam)]
    assert [round(h / heights[0], 3) for h in heights] == [round(s / scores[0], 3) for s in scores]
    assert "ranked 12 of 34" in chart_summary(index, "en")


def test_phone_map_and_report_links() -> None:
    assert tel("0258 3822 000") == "tel:+842583822000"
    assert tel("1800 1096") == "tel:18001096"
    assert tel("+84 258 3822 000") == "tel:+842583822000"
    assert osm_link(12.2446, 109.196) == "https://www.openstreetmap.org/?mlat=12.24460&mlon=109.19600#map=17/12.24460/109.19600"
    link = report_link(load_catalogue(ROOT), "https://cchc.khanhhoa.gov.vn/mot-cua/", "Nơi nộp hồ sơ & giờ", "vi")
    assert link.startswith("mailto:cchc@khanhhoa.gov.vn?subject=B%C3%A1o%20l%E1%BB%97i%20trang%3A%20")
    assert "%26" in link and "https%3A//cchc.khanhhoa.gov.vn/mot-cua/" in link


def test_csp_allows_exactly_the_page_inline_scripts() -> None:
    html = ('<html><head><title>x</title></head><body><script>var a=1;</script>'
            '<script id="__config" type="application/json">{"a": 1}</script><script src="x.js"></script>'
            '<script>var a=1;</script></body></html>')
    digest = base64.b64encode(hashlib.sha256(b"var a=1;").digest()).decode()
    assert script_hashes(html) == [f"'sha256-{digest}'"]  # once, and not the JSON or the external script
    rules = dict(rule.split(" ", 1) for rule in policy(html).split("; "))
    assert rules["default-src"] == "'none'"
    assert rules["script-src"] == f"'self' 'wasm-unsafe-eval' 'sha256-{digest}'"
    assert rules["font-src"] == "'self'" and rules["connect-src"] == "'self'" and rules["frame-src"] == "'none'"
    out = with_csp(html)
    assert re.match(r'<html><head>\n    <meta http-equiv="Content-Security-Policy" content="default-src', out)


def test_portal_pages_come_from_the_data(built_site: Path) -> None:
    centres = (built_site / "mot-cua/index.html").read_text(encoding="utf-8")
    assert "Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa" in centres
    assert 'href="tel:+842583822100"' in centres
    assert "https://www.openstreetmap.org/?mlat=12.24460&amp;mlon=109.19600" in centres
    assert "<iframe" not in centres  # a link to the map, never an embedded third-party map
    indices = (built_site / "en/chi-so/index.html").read_text(encoding="utf-8")
    assert indices.count('<svg class="cchc-chart"') == 4
    assert "Placeholder figures, not the officially published results." in indices
    assert '<td data-label="Rank">12 of 34</td>' in indices  # the column's heading, shown on phones
    faq = (built_site / "hoi-dap/index.html").read_text(encoding="utf-8")
    assert "Tôi có phải về nơi thường trú để nộp hồ sơ không?" in faq
    committee = (built_site / "en/ban-chi-dao/index.html").read_text(encoding="utf-8")
    assert "Chair of the Provincial People&#39;s Committee" in committee or \
        "Chair of the Provincial People's Committee" in committee
    online = (built_site / "dich-vu-cong/index.html").read_text(encoding="utf-8")
    assert "https://dichvucong.khanhhoa.gov.vn/" in online
    footer = (built_site / "en/index.html").read_text(encoding="utf-8")
    assert "Responsible agency:</strong> Khánh Hòa Department of Home Affairs" in footer
    assert 'href="tiep-can/"' in footer
