// Pagefind's bundle as the site publishes it: the files the search page needs under /pagefind/, their types, what its parts hold, and one cache entry for them all.
import { gunzipSync } from "node:zlib";
import type { Output } from "../../core/output/output.ts";

/** Where the bundle is published: Pagefind's script looks for its files beside itself. */
export const BUNDLE_PATH = "/pagefind/";

export interface BundleFile {
  /** Relative to the bundle, e.g. `fragment/fr_3a9c1b0.pf_fragment`. */
  path: string;
  content: Buffer;
}

/**
 * What the search page loads: Pagefind's script, its entry file, and each language's metadata, index, filter and
 * fragment files and WebAssembly (the one its entry names). Its ready-made interfaces, highlighter and web worker are
 * left out: the page has its own interface and runs Pagefind in the page, so that only the page needs the policy's
 * exception.
 */
const PUBLISHED =
  /^(?:pagefind\.js|pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|(?:index|fragment|filter)\/[\w-]+\.pf_(?:index|fragment|filter))$/;

const ENTRY = "pagefind-entry.json";

/**
 * Beside Pagefind's files, what the search page needs to know of each language's index before its first query: the
 * folders of its other parts, and the values of its filters, so that it offers them without fetching every part's
 * filter files (`{"fr": {"parts": ["fr-3/"], "filters": {"kind": ["Annonce"], "topic": ["charbon"]}}}`).
 */
export const LANGUAGES_FILE = "languages.json";

/** A filter's values, by filter name, as the templates' `data-pagefind-filter` attributes give them. */
export type FilterValues = Record<string, string[]>;

/** Every value of every filter that the pages of a bundle hold, read from the page records (fragments) Pagefind wrote. */
export function filterValues(files: readonly BundleFile[]): FilterValues {
  const values = new Map<string, Set<string>>();
  for (const file of files) {
    if (!/^fragment\/[\w-]+\.pf_fragment$/.test(file.path)) continue;
    const record = JSON.parse(inflate(file).toString("utf8")) as { filters?: Record<string, string[]> };
    for (const [name, given] of Object.entries(record.filters ?? {})) {
      const known = values.get(name) ?? new Set<string>();
      for (const value of given) known.add(value);
      values.set(name, known);
    }
  }
  return sortedValues(values);
}

/** The union of filter values, each list sorted (the same lists for the same pages, whatever the parts). */
export function mergeFilterValues(all: readonly FilterValues[]): FilterValues {
  const values = new Map<string, Set<string>>();
  for (const filters of all)
    for (const [name, given] of Object.entries(filters))
      values.set(name, new Set([...(values.get(name) ?? []), ...given]));
  return sortedValues(values);
}

function sortedValues(values: Map<string, Set<string>>): FilterValues {
  return Object.fromEntries([...values.keys()].sort().map((name) => [name, [...values.get(name)!].sort()] as const));
}

/** Pagefind's signature at the start of each of its data files, once inflated. */
const SIGNATURE = "pagefind_dcd";

/** One of Pagefind's data files (gzip, then its signature, then its data) as its data; an error naming it otherwise. */
export function inflate(file: BundleFile): Buffer {
  const data = gunzipSync(file.content);
  if (data.subarray(0, SIGNATURE.length).toString() !== SIGNATURE)
    throw new Error(`${file.path} does not start with Pagefind's signature ${SIGNATURE}`);
  return data.subarray(SIGNATURE.length);
}

interface Entry {
  languages: Record<string, { wasm: string }>;
}

function entryOf(files: readonly BundleFile[]): Entry {
  const entry = files.find((file) => file.path === ENTRY);
  if (!entry) throw new Error(`Pagefind wrote no ${ENTRY}`);
  return JSON.parse(entry.content.toString("utf8")) as Entry;
}

export function publishedFiles(files: readonly BundleFile[]): BundleFile[] {
  const wasm = new Set(Object.values(entryOf(files).languages).map((language) => `wasm.${language.wasm}.pagefind`));
  return files.filter((file) => PUBLISHED.test(file.path) || wasm.has(file.path));
}

/** What a part merged by the page needs of its bundle: not Pagefind's script nor its WebAssembly, which the first part brings. */
export function partFiles(files: readonly BundleFile[]): BundleFile[] {
  return files.filter((file) => file.path !== "pagefind.js" && !file.path.startsWith("wasm."));
}

/**
 * One bundle from bundles of distinct languages (one Pagefind run each): Pagefind names every file of a language after
 * it, so they are put side by side, and their entry files become one that lists every language, in the order Pagefind
 * itself gives them. The result is the bundle one run over all the pages makes (tests/unit/search-languages.test.ts).
 */
export function mergeBundles(bundles: readonly (readonly BundleFile[])[]): BundleFile[] {
  if (bundles.length === 1) return [...bundles[0]!];
  const entries = bundles.map(entryOf);
  const languages: Entry["languages"] = {};
  for (const language of entries.flatMap((entry) => Object.keys(entry.languages)).sort()) {
    if (language in languages) throw new Error(`two of Pagefind's indexes are for the language ${language}`);
    languages[language] = entries.find((entry) => language in entry.languages)!.languages[language]!;
  }
  const files = new Map<string, BundleFile>();
  for (const file of bundles.flat()) if (file.path !== ENTRY) files.set(file.path, file);
  const entry = { ...entries[0], languages };
  return [{ path: ENTRY, content: Buffer.from(JSON.stringify(entry)) }, ...files.values()];
}

/** Pagefind's own files are gzip inside (its script inflates them): no compressed copies of them. */
function typeOf(file: string): string {
  if (file.endsWith(".js")) return "text/javascript";
  if (file.endsWith(".json")) return "application/json";
  return "application/octet-stream";
}

export function bundleOutputs(files: readonly BundleFile[]): Output[] {
  return files.map((file) => ({
    url: BUNDLE_PATH + file.path,
    type: typeOf(file.path),
    origin: { feature: "search" },
    produce: () => file.content,
  }));
}

/** Every file in one buffer: a JSON list of paths and sizes, its length first (4 bytes), then the contents in order. */
export function packBundle(files: readonly BundleFile[]): Buffer {
  const list = Buffer.from(JSON.stringify(files.map((file) => [file.path, file.content.length])));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(list.length);
  return Buffer.concat([length, list, ...files.map((file) => file.content)]);
}

export function unpackBundle(packed: Buffer): BundleFile[] {
  const listEnd = 4 + packed.readUInt32BE(0);
  const list = JSON.parse(packed.subarray(4, listEnd).toString("utf8")) as [string, number][];
  let offset = listEnd;
  return list.map(([path, size]) => {
    const content = packed.subarray(offset, offset + size);
    offset += size;
    return { path, content };
  });
}
