"""Vietnamese text helpers: normalisation, accent folding, slugs, collation, dates, Markdown escaping."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import Any
from urllib.parse import quote

# Unicode gives đ/Đ no decomposition, so NFD-based folding alone leaves them in place.
_STROKE_D = str.maketrans({"đ": "d", "Đ": "D"})

# Vietnamese alphabet, with the Latin letters that appear in loanwords and codes slotted in (f, j, w, z).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Marks that make a distinct letter (ă â ê ô ơ ư) rather than a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# Dictionary tone order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_MONTHS_EN = (
    "January February March April May June July August September October November December".split()
)


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form every stored string uses."""
    return unicodedata.normalize("NFC", text)


def nfc_deep(value: Any) -> Any:
    """NFC-normalise every string inside nested lists and dicts (keys included)."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [nfc_deep(v) for v in value]
    if isinstance(value, dict):
        return {nfc_deep(k): nfc_deep(v) for k, v in value.items()}
    return value


class _FoldTable(dict[int, str]):
    """``str.translate`` table from a character to its form without marks, filled as characters are met: each
    character is decomposed (NFD) once per process instead of once per occurrence. Folding character by
    character gives what folding the whole NFD text gives: decomposition is per character, and canonical
    reordering only moves the combining marks that are dropped anyway."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFD", chr(code).translate(_STROKE_D))
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold_accents(text: str) -> str:
    """Strip tone and letter marks: 'Đăng ký' -> 'Dang ky'. Used for slugs and accent-free matching."""
    return text.translate(_FOLD)


def slugify(value: str, separator: str = "-") -> str:
    """Vietnamese slug for URLs and heading anchors: 'Đăng ký khai sinh' -> 'dang-ky-khai-sinh'.

    The signature matches Python-Markdown's ``toc`` ``slugify`` option.
    """
    folded = fold_accents(nfc(value)).lower()
    return re.sub(r"[^a-z0-9]+", separator, folded).strip(separator)


def _collation_units(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    letters: list[int] = []
    tones: list[int] = []
    decomposed = unicodedata.normalize("NFD", nfc(text).lower())
    base_count = len(_ALPHABET)
    i = 0
    while i < len(decomposed):
        base = decomposed[i]
        i += 1
        tone = 0
        while i < len(decomposed) and unicodedata.combining(decomposed[i]):
            mark = decomposed[i]
            if mark in _LETTER_MARKS:
                base = unicodedata.normalize("NFC", base + mark)
            else:
                tone = _TONE_RANK.get(mark, tone)
            i += 1
        if base in _LETTER_RANK:
            rank = 20 + _LETTER_RANK[base]
        elif base.isdigit():
            rank = 10 + int(base) if base.isascii() else 19
        elif base.isspace():
            rank = 1
        else:
            rank = 20 + base_count + ord(base)
        letters.append(rank)
        tones.append(tone)
    return tuple(letters), tuple(tones)


@functools.lru_cache(maxsize=65536)  # the same names are sorted in many lists of every build
def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Key for Vietnamese dictionary order: letters first (a ă â ... d đ ...), then tones, then case.

    Python's default order puts 'Đ' after 'Z' and 'ă' after 'z'; this puts them where a reader expects.
    """
    letters, tones = _collation_units(text)
    return letters, tones, text


def format_date(day: dt.date, lang: str) -> str:
    """'15/07/2025' on the Vietnamese site, '15 July 2025' on the English one."""
    if lang == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


_WEEKDAYS = {
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def format_day(day: dt.date, lang: str) -> str:
    """With the weekday: 'Thứ Hai, 20/07/2026' on the Vietnamese site, 'Monday, 20 July 2026' on the English."""
    return f"{_WEEKDAYS[lang][day.weekday()]}, {format_date(day, lang)}"


def format_datetime(moment: dt.datetime, lang: str) -> str:
    """'Thứ Hai, 20/07/2026, 08:30' / 'Monday, 20 July 2026, 08:30' (the time as given, Vietnam time)."""
    return f"{format_day(moment.date(), lang)}, {moment:%H:%M}"




_MD_TABLE = str.maketrans(
    {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", **{ch: "\\" + ch for ch in "\\`*_[]{}()#+!|-"}}
)
_LEADING_NUMBER = re.compile(r"^(\d+)\.")


def md_escape(value: str) -> str:
    """Make plain text safe to place inline in generated Markdown.

    HTML metacharacters become entities, Markdown syntax characters are backslash-escaped, and line
    breaks fold to spaces, so a title like ``<b>`` or ``*x*`` prints literally and never as markup.
    (One ``str.translate``: this runs for every value of every generated page.)
    """
    escaped = " ".join(nfc(value).split()).translate(_MD_TABLE)
    # A leading "1." would start an ordered list; escape the dot.
    return _LEADING_NUMBER.sub(r"\1\\.", escaped)


def paragraph_blocks(value: str) -> list[tuple[bool, list[str]]]:
    """Multi-line plain text as blocks: (True, items) for a run of '- ' bullet lines, (False, [paragraph]) for a
    blank-line paragraph (its lines joined). Both renderings (Markdown here, HTML in cchc.site.htmlout) use it."""
    blocks: list[tuple[bool, list[str]]] = []
    for block in re.split(r"\n\s*\n", nfc(value).strip()):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        if lines and all(ln.startswith(("- ", "+ ", "* ")) for ln in lines):
            blocks.append((True, [ln[2:] for ln in lines]))
        else:
            blocks.append((False, [" ".join(lines)]))
    return blocks


def md_paragraphs(value: str) -> str:
    """Escape multi-line plain text, keeping blank-line paragraphs and '- ' bullet lines as a list."""
    return "\n\n".join("\n".join("- " + md_escape(item) for item in items) if bullets else md_escape(items[0])
                       for bullets, items in paragraph_blocks(value))


def quote_url(url: str) -> str:
    """A URL with spaces, quotes and parentheses percent-encoded: safe inside Markdown's ``(...)`` and, once
    HTML-escaped, inside an href."""
    return quote(url, safe=":/?#@!$&'*+,;=%~-._[]")


# Old-style tone placement in the syllables oa, oe, uy ending a word ("hoà", "khoẻ", "thuỷ"): the site writes
# the tone on the first vowel ("hòa", "khỏe", "thủy"), as the provincial documents do, so one word is not
# spelt two ways (search, sorting and readers all trip on mixed spellings). "quý" is right as it is.
_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_FIRST = {"o": "òóỏõọ", "u": "ùúủũụ"}
_OLD_TONE = re.compile(r"(?<![\w])(\w*?)([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?!\w)")


def old_tone_spellings(text: str) -> list[tuple[int, str, str]]:
    """(offset, word, new-style word) for each word written with the old tone placement."""
    out = []
    for match in _OLD_TONE.finditer(nfc(text)):
        head, vowel, toned = match.groups()
        base = next((b for b, marks in _TONED.items() if toned.lower() in marks), None)
        if base is None or (vowel.lower() == "o") == (base == "y") or (vowel.lower() == "u" and base != "y"):
            continue
        if vowel.lower() == "u" and head[-1:].lower() == "q":
            continue  # qu is a consonant: "quý" keeps its tone on y
        tone = _TONED[base].index(toned.lower())
        new_vowel = _FIRST[vowel.lower()][tone]
        new_vowel = new_vowel.upper() if vowel.isupper() else new_vowel
        new_base = base.upper() if toned.isupper() else base
        out.append((match.start(), match.group(0), f"{head}{new_vowel}{new_base}"))
    return out


def new_tone_spelling(text: str) -> str:
    """``text`` in NFC with every old-style tone placement rewritten the new way ("hoà" -> "hòa")."""
    text = nfc(text)
    for offset, word, new in reversed(old_tone_spellings(text)):
        text = text[:offset] + new + text[offset + len(word) :]
    return text


def format_number(value: float, lang: str, decimals: int = 2) -> str:
    """'1.500' and '86,12' in Vietnamese, '1,500' and '86.12' in English; no trailing zeros."""
    if int(value) == value:
        text = f"{int(value):,}"
        return text.replace(",", ".") if lang == "vi" else text
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "vi" else text
