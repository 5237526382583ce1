// cchc-suggest.js: results as you type under the header's search box, on every page.
//
// The box is a plain GET form to the search page (overrides/partials/cchc-search-form.html); this script makes
// it a combobox in the WAI-ARIA pattern: a listbox of the first results under it, ArrowDown/ArrowUp to move,
// Enter to open the chosen one, Escape to close, and a polite status line saying how many there are. Enter
// with nothing chosen submits the form as before, to the full results.
//
// Nothing of the search is fetched with the page: the search script, Pagefind and the synonyms are loaded the
// first time the reader focuses or types into the box (DESIGN.md §4 budgets a page's first visit). The results
// are the search page's own: the same findRanked of cchc-search.js, its first SHOWN.

const SHOWN = 5;
const DELAY = 200; // ms after the last keystroke
const MIN_LENGTH = 2; // characters before anything is searched

const format = (template, values) =>
  template.replace(/\{(\w+)\}/g, (_, key) => (key in values ? String(values[key]) : ""));

function combobox(form) {
  const input = form.querySelector("input[name=q]");
  const strings = JSON.parse(form.dataset.strings);
  const list = document.createElement("ul");
  list.id = `${input.id}-options`;
  list.className = "cchc-suggest";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", strings.suggest_label);
  list.hidden = true;
  // Present from the start, so screen readers follow it before its first message.
  const status = document.createElement("p");
  status.className = "cchc-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  form.append(list, status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  let search = null; // the search script, the engine and the synonyms, once asked for
  let generation = 0;
  let options = []; // the shown results' data
  let active = -1;

  const load = () => {
    search ??= (async () => {
      const module = await import(new URL("cchc-search.js", import.meta.url).href);
      const [engine, synonyms] = await Promise.all([
        module.openEngine(form.dataset.pagefind), module.loadSynonyms(form.dataset.synonyms)]);
      return { module, engine, synonyms };
    })();
    return search;
  };

  const choose = (index) => {
    active = index;
    for (const [i, li] of [...list.children].entries()) li.setAttribute("aria-selected", String(i === index));
    if (index < 0) {
      input.removeAttribute("aria-activedescendant");
    } else {
      input.setAttribute("aria-activedescendant", list.children[index].id);
      list.children[index].scrollIntoView({ block: "nearest" });
    }
  };

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    choose(-1);
  };

  const open = () => {
    if (!options.length) return;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };

  const show = (found, module) => {
    options = found;
    list.replaceChildren(...found.map((data, i) => {
      const li = document.createElement("li");
      li.id = `${list.id}-${i}`;
      li.className = "cchc-suggest__option";
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      const title = document.createElement("span");
      title.className = "cchc-suggest__title";
      title.textContent = data.meta.title || data.url;
      const meta = document.createElement("span");
      meta.className = "cchc-suggest__meta";
      meta.textContent = module.describe(data, strings).line;
      li.append(title, meta);
      return li;
    }));
    choose(-1);
    if (found.length) open();
    else close();
    const counted = found.length === 1 ? strings.suggest_count_one : strings.suggest_count; // "1 result", "2 results"
    status.textContent = found.length ? format(counted, { n: found.length }) : strings.suggest_none;
  };

  const update = async () => {
    const current = ++generation;
    const isCurrent = () => current === generation;
    const query = input.value;
    if (query.trim().length < MIN_LENGTH) {
      options = [];
      list.replaceChildren();
      close();
      status.textContent = "";
      return;
    }
    try {
      const { module, engine, synonyms } = await load();
      const found = await module.findRanked(engine, module.cleanQuery(query), {}, synonyms, isCurrent);
      if (found && isCurrent()) show(found.ranked.slice(0, SHOWN), module);
    } catch (error) {
      if (isCurrent()) close();
      throw error; // the form still submits to the search page
    }
  };

  let timer;
  input.addEventListener("focus", () => { load().catch(() => {}); }, { once: true });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, DELAY);
  });
  input.addEventListener("keydown", (event) => {
    if (event.isComposing) return; // a Vietnamese input method still composing the letter
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options.length) return;
      event.preventDefault();
      if (list.hidden) open();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = active < 0 && step < 0 ? options.length - 1 : active + step;
      choose(next >= options.length || next < -1 ? -1 : next);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      window.location.href = options[active].url;
    } else if (event.key === "Escape") {
      if (!list.hidden) {
        event.preventDefault();
        close();
      } else if (input.value) {
        input.value = "";
        generation++;
        options = [];
        list.replaceChildren();
        status.textContent = "";
      }
    }
  });
  input.addEventListener("blur", close);
  // A press on an option keeps the focus in the box (so blur does not close the list first), a click opens it.
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const li = event.target.closest("[role=option]");
    if (li) window.location.href = options[[...list.children].indexOf(li)].url;
  });
  input.addEventListener("click", open);
}

const form = document.querySelector("form.cchc-header-search[data-pagefind]");
if (form) combobox(form);
