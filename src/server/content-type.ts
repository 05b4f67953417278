// The Content-Type of a built file: mime-types' registry, with tract's choices for feeds, stylesheets and cards.
import path from "node:path";
import mime from "mime-types";

/** Where tract differs from the registry: XML as XML with its charset, XSL as browsers apply it, vCard's registered type. */
const OVERRIDES: Record<string, string> = {
  ".xml": "application/xml; charset=utf-8",
  ".xsl": "text/xsl; charset=utf-8",
  ".vcf": "text/vcard; charset=utf-8",
};

/** Feeds by file name (src/core/i18n/routes.ts): their registered types, except for browsers, which only apply a feed's XSL stylesheet to XML. */
const FEED_TYPES: Record<string, string> = {
  "feed.xml": "application/atom+xml; charset=utf-8",
  "rss.xml": "application/rss+xml; charset=utf-8",
  "feed.json": "application/feed+json; charset=utf-8",
};

/** True for the files whose type depends on the request's Accept header (XML feeds), which must say `Vary: Accept`. */
export function typeVariesWithAccept(file: string): boolean {
  return path.extname(file) === ".xml" && path.basename(file) in FEED_TYPES;
}

export function contentTypeFor(file: string, accept = ""): string {
  const feedType = FEED_TYPES[path.basename(file)];
  if (feedType && !(typeVariesWithAccept(file) && /text\/html/i.test(accept))) return feedType;
  const extension = path.extname(file).toLowerCase();
  return OVERRIDES[extension] ?? (mime.contentType(extension) || "application/octet-stream");
}
