// Screenshots of a built site in Chromium, as the README shows it: `node --import tsx tests/helpers/screenshots.ts SITE_DIR OUT_PREFIX [URL…]`.
import path from "node:path";
import { launchChromium, serveSite } from "./browser.ts";

/** A phone and a laptop, as readers have them. */
export const SCREENS = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1366, height: 768 },
} as const;

/** Takes `<prefix>-<screen>.png` of the first screen of each page (`<prefix>-<page>-<screen>.png` when there are several). */
export async function screenshots(siteDir: string, prefix: string, urls: string[]): Promise<string[]> {
  const server = await serveSite(siteDir);
  const browser = await launchChromium();
  const files: string[] = [];
  try {
    for (const url of urls) {
      for (const [screen, viewport] of Object.entries(SCREENS)) {
        const page = await browser.newPage({ viewport, colorScheme: "light" });
        await page.goto(`${server.url}${url}`, { waitUntil: "load" });
        const name = urls.length > 1 ? `${prefix}-${url.replace(/\W+/g, "-").replace(/^-|-$/g, "")}` : prefix;
        const file = path.resolve(`${name}-${screen}.png`);
        await page.screenshot({ path: file });
        files.push(file);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [siteDir, prefix, ...urls] = process.argv.slice(2);
  if (!siteDir || !prefix) throw new Error("usage: screenshots.ts SITE_DIR OUT_PREFIX [URL…]");
  console.log((await screenshots(siteDir, prefix, urls.length ? urls : ["/fr/"])).join("\n"));
}
