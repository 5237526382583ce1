"""Translation coverage: how much of each content type exists in English."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from cchc.content.catalogue import Catalogue
from cchc.content.models import BilingualText
from cchc.content.translations import texts


def localized_texts(value: object) -> Iterator[BilingualText]:
    """Every translatable text inside a record, depth first."""
    if isinstance(value, BilingualText):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from localized_texts(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from localized_texts(item)


def is_fully_translated(record: BaseModel) -> bool:
    return all(text.en is not None for text in localized_texts(record))


@dataclass(frozen=True)
class Coverage:
    kind: str
    total: int
    names: int  # records whose name/title is translated
    full: int  # records with every translatable text translated

    def __str__(self) -> str:
        return f"{self.kind}: names {self.names}/{self.total}, full content {self.full}/{self.total}"


def _measure(kind: str, records: Iterable[tuple[BilingualText, BaseModel]]) -> Coverage:
    items = list(records)
    return Coverage(
        kind,
        len(items),
        sum(1 for name, _ in items if name.en is not None),
        sum(1 for _, rec in items if is_fully_translated(rec)),
    )


@dataclass(frozen=True)
class SectionCoverage:
    """How many of the texts of one part of the procedure pages are in English."""

    section: str
    total: int
    english: int

    def __str__(self) -> str:
        share = 100 * self.english // self.total if self.total else 100
        return f"procedure {self.section}: {self.english}/{self.total} texts in English ({share}%)"


def section_coverage(cat: Catalogue) -> list[SectionCoverage]:
    """Per part of a procedure page (its top-level field: ten, trinh_tu, thanh_phan_ho_so, ...), in field order."""
    totals: dict[str, list[int]] = {}
    for proc in cat.procedures.values():
        for path, value in texts(proc):
            counts = totals.setdefault(path.split("[", 1)[0].split(".", 1)[0], [0, 0])
            counts[0] += 1
            counts[1] += value.en is not None
    return [SectionCoverage(name, total, english) for name, (total, english) in totals.items()]


def translation_coverage(cat: Catalogue) -> list[Coverage | SectionCoverage]:
    """Records with names and with all content in English, then each part of the procedure pages."""
    return [
        _measure("procedures", ((p.ten, p) for p in cat.procedures.values())),
        _measure("procedure sets", ((s.trich_yeu, s) for s in cat.sets.values())),
        _measure("fields", ((f.ten, f) for f in cat.fields.values())),
        _measure("agencies", ((a.ten, a) for a in cat.agencies.values())),
        _measure("audiences", ((a.ten, a) for a in cat.audiences.values())),
        _measure("levels", ((lv.ten, lv) for lv in cat.levels.values())),
        *section_coverage(cat),
    ]
