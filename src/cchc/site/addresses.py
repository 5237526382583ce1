"""Every generated page's address: its source path in the docs tree, the URL MkDocs gives it and the file it
is written to; the feeds' and the search index's paths."""

from __future__ import annotations

import posixpath

from cchc.content.catalogue import Catalogue
from cchc.content.models import Procedure
from cchc.content.news import NEWS_DIR, category_dir
from cchc.text import slugify

BASE = "thu-tuc"
DOCUMENTS = "van-ban"
_MAX_SLUG = 80

# The fixed pages of the portal.
HOME = "index.md"
CENTRES = "mot-cua/index.md"  # the centres page (cchc.site.portal); each centre's id is its anchor there
FEEDBACK = "phan-anh-kien-nghi/index.md"
INDICES = "chi-so/index.md"
FAQ = "hoi-dap/index.md"
COMMITTEE = "ban-chi-dao/index.md"
ONLINE = "dich-vu-cong/index.md"
LEAFLET = "to-roi/index.md"
NEWS_INDEX = "tin-tuc/index.md"
SEARCH = "tim-kiem/index.md"

FINDER_DATA = "thu-tuc/tim-thu-tuc/thu-tuc.json"
FEEDS_DIR = "feeds"
PAGEFIND_DIR = "pagefind"


def procedure_uri(proc: Procedure) -> str:
    """Stable, readable address: the Vietnamese name's slug plus the code, which keeps it unique."""
    # Many national names begin with "Thủ tục", which the folder name already says.
    slug = slugify(proc.ten.vi).removeprefix("thu-tuc-")
    if len(slug) > _MAX_SLUG:
        slug = slug[:_MAX_SLUG].rsplit("-", 1)[0]
    return f"{BASE}/{slug}-{proc.ma_thu_tuc}.md"


def field_uri(field_id: str) -> str:
    return f"{BASE}/linh-vuc/{field_id}.md"


def level_uri(level_id: str) -> str:
    return f"{BASE}/cap/{level_id}.md"


def agency_uri(agency_id: str) -> str:
    return f"{BASE}/co-quan/{agency_id}.md"


def online_uri(level: str) -> str:
    return f"{BASE}/muc-do/{level}.md"


def set_uri(set_id: str) -> str:
    return f"{BASE}/bo-thu-tuc/{set_id}.md"


def index_uri() -> str:
    return f"{BASE}/index.md"


def search_uri() -> str:
    return "tim-kiem.md"


def finder_uri() -> str:
    return "thu-tuc/tim-thu-tuc.md"


def document_uri(doc_id: str) -> str:
    return f"{DOCUMENTS}/{doc_id}.md"


def documents_index_uri() -> str:
    return f"{DOCUMENTS}/index.md"


def type_uri(kind: str) -> str:
    return f"{DOCUMENTS}/loai/{kind}.md"


def document_year_uri(year: int) -> str:
    return f"{DOCUMENTS}/nam/{year}.md"


def status_uri(status: str) -> str:
    return f"{DOCUMENTS}/tinh-trang/{status}.md"


def news_index_uri(page: int = 1) -> str:
    return f"{NEWS_DIR}/index.md" if page == 1 else f"{NEWS_DIR}/trang-{page}.md"


def category_uri(category: str, page: int = 1) -> str:
    return category_dir(category) + ("index.md" if page == 1 else f"trang-{page}.md")


def news_year_uri(year: int, page: int = 1) -> str:
    return f"{NEWS_DIR}/{year}/index.md" if page == 1 else f"{NEWS_DIR}/{year}/trang-{page}.md"


def feeds_page_uri() -> str:
    return f"{NEWS_DIR}/kenh-tin.md"


def feed_paths(cat: Catalogue) -> dict[str, tuple[str, str]]:
    """{feed key: (RSS path, Atom path)} inside a language's build: 'news', each category id, 'changes'."""
    categories = cat.categories
    keys = ["news", *sorted(categories, key=lambda c: (categories[c].thu_tu, c)), "changes"]
    names = {"news": "tin-tuc", "changes": "thay-doi-thu-tuc"}
    return {k: (f"{FEEDS_DIR}/{names.get(k, k)}.rss.xml", f"{FEEDS_DIR}/{names.get(k, k)}.atom.xml") for k in keys}


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
