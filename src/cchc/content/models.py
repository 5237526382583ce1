"""Typed, frozen content records.

YAML keys are the national database's own (Vietnamese, without tone marks) so that editors recognise them
from dichvucong.gov.vn; each field's description gives the English. The same models produce the JSON
Schema that VS Code's YAML extension uses while an editor types.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal
from typing import get_args as typing_args
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from cchc.messages import MessageError
from cchc.text import nfc


def _require_text(value: str) -> str:
    if not value.strip():
        raise MessageError("blank_text")
    return nfc(value.strip())


def _require_http_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise MessageError("not_web_address", got=repr(value))
    return value.strip()


def _site_path(value: str) -> str:
    value = value.strip()
    if not value or value.startswith(("/", "\\")) or ".." in value.split("/") or ":" in value:
        raise MessageError("not_site_path", got=repr(value))
    return value


SitePath = Annotated[str, AfterValidator(_site_path)]


Text = Annotated[str, AfterValidator(_require_text)]
HttpUrl = Annotated[str, AfterValidator(_require_http_url)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="lowercase-with-dashes id")]
ProcedureCode = Annotated[
    str,
    Field(
        pattern=r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$",
        description="Mã thủ tục: national procedure code such as 1.001193",
    ),
]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _text_or_mapping(value: Any) -> Any:
    # An editor may write a plain string for Vietnamese-only text.
    return {"vi": value} if isinstance(value, str) else value


class BilingualText(Record):
    vi: Text = Field(description="Tiếng Việt / Vietnamese text")
    en: Text | None = Field(None, description="Tiếng Anh / English translation; leave out until translated")

    def get(self, lang: str) -> str:
        """Text in ``lang``, falling back to Vietnamese."""
        return self.en if lang == "en" and self.en else self.vi

    def has(self, lang: str) -> bool:
        return lang == "vi" or self.en is not None


LocalizedText = Annotated[
    BilingualText, BeforeValidator(_text_or_mapping, json_schema_input_type=str | BilingualText)
]

# Plausible ranges: every number an editor or an import can write has an upper bound far above any real value,
# so a typo or a hostile file (a fee of 10^23 đồng) is refused with the allowed range instead of printed.
MAX_FEE = 10**12  # đồng: a thousand billion, far above any fee or charge
MAX_COPIES = 100  # originals, copies or dossier sets asked for at once
MAX_ORDER = 10_000  # thu_tu, an entry's place in a list
FIRST_DAY = dt.date(1945, 1, 1)  # dates of records and documents: from the founding of the state ...
LAST_DAY = dt.date(2100, 12, 31)  # ... to the end of the century
MAX_SCORE = 1000  # the top of any index's scale (PAR INDEX and PCI 100, PAPI 60)
MAX_PROVINCES = 100  # provinces ranked by a national index (63, or 34 from 2025)
# Thời hạn: the longest plausible time limit in each unit, about four years (720 hours is a month: a longer
# limit is written in days).
MAX_TIME: dict[str, int] = {"ngay-lam-viec": 1000, "ngay": 1461, "gio": 720, "thang": 48}

ChannelKind = Literal["truc-tiep", "truc-tuyen", "buu-chinh"]
TimeUnit = Literal["ngay-lam-viec", "ngay", "gio", "thang"]
OnlineLevel = Literal["toan-trinh", "mot-phan", "khong"]
Status = Literal["con-hieu-luc", "da-sua-doi", "bai-bo"]


class TimeLimit(Record):
    """Thời hạn giải quyết: a number with its unit (working days are not calendar days)."""

    so: float = Field(gt=0, description="Số: how many units")
    don_vi: TimeUnit = Field(description="Đơn vị: ngay-lam-viec (working days), ngay, gio (hours), thang")
    ghi_chu: LocalizedText | None = Field(None, description="Ghi chú: note, e.g. extra days in some cases")

    @model_validator(mode="after")
    def _plausible(self) -> TimeLimit:
        limit = MAX_TIME[self.don_vi]
        if not self.so <= limit:
            raise MessageError("time_limit_too_long", limit=limit, unit=self.don_vi, got=f"{self.so:g}")
        return self


class Fee(Record):
    """Phí, lệ phí: one charge on a channel."""

    ten: LocalizedText = Field(description="Tên: name of the fee or charge, e.g. Lệ phí")
    so_tien: int = Field(ge=0, le=MAX_FEE, description="Số tiền: whole amount in the currency, e.g. 8000")
    tien_te: Literal["VND", "USD"] = Field("VND", description="Tiền tệ: currency")
    tinh_theo: LocalizedText | None = Field(None, description="Tính theo: per unit, e.g. trang (page)")
    mo_ta: LocalizedText | None = Field(None, description="Mô tả: who pays, exemptions")


class Channel(Record):
    """Cách thức thực hiện: one way to submit, with its own time limit and fees."""

    hinh_thuc: ChannelKind = Field(
        description="Hình thức nộp: truc-tiep (in person), truc-tuyen (online), buu-chinh (public postal service)"
    )
    thoi_han: TimeLimit | None = Field(
        None, description="Thời hạn giải quyết: time limit; leave out only when the national database states none"
    )
    phi: list[Fee] | None = Field(
        default_factory=list,
        description="Phí, lệ phí: empty list when free; null when the national database states nothing",
    )
    mo_ta: LocalizedText | None = Field(None, description="Mô tả: description")


class FormTemplate(Record):
    """Mẫu đơn, tờ khai: a form's name, and where to download it (a web address, or a file under docs/)."""

    ten: LocalizedText = Field(description="Tên mẫu: form name, e.g. Mẫu số 01")
    url: HttpUrl | None = Field(None, description="Đường dẫn tải mẫu: download link")
    tep: SitePath | None = Field(
        None, description="Tệp mẫu: the form's file inside docs/, e.g. assets/bieu-mau/to-khai.docx (instead of url)"
    )

    @model_validator(mode="after")
    def _one_source(self) -> FormTemplate:
        """A form is downloaded from one place: a web address or a file of the site, not both."""
        if self.url is not None and self.tep is not None:
            raise MessageError("url_and_file")
        return self


class DossierDocument(Record):
    """Giấy tờ: one document to bring."""

    ten: LocalizedText = Field(description="Tên giấy tờ: document name")
    mau: FormTemplate | None = Field(None, description="Mẫu đơn, tờ khai: form template")
    ban_chinh: int = Field(0, ge=0, le=MAX_COPIES, description="Số bản chính: originals")
    ban_sao: int = Field(0, ge=0, le=MAX_COPIES, description="Số bản sao: copies")
    xuat_trinh: bool = Field(False, description="Xuất trình: true when shown at the desk rather than submitted")
    chi_dan: bool = Field(
        False, description="Chỉ dẫn: true for a heading or note in the list (\"gồm:\"), not a document to bring"
    )

    @model_validator(mode="after")
    def _some_copy(self) -> DossierDocument:
        """A document must be submitted in at least one original or copy, or shown."""
        if not self.xuat_trinh and not self.chi_dan and self.ban_chinh == 0 and self.ban_sao == 0:
            raise MessageError("no_copies")
        return self


class DocumentGroup(Record):
    """Thành phần hồ sơ for one case (trường hợp); the case is empty when there is only one."""

    truong_hop: LocalizedText | None = Field(None, description="Trường hợp: which case this list is for")
    ghi_chu: LocalizedText | None = Field(
        None, description="Ghi chú: a paragraph about this list, shown before it (longer than a case heading)"
    )
    giay_to: list[DossierDocument] = Field(min_length=1, description="Giấy tờ: documents")


class StepGroup(Record):
    """Trình tự thực hiện for one case."""

    truong_hop: LocalizedText | None = Field(None, description="Trường hợp: which case these steps are for")
    cac_buoc: list[LocalizedText] = Field(min_length=1, description="Các bước: steps, in order")


class Result(Record):
    ten: LocalizedText = Field(description="Tên kết quả: what the citizen receives")
    ma: str | None = Field(
        None, pattern=r"^KQ\.[A-Z]\d{2}\.\d{5,7}$", description="Mã kết quả: KQ.<letter><2 digits>.<5-7 digits>, e.g. KQ.G15.000031"
    )
    mo_ta: LocalizedText | None = Field(None, description="Mô tả: description of the result")


class LegalBasis(Record):
    so_hieu: Text = Field(description="Số hiệu văn bản: document number, e.g. 60/2014/QH13")
    trich_yeu: LocalizedText = Field(description="Trích yếu: title")


class ImportSource(Record):
    """Nguồn: where an imported record came from (written by scripts/import_procedures.py)."""

    co_so_du_lieu: Literal["cong-dvc-quoc-gia", "csdl-quoc-gia-tthc"] = Field(
        description="cong-dvc-quoc-gia (a detail page of dichvucong.gov.vn) or csdl-quoc-gia-tthc (a database export)"
    )
    so_quyet_dinh: str | None = Field(None, description="Số quyết định công bố named by the national record")
    url: HttpUrl | None = Field(None, description="The record's page on the national portal")


class ReviewItem(Record):
    """Cần rà soát: national text the importer could not put into a structured field, kept word for word."""

    truong: str = Field(description="Trường: which field the text belongs to, e.g. cach_thuc")
    ly_do: str = Field(description="Lý do: why it needs an editor")
    nguyen_van: str = Field(description="Nguyên văn: the national database's text, verbatim")


# Lists a hand-written record must fill; an imported one may leave them empty where the national database does.
_REQUIRED_UNLESS_IMPORTED = (
    "co_quan_thuc_hien", "trinh_tu", "cach_thuc", "thanh_phan_ho_so", "ket_qua", "can_cu_phap_ly",
)


class Procedure(Record):
    """Thủ tục hành chính: one administrative procedure, one file named by its code."""

    # The editor's schema says what _complete checks: without nguon, the lists and the address/hours are required.
    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra={
        "if": {"not": {"required": ["nguon"]}},
        "then": {
            "required": [*_REQUIRED_UNLESS_IMPORTED, "dia_chi_tiep_nhan", "thoi_gian_tiep_nhan"],
            "properties": {name: {"minItems": 1} for name in _REQUIRED_UNLESS_IMPORTED},
        },
    })

    ma_thu_tuc: ProcedureCode
    ma_dia_phuong: str | None = Field(
        None, description="Mã địa phương: local code such as 1.001193.000.00.00.H32"
    )
    ten: LocalizedText = Field(description="Tên thủ tục: procedure name")
    linh_vuc: Id = Field(description="Lĩnh vực: field id from data/fields.yml")
    cap_thuc_hien: list[Id] = Field(min_length=1, description="Cấp thực hiện: level ids from data/levels.yml")
    loai_thu_tuc: LocalizedText | None = Field(None, description="Loại thủ tục: procedure type")
    doi_tuong: list[Id] = Field(min_length=1, description="Đối tượng thực hiện: audience ids")
    co_quan_thuc_hien: list[Id] = Field(default_factory=list, description="Cơ quan thực hiện: agency ids")
    co_quan_co_tham_quyen: list[Id] = Field(default_factory=list, description="Cơ quan có thẩm quyền")
    co_quan_duoc_uy_quyen: list[Id] = Field(default_factory=list, description="Cơ quan được ủy quyền")
    co_quan_phoi_hop: list[Id] = Field(default_factory=list, description="Cơ quan phối hợp")
    dia_chi_tiep_nhan: LocalizedText | None = Field(None, description="Địa chỉ tiếp nhận hồ sơ: where to submit")
    thoi_gian_tiep_nhan: LocalizedText | None = Field(None, description="Thời gian tiếp nhận: opening hours")
    trinh_tu: list[StepGroup] = Field(default_factory=list, description="Trình tự thực hiện: steps by case")
    cach_thuc: list[Channel] = Field(default_factory=list, description="Cách thức thực hiện: channels")
    thanh_phan_ho_so: list[DocumentGroup] = Field(default_factory=list, description="Thành phần hồ sơ by case")
    so_luong_ho_so: int = Field(1, ge=1, le=MAX_COPIES, description="Số lượng hồ sơ: number of dossier sets")
    yeu_cau_dieu_kien: LocalizedText | None = Field(None, description="Yêu cầu, điều kiện: conditions")
    ket_qua: list[Result] = Field(default_factory=list, description="Kết quả thực hiện: results")
    can_cu_phap_ly: list[LegalBasis] = Field(default_factory=list, description="Căn cứ pháp lý: legal basis")
    muc_do_dvc: OnlineLevel | None = Field(
        None, description="Mức độ dịch vụ công trực tuyến: toan-trinh (full), mot-phan (partial), khong (not "
        "online); leave out while the level is not published"
    )
    lien_ket_dvc: HttpUrl | None = Field(None, description="Liên kết dịch vụ công trực tuyến: online link")
    thu_tuc_lien_quan: list[ProcedureCode] = Field(default_factory=list, description="Thủ tục liên quan")
    quyet_dinh_cong_bo: Id | None = Field(
        None, description="Quyết định công bố: id of the procedure set (file in procedures/sets/)"
    )
    trang_thai: Status = Field(
        "con-hieu-luc", description="Trạng thái: con-hieu-luc (in force), da-sua-doi (amended), bai-bo (abolished)"
    )
    cap_nhat: dt.date = Field(ge=FIRST_DAY, le=LAST_DAY, description="Cập nhật: date this record was last checked, YYYY-MM-DD")
    ghi_chu: LocalizedText | None = Field(None, description="Ghi chú: the province's own note for citizens")
    nguon: ImportSource | None = Field(None, description="Nguồn: set by the importer; leave out in hand-written records")
    can_ra_soat: list[ReviewItem] = Field(
        default_factory=list, description="Cần rà soát: text the importer kept verbatim for an editor to structure"
    )

    @model_validator(mode="after")
    def _online_link(self) -> Procedure:
        """A procedure offered online must say where."""
        if self.muc_do_dvc in ("toan-trinh", "mot-phan") and self.lien_ket_dvc is None:
            raise MessageError("online_without_link")
        return self

    @model_validator(mode="wrap")
    @classmethod
    def _complete(cls, data: Any, handler: Any) -> Procedure:
        """Hand-written records give every part; imported ones may be as empty as the national record.

        Checked on the raw data, so these problems are reported together with every other one in the file.
        Each error's type picks its message in cchc.validate (too_short as pydantic's own; fees_unknown, a
        catalogue key of cchc.messages); the English given here is pydantic's and never shown.
        """
        errors: list[InitErrorDetails] = []
        if isinstance(data, dict) and data.get("nguon") is None:
            errors += [
                InitErrorDetails(type=PydanticCustomError("too_short", "must not be empty; give at least one item"),
                                 loc=(name,), input=data.get(name))
                for name in _REQUIRED_UNLESS_IMPORTED if data.get(name) in (None, [])
            ]
            errors += [InitErrorDetails(type="missing", loc=(name,), input=data)
                       for name in ("dia_chi_tiep_nhan", "thoi_gian_tiep_nhan") if data.get(name) is None]
            channels = data.get("cach_thuc")
            for i, channel in enumerate(channels if isinstance(channels, list) else []):
                if isinstance(channel, dict):
                    if channel.get("thoi_han") is None:
                        errors.append(InitErrorDetails(type="missing", loc=("cach_thuc", i, "thoi_han"), input=channel))
                    if "phi" in channel and channel["phi"] is None:  # left out means free; null means unknown
                        errors.append(InitErrorDetails(
                            type=PydanticCustomError("fees_unknown", "must be a list of fees, or [] when free"),
                            loc=("cach_thuc", i, "phi"), input=None))
        try:
            result: Procedure = handler(data)
        except ValidationError as exc:
            if not errors:
                raise
            found: list[InitErrorDetails] = [
                InitErrorDetails(type=e["type"], loc=e["loc"], input=e["input"], ctx=e.get("ctx", {}))
                for e in exc.errors()
            ]
            raise ValidationError.from_exception_data(cls.__name__, found + errors) from None
        if errors:
            raise ValidationError.from_exception_data(cls.__name__, errors)
        return result


class Replacement(Record):
    ma_thu_tuc: ProcedureCode = Field(description="the new procedure")
    thay_cho: ProcedureCode = Field(description="the procedure it replaces")


class ProcedureSet(Record):
    """Quyết định công bố: a decision publishing, amending, replacing and abolishing procedures."""

    so_hieu: Text = Field(description="Số hiệu: decision number, e.g. 1520/QĐ-UBND")
    ngay_ban_hanh: dt.date = Field(ge=FIRST_DAY, le=LAST_DAY, description="Ngày ban hành: date signed, YYYY-MM-DD")
    nguoi_ky: LocalizedText = Field(description="Người ký: signer, e.g. Phó Chủ tịch Ủy ban nhân dân tỉnh")
    co_quan_ban_hanh: Id = Field(description="Cơ quan ban hành: agency id")
    trich_yeu: LocalizedText = Field(description="Trích yếu: summary")
    url: HttpUrl | None = Field(None, description="Link to the decision's text")
    cong_bo_moi: list[ProcedureCode] = Field(default_factory=list, description="Newly published")
    sua_doi: list[ProcedureCode] = Field(default_factory=list, description="Amended (sửa đổi, bổ sung)")
    thay_the: list[Replacement] = Field(default_factory=list, description="Replaced")
    bai_bo: list[ProcedureCode] = Field(default_factory=list, description="Abolished (bãi bỏ)")

    @model_validator(mode="after")
    def _not_empty(self) -> ProcedureSet:
        """A decision that publishes nothing is a mistake."""
        if not (self.cong_bo_moi or self.sua_doi or self.thay_the or self.bai_bo):
            raise MessageError("empty_set")
        return self


class Field_(Record):
    """Lĩnh vực: a field of procedures."""

    ten: LocalizedText
    ten_khac: list[Text] = Field(
        default_factory=list, description="Tên khác: other names the national database uses for it (for the importer)"
    )


class Level(Record):
    """Cấp thực hiện: a level of government (tỉnh, xã)."""

    ten: LocalizedText
    thu_tu: int = Field(0, ge=0, le=MAX_ORDER, description="Order in lists")


class Audience(Record):
    """Đối tượng thực hiện."""

    ten: LocalizedText
    ten_khac: list[Text] = Field(
        default_factory=list, description="Tên khác: other names the national database uses for it (for the importer)"
    )


class Agency(Record):
    """Cơ quan: an agency that receives, decides or coordinates."""

    ten: LocalizedText
    ten_khac: list[Text] = Field(
        default_factory=list, description="Tên khác: other names the national database uses for it (for the importer)"
    )
    cap: Id = Field(description="level id")
    dia_chi: LocalizedText | None = None
    dien_thoai: str | None = None
    email: str | None = None
    website: HttpUrl | None = None


class Province(Record):
    """The province this site is for, and who answers for it."""

    ten: LocalizedText = Field(description="Tên tỉnh, e.g. Khánh Hòa")
    ten_day_du: LocalizedText = Field(description="Full name, e.g. Tỉnh Khánh Hòa")
    chuong_trinh: LocalizedText = Field(description="The reform programme's name")
    co_quan_chu_tri: LocalizedText = Field(description="Responsible agency")
    nguoi_chiu_trach_nhiem: LocalizedText = Field(description="Person responsible for the content")
    dia_chi: LocalizedText
    dien_thoai: Text
    email: Text
    giay_phep: LocalizedText | None = Field(None, description="Licence of the electronic information page")
    cong_dvc_tinh: HttpUrl = Field(description="Provincial online public-service portal")
    cong_dvc_quoc_gia: HttpUrl = Field(description="National online public-service portal")


def _require_offset(value: dt.datetime) -> dt.datetime:
    """A moment with its time zone, on a day from FIRST_DAY to LAST_DAY (as every date of the model): year 1 or
    9999 would overflow converting it to Vietnam time."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise MessageError("no_time_zone", example=f"{value.strftime('%Y-%m-%dT%H:%M')}:00+07:00")
    if not FIRST_DAY <= value.date() <= LAST_DAY:
        raise MessageError("in_range", low=FIRST_DAY.isoformat(), high=LAST_DAY.isoformat(), got=repr(value.isoformat()))
    return value


AwareDatetime = Annotated[dt.datetime, AfterValidator(_require_offset)]


class Category(Record):
    """Chuyên mục tin: a news category (the CCHC programme areas, plus general news)."""

    ten: LocalizedText
    mo_ta: LocalizedText | None = Field(None, description="Mô tả: one line on what the category covers")
    thu_tu: int = Field(0, ge=0, le=MAX_ORDER, description="Order in lists")


class LeadImage(Record):
    """Ảnh đại diện: the picture shown at the top of a story and in feeds."""

    tep: SitePath = Field(description="Tệp: image file inside docs/, e.g. assets/images/tin-tuc/anh.jpg")
    mo_ta: Text = Field(description="Mô tả ảnh: alternative text read out by screen readers")


class NewsItem(Record):
    """Tin bài: the front matter of one news story (the text follows it in the same Markdown file)."""

    tieu_de: Text = Field(description="Tiêu đề: headline")
    khoa: Id = Field(
        description="Khóa: permanent key of the story, the same in its Vietnamese and English files; never change it"
    )
    ngay_dang: AwareDatetime = Field(description="Ngày đăng: publication date-time, e.g. 2026-07-20T08:30:00+07:00")
    ngay_cap_nhat: AwareDatetime | None = Field(None, description="Ngày cập nhật: when the story was last corrected")
    chuyen_muc: Id = Field(description="Chuyên mục: category id from data/categories.yml")
    sapo: Text = Field(description="Sapo: the lead paragraph, one to three sentences")
    tac_gia: Text | None = Field(None, description="Tác giả: author")
    nguon: Text | None = Field(None, description="Nguồn: source, e.g. Sở Nội vụ")
    the: list[Text] = Field(default_factory=list, description="Thẻ: tags")
    anh: LeadImage | None = Field(None, description="Ảnh đại diện: lead image with its alternative text")
    ngon_ngu: Literal["vi", "en"] | None = Field(
        None, description="Ngôn ngữ: en in an English story's file (the editors' form lists stories by it); vi may "
                          "be left out"
    )

    @model_validator(mode="after")
    def _credited(self) -> NewsItem:
        if self.tac_gia is None and self.nguon is None:
            raise MessageError("no_credit")
        if self.ngay_cap_nhat is not None and self.ngay_cap_nhat < self.ngay_dang:
            raise MessageError("update_before_publication")
        return self


DocType = Literal[
    "luat", "nghi-quyet", "nghi-dinh", "quyet-dinh", "chi-thi", "thong-tu", "ke-hoach", "cong-van", "thong-bao"
]
DocStatus = Literal["con-hieu-luc", "het-hieu-luc-mot-phan", "het-hieu-luc", "chua-co-hieu-luc"]
DOC_TYPES: tuple[DocType, ...] = typing_args(DocType)
DOC_STATUSES: tuple[DocStatus, ...] = typing_args(DocStatus)


class LegalDocument(Record):
    """Văn bản chỉ đạo điều hành: one legal or guiding document, one file named by its id."""

    so_hieu: Text = Field(description="Số hiệu: document number, e.g. 118/2025/NĐ-CP")
    loai_van_ban: DocType = Field(description="Loại văn bản: kind of document")
    co_quan_ban_hanh: LocalizedText = Field(description="Cơ quan ban hành: issuing body, e.g. Chính phủ")
    nguoi_ky: LocalizedText | None = Field(None, description="Người ký: signer")
    ngay_ban_hanh: dt.date = Field(ge=FIRST_DAY, le=LAST_DAY, description="Ngày ban hành: date signed, YYYY-MM-DD")
    ngay_hieu_luc: dt.date | None = Field(None, ge=FIRST_DAY, le=LAST_DAY, description="Ngày hiệu lực: date it takes effect, YYYY-MM-DD")
    tinh_trang: DocStatus = Field(
        description="Tình trạng hiệu lực: con-hieu-luc, het-hieu-luc-mot-phan, het-hieu-luc, chua-co-hieu-luc"
    )
    trich_yeu: LocalizedText = Field(description="Trích yếu: title")
    tep: HttpUrl | None = Field(None, description="Tệp: link to the full text")
    can_cu: list[Id] = Field(default_factory=list, description="Căn cứ: ids of documents it is based on")
    sua_doi: list[Id] = Field(default_factory=list, description="Sửa đổi, bổ sung: ids of documents it amends")
    thay_the: list[Id] = Field(default_factory=list, description="Thay thế: ids of documents it replaces")
    bai_bo: list[Id] = Field(default_factory=list, description="Bãi bỏ: ids of documents it abolishes")

    @model_validator(mode="after")
    def _dates(self) -> LegalDocument:
        if self.ngay_hieu_luc is not None and self.ngay_hieu_luc < self.ngay_ban_hanh:
            raise MessageError("effect_before_signing")
        return self


Phone = Annotated[str, Field(pattern=r"^\+?[0-9][0-9 .]{2,18}[0-9]$", description="phone number, e.g. 0258 3822 000")]
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", description="email address")]


class Centre(Record):
    """Điểm tiếp nhận: the provincial Public Administration Service Centre or a commune one-stop desk."""

    ten: LocalizedText = Field(description="Tên: name")
    cap: Id = Field(description="Cấp: level id from data/levels.yml (tinh, xa)")
    dia_chi: LocalizedText = Field(description="Địa chỉ: street address")
    gio_lam_viec: LocalizedText = Field(description="Giờ làm việc: opening hours")
    dien_thoai: list[Phone] = Field(min_length=1, description="Điện thoại: phone numbers")
    email: Email | None = Field(None, description="Thư điện tử")
    vi_do: float = Field(ge=8, le=24, description="Vĩ độ: latitude, for the OpenStreetMap link")
    kinh_do: float = Field(ge=102, le=118, description="Kinh độ: longitude, for the OpenStreetMap link")
    tiep_nhan: LocalizedText = Field(description="Tiếp nhận: which procedures it receives")
    linh_vuc: list[Id] = Field(default_factory=list, description="Lĩnh vực: field ids it receives (links to lists)")
    moi_linh_vuc: bool = Field(
        False, description="Mọi lĩnh vực: true when it receives every procedure of its level; a procedure whose field "
        "no centre of its level lists is then sent here"
    )


class Hotline(Record):
    ten: LocalizedText = Field(description="Tên: what the line is for")
    dien_thoai: Phone
    gio: LocalizedText | None = Field(None, description="Giờ nghe máy: when it is answered")


class FeedbackChannel(Record):
    ten: LocalizedText = Field(description="Tên kênh: channel name")
    mo_ta: LocalizedText = Field(description="Mô tả: how to use it")
    url: HttpUrl | None = None
    email: Email | None = None
    dien_thoai: Phone | None = None


class Feedback(Record):
    """Đường dây nóng và phản ánh, kiến nghị: hotlines and how feedback is received and handled."""

    duong_day_nong: list[Hotline] = Field(min_length=1, description="Đường dây nóng: hotlines")
    kenh: list[FeedbackChannel] = Field(min_length=1, description="Kênh phản ánh, kiến nghị: feedback channels")
    dia_chi_buu_chinh: LocalizedText = Field(description="Địa chỉ gửi thư: postal address for written feedback")
    he_thong_quoc_gia: HttpUrl = Field(description="Hệ thống tiếp nhận phản ánh, kiến nghị quốc gia")
    email_phan_anh: Email = Field(description="Email that receives page-error reports and feedback")
    quy_trinh: list[LocalizedText] = Field(min_length=1, description="Quy trình xử lý: how feedback is handled")
    thoi_han: LocalizedText = Field(description="Thời hạn: how fast feedback is answered")


class IndexYear(Record):
    nam: int = Field(ge=2000, le=2100, description="Năm: year assessed")
    diem: float = Field(ge=0, le=MAX_SCORE, description="Điểm: score")
    xep_hang: int = Field(ge=1, le=MAX_PROVINCES, description="Xếp hạng: rank among provinces")
    tong_so: int = Field(ge=1, le=MAX_PROVINCES, description="Tổng số: number of provinces ranked (63, or 34 from 2025)")

    @model_validator(mode="after")
    def _rank(self) -> IndexYear:
        if self.xep_hang > self.tong_so:
            raise MessageError("rank_above_total", rank=self.xep_hang, total=self.tong_so)
        return self


class ReformIndex(Record):
    """Chỉ số: a national assessment of the province (PAR INDEX, SIPAS, PAPI, PCI) by year."""

    ten: LocalizedText = Field(description="Tên viết tắt, e.g. PAR INDEX")
    ten_day_du: LocalizedText = Field(description="Tên đầy đủ")
    mo_ta: LocalizedText = Field(description="Mô tả: what it measures and who assesses it")
    don_vi: LocalizedText = Field(description="Đơn vị điểm, e.g. % or điểm")
    diem_toi_da: float = Field(gt=0, le=MAX_SCORE, description="Điểm tối đa: the top of the scale")
    so_lieu_mau: bool = Field(False, description="Số liệu mẫu: true while the figures are placeholders")
    nam: list[IndexYear] = Field(min_length=1, description="Kết quả theo năm")

    @model_validator(mode="after")
    def _years(self) -> ReformIndex:
        years = [y.nam for y in self.nam]
        if len(set(years)) != len(years):
            raise MessageError("year_twice")
        if any(y.diem > self.diem_toi_da for y in self.nam):
            raise MessageError("score_above_top", top=f"{self.diem_toi_da:g}")
        return self


class FaqEntry(Record):
    hoi: LocalizedText = Field(description="Câu hỏi")
    dap: LocalizedText = Field(description="Trả lời")


class FaqTopic(Record):
    """Hỏi đáp: questions and answers on one topic."""

    ten: LocalizedText = Field(description="Chủ đề: topic")
    thu_tu: int = Field(0, ge=0, le=MAX_ORDER, description="Order on the page")
    cau_hoi: list[FaqEntry] = Field(min_length=1)


class CommitteeMember(Record):
    chuc_vu: LocalizedText = Field(description="Chức vụ trong Ban: role in the committee, e.g. Trưởng ban")
    chuc_danh: LocalizedText = Field(description="Chức danh: office held, e.g. Chủ tịch UBND tỉnh")
    ho_ten: Text | None = Field(None, description="Họ tên: name (optional; the office is what citizens need)")


class SteeringCommittee(Record):
    """Ban Chỉ đạo cải cách hành chính tỉnh."""

    ten: LocalizedText
    quyet_dinh: LocalizedText = Field(description="Quyết định thành lập / kiện toàn: the decision, e.g. its number")
    mo_ta: LocalizedText = Field(description="Mô tả: its role")
    nhiem_vu: list[LocalizedText] = Field(min_length=1, description="Nhiệm vụ: duties")
    thanh_vien: list[CommitteeMember] = Field(min_length=1, description="Thành viên: members")


TAXONOMIES: dict[str, type[Record]] = {
    "fields": Field_,
    "levels": Level,
    "audiences": Audience,
    "agencies": Agency,
    "categories": Category,
}

class Leaflet(Record):
    """Tờ rơi: the A4 tri-fold leaflet handed out at one-stop desks; everything else on it comes from data."""

    tieu_de: LocalizedText = Field(description="Tiêu đề trang bìa: cover title")
    khau_hieu: LocalizedText = Field(description="Khẩu hiệu: slogan on the cover")
    loi_ich: list[LocalizedText] = Field(
        min_length=2, max_length=6, description="Cải cách hành chính mang lại gì cho người dân: 2 to 6 short points")
    thu_tuc: list[ProcedureCode] = Field(
        min_length=1, max_length=8, description="Thủ tục thường dùng: codes of up to 8 procedures to list")
    diem_tiep_nhan: list[Id] = Field(
        min_length=1, max_length=3, description="Nơi nộp hồ sơ: up to 3 centre ids from data/centres.yml")
    buu_chinh: LocalizedText = Field(description="Dịch vụ bưu chính công ích: how to apply and receive by post")


class Synonym(Record):
    """Citizens' words for an official term, in one language (tìm kiếm: từ đồng nghĩa).

    A query holding one of ``cach_goi`` also searches ``ten_chinh_thuc`` (read by the browser at query time, so
    a new phrase needs no change to the index). Without ``ten_chinh_thuc`` the phrases are filler words
    ("xin", "làm") left out of that second search.
    """

    ngon_ngu: Literal["vi", "en"] = Field(description="Ngôn ngữ: the site (vi or en) whose search uses the entry")
    cach_goi: list[Text] = Field(min_length=1, description="Cách gọi: citizens' own words, e.g. bằng lái")
    ten_chinh_thuc: Text | None = Field(
        None, description="Tên chính thức: the official words, e.g. giấy phép lái xe; leave out for filler words")

    @model_validator(mode="after")
    def _phrases_differ_from_term(self) -> Synonym:
        # A phrase that is the official term itself would only double the search.
        if self.ten_chinh_thuc is not None and self.ten_chinh_thuc.casefold() in {c.casefold() for c in self.cach_goi}:
            raise MessageError("synonym_is_term", term=repr(self.ten_chinh_thuc))
        return self


# Data files that map ids to records, beside the taxonomies (data/<name>.yml).
PORTAL_MAPS: dict[str, type[Record]] = {
    "centres": Centre,
    "indices": ReformIndex,
    "faq": FaqTopic,
    "synonyms": Synonym,
}


class MemoryEntry(Record):
    """One entry of the translation memory (data/translations.yml, written by make translations-import)."""

    vi: Text = Field(description="Tiếng Việt: the text as it appears in the content (matched normalised)")
    en: Text = Field(description="English: used wherever the text recurs and the record has no English of its own")


class Term(Record):
    """One value of a closed vocabulary, named in both languages."""

    vi: Text = Field(description="Tiếng Việt")
    en: Text = Field(description="English")


class CountedTerm(Record):
    """A unit a number counts: English has one form for exactly one and another for every other number."""

    vi: Text = Field(description="Tiếng Việt, e.g. ngày làm việc (the same for every number)")
    en: Text = Field(description="English for any number but one, e.g. working days")
    en_mot: Text = Field(description="English for exactly one, e.g. working day")


class Vocabulary(Record):
    """data/vocabulary.yml: the closed vocabularies the records' fields take their values from (the values are the
    models' own; only their names live here), each value named in Vietnamese and English. Every value must be named."""

    don_vi_thoi_han: dict[TimeUnit, CountedTerm] = Field(
        description="Đơn vị thời hạn: the time limit's units (TimeLimit.don_vi)",
        json_schema_extra={"required": list(typing_args(TimeUnit))})
    hinh_thuc_nop: dict[ChannelKind, Term] = Field(description="Hình thức nộp: the channels (Channel.hinh_thuc)",
                                                   json_schema_extra={"required": list(typing_args(ChannelKind))})
    trang_thai: dict[Status, Term] = Field(
        description="Trạng thái thủ tục: the notice a procedure's page and lists show for its status (Procedure.trang_thai)",
        json_schema_extra={"required": list(typing_args(Status))})
    loai_van_ban: dict[DocType, Term] = Field(description="Loại văn bản: legal document types (LegalDocument.loai_van_ban)",
                                              json_schema_extra={"required": list(DOC_TYPES)})
    tinh_trang_van_ban: dict[DocStatus, Term] = Field(
        description="Tình trạng hiệu lực: legal documents' status (LegalDocument.tinh_trang)",
        json_schema_extra={"required": list(DOC_STATUSES)})

    @field_validator("*")
    @classmethod
    def _every_value_named(cls, terms: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        key_type = typing_args(cls.model_fields[info.field_name or ""].annotation)[0]
        missing = [value for value in typing_args(key_type) if value not in terms]
        if missing:
            raise MessageError("vocabulary_incomplete", missing=", ".join(missing))
        return terms

    def strings(self) -> dict[str, dict[str, str]]:
        """The interface strings these name (cchc.i18n's keys: unit_ngay, channel_truc-tiep, status_bai-bo, ...)."""
        out: dict[str, dict[str, str]] = {}
        for prefix, terms in (("unit_", self.don_vi_thoi_han), ("channel_", self.hinh_thuc_nop),
                              ("status_", self.trang_thai), ("doctype_", self.loai_van_ban),
                              ("docstatus_", self.tinh_trang_van_ban)):
            for value, term in terms.items():
                out[prefix + value] = {"vi": term.vi, "en": term.en}
        return out

    def singular_en(self) -> dict[str, str]:
        """The English for exactly one of each counted unit, by interface key (unit_ngay-lam-viec: working day)."""
        return {"unit_" + value: term.en_mot for value, term in self.don_vi_thoi_han.items()}
