"""The sample site built once in-process, in both languages; many small assertions on its HTML."""

from __future__ import annotations

import json
import logging
import posixpath
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, build_site, site_pages

from cchc.content.catalogue import load_catalogue
from cchc.site.addresses import output_path, procedure_uri
from cchc.text import sort_key

KHAI_SINH = "thu-tuc/dang-ky-khai-sinh-1.001193/index.html"
ABOLISHED = "thu-tuc/dang-ky-nhan-cha-me-con-co-yeu-to-nuoc-ngoai-tai-khu-vuc-bien-gioi-1.000080/index.html"
FIELD_PAGE = "thu-tuc/linh-vuc/ho-tich/index.html"
SET_PAGE = "thu-tuc/bo-thu-tuc/qd-0415-2026/index.html"


def page(site: Path, rel: str, lang: str = "vi") -> str:
    return (site / ("en/" if lang == "en" else "") / rel).read_text(encoding="utf-8")


def article(html: str) -> str:
    return html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


def text_of(html: str) -> str:
    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def test_every_procedure_has_its_page_in_both_languages(built_site: Path) -> None:
    cat = load_catalogue(ROOT)
    for proc in cat.procedures.values():
        for prefix in ("", "en/"):
            assert (built_site / prefix / output_path(procedure_uri(proc))).is_file(), proc.ma_thu_tuc


@pytest.mark.parametrize(("lang", "title"), [("vi", "Thủ tục đăng ký khai sinh"), ("en", "Birth registration")])
def test_procedure_page_lang_and_title(built_site: Path, lang: str, title: str) -> None:
    html = page(built_site, KHAI_SINH, lang)
    assert f'<html lang="{lang}"' in html
    assert "<h1" in html and title in text_of(article(html))


def test_procedure_page_has_citizen_sections_with_vietnamese_anchors(built_site: Path) -> None:
    html = article(page(built_site, KHAI_SINH))
    for anchor in ("ai-thuc-hien-thu-tuc-nay", "thoi-han-giai-quyet-va-phi-le-phi", "ho-so-can-chuan-bi",
                   "noi-nop-va-thoi-gian-tiep-nhan", "trinh-tu-thuc-hien", "ket-qua-thuc-hien", "can-cu-phap-ly",
                   "dich-vu-cong-truc-tuyen", "quyet-dinh-cong-bo"):
        assert f'id="{anchor}"' in html, anchor


def test_fee_table_per_channel(built_site: Path) -> None:
    html = article(page(built_site, KHAI_SINH))
    table = html.split("<table>", 1)[1].split("</table>", 1)[0]
    rows = table.split("<tr>")[2:]
    assert [text_of(r).split(" ")[0] for r in rows] == ["Trực", "Trực", "Bưu"]
    assert "8.000 đồng/bản" in text_of(table)
    assert "1 ngày làm việc" in text_of(table)
    en = text_of(article(page(built_site, KHAI_SINH, "en")))
    assert "Fee for a copy of the birth certificate: 8,000 VND/copy" in en
    assert "1 working day " in en + " " and "working day(s)" not in en and "original(s)" not in en


def test_documents_are_a_checklist_grouped_by_case_with_form_links(built_site: Path) -> None:
    html = article(page(built_site, KHAI_SINH))
    assert html.count('type="checkbox"') == 4
    assert 'id="tre-sinh-ra-do-mang-thai-ho"' in html
    assert re.search(r'<a href="https://dichvucong\.gov\.vn/[^"]*">Tải mẫu: Mẫu tờ khai', html)


def test_online_button_and_publishing_decision(built_site: Path) -> None:
    html = article(page(built_site, KHAI_SINH))
    assert 'class="md-button md-button--primary"' in html and "Nộp hồ sơ trực tuyến" in html
    assert 'href="../bo-thu-tuc/qd-1850-2025/"' in html
    assert "Thông tin được rà soát ngày: 15/10/2026" in text_of(html)


def test_related_procedures_are_linked(built_site: Path) -> None:
    html = article(page(built_site, KHAI_SINH))
    assert 'id="thu-tuc-lien-quan"' in html
    assert '<a href="../cap-ban-sao-trich-luc-ho-tich-ban-sao-giay-khai-sinh-2.000635/">' in html


def test_abolished_procedure_keeps_its_page_with_a_banner(built_site: Path) -> None:
    html = article(page(built_site, ABOLISHED))
    assert 'class="admonition danger"' in html
    assert "Thủ tục này đã bị bãi bỏ" in text_of(html)
    assert "Quyết định số 415/QĐ-UBND" in text_of(html)
    en = article(page(built_site, ABOLISHED, "en"))
    assert "This procedure has been abolished" in text_of(en)


def test_amended_procedure_banner(built_site: Path) -> None:
    html = article(page(built_site, "thu-tuc/dang-ky-thuong-tru-1.004222/index.html"))
    assert 'class="admonition warning"' in html and "đã được sửa đổi, bổ sung" in text_of(html)


def test_untranslated_content_is_marked_vietnamese_on_the_english_site(built_site: Path) -> None:
    html = article(page(built_site, "thu-tuc/bo-nhiem-cong-chung-vien-1.013803/index.html", "en"))
    assert "have not been translated into English yet" in text_of(html)
    assert '<span lang="vi">' in html
    assert "Appointment of notaries" in text_of(html)  # the English name is used
    full = article(page(built_site, KHAI_SINH, "en"))
    assert 'lang="vi"' not in full and "not been translated" not in full


def test_untranslated_handwritten_page_falls_back_inside_lang_vi(built_site: Path) -> None:
    html = article(page(built_site, "gioi-thieu/index.html", "en"))
    assert '<div lang="vi">' in html
    assert "not been translated into English yet" in text_of(html)


def test_language_switcher_and_hreflang_point_to_the_same_page(built_site: Path) -> None:
    vi = page(built_site, KHAI_SINH)
    assert '<a href="../../en/thu-tuc/dang-ky-khai-sinh-1.001193/" hreflang="en"' in vi
    assert 'href="https://cchc.khanhhoa.gov.vn/en/thu-tuc/dang-ky-khai-sinh-1.001193/" hreflang="en"' in vi
    assert 'href="https://cchc.khanhhoa.gov.vn/thu-tuc/dang-ky-khai-sinh-1.001193/" hreflang="vi"' in vi
    assert 'href="https://cchc.khanhhoa.gov.vn/thu-tuc/dang-ky-khai-sinh-1.001193/" hreflang="x-default"' in vi
    # See overrides/main.html: Material's script fetches a sitemap beside every exact rel="alternate" link; only the
    # feed links carry it (their folder has an empty sitemap), the hreflang links do not.
    assert re.findall(r'<link rel="alternate" (?!type="application/(?:rss|atom)\+xml")', vi) == []
    en = page(built_site, KHAI_SINH, "en")
    assert '<a href="../../../thu-tuc/dang-ky-khai-sinh-1.001193/" hreflang="vi"' in en


def test_browse_page_sorted_in_vietnamese_order(built_site: Path) -> None:
    html = article(page(built_site, FIELD_PAGE))
    names = re.findall(r'<li><a href="[^"]+">([^<]+)</a>', html)
    assert len(names) == 8
    assert names == sorted(names, key=sort_key)
    assert names != sorted(names)  # Python's order differs here (Đ, ý ...), so the test means something


def test_generated_pages_are_not_in_the_navigation(built_site: Path) -> None:
    html = page(built_site, KHAI_SINH)
    nav = html.split('md-nav--primary', 1)[1].split('md-sidebar--secondary', 1)[0]
    assert 'tin-tuc/"' in nav, "the navigation is there to look in"
    assert "dang-ky-khai-sinh-1.001193" not in nav
    assert "linh-vuc/ho-tich" not in nav


_CHROME_LINK = re.compile(r'(?:href|src|action)="([^"#:]*)"')


def chrome_targets(html: str, url: str) -> set[str]:
    """Where the links of a page's shared chrome (stylesheets and scripts, header without the language switcher,
    tabs, navigation sidebar, footer) lead, resolved against the page's own address."""
    head = " ".join(re.findall(r'<link rel="stylesheet"[^>]*>|<script src="[^"]*"', html.split("</head>", 1)[0]))
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    header = re.sub(r'<a href="[^"]*" hreflang=[^>]*class="md-select__link"', "", header)
    nav = html.split('data-md-type="navigation"', 1)[1].split('data-md-type="toc"', 1)[0]
    tail = html.split("<footer", 1)[1]
    out = set()
    for link in _CHROME_LINK.findall(head + header + nav + tail):
        if link.startswith("/") or not link:
            continue
        target = posixpath.normpath(posixpath.join(url, link))
        out.add("" if target == "." else target)
    return out


def test_shared_chrome_links_the_same_places_from_every_page(built_site: Path) -> None:
    # The header, tabs, sidebar and footer are rendered once per folder and reused (cchc_mkdocs.fragments): from
    # every page of both languages they must still lead to the same places, the search page's own header
    # included (its search form posts to itself, "./", where a reused fragment would say "../tim-kiem/").
    for lang, root in (("vi", built_site), ("en", built_site / "en")):
        expected = chrome_targets((root / "index.html").read_text(encoding="utf-8"), "")
        assert "tim-kiem" in expected and "tiep-can" in expected
        pages = [p for p in site_pages(root, "index.html") if lang == "en" or "en" not in p.relative_to(root).parts[:1]]
        assert len(pages) > 100
        for path in pages:
            url = path.parent.relative_to(root).as_posix()
            url = "" if url == "." else url + "/"
            assert chrome_targets(path.read_text(encoding="utf-8"), url) == expected, f"{lang} {url}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_tabs_and_sidebar_show_the_titles_the_nav_gives(built_site: Path, lang: str) -> None:
    # Pages in the nav that the core writes as HTML (online services, news) still take the nav's own title.
    config = (ROOT / ("mkdocs.en.yml" if lang == "en" else "mkdocs.yml")).read_text(encoding="utf-8")
    nav = config.split("\nnav:\n", 1)[1].split("\n\n", 1)[0]
    titles = re.findall(r"^\s+- ([^:\n]+): \S+\.md$", nav, re.M)
    assert len(titles) >= 10
    home = page(built_site, "index.html", lang)
    tabs = [unescape(t).strip() for t in re.findall(r'class="md-tabs__link">\s*([^<]+?)\s*</a>', home)]
    links = [unescape(t).strip() for t in re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', home)]
    for title in titles:
        assert title in tabs or title in links, f"{lang}: the nav title {title!r} is not shown"
    online = page(built_site, "dich-vu-cong/index.html", lang)
    expected = "Online services" if lang == "en" else "Dịch vụ công trực tuyến"
    assert f"<title>{expected} - " in online


def test_set_page_lists_amended_and_abolished(built_site: Path) -> None:
    text = text_of(article(page(built_site, SET_PAGE)))
    assert "Sửa đổi, bổ sung" in text and "Đăng ký thường trú (1.004222)" in text
    assert "Bãi bỏ" in text and "(1.000080)" in text
    en = text_of(article(page(built_site, SET_PAGE, "en")))
    assert "Amended" in en and "Permanent residence registration (1.004222)" in en


def test_index_links_every_browse_page(built_site: Path) -> None:
    html = article(page(built_site, "thu-tuc/index.html"))
    for href in ('href="linh-vuc/ho-tich/"', 'href="cap/xa/"', 'href="cap/tinh/"', 'href="muc-do/toan-trinh/"',
                 'href="co-quan/so-tu-phap/"', 'href="bo-thu-tuc/qd-1850-2025/"'):
        assert href in html


def test_markup_in_content_is_escaped(site_copy: Path) -> None:
    path = site_copy / "procedures" / "1.001193.yml"
    hostile = "<script>alert(1)</script> \" onmouseover=x </title> ]]>"
    text = path.read_text(encoding="utf-8")
    assert "  en: Birth registration\n" in text
    path.write_text(text.replace("  en: Birth registration\n", f"  en: {json.dumps(hostile)}\n", 1), encoding="utf-8")
    site = build_site(site_copy)
    html = page(site, KHAI_SINH, "en")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # Outside the JSON-LD block (where the quote is JSON-escaped data, \", inside a script that runs nothing;
    # tests/test_hostile.py reads that block as data) no attribute can be opened by the text.
    markup = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    assert '" onmouseover=x' not in markup
    # Escaped exactly once: the tab shows the text as written, not entities.
    assert unescape(html.split("<title>", 1)[1].split("</title>", 1)[0]).startswith(hostile + " - ")


def test_broken_content_fails_the_build_and_keeps_the_old_site(
    site_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = build_site(site_copy)
    before = (site / "index.html").read_text(encoding="utf-8")
    path = site_copy / "procedures" / "1.001193.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("so_tien: 8000", "so_tien: tám nghìn"), encoding="utf-8")
    mkdocs_log = logging.getLogger("mkdocs")  # MkDocs stops its records propagating to the root logger
    mkdocs_log.addHandler(caplog.handler)
    try:
        with pytest.raises(Exception, match="BuildError"):
            build_site(site_copy)
    finally:
        mkdocs_log.removeHandler(caplog.handler)
    line = next(n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "tám nghìn" in ln)
    assert f"procedures/1.001193.yml:{line}: cach_thuc[0].phi[1].so_tien: must be a whole number, got 'tám nghìn'" in (
        caplog.text
    )
    assert (site / "index.html").read_text(encoding="utf-8") == before


def test_hand_written_record_shows_its_own_address_and_hours(built_site: Path) -> None:
    proc = load_catalogue(ROOT).procedures["1.001193"]
    assert proc.dia_chi_tiep_nhan and proc.thoi_gian_tiep_nhan
    for lang in ("vi", "en"):
        where = article(page(built_site, KHAI_SINH, lang)).split('<h2 id="noi-nop' if lang == "vi" else
                                                                 '<h2 id="where-and-when', 1)[1].split("<h2", 1)[0]
        assert proc.dia_chi_tiep_nhan.get(lang) in unescape(text_of(where))
        assert proc.thoi_gian_tiep_nhan.get(lang) in unescape(text_of(where))
        assert "mot-cua/#" not in where  # the record's own address wins: no centre list beside it


def test_a_form_file_in_docs_is_a_download_link_naming_its_type(built_site: Path) -> None:
    rel = "thu-tuc/dang-ky-ket-hon-1.000894/index.html"
    source = ROOT / "docs/assets/bieu-mau/to-khai-dang-ky-ket-hon.docx"
    for lang, label in (("vi", "Tải mẫu: Tờ khai đăng ký kết hôn (tệp DOCX)"),
                        ("en", "Download form: Marriage registration form (DOCX file)")):
        html = article(page(built_site, rel, lang))
        link = re.search(r'<a href="([^"]+\.docx)">([^<]+)</a>', html)
        assert link is not None and link.group(2) == label
        target = built_site / ("en" if lang == "en" else "") / posixpath.dirname(rel) / link.group(1)
        assert target.resolve().read_bytes() == source.read_bytes()


def test_centre_entries_have_their_id_as_anchor(built_site: Path) -> None:
    for lang in ("vi", "en"):
        html = page(built_site, "mot-cua/index.html", lang)
        for centre_id in load_catalogue(ROOT).portal.centres:  # type: ignore[union-attr]
            assert f'<h2 id="{centre_id}">' in html, (lang, centre_id)
