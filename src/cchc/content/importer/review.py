"""The office's work list: every imported record with text kept for review, by field and reason.

``make import`` ends with the counts per kind of flag (:func:`counts_by_kind`); ``make review`` lists each
flagged record with the file, the line of the item, the field and the reason (:func:`review_lines`), so an
office can work through them one by one: structure the text in the record's fields, then delete the item.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from cchc.content.yamlio import load_yaml

# "thời hạn không ghi đơn vị (Trực tiếp)": the channel in brackets is the place, not the kind.
_PLACE = re.compile(r"\s*\((?:Trực tuyến|Trực tiếp|Dịch vụ bưu chính)\)$")


def flag_kind(field: str, reason: str) -> str:
    """The kind of a flag: its field and its reason without the channel it was found in."""
    return f"{field}: {_PLACE.sub('', reason)}"


def counts_by_kind(items: Iterable[tuple[str, str]]) -> list[tuple[str, int]]:
    """(kind, how many items) for the (field, reason) of every review item, most frequent first."""
    counts = Counter(flag_kind(f, r) for f, r in items)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def review_lines(root: Path, folder: str = "procedures") -> list[str]:
    """``path:line: code: field: reason`` for every review item of every record under ``root/folder``."""
    lines = []
    for path in sorted((root / folder).glob("*.yml")):
        located, _problems = load_yaml(path.read_text(encoding="utf-8"), str(path))
        if located is None or not isinstance(located.data, dict):
            continue  # a broken file is for `make check` to report
        items = located.data.get("can_ra_soat") or []
        shown = path.relative_to(root).as_posix()
        for i, item in enumerate(items):
            if isinstance(item, dict):
                line = located.line_of(("can_ra_soat", i))
                lines.append(f"{shown}:{line}: {located.data.get('ma_thu_tuc')}: "
                             f"{item.get('truong')}: {item.get('ly_do')}")
    return lines
