"""Link-preview images (OpenGraph ``og:image``), 1200×630, drawn at build time with Pillow in the site's own font.

Each card is a headline over the story's lead picture (cropped to fill, darkened under the text) or over the
site's red. The font is Be Vietnam Pro as the site serves it: two subset files per weight, the Vietnamese letters
in one and Latin in the other, chosen per character by the ``unicode-range`` of the site's stylesheet, so the
diacritics are drawn exactly as on the page. Headlines wrap at spaces and are never cut inside a word.

Images are kept between builds (``.cache/share-images/``) by the hash of everything they are drawn from: the
card's text, the picture's bytes, the font files, the stylesheet's ranges and this module's code.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont, ImageOps

from cchc.site.sharing import IMAGE_HEIGHT, IMAGE_WIDTH, ShareCard

CACHE = ".cache/share-images"  # kept images, in the site's folder; not committed
STYLESHEET = "docs/assets/stylesheets/cchc.css"
RED = (183, 28, 28)  # --md-primary-fg-color in cchc.css
DARK = (127, 0, 0)
WHITE = (255, 255, 255)
MARGIN = 64
HEADLINE_SIZES = (64, 56, 48, 42)  # tried in turn until the headline fits in MAX_LINES
MAX_LINES = 4
_FACE = re.compile(r"@font-face\s*{(?P<body>[^}]*)}", re.S)


@dataclass(frozen=True)
class _Face:
    weight: int
    path: Path
    ranges: tuple[tuple[int, int], ...]


def _faces(root: Path) -> list[_Face]:
    """The stylesheet's @font-face rules: weight, file and unicode-range, in the stylesheet's order."""
    css = (root / STYLESHEET).read_text(encoding="utf-8")
    out: list[_Face] = []
    for match in _FACE.finditer(css):
        body = match.group("body")
        weight = re.search(r"font-weight:\s*(\d+)", body)
        src = re.search(r'url\("\.\./fonts/([^"]+)"\)', body)
        ranges = re.search(r"unicode-range:([^;]+);", body)
        if not (weight and src and ranges):
            continue
        spans = []
        for part in ranges.group(1).split(","):
            low, _, high = part.strip().removeprefix("U+").partition("-")
            spans.append((int(low, 16), int(high or low, 16)))
        out.append(_Face(int(weight.group(1)), root / "docs/assets/fonts" / src.group(1), tuple(spans)))
    return out


class _Font:
    """One weight at one size: each character drawn from the first subset file whose range holds it."""

    def __init__(self, faces: list[_Face], weight: int, size: int) -> None:
        chosen = [f for f in faces if f.weight == weight]
        self.faces = [(f.ranges, ImageFont.truetype(str(f.path), size, layout_engine=ImageFont.Layout.BASIC))
                      for f in chosen]
        self.size = size

    def _font(self, char: str) -> ImageFont.FreeTypeFont:
        point = ord(char)
        for ranges, font in self.faces:
            if any(low <= point <= high for low, high in ranges):
                return font
        return self.faces[-1][1]

    def runs(self, line: str) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        out: list[tuple[str, ImageFont.FreeTypeFont]] = []
        for char in line:
            font = self._font(char)
            if out and out[-1][1] is font:
                out[-1] = (out[-1][0] + char, font)
            else:
                out.append((char, font))
        return out

    def width(self, line: str) -> float:
        return sum(font.getlength(run) for run, font in self.runs(line))

    def draw(self, draw: ImageDraw.ImageDraw, xy: tuple[float, float], line: str, fill: tuple[int, int, int]) -> None:
        x, y = xy
        for run, font in self.runs(line):
            draw.text((x, y), run, font=font, fill=fill)
            x += font.getlength(run)


def wrap(text: str, width: float, measure: object, max_lines: int) -> tuple[list[str], bool]:
    """Words of ``text`` in lines no wider than ``width`` (a word wider than a line stands alone on its own),
    at most ``max_lines``; True when the text had to be shortened (at a word, an ellipsis after the last)."""
    assert callable(measure)
    lines: list[str] = []
    for word in text.split():
        if lines and measure(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) <= max_lines:
        return lines, False
    kept = lines[:max_lines]
    words = kept[-1].split()
    while words and measure(" ".join(words) + " …") > width:
        words.pop()
    kept[-1] = " ".join(words) + " …" if words else "…"
    return kept, True


@functools.cache
def _fonts(root: Path, weight: int, size: int) -> _Font:
    return _Font(_faces(root), weight, size)


def _background(root: Path, card: ShareCard) -> Image.Image:
    if card.photo is None:
        image = Image.new("RGB", (IMAGE_WIDTH, IMAGE_HEIGHT), RED)
        ImageDraw.Draw(image).rectangle((0, IMAGE_HEIGHT - 24, IMAGE_WIDTH, IMAGE_HEIGHT), fill=DARK)
        return image
    with Image.open(root / "docs" / card.photo) as photo:
        image = ImageOps.fit(ImageOps.exif_transpose(photo).convert("RGB"), (IMAGE_WIDTH, IMAGE_HEIGHT),
                             Image.Resampling.LANCZOS)
    # Darken towards the bottom, where the headline sits, so white text keeps its contrast on any picture.
    shade = Image.linear_gradient("L").resize((IMAGE_WIDTH, IMAGE_HEIGHT)).point(lambda v: 110 + int(v * 0.55))
    return Image.composite(Image.new("RGB", image.size, (0, 0, 0)), image, shade)


def render(root: Path, card: ShareCard) -> bytes:
    """The card as a JPEG, 1200×630; the same card gives the same bytes."""
    image = _background(root, card)
    draw = ImageDraw.Draw(image)
    kicker = _fonts(root, 700, 30)
    kicker.draw(draw, (MARGIN, MARGIN - 8), card.kicker.upper(), WHITE)
    width = IMAGE_WIDTH - 2 * MARGIN
    for size in HEADLINE_SIZES:
        font = _fonts(root, 700, size)
        lines, cut = wrap(card.title, width, font.width, MAX_LINES)
        if not cut:
            break
    step = round(font.size * 1.25)
    y = IMAGE_HEIGHT - MARGIN - 40 - step * len(lines)
    for line in lines:
        font.draw(draw, (MARGIN, y), line, WHITE)
        y += step
    _fonts(root, 400, 26).draw(draw, (MARGIN, IMAGE_HEIGHT - MARGIN - 22), card.site, WHITE)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82, optimize=False, progressive=False)
    return out.getvalue()


@functools.cache
def _drawing_inputs(root: Path) -> str:
    """The hash of what every card is drawn with: this module's code, the stylesheet and the font files."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update((root / STYLESHEET).read_bytes())
    for face in _faces(root):
        digest.update(face.path.read_bytes())
    digest.update(PIL.__version__.encode())
    return digest.hexdigest()


def card_key(root: Path, card: ShareCard) -> str:
    digest = hashlib.sha256(_drawing_inputs(root).encode())
    digest.update("\0".join([card.title, card.kicker, card.site, card.photo or ""]).encode())
    if card.photo is not None:
        digest.update((root / "docs" / card.photo).read_bytes())
    return digest.hexdigest()


def write_share_images(root: Path, site_dir: Path, cards: Iterable[ShareCard], cache: bool = True) -> int:
    """Write every card into ``site_dir``, reusing the kept image of an unchanged card; returns how many were
    drawn anew."""
    folder = root / CACHE
    drawn = 0
    for card in cards:
        key = card_key(root, card)
        kept = folder / f"{key[:32]}.jpg"
        data = kept.read_bytes() if cache and kept.is_file() else None
        if data is None:
            data = render(root, card)
            drawn += 1
            if cache:
                folder.mkdir(parents=True, exist_ok=True)
                kept.write_bytes(data)
        target = site_dir / card.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return drawn
