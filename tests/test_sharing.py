"""Link previews, structured data, share images and open data of the built sample site, read with the tools
their readers use: extruct (OpenGraph, JSON-LD), frictionless (the data package), rdflib (the DCAT catalogue),
Pillow (the images) and a browser (a story's preview against what the page shows)."""

from __future__ import annotations

import csv
import json
import re
from html import escape
from pathlib import Path

import extruct
import pytest
import rdflib
from conftest import site_pages
from frictionless import Package
from PIL import Image

from cchc.content.catalogue import load_catalogue
from cchc.output.share_images import render, wrap
from cchc.site.opendata import TABLES
from cchc.site.sharing import ShareCard
from cchc.site.structured import script

HAI_CAP = "tin-tuc/2025/chinh-quyen-hai-cap-van-hanh/index.html"
SITE_DESCRIPTION = "Thông tin cải cách hành chính, thủ tục hành chính và dịch vụ công của tỉnh Khánh Hòa"
DATA = "du-lieu-mo/tai-ve"


def pages(site: Path) -> list[Path]:
    return [p for p in site_pages(site, "index.html") if "pagefind" not in p.parts]


def extract(page: Path) -> dict:  # type: ignore[type-arg]
    return extruct.extract(page.read_text(encoding="utf-8"), syntaxes=["opengraph", "json-ld"], uniform=True)


def og(data: dict) -> dict[str, str]:  # type: ignore[type-arg]
    (found,) = data["opengraph"]
    return {k: v for k, v in found.items() if isinstance(v, str)}


def graph(data: dict) -> list[dict]:  # type: ignore[type-arg]
    (block,) = data["json-ld"]
    return list(block["@graph"])


def local(site: Path, url: str) -> Path:
    rel = url.removeprefix("https://cchc.khanhhoa.gov.vn/")
    return site / rel


def test_every_page_has_its_own_description_and_a_complete_preview(built_site: Path) -> None:
    found = pages(built_site)
    assert len(found) > 150
    images: set[str] = set()
    for page in found:
        data = extract(page)
        tags = og(data)
        for key in ("og:title", "og:description", "og:url", "og:image", "og:image:alt", "og:locale",
                    "og:locale:alternate"):
            assert tags.get(key), (page, key)
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630"), page
        html = page.read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{tags["og:url"]}">' in html, page
        assert '<meta name="twitter:card" content="summary_large_image">' in html, page
        assert tags["og:locale"] == ("en_US" if "/en/" in tags["og:url"] else "vi_VN"), page
        types = {item["@type"] for item in graph(data)}
        assert {"GovernmentOrganization", "BreadcrumbList"} <= types, page
        images.add(tags["og:image"])
        if "/thu-tuc/" in tags["og:url"] or "/tin-tuc/20" in tags["og:url"] or "/van-ban/" in tags["og:url"]:
            assert tags["og:description"] != SITE_DESCRIPTION, page
    for url in sorted(images):
        with Image.open(local(built_site, url)) as image:
            assert image.size == (1200, 630), url


def test_procedure_story_and_office_structured_data(built_site: Path) -> None:
    cat = load_catalogue(built_site.parent)
    (proc_page,) = built_site.glob("thu-tuc/*-1.001193/index.html")
    data = extract(proc_page)
    (service,) = [i for i in graph(data) if i["@type"] == "GovernmentService"]
    proc = cat.procedures["1.001193"]
    assert service["identifier"] == "1.001193"
    assert service["name"] == proc.ten.vi
    assert service["serviceType"] == cat.fields[proc.linh_vuc].ten.vi
    assert service["areaServed"]["name"] == cat.province.ten_day_du.vi
    assert len(service["availableChannel"]) == len(proc.cach_thuc)
    assert og(data)["og:description"].startswith(cat.fields[proc.linh_vuc].ten.vi)
    story = extract(built_site / HAI_CAP)
    (article,) = [i for i in graph(story) if i["@type"] == "NewsArticle"]
    item = cat.story("vi", "chinh-quyen-hai-cap-van-hanh")
    assert item is not None
    assert article["headline"] == item.item.tieu_de
    assert article["datePublished"] == item.published.isoformat()
    tags = og(story)
    assert "<meta property=\"og:type\" content=\"article\">" in (built_site / HAI_CAP).read_text(encoding="utf-8")
    assert tags["og:description"] == item.item.sapo
    assert tags["og:image"].endswith("/assets/chia-se/tin/chinh-quyen-hai-cap-van-hanh.jpg")
    assert tags["article:published_time"] == item.published.isoformat()
    home = extract(built_site / "index.html")
    (office,) = [i for i in graph(home) if i["@type"] == "GovernmentOrganization"]
    assert office["name"] == cat.province.co_quan_chu_tri.vi and office["email"] == cat.province.email


def test_data_package_validates_and_holds_every_record(built_site: Path) -> None:
    cat = load_catalogue(built_site.parent)
    report = Package(str(built_site / DATA / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    counts = {"thu-tuc": len(cat.procedures), "bo-thu-tuc": len(cat.sets), "van-ban": len(cat.documents),
              "tin-tuc": len(cat.stories),
              "thu-tuc-cach-thuc": sum(len(p.cach_thuc) for p in cat.procedures.values()),
              "thu-tuc-can-cu": sum(len(p.can_cu_phap_ly) for p in cat.procedures.values())}
    for name, count in counts.items():
        with (built_site / DATA / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == count, name
        records = json.loads((built_site / DATA / f"{name}.json").read_text(encoding="utf-8"))
        assert len(records) == count, name
        table = next(t for t in TABLES if t.name == name)
        assert list(rows[0]) == [c.name for c in table.columns]
        schema = json.loads((built_site / DATA / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert set(schema["required"]) == set(records[0])
    assert {r["ma_thu_tuc"] for r in json.loads((built_site / DATA / "thu-tuc.json").read_text())} == set(cat.procedures)
    # Its name is the province's slug, marks folded (not dropped).
    assert json.loads((built_site / DATA / "datapackage.json").read_text(encoding="utf-8"))["name"] == "cchc-khanh-hoa"
    # The same files in the English build, byte for byte.
    for name in ("thu-tuc.csv", "datapackage.json"):
        assert (built_site / DATA / name).read_bytes() == (built_site / "en" / DATA / name).read_bytes()


def test_dcat_catalogue_loads_as_rdf(built_site: Path) -> None:
    g = rdflib.Graph()
    g.parse(built_site / DATA / "dcat.jsonld", format="json-ld")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    datasets = set(g.subjects(rdflib.RDF.type, dcat.Dataset))
    assert len(datasets) == len(TABLES)
    assert len(set(g.subjects(rdflib.RDF.type, dcat.Distribution))) == 2 * len(TABLES)
    assert len(set(g.objects(None, dcat.dataset))) == len(TABLES)


def test_open_data_page_documents_every_column(built_site: Path) -> None:
    # Cells carry their column's heading for phones (data-label): read the table without it.
    html = re.sub(r' data-label="[^"]*"', "", (built_site / "du-lieu-mo/index.html").read_text(encoding="utf-8"))
    en = re.sub(r' data-label="[^"]*"', "", (built_site / "en/du-lieu-mo/index.html").read_text(encoding="utf-8"))
    for table in TABLES:
        assert f'href="tai-ve/{table.name}.csv"' in html
        for column in table.columns:
            # Each page describes the columns in its own language; the names are Vietnamese identifiers.
            assert f"<code>{column.name}</code></td>\n<td>{column.type}</td>\n<td>{escape(column.description['vi'], quote=False)}" \
                in html, column.name
            assert f'<code lang="vi">{column.name}</code></td>\n<td>{column.type}</td>\n<td>' \
                f"{escape(column.description['en'], quote=False)}" in en, column.name
    assert "Local code" not in html and "Name (Vietnamese)" not in html
    assert "Mã thủ tục" not in en.split("<article", 1)[1]
    assert "Dataset" in {i["@type"] for i in graph(extract(built_site / "du-lieu-mo/index.html"))}


@pytest.mark.parametrize("hostile", ["</script><script>alert(1)</script>", "<!-- x", "a & b > c \u2028"])
def test_json_ld_stays_inert(hostile: str) -> None:
    out = script([{"@type": "Thing", "name": hostile}])
    body = out.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body)["@graph"][0]["name"] == hostile


@pytest.mark.parametrize(("text", "width", "most", "lines", "cut"), [
    ("Đăng ký khai sinh", 12, 2, ["Đăng ký khai", "sinh"], False),
    ("một hai ba", 2, 3, ["một", "hai", "ba"], False),  # a word wider than the line stands alone, never cut
    ("aaa bbb ccc ddd eee", 7, 2, ["aaa bbb", "ccc …"], True),  # shortened at a word, with an ellipsis
])
def test_wrap_breaks_at_spaces_only(text: str, width: int, most: int, lines: list[str], cut: bool) -> None:
    found, shortened = wrap(text, width, len, most)
    assert (found, shortened) == (lines, cut)
    for line in found:
        assert all(word in text.split() or word == "…" for word in line.split())


def test_share_image_is_1200_by_630_and_deterministic() -> None:
    root = Path(__file__).resolve().parents[1]
    card = ShareCard("x.jpg", "Chính quyền địa phương hai cấp chính thức vận hành trên địa bàn tỉnh Khánh Hòa "
                              "với nhiều thủ tục được cắt giảm, đơn giản hóa", "Tin tức", "Cải cách hành chính")
    first = render(root, card)
    assert first == render(root, card)
    from io import BytesIO

    with Image.open(BytesIO(first)) as image:
        assert image.size == (1200, 630) and image.format == "JPEG"


@pytest.mark.browser
def test_story_preview_matches_the_page(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(f"{base_url}/{HAI_CAP.removesuffix('index.html')}")
    title = page.get_attribute('meta[property="og:title"]', "content")
    description = page.get_attribute('meta[property="og:description"]', "content")
    image = page.get_attribute('meta[property="og:image"]', "content")
    assert title == page.evaluate("document.querySelector('article h1').firstChild.textContent").strip()
    assert description == page.inner_text(".cchc-sapo").strip()
    assert page.get_attribute('link[rel="canonical"]', "href") == page.get_attribute('meta[property="og:url"]', "content")
    local_image = f"{base_url}/" + image.removeprefix("https://cchc.khanhhoa.gov.vn/")
    size = page.evaluate("""async (src) => { const img = new Image(); img.src = src; await img.decode();
                            return [img.naturalWidth, img.naturalHeight]; }""", local_image)
    assert size == [1200, 630]
    page.close()
