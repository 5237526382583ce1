"""Content problems: every one names file, line and field, and says what is wrong and what is allowed.

What a problem says is a keyed message of :mod:`cchc.messages`, English and Vietnamese side by side: a new
problem adds its entry there (both languages in one place) and passes ``msg(key, ...)`` here.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc.messages import Message


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # repository-relative, forward slashes
    line: int  # 1-based; 0 when the whole file is at fault
    field: str  # dotted path such as cach_thuc[1].phi[0].so_tien, or "" for the file itself
    text: Message  # what is wrong and what is allowed, in both languages

    @property
    def message(self) -> str:
        """The English line, as `make check`, the build log and the GitHub annotation print it."""
        return self.text.en

    @property
    def vi(self) -> str:
        """The same in Vietnamese, printed under the English for the editors."""
        return self.text.vi

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so a build can print them all before failing."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))  # a file refused by two checks (a link, say) is listed once
        super().__init__("\n".join(str(p) for p in self.problems))


def field_path(loc: tuple[str | int, ...]) -> str:
    """('cach_thuc', 1, 'phi', 0, 'so_tien') -> 'cach_thuc[1].phi[0].so_tien'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """The problem as a GitHub Actions workflow command, shown on its file and line in a pull request."""
    props = [f"file={_escape_property(problem.path)}"]
    if problem.line:
        props.append(f"line={problem.line}")
    props.append(f"title={_escape_property(problem.field or 'content')}")
    return f"::error {','.join(props)}::{_escape_data(problem.message)}"


def bilingual(problem: Problem) -> str:
    """The problem line, then its Vietnamese on the next line (indented)."""
    return f"{problem}\n    ↳ {problem.vi}"
