"""Where, when and how a citizen applies for a procedure: the rules behind a procedure page's "where" lines,
its online state and its online-application button. Pure functions of the records; no page text here.

The centre rule (also in README.md): for each level of the procedure (``cap_thuc_hien``), the centres of
``data/centres.yml`` whose ``cap`` is that level and whose ``linh_vuc`` lists the procedure's field; when no
centre of the level lists the field, the centres of the level marked ``moi_linh_vuc: true`` (they receive every
procedure of their level, as the provincial Public Administration Service Centre and the commune one-stop desks
do). A level left with no centre (the ministry level an import adds, for one) has none: the page then names the
agency instead, never an address of its own making.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from cchc.content.models import Agency, Centre, Procedure, Province
from cchc.content.online import has_online_channel


def receiving_centres(centres: Mapping[str, Centre], levels: Iterable[str], field: str) -> dict[str, list[str]]:
    """Centre ids receiving a procedure of ``field`` at each of ``levels`` (in the procedure's order), by id.

    Those of the level listing the field; otherwise those of the level that receive every field
    (``moi_linh_vuc``); otherwise none."""
    out: dict[str, list[str]] = {}
    for level in levels:
        of_level = sorted(cid for cid, centre in centres.items() if centre.cap == level)
        listing = [cid for cid in of_level if field in centres[cid].linh_vuc]
        out[level] = listing or [cid for cid in of_level if centres[cid].moi_linh_vuc]
    return out


def agencies_for_level(proc: Procedure, agencies: Mapping[str, Agency], level: str) -> list[str]:
    """The agencies to apply to at a level without a centre: the implementing agencies (or, when the record
    names none, the competent ones) of that level; all of them when none is of that level."""
    named = proc.co_quan_thuc_hien or proc.co_quan_co_tham_quyen
    return [a for a in named if agencies[a].cap == level] or list(named)






def online_target(proc: Procedure, province: Province) -> str | None:
    """Where the "apply online" button goes, or None when the page has no button.

    There is a button exactly when the record has an online link or an online channel and is not abolished:
    its own link, or else the record's page on the national portal (imported records), or else the province's
    portal."""
    if proc.trang_thai == "bai-bo":
        return None
    if proc.lien_ket_dvc:
        return proc.lien_ket_dvc
    if not has_online_channel(proc):
        return None
    if proc.nguon is not None and proc.nguon.url:
        return proc.nguon.url
    return province.cong_dvc_tinh


def tel(number: str) -> str:
    """A tel: link target: digits only, with the country code, so phones dial it from anywhere."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if number.strip().startswith("+"):
        return "tel:+" + digits
    if digits.startswith("1800") or digits.startswith("1900"):
        return "tel:" + digits  # toll-free and premium numbers have no area code
    return "tel:+84" + digits.removeprefix("0")


def osm_link(lat: float, lon: float) -> str:
    return f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/{lat:.5f}/{lon:.5f}"
