"""Rewrite content files as UTF-8 without BOM, with LF line ends, in composed Unicode (NFC) and with the tone
marks placed the new way ("hòa", not "hoà"): the file-level problems `make check` reports, fixed in place.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from cchc.text import new_tone_spelling

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("data", "procedures", "documents", "docs")


def _files(top: Path) -> list[Path]:
    """Everything under ``top``, without descending into linked folders (os.walk follows no link)."""
    if top.is_symlink():
        return [top]
    found: list[Path] = []
    for folder, dirs, files in os.walk(top):
        found += [Path(folder, name) for name in dirs if Path(folder, name).is_symlink()]
        found += [Path(folder, name) for name in files]
    return sorted(found)


def fix_text(text: str) -> str:
    return new_tone_spelling(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", default=str(ROOT))
    args = parser.parse_args(argv)
    root = Path(args.root)
    changed = 0
    for folder in FOLDERS:
        for path in _files(root / folder):
            if path.is_symlink():  # never written through: it may point outside the repository
                print(f"skipped {path.relative_to(root)}: a symbolic link (`make check` refuses it)")
                continue
            if path.suffix not in (".yml", ".md") or not path.is_file():
                continue
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                print(f"skipped {path.relative_to(root)}: not UTF-8; save it as UTF-8 first")
                continue
            fixed = fix_text(text.replace("\r\n", "\n").replace("\r", "\n"))
            if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw:
                text = None  # always rewrite
            if fixed != text:
                path.write_bytes(fixed.encode("utf-8"))
                changed += 1
                print(f"fixed {path.relative_to(root)}")
    print(f"{changed} file(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
