// Test helpers: the state of a folder tree (every file's hash, folders and links), to prove a build changed nothing it should not.
import { createHash } from "node:crypto";
import { readdir, readFile, readlink } from "node:fs/promises";
import path from "node:path";

/** Every file and folder under `dir` with its content's hash, skipping `skip` (paths from `dir`); symbolic links are not followed. */
export async function snapshot(dir: string, skip: string[] = []): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, file);
    if (skip.some((skipped) => relative === skipped || relative.startsWith(`${skipped}${path.sep}`))) continue;
    entries[relative] = entry.isFile()
      ? createHash("sha256")
          .update(await readFile(file))
          .digest("hex")
      : entry.isDirectory()
        ? "folder"
        : `link to ${await readlink(file)}`;
  }
  return entries;
}
