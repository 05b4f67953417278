// What an old address (alias) may be: a plain path of this site that names no file of it and stays inside the output.
import { addressForms } from "../../core/model/checks.ts";
import { type Message, msg } from "../../core/i18n/message.ts";

/** The longest alias: the redirect map's hash buckets of deploy/nginx.conf are sized for it. */
export const MAX_ALIAS_LENGTH = 200;

export const ALIAS_EXPECTATION = msg`an old address of the site, e.g. /fr/ancien-titre/ or /blog/2019/ancien-titre.html`;

/** Folders and files at the root that belong to the build, never to a redirect. */
const RESERVED_FOLDERS = ["/_server/", "/assets/"];
const RESERVED_FILES = ["/index.html", "/404.html", "/sitemap.xml", "/robots.txt", "/_redirects"];

/** Letters and digits of any script, and the other unreserved characters of RFC 3986. */
const SEGMENT = /^[\p{L}\p{N}._~-]+$/u;
const FILE_ENDING = /\.html?$/;

/** Why an alias is refused, or undefined when it is a path the site can redirect from. */
export function aliasProblem(alias: string): Message | undefined {
  const found = JSON.stringify(alias);
  const refuse = (what: Message, fix = ALIAS_EXPECTATION) => msg`${found} ${what} (expected ${fix})`;
  if (alias.length > MAX_ALIAS_LENGTH)
    return refuse(msg`is ${alias.length} characters long`, msg`at most ${MAX_ALIAS_LENGTH} characters`);
  if (/\p{Cc}/u.test(alias)) return refuse(msg`holds a control character`);
  if (/[?#]/.test(alias))
    return refuse(msg`holds a query or a fragment (? or #)`, msg`the path alone: servers redirect by path`);
  if (alias.includes("%"))
    return refuse(
      msg`holds a % (an encoded character such as %2e, %2f or %C3%A9)`,
      msg`the address decoded, e.g. /fr/écologie/ for /fr/%C3%A9cologie/; encoded dots and slashes are refused`,
    );
  if (alias.includes("\\")) return refuse(msg`holds a backslash`, msg`slashes (/) between the parts of the address`);
  if (/[\s"'`]/u.test(alias))
    return refuse(msg`holds a space or a quote`, msg`letters, digits, -, _, . and ~ between the slashes`);
  if (!alias.startsWith("/"))
    return refuse(msg`is not an address from the site's root`, msg`it to start with /, e.g. /fr/ancien-titre/`);
  if (alias === "/") return refuse(msg`is the site's root`, msg`the old address of one post or page`);
  const segments = alias.slice(1).split("/");
  const folders = segments.slice(0, -1);
  const last = segments.at(-1) ?? "";
  for (const segment of [...folders, ...(last ? [last] : [])]) {
    if (segment === "") return refuse(msg`holds an empty part (//)`, msg`one / between two parts`);
    if (segment === "." || segment === "..")
      return refuse(
        msg`holds a ${segment} part`,
        msg`an address without . or .. parts, which would lead out of the site`,
      );
    if (segment.startsWith("."))
      return refuse(
        msg`holds the part ${JSON.stringify(segment)}, a hidden file name`,
        msg`parts that do not start with a dot`,
      );
    if (!SEGMENT.test(segment))
      return refuse(
        msg`holds a character addresses of tract cannot use in ${JSON.stringify(segment)}`,
        msg`letters, digits, -, _, . and ~ between the slashes`,
      );
  }
  const lower = alias.toLowerCase();
  const folder = RESERVED_FOLDERS.find((reserved) => lower.startsWith(reserved) || lower === reserved.slice(0, -1));
  if (folder)
    return refuse(
      msg`is in ${folder}, which holds the site's own files`,
      msg`an address outside /_server/ and /assets/`,
    );
  if (RESERVED_FILES.includes(lower))
    return refuse(msg`is a file of the site itself`, msg`an address the site does not use`);
  if (last && !FILE_ENDING.test(last))
    return refuse(
      msg`ends with neither / nor .html`,
      msg`a folder address ending with /, e.g. /fr/ancien-titre/, or a page file ending with .html or .htm`,
    );
  return undefined;
}

/** The file an address is written to, from the output's root: a folder's index.html. */
export function outputFile(url: string): string {
  return url.endsWith("/") ? `${url}index.html` : url;
}

/** The folders an address is written in, each as the path a file of that name would have (/fr/feed.xml/x/ needs a folder /fr/feed.xml). */
function folderPaths(url: string): string[] {
  const parts = outputFile(url).split("/").slice(1, -1);
  return parts.map((_, index) => `/${parts.slice(0, index + 1).join("/")}`);
}

export interface AliasClaim {
  file: string;
  line?: number | undefined;
  alias: string;
}

export interface KnownAddress {
  url: string;
  /** What the site publishes there, for the message: "a page of the site", "a file of the site". */
  what: Message;
}

export interface AliasCollision {
  claim: AliasClaim;
  taken: KnownAddress;
  /** `same`: a server would answer the alias with the known address; `folder`: the alias needs a folder where a file is. */
  how: "same" | "folder";
}

/** The addresses an alias would take from the site: one it answers in any form, or one whose name it would need for a folder. */
export function aliasCollisions(claims: AliasClaim[], known: KnownAddress[]): AliasCollision[] {
  const byForm = new Map<string, KnownAddress>();
  for (const address of known)
    for (const form of addressForms(address.url)) if (!byForm.has(form)) byForm.set(form, address);
  const byFile = new Map(known.map((address) => [outputFile(address.url), address]));
  return claims.flatMap((claim): AliasCollision[] => {
    const same = addressForms(claim.alias)
      .map((form) => byForm.get(form))
      .find((address) => address !== undefined);
    if (same) return [{ claim, taken: same, how: "same" }];
    const folder = folderPaths(claim.alias)
      .map((path) => byFile.get(path))
      .find((address) => address !== undefined);
    return folder ? [{ claim, taken: folder, how: "folder" }] : [];
  });
}

/** The line the build prints for a collision (after the file and the field). */
export function collisionMessage({ claim, taken, how }: AliasCollision): Message {
  if (how === "folder")
    return msg`URL ${claim.alias} needs a folder named like ${taken.url}, ${taken.what} (expected an address the site does not use)`;
  if (taken.url === claim.alias)
    return msg`URL ${claim.alias} is ${taken.what} (expected an address the site does not use)`;
  return msg`URL ${claim.alias} is answered as ${taken.url}, ${taken.what} (expected an address the site does not use)`;
}
