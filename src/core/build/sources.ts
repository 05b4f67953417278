// A fingerprint of everything a build reads (content, data, templates, assets, code, dependencies), to tell whether sources changed since the last build.
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
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

/** The files of `entries` (files or folders, relative to `root`; missing ones skipped), each folder's sorted, in order. */
export async function filesOf(root: string, entries: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const entry of entries) {
    const absolute = path.join(root, entry);
    const status = await stat(absolute).catch(() => undefined);
    if (!status) continue;
    if (!status.isDirectory()) files.push(absolute);
    else
      files.push(
        ...(await readdir(absolute, { recursive: true, withFileTypes: true }))
          .filter((item) => item.isFile())
          .map((item) => path.join(item.parentPath, item.name))
          .sort(),
      );
  }
  return files;
}

/**
 * Paths, sizes and modification times of every source file: cheap to compute, and changes with any edit. Each file's
 * status is read synchronously: at thousands of posts, a round trip through libuv's thread pool per file cost a second.
 */
export async function sourcesFingerprint(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const file of await filesOf(root, SOURCES)) {
    const info = statSync(file);
    hash.update(`${path.relative(root, file)}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return hash.digest("hex");
}
