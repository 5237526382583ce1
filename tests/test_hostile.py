"""Markup in every text field comes out as text: HTML, attributes, feeds, search data, finder data.

Every free-text value of the sample content gets a hostile tail, the story text gets raw HTML, and the built
site is read with an HTML parser and an XML parser: no script but our own, no event handler, no
javascript: address, and each feed still well-formed.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import build_site, make_site_copy, site_pages

HOSTILE = "<script>alert(1)</script> \" onmouseover=alert(2) x=\" </title> ]]> <img src=x onerror=alert(3)>"
# Keys whose values are ids, codes, enums, dates, numbers or addresses: validated elsewhere, left alone.
NOT_TEXT = {
    "ma_thu_tuc", "ma_dia_phuong", "linh_vuc", "cap_thuc_hien", "doi_tuong", "co_quan_thuc_hien",
    "co_quan_co_tham_quyen", "co_quan_duoc_uy_quyen", "co_quan_phoi_hop", "hinh_thuc", "don_vi", "tien_te",
    "muc_do_dvc", "trang_thai", "quyet_dinh_cong_bo", "thu_tuc_lien_quan", "cap_nhat", "ngay_ban_hanh",
    "ngay_hieu_luc", "url", "lien_ket_dvc", "website", "cong_dvc_tinh", "cong_dvc_quoc_gia", "cap", "ma",
    "loai_van_ban", "tinh_trang", "can_cu", "sua_doi", "thay_the", "bai_bo", "cong_bo_moi", "thay_cho",
    "co_quan_ban_hanh_id", "email", "tep", "co_so_du_lieu",
}


class _Loader(yaml.SafeLoader):
    pass


_Loader.yaml_implicit_resolvers = {
    k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:timestamp"] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def poison(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: (v if k in NOT_TEXT else poison(v, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, key) for v in value]
    if isinstance(value, str):
        return value + " " + HOSTILE
    return value


def poison_yaml(path: Path, taxonomy: bool = False) -> None:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    if taxonomy:  # ids map to entries; the ids stay, the entries' text is poisoned
        data = {k: poison(v) for k, v in data.items()}
    elif path.parent.name == "sets" or path.parent.name == "procedures" or path.parent.name == "documents":
        agency = data.get("co_quan_ban_hanh") if path.parent.name == "sets" else None
        data = poison(data)
        if agency is not None:
            data["co_quan_ban_hanh"] = agency  # an agency id in sets
    else:
        data = poison(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def poison_story(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    data = yaml.load(front, Loader=_Loader)
    for key in ("tieu_de", "sapo", "nguon", "tac_gia"):
        if key in data:
            data[key] += " " + HOSTILE
    data["the"] = [t + " " + HOSTILE for t in data.get("the", [])]
    if "anh" in data:
        data["anh"]["mo_ta"] += " " + HOSTILE
    body += ('\n<script>alert(4)</script><p onclick="alert(5)">x</p><a href="#" onmouseover="alert(6)">y</a>'
             '<iframe src="https://example.org/"></iframe><style>body{display:none}</style>\n')
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body,
                    encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_site_copy(tmp_path_factory.mktemp("hostile"))
    for path in sorted((root / "procedures").rglob("*.yml")) + sorted((root / "documents").glob("*.yml")):
        poison_yaml(path)
    for name in ("fields", "levels", "audiences", "agencies", "categories"):
        poison_yaml(root / "data" / f"{name}.yml", taxonomy=True)
    poison_yaml(root / "data/province.yml")
    for path in sorted((root / "docs/tin-tuc").rglob("*.md")):
        poison_story(path)
    (root / "docs/gioi-thieu.md").write_text(
        (root / "docs/gioi-thieu.md").read_text(encoding="utf-8")
        + '\n<script>alert(7)</script>\n<div onmouseover="alert(8)">z</div>\n', encoding="utf-8")
    return build_site(root)


class Inspector(HTMLParser):
    """Collects what could run: script elements and their text, event-handler attributes, script addresses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.data_blocks: list[str] = []  # <script type="application/ld+json">: data, never run
        self.handlers: list[str] = []
        self.addresses: list[str] = []
        self.elements: list[str] = []
        self._in_script = False
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(tag)
        if tag == "script":
            self._in_script = True
            if dict(attrs).get("type") == "application/ld+json":
                self.data_blocks.append("")
                self._in_data = True
            else:
                self.scripts.append(dict(attrs).get("src") or "")
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag}[{name}]")
            if name in ("href", "src", "action") and value and value.strip().lower().startswith(("javascript:", "data:")):
                self.addresses.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = self._in_data = False

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self.data_blocks[-1] += data
        elif self._in_script:
            self.scripts[-1] += data


def inspect(html: str) -> Inspector:
    parser = Inspector()
    parser.feed(html)
    return parser


def test_nothing_executable_in_any_page(hostile_site: Path) -> None:
    pages = site_pages(hostile_site)
    assert len(pages) > 200
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = inspect(html)
        assert not found.handlers, (page, found.handlers)
        assert not found.addresses, (page, found.addresses)
        assert not any("alert(" in script for script in found.scripts), page
        # Structured data holds the hostile text as JSON strings, with no "<" left to end or open an element.
        assert len(found.data_blocks) == (0 if page.name == "404.html" else 1), page
        for block in found.data_blocks:
            assert "<" not in block and json.loads(block)["@graph"], page
        assert "iframe" not in found.elements and "style" not in found.elements[found.elements.index("body"):], page


def test_hostile_text_is_shown_as_text(hostile_site: Path) -> None:
    # The address comes from the name's slug, so the hostile tail changes it too.
    (page,) = hostile_site.glob("thu-tuc/*-1.001193/index.html")
    html = page.read_text(encoding="utf-8")
    # The name, escaped once, reads exactly as typed in the title, the heading and the search data.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "&lt;/title&gt;" in title
    assert 'data-value="Hộ tịch &lt;script&gt;alert(1)&lt;/script&gt; &quot; onmouseover=alert(2)' in html
    story = (hostile_site / "tin-tuc/2025/chinh-quyen-hai-cap-van-hanh/index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(3)&gt;" in story
    assert "<p>x</p>" in story and "alert(5)" not in story, "the story's own HTML keeps its text, loses its handler"


ATOM = "{http://www.w3.org/2005/Atom}"
RSS_HTML = ("description", "{http://purl.org/rss/1.0/modules/content/}encoded")


def test_feeds_stay_well_formed_and_inert(hostile_site: Path) -> None:
    """What a feed reader renders as HTML (Atom type="html", RSS description and content:encoded) holds no
    script and no handler; text elements hold the hostile text as text."""
    checked = 0
    for feed in sorted(hostile_site.rglob("feeds/*.xml")):
        root = ET.parse(feed).getroot()
        for element in root.iter():
            assert not element.tag.endswith("script"), feed
            as_html = element.get("type") == "html" if element.tag.startswith(ATOM) else element.tag in RSS_HTML
            if as_html and element.text:
                found = inspect(element.text)
                assert not found.handlers and not any("alert(" in s for s in found.scripts), (feed, element.tag)
                assert "img" not in found.elements and "script" not in found.elements, (feed, element.tag)
                checked += 1
    assert checked > 100


def test_finder_data_is_plain_json(hostile_site: Path) -> None:
    data = json.loads((hostile_site / "thu-tuc/tim-thu-tuc/thu-tuc.json").read_text(encoding="utf-8"))
    names = [item[0] for item in data["items"]]
    assert any(name.endswith(HOSTILE) for name in names), "the text is kept, as data; the script inserts it as text"


@pytest.mark.browser
def test_search_results_and_finder_show_hostile_text_inertly(browser, hostile_site: Path) -> None:  # type: ignore[no-untyped-def]
    """The search index and the finder's data carry the text to the browser, which must print it, not run it."""
    import functools
    import http.server
    import threading

    from conftest import _QuietHandler

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(hostile_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(base + "tim-kiem/?q=khai+sinh")
        page.wait_for_selector(".cchc-result")
        first = page.locator(".cchc-result").first
        assert "<script>alert(1)</script>" in first.locator(".cchc-result__title").inner_text()
        assert "<script>alert(1)</script>" in first.locator(".cchc-result__meta").inner_text()
        page.goto(base + "thu-tuc/tim-thu-tuc/?q=khai+sinh")
        page.wait_for_selector(".cchc-result")
        assert "onerror=alert(3)" in page.locator(".cchc-result__title").first.inner_text()
        page.wait_for_timeout(300)
        assert dialogs == [] and page.locator(".cchc-results img").count() == 0
    finally:
        page.close()
        server.shutdown()
