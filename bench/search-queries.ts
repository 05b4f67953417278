// `npm run bench -- --search`: how fast each language's search page answers in Chromium on a phone, on the built site with search.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { SECURITY_HEADERS } from "../src/server/security-headers.ts";
import { startStaticServer } from "../src/server/static-server.ts";
import { launchChromium } from "../tests/helpers/browser.ts";
import { PHONE, countTransfers, readyForQuery, timeQuery } from "../tests/helpers/search-page.ts";
import { median } from "./report.ts";
import { ENGLISH, FRENCH, type Vocabulary } from "./vocabulary.ts";

/** Words looked up on each page: as many as the test's list, and more, so that one slow word does not decide. */
const QUERIES = 15;

/** How long a reader waits, once a list is whole, before the next query: a query measured alone. */
const READING_MS = 300;

export interface QueryTimes {
  lang: string;
  /** The search page, as the language's 404 page's form sends readers to it. */
  url: string;
  words: string[];
  /** Bytes fetched from opening the page to being ready for the first query (Pagefind started, filters offered). */
  bytesBeforeFirstQuery: number;
  /** Each word, typed once the previous list was whole and read: what a reader waits for. */
  aloneMs: number[];
  /** The same words again in a new page, each typed as soon as the previous answer showed (the test's helper does so). */
  inARowMs: number[];
}

export interface QuerySummary {
  lang: string;
  bytesBeforeFirstQuery: number;
  firstMs: number;
  /** Median of the words after the first (which also merges the index's parts). */
  medianAloneMs: number;
  medianInARowMs: number;
}

/** Words of the corpus's own vocabulary, spread over its nouns and adjectives: each is in the language's posts. */
function queryWords(vocabulary: Vocabulary): string[] {
  const words = [
    ...vocabulary.nounPhrases.map((phrase) => phrase.split(/[\s'’]/).at(-1)!),
    ...vocabulary.adjectives.map((adjective) => adjective.split(" ")[0]!),
  ].filter((word, index, all) => word.length > 3 && all.indexOf(word) === index);
  return Array.from({ length: QUERIES }, (_, index) => words[(index * 7) % words.length]!);
}

async function searchPageOf(siteDir: string, lang: string): Promise<string> {
  const notFound = await readFile(path.join(siteDir, lang, "404.html"), "utf8");
  const action = /<form class="search-form"[^>]* action="([^"]+)"/.exec(notFound)?.[1];
  if (!action) throw new Error(`${lang}/404.html has no search form: is the search feature on?`);
  return action;
}

async function openReady(page: Page, url: string): Promise<number> {
  const transferred = countTransfers(page);
  await page.goto(url, { waitUntil: "networkidle" });
  await readyForQuery(page);
  return transferred();
}

export async function measureQueries(siteDir: string): Promise<QueryTimes[]> {
  const server = await startStaticServer({ root: siteDir, headers: SECURITY_HEADERS });
  const browser = await launchChromium();
  try {
    const results: QueryTimes[] = [];
    for (const [lang, vocabulary] of [
      ["fr", FRENCH],
      ["en", ENGLISH],
    ] as const) {
      const url = await searchPageOf(siteDir, lang);
      const words = queryWords(vocabulary);
      const alone = await (await browser.newContext(PHONE)).newPage();
      const bytesBeforeFirstQuery = await openReady(alone, `${server.url}${url}`);
      const aloneMs: number[] = [];
      for (const word of words) {
        aloneMs.push(await timeQuery(alone, word));
        await alone.locator(".search-results:not([aria-busy])").waitFor({ state: "attached" });
        await alone.waitForTimeout(READING_MS);
      }
      const inARow = await (await browser.newContext(PHONE)).newPage();
      await openReady(inARow, `${server.url}${url}`);
      const inARowMs: number[] = [];
      for (const word of words) inARowMs.push(await timeQuery(inARow, word));
      results.push({ lang, url, words, bytesBeforeFirstQuery, aloneMs, inARowMs });
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}

export function summariseQueries(times: QueryTimes): QuerySummary {
  return {
    lang: times.lang,
    bytesBeforeFirstQuery: times.bytesBeforeFirstQuery,
    firstMs: times.aloneMs[0]!,
    medianAloneMs: median(times.aloneMs.slice(1)),
    medianInARowMs: median(times.inARowMs.slice(1)),
  };
}
