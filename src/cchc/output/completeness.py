"""After a build: every record is in every output it belongs to, or the build fails.

Its own page (checked by ``pages.missing_outputs``), its browse lists, the finder's data, the search index
and the feeds up to their limit. Reads the written files, so it catches what a template or a tool dropped.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from cchc.content.catalogue import Catalogue
from cchc.content.online import online_state
from cchc.site.addresses import (
    FINDER_DATA,
    OPEN_DATA_DIR,
    PAGEFIND_DIR,
    agency_uri,
    feed_paths,
    field_uri,
    level_uri,
    online_uri,
    output_path,
    page_url,
    procedure_uri,
)
from cchc.site.opendata import TABLES


def _read(site: Path, src_uri: str) -> str:
    path = site / output_path(src_uri)
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _feed_ids(site: Path, rel: str) -> set[str]:
    path = site / rel
    if not path.is_file():
        return set()
    return {(guid.text or "") for guid in ET.parse(path).getroot().iter("guid")}


def missing_from_outputs(cat: Catalogue, lang: str, site: Path, feed_limit: int, tag: str) -> list[str]:
    """What is missing where, one line each; ``tag`` makes a story's feed id (FeedContext.tag)."""
    out: list[str] = []
    browse_cache: dict[str, str] = {}

    def browse(uri: str) -> str:
        if uri not in browse_cache:
            browse_cache[uri] = _read(site, uri)
        return browse_cache[uri]

    finder = {row[2] for row in json.loads((site / FINDER_DATA).read_text(encoding="utf-8"))["items"]} \
        if (site / FINDER_DATA).is_file() else set()
    for code, proc in sorted(cat.procedures.items()):
        anchor = page_url(procedure_uri(proc)).rstrip("/").rsplit("/", 1)[-1] + '/"'
        lists = [field_uri(proc.linh_vuc), online_uri(online_state(proc))]
        lists += [level_uri(lv) for lv in proc.cap_thuc_hien] + [agency_uri(a) for a in proc.co_quan_thuc_hien]
        for uri in lists:
            if anchor not in browse(uri):
                out.append(f"procedure {code} is missing from the list {uri}")
        if code not in finder:
            out.append(f"procedure {code} is missing from the finder's data {FINDER_DATA}")

    stories = cat.stories_in(lang)
    paths = feed_paths(cat)
    news_ids = _feed_ids(site, paths["news"][0])
    for story in stories[:feed_limit]:
        if tag + f"tin-tuc/{story.item.khoa}" not in news_ids:
            out.append(f"story {story.item.khoa} is missing from the feed {paths['news'][0]}")
    for cid in cat.categories:
        members = [s for s in stories if s.item.chuyen_muc == cid][:feed_limit]
        ids = _feed_ids(site, paths[cid][0])
        out += [f"story {s.item.khoa} is missing from the feed {paths[cid][0]}" for s in members
                if tag + f"tin-tuc/{s.item.khoa}" not in ids]
    changes = sum(len(s.cong_bo_moi) + len(s.sua_doi) + len(s.thay_the) + len(s.bai_bo) for s in cat.sets.values())
    if len(_feed_ids(site, paths["changes"][0])) != min(changes, feed_limit):
        out.append(f"the feed {paths['changes'][0]} does not hold the {min(changes, feed_limit)} newest changes")
    return out


def missing_from_search(site: Path) -> list[str]:
    """The search index must hold every page marked for it (checked once Pagefind has run)."""
    out: list[str] = []
    entry = site / PAGEFIND_DIR / "pagefind-entry.json"
    indexed = sum(1 for page in site.rglob("*.html") if "data-pagefind-body" in page.read_text(encoding="utf-8"))
    counted = 0
    if entry.is_file():
        counted = sum(int(lang_info.get("page_count", 0))
                      for lang_info in json.loads(entry.read_text(encoding="utf-8")).get("languages", {}).values())
    if counted != indexed:
        out.append(f"the search index holds {counted} pages, but {indexed} pages are marked for it")
    return out



def missing_from_open_data(cat: Catalogue, site: Path) -> list[str]:
    """Records absent from the open-data JSON files written in ``site`` (each table that stands for a kind of
    record holds every record of that kind)."""
    expected = {"procedure": set(cat.procedures), "set": set(cat.sets), "document": set(cat.documents),
                "story": {f"{s.lang}:{s.item.khoa}" for s in cat.stories}}
    out: list[str] = []
    for table in TABLES:
        if not table.record:
            continue
        path = site / OPEN_DATA_DIR / f"{table.name}.json"
        rows = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []
        found = {f"{r['ngon_ngu']}:{r['khoa']}" if table.record == "story" else r[table.key] for r in rows}
        out += [f"{table.record} {key} is missing from the open data {path.name}"
                for key in sorted(expected[table.record] - found)]
    return out
