"""Read the national portal's flattened legal-basis table ("Căn cứ pháp lý") into (number, title) pairs.

The portal prints the table as one run of text: a header, then for each row the title immediately followed by
the number, with no separator, e.g. ``...Luật Cư trú 202068/2020/QH14Thông tư số 55/2021/TT-BCA ...``. A
number is recognised by its grammar (:data:`cchc.content.importer.grammar.LEGAL_NUMBER`); the next title's first capital
is not taken for part of its issuer ("TT-BCAThông"), and a title's year glued to a number ("Luật Doanh nghiệp 2020"
+ "76/2025/QH15" = "202076/2025/QH15") is given back to the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc.content.importer.grammar import LEGAL_NUMBER, legal_number_end, split_title_year
from cchc.text import nfc

_HEADER = re.compile(r"^\s*Tên văn bản pháp lý\s*Mã văn bản\s*")
EMPTY = "Không có thông tin"
# A document type glued to the end of a title: the "Mã văn bản" cell read "Luật 79/2015/QH13" ("Luật Thú yLuật").
_GLUED_TYPE = re.compile(r"(?<=[a-zà-ỹđ])(?:Luật|Nghị định|Thông tư|Quyết định|Nghị quyết|Chỉ thị)(?: số)?\s*$")
_NUMBER_THEN_WORD = re.compile(r"(" + LEGAL_NUMBER.pattern + r")(?<!-TT)([a-zđ])")


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    number: str  # as written, less a glued-on title year
    title_year: str  # "2020" of "Luật Doanh nghiệp 2020" read into "202076/2025/QH15"


def _numbers(text: str) -> list[_Number]:
    found = []
    for m in LEGAL_NUMBER.finditer(text):
        end = legal_number_end(text, m)
        year, num = split_title_year(m.group("num"), m.group("year"))
        written = text[m.start("num") : end]
        found.append(_Number(m.start(), end, num + written[len(m.group("num")) :], year))
    return found


def _row_ends(text: str) -> list[_Number]:
    """The numbers that end a row: a number cell is glued to its title and followed by the next title (a
    capital), a digit, or the end. A number inside a title is written after a space ("Quyết định 24/2024/QĐ-UBND
    Sơn La ...") or followed by small letters ("... 146/2025/QH15 ngày 11/12/2025"); a title that ends with its
    own number is followed by the same number again ("Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP")."""
    numbers = _numbers(text)
    ends = []
    for i, n in enumerate(numbers):
        after = text[n.end : n.end + 1]
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        if nxt is not None and nxt.start == n.end and nxt.number == n.number:
            continue
        glued = n.start > 0 and not text[n.start - 1].isspace()
        if after == "" or after.isupper() or after.isdigit() or after in "(“\"":
            ends.append(n)
        elif after.isspace() and text[n.end :].lstrip()[:1].isupper() and glued:
            ends.append(n)  # "...Bộ Tư pháp08/2025/TT-BTP Nghị định ...": the number cell ends with a space
    return ends


def _tidy(title: str) -> str:
    title = " ".join(title.split()).strip(" ;,.-:")
    title = _GLUED_TYPE.sub("", title).strip(" ;,.-:")
    title = _NUMBER_THEN_WORD.sub(lambda m: m.group(1) + " " + m.group(m.lastindex or 1), title)
    letters = [c for c in title if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        title = title.lower()
    return title[:1].upper() + title[1:]


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
    for n in _row_ends(text):
        title = text[start : n.start] + n.title_year
        rows.append((n.number, _tidy(title) or n.number))
        start = n.end
    return rows, text[start:].strip()
