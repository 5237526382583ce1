// cchc-search.js: the search page (tim-kiem/), on Pagefind, and the procedure finder (thu-tuc/tim-thu-tuc/),
// on the finder's own data file (thu-tuc.json: every procedure with its field, level, agency, audience and
// online level, in dictionary order). The header box's suggestions (cchc-suggest.js) import it when the reader
// first uses the box and rank with the same findRanked.
//
// Pagefind loads only the index chunks a query needs. It matches Vietnamese marks loosely by itself except
// the letter đ, so the query's đ is folded to d here, matching the hidden accent-free đ-words every page
// carries (src/cchc/site/index_markup.py), and spellings with y are searched in their i form. A query holding
// citizens' own words (data/synonyms.yml, read from dong-nghia.json) is also searched with the official terms.
// Pagefind's top results are then re-ranked: a procedure code finds its
// procedure, exact accented matches come before folded ones, procedure pages before news.
// Results show each page's own title and summary, never the folded text.

const PAGE = 10; // results shown at a time
const LOOKAHEAD = 12; // results re-ranked per query (each costs a small download)
// Words in almost every procedure's name ("thủ tục hành chính"): searched only when the query has nothing else.
// Each query word costs Pagefind one index chunk; these rank nothing, yet cost the most.
const GENERIC = new Set(["thu", "tuc", "hanh", "chinh"]);
const CODE = /^\d+(?:\.[0-9a-z]+)+$/i;
const KIND_BONUS = { procedure: 25, document: 8, list: 5, page: 5, news: 0 };

const lower = (text) => text.normalize("NFC").toLocaleLowerCase("vi");
// Marks folded, đ -> d: the spelling as typed, without marks.
const plainFold = (text) =>
  lower(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
// Both spellings accepted (kí/ký, lí/lý, qui/quy, mĩ/mỹ) -> the i form, as the index carries it
// (src/cchc/site/index_markup.py, fold_variants).
const VARIANT = /(?<![a-z0-9])(qu|[bdhklmnrstvx])y(?![a-z0-9])/g;
export const fold = (text) => plainFold(text).replace(VARIANT, "$1i");
const FOLDED_MARK = "\u2042"; // begins a page's index-only text (index_markup.FOLDED_MARK)
// A page's own text, without the folded words meant for the index only.
const ownText = (text) => (text || "").split(FOLDED_MARK)[0].trim();
const words = (text) =>
  text.split(/[^\p{L}\p{N}.]+/u).map((w) => w.replace(/^\.+|\.+$/g, "")).filter(Boolean);

// A count's sentence: the form for exactly one ("1 result") or the other ("2 results").
const counted = (strings, key, n) => (n === 1 ? strings[key + "_one"] : strings[key]);

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => (key in values ? String(values[key]) : ""));
}

// The search engine of a Pagefind bundle (pagefind.js), loaded once per page whoever asks first: the search page,
// the finder or the header box's suggestions (cchc-suggest.js).
const engines = new Map();
export function openEngine(bundleUrl) {
  const bundle = new URL(bundleUrl, window.location.href);
  if (!engines.has(bundle.href)) {
    engines.set(bundle.href, (async () => {
      const pagefind = await import(bundle.href);
      // Pagefind returns paths from the root of the folder it indexed: this language's build.
      await pagefind.options({ baseUrl: new URL("..", bundle).pathname });
      pagefind.init(); // fetch the engine and the page list now, while the reader is still typing
      return pagefind;
    })());
  }
  return engines.get(bundle.href);
}

const loadEngine = (root) => openEngine(root.dataset.pagefind);

export function score(query, data, position) {
  const q = lower(query.trim());
  const title = lower(data.meta.title || "");
  const text = lower(data.content || "");
  let s = LOOKAHEAD - position; // Pagefind's own order
  if (CODE.test(q)) {
    const code = (data.meta.code || "").toLowerCase();
    if (code && (q === code || q.startsWith(code + "."))) s += 1000;
    return s + (KIND_BONUS[data.meta.kind || "page"] ?? 5);
  }
  const qWords = words(q);
  if (!qWords.length) return s;
  const titleWords = new Set(words(title));
  const folded = new Set([...titleWords].map(fold));
  const coverage = qWords.map(fold).filter((w) => folded.has(w)).length / qWords.length;
  s += 30 * coverage;
  // A procedure about the query comes before news that merely mentions it; one that only mentions it does not.
  if (coverage >= 0.5) s += KIND_BONUS[data.meta.kind || "page"] ?? 5;
  if (fold(title).includes(fold(q))) s += 12;
  if (plainFold(title).includes(plainFold(q))) s += 4; // the spelling as typed comes before its variant
  if (q !== fold(q)) {
    // The reader typed marks: pages with exactly those words rank above pages that only match folded.
    const textWords = new Set(words(text));
    s += (40 * qWords.filter((w) => titleWords.has(w)).length) / qWords.length;
    s += (15 * qWords.filter((w) => textWords.has(w)).length) / qWords.length;
    if (title.includes(q)) s += 20;
  }
  return s;
}

// The words sent to Pagefind: đ folded, generic words left out when others remain (ranking still uses them).
export function searchedWords(query) {
  const all = query.replace(/[đĐ]/g, "d").split(/\s+/).filter(Boolean)
    .map((w) => (fold(w) !== plainFold(w) ? fold(w) : w)); // "ký" -> "ki", as the index carries it
  const specific = all.filter((w) => !GENERIC.has(fold(w)));
  return (specific.length ? specific : all).join(" ");
}

// Pagefind sometimes answers an unknown word with a near one ("xyzzy" -> "x"): keep a result only when
// every word of the query begins a word of its text, compared without marks (so "khai si" still finds "sinh").
export function relevant(query, data) {
  const q = words(fold(query));
  if (!q.length || CODE.test(query.trim())) return true;
  const text = new Set(words(fold(`${data.meta.title || ""} ${data.content || ""}`)));
  return q.every((w) => [...text].some((t) => t.startsWith(w)));
}

// The other queries a citizen's words stand for: each phrase of the synonyms found in the query (whole words,
// compared folded) replaced by its official term, filler words left out. Longest phrases first.
export function alternatives(query, synonyms) {
  if (!synonyms || CODE.test(query.trim())) return [];
  const q = ` ${words(fold(query)).join(" ")} `;
  const pairs = synonyms.pairs
    .map(([phrase, term]) => [` ${words(fold(phrase)).join(" ")} `, term])
    .sort((a, b) => b[0].length - a[0].length);
  const fillers = new Set(synonyms.fillers.map((f) => words(fold(f)).join(" ")));
  const dropFillers = (text) => {
    let out = ` ${text} `;
    for (const f of [...fillers].sort((a, b) => b.length - a.length)) out = out.split(` ${f} `).join(" ");
    return words(out).join(" ");
  };
  const seen = new Set();
  const out = [];
  for (const [phrase, term] of pairs) {
    if (!q.includes(phrase)) continue;
    const rest = dropFillers(q.replace(phrase, " "));
    // With the rest of the query, and alone (the rest may be words no procedure's name holds: "cho con").
    for (const alt of [`${term} ${rest}`.trim(), term]) {
      if (!seen.has(alt)) out.push(alt);
      seen.add(alt);
    }
    if (out.length >= 3) break;
  }
  const stripped = dropFillers(q);
  if (!out.length && stripped && stripped !== words(q).join(" ")) out.push(stripped);
  return out;
}

// A result's second line (its kind, and a procedure's field, level, code and status) and its summary.
export function describe(data, strings) {
  const meta = data.meta;
  const kind = meta.kind || "page";
  const parts = [strings["kind_" + kind] || strings.kind_page];
  let summary = meta.summary || "";
  if (kind === "procedure") {
    if (meta.field) parts.push(`${strings.field}: ${meta.field}`);
    if (meta.level) parts.push(`${strings.level}: ${meta.level}`);
    if (meta.code) parts.push(meta.code);
    if (meta.status) parts.push(meta.status);
  } else if (kind === "news") {
    if (meta.date) parts.push(meta.date);
    if (meta.category) parts.push(meta.category);
  } else if (kind === "document") {
    if (meta.status) parts.push(meta.status);
  } else {
    const text = ownText(data.content);
    summary = text.slice(0, 160).trim();
    if (text.length > 160) summary += "…";
  }
  return { line: parts.join(" · "), summary };
}

function renderItem(data, strings) {
  const li = document.createElement("li");
  li.className = "cchc-result";
  const link = document.createElement("a");
  link.href = data.url;
  link.className = "cchc-result__title";
  link.textContent = data.meta.title || data.url;
  const { line, summary } = describe(data, strings);
  const meta = document.createElement("p");
  meta.className = "cchc-result__meta";
  meta.textContent = line;
  li.append(link, meta);
  if (summary) {
    const p = document.createElement("p");
    p.className = "cchc-result__summary";
    p.textContent = summary;
    li.append(p);
  }
  return li;
}

class Results {
  constructor(root, strings) {
    this.status = root.parentElement.querySelector(".cchc-search-status");
    this.list = root.parentElement.querySelector(".cchc-results");
    this.strings = strings;
    this.more = null;
  }

  clear() {
    this.list.replaceChildren();
    this.more?.remove();
    this.more = null;
  }

  say(text) {
    this.status.textContent = text;
  }

  // Show ranked data first, then load the rest of Pagefind's results page by page on demand.
  show(ranked, rest) {
    this.clear();
    for (const data of ranked) this.list.append(renderItem(data, this.strings));
    let offset = 0;
    const next = async () => {
      const chunk = rest.slice(offset, offset + PAGE);
      offset += chunk.length;
      for (const data of await Promise.all(chunk.map((r) => r.data()))) {
        this.list.append(renderItem(data, this.strings));
      }
      if (offset >= rest.length) this.more?.remove();
    };
    if (rest.length) {
      this.more = document.createElement("button");
      this.more.type = "button";
      this.more.className = "md-button cchc-more";
      this.more.textContent = this.strings.search_more;
      this.more.addEventListener("click", next);
      this.list.after(this.more);
    }
  }
}

// One query's results: the query's own and its alternatives' (synonyms), each re-ranked, merged by address.
// Returns null when a newer query has started.
export async function findRanked(engine, q, filters, synonyms, isCurrent) {
  const options = { filters };
  if (!q) {
    options.sort = { name: "asc" }; // the finder without words: dictionary order
    const found = await engine.search(null, options);
    const ranked = await Promise.all(found.results.slice(0, PAGE).map((r) => r.data()));
    return isCurrent() ? { ranked, rest: found.results.slice(PAGE), total: found.results.length } : null;
  }
  const queries = [q, ...alternatives(q, synonyms)];
  const searches = await Promise.all(
    queries.map((query) => engine.search(CODE.test(query) ? query : searchedWords(query) || null, options)));
  if (!isCurrent()) return null;
  const best = new Map();
  let rest = [];
  let total = 0;
  for (const [n, found] of searches.entries()) {
    const query = queries[n];
    const head = await Promise.all(found.results.slice(0, LOOKAHEAD).map((r) => r.data()));
    if (!isCurrent()) return null;
    const kept = head.filter((data) => relevant(query, data));
    // An alternative's results come just after the query's own equally good ones.
    for (const [i, data] of kept.entries()) {
      const s = score(query, data, i) - (n ? 2 : 0);
      if (!best.has(data.url) || best.get(data.url).s < s) best.set(data.url, { data, s });
    }
    if (n === 0) {
      rest = kept.length ? found.results.slice(LOOKAHEAD) : [];
      total = kept.length ? found.results.length - (head.length - kept.length) : 0;
    }
  }
  const ranked = [...best.values()].sort((a, b) => b.s - a.s).map((x) => x.data);
  return { ranked, rest, total: Math.max(total, ranked.length) };
}

// The query as searched: pasted text may be decomposed.
export const cleanQuery = (query) => query.normalize("NFC").trim();

async function runSearch(engine, query, filters, results, strings, mode, isCurrent, synonyms) {
  const q = cleanQuery(query);
  if (!q && !Object.keys(filters).length) {
    results.clear();
    results.say("");
    return;
  }
  results.say(strings.search_loading);
  const found = await findRanked(engine, q, filters, synonyms, isCurrent);
  if (!found) return; // a newer query has started: its results win
  const { ranked, rest, total } = found;
  const pending = ranked.slice(PAGE).map((data) => ({ data: async () => data }));
  results.show(ranked.slice(0, PAGE), [...pending, ...rest]);
  if (!total) {
    results.say(
      mode === "finder"
        ? strings.finder_none
        : format(strings.search_none, { q, phone: strings.hotline }),
    );
  } else if (mode === "finder") {
    results.say(format(counted(strings, "finder_count", total), { n: total }));
  } else {
    results.say(format(counted(strings, "search_count", total), { n: total, q }));
  }
}

// The synonyms file (data/synonyms.yml for this language), fetched once per page; search works without it.
const synonymFiles = new Map();
export function loadSynonyms(url) {
  const href = new URL(url, window.location.href).href;
  if (!synonymFiles.has(href)) {
    synonymFiles.set(href, fetch(href).then((response) => response.json()).catch(() => null));
  }
  return synonymFiles.get(href);
}

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// The finder: filters and words applied to the finder's data file, in the browser.
export function matchItem(item, query, chosen) {
  for (const [i, name] of ["field", "level", "agency", "audience", "online"].entries()) {
    if (chosen[name] !== undefined && !item[3 + i].includes(chosen[name])) return false;
  }
  const q = words(fold(query));
  if (!q.length) return true;
  const text = words(fold(`${item[0]} ${item[2]}`));
  return q.every((w) => text.some((t) => t.startsWith(w)));
}

async function finder(root, strings) {
  const results = new Results(root, strings);
  const dataUrl = new URL(root.dataset.finder, window.location.href);
  const siteRoot = new URL("..", new URL(root.dataset.pagefind, window.location.href));
  const params = new URLSearchParams(window.location.search);
  const controls = [...root.querySelectorAll("input[name], select[name]")];
  for (const el of controls) if (params.has(el.name)) el.value = params.get(el.name);
  root.hidden = false;
  let data;
  try {
    data = await (await fetch(dataUrl)).json();
  } catch (error) {
    results.say(strings.search_error);
    throw error;
  }
  const toData = (item) => ({
    url: new URL(item[1], siteRoot).pathname,
    content: "",
    meta: {
      title: item[0], kind: "procedure", code: item[2], status: item[8],
      field: item[3].map((i) => data.facets.field[i]).join(", "),
      level: item[4].map((i) => data.facets.level[i]).join(", "),
    },
  });
  const update = (push) => {
    const chosen = {};
    for (const el of root.querySelectorAll("select")) if (el.value !== "") chosen[el.name] = Number(el.value);
    const query = root.querySelector("input[name=q]").value;
    if (push) {
      const next = new URLSearchParams();
      for (const el of controls) if (el.value) next.set(el.name, el.value);
      const search = next.toString();
      window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
    }
    if (!query.trim() && !Object.keys(chosen).length) {
      results.clear();
      results.say("");
      return;
    }
    const found = data.items.filter((item) => matchItem(item, query, chosen)).map(toData);
    results.show(found.slice(0, PAGE), found.slice(PAGE).map((d) => ({ data: async () => d })));
    results.say(found.length ? format(counted(strings, "finder_count", found.length), { n: found.length }) : strings.finder_none);
  };
  root.addEventListener("submit", (event) => {
    event.preventDefault();
    update(true);
  });
  root.addEventListener("reset", () => setTimeout(() => update(true), 0));
  root.querySelector("input[name=q]").addEventListener("input", debounce(() => update(true), 150));
  for (const el of root.querySelectorAll("select")) el.addEventListener("change", () => update(true));
  update(false);
}

async function main(root) {
  const strings = JSON.parse(root.dataset.strings);
  const mode = root.dataset.cchcSearch;
  if (mode === "finder") return finder(root, strings);
  const results = new Results(root, strings);
  const params = new URLSearchParams(window.location.search);
  const fields = [...root.querySelectorAll("input[name], select[name]")];
  for (const el of fields) {
    if (params.has(el.name)) el.value = params.get(el.name);
  }
  root.hidden = false;
  let engine;
  let synonyms = null;
  try {
    [engine, synonyms] = await Promise.all([
      loadEngine(root), root.dataset.synonyms ? loadSynonyms(root.dataset.synonyms) : null]);
  } catch (error) {
    results.say(strings.search_error);
    throw error;
  }
  let generation = 0;
  const update = async (push) => {
    const current = ++generation;
    const query = root.querySelector("input[name=q]").value;
    const filters = {};
    for (const el of fields) {
      if (el.tagName === "SELECT" && el.value) filters[el.name] = el.value;
    }
    if (push) {
      const next = new URLSearchParams();
      for (const el of fields) if (el.value) next.set(el.name, el.value);
      const search = next.toString();
      window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
    }
    try {
      await runSearch(engine, query, filters, results, strings, mode, () => current === generation, synonyms);
    } catch (error) {
      results.say(strings.search_error);
      throw error;
    }
  };
  root.addEventListener("submit", (event) => {
    event.preventDefault();
    update(true);
  });
  root.addEventListener("reset", () => setTimeout(() => update(true), 0));
  root.querySelector("input[name=q]").addEventListener("input", debounce(() => update(true), 250));
  for (const el of root.querySelectorAll("select")) el.addEventListener("change", () => update(true));
  await update(false);
  if (mode === "search" && !params.get("q")) root.querySelector("input[name=q]").focus();
}

const root = document.querySelector("[data-cchc-search]");
if (root) main(root);
