// Finding a built file inside one release of the site: regular files only, no symlink, and its precompressed copy by Accept-Encoding.
import { lstat, realpath, stat } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import Negotiator from "negotiator";

export type Lookup = { kind: "file"; file: string } | { kind: "directory" } | { kind: "missing" };

/** Errors that mean "nothing there" rather than a failed read. */
const ABSENT = new Set(["ENOENT", "ENOTDIR", "ENAMETOOLONG", "ELOOP"]);

function absentAsUndefined(error: NodeJS.ErrnoException): undefined {
  if (ABSENT.has(error.code ?? "")) return undefined;
  throw error;
}

/**
 * What `segments` name inside `release` (a real folder, already resolved): a regular file, a folder
 * (to redirect to its address with a final slash), or nothing. Like nginx's
 * `disable_symlinks on from=$document_root`, a path through a symlink inside the release is missing.
 */
export async function lookUp(release: string, segments: string[], trailingSlash: boolean): Promise<Lookup> {
  const target = path.join(release, ...segments);
  const real = await realpath(target).catch(absentAsUndefined);
  if (real !== target) return { kind: "missing" };
  const info = await stat(real);
  if (info.isDirectory()) {
    if (!trailingSlash && segments.length > 0) return { kind: "directory" };
    const index = path.join(real, "index.html");
    return (await lstat(index).catch(absentAsUndefined))?.isFile()
      ? { kind: "file", file: index }
      : { kind: "missing" };
  }
  return info.isFile() && !trailingSlash ? { kind: "file", file: real } : { kind: "missing" };
}

const ENCODINGS = [
  { encoding: "br", extension: ".br" },
  { encoding: "gzip", extension: ".gz" },
] as const;

export interface Representation {
  /** The file to send: the original or its precompressed copy. */
  file: string;
  encoding: string | undefined;
  /** True when the build wrote precompressed copies, so the response depends on Accept-Encoding. */
  variesWithEncoding: boolean;
}

/** The copy of `file` to send: the client's best-rated encoding (q-values honoured) among those the build wrote, br first on a tie. */
export async function representationOf(file: string, request: IncomingMessage): Promise<Representation> {
  const written: string[] = [];
  for (const { encoding, extension } of ENCODINGS)
    if ((await lstat(file + extension).catch(absentAsUndefined))?.isFile()) written.push(encoding);
  if (written.length === 0) return { file, encoding: undefined, variesWithEncoding: false };
  const preferred = [...written, "identity"];
  const [best] = new Negotiator(request).encodings(preferred, { preferred });
  const chosen = ENCODINGS.find(({ encoding }) => encoding === best);
  return chosen
    ? { file: file + chosen.extension, encoding: chosen.encoding, variesWithEncoding: true }
    : { file, encoding: undefined, variesWithEncoding: true };
}
