import datetime as dt
import unicodedata

import pytest

from cchc.text import fold_accents, format_date, md_escape, nfc, slugify, sort_key


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đăng ký khai sinh", "dang-ky-khai-sinh"),
        ("Thủ tục đăng ký kết hôn", "thu-tuc-dang-ky-ket-hon"),
        ("ĐĂNG KÝ THƯỜNG TRÚ", "dang-ky-thuong-tru"),
        ("Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh", "cap-ban-sao-trich-luc-ho-tich-ban-sao-giay-khai-sinh"),
        (unicodedata.normalize("NFD", "Đăng ký hộ kinh doanh"), "dang-ky-ho-kinh-doanh"),
        ("Hòa giải / hoà giải", "hoa-giai-hoa-giai"),
        ("  Phí, lệ phí (2026)  ", "phi-le-phi-2026"),
        ("Quyết định 1850/QĐ-UBND", "quyet-dinh-1850-qd-ubnd"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Đường dây nóng", "Duong day nong"), ("đ Đ ư ơ ă â ê ô", "d D u o a a e o"), ("thủ tục", "thu tuc")],
)
def test_fold_accents(text: str, folded: str) -> None:
    assert fold_accents(text) == folded


def test_nfc_joins_decomposed_marks() -> None:
    decomposed = unicodedata.normalize("NFD", "Khánh Hòa")
    assert decomposed != "Khánh Hòa"
    assert nfc(decomposed) == "Khánh Hòa"


@pytest.mark.parametrize(
    "ordered",
    [
        ["Dân tộc", "Đất đai", "Giáo dục"],  # đ after d, before e
        ["an", "ăn", "ân", "bàn"],  # a < ă < â
        ["ma", "mà", "mả", "mã", "má", "mạ"],  # tone order: ngang, huyền, hỏi, ngã, sắc, nặng
        ["Hòa giải", "Hộ tịch", "Hôn nhân"],  # letters first (o < ô), tones only break ties
        ["cư trú", "cửa", "ương"],
        ["Ong", "Ông", "Ơn", "Phí"],
    ],
)
def test_sort_key_vietnamese_order(ordered: list[str]) -> None:
    assert sorted(reversed(ordered), key=sort_key) == ordered
    assert sorted(ordered, key=sort_key) == ordered


def test_python_default_order_is_wrong_for_vietnamese() -> None:
    words = ["Đất đai", "Giáo dục"]
    assert sorted(words) == ["Giáo dục", "Đất đai"]  # why sort_key exists
    assert sorted(words, key=sort_key) == words


def test_sort_key_nfd_equals_nfc() -> None:
    assert sort_key(unicodedata.normalize("NFD", "Hộ tịch"))[:2] == sort_key("Hộ tịch")[:2]


@pytest.mark.parametrize(
    ("day", "lang", "text"),
    [
        (dt.date(2026, 7, 20), "vi", "20/07/2026"),
        (dt.date(2026, 7, 20), "en", "20 July 2026"),
        (dt.date(2025, 1, 5), "vi", "05/01/2025"),
    ],
)
def test_format_date(day: dt.date, lang: str, text: str) -> None:
    assert format_date(day, lang) == text


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
        ('" onmouseover="x', "&quot; onmouseover=&quot;x"),
        ("*đậm* _nghiêng_ [liên kết](x)", "\\*đậm\\* \\_nghiêng\\_ \\[liên kết\\]\\(x\\)"),
        ("1. Mục một", "1\\. Mục một"),
        ("# Tiêu đề", "\\# Tiêu đề"),
        ("a | b", "a \\| b"),
        ("dòng một\ndòng hai", "dòng một dòng hai"),
        ("Phí 2.000 đồng/trang", "Phí 2.000 đồng/trang"),
    ],
)
def test_md_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


def test_md_escape_renders_literally() -> None:
    import markdown

    html = markdown.markdown(md_escape("<b>*x*</b> [a](javascript:alert(1))"), extensions=["tables"])
    assert "<b>" not in html and "<em>" not in html and "<a " not in html
    assert "&lt;b&gt;*x*&lt;/b&gt; [a](javascript:alert(1))" in html
