"""Generate the reference site deterministically: N procedures and M news stories per language.

Records are the sample's own (real national-portal procedures, our news), copied with new codes, keys and
dates and a place name in the title, so every page has the shape and length of a real one.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# Communes and wards of Khánh Hòa used to tell copies apart (real place names; any list would do).
PLACES = [
    "Nha Trang", "Bắc Nha Trang", "Tây Nha Trang", "Nam Nha Trang", "Cam Ranh", "Ba Ngòi", "Cam Linh",
    "Ninh Hòa", "Đông Ninh Hòa", "Hòa Thắng", "Vạn Ninh", "Đại Lãnh", "Tu Bông", "Vạn Thắng", "Diên Khánh",
    "Diên Điền", "Diên Lâm", "Suối Hiệp", "Khánh Vĩnh", "Khánh Sơn", "Cam Lâm", "Suối Dầu", "Cam Hiệp",
    "Trường Sa", "Phan Rang", "Đô Vinh", "Bảo An", "Ninh Sơn", "Ninh Hải", "Thuận Bắc", "Ninh Phước",
    "Thuận Nam", "Bác Ái", "Cà Ná", "Phước Hậu", "Xuân Hải", "Vĩnh Hải", "Lương Sơn", "Tân Định",
]


def copy_site(dest: Path) -> Path:
    """A site folder with its own content (safe to change) and the repository's hooks, templates and configs."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / name, dest / name)
    (dest / "hooks").symlink_to(ROOT / "hooks")  # code, not content
    shutil.copytree(ROOT / "overrides", dest / "overrides")  # content folders hold no links (cchc.content.inventory)
    for name in ("data", "procedures", "documents", "docs"):
        shutil.copytree(ROOT / name, dest / name)
    return dest


def _clone_procedures(dest: Path, count: int, rng: random.Random) -> None:
    sources = sorted((ROOT / "procedures").glob("*.yml"))
    records = [yaml.load(src.read_text(encoding="utf-8"), Loader=_Loader) for src in sources]
    for i in range(max(0, count - len(sources))):
        record = dict(records[i % len(records)])
        place = PLACES[rng.randrange(len(PLACES))]
        record["ma_thu_tuc"] = f"9.{i:06d}"
        record.pop("ma_dia_phuong", None)
        name = record["ten"]
        if isinstance(name, str):
            record["ten"] = f"{name} tại {place}"
        else:
            record["ten"] = {**name, "vi": f"{name['vi']} tại {place}"}
            if "en" in name:
                record["ten"]["en"] = f"{name['en']} in {place}"
        text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=120)
        (dest / "procedures" / f"{record['ma_thu_tuc']}.yml").write_text(text, encoding="utf-8")


class _Loader(yaml.SafeLoader):
    """Dates stay text, as the site's own loader keeps them."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _clone_news(dest: Path, per_language: int, rng: random.Random) -> None:
    news = dest / "docs" / "tin-tuc"
    sources = sorted(news.glob("*/*.md"))
    by_lang = {"vi": [p for p in sources if not p.name.endswith(".en.md")],
               "en": [p for p in sources if p.name.endswith(".en.md")]}
    for lang, files in by_lang.items():
        for i in range(max(0, per_language - len(files))):
            src = files[i % len(files)]
            year = 2020 + i % 6  # up to 2025: never ahead of the build date
            month, day, hour = 1 + rng.randrange(12), 1 + rng.randrange(28), 7 + rng.randrange(10)
            place = PLACES[rng.randrange(len(PLACES))]
            text = src.read_text(encoding="utf-8")
            text = re.sub(r"^khoa: .*$", f"khoa: ban-sao-{i:05d}", text, count=1, flags=re.M)
            text = re.sub(r"^ngay_dang: .*$", f"ngay_dang: {year}-{month:02d}-{day:02d}T{hour:02d}:00:00+07:00", text,
                          count=1, flags=re.M)
            text = re.sub(r"^ngay_cap_nhat: .*\n", "", text, count=1, flags=re.M)
            text = re.sub(r'^(tieu_de: ".*)"$', rf'\1 ({place})"', text, count=1, flags=re.M)
            name = f"ban-sao-{i:05d}" + (".en.md" if lang == "en" else ".md")
            (news / str(year)).mkdir(exist_ok=True)
            (news / str(year) / name).write_text(text, encoding="utf-8")


def generate(dest: Path, procedures: int = 2000, news: int = 3000, seed: int = 2026) -> Path:
    """A site folder at ``dest`` with ``procedures`` procedures and ``news`` stories in each language."""
    rng = random.Random(seed)
    copy_site(dest)
    _clone_procedures(dest, procedures, rng)
    _clone_news(dest, news, rng)
    return dest
