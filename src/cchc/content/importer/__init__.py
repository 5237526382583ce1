"""Import procedure records from the national public-service database into our YAML records.

Two source shapes are read (see ``../shared/corpus/dichvucong/README.md``):

- a detail page of dichvucong.gov.vn as scraped (keys ``ma_thu_tuc``, ``ten_thu_tuc``, ...), whose tables
  arrive flattened into run-on text ("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến7Miễn phí...");
- a record parsed from a CSDLQG "ChiTietTTHC" export (``metadata``, ``content``, ``tables``).

Both become one :class:`Parsed` record. Whatever cannot be put into a structured field is kept word for
word in ``can_ra_soat`` (to review) with the reason, so nothing the national record says is lost.

Re-import rule (also in the README): the importer owns the *national* fields (:data:`NATIONAL_FIELDS`) and
rewrites their Vietnamese text; every other key of an existing file is the editors' and is kept as it is
(opening hours, local note, English title, online link, publishing decision, status, ...). An English
translation inside a national field is kept wherever the Vietnamese text it translates is unchanged. A
national field the new record leaves empty does not erase what an editor wrote there. When nothing changes
the file is not rewritten, so re-importing the same record gives a byte-identical file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from cchc.content.files import MAX_FILE_BYTES, text_problems
from cchc.content.importer.grammar import (
    AMOUNT_LIKE,
    LEGAL_NUMBER,
    MONEY,
    PERCENT,
    QUANTITY,
    RESULT_CODE,
    RESULT_LABEL,
    money_amount,
    ordered,
    row_starts_at,
    strip_bullet,
)
from cchc.content.importer.grammar import CURRENCIES as _CURRENCIES
from cchc.content.importer.legal import parse_legal_basis_rest
from cchc.content.importer.review import counts_by_kind
from cchc.content.models import Procedure
from cchc.content.problems import field_path
from cchc.content.roundtrip import canonical_yaml
from cchc.content.validate import is_required, model_errors
from cchc.content.yamlio import Loc, load_yaml
from cchc.messages import Message
from cchc.text import fold_accents, new_tone_spelling, nfc, slugify

EMPTY = "Không có thông tin"
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/procedure.schema.json\n"

# Fields the national database owns; everything else in a record belongs to the editors.
NATIONAL_FIELDS = (
    "ma_thu_tuc", "ten", "linh_vuc", "cap_thuc_hien", "loai_thu_tuc", "doi_tuong", "co_quan_thuc_hien",
    "co_quan_co_tham_quyen", "co_quan_duoc_uy_quyen", "co_quan_phoi_hop", "dia_chi_tiep_nhan", "trinh_tu",
    "cach_thuc", "thanh_phan_ho_so", "yeu_cau_dieu_kien", "ket_qua", "can_cu_phap_ly", "nguon", "can_ra_soat",
)
# Key order of a written record: the model's own order.
FIELD_ORDER = tuple(Procedure.model_fields)

CHANNELS = {"Trực tuyến": "truc-tuyen", "Dịch vụ bưu chính": "buu-chinh", "Trực tiếp": "truc-tiep"}
UNITS = {"ngày làm việc": "ngay-lam-viec", "ngày": "ngay", "giờ": "gio", "tháng": "thang"}
CURRENCIES = _CURRENCIES
AGENCY_ROLES = ("co_quan_thuc_hien", "co_quan_co_tham_quyen", "co_quan_duoc_uy_quyen", "co_quan_phoi_hop")


class ImportError_(Exception):
    """A source file that cannot be imported at all (not JSON, not a procedure record)."""


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def clean(value: Any) -> str:
    """NFC text, tone marks placed the new way, no-break spaces made plain, the portal's placeholder made empty."""
    if value is None:
        return ""
    text = new_tone_spelling(str(value)).replace("\xa0", " ").replace("\r\n", "\n")
    # Word's symbol-font bullets arrive as private-use characters ("\uf0d8"): they are bullets.
    text = _PRIVATE_USE.sub("•", text).strip()
    return "" if text.rstrip(".").strip() == EMPTY else text


def split_names(text: str) -> list[str]:
    """Split a list such as "Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX)" into its names.

    A comma separates two names only outside parentheses and before a capital letter, so "Cán bộ, công chức,
    viên chức" and "(không bao gồm doanh nghiệp, HTX)" stay whole.
    """
    names: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ",;" and depth == 0:
            rest = text[i + 1 :].lstrip()
            if rest[:1].isupper():
                names.append(text[start:i])
                start = i + 1
    names.append(text[start:])
    out = []
    for name in names:
        name = " ".join(name.split()).strip(" .;,")
        if name and name not in out:
            out.append(name)
    return out


def _balanced(text: str, start: int) -> int:
    """Index just past the parenthesis group opening at ``start`` (or the end of text if it never closes)."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def parse_amount(number: str) -> int:
    """'2,000' and '2.000' are both two thousand: the portal uses either as a thousands separator."""
    return int(re.sub(r"[.,\s]", "", number))


# --- the channel table ("Cách thức thực hiện") -----------------------------------------------------------------

_CHANNEL_HEADER = re.compile(r"^\s*Hình thức nộp\s*Thời gian\s*Phí, lệ phí\s*Mô tả\s*")
_UNIT = r"(?:Ngày làm việc|Ngày|Giờ|Tháng)"
# A time with its unit; a bare number only where the fee cell's words follow it ("Trực tiếp1Miễn phí"), since a
# bare number before an amount is the amount ("Trực tuyến120,000 VNĐ"); or nothing.
_TIME = (rf"(?:(?P<so>\d+(?:[.,]\d+)?)\s*(?P<unit>{_UNIT})|(?P<bare>\d+(?:[.,]\d+)?)(?=Miễn phí|{EMPTY})"
         rf"|(?P<notime>{EMPTY}))?")
_MONEY = r"\d[\d.,]*\s*(?:Việt Nam Đồng|Đồng|đồng|VNĐ|VND|USD)"
_PER = r"(?:\(/[^()]*\)|/[^\W\d_]+(?: [^\W\d_]+)?)"
_FEE = rf"(?P<fee>Miễn phí|{EMPTY}|{_MONEY}{_PER}?(?:\s*[,;]\s*{_MONEY}{_PER}?)*)"
_ROW = re.compile(rf"(?P<kind>{'|'.join(CHANNELS)}){_TIME}{_FEE}")
_ONE_FEE = re.compile(r"(?P<amount>\d[\d.,]*)\s*(?P<cur>Việt Nam Đồng|Đồng|đồng|VNĐ|VND|USD)"
                      r"(?:\(/(?P<per>[^()]*)\)|/(?P<per2>[^\W\d_]+(?: [^\W\d_]+)?))?")


def _time_limit(so: str | None, unit: str | None) -> dict[str, Any] | None:
    if so is None or unit is None:
        return None
    value = float(so.replace(",", "."))
    if value <= 0:
        return None
    return {"so": int(value) if value.is_integer() else value, "don_vi": UNITS[unit.lower()]}


def parse_fees(cell: str) -> list[dict[str, Any]] | None:
    """Fees in a cell or a phrase: "2,000 Việt Nam Đồng(/trang)" and "2.000 đồng/trang" both give 2000 VND per
    trang; "Miễn phí" gives []; no information gives None."""
    cell = clean(cell)
    if not cell:
        return None
    if cell == "Miễn phí":
        return []
    fees = []
    for m in _ONE_FEE.finditer(cell):
        amount = parse_amount(m.group("amount"))
        if amount == 0:
            continue
        fee: dict[str, Any] = {"ten": "Phí, lệ phí", "so_tien": amount, "tien_te": CURRENCIES[m.group("cur").lower()]}
        per = m.group("per") or m.group("per2")
        if per and per.strip():
            fee["tinh_theo"] = per.strip()
        fees.append(fee)
    return fees


@dataclass
class Parsed:
    """One national record in our terms: structured fields, plus what needs an editor."""

    code: str
    fields: dict[str, Any]
    names: dict[str, list[str]]  # taxonomy kind -> names used (fields, levels, audiences)
    agencies: dict[str, list[str]]  # role -> agency names
    review: list[dict[str, str]] = field(default_factory=list)

    def flag(self, key: str, why: str, text: str) -> None:
        if text.strip():
            self.review.append({"truong": key, "ly_do": why, "nguyen_van": text.strip()})


def parse_channels(text: str, rec: Parsed) -> list[dict[str, Any]]:
    """The flattened channel table: kind, time limit, fees and description of each row."""
    text = clean(text)
    body = _CHANNEL_HEADER.sub("", text)
    rows = list(_ROW.finditer(body))
    if not rows:
        rec.flag("cach_thuc", "bảng cách thức thực hiện không đọc được", text)
        return []
    if body[: rows[0].start()].strip():
        rec.flag("cach_thuc", "văn bản trước bảng cách thức thực hiện", body[: rows[0].start()])
    channels = []
    for i, m in enumerate(rows):
        end = rows[i + 1].start() if i + 1 < len(rows) else len(body)
        rest = body[m.end() : end]
        fee_cell = m.group("fee")
        fees = parse_fees(fee_cell)
        notes = []
        if fees and rest.startswith("(/"):
            # A per-unit with a note inside it: "(/hồ sơ (Thông tư số 64/2025/TT-BTC))".
            close = _balanced(rest, 0)
            unit, _, note = rest[2 : close - 1].partition(" (")
            fees[-1]["tinh_theo"] = unit.strip()
            notes.append(note.removesuffix(")"))
            rest = rest[close:]
        if rest.startswith("("):
            close = _balanced(rest, 0)
            notes.append(rest[1 : close - 1])
            rest = rest[close:]
        notes.append(rest)
        description = "\n".join(n.strip() for n in notes if n.strip() and n.strip() != EMPTY)
        channel: dict[str, Any] = {"hinh_thuc": CHANNELS[m.group("kind")]}
        time_unit = m.group("unit") or (_unit_in(description, m.group("bare")) if m.group("bare") else None)
        limit = _time_limit(m.group("so") or m.group("bare"), time_unit)
        if limit:
            channel["thoi_han"] = limit
        elif m.group("bare"):
            # The portal printed a number without its unit: shown as written, never given a unit we guessed.
            description = f"Thời hạn giải quyết: {m.group('bare')} (không ghi đơn vị)" + (
                "\n" + description if description else "")
        channel["phi"] = _reconciled_fees(fees, description, m.group("kind"), rec, fee_cell)
        if description:
            channel["mo_ta"] = description
        channels.append(channel)
    return channels


def _unit_in(description: str, number: str) -> str | None:
    """The unit the description gives the same number ("07 ngày làm việc kể từ ..." for a bare "7")."""
    m = re.search(rf"(?<![\d.,])0*{re.escape(number)}\s*\(?[^\W\d_]*\)?\s*({_UNIT})", description, re.I)
    return m.group(1) if m else None


def fees_in_text(text: str) -> list[dict[str, Any]]:
    """A structured fee for every amount of money a description names, with what it is for (its clause)."""
    return _money_in_text(text).fees


@dataclass
class _TextMoney:
    """What a description says about money: the fees it names, every amount MONEY read (zero included), and the
    amounts that look like money (grammar.AMOUNT_LIKE) but did not become a fee."""

    fees: list[dict[str, Any]]
    amounts: set[int]
    unread: list[str]


def _money_in_text(text: str) -> _TextMoney:
    fees = []
    amounts: set[int] = set()
    unread: list[str] = []
    for clause in _CLAUSE.split(text):
        read = []
        for m in MONEY.finditer(clause):
            amount = money_amount(m.group("amount"), m.group("scale"))
            if amount is None:
                continue  # "1,5 đồng": not a whole amount, so left unread (and AMOUNT_LIKE may find it)
            read.append(m.span())
            amounts.add(amount)
            if not amount:
                continue  # "mức phí: 0đ" says free
            name = re.match(r"\s*((?:Lệ phí|Phí)[^:;,()]{0,80}?)\s*:", clause)
            fee: dict[str, Any] = {"ten": name.group(1).strip() if name else "Phí, lệ phí", "so_tien": amount,
                                   "tien_te": CURRENCIES[m.group("cur").lower()]}
            per = re.match(r"\s*(?:\(/([^()]+)\)|/\s*([^\W\d_]+(?: [^\W\d_]+)?))", clause[m.end() :])
            if per:
                fee["tinh_theo"] = (per.group(1) or per.group(2)).strip()
            fee["mo_ta"] = " ".join(clause.split()).strip(" ;,.()")
            fees.append(fee)
        for m in AMOUNT_LIKE.finditer(clause):
            group = "grouped" if m.group("grouped") else "after_fee"
            first, last = m.span(group)
            if not any(a <= first and last <= b for a, b in read):
                unread.append(m.group(group))
    return _TextMoney(fees, amounts, unread)


_CLAUSE = re.compile(r";|\n|\.\s+(?=[A-ZĐ])|(?<=\))\s*(?=\()")


def _reconciled_fees(fees: list[dict[str, Any]] | None, description: str, kind: str, rec: Parsed,
                     cell: str = "") -> list[dict[str, Any]] | None:
    """The channel's fees with every amount its description names: "Miễn phí" beside "500.000 đồng/hồ sơ" is
    not free. What cannot be settled is flagged, never published as a confident fee or as free:

    - an amount written as a rate ("0,5%") cannot be a structured fee;
    - an amount that looks like money but did not become a fee ("Lệ phí cấp giấy: 50.000/hồ sơ", no currency):
      the channel's fees are the ones read, and "not given" rather than free when none was;
    - the description contradicts the fee cell (cell "1 Việt Nam Đồng", text "mức phí: 0đ"): the fees are "not
      given", the cell is kept word for word for the office.
    """
    text = _money_in_text(description)
    known = {fee["so_tien"] for fee in fees or []}
    extra = [fee for fee in text.fees if fee["so_tien"] not in known]
    if PERCENT.search(description) and re.search(r"phí|lệ phí", description, re.I):
        rec.flag("cach_thuc", f"phí, lệ phí tính theo tỷ lệ phần trăm ({kind})", f"{kind}: {description}")
    # Another amount beside the cell's is a further fee (each kept with its clause); the text contradicts the cell
    # where it names none of the cell's amounts and says the fee is zero, or names a cell amount a thousand times
    # over (the cell lost its thousands: "150 VNĐ" beside "150.000 đồng/lần").
    if known and not known & text.amounts and (0 in text.amounts or any(a * 1000 in text.amounts for a in known)):
        rec.flag("cach_thuc", f"số tiền ở cột phí, lệ phí trái với mô tả ({kind})",
                 f"{kind}: {cell or _fees_text(fees or [])}\n{description}")
        return None
    merged: list[dict[str, Any]] = []
    for fee in [*(fees or []), *extra]:
        if fee not in merged:
            merged.append(fee)
    amounts = {fee["so_tien"] for fee in merged}
    unread = [a for a in text.unread if money_amount(a) not in amounts]  # "230.000/lần" beside a 230,000 cell
    if unread:
        rec.flag("cach_thuc", f"số tiền trong mô tả không đọc được thành phí ({kind})",
                 f"{kind}: " + ", ".join(unread) + f"\n{description}")
        return merged or None
    return merged if extra else fees


def _fees_text(fees: list[dict[str, Any]]) -> str:
    return "; ".join(f"{fee['ten']}: {fee['so_tien']:,} {fee['tien_te']}".replace(",", ".") for fee in fees)


def channels_from_table(rows: list[dict[str, str]], rec: Parsed) -> list[dict[str, Any]]:
    """The export's channel table: {hinh_thuc, thoi_han_giai_quyet, phi_le_phi} per row."""
    channels = []
    for row in rows:
        kind = clean(row.get("hinh_thuc"))
        if kind not in CHANNELS:
            rec.flag("cach_thuc", "hình thức nộp không rõ", json.dumps(row, ensure_ascii=False))
            continue
        channel: dict[str, Any] = {"hinh_thuc": CHANNELS[kind]}
        time_text = clean(row.get("thoi_han_giai_quyet"))
        tm = re.fullmatch(_TIME, time_text)
        limit = _time_limit(tm.group("so"), tm.group("unit")) if tm else None
        if limit:
            channel["thoi_han"] = limit
        elif time_text:
            rec.flag("cach_thuc", f"thời hạn không đọc được ({kind})", f"{kind}: {time_text}")
        fee_text = clean(row.get("phi_le_phi"))
        channel["phi"] = None
        if fee_text:
            fm = re.fullmatch(r"(?P<name>(?:Lệ phí|Phí)[^:]*?)\s*:\s*(?P<amount>\d[\d.,]*)\s*(?P<cur>Đồng|đồng|USD)"
                              r"\s*(?:\((?P<note>.*)\))?", fee_text, re.S)
            if fm:
                amount = parse_amount(fm.group("amount"))
                channel["phi"] = _reconciled_fees([] if amount == 0 else [{
                    "ten": fm.group("name").strip(), "so_tien": amount, "tien_te": CURRENCIES[fm.group("cur").lower()],
                    **({"mo_ta": fm.group("note").strip()} if fm.group("note") else {}),
                }], fm.group("note") or "", kind, rec, fee_text)
            else:
                rec.flag("cach_thuc", f"phí, lệ phí không đọc được ({kind})", f"{kind}: {fee_text}")
        channels.append(channel)
    return channels


# --- the documents table ("Thành phần hồ sơ") ----------------------------------------------------------------

_DOC_HEADER = re.compile(r"Tên giấy tờ\s*Mẫu đơn, tờ khai\s*Số lượng")
_FORM_FILE = re.compile(r"\.(?:docx?|xlsx?|pdf|odt|rtf|zip)\b", re.I)
# A case heading is one short sentence ("Trường hợp ủy quyền:", "a) Hồ sơ đề xuất dự án gồm:"); longer text, or
# text with a sentence inside it, is a paragraph about the list, not a heading.
_HEADING_MAX = 200
_SENTENCE_BREAK = re.compile(r"[.;!?]\s+(?=[A-ZĐ])")
_INNER_BULLET = re.compile(r"\s[-+•]\s+(?=[A-ZĐ])")


def _row_ends(text: str) -> list[re.Match[str]]:
    """Quantities that end a row: where the next row starts right after them (see :func:`grammar.row_starts_at`)."""
    return [m for m in QUANTITY.finditer(text) if row_starts_at(text, m.end())]


def _split_form(cell: str) -> tuple[str, str | None]:
    """'Tờ khai đăng ký khai sinhMau TK.docx' -> ('Tờ khai đăng ký khai sinh', 'Mau TK.docx')."""
    matches = list(_FORM_FILE.finditer(cell))
    m = matches[-1] if matches else None
    if m is None or cell[m.end() :].strip():
        return cell, None
    head = cell[: m.start()]
    # The file name starts after the name's last sentence mark, or where a lower-case letter runs into a capital.
    cut = 0
    for i in range(1, len(head)):
        prev, ch = head[i - 1], head[i]
        if prev in ".;:)" and not ch.isspace():
            cut = i
        elif (prev.islower() and ch.isupper()) or (
                (prev.isupper() or prev.isdigit()) and ch.isupper() and head[i + 1 : i + 2].islower()
                and head[i - 1 : i + 2] != "TTg"):  # "...NĐ-CPĐơn đăng ký.docx", "...2026Mau.docx"; not "QĐ-TTg"
            cut = i
            break
    if cut == 0:
        return cell, None
    return cell[:cut], cell[cut:]


def _document(name: str, form: str | None, originals: int, copies: int, shown: bool) -> dict[str, Any]:
    doc: dict[str, Any] = {"ten": name}
    if form:
        doc["mau"] = {"ten": form}
    if originals:
        doc["ban_chinh"] = originals
    if copies:
        doc["ban_sao"] = copies
    if shown:
        doc["xuat_trinh"] = True
    if not (originals or copies or shown):
        doc["chi_dan"] = True
    return doc


def _lead(text: str) -> tuple[str, str]:
    """(heading, paragraph) for the text before a table: a short one-sentence lead is the case heading; a long
    one is a paragraph, and where it ends with a bullet that reads as a heading ("... sau đây: - Trường hợp ủy
    quyền cho cá nhân ..., phải có:") that last bullet is the heading and the rest the paragraph."""
    text = " ".join(text.split()).strip(" -")
    if not text:
        return "", ""
    if _is_heading(text):
        return strip_bullet(text).rstrip(":").strip(), ""
    bullets = list(_INNER_BULLET.finditer(text))
    if bullets:
        last = text[bullets[-1].end() :]
        if _is_heading(last):
            return last.rstrip(":").strip(), strip_bullet(text[: bullets[-1].start()])
    return "", strip_bullet(text)


def _is_heading(text: str) -> bool:
    return len(text) <= _HEADING_MAX and not _SENTENCE_BREAK.search(strip_bullet(text))


def _in_order(items: list[Any], key: Any) -> list[Any]:
    """``items`` in the order their markers give (grammar.ordered)."""
    return [items[i] for i in ordered([key(item) for item in items])]


def _rows(body: str, shown: bool) -> tuple[list[dict[str, Any]], str]:
    """The documents of one table and the text after its last quantity (the next table's lead)."""
    docs = []
    start = 0
    for m in _row_ends(body):
        name, form = _split_form(body[start : m.start()].strip())
        name = strip_bullet(name)
        originals = int(m.group("chinh") or 0)
        copies = int(m.group("sao1") or m.group("sao2") or 0)
        if name:
            docs.append(_document(name, form, originals, copies, shown))
        start = m.end()
    return docs, body[start:]


def _without_repeats(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for doc in docs:
        if doc not in out:
            out.append(doc)
    return out


def parse_documents(text: str, rec: Parsed) -> list[dict[str, Any]]:
    """The flattened documents table: one or more tables, each after its lead (a case heading or a paragraph).

    Rows end at their quantities (:data:`grammar.QUANTITY`); a row after the last quantity of the last table has
    no quantity and is kept as an instruction. Groups and documents are put in the order their numbers and letters
    give; a group repeated with the same heading is merged and a repeated row kept once."""
    text = clean(text)
    if not text or text.strip("- ") == "":
        return []
    parts = _DOC_HEADER.split(text)
    if len(parts) == 1:
        rec.flag("thanh_phan_ho_so", "bảng thành phần hồ sơ không đọc được", text)
        return []
    groups: list[dict[str, Any]] = []
    lead = parts[0]
    for index, body in enumerate(parts[1:]):
        heading, paragraph = _lead(lead)
        shown = "xuất trình" in heading.lower()
        docs, lead = _rows(body, shown)
        last = index == len(parts) - 2
        if last and strip_bullet(lead):
            docs.append(_document(strip_bullet(" ".join(lead.split())), None, 0, 0, False))
            lead = ""
        if not docs:
            if body.strip():
                rec.flag("thanh_phan_ho_so", "nhóm giấy tờ không đọc được", (heading + "\n" + body).strip())
            continue
        same = next((g for g in groups if (heading or paragraph) and g.get("truong_hop") == (heading or None)
                     and g.get("ghi_chu") == (paragraph or None)), None)
        if same is not None:
            same["giay_to"].extend(docs)
            continue
        group: dict[str, Any] = {"giay_to": docs}
        if heading:
            group["truong_hop"] = heading
        if paragraph:
            group["ghi_chu"] = paragraph
        groups.append(group)
    for group in groups:
        group["giay_to"] = _in_order(_without_repeats(group["giay_to"]), lambda d: d["ten"])
    return _in_order(groups, lambda g: g.get("truong_hop", ""))


def documents_from_table(rows: list[dict[str, str]], rec: Parsed) -> list[dict[str, Any]]:
    """The export's documents: {ten_giay_to, so_luong (really the form file), ghi_chu ("Bản chính: 1...")}."""
    docs = []
    for row in rows:
        name = strip_bullet(clean(row.get("ten_giay_to")))
        if not name:
            continue
        note = clean(row.get("ghi_chu"))
        originals = re.search(r"Bản chính:\s*(\d+)", note)
        copies = re.search(r"Bản sao:\s*(\d+)", note)
        leftover = re.sub(r"Bản (?:chính|sao):\s*\d+", "", note).strip()
        if leftover:
            rec.flag("thanh_phan_ho_so", "ghi chú giấy tờ không đọc được", f"{name}: {note}")
        docs.append(_document(name, clean(row.get("so_luong")) or None,
                              int(originals.group(1)) if originals else 0, int(copies.group(1)) if copies else 0,
                              False))
    return [{"giay_to": docs}] if docs else []


# --- results, steps, legal basis -------------------------------------------------------------------------------

_UI_LEAK = re.compile(r"Chọn cơ quan thực hiện.*$", re.S)
# A code that is not of the grammar ("G19-KQ006098", "000.00.00.G1"): code characters up to the next word.
_ODD_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*?(?=[A-ZĐ][a-zà-ỹđ]|\s|$)")


def _result_name(text: str) -> str:
    name = strip_bullet(text).strip(" .,;:-+")
    return name[:1].upper() + name[1:]


def parse_results(text: str, rec: Parsed) -> list[dict[str, Any]]:
    """Results "NameMã: KQ.G15.000031" repeated, then the page's "Từ khóa…Mô tả…" and UI text, which is removed.

    A code has the form ``KQ.<letter><2 digits>.<5-7 digits>`` (:data:`grammar.RESULT_CODE`), so the next name
    starts right after its last digit ("KQ.G12.001051Thông báo ..." keeps the T of "Thông báo"). A code of
    another form is kept for review, and the name after it is still read."""
    text = _UI_LEAK.sub("", clean(text))
    description = ""
    if "Mô tả" in text:
        text, description = text.rsplit("Mô tả", 1)
        description = clean(description)
    if "Từ khóa" in text:
        text = text.rsplit("Từ khóa", 1)[0]  # the portal's search keywords for the page, not the result
    results: list[dict[str, Any]] = []
    pos = 0
    name_start = 0
    while (label := RESULT_LABEL.search(text, pos)) is not None:
        name = _result_name(text[name_start : label.start()])
        code = RESULT_CODE.match(text, label.end())
        if code is None:
            odd = _ODD_CODE.match(text, label.end())
            end = odd.end() if odd else label.end()
            rec.flag("ket_qua", "mã kết quả không đúng dạng KQ.X00.000000", text[label.start() : end])
            result: dict[str, Any] = {"ten": name}
        else:
            end = code.end()
            result = {"ten": name, "ma": code.group(0)}
        if name:
            results.append(result)
        else:
            rec.flag("ket_qua", "mã kết quả không kèm tên", text[label.start() : end])
        pos = name_start = end
    tail = _result_name(text[name_start:])
    if tail:
        results.append({"ten": tail})
    if description and results:
        results[-1]["mo_ta"] = description
    elif description:
        rec.flag("ket_qua", "mô tả kết quả không kèm tên", description)
    return results


_STEP_BULLET = re.compile(r"^[-+•*–]\s*")


def parse_steps(text: str) -> list[dict[str, Any]]:
    """One step per line of the national text, leading bullets dropped."""
    steps = [_STEP_BULLET.sub("", " ".join(line.split())) for line in clean(text).split("\n")]
    steps = [s for s in steps if s and s.strip("-+ .")]
    return [{"cac_buoc": steps}] if steps else []




def parse_legal(text: str, rec: Parsed) -> list[dict[str, str]]:
    text = clean(text)
    rows, rest = parse_legal_basis_rest(text)
    if text and not rows:
        rec.flag("can_cu_phap_ly", "bảng căn cứ pháp lý không đọc được", text)
    elif rest:
        rec.flag("can_cu_phap_ly", "dòng cuối bảng căn cứ pháp lý có số hiệu không đọc được", rest)
    return [{"so_hieu": number, "trich_yeu": title} for number, title in rows]


def legal_from_table(rows: list[dict[str, str]], rec: Parsed) -> list[dict[str, str]]:
    """The export's rows; a number cut to "12" is completed from its title ("Quyết định số 12/2021/QĐ-TTg ...")."""
    out = []
    for row in rows:
        number, title = clean(row.get("so_ky_hieu")), clean(row.get("trich_yeu"))
        if not number and not title:
            continue
        full = next((m.group(0) for m in LEGAL_NUMBER.finditer(title) if m.group(0).startswith(number + "/")), None)
        if full:
            number = full
        cell = LEGAL_NUMBER.search(number)
        if cell and cell.group(0) != number:
            number = cell.group(0)  # "Thông tư số 67/2024/TT-BQP": the number, the words are in the title
        if not number:
            rec.flag("can_cu_phap_ly", "văn bản không có số hiệu", title)
            continue
        out.append({"so_hieu": number, "trich_yeu": title or number})
    return out


def _levels(text: str) -> list[str]:
    return [name[:1].upper() + name[1:] for name in split_names(clean(text))]


# --- the two source shapes -------------------------------------------------------------------------------------

def from_portal_page(data: dict[str, Any]) -> Parsed:
    """A scraped detail page of dichvucong.gov.vn (the chatbot-tthc crawler's shape)."""
    rec = Parsed(code=clean(data["ma_thu_tuc"]), fields={}, names={}, agencies={})
    f = rec.fields
    f["ten"] = clean(data["ten_thu_tuc"])
    f["loai_thu_tuc"] = clean(data.get("loai_thu_tuc"))
    rec.names = {
        "fields": [clean(data.get("linh_vuc"))],
        "levels": _levels(data.get("cap_thuc_hien", "")),
        "audiences": split_names(clean(data.get("doi_tuong_thuc_hien"))),
    }
    rec.agencies = {role: split_names(clean(data.get(role))) for role in AGENCY_ROLES}
    f["dia_chi_tiep_nhan"] = clean(data.get("dia_chi_tiep_nhan"))
    f["trinh_tu"] = parse_steps(data.get("trinh_tu_thuc_hien", ""))
    f["cach_thuc"] = parse_channels(data.get("cach_thuc_thuc_hien", ""), rec)
    f["thanh_phan_ho_so"] = parse_documents(data.get("thanh_phan_ho_so", ""), rec)
    f["yeu_cau_dieu_kien"] = clean(data.get("yeu_cau_dieu_kien"))
    f["ket_qua"] = parse_results(data.get("ket_qua_xu_ly", ""), rec)
    f["can_cu_phap_ly"] = parse_legal(data.get("can_cu_phap_ly", ""), rec)
    related = clean(data.get("thu_tuc_lien_quan"))
    if related:
        rec.flag("thu_tuc_lien_quan", "thủ tục liên quan cần ghi bằng mã", related)
    url = clean(data.get("detail_url"))
    f["nguon"] = {"co_so_du_lieu": "cong-dvc-quoc-gia", "so_quyet_dinh": clean(data.get("so_quyet_dinh")) or None,
                  "url": url if url.startswith(("https://", "http://")) else None}
    return rec


def from_database_export(data: dict[str, Any]) -> Parsed:
    """A record parsed from a CSDLQG "ChiTietTTHC" export (metadata / content / tables)."""
    meta, content, tables = data["metadata"], data.get("content", {}), data.get("tables", {})
    rec = Parsed(code=clean(meta["mã_thủ_tục"]), fields={}, names={}, agencies={})
    f = rec.fields
    f["ten"] = clean(meta["tên_thủ_tục"])
    f["loai_thu_tuc"] = clean(meta.get("loại_thủ_tục"))
    rec.names = {
        "fields": [clean(meta.get("lĩnh_vực"))],
        "levels": _levels(meta.get("cấp_thực_hiện", "")),
        "audiences": split_names(clean(content.get("đối_tượng_thực_hiện"))),
    }
    rec.agencies = {
        "co_quan_thuc_hien": split_names(clean(content.get("cơ_quan_thực_hiện"))),
        "co_quan_co_tham_quyen": split_names(clean(content.get("cơ_quan_có_thẩm_quyền"))),
        "co_quan_duoc_uy_quyen": [],
        "co_quan_phoi_hop": split_names(clean(content.get("cơ_quan_phối_hợp"))),
    }
    f["dia_chi_tiep_nhan"] = clean(content.get("địa_chỉ_tiếp_nhận_hs"))
    f["trinh_tu"] = parse_steps(content.get("trình_tự_thực_hiện", ""))
    f["cach_thuc"] = channels_from_table(tables.get("hinh_thuc_nop") or [], rec)
    prose = clean(content.get("cách_thức_thực_hiện"))
    if prose:
        rec.flag("cach_thuc", "mô tả cách thức thực hiện bằng lời", prose)
    f["thanh_phan_ho_so"] = documents_from_table(tables.get("thanh_phan_ho_so") or [], rec)
    f["yeu_cau_dieu_kien"] = clean(content.get("yêu_cầu_điều_kiện_thực_hiện"))
    results = clean(content.get("kết_quả_thực_hiện"))
    f["ket_qua"] = parse_results(results, rec) if results else []
    f["can_cu_phap_ly"] = legal_from_table(tables.get("can_cu_phap_ly") or [], rec)
    decision = re.sub(r"^Quyết định số\s*", "", clean(meta.get("số_quyết_định")))
    f["nguon"] = {"co_so_du_lieu": "csdl-quoc-gia-tthc", "so_quyet_dinh": decision or None, "url": None}
    return rec


def parse_record(data: Any) -> Parsed:
    if isinstance(data, dict) and "ma_thu_tuc" in data and "ten_thu_tuc" in data:
        return from_portal_page(data)
    if isinstance(data, dict) and isinstance(data.get("metadata"), dict) and "mã_thủ_tục" in data["metadata"]:
        return from_database_export(data)
    raise ImportError_("not a procedure record: expected the keys ma_thu_tuc and ten_thu_tuc (a portal page) "
                       "or metadata.mã_thủ_tục (a database export)")


# --- taxonomies ------------------------------------------------------------------------------------------------

_ABBREVIATIONS = ((r"\bubnd\b", "uy ban nhan dan"), (r"\bhdnd\b", "hoi dong nhan dan"), (r"\btp\b", "thanh pho"))


def name_key(name: str) -> str:
    """What two names of one entry share: no accents, case, spacing or dots, "cấp tỉnh" read as "tỉnh", and the
    usual abbreviations spelt out ("UBND cấp Tỉnh" and "Ủy ban nhân dân tỉnh" are one agency)."""
    key = " ".join(fold_accents(nfc(name)).lower().replace(".", " ").replace(",", " ").split())
    for short, full in _ABBREVIATIONS:
        key = re.sub(short, full, key)
    key = re.sub(r"\bcap (tinh|xa|huyen|bo|trung uong)\b", r"\1", key)
    # The national wording for "the province": "tỉnh, thành phố trực thuộc trung ương".
    return re.sub(r"\btinh (?:va )?thanh pho truc thuoc trung uong\b", "tinh", key)


# Taxonomies whose entries list other names (ten_khac); levels do not.
_ALIASED = ("fields", "audiences", "agencies")


class NewEntry(NamedTuple):
    """A taxonomy entry the import added: where, its id and its Vietnamese name (its English is for an editor)."""

    file: str  # data/fields.yml
    id: str
    vi: str


@dataclass
class Taxonomy:
    """One data/<kind>.yml: its ids by every name they go by, and the entries the import adds."""

    kind: str
    path: Path
    by_name: dict[str, str]
    ids: set[str]
    added: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path, kind: str) -> Taxonomy:
        path = root / "data" / f"{kind}.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
        by_name: dict[str, str] = {}
        for ident, entry in (data or {}).items():
            ten = entry.get("ten", {})
            names = [ten.get("vi", "") if isinstance(ten, dict) else str(ten), *entry.get("ten_khac", [])]
            for name in names:
                by_name.setdefault(name_key(name), ident)
        return cls(kind, path, by_name, set((data or {}).keys()))

    def id_for(self, name: str, extra: dict[str, Any] | None = None) -> str:
        found = self.by_name.get(name_key(name))
        if found:
            entry = self.added.get(found)
            if (entry is not None and self.kind in _ALIASED and name != entry["ten"]["vi"]
                    and name not in entry.setdefault("ten_khac", [])):
                entry["ten_khac"].append(name)  # the other spelling, so the next import and editors see it
            return found
        base = slugify(name)[:60].strip("-") or self.kind
        ident, n = base, 2
        while ident in self.ids:
            ident, n = f"{base}-{n}", n + 1
        self.ids.add(ident)
        self.by_name[name_key(name)] = ident
        self.added[ident] = {"ten": {"vi": name}, **(extra or {})}
        return ident

    def write(self) -> list[NewEntry]:
        """Append the new entries, leaving the editors' part of the file (comments included) untouched; return them,
        each still to be given its English name."""
        if not self.added:
            return []
        written = [NewEntry(f"data/{self.kind}.yml", ident, entry["ten"]["vi"]) for ident, entry in self.added.items()]
        text = self.path.read_text(encoding="utf-8") if self.path.exists() else (
            f"# yaml-language-server: $schema=../schemas/{self.kind}.schema.json\n")
        if not text.endswith("\n"):
            text += "\n"
        text += "# Added by scripts/import_procedures.py; add the English name (en) and check.\n"
        text += dump_yaml(self.added)
        self.path.write_text(text, encoding="utf-8")
        self.added = {}
        return written


def _agency_level(name: str, levels: list[str]) -> str:
    """The level an agency named in a record works at, by its name, else by the record's only level."""
    key = name_key(name)
    if re.search(r"\bxa\b", key) and "tinh" not in key.split():
        return "Cấp xã"
    if key.startswith(("bo ", "cuc ", "thanh tra bo", "tong cuc", "ngan hang nha nuoc viet nam", "chinh phu",
                       "thu tuong")):
        return "Cấp bộ"
    if len(levels) == 1:
        return levels[0]
    return "Cấp tỉnh"


# --- writing ---------------------------------------------------------------------------------------------------

def dump_yaml(data: Any) -> str:
    """YAML as the importer writes it, in NFC with new-style tone marks throughout, so `make check` passes it as
    written: the one writer of new content files (cchc.content.roundtrip, which the editors' form uses too)."""
    return canonical_yaml(data)


def _english(old: Any, table: dict[str, str]) -> None:
    """vi -> en for every translated text in an old record."""
    if isinstance(old, dict):
        if isinstance(old.get("vi"), str) and isinstance(old.get("en"), str):
            table.setdefault(old["vi"], old["en"])
        for value in old.values():
            _english(value, table)
    elif isinstance(old, list):
        for value in old:
            _english(value, table)


_TEXT_KEYS = {"ten", "trich_yeu", "mo_ta", "truong_hop", "ghi_chu", "dia_chi_tiep_nhan", "yeu_cau_dieu_kien", "loai_thu_tuc",
              "tinh_theo"}


def _translated(value: Any, table: dict[str, str], key: str = "") -> Any:
    """Put back English translations whose Vietnamese text is unchanged."""
    if isinstance(value, dict):
        return {k: _translated(v, table, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_translated(v, table, "cac_buoc" if key == "cac_buoc" else "") for v in value]
    if isinstance(value, str) and (key in _TEXT_KEYS or key == "cac_buoc") and value in table:
        return {"vi": value, "en": table[value]}
    return value


def _drop_empty(fields: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in fields.items():
        if value in ("", None, [], {}):
            continue
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if v is not None}
        out[key] = value
    return out


@dataclass
class Outcome:
    path: str
    code: str
    status: str  # written (new), updated, unchanged, failed
    review: list[dict[str, str]] = field(default_factory=list)
    why: str = ""
    checked: list[str] = field(default_factory=list)  # what the content check refused, and what became of it


# --- the content check, before anything is written -------------------------------------------------------------

_UNIT_NAMES = {unit: name for name, unit in UNITS.items()}
_CHANNEL_NAMES = {kind: name for name, kind in CHANNELS.items()}


def _plain(value: Any) -> str:
    """A part of a record as words for can_ra_soat: "Thời hạn giải quyết: 5000 ngày làm việc", a fee's amount,
    currency and unit; any other part as its fields."""
    if isinstance(value, dict):
        if set(value) <= {"vi", "en"} and "vi" in value:
            return str(value["vi"])
        if "so" in value and "don_vi" in value:
            return f"Thời hạn giải quyết: {value['so']} {_UNIT_NAMES.get(value['don_vi'], value['don_vi'])}"
        if "so_tien" in value:
            per = f"/{_plain(value['tinh_theo'])}" if value.get("tinh_theo") else ""
            note = f" ({_plain(value['mo_ta'])})" if value.get("mo_ta") else ""
            return f"{_plain(value.get('ten', 'Phí, lệ phí'))}: {value['so_tien']} {value.get('tien_te', '')}{per}{note}"
        return "; ".join(f"{key}: {_plain(item)}" for key, item in value.items())
    if isinstance(value, list):
        return "\n".join(_plain(item) for item in value)
    return str(value)


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        if isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return None
    return data


def _set_aside(record: dict[str, Any], loc: Loc) -> tuple[Loc, Any] | None:
    """Take out of ``record`` the smallest part around ``loc`` that the model lets go: an optional field (a
    channel's time limit), or a list item (one fee); None when only a required field of the record itself
    holds it (the record cannot be written without it), or when the part is an editors' own field kept from the
    existing file (theirs to correct; the record is then not written, and the report says which field). A
    channel whose last fee is taken out has its fees "not given" (null), never "free"."""
    for end in range(len(loc), 0, -1):
        place, last = loc[:end], loc[end - 1]
        parent = _at(record, place[:-1])
        if isinstance(last, int) and isinstance(parent, list) and 0 <= last < len(parent):
            value = parent.pop(last)
            if not parent and place[-2:-1] == ("phi",):
                _at(record, place[:-2])["phi"] = None
            return place, value
        if isinstance(last, str) and isinstance(parent, dict) and last in parent and not is_required(Procedure, place):
            if end == 1 and last not in NATIONAL_FIELDS:
                return None  # the editors' own field: theirs to correct, `make check` says where
            value = parent.pop(last)
            if last == "phi":
                parent["phi"] = None
            return place, value
    return None


_MAX_SET_ASIDE = 200  # each pass takes a part out; a record needing more is refused (nothing is lost: not written)


def conform(record: dict[str, Any], shown: str) -> tuple[bool, list[str]]:
    """Hold ``record`` (as merge() gives it, changed in place) to the content check `make check` runs: read back
    from the YAML the importer would write (cchc.content.yamlio) and validated against the model
    (cchc.content.validate). Each part the check refuses is moved to can_ra_soat word for word, with the field
    and the check's message, so the national text stays and the file passes. Returns whether the record can be
    written, and a line per refusal for the report (field: message: what became of it)."""
    report: list[str] = []
    for _ in range(_MAX_SET_ASIDE):
        text = SCHEMA_LINE + dump_yaml(record)
        if len(text.encode("utf-8")) > MAX_FILE_BYTES:
            return False, [*report, f"the record would be {len(text.encode('utf-8')):,} bytes, over the limit of "
                                    f"{MAX_FILE_BYTES:,}; nothing written"]
        located, problems = load_yaml(text, shown)
        problems += text_problems(text, shown)
        if located is None or problems:
            return False, [*report, *(f"{p.field or 'file'}: {p.message}; nothing written" for p in problems)]
        _, errors = model_errors(Procedure, located.data)
        if not errors:
            return True, report
        loc, message = errors[0]
        taken = _set_aside(record, loc)
        if taken is None:
            left = [f"{field_path(where) or 'record'}: {text.en}; nothing written" for where, text in errors]
            return False, [*report, *left]
        report.append(f"{field_path(loc)}: {message.en}; moved to can_ra_soat")
        record.setdefault("can_ra_soat", []).append(_review_item(record, taken, loc, message))
        _reorder(record)
    return False, [*report, f"more than {_MAX_SET_ASIDE} parts refused; nothing written"]


def _review_item(record: dict[str, Any], taken: tuple[Loc, Any], loc: Loc, message: Message) -> dict[str, str]:
    place, value = taken
    words = _plain(value)
    if place[:1] == ("cach_thuc",) and len(place) > 2:
        channel = _at(record, place[:2])
        kind = _CHANNEL_NAMES.get(channel.get("hinh_thuc", "")) if isinstance(channel, dict) else None
        if kind:
            words = f"{kind}: {words}"
    return {"truong": str(place[0]), "ly_do": f"không qua kiểm tra nội dung ({field_path(loc)}): {message.vi}",
            "nguyen_van": words}


def _reorder(record: dict[str, Any]) -> None:
    """can_ra_soat in its place among the model's fields (it may have been added)."""
    items = list(record.items())
    record.clear()
    record.update(sorted(items, key=lambda kv: FIELD_ORDER.index(kv[0]) if kv[0] in FIELD_ORDER else len(FIELD_ORDER)))


def _vi_text(value: Any) -> Any:
    return value.get("vi") if isinstance(value, dict) else value


def _keep_form_files(groups: list[dict[str, Any]], old_groups: list[Any]) -> None:
    """Put back the form file or link an editor gave a document (``mau.url``, ``mau.tep``): the national record
    names a form but never links it, so a document whose name is unchanged keeps the editor's link."""
    links: dict[str, dict[str, Any]] = {}
    for group in old_groups:
        for doc in (group.get("giay_to") or []) if isinstance(group, dict) else []:
            form = doc.get("mau") if isinstance(doc, dict) else None
            if isinstance(form, dict) and (form.get("url") or form.get("tep")):
                links.setdefault(str(_vi_text(doc.get("ten"))), form)
    for group in groups:
        for doc in group["giay_to"]:
            form = links.get(str(_vi_text(doc["ten"])))
            if form is not None:
                doc["mau"] = {**doc.get("mau", {}), **form}


def _keep_channel_times(channels: list[dict[str, Any]], old_channels: list[Any]) -> None:
    """A channel the national record gives no time limit ("Không có thông tin") keeps the one the file had for
    the same way of applying: an unknown never erases what an editor or an earlier import wrote."""
    times = {ch.get("hinh_thuc"): ch["thoi_han"] for ch in old_channels
             if isinstance(ch, dict) and isinstance(ch.get("thoi_han"), dict)}
    for channel in channels:
        if channel.get("thoi_han") is None and channel.get("hinh_thuc") in times:
            channel["thoi_han"] = times[channel["hinh_thuc"]]


def merge(rec: Parsed, old: dict[str, Any] | None, today: dt.date) -> dict[str, Any]:
    """The record to write: national fields from ``rec``, everything else from ``old`` (the editors')."""
    national = _drop_empty({"ma_thu_tuc": rec.code, **rec.fields})
    if rec.review:
        national["can_ra_soat"] = rec.review
    table: dict[str, str] = {}
    old = old or {}
    _english(old, table)
    national = _translated(national, table)
    _keep_form_files(national.get("thanh_phan_ho_so") or [], old.get("thanh_phan_ho_so") or [])
    _keep_channel_times(national.get("cach_thuc") or [], old.get("cach_thuc") or [])
    merged: dict[str, Any] = {}
    for key in FIELD_ORDER:
        if key in national:
            merged[key] = national[key]
        elif key in old and key != "can_ra_soat":
            # An editors' field, or a national one the new record leaves empty (the rule above): kept. What to
            # review is the new record's alone.
            merged[key] = old[key]
    for key, value in old.items():  # keys we do not know are kept, for the validator to report
        if key not in merged and key not in NATIONAL_FIELDS:
            merged[key] = value
    merged.setdefault("cap_nhat", today.isoformat())
    return merged


class Importer:
    """Reads sources, writes records into ``out`` and new taxonomy entries into ``root``/data."""

    def __init__(self, root: Path, out: Path, today: dt.date) -> None:
        self.root, self.out, self.today = root, out, today
        self.taxonomies = {kind: Taxonomy.load(root, kind) for kind in ("fields", "levels", "audiences", "agencies")}
        self.outcomes: list[Outcome] = []

    def _ids(self, rec: Parsed) -> dict[str, Any]:
        tx = self.taxonomies
        level_ids = [tx["levels"].id_for(n, {"thu_tu": 10 + len(tx["levels"].ids)}) for n in rec.names["levels"]]
        out: dict[str, Any] = {
            "linh_vuc": tx["fields"].id_for(rec.names["fields"][0]) if rec.names["fields"][0] else None,
            "cap_thuc_hien": level_ids,
            "doi_tuong": [tx["audiences"].id_for(n) for n in rec.names["audiences"]],
        }
        for role, names in rec.agencies.items():
            ids = []
            for name in names:
                level = _agency_level(name, [n[:1].upper() + n[1:].lower() for n in rec.names["levels"]])
                level_id = tx["levels"].id_for(level, {"thu_tu": 10 + len(tx["levels"].ids)})
                ident = tx["agencies"].id_for(name, {"cap": level_id})
                if ident not in ids:
                    ids.append(ident)
            out[role] = ids
        return out

    def import_file(self, path: Path) -> Outcome:
        shown = _shown(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
            rec = parse_record(data)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, ImportError_, KeyError) as exc:
            outcome = Outcome(shown, "", "failed", why=_why(exc))
            self.outcomes.append(outcome)
            return outcome
        if not re.fullmatch(r"[0-9A-Za-z]+(\.[0-9A-Za-z]+)*", rec.code):
            outcome = Outcome(shown, rec.code, "failed", why=f"ma_thu_tuc {rec.code!r} is not a procedure code")
            self.outcomes.append(outcome)
            return outcome
        missing = [name for name, value in (("ten", rec.fields["ten"]), ("linh_vuc", rec.names["fields"][0]),
                                            ("cap_thuc_hien", rec.names["levels"]),
                                            ("doi_tuong", rec.names["audiences"])) if not value]
        if missing:
            outcome = Outcome(shown, rec.code, "failed",
                              why="the national record has no " + ", ".join(missing) + "; nothing written")
            self.outcomes.append(outcome)
            return outcome
        rec.fields.update(self._ids(rec))
        target = self.out / f"{rec.code}.yml"
        old_text = target.read_text(encoding="utf-8") if target.exists() else None
        old = yaml.safe_load(old_text) if old_text else None
        merged = merge(rec, old if isinstance(old, dict) else None, self.today)
        fits, checked = conform(merged, shown)
        if not fits:
            outcome = Outcome(shown, rec.code, "failed", why="; ".join(checked), checked=checked)
            self.outcomes.append(outcome)
            return outcome
        text = SCHEMA_LINE + dump_yaml(merged)
        status = "written"
        if old_text is not None:
            # merge() kept the old date checked, so equal content means nothing new: the file stays as it is.
            if old == yaml.safe_load(text):
                status = "unchanged"
            else:
                status = "updated"
                merged["cap_nhat"] = self.today.isoformat()
                text = SCHEMA_LINE + dump_yaml(merged)
        if status != "unchanged":
            self.out.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        outcome = Outcome(shown, rec.code, status, review=list(merged.get("can_ra_soat") or []),
                          checked=checked)
        self.outcomes.append(outcome)
        return outcome

    def finish(self) -> list[NewEntry]:
        """Write the taxonomies' new entries; return them (the report lists each one that needs English)."""
        return [entry for taxonomy in self.taxonomies.values() for entry in taxonomy.write()]


def _why(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, KeyError):
        return f"missing key {exc.args[0]!r}"
    return str(exc)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def source_files(sources: Iterable[Path]) -> Iterator[Path]:
    """JSON files named on the command line, and those inside named folders, in a stable order."""
    for source in sources:
        if source.is_dir():
            yield from sorted(p for p in source.rglob("*.json") if p.is_file())
        else:
            yield source


def summary(outcomes: list[Outcome], new_entries: Sequence[NewEntry] = ()) -> str:
    """The closing report: counts, then each failure, each record flagged for review and each new taxonomy entry,
    which has no English yet."""
    count = {s: sum(1 for o in outcomes if o.status == s) for s in ("written", "updated", "unchanged", "failed")}
    flagged = [o for o in outcomes if o.review and o.status != "failed"]
    lines = []
    for o in outcomes:
        if o.status == "failed":
            lines.append(f"{o.path}: failed: {o.why}")
    for o in outcomes:
        if o.status != "failed":
            lines.extend(f"{o.path}: {o.code}: {line}" for line in o.checked)
    for o in flagged:
        reasons = "; ".join(sorted({f"{r['truong']}: {r['ly_do']}" for r in o.review}))
        lines.append(f"{o.path}: {o.code}: needs review (can_ra_soat): {reasons}")
    lines.append(
        f"read {len(outcomes)}, written {count['written']}, updated {count['updated']}, "
        f"unchanged {count['unchanged']}, flagged for review {len(flagged)}, failed {count['failed']}"
    )
    kinds = counts_by_kind([(r["truong"], r["ly_do"]) for o in flagged for r in o.review])
    if kinds:
        lines.append("flags by kind (items) / cần rà soát theo loại (số mục); `make review` lists them:")
        lines.extend(f"    {n:5d}  {kind}" for kind, n in kinds)
    lines.append(
        f"    ↳ đã đọc {len(outcomes)}, tạo mới {count['written']}, cập nhật {count['updated']}, "
        f"không đổi {count['unchanged']}, cần rà soát {len(flagged)}, lỗi {count['failed']}"
    )
    if new_entries:
        lines.append(f"{len(new_entries)} new taxonomy entries need their English name (en) / "
                     "mục danh mục mới cần tên tiếng Anh:")
        lines.extend(f"    {e.file}: {e.id}: {e.vi}" for e in new_entries)
    return "\n".join(lines)


def run_import(root: Path, sources: list[Path], out: Path | None = None, today: dt.date | None = None
               ) -> tuple[list[Outcome], str]:
    importer = Importer(root, out or root / "procedures", today or dt.date.today())
    missing = [s for s in sources if not s.exists()]
    for path in missing:
        importer.outcomes.append(Outcome(str(path), "", "failed", why="no such file or folder"))
    for path in source_files(s for s in sources if s.exists()):
        importer.import_file(path)
    new_entries = importer.finish()
    return importer.outcomes, summary(importer.outcomes, new_entries)

