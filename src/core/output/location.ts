// Which folders a build may write: the output and its release store, never the project, a source folder or a folder tract did not make.
import { existsSync } from "node:fs";
import { lstat, readdir, readlink, realpath } from "node:fs/promises";
import path from "node:path";
import { BuildError } from "../content/problems.ts";
import { type Message, msg } from "../i18n/message.ts";

/** The project folders a build never writes into: the content, the code and what git and npm keep. */
export const SOURCE_FOLDERS = [
  "posts",
  "pages",
  "_data",
  "assets",
  "_includes",
  "src",
  "tests",
  "bench",
  "deploy",
  "docs",
  "node_modules",
  ".git",
  ".cache",
];

/** The file that marks a release store as tract's. */
export const STORE_MARKER = "tract-releases";

/** A file every site built by tract holds, also those built before the store had its marker. */
export const SITE_SIGNATURE = "_server/languages.map";

export class OutputRefused extends BuildError {
  constructor(text: Message) {
    super(text);
    this.name = "OutputRefused";
  }
}

export interface OutputLocation {
  /** The address readers' server serves: a symbolic link to the current release. */
  output: string;
  /** The folder beside it that holds the releases: `.<name>.releases`. */
  store: string;
  /** What is at the output's path now. */
  state: "absent" | "release" | "empty-folder" | "earlier-site";
}

/** The real path of `target`, resolving the part of it that exists (a path may be new). */
async function realPathOf(target: string): Promise<string> {
  let existing = target;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    rest.unshift(path.basename(existing));
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  return path.join(await realpath(existing), ...rest);
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * Where `given` (from --output) may be built, or why not: refused when it is the project or holds it, is inside a
 * source folder, or is something other than a release link, an empty folder or a site an earlier build made.
 */
export async function checkOutputLocation(root: string, given: string): Promise<OutputLocation> {
  const output = path.resolve(root, given);
  const store = path.join(path.dirname(output), `.${path.basename(output)}.releases`);
  const project = await realpath(root);
  const real = await realPathOf(output);
  const named = JSON.stringify(given);
  if (isInside(project, real)) {
    throw new OutputRefused(
      msg`--output ${named} ${real === project ? msg`is the project folder itself` : msg`holds the project folder`}: building there would replace posts/, _data/ and the rest (expected a folder of its own, e.g. _site or /var/www/tract/site)`,
    );
  }
  for (const folder of SOURCE_FOLDERS) {
    if (isInside(real, path.join(project, folder)))
      throw new OutputRefused(
        msg`--output ${named} is inside ${folder}/, a folder of the project's sources (expected a folder of its own, e.g. _site)`,
      );
  }
  const storeStatus = await lstat(store).catch(() => undefined);
  if (storeStatus && !(storeStatus.isDirectory() && existsSync(path.join(store, STORE_MARKER)))) {
    throw new OutputRefused(
      msg`${store} exists and was not made by tract (expected tract's release folder beside the output, or nothing there): move it away or choose another --output`,
    );
  }
  const status = await lstat(output).catch(() => undefined);
  if (!status) return { output, store, state: "absent" };
  if (status.isSymbolicLink()) {
    const target = path.resolve(path.dirname(output), await readlink(output));
    if (storeStatus && path.dirname(target) === store) return { output, store, state: "release" };
    throw new OutputRefused(
      msg`--output ${named} is a symbolic link to ${target}, not to a release of tract's (expected a path tract built before, or a new one)`,
    );
  }
  if (status.isDirectory()) {
    if ((await readdir(output)).length === 0) return { output, store, state: "empty-folder" };
    if (existsSync(path.join(output, SITE_SIGNATURE))) return { output, store, state: "earlier-site" };
    throw new OutputRefused(
      msg`--output ${named} is a folder that holds files no tract build made: a build replaces the whole folder (expected an empty folder, a new path, or the output of an earlier build)`,
    );
  }
  throw new OutputRefused(msg`--output ${named} is a file, not a folder (expected a folder for the site, e.g. _site)`);
}
