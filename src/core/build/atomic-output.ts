// Builds into a temporary folder next to the output and swaps it into place only on success.
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Runs `build` with a fresh temporary folder beside `outputDir`. On success the folder replaces
 * `outputDir` (two renames on one file system); on failure it is removed and `outputDir` is untouched.
 */
export async function withAtomicOutput<T>(outputDir: string, build: (tempDir: string) => Promise<T>): Promise<T> {
  const parent = path.dirname(path.resolve(outputDir));
  await mkdir(parent, { recursive: true });
  const tempDir = await mkdtemp(path.join(parent, ".tract-build-"));
  let result: T;
  try {
    result = await build(tempDir);
  } catch (error) {
    // Retried: a plugin's writes may still be landing in the folder when another plugin's error arrives.
    await rm(tempDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    throw error;
  }
  const previous = existsSync(outputDir) ? `${tempDir.replace(".tract-build-", ".tract-old-")}` : undefined;
  if (previous) await rename(outputDir, previous);
  await rename(tempDir, outputDir);
  if (previous) await rm(previous, { recursive: true, force: true });
  return result;
}
