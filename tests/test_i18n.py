import pytest

from cchc.i18n import alternate_links, config_file, language_of, plan_localized_docs


@pytest.mark.parametrize(
    ("site_url", "lang", "page_url", "vi", "en"),
    [
        ("https://x.gov.vn/", "vi", "thu-tuc/a-1.0/", ("../../thu-tuc/a-1.0/", "https://x.gov.vn/thu-tuc/a-1.0/"),
         ("../../en/thu-tuc/a-1.0/", "https://x.gov.vn/en/thu-tuc/a-1.0/")),
        ("https://x.gov.vn/en/", "en", "thu-tuc/a-1.0/", ("../../../thu-tuc/a-1.0/", "https://x.gov.vn/thu-tuc/a-1.0/"),
         ("../../../en/thu-tuc/a-1.0/", "https://x.gov.vn/en/thu-tuc/a-1.0/")),
        ("http://127.0.0.1:8000/", "vi", "", ("./", "http://127.0.0.1:8000/"), ("en/", "http://127.0.0.1:8000/en/")),
        ("http://127.0.0.1:8000/en/", "en", "", ("../", "http://127.0.0.1:8000/"), ("../en/", "http://127.0.0.1:8000/en/")),
    ],
)
def test_alternate_links_point_at_the_same_page(
    site_url: str, lang: str, page_url: str, vi: tuple[str, str], en: tuple[str, str]
) -> None:
    links = {alt["lang"]: (alt["href"], alt["link"]) for alt in alternate_links(site_url, lang, page_url)}
    assert links == {"vi": vi, "en": en}


@pytest.mark.parametrize(
    ("uri", "result"),
    [("about.en.md", ("en", "about.md")), ("about.md", ("vi", "about.md")), ("a/index.en.md", ("en", "a/index.md"))],
)
def test_language_of(uri: str, result: tuple[str, str]) -> None:
    assert language_of(uri) == result


def test_plan_localized_docs() -> None:
    uris = ["index.md", "index.en.md", "gioi-thieu.md", "assets/x.css"]
    assert plan_localized_docs(uris, "vi") == ({"index.md": "index.md", "gioi-thieu.md": "gioi-thieu.md"}, set())
    assert plan_localized_docs(uris, "en") == (
        {"index.md": "index.en.md", "gioi-thieu.md": "gioi-thieu.md"},
        {"gioi-thieu.md"},
    )


def test_config_file() -> None:
    assert config_file("vi") == "mkdocs.yml" and config_file("en") == "mkdocs.en.yml"
