"""Plan the legal-document registry pages: one page per document, the list, and its filters (type, year, status).

The filters are plain pages, so they work without JavaScript; the list page's table is the full registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from cchc.content.catalogue import DOC_RELATIONS, Catalogue
from cchc.content.models import DOC_STATUSES, DOC_TYPES, LegalDocument
from cchc.site.addresses import document_uri, document_year_uri, documents_index_uri, status_uri, type_uri
from cchc.site.index_markup import NOINDEX_CLOSE, NOINDEX_OPEN, search_data
from cchc.site.writer import PageSpec, Writer, exclude_from_search, finish_markdown, md_url
from cchc.text import md_escape


def _ordered(cat: Catalogue, ids: Iterable[str]) -> list[str]:
    """Newest first, then by number."""
    return sorted(ids, key=lambda i: (-cat.documents[i].ngay_ban_hanh.toordinal(), cat.documents[i].so_hieu, i))


def _doc_link(w: Writer, doc_id: str) -> str:
    doc = w.cat.documents[doc_id]
    return w.link_to(document_uri(doc_id), md_escape(doc.so_hieu))


def _table(w: Writer, ids: list[str]) -> list[str]:
    if not ids:
        return [w.s("none"), ""]
    rows = [
        f"| {w.s('doc_number')} | {w.s('doc_type')} | {w.s('issued_on')} | {w.s('doc_title')} | {w.s('doc_status')} |",
        "| --- | --- | --- | --- | --- |",
    ]
    for doc_id in ids:
        doc = w.cat.documents[doc_id]
        rows.append(
            f"| {_doc_link(w, doc_id)} | {w.s('doctype_' + doc.loai_van_ban)} | {w.date(doc.ngay_ban_hanh)} "
            f"| {w.tr(doc.trich_yeu)} | {w.s('docstatus_' + doc.tinh_trang)} |"
        )
    return [*rows, ""]


def _filters(w: Writer, cat: Catalogue) -> list[str]:
    docs = cat.documents.values()
    types = [k for k in DOC_TYPES if any(d.loai_van_ban == k for d in docs)]
    years = sorted({d.ngay_ban_hanh.year for d in docs}, reverse=True)
    statuses = [s for s in DOC_STATUSES if any(d.tinh_trang == s for d in docs)]
    lines = [
        f"**{w.s('doc_filter_type')}:** " + " · ".join(w.link_to(type_uri(k), w.s("doctype_" + k)) for k in types),
        f"**{w.s('doc_filter_year')}:** " + " · ".join(w.link_to(document_year_uri(y), str(y)) for y in years),
        f"**{w.s('doc_filter_status')}:** "
        + " · ".join(w.link_to(status_uri(s), w.s("docstatus_" + s)) for s in statuses),
    ]
    return ["  \n".join(lines), "{ .cchc-filters }", ""]


def _list_page(cat: Catalogue, lang: str, uri: str, title: str, match: Callable[[LegalDocument], bool],
               is_index: bool = False) -> PageSpec:
    w = Writer(cat, lang, uri)
    ids = _ordered(cat, (i for i, d in cat.documents.items() if match(d)))
    out = [f"# {title}", ""]
    if is_index:
        out += [w.s("documents_intro"), ""]
    else:
        out += [w.link_to(documents_index_uri(), w.s("doc_all")), ""]
    out += _filters(w, cat)
    out += [w.count("count_documents", len(ids)), "", *_table(w, ids)]
    spec = finish_markdown(w, out, None, None)
    return spec if is_index else exclude_from_search(spec)


def _document_page(cat: Catalogue, lang: str, doc_id: str, doc: LegalDocument,
                   citing: dict[str, list[str]]) -> PageSpec:
    uri = document_uri(doc_id)
    w = Writer(cat, lang, uri)
    title = f"{w.s('doctype_' + doc.loai_van_ban)} {md_escape(doc.so_hieu)}"
    out = [f"# {title}", "", w.tr_block(doc.trich_yeu), "", NOINDEX_OPEN, ""]
    facts = [
        f"**{w.s('doc_number')}:** {md_escape(doc.so_hieu)}",
        f"**{w.s('doc_type')}:** {w.link_to(type_uri(doc.loai_van_ban), w.s('doctype_' + doc.loai_van_ban))}",
        f"**{w.s('issued_by')}:** {w.tr(doc.co_quan_ban_hanh)}",
    ]
    if doc.nguoi_ky:
        facts.append(f"**{w.s('signed_by')}:** {w.tr(doc.nguoi_ky)}")
    facts.append(f"**{w.s('issued_on')}:** {w.link_to(document_year_uri(doc.ngay_ban_hanh.year), w.date(doc.ngay_ban_hanh))}")
    if doc.ngay_hieu_luc:
        facts.append(f"**{w.s('doc_effective')}:** {w.date(doc.ngay_hieu_luc)}")
    facts.append(f"**{w.s('doc_status')}:** "
                 f"{w.link_to(status_uri(doc.tinh_trang), w.s('docstatus_' + doc.tinh_trang))}")
    out += ["  \n".join(facts), ""]
    if doc.tep:
        out += [f"[{w.s('doc_full_text')}]({md_url(doc.tep)}){{ .md-button }}", ""]
    relations = [(f"rel_{r}", other) for r in DOC_RELATIONS for other in getattr(doc, r)]
    relations += [(f"inv_{r}", other) for r, other in cat.document_relations.get(doc_id, [])]
    if relations:
        out += [f"## {w.s('doc_relations')}", ""]
        out += [f"- {w.s(key)}: {_doc_link(w, other)} — {w.tr(cat.documents[other].trich_yeu)}"
                for key, other in relations]
        out.append("")
    codes = citing.get(doc_id, [])
    if codes:
        out += [f"## {w.s('doc_procedures')}", ""]
        out += [f"- {w.procedure_link(code)}" for code in codes]
        out.append("")
    out += [NOINDEX_CLOSE, ""]
    out += [search_data({"kind": "document", "summary": doc.trich_yeu.get(lang),
                         "status": w.s("docstatus_" + doc.tinh_trang)}, [doc.so_hieu]), ""]
    return finish_markdown(w, out, cat.sources.get("document:" + doc_id), "document:" + doc_id)


def procedures_citing(cat: Catalogue) -> dict[str, list[str]]:
    """{document id: codes of the procedures whose legal basis names it}, in code order."""
    out: dict[str, list[str]] = {}
    for code, proc in sorted(cat.procedures.items()):
        for basis in proc.can_cu_phap_ly:
            doc_id = cat.document_for(basis.so_hieu)
            if doc_id is not None and code not in out.get(doc_id, []):
                out.setdefault(doc_id, []).append(code)
    return out


def plan_document_pages(cat: Catalogue, lang: str) -> list[PageSpec]:
    citing = procedures_citing(cat)
    specs = [_list_page(cat, lang, documents_index_uri(), Writer(cat, lang, "").s("documents_title"),
                        lambda d: True, is_index=True)]
    specs += [_document_page(cat, lang, doc_id, doc, citing) for doc_id, doc in sorted(cat.documents.items())]
    w = Writer(cat, lang, "")
    for kind in DOC_TYPES:
        if any(d.loai_van_ban == kind for d in cat.documents.values()):
            specs.append(_list_page(cat, lang, type_uri(kind), w.s("doctype_" + kind),
                                    lambda d, kind=kind: d.loai_van_ban == kind))  # type: ignore[misc]
    for year in sorted({d.ngay_ban_hanh.year for d in cat.documents.values()}):
        specs.append(_list_page(cat, lang, document_year_uri(year), w.s("doc_year", year=year),
                                lambda d, year=year: d.ngay_ban_hanh.year == year))  # type: ignore[misc]
    for status in DOC_STATUSES:
        if any(d.tinh_trang == status for d in cat.documents.values()):
            specs.append(_list_page(cat, lang, status_uri(status), w.s("docstatus_" + status),
                                    lambda d, status=status: d.tinh_trang == status))  # type: ignore[misc]
    return specs
