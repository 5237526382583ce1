"""The editors' form at /admin/ (Decap CMS): its configuration from the models, the files it writes (our own,
one-field edits as one-field diffs, checked before they are kept) and, in Chromium, an editor's work through it."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, make_site_copy

from cchc.content.catalogue import load_catalogue
from cchc.content.cms_backend import LocalBackend, Refused, catalogue_checker, cms_server
from cchc.content.models import Procedure
from cchc.content.roundtrip import canonical_yaml, patch_yaml
from cchc.site.admin import NOT_IN_FORM, cms_config

CONTENT_YAML = sorted([*ROOT.glob("procedures/**/*.yml"), *ROOT.glob("documents/*.yml"), *ROOT.glob("data/*.yml")])


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


# --- the files the form writes --------------------------------------------------------------------------------

@pytest.mark.parametrize("path", CONTENT_YAML, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_an_unchanged_record_is_written_back_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert patch_yaml(text, yaml.safe_load(text)) == text


def _fee(d: Any) -> None:
    d["cach_thuc"][0]["phi"][1]["so_tien"] = 9000


def _hours(d: Any) -> None:
    d["trung-tam-phvhcc"]["gio_lam_viec"]["vi"] = "Thứ Hai đến thứ Sáu: 7 giờ - 17 giờ"


def _level(d: Any) -> None:
    d["cap_thuc_hien"] = ["xa", "tinh"]


def _step(d: Any) -> None:
    d["trinh_tu"][0]["cac_buoc"][0] = "Nộp hồ sơ tại Bộ phận Một cửa."


def _memory(d: Any) -> None:
    d[1]["en"] = "Another type"


def _email(d: Any) -> None:
    d["trung-tam-phvhcc"]["email"] = "moi@khanhhoa.gov.vn"


@pytest.mark.parametrize(("rel", "edit", "changed"), [
    ("procedures/1.001193.yml", _fee, ["-        so_tien: 8000", "+        so_tien: 9000"]),
    ("data/centres.yml", _hours, ['-    vi: "Thứ Hai đến thứ Sáu: sáng 7 giờ - 11 giờ 30, chiều 13 giờ 30 - 17 giờ; sáng thứ '
                                  'Bảy: 7 giờ 30 - 11 giờ 30"', '+    vi: "Thứ Hai đến thứ Sáu: 7 giờ - 17 giờ"']),
    ("data/centres.yml", _email, ["-  email: ttphvhcc@khanhhoa.gov.vn", "+  email: moi@khanhhoa.gov.vn"]),
    ("procedures/1.001193.yml", _level, ["-cap_thuc_hien: [xa]", "+cap_thuc_hien: [xa, tinh]"]),  # flow style kept
    ("data/translations.yml", _memory, ["-  en: Other type", "+  en: Another type"]),
])
def test_a_one_field_edit_changes_that_field_only(rel: str, edit: Any, changed: list[str]) -> None:
    text = (ROOT / rel).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    edit(data)
    out = patch_yaml(text, data)
    assert changed_lines(text, out) == changed
    assert yaml.safe_load(out) == data


def test_added_removed_and_imported_style_values_keep_the_rest() -> None:
    text = (ROOT / "procedures/2.000986.yml").read_text(encoding="utf-8")  # written by the importer: lists unindented
    data = yaml.safe_load(text)
    _step(data)
    data["cach_thuc"].append({"hinh_thuc": "buu-chinh", "thoi_han": {"so": 5, "don_vi": "ngay-lam-viec"}, "phi": []})
    del data["loai_thu_tuc"]
    out = patch_yaml(text, data)
    assert yaml.safe_load(out) == data
    diff = changed_lines(text, out)
    assert "-loai_thu_tuc: TTHC không được luật giao cho địa phương quy định" in diff
    assert "+- hinh_thuc: buu-chinh" in diff  # in the file's own list style
    assert len(diff) <= 9
    # A new file is written the importer's way, its schema line first, and passes the model.
    new = canonical_yaml(data, "# yaml-language-server: $schema=../schemas/procedure.schema.json")
    assert new.startswith("# yaml-language-server:") and Procedure.model_validate(yaml.safe_load(new))


# --- the local backend ----------------------------------------------------------------------------------------

@pytest.fixture
def backend(site_copy: Path) -> LocalBackend:
    return LocalBackend(site_copy, catalogue_checker(site_copy))


@pytest.mark.parametrize("rel", ["../x.yml", "/etc/passwd", "procedures/../../x.yml", "site/index.html",
                                 "overrides/main.html", "hooks/cchc_hooks.py", "procedures/1.001193.py", ""])
def test_the_backend_reads_and_writes_content_folders_only(backend: LocalBackend, rel: str) -> None:
    with pytest.raises(Refused):
        backend.handle({"action": "getEntry", "params": {"path": rel}})
    with pytest.raises(Refused):
        backend.handle({"action": "persistEntry", "params": {"entry": {"path": rel, "raw": "a: 1\n"}, "assets": []}})


def test_the_backend_never_follows_a_link(backend: LocalBackend, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yml"
    secret.write_text("ma_thu_tuc: secret\n", encoding="utf-8")
    (backend.root / "procedures" / "9.999999.yml").symlink_to(secret)
    with pytest.raises(Refused, match="symbolic link"):
        backend.handle({"action": "getEntry", "params": {"path": "procedures/9.999999.yml"}})
    listed = backend.handle({"action": "entriesByFolder", "params": {"folder": "procedures", "extension": "yml",
                                                                     "depth": 1}})
    assert "procedures/9.999999.yml" not in [e["file"]["path"] for e in listed]
    assert len(listed) == 40


def test_a_save_is_screened_checked_and_put_back_when_wrong(backend: LocalBackend) -> None:
    path = backend.root / "procedures" / "1.001193.yml"
    before = path.read_text(encoding="utf-8")
    with pytest.raises(Refused, match="alias"):  # YAML aliases never reach a file
        backend.handle({"action": "persistEntry", "params": {"entry": {"path": "procedures/1.001193.yml",
                                                                        "raw": "a: &x 1\nb: *x\n"}, "assets": []}})
    broken = before.replace("so_tien: 8000", "so_tien: -5")
    with pytest.raises(Refused) as refused:
        backend.handle({"action": "persistEntry", "params": {"entry": {"path": "procedures/1.001193.yml",
                                                                        "raw": broken}, "assets": []}})
    assert "procedures/1.001193.yml:" in str(refused.value) and "so_tien" in str(refused.value)
    assert path.read_text(encoding="utf-8") == before  # the old file is back
    fixed = before.replace("so_tien: 8000", "so_tien: 9000")
    backend.handle({"action": "persistEntry", "params": {"entry": {"path": "procedures/1.001193.yml", "raw": fixed},
                                                         "assets": []}})
    assert changed_lines(before, path.read_text(encoding="utf-8")) == ["-        so_tien: 8000", "+        so_tien: 9000"]


# --- the configuration ----------------------------------------------------------------------------------------

def _names(fields: list[dict[str, Any]], prefix: str = "") -> set[str]:
    out = set()
    for field in fields:
        out.add(prefix + field["name"])
        if "fields" in field and field.get("widget") in ("object", "list"):
            nested = "" if {f["name"] for f in field["fields"]} == {"vi", "en"} else prefix + field["name"] + "."
            if nested:
                out |= _names(field["fields"], nested)
    return out


def _schema_names(schema: dict[str, Any], defs: dict[str, Any], prefix: str = "") -> set[str]:
    out = set()
    for name, sub in schema.get("properties", {}).items():
        out.add(prefix + name)
        refs = [v["$ref"] for v in [sub, sub.get("items", {}), *sub.get("anyOf", []),
                                    *[a.get("items", {}) for a in sub.get("anyOf", [])]] if "$ref" in v]
        for ref in refs:
            target = defs[ref.rsplit("/", 1)[-1]]
            if target.get("title") != "BilingualText":
                out |= _schema_names(target, defs, prefix + name + ".")
    return out


def test_the_form_has_every_field_of_the_models_with_choices_from_data() -> None:
    catalogue = load_catalogue(ROOT)
    config, shapes = cms_config(catalogue, "so-noi-vu/cchc-site", "https://cchc.khanhhoa.gov.vn/")
    collections = {c["name"]: c for c in config["collections"]}
    schema = Procedure.model_json_schema()
    assert _names(collections["thu-tuc"]["fields"]) == _schema_names(schema, schema["$defs"])
    fields = {f["name"]: f for f in collections["thu-tuc"]["fields"]}
    assert {f["name"] for f in fields.values() if f["required"]} == set(schema["required"])
    assert [o["value"] for o in fields["linh_vuc"]["options"]] == list(catalogue.fields)
    assert fields["linh_vuc"]["label"] == "Lĩnh vực" and fields["co_quan_thuc_hien"]["multiple"] is True
    assert [f["name"] for f in fields["ten"]["fields"]] == ["vi", "en"]  # bilingual: two inputs
    assert config["locale"] == "vi" and config["backend"] == {
        "name": "github", "repo": "so-noi-vu/cchc-site", "branch": "main", "cms_label_prefix": "noi-dung/"}
    assert config["publish_mode"] == "editorial_workflow"
    files = {f["file"] for f in collections["du-lieu"]["files"]}
    assert {f"data/{p.name}" for p in (ROOT / "data").glob("*.yml") if p.stem not in NOT_IN_FORM} == files
    assert set(NOT_IN_FORM) <= {p.stem for p in (ROOT / "data").glob("*.yml")}  # every data file has its form or a reason
    assert "ten" in shapes["cchc-thu-tuc"]["bilingual"] and "trinh_tu[].cac_buoc[]" in shapes["cchc-thu-tuc"]["bilingual"]
    assert collections["tin-tuc-vi"]["filter"] == {"field": "ngon_ngu", "value": "vi"}


def test_the_built_form_stays_out_of_search_sitemap_and_feeds(built_site: Path) -> None:
    page = (built_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page and 'data-pagefind-ignore="all"' in page
    assert "data-pagefind-body" not in page
    policy = page.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert "script-src 'self' 'unsafe-eval'" in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
    assert "https://" not in page.replace("https://avatars.githubusercontent.com", "").replace(
        "https://raw.githubusercontent.com", "").replace("https://api.github.com", "")
    for name in ("decap-cms.js", "js-yaml.min.js", "cchc-admin.js", "config.yml"):
        assert (built_site / "admin" / name).is_file()
    for other in [built_site / "sitemap.xml", *built_site.glob("**/*.xml")]:
        assert "/admin/" not in other.read_text(encoding="utf-8"), other
    assert not (built_site / "en" / "admin").exists()


# --- in the browser -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cms(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The form of the built sample site, served with the local backend over a fresh copy of its content (in git,
    to read the diffs)."""
    root = make_site_copy(tmp_path_factory.mktemp("cms") / "src")
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    server = cms_server(root, built_site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", root
    server.shutdown()


@pytest.fixture
def form(browser, cms: tuple[str, Path]) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    base, _ = cms
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.outside = []  # every request the form made outside the site
    page.on("request", lambda r: page.outside.append(r.url) if not r.url.startswith((base, "data:", "blob:")) else None)
    page.goto(base + "/admin/")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Bộ sưu tập").wait_for()
    yield page
    assert page.outside == []  # the form makes no request outside the site
    context.close()


def _publish(page: Any) -> None:
    page.get_by_role("button", name="Công bố").click()
    page.get_by_role("menuitem", name="Công bố ngay").click()


def _diff(root: Path, rel: str) -> list[str]:
    out = subprocess.run(["git", "diff", "-U0", "--", rel], cwd=root, capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def _wait_for_diff(root: Path, rel: str, page: Any) -> list[str]:
    for _ in range(100):
        diff = _diff(root, rel)
        if diff:
            return diff
        page.wait_for_timeout(100)
    raise AssertionError(f"{rel} was not saved")


@pytest.mark.browser
def test_an_editor_changes_a_fee_and_the_diff_is_that_line(form: Any, cms: tuple[str, Path]) -> None:
    base, root = cms
    form.goto(base + "/admin/#/collections/thu-tuc/entries/1.001193")
    fee = form.get_by_label("Số tiền").nth(1)
    assert fee.input_value() == "8000"
    fee.fill("9000")
    _publish(form)
    assert _wait_for_diff(root, "procedures/1.001193.yml", form) == ["-        so_tien: 8000", "+        so_tien: 9000"]
    assert load_catalogue(root).procedures["1.001193"].cach_thuc[0].phi[1].so_tien == 9000  # passes make check


@pytest.mark.browser
def test_an_editor_changes_a_centres_hours(form: Any, cms: tuple[str, Path]) -> None:
    base, root = cms
    form.goto(base + "/admin/#/collections/du-lieu/entries/data-centres")
    centre = form.get_by_text("trung-tam-phvhcc", exact=True).first  # the list shows each centre by its id
    centre.locator("xpath=preceding-sibling::div[1]//button").first.click()  # the item's expand button
    form.get_by_text("Giờ làm việc", exact=True).first.wait_for()
    inputs = form.locator("textarea:visible, input[type=text]:visible")
    found = [i for i in range(inputs.count()) if inputs.nth(i).input_value().startswith("Thứ Hai đến thứ Sáu: sáng 7")]
    assert found, "the centre's hours are in the form"
    inputs.nth(found[0]).fill("Thứ Hai đến thứ Sáu: 7 giờ - 17 giờ")
    _publish(form)
    assert _wait_for_diff(root, "data/centres.yml", form) == [
        '-    vi: "Thứ Hai đến thứ Sáu: sáng 7 giờ - 11 giờ 30, chiều 13 giờ 30 - 17 giờ; sáng thứ Bảy: 7 giờ 30 - 11 giờ 30"',
        '+    vi: "Thứ Hai đến thứ Sáu: 7 giờ - 17 giờ"']
    assert load_catalogue(root).portal.centres["trung-tam-phvhcc"].gio_lam_viec.vi.startswith(  # type: ignore[union-attr]
        "Thứ Hai đến thứ Sáu: 7 giờ")


@pytest.mark.browser
def test_an_editor_writes_a_news_story(form: Any, cms: tuple[str, Path]) -> None:
    base, root = cms
    form.goto(base + "/admin/#/collections/tin-tuc-vi/new")
    form.get_by_label("Tiêu đề").fill("Khánh Hòa mở rộng tiếp nhận hồ sơ trực tuyến")
    form.get_by_label("Khóa").fill("mo-rong-tiep-nhan-truc-tuyen")
    form.get_by_label("Ngày đăng").fill(dt.datetime.now().strftime("%Y-%m-%dT08:30"))
    form.get_by_label("Chuyên mục").click()
    form.get_by_text("(tin-chung)", exact=False).first.click()
    form.get_by_label("Sapo").fill("Từ tháng này, người dân nộp hồ sơ trực tuyến cho thêm nhiều thủ tục.")
    form.get_by_label("Nguồn").fill("Sở Nội vụ")
    form.locator("[data-slate-editor]").click()
    form.keyboard.type("Trung tâm Phục vụ hành chính công hướng dẫn người dân tại quầy.")
    _publish(form)
    year = dt.datetime.now().year
    path = root / "docs" / "tin-tuc" / str(year) / "mo-rong-tiep-nhan-truc-tuyen.md"
    for _ in range(100):
        if path.exists():
            break
        form.wait_for_timeout(100)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ntieu_de: Khánh Hòa mở rộng tiếp nhận hồ sơ trực tuyến\n")
    assert "ngon_ngu" not in text and "chuyen_muc: tin-chung" in text
    assert text.rstrip().endswith("Trung tâm Phục vụ hành chính công hướng dẫn người dân tại quầy.")
    story = load_catalogue(root).story("vi", "mo-rong-tiep-nhan-truc-tuyen")  # passes make check
    assert story is not None and story.item.nguon == "Sở Nội vụ"


@pytest.mark.browser
def test_a_required_field_left_empty_is_refused_in_the_form(form: Any, cms: tuple[str, Path]) -> None:
    base, root = cms
    form.goto(base + "/admin/#/collections/tin-tuc-vi/new")
    form.get_by_label("Khóa").fill("tin-thieu-tieu-de")
    form.get_by_role("button", name="Công bố").click()
    form.get_by_role("menuitem", name="Công bố ngay").click()
    form.get_by_text("thông tin bắt buộc", exact=False).first.wait_for()
    assert not list(root.glob("docs/tin-tuc/*/tin-thieu-tieu-de*"))


def test_shapes_are_valid_json_for_the_page(built_site: Path) -> None:
    text = (built_site / "admin" / "cchc-admin-shapes.js").read_text(encoding="utf-8")
    settings = json.loads(text.split("window.CCHC_ADMIN = ", 1)[1].rstrip().rstrip(";"))
    assert settings["stylesheet"] == "/assets/stylesheets/cchc.css"
    assert (built_site / settings["stylesheet"].lstrip("/")).is_file()  # the preview pane's stylesheet exists
    assert settings["shapes"]["data:fields"]["kind"] == "map"


def test_the_forms_commits_on_github_are_restored_to_the_files_own_form(site_copy: Path) -> None:
    """On GitHub the form writes a file its own way (its key order, no comments); restore_format.py, which
    cms-format.yml runs on the form's branches, puts each changed value back into the file of the base branch."""
    from restore_format import main as restore

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.email=t@t", "-c", "user.name=t", *args], cwd=site_copy, check=True,
                       capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "base")
    git("checkout", "-q", "-b", "cms/thu-tuc/1.001193")
    centres = site_copy / "data/centres.yml"
    before = centres.read_text(encoding="utf-8")
    data = yaml.safe_load(before)
    _hours(data)
    centres.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True), encoding="utf-8")  # as a form would
    story = site_copy / "docs/tin-tuc/2026/mo-rong.md"
    story.write_text("---\nkhoa: mo-rong\ntieu_de: Tin mới\nngay_dang: 2026-03-02T08:00:00+07:00\nchuyen_muc: tin-chung\n"
                     "sapo: Một câu.\nnguon: Sở Nội vụ\n---\n\nNội dung.\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-qm", "form")
    assert restore(["--base", "main", "--root", str(site_copy), "--check"]) == 1
    assert restore(["--base", "main", "--root", str(site_copy)]) == 0
    assert changed_lines(before, centres.read_text(encoding="utf-8")) == [
        '-    vi: "Thứ Hai đến thứ Sáu: sáng 7 giờ - 11 giờ 30, chiều 13 giờ 30 - 17 giờ; sáng thứ Bảy: 7 giờ 30 - 11 giờ 30"',
        '+    vi: "Thứ Hai đến thứ Sáu: 7 giờ - 17 giờ"']
    assert story.read_text(encoding="utf-8").startswith("---\nkhoa: mo-rong\n")  # a new story is kept as written
    assert restore(["--base", "main", "--root", str(site_copy), "--check"]) == 0


def test_make_edit_serves_the_form_and_the_preview_over_the_working_copy(site_copy: Path, tmp_path: Path) -> None:
    """scripts/edit.py (make edit): the preview's first build writes the form, then the form's server answers at
    /admin/ with its local backend at /api/v1 over the same folder, beside the live preview."""
    import socket
    import sys
    import time
    import urllib.error
    import urllib.request

    def free_port() -> int:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return int(sock.getsockname()[1])

    form_port, preview_port = free_port(), free_port()
    log = tmp_path / "edit.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "edit.py"), "--root", str(site_copy),
                                   "--port", str(form_port), "--preview-port", str(preview_port)],
                                  stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{form_port}"
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(base + "/admin/", timeout=5) as response:
                    assert b"decap-cms.js" in response.read()
                break
            except OSError:
                assert time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
                time.sleep(0.5)
        request = urllib.request.Request(base + "/api/v1", data=json.dumps({
            "action": "getEntry", "params": {"path": "procedures/1.001193.yml"}}).encode(),
            headers={"Content-Type": "application/json", "Origin": base})
        with urllib.request.urlopen(request, timeout=10) as response:
            entry = json.loads(response.read())
        assert entry["data"] == (site_copy / "procedures/1.001193.yml").read_text(encoding="utf-8")
        hostile = urllib.request.Request(base + "/api/v1", data=b"{}", headers={"Origin": "https://example.org"})
        with pytest.raises(urllib.error.HTTPError) as refused:  # another site's page may not write here
            urllib.request.urlopen(hostile, timeout=10)
        assert refused.value.code == 403
        with urllib.request.urlopen(f"http://127.0.0.1:{preview_port}/thu-tuc/", timeout=10) as response:
            assert response.status == 200  # the live preview beside it
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
