// A fingerprint of everything a build reads (content, data, templates, assets, code, dependencies), to tell whether sources changed since the last build.
import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

const SOURCES = [
  "posts",
  "pages",
  "_data",
  "_includes",
  "assets",
  "src",
  "eleventy.config.ts",
  "package.json",
  "package-lock.json",
];

/** Paths, sizes and modification times of every source file: cheap to compute, and changes with any edit. */
export async function sourcesFingerprint(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const source of SOURCES) {
    const absolute = path.join(root, source);
    const status = await stat(absolute).catch(() => undefined);
    if (!status) continue;
    const files = status.isDirectory()
      ? (await readdir(absolute, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => path.join(entry.parentPath, entry.name))
      : [absolute];
    for (const file of files.sort()) {
      const info = await stat(file);
      hash.update(`${path.relative(root, file)}\0${info.size}\0${info.mtimeMs}\n`);
    }
  }
  return hash.digest("hex");
}
