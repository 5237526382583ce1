"""The A4 tri-fold leaflet (tờ rơi): two landscape sheets of three panels, from the same data as the site.

Outside sheet, left to right: how to apply (centres, online, post) | hotlines and feedback | the cover.
Inside sheet: what reform means for a citizen | the most used procedures | more procedures and the online portal.
QR codes are drawn at build time as SVG (segno), each with its address printed beneath it. The print styles
(docs/assets/stylesheets/cchc.css) give each sheet an A4 landscape page of its own; the same page, printed by
Chromium at build time, is the PDF for print shops (cchc.output.pdf).
"""

from __future__ import annotations

from html import escape

import segno

from cchc.content.catalogue import Catalogue
from cchc.content.models import BilingualText, Channel, Procedure
from cchc.i18n import t
from cchc.site.addresses import LEAFLET, procedure_uri
from cchc.site.procedures import procedure_page
from cchc.site.writer import PageSpec, Writer, exclude_from_search, finish_markdown

PDF_NAME = {"vi": "to-roi-cai-cach-hanh-chinh.pdf", "en": "administrative-reform-leaflet.pdf"}

def _t(key: str, lang: str) -> str:
    return t("leaflet_" + key, lang)


def qr_svg(url: str, label: str, ident: str) -> str:
    """A QR code as inline SVG, named for screen readers; error correction M at least (segno may raise it)."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=2, omitsize=True, dark="#000", light="#fff")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}: {escape(url)}" '
                       f'class="cchc-qr__code" id="qr-{ident}" ', 1)


def _qr(url: str, caption: str, ident: str, lang: str) -> str:
    return (f'<figure class="cchc-qr">{qr_svg(url, _t("qr", lang), ident)}'
            f'<figcaption><strong>{escape(caption)}</strong><br><span class="cchc-qr__url">{escape(url)}</span>'
            f"</figcaption></figure>")


def _channel(proc: Procedure) -> Channel | None:
    """The channel a leaflet quotes: in person if offered (the reader is at a desk), else the first one."""
    return next((c for c in proc.cach_thuc if c.hinh_thuc == "truc-tiep"), proc.cach_thuc[0] if proc.cach_thuc else None)


def _procedure(w: Writer, proc: Procedure) -> str:
    channel = _channel(proc)
    time = w.time_limit(channel.thoi_han) if channel and channel.thoi_han else w.s("not_stated")
    if channel is None or channel.phi is None:
        fee = w.s("not_stated")
    else:
        fee = "; ".join(w.fee(f) for f in channel.phi) or w.s("free")
    name = proc.ten.get(w.lang).removeprefix("Thủ tục ").strip()
    name = escape(name[:1].upper() + name[1:])
    if w.lang == "en" and proc.ten.en is None:
        name = f'<span lang="vi">{name}</span>'
    href = escape(w.rel(procedure_uri(proc)).removesuffix(".md") + "/")
    return (f'<li><a href="{href}">{name}</a> <span class="cchc-leaflet__code">({escape(proc.ma_thu_tuc)})</span>'
            f"<br><small>{escape(_t('time', w.lang))}: {escape(time)} · {escape(_t('fee', w.lang))}: "
            f"{escape(fee)}</small></li>")


def _panel(ident: str, *parts: str) -> str:
    return f'<div class="cchc-panel cchc-panel--{ident}">{"".join(parts)}</div>'


def leaflet_page(cat: Catalogue, lang: str, site_url: str) -> PageSpec:
    portal = cat.portal
    assert portal is not None
    leaflet, feedback, province = portal.leaflet, portal.feedback, cat.province
    w = Writer(cat, lang, LEAFLET)

    def tr(text: BilingualText) -> str:
        # Plain text for the raw-HTML panels (the Writer's Markdown escaping does not apply inside HTML blocks);
        # Vietnamese shown on the English leaflet is marked as such for screen readers.
        if lang == "en" and text.en is None:
            return f'<span lang="vi">{escape(text.vi)}</span>'
        return escape(text.get(lang))

    centres = []
    for cid in leaflet.diem_tiep_nhan:
        c = portal.centres[cid]
        centres.append(f"<li><strong>{tr(c.ten)}</strong><br>{tr(c.dia_chi)}<br>"
                       f"<small>{tr(c.gio_lam_viec)}</small><br>☎ {escape(', '.join(c.dien_thoai))}</li>")
    how = _panel(
        "how", f"<h2>{_t('how', lang)}</h2>", f'<ul class="cchc-leaflet__list">{"".join(centres)}</ul>',
        f"<h3>{_t('online', lang)}</h3><p>{escape(province.cong_dvc_tinh)}</p>",
        f"<h3>{_t('post', lang)}</h3><p>{tr(leaflet.buu_chinh)}</p>")
    lines = "".join(f"<li><strong>{escape(h.dien_thoai)}</strong><br>{tr(h.ten)}</li>" for h in feedback.duong_day_nong)
    back = _panel(
        "contact", f"<h2>{_t('hotlines', lang)}</h2>", f'<ul class="cchc-leaflet__list">{lines}</ul>',
        f"<h3>{_t('feedback', lang)}</h3><p>{escape(feedback.email_phan_anh)}<br>{tr(feedback.thoi_han)}</p>",
        _qr(feedback.he_thong_quoc_gia, _t("qr_feedback", lang), "feedback", lang))
    cover = _panel(
        "cover", f'<p class="cchc-leaflet__province">{tr(province.ten_day_du)}</p>',
        f'<p class="cchc-leaflet__programme">{tr(province.chuong_trinh)}</p>',
        f'<h2 class="cchc-leaflet__title">{tr(leaflet.tieu_de)}</h2>',
        f'<p class="cchc-leaflet__slogan">{tr(leaflet.khau_hieu)}</p>',
        _qr(site_url, _t("qr_site", lang), "site", lang),
        f'<p class="cchc-leaflet__agency">{tr(province.co_quan_chu_tri)}</p>')
    benefits = _panel(
        "benefits", f"<h2>{_t('benefits', lang)}</h2>",
        '<ul class="cchc-leaflet__list">' + "".join(f"<li>{tr(b)}</li>" for b in leaflet.loi_ich) + "</ul>")
    procs = [cat.procedures[code] for code in leaflet.thu_tuc]
    half = (len(procs) + 1) // 2
    first = _panel("procedures", f"<h2>{_t('procedures', lang)}</h2>",
                   '<ul class="cchc-leaflet__list">' + "".join(_procedure(w, p) for p in procs[:half]) + "</ul>")
    second = _panel("more", f"<h2>{_t('more', lang)}</h2>",
                    '<ul class="cchc-leaflet__list">' + "".join(_procedure(w, p) for p in procs[half:]) + "</ul>",
                    _qr(province.cong_dvc_tinh, _t("qr_portal", lang), "portal", lang))
    out = [
        f"# {_t('title', lang)}",
        "",
        f'<p class="cchc-leaflet-intro">{escape(_t("intro", lang))} '
        f'<a href="{PDF_NAME[lang]}" download>{escape(_t("pdf", lang))}</a></p>',
        "",
        '<div class="cchc-leaflet">',
        f'<section class="cchc-sheet cchc-sheet--outside" aria-label="{_t("outside", lang)}">{how}{back}{cover}</section>',
        f'<section class="cchc-sheet cchc-sheet--inside" aria-label="{_t("inside", lang)}">{benefits}{first}{second}</section>',
        "</div>",
        "",
    ]
    return exclude_from_search(finish_markdown(w, out, "data/leaflet.yml", None))


def pages_with_details(cat: Catalogue, code: str, lang: str, site_url: str) -> list[PageSpec]:
    """The pages that show a procedure's own details (steps, documents, fees, times), not just its name: its
    own page, and the leaflet when the leaflet lists it. The preview re-renders these first after an edit."""
    specs = [procedure_page(cat, cat.procedures[code], lang)]
    if cat.portal is not None and code in cat.portal.leaflet.thu_tuc:
        specs.append(leaflet_page(cat, lang, site_url))
    return specs




