"""Each content problem is a keyed message with its English and Vietnamese side by side (cchc.messages), and
every interface string whose key is built from data exists for every value the models allow."""

from __future__ import annotations

import types
import typing

import pytest

from cchc.content import models
from cchc.content.catalogue import CHANGE_KINDS, DOC_RELATIONS, REF_KINDS, ChangeKind
from cchc.content.files import text_problems
from cchc.content.online import ONLINE_STATES, UNPUBLISHED, OnlineState
from cchc.content.problems import Problem, bilingual
from cchc.content.validate import validate_record
from cchc.content.yamlio import LocatedData, load_yaml
from cchc.i18n import LANGUAGES, t
from cchc.messages import CATALOGUE, Message, MessageError, msg, placeholders


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = CATALOGUE[key]
    assert entry.en.strip() and entry.vi.strip() and entry.en != entry.vi
    en, vi = placeholders(entry.en), placeholders(entry.vi)
    assert vi <= en, f"{key}: the Vietnamese uses {sorted(vi - en)}, which the English does not fill"
    # Only a library's own English wording (named *_en) may be left out of the Vietnamese.
    assert all(name.endswith("_en") for name in en - vi), f"{key}: the Vietnamese lacks {sorted(en - vi)}"


def test_a_message_is_built_only_from_a_known_key_with_its_placeholders() -> None:
    with pytest.raises(KeyError):
        msg("no_such_message")
    with pytest.raises(TypeError):
        msg("not_whole_number")  # {got} not given
    with pytest.raises(TypeError):
        msg("not_whole_number", got="'x'", extra=1)


def _problems(model: type[models.Record], data: dict[str, object]) -> list[Problem]:
    record, problems = validate_record(model, LocatedData(data, {}), "a.yml")
    assert record is None
    return problems


def test_pydantic_errors_by_type() -> None:
    fee = _problems(models.Fee, {"ten": "Lệ phí", "so_tien": "tám nghìn"})
    assert [(p.field, p.message, p.vi) for p in fee] == [
        ("so_tien", "must be a whole number, got 'tám nghìn'", "phải là số nguyên, nhận được 'tám nghìn'")]
    date = _problems(models.Level, {"ten": "Tỉnh", "thu_tu": -1, "mau": 1})
    assert [(p.field, p.text.key) for p in date] == [("mau", "unknown_key"), ("thu_tu", "in_range")]
    assert date[1].vi == "phải trong khoảng từ 0 đến 10000, nhận được -1"
    doc = dict(so_hieu="1/2026/QĐ", loai_van_ban="luat", co_quan_ban_hanh="Quốc hội", ngay_ban_hanh="2026-02-30",
               tinh_trang="con-hieu-luc", trich_yeu="Luật")
    (bad_date,) = _problems(models.LegalDocument, doc)
    assert bad_date.message == ("must be a real date written YYYY-MM-DD, got '2026-02-30' (day value is outside "
                                "expected range)")
    assert bad_date.vi == "phải là ngày có thật, viết dạng năm-tháng-ngày YYYY-MM-DD, nhận được '2026-02-30'"
    (kind,) = _problems(models.LegalDocument, {**doc, "ngay_ban_hanh": "2026-02-03", "loai_van_ban": "sac-lenh"})
    assert kind.text.key == "not_allowed_value" and kind.vi.startswith("giá trị 'sac-lenh' không hợp lệ; được dùng: luat")


def test_a_date_and_time_that_is_not_one() -> None:
    story = {"tieu_de": "Tin", "khoa": "tin", "ngay_dang": "hôm qua", "chuyen_muc": "chung", "sapo": "Sapo",
             "tac_gia": "A"}
    (when,) = _problems(models.NewsItem, story)
    assert (when.field, when.text.key) == ("ngay_dang", "not_datetime")
    assert when.message.startswith("must be a date and time written YYYY-MM-DDTHH:MM:SS+07:00, got 'hôm qua' (")
    assert when.vi == "phải là ngày giờ, viết dạng YYYY-MM-DDTHH:MM:SS+07:00, nhận được 'hôm qua'"
    (zone,) = _problems(models.NewsItem, {**story, "ngay_dang": "2026-07-20T08:30:00"})
    assert zone.vi == "cần ghi múi giờ, ví dụ 2026-07-20T08:30:00+07:00 (giờ Việt Nam)"


def test_our_own_rules_carry_their_key() -> None:
    (both,) = _problems(models.FormTemplate, {"ten": "Mẫu 01", "url": "https://a.vn/m.docx", "tep": "m.docx"})
    assert (both.message, both.vi) == ("give url or tep, not both", "chỉ ghi url hoặc tep, không ghi cả hai")
    (rank,) = _problems(models.IndexYear, {"nam": 2024, "diem": 80, "xep_hang": 40, "tong_so": 34})
    assert (rank.field, rank.message) == ("", "xep_hang 40 is above tong_so 34")
    assert rank.vi == "xếp hạng (xep_hang) 40 lớn hơn tổng số tỉnh được xếp hạng (tong_so) 34"
    error = MessageError("blank_text")
    assert error.text == msg("blank_text") and str(error) == "must not be empty or only spaces"


def test_messages_of_reading_files() -> None:
    _, (dup,) = load_yaml("a: 1\nb: 2\na: 3\n", "a.yml")
    assert (dup.line, dup.message, dup.vi) == (3, "duplicate key (first given on line 1); give each field once",
                                              "trường bị lặp (đã ghi ở dòng 1); mỗi trường chỉ ghi một lần")
    (tone,) = text_problems("Hoà Bình\n", "a.md")
    assert tone.message == "'Hoà' puts the tone mark the old way; write 'Hòa', as the rest of the site does"
    assert tone.vi == "'Hoà' đặt dấu thanh kiểu cũ; viết 'Hòa' như các trang khác"
    assert msg("unknown_level", got="'huyen'", allowed="tinh, xa").vi == "Cấp thực hiện 'huyen' không có; được dùng: tinh, xa"


def test_every_kind_of_reference_has_its_messages() -> None:
    for listed, elsewhere in REF_KINDS.values():
        assert {"got", "allowed"} == placeholders(CATALOGUE[listed].en)
        assert {"got", "where"} == placeholders(CATALOGUE[elsewhere].en)


def test_bilingual_lines_and_sorting() -> None:
    problem = Problem("procedures/1.001193.yml", 42, "cach_thuc[0].phi[1].so_tien", msg("not_whole_number", got="'x'"))
    assert bilingual(problem) == ("procedures/1.001193.yml:42: cach_thuc[0].phi[1].so_tien: must be a whole number, "
                                  "got 'x'\n    ↳ phải là số nguyên, nhận được 'x'")
    later = Problem("a.yml", 1, "", msg("empty_list"))
    first = Problem("a.yml", 1, "", msg("blank_text"))
    assert sorted([later, first]) == [first, later]  # by their English, as `make check` prints them
    assert isinstance(first.text, Message) and len({first, Problem("a.yml", 1, "", msg("blank_text"))}) == 1


def _values(annotation: object) -> tuple[str, ...]:
    values = typing.get_args(annotation)
    assert values and all(isinstance(v, str) for v in values), annotation
    return values


def _field_values(model: type[models.Record], name: str) -> tuple[str, ...]:
    annotation = model.model_fields[name].annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):  # X | None
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    return _values(annotation)


# Every interface string looked up as a prefix plus a value from the content (w.s("status_" + ...),
# t("online_" + ...)), with every value the models allow.
KEYS_FROM_DATA = sorted(
    [f"status_{s}" for s in _field_values(models.Procedure, "trang_thai") if s != "con-hieu-luc"]  # in force: no notice
    + [f"channel_{k}" for k in _field_values(models.Channel, "hinh_thuc")]
    + [f"unit_{u}" for u in _field_values(models.TimeLimit, "don_vi")]
    + [f"online_{s}" for s in _values(OnlineState)]  # the models' muc_do_dvc and "chua-cong-bo", not published
    + [f"doctype_{k}" for k in _field_values(models.LegalDocument, "loai_van_ban")]
    + [f"docstatus_{s}" for s in _field_values(models.LegalDocument, "tinh_trang")]
    + [f"source_{s}" for s in _field_values(models.ImportSource, "co_so_du_lieu")]
    + [f"change_{k}" for k in _values(ChangeKind)]
    + [f"{prefix}_{r}" for r in DOC_RELATIONS for prefix in ("rel", "inv")]
)


@pytest.mark.parametrize("key", KEYS_FROM_DATA)
@pytest.mark.usefixtures("vocabulary")
def test_interface_keys_built_from_data_exist(key: str) -> None:
    for lang in LANGUAGES:
        assert t(key, lang).strip()


def test_the_data_values_cover_the_models() -> None:
    online = _field_values(models.Procedure, "muc_do_dvc")
    assert set(online) | {UNPUBLISHED} == set(_values(OnlineState)) == set(ONLINE_STATES)
    assert set(CHANGE_KINDS) < set(_values(ChangeKind))
    assert {"status_bai-bo", "online_chua-cong-bo", "unit_gio", "change_bi_thay_the"} <= set(KEYS_FROM_DATA)
