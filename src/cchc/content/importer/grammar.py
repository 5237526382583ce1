"""The grammar of the national tables: the tokens whose form is fixed, so they can split run-on text.

The national portal flattens its tables into one run of text with no separator between cells. What survives
is the form of certain tokens, and this module knows those forms:

- result codes ``KQ.<letter><2 digits>.<5-7 digits>`` (``KQ.G12.001051``), so the next result's name starts
  right after the last digit even when it begins with a capital ("KQ.G12.001051Thông báo ...");
- quantities "N bản chính", "N bản sao", "N bản chính,N bản sao", which end a row of the documents table;
- list markers: numbered groups "1.", "2.", lettered items "a)", "b)", "đ)" (in Vietnamese alphabet order), "a.1)",
  and roman items "(i)", "(ii)"; the markers give the order, whatever order the rows were scraped in;
- source bullets ("- ", "+ ", "•") that the page adds its own bullets to;
- money: "2,000 Việt Nam Đồng(/trang)", "2.000 đồng/trang", "1,5 triệu đồng", "10 USD".

Everything here is a pure function over text, tested by tables in ``tests/test_importer_grammar.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc.text import fold_accents

# --- result codes ----------------------------------------------------------------------------------------------

RESULT_CODE = re.compile(r"KQ\.[A-Z]\d{2}\.\d{5,7}")
# The portal's label before each result code (what follows it is read by RESULT_CODE, or kept for review).
RESULT_LABEL = re.compile(r"Mã:\s*")

# --- quantities ------------------------------------------------------------------------------------------------

# One digit, or two when nothing glues them to the name before ("Mẫu 021 bản chính" is "Mẫu 02" + "1 bản chính").
_N = r"(?:(?<![\w.])\d{2}|\d)"
QUANTITY = re.compile(
    rf"(?P<chinh>{_N})\s*bản chính(?:\s*,\s*(?P<sao1>{_N})\s*bản sao)?|(?P<sao2>{_N})\s*bản sao"
)

# --- list markers ----------------------------------------------------------------------------------------------

VI_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {ch: i for i, ch in enumerate(VI_LETTERS)}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}

BULLET = re.compile(r"^(?:[-+•*–—]|\u2022)+[ \t]*")
# "(iii) ", "iii) ": roman; "a) ", "đ. ", "a.2) ", "c2) ": lettered; "1. ", "2) ", "1.2. ": numbered.
_MARKER = re.compile(
    r"^(?:\((?P<roman1>[ivx]{1,4})\)|(?P<roman2>[ivx]{1,4})\)"
    rf"|(?P<letter>[{VI_LETTERS}])(?:\.?(?P<sub>\d{{1,2}}))?[.)]"
    r"|(?P<number>\d{1,2})(?P<numsub>(?:\.\d{1,2})*)[.)])"
)
_OPENERS = "(“\"'-+"


def _starts_item(text: str) -> bool:
    """Text after a marker starts an item: the end, a space, a capital, a digit or an opening mark."""
    return text == "" or text[0].isspace() or text[0].isupper() or text[0].isdigit() or text[0] in _OPENERS


def row_starts_at(text: str, pos: int) -> bool:
    """A new row starts at ``pos`` right after a quantity: a capital, a bullet, an opening bracket, or a marker
    ("1 bản chínha. Giấy", "1 bản saob) Bản", "1 bản chính(ii) Tài liệu"); a small letter, a space, a closing
    bracket or punctuation continues the same row ("(01 bản sao công chứng)", "1 bản chính hoặc bản sao")."""
    rest = text[pos:]
    if rest == "" or rest[0].isupper() or rest[0] in "-+•–(*":
        return True
    if rest[0].isspace() and (stripped := rest.lstrip()) and (stripped[0].isupper() or stripped[0] in "-+•–*"):
        # "1 bản chính\tTrường hợp 2: ...": a cell that starts with white space. A count written "01 bản chính"
        # before a capital is prose inside a name; the table's count cells have no leading zero.
        count = re.search(r"(\d+)\s*bản (?:chính|sao)\s*$", text[:pos])
        return count is None or not count.group(1).startswith("0")
    m = _MARKER.match(rest)
    return m is not None and m.group("number") is None and _starts_item(rest[m.end():].lstrip()[:1] or " ")


# "Trường hợp 2: ..." numbers a case heading.
_CASE = re.compile(r"Trường hợp (\d{1,2})\b")


@dataclass(frozen=True, order=True)
class Marker:
    """A list marker's kind and rank: ("letter", (0, 2)) for "a.2)", ("roman", (3,)) for "(iii)"."""

    kind: str
    rank: tuple[int, ...]


def strip_bullet(text: str) -> str:
    """The text without the source's own bullet ("- Bản sao ..." -> "Bản sao ...")."""
    return BULLET.sub("", text.strip()).strip()


def marker(text: str) -> Marker | None:
    """The list marker ``text`` starts with, if any. "Thông tư" starts with no marker, "i) ..." is roman one
    (a lone "i" or "v" before ")" is read as roman only in a list of roman markers; see :func:`ordered`)."""
    text = strip_bullet(text)
    case = _CASE.match(text)
    if case:
        return Marker("case", (int(case.group(1)),))
    m = _MARKER.match(text)
    if m is None or not _starts_item(text[m.end():]):
        return None
    if m.group("roman1") or m.group("roman2"):
        roman = m.group("roman1") or m.group("roman2")
        if roman in _ROMAN:
            return Marker("roman", (_ROMAN[roman],))
        return None
    if m.group("letter"):
        sub = (int(m.group("sub")),) if m.group("sub") else ()
        return Marker("letter", (_LETTER_RANK[m.group("letter")], *sub))
    parts = [int(m.group("number"))] + [int(p) for p in m.group("numsub").split(".") if p]
    return Marker("number", tuple(parts))


def _as_letters(found: list[Marker | None], texts: list[str]) -> list[Marker | None]:
    """Roman "i)", "v)", "x)" are also letters: in a list of letters they are read as letters."""
    out = []
    for mark, text in zip(found, texts, strict=True):
        if mark is not None and mark.kind == "roman":
            m = re.match(rf"^\(?([{VI_LETTERS}])\)", strip_bullet(text))
            if m and len(m.group(1)) == 1:
                mark = Marker("letter", (_LETTER_RANK[m.group(1)],))
        out.append(mark)
    return out


def ordered(texts: list[str]) -> list[int]:
    """The order the markers give to a list: indexes into ``texts``.

    Only the marked entries move, into the places marked entries held, sorted by their markers; unmarked ones
    keep their places. Nothing moves unless every marker is of one kind and none repeats, so a list whose
    markers do not settle the order keeps the source's order.
    """
    found = [marker(t) for t in texts]
    kinds = {m.kind for m in found if m is not None}
    if kinds == {"letter", "roman"}:
        found = _as_letters(found, texts)
        kinds = {m.kind for m in found if m is not None}
    marked = [i for i, m in enumerate(found) if m is not None]
    if len(kinds) != 1 or len(marked) < 2:
        return list(range(len(texts)))
    ranks = [found[i] for i in marked]
    if len(set(ranks)) != len(ranks):
        return list(range(len(texts)))
    order = list(range(len(texts)))
    rank = {i: m for i, m in enumerate(found) if m is not None}
    for place, index in zip(marked, sorted(marked, key=rank.__getitem__), strict=True):
        order[place] = index
    return order


# --- money ------------------------------------------------------------------------------------------------------

# "230,000 Việt Nam Đồng", "2.000 đồng", "50.000đ", "1,5 triệu đồng", "500.000 VNĐ", "10 USD", and an amount with
# its words in brackets before the currency ("4.500.000 (bốn triệu năm trăm nghìn) đồng"); "230.000/lần" has no
# currency, so it is not money of the grammar (see AMOUNT_LIKE).
MONEY = re.compile(
    r"(?<![\d.,])(?P<amount>\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*"
    r"(?:\((?P<words>[^\W\d_][^()\d]{0,120})\)\s*)?"
    r"(?P<scale>triệu|nghìn|ngàn)?\s*(?P<cur>Việt Nam Đồng|Đồng|đồng|VNĐ|VND|vnđ|USD|đ)(?![\w])"
)
_SCALE = {"triệu": 1_000_000, "nghìn": 1000, "ngàn": 1000, None: 1}
CURRENCIES = {"việt nam đồng": "VND", "đồng": "VND", "vnđ": "VND", "vnd": "VND", "usd": "USD", "đ": "VND"}
# What looks like an amount of money whether or not a currency follows: a figure with thousands separators
# ("50.000", "4,500,000"), or a figure right after a fee's name and its colon ("Lệ phí cấp giấy: 200/hồ sơ",
# "mức phí: 0đ"). A channel whose text has one that MONEY did not read into a fee is flagged, never shown free.
AMOUNT_LIKE = re.compile(
    r"(?<![\d.,/])(?P<grouped>\d{1,3}(?:[.,]\d{3})+)(?!\d|[.,]\d|/\d)"
    r"|(?i:phí)[^\d:;.\n]{0,60}:\s*(?P<after_fee>\d+(?:[.,]\d+)*)(?!\d|[.,]\d|/\d|\s*%)"
)
PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")


def money_amount(amount: str, scale: str | None = None) -> int | None:
    """The whole amount: "2,000" and "2.000" are two thousand (either is a thousands separator), "1,5" with
    "triệu" is 1,500,000; None when the figure is not a whole number of the currency ("1,5 đồng")."""
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", amount):
        value = int(re.sub(r"[.,]", "", amount))
        return value * _SCALE[scale]
    if re.fullmatch(r"\d+", amount):
        return int(amount) * _SCALE[scale]
    whole, _, frac = amount.replace(",", ".").partition(".")
    scaled = float(f"{whole}.{frac}") * _SCALE[scale]
    return int(scaled) if scaled.is_integer() and scale else None


# --- legal document numbers -------------------------------------------------------------------------------------

# "76/2025/QH15", "66.7/2025/NQ-CP", "30c/NQ-CP", "118/2025/NĐ-CP", "12/2021/QĐ-TTg", "01/2016/TTLT-BTP-BCA":
# a number (digits, an optional ".digits" or letter), an optional year, and an issuer of capitals and digits in
# dash-joined parts; "TTg" is the one issuer part with a small letter.
_ISSUER_PART = r"(?:TTg|[A-ZĐƯ]+(?:\d+(?![\d/]|\.\d))?)"  # "QH15"; not the "56" of "NĐ-CP56/2023/NĐ-CP"
LEGAL_NUMBER = re.compile(
    r"(?<![\d.])(?P<num>\d{1,6}(?:\.\d{1,3})?[a-zđ]?)(?:/(?P<year>(?:19|20)\d{2}))?"
    rf"/(?P<issuer>{_ISSUER_PART}(?:[-/]{_ISSUER_PART})*)"  # "69/2007/TTLT/BQP-BLĐTBXH-BTC" too
)


# One Vietnamese syllable, on folded lower-case text: onset, vowels, final consonant.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(?:uye|uya|uyu|oai|oay|oeo|uay|uoi|uou|ieu|yeu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uo|uu|uy|ya|ye"
    r"|[aeiouy])(?:ch|ng|nh|[cmnpt])?"
)


def _is_syllable(word: str) -> bool:
    return _SYLLABLE.fullmatch(fold_accents(word).lower()) is not None


def legal_number_end(text: str, m: re.Match[str]) -> int:
    """Where the number ``m`` really ends: an issuer's last capital that starts the next word ("TT-BCAThông",
    "NĐ-CPNghị") belongs to the word, "QH15Quy" ends after the digits."""
    end = m.end()
    # Back off the capital that is the first letter of a word glued on after the issuer: the capital and the
    # small letters after it must begin a Vietnamese syllable ("Th|ông", "Ngh|ị", "Qu|y"; not "C|ngày").
    if (end < len(text) and text[end].islower() and text[end - 1].isupper() and end - 1 > m.start("issuer")
            and text[end - 2] != "-" and not m.group("issuer").endswith("TTg")
            and _is_syllable(re.match(r"\w*", text[end - 1 :]).group(0))):  # type: ignore[union-attr]
        return end - 1
    return end


def split_title_year(number: str, year: str | None) -> tuple[str, str]:
    """("202076", "2025") -> ("2020", "76"): a title's year glued to the next number ("Luật Doanh nghiệp 2020" +
    "76/2025/QH15"). Legal numbers have at most four digits, a year four: six or more digits starting with a
    plausible year are a year and a number."""
    digits = re.match(r"\d+", number)
    if digits and len(digits.group(0)) >= 5 and re.match(r"(?:19[4-9]\d|20[0-4]\d)", number):
        return number[:4], number[4:]
    return "", number
