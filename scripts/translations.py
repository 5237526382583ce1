"""Translators' files: `export` writes every text without English (XLIFF and .xlsx, by reach); `import FILE`
merges a filled one into data/translations.yml, or refuses it with the file:line (or row) of each problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc.content.catalogue import load_catalogue
from cchc.content.problems import ContentError, bilingual
from cchc.content.translation_files import TranslationFileError, export, import_file
from cchc.output.coverage import translation_coverage

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", default=str(ROOT), help="the site's folder (default: this repository)")
    sub = parser.add_subparsers(dest="command", required=True)
    out = sub.add_parser("export", help="write the files to translate")
    out.add_argument("--out", default="translations", help="folder for the files (default: translations/)")
    inp = sub.add_parser("import", help="merge a filled .xlf or .xlsx file into the translation memory")
    inp.add_argument("file")
    args = parser.parse_args(argv)
    root = Path(args.root)
    try:
        cat = load_catalogue(root)
    except ContentError as exc:
        for problem in exc.problems:
            print(bilingual(problem), file=sys.stderr)
        return 1
    if args.command == "export":
        folder = root / args.out
        segments = export(cat, folder)
        places = sum(len(s.places) for s in segments)
        print(f"{len(segments)} segments to translate ({places} places) written to {folder}/")
        return 0
    try:
        changed = import_file(Path(args.file), cat)
    except TranslationFileError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s): nothing imported.", file=sys.stderr)
        return 1
    print(f"{changed} translation(s) added to data/translations.yml")
    for cov in translation_coverage(load_catalogue(root)):
        print(cov)
    return 0


if __name__ == "__main__":
    sys.exit(main())
