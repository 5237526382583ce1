"""The translation memory: a Vietnamese text translated once is English everywhere it recurs.

Kept as data (``data/translations.yml``, a list of ``{vi, en}`` pairs written by ``make translations-import``),
joined with the English editors wrote in the records themselves when every editor wrote the same. Matches are
exact, after normalising Unicode (NFC) and whitespace; nothing is guessed. The memory fills only English that
is missing: an editor's own English always wins.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel

from cchc.content.files import read_text, relative
from cchc.content.models import BilingualText, MemoryEntry
from cchc.content.problems import ContentError, Problem
from cchc.content.validate import validate_record
from cchc.content.yamlio import LocatedData, load_yaml
from cchc.messages import msg
from cchc.text import nfc

MEMORY_FILE = "data/translations.yml"
M = TypeVar("M", bound=BaseModel)


def normalise(value: str) -> str:
    """The form texts are matched in: composed Unicode, runs of whitespace as one space, no ends."""
    return " ".join(nfc(value).split())


def segment_id(vi: str) -> str:
    """A segment's stable id: a hash of its normalised Vietnamese (a changed text is a different segment)."""
    return "s" + hashlib.sha256(normalise(vi).encode("utf-8")).hexdigest()[:16]


def read_memory(text: str, rel: str) -> tuple[dict[str, str], list[Problem]]:
    """The memory file's text as {normalised Vietnamese: English}, read with the content loader (no anchors or
    aliases, bounded depth and size) and each entry validated as a MemoryEntry; problems as file:line: field."""
    located, problems = load_yaml(text, rel)
    if located is None:
        # A file with nothing but its comments is an empty memory.
        return {}, [p for p in problems if p.text.key != "empty_file"]
    if not isinstance(located.data, list):
        return {}, [Problem(rel, located.line_of(()), "", msg("not_list", got=repr(located.data)[:80]))]
    memory: dict[str, str] = {}
    for i, item in enumerate(located.data):
        sub = LocatedData(item, {loc[1:]: line for loc, line in located.lines.items() if loc[:1] == (i,)})
        entry, found = validate_record(MemoryEntry, sub, rel)
        problems += [Problem(p.path, p.line, f"[{i}].{p.field}" if p.field else f"[{i}]", p.text) for p in found]
        if entry is not None:
            memory[normalise(entry.vi)] = entry.en
    return memory, problems


def read_memory_file(path: Path, root: Path | None = None) -> dict[str, str]:
    """The kept memory as {normalised Vietnamese: English}; an absent file is an empty memory. A file that does
    not pass the checks raises ContentError with its problems (load_catalogue reports them first)."""
    if not path.is_file():
        return {}
    rel = relative(path, root) if root is not None else path.as_posix()
    text, problems = read_text(path, rel)
    memory, found = read_memory(text, rel) if text is not None else ({}, [])
    if problems or found:
        raise ContentError(problems + found)
    return memory


def write_memory_file(path: Path, memory: Mapping[str, str]) -> None:
    """The memory written back in a stable order (by Vietnamese), so that two imports diff cleanly."""
    entries = [{"vi": vi, "en": memory[vi]} for vi in sorted(memory)]
    header = ("# yaml-language-server: $schema=../schemas/translations.schema.json\n"
              "# Translation memory (make translations-import writes it): each Vietnamese text, normalised, and\n"
              "# its English, used wherever the text recurs and the record has no English of its own.\n")
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=110) if entries else "[]\n"
    path.write_text(header + body, encoding="utf-8")


def texts(value: object, path: str = "") -> Iterator[tuple[str, BilingualText]]:
    """Every bilingual text inside a record with its field path (``trinh_tu[0].cac_buoc[2]``), depth first."""
    if isinstance(value, BilingualText):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from texts(item, f"{path}[{i}]")


def harvest(records: Mapping[str, BaseModel]) -> dict[str, str]:
    """English editors wrote in the records, for each Vietnamese text they all translated the same way."""
    seen: dict[str, set[str]] = defaultdict(set)
    for record in records.values():
        for _, value in texts(record):
            if value.en is not None:
                seen[normalise(value.vi)].add(value.en)
    return {vi: next(iter(ens)) for vi, ens in seen.items() if len(ens) == 1}


def apply_memory(record: M, memory: Mapping[str, str]) -> M:
    """``record`` with every missing English the memory knows filled in; the record itself when none is."""
    filled = _fill(record, memory)
    return record if filled is None else filled  # type: ignore[return-value]


def _fill(value: object, memory: Mapping[str, str]) -> object | None:
    """The value with English filled in, or None when nothing inside it changed."""
    if isinstance(value, BilingualText):
        if value.en is None:
            en = memory.get(normalise(value.vi))
            if en is not None:
                return BilingualText(vi=value.vi, en=en)
        return None
    if isinstance(value, BaseModel):
        updates = {}
        for name in type(value).model_fields:
            new = _fill(getattr(value, name), memory)
            if new is not None:
                updates[name] = new
        return value.model_copy(update=updates) if updates else None
    if isinstance(value, list | tuple):
        items = [_fill(item, memory) for item in value]
        if all(item is None for item in items):
            return None
        return type(value)(new if new is not None else old for old, new in zip(value, items, strict=True))
    return None


@dataclass
class Segment:
    """One Vietnamese text still without English, with every place it is used."""

    vi: str  # normalised
    places: list[str] = field(default_factory=list)  # "procedure 1.000080: trinh_tu[0].cac_buoc[1]"
    tier: int = 1  # 0: names and taxonomy values (what every list shows), 1: the rest

    @property
    def id(self) -> str:
        return segment_id(self.vi)


# Taxonomy files (records named by kind): a value of these is on every page that names it.
TAXONOMY_KINDS = ("field", "level", "audience", "agency")
# Within a record, the parts every list and search result shows.
_NAME_PATHS = ("ten", "loai_thu_tuc", "trich_yeu")


def untranslated(records: Mapping[str, BaseModel]) -> list[Segment]:
    """Every text without English, once each, by reach: names and taxonomy values first, then by how many
    places use it, then alphabetically (a stable order for two exports of the same content)."""
    segments: dict[str, Segment] = {}
    for key, record in records.items():
        kind = key.split(" ", 1)[0]
        for path, value in texts(record):
            if value.en is not None:
                continue
            vi = normalise(value.vi)
            seg = segments.setdefault(vi, Segment(vi))
            seg.places.append(f"{key}: {path}")
            if kind in TAXONOMY_KINDS or path in _NAME_PATHS:
                seg.tier = 0
    return sorted(segments.values(), key=lambda s: (s.tier, -len(s.places), s.vi))
