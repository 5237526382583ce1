"""Province-scale benchmark: our build against a plain Material build of the same pages, and what a reader and
an editor wait for. Budgets are DESIGN.md §4; ``run`` returns the figures and whether each budget was met.

Every build runs in its own process tree (as `make build` does), alternating ours and plain Material, the sizes in
turn within each round; memory is the peak of the whole tree's proportional set size, sampled from /proc.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .generate import ROOT, generate

PYTHON = sys.executable
BUDGET_RATIO = 0.8
BUDGET_BUILD_S = 45.0
BUDGET_GROWTH = 0.20
BUDGET_MEMORY_MB = 1024.0
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
BUDGET_PAGE_KB = 120.0
BUDGET_SEARCH_KB = 300.0
BUDGET_SEARCH_MS = 1000.0
BUDGET_EDIT_S = 3.0
STORIES_PER_PROCEDURE = 1.5  # the reference site: 2,000 procedures and 3,000 stories per language


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float  # proportional set size, summed over the process tree
    peak_rss_mb: float = 0.0  # resident size, summed (shared pages counted once per process)


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    budget: str = ""
    ok: bool | None = None  # None: reported, no budget


@dataclass
class Results:
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, name: str, value: float, unit: str, budget: str = "", ok: bool | None = None) -> None:
        self.figures.append(Figure(name, value, unit, budget, ok))

    @property
    def failed(self) -> list[Figure]:
        return [f for f in self.figures if f.ok is False]


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])  # the name in parentheses may hold spaces
        children.setdefault(ppid, []).append(int(entry))
    out, stack = [], [pid]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(children.get(current, []))
    return out


def _rss_kb(pids: list[int]) -> int:
    """Resident sizes, summed (cheap: /proc/PID/statm)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
                total += int(fh.read().split()[1]) * PAGE_KB
        except (OSError, IndexError):
            pass
    return total


def _pss_kb(pids: list[int]) -> int:
    """Proportional set sizes, summed (/proc/PID/smaps_rollup: the kernel walks the whole address space, so this
    is sampled less often)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as fh:
                total += next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
        except OSError:
            pass
    return total


def measured(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` to completion: wall time, CPU time of it and its children, peak memory of the tree."""
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    peak = peak_rss = 0
    stop = threading.Event()

    # The budget is read on the proportional set size (PSS): each process counts its private pages and its share
    # of the pages it shares, so the sum is the memory the tree really holds. Summed resident sizes count a
    # shared page once per process mapping it (the Chromium that prints the leaflet is a dozen processes sharing
    # one binary); they are reported beside it.
    def sample() -> None:
        nonlocal peak, peak_rss
        tick = 0
        while not stop.is_set():
            pids = _tree(proc.pid)
            rss = _rss_kb(pids)
            if tick % 10 == 0:  # every half second
                peak = max(peak, _pss_kb(pids))
            peak_rss = max(peak_rss, rss)
            tick += 1
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    stop.set()
    sampler.join()
    wall = time.perf_counter() - start
    after = os.times()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err[-3000:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return Run(wall, cpu, peak / 1024, peak_rss / 1024)


# --- the plain Material site: the same pages' Markdown, no hooks -------------------------------------------------

PLAIN_CONFIG = """site_name: Plain Material
site_url: https://example.invalid/{prefix}
docs_dir: docs
site_dir: site
theme:
  name: material
  language: {lang}
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.tasklist:
      custom_checkbox: true
nav:
  - index.md
validation:
  nav:
    omitted_files: ignore
  links:
    not_found: ignore
    unrecognized_links: ignore
    anchors: ignore
"""


def plain_material_site(source: Path, dest: Path) -> int:
    """Write, per language, a plain Material project whose pages are the Markdown our build generates for the
    reference site (procedures, lists, news, documents): same number of pages, same text. Returns pages/lang."""
    sys.path.insert(0, str(ROOT / "src"))
    from cchc.content.catalogue import load_catalogue
    from cchc.i18n import LANGUAGES
    from cchc.site.documents import plan_document_pages
    from cchc.site.news import plan_news_pages
    from cchc.site.portal import plan_portal_pages
    from cchc.site.procedures import plan_procedure_pages

    catalogue = load_catalogue(source)
    count = 0
    for lang in LANGUAGES:
        docs = dest / lang / "docs"
        specs = plan_procedure_pages(catalogue, lang) + plan_news_pages(catalogue, lang)
        specs += plan_document_pages(catalogue, lang) + plan_portal_pages(catalogue, lang)
        for spec in specs:
            path = docs / spec.src_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_as_markdown(spec), encoding="utf-8")
        if not (docs / "index.md").exists():
            (docs / "index.md").write_text("# Plain Material\n", encoding="utf-8")
        prefix = "" if lang == "vi" else "en/"
        (dest / lang / "mkdocs.yml").write_text(PLAIN_CONFIG.format(lang=lang, prefix=prefix), encoding="utf-8")
        count = max(count, len(specs))
    return count


def _as_markdown(spec: Any) -> str:
    """The page as a Markdown file for plain Material. Pages our build writes as HTML (cchc.site.htmlout) go in as
    that HTML, which Markdown passes through, with a story's own Markdown between its parts: the same text, at
    less cost to plain Material than the Markdown those pages had before (so the ratio errs against us)."""
    if spec.html is None:
        return str(spec.markdown)
    from cchc.site.htmlout import MARKDOWN_SLOT

    before, _, after = spec.html.partition(MARKDOWN_SLOT)
    return f"{before}\n\n{spec.markdown}\n\n{after}\n" if spec.markdown else spec.html + "\n"


def build_ours(site: Path) -> Run:
    return measured([PYTHON, str(ROOT / "scripts/build_site.py"), "--root", str(site), "--site-dir",
                     str(site / "site")], ROOT, {"NO_MKDOCS_2_WARNING": "1"})


def build_plain(plain: Path) -> Run:
    """Both languages one after the other, as a plain Material project would be built."""
    script = ("import sys, subprocess\n"
              f"for lang in ('vi', 'en'):\n"
              f"    subprocess.run([{PYTHON!r}, '-m', 'mkdocs', 'build', '-q', '-f', "
              f"{str(plain)!r} + '/' + lang + '/mkdocs.yml'], check=True)\n")
    return measured([PYTHON, "-c", script], plain, {"NO_MKDOCS_2_WARNING": "1"})


def html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if p.name != "404.html"]


# --- what readers and editors wait for ---------------------------------------------------------------------------

def first_visit_kb(site: Path, page: str, browser: Any) -> tuple[float, list[str]]:
    """Everything a first visit to ``page`` transfers, gzip as a web server sends it, fonts included; and the
    requests that left the site."""
    from .search import serve

    with serve(site) as base:
        context = browser.new_context()
        tab = context.new_page()
        done: list[Any] = []
        outside: list[str] = []
        context.on("requestfinished", lambda r: done.append(r))
        context.on("request", lambda r: outside.append(r.url) if not r.url.startswith((base, "data:")) else None)
        tab.goto(base + page, wait_until="networkidle")
        tab.evaluate("() => document.fonts.ready.then(() => true)")
        tab.wait_for_timeout(300)
        total = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in done)
        context.close()
    return total / 1024, outside


def edit_to_visible_s(site: Path, page: str, record: Path, browser: Any, timeout: float = 600) -> float:
    """Start `make serve`'s server on ``site``, open ``page``, change a fee in ``record`` and time until the
    browser shows it (live reload)."""
    port = 8700 + os.getpid() % 200
    server = subprocess.Popen([PYTHON, str(ROOT / "scripts/serve.py"), "--root", str(site), "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        url = f"http://127.0.0.1:{port}/{page}"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local server
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(1)
        tab = browser.new_page()
        tab.goto(url, wait_until="load")
        time.sleep(2)  # let the server settle into watching
        text = record.read_text(encoding="utf-8")
        marker = "so_tien: 8000"
        new = text.replace(marker, "so_tien: 9876", 1) if marker in text else text.replace(
            "so: 1,", "so: 2,", 1)
        start = time.monotonic()
        record.write_text(new, encoding="utf-8")
        while True:  # the page reloads twice (the fast step, then the full rebuild): retry across a navigation
            try:
                tab.wait_for_function("() => !!document.body && document.body.innerText.includes('9.876')",
                                      timeout=timeout * 1000)
                break
            except Exception:
                if time.monotonic() - start > timeout:
                    raise
                time.sleep(0.05)
        elapsed = time.monotonic() - start
        tab.close()
        record.write_text(text, encoding="utf-8")
        return elapsed
    finally:
        server.terminate()
        server.wait(timeout=30)


# --- the run -----------------------------------------------------------------------------------------------------

def reference_site(work: Path, procedures: int) -> Path:
    return generate(work / f"site-{procedures}", procedures, int(procedures * STORIES_PER_PROCEDURE))


def run(sizes: list[int], runs: int, work: Path, reference: int = 2000, reader: bool = True,
        editor: bool = True) -> Results:
    """Build every size ``runs`` times alternating with plain Material; the reader and editor figures on the
    reference size (or the largest size below it)."""
    from .search import chromium, measure

    res = Results()
    per_page: dict[int, float] = {}
    per_page_first: dict[int, float] = {}  # the first build of each size: nothing kept from an earlier build
    ref = max((s for s in sizes if s <= reference), default=sizes[0])
    ref_site = None
    sites = {size: reference_site(work, size) for size in sizes}
    plains = {size: work / f"plain-{size}" for size in sizes}
    pages_of = {size: plain_material_site(sites[size], plains[size]) for size in sizes}
    ours_of: dict[int, list[Run]] = {size: [] for size in sizes}
    plain_of: dict[int, list[Run]] = {size: [] for size in sizes}
    # Round after round over every size, not every run of one size and then the next: this machine's speed drifts
    # by tens of percent within half an hour (benchmarks/RESULTS.md), and builds of one size bunched together
    # would turn that drift into a difference between sizes, which is what the growth figure compares.
    for _ in range(runs):
        for size in sizes:
            ours_of[size].append(build_ours(sites[size]))
            plain_of[size].append(build_plain(plains[size]))
    for size in sizes:
        site, plain, ours_runs, plain_runs = sites[size], plains[size], ours_of[size], plain_of[size]
        wall = statistics.median(r.wall for r in ours_runs)
        plain_wall = statistics.median(r.wall for r in plain_runs)
        built = len(html_pages(site / "site"))
        per_page[size] = wall / built * 1000
        per_page_first[size] = ours_runs[0].wall / built * 1000
        label = f"{size} procedures"
        res.add(f"build wall, ours ({label}, {built} pages)", wall, "s",
                f"≤ {BUDGET_BUILD_S:g} s" if size == ref else "", wall <= BUDGET_BUILD_S if size == ref else None)
        # A rebuild reuses the leaflet PDFs when nothing they were printed from changed (cchc.output.pdf.PdfCache), as
        # `make build` and the publish workflow do; the first build of a fresh site prints them.
        res.add(f"build wall, ours, first build: leaflet PDFs printed ({label})", ours_runs[0].wall, "s")
        res.add(f"build wall, plain Material ({label}, {pages_of[size]} pages × 2 languages)", plain_wall, "s")
        ratio = wall / plain_wall
        res.add(f"ratio ours / plain Material ({label})", ratio, "×", f"≤ {BUDGET_RATIO}",
                ratio <= BUDGET_RATIO if size == ref else None)
        res.add(f"build CPU, ours ({label})", statistics.median(r.cpu for r in ours_runs), "s")
        res.add(f"build CPU, plain Material ({label})", statistics.median(r.cpu for r in plain_runs), "s")
        peak = max(r.peak_mb for r in ours_runs)
        # Budgets hold at the reference size (DESIGN.md §4); the other sizes show how the figures grow.
        res.add(f"peak memory, all build processes ({label})", peak, "MB",
                f"≤ {BUDGET_MEMORY_MB:g} MB" if size == ref else "", peak <= BUDGET_MEMORY_MB if size == ref else None)
        res.add(f"peak memory, summed resident sizes ({label})", max(r.peak_rss_mb for r in ours_runs), "MB")
        res.add(f"build cost per page ({label})", per_page[size], "ms")
        sizes_html = [p.stat().st_size for p in html_pages(site / "site")]
        res.add(f"HTML bytes per page ({label})", statistics.mean(sizes_html) / 1024, "KB")
        res.add(f"HTML bytes per page, gzip ({label})",
                statistics.mean(len(gzip.compress(p.read_bytes(), 6)) for p in html_pages(site / "site")[:300])
                / 1024, "KB")
        if size == ref:
            ref_site = site
        else:
            shutil.rmtree(plain, ignore_errors=True)
    if len(per_page) > 1:
        spread = _spread(per_page.values())
        res.add(f"growth: cost per page spread, {min(per_page)} to {max(per_page)} procedures", spread * 100, "%",
                f"≤ {BUDGET_GROWTH * 100:g} %", spread <= BUDGET_GROWTH)
        res.add(f"growth, first builds only (leaflet PDFs printed, one build per size), {min(per_page_first)} to "
                f"{max(per_page_first)} procedures", _spread(per_page_first.values()) * 100, "%")
    assert ref_site is not None
    if reader or editor:
        procedure = next(p for p in sorted((ref_site / "site/thu-tuc").glob("*-1.001193/index.html")))
        page = procedure.parent.relative_to(ref_site / "site").as_posix() + "/"
        with chromium() as browser:
            if reader:
                kb, outside = first_visit_kb(ref_site / "site", page, browser)
                res.add("procedure page, first visit, every transfer (gzip, fonts included)", kb, "KB",
                        f"≤ {BUDGET_PAGE_KB:g} KB", kb <= BUDGET_PAGE_KB)
                res.add("procedure page, requests outside the site", len(outside), "", "0", not outside)
                search = measure(ref_site / "site", runs=max(1, runs), browser=browser)["worst"]
                # The budget is on what the search transfers (engine, index chunks, fragments), the figure DESIGN.md
                # compares with Material's single index; the page's own HTML, CSS, JS and fonts are common to every
                # page of the site and reported beside it (benchmarks/SEARCH.md).
                res.add("search: transferred for the search before the first result (worst query, gzip)",
                        search["kb_search"], "KB", f"≤ {BUDGET_SEARCH_KB:g} KB", search["kb_search"] <= BUDGET_SEARCH_KB)
                res.add("search: the same with the search page itself (HTML, CSS, JS, fonts), cold cache",
                        search["kb_total"], "KB")
                res.add("search: first result at 4× CPU slowdown (worst query)", search["first_result_ms"], "ms",
                        f"≤ {BUDGET_SEARCH_MS:g} ms", search["first_result_ms"] <= BUDGET_SEARCH_MS)
            if editor:
                seconds = edit_to_visible_s(ref_site, page, ref_site / "procedures/1.001193.yml", browser)
                res.add("one procedure edit visible under make serve", seconds, "s", f"≤ {BUDGET_EDIT_S:g} s",
                        seconds <= BUDGET_EDIT_S)
    return res


def _spread(costs: Iterable[float]) -> float:
    """How far the dearest cost per page is above the cheapest, as a fraction of the cheapest."""
    low, high = min(costs := list(costs)), max(costs)
    return (high - low) / low


def machine() -> str:
    cpus = os.cpu_count()
    mem = ""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            mem = f", {int(fh.readline().split()[1]) / 1024 / 1024:.1f} GB RAM"
    except OSError:
        pass
    return f"{platform.machine()}, {cpus} CPU cores{mem}, Python {platform.python_version()}, {platform.platform()}"


def commit() -> str:
    out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                         check=False)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True, text=True,
                           check=False).stdout.strip()
    return (out.stdout.strip() or "unknown") + (" (with uncommitted changes)" if dirty else "")


def report(res: Results, sizes: list[int], runs: int) -> str:
    def fmt(value: float) -> str:
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}"

    lines = [
        f"Run on {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, commit {commit()}.",
        f"Machine: {machine()}.",
        f"Sizes: {', '.join(str(s) for s in sizes)} procedures (× {STORIES_PER_PROCEDURE:g} news stories), "
        f"both languages; {runs} build(s) of each, ours and plain Material alternating, the sizes in turn within "
        "each round; medians.",
        "",
        "| figure | value | budget | met |",
        "|---|---:|---|---|",
    ]
    for f in res.figures:
        met = "" if f.ok is None else ("yes" if f.ok else "**no**")
        lines.append(f"| {f.name} | {fmt(f.value)} {f.unit} | {f.budget} | {met} |")
    lines += ["", *res.notes]
    return "\n".join(lines).rstrip() + "\n"


def workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="cchc-bench-"))
