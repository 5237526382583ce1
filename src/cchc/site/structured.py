"""Structured data (schema.org JSON-LD) for the pages: ``GovernmentService`` for a procedure, ``NewsArticle`` for a
story, ``GovernmentOrganization`` for the office, ``BreadcrumbList`` for where a page sits, ``Dataset`` for the
open-data downloads.

:func:`script` writes the block so that no text can end the script element or open a comment in it: every
``<``, ``>`` and ``&`` is written as a JSON escape (``\\u003c``...), which JSON readers decode back.
"""

from __future__ import annotations

import json
from typing import Any

from cchc.content.catalogue import Catalogue
from cchc.content.models import Channel, LegalDocument, Procedure
from cchc.content.news import Story
from cchc.i18n import t, tn
from cchc.text import format_number

LOCALES = {"vi": "vi_VN", "en": "en_US"}
IMAGE_TYPE = "image/jpeg"


def script(items: list[dict[str, Any]]) -> str:
    """One ``<script type="application/ld+json">`` holding ``items`` as a graph, inert whatever the text."""
    data = json.dumps({"@context": "https://schema.org", "@graph": items}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        data = data.replace(char, escaped)
    return f'<script type="application/ld+json">{data}</script>'


def organization(cat: Catalogue, lang: str, home: str) -> dict[str, Any]:
    """The office that publishes the site (the province's responsible agency)."""
    prov = cat.province
    return {
        "@type": "GovernmentOrganization", "@id": home + "#office", "name": prov.co_quan_chu_tri.get(lang),
        "url": home, "email": prov.email, "telephone": prov.dien_thoai,
        "address": {"@type": "PostalAddress", "streetAddress": prov.dia_chi.get(lang), "addressCountry": "VN"},
        "areaServed": province_place(cat, lang),
    }


def province_place(cat: Catalogue, lang: str) -> dict[str, Any]:
    return {"@type": "AdministrativeArea", "name": cat.province.ten_day_du.get(lang)}


def breadcrumbs(trail: list[tuple[str, str]]) -> dict[str, Any]:
    """(name, url) from the home page down to the page itself."""
    return {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": i, "name": name, "item": url} for i, (name, url) in enumerate(trail, 1)]}


def _money(channel: Channel, lang: str) -> list[dict[str, Any]]:
    return [{"@type": "MonetaryAmount", "currency": fee.tien_te, "value": fee.so_tien, "name": fee.ten.get(lang)}
            for fee in channel.phi or []]


def _channel(proc: Procedure, channel: Channel, lang: str, url: str) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "ServiceChannel", "name": t(f"channel_{channel.hinh_thuc}", lang)}
    if channel.hinh_thuc == "truc-tuyen":
        out["serviceUrl"] = str(proc.lien_ket_dvc) if proc.lien_ket_dvc else url
    if proc.dia_chi_tiep_nhan and channel.hinh_thuc != "truc-tuyen":
        out["serviceLocation"] = {"@type": "Place", "address": proc.dia_chi_tiep_nhan.get(lang)}
    if channel.thoi_han:
        limit = channel.thoi_han
        out["processingTime"] = tn("unit_" + limit.don_vi, limit.so, lang, format_number(limit.so, lang, 1))
    fees = _money(channel, lang)
    if fees:
        out["providesService"] = {"@type": "Service", "offers": [
            {"@type": "Offer", "price": f["value"], "priceCurrency": f["currency"], "name": f["name"]} for f in fees]}
    return out


def service(cat: Catalogue, lang: str, proc: Procedure, url: str, home: str) -> dict[str, Any]:
    """A procedure as a ``GovernmentService``: its national code, field, agencies, province and channels."""
    agencies = [{"@type": "GovernmentOrganization", "name": cat.agencies[a].ten.get(lang)}
                for a in [*proc.co_quan_thuc_hien, *proc.co_quan_co_tham_quyen] if a in cat.agencies]
    out: dict[str, Any] = {
        "@type": "GovernmentService", "@id": url + "#service", "name": proc.ten.get(lang), "url": url,
        "identifier": proc.ma_thu_tuc, "serviceType": cat.fields[proc.linh_vuc].ten.get(lang),
        "areaServed": province_place(cat, lang), "provider": {"@id": home + "#office"},
        "availableChannel": [_channel(proc, ch, lang, url) for ch in proc.cach_thuc],
        "dateModified": proc.cap_nhat.isoformat(),
    }
    if agencies:
        out["serviceOperator"] = agencies
    if proc.quyet_dinh_cong_bo and proc.quyet_dinh_cong_bo in cat.sets:
        out["datePublished"] = cat.sets[proc.quyet_dinh_cong_bo].ngay_ban_hanh.isoformat()
    return out


def article(story: Story, url: str, image: str, home: str) -> dict[str, Any]:
    item = story.item
    out: dict[str, Any] = {
        "@type": "NewsArticle", "@id": url + "#article", "headline": item.tieu_de, "description": item.sapo,
        "url": url, "mainEntityOfPage": url, "inLanguage": story.lang, "image": [image],
        "datePublished": story.published.isoformat(), "dateModified": story.updated.isoformat(),
        "publisher": {"@id": home + "#office"}, "keywords": list(item.the),
    }
    if item.tac_gia:
        out["author"] = {"@type": "Person", "name": item.tac_gia}
    else:
        out["author"] = {"@id": home + "#office"}
    return out


def legislation(doc: LegalDocument, lang: str, url: str) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "Legislation", "name": doc.trich_yeu.get(lang), "legislationIdentifier":
                           doc.so_hieu, "legislationDate": doc.ngay_ban_hanh.isoformat(), "url": url}
    if doc.ngay_hieu_luc:
        out["legislationDateOfApplicability"] = doc.ngay_hieu_luc.isoformat()
    return out


def dataset(name: str, description: str, url: str, home: str, modified: str,
            files: list[tuple[str, str, str]]) -> dict[str, Any]:
    """The open-data downloads: (name, URL, media type) for each file."""
    return {
        "@type": "Dataset", "@id": url + "#dataset", "name": name, "description": description, "url": url,
        "license": "https://creativecommons.org/licenses/by/4.0/", "isAccessibleForFree": True,
        "creator": {"@id": home + "#office"}, "dateModified": modified,
        "distribution": [{"@type": "DataDownload", "name": n, "contentUrl": u, "encodingFormat": m}
                         for n, u, m in files],
    }
