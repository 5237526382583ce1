"""Each problem message has its Vietnamese; a few written out in full."""

from __future__ import annotations

import pytest

from cchc.content.messages_vi import bilingual, vietnamese
from cchc.content.problems import Problem


@pytest.mark.parametrize(
    ("english", "vi"),
    [
        ("must be a whole number, got 'tám nghìn'", "phải là số nguyên, nhận được 'tám nghìn'"),
        ("unknown level 'huyen'; allowed: tinh, xa", "Cấp thực hiện 'huyen' không có; được dùng: tinh, xa"),
        ("duplicate key (first given on line 7); give each field once",
         "trường bị lặp (đã ghi ở dòng 7); mỗi trường chỉ ghi một lần"),
        ("'Hoà' puts the tone mark the old way; write 'Hòa', as the rest of the site does",
         "'Hoà' đặt dấu thanh kiểu cũ; viết 'Hòa' như các trang khác"),
        ("must be a real date written YYYY-MM-DD, got '2026-02-30' (day value is outside expected range)",
         "phải là ngày có thật, viết dạng năm-tháng-ngày YYYY-MM-DD, nhận được '2026-02-30'"),
    ],
)
def test_vietnamese(english: str, vi: str) -> None:
    assert vietnamese(english) == vi


def test_bilingual_lines() -> None:
    problem = Problem("procedures/1.001193.yml", 42, "cach_thuc[0].phi[1].so_tien", "must be a whole number, got 'x'")
    assert bilingual(problem) == ("procedures/1.001193.yml:42: cach_thuc[0].phi[1].so_tien: must be a whole number, "
                                  "got 'x'\n    ↳ phải là số nguyên, nhận được 'x'")
    assert bilingual(Problem("a.yml", 1, "", "something new")) == "a.yml:1: something new"
