"""Broken content gives exact messages naming file, line and field, and nothing is silently dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.content.catalogue import load_catalogue
from cchc.content.problems import ContentError

KHAI_SINH = "procedures/1.001193.yml"


def problems_after(root: Path, rel: str, old: str, new: str) -> list[str]:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_catalogue(root)
    return [str(p) for p in info.value.problems]


def line_of(root: Path, rel: str, needle: str) -> int:
    for number, line in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_sample_content_loads(site_copy: Path) -> None:
    cat = load_catalogue(site_copy)
    assert len(cat.procedures) >= 40


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        ("so_tien: 8000", "so_tien: 50.000đ", "so_tien: 50.000đ",
         "cach_thuc[0].phi[1].so_tien: must be a whole number, got '50.000đ'"),
        ("don_vi: ngay-lam-viec, ghi_chu", "don_vi: tuan, ghi_chu", "don_vi: tuan",
         "cach_thuc[0].thoi_han.don_vi: got 'tuan'; allowed: ngay-lam-viec, ngay, gio or thang"),
        ("cap_nhat: 2026-10-15", "cap_nhat: 2026-02-30", "cap_nhat",
         "cap_nhat: must be a real date written YYYY-MM-DD, got '2026-02-30' (day value is outside expected range)"),
        ("muc_do_dvc: toan-trinh", "muc_do_dvc: toan-trinh\nmuc_do: 4", "muc_do: 4",
         "muc_do: unknown field; allowed here: ma_thu_tuc, ma_dia_phuong, ten,"),
        ("linh_vuc: ho-tich", "linh_vuc: ho-tich-moi", "linh_vuc",
         "linh_vuc: unknown field 'ho-tich-moi'; allowed: an id listed in data/fields.yml"),
        ("co_quan_thuc_hien: [ubnd-xa]", "co_quan_thuc_hien: [ubnd-phuong]", "co_quan_thuc_hien",
         "co_quan_thuc_hien[0]: unknown agency 'ubnd-phuong'; allowed: cong-an-tinh, cong-an-xa, "),
        ("quyet_dinh_cong_bo: qd-1850-2025", "quyet_dinh_cong_bo: qd-9999-2025", "quyet_dinh_cong_bo",
         "quyet_dinh_cong_bo: unknown procedure set 'qd-9999-2025'; allowed: a file name (without .yml)"),
        ('thu_tuc_lien_quan: ["2.000986"', 'thu_tuc_lien_quan: ["9.999999"', "thu_tuc_lien_quan",
         "thu_tuc_lien_quan[0]: unknown procedure code '9.999999'; allowed: an id listed in procedures/"),
        ("ten:\n  vi: Thủ tục đăng ký khai sinh", "ten:\n  vi: '   '", "vi: '   '",
         "ten.vi: must not be empty or only spaces"),
        ("can_cu_phap_ly:\n", "can_cu_phap_ly: []\nold_can_cu:\n", "can_cu_phap_ly: []",
         "can_cu_phap_ly: must not be empty; give at least one item"),
        # Only records written by the importer (with nguon) may leave these as the national database does.
        ("    phi:\n      - ten: {vi: Phí cấp bản sao Giấy khai sinh, en: Fee for a copy of the birth certificate}\n"
         "        so_tien: 4000\n", "    phi: null\n    old_fee:\n      - ten: Phí\n        so_tien: 4000\n", "phi: null",
         "cach_thuc[1].phi: must be a list of fees, or [] when free"),
        ("thoi_gian_tiep_nhan:", "old_hours:", "old_hours", "old_hours: unknown field"),
        ("lien_ket_dvc: https://", "lien_ket_dvc: javascript:alert(1)//https://", "lien_ket_dvc",
         "lien_ket_dvc: must be a web address starting with https:// or http://"),
    ],
)
def test_field_errors_name_file_line_and_field(
    site_copy: Path, old: str, new: str, needle: str, expected: str
) -> None:
    found = problems_after(site_copy, KHAI_SINH, old, new)
    line = line_of(site_copy, KHAI_SINH, needle)
    assert any(p.startswith(f"{KHAI_SINH}:{line}: {expected}") for p in found), found


def test_missing_field(site_copy: Path) -> None:
    found = problems_after(site_copy, KHAI_SINH, "linh_vuc: ho-tich\n", "")
    assert f"{KHAI_SINH}:2: linh_vuc: missing; this field is required (Lĩnh vực: field id from data/fields.yml)" in found


def test_yaml_syntax_error_and_tabs(site_copy: Path) -> None:
    found = problems_after(site_copy, KHAI_SINH, "linh_vuc: ho-tich", "linh_vuc: ho-tich\n\tcap: x")
    line = line_of(site_copy, KHAI_SINH, "\tcap")
    assert found == [
        f"{KHAI_SINH}:{line}: YAML syntax error: found character '\\t' that cannot start any token; "
        "indent with spaces, not tabs"
    ]


def test_duplicate_key(site_copy: Path) -> None:
    found = problems_after(site_copy, KHAI_SINH, "linh_vuc: ho-tich", "linh_vuc: ho-tich\nlinh_vuc: chung-thuc")
    first = line_of(site_copy, KHAI_SINH, "linh_vuc: ho-tich")
    assert found == [f"{KHAI_SINH}:{first + 1}: linh_vuc: duplicate key (first given on line {first}); give each field once"]


def test_duplicate_code_and_file_name(site_copy: Path) -> None:
    copy = site_copy / "procedures" / "zz-1.001193.yml"
    copy.write_text((site_copy / KHAI_SINH).read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_catalogue(site_copy)
    messages = [str(p) for p in info.value.problems]
    line = line_of(site_copy, KHAI_SINH, "ma_thu_tuc")
    assert (f"procedures/zz-1.001193.yml:{line}: ma_thu_tuc: code '1.001193' does not match the file name; "
            "name the file 1.001193.yml") in messages
    assert (f"procedures/zz-1.001193.yml:{line}: ma_thu_tuc: duplicate code '1.001193', already used by "
            "procedures/1.001193.yml; codes are unique") in messages


def test_every_problem_is_reported_not_just_the_first(site_copy: Path) -> None:
    (site_copy / "procedures" / "1.000894.yml").write_text(
        (site_copy / "procedures" / "1.000894.yml").read_text(encoding="utf-8").replace("linh_vuc: ho-tich", "linh_vuc: x-y"),
        encoding="utf-8",
    )
    found = problems_after(site_copy, KHAI_SINH, "so_tien: 8000", "so_tien: -5")
    assert any(p.startswith("procedures/1.000894.yml:") and "linh_vuc: unknown field 'x-y'" in p for p in found)
    assert any(p.startswith(f"{KHAI_SINH}:") and "so_tien: must be from 0 to 1000000000000, got -5" in p for p in found)


def test_abolished_by_a_set_must_say_so(site_copy: Path) -> None:
    found = problems_after(site_copy, "procedures/1.000080.yml", "trang_thai: bai-bo", "trang_thai: con-hieu-luc")
    line = line_of(site_copy, "procedures/1.000080.yml", "trang_thai")
    assert (f"procedures/1.000080.yml:{line}: trang_thai: is 'con-hieu-luc' but procedure set 'qd-0415-2026' "
            "abolishes it; set it to 'bai-bo'") in found


def test_set_lists_unknown_code(site_copy: Path) -> None:
    rel = "procedures/sets/qd-0415-2026.yml"
    found = problems_after(site_copy, rel, 'bai_bo: ["1.000080"]', 'bai_bo: ["1.000080", "7.777777"]')
    line = line_of(site_copy, rel, "bai_bo")
    assert f"{rel}:{line}: bai_bo[1]: unknown procedure code '7.777777'; allowed: an id listed in procedures/" in found


def test_non_utf8_and_empty_files(site_copy: Path) -> None:
    (site_copy / "procedures" / "1.000656.yml").write_bytes(b"ten: H\xf2a\n")  # Latin-1, as an old editor might save it
    (site_copy / "procedures" / "1.000894.yml").write_text("", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_catalogue(site_copy)
    messages = [str(p) for p in info.value.problems]
    assert "procedures/1.000656.yml:1: file is not UTF-8 text; save it as UTF-8" in messages
    assert "procedures/1.000894.yml: file is empty; it must hold one record" in messages


def test_decomposed_unicode_is_reported_and_make_fix_composes_it(site_copy: Path) -> None:
    import unicodedata

    from fix_spelling import main as fix

    path = site_copy / KHAI_SINH
    path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_catalogue(site_copy)
    first = next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if not unicodedata.is_normalized("NFC", line))
    assert [str(p) for p in info.value.problems] == [
        f"{KHAI_SINH}:{first}: text is in decomposed Unicode (NFD), as some programs save it: letters and their "
        "marks are stored apart; save the file as composed Unicode (NFC) (`make fix` does it)"
    ]
    assert fix(["--root", str(site_copy)]) == 0
    cat = load_catalogue(site_copy)
    assert cat.procedures["1.001193"].ten.vi == "Thủ tục đăng ký khai sinh"
    assert unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8"))


def test_taxonomy_errors_name_the_entry(site_copy: Path) -> None:
    found = problems_after(site_copy, "data/levels.yml", "  thu_tu: 2", "  thu_tu: hai")
    line = line_of(site_copy, "data/levels.yml", "thu_tu: hai")
    assert f"data/levels.yml:{line}: xa.thu_tu: must be a whole number, got 'hai'" in found
