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


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # As the tables extension and htmlout.table write them: every data cell labelled with its heading.
        ("<table>\n<thead>\n<tr>\n<th>A &amp; B</th>\n<th>Năm</th>\n<th>\"Điểm\"</th>\n</tr>\n</thead>\n<tbody>\n"
         "<tr>\n<td>x</td>\n<td style=\"text-align: right;\">2025</td>\n<td><a href=\"#\">9</a></td>\n</tr>\n"
         "</tbody>\n</table>",
         "<table>\n<thead>\n<tr>\n<th>A &amp; B</th>\n<th>Năm</th>\n<th>\"Điểm\"</th>\n</tr>\n</thead>\n<tbody>\n"
         "<tr>\n<td data-label=\"A &amp; B\">x</td>\n<td data-label=\"Năm\" style=\"text-align: right;\">2025</td>\n"
         "<td data-label=\"&quot;Điểm&quot;\"><a href=\"#\">9</a></td>\n</tr>\n</tbody>\n</table>"),
        # Two columns fit a phone as they are; merged cells and tables without headings are left alone.
        ("<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
         None),
        ("<table><thead><tr><th>a</th><th>b</th><th>c</th></tr></thead><tbody><tr><td colspan=\"3\">1</td></tr>"
         "</tbody></table>", None),
        ("<table><tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table>", None),
        ("<p>no table</p>", None),
    ],
)
def test_table_cells_carry_their_column_heading(html: str, expected: str | None) -> None:
    from cchc.site.htmlout import label_table_cells

    assert label_table_cells(html) == (html if expected is None else expected)


def test_built_tables_are_labelled_for_phones(built_site: Path) -> None:
    """The fee table (written as HTML), the home page's and the register's (Markdown) carry their labels."""
    fees = (built_site / "en/thu-tuc/dang-ky-khai-sinh-1.001193/index.html").read_text(encoding="utf-8")
    assert '<td data-label="How to submit">' in fees and '<td data-label="Fees and charges">' in fees
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<td data-label="Chỉ số cải cách hành chính">PAR INDEX</td>' in home
    register = (built_site / "van-ban/index.html").read_text(encoding="utf-8")
    assert register.count('<td data-label="Số hiệu">') == register.count("<tr>") - 1
