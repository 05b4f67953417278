// The site path a request asks for, decoded and normalised as nginx does ($uri), and the only form a Location header is built from.

/** A request target that names a site path, or why it names none. */
export type RequestPath =
  { kind: "path"; path: string; segments: string[]; canonical: boolean } | { kind: "bad"; reason: string };

/**
 * Decodes the path of a request target (origin form, `/…`), merges repeated slashes and resolves `.`
 * and `..` as nginx does. `canonical` is false when the decoded path was written another way
 * (`/.//fr`, `//evil.example/`, `/a/../b`): the server redirects those to `pathFor(segments)`.
 */
export function parseRequestPath(target: string): RequestPath {
  if (!target.startsWith("/")) return { kind: "bad", reason: "the request target is not a path" };
  const raw = target.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { kind: "bad", reason: "malformed percent-encoding" };
  }
  if (decoded.includes("\0")) return { kind: "bad", reason: "a NUL byte in the path" };
  const segments: string[] = [];
  for (const segment of decoded.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment !== "..") segments.push(segment);
    else if (segments.pop() === undefined) return { kind: "bad", reason: "a path above the site's root" };
  }
  const trailingSlash = segments.length > 0 && /\/\.{0,2}$/.test(decoded);
  const path = pathFor(segments, trailingSlash, false);
  return { kind: "path", path, segments, canonical: path === decoded };
}

/**
 * The path for these segments, percent-encoded when `encoded` (for a Location header): it always
 * starts with exactly one `/` followed by a segment with no `/` or `\`, so no client reads it as
 * another host (`//host`, `/\host`).
 */
export function pathFor(segments: string[], trailingSlash: boolean, encoded = true): string {
  const parts = encoded ? segments.map((segment) => encodeURIComponent(segment)) : segments;
  const joined = `/${parts.join("/")}`;
  return trailingSlash && segments.length > 0 ? `${joined}/` : joined;
}

/** True for a path that can only lead to this host: a single leading slash, no backslash, no control character. */
export function isSameOriginPath(location: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  return /^\/(?![/\\])/.test(location) && !/[\\\u0000-\u001f\u007f]/.test(location);
}
