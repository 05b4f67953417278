// Gate: each page's HTML plus the same-origin CSS, JS and fonts it loads stays under 30 KB gzip; a post's HTML under 14 KB.
import { describe, expect, inject, it } from "vitest";
import { heaviestPages, overBudget, pageWeights } from "../helpers/gates.ts";
import { readPageFacts } from "../helpers/page-facts.ts";
import { listFiles } from "../helpers/site.ts";

describe("weight budget", () => {
  it("keeps every page light", async () => {
    const siteDir = inject("siteDir");
    const files = new Set(await listFiles(siteDir));
    const pages = await readPageFacts(siteDir, files);
    const weights = await pageWeights(siteDir, pages, files);
    console.log(`Heaviest pages (gzip, HTML + CSS + JS + fonts):\n${heaviestPages(weights)}`);
    expect(weights.filter((weight) => weight.kind === "post").length).toBeGreaterThan(0);
    expect(overBudget(weights)).toEqual([]);
  });
});
