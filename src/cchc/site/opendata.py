"""Open data (Decree 47/2020/NĐ-CP: complete, current, machine-readable, free, open formats, source named): the
tables the site publishes, their stable columns, and the "Dữ liệu mở" / "Open data" page that documents them.

A table is a list of columns (name, type, description) and a function giving its rows from the catalogue, every
record of its kind, in a fixed order. cchc.output.opendata writes them as CSV and JSON with a Frictionless Data
Package, a DCAT catalogue and a JSON Schema per record type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from cchc.content.catalogue import Catalogue
from cchc.content.online import online_state
from cchc.site import structured
from cchc.site.addresses import OPEN_DATA, OPEN_DATA_DIR, document_uri, page_url, procedure_uri, set_uri
from cchc.site.writer import PageSpec, Writer, finish_markdown
from cchc.text import md_escape

Row = dict[str, Any]
LICENCE = ("CC-BY-4.0", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type: string, integer, number, date, datetime, boolean
    description: dict[str, str]  # by language: the page shows its own; the files carry the English
    required: bool = False


@dataclass(frozen=True)
class Table:
    name: str  # file stem: procedures.csv, procedures.json
    title: dict[str, str]  # by language
    record: str  # the catalogue record each row is, for the completeness check ("procedure", ...) or ""
    key: str  # the column naming the record
    columns: tuple[Column, ...]
    rows: Callable[[Catalogue, str], Iterator[Row]]  # (catalogue, public base URL)


def _join(values: list[str]) -> str:
    return "; ".join(values)


def _procedures(cat: Catalogue, base: str) -> Iterator[Row]:
    for code, p in sorted(cat.procedures.items()):
        yield {"ma_thu_tuc": code, "ma_dia_phuong": p.ma_dia_phuong, "ten": p.ten.vi, "ten_en": p.ten.en,
               "linh_vuc": p.linh_vuc, "cap_thuc_hien": _join(p.cap_thuc_hien),
               "co_quan_thuc_hien": _join(p.co_quan_thuc_hien), "co_quan_co_tham_quyen": _join(p.co_quan_co_tham_quyen),
               "dia_chi_tiep_nhan": p.dia_chi_tiep_nhan.vi if p.dia_chi_tiep_nhan else None,
               "muc_do_dvc": online_state(p), "lien_ket_dvc": str(p.lien_ket_dvc) if p.lien_ket_dvc else None,
               "quyet_dinh_cong_bo": p.quyet_dinh_cong_bo, "trang_thai": p.trang_thai,
               "cap_nhat": p.cap_nhat.isoformat(), "url": base + page_url(procedure_uri(p))}


def _channels(cat: Catalogue, base: str) -> Iterator[Row]:
    for code, p in sorted(cat.procedures.items()):
        for i, ch in enumerate(p.cach_thuc, 1):
            yield {"ma_thu_tuc": code, "kenh": i, "hinh_thuc": ch.hinh_thuc,
                   "thoi_han": ch.thoi_han.so if ch.thoi_han else None,
                   "don_vi_thoi_han": ch.thoi_han.don_vi if ch.thoi_han else None,
                   "mo_ta": ch.mo_ta.vi if ch.mo_ta else None}


def _fees(cat: Catalogue, base: str) -> Iterator[Row]:
    for code, p in sorted(cat.procedures.items()):
        for i, ch in enumerate(p.cach_thuc, 1):
            for j, fee in enumerate(ch.phi or [], 1):
                yield {"ma_thu_tuc": code, "kenh": i, "thu_tu": j, "ten": fee.ten.vi, "so_tien": fee.so_tien,
                       "tien_te": fee.tien_te, "tinh_theo": fee.tinh_theo.vi if fee.tinh_theo else None}


def _documents_needed(cat: Catalogue, base: str) -> Iterator[Row]:
    for code, p in sorted(cat.procedures.items()):
        for i, group in enumerate(p.thanh_phan_ho_so, 1):
            for j, doc in enumerate(group.giay_to, 1):
                yield {"ma_thu_tuc": code, "nhom": i, "truong_hop": group.truong_hop.vi if group.truong_hop else None,
                       "thu_tu": j, "ten": doc.ten.vi, "ban_chinh": doc.ban_chinh, "ban_sao": doc.ban_sao,
                       "xuat_trinh": doc.xuat_trinh}


def _legal_basis(cat: Catalogue, base: str) -> Iterator[Row]:
    for code, p in sorted(cat.procedures.items()):
        for i, basis in enumerate(p.can_cu_phap_ly, 1):
            yield {"ma_thu_tuc": code, "thu_tu": i, "so_hieu": basis.so_hieu, "trich_yeu": basis.trich_yeu.vi}


def _sets(cat: Catalogue, base: str) -> Iterator[Row]:
    for set_id, s in sorted(cat.sets.items()):
        yield {"id": set_id, "so_hieu": s.so_hieu, "ngay_ban_hanh": s.ngay_ban_hanh.isoformat(),
               "nguoi_ky": s.nguoi_ky.vi, "co_quan_ban_hanh": s.co_quan_ban_hanh, "trich_yeu": s.trich_yeu.vi,
               "cong_bo_moi": _join(s.cong_bo_moi), "sua_doi": _join(s.sua_doi),
               "thay_the": _join([f"{r.ma_thu_tuc}>{r.thay_cho}" for r in s.thay_the]), "bai_bo": _join(s.bai_bo),
               "url": base + page_url(set_uri(set_id))}


def _legal_documents(cat: Catalogue, base: str) -> Iterator[Row]:
    for doc_id, d in sorted(cat.documents.items()):
        yield {"id": doc_id, "so_hieu": d.so_hieu, "loai_van_ban": d.loai_van_ban,
               "co_quan_ban_hanh": d.co_quan_ban_hanh.vi, "nguoi_ky": d.nguoi_ky.vi if d.nguoi_ky else None,
               "ngay_ban_hanh": d.ngay_ban_hanh.isoformat(),
               "ngay_hieu_luc": d.ngay_hieu_luc.isoformat() if d.ngay_hieu_luc else None,
               "tinh_trang": d.tinh_trang, "trich_yeu": d.trich_yeu.vi, "tep": str(d.tep) if d.tep else None,
               "url": base + page_url(document_uri(doc_id))}


def _news(cat: Catalogue, base: str) -> Iterator[Row]:
    for s in sorted(cat.stories, key=lambda s: (s.lang, s.item.khoa)):
        prefix = "" if s.lang == "vi" else f"{s.lang}/"
        yield {"khoa": s.item.khoa, "ngon_ngu": s.lang, "tieu_de": s.item.tieu_de, "sapo": s.item.sapo,
               "chuyen_muc": s.item.chuyen_muc, "ngay_dang": s.published.isoformat(),
               "ngay_cap_nhat": s.updated.isoformat(), "tac_gia": s.item.tac_gia, "nguon": s.item.nguon,
               "the": _join(list(s.item.the)), "url": base + prefix + page_url(s.address)}


def _c(name: str, kind: str, en: str, vi: str, required: bool = False) -> Column:
    return Column(name, kind, {"vi": vi, "en": en}, required)


_CODE = _c("ma_thu_tuc", "string", "National procedure code (e.g. 1.001193)",
           "Mã thủ tục trên Cơ sở dữ liệu quốc gia (ví dụ 1.001193)", True)
_URL = ("The page", "Địa chỉ trang")
TABLES: tuple[Table, ...] = (
    Table("thu-tuc", {"vi": "Thủ tục hành chính", "en": "Administrative procedures"}, "procedure", "ma_thu_tuc", (
        _CODE, _c("ma_dia_phuong", "string", "Local code", "Mã địa phương"),
        _c("ten", "string", "Name (Vietnamese)", "Tên thủ tục (tiếng Việt)", True),
        _c("ten_en", "string", "Name (English), empty until translated", "Tên tiếng Anh, để trống khi chưa dịch"),
        _c("linh_vuc", "string", "Field id (linh-vuc)", "Mã lĩnh vực (linh-vuc)", True),
        _c("cap_thuc_hien", "string", "Level ids, '; '-separated", "Mã cấp thực hiện, cách nhau bởi '; '", True),
        _c("co_quan_thuc_hien", "string", "Agency ids carrying it out, '; '-separated",
           "Mã cơ quan thực hiện, cách nhau bởi '; '"),
        _c("co_quan_co_tham_quyen", "string", "Competent agency ids, '; '-separated",
           "Mã cơ quan có thẩm quyền, cách nhau bởi '; '"),
        _c("dia_chi_tiep_nhan", "string", "Where to submit", "Địa chỉ tiếp nhận hồ sơ"),
        _c("muc_do_dvc", "string", "Online level: toan-trinh, mot-phan, khong, or chua-cong-bo (not published)",
           "Mức độ dịch vụ công trực tuyến: toan-trinh, mot-phan, khong hoặc chua-cong-bo (chưa công bố)"),
        _c("lien_ket_dvc", "string", "Online service link", "Liên kết dịch vụ công trực tuyến"),
        _c("quyet_dinh_cong_bo", "string", "Procedure set id", "Mã quyết định công bố"),
        _c("trang_thai", "string", "Status: con-hieu-luc, da-sua-doi, bai-bo",
           "Trạng thái: con-hieu-luc, da-sua-doi, bai-bo", True),
        _c("cap_nhat", "date", "Date the record was last checked", "Ngày rà soát thông tin gần nhất", True),
        _c("url", "string", *_URL, True)),
        _procedures),
    Table("thu-tuc-cach-thuc", {"vi": "Cách thức thực hiện", "en": "Channels"}, "", "ma_thu_tuc", (
        _CODE, _c("kenh", "integer", "Channel number within the procedure", "Số thứ tự cách thức trong thủ tục", True),
        _c("hinh_thuc", "string", "truc-tiep, truc-tuyen, buu-chinh", "Hình thức nộp: truc-tiep, truc-tuyen, buu-chinh",
           True),
        _c("thoi_han", "number", "Time limit", "Thời hạn giải quyết"),
        _c("don_vi_thoi_han", "string", "Unit: ngay-lam-viec, ngay, gio, thang",
           "Đơn vị thời hạn: ngay-lam-viec, ngay, gio, thang"),
        _c("mo_ta", "string", "Description", "Mô tả")),
        _channels),
    Table("thu-tuc-phi", {"vi": "Phí, lệ phí", "en": "Fees and charges"}, "", "ma_thu_tuc", (
        _CODE, _c("kenh", "integer", "Channel number", "Số thứ tự cách thức", True),
        _c("thu_tu", "integer", "Fee number", "Số thứ tự khoản phí", True),
        _c("ten", "string", "Name", "Tên phí, lệ phí", True), _c("so_tien", "integer", "Amount", "Số tiền", True),
        _c("tien_te", "string", "Currency", "Tiền tệ", True), _c("tinh_theo", "string", "Per unit", "Tính theo")),
        _fees),
    Table("thu-tuc-ho-so", {"vi": "Thành phần hồ sơ", "en": "Documents to bring"}, "", "ma_thu_tuc", (
        _CODE, _c("nhom", "integer", "Group (case) number", "Số thứ tự nhóm (trường hợp)", True),
        _c("truong_hop", "string", "Case", "Trường hợp"),
        _c("thu_tu", "integer", "Document number", "Số thứ tự giấy tờ", True),
        _c("ten", "string", "Name", "Tên giấy tờ", True),
        _c("ban_chinh", "integer", "Originals", "Số bản chính", True),
        _c("ban_sao", "integer", "Copies", "Số bản sao", True),
        _c("xuat_trinh", "boolean", "Shown rather than submitted", "Chỉ xuất trình, không nộp", True)),
        _documents_needed),
    Table("thu-tuc-can-cu", {"vi": "Căn cứ pháp lý", "en": "Legal basis"}, "", "ma_thu_tuc", (
        _CODE, _c("thu_tu", "integer", "Number", "Số thứ tự", True),
        _c("so_hieu", "string", "Document number", "Số hiệu văn bản", True),
        _c("trich_yeu", "string", "Title", "Trích yếu", True)), _legal_basis),
    Table("bo-thu-tuc", {"vi": "Quyết định công bố", "en": "Procedure sets"}, "set", "id", (
        _c("id", "string", "Set id", "Mã quyết định công bố", True),
        _c("so_hieu", "string", "Decision number", "Số hiệu quyết định", True),
        _c("ngay_ban_hanh", "date", "Date signed", "Ngày ban hành", True),
        _c("nguoi_ky", "string", "Signer", "Người ký", True),
        _c("co_quan_ban_hanh", "string", "Issuing agency id", "Mã cơ quan ban hành", True),
        _c("trich_yeu", "string", "Summary", "Trích yếu", True),
        _c("cong_bo_moi", "string", "New procedures, '; '-separated", "Thủ tục công bố mới, cách nhau bởi '; '"),
        _c("sua_doi", "string", "Amended", "Thủ tục sửa đổi, bổ sung"),
        _c("thay_the", "string", "Replaced, new>old", "Thủ tục thay thế, dạng mới>cũ"),
        _c("bai_bo", "string", "Abolished", "Thủ tục bãi bỏ"),
        _c("url", "string", *_URL, True)), _sets),
    Table("van-ban", {"vi": "Văn bản", "en": "Legal documents"}, "document", "id", (
        _c("id", "string", "Document id", "Mã văn bản", True), _c("so_hieu", "string", "Number", "Số hiệu", True),
        _c("loai_van_ban", "string", "Kind", "Loại văn bản", True),
        _c("co_quan_ban_hanh", "string", "Issuing body", "Cơ quan ban hành", True),
        _c("nguoi_ky", "string", "Signer", "Người ký"),
        _c("ngay_ban_hanh", "date", "Date signed", "Ngày ban hành", True),
        _c("ngay_hieu_luc", "date", "Date in force", "Ngày có hiệu lực"),
        _c("tinh_trang", "string", "Status", "Tình trạng hiệu lực", True),
        _c("trich_yeu", "string", "Title", "Trích yếu", True), _c("tep", "string", "Full text link", "Liên kết toàn văn"),
        _c("url", "string", *_URL, True)), _legal_documents),
    Table("tin-tuc", {"vi": "Tin tức", "en": "News"}, "story", "khoa", (
        _c("khoa", "string", "Story key (the same in both languages)", "Khóa của tin (như nhau ở hai ngôn ngữ)", True),
        _c("ngon_ngu", "string", "Language: vi, en", "Ngôn ngữ: vi, en", True),
        _c("tieu_de", "string", "Headline", "Tiêu đề", True),
        _c("sapo", "string", "Lead paragraph", "Sapo (đoạn dẫn)", True),
        _c("chuyen_muc", "string", "Category id", "Mã chuyên mục", True),
        _c("ngay_dang", "datetime", "Published (Vietnam time)", "Ngày đăng (giờ Việt Nam)", True),
        _c("ngay_cap_nhat", "datetime", "Last corrected", "Ngày cập nhật gần nhất", True),
        _c("tac_gia", "string", "Author", "Tác giả"), _c("nguon", "string", "Source", "Nguồn"),
        _c("the", "string", "Tags, '; '-separated", "Từ khóa, cách nhau bởi '; '"),
        _c("url", "string", *_URL, True)), _news),
)


def dataset_entry(cat: Catalogue, lang: str, site_url: str) -> dict[str, Any]:
    """The data page's ``Dataset`` (JSON-LD): every file, at its address in this language's build."""
    base = site_url + OPEN_DATA_DIR + "/"
    files = [(f"{t.name}.{ext}", base + f"{t.name}.{ext}", media) for t in TABLES
             for ext, media in (("csv", "text/csv"), ("json", "application/json"))]
    files.append(("datapackage.json", base + "datapackage.json", "application/json"))
    return structured.dataset("Dữ liệu mở cải cách hành chính" if lang == "vi" else "Administrative reform open data",
                              cat.province.chuong_trinh.get(lang), site_url + page_url(OPEN_DATA), site_url,
                              newest_date(cat), files)


def newest_date(cat: Catalogue) -> str:
    """The date of the newest record: the data's 'modified' date (never the clock, so builds stay the same)."""
    days = [p.cap_nhat for p in cat.procedures.values()] + [s.ngay_ban_hanh for s in cat.sets.values()]
    days += [d.ngay_ban_hanh for d in cat.documents.values()] + [s.updated.date() for s in cat.stories]
    return max(days).isoformat() if days else "2000-01-01"


def open_data_page(cat: Catalogue, lang: str) -> PageSpec:
    """The page: what is published, under which licence, each table's files and columns."""
    w = Writer(cat, lang, OPEN_DATA)
    out = [f"# {w.s('opendata_title')}", "", w.s("opendata_intro"), "",
           f"{w.s('opendata_licence')}: [{LICENCE[1]}]({LICENCE[2]}). {w.s('opendata_source')}: "
           f"{w.tr(cat.province.co_quan_chu_tri)}.", "",
           f'<p><a href="{OPEN_DATA_DIR.rsplit("/", 1)[-1]}/datapackage.json">datapackage.json</a> '
           f'(Frictionless Data Package) · <a href="{OPEN_DATA_DIR.rsplit("/", 1)[-1]}/dcat.jsonld">dcat.jsonld</a> '
           f"(DCAT)</p>", ""]
    folder = OPEN_DATA_DIR.rsplit("/", 1)[-1]
    for table in TABLES:
        out += [f"## {md_escape(table.title[lang])}", "",
                f'<p><a href="{folder}/{table.name}.csv">{table.name}.csv</a> · '
                f'<a href="{folder}/{table.name}.json">{table.name}.json</a> · '
                f'<a href="{folder}/{table.name}.schema.json">{table.name}.schema.json</a></p>', "",
                f"| {w.s('opendata_column')} | {w.s('opendata_type')} | {w.s('opendata_meaning')} |",
                "| --- | --- | --- |"]
        # Column names are identifiers in Vietnamese without marks: marked as Vietnamese on the English page.
        code = '<code lang="vi">{}</code>' if lang != "vi" else "<code>{}</code>"
        out += [f"| {code.format(c.name)} | {c.type} | {md_escape(c.description[lang])} |" for c in table.columns]
        out.append("")
    return finish_markdown(w, out, None, None)
