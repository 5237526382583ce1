"""Scaffolds: a new file with every field, which `make check` walks the editor through, and no overwriting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cchc.content.catalogue import load_catalogue
from cchc.content.models import LegalDocument, NewsItem, Procedure
from cchc.content.problems import ContentError
from cchc.content.scaffold import ScaffoldError, new_document, new_procedure, new_story


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_catalogue(root)
    return [str(p) for p in info.value.problems]


def test_procedure_scaffold_lists_what_to_fill_then_passes(site_copy: Path) -> None:
    path = new_procedure(site_copy, "1.099999", today=dt.date(2026, 11, 23))
    text = path.read_text(encoding="utf-8")
    for name in Procedure.model_fields:
        assert f"\n{name}:" in text, f"the scaffold lacks {name}"
    found = problems(site_copy)
    for field in ("ten.vi", "linh_vuc", "dia_chi_tiep_nhan.vi", "thoi_gian_tiep_nhan.vi", "trinh_tu[0].cac_buoc[0].vi",
                  "ket_qua[0].ten.vi", "thanh_phan_ho_so[0].giay_to[0].ten.vi", "can_cu_phap_ly[0].so_hieu"):
        assert any(p.startswith("procedures/1.099999.yml:") and f": {field}: " in p for p in found), field
    filled = (text.replace('  vi: ""', "  vi: Thủ tục thử nghiệm", 1).replace('linh_vuc: ""', "linh_vuc: ho-tich")
              .replace('dia_chi_tiep_nhan: ""', "dia_chi_tiep_nhan: Bộ phận Một cửa cấp xã")
              .replace('thoi_gian_tiep_nhan: ""', "thoi_gian_tiep_nhan: Giờ hành chính")
              .replace('      - ""', "      - Nộp hồ sơ", 1).replace('      - ten: ""', "      - ten: Tờ khai", 1)
              .replace('  - ten: ""', "  - ten: Giấy xác nhận", 1).replace('so_hieu: ""', "so_hieu: 60/2014/QH13")
              .replace('trich_yeu: ""', "trich_yeu: Luật Hộ tịch"))
    path.write_text(filled, encoding="utf-8")
    assert load_catalogue(site_copy).procedures["1.099999"].ten.vi == "Thủ tục thử nghiệm"


def test_document_and_story_scaffolds(site_copy: Path) -> None:
    doc = new_document(site_copy, "99-2026-nd-cp", today=dt.date(2026, 11, 2))
    story = new_story(site_copy, "tin-moi", dt.datetime(2026, 11, 2, 8, 30))
    assert story == site_copy / "docs/tin-tuc/2026/tin-moi.md"
    for name in LegalDocument.model_fields:
        assert f"\n{name}:" in doc.read_text(encoding="utf-8")
    for name in NewsItem.model_fields:
        assert f"\n{name}:" in story.read_text(encoding="utf-8") or f"\n# {name}:" in story.read_text(encoding="utf-8")
    found = problems(site_copy)
    assert any(p.startswith("documents/99-2026-nd-cp.yml:3: so_hieu: must not be empty") for p in found)
    assert any(p.startswith("docs/tin-tuc/2026/tin-moi.md:2: tieu_de: must not be empty") for p in found)
    doc.write_text(doc.read_text(encoding="utf-8").replace('so_hieu: ""', "so_hieu: 99/2026/NĐ-CP")
                   .replace('co_quan_ban_hanh: ""', "co_quan_ban_hanh: Chính phủ")
                   .replace('  vi: ""', "  vi: Nghị định thử"), encoding="utf-8")
    story.write_text(story.read_text(encoding="utf-8").replace('tieu_de: ""', "tieu_de: Tin mới")
                     .replace('sapo: ""', "sapo: Câu dẫn.").replace('nguon: ""', "nguon: Sở Nội vụ"),
                     encoding="utf-8")
    cat = load_catalogue(site_copy)
    assert "99-2026-nd-cp" in cat.documents and any(s.item.khoa == "tin-moi" for s in cat.stories)


def test_scaffolds_never_overwrite_and_check_names(site_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from new_procedure import main as scaffold

    before = (site_copy / "procedures/1.001193.yml").read_bytes()
    assert scaffold(["1.001193", "--root", str(site_copy)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (site_copy / "procedures/1.001193.yml").read_bytes() == before
    with pytest.raises(ScaffoldError):
        new_document(site_copy, "Sai Ten")
    with pytest.raises(ScaffoldError):
        new_story(site_copy, "tin mới", dt.datetime(2026, 1, 1))
    assert scaffold(["1.088888", "--root", str(site_copy)]) == 0
    assert (site_copy / "procedures/1.088888.yml").is_file()
