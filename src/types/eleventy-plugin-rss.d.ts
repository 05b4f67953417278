// Typed declaration of the part of @11ty/eleventy-plugin-rss 3.0.0 that tract uses (the package ships no .d.ts).

declare module "@11ty/eleventy-plugin-rss" {
  import type { Plugin } from "@11ty/eleventy/UserConfig";

  /** Options passed to posthtml when `htmlToAbsoluteUrls` re-serialises HTML. */
  export interface PosthtmlRenderOptions {
    closingSingleTag?: "tag" | "slash" | "default";
  }

  /** Adds the Nunjucks filters absoluteUrl, htmlToAbsoluteUrls, dateToRfc3339, dateToRfc822 and getNewestCollectionItemDate. */
  const rssPlugin: Plugin;
  export default rssPlugin;
  export { rssPlugin };

  /** `new URL(url, base)`, or `url` unchanged when that fails. */
  export function absoluteUrl(url: string, base: string): string;
  /** Every URL in the HTML (href, src, srcset…) resolved against `base`. */
  export function convertHtmlToAbsoluteUrls(
    html: string,
    base: string,
    options?: PosthtmlRenderOptions,
  ): Promise<string>;
  /** RFC 3339 in UTC, without milliseconds: 2025-01-27T09:00:00Z. */
  export function dateToRfc3339(date: Date): string;
  /** RFC 822, with the offset of `timeZone`: Mon, 27 Jan 2025 10:00:00 +0100. */
  export function dateToRfc822(date: Date | string | number, timeZone?: string): string;
  /** The newest `date` of the items, or `emptyFallbackDate` (else now) when there is none. */
  export function getNewestCollectionItemDate(items: { date: Date }[], emptyFallbackDate?: Date): Date;
}
