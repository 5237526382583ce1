"""Files for translators: every text still without English, once each, out as XLIFF (CAT tools: OmegaT, Trados,
memoQ, Weblate) and as a spreadsheet; a filled file back into the translation memory (data/translations.yml).

A file is refused whole when any of its segments no longer matches the content (its text changed or is no
longer used) or is malformed, with the file's line (XLIFF) or row (spreadsheet) of each; nothing is written then.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from lxml import etree  # type: ignore[import-untyped]
from translate.storage.xliff import xlifffile

from cchc.content import translations
from cchc.content.catalogue import Catalogue, translatable_records
from cchc.content.translations import Segment, normalise, segment_id

XLIFF_NAME = "cchc-en.xlf"
SHEET_NAME = "cchc-en.xlsx"
SHEET_HEADER = ("id", "Tiếng Việt / Vietnamese", "English", "Số nơi dùng / places", "Ngữ cảnh / context")
_MAX_PLACES = 12  # places listed in a segment's context (the count says how many there are in all)


class TranslationFileError(Exception):
    """A translator's file refused: every problem, each as ``file:line: message``."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Filled:
    """One segment read from a translator's file, with where it was."""

    position: str  # "file:line" or "file:row N"
    id: str
    vi: str
    en: str


def context(seg: Segment) -> str:
    places = seg.places[:_MAX_PLACES]
    more = len(seg.places) - len(places)
    return "\n".join(places) + (f"\n… and {more} more" if more else "")


def export(cat: Catalogue, out_dir: Path) -> list[Segment]:
    """Write the XLIFF and the spreadsheet of every untranslated text in ``cat``, by reach; return the segments."""
    segments = translations.untranslated(translatable_records(cat))
    out_dir.mkdir(parents=True, exist_ok=True)
    store: Any = xlifffile(sourcelanguage="vi", targetlanguage="en")
    for seg in segments:
        unit = store.addsourceunit(seg.vi)
        unit.setid(seg.id)
        unit.target = ""
        unit.addnote(f"{len(seg.places)} place(s)\n{context(seg)}", origin="developer")
    (out_dir / XLIFF_NAME).write_bytes(bytes(store))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "en"
    sheet.append(SHEET_HEADER)
    for seg in segments:
        sheet.append((seg.id, seg.vi, "", len(seg.places), context(seg)))
    for column, width in zip("ABCDE", (20, 80, 80, 10, 60), strict=True):
        sheet.column_dimensions[column].width = width
    book.save(out_dir / SHEET_NAME)
    return segments


def read_xliff(path: Path) -> list[Filled]:
    try:
        store: Any = xlifffile.parsestring(path.read_bytes())  # type: ignore[no-untyped-call]
    except etree.XMLSyntaxError as exc:
        raise TranslationFileError([f"{path}:{exc.lineno}: not a well-formed XLIFF file ({exc.msg})"]) from None
    filled = []
    for unit in store.units:
        if unit.isheader():
            continue
        element = unit.xmlelement
        filled.append(Filled(f"{path}:{element.sourceline}", element.get("id") or "", unit.source or "",
                             (unit.target or "").strip()))
    return filled


def read_sheet(path: Path) -> list[Filled]:
    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception as exc:  # openpyxl raises zip, XML and key errors alike for a file that is not a workbook
        raise TranslationFileError([f"{path}: not a readable .xlsx spreadsheet ({type(exc).__name__})"]) from None
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    if not rows or tuple(rows[0][:3]) != SHEET_HEADER[:3]:
        raise TranslationFileError([f"{path}:row 1: the header must start with {', '.join(SHEET_HEADER[:3])}"])
    filled = []
    for number, row in enumerate(rows[1:], start=2):
        cells = [("" if value is None else str(value)) for value in (*row[:3], None, None, None)[:3]]
        if not any(cells):
            continue
        filled.append(Filled(f"{path}:row {number}", cells[0].strip(), cells[1], cells[2].strip()))
    return filled


def read_filled(path: Path) -> list[Filled]:
    """The segments of an XLIFF (.xlf, .xliff) or a spreadsheet (.xlsx) file."""
    if path.suffix.lower() in (".xlf", ".xliff"):
        return read_xliff(path)
    if path.suffix.lower() == ".xlsx":
        return read_sheet(path)
    raise TranslationFileError([f"{path}: expected a .xlf, .xliff or .xlsx file"])


def check(filled: list[Filled], cat: Catalogue) -> list[str]:
    """Problems that refuse the file: a segment without its id or text, an id that is not its text's (the
    Vietnamese was edited in the file), or a text the content no longer uses without English."""
    open_texts = {seg.vi for seg in translations.untranslated(translatable_records(cat))}
    problems = []
    for item in filled:
        if not item.id or not item.vi.strip():
            problems.append(f"{item.position}: a segment needs its id and its Vietnamese text")
        elif segment_id(item.vi) != item.id:
            problems.append(f"{item.position}: segment {item.id}: the Vietnamese text was changed in the file; "
                            "export again and translate the new file")
        elif normalise(item.vi) not in open_texts and normalise(item.vi) not in cat.memory:
            problems.append(f"{item.position}: segment {item.id}: the content no longer has this text without "
                            "English (it changed since the export); export again")
    return problems


def import_file(path: Path, cat: Catalogue) -> int:
    """Merge a filled file into the memory file of ``cat``'s site; return how many translations it added or
    changed. Raises TranslationFileError (nothing written) when any segment is refused."""
    filled = read_filled(path)
    problems = check(filled, cat)
    if problems:
        raise TranslationFileError(problems)
    memory_path = cat.root / translations.MEMORY_FILE
    memory = translations.read_memory_file(memory_path, cat.root)
    changed = 0
    for item in filled:
        if item.en and memory.get(normalise(item.vi)) != item.en:
            memory[normalise(item.vi)] = item.en
            changed += 1
    if changed:
        translations.write_memory_file(memory_path, memory)
    return changed
