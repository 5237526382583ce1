"""Check all content (procedures, sets, documents, news, data) and print every problem as file:line: field: message."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc.content.catalogue import load_catalogue
from cchc.content.problems import ContentError, bilingual, github_annotation

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", default=str(ROOT), help="the site's folder (default: this repository)")
    parser.add_argument("--github", action="store_true",
                        help="also print each problem as a GitHub Actions annotation on its file and line")
    args = parser.parse_args(argv)
    try:
        cat = load_catalogue(Path(args.root))
    except ContentError as exc:
        for problem in exc.problems:
            print(bilingual(problem))
            if args.github:
                print(github_annotation(problem))
        print(f"{len(exc.problems)} vấn đề / problem(s) found.", file=sys.stderr)
        return 1
    print(
        f"OK: {len(cat.procedures)} thủ tục / procedures, {len(cat.sets)} quyết định công bố / procedure sets, "
        f"{len(cat.documents)} văn bản / documents, {len(cat.stories)} tin / news stories."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
