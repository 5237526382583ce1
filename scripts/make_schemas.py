"""Regenerate schemas/*.schema.json from the models. With --check, exit 1 when they are stale."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc.content.schema import SCHEMA_DIR, build_schemas

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    args = parser.parse_args(argv)
    stale = []
    for name, text in build_schemas().items():
        path = ROOT / SCHEMA_DIR / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
            if not args.check:
                path.parent.mkdir(exist_ok=True)
                path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print(f"stale schemas: {', '.join(stale)}; run: make schemas", file=sys.stderr)
        return 1
    print(f"{'checked' if args.check else 'wrote'} {len(build_schemas())} schemas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
