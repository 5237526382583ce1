"""Rewrite content files in composed Unicode (NFC) with the tone marks placed the new way ("hòa", not "hoà").

The two spelling problems `make check` reports, fixed in place; every other byte of each file is kept.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc.text import nfc, old_tone_spellings

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("data", "procedures", "documents", "docs")


def fix_text(text: str) -> str:
    lines = []
    for line in nfc(text).split("\n"):
        for offset, word, new in reversed(old_tone_spellings(line)):
            line = line[:offset] + new + line[offset + len(word):]
        lines.append(line)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", default=str(ROOT))
    args = parser.parse_args()
    root = Path(args.root)
    changed = 0
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".yml", ".md") or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            fixed = fix_text(text)
            if fixed != text:
                path.write_text(fixed, encoding="utf-8")
                changed += 1
                print(f"fixed {path.relative_to(root)}")
    print(f"{changed} file(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
