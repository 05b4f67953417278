// Content-hashed names for stylesheets and scripts (site.css → site.3f2a9c1b0d.css), so servers can cache them for a year.
import { createHash } from "node:crypto";
import path from "node:path";

/** The long-cache names servers recognise: a dot, ten hex digits, the extension. */
export const FINGERPRINT = /\.[0-9a-f]{10}\.(css|js)$/;
const FINGERPRINTED_EXTENSIONS = new Set([".css", ".js"]);

/** Site path of each fingerprinted asset (/assets/css/site.css) → its hashed path and the bytes published there. */
export type Fingerprints = Map<string, { url: string; data: Buffer }>;

export function isFingerprinted(url: string): boolean {
  return FINGERPRINTED_EXTENSIONS.has(path.extname(url));
}

/** `/assets/css/site.css` and its bytes → `/assets/css/site.3f2a9c1b0d.css`. */
export function fingerprintedUrl(url: string, data: Buffer): string {
  const extension = path.extname(url);
  const hash = createHash("sha256").update(data).digest("hex").slice(0, 10);
  return url.slice(0, -extension.length) + `.${hash}${extension}`;
}
