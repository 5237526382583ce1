"""The catalogue of bad input: each case is a tiny content set with one mistake, the exact message an editor
reads (file, line, field, what is wrong, what is allowed), and a non-zero exit from both `make check` and
`make build` with the published site left as it was."""

from __future__ import annotations

import logging
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, leaflet_of_one
from conftest import STORY as STORY_SAMPLE

PROC = "procedures/1.001193.yml"
SECOND = "procedures/1.000894.yml"
STORY = "docs/tin-tuc/2026/tin-thu.md"
DOC = "documents/60-2014-qh13.yml"


def tiny_site(dest: Path) -> Path:
    """One procedure, one legal document, one story, the real taxonomies and hand-written pages."""
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / name, dest / name)
    (dest / "hooks").symlink_to(ROOT / "hooks")  # code, not content
    shutil.copytree(ROOT / "overrides", dest / "overrides")  # content folders hold no links (cchc.content.inventory)
    shutil.copytree(ROOT / "data", dest / "data")
    leaflet_of_one(dest)
    (dest / "procedures").mkdir()
    text = (ROOT / PROC).read_text(encoding="utf-8").splitlines(keepends=True)
    (dest / PROC).write_text("".join(ln for ln in text if not ln.startswith(("thu_tuc_lien_quan", "quyet_dinh"))),
                             encoding="utf-8")
    (dest / "documents").mkdir()
    shutil.copy(ROOT / DOC, dest / DOC)
    (dest / "docs/tin-tuc/2026").mkdir(parents=True)
    for name in ("gioi-thieu.md", "tiep-can.md", "tiep-can.en.md"):
        shutil.copy(ROOT / "docs" / name, dest / "docs" / name)
    shutil.copytree(ROOT / "docs/assets", dest / "docs/assets")
    (dest / STORY).write_text(STORY_SAMPLE, encoding="utf-8")
    return dest


def edit(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def write(rel: str, data: str | bytes) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            (root / rel).write_bytes(data)
        else:
            (root / rel).write_text(data, encoding="utf-8")
    return apply


def copy_as(src: str, dest: str, old: str = "", new: str = "") -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        text = (root / src).read_text(encoding="utf-8")
        (root / dest).parent.mkdir(parents=True, exist_ok=True)
        (root / dest).write_text(text.replace(old, new, 1) if old else text, encoding="utf-8")
    return apply


def link(rel: str, target: str, make: str = "") -> Callable[[Path], None]:
    """A symbolic link at ``rel`` to ``target`` (relative to the link's folder); ``make`` names a file or folder
    (ending in /) outside the site to create first, holding a secret the build must never read."""
    def apply(root: Path) -> None:
        if make:
            outside = root.parent / make
            if make.endswith("/"):
                outside.mkdir(parents=True, exist_ok=True)
                (outside / "secret.txt").write_text("SECRET of the build machine", encoding="utf-8")
            else:
                outside.write_text("SECRET of the build machine", encoding="utf-8")
        path = root / rel
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        path.unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target)
    return apply


class with_limit:  # noqa: N801 - used like the other mutations
    """A mutation run with one of cchc.content.inventory's limits lowered, so a test need not write 50,000 files."""

    def __init__(self, name: str, value: int, then: Callable[[Path], None]) -> None:
        self.limits = {name: value}
        self.then = then

    def __call__(self, root: Path) -> None:
        self.then(root)


def many(folder: str, count: int) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        for i in range(count):
            (root / folder / f"extra-{i:03d}.yml").write_text("x: 1\n", encoding="utf-8")
    return apply


def sized(rel: str, size: int) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        with (root / rel).open("wb") as handle:
            handle.truncate(size)  # sparse: the size is what is checked, nothing is read
    return apply


def transform(rel: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).write_bytes(change((root / rel).read_bytes()))
    return apply


LINK_RULE = "content must be real files in the repository, never links (put the file itself here)"
ALIAS_RULE = "content files use no anchors (&name) or aliases (*name); write the value out in full"
# The "billion laughs": nine lines whose last would expand to 9^9 items.
LAUGHS = ('lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
          + "".join(f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)))
P_LINE = {"ten": 4, "linh_vuc": 7, "cap_thuc_hien": 8, "doi_tuong": 12, "co_quan": 13, "thoi_han": 37,
          "fee": 42, "mau_url": 58, "muc_do": 81, "lien_ket": 82, "cap_nhat": 83}
PHI = "cach_thuc[0].phi[1].so_tien"
ONLINE = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193"

# (id, mutation, exact messages expected among the problems)
CASES: list[tuple[str, Callable[[Path], None], list[str]]] = [
    ("yaml-syntax", edit(PROC, "linh_vuc: ho-tich", 'linh_vuc: "ho-tich'),
     [f"{PROC}:7: YAML syntax error: while scanning a quoted scalar here, found unexpected end of stream on line 84; "
      "a quote opened on this line is never closed"]),
    ("tab-indent", edit(PROC, "  vi: Thủ tục đăng ký khai sinh", "\tvi: Thủ tục đăng ký khai sinh"),
     [f"{PROC}:5: YAML syntax error: found character '\\t' that cannot start any token; indent with spaces, not tabs"]),
    ("duplicate-key", edit(PROC, "linh_vuc: ho-tich\n", "linh_vuc: ho-tich\nlinh_vuc: chung-thuc\n"),
     [f"{PROC}:8: linh_vuc: duplicate key (first given on line 7); give each field once"]),
    ("unknown-field", edit(PROC, "linh_vuc: ho-tich\n", "linh_vuc: ho-tich\nghi_chu_rieng: x\n"),
     [f"{PROC}:8: ghi_chu_rieng: unknown field; allowed here: ma_thu_tuc, ma_dia_phuong, ten, linh_vuc, "
      "cap_thuc_hien, loai_thu_tuc, doi_tuong, co_quan_thuc_hien, co_quan_co_tham_quyen, co_quan_duoc_uy_quyen, "
      "co_quan_phoi_hop, dia_chi_tiep_nhan, thoi_gian_tiep_nhan, trinh_tu, cach_thuc, thanh_phan_ho_so, "
      "so_luong_ho_so, yeu_cau_dieu_kien, ket_qua, can_cu_phap_ly, muc_do_dvc, lien_ket_dvc, thu_tuc_lien_quan, "
      "quyet_dinh_cong_bo, trang_thai, cap_nhat, ghi_chu, nguon, can_ra_soat"]),
    ("missing-field", edit(PROC, "linh_vuc: ho-tich\n", ""),
     [f"{PROC}:2: linh_vuc: missing; this field is required (Lĩnh vực: field id from data/fields.yml)"]),
    ("wrong-type-number", edit(PROC, "so_tien: 8000", "so_tien: tám nghìn"),
     [f"{PROC}:{P_LINE['fee']}: {PHI}: must be a whole number, got 'tám nghìn'"]),
    ("wrong-type-list", edit(PROC, "cap_thuc_hien: [xa]", "cap_thuc_hien: xa"),
     [f"{PROC}:8: cap_thuc_hien: must be a list (lines starting with '- '), got 'xa'"]),
    ("empty-value", edit(PROC, "  vi: Thủ tục đăng ký khai sinh", '  vi: ""'),
     [f"{PROC}:5: ten.vi: must not be empty or only spaces"]),
    ("whitespace-value", edit(PROC, "  vi: Thủ tục đăng ký khai sinh", '  vi: "   "'),
     [f"{PROC}:5: ten.vi: must not be empty or only spaces"]),
    ("duplicate-code", copy_as(PROC, SECOND),
     [f"{SECOND}:2: ma_thu_tuc: code '1.001193' does not match the file name; name the file 1.001193.yml",
      f"{PROC}:2: ma_thu_tuc: duplicate code '1.001193', already used by {SECOND}; codes are unique"]),
    ("code-file-mismatch", copy_as(PROC, SECOND, 'ma_thu_tuc: "1.001193"', 'ma_thu_tuc: "1.000895"'),
     [f"{SECOND}:2: ma_thu_tuc: code '1.000895' does not match the file name; name the file 1.000895.yml"]),
    ("unknown-field-ref", edit(PROC, "linh_vuc: ho-tich", "linh_vuc: ho-tich-moi"),
     [f"{PROC}:7: linh_vuc: unknown field 'ho-tich-moi'; allowed: an id listed in data/fields.yml"]),
    ("unknown-level", edit(PROC, "cap_thuc_hien: [xa]", "cap_thuc_hien: [huyen]"),
     [f"{PROC}:8: cap_thuc_hien[0]: unknown level 'huyen'; allowed: tinh, xa"]),
    ("unknown-agency", edit(PROC, "co_quan_thuc_hien: [ubnd-xa]", "co_quan_thuc_hien: [ubnd-huyen]"),
     [f"{PROC}:13: co_quan_thuc_hien[0]: unknown agency 'ubnd-huyen'; allowed: cong-an-tinh, cong-an-xa, "
      "so-noi-vu, so-nong-nghiep-mt, so-tai-chinh, so-tu-phap, so-xay-dung, trung-tam-phvhcc, "
      "trung-tam-tro-giup-phap-ly, ubnd-tinh, ubnd-xa, van-phong-dang-ky-dat-dai"]),
    ("unknown-related", edit(PROC, "cap_nhat:", 'thu_tuc_lien_quan: ["9.999999"]\ncap_nhat:'),
     [f"{PROC}:83: thu_tuc_lien_quan[0]: unknown procedure code '9.999999'; allowed: 1.001193"]),
    ("unknown-set", edit(PROC, "cap_nhat:", "quyet_dinh_cong_bo: qd-9999-2026\ncap_nhat:"),
     [f"{PROC}:83: quyet_dinh_cong_bo: unknown procedure set 'qd-9999-2026'; allowed: a file name (without .yml) "
      "in procedures/sets/: none yet"]),
    ("set-lists-unknown-code", write("procedures/sets/qd-1-2026.yml",
                                     "so_hieu: 1/QĐ-UBND\nngay_ban_hanh: 2026-01-05\nnguoi_ky: Nguyễn Văn A\n"
                                     "co_quan_ban_hanh: ubnd-tinh\ntrich_yeu: Công bố\ncong_bo_moi: ['1.999999']\n"),
     ["procedures/sets/qd-1-2026.yml:6: cong_bo_moi[0]: unknown procedure code '1.999999'; allowed: 1.001193"]),
    ("abolished-but-in-force", write("procedures/sets/qd-2-2026.yml",
                                     "so_hieu: 2/QĐ-UBND\nngay_ban_hanh: 2026-01-05\nnguoi_ky: Nguyễn Văn A\n"
                                     "co_quan_ban_hanh: ubnd-tinh\ntrich_yeu: Bãi bỏ\nbai_bo: ['1.001193']\n"),
     [f"{PROC}:2: trang_thai: is 'con-hieu-luc' but procedure set 'qd-2-2026' abolishes it; set it to 'bai-bo'"]),
    ("date-does-not-exist", edit(PROC, "cap_nhat: 2026-10-15", "cap_nhat: 2026-02-30"),
     [f"{PROC}:83: cap_nhat: must be a real date written YYYY-MM-DD, got '2026-02-30' (day value is outside "
      "expected range)"]),
    ("date-ambiguous", edit(PROC, "cap_nhat: 2026-10-15", "cap_nhat: 05/06/2026"),
     [f"{PROC}:83: cap_nhat: must be a real date written YYYY-MM-DD, got '05/06/2026' (invalid character in year)"]),
    ("story-far-future", edit(STORY, "ngay_dang: 2026-02-02", "ngay_dang: 2036-02-02"),
     [f"{STORY}:4: ngay_dang: 2036-02-02 is more than 31 days ahead; check the year (a story is published when "
      "the site is built)"]),
    ("fee-negative", edit(PROC, "so_tien: 8000", "so_tien: -8000"),
     [f"{PROC}:{P_LINE['fee']}: {PHI}: must be from 0 to 1000000000000, got -8000"]),
    ("fee-not-a-number", edit(PROC, "so_tien: 8000", "so_tien: 8.000đ"),
     [f"{PROC}:{P_LINE['fee']}: {PHI}: must be a whole number, got '8.000đ'"]),
    ("unknown-time-unit", edit(PROC, "don_vi: ngay-lam-viec, ghi_chu", "don_vi: tuan, ghi_chu"),
     [f"{PROC}:37: cach_thuc[0].thoi_han.don_vi: got 'tuan'; allowed: ngay-lam-viec, ngay, gio or thang"]),
    ("decomposed-unicode", transform(PROC, lambda b: unicodedata.normalize("NFD", b.decode()).encode()),
     [f"{PROC}:5: text is in decomposed Unicode (NFD), as some programs save it: letters and their marks are "
      "stored apart; save the file as composed Unicode (NFC) (`make fix` does it)"]),
    ("old-tone-placement", edit(PROC, "  vi: Thủ tục đăng ký khai sinh", "  vi: Thủ tục đăng ký khai sinh tại Khánh Hoà"),
     [f"{PROC}:5: 'Hoà' puts the tone mark the old way; write 'Hòa', as the rest of the site does"]),
    ("byte-order-mark", transform(PROC, lambda b: b"\xef\xbb\xbf" + b),
     [f"{PROC}:1: file starts with a byte order mark (BOM); save it as UTF-8 without BOM (`make fix` removes it)"]),
    ("crlf-line-ends", transform(PROC, lambda b: b.replace(b"\n", b"\r\n")),
     [f"{PROC}:1: line ends are Windows-style (CRLF); save the file with LF line ends (`make fix` converts them)"]),
    ("not-utf8", transform(PROC, lambda b: b.decode().encode("utf-16")),
     [f"{PROC}:1: file is not UTF-8 text; save it as UTF-8"]),
    ("empty-file", write(SECOND, ""), [f"{SECOND}: file is empty; it must hold one record"]),
    ("huge-file", write(SECOND, "# " + "x" * 5_000_000 + "\n"),
     [f"{SECOND}: file is 5.0 MB; a content file must stay under 1 MB (link large documents instead of pasting them)"]),
    ("wrong-extension", copy_as(PROC, "procedures/1.001193.yaml"),
     ["procedures/1.001193.yaml: use the .yml extension, not .yaml"]),
    ("story-wrong-year-folder", edit(STORY, "ngay_dang: 2026-02-02", "ngay_dang: 2025-02-02"),
     [f"{STORY}:4: ngay_dang: the story is dated 2025 but its file is in the folder 2026; move it to "
      "docs/tin-tuc/2025/"]),
    ("story-outside-year-folder", write("docs/tin-tuc/tin-le.md", STORY_SAMPLE),
     ["docs/tin-tuc/tin-le.md: a news story goes in the folder of its year, e.g. docs/tin-tuc/2026/ten-bai.md"]),
    ("front-matter-unclosed", edit(STORY, "nguon: Sở Nội vụ\n---\n", "nguon: Sở Nội vụ\n"),
     [f"{STORY}:1: front matter opened with '---' on line 1 is never closed; add a line '---' after the last field"]),
    ("story-javascript-link", edit(STORY, "(https://dichvucong.gov.vn/)", "(javascript:alert(1))"),
     [f"{STORY}:10: link target 'javascript:alert(1' is not allowed; a link may go to an http(s), mailto or tel "
      "address or to a page of this site"]),
    ("page-data-link", write("docs/huong-dan.md", "# Hướng dẫn\n\n<a href=\"data:text/html;base64,PHNjcmlwdD4=\">mở</a>\n"),
     ["docs/huong-dan.md:3: link target 'data:text/html;base64,PHNjcmlwdD4=' is not allowed; a link may go to an "
      "http(s), mailto or tel address or to a page of this site"]),
    ("form-link-javascript", edit(PROC, "url: https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html",
                                  "url: javascript:alert(1)//"),
     [f"{PROC}:58: thanh_phan_ho_so[0].giay_to[0].mau.url: must be a web address starting with https:// or "
      "http://, got 'javascript:alert(1)//?ma_thu_tuc=1.001193'"]),
    ("story-unknown-category", edit(STORY, "chuyen_muc: tin-chung", "chuyen_muc: the-thao"),
     [f"{STORY}:5: chuyen_muc: unknown category 'the-thao'; allowed: cai-cach-cong-vu, cai-cach-tai-chinh-cong, "
      "cai-cach-the-che, cai-cach-thu-tuc-hanh-chinh, cai-cach-to-chuc-bo-may, chinh-quyen-so, tin-chung"]),
    ("story-no-time-zone", edit(STORY, "2026-02-02T08:00:00+07:00", "2026-02-02T08:00:00"),
     [f"{STORY}:4: ngay_dang: give the time zone, e.g. 2026-02-02T08:00:00+07:00 (Vietnam time)"]),
    ("story-missing-image", edit(STORY, "nguon:", "anh:\n  tep: assets/images/tin-tuc/khong-co.jpg\n  mo_ta: Ảnh\nnguon:"),
     [f"{STORY}:8: anh.tep: no file docs/assets/images/tin-tuc/khong-co.jpg; upload the picture there or correct "
      "the path"]),
    ("story-duplicate-key", copy_as(STORY, "docs/tin-tuc/2026/tin-thu-2.md"),
     ["docs/tin-tuc/2026/tin-thu.md:3: khoa: duplicate key 'tin-thu', already used by docs/tin-tuc/2026/tin-thu-2.md; "
      "each story has its own key (its translation shares it)"]),
    ("document-duplicate-number", copy_as(DOC, "documents/luat-ho-tich.yml"),
     ["documents/luat-ho-tich.yml:2: so_hieu: duplicate number '60/2014/QH13', already registered in "
      "documents/60-2014-qh13.yml"]),
    ("document-unknown-relation", edit(DOC, "tinh_trang: con-hieu-luc", "tinh_trang: con-hieu-luc\ncan_cu: [hien-phap-2013]"),
     [f"{DOC}:8: can_cu[0]: unknown document 'hien-phap-2013'; allowed: 60-2014-qh13"]),
    ("document-status", edit(DOC, "tinh_trang: con-hieu-luc", "tinh_trang: het-han"),
     [f"{DOC}:7: tinh_trang: got 'het-han'; allowed: con-hieu-luc, het-hieu-luc-mot-phan, het-hieu-luc or "
      "chua-co-hieu-luc"]),
    ("form-missing-file", edit(PROC, f"          url: {ONLINE}\n", "          tep: assets/bieu-mau/khong-co.docx\n"),
     [f"{PROC}:58: thanh_phan_ho_so[0].giay_to[0].mau.tep: no file docs/assets/bieu-mau/khong-co.docx; put the form "
      "there or correct the path"]),
    ("form-file-outside-docs", edit(PROC, f"          url: {ONLINE}\n", "          tep: ../mkdocs.yml\n"),
     [f"{PROC}:58: thanh_phan_ho_so[0].giay_to[0].mau.tep: must be a file path inside docs/, such as "
      "assets/images/tin-tuc/anh.jpg, got '../mkdocs.yml'"]),
    ("form-url-and-file", edit(PROC, "          url: https://dichvucong.gov.vn/", "          tep: assets/fonts/OFL.txt\n"
                                     "          url: https://dichvucong.gov.vn/"),
     [f"{PROC}:56: thanh_phan_ho_so[0].giay_to[0].mau: give url or tep, not both"]),
    ("online-without-link", edit(PROC, f"lien_ket_dvc: {ONLINE}\n", ""),
     [f"{PROC}:2: lien_ket_dvc is required when muc_do_dvc is toan-trinh or mot-phan"]),
    # Hostile content (SECURITY.md): links out of the repository, alias bombs, absurd numbers and sizes.
    ("symlink-to-file", link("docs/assets/x.txt", "../../../secret.txt", make="secret.txt"),
     [f"docs/assets/x.txt: is a symbolic link to '../../../secret.txt'; {LINK_RULE}"]),
    ("symlink-to-folder", link("docs/assets/host", "../../../outside/", make="outside/"),
     [f"docs/assets/host: is a symbolic link to '../../../outside/'; {LINK_RULE}"]),
    ("symlink-dangling", link(SECOND, "1.000895.yml"),
     [f"{SECOND}: is a symbolic link to '1.000895.yml'; {LINK_RULE}"]),
    ("symlink-content-folder", link("documents", "../outside/", make="outside/"),
     [f"documents: is a symbolic link to '../outside/'; {LINK_RULE}"]),
    ("symlink-in-overrides", link("overrides/partials/cchc-extra.html", "/etc/hostname"),
     [f"overrides/partials/cchc-extra.html: is a symbolic link to '/etc/hostname'; {LINK_RULE}"]),
    ("symlink-data-file", link("data/levels.yml", "../../secret.txt", make="secret.txt"),
     [f"data/levels.yml: is a symbolic link to '../../secret.txt'; {LINK_RULE}"]),
    ("yaml-anchor", edit(PROC, "linh_vuc: ho-tich\n", "linh_vuc: &f ho-tich\n"),
     [f"{PROC}:7: YAML anchor '&f' is not allowed: {ALIAS_RULE}"]),
    ("yaml-alias", edit(PROC, "linh_vuc: ho-tich\n", "linh_vuc: *f\n"),
     [f"{PROC}:7: YAML alias '*f' is not allowed: {ALIAS_RULE}"]),
    ("yaml-billion-laughs", transform("data/levels.yml", lambda b: b + LAUGHS.encode()),
     [f"data/levels.yml:9: YAML anchor '&a' is not allowed: {ALIAS_RULE}"]),
    ("yaml-too-deep", write(SECOND, "ten: " + "[" * 30 + "]" * 30 + "\n"),
     [f"{SECOND}:1: values are nested more than 20 levels deep; the limit is 20 (check the indentation)"]),
    ("yaml-too-many-items", write(SECOND, "thu_tuc_lien_quan:\n" + "- '1.001193'\n" * 10_001),
     [f"{SECOND}:10002: a list or group holds more than 10000 items; the limit is 10000 (split the content into "
      "several files)"]),
    # A page's front matter is parsed by MkDocs with libyaml (recursive, expanding aliases): screened first.
    ("page-front-matter-too-deep", write("docs/huong-dan.md", "---\ntitle: " + "[" * 100_000 + "]" * 100_000
                                         + "\n---\n# x\n"),
     ["docs/huong-dan.md:2: values are nested more than 20 levels deep; the limit is 20 (check the indentation)"]),
    ("page-front-matter-alias", write("docs/huong-dan.md", "---\ntitle: &t Hướng dẫn\ndescription: *t\n---\n"
                                      "# Hướng dẫn\n"),
     [f"docs/huong-dan.md:2: YAML anchor '&t' is not allowed: {ALIAS_RULE}"]),
    ("page-front-matter-alias-in-existing-page", edit("docs/gioi-thieu.md", "# ", "---\nx: *y\n---\n# "),
     [f"docs/gioi-thieu.md:2: YAML alias '*y' is not allowed: {ALIAS_RULE}"]),
    # The translation memory is a data file like the others: the same loader, each entry validated.
    ("translations-alias", write("data/translations.yml", "- vi: &x Một\n  en: *x\n"),
     [f"data/translations.yml:1: YAML anchor '&x' is not allowed: {ALIAS_RULE}"]),
    ("translations-too-deep", write("data/translations.yml", "- vi: " + "[" * 100_000 + "]" * 100_000 + "\n"),
     ["data/translations.yml:1: values are nested more than 20 levels deep; the limit is 20 (check the "
      "indentation)"]),
    ("translations-entry-without-english", write("data/translations.yml", "- vi: Một\n  en: One\n- vi: Hai\n"),
     ["data/translations.yml:3: [1].en: missing; this field is required (English: used wherever the text recurs "
      "and the record has no English of its own)"]),
    # News dates have the model's range too (year 1 would overflow converting to Vietnam time).
    ("story-year-1", edit(STORY, "ngay_dang: 2026-02-02T08:00:00+07:00", "ngay_dang: 0001-01-01T00:00:00+07:00"),
     [f"{STORY}:4: ngay_dang: must be from 1945-01-01 to 2100-12-31, got '0001-01-01T00:00:00+07:00'"]),
    ("story-year-1900", edit(STORY, "ngay_dang: 2026-02-02T08:00:00+07:00", "ngay_dang: 1900-02-02T08:00:00+07:00"),
     [f"{STORY}:4: ngay_dang: must be from 1945-01-01 to 2100-12-31, got '1900-02-02T08:00:00+07:00'"]),
    ("story-updated-year-9999", edit(STORY, "nguon: Sở Nội vụ\n", "nguon: Sở Nội vụ\n"
                                     "ngay_cap_nhat: 9999-12-31T23:59:59-07:00\n"),
     [f"{STORY}:8: ngay_cap_nhat: must be from 1945-01-01 to 2100-12-31, got '9999-12-31T23:59:59-07:00'"]),
    ("fee-absurd", edit(PROC, "so_tien: 8000", "so_tien: 99999999999999999999999"),
     [f"{PROC}:{P_LINE['fee']}: {PHI}: must be from 0 to 1000000000000, got 99999999999999999999999"]),
    ("copies-absurd", edit(PROC, "        ban_chinh: 1\n", "        ban_chinh: 20261\n"),
     [f"{PROC}:59: thanh_phan_ho_so[0].giay_to[0].ban_chinh: must be from 0 to 100, got 20261"]),
    ("time-limit-absurd", edit(PROC, "thoi_han: {so: 1, don_vi: ngay-lam-viec}", "thoi_han: {so: 1100, don_vi: ngay-lam-viec}"),
     [f"{PROC}:45: cach_thuc[1].thoi_han: so must be more than 0 and at most 1000 when don_vi is ngay-lam-viec, "
      "got 1100"]),
    ("hours-absurd", edit(PROC, "thoi_han: {so: 1, don_vi: ngay-lam-viec}", "thoi_han: {so: 1e400, don_vi: gio}"),
     [f"{PROC}:45: cach_thuc[1].thoi_han: so must be more than 0 and at most 720 when don_vi is gio, got inf"]),
    ("year-absurd", edit(DOC, "ngay_ban_hanh: 2014-11-20", "ngay_ban_hanh: 20140-11-20"),
     [f"{DOC}:5: ngay_ban_hanh: must be a real date written YYYY-MM-DD, got '20140-11-20' (invalid date separator, expected `-`)"]),
    ("year-out-of-range", edit(PROC, "cap_nhat: 2026-10-15", "cap_nhat: 2926-10-15"),
     [f"{PROC}:83: cap_nhat: must be from 1945-01-01 to 2100-12-31, got '2926-10-15'"]),
    ("index-rank-absurd", edit("data/indices.yml", "tong_so: 63", "tong_so: 6300"),
     ["data/indices.yml:15: par-index.nam[0].tong_so: must be from 1 to 100, got 6300"]),
    ("too-many-files", with_limit("MAX_FILES", 20, many("documents", 25)),
     ["documents: holds more than 20 files; the limit is 20 files in a content folder (this many is a mistake, "
      "such as an unpacked archive)"]),
    ("asset-too-large", sized("docs/assets/images/tin-tuc/anh-lon.jpg", 12_000_000),
     ["docs/assets/images/tin-tuc/anh-lon.jpg: file is 12.0 MB; a file in docs/ must stay under 10 MB (make "
      "pictures smaller; link large documents instead of adding them)"]),
    ("huge-file-sparse", sized(SECOND, 3_000_000_000),
     [f"{SECOND}: file is 3000.0 MB; a content file must stay under 1 MB (link large documents instead of pasting "
      "them)"]),
    # Nothing under a content folder is silently ignored.
    ("procedure-in-subfolder", copy_as(PROC, "procedures/cu/1.001193.yml"),
     ["procedures/cu/1.001193.yml: is inside a subfolder, which is not read; put it directly in procedures/ "
      "(procedure sets go in procedures/sets/)"]),
    ("set-in-subfolder", write("procedures/sets/2025/qd-1-2025.yml", "so_hieu: 1/QĐ-UBND\n"),
     ["procedures/sets/2025/qd-1-2025.yml: is inside a subfolder, which is not read; put it directly in "
      "procedures/sets/"]),
    ("document-in-subfolder", copy_as(DOC, "documents/luat/60-2014-qh13.yml"),
     ["documents/luat/60-2014-qh13.yml: is inside a subfolder, which is not read; put it directly in documents/"]),
    ("upper-case-extension", copy_as(PROC, "procedures/1.000894.YML", 'ma_thu_tuc: "1.001193"', 'ma_thu_tuc: "1.000894"'),
     ["procedures/1.000894.YML: the extension must be written in lower case: rename the file 1.000894.yml"]),
    ("mixed-case-extension", copy_as(DOC, "documents/luat-ho-tich.Yml"),
     ["documents/luat-ho-tich.Yml: the extension must be written in lower case: rename the file luat-ho-tich.yml"]),
    ("unknown-extension", write("procedures/1.000894.json", "{}"),
     ["procedures/1.000894.json: is not a record: procedures/ holds only .yml files (save the record as .yml, or "
      "remove the file)"]),
    ("editor-backup", copy_as(DOC, "documents/60-2014-qh13.yml~"),
     ["documents/60-2014-qh13.yml~: is not a record: documents/ holds only .yml files (save the record as .yml, or "
      "remove the file)"]),
    ("unknown-data-file", write("data/thong-ke.yml", "so_lieu: 1\n"),
     ["data/thong-ke.yml: is not a data file the site reads; data/ holds only agencies.yml, audiences.yml, "
      "categories.yml, centres.yml, faq.yml, feedback.yml, fields.yml, indices.yml, leaflet.yml, levels.yml, "
      "province.yml, steering-committee.yml, synonyms.yml, translations.yml, vocabulary.yml"]),
    # The closed vocabularies: every value the models allow is named, in both languages.
    ("vocabulary-value-missing", edit("data/vocabulary.yml", "  thang: {vi: tháng, en: months, en_mot: month}\n", ""),
     ["data/vocabulary.yml:7: don_vi_thoi_han: must name every value the records can take: add thang"]),
    ("vocabulary-unknown-value", edit("data/vocabulary.yml", "  thang: {", "  tuan: {vi: tuần, en: weeks, en_mot: week}\n  thang: {"),
     ["data/vocabulary.yml:11: don_vi_thoi_han.tuan.[key]: got 'tuan'; allowed: ngay-lam-viec, ngay, gio or thang"]),
    ("vocabulary-english-missing", edit("data/vocabulary.yml", "{vi: Trực tuyến, en: Online}", "{vi: Trực tuyến}"),
     ["data/vocabulary.yml:16: hinh_thuc_nop.truc-tuyen.en: missing; this field is required"]),
    ("story-upper-case-extension", copy_as(STORY, "docs/tin-tuc/2026/tin-thu-2.MD"),
     ["docs/tin-tuc/2026/tin-thu-2.MD: a page's file name must end in .md, in lower case: rename the file "
      "tin-thu-2.md"]),
    ("page-markdown-extension", write("docs/huong-dan.markdown", "# Hướng dẫn\n"),
     ["docs/huong-dan.markdown: a page's file name must end in .md, in lower case: rename the file huong-dan.md"]),
]


def test_the_catalogue_is_big_enough() -> None:
    assert len(CASES) >= 40
    assert len({case_id for case_id, _, _ in CASES}) == len(CASES)


def test_the_tiny_site_is_clean(tmp_path: Path) -> None:
    from check_content import main as check

    root = tiny_site(tmp_path / "site-src")
    assert check(["--root", str(root)]) == 0


@pytest.mark.parametrize(("case_id", "mutate", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input(case_id: str, mutate: Callable[[Path], None], expected: list[str], tmp_path: Path,
                   capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    from build_site import main as build
    from check_content import main as check

    from cchc.content import inventory
    from cchc.content.catalogue import load_catalogue
    from cchc.content.problems import ContentError
    from cchc.messages import CATALOGUE

    for name, value in getattr(mutate, "limits", {}).items():
        monkeypatch.setattr(inventory, name, value)
    root = tiny_site(tmp_path / "site-src")
    mutate(root)
    # make check: every expected message, exactly, and a non-zero exit.
    assert check(["--root", str(root)]) == 1
    printed = capsys.readouterr().out.splitlines()
    for message in expected:
        assert message in printed, f"{case_id}: expected\n  {message}\ngot\n  " + "\n  ".join(printed)
        # ... and under it, the same in Vietnamese for the editor.
        following = printed[printed.index(message) + 1]
        assert following.startswith("    ↳ ") and len(following) > 12, f"{case_id}: no Vietnamese for {message!r}"
    # Every line printed is a catalogue entry's, in both languages, and none is the catch-all for a pydantic
    # error no check expects (cchc.messages).
    with pytest.raises(ContentError) as caught:
        load_catalogue(root)
    for problem in caught.value.problems:
        entry = CATALOGUE[problem.text.key]
        assert problem.text.key != "invalid_value", f"{case_id}: {problem} has no message of its own"
        assert problem.vi == entry.vi.format(**dict(problem.text.params)) != problem.message
        assert printed[printed.index(str(problem)) + 1] == f"    ↳ {problem.vi}"
    # make build: the same messages in the log, a non-zero exit, and the published site untouched.
    published = root / "site"
    published.mkdir()
    (published / "index.html").write_text("the site as it was", encoding="utf-8")
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(caplog.handler)
    try:
        assert build(["--root", str(root), "--serial"]) == 1
    finally:
        mkdocs_log.removeHandler(caplog.handler)
    for message in expected:
        assert message in caplog.text, f"{case_id}: the build log lacks {message!r}"
    assert [p.name for p in published.iterdir()] == ["index.html"]
    assert (published / "index.html").read_text(encoding="utf-8") == "the site as it was"
