// Before a release becomes the site: every file the writer wrote is there, with the size it was written with.
import { lstat } from "node:fs/promises";
import path from "node:path";
import pMap from "p-map";
import type { WrittenFile } from "./writer.ts";
import { BuildError } from "../content/problems.ts";
import { msg } from "../i18n/message.ts";

export async function verifyRelease(dir: string, files: readonly WrittenFile[]): Promise<void> {
  await pMap(
    // A file linked from the last release was checked before it was linked, and a link is all or nothing.
    files
      .filter((file) => !file.reused)
      .flatMap((file) => Object.entries(file.sizes).map(([variant, size]) => ({ name: file.file + variant, size }))),
    async ({ name, size }) => {
      const status = await lstat(path.join(dir, name)).catch(() => undefined);
      if (!status?.isFile() || status.size !== size) {
        throw new BuildError(
          status
            ? msg`${name} is ${status.size} bytes instead of ${size} in the new release: the site was not switched (is the disk full?)`
            : msg`${name} is missing in the new release: the site was not switched (is the disk full?)`,
        );
      }
    },
    { concurrency: 64 },
  );
}
