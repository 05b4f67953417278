// The build's nginx `map` includes (_server/redirects.map, _server/languages.map), read and looked up as nginx does.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

export interface NginxMap {
  default: string | undefined;
  /** Exact keys, lower-cased: nginx matches map strings ignoring case. */
  exact: Map<string, string>;
  /** `~` (case-sensitive) and `~*` (case-insensitive) keys, tried in the file's order. */
  patterns: { pattern: RegExp; value: string }[];
}

/** The words of an nginx configuration text: quoted strings (with nginx's escapes), bare words and `;`. */
function tokens(text: string): string[] {
  const found: string[] = [];
  const token = /\s+|#[^\n]*|;|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|[^\s;"'#]+/y;
  while (token.lastIndex < text.length) {
    const at = token.lastIndex;
    const match = token.exec(text);
    if (!match) throw new Error(`unreadable text at character ${at}`);
    if (/^\s|^#/.test(match[0])) continue;
    const quoted = match[1] ?? match[2];
    found.push(quoted === undefined ? match[0] : quoted.replace(/\\(["'\\])/g, "$1"));
  }
  return found;
}

/** Parses the entries of a map include (`key value;` lines, `default value;`); `file` names it in errors. */
export function parseNginxMap(text: string, file: string): NginxMap {
  const map: NginxMap = { default: undefined, exact: new Map(), patterns: [] };
  let statement: string[] = [];
  try {
    for (const word of tokens(text)) {
      if (word !== ";") {
        statement.push(word);
        continue;
      }
      const [key, value, ...rest] = statement;
      if (key === undefined || value === undefined || rest.length > 0)
        throw new Error(`expected "key value;", found "${statement.join(" ")};"`);
      if (key === "default") map.default = value;
      else if (key.startsWith("~*")) map.patterns.push({ pattern: new RegExp(key.slice(2), "i"), value });
      else if (key.startsWith("~")) map.patterns.push({ pattern: new RegExp(key.slice(1)), value });
      else map.exact.set(key.replace(/^\\/, "").toLowerCase(), value);
      statement = [];
    }
    if (statement.length > 0) throw new Error(`"${statement.join(" ")}" lacks its final ";"`);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}; rebuild the site (npm run build) to rewrite it`, {
      cause: error,
    });
  }
  return map;
}

/** The entry for `value` in nginx's order: an exact key, then the first matching pattern (the default aside). */
export function matchNginxMap(map: NginxMap, value: string): string | undefined {
  return map.exact.get(value.toLowerCase()) ?? map.patterns.find(({ pattern }) => pattern.test(value))?.value;
}

/** What nginx sets the map's variable to for `value`. */
export function lookupNginxMap(map: NginxMap, value: string): string | undefined {
  return matchNginxMap(map, value) ?? map.default;
}

/**
 * Map files read once and reread when they change (another inode after a rebuild, or another release
 * folder): one entry per file name, so the maps of earlier releases are not kept.
 */
export class NginxMapFiles {
  private readonly read = new Map<string, { identity: string; map: NginxMap }>();

  /** The map in `file`, or undefined when the site has none. */
  async get(file: string): Promise<NginxMap | undefined> {
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return undefined;
      throw error;
    });
    if (!info) return undefined;
    const identity = `${file} ${info.dev}:${info.ino} ${info.size} ${info.mtimeMs}`;
    const known = this.read.get(path.basename(file));
    if (known?.identity === identity) return known.map;
    const map = parseNginxMap(await readFile(file, "utf8"), file);
    this.read.set(path.basename(file), { identity, map });
    return map;
  }
}
