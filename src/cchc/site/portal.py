"""The CCHC section's own pages, from data/: home, where to apply, hotlines and feedback, indices, FAQ, the
steering committee and online services. Every name, address and number comes from the data files."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from cchc.content.catalogue import Catalogue, Portal
from cchc.content.models import Centre, ReformIndex
from cchc.content.online import has_online_channel, online_state
from cchc.i18n import t
from cchc.site.addresses import (
    CENTRES,
    COMMITTEE,
    FAQ,
    FEEDBACK,
    HOME,
    INDICES,
    LEAFLET,
    NEWS_INDEX,
    ONLINE,
    SEARCH,
    field_uri,
    finder_uri,
    index_uri,
    online_uri,
    page_url,
)
from cchc.site.applying import osm_link, tel
from cchc.site.charts import index_chart
from cchc.site.htmlout import HtmlBody, href
from cchc.site.index_markup import NOINDEX_CLOSE, NOINDEX_OPEN, NOINDEX_OPEN_HTML
from cchc.site.procedures import procedure_list_html
from cchc.site.writer import HtmlWriter, PageSpec, Writer, finish_html, finish_markdown, md_url
from cchc.text import format_date, format_number, md_escape

LATEST = 5


def _portal(cat: Catalogue) -> Portal:
    assert cat.portal is not None, "load_catalogue refuses to return without the portal data"
    return cat.portal


def _phone_links(numbers: list[str]) -> str:
    return ", ".join(f"[{md_escape(n)}]({tel(n)})" for n in numbers)


def _quick_links(w: Writer) -> list[str]:
    links = [
        (index_uri(), w.s("procedures")),
        (finder_uri(), w.s("finder_title")),
        (ONLINE, w.s("online_title")),
        (CENTRES, w.s("centres_title")),
        (FEEDBACK, w.s("feedback_title")),
        (LEAFLET, w.s("leaflet_link")),
        (FAQ, w.s("faq_title")),
        (INDICES, w.s("indices_title")),
        (COMMITTEE, w.s("committee_title")),
    ]
    items = "".join(f'<li><a href="{escape(page_url(w.rel(uri)) or "./")}">{escape(text)}</a></li>'
                    for uri, text in links)
    return [f"## {w.s('quick_links')}", "", f'<ul class="cchc-quick-links">{items}</ul>', ""]


def _hotline_box(w: Writer, portal: Portal) -> list[str]:
    rows = [f"- **{w.tr(h.ten)}:** [{md_escape(h.dien_thoai)}]({tel(h.dien_thoai)})"
            for h in portal.feedback.duong_day_nong]
    return ['<div class="cchc-hotline-box" markdown="1">', "", f"## {w.s('hotline_box')}", "", *rows, "",
            w.link_to(FEEDBACK, w.s("feedback_channels")), "", "</div>", ""]


def _latest_changes(w: Writer, cat: Catalogue) -> list[str]:
    lines: list[str] = []
    for _, pset in sorted(cat.sets.items(), key=lambda kv: (kv[1].ngay_ban_hanh, kv[0]), reverse=True):
        changes = [("cong_bo_moi", c) for c in pset.cong_bo_moi] + [("sua_doi", c) for c in pset.sua_doi]
        changes += [("thay_the", r.ma_thu_tuc) for r in pset.thay_the] + [("bai_bo", c) for c in pset.bai_bo]
        for kind, code in changes:
            if code in cat.procedures and len(lines) < LATEST:
                lines.append(f"- {w.date(pset.ngay_ban_hanh)} · {w.s('change_' + kind)}: {w.procedure_link(code)}")
    return lines or [w.s("none")]


def _index_glance(w: Writer, portal: Portal) -> list[str]:
    rows = [f"| {w.s('indices_title')} | {w.s('year')} | {w.s('score')} | {w.s('rank')} |", "| --- | --- | --- | --- |"]
    sample = False
    for index in portal.indices.values():
        latest = max(index.nam, key=lambda y: y.nam)
        sample = sample or index.so_lieu_mau
        rows.append(f"| {w.tr(index.ten)} | {latest.nam} | {format_number(latest.diem, w.lang)} | "
                    f"{w.s('rank_of', rank=latest.xep_hang, total=latest.tong_so)} |")
    note = [f"*{w.s('sample_figures')}*", ""] if sample else []
    return [f"## {w.s('indices_glance')}", "", *rows, "", *note, w.link_to(INDICES, w.s("indices_title")), ""]


def home_page(cat: Catalogue, lang: str) -> PageSpec:
    portal = _portal(cat)
    w = Writer(cat, lang, HOME)
    province = cat.province
    out = [
        f"# {md_escape(w.s('home_title', province=province.ten.get(lang)))}",
        "",
        '<div class="cchc-banner" markdown="1">',
        "",
        f"**{w.tr(province.chuong_trinh)}**  ",
        f"{w.tr(province.co_quan_chu_tri)}",
        "",
        f'<form class="cchc-home-search" role="search" method="get" action="{escape(w.rel(SEARCH).removesuffix("index.md"))}">',
        f'<label for="cchc-home-q">{escape(w.s("home_search_label"))}</label>',
        '<div class="cchc-search-page__row">',
        '<input id="cchc-home-q" type="search" name="q" autocomplete="off" enterkeyhint="search" '
        'aria-describedby="cchc-home-hint">',
        f'<button class="md-button md-button--primary" type="submit">{escape(w.s("search_button"))}</button>',
        "</div>",
        f'<p id="cchc-home-hint" class="cchc-search-tips">{escape(w.s("home_search_hint"))}</p>',
        "</form>",
        "",
        "</div>",
        "",
        *_quick_links(w),
        NOINDEX_OPEN,
        "",
        f"## {w.s('latest_news')}",
        "",
    ]
    for story in cat.stories_in(lang)[:LATEST]:
        out.append(f"- {w.link_to(story.address, md_escape(story.item.tieu_de))} "
                   f"<small>({format_date(story.published.date(), lang)})</small>")
    out += ["", w.link_to(NEWS_INDEX, w.s("all_news")), ""]
    out += [f"## {w.s('latest_changes')}", "", *_latest_changes(w, cat), ""]
    out += [w.link_to(index_uri(), w.s("procedures")), ""]
    out += _hotline_box(w, portal)
    out += _index_glance(w, portal)
    out += [NOINDEX_CLOSE, ""]
    return finish_markdown(w, out, "data/province.yml", None)


def _centre(w: Writer, cat: Catalogue, centre_id: str, centre: Centre) -> list[str]:
    # The centre's id is its anchor, the same in both languages: procedure pages link to it.
    out = [f"## {w.tr(centre.ten)} {{ #{centre_id} }}", "",
           f"**{w.s('address')}:** {w.tr(centre.dia_chi)}  ",
           f"**{w.s('opening_hours')}:** {w.tr(centre.gio_lam_viec)}  ",
           f"**{w.s('phone')}:** {_phone_links(centre.dien_thoai)}  "]
    if centre.email:
        out.append(f"**{w.s('email')}:** [{md_escape(centre.email)}](mailto:{centre.email})  ")
    out += [f"[{w.s('map')}]({md_url(osm_link(centre.vi_do, centre.kinh_do))})", "",
            f"**{w.s('receives')}:** {w.tr(centre.tiep_nhan)}", ""]
    if centre.linh_vuc:
        fields = ", ".join(w.link_to(field_uri(f), w.tr(cat.fields[f].ten)) for f in centre.linh_vuc)
        out += [f"**{w.s('receives_fields')}:** {fields}", ""]
    return out


def centres_page(cat: Catalogue, lang: str) -> PageSpec:
    portal = _portal(cat)
    w = Writer(cat, lang, CENTRES)
    out = [f"# {w.s('centres_title')}", "", w.s("centres_intro"), ""]
    by_level = sorted(portal.centres.items(), key=lambda kv: (cat.levels[kv[1].cap].thu_tu, kv[0]))
    for centre_id, centre in by_level:
        out += _centre(w, cat, centre_id, centre)
    return finish_markdown(w, out, "data/centres.yml", None)


def feedback_page(cat: Catalogue, lang: str) -> PageSpec:
    fb = _portal(cat).feedback
    w = Writer(cat, lang, FEEDBACK)
    out = [f"# {w.s('feedback_title')}", "", f"## {w.s('hotline_box')}", "",
           f"| {w.s('line')} | {w.s('phone')} | {w.s('answered')} |", "| --- | --- | --- |"]
    for line in fb.duong_day_nong:
        out.append(f"| {w.tr(line.ten)} | [{md_escape(line.dien_thoai)}]({tel(line.dien_thoai)}) | "
                   f"{w.tr(line.gio) if line.gio else ''} |")
    out += ["", f"## {w.s('feedback_channels')}", ""]
    for channel in fb.kenh:
        out += [f"### {w.tr(channel.ten)}", "", w.tr_block(channel.mo_ta), ""]
        if channel.url:
            out += [f"[{md_escape(channel.url)}]({md_url(channel.url)})", ""]
        if channel.email:
            out += [f"**{w.s('email')}:** [{md_escape(channel.email)}](mailto:{channel.email})", ""]
        if channel.dien_thoai:
            out += [f"**{w.s('phone')}:** [{md_escape(channel.dien_thoai)}]({tel(channel.dien_thoai)})", ""]
    out += [f"### {w.s('postal')}", "", w.tr(fb.dia_chi_buu_chinh), ""]
    out += [f"## {w.s('feedback_process')}", "", *(f"{i}. {w.tr(step)}" for i, step in enumerate(fb.quy_trinh, 1)),
            "", f"**{w.s('feedback_time')}:** {w.tr(fb.thoi_han)}", "",
            f"[{w.s('national_feedback')}]({md_url(fb.he_thong_quoc_gia)}){{ .md-button .md-button--primary }}", ""]
    return finish_markdown(w, out, "data/feedback.yml", None)


def _index_section(w: Writer, ident: str, index: ReformIndex) -> list[str]:
    out = [f"## {w.tr(index.ten)}: {w.tr(index.ten_day_du)}", "", w.tr_block(index.mo_ta), ""]
    if index.so_lieu_mau:
        out += [f'!!! warning "{w.s("sample_figures")}"', ""]
    out += ['<div class="cchc-chart-pair" markdown="1">', "", index_chart(index, ident, w.lang), "",
            f"| {w.s('year')} | {w.s('score')} ({w.tr(index.don_vi)}) | {w.s('rank')} |", "| --- | --- | --- |"]
    for year in sorted(index.nam, key=lambda y: y.nam):
        out.append(f"| {year.nam} | {format_number(year.diem, w.lang)} | "
                   f"{w.s('rank_of', rank=year.xep_hang, total=year.tong_so)} |")
    return [*out, "", "</div>", ""]


def indices_page(cat: Catalogue, lang: str) -> PageSpec:
    w = Writer(cat, lang, INDICES)
    out = [f"# {w.s('indices_title')}", "", w.s("indices_intro"), ""]
    for ident, index in _portal(cat).indices.items():
        out += _index_section(w, ident, index)
    return finish_markdown(w, out, "data/indices.yml", None)


def faq_page(cat: Catalogue, lang: str) -> PageSpec:
    w = Writer(cat, lang, FAQ)
    out = [f"# {w.s('faq_title')}", ""]
    for _, topic in sorted(_portal(cat).faq.items(), key=lambda kv: (kv[1].thu_tu, kv[0])):
        out += [f"## {w.tr(topic.ten)}", ""]
        for entry in topic.cau_hoi:
            out += [f"### {w.tr(entry.hoi)}", "", w.tr_block(entry.dap), ""]
    return finish_markdown(w, out, "data/faq.yml", None)


def committee_page(cat: Catalogue, lang: str) -> PageSpec:
    com = _portal(cat).committee
    w = Writer(cat, lang, COMMITTEE)
    out = [f"# {w.tr(com.ten)}", "", w.tr_block(com.mo_ta), "",
           f"**{w.s('committee_decision')}:** {w.tr(com.quyet_dinh)}", "",
           f"## {w.s('committee_duties')}", "", *(f"- {w.tr(d)}" for d in com.nhiem_vu), "",
           f"## {w.s('committee_members')}", "",
           f"| {w.s('committee_role')} | {w.s('committee_office')} |", "| --- | --- |"]
    for member in com.thanh_vien:
        office = w.tr(member.chuc_danh) + (f" ({w.name(member.ho_ten)})" if member.ho_ten else "")
        out.append(f"| {w.tr(member.chuc_vu)} | {office} |")
    return finish_markdown(w, [*out, ""], "data/steering-committee.yml", None)


def online_page(cat: Catalogue, lang: str) -> PageSpec:
    """The portals' buttons and the procedures that can be done online, fully or partly: most of the catalogue,
    so written as HTML (cchc.site.htmlout) like the other long lists."""
    w = HtmlWriter(cat, lang, ONLINE)
    prov = cat.province
    page = HtmlBody()
    page.heading(1, w.s("online_title"))
    page.add(f"<p>{w.s('online_intro')}</p>",
             f'<p><a class="md-button md-button--primary" href="{href(prov.cong_dvc_tinh)}">'
             f'{w.s("provincial_portal")}</a> '
             f'<a class="md-button" href="{href(prov.cong_dvc_quoc_gia)}">{w.s("national_portal")}</a></p>')
    for level, key in (("toan-trinh", "fully_online"), ("mot-phan", "partly_online")):
        procs = [p for p in cat.procedures.values() if p.muc_do_dvc == level and p.trang_thai != "bai-bo"]
        page.heading(2, w.s(key))
        page.add(NOINDEX_OPEN_HTML, procedure_list_html(w, procs),
                 f"<p>{w.link_to(online_uri(level), w.s(key))}</p>", NOINDEX_CLOSE)
    # Records that list an online channel without a published level: online, but not under either level.
    channel_only = [p for p in cat.procedures.values() if online_state(p) == "chua-cong-bo"
                    and has_online_channel(p) and p.trang_thai != "bai-bo"]
    if channel_only:
        page.heading(2, w.s("online_channel_only"))
        page.add(NOINDEX_OPEN_HTML, procedure_list_html(w, channel_only), NOINDEX_CLOSE)
    return finish_html(w, page, None, None)


def plan_portal_pages(cat: Catalogue, lang: str) -> list[PageSpec]:
    return [home_page(cat, lang), centres_page(cat, lang), feedback_page(cat, lang), indices_page(cat, lang),
            faq_page(cat, lang), committee_page(cat, lang), online_page(cat, lang)]


def report_link(cat: Catalogue, page_url: str, title: str, lang: str) -> str:
    """mailto: link that opens the office's feedback address with the page's address filled in."""
    email = _portal(cat).feedback.email_phan_anh
    subject = f"{t('report_subject', lang)}: {title}"
    body = f"{t('report_body', lang)}: {page_url}\n\n"
    return f"mailto:{email}?subject={quote(subject)}&body={quote(body)}"


def footer(cat: Catalogue, lang: str) -> dict[str, str]:
    """What the footer template prints: who answers for the site, in ``lang``."""
    province = cat.province
    return {
        "agency_label": t("responsible_agency", lang), "agency": province.co_quan_chu_tri.get(lang),
        "person_label": t("responsible_person", lang), "person": province.nguoi_chiu_trach_nhiem.get(lang),
        "address": province.dia_chi.get(lang), "phone": province.dien_thoai, "phone_tel": tel(province.dien_thoai),
        "email": province.email, "licence_label": t("licence", lang),
        "licence": province.giay_phep.get(lang) if province.giay_phep else "",
        "accessibility": t("accessibility", lang), "report": t("report_problem", lang), "print": t("print", lang),
    }
