// Pagefind's bundle as the site publishes it: the files the search page needs under /pagefind/, their types, and one cache entry for them all.
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
