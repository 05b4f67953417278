// Topics paired across languages (_data/topics.yaml): each topic page and its pages in other languages name each other with hreflang.
import { inject, describe, expect, it } from "vitest";
import { htmlPages } from "../helpers/site.ts";

describe("topic pages", () => {
  it("carry reciprocal hreflang links to the same topic in the other language", async () => {
    const pages = (await htmlPages(inject("siteDir"))).filter((page) =>
      /^\/(fr\/sujets|en\/topics)\/[^/]+\/$/.test(page.url),
    );
    const alternates = new Map(
      pages.map((page) => [
        page.url,
        new Map(
          page
            .$('link[rel="alternate"][hreflang]')
            .toArray()
            .map((link) => [page.$(link).attr("hreflang"), new URL(page.$(link).attr("href")!).pathname] as const),
        ),
      ]),
    );
    expect(alternates.get("/fr/sujets/climat/")).toEqual(
      new Map([
        ["fr", "/fr/sujets/climat/"],
        ["en", "/en/topics/climate/"],
        ["x-default", "/fr/sujets/climat/"],
      ]),
    );
    let paired = 0;
    for (const [url, links] of alternates) {
      for (const [lang, other] of links) {
        if (lang === "x-default" || other === url) continue;
        paired++;
        expect(alternates.get(other)?.get(url.startsWith("/fr/") ? "fr" : "en"), `${other} links back to ${url}`).toBe(
          url,
        );
      }
    }
    // Every English topic of the sample has its French page.
    expect(paired).toBe(2 * [...alternates.keys()].filter((url) => url.startsWith("/en/")).length);
  });
});
