"""Put a finished build in place in one step, so a failed build never leaves a half-published site."""

from __future__ import annotations

import shutil
from pathlib import Path


def assemble(outputs: dict[str, Path], prefixes: dict[str, str], dest: Path) -> None:
    """Merge per-language builds into ``dest``: the default language at the root, others below their prefix.

    The builds are moved, not copied (same folder, so each move is a rename): ``outputs`` are consumed."""
    if dest.exists():
        shutil.rmtree(dest)
    for lang, out in sorted(outputs.items(), key=lambda kv: len(prefixes[kv[0]])):
        target = dest / prefixes[lang] if prefixes[lang] else dest
        if target.exists():
            raise FileExistsError(f"{lang} build would overwrite {target}")
        target.parent.mkdir(parents=True, exist_ok=True)
        out.rename(target)


def previous_site(site: Path) -> Path:
    """Where ``swap_into`` keeps the site a build replaced, until the next build deletes it."""
    return site.with_name(site.name + ".previous")


def swap_into(new_site: Path, site: Path, keep: Path | None = None) -> None:
    """Replace ``site`` with ``new_site``; the old site stays in place until the new one is complete.

    The old site is then deleted, or moved to ``keep`` (replacing what was there) for the caller to delete later.
    """
    old = keep or site.with_name(site.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    new_site.rename(site)
    if keep is None and old.exists():
        shutil.rmtree(old)
