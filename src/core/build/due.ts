// Whether a build has anything to do: sources changed since the last release, or the clock passed a moment that changes the site.
import type { DateTime } from "luxon";
import { checkOutputLocation } from "../output/location.ts";
import { readManifest } from "../output/manifest.ts";
import { sourcesFingerprint } from "./sources.ts";
import path from "node:path";
import { readlink } from "node:fs/promises";
import { type Message, msg } from "../i18n/message.ts";

export type Due = { due: boolean; why: Message };

/**
 * Whether the build has anything to do. When not: `files`, how many files the current release holds, and `warnings`,
 * how many the last build gave, for the summary of a build that had nothing to do (it does not hide them).
 */
export async function buildDue(
  root: string,
  outputDir: string,
  now: DateTime,
): Promise<Due & { files?: number; warnings?: number }> {
  const location = await checkOutputLocation(root, outputDir);
  if (location.state !== "release") return { due: true, why: msg`there is no release yet` };
  const id = path.basename(await readlink(location.output));
  const manifest = await readManifest(path.join(location.store, `${id}.json`));
  if (!manifest) return { due: true, why: msg`the last release has no record of its sources` };
  if (manifest.sources !== (await sourcesFingerprint(root)))
    return { due: true, why: msg`sources changed since the last build` };
  // Between the last build's clock and the next change it foresaw, the site is the same: outside, it may not be.
  if (now.toMillis() < Date.parse(manifest.builtAt))
    return { due: true, why: msg`the clock (${now.toISO() ?? ""}) is before the last build's (${manifest.builtAt})` };
  if (manifest.nextChange && now.toMillis() >= Date.parse(manifest.nextChange))
    return { due: true, why: msg`the site changes at ${manifest.nextChange} (an embargo ends or an event is over)` };
  return {
    due: false,
    files: manifest.files.length,
    warnings: manifest.warnings,
    why: manifest.nextChange
      ? msg`nothing changed since the last build (${manifest.builtAt}); next change at ${manifest.nextChange}`
      : msg`nothing changed since the last build (${manifest.builtAt})`,
  };
}
