// The feeds' addresses in one language: all posts as Atom, RSS 2.0 and JSON Feed, one Atom feed per topic, and the XSL that shows them.
import type { Routes } from "../../core/i18n/routes.ts";

export const SUBSCRIBE_PATH = "subscribe";

export function feedRoutes(routes: Routes) {
  const lang = routes.lang;
  return {
    /** The XSL stylesheet that shows the XML feeds as a page in a browser. */
    stylesheet: `/${lang}/feed.xsl`,
    atom: `/${lang}/feed.xml`,
    rss: `/${lang}/rss.xml`,
    json: `/${lang}/feed.json`,
    tag: (slug: string) => `${routes.tag(slug)}feed.xml`,
    subscribe: routes.path(SUBSCRIBE_PATH),
  };
}
