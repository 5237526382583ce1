"""Put content files edited by the editors' form on GitHub back into their own form (make restore-format).

On the published site the form commits to GitHub directly, writing each file its own way (key order of the form,
its own quoting). This puts every changed record into the file as it was on the base branch, value by value, as
`make edit`'s local server does on each save (cchc.content.roundtrip): a one-field edit becomes a one-field diff
again, comments and styles are kept, a new file is written the importer's way. The workflow .github/workflows/
cms-format.yml runs it on the form's branches (cms/...) and commits the result to the pull request.

    python scripts/restore_format.py [--base origin/main] [--root DIR] [--check]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from cchc.content.cms_backend import ENTRY_FOLDERS, ENTRY_SUFFIXES, Refused, merged_text

ROOT = Path(__file__).resolve().parent.parent


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="origin/main", help="the branch the pull request goes into")
    parser.add_argument("--root", default=str(ROOT))
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when a file would change")
    args = parser.parse_args(argv)
    root = Path(args.root)
    diff = _git(root, "diff", "--name-only", "--diff-filter=AM", f"{args.base}...HEAD")
    if diff.returncode != 0:
        print(diff.stderr, file=sys.stderr)
        return 2
    changed = 0
    for rel in diff.stdout.split():
        if not rel.endswith(ENTRY_SUFFIXES) or not rel.startswith(tuple(f + "/" for f in ENTRY_FOLDERS)):
            continue
        path = root / rel
        if path.is_symlink() or not path.is_file():
            continue
        shown = _git(root, "show", f"{args.base}:{rel}")
        before = shown.stdout if shown.returncode == 0 else None
        text = path.read_text(encoding="utf-8")
        try:
            new = merged_text(rel, text, before)
        except Refused as exc:
            print(f"{rel}: not restored: {exc}", file=sys.stderr)
            continue
        if new != text:
            changed += 1
            print(f"{'would restore' if args.check else 'restored'} {rel}")
            if not args.check:
                path.write_text(new, encoding="utf-8")
    print(f"{changed} file(s) {'to restore' if args.check else 'restored'}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
