"""Plan the generated procedure pages as data: a path, its Markdown and where its source lives.

Nothing here writes files or knows MkDocs; the hook wraps each PageSpec in ``File.generated``.
Every text value from content goes through ``md_escape``, so content never becomes markup.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from html import escape
from urllib.parse import urlsplit

from cchc.content.catalogue import Catalogue
from cchc.content.models import (
    BilingualText,
    Centre,
    Channel,
    DossierDocument,
    Procedure,
    ProcedureSet,
)
from cchc.content.online import ONLINE_STATES, OnlineState, has_online_channel, online_state
from cchc.i18n import t
from cchc.site.addresses import (
    CENTRES,
    SEARCH,
    agency_uri,
    field_uri,
    finder_uri,
    index_uri,
    level_uri,
    online_uri,
    page_url,
    procedure_uri,
    set_uri,
)
from cchc.site.applying import agencies_for_level, online_target, osm_link, receiving_centres, tel
from cchc.site.htmlout import HtmlBody, bullet_list, href, paragraphs, table, task_list, text
from cchc.site.index_markup import NOINDEX_CLOSE, NOINDEX_OPEN, NOINDEX_OPEN_HTML, search_data
from cchc.site.writer import HtmlWriter, PageSpec, Writer, finish_html, finish_markdown, md_url
from cchc.text import sort_key

# The browse lists by online level: the three levels, then the procedures whose level is not published.
ONLINE_LEVELS: tuple[OnlineState, ...] = ONLINE_STATES
# Imported text kept word for word (can_ra_soat) is shown in the section of the field it belongs to.
_VERBATIM_SECTIONS = {
    "who": ("doi_tuong",),
    "time_and_fees": ("cach_thuc",),
    "documents": ("thanh_phan_ho_so", "so_luong_ho_so"),
    "where": ("dia_chi_tiep_nhan", "thoi_gian_tiep_nhan", "co_quan_thuc_hien", "co_quan_co_tham_quyen",
              "co_quan_duoc_uy_quyen", "co_quan_phoi_hop"),
    "steps": ("trinh_tu",),
    "conditions": ("yeu_cau_dieu_kien",),
    "result": ("ket_qua",),
    "legal_basis": ("can_cu_phap_ly",),
}
_FILE_KINDS = frozenset({"pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "zip"})


def _channel_table(w: HtmlWriter, channels: list[Channel]) -> str:
    """One row per channel; the description column only when some channel has one. A description every channel
    shares (the national records repeat one paragraph in each row) is shown once, below the table."""
    shared = channels[0].mo_ta if len(channels) > 1 and all(ch.mo_ta == channels[0].mo_ta for ch in channels) \
        else None
    with_desc = shared is None and any(ch.mo_ta for ch in channels)
    head = [w.s("channel"), w.s("time_limit"), w.s("fees")] + ([w.s("description")] if with_desc else [])
    rows = []
    for ch in channels:
        time = w.time_limit(ch.thoi_han) if ch.thoi_han else w.s("not_stated")
        fees = w.s("not_stated") if ch.phi is None else "<br>".join(w.fee(f) for f in ch.phi) or w.s("free")
        cells = [w.s("channel_" + ch.hinh_thuc), time, fees]
        if with_desc:
            cells.append(w.tr(ch.mo_ta) if ch.mo_ta else "")
        rows.append(cells)
    note = f"\n<p><strong>{w.s('description')}:</strong> {w.tr(shared)}</p>" if shared else ""
    return table(head, rows) + note


def _names(w: Writer, ids: Iterable[str], table: dict[str, object]) -> str:
    return ", ".join(w.tr(table[i].ten) for i in ids)  # type: ignore[attr-defined]


def procedure_page(cat: Catalogue, proc: Procedure, lang: str) -> PageSpec:
    """The page a citizen reads: who, how long and how much, what to bring, where, steps, result, law.

    Written as HTML directly (cchc.site.htmlout): a procedure page is all data, and at province scale the Markdown
    pass was the largest cost of a build. Each part of the page is written by its own function, in order."""
    w = HtmlWriter(cat, lang, procedure_uri(proc))
    page = HtmlBody()
    page.heading(1, w.tr(proc.ten))
    _status_notice(w, page, proc)
    # Search indexes the name, codes, field and level (in the hidden search data), not the page's labels and lists.
    page.add(NOINDEX_OPEN_HTML)
    for part in (_summary, _who, _time_and_fees, _documents, _where, _steps, _conditions, _results, _legal_basis,
                 _online, _related, _decision):
        part(w, page, proc)
    _verbatim(w, page, proc, None)  # kept text of any other field
    _source(w, page, proc)
    page.add(f"<p><em>{w.s('last_reviewed')}: {w.date(proc.cap_nhat)}</em></p>")
    page.add(NOINDEX_CLOSE, _procedure_search_data(cat, proc, lang))
    return finish_html(w, page, cat.sources.get("procedure:" + proc.ma_thu_tuc), "procedure:" + proc.ma_thu_tuc)


def _status_notice(w: HtmlWriter, page: HtmlBody, proc: Procedure) -> None:
    """For a procedure no longer in force as published: what changed it, by which decision, what replaces it."""
    if proc.trang_thai == "con-hieu-luc":
        return
    cat = w.cat
    kind = "danger" if proc.trang_thai == "bai-bo" else "warning"
    lines = []
    for change in cat.history(proc.ma_thu_tuc):
        if change.kind in ("sua_doi", "bai_bo", "bi_thay_the"):
            pset = cat.sets[change.set_id]
            lines.append(
                f"{w.s('change_' + change.kind)} {w.s('by_decision')} "
                f"{w.link_to(set_uri(change.set_id), w.set_title(change.set_id))} "
                f"({w.date(pset.ngay_ban_hanh)})."
            )
    if proc.trang_thai == "bai-bo":
        lines.append(w.s("abolished_note"))
    successor = cat.replaced_by(proc.ma_thu_tuc)
    if successor:
        lines.append(f"{w.s('replaced_by')}: {w.procedure_link(successor)}.")
    page.admonition(kind, w.s("status_" + proc.trang_thai), f"<p>{chr(10).join(lines)}</p>" if lines else "")


def _summary(w: HtmlWriter, page: HtmlBody, proc: Procedure) -> None:
    """Codes, field, levels, online level and type; then the "apply online" button, before the first section
    (as GOV.UK places its start button)."""
    cat = w.cat
    facts = [f"<strong>{w.s('code')}:</strong> {text(proc.ma_thu_tuc)}"]
    if proc.ma_dia_phuong:
        facts.append(f"<strong>{w.s('local_code')}:</strong> {text(proc.ma_dia_phuong)}")
    facts.append(f"<strong>{w.s('field')}:</strong> "
                 f"{w.link_to(field_uri(proc.linh_vuc), w.tr(cat.fields[proc.linh_vuc].ten))}")
    facts.append(f"<strong>{w.s('level')}:</strong> "
                 + ", ".join(w.link_to(level_uri(lv), w.tr(cat.levels[lv].ten)) for lv in proc.cap_thuc_hien))
    state = online_state(proc)
    facts.append(f"<strong>{w.s('online_levels')}:</strong> " + w.link_to(online_uri(state), w.s("online_" + state)))
    if proc.loai_thu_tuc:
        facts.append(f"<strong>{w.s('type')}:</strong> {w.tr(proc.loai_thu_tuc)}")
    page.add(_lines(facts))
    button = _apply_button(w, proc)
    if button:
        page.add(button)


def _who(w: HtmlWriter, page: HtmlBody, proc: Procedure) -> None:
    """Who the procedure is for, and the province's own note for citizens."""
    page.heading(2, w.s("who"))
    page.add(bullet_list([w.tr(w.cat.audiences[a].ten) for a in proc.doi_tuong]))
    _verbatim(w, page, proc, "who")
    if proc.ghi_chu:
        page.admonition("info", w.s("local_note"), w.tr_block(proc.ghi_chu))


def _time_and_fees(w: HtmlWriter, page: HtmlBody, proc: Procedure) -> None:
    page.heading(2, w.s("time_and_fees"))
    page.add(_channel_table(w, proc.cach_thuc) if proc.cach_thuc else f"<p>{w.s('not_stated_long')}</p>")
    _verbatim(w, page, proc, "time_and_fees")


def _documents(w: HtmlWriter, page: HtmlBody, proc: Procedure) -> None:
    """What to bring, by case: each document with its originals and copies as a checklist, and its form."""
    page.heading(2, w.s("documents"))
    if not proc.thanh_phan_ho_so:
        page.add(f"<p>{w.s('not_stated_long')}</p>")
    for group in proc.thanh_phan_ho_so:
        if group.truong_hop:
            page.heading(3, w.tr(group.truong_hop))
        if group.ghi_chu:
            page.add(w.tr_block(group.ghi_chu))
        items: list[tuple[bool, str]] = []
        for doc in group.giay_to:
            if doc.chi_dan:
                items.append((False, w.tr(doc.ten)))
                continue
            counts = []
            if doc.ban_chinh:
                counts.append(w.count("originals", doc.ban_chinh))
            if doc.ban_sao:
                counts.append(w.count("copies", doc.ban_sao))
            if doc.xuat_trinh:
                counts.append(w.s("show_only"))
            items.append((True, f"{w.tr(doc.ten)} — {', '.join(counts)}{_form(w, doc)}"))
        if items:
            page.add(task_list(items))
    page.add(f"<p><strong>{w.s('dossier_count')}:</strong> {proc.so_luong_ho_so}</p>")
    _verbatim(w, page, proc, "documents")


def _steps(w: HtmlWriter, page: HtmlBody, proc: Procedure) -> None:
    page.heading(2, w.s("steps"))
    if not proc.trinh_tu:
        page.add(f"<p>{w.s('not_stated_long')}</p>")
    for steps in proc.trinh_tu:
        if steps.truong_hop:
            page.heading(3, w.tr(steps.truong_hop))
        if steps.cac_buoc:
            page.add(bullet_list([w.tr(step) for step in steps.cac_buoc], ordered=True))
    _verbatim(w, page, proc, "steps")


def _conditions(w: HtmlWriter, page: HtmlBody, proc: Procedure) -> None:
    page.heading(2, w.s("conditions"))
    page.add(w.tr_block(proc.yeu_cau_dieu_kien) if proc.yeu_cau_dieu_kien else f"<p>{w.s('no_conditions')}</p>")
    _verbatim(w, page, proc, "conditions")


def _results(w: HtmlWriter, page: HtmlBody, proc: Procedure) -> None:
    page.heading(2, w.s("result"))
    results = []
    for res in proc.ket_qua:
        code = f" ({w.s('result_code')}: {text(res.ma)})" if res.ma else ""
        note = f": {w.tr(res.mo_ta)}" if res.mo_ta else ""
        results.append(f"{w.tr(res.ten)}{code}{note}")
    page.add(bullet_list(results) if results else f"<p>{w.s('not_stated_long')}</p>")
    _verbatim(w, page, proc, "result")


def _legal_basis(w: HtmlWriter, page: HtmlBody, proc: Procedure) -> None:
    """The legal basis, each number linked to the registry's page for it when the registry has the document."""
    page.heading(2, w.s("legal_basis"))
    laws = []
    for basis in proc.can_cu_phap_ly:
        doc_id = w.cat.document_for(basis.so_hieu)
        number = text(basis.so_hieu)
        if doc_id is not None:
            number = w.link_to(f"van-ban/{doc_id}.md", number)
        laws.append(f"{number}: {w.tr(basis.trich_yeu)}")
    page.add(bullet_list(laws) if laws else f"<p>{w.s('not_stated_long')}</p>")
    _verbatim(w, page, proc, "legal_basis")


def _online(w: HtmlWriter, page: HtmlBody, proc: Procedure) -> None:
    """The online level in words; the button is at the top, and this agrees with it."""
    state = online_state(proc)
    page.heading(2, w.s("online"))
    page.add(f"<p><strong>{w.s('online_levels')}:</strong> {w.s('online_' + state)}</p>")
    if state == "khong":
        page.add(f"<p>{w.s('not_online')}</p>")
    elif state == "chua-cong-bo":
        page.add(f"<p>{w.s('online_unpublished_channel' if has_online_channel(proc) else 'online_unpublished')}</p>")


def _related(w: HtmlWriter, page: HtmlBody, proc: Procedure) -> None:
    if proc.thu_tuc_lien_quan:
        page.heading(2, w.s("related"))
        page.add(bullet_list([w.procedure_link(c) for c in proc.thu_tuc_lien_quan]))


def _decision(w: HtmlWriter, page: HtmlBody, proc: Procedure) -> None:
    """The decision that published the procedure, and every later change to it by a procedure set."""
    cat = w.cat
    history = cat.history(proc.ma_thu_tuc)
    if not (proc.quyet_dinh_cong_bo or history):
        return
    page.heading(2, w.s("decision"))
    if proc.quyet_dinh_cong_bo:
        pset = cat.sets[proc.quyet_dinh_cong_bo]
        page.add(f"<p>{w.link_to(set_uri(proc.quyet_dinh_cong_bo), w.set_title(proc.quyet_dinh_cong_bo))} "
                 f"({w.date(pset.ngay_ban_hanh)}): {w.tr(pset.trich_yeu)}</p>")
    if history:
        page.heading(3, w.s("history"))
        changes = []
        for change in history:
            pset = cat.sets[change.set_id]
            other = f" {w.procedure_link(change.other)}" if change.other else ""
            changes.append(f"{w.date(pset.ngay_ban_hanh)}: {w.s('change_' + change.kind)}{other} — "
                           f"{w.link_to(set_uri(change.set_id), w.set_title(change.set_id))}")
        page.add(bullet_list(changes))


def _source(w: HtmlWriter, page: HtmlBody, proc: Procedure) -> None:
    """Where an imported record comes from: the national database, its page and its decision number."""
    if not proc.nguon:
        return
    source = w.s("source_" + proc.nguon.co_so_du_lieu)
    if proc.nguon.url:
        source = f'<a href="{href(proc.nguon.url)}">{source}</a>'
    if proc.nguon.so_quyet_dinh:
        source += f", {w.s('national_decision')} {text(proc.nguon.so_quyet_dinh)}"
    page.add(f"<p>{w.s('source')}: {source}</p>")


def _apply_button(w: HtmlWriter, proc: Procedure) -> str:
    """The "apply online" button, styled as a button but a plain link; saying where it leads when that is
    a portal rather than the procedure's own online service. Empty when the record offers nothing online."""
    target = online_target(proc, w.cat.province)
    if target is None:
        return ""
    out = [f'<p class="cchc-apply"><a class="md-button md-button--primary" href="{href(target)}">'
           f"{w.s('submit_online')}</a></p>"]
    if not proc.lien_ket_dvc:
        national = proc.nguon is not None and target == proc.nguon.url
        note = w.s("apply_via_national") if national else w.s("apply_via_province", code=text(proc.ma_thu_tuc))
        out.append(f'<p class="cchc-apply__note">{note}</p>')
    return "\n".join(out)


def _form(w: HtmlWriter, doc: DossierDocument) -> str:
    """A document's form: a download link naming the file type when the record or an editor gives the file,
    the form's name alone when only the name is known (no dead link)."""
    if doc.mau is None:
        return ""
    name = w.tr(doc.mau.ten)
    if doc.mau.url is None and doc.mau.tep is None:
        return f" · {w.s('form')}: {name}"
    if doc.mau.url is not None:
        target, path = doc.mau.url, urlsplit(doc.mau.url).path
    else:
        path = doc.mau.tep or ""
        target = posixpath.relpath(path, page_url(w.uri).rstrip("/"))
    kind = posixpath.splitext(path)[1].lstrip(".").lower()
    label = f"{w.s('download_form')}: {name}"
    if kind in _FILE_KINDS:
        label += f" ({w.s('file_type', kind=kind.upper())})"
    return f' · <a href="{href(target)}">{label}</a>'


def _where(w: HtmlWriter, page: HtmlBody, proc: Procedure) -> None:
    """Where and when to apply. The record's own address and hours win; what it leaves out comes from the
    centres of its levels (cchc.site.applying.receiving_centres), or, at a level with no centre, the agency."""
    cat = w.cat
    page.heading(2, w.s("where"))
    lines = []
    if proc.dia_chi_tiep_nhan:
        lines.append(f"<strong>{w.s('address')}:</strong> {w.tr(proc.dia_chi_tiep_nhan)}")
    if proc.thoi_gian_tiep_nhan:
        lines.append(f"<strong>{w.s('hours')}:</strong> {w.tr(proc.thoi_gian_tiep_nhan)}")
    lines.append(f"<strong>{w.s('agency')}:</strong> " + (", ".join(
        w.link_to(agency_uri(a), w.tr(cat.agencies[a].ten)) for a in proc.co_quan_thuc_hien) or w.s("not_stated")))
    for key, ids in (
        ("competent", proc.co_quan_co_tham_quyen),
        ("delegated", proc.co_quan_duoc_uy_quyen),
        ("coordinating", proc.co_quan_phoi_hop),
    ):
        if ids:
            lines.append(f"<strong>{w.s(key)}:</strong> {_names(w, ids, cat.agencies)}")  # type: ignore[arg-type]
    page.add(_lines(lines))
    centres = cat.portal.centres if cat.portal is not None else {}
    derived = receiving_centres(centres, proc.cap_thuc_hien, proc.linh_vuc)
    for level, ids in derived.items() if not (proc.dia_chi_tiep_nhan and proc.thoi_gian_tiep_nhan) else ():
        level_name = w.tr(cat.levels[level].ten)
        if ids:
            # With the record's own address, the centres are said to be the province's, not where to go.
            intro = "where_centres_hours" if proc.dia_chi_tiep_nhan else "where_centres"
            page.add(f"<p><strong>{w.s(intro, level=level_name)}</strong></p>",
                     bullet_list([_centre_entry(w, cid, centres[cid]) for cid in ids]))
        else:
            page.add(f"<p>{_apply_to_agency(w, proc, level, level_name)}</p>")
    _verbatim(w, page, proc, "where")


def _centre_entry(w: HtmlWriter, centre_id: str, centre: Centre) -> str:
    phones = ", ".join(f'<a href="{href(tel(n))}">{text(n)}</a>' for n in centre.dien_thoai)
    return "<br />\n".join([
        f"<strong>{w.link_to(f'{CENTRES}#{centre_id}', w.tr(centre.ten))}</strong>",
        f"<strong>{w.s('address')}:</strong> {w.tr(centre.dia_chi)}",
        f"<strong>{w.s('hours')}:</strong> {w.tr(centre.gio_lam_viec)}",
        f"<strong>{w.s('phone')}:</strong> {phones}",
        f'<a href="{href(osm_link(centre.vi_do, centre.kinh_do))}">{w.s("map")}</a>',
    ])


def _apply_to_agency(w: HtmlWriter, proc: Procedure, level: str, level_name: str) -> str:
    """A level no centre serves: the agency named by the record (linked when it has its list), and the national
    portal when the record offers an online channel; hours as the agency publishes them. No address is made up."""
    ids = agencies_for_level(proc, w.cat.agencies, level)
    names = ", ".join(w.link_to(agency_uri(a), w.tr(w.cat.agencies[a].ten)) if a in proc.co_quan_thuc_hien
                      else w.tr(w.cat.agencies[a].ten) for a in ids) or w.s("where_agency_unnamed")
    online = ""
    if has_online_channel(proc) or proc.lien_ket_dvc:
        portal = f'<a href="{href(w.cat.province.cong_dvc_quoc_gia)}">{w.s("national_portal")}</a>'
        online = w.s("where_agency_online", portal=portal)
    return w.s("where_agency", level=level_name, agencies=names, online=online)


def _verbatim(w: HtmlWriter, page: HtmlBody, proc: Procedure, section: str | None) -> None:
    """Text the importer kept word for word (``can_ra_soat``) for the fields of ``section`` (None: the fields of
    no section), in plain words: what it is and which part of the page it belongs to; Vietnamese, marked so."""
    fields = _VERBATIM_SECTIONS.get(section or "", ())
    known = {f for names in _VERBATIM_SECTIONS.values() for f in names}
    items = [r for r in proc.can_ra_soat if (r.truong in fields if section else r.truong not in known)]
    if not items:
        return
    part = w.s(section) if section else w.s("verbatim_other")
    body = [f"<p>{w.s('verbatim_note', part=part)}</p>"]
    for review in items:
        body.append(f'<blockquote lang="vi">\n{paragraphs(review.nguyen_van)}\n</blockquote>')
    page.admonition("quote cchc-verbatim", w.s("verbatim_title"), "\n".join(body))


def _lines(lines: list[str]) -> str:
    """Lines of one paragraph, each on its own line (Markdown's hard line breaks)."""
    return "<p>" + "<br />\n".join(lines) + "</p>"


def _procedure_search_data(cat: Catalogue, proc: Procedure, lang: str) -> str:
    """What search results show for a procedure, and its codes as strong terms.

    No Pagefind filters or sorts: Pagefind 1.5 writes those indexes in a different order on every run
    (Pagefind/pagefind#638), which would break byte-identical builds; the finder has its own data file.
    """
    field = cat.fields[proc.linh_vuc].ten.get(lang)
    levels = [cat.levels[lv].ten.get(lang) for lv in proc.cap_thuc_hien]
    return search_data(
        meta={"kind": "procedure", "field": field, "level": levels, "code": proc.ma_thu_tuc,
              "status": t("status_" + proc.trang_thai, lang) if proc.trang_thai != "con-hieu-luc" else ""},
        weighted=[proc.ma_thu_tuc, *([proc.ma_dia_phuong] if proc.ma_dia_phuong else [])],
        indexed=[field, *levels],
    )


def _sorted_procs(w: Writer, procs: Iterable[Procedure]) -> list[Procedure]:
    return sorted(procs, key=lambda p: (sort_key(p.ten.get(w.lang)), p.ma_thu_tuc))


def _procedure_list(w: Writer, procs: Iterable[Procedure]) -> list[str]:
    lines = []
    for proc in _sorted_procs(w, procs):
        mark = f" — *{w.s('status_' + proc.trang_thai)}*" if proc.trang_thai != "con-hieu-luc" else ""
        lines.append(f"- {w.procedure_link(proc.ma_thu_tuc)}{mark}")
    return lines or [w.s("none")]


def _browse_page(
    cat: Catalogue, lang: str, uri: str, title: BilingualText | str, match: Callable[[Procedure], bool]
) -> PageSpec:
    """A list of procedures (by field, level, agency or online level), written as HTML: the level lists hold
    most of the catalogue, and their Markdown cost a second of every build at province scale."""
    w = HtmlWriter(cat, lang, uri)
    page = HtmlBody()
    page.heading(1, w.tr(title) if isinstance(title, BilingualText) else text(title))
    procs = [p for p in cat.procedures.values() if match(p)]
    page.add(NOINDEX_OPEN_HTML, f"<p>{w.count('count_procedures', len(procs))}</p>", procedure_list_html(w, procs),
             NOINDEX_CLOSE, search_data({"kind": "list"}, []))
    return finish_html(w, page, None, None)


def procedure_list_html(w: HtmlWriter, procs: Iterable[Procedure]) -> str:
    """``_procedure_list`` in HTML: the procedures in Vietnamese order, each linked, with its status if not in force."""
    items = []
    for proc in _sorted_procs(w, procs):
        mark = f" — <em>{w.s('status_' + proc.trang_thai)}</em>" if proc.trang_thai != "con-hieu-luc" else ""
        items.append(f"{w.procedure_link(proc.ma_thu_tuc)}{mark}")
    return bullet_list(items) if items else f"<p>{w.s('none')}</p>"


def _set_page(cat: Catalogue, set_id: str, pset: ProcedureSet, lang: str) -> PageSpec:
    uri = set_uri(set_id)
    w = Writer(cat, lang, uri)
    out = [f"# {w.set_title(set_id)}", "", w.tr_block(pset.trich_yeu), "", NOINDEX_OPEN, ""]
    out += [
        f"**{w.s('issued_on')}:** {w.date(pset.ngay_ban_hanh)}  ",
        f"**{w.s('issued_by')}:** {w.tr(cat.agencies[pset.co_quan_ban_hanh].ten)}  ",
        f"**{w.s('signed_by')}:** {w.tr(pset.nguoi_ky)}",
        "",
    ]
    if pset.url:
        out += [f"[{w.s('full_text')}]({md_url(pset.url)})", ""]
    for kind, codes in (("cong_bo_moi", pset.cong_bo_moi), ("sua_doi", pset.sua_doi), ("bai_bo", pset.bai_bo)):
        if codes:
            out += [f"## {w.s('change_' + kind)}", "", *_procedure_list(w, (cat.procedures[c] for c in codes)), ""]
    if pset.thay_the:
        out += [f"## {w.s('change_thay_the')}", ""]
        for rep in pset.thay_the:
            out.append(f"- {w.procedure_link(rep.ma_thu_tuc)} ← {w.procedure_link(rep.thay_cho)}")
        out.append("")
    out += [NOINDEX_CLOSE, ""]
    out += [search_data({"kind": "document", "summary": pset.trich_yeu.get(lang)}, [pset.so_hieu]), ""]
    return finish_markdown(w, out, cat.sources.get("set:" + set_id), "set:" + set_id)


def _index_search(w: Writer) -> list[str]:
    """The procedures page opens with a search box (a plain form to the search page, no script needed) and the
    finder's link: citizens look a procedure up before they browse by field."""
    action = escape(w.rel(SEARCH).removesuffix("index.md"))
    return [
        f'<form class="cchc-search-page" role="search" method="get" action="{action}">',
        f'<label for="cchc-proc-q">{escape(w.s("search_label"))}</label>',
        '<div class="cchc-search-page__row">',
        '<input id="cchc-proc-q" type="search" name="q" autocomplete="off" enterkeyhint="search">',
        f'<button class="md-button md-button--primary" type="submit">{escape(w.s("search_button"))}</button>',
        "</div>",
        "</form>",
        "",
        f"{w.link_to(finder_uri(), w.s('finder_title'))}",
        "",
    ]


def _index_page(cat: Catalogue, lang: str) -> PageSpec:
    uri = index_uri()
    w = Writer(cat, lang, uri)
    procs = list(cat.procedures.values())

    def count(pred: Callable[[Procedure], bool]) -> int:
        return sum(1 for p in procs if pred(p))

    out = [f"# {w.s('procedures')}", "", *_index_search(w), w.s("browse_intro"), ""]
    out += [f"## {w.s('fields')}", ""]
    for fid, fld in sorted(cat.fields.items(), key=lambda kv: sort_key(kv[1].ten.get(lang))):
        n = count(lambda p, fid=fid: p.linh_vuc == fid)  # type: ignore[misc]
        if n:
            out.append(f"- {w.link_to(field_uri(fid), w.tr(fld.ten))} ({n})")
    out += ["", f"## {w.s('levels')}", ""]
    for lid, lvl in sorted(cat.levels.items(), key=lambda kv: (kv[1].thu_tu, kv[0])):
        n = count(lambda p, lid=lid: lid in p.cap_thuc_hien)  # type: ignore[misc]
        out.append(f"- {w.link_to(level_uri(lid), w.tr(lvl.ten))} ({n})")
    out += ["", f"## {w.s('online_levels')}", ""]
    for level in ONLINE_LEVELS:
        n = count(lambda p, level=level: online_state(p) == level)  # type: ignore[misc]
        out.append(f"- {w.link_to(online_uri(level), w.s('online_' + level))} ({n})")
    out += ["", f"## {w.s('agencies')}", ""]
    for aid, agency in sorted(cat.agencies.items(), key=lambda kv: sort_key(kv[1].ten.get(lang))):
        n = count(lambda p, aid=aid: aid in p.co_quan_thuc_hien)  # type: ignore[misc]
        if n:
            out.append(f"- {w.link_to(agency_uri(aid), w.tr(agency.ten))} ({n})")
    out += ["", f"## {w.s('sets')}", ""]
    for sid, pset in sorted(cat.sets.items(), key=lambda kv: (kv[1].ngay_ban_hanh, kv[0]), reverse=True):
        out.append(f"- {w.link_to(set_uri(sid), w.set_title(sid))} ({w.date(pset.ngay_ban_hanh)}): {w.tr(pset.trich_yeu)}")
    out.append("")
    return finish_markdown(w, out, None, None)


def plan_procedure_pages(cat: Catalogue, lang: str) -> list[PageSpec]:
    """Every generated page of the procedure catalogue in ``lang``, in a deterministic order."""
    specs = [_index_page(cat, lang)]
    specs += [procedure_page(cat, proc, lang) for _, proc in sorted(cat.procedures.items())]
    specs += [_set_page(cat, sid, pset, lang) for sid, pset in sorted(cat.sets.items())]
    used_fields = {p.linh_vuc for p in cat.procedures.values()}
    specs += [
        _browse_page(cat, lang, field_uri(fid), fld.ten, lambda p, fid=fid: p.linh_vuc == fid)  # type: ignore[misc]
        for fid, fld in sorted(cat.fields.items())
        if fid in used_fields
    ]
    specs += [
        _browse_page(cat, lang, level_uri(lid), lvl.ten, lambda p, lid=lid: lid in p.cap_thuc_hien)  # type: ignore[misc]
        for lid, lvl in sorted(cat.levels.items())
    ]
    used_agencies = {a for p in cat.procedures.values() for a in p.co_quan_thuc_hien}
    specs += [
        _browse_page(cat, lang, agency_uri(aid), ag.ten, lambda p, aid=aid: aid in p.co_quan_thuc_hien)  # type: ignore[misc]
        for aid, ag in sorted(cat.agencies.items())
        if aid in used_agencies
    ]
    specs += [
        _browse_page(cat, lang, online_uri(level), t("online_" + level, lang),
                     lambda p, level=level: online_state(p) == level)  # type: ignore[misc]
        for level in ONLINE_LEVELS
    ]
    return specs


def decorative_checkboxes(html: str) -> str:
    """The tick boxes of a procedure's checklist are for ticking on paper: hidden from screen readers, which
    read the document names beside them."""
    return html.replace('<input type="checkbox" disabled/>', '<input type="checkbox" disabled aria-hidden="true"/>')
