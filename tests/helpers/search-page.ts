// Test helpers: a reader's use of a search page in Chromium, typing as a person would, timed in the page.
/// <reference lib="dom" />
import type { Page } from "playwright-core";

/** The search page at a phone's width, as the weight budgets measure it. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };

/** Types `query` in the search field as a reader would and waits for the status to announce the answer and
 * for the list to be whole. */
export async function searchFor(page: Page, query: string): Promise<{ urls: string[]; status: string }> {
  const field = page.getByRole("searchbox");
  await field.fill("");
  await field.pressSequentially(query);
  await page.locator(".search-status").filter({ hasText: query }).waitFor();
  // The first results come with the status, the others after: the list is whole when no longer busy.
  await page.locator(".search-results:not([aria-busy])").waitFor({ state: "attached" });
  const urls = await page
    .locator(".search-result-title a")
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return { urls, status: (await page.locator(".search-status").textContent()) ?? "" };
}

/** Milliseconds from a query typed to its results shown, measured in the page. */
export function timeQuery(page: Page, query: string): Promise<number> {
  return page.evaluate(async (query) => {
    const field = document.querySelector<HTMLInputElement>("#search-query")!;
    const status = document.querySelector(".search-status")!;
    const started = performance.now();
    const answered = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!status.textContent?.includes(query)) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
    field.value = query;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    await answered;
    return performance.now() - started;
  }, query);
}

/** Bytes a page has fetched (bodies and headers) from `page.goto` on: call before it, read the total when wanted. */
export function countTransfers(page: Page): () => Promise<number> {
  const sizes: Promise<number>[] = [];
  page.on("requestfinished", (request) => {
    const size = request.sizes().then((given) => given.responseBodySize + given.responseHeadersSize);
    // A request that ends after the total was read fails once the page is closed: only a total read before counts it.
    size.catch(() => undefined);
    sizes.push(size);
  });
  return async () => (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
}

/**
 * Focuses the search field and waits until the page is ready for a first query: Pagefind's WebAssembly and index
 * metadata loaded, the index described, its filters offered.
 */
export async function readyForQuery(page: Page): Promise<void> {
  const loaded = (pattern: RegExp) =>
    page.waitForEvent("requestfinished", (request) => pattern.test(new URL(request.url()).pathname));
  const prepared = Promise.all([
    loaded(/^\/pagefind\/wasm\.[\w-]+\.pagefind$/),
    loaded(/^\/pagefind\/pagefind\.[\w-]+\.pf_meta$/),
    loaded(/^\/pagefind\/languages\.json$/),
  ]);
  await page.getByRole("searchbox").focus();
  await prepared;
  await page.locator("#search-kind option").nth(1).waitFor({ state: "attached" });
}

/** The median of five query times: warm or not, one slow query does not decide. */
export async function medianQueryTime(
  page: Page,
  queries: readonly string[],
): Promise<{ median: number; times: number[] }> {
  const times: number[] = [];
  for (const query of queries) times.push(await timeQuery(page, query));
  return { median: [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!, times };
}
