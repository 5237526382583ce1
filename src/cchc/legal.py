"""Read the national portal's flattened legal-basis table ("Căn cứ pháp lý") into (number, title) pairs.

The portal prints the table as one run of text: a header, then for each row the title immediately followed by
the number, with no separator, e.g. ``...Luật Cư trú 202068/2020/QH14Thông tư số 55/2021/TT-BCA ...``. A
number is recognised by its issuer suffix from a known list, so the next title's first letters ("Th", "Ng")
are not taken for part of it, and a year written just before a number ("2020" + "68/2020/QH14") is split off.
"""

from __future__ import annotations

import re

from .text import nfc

# Issuer suffixes of Vietnamese legal document numbers, longest first so the regex prefers them.
ISSUERS = sorted(
    [
        *(f"QH{n}" for n in range(9, 16)),
        "NĐ-CP", "NQ-CP", "QĐ-TTg", "CT-TTg", "QĐ-UBND", "NQ-HĐND", "CT-UBND", "KH-UBND", "NQ-UBTVQH15",
        "NQLT-CP-UBTƯMTTQVN", "TTLT-BTP-BCA-BYT", "TTLT-BTP-BNG-BCA",
        *(f"TT-{m}" for m in ("BCA", "BTC", "BTP", "BXD", "BKHĐT", "BLĐTBXH", "BNNMT", "BNNPTNT", "BTNMT", "BCT",
                              "BYT", "BGDĐT", "BNV", "BQP", "BTTTT", "BVHTTDL", "BGTVT", "BKHCN", "NHNN", "VPCP")),
    ],
    key=len,
    reverse=True,
)
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)/(\d{4})/(" + "|".join(re.escape(i) for i in ISSUERS) + r")")
_NUMBER_THEN_WORD = re.compile(r"(" + _NUMBER.pattern + r")([a-zđ])")
_HEADER = re.compile(r"^\s*Tên văn bản pháp lý\s*Mã văn bản\s*")
EMPTY = "Không có thông tin"


def _row_ends(text: str) -> list[re.Match[str]]:
    matches = list(_NUMBER.finditer(text))
    ends = []
    for i, m in enumerate(matches):
        after = text[m.end() : m.end() + 1]
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if nxt is not None and nxt.start() == m.end() and _clean_number(nxt) == _clean_number(m):
            continue  # "Thông tư 57/2021/TT-BCA" + "57/2021/TT-BCA": the title ends with the number
        if after == "" or after.isupper() or after.isdigit():
            ends.append(m)
        elif after.isspace() and text[m.end():].lstrip()[:1].isupper():
            ends.append(m)  # "...Bộ Tư pháp08/2025/TT-BTP Nghị định ...": the number cell ends with a space
    return ends


def _clean_number(m: re.Match[str]) -> str:
    number, year, issuer = m.group(1), m.group(2), m.group(3)
    # "Luật Cư trú 2020" + "68/2020/QH14" reads as "202068/2020/QH14": drop the title's year.
    if len(number) > 4 and number.startswith(year):
        number = number[len(year) :]
    return f"{number}/{year}/{issuer}"


def _title_year(m: re.Match[str]) -> str:
    number, year = m.group(1), m.group(2)
    return year if len(number) > 4 and number.startswith(year) else ""


def _tidy(title: str) -> str:
    title = " ".join(title.split()).strip(" ;,.-:")
    title = _NUMBER_THEN_WORD.sub(lambda m: m.group(1) + " " + m.group(5), title)  # "53/2025/TT-BCAngày" -> "53/2025/TT-BCA ngày"
    letters = [c for c in title if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        title = title.lower()
        title = title[:1].upper() + title[1:]
    return title


def parse_legal_basis(text: str) -> list[tuple[str, str]]:
    """(number, title) for every row of the flattened table, in order; [] for an empty table."""
    return parse_legal_basis_rest(text)[0]


def parse_legal_basis_rest(text: str) -> tuple[list[tuple[str, str]], str]:
    """The rows, and the text after the last recognised number (rows whose number has no known form)."""
    text = _HEADER.sub("", nfc(text or ""))
    if not text.strip() or text.strip() == EMPTY:
        return [], ""
    rows: list[tuple[str, str]] = []
    start = 0
    for m in _row_ends(text):
        title = text[start : m.start()] + _title_year(m)
        number = _clean_number(m)
        rows.append((number, _tidy(title) or number))
        start = m.end()
    return rows, text[start:].strip()
