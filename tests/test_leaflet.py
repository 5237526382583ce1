"""The leaflet (tờ rơi) and print: the browser prints exactly two A4 landscape sheets, no panel overflows, the data
is on it, the QR codes decode to the right addresses, the build's PDF has the same two pages, an edit to the
data reaches all three; a long procedure prints as a clean checklist."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_site
from pypdf import PdfReader

from cchc.content.catalogue import load_catalogue
from cchc.content.problems import ContentError
from cchc.i18n import LANGUAGE_PREFIXES, LANGUAGES
from cchc.site.addresses import LEAFLET
from cchc.site.leaflet import PDF_NAME

A4_LANDSCAPE = (842, 595)  # points, rounded


def pdf_pages(data: bytes) -> list[tuple[int, int]]:
    reader = PdfReader(io.BytesIO(data))
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]


def pdf_text(data: bytes) -> str:
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", "", text)  # pypdf spaces out Vietnamese letters; compare without whitespace


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def data(name: str, root: Path = ROOT) -> dict:
    return yaml.safe_load((root / "data" / name).read_text(encoding="utf-8"))


@pytest.fixture
def leaflet_page(browser, base_url):  # type: ignore[no-untyped-def]
    pages = []

    def open_page(lang: str = "vi", scale: float = 1):  # type: ignore[no-untyped-def]
        context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=scale)
        page = context.new_page()
        page.goto(base_url + ("en/" if lang == "en" else "") + "to-roi/", wait_until="networkidle")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        pages.append(context)
        return page

    yield open_page
    for context in pages:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_browser_print_is_two_a4_landscape_sheets(leaflet_page, lang: str) -> None:  # type: ignore[no-untyped-def]
    page = leaflet_page(lang)
    page.emulate_media(media="print")
    assert pdf_pages(page.pdf(prefer_css_page_size=True)) == [A4_LANDSCAPE, A4_LANDSCAPE]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_panel_overflows(leaflet_page, lang: str) -> None:  # type: ignore[no-untyped-def]
    page = leaflet_page(lang)
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        overflow = page.evaluate("""() => [...document.querySelectorAll('.cchc-panel')].flatMap(panel => {
            const box = panel.getBoundingClientRect();
            const out = panel.scrollHeight > panel.clientHeight + 1 ? [panel.className + ' scrolls'] : [];
            for (const el of panel.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                if (r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5 || r.left < box.left - 0.5)
                    out.push(panel.className + ': ' + el.tagName + ' ' + el.textContent.slice(0, 40));
            }
            return out; })""")
        assert overflow == [], media
        assert page.locator(".cchc-panel").count() == 6


@pytest.mark.browser
def test_the_data_is_on_the_leaflet(leaflet_page) -> None:  # type: ignore[no-untyped-def]
    page = leaflet_page("vi")
    text = page.inner_text(".cchc-leaflet")
    for line in data("feedback.yml")["duong_day_nong"]:
        assert line["dien_thoai"] in text
    catalogue = load_catalogue(ROOT)
    for code in data("leaflet.yml")["thu_tuc"]:
        assert f"({code})" in text
        assert catalogue.procedures[code].ten.vi.removeprefix("Thủ tục ")[1:] in text
    assert data("leaflet.yml")["khau_hieu"]["vi"] in text
    assert catalogue.province.ten_day_du.vi.upper() in text.upper()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_qr_codes_decode_to_the_right_addresses(leaflet_page, lang: str) -> None:  # type: ignore[no-untyped-def]
    import zxingcpp
    from PIL import Image

    page = leaflet_page(lang, scale=3)
    catalogue = load_catalogue(ROOT)
    expected = {
        "qr-site": "https://cchc.khanhhoa.gov.vn/" + ("en/" if lang == "en" else ""),
        "qr-portal": catalogue.province.cong_dvc_tinh,
        "qr-feedback": data("feedback.yml")["he_thong_quoc_gia"],
    }
    for ident, url in expected.items():
        # The preview is zoomed to the screen (cchc.css), where Playwright's element screenshot can miss the
        # element: the page's own screenshot, clipped to the element's box, shows what the reader sees.
        box = page.locator(f"#{ident}").bounding_box()
        shot = page.screenshot(full_page=True, clip=box)
        found = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))]
        assert found == [url], ident
        assert page.locator(f"#{ident}").get_attribute("aria-label") == f"{'Mã QR' if lang == 'vi' else 'QR code'}: {url}"


def test_built_pdfs_have_the_two_sheets(built_site: Path) -> None:
    for lang, folder in (("vi", built_site), ("en", built_site / "en")):
        pdf = (folder / "to-roi" / PDF_NAME[lang]).read_bytes()
        assert pdf_pages(pdf) == [A4_LANDSCAPE, A4_LANDSCAPE]
        text = pdf_text(pdf)
        for line in data("feedback.yml")["duong_day_nong"]:
            assert squash(line["dien_thoai"]) in text
        for code in data("leaflet.yml")["thu_tuc"]:
            assert f"({code})" in text
        page = (folder / "to-roi/index.html").read_text(encoding="utf-8")
        assert f'href="{PDF_NAME[lang]}"' in page


def test_an_edit_to_the_data_reaches_preview_print_and_pdf(site_copy: Path, browser) -> None:  # type: ignore[no-untyped-def]
    feedback = site_copy / "data/feedback.yml"
    feedback.write_text(feedback.read_text(encoding="utf-8").replace('"0258 3822 000"', '"0258 3999 777"', 1),
                        encoding="utf-8")
    leaflet = site_copy / "data/leaflet.yml"
    leaflet.write_text(leaflet.read_text(encoding="utf-8").replace('  - "1.000656"\n', '  - "2.000986"\n'),
                       encoding="utf-8")
    site = build_site(site_copy)
    html = (site / "to-roi/index.html").read_text(encoding="utf-8")
    assert "0258 3999 777" in html and "(2.000986)" in html and "(1.000656)" not in html
    pdf = (site / "to-roi" / PDF_NAME["vi"]).read_bytes()
    assert pdf_pages(pdf) == [A4_LANDSCAPE, A4_LANDSCAPE]
    assert "02583999777" in pdf_text(pdf) and "(2.000986)" in pdf_text(pdf)
    from benchmarks.search import serve

    with serve(site) as base:
        page = browser.new_page()
        page.goto(base + "to-roi/", wait_until="networkidle")
        assert "0258 3999 777" in page.inner_text(".cchc-leaflet")
        page.emulate_media(media="print")
        assert pdf_pages(page.pdf(prefer_css_page_size=True)) == [A4_LANDSCAPE, A4_LANDSCAPE]
        page.close()


def test_leaflet_data_errors(site_copy: Path) -> None:
    leaflet = site_copy / "data/leaflet.yml"
    text = leaflet.read_text(encoding="utf-8")
    leaflet.write_text(text.replace('  - "1.000656"\n', '  - "9.999999"\n').replace(
        "[trung-tam-phvhcc, ", "[trung-tam-xyz, "), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_catalogue(site_copy)
    found = [str(p) for p in info.value.problems]
    lines = leaflet.read_text(encoding="utf-8").splitlines()
    code_line = next(i for i, ln in enumerate(lines, 1) if "9.999999" in ln)
    centre_line = next(i for i, ln in enumerate(lines, 1) if "trung-tam-xyz" in ln)
    assert f"data/leaflet.yml:{code_line}: thu_tuc[5]: unknown procedure code '9.999999'; allowed: an id listed in " \
           "procedures/" in found
    assert any(p.startswith(f"data/leaflet.yml:{centre_line}: diem_tiep_nhan[0]: unknown centre 'trung-tam-xyz'")
               for p in found), found
    nine = text.replace('  - "1.000656"\n', '  - "1.000656"\n' + '  - "1.000080"\n' * 3)
    leaflet.write_text(nine, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_catalogue(site_copy)
    assert any("thu_tuc: " in str(p) and "at most 8" in str(p) for p in info.value.problems), info.value.problems


@pytest.mark.browser
def test_a_long_procedure_prints_clean_and_whole(browser, base_url, built_site: Path) -> None:  # type: ignore[no-untyped-def]
    pages = sorted(built_site.glob("thu-tuc/*-[0-9].*/index.html"), key=lambda p: p.stat().st_size)
    longest = pages[-1].parent.relative_to(built_site).as_posix() + "/"
    context = browser.new_context(viewport={"width": 794, "height": 1123})  # A4 portrait at 96 dpi
    page = context.new_page()
    page.goto(base_url + longest, wait_until="networkidle")
    assert page.locator(".cchc-print").is_visible(), "the print button shows on screen"
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary',
        '.md-footer', '.cchc-print', '.cchc-report'].map(s => document.querySelector(s))
        .filter(e => e && getComputedStyle(e).display !== 'none').map(e => e.className)""")
    assert hidden == [], "navigation, search, header and footer clutter stay off the paper"
    clipped = page.evaluate("""() => [...document.querySelectorAll('article *')].filter(e =>
        e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'
        && e.clientWidth > 0).map(e => e.tagName + '.' + e.className)""")
    assert clipped == [], "no text is cut off at the side"
    assert page.evaluate("document.documentElement.scrollWidth") <= 794
    assert page.locator(".cchc-print-only").inner_text() == "https://cchc.khanhhoa.gov.vn/" + longest
    assert page.locator(".task-list-item").count() > 0, "the documents print as a checklist"
    pdf = page.pdf(prefer_css_page_size=True)
    text = pdf_text(pdf)
    headings = page.evaluate("[...document.querySelectorAll('article h2')].map(h => h.textContent.replace('¶', ''))")
    last = squash(headings[-1])
    assert last in text, "the last section reaches the paper"
    sizes = set(pdf_pages(pdf))
    assert sizes == {(595, 842)}, "procedure pages print on A4 portrait"
    context.close()


def test_a_printer_closed_early_is_closed_once(built_site: Path, tmp_path: Path) -> None:
    """The build closes Chromium as soon as the leaflets are printed (so its memory is gone while Pagefind
    finishes), then again on its way out: the second close must be harmless."""
    import datetime as dt

    from cchc.output.pdf import Printer

    printer = Printer().start()
    folders = {"": built_site, "out/": tmp_path}  # the PDF goes to tmp_path, not into the shared site
    printer.print(folders, "https://localhost/", [("to-roi/", "out/copy.pdf")], dt.date(2026, 1, 2))
    printer.close()
    printer.close()
    assert pdf_pages((tmp_path / "copy.pdf").read_bytes()) == [A4_LANDSCAPE, A4_LANDSCAPE]


def test_the_pdf_printed_without_scripts_is_the_one_printed_with_them(built_site: Path, tmp_path: Path,
                                                                     browser) -> None:  # type: ignore[no-untyped-def]
    """The build prints with scripts off (less of Chromium's time); the print stylesheet alone must lay the
    leaflet out, so the file is byte for byte what a print with Material's scripts running gives."""
    import datetime as dt

    from cchc.output.pdf import _print

    asked: list[dict[str, object]] = []

    class Recording:  # the shared browser, noting the options the printer asks its page context for
        def new_context(self, **options: object):  # type: ignore[no-untyped-def]
            asked.append(options)
            return browser.new_context(**options)

    class ScriptsOn:
        def new_context(self, **options: object):  # type: ignore[no-untyped-def]
            return browser.new_context()

    folders = {"": built_site, "out/": tmp_path}
    when = dt.date(2026, 1, 2)
    for lang in LANGUAGES:
        page = LANGUAGE_PREFIXES[lang] + LEAFLET.removesuffix("index.md")
        _print(Recording(), folders, "https://localhost/", [(page, f"out/off-{lang}.pdf")], when)
        _print(ScriptsOn(), folders, "https://localhost/", [(page, f"out/on-{lang}.pdf")], when)
        off, on = (tmp_path / f"off-{lang}.pdf").read_bytes(), (tmp_path / f"on-{lang}.pdf").read_bytes()
        assert pdf_pages(off) == [A4_LANDSCAPE, A4_LANDSCAPE]
        assert off == on, f"{lang}: the leaflet prints differently without scripts"
    assert asked == [{"java_script_enabled": False}] * len(LANGUAGES), "the build prints with scripts off"


def test_one_language_prints_its_own_leaflet_from_its_own_build(built_site: Path, tmp_path: Path) -> None:
    """The build prints a language's leaflet as soon as that language is built, from its own folder and dated
    by its own page: only that language's PDF is written, with both sheets."""
    import shutil

    from cchc.output.leaflet_pdf import leaflet_pdfs

    english = tmp_path / "en"
    shutil.copytree(built_site / "en", english)
    pdf = english / LEAFLET.removesuffix("index.md") / PDF_NAME["en"]
    pdf.unlink()
    leaflet_pdfs(built_site.parent, {"en": english}, cache=False)  # printed, not taken from the build's cache
    assert pdf_pages(pdf.read_bytes()) == [A4_LANDSCAPE, A4_LANDSCAPE]
    assert pdf.read_bytes() == (built_site / "en" / LEAFLET.removesuffix("index.md") / PDF_NAME["en"]).read_bytes()
    assert sorted(p.name for p in tmp_path.rglob("*.pdf")) == [PDF_NAME["en"]]


def test_a_kept_print_is_reused_only_while_everything_it_was_printed_from_is_unchanged(
        built_site: Path, tmp_path: Path) -> None:
    """The build keeps each leaflet print with the hash of every file Chromium loaded for it. The next print of the
    same page, date and public address reuses it without starting Chromium, unless the page, a stylesheet, a font
    or an image has changed, or the kept files are damaged: then it prints again."""
    import datetime as dt
    import json
    import shutil

    from cchc.output.pdf import PdfCache, Printer, print_pdfs

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    cache = PdfCache(tmp_path / "cache")
    out = site / "to-roi" / PDF_NAME["vi"]
    job = [("to-roi/", "to-roi/" + PDF_NAME["vi"])]
    when = dt.date(2026, 1, 2)

    def print_once(day: dt.date = when, url: str = "https://cchc.example.vn/") -> bool:
        """Prints (or reuses) the Vietnamese leaflet; True when Chromium had to start."""
        out.unlink(missing_ok=True)
        with Printer() as printer:
            print_pdfs(site, url, job, day, printer, cache)
            started = printer.started
        assert pdf_pages(out.read_bytes()) == [A4_LANDSCAPE, A4_LANDSCAPE]
        return started

    assert print_once(), "nothing kept yet: printed"
    first = out.read_bytes()
    record = json.loads(next((tmp_path / "cache").glob("*/print.json")).read_text(encoding="utf-8"))
    loaded = set(record["loaded"])
    assert "https://cchc.example.vn/to-roi/" in loaded
    assert any(u.endswith(".css") for u in loaded) and any(u.endswith(".woff2") for u in loaded)

    assert not print_once(), "unchanged: reused without Chromium"
    assert out.read_bytes() == first
    (site / "tin-tuc" / "index.html").write_text("changed", encoding="utf-8")  # not on the leaflet
    assert not print_once()

    assert print_once(day=dt.date(2026, 1, 3)), "another date: printed"
    assert print_once(url="https://cchc.example.gov.vn/"), "another public address: printed"
    assert not print_once(url="https://cchc.example.gov.vn/")

    css = site / "assets" / "stylesheets" / "cchc.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.cchc-leaflet h2 { letter-spacing: 0.02em; }\n",
                   encoding="utf-8")
    assert print_once(url="https://cchc.example.gov.vn/"), "a stylesheet changed: printed"
    font = next((site / "assets" / "fonts").glob("*vietnamese-400*.woff2"))
    font.write_bytes(font.read_bytes() + b"\0")
    assert print_once(url="https://cchc.example.gov.vn/"), "a font changed: printed"
    page = site / "to-roi" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", " </h1>", 1), encoding="utf-8")
    assert print_once(url="https://cchc.example.gov.vn/"), "the page changed: printed"
    assert not print_once(url="https://cchc.example.gov.vn/")

    kept = next((tmp_path / "cache").glob("*/print.pdf"))
    kept.write_bytes(kept.read_bytes()[:-10])
    assert print_once(url="https://cchc.example.gov.vn/"), "a damaged kept PDF is not used"
    kept.parent.joinpath("print.json").write_text("{", encoding="utf-8")
    assert print_once(url="https://cchc.example.gov.vn/"), "a damaged record is not used"


def test_the_build_keeps_its_leaflet_prints_in_the_site_folder(built_site: Path) -> None:
    """`make build` keeps each language's print in .cache/leaflet-pdf (git-ignored), the same bytes as the PDF it
    published, with the page, stylesheets and fonts each one loaded (the languages are printed in one browser page
    one after the other, so the second must not have taken the first one's files from a cache)."""
    import json

    from cchc.output.leaflet_pdf import CACHE

    records = [json.loads(p.read_text(encoding="utf-8")) for p in (built_site.parent / CACHE).glob("*/print.json")]
    assert sorted(r["page"] for r in records) == sorted(LANGUAGE_PREFIXES[lang] + "to-roi/" for lang in LANGUAGES)
    for record in records:
        loaded = [url.rsplit("/", 1)[-1] for url in record["loaded"]]
        assert "" in loaded and any(n.endswith(".css") for n in loaded) and any(n.endswith(".woff2") for n in loaded)
    kept = {p.read_bytes() for p in (built_site.parent / CACHE).glob("*/print.pdf")}
    published = {(built_site / LANGUAGE_PREFIXES[lang] / "to-roi" / PDF_NAME[lang]).read_bytes() for lang in LANGUAGES}
    assert kept == published
    assert ".cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
