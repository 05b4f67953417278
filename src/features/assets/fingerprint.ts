// Content-hashed names for stylesheets and scripts (site.css → site.3f2a9c1b0d.css), so servers can cache them for a year.
import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

/** The long-cache names servers recognise: a dot, ten hex digits, the extension. */
export const FINGERPRINT = /\.[0-9a-f]{10}\.(css|js)$/;
const FINGERPRINTED_EXTENSIONS = new Set([".css", ".js"]);

/** Site path of each fingerprintable asset (/assets/css/site.css) → its hashed path. */
export type Fingerprints = Map<string, string>;

export async function fingerprintAssets(root: string, assetsDir = "assets"): Promise<Fingerprints> {
  const entries = await readdir(path.join(root, assetsDir), { recursive: true, withFileTypes: true });
  const fingerprints: Fingerprints = new Map();
  for (const entry of entries) {
    const extension = path.extname(entry.name);
    if (!entry.isFile() || !FINGERPRINTED_EXTENSIONS.has(extension)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const hash = createHash("sha256").update(await readFile(file)).digest("hex").slice(0, 10);
    const sitePath = "/" + path.relative(root, file).split(path.sep).join("/");
    fingerprints.set(sitePath, sitePath.slice(0, -extension.length) + `.${hash}${extension}`);
  }
  return fingerprints;
}
