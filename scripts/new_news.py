"""Create a news story docs/tin-tuc/<year>/<key>.md (or .en.md) with every field; never overwrites.

    python scripts/new_news.py hoi-nghi-cai-cach-hanh-chinh --ngay 2026-11-25T08:00
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from cchc.content.scaffold import new_story, run_cli

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("key", help="khóa và tên tệp của tin, e.g. hoi-nghi-cai-cach-hanh-chinh")
    parser.add_argument("--ngay", help="ngày giờ đăng YYYY-MM-DDTHH:MM, giờ Việt Nam (default: now)")
    parser.add_argument("--en", action="store_true", help="the English version of the story with this key")
    parser.add_argument("--root", default=str(ROOT))
    args = parser.parse_args(argv)
    def create() -> Path:
        when = dt.datetime.fromisoformat(args.ngay) if args.ngay else dt.datetime.now().replace(second=0, microsecond=0)
        return new_story(Path(args.root), args.key, when, "en" if args.en else "vi")

    return run_cli(create)


if __name__ == "__main__":
    sys.exit(main())
