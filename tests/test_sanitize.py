"""Editors' HTML: allow-listed tags and attributes only; links to http(s), mailto, tel and the site itself."""

from __future__ import annotations

from cchc.content.sanitize import sanitize_html, unsafe_links


def test_sanitizer_keeps_text_and_safe_markup() -> None:
    html = ('<p class="x" onclick="alert(1)">Gọi <a href="tel:02583822000">0258 3822 000</a>, '
            '<a href="mailto:cchc@khanhhoa.gov.vn">thư</a>, <a href="https://dichvucong.gov.vn/">cổng</a>, '
            '<a href="../thu-tuc/">thủ tục</a>, <a href="javascript:alert(2)">x</a></p>'
            '<script>alert(3)</script><style>p{}</style><iframe src="https://example.org/"></iframe>'
            '<img src="data:image/png;base64,AAAA" alt="a"><abbr title="Cải cách hành chính">CCHC</abbr>'
            "<!-- cchc:body -->")
    clean = sanitize_html(html)
    assert '<p class="x">Gọi <a href="tel:02583822000">0258 3822 000</a>' in clean
    assert '<a href="mailto:cchc@khanhhoa.gov.vn">thư</a>' in clean
    assert '<a href="https://dichvucong.gov.vn/">cổng</a>' in clean and '<a href="../thu-tuc/">thủ tục</a>' in clean
    assert "<a>x</a>" in clean, "a javascript: target is removed, its text stays"
    for gone in ("onclick", "alert(", "<script", "<style", "<iframe", "data:image"):
        assert gone not in clean, gone
    assert '<abbr title="Cải cách hành chính">CCHC</abbr>' in clean
    assert "<!-- cchc:body -->" in clean, "our own markers survive"


def test_unsafe_links_are_found_with_their_lines() -> None:
    text = "Dòng một\n[bấm](javascript:alert(1))\n<a href='data:text/html,x'>y</a>\n[ổn](https://x.gov.vn/)\n"
    found = [(p.line, p.message.split(";")[0]) for p in unsafe_links(text, "a.md", first_line=10)]
    assert found == [(11, "link target 'javascript:alert(1' is not allowed"),
                     (12, "link target 'data:text/html,x' is not allowed")]
