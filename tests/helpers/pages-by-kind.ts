// Test helpers: one page of each kind and language, picked from the build itself so new kinds are covered unasked.
import type { HtmlPage } from "./site.ts";

export interface Sample {
  kind: string;
  lang: string;
  url: string;
  /** Where the page's meta refresh sends the browser, for pages that only redirect. */
  redirect?: string;
}

/**
 * One page per (kind, language): kind from <body data-page>, with its layout when it has its own
 * (<body data-layout>, e.g. "post/press-release"); language from <html lang>; the first URL in order wins.
 */
export function pagesByKind(pages: HtmlPage[]): Sample[] {
  const samples = new Map<string, Sample>();
  for (const page of [...pages].sort((a, b) => a.url.localeCompare(b.url))) {
    const layout = page.$("body").attr("data-layout");
    const kind = layout ? `${page.$("body").attr("data-page")}/${layout}` : page.$("body").attr("data-page");
    const lang = page.$("html").attr("lang");
    if (!kind || !lang) throw new Error(`${page.url} has no data-page or lang: every page must declare both`);
    const key = `${kind} ${lang}`;
    const refresh = page.$('meta[http-equiv="refresh"]').attr("content");
    const redirect = refresh ? /url=(.+)$/i.exec(refresh)?.[1] : undefined;
    if (!samples.has(key)) samples.set(key, { kind, lang, url: page.url, ...(redirect ? { redirect } : {}) });
  }
  return [...samples.values()];
}
