"""New-record scaffolds: a correctly named file with every field and a short Vietnamese comment per field.

Required text is left empty (""), so `make check` names each field still to fill in; nothing half-written
can be published.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path

from cchc.content.catalogue import DOCS_DIR, DOCUMENTS_DIR, PROCEDURES_DIR
from cchc.content.news import NEWS_DIR

CODE = re.compile(r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$")
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ScaffoldError(Exception):
    """Refused: the name is wrong or the file exists."""


def _create(path: Path, text: str) -> Path:
    if path.exists():
        raise ScaffoldError(f"{path} already exists; it was left as it is (choose another name or edit that file)")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


PROCEDURE = """\
# yaml-language-server: $schema=../schemas/procedure.schema.json
# Thủ tục hành chính mới. Điền từng trường theo Cơ sở dữ liệu quốc gia về thủ tục hành chính
# (dichvucong.gov.vn), rồi chạy `make check`: mọi trường còn thiếu sẽ được liệt kê kèm số dòng.
ma_thu_tuc: "{code}"            # Mã thủ tục trên Cổng Dịch vụ công quốc gia; trùng với tên tệp
ma_dia_phuong: null             # Mã địa phương, ví dụ 1.001193.000.00.00.H32 (không có thì để null)
ten:                            # Tên thủ tục; `en` là bản tiếng Anh (có thể để trống sau)
  vi: ""
linh_vuc: ""                    # Mã lĩnh vực trong data/fields.yml, ví dụ ho-tich
cap_thuc_hien: [xa]             # Cấp thực hiện: tinh, xa (xem data/levels.yml)
loai_thu_tuc: null              # Loại thủ tục, ví dụ "TTHC được luật giao quy định chi tiết"
doi_tuong: [cong-dan-viet-nam]  # Đối tượng thực hiện (xem data/audiences.yml)
co_quan_thuc_hien: [ubnd-xa]    # Cơ quan thực hiện (xem data/agencies.yml)
co_quan_co_tham_quyen: []       # Cơ quan có thẩm quyền
co_quan_duoc_uy_quyen: []       # Cơ quan được ủy quyền
co_quan_phoi_hop: []            # Cơ quan phối hợp
dia_chi_tiep_nhan: ""           # Địa chỉ tiếp nhận hồ sơ
thoi_gian_tiep_nhan: ""         # Thời gian tiếp nhận, ví dụ "Sáng 7 giờ - 11 giờ 30, chiều 13 giờ 30 - 17 giờ"
trinh_tu:                       # Trình tự thực hiện, từng bước (chia theo trường hợp nếu có)
  - cac_buoc:
      - ""
cach_thuc:                      # Cách thức thực hiện: truc-tiep, truc-tuyen, buu-chinh; mỗi cách một thời hạn
  - hinh_thuc: truc-tiep
    thoi_han: {{so: 1, don_vi: ngay-lam-viec}}   # don_vi: ngay-lam-viec, ngay, gio, thang
    phi: []                     # Phí, lệ phí: - ten: "Lệ phí ...", so_tien: 8000 (để [] nếu miễn phí)
thanh_phan_ho_so:               # Thành phần hồ sơ: mỗi giấy tờ với số bản chính, bản sao
  - giay_to:
      - ten: ""
        mau: null               # Mẫu đơn, tờ khai: ten, và url (đường dẫn tải) hoặc tep (tệp trong docs/)
        ban_chinh: 1
        ban_sao: 0
so_luong_ho_so: 1               # Số lượng hồ sơ (bộ)
yeu_cau_dieu_kien: null         # Yêu cầu, điều kiện (không có thì để null)
ket_qua:                        # Kết quả thực hiện; ma là mã kết quả, ví dụ KQ.G15.000031
  - ten: ""
can_cu_phap_ly:                 # Căn cứ pháp lý: số hiệu và trích yếu văn bản
  - so_hieu: ""
    trich_yeu: ""
muc_do_dvc: khong               # Mức độ dịch vụ công trực tuyến: toan-trinh, mot-phan, khong; null nếu chưa công bố
lien_ket_dvc: null              # Đường dẫn nộp trực tuyến (bắt buộc khi muc_do_dvc là toan-trinh, mot-phan)
thu_tuc_lien_quan: []           # Mã các thủ tục liên quan
quyet_dinh_cong_bo: null        # Tên tệp (không có .yml) của quyết định công bố trong procedures/sets/
trang_thai: con-hieu-luc        # con-hieu-luc, da-sua-doi, bai-bo
cap_nhat: {today}               # Ngày cập nhật, YYYY-MM-DD
ghi_chu: null                   # Lưu ý riêng của tỉnh cho người dân (không có thì để null)
nguon: null                     # Nguồn: chỉ do công cụ nhập từ CSDL quốc gia ghi; hồ sơ tự soạn để null
can_ra_soat: []                 # Cần rà soát: công cụ nhập ghi văn bản chưa chuẩn hóa; sửa xong thì xóa mục
"""

DOCUMENT = """\
# yaml-language-server: $schema=../schemas/document.schema.json
# Văn bản chỉ đạo điều hành mới. Điền từng trường rồi chạy `make check`.
so_hieu: ""                     # Số hiệu, ví dụ 118/2025/NĐ-CP
loai_van_ban: quyet-dinh        # luat, nghi-quyet, nghi-dinh, quyet-dinh, chi-thi, thong-tu, ke-hoach, cong-van, thong-bao
co_quan_ban_hanh: ""            # Cơ quan ban hành, ví dụ "Ủy ban nhân dân tỉnh Khánh Hòa"
nguoi_ky: null                  # Người ký
ngay_ban_hanh: {today}          # Ngày ban hành, YYYY-MM-DD
ngay_hieu_luc: null             # Ngày có hiệu lực, YYYY-MM-DD
tinh_trang: con-hieu-luc        # con-hieu-luc, het-hieu-luc-mot-phan, het-hieu-luc, chua-co-hieu-luc
trich_yeu:                      # Trích yếu; `en` là bản tiếng Anh
  vi: ""
tep: null                       # Đường dẫn toàn văn (https://...)
can_cu: []                      # Văn bản làm căn cứ (tên tệp trong documents/, không có .yml)
sua_doi: []                     # Văn bản được sửa đổi, bổ sung
thay_the: []                    # Văn bản bị thay thế
bai_bo: []                      # Văn bản bị bãi bỏ
"""

NEWS = """\
---
tieu_de: ""                     # Tiêu đề tin
khoa: {key}                     # Khóa cố định của tin; bản tiếng Anh dùng cùng khóa; không bao giờ đổi
ngay_dang: {when}               # Ngày giờ đăng, giờ Việt Nam (+07:00)
chuyen_muc: tin-chung           # Chuyên mục (xem data/categories.yml)
sapo: ""                        # Sapo: một đến ba câu tóm tắt
nguon: ""                       # Nguồn tin, ví dụ Sở Nội vụ (cần nguon hoặc tac_gia)
tac_gia: null                   # Tác giả (không bắt buộc)
ngay_cap_nhat: null             # Khi sửa tin đã đăng: ngày giờ sửa, giờ Việt Nam (+07:00)
the: []                         # Từ khóa, ví dụ [một cửa, dịch vụ công trực tuyến]
# anh:                          # Ảnh đại diện (không bắt buộc): tệp trong docs/ và mô tả cho người khiếm thị
#   tep: assets/images/tin-tuc/ten-anh.jpg
#   mo_ta: ""
{language}---

Nội dung tin viết ở đây, bằng Markdown.
"""


def new_procedure(root: Path, code: str, today: dt.date | None = None) -> Path:
    if not CODE.match(code):
        raise ScaffoldError(f"{code!r} is not a procedure code; use the national code, e.g. 1.001193")
    text = PROCEDURE.format(code=code, today=(today or dt.date.today()).isoformat())
    return _create(root / PROCEDURES_DIR / f"{code}.yml", text)


def new_document(root: Path, doc_id: str, today: dt.date | None = None) -> Path:
    if not ID.match(doc_id):
        raise ScaffoldError(f"{doc_id!r} is not a file id; use lowercase letters, digits and dashes, "
                            "e.g. 118-2025-nd-cp")
    return _create(root / DOCUMENTS_DIR / f"{doc_id}.yml", DOCUMENT.format(today=(today or dt.date.today()).isoformat()))


def new_story(root: Path, key: str, when: dt.datetime, lang: str = "vi") -> Path:
    if not ID.match(key):
        raise ScaffoldError(f"{key!r} is not a key; use lowercase letters, digits and dashes, "
                            "e.g. hoi-nghi-cai-cach-hanh-chinh-2026")
    suffix = ".md" if lang == "vi" else f".{lang}.md"
    path = root / DOCS_DIR / NEWS_DIR / str(when.year) / f"{key}{suffix}"
    language = ("# ngon_ngu: en                  # Ngôn ngữ: chỉ ghi ở bản tiếng Anh (en)\n" if lang == "vi" else
                f"ngon_ngu: {lang}                    # Ngôn ngữ của tin: bản tiếng Anh\n")
    return _create(path, NEWS.format(key=key, language=language,
                                     when=when.isoformat(timespec="minutes") + ":00+07:00"
                                     if when.tzinfo is None else when.isoformat()))


def run_cli(create: Callable[[], Path]) -> int:
    """What the new-* scripts print and return: the new file, or why none was made (exit 1)."""
    try:
        path = create()
    except (ScaffoldError, ValueError) as exc:
        print(f"Không tạo được / not created: {exc}", file=sys.stderr)
        return 1
    print(f"Đã tạo / created {path}; điền các trường rồi chạy `make check`.")
    return 0
