"""Bar charts of the reform indices, drawn at build time as inline SVG.

No script and no chart library in the browser: the SVG carries its own text alternative (``<title>`` and
``<desc>``, referenced by ``aria-labelledby``), and the page prints the same figures as a table beside it.
"""

from __future__ import annotations

from html import escape

from cchc.content.models import ReformIndex
from cchc.text import format_number

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 28, 48
BAR = "#b71c1c"  # 7.1:1 on white (WCAG AA needs 3:1 for graphics)
INK = "#212121"
GRID = "#9e9e9e"


def chart_summary(index: ReformIndex, lang: str) -> str:
    """The chart in words, for screen readers and for anyone who cannot see the bars."""
    name = index.ten.get(lang)
    unit = index.don_vi.get(lang)
    parts = []
    for year in sorted(index.nam, key=lambda y: y.nam):
        score = format_number(year.diem, lang)
        if lang == "vi":
            parts.append(f"năm {year.nam}: {score} {unit}, hạng {year.xep_hang}/{year.tong_so}")
        else:
            parts.append(f"{year.nam}: {score} {unit}, ranked {year.xep_hang} of {year.tong_so}")
    lead = (f"{name} của tỉnh theo năm" if lang == "vi" else f"The province's {name} by year")
    return f"{lead}: " + "; ".join(parts) + "."


def index_chart(index: ReformIndex, ident: str, lang: str) -> str:
    """One bar per year, its height the score on the index's own scale, the rank written under the year."""
    years = sorted(index.nam, key=lambda y: y.nam)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / len(years)
    bar_w = min(64.0, step * 0.6)
    title_id, desc_id = f"chart-{ident}-title", f"chart-{ident}-desc"
    title = index.ten_day_du.get(lang)
    out = [
        f'<svg class="cchc-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(chart_summary(index, lang))}</desc>',
    ]
    # Grid lines at quarters of the scale, labelled on the left.
    for i in range(5):
        value = index.diem_toi_da * i / 4
        y = TOP + plot_h - plot_h * i / 4
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="{GRID}" '
                   f'stroke-width="{1 if i else 1.5}"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" fill="{INK}">'
                   f'{escape(format_number(value, lang))}</text>')
    rank_word = "hạng" if lang == "vi" else "rank"
    for i, year in enumerate(years):
        x = LEFT + step * i + (step - bar_w) / 2
        h = plot_h * year.diem / index.diem_toi_da
        y = TOP + plot_h - h
        cx = x + bar_w / 2
        out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{BAR}"/>')
        out.append(f'<text x="{cx:.1f}" y="{y - 6:.1f}" text-anchor="middle" font-size="13" font-weight="700" '
                   f'fill="{INK}">{escape(format_number(year.diem, lang))}</text>')
        out.append(f'<text x="{cx:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" font-size="13" '
                   f'fill="{INK}">{year.nam}</text>')
        out.append(f'<text x="{cx:.1f}" y="{HEIGHT - BOTTOM + 36}" text-anchor="middle" font-size="12" '
                   f'fill="{INK}">{rank_word} {year.xep_hang}/{year.tong_so}</text>')
    out.append("</svg>")
    return "".join(out)
