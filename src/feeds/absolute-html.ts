// An entry's HTML with absolute links, as feeds need it: computed once per entry and build, whatever the number of feeds it is in.
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";

/** How the plugin re-serialises HTML: self-closing tags written `<br />`, valid in XML and HTML. */
export const POSTHTML_OPTIONS = { closingSingleTag: "slash" } as const;

/**
 * A post is an entry of its language's Atom, RSS and JSON feeds and of a feed per tag: without this, its HTML was
 * parsed and re-serialised up to a dozen times per build. Cleared by each build, so a dev server never grows it.
 */
const converted = new Map<string, Promise<string>>();

export function clearAbsoluteHtml(): void {
  converted.clear();
}

export function absoluteHtml(html: string, entryUrl: string): Promise<string> {
  const key = `${entryUrl}\0${html}`;
  let result = converted.get(key);
  if (!result) {
    result = convertHtmlToAbsoluteUrls(html, entryUrl, POSTHTML_OPTIONS);
    converted.set(key, result);
  }
  return result;
}
