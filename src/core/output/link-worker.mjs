// Worker thread of the writer: links the unchanged files of the last release into the new one while the writer goes on.
// Plain JavaScript: worker threads do not get tsx's TypeScript loader.
import { linkSync, lstatSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parentPort } from "node:worker_threads";

/** The folders this worker made: one writer's, as each writer starts a worker of its own. */
const folders = new Set();

/**
 * Links `source` and its compressed copies to `target` when the last build's files are still as it wrote them (a file
 * edited since is not reused): their stamp, or null.
 */
function reuse({ source, target, stamp, sizes }) {
  const status = lstatSync(source, { throwIfNoEntry: false });
  const unchanged =
    status?.isFile() && status.ino === stamp.ino && status.mtimeMs === stamp.mtimeMs && status.size === sizes[""];
  if (!unchanged) return null;
  const variants = Object.keys(sizes).filter((variant) => variant !== "");
  for (const variant of variants) {
    const copy = lstatSync(source + variant, { throwIfNoEntry: false });
    if (!copy?.isFile() || copy.size !== sizes[variant]) return null;
  }
  const folder = path.dirname(target);
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true, mode: 0o755 });
    folders.add(folder);
  }
  for (const variant of ["", ...variants]) linkSync(source + variant, target + variant);
  // A hard link is the same file: the same inode and modification time.
  return { ino: status.ino, mtimeMs: status.mtimeMs };
}

parentPort.on("message", ({ batch, requests }) => {
  const results = requests.map((request) => {
    try {
      return { stamp: reuse(request) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
  parentPort.postMessage({ batch, results });
});
