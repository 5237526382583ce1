"""What a reader does, in Debian's Chromium driven by Playwright, against the built site on 127.0.0.1."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

def test_language_switch_lands_on_the_same_page(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "thu-tuc/dang-ky-khai-sinh-1.001193/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url("**/en/thu-tuc/dang-ky-khai-sinh-1.001193/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().rstrip("¶") == "Birth registration"
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="vi"]').click()
    page.wait_for_url("**/thu-tuc/dang-ky-khai-sinh-1.001193/")
    assert page.locator("h1").inner_text().rstrip("¶") == "Thủ tục đăng ký khai sinh"
    page.close()


def test_browse_to_a_procedure_on_a_phone(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto(base_url + "thu-tuc/")
    page.get_by_role("link", name="Hộ tịch").first.click()
    page.get_by_role("link", name="Thủ tục đăng ký khai sinh").click()
    assert page.locator("h1").inner_text().rstrip("¶") == "Thủ tục đăng ký khai sinh"
    checklist = page.locator("article .task-list-item")
    assert checklist.count() == 4
    assert checklist.first.is_visible()
    assert all(url.startswith(base_url) for url in requests), [u for u in requests if not u.startswith(base_url)]
    page.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_online_button_is_above_the_fold_on_a_phone(browser, base_url: str, prefix: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 360, "height": 640}, is_mobile=True)
    page.goto(base_url + prefix + "thu-tuc/dang-ky-khai-sinh-1.001193/")
    button = page.locator("article .cchc-apply a.md-button")
    assert button.count() == 1 and button.is_visible()
    box = button.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 640, box
    assert button.inner_text().strip() == ("Apply online" if prefix else "Nộp hồ sơ trực tuyến")
    button.focus()  # a plain link: reached by keyboard, announced as a link
    assert page.evaluate("document.activeElement.tagName") == "A"
    page.close()
