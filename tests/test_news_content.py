"""News front matter and the legal-document registry: every problem named by file, line and field, at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import STORY as GOOD

from cchc.content.catalogue import document_number_key, load_catalogue
from cchc.content.importer.legal import parse_legal_basis
from cchc.content.problems import ContentError
from cchc.text import format_datetime, format_day

STORY = "docs/tin-tuc/2025/chinh-quyen-hai-cap-van-hanh.md"


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_catalogue(root)
    return [str(p) for p in info.value.problems]


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def test_sample_news_and_documents_meet_the_issue(site_copy: Path) -> None:
    cat = load_catalogue(site_copy)
    vi, en = cat.stories_in("vi"), cat.stories_in("en")
    assert len(vi) >= 25 and len(en) >= 8
    assert len({s.year for s in vi}) >= 2
    assert {s.item.chuyen_muc for s in vi} == set(cat.categories)  # every category has news
    assert len(cat.documents) >= 12
    assert all(doc.trich_yeu.en for doc in cat.documents.values())
    assert all(cat.counterpart(s, "vi") is not None for s in en), "every English story translates a Vietnamese one"


def test_a_good_story_loads_with_vietnam_time(site_copy: Path) -> None:
    write(site_copy, "docs/tin-tuc/2026/tin-thu.md", GOOD.replace("+07:00", "+00:00").replace("T08", "T23"))
    story = next(s for s in load_catalogue(site_copy).stories if s.item.khoa == "tin-thu")
    # 23:00 UTC on 2 February is 06:00 on 3 February in Vietnam: the date and the year folder follow Vietnam time.
    assert story.published == dt.datetime(2026, 2, 3, 6, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert story.address == "tin-tuc/2026/tin-thu.md" and story.body == "Nội dung tin, có [một liên kết](https://dichvucong.gov.vn/)."


def test_every_front_matter_problem_at_once(site_copy: Path) -> None:
    write(site_copy, "docs/tin-tuc/2026/hong.md", """---
tieu_de: "   "
khoa: Tin Hong
ngay_dang: 2026-02-30T08:00:00+07:00
chuyen_muc: tin-chung
sapo: Câu dẫn.
nguon: Sở Nội vụ
mau_sac: do
---

Nội dung.
""")
    write(site_copy, "docs/tin-tuc/2026/khong-mui-gio.md", GOOD.replace("+07:00", "").replace("tin-thu", "khac")
          .replace("tin-chung", "the-thao"))
    found = problems(site_copy)
    assert "docs/tin-tuc/2026/hong.md:2: tieu_de: must not be empty or only spaces" in found
    assert any(p.startswith("docs/tin-tuc/2026/hong.md:3: khoa: got 'Tin Hong'; must match") for p in found)
    assert any(p.startswith("docs/tin-tuc/2026/hong.md:4: ngay_dang:") for p in found)
    assert "docs/tin-tuc/2026/hong.md:8: mau_sac: unknown field; allowed here: tieu_de, khoa, ngay_dang, " \
           "ngay_cap_nhat, chuyen_muc, sapo, tac_gia, nguon, the, anh, ngon_ngu" in found
    assert ("docs/tin-tuc/2026/khong-mui-gio.md:4: ngay_dang: give the time zone, e.g. 2026-02-02T08:00:00+07:00 "
            "(Vietnam time)") in found


def test_missing_fields_and_credit(site_copy: Path) -> None:
    write(site_copy, "docs/tin-tuc/2026/thieu.md", "---\ntieu_de: Thiếu\n---\n\nNội dung.\n")
    found = problems(site_copy)
    for name in ("khoa", "ngay_dang", "chuyen_muc", "sapo"):
        assert any(p.startswith(f"docs/tin-tuc/2026/thieu.md:2: {name}: missing; this field is required") for p in found), name
    write(site_copy, "docs/tin-tuc/2026/thieu.md", GOOD.replace("nguon: Sở Nội vụ\n", ""))
    assert "docs/tin-tuc/2026/thieu.md:2: give tac_gia (author) or nguon (source), or both" in problems(site_copy)


def test_front_matter_fences(site_copy: Path) -> None:
    write(site_copy, "docs/tin-tuc/2026/mo.md", GOOD.replace("---\n\nNội dung", "\nNội dung"))
    write(site_copy, "docs/tin-tuc/2026/khong-co.md", "Chỉ có nội dung, không có front matter.\n")
    write(site_copy, "docs/tin-tuc/2026/rong.md", GOOD.replace("Nội dung tin, có [một liên kết](https://dichvucong.gov.vn/).\n", "").replace("tin-thu", "rong"))
    found = problems(site_copy)
    assert ("docs/tin-tuc/2026/mo.md:1: front matter opened with '---' on line 1 is never closed; add a line '---' "
            "after the last field") in found
    assert any(p.startswith("docs/tin-tuc/2026/khong-co.md:1: the file must begin with front matter") for p in found)
    assert "docs/tin-tuc/2026/rong.md:9: the story has no text after its front matter" in found


def test_folder_category_image_and_key_problems(site_copy: Path) -> None:
    write(site_copy, "docs/tin-tuc/2025/sai-nam.md", GOOD.replace("tin-thu", "sai-nam"))
    write(site_copy, "docs/tin-tuc/tin-le.md", GOOD)
    write(site_copy, "docs/tin-tuc/2026/trang-2.md", GOOD)
    write(site_copy, "docs/tin-tuc/2026/chuyen-muc.md", GOOD.replace("tin-chung", "the-thao").replace("tin-thu", "cm"))
    write(site_copy, "docs/tin-tuc/2026/anh.md", GOOD.replace("tin-thu", "anh").replace(
        "nguon:", "anh:\n  tep: assets/images/tin-tuc/khong-co.jpg\n  mo_ta: Ảnh\nnguon:"))
    write(site_copy, "docs/tin-tuc/2026/trung-1.md", GOOD.replace("tin-thu", "trung"))
    write(site_copy, "docs/tin-tuc/2026/trung-2.md", GOOD.replace("tin-thu", "trung"))
    found = problems(site_copy)
    assert ("docs/tin-tuc/2025/sai-nam.md:4: ngay_dang: the story is dated 2026 but its file is in the folder 2025; "
            "move it to docs/tin-tuc/2026/") in found
    assert "docs/tin-tuc/tin-le.md: a news story goes in the folder of its year, e.g. docs/tin-tuc/2026/ten-bai.md" in found
    assert any(p.startswith("docs/tin-tuc/2026/trang-2.md: the name 'trang-2.md' is kept") for p in found)
    assert any(p.startswith("docs/tin-tuc/2026/chuyen-muc.md:5: chuyen_muc: unknown category 'the-thao'; allowed: "
                            "cai-cach-cong-vu,") for p in found)
    assert ("docs/tin-tuc/2026/anh.md:8: anh.tep: no file docs/assets/images/tin-tuc/khong-co.jpg; upload the picture "
            "there or correct the path") in found
    assert any(p.startswith("docs/tin-tuc/2026/trung-2.md:3: khoa: duplicate key 'trung', already used by "
                            "docs/tin-tuc/2026/trung-1.md") for p in found)


def test_document_problems(site_copy: Path) -> None:
    rel = "documents/61-2018-nd-cp.yml"
    text = (site_copy / rel).read_text(encoding="utf-8")
    (site_copy / rel).write_text(text.replace("tinh_trang: het-hieu-luc", "tinh_trang: con-hieu-luc")
                                 .replace("can_cu: [77-2015-qh13]", "can_cu: [khong-co]"), encoding="utf-8")
    write(site_copy, "documents/ban-sao.yml", (site_copy / "documents/45-2020-nd-cp.yml").read_text(encoding="utf-8")
          .replace("loai_van_ban: nghi-dinh", "loai_van_ban: cong-dien"))
    write(site_copy, "documents/Sai_Ten.yml", (site_copy / "documents/45-2020-nd-cp.yml").read_text(encoding="utf-8")
          .replace("45/2020", "46/2020").replace("ngay_hieu_luc: 2020-05-22", "ngay_hieu_luc: 2019-01-01"))
    found = problems(site_copy)
    assert any(p.startswith("documents/61-2018-nd-cp.yml:") and "can_cu[0]: unknown document 'khong-co'" in p
               for p in found)
    assert ("documents/61-2018-nd-cp.yml:7: tinh_trang: is 'con-hieu-luc' but '118-2025-nd-cp' replaces it; "
            "set it to 'het-hieu-luc'") in found
    assert any(p.startswith("documents/ban-sao.yml:3: loai_van_ban: got 'cong-dien'; allowed: luat,") for p in found)
    assert any(p.startswith("documents/Sai_Ten.yml:") and "ngay_hieu_luc is before ngay_ban_hanh" in p for p in found)


def test_duplicate_document_number(site_copy: Path) -> None:
    write(site_copy, "documents/trung-so.yml", (site_copy / "documents/45-2020-nd-cp.yml").read_text(encoding="utf-8")
          .replace("so_hieu: 45/2020/NĐ-CP", "so_hieu: 45 / 2020 / nđ-cp"))
    assert ("documents/trung-so.yml:2: so_hieu: duplicate number '45 / 2020 / nđ-cp', already registered in "
            "documents/45-2020-nd-cp.yml") in problems(site_copy)


@pytest.mark.parametrize(
    ("moment", "lang", "expected"),
    [
        (dt.datetime(2026, 7, 20, 8, 30), "vi", "Thứ Hai, 20/07/2026, 08:30"),
        (dt.datetime(2026, 7, 20, 8, 30), "en", "Monday, 20 July 2026, 08:30"),
        (dt.datetime(2026, 7, 26, 17, 5), "vi", "Chủ Nhật, 26/07/2026, 17:05"),
        (dt.datetime(2025, 7, 1, 7, 30), "vi", "Thứ Ba, 01/07/2025, 07:30"),
    ],
)
def test_news_dates(moment: dt.datetime, lang: str, expected: str) -> None:
    assert format_datetime(moment, lang) == expected
    assert format_day(moment.date(), lang) == expected.rsplit(", ", 1)[0]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("Không có thông tin", []),
        ("Tên văn bản pháp lýMã văn bảnLuật Cư trú 202068/2020/QH14Thông tư 55/2021/TT-BCA55/2021/TT-BCA",
         [("68/2020/QH14", "Luật Cư trú 2020"), ("55/2021/TT-BCA", "Thông tư 55/2021/TT-BCA")]),
        ("Thông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an53/2025/TT-BCANghị định quy định chi tiết"
         " Luật Cư trú154/2024/NĐ-CP",
         [("53/2025/TT-BCA", "Thông tư số 53/2025/TT-BCA ngày 01/7/2025 của Bộ Công an"),
          ("154/2024/NĐ-CP", "Nghị định quy định chi tiết Luật Cư trú")]),
        ("SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA CÁC NGHỊ ĐỊNH58/2026/NĐ-CP",
         [("58/2026/NĐ-CP", "Sửa đổi, bổ sung một số điều của các nghị định")]),
        ("Nghị quyết số 66.7/2025/NQ-CP của Chính phủ66.7/2025/NQ-CP",
         [("66.7/2025/NQ-CP", "Nghị quyết số 66.7/2025/NQ-CP của Chính phủ")]),
    ],
)
def test_legal_basis_table(text: str, rows: list[tuple[str, str]]) -> None:
    assert parse_legal_basis(text) == rows


def test_document_numbers_compare_without_spacing_or_case() -> None:
    assert document_number_key("118/2025/NĐ-CP") == document_number_key(" 118 / 2025 / nđ-cp ")
    assert document_number_key("118/2025/NĐ-CP") != document_number_key("118/2024/NĐ-CP")


def test_the_clock_is_an_argument_of_the_loader(site_copy: Path) -> None:
    """load_catalogue reads the clock only when not given ``now``: a story dated after it is refused."""
    import datetime as dt

    from cchc.content.catalogue import load_catalogue
    from cchc.content.problems import ContentError

    load_catalogue(site_copy, now=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    with pytest.raises(ContentError) as caught:
        load_catalogue(site_copy, now=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    assert any(p.field == "ngay_dang" and "days ahead" in p.message for p in caught.value.problems)
