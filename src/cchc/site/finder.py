"""The search page (tim-kiem/) and the procedure finder (thu-tuc/tim-thu-tuc/).

Both are plain pages first: without JavaScript the search page offers the browse lists and the finder is the
browse lists; with it, assets/javascripts/cchc-search.js runs queries against the Pagefind index.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from cchc.content.catalogue import Catalogue
from cchc.content.online import online_state
from cchc.i18n import singular, t
from cchc.site.addresses import (
    FINDER_DATA,
    PAGEFIND_DIR,
    SYNONYMS_DATA,
    agency_uri,
    field_uri,
    finder_uri,
    index_uri,
    level_uri,
    online_uri,
    page_url,
    procedure_uri,
    search_uri,
    url_from_page,
)
from cchc.site.procedures import ONLINE_LEVELS
from cchc.site.writer import PageSpec, Writer, exclude_from_search, finish_markdown
from cchc.text import md_escape, sort_key

SCRIPT = "assets/javascripts/cchc-search.js"
STRING_KEYS = (
    "search_loading", "search_count", "search_none", "search_error", "search_more", "kind_procedure",
    "kind_news", "kind_document", "kind_list", "kind_page", "field", "level", "finder_count", "finder_none",
)
COUNTED_KEYS = ("search_count", "finder_count")


# What the header box's suggestions say (cchc-suggest.js): the listbox's name and the status line's messages,
# with the result kinds and labels its options' second line shares with the search page.
BOX_STRING_KEYS = ("suggest_label", "suggest_count", "suggest_none", "kind_procedure", "kind_news", "kind_document",
                   "kind_list", "kind_page", "field", "level")


def header_box(lang: str) -> dict[str, str]:
    """What the header's search form carries on every page: the search page, the Pagefind bundle and the synonyms
    file (site-root addresses; the template makes them relative) and the suggestions' strings as JSON."""
    return {
        "search": page_url(search_uri()),
        "pagefind": PAGEFIND_DIR + "/pagefind.js",
        "synonyms": SYNONYMS_DATA,
        "strings": json.dumps({**{key: t(key, lang) for key in BOX_STRING_KEYS},
                               "suggest_count_one": singular("suggest_count", lang)},  # "1 suggested result"
                              ensure_ascii=False, separators=(",", ":")),
    }


def _root_attrs(cat: Catalogue, lang: str, uri: str, mode: str) -> str:
    strings = {key: t(key, lang) for key in STRING_KEYS}
    strings.update({f"{key}_one": singular(key, lang) for key in COUNTED_KEYS})  # "1 result", "2 results"
    strings["hotline"] = cat.province.dien_thoai
    return (
        f'data-cchc-search="{mode}" data-lang="{lang}" '
        f'data-pagefind="{escape(url_from_page(uri, PAGEFIND_DIR + "/pagefind.js"))}" '
        f'data-synonyms="{escape(url_from_page(uri, SYNONYMS_DATA))}" '
        f"data-strings='{escape(json.dumps(strings, ensure_ascii=False), quote=True)}'"
    )


def _script(uri: str) -> str:
    return f'<script type="module" src="{escape(url_from_page(uri, SCRIPT))}"></script>'


def _browse_links(w: Writer) -> list[str]:
    cat = w.cat
    out = [f"- {w.link_to(index_uri(), w.s('procedures'))}"]
    for fid, fld in sorted(cat.fields.items(), key=lambda kv: sort_key(kv[1].ten.get(w.lang))):
        if any(p.linh_vuc == fid for p in cat.procedures.values()):
            out.append(f"    - {w.link_to(field_uri(fid), w.tr(fld.ten))}")
    return out


def _search_page(cat: Catalogue, lang: str) -> PageSpec:
    uri = search_uri()
    w = Writer(cat, lang, uri)
    out = [
        f"# {w.s('search_title')}",
        "",
        f'<form class="cchc-search-page" role="search" method="get" action="." {_root_attrs(cat, lang, uri, "search")}>',
        f'<label for="cchc-q">{escape(w.s("search_label"))}</label>',
        '<div class="cchc-search-page__row">',
        '<input id="cchc-q" type="search" name="q" autocomplete="off" enterkeyhint="search" '
        'aria-describedby="cchc-search-tips">',
        f'<button class="md-button md-button--primary" type="submit">{escape(w.s("search_button"))}</button>',
        "</div>",
        f'<p id="cchc-search-tips" class="cchc-search-tips">{escape(w.s("search_tips"))}</p>',
        "</form>",
        "",
        '<p class="cchc-search-status" role="status" aria-live="polite"></p>',
        '<ol class="cchc-results"></ol>',
        "",
        '<noscript markdown="1">',
        "",
        w.s("search_noscript"),
        "",
        *_browse_links(w),
        "",
        "</noscript>",
        "",
        _script(uri),
        "",
    ]
    return exclude_from_search(finish_markdown(w, out, None, None))


def _select(name: str, label: str, any_label: str, options: list[str]) -> list[str]:
    out = [f'<label for="cchc-f-{name}">{escape(label)}</label>', f'<select id="cchc-f-{name}" name="{name}">',
           f'<option value="">{escape(any_label)}</option>']
    out += [f'<option value="{i}">{escape(opt)}</option>' for i, opt in enumerate(options)]
    return [*out, "</select>"]


FACETS = ("field", "level", "agency", "audience", "online")


def _facets(cat: Catalogue, lang: str) -> dict[str, list[tuple[str, str]]]:
    """Each filter's choices as (id, name) in the order the finder lists them."""
    procs = list(cat.procedures.values())

    def by_name(items: dict[str, Any], used: set[str]) -> list[tuple[str, str]]:
        return sorted(((i, items[i].ten.get(lang)) for i in used), key=lambda e: (sort_key(e[1]), e[0]))

    used_levels = sorted({lv for p in procs for lv in p.cap_thuc_hien}, key=lambda lv: (cat.levels[lv].thu_tu, lv))
    return {
        "field": by_name(cat.fields, {p.linh_vuc for p in procs}),
        "level": [(lv, cat.levels[lv].ten.get(lang)) for lv in used_levels],
        "agency": by_name(cat.agencies, {a for p in procs for a in p.co_quan_thuc_hien}),
        "audience": by_name(cat.audiences, {a for p in procs for a in p.doi_tuong}),
        "online": [(lv, t("online_" + lv, lang)) for lv in ONLINE_LEVELS],
    }


def finder_data(cat: Catalogue, lang: str) -> str:
    """The finder's data file: every procedure with the indexes of its choices, in dictionary order.

    Compact and deterministic (one line per procedure); loaded only by the finder page.
    """
    facets = _facets(cat, lang)
    index = {name: {fid: i for i, (fid, _) in enumerate(choices)} for name, choices in facets.items()}
    rows = []
    for proc in sorted(cat.procedures.values(), key=lambda p: (sort_key(p.ten.get(lang)), p.ma_thu_tuc)):
        rows.append([
            proc.ten.get(lang),
            page_url(procedure_uri(proc)),
            proc.ma_thu_tuc,
            [index["field"][proc.linh_vuc]],
            [index["level"][lv] for lv in proc.cap_thuc_hien],
            [index["agency"][a] for a in proc.co_quan_thuc_hien],
            [index["audience"][a] for a in proc.doi_tuong],
            [index["online"][online_state(proc)]],
            t("status_" + proc.trang_thai, lang) if proc.trang_thai != "con-hieu-luc" else "",
        ])
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    names = {name: [n for _, n in choices] for name, choices in facets.items()}
    return f'{{"facets": {json.dumps(names, ensure_ascii=False)},\n"items": [\n{lines}\n]}}\n'


def synonyms_data(cat: Catalogue, lang: str) -> str:
    """The search's synonyms for ``lang`` (data/synonyms.yml): [[citizens' phrase, official term], ...] and the
    filler words, in the file's order; the browser folds marks and spellings of both sides as it does a query's."""
    pairs: list[list[str]] = []
    fillers: list[str] = []
    portal = cat.portal
    for entry in (portal.synonyms.values() if portal is not None else []):
        if entry.ngon_ngu != lang:
            continue
        if entry.ten_chinh_thuc is None:
            fillers += entry.cach_goi
        else:
            pairs += [[phrase, entry.ten_chinh_thuc] for phrase in entry.cach_goi]
    return json.dumps({"pairs": pairs, "fillers": fillers}, ensure_ascii=False, separators=(",", ":")) + "\n"


def _finder_page(cat: Catalogue, lang: str) -> PageSpec:
    uri = finder_uri()
    w = Writer(cat, lang, uri)
    facets = _facets(cat, lang)
    any_label = w.s("finder_any")
    labels = {"field": w.s("field"), "level": w.s("level"), "agency": w.s("agency"),
              "audience": w.s("finder_audience"), "online": w.s("online_levels")}
    data_url = escape(url_from_page(uri, FINDER_DATA))
    form = [
        f'<form class="cchc-finder" role="search" hidden data-finder="{data_url}" '
        f'{_root_attrs(cat, lang, uri, "finder")}>',
        '<div class="cchc-finder__grid">',
        '<div>', f'<label for="cchc-f-q">{escape(w.s("finder_words"))}</label>',
        '<input id="cchc-f-q" type="search" name="q" autocomplete="off">', "</div>",
    ]
    for name in FACETS:
        form += ["<div>", *_select(name, labels[name], any_label, [n for _, n in facets[name]]), "</div>"]
    form += [
        "</div>",
        f'<button class="md-button md-button--primary" type="submit">{escape(w.s("finder_submit"))}</button> '
        f'<button class="md-button" type="reset">{escape(w.s("finder_reset"))}</button>',
        "</form>",
        "",
        '<p class="cchc-search-status" role="status" aria-live="polite"></p>',
        '<ol class="cchc-results"></ol>',
        "",
    ]
    browse = [f"## {w.s('finder_browse')}", ""]
    for title_key, uri_of, name in (("fields", field_uri, "field"), ("levels", level_uri, "level"),
                                    ("agencies", agency_uri, "agency")):
        browse += [f"### {w.s(title_key)}", ""]
        browse += [f"- {w.link_to(uri_of(fid), md_escape(label))}" for fid, label in facets[name]] + [""]
    browse += [f"### {w.s('online_levels')}", ""]
    browse += [f"- {w.link_to(online_uri(lv), w.s('online_' + lv))}" for lv in ONLINE_LEVELS] + [""]
    out = [f"# {w.s('finder_title')}", "", w.s("finder_intro"), "", *form, *browse, _script(uri), ""]
    return exclude_from_search(finish_markdown(w, out, None, None))


def plan_search_pages(cat: Catalogue, lang: str) -> list[PageSpec]:
    return [_search_page(cat, lang), _finder_page(cat, lang)]
