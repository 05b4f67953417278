// Test helpers: Debian's Chromium driven by playwright-core (never a downloaded browser), and the built site served locally.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { startStaticServer, type RunningServer } from "../../src/server/static-server.ts";

/** Debian's Chromium, or CHROMIUM_PATH; a clear failure naming the package when neither exists. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].filter((p): p is string => Boolean(p));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `Chromium not found (looked at ${candidates.join(", ")}). Install Debian's package: sudo apt-get install -y chromium, or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

/** A French reader's Chromium: `/` sends it to /fr/ whether a server redirects by Accept-Language (nginx, `npm run serve`) or the page's meta refresh does. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--accept-lang=fr-FR,fr",
    ],
  });
}

export function serveSite(root: string, headers?: Record<string, string>): Promise<RunningServer> {
  return startStaticServer({ root, headers });
}

/** Both ways a reader may come: every no-JS promise is tested with JavaScript on and off. */
export const JAVASCRIPT_MODES = [
  { javaScript: true, label: "with JavaScript" },
  { javaScript: false, label: "without JavaScript" },
];

/**
 * For a test file: the shared build served locally (`url`, with `headers` on every response) and Chromium (`browser`),
 * started before its tests and closed after them.
 */
export function browserOnSharedSite(headers?: Record<string, string>): {
  readonly browser: Browser;
  readonly url: string;
} {
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await serveSite(inject("siteDir"), headers);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("Chromium is started before the tests, not while the file loads");
      return browser;
    },
    get url() {
      if (!server) throw new Error("the site is served before the tests, not while the file loads");
      return server.url;
    },
  };
}
