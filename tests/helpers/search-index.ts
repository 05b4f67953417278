// Test helpers: Pagefind's index files as a built site holds them, decompressed and read (a fragment is one page's record, as JSON).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { inflate } from "../../src/features/search/bundle.ts";
import { listFiles } from "./site.ts";

/** Pagefind's index files: gzip, then its signature, then its data (read with the feature's own `inflate`). */
export const SEARCH_INDEX = /^pagefind\/.*\.pf_(fragment|index|meta|filter)$/;

/** What Pagefind keeps of one page: its address, its words, its filters and metadata. */
export interface Fragment {
  url: string;
  content: string;
  language: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  /** The part of its language's index that holds it: "" for the bundle's own, else its folder (`fr-3/`). */
  part: string;
}

/** Every page record of the site's index, in all its parts, with the language its file name gives (fr_3a9c1b0.pf_fragment). */
export async function searchFragments(siteDir: string): Promise<Fragment[]> {
  const files = (await listFiles(path.join(siteDir, "pagefind"))).filter(
    (file) => path.basename(path.dirname(file)) === "fragment" && file.endsWith(".pf_fragment"),
  );
  return Promise.all(
    files.map(async (file) => {
      const record = JSON.parse(inflate({ path: file, content: await readFile(file) }).toString("utf8")) as Omit<
        Fragment,
        "language" | "part"
      >;
      const folder = path.relative(path.join(siteDir, "pagefind"), path.dirname(path.dirname(file)));
      return { ...record, language: path.basename(file).split("_")[0]!, part: folder ? `${folder}/` : "" };
    }),
  );
}
