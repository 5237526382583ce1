"""Property-based tests (hypothesis): loaders meet arbitrary input with our own errors only, and the
Vietnamese text helpers keep their promises for any text."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, leaflet_of_one
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc.content.catalogue import load_catalogue
from cchc.content.files import read_text
from cchc.content.frontmatter import split_front_matter
from cchc.content.models import NewsItem, Procedure
from cchc.content.problems import ContentError, Problem
from cchc.content.validate import validate_record
from cchc.content.yamlio import load_yaml
from cchc.text import fold_accents, md_escape, nfc, old_tone_spellings, slugify, sort_key

ALPHABET = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split()
TONES_OF_A = ["a", "à", "ả", "ã", "á", "ạ"]
# Text a Vietnamese editor might produce, plus the rest of Unicode now and then.
vietnamese = st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ àảãáạèẻẽéẹìỉĩíịòỏõóọùủũúụỳỷỹýỵ.,-:'\"\n\t#[]{}<>&")))
any_text = st.one_of(vietnamese, st.text())
yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


@given(any_text)
def test_yaml_loader_never_raises(text: str) -> None:
    located, problems = load_yaml(text, "x.yml")
    assert located is not None or problems
    assert all(isinstance(p, Problem) for p in problems)


@given(yaml_values)
@settings(max_examples=150)
def test_validation_never_raises(value: object) -> None:
    located, problems = load_yaml(yaml.safe_dump(value, allow_unicode=True), "x.yml")
    if located is not None:
        for model in (Procedure, NewsItem):
            record, found = validate_record(model, located, "x.yml")
            assert (record is None) == bool(found)
            assert all(isinstance(p, Problem) and p.path == "x.yml" for p in found)


@given(any_text)
def test_front_matter_never_raises(text: str) -> None:
    located, body, line, problems = split_front_matter(text, "x.md")
    assert line >= 1 and isinstance(body, str)


@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "x.yml"
    path.write_bytes(data)
    text, problems = read_text(path, "x.yml")
    assert text is not None or problems


@pytest.fixture(scope="module")
def site_for_yaml(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("prop")
    for name in ("data", "documents"):
        shutil.copytree(ROOT / name, root / name)
    leaflet_of_one(root)
    (root / "procedures").mkdir()
    lines = (ROOT / "procedures/1.001193.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    (root / "procedures/1.001193.yml").write_text(
        "".join(ln for ln in lines if not ln.startswith(("thu_tuc_lien_quan", "quyet_dinh"))), encoding="utf-8")
    (root / "docs").mkdir()
    return root


@given(yaml_values)
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
def test_a_procedure_file_of_arbitrary_yaml_gives_our_error(site_for_yaml: Path, value: object) -> None:
    (site_for_yaml / "procedures/1.999999.yml").write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_catalogue(site_for_yaml)
    assert all(p.path.startswith("procedures/1.999999.yml") for p in info.value.problems)


@given(any_text)
def test_folding_and_slugs_are_idempotent(text: str) -> None:
    folded = fold_accents(text)
    assert fold_accents(folded) == folded
    assert "đ" not in folded.lower()
    slug = slugify(text)
    assert slugify(slug) == slug
    assert all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in slug)
    assert nfc(nfc(text)) == nfc(text)


@given(any_text)
def test_escaped_text_holds_no_markup(text: str) -> None:
    escaped = md_escape(text)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped


@given(vietnamese)
def test_new_style_tones_are_stable(text: str) -> None:
    from fix_spelling import fix_text

    fixed = fix_text(text)
    assert fix_text(fixed) == fixed
    assert old_tone_spellings(fixed) == []


@given(st.randoms())
def test_sort_key_orders_the_vietnamese_alphabet(rng: random.Random) -> None:
    letters = ALPHABET[:]
    rng.shuffle(letters)
    assert sorted(letters, key=sort_key) == ALPHABET
    tones = TONES_OF_A[:]
    rng.shuffle(tones)
    assert sorted(tones, key=sort_key) == TONES_OF_A
    words = ["Đà Nẵng", "Dương", "Ân", "Anh", "Ăn"]
    rng.shuffle(words)
    assert sorted(words, key=sort_key) == ["Anh", "Ăn", "Ân", "Dương", "Đà Nẵng"]
