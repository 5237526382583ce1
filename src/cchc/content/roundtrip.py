"""Put an edited record back into its YAML file as the file was: only the lines of the values that changed are
rewritten, so comments, key order, quoting, flow or block style and line breaks everywhere else stay byte for byte,
and a one-field edit in the editors' form is a one-field ``git diff``.

The record's new data is compared with the file's (read with ruamel.yaml, which keeps where each key and item
starts); each changed value is written again at its own place, in the file's own sequence indentation, and in flow
style where it was (``[xa]``, ``{vi: ..., en: ...}``). A list whose length changed is written again whole. A new file
is written the way the importer writes one (``cchc.content.importer.dump_yaml`` style), after its schema line.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cchc.content.frontmatter import PAGE_FRONT_MATTER
from cchc.text import new_tone_spelling

WIDTH = 110


class _Dumper(yaml.SafeDumper):
    """The importer's style: multi-line text as a literal block."""


class _IndentedDumper(_Dumper):
    """The same, with a list indented under its key ("key:\\n  - item"), as hand-written files have it."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


class _DateText(str):
    """A date or time of the data, as its ISO text: written plain, so it reads back as the date it was (a string
    that only looks like a date stays quoted, as PyYAML writes it)."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


def _date(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", str(value))


for _cls in (_Dumper, _IndentedDumper):
    _cls.add_representer(str, _str)
    _cls.add_representer(_DateText, _date)


def _plain(value: Any) -> Any:
    """Values as plain Python, dates as the text of the file (ruamel's and the edit's alike), to compare."""
    if isinstance(value, (dt.date, dt.datetime)):
        return _DateText(value.isoformat())
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    return value


def _flow(value: Any) -> bool:
    return isinstance(value, (CommentedMap, CommentedSeq)) and bool(value.fa.flow_style())


class _Patch:
    def __init__(self, text: str) -> None:
        self.lines = text.splitlines(keepends=True)
        self.edits: list[tuple[int, int, list[str]]] = []  # (first line, line after, new lines), 0-based
        self.indented = _indented_lists(self.lines)

    def render(self, key: str | None, value: Any, col: int, prefix: str, flow: bool) -> list[str]:
        """``key: value`` (or a list item ``- value`` when key is None) at column ``col``; the first line starts
        with ``prefix`` (the spaces, or "  - ", that stood before the key)."""
        dumper = _IndentedDumper if self.indented else _Dumper
        data = [value] if key is None else {key: value}
        text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=WIDTH - col,
                         default_flow_style=None if flow else False)
        out = [" " * col + line + "\n" for line in text.splitlines()]
        out[0] = prefix + out[0][col:]
        return out

    def block_end(self, start: int, end: int) -> int:
        """The end of a value's lines, without the blank or comment lines that lead into the next key."""
        while end > start + 1 and (not self.lines[end - 1].strip() or self.lines[end - 1].lstrip().startswith("#")):
            end -= 1
        return end

    def mapping(self, old: CommentedMap, new: dict[str, Any], end: int) -> None:
        keys = list(old.keys())
        starts = [old.lc.key(k)[0] for k in keys]
        spans = {}
        for i, key in enumerate(keys):
            stop = self.block_end(starts[i], starts[i + 1] if i + 1 < len(keys) else end)
            spans[key] = (starts[i], stop)
        col = old.lc.key(keys[0])[1] if keys else 0
        for key in keys:
            self.value(old, key, new, spans[key])
        self.insert_new(old, new, keys, spans, col)

    def value(self, old: CommentedMap, key: Any, new: dict[str, Any], span: tuple[int, int]) -> None:
        start, stop = span
        line, col = old.lc.key(key)
        prefix = self.lines[line][:col]
        if key not in new:
            # A first key after a list's dash carries the dash: its item is written again by the caller's rule.
            self.edits.append((start, stop, [prefix] if "-" in prefix else []))
            return
        before, after = old[key], new[key]
        if _plain(before) == after:
            return
        inline = old.lc.value(key)[0] == line  # the value starts on the key's line (a scalar or flow style)
        if isinstance(before, CommentedMap) and isinstance(after, dict) and not _flow(before) and not inline:
            self.mapping(before, after, stop)
        elif isinstance(before, CommentedSeq) and isinstance(after, list) and before and not _flow(before) and not inline:
            self.sequence(before, after, stop)
        else:
            rendered = self.render(str(key), after, col, prefix, _flow(before))
            if isinstance(after, str) and len(rendered) == 1 and self.lines[line][col:].split(":", 1)[-1].strip().startswith('"'):
                head = rendered[0].split(":", 1)[0]
                rendered = [f"{head}: {json.dumps(after, ensure_ascii=False)}\n"]  # the file's double quotes
            comment = _inline_comment(self.lines[line]) if stop - start == 1 and len(rendered) == 1 else ""
            if comment:
                rendered[0] = rendered[0].rstrip("\n") + comment + "\n"
            self.edits.append((start, stop, rendered))

    def sequence(self, old: CommentedSeq, new: list[Any], end: int) -> None:
        """Item by item; items the edit added go after the last one, items it took away at the end are removed."""
        starts = [old.lc.item(i)[0] for i in range(len(old))]
        stops = [self.block_end(starts[i], starts[i + 1] if i + 1 < len(old) else end) for i in range(len(old))]
        line, col = old.lc.item(0)
        dash = self.lines[line].index("-", 0, col) if "-" in self.lines[line][:col] else col
        for i in range(len(new), len(old)):
            self.edits.append((starts[i], stops[i], []))
        for after in new[len(old):]:
            self.edits.append((stops[-1], stops[-1], self.render(None, after, dash, " " * dash, False)))
        for i, (before, after) in enumerate(zip(old, new, strict=False)):
            stop = stops[i]
            if _plain(before) == after:
                continue
            if isinstance(before, CommentedMap) and isinstance(after, dict) and not _flow(before) and set(after) >= {
                    next(iter(before), None)} - {None}:
                self.mapping(before, after, stop)
                continue
            line = old.lc.item(i)[0]
            self.edits.append((starts[i], stop, self.render(None, after, dash, self.lines[line][:dash], _flow(before))))

    def insert_new(self, old: CommentedMap, new: dict[str, Any], keys: list[Any], spans: dict[Any, tuple[int, int]],
                   col: int) -> None:
        """Keys the edit added, each after the key that precedes it in the edited record (or before the first)."""
        previous = None
        for key in new:
            if key in old:
                previous = key
                continue
            at = spans[previous][1] if previous is not None else (spans[keys[0]][0] if keys else len(self.lines))
            self.edits.append((at, at, self.render(key, new[key], col, " " * col, False)))

    def result(self) -> str:
        lines = list(self.lines)
        for start, stop, new in sorted(self.edits, key=lambda e: (e[0], e[1]), reverse=True):
            lines[start:stop] = new
        return "".join(lines)


def _inline_comment(line: str) -> str:
    match = re.search(r"(\s+#[^'\"]*)$", line.rstrip("\n"))
    return match.group(1) if match else ""


def _indented_lists(lines: list[str]) -> bool:
    """Whether the file indents a list under its key (hand-written files) or not (the importer's)."""
    for i, line in enumerate(lines[:-1]):
        match = re.match(r"^( *)[^\s#-][^:]*:\s*$", line)
        following = re.match(r"^( *)- ", lines[i + 1])
        if match and following:
            return len(following.group(1)) > len(match.group(1))
    return False


def _load(text: str) -> Any:
    reader = YAML(typ="rt")
    reader.constructor.add_constructor(  # dates as the file's text, compared with the edit's (see _plain)
        "tag:yaml.org,2002:timestamp", lambda constructor, node: _DateText(constructor.construct_scalar(node)))
    return reader.load(io.StringIO(text))


def patch_yaml(original: str, new: Any) -> str:
    """``original`` with ``new``'s values, changing only the lines of what differs."""
    old = _load(original)
    work = _Patch(original)
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        work.mapping(old, _plain(new), len(work.lines))
    elif isinstance(old, CommentedSeq) and old and isinstance(new, list):
        work.sequence(old, _plain(new), len(work.lines))
    else:
        return canonical_yaml(new, schema_line(original))
    return new_tone_spelling(work.result())


def schema_line(text: str) -> str:
    """A YAML file's first line when it points VS Code at its schema, else ""."""
    first = text.split("\n", 1)[0]
    return first if first.startswith("# yaml-language-server:") else ""


def canonical_yaml(data: Any, schema_line: str = "") -> str:
    """A new file as the importer writes one: composed Unicode, new-style tone marks, the schema line first."""
    body = yaml.dump(_plain(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=WIDTH, default_flow_style=False)
    return new_tone_spelling((schema_line + "\n" if schema_line else "") + body)


def patch_story(original: str | None, front: dict[str, Any], body: str) -> str:
    """A story's edited front matter and text put into its file as it was (``original``; None for a new story):
    the front matter patched value by value, the text as written."""
    before = PAGE_FRONT_MATTER.match(original) if original is not None else None
    head = patch_yaml(before.group(1), front) if before else canonical_yaml(front)
    return new_tone_spelling(f"---\n{head}---\n{body}")
