// An entry's HTML with absolute links, as feeds need it: computed once per entry, whatever the number of feeds it is in.
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import type { BuildMemo } from "../../core/build/build-memo.ts";

/** How the plugin re-serialises HTML: self-closing tags written `<br />`, valid in XML and HTML. */
const POSTHTML_OPTIONS = { closingSingleTag: "slash" } as const;

/**
 * A post is an entry of its language's Atom, RSS and JSON feeds and of a feed per tag: `converted` (the session's)
 * keeps its HTML from being parsed and re-serialised a dozen times per build, and again at each preview rebuild.
 */
export function absoluteHtml(
  html: string,
  entryUrl: string,
  converted: BuildMemo<string, Promise<string>>,
): Promise<string> {
  return converted.get(`${entryUrl}\0${html}`, () => convertHtmlToAbsoluteUrls(html, entryUrl, POSTHTML_OPTIONS));
}
