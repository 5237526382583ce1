"""Every page type, in both languages, in Chromium: no request leaves the site, the Content-Security-Policy is
never violated, axe-core finds no serious or critical WCAG 2.1 AA problem, nothing scrolls sideways at 360 px,
and the keyboard reaches the skip link, the menus and the language switcher with a visible focus."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from conftest import ROOT

pytestmark = pytest.mark.browser

# One page of every kind the site has; the English build has the same ones under en/.
PAGE_TYPES = {
    "home": "",
    "procedure list": "thu-tuc/",
    "procedure": "thu-tuc/dang-ky-khai-sinh-1.001193/",
    "browse by field": "thu-tuc/linh-vuc/ho-tich/",
    "publishing decision": "thu-tuc/bo-thu-tuc/qd-1850-2025/",
    "procedure finder": "thu-tuc/tim-thu-tuc/",
    "search": "tim-kiem/?q=khai+sinh",
    "news index": "tin-tuc/",
    "news article": "tin-tuc/2026/chi-so-cchc-2025/",
    "document register": "van-ban/",
    "legal document": "van-ban/118-2025-nd-cp/",
    "where to apply": "mot-cua/",
    "hotlines and feedback": "phan-anh-kien-nghi/",
    "reform indices": "chi-so/",
    "questions and answers": "hoi-dap/",
    "steering committee": "ban-chi-dao/",
    "online services": "dich-vu-cong/",
    "leaflet": "to-roi/",
    "about (hand-written)": "gioi-thieu/",
    "accessibility statement": "tiep-can/",
    "open data": "du-lieu-mo/",
}
PAGES = [(f"{name} ({lang})", ("" if lang == "vi" else "en/") + path)
         for lang in ("vi", "en") for name, path in PAGE_TYPES.items()]


def _axe_path() -> Path:
    from fetch_npm import npm_path

    path = npm_path("axe-core")
    assert path.exists(), "axe-core is missing: run `make test`, which fetches it (scripts/fetch_npm.py)"
    return path


@pytest.fixture(scope="module")
def page_factory(browser, base_url):  # type: ignore[no-untyped-def]
    def open_page(path: str, width: int = 1280, axe: bool = False):  # type: ignore[no-untyped-def]
        context = browser.new_context(viewport={"width": width, "height": 800})
        if axe:
            # Injected through the DevTools protocol: the page's own policy still applies to everything else.
            context.add_init_script(path=str(_axe_path()))
        page = context.new_page()
        page.outside = []  # requests to any other host
        page.violations = []  # CSP violations reported by the browser
        site = urlsplit(base_url).netloc
        page.on("request", lambda r: page.outside.append(r.url)
                if urlsplit(r.url).scheme in ("http", "https", "ws", "wss") and urlsplit(r.url).netloc != site
                else None)
        page.on("console", lambda m: page.violations.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(base_url + path, wait_until="networkidle")
        return page

    return open_page


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[n for n, _ in PAGES])
def test_page_is_self_contained_accessible_and_fits_a_phone(page_factory, name: str, path: str) -> None:  # type: ignore[no-untyped-def]
    page = page_factory(path, axe=True)
    assert page.outside == [], f"{name}: requests to other hosts"
    assert page.violations == [], f"{name}: Content-Security-Policy violations"
    csp = page.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content")
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == [], f"{name}: axe-core"
    # Every page ends with its date and a way to report a problem with it, carrying the page's own address.
    report = page.get_by_role("link", name="Báo lỗi trang này" if not path.startswith("en/") else
                              "Report a problem with this page")
    href = unquote(report.get_attribute("href") or "")
    assert href.startswith("mailto:cchc@khanhhoa.gov.vn?subject=")
    assert "https://cchc.khanhhoa.gov.vn/" + path.split("?")[0] in href
    assert page.locator(".cchc-last-updated time").count() == 1
    page.context.close()

    phone = page_factory(path, width=360)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360, f"{name}: scrolls sideways at 360 px"
    cut = phone.evaluate(CUT_OFF)
    assert cut == [], f"{name}: content cut off or hidden at 360 px: {cut}"
    phone.context.close()


# What a 360 px screen does not show in full: every visible element whose right edge is past the viewport, and
# every element that clips or scrolls its own content sideways (a table scrolling inside itself counts: part of
# it is off-screen). Left out: text for screen readers only, the menu drawer while it is closed (off-screen on
# purpose), and Material's header title, which ends in an ellipsis by design and says the site's name and the
# page's title, both shown in full below it (the page's h1 is checked here).
CUT_OFF = """() => {
  const width = document.documentElement.clientWidth;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const drawerClosed = !document.getElementById('__drawer').checked;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || !box.width || !box.height) continue;
    if (box.width <= 1 && box.height <= 1) continue; // text for screen readers only (.cchc-visually-hidden)
    if (drawerClosed && el.closest('.md-sidebar--primary')) continue; // the closed menu drawer, off-screen left
    if (box.right > width + 0.5) out.push(`${name(el)} ends at ${Math.round(box.right)} px`);
    const sideways = /hidden|clip|auto|scroll/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const ellipsis = style.textOverflow === 'ellipsis' && el.closest('.md-header');
    if (sideways && !ellipsis) out.push(`${name(el)} hides ${el.scrollWidth - el.clientWidth} px (${style.overflowX})`);
  }
  const h1 = document.querySelector('article h1');
  if (h1 && h1.scrollWidth > h1.clientWidth + 1) out.push('the h1 is cut off');
  return out.slice(0, 10);
}"""


def test_phone_tables_are_cards_with_every_label(page_factory) -> None:  # type: ignore[no-untyped-def]
    """At 360 px the wide tables (document register, home, a procedure's fees) show each row as a card: every
    cell with its column's heading, read from the data-label the build wrote."""
    for path, heading in (("van-ban/", "Số hiệu"), ("", "Chỉ số cải cách hành chính"),
                          ("en/thu-tuc/dang-ky-khai-sinh-1.001193/", "Fees and charges")):
        page = page_factory(path, width=360)
        cells = page.evaluate("""() => [...document.querySelectorAll('article td')].map(td => [
            td.dataset.label, getComputedStyle(td, '::before').content, getComputedStyle(td).display,
            td.closest('table').querySelector('thead').offsetParent === null])""")
        assert cells and all(label and before == f'"{label}"' and display == "block" and head_hidden
                             for label, before, display, head_hidden in cells), (path, cells[:4])
        assert heading in {label for label, *_ in cells}, (path, heading)
        page.context.close()
    wide = page_factory("van-ban/", width=1280)
    assert wide.evaluate("getComputedStyle(document.querySelector('article td')).display") == "table-cell"
    wide.context.close()


def test_leaflet_preview_fits_the_screen(page_factory) -> None:  # type: ignore[no-untyped-def]
    """On screen the two A4 sheets are zoomed to the width of the content, on a phone as on a desktop (print keeps
    them at full size: tests/test_leaflet.py)."""
    a4_width = 297 / 25.4 * 96
    for width in (360, 1280):
        page = page_factory("to-roi/", width=width)
        sheets = page.evaluate("""() => [...document.querySelectorAll('.cchc-sheet')].map(s => {
            const box = s.getBoundingClientRect(); return [box.left, box.right, box.width]; })""")
        room = page.evaluate("document.querySelector('.cchc-leaflet').clientWidth")
        assert len(sheets) == 2, sheets
        for left, right, sheet_width in sheets:
            assert 0 <= left and right <= width and sheet_width <= room + 0.5, (width, sheets, room)
            assert sheet_width >= min(room, a4_width) * 0.98, ("the sheet fills the width", width, sheets, room)
        page.context.close()


def test_404_page_is_self_contained(page_factory) -> None:  # type: ignore[no-untyped-def]
    page = page_factory("no-such-page/")
    assert page.outside == [] and page.violations == []
    page.context.close()


def test_keyboard_reaches_skip_link_menus_and_language_switcher(page_factory) -> None:  # type: ignore[no-untyped-def]
    page = page_factory("mot-cua/")
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.className + ' ' + document.activeElement.getAttribute('href')")
    assert "md-skip" in first, "the first Tab stop is the skip link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle + ' ' + "
                            "getComputedStyle(document.activeElement).transform")
    assert outline.split()[0] != "none" or "matrix" in outline, "the skip link shows when focused"
    # Tab on: the language switcher's English link and the navigation tabs are reachable, and focus is visible.
    reached, styles = set(), set()
    for _ in range(40):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const a = document.activeElement; const s = getComputedStyle(a);
            return [a.getAttribute('hreflang') || '', a.textContent.trim(), s.outlineStyle, s.outlineWidth]; }""")
        reached.add(info[0] or info[1])
        if info[1] == "Nơi nộp hồ sơ":
            styles.add((info[2], info[3]))
    assert "en" in reached, "the language switcher's English link is reachable by keyboard"
    assert "Tin tức" in reached, "the navigation tabs are reachable by keyboard"
    assert styles and all(style != "none" and width != "0px" for style, width in styles), "focus is visible"


def test_home_page_is_built_from_the_data(base_url, page_factory) -> None:  # type: ignore[no-untyped-def]
    feedback = yaml.safe_load((ROOT / "data/feedback.yml").read_text(encoding="utf-8"))
    page = page_factory("")
    text = page.inner_text("article")
    for line in feedback["duong_day_nong"]:
        assert line["dien_thoai"] in text
    assert page.locator('a[href="tel:+842583822000"]').count() >= 1
    assert "Tin mới" in text and "Thủ tục mới công bố, sửa đổi" in text and "PAR INDEX" in text
    # The search box leads to the search page with the query.
    page.fill("#cchc-home-q", "khai sinh")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=khai+sinh")
    footer = page.inner_text("footer")
    assert "Sở Nội vụ tỉnh Khánh Hòa" in footer and "Tuyên bố về khả năng tiếp cận" in footer
    page.context.close()


def test_fonts_are_served_by_the_site(page_factory, base_url) -> None:  # type: ignore[no-untyped-def]
    page = page_factory("")
    loaded = page.evaluate("document.fonts.ready.then(() => [...document.fonts].filter(f => f.status === 'loaded')"
                           ".map(f => f.family + ' ' + f.weight))")
    assert any("Be Vietnam Pro" in f for f in loaded), json.dumps(loaded)
    page.context.close()
