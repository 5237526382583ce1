"""Page plans from the core, without a build: the cases the sample content does not show."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.content.catalogue import load_catalogue
from cchc.content.problems import ContentError
from cchc.site.addresses import set_uri
from cchc.site.procedures import plan_procedure_pages, procedure_page

REPLACING_SET = """so_hieu: 900/QĐ-UBND
ngay_ban_hanh: 2026-05-04
nguoi_ky: Phó Chủ tịch Ủy ban nhân dân tỉnh
co_quan_ban_hanh: ubnd-tinh
trich_yeu: Thay thế thủ tục đăng ký kết hôn có yếu tố nước ngoài tại khu vực biên giới
thay_the:
  - ma_thu_tuc: "1.000894"
    thay_cho: "1.000094"
"""


def add_replacement(root: Path, status: str) -> None:
    (root / "procedures" / "sets" / "qd-0900-2026.yml").write_text(REPLACING_SET, encoding="utf-8")
    path = root / "procedures" / "1.000094.yml"
    path.write_text(path.read_text(encoding="utf-8") + f"trang_thai: {status}\n", encoding="utf-8")


def test_replaced_procedure_must_be_marked_abolished(site_copy: Path) -> None:
    add_replacement(site_copy, "con-hieu-luc")
    with pytest.raises(ContentError) as info:
        load_catalogue(site_copy)
    assert any(
        p.startswith("procedures/1.000094.yml:") and "trang_thai: is 'con-hieu-luc' but procedure set 'qd-0900-2026' "
        "replaces it with 1.000894; set it to 'bai-bo'" in p
        for p in map(str, info.value.problems)
    )


def test_replacement_shows_on_the_set_and_both_procedures(site_copy: Path) -> None:
    add_replacement(site_copy, "bai-bo")
    cat = load_catalogue(site_copy)
    specs = {spec.src_uri: spec.markdown for spec in plan_procedure_pages(cat, "vi")}
    set_md = specs[set_uri("qd-0900-2026")]
    assert "## Thay thế thủ tục" in set_md
    assert "(1\\.000894) ← [" in set_md and "(1\\.000094)" in set_md  # codes are Markdown-escaped
    old = procedure_page(cat, cat.procedures["1.000094"], "vi").html  # procedure pages are written as HTML
    assert '<div class="admonition danger">\n<p class="admonition-title">Thủ tục này đã bị bãi bỏ</p>' in old
    assert 'Được thay thế bằng: <a href="../dang-ky-ket-hon-1.000894/">Thủ tục đăng ký kết hôn</a> (1.000894)' in old
    assert "Bị thay thế bởi <a href=" in old
    new = procedure_page(cat, cat.procedures["1.000894"], "en").html
    assert "Replaces <a href=" in new and "(1.000094)" in new


def test_related_procedures_link_their_pages() -> None:
    from conftest import ROOT

    cat = load_catalogue(ROOT)
    html = procedure_page(cat, cat.procedures["1.001193"], "vi").html
    related = html.split('id="thu-tuc-lien-quan"', 1)[1].split("<h2", 1)[0]
    assert '<a href="../cap-ban-sao-trich-luc-ho-tich-ban-sao-giay-khai-sinh-2.000635/">' in related
    assert "(2.000635)" in related and "(2.000986)" in related
