// Reproducible ZIP files (yazl): entries sorted by name, one fixed date, fixed modes, no extra fields that vary.
import { createHash } from "node:crypto";
import yazl from "yazl";
import type { DateTime } from "luxon";
import type { BuildMemo } from "../../core/build/build-memo.ts";

/**
 * ZIP stores local wall-clock time (DOS format), which yazl reads from a Date in the process's time
 * zone: a Date built from the wall-clock fields of `when` gives the same bytes on every machine.
 */
function wallClock(when: DateTime): Date {
  return new Date(when.year, when.month - 1, when.day, when.hour, when.minute, when.second);
}

export function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Packs `files` (path in the archive → content) so that the same files and date always give the same bytes. The
 * preview packs the kits at every rebuild: `packed` keeps those whose files have not changed.
 */
export function zipFiles(
  files: Map<string, Buffer | string>,
  when: DateTime,
  packed: BuildMemo<string, Promise<Buffer>>,
): Promise<Buffer> {
  const names = [...files.keys()].sort();
  const key = createHash("sha256").update(when.toISO() ?? "");
  for (const name of names) {
    const content = files.get(name) as Buffer | string;
    key.update(`\0${name}\0${Buffer.byteLength(content)}\0`).update(content);
  }
  return packed.get(key.digest("hex"), () => packZip(files, when));
}

/** Packs `files` with their names sorted, one fixed date and fixed modes: the same files and date give the same bytes. */
export function packZip(files: Map<string, Buffer | string>, when: DateTime): Promise<Buffer> {
  const names = [...files.keys()].sort();
  const zip = new yazl.ZipFile();
  const mtime = wallClock(when);
  for (const name of names) {
    const content = files.get(name) as Buffer | string;
    // forceDosTimestamp: no "UT" extra field with a Unix time; mode fixed rather than taken from a file.
    zip.addBuffer(Buffer.from(content), name, { mtime, mode: 0o100644, compress: true, forceDosTimestamp: true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on("error", reject);
  });
}
