// The files of assets/ the site publishes: regular files only (no link is followed out of the project), no dotfiles.
import { constants } from "node:fs";
import { lstat, open, readdir, realpath } from "node:fs/promises";
import path from "node:path";
import { type Problem, formatProblem } from "../content/problems.ts";
import { SNIFF_BYTES, assetKind } from "./asset-kind.ts";
import { type Message, msg } from "../i18n/message.ts";

export const ASSETS = "assets";

export interface AssetFile {
  /** Relative to the project root, with forward slashes: `assets/img/poster.jpg`. */
  path: string;
  /** Where the site publishes it: `/assets/img/poster.jpg`. */
  url: string;
}

/** An asset the build cannot publish, with the problem naming the file and the fix. */
export class AssetError extends Error {
  constructor(readonly problem: Problem) {
    super(formatProblem(problem));
    this.name = "AssetError";
  }
}

export function assetProblem(file: string, message: Message, severity: Problem["severity"] = "error"): Problem {
  return { file, message, severity };
}

const SYMLINK = msg`is a symbolic link, which the build never follows (expected a regular file or folder: put the file itself in assets/, not a link to it)`;
const NOT_REGULAR = msg`is not a regular file (a named pipe, socket or device; expected a regular file, or nothing of that name in assets/)`;
const DOTFILE = msg`is not published: names starting with a dot (.env, .git, .DS_Store) are never published (rename it if it belongs on the site)`;

/**
 * The bytes of an asset, opened without following a link (O_NOFOLLOW) in a folder that is where it should be:
 * a file swapped for a link after the listing is refused, not followed.
 */
export async function readAssetFile(root: string, file: string, length = Infinity): Promise<Buffer> {
  const absolute = path.join(root, file);
  const folder = await realpath(path.dirname(absolute));
  if (folder !== path.join(await realpath(root), path.dirname(file)))
    throw new AssetError(assetProblem(path.dirname(file), SYMLINK));
  const handle = await open(absolute, constants.O_RDONLY | constants.O_NOFOLLOW).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ELOOP") throw new AssetError(assetProblem(file, SYMLINK));
      throw error;
    },
  );
  try {
    const status = await handle.stat();
    if (!status.isFile()) throw new AssetError(assetProblem(file, NOT_REGULAR));
    if (length === Infinity) return await handle.readFile();
    const head = Buffer.alloc(Math.min(length, status.size));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Every file under `folder` (relative to root), folders first refused or skipped as a whole. */
async function walk(root: string, folder: string, found: string[], problems: Problem[]): Promise<void> {
  const entries = await readdir(path.join(root, folder), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = `${folder}/${entry.name}`;
    if (entry.name.startsWith(".")) problems.push(assetProblem(file, DOTFILE, "warning"));
    else if (entry.isSymbolicLink()) problems.push(assetProblem(file, SYMLINK));
    else if (entry.isDirectory()) await walk(root, file, found, problems);
    else if (entry.isFile()) found.push(file);
    else problems.push(assetProblem(file, NOT_REGULAR));
  }
}

/**
 * Every file of assets/ the site will publish, and a problem for each one it will not: an error for a link, a
 * device or a picture in a format it cannot clean, a warning for a dotfile (skipped). `npm run check` and the
 * build share this list.
 */
export async function listAssets(root: string): Promise<{ files: AssetFile[]; problems: Problem[] }> {
  const status = await lstat(path.join(root, ASSETS)).catch(() => undefined);
  if (!status) return { files: [], problems: [] };
  if (status.isSymbolicLink()) return { files: [], problems: [assetProblem(ASSETS, SYMLINK)] };
  if (!status.isDirectory())
    return {
      files: [],
      problems: [
        assetProblem(
          ASSETS,
          msg`is not a folder (expected a folder holding the site's stylesheets, pictures and files)`,
        ),
      ],
    };
  const found: string[] = [];
  const problems: Problem[] = [];
  await walk(root, ASSETS, found, problems);
  const files: AssetFile[] = [];
  for (const file of found) {
    try {
      const kind = await assetKind(file, await readAssetFile(root, file, SNIFF_BYTES));
      if (kind.type === "refused") problems.push(assetProblem(file, kind.message));
      else files.push({ path: file, url: `/${file}` });
    } catch (error) {
      // Replaced by a link or a device since the folder was read.
      if (!(error instanceof AssetError)) throw error;
      problems.push(error.problem);
    }
  }
  return { files, problems };
}
