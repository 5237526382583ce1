"""Strip the TrueType hinting from the self-hosted fonts (docs/assets/fonts/*.woff2), in place.

Every page loads four font files (Be Vietnam Pro 400 and 700, Latin and Vietnamese subsets, from @fontsource).
Their hinting programs were half of their bytes and are unused by the phones most readers have (iOS ignores
hinting; Android and Chromium on Linux hint automatically); outlines, metrics, kerning and every character are
kept. Measured: 66 KB to 33 KB for the four files, which brings a procedure page's first visit under the
120 KB budget of DESIGN.md §4 (benchmarks/RESULTS.md). Running it again changes nothing.

    make fonts        (installs fonttools and brotli, the extras "fonts" of pyproject.toml)
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "docs" / "assets" / "fonts"
HINTING = ("fpgm", "prep", "cvt ", "hdmx", "VDMX", "LTSH")


def slim(path: Path) -> tuple[int, int]:
    before = path.stat().st_size
    font = TTFont(path)
    if not any(tag in font for tag in HINTING) and font["post"].formatType == 3:
        return before, before
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["*"]  # keep every OpenType feature (kerning, marks, ligatures)
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False  # names of glyphs are for font editors, not browsers
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=font.getBestCmap().keys())
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(path)
    return before, path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    for path in sorted(FONTS.glob("*.woff2")):
        before, after = slim(path)
        print(f"{path.name}: {before:,} -> {after:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
