"""Tables for the rules behind a procedure page's "where", its online state and its button (cchc.site.applying)."""

from __future__ import annotations

from typing import Any

import pytest

from cchc.content.models import Agency, Centre, Procedure, Province
from cchc.content.online import online_state
from cchc.site.applying import agencies_for_level, online_target, receiving_centres


def centre(cap: str, fields: list[str], every: bool = False) -> Centre:
    return Centre(ten="Trung tâm", cap=cap, dia_chi="Số 1", gio_lam_viec="Thứ Hai đến thứ Sáu",
                  dien_thoai=["0258 3822 100"], vi_do=12.2, kinh_do=109.2, tiep_nhan="Thủ tục", linh_vuc=fields,
                  moi_linh_vuc=every)


CENTRES = {
    "a-tinh-main": centre("tinh", ["chung-thuc"], every=True),
    "b-tinh-branch": centre("tinh", ["chung-thuc", "cong-chung"], every=True),
    "c-tinh-land": centre("tinh", ["dat-dai"]),  # a specialised office: only its own field
    "d-xa-nha-trang": centre("xa", ["ho-tich", "ho-kinh-doanh"], every=True),
    "e-xa-dien-khanh": centre("xa", ["ho-tich", "hoa-giai-co-so"], every=True),
    "f-huyen-old": centre("huyen", ["ho-tich"]),  # a level whose centres list fields but receive nothing else
}


@pytest.mark.parametrize(
    ("levels", "field", "expected"),
    [
        # Centres of the level that list the field, and only those.
        (["tinh"], "cong-chung", {"tinh": ["b-tinh-branch"]}),
        (["tinh"], "chung-thuc", {"tinh": ["a-tinh-main", "b-tinh-branch"]}),
        (["tinh"], "dat-dai", {"tinh": ["c-tinh-land"]}),
        (["xa"], "hoa-giai-co-so", {"xa": ["e-xa-dien-khanh"]}),
        # No centre of the level lists the field: those receiving every field of their level, never the
        # specialised office.
        (["tinh"], "xay-dung", {"tinh": ["a-tinh-main", "b-tinh-branch"]}),
        (["xa"], "dat-dai", {"xa": ["d-xa-nha-trang", "e-xa-dien-khanh"]}),
        # A centre of another level never serves this one.
        (["xa"], "cong-chung", {"xa": ["d-xa-nha-trang", "e-xa-dien-khanh"]}),
        # Nobody at the level receives the field, or the level has no centre at all: none (the page names the agency).
        (["huyen"], "dat-dai", {"huyen": []}),
        (["cap-bo"], "ho-tich", {"cap-bo": []}),
        # Several levels, each on its own, in the procedure's order.
        (["cap-bo", "xa", "tinh"], "ho-tich",
         {"cap-bo": [], "xa": ["d-xa-nha-trang", "e-xa-dien-khanh"], "tinh": ["a-tinh-main", "b-tinh-branch"]}),
    ],
)
def test_receiving_centres(levels: list[str], field: str, expected: dict[str, list[str]]) -> None:
    result = receiving_centres(CENTRES, levels, field)
    assert result == expected
    assert list(result) == levels


def test_receiving_centres_without_any_centre() -> None:
    assert receiving_centres({}, ["tinh"], "ho-tich") == {"tinh": []}


def proc(**fields: Any) -> Procedure:
    base: dict[str, Any] = {"ma_thu_tuc": "1.000001", "ten": "Thủ tục thử", "linh_vuc": "ho-tich",
                            "cap_thuc_hien": ["tinh"], "doi_tuong": ["cong-dan"], "cap_nhat": "2026-01-01",
                            "nguon": {"co_so_du_lieu": "cong-dvc-quoc-gia"}}
    return Procedure.model_validate(base | fields)


ONLINE = [{"hinh_thuc": "truc-tuyen"}]
IN_PERSON = [{"hinh_thuc": "truc-tiep"}]
LINK = "https://dichvucong.khanhhoa.gov.vn/thu-tuc/1"
NATIONAL_PAGE = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/1"
PROVINCE = Province(ten="Khánh Hòa", ten_day_du="Tỉnh Khánh Hòa", chuong_trinh="CCHC", co_quan_chu_tri="Sở Nội vụ",
                    nguoi_chiu_trach_nhiem="Giám đốc", dia_chi="Số 1", dien_thoai="0258 3822 000",
                    email="cchc@khanhhoa.gov.vn", cong_dvc_tinh="https://dichvucong.khanhhoa.gov.vn/",
                    cong_dvc_quoc_gia="https://dichvucong.gov.vn/")


@pytest.mark.parametrize(
    ("fields", "state", "target"),
    [
        # Level not given: "not published", never "not online"; a button only when a channel is online.
        ({}, "chua-cong-bo", None),
        ({"cach_thuc": IN_PERSON}, "chua-cong-bo", None),
        ({"cach_thuc": ONLINE, "nguon": {"co_so_du_lieu": "cong-dvc-quoc-gia", "url": NATIONAL_PAGE}},
         "chua-cong-bo", NATIONAL_PAGE),
        ({"cach_thuc": ONLINE}, "chua-cong-bo", "https://dichvucong.khanhhoa.gov.vn/"),  # no national page
        # Levels given.
        ({"muc_do_dvc": "toan-trinh", "lien_ket_dvc": LINK, "cach_thuc": ONLINE}, "toan-trinh", LINK),
        ({"muc_do_dvc": "mot-phan", "lien_ket_dvc": LINK}, "mot-phan", LINK),
        ({"muc_do_dvc": "khong", "cach_thuc": IN_PERSON}, "khong", None),
        # "Not online" that the record's own online channel contradicts is shown as not published, with the button.
        ({"muc_do_dvc": "khong", "cach_thuc": ONLINE}, "chua-cong-bo", "https://dichvucong.khanhhoa.gov.vn/"),
        # An abolished procedure is not applied for.
        ({"muc_do_dvc": "toan-trinh", "lien_ket_dvc": LINK, "trang_thai": "bai-bo"}, "toan-trinh", None),
    ],
)
def test_online_state_and_button(fields: dict[str, Any], state: str, target: str | None) -> None:
    record = proc(**fields)
    assert online_state(record) == state
    assert online_target(record, PROVINCE) == target


def test_hand_written_records_may_leave_the_level_out_but_not_the_link() -> None:
    assert proc().muc_do_dvc is None
    with pytest.raises(ValueError, match="lien_ket_dvc is required when muc_do_dvc is toan-trinh or mot-phan"):
        proc(muc_do_dvc="mot-phan")


AGENCIES = {"bo-x": Agency(ten="Bộ X", cap="cap-bo"), "so-y": Agency(ten="Sở Y", cap="tinh"),
            "cuc-z": Agency(ten="Cục Z", cap="cap-bo")}


@pytest.mark.parametrize(
    ("fields", "level", "expected"),
    [
        ({"co_quan_thuc_hien": ["bo-x", "so-y"]}, "cap-bo", ["bo-x"]),
        ({"co_quan_thuc_hien": ["so-y"]}, "cap-bo", ["so-y"]),  # none of that level: all of them
        ({"co_quan_co_tham_quyen": ["cuc-z", "so-y"]}, "cap-bo", ["cuc-z"]),  # no implementing agency named
        ({}, "cap-bo", []),
    ],
)
def test_agencies_for_level(fields: dict[str, Any], level: str, expected: list[str]) -> None:
    assert agencies_for_level(proc(**fields), AGENCIES, level) == expected
