"""News, registry and feed outputs of the built sample site, read as a browser and a feed reader would."""

from __future__ import annotations

import email.utils
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from conftest import ROOT, build_site, make_site_copy, site_pages

from cchc.content.catalogue import load_catalogue
from cchc.site.addresses import feed_paths, page_url
from cchc.site.news import NEWS_PER_PAGE

SITE_URL = "https://cchc.khanhhoa.gov.vn/"
HAI_CAP = "tin-tuc/2025/chinh-quyen-hai-cap-van-hanh/index.html"
VI_ONLY = "tin-tuc/2025/pano-ap-phich-mot-cua/index.html"
RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
                    r"\d{2}:\d{2}:\d{2} \+0700$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$")
NS = {"atom": "http://www.w3.org/2005/Atom"}


def read(site: Path, rel: str, lang: str = "vi") -> str:
    return (site / ("en/" if lang == "en" else "") / rel).read_text(encoding="utf-8")


def article(html: str) -> str:
    return html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


@pytest.fixture(scope="module")
def catalogue():  # type: ignore[no-untyped-def]
    return load_catalogue(ROOT)


# ---------------------------------------------------------------- pages


def test_article_page_vietnamese(built_site: Path) -> None:
    html = article(read(built_site, HAI_CAP))
    assert '<time datetime="2025-07-01T07:30:00+07:00">Thứ Ba, 01/07/2025, 07:30</time>' in html
    assert 'Chuyên mục: <a href="../../chuyen-muc/cai-cach-to-chuc-bo-may/">Cải cách tổ chức bộ máy</a>' in html
    assert "Nguồn: Sở Nội vụ tỉnh Khánh Hòa" in html
    assert '<img alt="Hình minh họa: sơ đồ cấp tỉnh nối với ba xã' in html
    assert 'src="../../../assets/images/tin-tuc/hai-cap.jpg"' in html
    assert "<strong>Từ khóa:</strong> chính quyền hai cấp, sắp xếp đơn vị hành chính" in html
    assert '<h2 id="tin-lien-quan">Tin liên quan' in html
    related = html.split('id="tin-lien-quan"', 1)[1]
    # "Rà soát văn bản..." shares the tag "chính quyền hai cấp": it ranks first.
    assert related.index("Rà soát văn bản quy phạm pháp luật") < related.index("</ul>")
    assert 'aria-label="Tin trước và tin sau"' in html and "Tin mới hơn:" in html
    assert "Tin cũ hơn:" not in html  # the oldest story has nothing older


def test_article_page_english_and_switcher(built_site: Path) -> None:
    en = read(built_site, HAI_CAP, "en")
    assert '<time datetime="2025-07-01T07:30:00+07:00">Tuesday, 1 July 2025, 07:30</time>' in en
    assert "Category: <a" in en and "Source: Khánh Hòa Department of Home Affairs" in en
    vi = read(built_site, HAI_CAP)
    assert 'href="../../../en/tin-tuc/2025/chinh-quyen-hai-cap-van-hanh/" hreflang="en"' in vi
    assert '<link rel="alternate " href="https://cchc.khanhhoa.gov.vn/en/tin-tuc/2025/chinh-quyen-hai-cap-van-hanh/" ' \
           'hreflang="en">' in vi
    # A story with no English version: the switcher goes to the English news index, and no hreflang claims a twin.
    only = read(built_site, VI_ONLY)
    assert 'href="../../../en/tin-tuc/" hreflang="en"' in only
    assert 'hreflang="en">' not in only.split("</head>")[0].replace('hreflang="en" lang', "")
    assert not (built_site / "en" / VI_ONLY).exists()


def test_news_index_pagination_lists_every_story_once(built_site: Path, catalogue) -> None:  # type: ignore[no-untyped-def]
    for lang in ("vi", "en"):
        stories = catalogue.stories_in(lang)
        pages = -(-len(stories) // NEWS_PER_PAGE)
        seen: list[str] = []
        for n in range(1, pages + 1):
            rel = "tin-tuc/index.html" if n == 1 else f"tin-tuc/trang-{n}/index.html"
            html = article(read(built_site, rel, lang))
            links = re.findall(r'<h3 id="[^"]*"><a href="([^"]+)"', html)
            assert len(links) == min(NEWS_PER_PAGE, len(stories) - (n - 1) * NEWS_PER_PAGE)
            base = "http://x/" + rel.removesuffix("index.html")
            seen += [urljoin(base, link).removeprefix("http://x/") for link in links]
            if pages > 1:
                assert f'<strong aria-current="page">{n}</strong>' in html
        assert seen == [page_url(s.address) for s in stories], "newest first, each story once"
        assert not (built_site / ("en/" if lang == "en" else "") / f"tin-tuc/trang-{pages + 1}").exists()


def test_category_and_year_pages(built_site: Path, catalogue) -> None:  # type: ignore[no-untyped-def]
    for cid in catalogue.categories:
        html = article(read(built_site, f"tin-tuc/chuyen-muc/{cid}/index.html"))
        members = [s for s in catalogue.stories_in("vi") if s.item.chuyen_muc == cid]
        for story in members[:NEWS_PER_PAGE]:
            assert story.item.tieu_de in html
    empty_en = [c for c in catalogue.categories if not any(s.item.chuyen_muc == c for s in catalogue.stories_in("en"))]
    assert empty_en and "There is no news in this section yet." in read(
        built_site, f"tin-tuc/chuyen-muc/{empty_en[0]}/index.html", "en")
    html = article(read(built_site, "tin-tuc/2025/index.html"))
    assert "Tin tức năm 2025" in html and "Khảo sát mức độ hài lòng của người dân" in html
    assert "Khánh Hòa triển khai kế hoạch tuyên truyền cải cách hành chính năm 2026" not in html
    older = article(read(built_site, "tin-tuc/2025/trang-2/index.html"))
    assert "Chính quyền địa phương hai cấp chính thức vận hành" in older


def test_news_pages_stay_out_of_the_navigation(built_site: Path) -> None:
    html = read(built_site, "index.html")
    # The primary navigation (with its nested lists) ends where the table-of-contents sidebar begins.
    nav = html.split('md-nav--primary', 1)[1].split('md-sidebar--secondary', 1)[0]
    assert 'href="tin-tuc/"' in nav
    assert "chinh-quyen-hai-cap-van-hanh" not in nav and "chuyen-muc" not in nav


def test_legal_documents(built_site: Path, catalogue) -> None:  # type: ignore[no-untyped-def]
    for doc_id in catalogue.documents:
        assert (built_site / f"van-ban/{doc_id}/index.html").is_file()
        assert (built_site / f"en/van-ban/{doc_id}/index.html").is_file()
    old = article(read(built_site, "van-ban/61-2018-nd-cp/index.html"))
    assert "Hết hiệu lực" in old
    assert 'Bị thay thế bởi: <a href="../118-2025-nd-cp/">118/2025/NĐ-CP</a>' in old
    assert 'Được sửa đổi, bổ sung bởi: <a href="../107-2021-nd-cp/">107/2021/NĐ-CP</a>' in old
    new = article(read(built_site, "van-ban/118-2025-nd-cp/index.html", "en"))
    assert "Decree on handling administrative procedures through the one-stop" in new
    assert 'Replaces: <a href="../61-2018-nd-cp/">61/2018/NĐ-CP</a>' in new
    # Filters: by type, year and status, each a plain page; the list holds every document.
    listing = article(read(built_site, "van-ban/index.html"))
    assert listing.count('<a href="') >= len(catalogue.documents)
    by_type = article(read(built_site, "van-ban/loai/luat/index.html"))
    assert "72/2025/QH15" in by_type and "118/2025/NĐ-CP" not in by_type.split("<table>", 1)[1]
    by_year = article(read(built_site, "van-ban/nam/2025/index.html")).split("<table>", 1)[1]
    assert "118/2025/NĐ-CP" in by_year and "61/2018/NĐ-CP" not in by_year
    by_status = article(read(built_site, "van-ban/tinh-trang/het-hieu-luc/index.html")).split("<table>", 1)[1]
    assert "61/2018/NĐ-CP" in by_status and "118/2025/NĐ-CP" not in by_status


def test_procedure_legal_basis_links_to_the_registry(built_site: Path) -> None:
    html = article(read(built_site, "thu-tuc/dang-ky-khai-sinh-1.001193/index.html"))
    assert '<a href="../../van-ban/60-2014-qh13/">60/2014/QH13</a>: Luật Hộ tịch' in html
    doc = article(read(built_site, "van-ban/60-2014-qh13/index.html"))
    assert "Thủ tục hành chính căn cứ văn bản này" in doc and "dang-ky-khai-sinh-1.001193" in doc


# ---------------------------------------------------------------- feeds


def all_feeds(site: Path) -> list[Path]:
    return sorted((site / "feeds").glob("*.xml")) + sorted((site / "en/feeds").glob("*.xml"))


def test_every_feed_parses_in_a_feed_reader(built_site: Path, catalogue) -> None:  # type: ignore[no-untyped-def]
    feeds = [f for f in all_feeds(built_site) if f.name != "sitemap.xml"]
    assert len(feeds) == 2 * 2 * len(feed_paths(catalogue))
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        assert parsed.version == ("rss20" if path.name.endswith(".rss.xml") else "atom10"), path


def test_rss_required_elements_and_dates(built_site: Path) -> None:
    for path in [f for f in all_feeds(built_site) if f.name.endswith(".rss.xml")]:
        root = ET.parse(path).getroot()
        assert root.tag == "rss" and root.get("version") == "2.0"
        channel = root.find("channel")
        assert channel is not None
        for name in ("title", "link", "description", "language", "lastBuildDate"):
            assert (channel.findtext(name) or "").strip(), f"{path}: channel {name}"
        assert RFC822.match(channel.findtext("lastBuildDate") or ""), path
        self_link = channel.find("atom:link", NS)
        assert self_link is not None and self_link.get("rel") == "self"
        assert self_link.get("href", "").endswith("/" + path.relative_to(path.parents[1]).as_posix())
        for item in channel.findall("item"):
            for name in ("title", "link", "guid", "pubDate", "description", "category"):
                assert (item.findtext(name) or "").strip(), f"{path}: item {name}"
            assert RFC822.match(item.findtext("pubDate") or ""), item.findtext("pubDate")
            guid = item.find("guid")
            assert guid is not None and guid.get("isPermaLink") == "false"
            assert (guid.text or "").startswith("tag:cchc.khanhhoa.gov.vn,2025:")


def test_atom_required_elements_and_dates(built_site: Path) -> None:
    for path in [f for f in all_feeds(built_site) if f.name.endswith(".atom.xml")]:
        root = ET.parse(path).getroot()
        assert root.tag == "{http://www.w3.org/2005/Atom}feed"
        for name in ("id", "title", "updated"):
            assert (root.findtext(f"atom:{name}", namespaces=NS) or "").strip(), f"{path}: feed {name}"
        assert RFC3339.match(root.findtext("atom:updated", namespaces=NS) or "")
        assert root.find("atom:author/atom:name", NS) is not None
        rels = {link.get("rel") for link in root.findall("atom:link", NS)}
        assert {"self", "alternate"} <= rels
        for entry in root.findall("atom:entry", NS):
            for name in ("id", "title", "updated", "published", "summary", "content"):
                assert (entry.findtext(f"atom:{name}", namespaces=NS) or "").strip(), f"{path}: entry {name}"
            assert RFC3339.match(entry.findtext("atom:updated", namespaces=NS) or "")
            assert entry.find("atom:author/atom:name", NS) is not None
            assert entry.find("atom:link[@rel='alternate']", NS) is not None or entry.find("atom:link", NS) is not None


def test_every_story_in_its_language_feed_newest_first(built_site: Path, catalogue) -> None:  # type: ignore[no-untyped-def]
    for lang, prefix in (("vi", ""), ("en", "en/")):
        stories = catalogue.stories_in(lang)
        parsed = feedparser.parse((built_site / prefix / "feeds/tin-tuc.rss.xml").read_bytes())
        assert [e.link for e in parsed.entries] == [SITE_URL + prefix + page_url(s.address) for s in stories]
        assert [e.title for e in parsed.entries] == [s.item.tieu_de for s in stories]
        published = [email.utils.parsedate_to_datetime(e.published) for e in parsed.entries]
        assert published == sorted(published, reverse=True)
        assert parsed.feed.language == lang
        for cid in catalogue.categories:
            cat_feed = feedparser.parse((built_site / prefix / f"feeds/{cid}.atom.xml").read_bytes())
            assert [e.link for e in cat_feed.entries] == [
                SITE_URL + prefix + page_url(s.address) for s in stories if s.item.chuyen_muc == cid]
            assert all(e.tags[0].term == cid for e in cat_feed.entries)


def test_feed_entry_content_category_author_and_enclosure(built_site: Path) -> None:
    parsed = feedparser.parse((built_site / "feeds/tin-tuc.rss.xml").read_bytes())
    entry = next(e for e in parsed.entries if e.link.endswith("/chinh-quyen-hai-cap-van-hanh/"))
    assert entry.id == "tag:cchc.khanhhoa.gov.vn,2025:vi/tin-tuc/chinh-quyen-hai-cap-van-hanh"
    assert entry.published == "Tue, 01 Jul 2025 07:30:00 +0700"
    assert entry.author == "Sở Nội vụ tỉnh Khánh Hòa"
    assert entry.tags[0].term == "Cải cách tổ chức bộ máy"
    assert entry.summary.startswith("Từ ngày 01/7/2025, tỉnh Khánh Hòa tổ chức chính quyền")
    content = entry.content[0].value
    assert "Theo Luật Tổ chức chính quyền địa phương năm 2025" in content and "headerlink" not in content
    enclosure = entry.enclosures[0]
    image = ROOT / "docs/assets/images/tin-tuc/hai-cap.jpg"
    assert enclosure.href == SITE_URL + "assets/images/tin-tuc/hai-cap.jpg"
    assert enclosure.type == "image/jpeg" and int(enclosure.length) == image.stat().st_size
    links = feedparser.parse((built_site / "en/feeds/tin-tuc.atom.xml").read_bytes())
    assert all(e.link.startswith(SITE_URL + "en/tin-tuc/") for e in links.entries)
    for entry in links.entries:  # relative links in story text are made absolute for readers elsewhere
        assert not re.search(r'(href|src)="(?!https?://|mailto:|tel:)', entry.content[0].value), entry.link


def test_procedure_change_feed(built_site: Path, catalogue) -> None:  # type: ignore[no-untyped-def]
    parsed = feedparser.parse((built_site / "feeds/thay-doi-thu-tuc.rss.xml").read_bytes())
    expected = sum(len(s.cong_bo_moi) + len(s.sua_doi) + len(s.thay_the) + len(s.bai_bo) for s in catalogue.sets.values())
    assert len(parsed.entries) == min(expected, 50)
    abolished = next(e for e in parsed.entries if e.id.endswith("/qd-0415-2026/bai_bo/1.000080"))
    assert abolished.title.startswith("Bãi bỏ: ")
    assert abolished.published == "Mon, 02 Mar 2026 00:00:00 +0700"
    assert "415/QĐ-UBND" in abolished.summary
    dates = [email.utils.parsedate_to_datetime(e.published) for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)


def test_autodiscovery_on_every_page(built_site: Path) -> None:
    pages = site_pages(built_site)
    assert len(pages) > 200
    for path in pages:
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        feeds = re.findall(r'<link rel="alternate" type="application/(rss|atom)\+xml" title="[^"]+" href="([^"]+)">', head)
        assert len(feeds) >= 3, path
        for _, href in feeds:
            # 404.html is served at any address, so MkDocs gives it root-relative links.
            target = built_site / href.lstrip("/") if href.startswith("/") else path.parent / href
            assert target.resolve().is_file(), (path, href)
    # Material's script asks for feeds/sitemap.xml beside the feed links: it exists and is a valid, empty sitemap.
    sitemap = ET.parse(built_site / "feeds/sitemap.xml").getroot()
    assert sitemap.tag.endswith("urlset") and len(sitemap) == 0


def test_feeds_page_links_every_feed(built_site: Path, catalogue) -> None:  # type: ignore[no-untyped-def]
    html = article(read(built_site, "tin-tuc/kenh-tin/index.html"))
    for rss, atom in feed_paths(catalogue).values():
        assert f'href="../../{rss}"' in html and f'href="../../{atom}"' in html


# ---------------------------------------------------------------- a second build: stable ids, escaping, limits

HOSTILE = 'Thông báo <b>"khẩn"</b> & \'mới\' ]]> </title>'


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site with one story retitled, a hostile title added and the feed limit set to 5."""
    root = make_site_copy(tmp_path_factory.mktemp("edited"))
    story = root / "docs/tin-tuc/2026/van-phong-huong-dan-nha-dau-tu.md"
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("tieu_de: \"Khu kinh tế Vân Phong", "tieu_de: \"Đã sửa: Khu kinh tế Vân Phong"),
                     encoding="utf-8")
    (root / "docs/tin-tuc/2026/thong-bao-khan.md").write_text(f"""---
tieu_de: '{HOSTILE.replace("'", "''")}'
khoa: thong-bao-khan
ngay_dang: 2026-11-01T08:00:00+07:00
chuyen_muc: tin-chung
sapo: 'Sapo có <script>alert(1)</script> & "ngoặc"'
nguon: Sở <Nội vụ>
the: ["<i>thẻ</i>"]
---

Nội dung bình thường.
""", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("feed_limit: 50", "feed_limit: 5"), encoding="utf-8")
    return build_site(root)


def guids(site: Path, rel: str) -> dict[str, str]:
    return {e.link: e.id for e in feedparser.parse((site / rel).read_bytes()).entries}


def test_guids_survive_a_rebuild_and_a_title_edit(built_site: Path, edited_site: Path) -> None:
    before, after = guids(built_site, "feeds/tin-tuc.rss.xml"), guids(edited_site, "feeds/tin-tuc.rss.xml")
    edited = SITE_URL + "tin-tuc/2026/van-phong-huong-dan-nha-dau-tu/"
    assert after[edited] == before[edited] == "tag:cchc.khanhhoa.gov.vn,2025:vi/tin-tuc/van-phong-huong-dan-nha-dau-tu"
    titles = {e.link: e.title for e in feedparser.parse((edited_site / "feeds/tin-tuc.rss.xml").read_bytes()).entries}
    assert titles[edited].startswith("Đã sửa: ")
    for link, guid in after.items():
        if link in before:
            assert before[link] == guid


def test_feed_limit_keeps_the_newest(edited_site: Path) -> None:
    parsed = feedparser.parse((edited_site / "feeds/tin-tuc.atom.xml").read_bytes())
    assert len(parsed.entries) == 5
    assert parsed.entries[0].id.endswith("/thong-bao-khan")
    cat = load_catalogue(edited_site.parent)
    assert [e.link for e in parsed.entries] == [SITE_URL + page_url(s.address) for s in cat.stories_in("vi")[:5]]


def test_hostile_title_is_escaped_in_html_and_feeds(edited_site: Path) -> None:
    html = read(edited_site, "tin-tuc/2026/thong-bao-khan/index.html")
    assert "<b>" not in html and "<script>alert" not in html and "<i>thẻ</i>" not in html
    # The browser's tab shows the headline exactly as written, escaped once (not "&lt;b&gt;" on screen).
    assert unescape(html.split("<title>", 1)[1].split("</title>", 1)[0]) == f"{HOSTILE} - Cải cách hành chính tỉnh Khánh Hòa"
    assert "Sở &lt;Nội vụ&gt;" in html
    for name in ("tin-tuc.rss.xml", "tin-tuc.atom.xml", "tin-chung.rss.xml"):
        raw = (edited_site / "feeds" / name).read_bytes()
        ET.fromstring(raw)  # well-formed XML despite ]]> and </title>
        entry = feedparser.parse(raw).entries[0]
        assert entry.title == HOSTILE  # the text round-trips exactly, as text
        assert b"<b>" not in raw and b"<script>" not in raw
    listing = article(read(edited_site, "tin-tuc/index.html"))
    assert "Thông báo &lt;b&gt;&quot;khẩn&quot;&lt;/b&gt; &amp; 'mới' ]]&gt; &lt;/title&gt;</a>" in listing


def test_two_builds_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    again = build_site(make_site_copy(tmp_path / "again"))
    first = {p.relative_to(built_site): p for p in built_site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    differ = [str(rel) for rel, path in first.items() if path.read_bytes() != second[rel].read_bytes()]
    assert not differ, differ[:10]


def test_a_corrected_story_shows_and_syndicates_its_update(built_site: Path) -> None:
    html = article(read(built_site, "tin-tuc/2026/thu-tuc-sua-doi-qd-415/index.html"))
    assert "Cập nhật: Thứ Sáu, 06/03/2026, 11:15" in html
    parsed = feedparser.parse((built_site / "en/feeds/tin-tuc.atom.xml").read_bytes())
    entry = next(e for e in parsed.entries if e.id.endswith("/thu-tuc-sua-doi-qd-415"))
    assert (entry.published, entry.updated) == ("2026-03-05T09:00:00+07:00", "2026-03-06T11:15:00+07:00")
    # The story's link to the decision page, relative in the page, is absolute in the feed.
    assert 'href="https://cchc.khanhhoa.gov.vn/en/thu-tuc/bo-thu-tuc/qd-0415-2026/"' in entry.content[0].value
