"""English from the translation memory: plurals, the memory applied across procedures, the translators' files
(export -> fill -> import, XLIFF and spreadsheet) and the files refused with their position."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from conftest import make_site_copy

from cchc.content import translations
from cchc.content.catalogue import load_catalogue, translatable_records
from cchc.content.translation_files import SHEET_NAME, XLIFF_NAME, TranslationFileError, export, import_file
from cchc.i18n import tn
from cchc.site.addresses import set_uri
from cchc.site.portal import committee_page
from cchc.site.procedures import plan_procedure_pages, procedure_page


@pytest.mark.parametrize(("key", "n", "lang", "expected"), [
    ("originals", 1, "en", "1 original"), ("originals", 2, "en", "2 originals"), ("copies", 1, "en", "1 copy"),
    ("copies", 3, "en", "3 copies"), ("unit_ngay-lam-viec", 1, "en", "1 working day"),
    ("unit_ngay-lam-viec", 15, "en", "15 working days"), ("unit_gio", 0.5, "en", "0.5 hours"),
    ("count_procedures", 1, "en", "1 procedure"), ("count_procedures", 40, "en", "40 procedures"),
    ("originals", 1, "vi", "1 bản chính"), ("unit_ngay-lam-viec", 2, "vi", "2 ngày làm việc"),
    ("count_documents", 1, "vi", "1 văn bản"),
])
@pytest.mark.usefixtures("vocabulary")
def test_plurals(key: str, n: float, lang: str, expected: str) -> None:
    assert tn(key, n, lang) == expected


def test_normalised_matching_only() -> None:
    assert translations.normalise("  Cấp\u00a0 xa\u0303 \n") == "Cấp xã"
    memory = {"Cấp xã": "Commune"}
    text = translations.BilingualText(vi="Cấp  xa\u0303")
    assert translations.apply_memory(text, memory).en == "Commune"
    assert translations.apply_memory(translations.BilingualText(vi="Cấp xã nào"), memory).en is None  # no guess
    own = translations.BilingualText(vi="Cấp xã", en="Editor's own")
    assert translations.apply_memory(own, memory).en == "Editor's own"


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    return make_site_copy(tmp_path / "site")


def english_article(root: Path, code: str) -> str:
    cat = load_catalogue(root)
    html = procedure_page(cat, cat.procedures[code], "en").html
    assert html is not None
    return html


def test_memory_applies_across_procedures(site: Path) -> None:
    cat = load_catalogue(site)
    segments = translations.untranslated(translatable_records(cat))
    shared = next(s for s in segments if len({p.split(":")[0] for p in s.places}) > 1)
    codes = sorted({p.split(":")[0].split()[1] for p in shared.places if p.startswith("procedure ")})
    translations.write_memory_file(site / translations.MEMORY_FILE,
                                   {**translations.read_memory_file(site / translations.MEMORY_FILE),
                                    shared.vi: "Shared English sentence"})
    for code in codes:
        assert "Shared English sentence" in english_article(site, code)
    # The procedure type is known in English on every page that shows one.
    cat = load_catalogue(site)
    assert all(p.loai_thu_tuc.en for p in cat.procedures.values() if p.loai_thu_tuc)


def fill_xliff(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'id="(s[0-9a-f]+)">(\s*<source>.*?</source>\s*)<target></target>',
                  lambda m: f'id="{m.group(1)}">{m.group(2)}<target>English {m.group(1)}</target>', text, flags=re.S)
    path.write_text(text, encoding="utf-8")


def fill_sheet(path: Path) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    for row in sheet.iter_rows(min_row=2):
        row[2].value = f"English {row[0].value}"
    book.save(path)


@pytest.mark.parametrize(("name", "fill"), [(XLIFF_NAME, fill_xliff), (SHEET_NAME, fill_sheet)])
def test_export_fill_import_turns_pages_english(site: Path, name: str, fill: object) -> None:
    cat = load_catalogue(site)
    segments = export(cat, site / "translations")
    # By reach: names and taxonomy values first, then the most used texts.
    assert segments and [(s.tier, -len(s.places)) for s in segments] == sorted((s.tier, -len(s.places)) for s in segments)
    own = {code: p.ten.en for code, p in cat.procedures.items() if p.ten.en}
    fill(site / "translations" / name)  # type: ignore[operator]
    assert import_file(site / "translations" / name, cat) == len(segments)
    cat = load_catalogue(site)
    assert translations.untranslated(translatable_records(cat)) == []
    assert {code: cat.procedures[code].ten.en for code in own} == own  # an editor's English is kept
    for code in cat.procedures:
        html = english_article(site, code)
        assert "untranslated" not in html.lower() or 'lang="vi"' not in html.split("</h1>", 1)[1][:400]
        assert not re.search(r'<(span|div) lang="vi">', html), code


def test_stale_and_malformed_files_are_refused_with_their_position(site: Path) -> None:
    cat = load_catalogue(site)
    export(cat, site / "translations")
    xlf = site / "translations" / XLIFF_NAME
    text = xlf.read_text(encoding="utf-8")
    first = text.index("<source>") + len("<source>")
    line = text[:first].count("\n") - 1 + 1  # the trans-unit's line: the one before its source
    xlf.write_text(text[:first] + "Đã sửa " + text[first:], encoding="utf-8")
    with pytest.raises(TranslationFileError) as exc:
        import_file(xlf, cat)
    assert exc.value.problems[0].startswith(f"{xlf}:{line}: ") and "changed" in exc.value.problems[0]
    xlf.write_text("<xliff>\n<file>\n</xliff>\n", encoding="utf-8")
    with pytest.raises(TranslationFileError) as exc:
        import_file(xlf, cat)
    assert exc.value.problems[0].startswith(f"{xlf}:3: not a well-formed")
    # A spreadsheet row whose text the content no longer uses: the row is named, nothing is written.
    before = (site / translations.MEMORY_FILE).read_bytes()
    sheet_path = site / "translations" / SHEET_NAME
    book = openpyxl.load_workbook(sheet_path)
    sheet = book.active
    assert sheet is not None
    sheet.append((translations.segment_id("Câu không còn dùng"), "Câu không còn dùng", "Gone", 1, ""))
    book.save(sheet_path)
    with pytest.raises(TranslationFileError) as exc:
        import_file(sheet_path, cat)
    assert exc.value.problems == [f"{sheet_path}:row {sheet.max_row}: segment "
                                  f"{translations.segment_id('Câu không còn dùng')}: the content no longer has this "
                                  "text without English (it changed since the export); export again"]
    assert (site / translations.MEMORY_FILE).read_bytes() == before


def _set_and_committee_pages(root: Path, set_id: str, lang: str) -> tuple[str, str]:
    """The Markdown of a set's page and of the committee's, Markdown escapes (\\-) removed."""
    cat = load_catalogue(root)
    (set_page,) = [s for s in plan_procedure_pages(cat, lang) if s.src_uri == set_uri(set_id)]
    return set_page.markdown.replace("\\", ""), committee_page(cat, lang).markdown.replace("\\", "")


def test_signer_and_committee_decision_are_translatable(site: Path) -> None:
    """A set's signer and the committee's decision are bilingual texts: English on English pages, Vietnamese
    marked lang="vi" until translated, and in the translators' files."""
    set_page, committee = _set_and_committee_pages(site, "qd-1850-2025", "en")
    assert "**Signed by:** Vice-Chair of the Provincial People's Committee" in set_page
    assert "**Decision:** Decision of the Chair of the Provincial People's Committee renewing" in committee
    assert "Phó Chủ tịch" not in set_page and "Quyết định kiện toàn" not in committee
    # Written as plain Vietnamese (as before) that no other record translates, they fall back marked as
    # Vietnamese, with the notice.
    signer = "Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh"
    set_file = site / "procedures/sets/qd-1850-2025.yml"
    set_file.write_text(re.sub(r"(?m)^nguoi_ky: .*$", f"nguoi_ky: {signer}",
                               set_file.read_text(encoding="utf-8")), encoding="utf-8")
    committee_file = site / "data/steering-committee.yml"
    committee_file.write_text(re.sub(r"(?m)^quyet_dinh:\n(  .*\n)+", "quyet_dinh: Quyết định số 1/QĐ-UBND kiện toàn\n",
                                     committee_file.read_text(encoding="utf-8")), encoding="utf-8")
    set_page, committee = _set_and_committee_pages(site, "qd-1850-2025", "en")
    assert f'**Signed by:** <span lang="vi">{signer}</span>' in set_page
    assert '**Decision:** <span lang="vi">Quyết định số 1/QĐ-UBND kiện toàn</span>' in committee
    assert "have not been translated" in set_page and "have not been translated" in committee
    assert f"**Người ký:** {signer}" in _set_and_committee_pages(site, "qd-1850-2025", "vi")[0]
    places = {p for s in translations.untranslated(translatable_records(load_catalogue(site))) for p in s.places}
    assert {"set qd-1850-2025: nguoi_ky", "committee steering-committee: quyet_dinh"} <= places
    # Translated through the memory (what an imported XLIFF or spreadsheet writes), both pages turn English.
    translations.write_memory_file(site / translations.MEMORY_FILE, {
        **translations.read_memory_file(site / translations.MEMORY_FILE),
        "Quyết định số 1/QĐ-UBND kiện toàn": "Decision No. 1/QĐ-UBND renewing the committee",
        signer: "Permanent Vice-Chair of the Provincial People's Committee"})
    set_page, committee = _set_and_committee_pages(site, "qd-1850-2025", "en")
    assert "**Decision:** Decision No. 1/QĐ-UBND renewing the committee" in committee
    assert "**Signed by:** Permanent Vice-Chair of the Provincial People's Committee" in set_page


def test_units_channels_and_statuses_are_named_by_data_vocabulary(site: Path) -> None:
    """The closed vocabularies come from data/vocabulary.yml: what the file says is what the pages say."""
    assert "1 working day" in english_article(site, "1.001193")
    path = site / "data/vocabulary.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("en: working days, en_mot: working day", "en: office days, en_mot: office day")
    text = text.replace("{vi: Trực tiếp, en: In person}", "{vi: Trực tiếp, en: At the desk}")
    path.write_text(text, encoding="utf-8")
    html = english_article(site, "1.001193")
    assert "1 office day" in html and "1 working day" not in html and "At the desk" in html


def test_the_memory_file_is_read_with_the_content_loader(tmp_path: Path) -> None:
    """read_memory_file screens and validates like every data file: an alias or a deep value is refused with its
    line (never expanded or recursed into), and so is an entry that is not {vi, en}."""
    from cchc.content.problems import ContentError

    path = tmp_path / "translations.yml"
    for text, expected in [
        ("- vi: &x Một\n  en: *x\n", "translations.yml:1: YAML anchor '&x' is not allowed"),
        ("- vi: " + "[" * 100_000 + "]" * 100_000 + "\n", "translations.yml:1: values are nested more than 20"),
        ("- vi: Một\n  en: One\n  ghi_chu: x\n", "translations.yml:3: [0].ghi_chu: unknown field"),
        ("vi: Một\n", "translations.yml:1: must be a list"),
    ]:
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ContentError) as caught:
            translations.read_memory_file(path, tmp_path)
        assert str(caught.value).startswith(expected), str(caught.value)
    path.write_text("# only comments\n", encoding="utf-8")
    assert translations.read_memory_file(path, tmp_path) == {}
    path.write_text("- vi: ' Cấp  xã '\n  en: Commune\n", encoding="utf-8")
    assert translations.read_memory_file(path, tmp_path) == {"Cấp xã": "Commune"}
