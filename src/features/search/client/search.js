// The search page's interface in the browser: Pagefind, loaded from the site itself, answers as the reader types, in the page's language.
/* global document, location, history, fetch, DOMParser, Option, URLSearchParams */

/** Results shown at once: the others are counted, and a more precise search finds them. */
const SHOWN = 20;
/**
 * Results shown first, before the others' excerpts are fetched: what a first screen shows (measured at 4000 posts:
 * one result on a 390×844 phone, under two at 1280×800, three at 1920×1080). Each one more costs a fetch and an excerpt.
 */
const FIRST = 3;
/** The other results' excerpts are fetched this many at a time, so that a newer query never waits long behind them. */
const BATCH = 5;

const root = document.querySelector(".search");
const form = root.querySelector("form");
const field = form.elements.namedItem("q");
const choices = { kind: form.elements.namedItem("kind"), topic: form.elements.namedItem("topic") };
const status = root.querySelector(".search-status");
const list = root.querySelector(".search-results");
const lang = document.documentElement.lang;
const plural = new Intl.PluralRules(lang);

/** A text of the strings file, from the page, with its {placeholders} filled. */
function text(name, values = {}) {
  return root.dataset[name].replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

function element(name, className, content) {
  const made = document.createElement(name);
  if (className) made.className = className;
  if (content !== undefined) made.textContent = content;
  return made;
}

/** Pagefind's excerpt (HTML with <mark> around the words found) as text and marks only. */
function excerpt(html) {
  const paragraph = element("p", "search-excerpt");
  for (const node of new DOMParser().parseFromString(html, "text/html").body.childNodes) {
    paragraph.append(node.nodeName === "MARK" ? element("mark", "", node.textContent) : node.textContent);
  }
  return paragraph;
}

function resultItem(result) {
  const item = element("li", "search-result");
  const heading = element("h2", "search-result-title");
  const link = element("a", "", result.meta.title);
  link.href = result.url;
  heading.append(link);
  const facts = element("p", "post-meta");
  const kind = result.filters.kind?.[0];
  if (kind) facts.append(kind);
  if (result.meta.date) {
    const when = element("time", "", result.meta.date);
    if (result.meta.datetime) when.dateTime = result.meta.datetime;
    facts.append(kind ? " · " : "", when);
  }
  item.append(heading, facts, excerpt(result.excerpt));
  return item;
}

function summary(count, query) {
  if (count === 0) return text("none", { query });
  const found = text(plural.select(count) === "one" ? "one" : "other", { count, query });
  return count > SHOWN ? `${found} ${text("more", { shown: SHOWN })}` : found;
}

/** What the build says of this language's index: the folders of its other parts, and its filters' values. */
async function describeIndex(bundle) {
  // Asked again whenever the page is opened, as Pagefind does for its entry file: it changes with the site.
  const response = await fetch(new URL("languages.json", bundle), { cache: "no-cache" });
  if (!response.ok) throw new Error(`languages.json: ${response.status}`);
  const described = await response.json();
  // A language without an index of its own: Pagefind would answer from another language's, so nothing is searched.
  const index = Object.hasOwn(described, lang) ? described[lang] : undefined;
  if (!Array.isArray(index?.parts) || typeof index.filters !== "object") throw new Error(`languages.json: no ${lang}`);
  return index;
}

/** The values of each filter, as the choices of its list. */
function offerFilters(filters) {
  for (const [name, select] of Object.entries(choices)) {
    const values = [...(filters[name] ?? [])].sort((a, b) => a.localeCompare(b, lang));
    select.append(...values.map((value) => new Option(value, value)));
  }
}

/**
 * The other parts of this language's index (a large site's index is made in parts, so that an edit re-indexes one),
 * merged into Pagefind's at the first query: they share its WebAssembly, and a query searches them all.
 */
async function mergeParts(pagefind, bundle, parts) {
  // Pagefind merges once its WebAssembly runs, and would wait for ever if it cannot: its own search tells which.
  await pagefind.preload("");
  await Promise.all(parts.map((part) => pagefind.mergeIndex(new URL(part, bundle).pathname)));
}

function showUnavailable() {
  root.hidden = true;
  document.querySelector(".search-unavailable").hidden = false;
}

async function start() {
  const bundle = new URL(root.dataset.bundle, location.href);
  let pagefind;
  try {
    pagefind = await import(new URL("pagefind.js", bundle).href);
    // In the page rather than in a worker: the page's policy is the only one that allows Pagefind's WebAssembly.
    await pagefind.options({ noWorker: true });
  } catch {
    return showUnavailable();
  }
  let latest = 0;
  let described;
  let merged;
  // When the reader comes to the form: the filters' choices, and Pagefind started (it fetches its WebAssembly and the
  // first part's metadata meanwhile).
  const prepare = () =>
    (described ??= Promise.all([describeIndex(bundle), pagefind.init()]).then(([index]) => {
      offerFilters(index.filters);
      return index;
    }));

  async function search() {
    const ticket = ++latest;
    const query = field.value.trim();
    const filters = Object.fromEntries(
      Object.entries(choices)
        .filter(([, select]) => select.value)
        .map(([name, select]) => [name, select.value]),
    );
    history.replaceState(null, "", query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    if (!query && Object.keys(filters).length === 0) {
      list.replaceChildren();
      list.removeAttribute("aria-busy");
      status.textContent = "";
      return;
    }
    const index = await prepare();
    await (merged ??= mergeParts(pagefind, bundle, index.parts));
    const found = await pagefind.search(query || null, { filters });
    // A reader who typed on meanwhile (each letter is a query) wants the newer answer: this one stops here.
    if (ticket !== latest) return;
    const details = (from, to) => Promise.all(found.results.slice(from, to).map((result) => result.data()));
    // The first results as soon as they are there, then the others.
    const first = await details(0, FIRST);
    if (ticket !== latest) return;
    list.replaceChildren(...first.map(resultItem));
    status.textContent = summary(found.results.length, query || Object.values(filters).join(", "));
    // Busy until the others are in: assistive technologies (and the tests) wait for the whole list.
    if (found.results.length > FIRST) list.setAttribute("aria-busy", "true");
    else list.removeAttribute("aria-busy");
    for (let from = FIRST; from < Math.min(SHOWN, found.results.length); from += BATCH) {
      const others = await details(from, Math.min(from + BATCH, SHOWN));
      if (ticket !== latest) return;
      list.append(...others.map(resultItem));
    }
    list.removeAttribute("aria-busy");
  }

  const searchOrFail = () => search().catch(showUnavailable);
  form.addEventListener("focusin", () => prepare().catch(showUnavailable), { once: true });
  field.addEventListener("input", searchOrFail);
  for (const select of Object.values(choices)) select.addEventListener("change", searchOrFail);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    searchOrFail();
  });
  root.hidden = false;
  const asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    field.value = asked;
    await searchOrFail();
  }
}

start();
