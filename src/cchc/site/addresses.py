"""Every address of the site, in one place: the docs-tree path of each generated page (``*.md``, as MkDocs sees
it), and how MkDocs turns such a path into the written file and its directory URL.

Pages of the sections are named here and nowhere else; a story's address is the path of its own file under
``docs/tin-tuc/`` (cchc.content.news), so an editor sees it in the repository.
"""

from __future__ import annotations

import posixpath

from cchc.content.catalogue import Catalogue
from cchc.content.models import Procedure
from cchc.content.news import NEWS_DIR, category_dir
from cchc.text import slugify

# --- the fixed pages ------------------------------------------------------------------------------------------
HOME = "index.md"
CENTRES = "mot-cua/index.md"  # the centres page; each centre's id is its anchor there
FEEDBACK = "phan-anh-kien-nghi/index.md"
INDICES = "chi-so/index.md"
FAQ = "hoi-dap/index.md"
COMMITTEE = "ban-chi-dao/index.md"
ONLINE = "dich-vu-cong/index.md"
LEAFLET = "to-roi/index.md"
NEWS_INDEX = "tin-tuc/index.md"
SEARCH = "tim-kiem/index.md"
PAGEFIND_DIR = "pagefind"  # the search index inside each language's build

# --- procedures -----------------------------------------------------------------------------------------------
PROCEDURES_BASE = "thu-tuc"
_MAX_SLUG = 80
FINDER_DATA = "thu-tuc/tim-thu-tuc/thu-tuc.json"
SYNONYMS_DATA = "tim-kiem/dong-nghia.json"  # citizens' words -> official terms, read by the search script


def procedure_uri(proc: Procedure) -> str:
    """Stable, readable address: the Vietnamese name's slug plus the code, which keeps it unique."""
    # Many national names begin with "Thủ tục", which the folder name already says.
    slug = slugify(proc.ten.vi).removeprefix("thu-tuc-")
    if len(slug) > _MAX_SLUG:
        slug = slug[:_MAX_SLUG].rsplit("-", 1)[0]
    return f"{PROCEDURES_BASE}/{slug}-{proc.ma_thu_tuc}.md"


def field_uri(field_id: str) -> str:
    return f"{PROCEDURES_BASE}/linh-vuc/{field_id}.md"


def level_uri(level_id: str) -> str:
    return f"{PROCEDURES_BASE}/cap/{level_id}.md"


def agency_uri(agency_id: str) -> str:
    return f"{PROCEDURES_BASE}/co-quan/{agency_id}.md"


def online_uri(level: str) -> str:
    return f"{PROCEDURES_BASE}/muc-do/{level}.md"


def set_uri(set_id: str) -> str:
    return f"{PROCEDURES_BASE}/bo-thu-tuc/{set_id}.md"


def index_uri() -> str:
    return f"{PROCEDURES_BASE}/index.md"


def search_uri() -> str:
    return "tim-kiem.md"


def finder_uri() -> str:
    return "thu-tuc/tim-thu-tuc.md"


# --- legal documents ------------------------------------------------------------------------------------------
DOCUMENTS_BASE = "van-ban"


def document_uri(doc_id: str) -> str:
    return f"{DOCUMENTS_BASE}/{doc_id}.md"


def documents_index_uri() -> str:
    return f"{DOCUMENTS_BASE}/index.md"


def type_uri(kind: str) -> str:
    return f"{DOCUMENTS_BASE}/loai/{kind}.md"


def document_year_uri(year: int) -> str:
    return f"{DOCUMENTS_BASE}/nam/{year}.md"


def status_uri(status: str) -> str:
    return f"{DOCUMENTS_BASE}/tinh-trang/{status}.md"


# --- news lists -----------------------------------------------------------------------------------------------

def news_index_uri(page: int = 1) -> str:
    return f"{NEWS_DIR}/index.md" if page == 1 else f"{NEWS_DIR}/trang-{page}.md"


def category_uri(category: str, page: int = 1) -> str:
    return category_dir(category) + ("index.md" if page == 1 else f"trang-{page}.md")


def news_year_uri(year: int, page: int = 1) -> str:
    return f"{NEWS_DIR}/{year}/index.md" if page == 1 else f"{NEWS_DIR}/{year}/trang-{page}.md"


def feeds_page_uri() -> str:
    return f"{NEWS_DIR}/kenh-tin.md"


# --- feeds ----------------------------------------------------------------------------------------------------
FEEDS_DIR = "feeds"


def feed_paths(cat: Catalogue) -> dict[str, tuple[str, str]]:
    """{feed key: (RSS path, Atom path)} inside a language's build: 'news', each category id, 'changes'."""
    keys = ["news", *sorted(cat.categories, key=lambda c: (cat.categories[c].thu_tu, c)), "changes"]
    names = {"news": "tin-tuc", "changes": "thay-doi-thu-tuc"}
    return {k: (f"{FEEDS_DIR}/{names.get(k, k)}.rss.xml", f"{FEEDS_DIR}/{names.get(k, k)}.atom.xml") for k in keys}


# --- from a page's path to its file and URL ---------------------------------------------------------------------

def output_path(src_uri: str) -> str:
    """Where MkDocs (with directory URLs) writes a page: 'thu-tuc/x.md' -> 'thu-tuc/x/index.html'."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def page_url(src_uri: str) -> str:
    """The directory URL MkDocs gives a page: 'tin-tuc/2026/x.md' -> 'tin-tuc/2026/x/'."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/"


def url_from_page(src_uri: str, target: str) -> str:
    """A URL for raw HTML on the page written for ``src_uri``, relative to its directory URL (MkDocs rewrites
    Markdown links, not raw HTML ones)."""
    return posixpath.relpath(target, page_url(src_uri).rstrip("/") or ".")


# --- open data and share images ---------------------------------------------------------------------------------
OPEN_DATA = "du-lieu-mo/index.md"  # the "Dữ liệu mở" / "Open data" page
OPEN_DATA_DIR = "du-lieu-mo/tai-ve"  # its CSV, JSON, datapackage.json, dcat.jsonld and schemas
SHARE_DIR = "assets/chia-se"  # link-preview images (cchc.output.share_images)


def share_image_path(kind: str, key: str) -> str:
    """A share image inside a language's build: kind 'tin' (a story), 'linh-vuc' (a field), 'muc' (a section)."""
    return f"{SHARE_DIR}/{kind}/{key}.jpg"
