// What every output depends on besides its own inputs: tract's code and packages, the templates, the site's settings, languages and strings.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { filesOf } from "./sources.ts";

/** Read whole, by content: a change to any of them makes every output again (cached work keeps that cheap). */
const ENVIRONMENT = [
  "src",
  "_includes",
  "eleventy.config.ts",
  "package-lock.json",
  "_data/site.yaml",
  "_data/languages.yaml",
  "_data/strings",
];

export async function environmentKey(root: string): Promise<string> {
  const hash = createHash("sha256").update(`node ${process.version}\n`);
  for (const file of await filesOf(root, ENVIRONMENT))
    hash
      .update(`${path.relative(root, file)}\0`)
      .update(await readFile(file))
      .update("\0");
  return hash.digest("hex");
}
